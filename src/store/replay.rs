//! The store's side of the journal: completing a change a crash interrupted, starting the
//! journal of a database that had none, replaying the journal into a restored database, and
//! checking that the journal and the database agree.

use super::journal::{self, EntryIn, Epoch, Replayed};
use super::keys::{id_key, u64_at};
use super::progress::Meter;
use super::record::{AnyRecord, Change, Kind, RecordRef};
use super::trees::TreeId;
use super::{Notice, Store, StoreError, backup, migrate};
use std::collections::HashMap;

impl Store {
    /// Every stored record, kind by kind, to `f`; stops at the first error.
    pub(crate) fn each_record(
        &self,
        f: &mut dyn FnMut(AnyRecord) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        for kind in Kind::ALL {
            for item in self.records_of(kind)? {
                let (key, value) = item.map_err(|e| self.read_error(e))?;
                let record = AnyRecord::decode(kind, &value).map_err(|d| {
                    self.damaged(format!("{kind} {}: {d}", u64_at(&key, 0).unwrap_or(0)))
                })?;
                f(record)?;
            }
        }
        Ok(())
    }

    /// Starts the journal of a database that has records but no journal with all of them.
    pub(crate) fn journal_everything(&self) -> Result<(), StoreError> {
        let cannot = |e| StoreError::write_io("could not start the change journal", e);
        self.with_journal(|journal| {
            let mut bulk = journal.replacement();
            self.each_record(&mut |record| bulk.push(record).map_err(cannot))?;
            bulk.finish().map_err(cannot)?;
            Ok(())
        })
    }

    /// The record `at` as stored, if any.
    fn stored(&self, at: RecordRef) -> Result<Option<AnyRecord>, StoreError> {
        let bytes = self
            .tree(TreeId::Record(at.kind))
            .get(id_key(at.id))
            .map_err(|e| self.read_error(e))?;
        bytes
            .map(|b| AnyRecord::decode(at.kind, &b).map_err(|d| self.damaged(format!("{at}: {d}"))))
            .transpose()
    }

    /// Whether the archive holds the record `at`.
    fn archived(&self, at: RecordRef) -> Result<bool, StoreError> {
        match self.archive_for(at.kind, at.id)? {
            Some(archive) => archive
                .tree(TreeId::Record(at.kind))
                .contains_key(id_key(at.id))
                .map_err(|e| self.read_error(e)),
            None => Ok(false),
        }
    }

