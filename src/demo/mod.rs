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

use chrono::NaiveDate;

use crate::model::Dataset;
use dice::{Dice, stream};

/// Default density: 8–15 meetings a week at 50 cases.
pub const DEFAULT_MEETINGS_PER_CASE_PER_YEAR: u32 = 12;

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoSpec {
    pub cases: usize,
    pub seed: u64,
    /// The day the data is "now": a year of history before it, about six weeks planned after it.
    pub today: NaiveDate,
    /// Meetings per case and year; the product brief's scale table uses 50
    /// (2,500 a year at 50 cases, 500,000 at 10,000).
    pub meetings_per_case_per_year: u32,
}

impl DemoSpec {
    pub fn new(cases: usize, seed: u64, today: NaiveDate) -> Self {
        Self {
            cases,
            seed,
            today,
            meetings_per_case_per_year: DEFAULT_MEETINGS_PER_CASE_PER_YEAR,
        }
    }

    pub fn with_meetings_per_case_per_year(mut self, meetings: u32) -> Self {
        self.meetings_per_case_per_year = meetings;
        self
    }
}

/// Generates the caseload. Ids start at 1 for every kind and follow the records' time order.
pub fn generate(spec: &DemoSpec) -> Dataset {
    let cal = calendar::Calendar::new(spec.today);
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
    }
}
