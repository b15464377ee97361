//! The meeting form: new and edit, declared on the form kit. Pure state and rules;
//! `ui::popups::form` draws it.
//!
//! Pickers (case, parties) choose the best match as you type; ←/→ step through the other
//! matches. Choice fields (purpose, form, place) step with ←/→. Nothing but a case (or, for an
//! internal block, a title) is required; overlaps are warnings shown in the form, worked out
//! whenever the form or its day changes.

use crate::app::core::settings::Settings;
use crate::app::form_kit::{
    Candidate, Candidates, Choice, Field as KitField, Form, Pick, Picker, Refusals, TimeKind, step,
};
use crate::domain::agenda::occurrences;
use crate::domain::busy::external_warnings;
use crate::domain::conflicts::{Warning, citizen_away, warnings};
use crate::domain::first_meeting::meeting_length;
use crate::domain::hours::WorkingHours;
use crate::domain::travel::travel_for;
use crate::i18n::{Lang, Msg, label_form, label_place, label_purpose, label_status};
use crate::model::{
    BookedBy, CaseId, ContactId, ContactKind, ExternalBlock, MAX_REPEAT_COUNT, Meeting,
    MeetingForm, MeetingId, MeetingStatus, Participant, Place, PlaceKind, Repeat, RepeatEvery,
    Role, purpose,
};
use crate::query::directory::{CaseEntry, Directory};
use crate::time::{format_duration, format_time};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// The fields in the order Tab visits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Case,
    /// An internal block's title, in the case's place (which it hides).
    Title,
    Purpose,
    Start,
    Duration,
    Form,
    Place,
    PlaceText,
    Parties,
    Prep,
    FollowUp,
    /// Travel each way, for a meeting away from the office.
    Travel,
    Status,
    /// Who booked it: the caseworker, or the citizen (self-service, a call).
    BookedBy,
    /// Where a meeting marked flyttet went (shown only then).
    MovedTo,
    Repeat,
    /// Every how many weeks (shown for a weekly repeat).
    Interval,
    /// The last day of a repeat (shown when it repeats).
    Until,
    /// How many times it repeats (shown when it repeats).
    Times,
    Note,
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

pub const STATUSES: [MeetingStatus; 7] = [
    MeetingStatus::Planned,
    MeetingStatus::Held,
    MeetingStatus::NoShow,
    MeetingStatus::CancelledByCitizen,
    MeetingStatus::CancelledByCaseworker,
    MeetingStatus::CutOff,
    MeetingStatus::Moved,
];

pub const BOOKERS: [BookedBy; 2] = [BookedBy::Caseworker, BookedBy::Citizen];

/// The repeats offered, `None` first (it does not repeat).
pub const REPEATS: [Option<RepeatEvery>; 4] = [
    None,
    Some(RepeatEvery::Daily),
    Some(RepeatEvery::Weekdays),
    Some(RepeatEvery::Weekly),
];

/// A meeting starts at 09:00 when only a day is typed.
fn nine() -> NaiveTime {
    NaiveTime::from_hms_opt(9, 0, 0).unwrap_or(NaiveTime::MIN)
}

pub struct MeetingEditor {
    /// The meeting being edited; `None` for a new one.
    pub original: Option<Meeting>,
    pub form: Form<Field>,
    /// The parties added so far (the citizen is added on saving).
    pub parties: Vec<Participant>,
    /// The meetings on the start day, for overlap warnings and the parties' other meetings.
    pub day: Vec<Meeting>,
    /// The busy time from other calendars on the start day (#16): overlaps warn.
    pub busy: Vec<ExternalBlock>,
    pub day_loaded: Option<NaiveDate>,
    /// Overlap and working-hours warnings for the meeting as it stands.
    pub conflicts: Vec<Warning>,
    /// The third parties' other meetings on the start day: (party, start, end, overlaps).
    pub party_meetings: Vec<(ContactId, NaiveDateTime, NaiveDateTime, bool)>,
    /// Received medical information this meeting is booked from: saving marks it acted on.
    pub acts_on: Option<crate::model::MedicalRequest>,
    /// A citizen's "inform and rebook" item this meeting is booked from: saving closes it (#17).
    pub rebooks: Option<crate::model::Rebooking>,
    /// The chosen case as the directory knows it: its flags are named under the case field and
    /// its away periods warn (#13).
    pub case_facts: Option<CaseEntry>,
    /// The start of the occurrence being edited (of a repeating meeting, the one chosen).
    pub occurrence: Option<NaiveDateTime>,
    hours: WorkingHours,
    /// The configured lengths: a first meeting's, any other's; and travel each way.
    lengths: (u32, u32),
    travel_minutes: u32,
    /// The clock, to warn about a no-show set on a meeting that has not started.
    now: Option<NaiveDateTime>,
}

