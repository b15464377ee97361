//! Names of cases and contacts, each read from the store once however many rows, days or keys
//! refer to it. The planner keeps one [`NameBook`] for as long as it runs: the runner owns it,
//! the calendar window, the next-meeting line and the lists read through it, and every write
//! the runner makes tells it what changed. The CLI and one-off lists start an empty one
//! ([`Names::new`]). A record that is gone shows as "#id".

use crate::model::{AwayPeriod, Case, CaseId, Contact, ContactId};
use crate::store::{AnyRecord, Change, Kind, Store, StoreError};
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// What a list needs of a case.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseEntry {
    pub name: String,
    pub active: bool,
    /// When the citizen is away, for "citizen away" warnings.
    pub away: Vec<AwayPeriod>,
}

impl CaseEntry {
    fn of(case: Case) -> CaseEntry {
        CaseEntry {
            active: case.is_active(),
            name: case.name,
            away: case.away,
        }
    }
}

/// The names read so far; `None` for a record that is gone.
#[derive(Debug, Clone, Default)]
pub struct NameBook {
    cases: HashMap<CaseId, Option<CaseEntry>>,
    contacts: HashMap<ContactId, Option<String>>,
}

impl NameBook {
    /// The case, read from the store the first time: an active case from its brief, a closed
    /// one whole.
    pub fn case(&mut self, store: &Store, id: CaseId) -> Result<Option<&CaseEntry>, StoreError> {
        if let Entry::Vacant(slot) = self.cases.entry(id) {
            let entry = match store.brief(id)? {
                Some(brief) => Some(CaseEntry {
                    name: brief.name,
                    active: true,
                    away: brief.away,
                }),
                None => store.get::<Case>(id)?.map(CaseEntry::of),
            };
            slot.insert(entry);
        }
        Ok(self.cases.get(&id).and_then(Option::as_ref))
    }

    /// The contact's name, read from the store the first time.
    pub fn contact(&mut self, store: &Store, id: ContactId) -> Result<Option<&str>, StoreError> {
        if let Entry::Vacant(slot) = self.contacts.entry(id) {
            slot.insert(store.get::<Contact>(id)?.map(|c| c.name));
        }
        Ok(self.contacts.get(&id).and_then(Option::as_deref))
    }

    /// A write went through: a case or contact put is known as written, one deleted is read
    /// again (as gone) when next asked for.
    pub fn note(&mut self, changes: &[Change]) {
        for change in changes {
            match change {
                Change::Put(AnyRecord::Case(case)) => {
                    self.cases
                        .insert(case.id, Some(CaseEntry::of(case.clone())));
                }
                Change::Put(AnyRecord::Contact(contact)) => {
                    self.contacts.insert(contact.id, Some(contact.name.clone()));
                }
                Change::Delete(target) if target.kind == Kind::Case => {
                    self.cases.remove(&CaseId(target.id));
                }
                Change::Delete(target) if target.kind == Kind::Contact => {
                    self.contacts.remove(&ContactId(target.id));
                }
                Change::Put(_) | Change::Delete(_) => {}
            }
        }
    }
}

/// Names read through a book: one of its own, or the planner's.
pub struct Names<'a> {
    store: &'a Store,
    book: Book<'a>,
}

enum Book<'a> {
    Own(NameBook),
    Shared(&'a mut NameBook),
}

impl<'a> Names<'a> {
    /// Names read for one list (a CLI command): each read once.
    pub fn new(store: &'a Store) -> Self {
        Names {
            store,
            book: Book::Own(NameBook::default()),
        }
    }

    /// Names read through `book`, which keeps them for the next list.
    pub fn shared(store: &'a Store, book: &'a mut NameBook) -> Self {
        Names {
            store,
            book: Book::Shared(book),
        }
    }

    fn book(&mut self) -> &mut NameBook {
        match &mut self.book {
            Book::Own(book) => book,
            Book::Shared(book) => book,
        }
    }

    /// The case, `None` when it is gone.
    pub fn case_entry(&mut self, id: CaseId) -> Result<Option<&CaseEntry>, StoreError> {
        let store = self.store;
        self.book().case(store, id)
    }

    pub fn case(&mut self, id: CaseId) -> Result<String, StoreError> {
        Ok(self
            .case_entry(id)?
            .map_or_else(|| format!("#{id}"), |c| c.name.clone()))
    }

    /// Whether the case is open; a case that is gone counts as open, so what refers to it
    /// still shows.
    pub fn case_is_active(&mut self, id: CaseId) -> Result<bool, StoreError> {
        Ok(self.case_entry(id)?.is_none_or(|c| c.active))
    }

    /// The contact's name, `None` when it is gone.
    pub fn contact_entry(&mut self, id: ContactId) -> Result<Option<&str>, StoreError> {
        let store = self.store;
        self.book().contact(store, id)
    }

    pub fn contact(&mut self, id: ContactId) -> Result<String, StoreError> {
        Ok(self
            .contact_entry(id)?
            .map_or_else(|| format!("#{id}"), str::to_owned))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AwayPeriod, AwayReason, CaseStatus};
    use crate::store::Record;
    use crate::testing::case;
    use chrono::NaiveDate;

    #[test]
    fn an_active_case_read_from_its_brief_and_a_closed_one_read_whole_are_what_the_records_say() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let mut away = case(1, "2025-01-06");
        away.name = "Søren Bæk".into();
        away.away.push(AwayPeriod {
            from: day("2026-12-01"),
            to: day("2026-12-05"),
            reason: AwayReason::Holiday,
            note: String::new(),
        });
        let mut closed = case(2, "2025-01-06");
        closed.status = CaseStatus::Closed(day("2026-06-01"));
        let changes = [
            Change::Put(away.clone().into_any()),
            Change::Put(closed.clone().into_any()),
        ];
        store.write(&changes).unwrap();
        assert!(store.brief(CaseId(2)).unwrap().is_none(), "no brief");
        let mut book = NameBook::default();
        for c in [away, closed] {
            let read = book.case(&store, c.id).unwrap().cloned();
            assert_eq!(read, Some(CaseEntry::of(c)));
        }
        assert_eq!(book.case(&store, CaseId(3)).unwrap(), None, "no such case");
    }
}
