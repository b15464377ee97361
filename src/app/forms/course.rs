//! The supplier course form: new, edit, and the successor course of a supplier change. Pure
//! state and rules; `ui::popups::course_form` draws it and `app::courses` saves it.
//!
//! Supplier and consultant are pickers: typing chooses the best match, ←/→ step through the
//! other matches. Nothing but a supplier is required; checklist gaps are shown, not enforced.

use super::{line_input, text_of};
use crate::app::core::settings::Settings;
use crate::app::form_kit::{Candidate, Pick};
use crate::app::lookup::items::Items;
use crate::domain::reports::{ChecklistGap, checklist_gaps};
use crate::domain::schedule::report_dues;
use crate::i18n::{Lang, Msg, cpr_error, parse_error};
use crate::model::{
    CaseId, ContactId, ContactKind, Course, CourseId, FreeText, OrderChecklist, ReportCadence,
};
use crate::query::directory::{ContactEntry, Directory};
use crate::search::{Fuzzy, normalise, rank};
use crate::time::{format_date, parse_date};
use chrono::{Days, NaiveDate};
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

/// The fields in the order Tab visits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CourseField {
    Supplier,
    Consultant,
    Kind,
    Start,
    End,
    Hours,
    Cadence,
    Purpose,
    CloseFollowUp,
    DirectContact,
    PreferredConsultant,
}

impl CourseField {
    pub const ALL: [CourseField; 11] = [
        CourseField::Supplier,
        CourseField::Consultant,
        CourseField::Kind,
        CourseField::Start,
        CourseField::End,
        CourseField::Hours,
        CourseField::Cadence,
        CourseField::Purpose,
        CourseField::CloseFollowUp,
        CourseField::DirectContact,
        CourseField::PreferredConsultant,
    ];

    pub fn label(self) -> Msg {
        match self {
            CourseField::Supplier => Msg::Supplier,
            CourseField::Consultant => Msg::FieldConsultantMentor,
            CourseField::Kind => Msg::FieldKind,
            CourseField::Start => Msg::FieldStartDate,
            CourseField::End => Msg::FieldEndDate,
            CourseField::Hours => Msg::FieldHoursWeek,
            CourseField::Cadence => Msg::FieldCadence,
            CourseField::Purpose => Msg::Purpose,
            CourseField::CloseFollowUp => Msg::FieldCloseFollowUp,
            CourseField::DirectContact => Msg::FieldDirectContact,
            CourseField::PreferredConsultant => Msg::FieldPreferredConsultant,
        }
    }
}

/// What saving the form makes.
pub enum CourseFormMode {
    New,
    Edit(Box<Course>),
    /// A new course at another supplier that continues `Course`, which ends with it.
    Successor(Box<Course>),
}

/// A contact picker: the typed text, the best matches and the chosen one.
pub struct Picker {
    pub input: TextArea<'static>,
    pub matches: Vec<(ContactId, String)>,
    pub chosen: Option<ContactId>,
}

/// How many matches a picker keeps.
const PICKER_ROWS: usize = 8;

impl Picker {
    fn new(chosen: Option<ContactId>, directory: Option<&Directory>) -> Picker {
        let label = chosen.map(|id| contact_label(id, directory));
        Picker {
            input: line_input(label.as_ref().map_or("", |l| l.0.as_str())),
            matches: chosen.zip(label.map(|l| l.1)).into_iter().collect(),
            chosen,
        }
    }

    /// The chosen contact's label, for drawing.
    pub fn chosen_label(&self) -> Option<&str> {
        let id = self.chosen?;
        self.matches
            .iter()
            .find(|m| m.0 == id)
            .map(|m| m.1.as_str())
    }

    /// Steps the choice through the matches.
    fn step(&mut self, delta: i32) {
        if self.matches.is_empty() {
            return;
        }
        let n = self.matches.len() as i32;
        let next = match self.matches.iter().position(|m| Some(m.0) == self.chosen) {
            Some(i) => (i as i32 + delta).rem_euclid(n) as usize,
            // Nothing chosen yet: → takes the first, ← the last.
            None if delta > 0 => 0,
            None => (n - 1) as usize,
        };
        self.chosen = self.matches.get(next).map(|m| m.0);
    }

