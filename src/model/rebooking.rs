//! "Inform and rebook" (#17): when plans break, one item per citizen whose meetings a bulk
//! cancel or convert changed. Nothing is sent: the item tells the caseworker whom to reach and
//! how, until it is done or a new meeting is booked.

use super::ids::{CaseId, MeetingId, RebookingId};
use super::{FreeText, MeetingForm};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// What a bulk operation does to the meetings of a date range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "form")]
pub enum BulkChange {
    /// Aflyst: cancelled by the caseworker, with a note.
    Cancel,
    /// The same time and purpose by phone or video.
    Convert(MeetingForm),
}

/// One citizen to inform (and, after a cancel, to book again).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rebooking {
    pub id: RebookingId,
    pub case: CaseId,
    pub change: BulkChange,
    /// The date range the operation covered, both days included.
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The case's meetings it changed, by id and start (local time).
    pub meetings: Vec<(MeetingId, NaiveDateTime)>,
    /// The purpose of the first of those meetings: a new meeting is booked for the same.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub purpose: String,
    /// Why, as the caseworker typed it ("sygdom").
    #[serde(default)]
    pub note: String,
    /// The day of the operation: the item is due then.
    pub made: NaiveDate,
    #[serde(default)]
    pub done: Option<NaiveDate>,
    /// The meeting booked in place of the cancelled ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub booked: Option<MeetingId>,
}

impl Rebooking {
    pub fn is_open(&self) -> bool {
        self.done.is_none()
    }
}

impl FreeText for Rebooking {
    fn free_text(&self) -> Vec<(&'static str, &str)> {
        vec![("note", self.note.as_str())]
    }
}
