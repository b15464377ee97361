//! The database's calendar identity: a random token, part of the UID of every meeting an .ics
//! export writes (#16), so that a file coming back from Outlook is recognised as this
//! database's own and not imported twice, while another caseplan's meetings with the same ids
//! are not mistaken for them. Kept in the settings tree like the snoozes: it is not case data.
//! A database restored from a backup makes a new one, so its next export gives new UIDs.

use super::{Store, StoreError};

const KEY: &[u8] = b"ics_calendar";

impl Store {
    /// The calendar token: 12 hex digits, made the first time a writable database is opened.
    /// A read-only view of a database from before it existed reads `None`.
    pub fn calendar_token(&self) -> Result<Option<String>, StoreError> {
        Ok(self
            .meta_get(KEY)?
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned()))
    }

    /// Makes the token unless there is one; nothing to do when nothing can be written.
    pub(crate) fn keep_calendar_token(&self) -> Result<(), StoreError> {
        if self.unwritable().is_some() || self.meta_get(KEY)?.is_some() {
            return Ok(());
        }
        let token = format!("{:012x}", rand::random::<u64>() >> 16);
        self.meta_set(KEY, token.as_bytes())?;
        self.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_is_made_once_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let first = Store::open(dir.path()).unwrap().calendar_token().unwrap();
        let token = first.clone().unwrap();
        assert_eq!(token.len(), 12);
        assert!(token.chars().all(|c| c.is_ascii_hexdigit()));
        let again = Store::open(dir.path()).unwrap().calendar_token().unwrap();
        assert_eq!(again, first);
        let other = tempfile::tempdir().unwrap();
        assert_ne!(
            Store::open(other.path()).unwrap().calendar_token().unwrap(),
            first
        );
    }
}
