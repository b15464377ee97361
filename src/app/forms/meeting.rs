//! The meeting form: new and edit. Pure state and rules; `ui::form` draws it.
//!
//! Pickers (case, parties) choose the best match as you type; ←/→ step through the other
//! matches. Choice fields (purpose, form, place) step with ←/→. Nothing but a case (or, for an
//! internal block, a title) is required; overlaps are warnings shown in the form.

use super::{line_input, text_of};
use crate::app::core::settings::Settings;
use crate::domain::agenda::occurrences;
use crate::domain::conflicts::{Warning, warnings};
use crate::i18n::{Lang, Msg, parse_error};
use crate::model::{
    BookedBy, CaseId, ContactId, ContactKind, Meeting, MeetingForm, MeetingId, MeetingStatus,
    Participant, Place, PlaceKind, Role, purpose,
};
use crate::query::directory::Directory;
use crate::search::{Fuzzy, rank};
use crate::time::{format_duration, format_time, parse_duration, parse_when};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

/// The fields in the order Tab visits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Case,
    Purpose,
    Start,
    Duration,
    Form,
    Place,
    PlaceText,
    Parties,
    Prep,
    FollowUp,
    Note,
}

impl Field {
    pub const ALL: [Field; 11] = [
        Field::Case,
        Field::Purpose,
        Field::Start,
        Field::Duration,
        Field::Form,
        Field::Place,
        Field::PlaceText,
        Field::Parties,
        Field::Prep,
        Field::FollowUp,
        Field::Note,
    ];
}

pub const FORMS: [MeetingForm; 5] = [
    MeetingForm::InPerson,
    MeetingForm::HomeVisit,
    MeetingForm::Phone,
    MeetingForm::Video,
    MeetingForm::Walk,
];

pub const PLACES: [PlaceKind; 10] = [
    PlaceKind::Jobcenter,
    PlaceKind::CitizensHome,
    PlaceKind::Supplier,
    PlaceKind::Workplace,
    PlaceKind::Bosted,
    PlaceKind::Hospital,
    PlaceKind::Shelter,
    PlaceKind::SubstanceCentre,
    PlaceKind::InTown,
    PlaceKind::Remote,
];

/// How many matches a picker shows.
const PICKER_ROWS: usize = 5;

pub struct MeetingEditor {
    /// The meeting being edited; `None` for a new one.
    pub original: Option<Meeting>,
    pub focus: Field,
    pub case_input: TextArea<'static>,
    pub case: Option<CaseId>,
    /// Best matches for the typed case name, best first.
    pub case_matches: Vec<(CaseId, String)>,
    pub purposes: Vec<String>,
    pub purpose: usize,
    pub title: TextArea<'static>,
    pub start: TextArea<'static>,
    pub duration: TextArea<'static>,
    pub form: usize,
    pub place: usize,
    pub place_text: TextArea<'static>,
    pub party_input: TextArea<'static>,
    pub party_matches: Vec<(ContactId, String)>,
    /// The kinds of the matched contacts, to give a new party its usual role.
    party_kinds: Vec<(ContactId, ContactKind)>,
    pub parties: Vec<Participant>,
    pub prep: TextArea<'static>,
    pub follow_up: TextArea<'static>,
    pub note: TextArea<'static>,
    /// Why the last save was refused, per field.
    pub errors: Vec<(Field, String)>,
    /// The meetings on the start day, for overlap warnings and the parties' other meetings.
    pub day: Vec<Meeting>,
    pub day_loaded: Option<NaiveDate>,
    /// Received medical information this meeting is booked from: saving marks it acted on.
    pub acts_on: Option<crate::model::MedicalRequest>,
}

impl MeetingEditor {
    /// A new meeting at `start`, optionally for a case already known.
    pub fn new(settings: &Settings, start: NaiveDateTime, case: Option<(CaseId, String)>) -> Self {
        let mut editor = MeetingEditor {
            original: None,
            focus: if case.is_some() {
                Field::Purpose
            } else {
                Field::Case
            },
            case_input: line_input(case.as_ref().map_or("", |c| c.1.as_str())),
            case: case.as_ref().map(|c| c.0),
            case_matches: case.into_iter().collect(),
            purposes: settings.purposes.clone(),
            purpose: 0,
            title: line_input(""),
            start: line_input(&format!(
                "{} {}",
                start.format("%d/%m"),
                format_time(start.time())
            )),
            duration: line_input(&format_duration(settings.default_minutes)),
            form: 0,
            place: 0,
            place_text: line_input(""),
            party_input: line_input(""),
            party_matches: Vec::new(),
            party_kinds: Vec::new(),
            parties: Vec::new(),
            prep: line_input(&settings.prep_minutes.to_string()),
            follow_up: line_input(&settings.follow_up_minutes.to_string()),
            note: line_input(""),
            errors: Vec::new(),
            day: Vec::new(),
            day_loaded: None,
            acts_on: None,
        };
        editor.purpose = editor
            .purposes
            .iter()
            .position(|p| p == purpose::SAMTALE)
            .unwrap_or(0);
        editor
    }