    /// Matches `candidates` against the typed text; the best one is chosen.
    fn rematch(&mut self, candidates: &[&ContactEntry]) {
        let query = text_of(&self.input);
        let hits = rank(&Fuzzy::default(), candidates, |c| label(c), &query);
        self.matches = hits
            .iter()
            .take(PICKER_ROWS)
            .map(|(i, _)| (candidates[*i].id, label(candidates[*i])))
            .collect();
        self.chosen = if query.trim().is_empty() {
            None
        } else {
            self.matches.first().map(|m| m.0)
        };
    }
}

/// Consultants and mentors to pick from (everyone when there are none), the supplier's own
/// people first.
pub(crate) fn consultant_candidates(
    directory: &Directory,
    supplier: Option<ContactId>,
) -> Vec<&ContactEntry> {
    let supplier_name = supplier
        .and_then(|id| directory.contacts.iter().find(|c| c.id == id))
        .map(|c| c.name.as_str())
        .unwrap_or_default();
    let mut people: Vec<&ContactEntry> = directory
        .contacts
        .iter()
        .filter(|c| matches!(c.kind, ContactKind::Consultant | ContactKind::Mentor))
        .collect();
    if people.is_empty() {
        people = directory.contacts.iter().collect();
    }
    people.sort_by_key(|c| c.organisation != supplier_name || supplier_name.is_empty());
    people
}

/// Contacts as a picker's candidates, in the order given.
pub(crate) fn contact_candidates(contacts: &[&ContactEntry]) -> Vec<Candidate> {
    contacts
        .iter()
        .map(|c| Candidate {
            pick: Pick::Contact(c.id),
            label: label(c),
            haystack: label(c),
        })
        .collect()
}

/// "Jonas Berg (Udsyn Mentorhuset)".
pub(crate) fn label(c: &ContactEntry) -> String {
    if c.organisation.is_empty() {
        c.name.clone()
    } else {
        format!("{} ({})", c.name, c.organisation)
    }
}

/// (name as typed, label) of a contact, or its number when the directory does not know it.
fn contact_label(id: ContactId, directory: Option<&Directory>) -> (String, String) {
    directory
        .and_then(|d| d.contacts.iter().find(|c| c.id == id))
        .map_or_else(
            || (format!("#{id}"), format!("#{id}")),
            |c| (c.name.clone(), label(c)),
        )
}

pub struct CourseForm {
    pub case: CaseId,
    pub mode: CourseFormMode,
    pub focus: CourseField,
    pub supplier: Picker,
    pub consultant: Picker,
    /// Course kinds as (key, label).
    pub kinds: Vec<(String, String)>,
    pub kind: usize,
    pub start: TextArea<'static>,
    pub end: TextArea<'static>,
    /// The end was typed: it no longer follows the start.
    end_typed: bool,
    pub hours: TextArea<'static>,
    pub cadence: TextArea<'static>,
    pub purpose: TextArea<'static>,
    pub close_follow_up: bool,
    pub direct_contact: bool,
    pub preferred: TextArea<'static>,
    pub errors: Vec<(CourseField, String)>,
    /// The courses-and-requests popup to return to.
    pub back: Option<Items>,
    length_weeks: u32,
    today: NaiveDate,
}

