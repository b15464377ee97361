//! Names of cases and contacts for the lists across the caseload, each read from the store
//! once however many rows refer to it. A record that is gone shows as "#id".

use crate::model::{Case, CaseId, Contact, ContactId};
use crate::store::{Store, StoreError};
use std::collections::HashMap;

pub struct Names<'a> {
    store: &'a Store,
    /// The case's name and whether it is open.
    cases: HashMap<CaseId, (String, bool)>,
    contacts: HashMap<ContactId, String>,
}

impl<'a> Names<'a> {
    pub fn new(store: &'a Store) -> Self {
        Names {
            store,
            cases: HashMap::new(),
            contacts: HashMap::new(),
        }
    }

    pub fn case(&mut self, id: CaseId) -> Result<String, StoreError> {
        Ok(self.case_entry(id)?.0)
    }

    /// Whether the case is open; a case that is gone counts as open, so what refers to it
    /// still shows.
    pub fn case_is_active(&mut self, id: CaseId) -> Result<bool, StoreError> {
        Ok(self.case_entry(id)?.1)
    }

    fn case_entry(&mut self, id: CaseId) -> Result<(String, bool), StoreError> {
        if let Some(entry) = self.cases.get(&id) {
            return Ok(entry.clone());
        }
        let entry = self.store.get::<Case>(id)?.map_or_else(
            || (format!("#{id}"), true),
            |c| (c.name.clone(), c.is_active()),
        );
        self.cases.insert(id, entry.clone());
        Ok(entry)
    }

    pub fn contact(&mut self, id: ContactId) -> Result<String, StoreError> {
        if let Some(name) = self.contacts.get(&id) {
            return Ok(name.clone());
        }
        let name = self
            .store
            .get::<Contact>(id)?
            .map_or_else(|| format!("#{id}"), |c| c.name);
        self.contacts.insert(id, name.clone());
        Ok(name)
    }
}
