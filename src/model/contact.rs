use super::{FreeText, ids::ContactId};
use serde::{Deserialize, Serialize};

/// A professional contact (part). Work phone and e-mail only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub id: ContactId,
    pub name: String,
    pub kind: ContactKind,
    /// The organisation the person works for (supplier, practice, employer), if it is a contact too.
    #[serde(default)]
    pub organisation: Option<ContactId>,
    /// Title or department, free text ("mentor", "lægesekretær", "afd. P3").
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub work_phone: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactKind {
    Supplier,
    Consultant,
    Mentor,
    Gp,
    Practice,
    Hospital,
    Psychiatry,
    Specialist,
    Employer,
    SocialServices,
    Bosted,
    Interpreter,
    Colleague,
    Other,
}

impl ContactKind {
    pub const ALL: [ContactKind; 14] = [
        Self::Supplier,
        Self::Consultant,
        Self::Mentor,
        Self::Gp,
        Self::Practice,
        Self::Hospital,
        Self::Psychiatry,
        Self::Specialist,
        Self::Employer,
        Self::SocialServices,
        Self::Bosted,
        Self::Interpreter,
        Self::Colleague,
        Self::Other,
    ];

    /// Organisations rather than persons.
    pub fn is_organisation(self) -> bool {
        matches!(
            self,
            Self::Supplier | Self::Practice | Self::Hospital | Self::Psychiatry | Self::Employer
        )
    }
}

impl FreeText for Contact {
    fn free_text(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("name", self.name.as_str()),
            ("title", self.title.as_str()),
            ("work_phone", self.work_phone.as_str()),
            ("email", self.email.as_str()),
            ("note", self.note.as_str()),
        ]
    }
}