/// The cadence as the caseworker types it: "månedlig", "4u", "slut", "31.01.2027, 28.02.2027".
pub fn cadence_text(cadence: &ReportCadence, lang: Lang) -> String {
    match cadence {
        ReportCadence::Monthly => Msg::CadenceMonthlyWord.text(lang).to_string(),
        ReportCadence::EveryWeeks { weeks } => match lang {
            Lang::Da => format!("{weeks}u"),
            Lang::En => format!("{weeks}w"),
        },
        ReportCadence::EndOnly => Msg::CadenceEndWord.text(lang).to_string(),
        ReportCadence::Dates { dates } => dates
            .iter()
            .map(|d| format_date(*d))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// Reads a cadence: empty or "månedlig"/"monthly"; "4u", "4 uger", "every 4 weeks"; "slut",
/// "end"; or dates separated by commas, read from `reference` on.
pub fn parse_cadence(
    text: &str,
    reference: NaiveDate,
    lang: Lang,
) -> Result<ReportCadence, String> {
    let folded = normalise(text.trim());
    let words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || c == '.')
        .filter(|w| !w.is_empty())
        .collect();
    let not_understood = || Msg::CadenceNotUnderstood.text(lang).to_string();
    match words.as_slice() {
        [] | ["manedlig" | "maanedlig" | "monthly" | "md" | "m" | "maned" | "maaned" | "month"] => {
            return Ok(ReportCadence::Monthly);
        }
        ["slut" | "end" | "slutrapport"]
        | ["kun" | "only", "slut" | "slutrapport" | "end"]
        | ["end", "only"] => return Ok(ReportCadence::EndOnly),
        _ => {}
    }
    // "4u", "4w", "4 uger", "hver 4 uge", "every 4 weeks".
    let number_words: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !matches!(*w, "hver" | "every" | "a" | "hvert"))
        .collect();
    let weeks = match number_words.as_slice() {
        [one] => one
            .strip_suffix(['u', 'w'])
            .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit())),
        [n, "u" | "uge" | "uger" | "w" | "week" | "weeks"] => Some(*n),
        _ => None,
    };
    if let Some(n) = weeks {
        return n
            .parse::<u8>()
            .ok()
            .filter(|n| (1..=52).contains(n))
            .map(|weeks| ReportCadence::EveryWeeks { weeks })
            .ok_or_else(not_understood);
    }
    if !text.contains(|c: char| c.is_ascii_digit()) {
        return Err(not_understood());
    }
    let mut dates = Vec::new();
    for part in text
        .split([',', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let date = parse_date(part, reference).map_err(|e| parse_error(&e, lang))?;
        dates.push(date);
    }
    dates.sort();
    dates.dedup();
    Ok(ReportCadence::Dates { dates })
}

impl CourseForm {
    /// A new course for `case` from today, with the configured defaults.
    pub fn new(
        settings: &Settings,
        case: CaseId,
        today: NaiveDate,
        lang: Lang,
        back: Option<Items>,
    ) -> CourseForm {
        let courses = &settings.courses;
        let end = default_end(today, courses.length_weeks);
        CourseForm {
            case,
            mode: CourseFormMode::New,
            focus: CourseField::Supplier,
            supplier: Picker::new(None, None),
            consultant: Picker::new(None, None),
            kinds: settings.course_kinds.clone(),
            kind: 0,
            start: line_input(&format_date(today)),
            end: line_input(&format_date(end)),
            end_typed: false,
            hours: line_input(""),
            cadence: line_input(&cadence_text(&courses.report_cadence.to_model(), lang)),
            purpose: line_input(""),
            close_follow_up: false,
            direct_contact: false,
            preferred: line_input(""),
            errors: Vec::new(),
            back,
            length_weeks: courses.length_weeks,
            today,
        }
    }

    /// The form filled from `course`: to edit it, or (`successor`) to continue it at another
    /// supplier from today, with its kind, end, cadence and order but no supplier yet.
    pub fn from_course(
        settings: &Settings,
        course: &Course,
        successor: bool,
        directory: Option<&Directory>,
        today: NaiveDate,
        lang: Lang,
        back: Option<Items>,
    ) -> CourseForm {
        let mut form = CourseForm::new(settings, course.case, today, lang, back);
        let mut kinds = form.kinds.clone();
        if !kinds.iter().any(|k| k.0 == course.kind) {
            kinds.push((course.kind.clone(), course.kind.clone()));
        }
        form.kind = kinds.iter().position(|k| k.0 == course.kind).unwrap_or(0);
        form.kinds = kinds;
        // An edit keeps the course's own end, even when it has passed; a successor runs from
        // today, so it ends today at the earliest.
        let end = if successor {
            course.end.max(today)
        } else {
            course.end
        };
        form.end = line_input(&format_date(end));
        form.end_typed = true;
        form.hours = line_input(
            &course
                .hours_per_week
                .map_or_else(String::new, |h| h.to_string()),
        );
        form.cadence = line_input(&cadence_text(&course.cadence, lang));
        form.purpose = line_input(&course.checklist.purpose);
        form.close_follow_up = course.checklist.close_follow_up;
        form.direct_contact = course.checklist.direct_contact_given;
        form.preferred = line_input(&course.checklist.preferred_consultant);
        if successor {
            form.mode = CourseFormMode::Successor(Box::new(course.clone()));
        } else {
            form.supplier = Picker::new(Some(course.supplier), directory);
            form.consultant = Picker::new(course.consultant, directory);
            form.start = line_input(&format_date(course.start));
            form.focus = CourseField::Consultant;
            form.mode = CourseFormMode::Edit(Box::new(course.clone()));
        }
        form
    }

