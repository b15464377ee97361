//! Busy time from another calendar (Outlook, Google, Apple), imported from an .ics file. Kept
//! apart from caseplan's own meetings and never edited here: a re-import of the same source
//! replaces it.

use super::FreeText;
use super::ids::ExternalId;
use chrono::{Duration, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// One occurrence of an event of another calendar, in local wall-clock time of the configured
/// zone. A repeating event becomes one block per occurrence within the import window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExternalBlock {
    pub id: ExternalId,
    /// The name of the calendar it came from ("Outlook"); a re-import replaces that source.
    pub source: String,
    /// The event's UID in that calendar.
    pub uid: String,
    /// The occurrence's original start (its RECURRENCE-ID) for a repeating event; `None` for a
    /// single event. With `uid`, the key a re-import matches on.
    #[serde(default)]
    pub occurrence: Option<NaiveDateTime>,
    pub start: NaiveDateTime,
    pub minutes: u32,
    /// A DATE event: the whole day is taken.
    #[serde(default)]
    pub all_day: bool,
    /// The event's summary; empty for a private event.
    #[serde(default)]
    pub title: String,
    /// The event is marked free (shown, not counted as busy).
    #[serde(default)]
    pub free: bool,
    /// The event is private in its calendar: its summary was not kept.
    #[serde(default)]
    pub private: bool,
}

impl ExternalBlock {
    /// The longest a block lasts, 62 days: the store reads its start index this far back for a
    /// window, and an import shortens longer events to it.
    pub const LONGEST_MINUTES: u32 = 62 * 24 * 60;

    pub fn end(&self) -> NaiveDateTime {
        self.start + Duration::minutes(i64::from(self.minutes))
    }

    /// Whether it takes the caseworker's time: counted by overlaps, free slots and workload.
    pub fn is_busy(&self) -> bool {
        !self.free
    }

    /// What a re-import matches on.
    pub fn key(&self) -> (&str, Option<NaiveDateTime>) {
        (self.uid.as_str(), self.occurrence)
    }
}

impl FreeText for ExternalBlock {
    fn free_text(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("source", self.source.as_str()),
            ("uid", self.uid.as_str()),
            ("title", self.title.as_str()),
        ]
    }
}
