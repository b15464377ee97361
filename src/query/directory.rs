//! Every active case and every contact, by name: what pickers choose from. The app loop loads
//! it the first time a form needs it, not at start-up, and keeps it until a write changes it.

use crate::domain::first_meeting::counts_as_met;
use crate::model::{AwayPeriod, Case, CaseFlags, CaseId, Contact, ContactId, ContactKind};
use crate::store::{Store, StoreError};
use std::collections::HashMap;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Directory {
    pub cases: Vec<CaseEntry>,
    pub contacts: Vec<ContactEntry>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CaseEntry {
    pub id: CaseId,
    pub name: String,
    pub alias: String,
    /// What a booking must remember (interpreter, SOS, …) and when the citizen is away.
    pub flags: CaseFlags,
    pub reach_via: String,
    pub away: Vec<AwayPeriod>,
    /// Whether the case has a meeting planned or held: if not, the next one is its first.
    pub has_met: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ContactEntry {
    pub id: ContactId,
    pub name: String,
    pub kind: ContactKind,
    /// The organisation's name, for "Jonas Berg (Udsyn Mentorhuset)".
    pub organisation: String,
}

/// Every active case (by name) and every contact.
pub fn directory(store: &Store) -> Result<Directory, StoreError> {
    let contacts = store.all::<Contact>()?;
    let names: HashMap<ContactId, String> =
        contacts.iter().map(|c| (c.id, c.name.clone())).collect();
    let mut cases = Vec::new();
    for c in store.all::<Case>()?.into_iter().filter(Case::is_active) {
        let has_met = store.case_has_meeting(c.id, counts_as_met)?;
        cases.push(CaseEntry {
            id: c.id,
            name: c.name,
            alias: c.alias,
            flags: c.flags,
            reach_via: c.reach_via,
            away: c.away,
            has_met,
        });
    }
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    let contacts = contacts
        .into_iter()
        .map(|c| ContactEntry {
            id: c.id,
            organisation: c
                .organisation
                .and_then(|o| names.get(&o).cloned())
                .unwrap_or_default(),
            name: c.name,
            kind: c.kind,
        })
        .collect();
    Ok(Directory { cases, contacts })
}
