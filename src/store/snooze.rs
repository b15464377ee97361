//! Snoozed Today items: an item's stable key and the day it comes back. Kept in the store's
//! settings tree, not as records: a snooze is the caseworker's view of the list, not case data,
//! so it is neither exported nor imported.

use super::{Store, StoreError};
use chrono::NaiveDate;
use std::collections::BTreeMap;

const PREFIX: &str = "snooze:";

impl Store {
    /// Hides the Today item `key` until `until` (it shows again on that day). Durable on return.
    pub fn snooze(&self, key: &str, until: NaiveDate) -> Result<(), StoreError> {
        self.writable()?;
        self.meta_set(
            format!("{PREFIX}{key}").as_bytes(),
            until.format("%Y-%m-%d").to_string().as_bytes(),
        )?;
        self.flush()
    }

    /// Shows the Today item `key` again at once.
    pub fn unsnooze(&self, key: &str) -> Result<(), StoreError> {
        self.writable()?;
        self.meta_remove(format!("{PREFIX}{key}").as_bytes())?;
        self.flush()
    }

    /// Every snoozed item's key and the day it comes back, also the expired ones.
    pub fn snoozes(&self) -> Result<BTreeMap<String, NaiveDate>, StoreError> {
        let mut out = BTreeMap::new();
        for item in self.meta.scan_prefix(PREFIX.as_bytes()) {
            let (key, value) = item.map_err(|e| self.read_error(e))?;
            let key = String::from_utf8_lossy(&key[PREFIX.len()..]).into_owned();
            let day = std::str::from_utf8(&value)
                .ok()
                .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok());
            // An unreadable entry is dropped: the item simply shows again.
            if let Some(day) = day {
                out.insert(key, day);
            }
        }
        Ok(out)
    }

    /// Forgets snoozes that ended before `today`, so the settings do not grow forever.
    /// Nothing to do on a database open for reading only.
    pub fn forget_snoozes_before(&self, today: NaiveDate) -> Result<(), StoreError> {
        if self.unwritable().is_some() {
            return Ok(());
        }
        let ended: Vec<String> = self
            .snoozes()?
            .into_iter()
            .filter(|(_, day)| *day < today)
            .map(|(key, _)| key)
            .collect();
        if ended.is_empty() {
            return Ok(());
        }
        for key in ended {
            self.meta_remove(format!("{PREFIX}{key}").as_bytes())?;
        }
        self.flush()
    }
}

#[cfg(test)]
mod tests {
    use crate::store::Store;
    use chrono::NaiveDate;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn snoozes_survive_a_reopen_and_can_be_forgotten() {
        let dir = tempfile::tempdir().unwrap();
        {
            let store = Store::open(dir.path()).unwrap();
            store.snooze("agreement:5", d("2026-11-27")).unwrap();
            store.snooze("note:9", d("2026-11-20")).unwrap();
        }
        let store = Store::open(dir.path()).unwrap();
        let all = store.snoozes().unwrap();
        assert_eq!(all.get("agreement:5"), Some(&d("2026-11-27")));
        store.forget_snoozes_before(d("2026-11-24")).unwrap();
        let left = store.snoozes().unwrap();
        assert_eq!(left.keys().collect::<Vec<_>>(), vec!["agreement:5"]);
        store.unsnooze("agreement:5").unwrap();
        assert!(store.snoozes().unwrap().is_empty());
    }
}
