//! The finder's facts, kept on write in one index tree (#21): per case and per contact the few
//! fields the finder searches, and per planned one-off case meeting its start, case and
//! purpose. The finder's index is built from these small values instead of decoding every
//! case, contact and meeting of the coming weeks.
//!
//! Keys: `c` + case id, `p` + contact id, `m` + local start + meeting id. Like every index
//! entry they are computed from the record alone (so `check` verifies them and an upgrade
//! rebuilds them); a meeting's case name is joined when the finder builds its index.

use super::index::Entry;
use super::keys::{id_key, time_key, u64_at};
use super::record::{AnyRecord, Kind, RecordRef};
use super::trees::TreeId;
use super::{Store, StoreError};
use crate::model::{CaseId, ContactId, ContactKind, Meeting, MeetingId, MeetingStatus};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

const CASE: u8 = b'c';
const CONTACT: u8 = b'p';
const MEETING: u8 = b'm';

/// What the finder searches of a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseFacts {
    pub id: CaseId,
    pub name: String,
    pub alias: String,
    pub reference: String,
    pub phones: Vec<String>,
    pub active: bool,
}

/// What the finder searches of a contact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactFacts {
    pub id: ContactId,
    pub name: String,
    pub kind: ContactKind,
    pub organisation: Option<ContactId>,
    pub title: String,
    pub work_phone: String,
    pub email: String,
}

/// A planned one-off meeting of a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedMeeting {
    pub id: MeetingId,
    pub case: CaseId,
    pub start: NaiveDateTime,
    /// The purpose's key.
    pub purpose: String,
}

/// A case's stored value: name, alias, reference, phone numbers, active.
#[derive(Serialize, Deserialize)]
struct CaseValue(String, String, String, Vec<String>, bool);

/// A contact's stored value: name, kind, organisation, title, work phone, e-mail.
#[derive(Serialize, Deserialize)]
struct ContactValue(String, ContactKind, Option<u64>, String, String, String);

/// The search entry of `record`, if the finder holds it.
pub(crate) fn entry(record: &AnyRecord) -> Option<Entry> {
    let id = id_key(record.id());
    let (key, value) = match record {
        AnyRecord::Case(c) => {
            let phones = c.phones.iter().map(|p| p.number.clone()).collect();
            let value = CaseValue(
                c.name.clone(),
                c.alias.clone(),
                c.reference.clone(),
                phones,
                c.is_active(),
            );
            (concat(CASE, &[&id]), serde_json::to_vec(&value).ok()?)
        }
        AnyRecord::Contact(c) => {
            let value = ContactValue(
                c.name.clone(),
                c.kind,
                c.organisation.map(|o| o.0),
                c.title.clone(),
                c.work_phone.clone(),
                c.email.clone(),
            );
            (concat(CONTACT, &[&id]), serde_json::to_vec(&value).ok()?)
        }
        AnyRecord::Meeting(m) if is_planned_one_off(m) => {
            let case = id_key(m.case?.0);
            let value = [&case[..], m.purpose.as_bytes()].concat();
            (concat(MEETING, &[&time_key(m.start), &id]), value)
        }
        _ => return None,
    };
    Some((TreeId::Search, key, value))
}

/// Repeating meetings are expanded from their records (they are few); moved, held or
/// cancelled meetings are never found.
fn is_planned_one_off(m: &Meeting) -> bool {
    m.case.is_some() && m.repeat.is_none() && m.status == MeetingStatus::Planned
}

fn concat(tag: u8, parts: &[&[u8]]) -> Vec<u8> {
    let mut out = vec![tag];
    for part in parts {
        out.extend_from_slice(part);
    }
    out
}

/// The wall-clock time of a [`time_key`].
fn time_from_key(key: u64) -> Option<NaiveDateTime> {
    let seconds = (key ^ (1 << 63)) as i64;
    chrono::DateTime::from_timestamp(seconds, 0).map(|t| t.naive_utc())
}

