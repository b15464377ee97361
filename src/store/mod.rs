//! The store: the only module that knows sled. One tree per record kind, index trees for what
//! the screens ask, values as versioned JSON, every write in one transaction and flushed.

pub mod backup;
mod check;
mod codec;
mod error;
mod export;
mod files;
mod index;
pub mod journal;
mod keys;
mod migrate;
mod read;
mod record;
mod replay;
mod snooze;
mod trees;
mod validate;
mod write;

pub use error::{MAX_LISTED_PROBLEMS, Notice, Problem, Recovery, StoreError};
pub use export::ExportDocument;
pub use files::write_private_file;
pub use index::{DueKind, DueRef};
pub use migrate::CURRENT_SCHEMA;
pub use record::{AnyRecord, CaseRecord, Change, Kind, Record, RecordId, RecordRef};
pub use replay::JournalCheck;

use chrono::NaiveDate;
use journal::Journal;
use keys::u64_at;
use migrate::Step;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};
use trees::TreeId;

/// The sled directory inside the data directory.
pub const DB_DIR: &str = "db";
/// The backup directory inside the data directory.
pub const BACKUP_DIR: &str = "backups";
/// Where damaged or unfinished files are moved instead of being deleted.
pub const RECOVERED_DIR: &str = "recovered";

const META_TREE: &str = "meta";
const SCHEMA_KEY: &[u8] = b"schema_version";
/// Added to every generated id, so ids stay above the ids of an import.
const ID_OFFSET_KEY: &[u8] = b"id_offset";
/// Present while an import runs; left behind by an interrupted one.
const IMPORT_MARK_KEY: &[u8] = b"import_in_progress";
const LAST_BACKUP_KEY: &[u8] = b"last_backup";
/// The version of the index entries; a database indexed by an older one is re-indexed on open.
const INDEX_VERSION_KEY: &[u8] = b"index_version";
/// 2: unjournalised notes, unread reports and medical requests to follow in the due index.
const INDEX_VERSION: u32 = 2;

/// An open caseplan database. Dropping it releases the lock.
pub struct Store {
    dir: PathBuf,
    db: sled::Db,
    /// Every tree of [`TreeId::all`], by slot.
    trees: Vec<sled::Tree>,
    meta: sled::Tree,
    id_offset: AtomicU64,
    /// The change journal; held across a whole write, so the daily backup's new epoch falls
    /// between two writes.
    journal: Mutex<Journal>,
    /// The caller's today: backups dated after it are ignored.
    today: NaiveDate,
    /// What opening the database repaired or completed, for one line each to the user.
    notices: Vec<Notice>,
}

/// sled's page cache. Its default (1 GB) lets one pass over a large database (the daily backup)
/// grow the process far beyond the product's memory budget; screens read small windows.
const CACHE_BYTES: u64 = 64 * 1024 * 1024;

/// How many times a locked database is tried again, 50 ms apart.
const LOCK_RETRIES: u32 = 10;

/// How a database is opened.
#[derive(Clone, Copy)]
struct Opening<'a> {
    steps: &'a [Step],
    today: NaiveDate,
    /// A restore opens a fresh database beside the journal it is about to replay.
    for_restore: bool,
}

