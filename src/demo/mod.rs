//! A deterministic generator of a believable, fictitious caseload, for demos, screenshots,
//! tests and benchmarks.
//!
//! The same spec gives the same [`Dataset`] on every platform: all randomness comes from
//! ChaCha8 streams seeded from `spec.seed`, and every date and timestamp is derived from
//! `spec.today`, never from the system clock. Names are common Danish first names and surnames
//! combined, organisations are invented, e-mail domains end in `.example`, and nothing looks
//! like a CPR number or names a diagnosis.

mod calendar;
mod cases;
mod contacts;
mod courses;
mod dice;
mod followups;
mod medical;
mod meetings;
mod names;
mod occupancy;
mod phrases;

use chrono::{NaiveDate, NaiveTime};

use crate::model::Dataset;
use dice::{Dice, stream};

/// The time of day the demo is made at unless told: the start of a working day.
pub const DEFAULT_NOW: NaiveTime = match NaiveTime::from_hms_opt(8, 0, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};

/// Default density: 8–15 meetings a week at 50 cases.
pub const DEFAULT_MEETINGS_PER_CASE_PER_YEAR: u32 = 12;

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoSpec {
    pub cases: usize,
    pub seed: u64,
    /// The day the data is "now": a year of history before it, about six weeks planned after it.
    pub today: NaiveDate,
    /// The time of day it is on `today`: nothing in the data happened after it (a note, a
    /// call, a held meeting).
    pub now: NaiveTime,
    /// Meetings per case and year; the product brief's scale table uses 50
    /// (2,500 a year at 50 cases, 500,000 at 10,000).
    pub meetings_per_case_per_year: u32,
    /// Years of history: the last year's past meetings repeat this many years back, for
    /// measuring what grows with history (1: just the last year).
    pub years: u32,
}

impl DemoSpec {
    pub fn new(cases: usize, seed: u64, today: NaiveDate) -> Self {
        Self {
            cases,
            seed,
            today,
            now: DEFAULT_NOW,
            meetings_per_case_per_year: DEFAULT_MEETINGS_PER_CASE_PER_YEAR,
            years: 1,
        }
    }

    /// The demo as made at `now` on its day.
    pub fn at_time(mut self, now: NaiveTime) -> Self {
        self.now = now;
        self
    }

    pub fn with_meetings_per_case_per_year(mut self, meetings: u32) -> Self {
        self.meetings_per_case_per_year = meetings;
        self
    }

    pub fn with_years(mut self, years: u32) -> Self {
        self.years = years.max(1);
        self
    }
}

/// Generates the caseload. Ids start at 1 for every kind and follow the records' time order.
pub fn generate(spec: &DemoSpec) -> Dataset {
    let cal = calendar::Calendar::at(spec.today, spec.now);
    let dice = |s| Dice::new(spec.seed, s);
    let directory = contacts::generate(spec.cases, &mut dice(stream::CONTACTS));
    let mut cases = cases::generate(spec.cases, &cal, &directory, &mut dice(stream::CASES));
    let courses = courses::generate(&cal, &directory, &mut cases, &mut dice(stream::COURSES));
    let medical_requests = if cases.is_empty() {
        vec![]
    } else {
        medical::generate(&cal, &directory, &cases, &mut dice(stream::MEDICAL))
    };
    let meetings = meetings::generate(
        spec.meetings_per_case_per_year,
        &cal,
        &directory,
        &cases,
        &mut dice(stream::MEETINGS),
    );
    let follow_ups = followups::generate(&cal, &cases, &meetings, &mut dice(stream::FOLLOW_UPS));
    let meetings = meetings::with_older_years(meetings, spec.today, spec.years);
    Dataset {
        cases,
        contacts: directory.contacts,
        meetings,
        courses,
        medical_requests,
        agreements: follow_ups.agreements,
        events: follow_ups.events,
        notes: follow_ups.notes,
        external_blocks: Vec::new(),
        rebookings: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MeetingStatus;
    use crate::store::AnyRecord;
    use crate::time::range::DateValue;

    /// Dates that may lie ahead: what is planned, due or agreed, never what happened.
    const AHEAD: [&str; 14] = [
        "start",
        "end",
        "repeat.until",
        "cadence.dates",
        "reports.due",
        "outcome.on",
        "outcome.previous_end",
        "deadline",
        "due",
        "away.from",
        "away.to",
        "cadence_override.until",
        "occurrence",
        "moved_from.start",
    ];

    #[test]
    fn nothing_in_the_demo_happened_after_its_now() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
        for (hour, minute) in [(7, 30), (9, 0), (13, 0)] {
            let now_time = NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or_default();
            let spec = DemoSpec::new(50, 1, today).at_time(now_time);
            let data = generate(&spec);
            let now = today.and_time(now_time);
            // The demo's timestamps are local time an hour ahead of UTC.
            let now_utc = (now - chrono::Duration::hours(1)).and_utc();
            for record in AnyRecord::all_in(&data) {
                for (name, value) in record.dates() {
                    let happened = match value {
                        DateValue::Day(d) => d <= today,
                        DateValue::Local(t) => t <= now,
                        DateValue::Utc(t) => t <= now_utc,
                    };
                    assert!(
                        happened || AHEAD.contains(&name),
                        "{name} {value:?} of {:?} is after {now}",
                        record.record_ref()
                    );
                }
            }
            for m in &data.meetings {
                let happened = matches!(
                    m.status,
                    MeetingStatus::Held | MeetingStatus::NoShow | MeetingStatus::CutOff
                );
                assert!(
                    !happened || m.end() <= now,
                    "{m:?} is {:?} at {now}",
                    m.status
                );
            }
        }
    }
}