impl MeetingEditor {
    /// A new meeting at `start`, optionally for a case already known.
    pub fn new(
        settings: &Settings,
        start: NaiveDateTime,
        case: Option<(CaseId, String)>,
        today: NaiveDate,
        lang: Lang,
    ) -> Self {
        use Field as F;
        let purposes = settings
            .purposes
            .iter()
            .map(|p| (p.clone(), label_purpose(p, lang).into_owned()))
            .collect();
        let forms = FORMS.iter().map(|f| label_form(*f, lang).to_string());
        let places = PLACES.iter().map(|p| label_place(*p, lang).to_string());
        let minutes = |m: u32| m.to_string();
        let booked = BOOKERS
            .iter()
            .map(|b| booker_label(*b).text(lang).to_string());
        let statuses = STATUSES.iter().map(|s| label_status(*s, lang).to_string());
        let repeats = REPEATS
            .iter()
            .map(|r| repeat_label(*r).text(lang).to_string());
        let case_picker = match &case {
            Some((id, name)) => Picker::chosen(Pick::Case(*id), name, name),
            None => Picker::new(),
        };
        let start_text = format!("{} {}", start.format("%d/%m"), format_time(start.time()));
        let fields = vec![
            KitField::picker(F::Case, Msg::Case, case_picker).matches_listed(),
            KitField::text(F::Title, Msg::FieldTitle, "").hidden(true),
            KitField::choice(
                F::Purpose,
                Msg::Purpose,
                Choice::new(purposes, purpose::SAMTALE),
            ),
            KitField::time(
                F::Start,
                Msg::FieldStart,
                TimeKind::When {
                    default_time: nine(),
                },
                &start_text,
            )
            .reading(12),
            KitField::time(
                F::Duration,
                Msg::FieldDuration,
                TimeKind::Duration,
                &format_duration(settings.default_minutes),
            ),
            KitField::choice(F::Form, Msg::FieldForm, Choice::indexed(forms, 0)),
            KitField::choice(F::Place, Msg::Place, Choice::indexed(places, 0)),
            KitField::text(F::PlaceText, Msg::FieldPlaceText, ""),
            KitField::picker(F::Parties, Msg::FieldParties, Picker::new()).matches_listed(),
            KitField::time(
                F::Prep,
                Msg::Preparation,
                TimeKind::Duration,
                &minutes(settings.prep_minutes),
            )
            .optional(),
            KitField::time(
                F::FollowUp,
                Msg::WrapUp,
                TimeKind::Duration,
                &minutes(settings.follow_up_minutes),
            )
            .optional(),
            KitField::time(F::Travel, Msg::FieldTravel, TimeKind::Duration, "0").optional(),
            KitField::choice(F::Status, Msg::StatusLabel, Choice::indexed(statuses, 0)),
            KitField::choice(F::BookedBy, Msg::BookedByLabel, Choice::indexed(booked, 0)),
            KitField::time(
                F::MovedTo,
                Msg::FieldMovedTo,
                TimeKind::When {
                    default_time: start.time(),
                },
                "",
            )
            .reading(12)
            .hidden(true),
            KitField::choice(F::Repeat, Msg::RepeatsLabel, Choice::indexed(repeats, 0)),
            KitField::text(F::Interval, Msg::FieldEveryWeeks, "1")
                .narrow(4)
                .hidden(true),
            KitField::date(F::Until, Msg::FieldRepeatUntil, "")
                .optional()
                .reading(12)
                .hidden(true),
            KitField::text(F::Times, Msg::FieldRepeatTimes, "")
                .narrow(4)
                .hidden(true),
            KitField::text(F::Note, Msg::Note, ""),
        ];
        let mut form = Form::new(fields, today, lang).counting(&settings.hours.days_off);
        if case.is_some() {
            form.focus_on(F::Purpose);
        }
        let mut editor = MeetingEditor {
            original: None,
            form,
            parties: Vec::new(),
            day: Vec::new(),
            busy: Vec::new(),
            day_loaded: None,
            conflicts: Vec::new(),
            party_meetings: Vec::new(),
            acts_on: None,
            rebooks: None,
            case_facts: None,
            occurrence: None,
            hours: settings.hours.clone(),
            lengths: (settings.first_meeting_minutes, settings.default_minutes),
            travel_minutes: settings.travel_minutes,
            now: None,
        };
        editor.refresh();
        editor
    }

