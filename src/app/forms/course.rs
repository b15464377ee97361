//! The supplier course form: new, edit, and the successor course of a supplier change. Pure
//! state and rules; `ui::popups::course_form` draws it and `app::courses` saves it.
//!
//! Supplier and consultant are pickers: typing chooses the best match, ←/→ step through the
//! other matches. Nothing but a supplier is required; checklist gaps are shown, not enforced.

use crate::app::core::settings::Settings;
use crate::app::form_kit::{Candidate, Candidates, Choice, Field, Form, Pick, Picker, Refusals};
use crate::app::lookup::items::Items;
use crate::domain::reports::{ChecklistGap, checklist_gaps};
use crate::domain::schedule::report_dues;
use crate::domain::workdays::DaysOff;
use crate::i18n::{Lang, Msg, parse_error};
use crate::model::{
    CaseId, ContactId, ContactKind, Course, CourseId, OrderChecklist, ReportCadence,
};
use crate::query::directory::{ContactEntry, Directory};
use crate::search::normalise;
use crate::time::{format_date, parse_date_with};
use chrono::{Days, NaiveDate};
use ratatui::crossterm::event::KeyEvent;

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

/// What saving the form makes.
pub enum CourseFormMode {
    New,
    Edit(Box<Course>),
    /// A new course at another supplier that continues `Course`, which ends with it.
    Successor(Box<Course>),
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
    pub form: Form<CourseField>,
    /// The end was typed: it no longer follows the start.
    end_typed: bool,
    /// The due dates the course would get as the form stands (empty while a date or the
    /// cadence does not read), kept up to date as the form changes.
    pub schedule: Vec<(NaiveDate, bool)>,
    /// What the order's checklist lacks as the form stands.
    pub gaps: Vec<ChecklistGap>,
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
    days_off: &DaysOff,
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
        let date = parse_date_with(part, reference, days_off).map_err(|e| parse_error(&e, lang))?;
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
        let cadence = cadence_text(&courses.report_cadence.to_model(), lang);
        CourseForm::declared(
            settings,
            case,
            today,
            lang,
            back,
            Filled {
                supplier: Picker::new(),
                consultant: Picker::new(),
                kind: String::new(),
                start: format_date(today),
                end: format_date(end),
                hours: String::new(),
                cadence,
                checklist: OrderChecklist::default(),
            },
        )
    }

    /// The form, one line a field.
    fn declared(
        settings: &Settings,
        case: CaseId,
        today: NaiveDate,
        lang: Lang,
        back: Option<Items>,
        v: Filled,
    ) -> CourseForm {
        use CourseField as F;
        let mut kinds = settings.course_kinds.clone();
        if !v.kind.is_empty() && !kinds.iter().any(|k| k.0 == v.kind) {
            kinds.push((v.kind.clone(), v.kind.clone()));
        }
        let c = &v.checklist;
        let fields = vec![
            Field::picker(F::Supplier, Msg::Supplier, v.supplier),
            Field::picker(F::Consultant, Msg::FieldConsultantMentor, v.consultant),
            Field::choice(F::Kind, Msg::FieldKind, Choice::new(kinds, &v.kind)),
            Field::date(F::Start, Msg::FieldStartDate, &v.start),
            Field::date(F::End, Msg::FieldEndDate, &v.end),
            Field::text(F::Hours, Msg::FieldHoursWeek, &v.hours),
            Field::text(F::Cadence, Msg::FieldCadence, &v.cadence)
                .with_hint(format!("({})", Msg::CadenceHint.text(lang))),
            Field::text(F::Purpose, Msg::Purpose, &c.purpose),
            Field::toggle(F::CloseFollowUp, Msg::FieldCloseFollowUp, c.close_follow_up),
            Field::toggle(
                F::DirectContact,
                Msg::FieldDirectContact,
                c.direct_contact_given,
            ),
            Field::text(
                F::PreferredConsultant,
                Msg::FieldPreferredConsultant,
                &c.preferred_consultant,
            ),
        ];
        let mut form = CourseForm {
            case,
            mode: CourseFormMode::New,
            form: Form::new(fields, today, lang).counting(&settings.hours.days_off),
            end_typed: false,
            schedule: Vec::new(),
            gaps: Vec::new(),
            back,
            length_weeks: settings.courses.length_weeks,
            today,
        };
        form.refresh();
        form
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
        // An edit keeps the course's own end, even when it has passed; a successor runs from
        // today, so it ends today at the earliest.
        let end = if successor {
            course.end.max(today)
        } else {
            course.end
        };
        let chosen = |id: Option<ContactId>| match id {
            Some(id) if !successor => {
                let (typed, label) = contact_label(id, directory);
                Picker::chosen(Pick::Contact(id), &typed, &label)
            }
            _ => Picker::new(),
        };
        let filled = Filled {
            supplier: chosen(Some(course.supplier)),
            consultant: chosen(course.consultant),
            kind: course.kind.clone(),
            start: format_date(if successor { today } else { course.start }),
            end: format_date(end),
            hours: course
                .hours_per_week
                .map_or_else(String::new, |h| h.to_string()),
            cadence: cadence_text(&course.cadence, lang),
            checklist: course.checklist.clone(),
        };
        let mut form = CourseForm::declared(settings, course.case, today, lang, back, filled);
        form.end_typed = true;
        if successor {
            form.mode = CourseFormMode::Successor(Box::new(course.clone()));
        } else {
            form.form.focus_on(CourseField::Consultant);
            form.mode = CourseFormMode::Edit(Box::new(course.clone()));
        }
        form
    }

    pub fn is_edit(&self) -> bool {
        matches!(self.mode, CourseFormMode::Edit(_))
    }

    /// The supplier chosen.
    pub fn supplier(&self) -> Option<ContactId> {
        self.form
            .picked(CourseField::Supplier)
            .and_then(Pick::contact)
    }

    /// The consultant chosen.
    pub fn consultant(&self) -> Option<ContactId> {
        self.form
            .picked(CourseField::Consultant)
            .and_then(Pick::contact)
    }

    /// A key for the focused field: pickers filter the directory's suppliers and
    /// consultants (the chosen supplier's own first).
    pub fn type_key(&mut self, key: KeyEvent, directory: Option<&Directory>) {
        let candidates: Candidates<'_, CourseField> = &|field, form| {
            let Some(directory) = directory else {
                return Vec::new();
            };
            match field {
                CourseField::Supplier => contact_candidates(&suppliers(directory)),
                _ => {
                    let supplier = form.picked(CourseField::Supplier).and_then(Pick::contact);
                    contact_candidates(&consultant_candidates(directory, supplier))
                }
            }
        };
        match self.form.key(key, candidates) {
            Some(CourseField::Start) if !self.end_typed => self.follow_start(),
            Some(CourseField::End) => self.end_typed = true,
            _ => {}
        }
        self.refresh();
    }

    /// The schedule and the gaps as the form now stands.
    fn refresh(&mut self) {
        self.schedule = self.preview();
        self.gaps = checklist_gaps(&self.checklist());
    }

    /// A new start moves the default end with it, until the end is typed.
    fn follow_start(&mut self) {
        if let Ok(Some(start)) = self.form.date(CourseField::Start) {
            let end = format_date(default_end(start, self.length_weeks));
            self.form.set_text(CourseField::End, &end);
        }
    }

    pub fn kind_key(&self) -> &str {
        self.form.choice_key(CourseField::Kind)
    }

    /// The due dates the course would get (empty while a date or the cadence does not read).
    fn preview(&self) -> Vec<(NaiveDate, bool)> {
        let (Ok(Some(start)), Ok(Some(end))) = (
            self.form.date(CourseField::Start),
            self.form.date(CourseField::End),
        ) else {
            return Vec::new();
        };
        match parse_cadence(
            &self.form.text(CourseField::Cadence),
            start,
            &self.form.days_off,
            Lang::En,
        ) {
            Ok(cadence) => report_dues(start, end, &cadence),
            Err(_) => Vec::new(),
        }
    }

    fn checklist(&self) -> OrderChecklist {
        use CourseField as F;
        OrderChecklist {
            purpose: self.form.text(F::Purpose),
            close_follow_up: self.form.toggle(F::CloseFollowUp),
            direct_contact_given: self.form.toggle(F::DirectContact),
            preferred_consultant: self.form.text(F::PreferredConsultant),
        }
    }

    /// The course the form describes (reports not yet scheduled: the caller does that), or
    /// what is wrong per field. `id` is used for a new course.
    pub fn build(&self, id: CourseId, lang: Lang) -> Result<Course, Refusals<CourseField>> {
        use CourseField as F;
        let mut errors = Vec::new();
        let supplier = self.supplier();
        if supplier.is_none() {
            errors.push((F::Supplier, Msg::ChooseSupplier.text(lang).to_string()));
        }
        let consultant_typed = !self.form.text(F::Consultant).is_empty();
        if consultant_typed && self.consultant().is_none() {
            errors.push((F::Consultant, Msg::ChooseContact.text(lang).to_string()));
        }
        let mut date = |field| match self.form.date(field) {
            Ok(date) => date,
            Err(message) => {
                errors.push((field, message));
                None
            }
        };
        let start = date(F::Start);
        let end = date(F::End);
        // Refused rather than warned: a course cannot end before it starts, and its final
        // report would fall before the first day. It is always a typo.
        if let (Some(start), Some(end)) = (start, end)
            && end < start
        {
            errors.push((F::End, Msg::EndBeforeStart.text(lang).to_string()));
        }
        let hours_text = self.form.text(F::Hours);
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
                    errors.push((F::Hours, Msg::HoursNotUnderstood.text(lang).to_string()));
                    None
                }
            }
        };
        let cadence = match parse_cadence(
            &self.form.text(F::Cadence),
            start.unwrap_or(self.today),
            &self.form.days_off,
            lang,
        ) {
            Ok(cadence) => Some(cadence),
            Err(message) => {
                errors.push((F::Cadence, message));
                None
            }
        };
        errors.extend(self.form.cpr_errors());
        let (Some(supplier), Some(start), Some(end), Some(cadence), true) =
            (supplier, start, end, cadence, errors.is_empty())
        else {
            return Err(errors);
        };
        let base = match &self.mode {
            CourseFormMode::Edit(course) => Some(course.as_ref()),
            _ => None,
        };
        Ok(Course {
            id: base.map_or(id, |c| c.id),
            case: self.case,
            supplier,
            consultant: self.consultant(),
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
        })
    }
}

/// What a course form opens with.
struct Filled {
    supplier: Picker,
    consultant: Picker,
    kind: String,
    start: String,
    end: String,
    hours: String,
    cadence: String,
    checklist: OrderChecklist,
}

/// Suppliers to pick from (everyone when there are none).
fn suppliers(directory: &Directory) -> Vec<&ContactEntry> {
    let suppliers: Vec<&ContactEntry> = directory
        .contacts
        .iter()
        .filter(|c| c.kind == ContactKind::Supplier)
        .collect();
    if suppliers.is_empty() {
        directory.contacts.iter().collect()
    } else {
        suppliers
    }
}

fn default_end(start: NaiveDate, weeks: u32) -> NaiveDate {
    start
        .checked_add_days(Days::new(u64::from(weeks) * 7))
        .unwrap_or(start)
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
        let read = |t: &str| parse_cadence(t, today, &DaysOff::default(), Lang::Da);
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
                assert_eq!(
                    parse_cadence(&text, today, &DaysOff::default(), lang),
                    Ok(cadence),
                    "{text}"
                );
            }
        }
    }
}
