use super::{CaseId, FreeText, ids::AgreementId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// An agreement (aftale): who does what by when. Kept promises build trust.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agreement {
    pub id: AgreementId,
    pub case: CaseId,
    pub who: Party,
    pub what: String,
    #[serde(default)]
    pub due: Option<NaiveDate>,
    #[serde(default)]
    pub done: Option<NaiveDate>,
    pub created: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    Citizen,
    /// The caseworker's own promise.
    Caseworker,
    Other,
}

impl Agreement {
    pub fn is_open(&self) -> bool {
        self.done.is_none()
    }
}

impl FreeText for Agreement {
    fn free_text(&self) -> Vec<(&'static str, &str)> {
        vec![("what", self.what.as_str())]
    }
}