impl Store {
    /// Opens (or creates) the database in the data directory `dir`, upgrading an older schema;
    /// today is the system's local date.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        Self::open_on(dir, chrono::Local::now().date_naive())
    }

    /// Like [`Store::open`], with the caller's today (a frozen clock): backups dated after it
    /// are never taken for the newest.
    pub fn open_on(dir: &Path, today: NaiveDate) -> Result<Store, StoreError> {
        Self::open_with(
            dir,
            Opening {
                steps: migrate::STEPS,
                today,
                for_restore: false,
            },
        )
    }

    /// Opens the fresh database a restore fills, beside the journal it replays.
    fn open_for_restore(dir: &Path, today: NaiveDate) -> Result<Store, StoreError> {
        Self::open_with(
            dir,
            Opening {
                steps: migrate::STEPS,
                today,
                for_restore: true,
            },
        )
    }

    fn open_with(dir: &Path, opening: Opening) -> Result<Store, StoreError> {
        // sled releases its file lock when its last background job lets go of the database, a
        // moment after the handle is dropped; a reopen in the same process may come before
        // that. Another process's lock lasts, so it is still reported within half a second.
        let mut waited = 0;
        loop {
            match Self::try_open(dir, opening) {
                Err(StoreError::Locked { .. }) if waited < LOCK_RETRIES => {
                    waited += 1;
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                result => return result,
            }
        }
    }

    fn try_open(dir: &Path, opening: Opening) -> Result<Store, StoreError> {
        let Opening { steps, today, .. } = opening;
        let cannot_create = |e| {
            StoreError::io(
                format!("could not create the data directory {}", dir.display()),
                e,
            )
        };
        files::create_private_dir(dir).map_err(cannot_create)?;
        files::create_private_dir(&dir.join(BACKUP_DIR)).map_err(cannot_create)?;
        let db_path = dir.join(DB_DIR);
        // sled creates its directory with the default mode; make it the user's alone first.
        files::create_private_dir(&db_path).map_err(cannot_create)?;
        // sled reads a data file of garbage as an empty database; caseplan always writes its
        // schema version into a new one, so existing files without it are damaged, not new.
        let existed = std::fs::metadata(db_path.join("db")).is_ok_and(|m| m.len() > 0);
        // sled can panic on some damaged files; a caseworker should get a message instead.
        let opened = panic::catch_unwind(AssertUnwindSafe(|| {
            sled::Config::new()
                .path(&db_path)
                .cache_capacity(CACHE_BYTES)
                .open()
        }));
        let db = match opened {
            Ok(Ok(db)) => db,
            Ok(Err(err)) => return Err(open_error(dir, today, err)),
            Err(_) => return Err(damaged(dir, today, "the database files could not be read")),
        };
        let mut trees = Vec::new();
        for tree in TreeId::all() {
            trees.push(
                db.open_tree(tree.name())
                    .map_err(|e| open_error(dir, today, e))?,
            );
        }
        let meta = db
            .open_tree(META_TREE)
            .map_err(|e| open_error(dir, today, e))?;
        let (journal, tail) = Journal::open(dir).map_err(|e| {
            StoreError::io(
                format!("could not open the change journal in {}", dir.display()),
                e,
            )
        })?;
        let mut store = Store {
            dir: dir.to_path_buf(),
            db,
            trees,
            meta,
            id_offset: AtomicU64::new(0),
            journal: Mutex::new(journal),
            today,
            notices: Vec::new(),
        };
        store.check_schema(steps, existed)?;
        if store.meta_get(IMPORT_MARK_KEY)?.is_some() {
            return Err(store.damaged("an import was interrupted before it finished"));
        }
        let offset = store
            .meta_get(ID_OFFSET_KEY)?
            .and_then(|v| u64_at(&v, 0))
            .unwrap_or(0);
        store.id_offset.store(offset, Ordering::SeqCst);
        store.check_index_version()?;
        if let Some(saved) = tail.torn_saved_to {
            store
                .notices
                .push(Notice::UnfinishedJournalLine { saved_to: saved });
        }
        if tail.started && !store.is_empty() {
            // A database without a journal (an older caseplan's): the journal starts with all
            // of it, so a restore from any backup before this moment loses nothing.
            store.journal_everything()?;
        } else if let Some(last) = tail.last.filter(|_| !opening.for_restore) {
            store.complete_last_change(last)?;
        }
        Ok(store)
    }

    /// What opening the database repaired or completed; each is one line for the user.
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// The caller's today, as given when the database was opened.
    pub fn today(&self) -> NaiveDate {
        self.today
    }

    fn journal(&self) -> MutexGuard<'_, Journal> {
        // A panic while the journal was held leaves it as consistent as any failed write.
        self.journal.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The data directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// A fresh id, never 0 and above every id ever imported.
    pub fn next_id(&self) -> Result<u64, StoreError> {
        let generated = self
            .db
            .generate_id()
            .map_err(|e| StoreError::sled("could not make a new id", e))?;
        Ok(generated + 1 + self.id_offset.load(Ordering::SeqCst))
    }

    /// Ids are generated above `offset` from now on.
    fn set_id_offset(&self, offset: u64) -> Result<(), StoreError> {
        let offset = self
            .id_offset
            .fetch_max(offset, Ordering::SeqCst)
            .max(offset);
        self.meta_set(ID_OFFSET_KEY, &offset.to_be_bytes())
    }

    fn check_schema(&self, steps: &[Step], existed: bool) -> Result<(), StoreError> {
        match self.meta_get(SCHEMA_KEY)? {
            None if existed => Err(self.damaged("the database files hold no caseplan data")),
            None if self.is_empty() => self.set_schema(CURRENT_SCHEMA),
            None => Err(self.damaged("the schema version is missing")),
            Some(bytes) => {
                let found = <[u8; 4]>::try_from(bytes.as_ref())
                    .map(u32::from_be_bytes)
                    .map_err(|_| self.damaged("the schema version is unreadable"))?;
                if found > CURRENT_SCHEMA {
                    return Err(StoreError::NewerSchema {
                        path: self.dir.clone(),
                        found,
                        supported: CURRENT_SCHEMA,
                    });
                }
                if found < CURRENT_SCHEMA {
                    self.upgrade_records(steps)?;
                    self.rebuild_indexes()?;
                    self.set_schema(CURRENT_SCHEMA)?;
                }
                Ok(())
            }
        }
    }

    /// Rewrites every record written by an older schema in the current one.
    fn upgrade_records(&self, steps: &[Step]) -> Result<(), StoreError> {
        for kind in Kind::ALL {
            let tree = self.tree(TreeId::Record(kind));
            let mut batch = sled::Batch::default();
            for item in tree.iter() {
                let (key, value) = item.map_err(|e| self.read_error(e))?;
                let (version, data) = codec::decode_raw(&value).map_err(|d| self.damaged(d))?;
                if version > CURRENT_SCHEMA {
                    return Err(StoreError::NewerSchema {
                        path: self.dir.clone(),
                        found: version,
                        supported: CURRENT_SCHEMA,
                    });
                }
                if version < CURRENT_SCHEMA {
                    let data = migrate::upgrade(steps, kind, version, data).map_err(|d| {
                        self.damaged(format!("{kind} {}: {d}", u64_at(&key, 0).unwrap_or(0)))
                    })?;
                    batch.insert(key, codec::encode_value(CURRENT_SCHEMA, &data));
                }
            }
            tree.apply_batch(batch)
                .map_err(|e| StoreError::sled("could not upgrade the database", e))?;
        }
        Ok(())
    }

    /// Recomputes every index entry from the records (after an upgrade, or to repair).
    pub fn rebuild_indexes(&self) -> Result<(), StoreError> {
        let cannot = |e| StoreError::sled("could not rebuild the indexes", e);
        for tree in TreeId::indexes() {
            self.tree(tree).clear().map_err(cannot)?;
        }
        let mut batches: Vec<sled::Batch> = self.trees.iter().map(|_| Default::default()).collect();
        for kind in Kind::ALL {
            for item in self.tree(TreeId::Record(kind)).iter() {
                let (_, value) = item.map_err(|e| self.read_error(e))?;
                let record = AnyRecord::decode(kind, &value).map_err(|d| self.damaged(d))?;
                for (tree, key, value) in index::entries(&record) {
                    batches[tree.slot()].insert(key, value);
                }
            }
        }
        for (tree, batch) in self.trees.iter().zip(batches) {
            tree.apply_batch(batch).map_err(cannot)?;
        }
        self.flush()
    }

    /// Re-indexes a database whose index entries an older caseplan wrote.
    fn check_index_version(&self) -> Result<(), StoreError> {
        let current = INDEX_VERSION.to_be_bytes();
        if self.meta_get(INDEX_VERSION_KEY)?.as_deref() == Some(&current[..]) {
            return Ok(());
        }
        if !self.is_empty() {
            self.rebuild_indexes()?;
        }
        self.meta_set(INDEX_VERSION_KEY, &current)?;
        self.flush()
    }

    fn set_schema(&self, version: u32) -> Result<(), StoreError> {
        self.meta_set(SCHEMA_KEY, &version.to_be_bytes())?;
        self.flush()
    }

    fn tree(&self, id: TreeId) -> &sled::Tree {
        &self.trees[id.slot()]
    }

    fn meta_get(&self, key: &[u8]) -> Result<Option<sled::IVec>, StoreError> {
        self.meta.get(key).map_err(|e| self.read_error(e))
    }

    fn meta_set(&self, key: &[u8], value: &[u8]) -> Result<(), StoreError> {
        self.meta
            .insert(key, value)
            .map(|_| ())
            .map_err(|e| StoreError::sled("could not save the database settings", e))
    }

    fn meta_remove(&self, key: &[u8]) -> Result<(), StoreError> {
        self.meta
            .remove(key)
            .map(|_| ())
            .map_err(|e| StoreError::sled("could not save the database settings", e))
    }

    /// Writes everything to disk; a change is saved only after this returns.
    fn flush(&self) -> Result<(), StoreError> {
        self.db
            .flush()
            .map(|_| ())
            .map_err(|e| StoreError::sled("could not write the changes to disk", e))
    }

    fn damaged(&self, detail: impl Into<String>) -> StoreError {
        damaged(&self.dir, self.today, detail)
    }

    fn read_error(&self, err: sled::Error) -> StoreError {
        match err {
            sled::Error::Io(source) => StoreError::io(
                format!("could not read the database in {}", self.dir.display()),
                source,
            ),
            other => self.damaged(other.to_string()),
        }
    }

    #[cfg(test)]
    fn raw_tree(&self, id: TreeId) -> &sled::Tree {
        self.tree(id)
    }
}

fn damaged(dir: &Path, today: NaiveDate, detail: impl Into<String>) -> StoreError {
    StoreError::Damaged {
        path: dir.to_path_buf(),
        detail: detail.into(),
        recovery: backup::recovery(dir, today),
    }
}

/// sled reports a held lock as an `Other` io error "could not acquire lock on …" (config.rs).
fn is_lock_error(err: &std::io::Error) -> bool {
    err.kind() == std::io::ErrorKind::Other && err.to_string().contains("could not acquire lock")
}

fn open_error(dir: &Path, today: NaiveDate, err: sled::Error) -> StoreError {
    match err {
        sled::Error::Io(source) if is_lock_error(&source) => StoreError::Locked {
            path: dir.to_path_buf(),
        },
        sled::Error::Io(source) => StoreError::io(
            format!("could not open the database in {}", dir.display()),
            source,
        ),
        other => damaged(dir, today, other.to_string()),
    }
}

#[cfg(test)]
mod tests;
