use super::{CaseId, ContactId, FreeText, ids::MeetingId};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Weekday};
use serde::{Deserialize, Serialize};

/// Keys of the built-in meeting purposes; the configuration may add more.
/// The purpose is kept apart from the form: a follow-up stays a follow-up on the phone.
pub mod purpose {
    pub const SAMTALE: &str = "samtale";
    pub const OPFOELGNING: &str = "opfoelgning";
    pub const THREE_PARTY: &str = "3-parts";
    pub const REHAB_TEAM: &str = "rehabiliteringsteam";
    pub const PRAKTIKBESOEG: &str = "praktikbesoeg";
    pub const SPARRING: &str = "sparring";
    pub const OTHER: &str = "andet";
    /// Internal blocks without a case.
    pub const TELEFONVAGT: &str = "telefonvagt";
    pub const KOORDINERING: &str = "koordinering";
    pub const ADMIN: &str = "admin";
    pub const ALL: [&str; 10] = [
        SAMTALE,
        OPFOELGNING,
        THREE_PARTY,
        REHAB_TEAM,
        PRAKTIKBESOEG,
        SPARRING,
        OTHER,
        TELEFONVAGT,
        KOORDINERING,
        ADMIN,
    ];
}

/// A meeting with a citizen, or an internal block when `case` is `None`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: MeetingId,
    #[serde(default)]
    pub case: Option<CaseId>,
    /// Wall-clock start in the configured zone.
    pub start: NaiveDateTime,
    /// Any length, from 5 minutes to a whole day.
    pub minutes: u32,
    /// Key of a purpose (see [`purpose`]).
    pub purpose: String,
    pub form: MeetingForm,
    #[serde(default)]
    pub place: Place,
    #[serde(default)]
    pub participants: Vec<Participant>,
    #[serde(default)]
    pub booked_by: BookedBy,
    #[serde(default)]
    pub prep_minutes: u32,
    #[serde(default)]
    pub follow_up_minutes: u32,
    #[serde(default)]
    pub status: MeetingStatus,
    /// Short outcome note ("kom ikke, ringet op kl 10").
    #[serde(default)]
    pub outcome: String,
    /// Title of an internal block, or a short subject.
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub repeat: Option<Repeat>,
    /// Travel to and from a place away from the office, before and after the meeting
    /// (`domain::travel` says how much a place needs; the form can change it).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub travel_minutes: u32,
    /// Flyttet: the meeting booked in this one's place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moved_to: Option<MeetingId>,
    /// The meeting this one replaced, and when that one was: a fact that does not change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moved_from: Option<MovedFrom>,
    /// How many times the stored meeting has changed: the store counts it, an .ics export
    /// writes it as SEQUENCE so a calendar that imported the meeting takes the change (#16).
    /// Records written before it existed read as 0.
    #[serde(default)]
    pub revision: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingForm {
    /// Fremmøde.
    InPerson,
    /// Hjemmebesøg.
    HomeVisit,
    Phone,
    Video,
    /// Gåtur: walk-and-talk.
    Walk,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub kind: PlaceKind,
    /// Address or detail ("Café Nørrebro", "Lærkevej 2, mødelokale 3").
    #[serde(default)]
    pub text: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    #[default]
    Jobcenter,
    CitizensHome,
    Supplier,
    Workplace,
    Bosted,
    Hospital,
    Shelter,
    SubstanceCentre,
    InTown,
    /// No place: phone and video.
    Remote,
}