    pub fn is_edit(&self) -> bool {
        matches!(self.mode, CourseFormMode::Edit(_))
    }

    pub fn next_field(&mut self) {
        self.focus = step_field(self.focus, 1);
    }

    pub fn prev_field(&mut self) {
        self.focus = step_field(self.focus, -1);
    }

    /// Whether the focused field takes typed text (else space and arrows change it).
    pub fn focus_is_text(&self) -> bool {
        !matches!(
            self.focus,
            CourseField::Kind | CourseField::CloseFollowUp | CourseField::DirectContact
        )
    }

    /// A key for the focused field.
    pub fn type_key(&mut self, key: KeyEvent, directory: Option<&Directory>) {
        let sideways = match key.code {
            KeyCode::Left => Some(-1),
            KeyCode::Right => Some(1),
            KeyCode::Char(' ') if !self.focus_is_text() => Some(1),
            _ => None,
        };
        self.errors.clear();
        match (self.focus, sideways) {
            (CourseField::Supplier, Some(d)) => {
                if self.supplier.matches.is_empty() {
                    self.match_suppliers(directory);
                }
                self.supplier.step(d)
            }
            (CourseField::Consultant, Some(d)) => {
                // With nothing typed, ←/→ walk the chosen supplier's people first.
                if self.consultant.matches.is_empty() {
                    self.match_consultants(directory);
                }
                self.consultant.step(d)
            }
            (CourseField::Kind, Some(d)) => {
                let n = self.kinds.len().max(1) as i32;
                self.kind = (self.kind as i32 + d).rem_euclid(n) as usize;
            }
            (CourseField::CloseFollowUp, Some(_)) => self.close_follow_up = !self.close_follow_up,
            (CourseField::DirectContact, Some(_)) => self.direct_contact = !self.direct_contact,
            (CourseField::Kind | CourseField::CloseFollowUp | CourseField::DirectContact, None) => {
            }
            (field, _) => {
                let Some(input) = self.input_mut(field) else {
                    return;
                };
                if !input.input(key) {
                    return;
                }
                match field {
                    CourseField::Supplier => self.match_suppliers(directory),
                    CourseField::Consultant => self.match_consultants(directory),
                    CourseField::Start if !self.end_typed => self.follow_start(),
                    CourseField::End => self.end_typed = true,
                    _ => {}
                }
            }
        }
    }

