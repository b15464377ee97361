//! The record kinds behind one trait, so `store.get::<Case>(id)` reads naturally.

use crate::model::{
    Agreement, AgreementId, Case, CaseId, Contact, ContactEvent, ContactId, Course, CourseId,
    Dataset, EventId, ExternalBlock, ExternalId, FreeText, MedicalRequest, Meeting, MeetingId,
    Note, NoteId, Rebooking, RebookingId, RequestId,
};
use serde::{Serialize, de::DeserializeOwned};
use std::fmt;

/// A kind of record; each lives in its own tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Case,
    Contact,
    Meeting,
    Course,
    MedicalRequest,
    Agreement,
    Event,
    Note,
    /// Busy time imported from another calendar (#16).
    External,
    /// An "inform and rebook" item left by a bulk cancel or convert (#17).
    Rebooking,
}

impl Kind {
    pub const ALL: [Kind; 10] = [
        Kind::Case,
        Kind::Contact,
        Kind::Meeting,
        Kind::Course,
        Kind::MedicalRequest,
        Kind::Agreement,
        Kind::Event,
        Kind::Note,
        Kind::External,
        Kind::Rebooking,
    ];

    /// The name of the tree holding this kind (also its name in an export document).
    pub fn tree_name(self) -> &'static str {
        match self {
            Kind::Case => "cases",
            Kind::Contact => "contacts",
            Kind::Meeting => "meetings",
            Kind::Course => "courses",
            Kind::MedicalRequest => "medical_requests",
            Kind::Agreement => "agreements",
            Kind::Event => "events",
            Kind::Note => "notes",
            Kind::External => "external_blocks",
            Kind::Rebooking => "rebookings",
        }
    }

    /// The kind whose tree (and export list) is called `name`.
    pub fn from_tree_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.tree_name() == name)
    }

    /// A caseworker's word for one record of this kind.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Case => "case",
            Kind::Contact => "contact",
            Kind::Meeting => "meeting",
            Kind::Course => "course",
            Kind::MedicalRequest => "medical request",
            Kind::Agreement => "agreement",
            Kind::Event => "contact event",
            Kind::Note => "note",
            Kind::External => "external block",
            Kind::Rebooking => "rebooking",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// An id type of one record kind.
pub trait RecordId: Copy {
    const KIND: Kind;
    fn raw(self) -> u64;
    fn from_raw(raw: u64) -> Self;
}

/// A record kind the store keeps.
pub trait Record: Serialize + DeserializeOwned + FreeText + Clone {
    type Id: RecordId;
    const KIND: Kind;
    fn id(&self) -> Self::Id;
    fn into_any(self) -> AnyRecord;
    fn from_any(any: AnyRecord) -> Option<Self>;
    /// The records of this kind in a dataset.
    fn in_dataset(data: &Dataset) -> &Vec<Self>;
    fn in_dataset_mut(data: &mut Dataset) -> &mut Vec<Self>;
}

/// Records that belong to one case and have a by-case index.
pub trait CaseRecord: Record {
    fn case(&self) -> CaseId;
}

/// Any one record.
#[derive(Debug, Clone, PartialEq)]
pub enum AnyRecord {
    Case(Case),
    Contact(Contact),
    Meeting(Meeting),
    Course(Course),
    MedicalRequest(MedicalRequest),
    Agreement(Agreement),
    Event(ContactEvent),
    Note(Note),
    External(ExternalBlock),
    Rebooking(Rebooking),
}

/// Which record: its kind and its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RecordRef {
    pub kind: Kind,
    pub id: u64,
}

impl fmt::Display for RecordRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.kind, self.id)
    }
}

impl<I: RecordId> From<I> for RecordRef {
    fn from(id: I) -> Self {
        RecordRef {
            kind: I::KIND,
            id: id.raw(),
        }
    }
}

/// One change of a batched write.
// Changes are short-lived; boxing the record would only make call sites noisier.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    Put(AnyRecord),
    Delete(RecordRef),
}