    /// The form filled from an existing meeting.
    pub fn edit(settings: &Settings, meeting: &Meeting, case_name: Option<String>) -> Self {
        let mut editor = Self::new(settings, meeting.start, meeting.case.zip(case_name));
        editor.focus = Field::Start;
        let mut purposes = editor.purposes.clone();
        if !purposes.contains(&meeting.purpose) {
            purposes.push(meeting.purpose.clone());
        }
        editor.purpose = purposes
            .iter()
            .position(|p| *p == meeting.purpose)
            .unwrap_or(0);
        editor.purposes = purposes;
        editor.title = line_input(&meeting.title);
        editor.duration = line_input(&format_duration(meeting.minutes));
        editor.form = FORMS.iter().position(|f| *f == meeting.form).unwrap_or(0);
        editor.place = PLACES
            .iter()
            .position(|p| *p == meeting.place.kind)
            .unwrap_or(0);
        editor.place_text = line_input(&meeting.place.text);
        editor.parties = meeting.participants.clone();
        editor.prep = line_input(&meeting.prep_minutes.to_string());
        editor.follow_up = line_input(&meeting.follow_up_minutes.to_string());
        editor.note = line_input(&meeting.note);
        editor.original = Some(meeting.clone());
        editor
    }

    pub fn purpose_key(&self) -> &str {
        self.purposes
            .get(self.purpose)
            .map_or(purpose::SAMTALE, String::as_str)
    }

    /// Internal blocks (telefonvagt, koordinering, admin) have no case.
    pub fn is_internal(&self) -> bool {
        matches!(
            self.purpose_key(),
            purpose::TELEFONVAGT | purpose::KOORDINERING | purpose::ADMIN
        )
    }

    /// A 3-partssamtale without a third party yet: the form asks for one.
    pub fn needs_third_party(&self) -> bool {
        self.purpose_key() == purpose::THREE_PARTY
            && !self.parties.iter().any(|p| p.role.is_third_party())
    }

    pub fn next_field(&mut self) {
        self.focus = step(&Field::ALL, self.focus, 1);
    }

    pub fn prev_field(&mut self) {
        self.focus = step(&Field::ALL, self.focus, -1);
    }

    /// A key for the focused field. Returns whether the form changed.
    pub fn type_key(&mut self, key: KeyEvent, directory: Option<&Directory>) -> bool {
        let sideways = match key.code {
            KeyCode::Left => Some(-1),
            KeyCode::Right => Some(1),
            _ => None,
        };
        match (self.focus, sideways) {
            (Field::Purpose, Some(d)) => {
                self.purpose = step_index(self.purposes.len(), self.purpose, d)
            }
            (Field::Form, Some(d)) => {
                self.form = step_index(FORMS.len(), self.form, d);
                self.follow_form();
            }
            (Field::Place, Some(d)) => self.place = step_index(PLACES.len(), self.place, d),
            (Field::Case, Some(d)) => {
                if let Some(i) = self
                    .case_matches
                    .iter()
                    .position(|c| Some(c.0) == self.case)
                {
                    let next = step_index(self.case_matches.len(), i, d);
                    self.case = self.case_matches.get(next).map(|c| c.0);
                }
            }
            (Field::Parties, Some(d)) if text_of(&self.party_input).is_empty() => {
                if let Some(last) = self.parties.last_mut() {
                    last.role = step(&ROLES, last.role, d);
                }
            }
            (Field::Parties, None)
                if key.code == KeyCode::Backspace && text_of(&self.party_input).is_empty() =>
            {
                self.parties.pop();
            }
            (field, _) => {
                let Some(input) = self.input_mut(field) else {
                    return false;
                };
                if !input.input(key) {
                    return false;
                }
                match field {
                    Field::Case => self.match_cases(directory),
                    Field::Parties => self.match_parties(directory),
                    _ => {}
                }
            }
        }
        self.errors.clear();
        true
    }

    /// On the parties field with a name typed, Enter adds the best match instead of saving.
    pub fn take_party(&mut self) -> bool {
        if self.focus != Field::Parties || text_of(&self.party_input).trim().is_empty() {
            return false;
        }
        if let Some((id, _)) = self.party_matches.first().cloned() {
            let kind = self
                .party_kinds
                .iter()
                .find(|(c, _)| *c == id)
                .map(|(_, k)| *k);
            self.parties.push(Participant {
                role: kind.map_or(Role::Other, role_for),
                contact: Some(id),
                name: String::new(),
            });
        } else {
            // Not a stored contact: keep the name as typed.
            self.parties.push(Participant {
                role: Role::Other,
                contact: None,
                name: text_of(&self.party_input).trim().to_string(),
            });
        }
        self.party_input = line_input("");
        self.party_matches.clear();
        true
    }

