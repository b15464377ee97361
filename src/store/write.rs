//! Writes: the change appended to the journal and flushed, then the record and its index
//! entries in one transaction, flushed before returning.

use super::MAX_ID;
use super::keys::id_key;
use super::record::{AnyRecord, Change, Record, RecordId, RecordRef};
use super::trees::TreeId;
use super::{Store, StoreError, index, summary};
use crate::model::Meeting;
use crate::privacy::check_no_cpr;
use crate::time::range;
use sled::Transactional;
use sled::transaction::{
    ConflictableTransactionError, ConflictableTransactionResult, TransactionError,
    TransactionalTree,
};

impl Store {
    /// Saves one record (new or updated).
    pub fn put<R: Record>(&self, record: &R) -> Result<(), StoreError> {
        self.write(&[Change::Put(record.clone().into_any())])
    }

    /// Deletes one record and its index entries; deleting a missing record does nothing.
    pub fn delete(&self, id: impl RecordId) -> Result<(), StoreError> {
        self.write(&[Change::Delete(id.into())])
    }

    /// Applies every change in one transaction and one flush: all or nothing. The change is in
    /// the journal, flushed, before the database is touched; if the database then refuses it,
    /// the journal is cut back. Refuses the whole write, before touching anything, if a text
    /// holds a CPR number.
    pub fn write(&self, changes: &[Change]) -> Result<(), StoreError> {
        for change in changes {
            if let Change::Put(record) = change {
                guard(record)?;
            }
        }
        self.with_journal(|journal| {
            // Under the journal's lock, so no other write comes between the read and the write.
            let changes = self.counted_revisions(changes)?;
            let mark = journal.append(&changes).map_err(|e| {
                StoreError::write_io("could not write the change to the journal", e)
            })?;
            self.apply_all(&changes)
                .and_then(|()| self.note_gone_from_archive(journal.epoch(), mark.seq(), &changes))
                .and_then(|()| self.flush())
                .inspect_err(|_| journal.cut(mark))
        })
    }

    /// The changes with each changed meeting's revision counted on from the stored one (#16):
    /// the journal holds the counted records, so a replay writes exactly what was written.
    fn counted_revisions(&self, changes: &[Change]) -> Result<Vec<Change>, StoreError> {
        let mut out = changes.to_vec();
        for change in &mut out {
            if let Change::Put(AnyRecord::Meeting(meeting)) = change
                && let Some(stored) = self.get::<Meeting>(meeting.id)?
            {
                meeting.revision = meeting.revision_over(&stored);
            }
        }
        Ok(out)
    }

    /// The changes in one transaction, without the journal and without a flush (a replay).
    /// An archived record a change touches is first taken out of the archive: written, it is
    /// hot again; deleted, it is gone from both. A crash between the two leaves the change in
    /// the journal, which the next open completes.
    pub(crate) fn apply_all(&self, changes: &[Change]) -> Result<(), StoreError> {
        let targets: Vec<RecordRef> = changes
            .iter()
            .map(|change| match change {
                Change::Put(record) => record.record_ref(),
                Change::Delete(at) => *at,
            })
            .collect();
        self.unarchive(&targets)?;
        // The case summaries the changes touch are computed next (writes are serialised by
        // the journal's lock) and written in the same transaction.
        let summaries = self.summaries_after(changes)?;
        let trees: Vec<&sled::Tree> = self.trees.iter().collect();
        trees
            .as_slice()
            .transaction(|views: &Vec<TransactionalTree>| {
                for change in changes {
                    self.apply(views, change)?;
                }
                let tree = &views[TreeId::Summaries.slot()];
                for (case, summary) in &summaries {
                    match summary::entry(summary) {
                        Some(value) => tree.insert(&id_key(case.0), value)?,
                        None => tree.remove(&id_key(case.0))?,
                    };
                }
                Ok(())
            })
            .map_err(|err| match err {
                TransactionError::Abort(err) => err,
                TransactionError::Storage(err) => {
                    StoreError::sled("could not save the change", err)
                }
            })
    }

    fn apply(
        &self,
        views: &[TransactionalTree],
        change: &Change,
    ) -> ConflictableTransactionResult<(), StoreError> {
        let (target, new) = match change {
            Change::Put(record) => (record.record_ref(), Some(record)),
            Change::Delete(target) => (*target, None),
        };
        let RecordRef { kind, id } = target;
        let records = &views[TreeId::Record(kind).slot()];
        let key = id_key(id);
        if let Some(old) = records.get(key)? {
            let old = AnyRecord::decode(kind, &old).map_err(|detail| {
                ConflictableTransactionError::Abort(self.damaged(format!("{target}: {detail}")))
            })?;
            for (tree, key, _) in index::entries(&old) {
                views[tree.slot()].remove(key)?;
            }
        }
        match new {
            Some(record) => {
                records.insert(&key, record.encode())?;
                for (tree, key, value) in index::entries(record) {
                    views[tree.slot()].insert(key, value)?;
                }
            }
            None => {
                records.remove(&key)?;
            }
        }
        Ok(())
    }
}

/// The guards every record passes before it is written: no CPR number in any free-text field,
/// every date in the years caseplan plans in, an id the allocator could have given.
pub(crate) fn guard(record: &AnyRecord) -> Result<(), StoreError> {
    for (field, text) in record.free_text() {
        check_no_cpr(field, text)?;
    }
    for (field, value) in record.dates() {
        range::check(value).map_err(|source| StoreError::DateOutOfRange {
            record: record.record_ref(),
            field,
            source,
        })?;
    }
    id_within(record, MAX_ID)
}

/// Refuses an id of 0 or above `max`.
pub(crate) fn id_within(record: &AnyRecord, max: u64) -> Result<(), StoreError> {
    if (1..=max).contains(&record.id()) {
        Ok(())
    } else {
        Err(StoreError::IdOutOfRange {
            record: record.record_ref(),
            max,
        })
    }
}
