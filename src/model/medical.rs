use super::{CaseId, Channel, ContactId, FreeText, ids::RequestId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Keys of the built-in request kinds; the configuration may add more.
pub mod request_kind {
    pub const STATUSATTEST: &str = "statusattest";
    pub const LAE_145: &str = "lae145";
    pub const SPECIALIST: &str = "speciallaegeerklaering";
    pub const FUNCTION: &str = "funktionsbeskrivelse";
    pub const HOSPITAL_RECORDS: &str = "journaloplysninger";
    pub const REHAB_TEAM: &str = "rehab-erklaering";
    pub const OTHER: &str = "andet";
    pub const ALL: [&str; 7] = [
        STATUSATTEST,
        LAE_145,
        SPECIALIST,
        FUNCTION,
        HOSPITAL_RECORDS,
        REHAB_TEAM,
        OTHER,
    ];
}

/// A medical request (lægelig anmodning). Never closed by the tool.
/// Holds what was asked and when, never the medical content itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MedicalRequest {
    pub id: RequestId,
    pub case: CaseId,
    /// Key of a request kind (see [`request_kind`]).
    pub kind: String,
    /// GP practice, hospital department, psychiatry, specialist.
    #[serde(default)]
    pub recipient: Option<ContactId>,
    /// The concrete questions the answer must cover.
    #[serde(default)]
    pub questions: String,
    /// What it is for: rehabiliteringsteam, fleksjob, work capacity …
    #[serde(default)]
    pub purpose: String,
    #[serde(default)]
    pub consent: Option<NaiveDate>,
    #[serde(default)]
    pub sent: Option<NaiveDate>,
    #[serde(default)]
    pub deadline: Option<NaiveDate>,
    #[serde(default)]
    pub chases: Vec<ChaseEntry>,
    #[serde(default)]
    pub received: Option<NaiveDate>,
    #[serde(default)]
    pub acted_on: Option<NaiveDate>,
    #[serde(default)]
    pub withdrawn: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChaseEntry {
    pub at: DateTime<Utc>,
    pub channel: Channel,
    /// Who was reached ("sekretær", "ingen svar").
    #[serde(default)]
    pub reached: String,
    #[serde(default)]
    pub note: String,
}

impl MedicalRequest {
    /// Open: neither received nor withdrawn.
    pub fn is_open(&self) -> bool {
        self.received.is_none() && self.withdrawn.is_none()
    }
}

impl FreeText for MedicalRequest {
    fn free_text(&self) -> Vec<(&'static str, &str)> {
        let mut out = vec![
            ("kind", self.kind.as_str()),
            ("questions", self.questions.as_str()),
            ("purpose", self.purpose.as_str()),
        ];
        for chase in &self.chases {
            out.push(("chases.reached", chase.reached.as_str()));
            out.push(("chases.note", chase.note.as_str()));
        }
        out
    }
}