    fn input_mut(&mut self, field: Field) -> Option<&mut TextArea<'static>> {
        Some(match field {
            Field::Case if self.is_internal() => &mut self.title,
            Field::Case => &mut self.case_input,
            Field::Start => &mut self.start,
            Field::Duration => &mut self.duration,
            Field::PlaceText => &mut self.place_text,
            Field::Parties => &mut self.party_input,
            Field::Prep => &mut self.prep,
            Field::FollowUp => &mut self.follow_up,
            Field::Note => &mut self.note,
            Field::Purpose | Field::Form | Field::Place => return None,
        })
    }

    /// A phone or video meeting has no place; a home visit is at the citizen's home.
    fn follow_form(&mut self) {
        let place = match FORMS[self.form] {
            MeetingForm::Phone | MeetingForm::Video => PlaceKind::Remote,
            MeetingForm::HomeVisit => PlaceKind::CitizensHome,
            MeetingForm::InPerson | MeetingForm::Walk => return,
        };
        self.place = PLACES.iter().position(|p| *p == place).unwrap_or(0);
    }

    fn match_cases(&mut self, directory: Option<&Directory>) {
        let Some(directory) = directory else { return };
        let query = text_of(&self.case_input);
        let hits = rank(
            &Fuzzy::default(),
            &directory.cases,
            |c| format!("{} {}", c.name, c.alias),
            &query,
        );
        self.case_matches = hits
            .iter()
            .take(PICKER_ROWS)
            .map(|(i, _)| (directory.cases[*i].id, directory.cases[*i].name.clone()))
            .collect();
        self.case = if query.trim().is_empty() {
            None
        } else {
            self.case_matches.first().map(|c| c.0)
        };
    }

    fn match_parties(&mut self, directory: Option<&Directory>) {
        let Some(directory) = directory else { return };
        let query = text_of(&self.party_input);
        if query.trim().is_empty() {
            self.party_matches.clear();
            return;
        }
        let hits = rank(
            &Fuzzy::default(),
            &directory.contacts,
            |c| format!("{} {}", c.name, c.organisation),
            &query,
        );
        self.party_kinds.clear();
        self.party_matches = hits
            .iter()
            .take(PICKER_ROWS)
            .map(|(i, _)| {
                let c = &directory.contacts[*i];
                self.party_kinds.push((c.id, c.kind));
                let label = if c.organisation.is_empty() {
                    c.name.clone()
                } else {
                    format!("{} ({})", c.name, c.organisation)
                };
                (c.id, label)
            })
            .collect();
    }

    /// The start as typed, if it reads.
    pub fn start_time(&self, today: NaiveDate) -> Option<NaiveDateTime> {
        let when = parse_when(&text_of(&self.start), today).ok()?;
        Some(when.at_or(NaiveTime::from_hms_opt(9, 0, 0)?))
    }

    /// The meeting the form describes, or what is wrong per field.
    pub fn build(
        &self,
        id: MeetingId,
        today: NaiveDate,
        lang: Lang,
    ) -> Result<Meeting, Vec<(Field, String)>> {
        let mut errors = Vec::new();
        let start = match parse_when(&text_of(&self.start), today) {
            Ok(when) => when.at_or(NaiveTime::from_hms_opt(9, 0, 0).unwrap_or(NaiveTime::MIN)),
            Err(e) => {
                errors.push((Field::Start, parse_error(&e, lang)));
                NaiveDateTime::default()
            }
        };
        let minutes = parse_duration(&text_of(&self.duration)).unwrap_or_else(|e| {
            errors.push((Field::Duration, parse_error(&e, lang)));
            0
        });
        // Preparation and follow-up may be none: empty or 0.
        let mut minutes_field = |field: Field, input: &TextArea<'_>| {
            let text = text_of(input);
            if matches!(text.trim(), "" | "0") {
                return 0;
            }
            parse_duration(&text).unwrap_or_else(|e| {
                errors.push((field, parse_error(&e, lang)));
                0
            })
        };
        let prep_minutes = minutes_field(Field::Prep, &self.prep);
        let follow_up_minutes = minutes_field(Field::FollowUp, &self.follow_up);
        let case = if self.is_internal() { None } else { self.case };
        if case.is_none() && !self.is_internal() {
            errors.push((Field::Case, Msg::NoCaseChosen.text(lang).to_string()));
        }
        let title = text_of(&self.title);
        if self.is_internal() && title.trim().is_empty() {
            errors.push((Field::Case, Msg::BlockNeedsTitle.text(lang).to_string()));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let base = self.original.clone();
        let mut participants = self.parties.clone();
        if case.is_some() && !participants.iter().any(|p| p.role == Role::Citizen) {
            participants.insert(
                0,
                Participant {
                    role: Role::Citizen,
                    contact: None,
                    name: String::new(),
                },
            );
        }
        Ok(Meeting {
            id: base.as_ref().map_or(id, |m| m.id),
            case,
            start,
            minutes,
            purpose: self.purpose_key().to_string(),
            form: FORMS[self.form],
            place: Place {
                kind: PLACES[self.place],
                text: text_of(&self.place_text).trim().to_string(),
            },
            participants,
            booked_by: base.as_ref().map_or(BookedBy::Caseworker, |m| m.booked_by),
            prep_minutes,
            follow_up_minutes,
            status: base.as_ref().map_or(MeetingStatus::Planned, |m| m.status),
            outcome: base
                .as_ref()
                .map_or_else(String::new, |m| m.outcome.clone()),
            title: if self.is_internal() {
                title.trim().to_string()
            } else {
                base.as_ref().map_or_else(String::new, |m| m.title.clone())
            },
            note: text_of(&self.note).trim().to_string(),
            repeat: base.and_then(|m| m.repeat),
        })
    }

    /// Overlap and working-hours warnings for the meeting as it stands.
    pub fn warnings(&self, settings: &Settings, today: NaiveDate) -> Vec<Warning> {
        let Ok(meeting) = self.build(MeetingId(0), today, Lang::En) else {
            return Vec::new();
        };
        let day = meeting.start.date();
        let others: Vec<Meeting> = self
            .day
            .iter()
            .filter(|m| self.original.as_ref().is_none_or(|o| o.id != m.id))
            .cloned()
            .collect();
        let occ = occurrences(&others, day, day);
        warnings(&meeting, meeting.start, &occ, &settings.hours, None)
    }

    /// The third parties' other meetings on the start day: (party, start, end, overlaps).
    pub fn party_meetings(
        &self,
        today: NaiveDate,
    ) -> Vec<(ContactId, NaiveDateTime, NaiveDateTime, bool)> {
        let Some(start) = self.start_time(today) else {
            return Vec::new();
        };
        let minutes = parse_duration(&text_of(&self.duration)).unwrap_or(0);
        let end = start + chrono::Duration::minutes(i64::from(minutes));
        let day = start.date();
        let mut out = Vec::new();
        for party in self.parties.iter().filter_map(|p| p.contact) {
            for occ in occurrences(&self.day, day, day) {
                let theirs = occ.meeting.status.occupies_time()
                    && occ
                        .meeting
                        .participants
                        .iter()
                        .any(|p| p.contact == Some(party));
                let same = self
                    .original
                    .as_ref()
                    .is_some_and(|o| o.id == occ.meeting.id);
                if theirs && !same {
                    let overlap = occ.start < end && start < occ.end();
                    out.push((party, occ.start, occ.end(), overlap));
                }
            }
        }
        out
    }
}