    /// The form filled from an existing meeting.
    pub fn edit(
        settings: &Settings,
        meeting: &Meeting,
        case_name: Option<String>,
        today: NaiveDate,
        lang: Lang,
    ) -> Self {
        use Field as F;
        let mut editor = Self::new(
            settings,
            meeting.start,
            meeting.case.zip(case_name),
            today,
            lang,
        );
        let f = &mut editor.form;
        if let Some(c) = f.choice_mut(F::Purpose) {
            c.select_or_add(&meeting.purpose, &label_purpose(&meeting.purpose, lang));
        }
        f.set_text(F::Title, &meeting.title);
        f.set_text(F::Duration, &format_duration(meeting.minutes));
        if let Some(c) = f.choice_mut(F::Form) {
            c.set_index(FORMS.iter().position(|x| *x == meeting.form).unwrap_or(0));
        }
        if let Some(c) = f.choice_mut(F::Place) {
            c.set_index(
                PLACES
                    .iter()
                    .position(|p| *p == meeting.place.kind)
                    .unwrap_or(0),
            );
        }
        f.set_text(F::PlaceText, &meeting.place.text);
        f.set_text(F::Prep, &meeting.prep_minutes.to_string());
        f.set_text(F::FollowUp, &meeting.follow_up_minutes.to_string());
        f.set_text(F::Note, &meeting.note);
        f.set_text(F::Travel, &meeting.travel_minutes.to_string());
        if let Some(c) = f.choice_mut(F::Status) {
            c.set_index(
                STATUSES
                    .iter()
                    .position(|s| *s == meeting.status)
                    .unwrap_or(0),
            );
        }
        if let Some(c) = f.choice_mut(F::BookedBy) {
            c.set_index(usize::from(meeting.booked_by == BookedBy::Citizen));
        }
        if let Some(repeat) = &meeting.repeat {
            if let Some(c) = f.choice_mut(F::Repeat) {
                c.set_index(
                    REPEATS
                        .iter()
                        .position(|r| *r == Some(repeat.every))
                        .unwrap_or(0),
                );
            }
            f.set_text(F::Interval, &repeat.interval.max(1).to_string());
            if let Some(until) = repeat.until {
                f.set_text(F::Until, &until.format("%d/%m/%Y").to_string());
            }
            if let Some(count) = repeat.count {
                f.set_text(F::Times, &count.to_string());
            }
        }
        editor.parties = meeting.participants.clone();
        editor.original = Some(meeting.clone());
        editor.follow_purpose();
        editor.follow_status();
        editor.follow_repeat();
        editor.form.focus_on(F::Start);
        editor.refresh();
        editor
    }

    pub fn purpose_key(&self) -> &str {
        match self.form.choice_key(Field::Purpose) {
            "" => purpose::SAMTALE,
            key => key,
        }
    }