macro_rules! records {
    ($($variant:ident: $record:ty, $id:ty, $field:ident;)*) => {
        $(
            impl RecordId for $id {
                const KIND: Kind = Kind::$variant;
                fn raw(self) -> u64 {
                    self.0
                }
                fn from_raw(raw: u64) -> Self {
                    Self(raw)
                }
            }

            impl From<$record> for AnyRecord {
                fn from(record: $record) -> AnyRecord {
                    AnyRecord::$variant(record)
                }
            }

            impl Record for $record {
                type Id = $id;
                const KIND: Kind = Kind::$variant;
                fn id(&self) -> $id {
                    self.id
                }
                fn into_any(self) -> AnyRecord {
                    AnyRecord::$variant(self)
                }
                fn from_any(any: AnyRecord) -> Option<Self> {
                    match any {
                        AnyRecord::$variant(r) => Some(r),
                        _ => None,
                    }
                }
                fn in_dataset(data: &Dataset) -> &Vec<Self> {
                    &data.$field
                }
                fn in_dataset_mut(data: &mut Dataset) -> &mut Vec<Self> {
                    &mut data.$field
                }
            }
        )*

        impl<'de> serde::de::DeserializeSeed<'de> for KindSeed {
            type Value = AnyRecord;

            fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<AnyRecord, D::Error> {
                match self.0 {
                    $(Kind::$variant => <$record as serde::Deserialize>::deserialize(deserializer).map(AnyRecord::$variant),)*
                }
            }
        }

        impl AnyRecord {
            pub fn kind(&self) -> Kind {
                match self {
                    $(AnyRecord::$variant(_) => Kind::$variant,)*
                }
            }

            pub fn id(&self) -> u64 {
                match self {
                    $(AnyRecord::$variant(r) => r.id.0,)*
                }
            }

            pub fn record_ref(&self) -> RecordRef {
                RecordRef { kind: self.kind(), id: self.id() }
            }

            /// The named dates and timestamps, for the range check.
            pub fn dates(&self) -> Vec<(&'static str, crate::time::range::DateValue)> {
                use crate::time::range::Dated;
                match self {
                    $(AnyRecord::$variant(r) => r.dates(),)*
                }
            }

            /// The named free-text fields, for the CPR guard.
            pub fn free_text(&self) -> Vec<(&'static str, &str)> {
                match self {
                    $(AnyRecord::$variant(r) => r.free_text(),)*
                }
            }

            /// The stored bytes: the record in a versioned envelope.
            pub(crate) fn encode(&self) -> Vec<u8> {
                match self {
                    $(AnyRecord::$variant(r) => super::codec::encode(r),)*
                }
            }

            pub(crate) fn decode(kind: Kind, bytes: &[u8]) -> Result<AnyRecord, String> {
                match kind {
                    $(Kind::$variant => super::codec::decode::<$record>(bytes).map(AnyRecord::$variant),)*
                }
            }

            /// A record of `kind` from its current-schema JSON data.
            pub(crate) fn from_value(kind: Kind, data: serde_json::Value) -> Result<AnyRecord, String> {
                match kind {
                    $(Kind::$variant => serde_json::from_value::<$record>(data)
                        .map(AnyRecord::$variant)
                        .map_err(|e| format!("a {} could not be read: {e}", kind.label())),)*
                }
            }

            /// Every record of a dataset, kind by kind.
            pub fn all_in(data: &Dataset) -> impl Iterator<Item = AnyRecord> + '_ {
                std::iter::empty()
                    $(.chain(data.$field.iter().cloned().map(AnyRecord::$variant)))*
            }

            /// Adds this record to the matching list of a dataset.
            pub fn push_into(self, data: &mut Dataset) {
                match self {
                    $(AnyRecord::$variant(r) => data.$field.push(r),)*
                }
            }
        }
    };
}

/// Reads one record of a kind known beforehand from its current-schema data (an export
/// document's list of that kind), with the reader's own line and column in any error.
pub(crate) struct KindSeed(pub Kind);

/// A record serialises as its own data (no envelope), as in an export document.
impl Serialize for AnyRecord {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            AnyRecord::Case(r) => r.serialize(serializer),
            AnyRecord::Contact(r) => r.serialize(serializer),
            AnyRecord::Meeting(r) => r.serialize(serializer),
            AnyRecord::Course(r) => r.serialize(serializer),
            AnyRecord::MedicalRequest(r) => r.serialize(serializer),
            AnyRecord::Agreement(r) => r.serialize(serializer),
            AnyRecord::Event(r) => r.serialize(serializer),
            AnyRecord::Note(r) => r.serialize(serializer),
            AnyRecord::External(r) => r.serialize(serializer),
            AnyRecord::Rebooking(r) => r.serialize(serializer),
        }
    }
}

records! {
    Case: Case, CaseId, cases;
    Contact: Contact, ContactId, contacts;
    Meeting: Meeting, MeetingId, meetings;
    Course: Course, CourseId, courses;
    MedicalRequest: MedicalRequest, RequestId, medical_requests;
    Agreement: Agreement, AgreementId, agreements;
    Event: ContactEvent, EventId, events;
    Note: Note, NoteId, notes;
    External: ExternalBlock, ExternalId, external_blocks;
    Rebooking: Rebooking, RebookingId, rebookings;
}

macro_rules! case_records {
    ($($record:ty),*) => {$(
        impl CaseRecord for $record {
            fn case(&self) -> CaseId {
                self.case
            }
        }
    )*};
}

case_records!(
    Course,
    MedicalRequest,
    Agreement,
    ContactEvent,
    Note,
    Rebooking
);