const ROLES: [Role; 11] = [
    Role::Consultant,
    Role::Employer,
    Role::Doctor,
    Role::Nurse,
    Role::Bosted,
    Role::Therapist,
    Role::Interpreter,
    Role::Colleague,
    Role::Other,
    Role::Citizen,
    Role::Caseworker,
];

/// The role a contact usually has in a meeting.
pub fn role_for(kind: ContactKind) -> Role {
    match kind {
        ContactKind::Supplier | ContactKind::Consultant | ContactKind::Mentor => Role::Consultant,
        ContactKind::Employer => Role::Employer,
        ContactKind::Gp | ContactKind::Practice | ContactKind::Specialist => Role::Doctor,
        ContactKind::Hospital | ContactKind::Psychiatry => Role::Therapist,
        ContactKind::Bosted | ContactKind::SocialServices => Role::Bosted,
        ContactKind::Interpreter => Role::Interpreter,
        ContactKind::Colleague => Role::Colleague,
        ContactKind::Other => Role::Other,
    }
}

fn step<T: Copy + PartialEq>(all: &[T], current: T, delta: i32) -> T {
    let i = all.iter().position(|x| *x == current).unwrap_or(0);
    all[step_index(all.len(), i, delta)]
}

fn step_index(len: usize, i: usize, delta: i32) -> usize {
    if len == 0 {
        return 0;
    }
    let len = len as i64;
    ((i as i64 + i64::from(delta)).rem_euclid(len)) as usize
}