    /// The purposes offered (keys), and the chosen one's place among them.
    pub fn purposes(&self) -> (Vec<&str>, usize) {
        let keys = self
            .form
            .choice(Field::Purpose)
            .map_or_else(Vec::new, |c| c.keys().collect());
        (keys, self.form.index(Field::Purpose))
    }

    /// Makes the meeting of `key` (a 3-partssamtale from a course), adding it to the choice
    /// when it is not configured.
    pub fn set_purpose(&mut self, key: &str) {
        let lang = self.form.lang;
        if let Some(c) = self.form.choice_mut(Field::Purpose) {
            c.select_or_add(key, &label_purpose(key, lang));
        }
        self.follow_purpose();
    }

    /// The case chosen (none for an internal block).
    pub fn case(&self) -> Option<CaseId> {
        self.form.picked(Field::Case).and_then(Pick::case)
    }

    /// The best matches for the typed case name.
    pub fn case_matches(&self) -> &[(Pick, String)] {
        self.form.picker(Field::Case).map_or(&[], |p| p.matches())
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

    /// An internal block has a title in the case's place.
    fn follow_purpose(&mut self) {
        let internal = self.is_internal();
        self.form.set_hidden(Field::Case, internal);
        self.form.set_hidden(Field::Title, !internal);
    }

    /// A key for the focused field. Returns whether the form changed.
    pub fn type_key(&mut self, key: KeyEvent, directory: Option<&Directory>) -> bool {
        let on_parties = self.form.is_focused(Field::Parties);
        let no_party_typed = self.form.text(Field::Parties).is_empty();
        if on_parties && no_party_typed {
            // With no name typed, ←/→ change the last party's role and Backspace removes it.
            let delta = match key.code {
                KeyCode::Left => Some(-1),
                KeyCode::Right => Some(1),
                _ => None,
            };
            if let (Some(d), Some(last)) = (delta, self.parties.last_mut()) {
                last.role = step(&ROLES, last.role, d);
                self.refresh();
                return true;
            }
            if key.code == KeyCode::Backspace && self.parties.pop().is_some() {
                self.refresh();
                return true;
            }
        }
        let candidates: Candidates<'_, Field> = &|field, _| match (field, directory) {
            (Field::Case, Some(d)) => d
                .cases
                .iter()
                .map(|c| Candidate {
                    pick: Pick::Case(c.id),
                    label: c.name.clone(),
                    haystack: format!("{} {}", c.name, c.alias),
                })
                .collect(),
            (Field::Parties, Some(d)) => d
                .contacts
                .iter()
                .map(|c| Candidate {
                    pick: Pick::Contact(c.id),
                    label: contact_label(&c.name, &c.organisation),
                    haystack: format!("{} {}", c.name, c.organisation),
                })
                .collect(),
            _ => Vec::new(),
        };
        let changed = self.form.key(key, candidates);
        match changed {
            Some(Field::Purpose) => self.follow_purpose(),
            Some(Field::Form) => {
                self.follow_form();
                self.follow_place();
            }
            Some(Field::Place) => self.follow_place(),
            Some(Field::Status) => self.follow_status(),
            Some(Field::Repeat) => self.follow_repeat(),
            _ => {}
        }
        self.follow_case(directory);
        self.refresh();
        changed.is_some()
    }

    /// On the parties field with a name typed, Enter adds the best match instead of saving.
    pub fn take_party(&mut self, directory: Option<&Directory>) -> bool {
        if !self.form.is_focused(Field::Parties) || self.form.text(Field::Parties).is_empty() {
            return false;
        }
        let picked = self.form.picked(Field::Parties).and_then(Pick::contact);
        let party = match picked {
            Some(id) => {
                let kind = directory
                    .and_then(|d| d.contacts.iter().find(|c| c.id == id))
                    .map(|c| c.kind);
                Participant {
                    role: kind.map_or(Role::Other, role_for),
                    contact: Some(id),
                    name: String::new(),
                }
            }
            // Not a stored contact: keep the name as typed.
            None => Participant {
                role: Role::Other,
                contact: None,
                name: self.form.text(Field::Parties),
            },
        };
        self.parties.push(party);
        if let Some(p) = self.form.picker_mut(Field::Parties) {
            p.clear();
            p.input.focus();
        }
        self.refresh();
        true
    }

