//! The records caseplan keeps. Plain data: no IO, no sled, no terminal.
//!
//! Meeting times are wall-clock times in the configured zone (`NaiveDateTime`);
//! timestamps of things that happened (logged, chased, received) are UTC.

mod agreement;
mod case;
mod contact;
mod course;
mod dataset;
mod dates;
mod event;
mod external;
mod ids;
mod medical;
mod meeting;
mod note;
mod rebooking;

pub use agreement::{Agreement, Party};
pub use case::{
    AwayPeriod, AwayReason, CadenceOverride, Case, CaseBrief, CaseFlags, CaseStatus, NetworkLink,
    Phone, Preferences, network_role, target_group,
};
pub use contact::{Contact, ContactKind};
pub use course::{
    Course, CourseOutcome, OrderChecklist, Report, ReportAction, ReportCadence, ReportChase,
    course_kind,
};
pub use dataset::Dataset;
pub use event::{Channel, ContactEvent, Direction};
pub use external::ExternalBlock;
pub use ids::{
    AgreementId, CaseId, ContactId, CourseId, EventId, ExternalId, MeetingId, NoteId, RebookingId,
    RequestId,
};
pub use medical::{ChaseEntry, MedicalRequest, request_kind};
pub use meeting::{
    BookedBy, MAX_REPEAT_COUNT, Meeting, MeetingForm, MeetingStatus, MovedFrom, Participant, Place,
    PlaceKind, Repeat, RepeatEvery, Role, purpose,
};
pub use note::Note;
pub use rebooking::{BulkChange, Rebooking};

/// Free-text fields of a record, named, so one check (the CPR guard) can see them all.
pub trait FreeText {
    /// Every user-typed text of the record with the field's name.
    fn free_text(&self) -> Vec<(&'static str, &str)>;
}
