//! The store: the only module that knows sled. One tree per record kind, index trees for what
//! the screens ask, values as versioned JSON, every write in one transaction and flushed.

mod archive;
mod archive_counts;
pub mod backup;
mod calendar;
mod check;
mod codec;
mod compact;
mod compose;
#[cfg(test)]
mod derived_tests;
mod error;
mod export;
mod files;
mod index;
pub mod journal;
mod keys;
mod migrate;
mod packed;
mod packed_meeting;
pub mod progress;
mod read;
mod reader;
mod record;
mod reindex;
mod repair;
mod replay;
mod search_tree;
mod snooze;
mod summary;
mod trees;
mod validate;
mod write;

pub use archive::{ARCHIVE_DIR, MoveSize, Moved};
pub use error::{MAX_LISTED_PROBLEMS, Notice, Problem, Recovery, StoreError, Unwritable};
pub use export::{ExportDocument, ExportFile};
pub use files::{EXPORT_DIR, write_export, write_private_file};
pub use index::{DueKind, DueRef};
pub use migrate::CURRENT_SCHEMA;
pub use packed::DueDetail;
pub use progress::{OnProgress, Progress, Stage};
pub use record::{AnyRecord, CaseRecord, Change, Kind, Record, RecordId, RecordRef};
pub use replay::JournalCheck;
pub use search_tree::{SearchCase, SearchContact, SearchFacts, SearchMeeting};

use chrono::NaiveDate;
use journal::Journal;
use keys::u64_at;
use migrate::Step;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};
use trees::TreeId;

/// The highest id an import may bring. Half of the range: new ids are given out above the
/// highest imported one, and the other half keeps them from ever running out.
pub const MAX_IMPORTED_ID: u64 = 1 << 52;
/// The highest id caseplan gives out: the largest integer a JSON reader that uses doubles (a
/// script, a spreadsheet) still reads exactly.
pub const MAX_ID: u64 = (1 << 53) - 1;

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
/// The version of the index entries; a database indexed by an older one is re-indexed on open.
const INDEX_VERSION_KEY: &[u8] = b"index_version";
/// 2: unjournalised notes, unread reports and medical requests to follow in the due index.
/// 3: each external block's end beside its start, so a window passes by those that ended.
/// 4: call-backs not yet made (incoming "call me", cut-off meetings).
/// 5: the finder's facts of cases, contacts and planned case meetings (#21).
/// 6: case summaries (#21). An older caseplan that writes to the database sets its own version
/// back, and the summaries it did not keep are rebuilt on the next open.
/// 7: briefs of active cases, due entries that carry what the Today list reads of their
/// record, and summaries in postcard (#21).
/// 8: how many of each case's meetings the archive holds, by outcome; open courses and
/// followed medical requests carried whole by their by-case entries; the start index carries
/// each one-off meeting in postcard, so a day's meetings are read from one range scan (#21).
const INDEX_VERSION: u32 = 8;

/// An open caseplan database. Dropping it releases the lock.
pub struct Store {
    dir: PathBuf,
    db: sled::Db,
    /// Every tree of [`TreeId::all`], by slot.
    trees: Vec<sled::Tree>,
    meta: sled::Tree,
    id_offset: AtomicU64,
    /// Whether [`Store::keep_ids_above_stored`] ran: on the first id asked for, not at open,
    /// since asking sled for an id writes to its log and a read-only command must write nothing.
    ids_checked: AtomicBool,
    /// The change journal; held across a whole write, so the daily backup's new epoch falls
    /// between two writes. `None` when the database is open for reading only.
    journal: Mutex<Option<Journal>>,
    /// The caller's today: backups dated after it are ignored.
    today: NaiveDate,
    /// What opening the database repaired or completed, for one line each to the user.
    notices: Vec<Notice>,
    /// Set when nothing can be written and the database was opened from a copy.
    unwritable: Option<Unwritable>,
    /// That copy, removed when the store is dropped.
    view: Option<tempfile::TempDir>,
    /// Cold history (#21), opened on the first read that reaches back into it.
    archive: OnceLock<archive::Archive>,
    /// Held while the archive is being opened, so it is opened once.
    archive_opening: Mutex<()>,
    /// What the hot part's settings say about the archive.
    cold: Mutex<archive::Cold>,
}

/// What the data directory held before sled opened it.
#[derive(Clone, Copy)]
struct Found {
    /// sled's data file exists and is not empty.
    existed: bool,
    /// Something was saved here before: a backup, or an entry in the journal.
    saved_before: bool,
}