    /// A phone or video meeting has no place; a home visit is at the citizen's home.
    fn follow_form(&mut self) {
        let form = FORMS
            .get(self.form.index(Field::Form))
            .copied()
            .unwrap_or(MeetingForm::InPerson);
        let place = match form {
            MeetingForm::Phone | MeetingForm::Video => PlaceKind::Remote,
            MeetingForm::HomeVisit => PlaceKind::CitizensHome,
            MeetingForm::InPerson | MeetingForm::Walk => return,
        };
        if let Some(c) = self.form.choice_mut(Field::Place) {
            c.set_index(PLACES.iter().position(|p| *p == place).unwrap_or(0));
        }
    }

    /// Travel follows the place: away from the office it is the configured time each way.
    fn follow_place(&mut self) {
        let travel = travel_for(self.meeting_form(), self.place_kind(), self.travel_minutes);
        self.form.set_text(Field::Travel, &travel.to_string());
    }

    /// A new meeting for a case with no meeting yet is a first meeting, and as long as one. A
    /// length typed or asked for (30 minutes at `F`) is kept.
    fn follow_first_meeting(&mut self, directory: Option<&Directory>) {
        let (Some(case), Some(directory)) = (self.case(), directory) else {
            return;
        };
        let (first, usual) = self.lengths;
        let typed = self.form.text(Field::Duration);
        let suggested = typed == format_duration(first) || typed == format_duration(usual);
        if self.original.is_some() || !suggested {
            return;
        }
        let met = directory
            .cases
            .iter()
            .find(|c| c.id == case)
            .is_some_and(|c| c.has_met);
        let minutes = meeting_length(!met, first, usual);
        self.form
            .set_text(Field::Duration, &format_duration(minutes));
    }

    /// The place to say where it went shows only when the meeting is marked flyttet.
    fn follow_status(&mut self) {
        let moved = self.status() == MeetingStatus::Moved;
        self.form.set_hidden(Field::MovedTo, !moved);
    }

    /// The repeat's end and weeks show only when it repeats.
    fn follow_repeat(&mut self) {
        let every = self.repeat_every();
        self.form.set_hidden(Field::Until, every.is_none());
        self.form.set_hidden(Field::Times, every.is_none());
        self.form
            .set_hidden(Field::Interval, every != Some(RepeatEvery::Weekly));
    }

    /// The status chosen.
    pub fn status(&self) -> MeetingStatus {
        STATUSES
            .get(self.form.index(Field::Status))
            .copied()
            .unwrap_or(MeetingStatus::Planned)
    }

    fn repeat_every(&self) -> Option<RepeatEvery> {
        REPEATS
            .get(self.form.index(Field::Repeat))
            .copied()
            .flatten()
    }

    fn meeting_form(&self) -> MeetingForm {
        FORMS
            .get(self.form.index(Field::Form))
            .copied()
            .unwrap_or(MeetingForm::InPerson)
    }

    fn place_kind(&self) -> PlaceKind {
        PLACES
            .get(self.form.index(Field::Place))
            .copied()
            .unwrap_or(PlaceKind::Jobcenter)
    }

    /// Where a meeting marked flyttet went: the start typed in its field.
    pub fn moved_to(&self) -> Option<NaiveDateTime> {
        (self.status() == MeetingStatus::Moved)
            .then(|| self.form.moment(Field::MovedTo).ok().flatten())
            .flatten()
    }

    /// The clock, for the warning about a no-show before the meeting has started.
    pub fn set_now(&mut self, now: NaiveDateTime) {
        self.now = Some(now);
        self.refresh();
    }

    /// Sets the text of a field the caller fills in (the series' first start, the minutes
    /// looked for), and works out what follows from it.
    pub fn set_text(&mut self, field: Field, text: &str) {
        self.form.set_text(field, text);
        self.refresh();
    }

