use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    )*};
}

id_type!(
    /// A case (sag): one citizen followed by the caseworker.
    CaseId,
    /// A contact (part): supplier, consultant, GP, employer …
    ContactId,
    /// A meeting or an internal block.
    MeetingId,
    /// A supplier course (leverandørforløb).
    CourseId,
    /// A medical request (lægelig anmodning).
    RequestId,
    /// An agreement (aftale).
    AgreementId,
    /// A contact event: a call, SMS, letter, visit.
    EventId,
    /// A working note.
    NoteId,
    /// A block of busy time imported from another calendar.
    ExternalId,
    /// An "inform and rebook" item left by a bulk cancel or convert (#17).
    RebookingId,
);