impl Found {
    /// Looks, and refuses a missing database: sled's files gone while backups or the journal
    /// say something was saved. sled reads a data file of garbage as an empty database;
    /// caseplan always writes its schema version into a new one, so existing files without it
    /// are damaged, not new, unless nothing was ever saved: then a first start was interrupted.
    fn look(dir: &Path, opening: Opening) -> Result<Found, StoreError> {
        let existed = Store::exists(dir);
        let saved_before = !backup::list(dir).is_empty() || journal::has_entries(dir);
        if !existed && saved_before && !opening.for_restore {
            return Err(StoreError::Missing {
                path: dir.to_path_buf(),
                recovery: backup::recovery(dir, opening.today),
            });
        }
        Ok(Found {
            existed,
            saved_before,
        })
    }
}

/// sled's page cache. Its default (1 GB) lets one pass over a large database (the daily backup,
/// an import) grow the process far beyond the product's memory budget; screens read small
/// windows. sled's heap is about twice what it counts here: at 10,000 cases 32 MB keeps an
/// import near 150 MB and the daily backup near 95 MB (64 MB: 200 and 120), at the same speed.
const CACHE_BYTES: u64 = 32 * 1024 * 1024;

/// Records rewritten per flush when an older schema is upgraded.
const UPGRADE_PART: usize = 2048;

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

    /// Whether `dir` holds a database that was written to (a first start has none yet).
    pub fn exists(dir: &Path) -> bool {
        std::fs::metadata(dir.join(DB_DIR).join("db")).is_ok_and(|m| m.len() > 0)
    }

    /// Like [`Store::open`], with the caller's today (a frozen clock): backups dated after it
    /// are never taken for the newest.
    pub fn open_on(dir: &Path, today: NaiveDate) -> Result<Store, StoreError> {
        Self::open_reporting(dir, today, &mut progress::quiet)
    }

    /// Like [`Store::open_on`], saying to `on` how far it has come when opening is long work:
    /// bringing a database an older caseplan wrote up to date, or writing it afresh after a
    /// large move to the archive.
    pub fn open_reporting(
        dir: &Path,
        today: NaiveDate,
        on: OnProgress,
    ) -> Result<Store, StoreError> {
        Self::open_with(
            dir,
            Opening {
                steps: migrate::STEPS,
                today,
                for_restore: false,
            },
            on,
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
            &mut progress::quiet,
        )
    }

    fn open_with(dir: &Path, opening: Opening, on: OnProgress) -> Result<Store, StoreError> {
        // sled releases its file lock when its last background job lets go of the database, a
        // moment after the handle is dropped; a reopen in the same process may come before
        // that. Another process's lock lasts, so it is still reported within half a second.
        let mut waited = 0;
        let mut restarted = None;
        loop {
            match Self::try_open(dir, opening, &mut *on) {
                Err(StoreError::Locked { .. }) if waited < LOCK_RETRIES => {
                    waited += 1;
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                Err(StoreError::UnfinishedNew) if restarted.is_none() => {
                    restarted = Some(move_unfinished_new(dir)?);
                }
                Err(StoreError::UnfinishedNew) => {
                    return Err(damaged(
                        dir,
                        opening.today,
                        "a new database could not be started",
                    ));
                }
                Err(err) if !opening.for_restore && err.unwritable().is_some() => {
                    let kind = err.unwritable().unwrap_or(Unwritable::ReadOnly);
                    return Self::open_view(dir, opening, kind, on);
                }
                Ok(store) if !opening.for_restore && store.wants_compaction()? => {
                    // After a large move to the archive or a re-index: written afresh, then
                    // opened again.
                    store.compact(&mut *on)?;
                    drop(store);
                }
                Ok(mut store) => {
                    if let Some(to) = restarted {
                        store
                            .notices
                            .insert(0, Notice::UnfinishedNewDatabase { to });
                    }
                    return Ok(store);
                }
                Err(err) => return Err(err),
            }
        }
    }

    fn try_open(dir: &Path, opening: Opening, on: OnProgress) -> Result<Store, StoreError> {
        let today = opening.today;
        let cannot_create = |e| {
            StoreError::write_io(
                format!("could not create the data directory {}", dir.display()),
                e,
            )
        };
        files::create_private_dir(dir).map_err(cannot_create)?;
        files::create_private_dir(&dir.join(BACKUP_DIR)).map_err(cannot_create)?;
        let db_path = dir.join(DB_DIR);
        compact::finish_swap(dir).map_err(|e| {
            StoreError::write_io(
                format!(
                    "could not finish writing the database afresh in {}",
                    dir.display()
                ),
                e,
            )
        })?;
        // sled creates its directory with the default mode; make it the user's alone first.
        files::create_private_dir(&db_path).map_err(cannot_create)?;
        let found = Found::look(dir, opening)?;
        let mut notices = Vec::new();
        let (db, rebuilt) = open_sled_repairing(dir, today, &mut notices)?;
        let (journal, tail) = Journal::open(dir).map_err(|e| {
            StoreError::write_io(
                format!("could not open the change journal in {}", dir.display()),
                e,
            )
        })?;
        let mut store = Store::assemble(dir, db, Some(journal), today, notices)?;
        let reindexed = store.check_on_open(opening, found, &mut *on)?;
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
        if rebuilt {
            store.verify_rebuilt()?;
        }
        if reindexed && !opening.for_restore {
            // An upgrade is a long open with a bar already: history that went cold moves to the
            // archive here too, so a caseworker who never starts the planner nor runs
            // `caseplan backup` gets the fast opens as well. A move that fails or is cut short
            // loses nothing (the planner or the next backup takes it up), so it never fails
            // the open.
            let _ = store.archive_cold_with(MoveSize::All, on, &AtomicBool::new(false));
        }
        Ok(store)
    }

    /// When nothing can be written (a full disk, a read-only directory) sled cannot open its
    /// files in place: it writes at open. The database is then opened from a private copy in
    /// memory (`/dev/shm`, or the temporary directory), for reading only; every write is
    /// refused with the reason and nothing in the data directory is touched.
    fn open_view(
        dir: &Path,
        opening: Opening,
        kind: Unwritable,
        on: OnProgress,
    ) -> Result<Store, StoreError> {
        let cannot = |e: std::io::Error| StoreError::CannotOpen {
            kind,
            path: dir.to_path_buf(),
            context: format!("a copy to read from could not be made: {e}"),
        };
        let found = Found::look(dir, opening)?;
        let shm = Path::new("/dev/shm");
        let mut builder = tempfile::Builder::new();
        builder.prefix("caseplan-view-");
        let view = if shm.is_dir() {
            builder.tempdir_in(shm).or_else(|_| builder.tempdir())
        } else {
            builder.tempdir()
        }
        .map_err(cannot)?;
        files::copy_dir(&dir.join(DB_DIR), &view.path().join(DB_DIR), &|name| {
            // An unfinished snapshot is never read; leaving it out spares a repair.
            !name.ends_with(".generating")
        })
        .map_err(cannot)?;
        let mut notices = vec![Notice::ReadOnlyView { kind }];
        let (db, _) = open_sled_repairing(view.path(), opening.today, &mut notices).map_err(
            |err| match err {
                StoreError::Unwritable { kind, context } => StoreError::CannotOpen {
                    kind,
                    path: dir.to_path_buf(),
                    context,
                },
                err => err,
            },
        )?;
        let mut store = Store::assemble(dir, db, None, opening.today, notices)?;
        store.view = Some(view);
        store.unwritable = Some(kind);
        store.check_on_open(opening, found, on)?;
        Ok(store)
    }

    fn assemble(
        dir: &Path,
        db: sled::Db,
        journal: Option<Journal>,
        today: NaiveDate,
        notices: Vec<Notice>,
    ) -> Result<Store, StoreError> {
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
        Ok(Store {
            dir: dir.to_path_buf(),
            db,
            trees,
            meta,
            id_offset: AtomicU64::new(0),
            ids_checked: AtomicBool::new(false),
            journal: Mutex::new(journal),
            today,
            notices,
            unwritable: None,
            view: None,
            archive: OnceLock::new(),
            archive_opening: Mutex::new(()),
            cold: Mutex::new(archive::Cold::default()),
        })
    }

    /// The schema, an interrupted import, the id offset and the index version. Says whether
    /// the database was re-indexed.
    fn check_on_open(
        &mut self,
        opening: Opening,
        found: Found,
        on: OnProgress,
    ) -> Result<bool, StoreError> {
        if found.existed
            && !found.saved_before
            && self.is_empty()
            && self.meta_get(SCHEMA_KEY)?.is_none()
        {
            return Err(StoreError::UnfinishedNew);
        }
        let cold = self.read_cold()?;
        *self.cold.get_mut().unwrap_or_else(|e| e.into_inner()) = cold;
        // A data file cut back to a state before its first records reads as an empty
        // database; the backup and the journal say whether it may be one.
        if found.existed
            && found.saved_before
            && !opening.for_restore
            && self.is_empty()
            && let JournalCheck::Compared { problems, .. } = self.check_journal()?
            && !problems.is_empty()
        {
            return Err(self
                .damaged("the database holds no records, where its backup and journal hold some"));
        }
        self.check_schema(opening.steps, found.existed)?;
        if self.meta_get(IMPORT_MARK_KEY)?.is_some() {
            return Err(self.damaged("an import was interrupted before it finished"));
        }
        let offset = self
            .meta_get(ID_OFFSET_KEY)?
            .and_then(|v| u64_at(&v, 0))
            .unwrap_or(0);
        self.id_offset.store(offset, Ordering::SeqCst);
        let reindexed = self.check_index_version(on)?;
        self.keep_calendar_token()?;
        Ok(reindexed)
    }

    /// Makes sure the next id is above every stored one, whatever wrote them (a safety net:
    /// import, restore and replay raise the offset themselves). Costs one id; runs before the
    /// first id of each open is given out.
    fn keep_ids_above_stored(&self) -> Result<(), StoreError> {
        let highest = self.highest_id()?.max(self.cold().max_id);
        if highest > 0 && self.next_id()? <= highest {
            self.set_id_offset(highest)?;
        }
        Ok(())
    }

    /// Why nothing can be written to this database, if that is so (it was opened from a copy).
    pub fn unwritable(&self) -> Option<Unwritable> {
        self.unwritable
    }

    /// Refuses a write when the database is open for reading only.
    fn writable(&self) -> Result<(), StoreError> {
        match self.unwritable {
            Some(kind) => Err(self.refused(kind)),
            None => Ok(()),
        }
    }

    /// The error of a write to a database that was opened for reading only.
    fn refused(&self, kind: Unwritable) -> StoreError {
        StoreError::Unwritable {
            kind,
            context: format!(
                "the database in {} is open for reading only",
                self.dir.display()
            ),
        }
    }

    /// Runs `f` with the journal held; refused when the database is open for reading only.
    fn with_journal<T>(
        &self,
        f: impl FnOnce(&mut Journal) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        // A panic while the journal was held leaves it as consistent as any failed write.
        let mut guard = self.journal.lock().unwrap_or_else(|e| e.into_inner());
        match guard.as_mut() {
            Some(journal) => f(journal),
            None => Err(self.refused(self.unwritable.unwrap_or(Unwritable::ReadOnly))),
        }
    }

    /// Ends the store of a process that is about to exit: everything is flushed, and sled's
    /// page cache is left for the operating system to take back with the process instead of
    /// being freed piece by piece (a tenth of a short command's time, and at 10,000 cases a
    /// pause after `q`). Its file locks go with the process too, so the process must not open
    /// this data directory again. A store opened from a temporary copy is closed as usual, so
    /// that the copy is removed.
    pub fn close_for_exit(self) -> Result<(), StoreError> {
        self.flush()?;
        if self.view.is_none() {
            if let Some(archive) = self.archive.get() {
                archive.leak_for_exit()?;
            }
            std::mem::forget(self.db.clone());
        }
        Ok(())
    }

    /// What opening the database repaired or completed; each is one line for the user.
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// The caller's today, as given when the database was opened.
    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// The data directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// A fresh id, never 0 and above every id stored; an error, never a wrap, when they run out.
    pub fn next_id(&self) -> Result<u64, StoreError> {
        if !self.ids_checked.swap(true, Ordering::SeqCst)
            && let Err(err) = self.keep_ids_above_stored()
        {
            self.ids_checked.store(false, Ordering::SeqCst);
            return Err(err);
        }
        let generated = self
            .db
            .generate_id()
            .map_err(|e| StoreError::sled("could not make a new id", e))?;
        generated
            .checked_add(1)
            .and_then(|id| id.checked_add(self.id_offset.load(Ordering::SeqCst)))
            .filter(|id| *id <= MAX_ID)
            .ok_or(StoreError::IdsExhausted)
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
                    // Re-indexed next, by the index version check, once.
                    self.meta_remove(INDEX_VERSION_KEY)?;
                    self.set_schema(CURRENT_SCHEMA)?;
                }
                Ok(())
            }
        }
    }

    /// Rewrites every record written by an older schema in the current one, the archive's too.
    fn upgrade_records(&self, steps: &[Step]) -> Result<(), StoreError> {
        self.upgrade_records_in(&self.trees, steps)?;
        if let Some(archive) = self.archive()? {
            self.upgrade_records_in(archive.trees(), steps)?;
        }
        Ok(())
    }

    /// In parts, each flushed: a record already in the current schema is passed by, so an
    /// upgrade cut short is continued by the next open.
    fn upgrade_records_in(&self, trees: &[sled::Tree], steps: &[Step]) -> Result<(), StoreError> {
        let write = |tree: &sled::Tree, batch| {
            tree.apply_batch(batch)
                .and_then(|()| tree.flush().map(|_| ()))
                .map_err(|e| StoreError::sled("could not upgrade the database", e))
        };
        for kind in Kind::ALL {
            let tree = &trees[TreeId::Record(kind).slot()];
            let mut batch = sled::Batch::default();
            let mut in_batch = 0;
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
                    in_batch += 1;
                    if in_batch == UPGRADE_PART {
                        write(tree, std::mem::take(&mut batch))?;
                        in_batch = 0;
                    }
                }
            }
            write(tree, batch)?;
        }
        Ok(())
    }

    /// Re-indexes a database whose index entries an older caseplan wrote, or continues a
    /// re-index that was cut short (see [`reindex`]). Says whether it re-indexed.
    fn check_index_version(&mut self, on: OnProgress) -> Result<bool, StoreError> {
        let current = INDEX_VERSION.to_be_bytes();
        let stored = self.meta_get(INDEX_VERSION_KEY)?;
        if stored.as_deref() == Some(&current[..]) {
            return Ok(false);
        }
        let reindexed = !self.is_empty();
        if reindexed {
            let from = stored.as_deref().and_then(reindex::Mark::read);
            if from.is_none() {
                self.drop_indexes()?;
            }
            self.rebuild_indexes_from(from, on)?;
            // Re-indexing leaves most of the log garbage, and the records' trees keep the small
            // leaves an older sled split at: the open that finishes it writes the hot part
            // afresh, so every open after it reads a short page table (see compact.rs).
            self.want_compaction()?;
        }
        self.meta_set(INDEX_VERSION_KEY, &current)?;
        self.flush()?;
        Ok(reindexed)
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

/// Opens sled, trying the repairs that lose nothing (see [`repair`]) when it cannot read its
/// files. Returns whether the page table had to be rebuilt from the log (a snapshot moved
/// aside), which the caller verifies against the journal.
fn open_sled_repairing(
    dir: &Path,
    today: NaiveDate,
    notices: &mut Vec<Notice>,
) -> Result<(sled::Db, bool), StoreError> {
    let db_path = dir.join(DB_DIR);
    let mut repairs = repair::ORDER.iter();
    let mut rebuilt = false;
    loop {
        // sled can panic on some damaged files; a caseworker should get a message instead.
        let opened = panic::catch_unwind(AssertUnwindSafe(|| {
            sled::Config::new()
                .path(&db_path)
                .cache_capacity(CACHE_BYTES)
                .open()
        }));
        let err = match opened {
            Ok(Ok(db)) => return Ok((db, rebuilt)),
            Ok(Err(err @ sled::Error::Io(_))) => return Err(open_error(dir, today, err)),
            Ok(Err(err)) => open_error(dir, today, err),
            Err(_) => damaged(dir, today, "the database files could not be read"),
        };
        let notice = loop {
            let Some(&repair) = repairs.next() else {
                return Err(err);
            };
            if let Some(notice) = repair.apply(dir)? {
                rebuilt |= repair == repair::Repair::Snapshot;
                break notice;
            }
        };
        notices.push(notice);
    }
}

/// Moves the data files of an interrupted first start into `recovered/`.
fn move_unfinished_new(dir: &Path) -> Result<PathBuf, StoreError> {
    let cannot = |e| StoreError::io(format!("could not move {} aside", dir.display()), e);
    let to = repair::new_recovered_dir(dir).map_err(cannot)?;
    std::fs::rename(dir.join(DB_DIR), to.join(DB_DIR)).map_err(cannot)?;
    Ok(to)
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
        sled::Error::Io(source) => StoreError::write_io(
            format!("could not open the database in {}", dir.display()),
            source,
        ),
        other => damaged(dir, today, other.to_string()),
    }
}

#[cfg(test)]
mod archive_tests;
#[cfg(test)]
mod tests;