    /// The meetings and busy time of the start day arrived.
    pub fn set_day(&mut self, meetings: Vec<Meeting>, busy: Vec<ExternalBlock>) {
        self.day = meetings;
        self.busy = busy;
        self.refresh();
    }

    /// The start as typed, if it reads.
    pub fn start_time(&self, _today: NaiveDate) -> Option<NaiveDateTime> {
        self.form.moment(Field::Start).ok().flatten()
    }

    /// The meeting the form describes, or what is wrong per field.
    pub fn build(&self, id: MeetingId, lang: Lang) -> Result<Meeting, Refusals<Field>> {
        use Field as F;
        let mut errors = Vec::new();
        let start = match self.form.moment(F::Start) {
            Ok(start) => start.unwrap_or_default(),
            Err(message) => {
                errors.push((F::Start, message));
                NaiveDateTime::default()
            }
        };
        // Preparation and follow-up may be none: empty or 0.
        let length = minutes_of(&self.form, F::Duration, &mut errors);
        let prep_minutes = minutes_of(&self.form, F::Prep, &mut errors);
        let follow_up_minutes = minutes_of(&self.form, F::FollowUp, &mut errors);
        let internal = self.is_internal();
        let case = if internal { None } else { self.case() };
        if case.is_none() && !internal {
            errors.push((F::Case, Msg::NoCaseChosen.text(lang).to_string()));
        }
        let title = self.form.text(F::Title);
        if internal && title.is_empty() {
            errors.push((F::Title, Msg::BlockNeedsTitle.text(lang).to_string()));
        }
        let travel_minutes = minutes_of(&self.form, F::Travel, &mut errors);
        let status = self.status();
        if status == MeetingStatus::Moved {
            match self.form.moment(F::MovedTo) {
                _ if self.original.is_none() => {
                    errors.push((F::Status, Msg::NewCannotBeMoved.text(lang).to_string()));
                }
                Ok(Some(_)) => {}
                Ok(None) => errors.push((F::MovedTo, Msg::MovedToNeeded.text(lang).to_string())),
                Err(message) => errors.push((F::MovedTo, message)),
            }
        }
        let repeat = self.build_repeat(lang, &mut errors);
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
            minutes: length,
            purpose: self.purpose_key().to_string(),
            form: self.meeting_form(),
            place: Place {
                kind: self.place_kind(),
                text: self.form.text(F::PlaceText),
            },
            participants,
            booked_by: BOOKERS
                .get(self.form.index(F::BookedBy))
                .copied()
                .unwrap_or(BookedBy::Caseworker),
            prep_minutes,
            follow_up_minutes,
            status,
            outcome: base
                .as_ref()
                .map_or_else(String::new, |m| m.outcome.clone()),
            title: if internal {
                title
            } else {
                base.as_ref().map_or_else(String::new, |m| m.title.clone())
            },
            note: self.form.text(F::Note),
            revision: base.as_ref().map_or(0, |m| m.revision),
            travel_minutes,
            moved_to: base.as_ref().and_then(|m| m.moved_to),
            moved_from: base.as_ref().and_then(|m| m.moved_from),
            repeat,
        })
    }

    /// The repeat as the fields say, keeping the days skipped before; what is wrong goes to
    /// `errors`.
    fn build_repeat(&self, lang: Lang, errors: &mut Vec<(Field, String)>) -> Option<Repeat> {
        use Field as F;
        let every = self.repeat_every()?;
        let number = |field, errors: &mut Vec<(Field, String)>| {
            let text = self.form.text(field);
            if text.trim().is_empty() {
                return None;
            }
            match text.trim().parse::<u32>() {
                Ok(n) if (1..=MAX_REPEAT_COUNT).contains(&n) => Some(n),
                _ => {
                    errors.push((field, Msg::WholeNumberExpected.text(lang).to_string()));
                    None
                }
            }
        };
        let interval = if every == RepeatEvery::Weekly {
            number(F::Interval, errors).unwrap_or(1)
        } else {
            1
        };
        let count = number(F::Times, errors);
        let until = match self.form.date(F::Until) {
            Ok(until) => until,
            Err(message) => {
                errors.push((F::Until, message));
                None
            }
        };
        if until.is_some() && count.is_some() {
            errors.push((F::Times, Msg::UntilOrTimes.text(lang).to_string()));
        }
        let skipped = self
            .original
            .as_ref()
            .and_then(|m| m.repeat.as_ref())
            .map_or_else(Vec::new, |r| r.skipped.clone());
        Some(Repeat {
            every,
            interval,
            until,
            count,
            skipped,
        })
    }

    /// Reads the chosen case from `directory`: its flags become warnings under the case field
    /// ("⚠ Tolk: arabisk", "⚠ SOS", so an interpreter is not forgotten), its away periods warn,
    /// and a case's first meeting gets the first meeting's length.
    pub fn follow_case(&mut self, directory: Option<&Directory>) {
        let id = self.case();
        self.case_facts = id.and_then(|id| directory?.cases.iter().find(|c| c.id == id).cloned());
        self.follow_first_meeting(directory);
        self.refresh();
    }

    /// The warnings and the parties' other meetings as the form and its day now stand.
    fn refresh(&mut self) {
        self.conflicts = self.compute_conflicts();
        self.form.warnings = self.compute_form_warnings();
        self.party_meetings = self.compute_party_meetings();
    }

    /// The case's flags under the case field, and a no-show on a meeting that has not started
    /// yet, which is worth a second look.
    fn compute_form_warnings(&self) -> Vec<(Field, String)> {
        let lang = self.form.lang;
        let mut out: Vec<(Field, String)> = self
            .case_facts
            .iter()
            .flat_map(|c| crate::i18n::case_flags(&c.flags, &c.reach_via, lang))
            .map(|flag| (Field::Case, flag))
            .collect();
        let start = self.form.moment(Field::Start).ok().flatten();
        let early = self.now.zip(start).is_some_and(|(now, start)| start > now);
        if self.status() == MeetingStatus::NoShow && early {
            out.push((Field::Status, Msg::NotStartedYet.text(lang).to_string()));
        }
        out
    }

    fn compute_conflicts(&self) -> Vec<Warning> {
        let Ok(meeting) = self.build(MeetingId(0), Lang::En) else {
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
        let mut found = warnings(&meeting, meeting.start, &occ, &self.hours, None);
        found.extend(external_warnings(&meeting, meeting.start, &self.busy));
        let away = self.case_facts.as_ref().map_or(&[][..], |c| &c.away[..]);
        found.extend(citizen_away(away, day));
        found
    }

    fn compute_party_meetings(&self) -> Vec<(ContactId, NaiveDateTime, NaiveDateTime, bool)> {
        let Some(start) = self.form.moment(Field::Start).ok().flatten() else {
            return Vec::new();
        };
        let minutes = self
            .form
            .minutes(Field::Duration)
            .ok()
            .flatten()
            .unwrap_or(0);
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

/// The minutes typed in `field` (empty is none); a parse error goes to `errors`.
fn minutes_of(form: &Form<Field>, field: Field, errors: &mut Vec<(Field, String)>) -> u32 {
    match form.minutes(field) {
        Ok(minutes) => minutes.unwrap_or(0),
        Err(message) => {
            errors.push((field, message));
            0
        }
    }
}

fn booker_label(by: BookedBy) -> Msg {
    match by {
        BookedBy::Caseworker => Msg::Caseworker,
        BookedBy::Citizen => Msg::BookedBySelf,
    }
}

/// The words of a repeat choice.
fn repeat_label(every: Option<RepeatEvery>) -> Msg {
    match every {
        None => Msg::RepeatNever,
        Some(RepeatEvery::Daily) => Msg::EveryDay,
        Some(RepeatEvery::Weekdays) => Msg::EveryWeekday,
        Some(RepeatEvery::Weekly) => Msg::EveryWeek,
    }
}

/// "Jonas Berg (Udsyn Mentorhuset)".
fn contact_label(name: &str, organisation: &str) -> String {
    if organisation.is_empty() {
        name.to_string()
    } else {
        format!("{name} ({organisation})")
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