/// The record a search key points at (for `check`).
pub(crate) fn target(key: &[u8]) -> Option<RecordRef> {
    let (kind, at) = match key.first()? {
        &CASE => (Kind::Case, 1),
        &CONTACT => (Kind::Contact, 1),
        &MEETING => (Kind::Meeting, 9),
        _ => return None,
    };
    Some(RecordRef {
        kind,
        id: u64_at(key, at)?,
    })
}

impl Store {
    /// Every case's searchable facts, by id.
    pub fn case_facts(&self) -> Result<Vec<CaseFacts>, StoreError> {
        self.search_scan(CASE, |id, v: CaseValue| CaseFacts {
            id: CaseId(id),
            name: v.0,
            alias: v.1,
            reference: v.2,
            phones: v.3,
            active: v.4,
        })
    }

    /// Every contact's searchable facts, by id.
    pub fn contact_facts(&self) -> Result<Vec<ContactFacts>, StoreError> {
        self.search_scan(CONTACT, |id, v: ContactValue| ContactFacts {
            id: ContactId(id),
            name: v.0,
            kind: v.1,
            organisation: v.2.map(ContactId),
            title: v.3,
            work_phone: v.4,
            email: v.5,
        })
    }

    /// The planned one-off case meetings starting in `[from, to)`, by start, then id. Repeating
    /// meetings are not among them: see [`Store::repeating_between`].
    pub fn planned_case_meetings(
        &self,
        from: NaiveDateTime,
        to: NaiveDateTime,
    ) -> Result<Vec<PlannedMeeting>, StoreError> {
        let range = concat(MEETING, &[&time_key(from)])..concat(MEETING, &[&time_key(to)]);
        let mut out = Vec::new();
        for item in self.tree(TreeId::Search).range(range) {
            let (key, value) = item.map_err(|e| self.read_error(e))?;
            let (Some(start), Some(id), Some(case)) = (
                u64_at(&key, 1).and_then(time_from_key),
                u64_at(&key, 9),
                u64_at(&value, 0),
            ) else {
                return Err(self.damaged("a search index entry of a meeting is unreadable"));
            };
            let purpose = value.get(8..).unwrap_or_default();
            out.push(PlannedMeeting {
                id: MeetingId(id),
                case: CaseId(case),
                start,
                purpose: String::from_utf8_lossy(purpose).into_owned(),
            });
        }
        Ok(out)
    }

    /// The repeating meetings that may have an occurrence in `[from, to)` (first start before
    /// `to`, not ended before `from`), by start, then id: the few [`Store::planned_case_meetings`]
    /// leaves out, read whole.
    pub fn repeating_between(
        &self,
        from: NaiveDateTime,
        to: NaiveDateTime,
    ) -> Result<Vec<Meeting>, StoreError> {
        let mut out = Vec::new();
        for item in self.tree(TreeId::Recurring).iter() {
            let (key, _) = item.map_err(|e| self.read_error(e))?;
            if let Some(id) = u64_at(&key, 0)
                && let Some(m) = self.get::<Meeting>(MeetingId(id))?
                && m.start < to
                && m.last_day().is_none_or(|u| u >= from.date())
            {
                out.push(m);
            }
        }
        out.sort_by_key(|m| (m.start, m.id));
        Ok(out)
    }

    /// Every value under `tag`, decoded.
    fn search_scan<V: for<'de> Deserialize<'de>, T>(
        &self,
        tag: u8,
        make: impl Fn(u64, V) -> T,
    ) -> Result<Vec<T>, StoreError> {
        let mut out = Vec::new();
        for item in self.tree(TreeId::Search).scan_prefix([tag]) {
            let (key, value) = item.map_err(|e| self.read_error(e))?;
            let id = u64_at(&key, 1).unwrap_or(0);
            let value = serde_json::from_slice(&value).map_err(|e| {
                self.damaged(format!("the search index entry of {id} is unreadable: {e}"))
            })?;
            out.push(make(id, value));
        }
        Ok(out)
    }
}