    /// Whether the database holds what `changes`, the journal's entry `seq` of `epoch`, wrote.
    /// A written record is always hot; a deleted one must be gone from the archive too, which
    /// the write noted when it took it out (so the archive stays closed).
    fn holds(&self, changes: &[Change], epoch: u64, seq: u64) -> Result<bool, StoreError> {
        for change in changes {
            let holds = match change {
                Change::Put(record) => self.stored(record.record_ref())?.as_ref() == Some(record),
                Change::Delete(at) => {
                    self.stored(*at)?.is_none()
                        && (self.noted_gone_from_archive(epoch, seq, at.id)?
                            || !self.archived(*at)?)
                }
            };
            if !holds {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// The journal's last entry is flushed before the database is written; a crash between the
    /// two leaves a change the database lacks. It is applied now, so the two agree.
    pub(crate) fn complete_last_change(&mut self, last: EntryIn) -> Result<(), StoreError> {
        if last.replace.is_some() {
            return Ok(());
        }
        let seq = last.seq;
        let changes = last
            .changes(migrate::STEPS)
            .map_err(|d| self.damaged(format!("the journal's last entry: {d}")))?;
        let epoch = self.with_journal(|j| Ok(j.epoch()))?;
        if self.holds(&changes, epoch, seq)? {
            return Ok(());
        }
        self.apply_all(&changes)?;
        self.raise_id_offset()?;
        self.flush()?;
        self.notices
            .push(Notice::CompletedLastChange { epoch, seq });
        Ok(())
    }

    /// Replays `epochs` into this (freshly restored) database without journaling them again.
    /// Returns how many changes were replayed.
    pub(crate) fn replay(&self, epochs: &[Epoch], meter: &mut Meter) -> Result<usize, StoreError> {
        // A bulk replacement writes records without summaries: they are rebuilt at the end.
        let mut replaced = false;
        let replayed = journal::replay(epochs, migrate::STEPS, &mut |step| {
            match step {
                Replayed::Changes(changes) => {
                    meter.add(changes.len() as u64);
                    self.apply_all(&changes)
                }
                Replayed::Replace { first, records } => {
                    meter.add(records.len() as u64);
                    replaced = true;
                    self.replace_part(first, records)
                }
            }
            .map_err(|e| e.to_string())
        })
        .map_err(|e| {
            StoreError::invalid(vec![super::Problem::new(
                None,
                format!("nothing was restored: {e}"),
            )])
        })?;
        if replaced {
            self.rebuild_summaries()?;
        }
        self.raise_id_offset()?;
        self.flush()?;
        Ok(replayed)
    }

    /// One part of a bulk replacement: the first clears every tree, the archive's too.
    fn replace_part(&self, first: bool, records: Vec<AnyRecord>) -> Result<(), StoreError> {
        if first {
            self.clear_all()?;
        }
        self.write_part(&records).map(|_| ())
    }

    /// The highest id of any stored record (0 when there is none).
    pub(crate) fn highest_id(&self) -> Result<u64, StoreError> {
        let mut highest = 0;
        for kind in Kind::ALL {
            let last = self
                .tree(TreeId::Record(kind))
                .last()
                .map_err(|e| self.read_error(e))?;
            if let Some((key, _)) = last {
                highest = highest.max(u64_at(&key, 0).unwrap_or(0));
            }
        }
        Ok(highest)
    }

    /// Makes sure the next id is above every stored id, whatever wrote them.
    pub(crate) fn raise_id_offset(&self) -> Result<(), StoreError> {
        let highest = self.highest_id()?;
        if highest > self.id_offset.load(std::sync::atomic::Ordering::SeqCst) {
            self.set_id_offset(highest)?;
        }
        Ok(())
    }

    /// The file name of the backup the current journal epoch follows.
    pub(crate) fn journal_base(&self) -> Result<Option<String>, StoreError> {
        self.with_journal(|journal| Ok(journal.base()))
    }

    /// Starts a new journal epoch following the backup `base` (a file name).
    pub(crate) fn rotate_journal(&self, base: &str) -> Result<(), StoreError> {
        self.with_journal(|journal| {
            journal
                .rotate(base)
                .map_err(|e| StoreError::write_io("could not start a new change journal", e))
        })
    }

    /// Compares the database with what the newest backup and the journal after it say it must
    /// hold. Every record the two disagree on is a problem.
    pub fn check_journal(&self) -> Result<JournalCheck, StoreError> {
        let all = journal::epochs(&self.dir);
        let newest = backup::newest(&self.dir, self.today);
        let base_name = newest
            .as_ref()
            .and_then(|f| f.file_name())
            .map(|n| n.to_string_lossy().into_owned());
        let (base, chain) = match journal::chain_after(&all, base_name.as_deref()) {
            Some(chain) => (newest, chain),
            None => match journal::chain_after(&all, None) {
                // No backup the journal follows: the journal from the database's start.
                Some(chain) => (None, chain),
                None => return Ok(JournalCheck::NoChain { backup: newest }),
            },
        };
        let mut expected: HashMap<RecordRef, u64> = HashMap::new();
        if let Some(file) = &base {
            super::ExportFile::open(file)?.records(&mut |record| {
                expected.insert(record.record_ref(), fingerprint(&record));
                Ok(())
            })?;
        }
        let changes = journal::replay(&chain, migrate::STEPS, &mut |step| {
            match step {
                Replayed::Changes(changes) => {
                    for change in changes {
                        match change {
                            Change::Put(record) => {
                                expected.insert(record.record_ref(), fingerprint(&record));
                            }
                            Change::Delete(at) => {
                                expected.remove(&at);
                            }
                        }
                    }
                }
                Replayed::Replace { first, records } => {
                    if first {
                        expected.clear();
                    }
                    for record in records {
                        expected.insert(record.record_ref(), fingerprint(&record));
                    }
                }
            }
            Ok(())
        })
        .map_err(|e| StoreError::invalid(vec![super::Problem::new(None, e.to_string())]))?;
        let mut problems = Vec::new();
        self.each_record(&mut |record| {
            let at = record.record_ref();
            match expected.remove(&at) {
                Some(print) if print == fingerprint(&record) => {}
                Some(_) => problems.push(super::Problem::new(
                    Some(at),
                    "differs from its last change in the journal",
                )),
                None => problems.push(super::Problem::new(
                    Some(at),
                    "is in the database but in neither the backup nor the journal",
                )),
            }
            Ok(())
        })?;
        let mut missing: Vec<RecordRef> = expected.into_keys().collect();
        missing.sort();
        for at in missing {
            problems.push(super::Problem::new(
                Some(at),
                "is in the journal but missing from the database",
            ));
        }
        Ok(JournalCheck::Compared {
            backup: base,
            changes,
            problems,
        })
    }
}

/// A record's stored bytes, hashed: enough to tell two versions apart without keeping them.
fn fingerprint(record: &AnyRecord) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    record.encode().hash(&mut hasher);
    hasher.finish()
}

/// What [`Store::check_journal`] found.
#[derive(Debug)]
pub enum JournalCheck {
    /// The database was compared with `backup` (none: the empty database) and the `changes`
    /// after it.
    Compared {
        backup: Option<std::path::PathBuf>,
        changes: usize,
        problems: Vec<super::Problem>,
    },
    /// The journal does not reach back to the newest backup (it was started after it).
    NoChain { backup: Option<std::path::PathBuf> },
}

impl Store {
    /// After sled rebuilt its page table from the log (a damaged snapshot moved aside), the
    /// result is trusted only if it agrees with the backup and the journal.
    pub(crate) fn verify_rebuilt(&self) -> Result<(), StoreError> {
        let agrees = match self.check_journal()? {
            JournalCheck::Compared { problems, .. } => problems.is_empty(),
            JournalCheck::NoChain { .. } => false,
        };
        if agrees && self.check().is_empty() {
            return Ok(());
        }
        Err(self.damaged(
            "its snapshot could not be read, and the log alone does not give back what the \
             journal holds",
        ))
    }
}
