use super::{CaseId, FreeText, ids::NoteId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A short working note. "Journalised" says it has been recorded in the official case system.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub id: NoteId,
    pub case: CaseId,
    pub at: DateTime<Utc>,
    pub subject: String,
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub journalised: Option<DateTime<Utc>>,
}

impl FreeText for Note {
    fn free_text(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("subject", self.subject.as_str()),
            ("body", self.body.as_str()),
        ]
    }
}