impl PlaceKind {
    /// Places that need travel from the office.
    pub fn is_away(self) -> bool {
        !matches!(self, Self::Jobcenter | Self::Remote)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    pub role: Role,
    #[serde(default)]
    pub contact: Option<ContactId>,
    /// A name when the party is not a stored contact.
    #[serde(default)]
    pub name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Citizen,
    Caseworker,
    /// Konsulent or mentor at a supplier.
    Consultant,
    Employer,
    Doctor,
    Nurse,
    Bosted,
    Therapist,
    Interpreter,
    Colleague,
    Other,
}

impl Role {
    /// The parties beyond the citizen and the caseworker, as drawn on a block.
    pub fn is_third_party(self) -> bool {
        !matches!(self, Self::Citizen | Self::Caseworker)
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BookedBy {
    #[default]
    Caseworker,
    Citizen,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingStatus {
    /// Planlagt.
    #[default]
    Planned,
    /// Afholdt.
    Held,
    /// Flyttet: a new meeting replaced it.
    Moved,
    /// Afbud: cancelled by the citizen.
    CancelledByCitizen,
    /// Aflyst: cancelled by the caseworker.
    CancelledByCaseworker,
    /// Udeblevet: no-show. A note for the caseworker, never a sanction.
    NoShow,
    /// Afbrudt: the call was cut off; call back.
    CutOff,
}

impl MeetingStatus {
    /// Whether the meeting still takes time in the calendar.
    pub fn occupies_time(self) -> bool {
        matches!(
            self,
            Self::Planned | Self::Held | Self::NoShow | Self::CutOff
        )
    }
}

/// Where a moved meeting was before it was moved here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MovedFrom {
    pub meeting: MeetingId,
    pub start: NaiveDateTime,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

fn one() -> u32 {
    1
}

fn is_one(n: &u32) -> bool {
    *n == 1
}

/// How a block or a standing meeting repeats, counted in local time from its first start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Repeat {
    pub every: RepeatEvery,
    /// Every `interval` weeks (weekly only; 1 is every week).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub interval: u32,
    #[serde(default)]
    pub until: Option<NaiveDate>,
    /// At most this many occurrences from the first start; skipped ones count too, as an
    /// .ics COUNT with EXDATEs does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// Occurrences skipped for one time ("no telefonvagt this week").
    #[serde(default)]
    pub skipped: Vec<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RepeatEvery {
    Daily,
    Weekdays,
    Weekly,
}

impl Meeting {
    pub fn end(&self) -> NaiveDateTime {
        self.start + Duration::minutes(i64::from(self.minutes))
    }

    pub fn is_internal(&self) -> bool {
        self.case.is_none()
    }

    pub fn is_three_party(&self) -> bool {
        self.purpose == purpose::THREE_PARTY
    }

    /// The revision to store when this meeting replaces `stored`: the stored one when nothing
    /// changed, else one more than either, so it never goes back (an undo is a change too).
    pub fn revision_over(&self, stored: &Meeting) -> u32 {
        let unchanged = Meeting {
            revision: stored.revision,
            travel_minutes: 0,
            moved_to: None,
            moved_from: None,
            ..self.clone()
        } == *stored;
        if unchanged {
            stored.revision
        } else {
            stored.revision.max(self.revision).saturating_add(1)
        }
    }

    /// Whether a repeating block has an occurrence on `day` (the first start counts).
    pub fn occurs_on(&self, day: NaiveDate) -> bool {
        let Some(repeat) = &self.repeat else {
            return day == self.start.date();
        };
        repeat.on_rule(self.start.date(), day)
            && self.last_day().is_none_or(|last| day <= last)
            && !repeat.skipped.contains(&day)
    }

    /// How many days before `day` the repeat's rule gives (skipped ones too): what a number
    /// of times has used up by then.
    pub fn rule_count_before(&self, day: NaiveDate) -> u32 {
        let first = self.start.date();
        let Some(repeat) = &self.repeat else {
            return u32::from(first < day);
        };
        let days = first
            .iter_days()
            .take_while(|d| *d < day)
            .filter(|d| repeat.on_rule(first, *d))
            .count();
        u32::try_from(days).unwrap_or(u32::MAX)
    }

    /// The last day a repeating meeting can occur on (by its end date or its number of
    /// times), `None` when it goes on; a single meeting's own day.
    pub fn last_day(&self) -> Option<NaiveDate> {
        let first = self.start.date();
        let Some(repeat) = &self.repeat else {
            return Some(first);
        };
        let by_count = repeat.count.map(|n| repeat.nth_day(first, n.max(1)));
        match (repeat.until, by_count) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }
}

/// The most occurrences a repeat may be given as a number of times.
pub const MAX_REPEAT_COUNT: u32 = 999;

impl Repeat {
    pub fn new(every: RepeatEvery) -> Repeat {
        Repeat {
            every,
            interval: 1,
            until: None,
            count: None,
            skipped: Vec::new(),
        }
    }

    /// Whether the rule alone (no end, nothing skipped) puts an occurrence on `day`.
    fn on_rule(&self, first: NaiveDate, day: NaiveDate) -> bool {
        if day < first {
            return false;
        }
        match self.every {
            RepeatEvery::Daily => true,
            RepeatEvery::Weekdays => !matches!(day.weekday(), Weekday::Sat | Weekday::Sun),
            RepeatEvery::Weekly => {
                let weeks = (day - first).num_days() / 7;
                day.weekday() == first.weekday() && weeks % i64::from(self.interval.max(1)) == 0
            }
        }
    }

    /// The day of the `n`th occurrence by the rule (1 is the first).
    fn nth_day(&self, first: NaiveDate, n: u32) -> NaiveDate {
        let steps = i64::from(n.clamp(1, MAX_REPEAT_COUNT) - 1);
        match self.every {
            RepeatEvery::Daily => first + Duration::days(steps),
            RepeatEvery::Weekly => first + Duration::weeks(steps * i64::from(self.interval.max(1))),
            RepeatEvery::Weekdays => first
                .iter_days()
                .filter(|d| self.on_rule(first, *d))
                .nth(steps as usize)
                .unwrap_or(first),
        }
    }
}

impl FreeText for Meeting {
    fn free_text(&self) -> Vec<(&'static str, &str)> {
        let mut out = vec![
            ("purpose", self.purpose.as_str()),
            ("place.text", self.place.text.as_str()),
            ("outcome", self.outcome.as_str()),
            ("title", self.title.as_str()),
            ("note", self.note.as_str()),
        ];
        for p in &self.participants {
            out.push(("participants.name", p.name.as_str()));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(start: &str, every: RepeatEvery) -> Meeting {
        Meeting {
            id: MeetingId(1),
            case: None,
            start: NaiveDateTime::parse_from_str(start, "%Y-%m-%d %H:%M").unwrap(),
            minutes: 120,
            purpose: purpose::TELEFONVAGT.into(),
            form: MeetingForm::Phone,
            place: Place::default(),
            participants: vec![],
            booked_by: BookedBy::Caseworker,
            prep_minutes: 0,
            follow_up_minutes: 0,
            status: MeetingStatus::Planned,
            outcome: String::new(),
            title: "Telefonvagt".into(),
            note: String::new(),
            revision: 0,
            travel_minutes: 0,
            moved_to: None,
            moved_from: None,
            repeat: Some(Repeat {
                every,
                interval: 1,
                count: None,
                until: None,
                skipped: vec![],
            }),
        }
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn weekly_block_occurs_on_its_weekday_and_not_when_skipped() {
        let mut m = block("2026-11-23 09:00", RepeatEvery::Weekly); // a Monday
        assert!(m.occurs_on(day("2026-11-30")));
        assert!(!m.occurs_on(day("2026-12-01")));
        assert!(
            !m.occurs_on(day("2026-11-16")),
            "not before the first start"
        );
        m.repeat.as_mut().unwrap().skipped.push(day("2026-11-30"));
        assert!(!m.occurs_on(day("2026-11-30")));
        assert!(m.occurs_on(day("2026-12-07")));
    }

    #[test]
    fn counts_and_intervals_are_local_days_across_both_2026_summer_time_sundays() {
        // Daily from Friday 27 March, four times: summer time begins on Sunday the 29th.
        let mut m = block("2026-03-27 09:00", RepeatEvery::Daily);
        m.repeat.as_mut().unwrap().count = Some(4);
        assert_eq!(m.last_day(), Some(day("2026-03-30")));
        assert!(m.occurs_on(day("2026-03-29")));
        assert!(!m.occurs_on(day("2026-03-31")));
        // Every other Sunday from 11 October: 25 October, when summer time ends, is one.
        let mut m = block("2026-10-11 09:00", RepeatEvery::Weekly);
        m.repeat.as_mut().unwrap().interval = 2;
        assert!(!m.occurs_on(day("2026-10-18")));
        assert!(m.occurs_on(day("2026-10-25")));
        assert!(m.occurs_on(day("2026-11-08")));
        // Weekdays five times from Thursday 22 October: the weekend of the change is passed by.
        let mut m = block("2026-10-22 09:00", RepeatEvery::Weekdays);
        m.repeat.as_mut().unwrap().count = Some(5);
        assert_eq!(m.last_day(), Some(day("2026-10-28")));
        assert_eq!(m.rule_count_before(day("2026-10-26")), 2);
        // An end date before the count's last day wins.
        m.repeat.as_mut().unwrap().until = Some(day("2026-10-26"));
        assert_eq!(m.last_day(), Some(day("2026-10-26")));
    }

    #[test]
    fn weekday_block_skips_weekends() {
        let m = block("2026-11-23 09:00", RepeatEvery::Weekdays);
        assert!(m.occurs_on(day("2026-11-27")));
        assert!(!m.occurs_on(day("2026-11-28")));
    }
}