    fn input_mut(&mut self, field: CourseField) -> Option<&mut TextArea<'static>> {
        Some(match field {
            CourseField::Supplier => &mut self.supplier.input,
            CourseField::Consultant => &mut self.consultant.input,
            CourseField::Start => &mut self.start,
            CourseField::End => &mut self.end,
            CourseField::Hours => &mut self.hours,
            CourseField::Cadence => &mut self.cadence,
            CourseField::Purpose => &mut self.purpose,
            CourseField::PreferredConsultant => &mut self.preferred,
            CourseField::Kind | CourseField::CloseFollowUp | CourseField::DirectContact => {
                return None;
            }
        })
    }

    /// A new start moves the default end with it, until the end is typed.
    fn follow_start(&mut self) {
        if let Ok(start) = parse_date(&text_of(&self.start), self.today) {
            self.end = line_input(&format_date(default_end(start, self.length_weeks)));
        }
    }

    fn match_suppliers(&mut self, directory: Option<&Directory>) {
        let Some(directory) = directory else { return };
        let suppliers: Vec<&ContactEntry> = directory
            .contacts
            .iter()
            .filter(|c| c.kind == ContactKind::Supplier)
            .collect();
        let candidates = if suppliers.is_empty() {
            directory.contacts.iter().collect()
        } else {
            suppliers
        };
        self.supplier.rematch(&candidates);
    }

    /// Consultants and mentors, the chosen supplier's own first.
    fn match_consultants(&mut self, directory: Option<&Directory>) {
        let Some(directory) = directory else { return };
        let people = consultant_candidates(directory, self.supplier.chosen);
        self.consultant.rematch(&people);
    }

    pub fn kind_key(&self) -> &str {
        self.kinds.get(self.kind).map_or("", |k| k.0.as_str())
    }

    fn dates(&self) -> (Result<NaiveDate, String>, Result<NaiveDate, String>, Lang) {
        let lang = Lang::En;
        let start =
            parse_date(&text_of(&self.start), self.today).map_err(|e| parse_error(&e, lang));
        let end = parse_date(&text_of(&self.end), self.today).map_err(|e| parse_error(&e, lang));
        (start, end, lang)
    }

    /// The due dates the course would get, for the form to show (empty while a date or the
    /// cadence does not read).
    pub fn preview(&self) -> Vec<(NaiveDate, bool)> {
        let (Ok(start), Ok(end), lang) = self.dates() else {
            return Vec::new();
        };
        match parse_cadence(&text_of(&self.cadence), start, lang) {
            Ok(cadence) => report_dues(start, end, &cadence),
            Err(_) => Vec::new(),
        }
    }

    fn checklist(&self) -> OrderChecklist {
        OrderChecklist {
            purpose: text_of(&self.purpose).trim().to_string(),
            close_follow_up: self.close_follow_up,
            direct_contact_given: self.direct_contact,
            preferred_consultant: text_of(&self.preferred).trim().to_string(),
        }
    }

    /// What the order lacks as the form stands.
    pub fn gaps(&self) -> Vec<ChecklistGap> {
        checklist_gaps(&self.checklist())
    }

    /// The course the form describes (reports not yet scheduled: the caller does that), or
    /// what is wrong per field. `id` is used for a new course.
    pub fn build(&self, id: CourseId, lang: Lang) -> Result<Course, Vec<(CourseField, String)>> {
        let mut errors = Vec::new();
        let supplier = self.supplier.chosen;
        if supplier.is_none() {
            errors.push((
                CourseField::Supplier,
                Msg::ChooseSupplier.text(lang).to_string(),
            ));
        }
        let consultant_typed = !text_of(&self.consultant.input).trim().is_empty();
        if consultant_typed && self.consultant.chosen.is_none() {
            errors.push((
                CourseField::Consultant,
                Msg::ChooseContact.text(lang).to_string(),
            ));
        }
        let mut date = |field, input: &TextArea<'_>| match parse_date(&text_of(input), self.today) {
            Ok(date) => Some(date),
            Err(e) => {
                errors.push((field, parse_error(&e, lang)));
                None
            }
        };
        let start = date(CourseField::Start, &self.start);
        let end = date(CourseField::End, &self.end);
        // Refused rather than warned: a course cannot end before it starts, and its final
        // report would fall before the first day. It is always a typo.
        if let (Some(start), Some(end)) = (start, end)
            && end < start
        {
            errors.push((CourseField::End, Msg::EndBeforeStart.text(lang).to_string()));
        }
        let hours_text = text_of(&self.hours).trim().to_string();
        let hours = if hours_text.is_empty() {
            None
        } else {
            match hours_text
                .parse::<u8>()
                .ok()
                .filter(|h| (1..=80).contains(h))
            {
                Some(h) => Some(h),
                None => {
                    errors.push((
                        CourseField::Hours,
                        Msg::HoursNotUnderstood.text(lang).to_string(),
                    ));
                    None
                }
            }
        };
        let cadence =
            match parse_cadence(&text_of(&self.cadence), start.unwrap_or(self.today), lang) {
                Ok(cadence) => Some(cadence),
                Err(message) => {
                    errors.push((CourseField::Cadence, message));
                    None
                }
            };
        let (Some(supplier), Some(start), Some(end), Some(cadence), true) =
            (supplier, start, end, cadence, errors.is_empty())
        else {
            return Err(errors);
        };
        let base = match &self.mode {
            CourseFormMode::Edit(course) => Some(course.as_ref()),
            _ => None,
        };
        let course = Course {
            id: base.map_or(id, |c| c.id),
            case: self.case,
            supplier,
            consultant: self.consultant.chosen,
            kind: self.kind_key().to_string(),
            start,
            end,
            hours_per_week: hours,
            cadence,
            checklist: self.checklist(),
            reports: base.map_or_else(Vec::new, |c| c.reports.clone()),
            outcome: base.and_then(|c| c.outcome.clone()),
            continues: match &self.mode {
                CourseFormMode::Successor(old) => Some(old.id),
                CourseFormMode::Edit(c) => c.continues,
                CourseFormMode::New => None,
            },
        };
        for (field, text) in course.free_text() {
            if let Err(e) = crate::privacy::check_no_cpr(field, text) {
                let at = if field == "checklist.preferred_consultant" {
                    CourseField::PreferredConsultant
                } else {
                    CourseField::Purpose
                };
                return Err(vec![(at, cpr_error(&e, lang))]);
            }
        }
        Ok(course)
    }
}

