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
use sled::IVec;
use std::borrow::Cow;

const CASE: u8 = b'c';
const CONTACT: u8 = b'p';
const MEETING: u8 = b'm';

/// What the finder searches of a case, borrowed from the stored value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchCase<'a> {
    pub id: CaseId,
    pub name: Cow<'a, str>,
    pub alias: Cow<'a, str>,
    pub reference: Cow<'a, str>,
    pub phones: Vec<Cow<'a, str>>,
    pub active: bool,
}

/// What the finder searches of a contact, borrowed from the stored value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchContact<'a> {
    pub id: ContactId,
    pub name: Cow<'a, str>,
    pub kind: ContactKind,
    pub organisation: Option<ContactId>,
    pub title: Cow<'a, str>,
    pub work_phone: Cow<'a, str>,
    pub email: Cow<'a, str>,
}

/// A planned one-off meeting of a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchMeeting<'a> {
    pub id: MeetingId,
    pub case: CaseId,
    pub start: NaiveDateTime,
    /// The purpose's key.
    pub purpose: &'a str,
}

/// The finder's facts of cases and contacts, read at once and decoded without copying their
/// texts. The meetings are many more: [`Store::each_planned_meeting`] hands them over one by
/// one.
#[derive(Debug, Default)]
pub struct SearchFacts<'a> {
    pub cases: Vec<SearchCase<'a>>,
    pub contacts: Vec<SearchContact<'a>>,
}

/// A case's stored value: name, alias, reference, phone numbers, active.
#[derive(Serialize, Deserialize)]
struct CaseValue<'a>(
    #[serde(borrow)] Cow<'a, str>,
    #[serde(borrow)] Cow<'a, str>,
    #[serde(borrow)] Cow<'a, str>,
    #[serde(borrow)] Vec<Cow<'a, str>>,
    bool,
);

/// A contact's stored value: name, kind, organisation, title, work phone, e-mail.
#[derive(Serialize, Deserialize)]
struct ContactValue<'a>(
    #[serde(borrow)] Cow<'a, str>,
    ContactKind,
    Option<u64>,
    #[serde(borrow)] Cow<'a, str>,
    #[serde(borrow)] Cow<'a, str>,
    #[serde(borrow)] Cow<'a, str>,
);

/// The search entry of `record`, if the finder holds it.
pub(crate) fn entry(record: &AnyRecord) -> Option<Entry> {
    let id = id_key(record.id());
    let (key, value) = match record {
        AnyRecord::Case(c) => {
            let phones = c.phones.iter().map(|p| Cow::from(&p.number)).collect();
            let value = CaseValue(
                Cow::from(&c.name),
                Cow::from(&c.alias),
                Cow::from(&c.reference),
                phones,
                c.is_active(),
            );
            (concat(CASE, &[&id]), serde_json::to_vec(&value).ok()?)
        }
        AnyRecord::Contact(c) => {
            let value = ContactValue(
                Cow::from(&c.name),
                c.kind,
                c.organisation.map(|o| o.0),
                Cow::from(&c.title),
                Cow::from(&c.work_phone),
                Cow::from(&c.email),
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
    let (kind, at) = match *key.first()? {
        CASE => (Kind::Case, 1),
        CONTACT => (Kind::Contact, 1),
        MEETING => (Kind::Meeting, 9),
        _ => return None,
    };
    Some(RecordRef {
        kind,
        id: u64_at(key, at)?,
    })
}

impl Store {
    /// Calls `with` on every case's and contact's facts, by id.
    pub fn with_search_facts<T>(
        &self,
        with: impl FnOnce(&SearchFacts<'_>) -> T,
    ) -> Result<T, StoreError> {
        let cases = self.search_values(self.tree(TreeId::Search).scan_prefix([CASE]))?;
        let contacts = self.search_values(self.tree(TreeId::Search).scan_prefix([CONTACT]))?;
        let mut facts = SearchFacts {
            cases: Vec::with_capacity(cases.len()),
            contacts: Vec::with_capacity(contacts.len()),
        };
        for (key, value) in &cases {
            let id = u64_at(key, 1).unwrap_or(0);
            let v: CaseValue<'_> = self.search_decode(id, value)?;
            facts.cases.push(SearchCase {
                id: CaseId(id),
                name: v.0,
                alias: v.1,
                reference: v.2,
                phones: v.3,
                active: v.4,
            });
        }
        for (key, value) in &contacts {
            let id = u64_at(key, 1).unwrap_or(0);
            let v: ContactValue<'_> = self.search_decode(id, value)?;
            facts.contacts.push(SearchContact {
                id: ContactId(id),
                name: v.0,
                kind: v.1,
                organisation: v.2.map(ContactId),
                title: v.3,
                work_phone: v.4,
                email: v.5,
            });
        }
        Ok(with(&facts))
    }

    /// Calls `each` on the planned one-off case meetings starting in `[from, to)`, by start,
    /// then id, as the scan reads them (tens of thousands at the stress load, so none is kept).
    /// Repeating meetings are not among them: see [`Store::repeating_between`].
    pub fn each_planned_meeting(
        &self,
        from: NaiveDateTime,
        to: NaiveDateTime,
        mut each: impl FnMut(SearchMeeting<'_>),
    ) -> Result<(), StoreError> {
        let range = concat(MEETING, &[&time_key(from)])..concat(MEETING, &[&time_key(to)]);
        for item in self.tree(TreeId::Search).range(range) {
            let (key, value) = item.map_err(|e| self.read_error(e))?;
            let (Some(start), Some(id), Some(case), Some(purpose)) = (
                u64_at(&key, 1).and_then(time_from_key),
                u64_at(&key, 9),
                u64_at(&value, 0),
                value.get(8..).and_then(|p| std::str::from_utf8(p).ok()),
            ) else {
                return Err(self.damaged("a search index entry of a meeting is unreadable"));
            };
            each(SearchMeeting {
                id: MeetingId(id),
                case: CaseId(case),
                start,
                purpose,
            });
        }
        Ok(())
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

    /// The keys and values of a scan, read before any is decoded.
    fn search_values(&self, scan: sled::Iter) -> Result<Vec<(IVec, IVec)>, StoreError> {
        scan.map(|item| item.map_err(|e| self.read_error(e)))
            .collect()
    }

    fn search_decode<'a, V: Deserialize<'a>>(
        &self,
        id: u64,
        value: &'a [u8],
    ) -> Result<V, StoreError> {
        serde_json::from_slice(value)
            .map_err(|e| self.damaged(format!("the search index entry of {id} is unreadable: {e}")))
    }
}
