use super::{CaseId, FreeText, ids::EventId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A contact event: a call, SMS, mail, letter, video call, walk or visit.
/// Drives "days since last contact" and documents attempts before a no-show is judged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactEvent {
    pub id: EventId,
    pub case: CaseId,
    pub at: DateTime<Utc>,
    pub channel: Channel,
    pub direction: Direction,
    pub reached: bool,
    /// The citizen asked to be called back ("ring mig"); counts in minutes.
    #[serde(default)]
    pub call_back: bool,
    #[serde(default)]
    pub note: String,
    /// When the caseworker rang back and got through: the call-back is closed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub called_back: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Phone,
    Sms,
    Mail,
    /// e-Boks letter.
    Letter,
    Video,
    Walk,
    Visit,
    Meeting,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    In,
    Out,
}

impl FreeText for ContactEvent {
    fn free_text(&self) -> Vec<(&'static str, &str)> {
        vec![("note", self.note.as_str())]
    }
}