fn default_end(start: NaiveDate, weeks: u32) -> NaiveDate {
    start
        .checked_add_days(Days::new(u64::from(weeks) * 7))
        .unwrap_or(start)
}

fn step_field(current: CourseField, delta: i32) -> CourseField {
    let all = CourseField::ALL;
    let i = all.iter().position(|f| *f == current).unwrap_or(0) as i32;
    all[(i + delta).rem_euclid(all.len() as i32) as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn cadences_read_as_typed_in_both_languages() {
        let today = d(2026, 11, 24);
        let read = |t: &str| parse_cadence(t, today, Lang::Da);
        assert_eq!(read(""), Ok(ReportCadence::Monthly));
        assert_eq!(read("Månedlig"), Ok(ReportCadence::Monthly));
        assert_eq!(read("monthly"), Ok(ReportCadence::Monthly));
        assert_eq!(read("4u"), Ok(ReportCadence::EveryWeeks { weeks: 4 }));
        assert_eq!(read("6 uger"), Ok(ReportCadence::EveryWeeks { weeks: 6 }));
        assert_eq!(
            read("every 2 weeks"),
            Ok(ReportCadence::EveryWeeks { weeks: 2 })
        );
        assert_eq!(read("slut"), Ok(ReportCadence::EndOnly));
        assert_eq!(read("kun slutrapport"), Ok(ReportCadence::EndOnly));
        assert_eq!(read("end only"), Ok(ReportCadence::EndOnly));
        assert_eq!(
            read("28/2, 31/1"),
            Ok(ReportCadence::Dates {
                dates: vec![d(2027, 1, 31), d(2027, 2, 28)]
            })
        );
        assert!(read("0u").is_err());
        assert!(read("hvert kvartal").is_err());
        assert!(read("31/1, 30/2").is_err());
    }

    #[test]
    fn the_cadence_text_reads_back() {
        let today = d(2026, 11, 24);
        for lang in [Lang::Da, Lang::En] {
            for cadence in [
                ReportCadence::Monthly,
                ReportCadence::EveryWeeks { weeks: 6 },
                ReportCadence::EndOnly,
                ReportCadence::Dates {
                    dates: vec![d(2027, 1, 31), d(2027, 2, 28)],
                },
            ] {
                let text = cadence_text(&cadence, lang);
                assert_eq!(parse_cadence(&text, today, lang), Ok(cadence), "{text}");
            }
        }
    }
}
