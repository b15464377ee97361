//! Daily backups as export documents in `<data dir>/backups/`, and restoring one.

use super::compose::{self, Todo};
use super::error::{Problem, Recovery};
use super::progress::{Meter, OnProgress, Stage, quiet};
use super::{
    ARCHIVE_DIR, BACKUP_DIR, DB_DIR, ExportFile, MoveSize, Store, StoreError, files, journal,
};
use chrono::{DateTime, NaiveDate, Utc};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

/// How many daily backups are kept.
pub const KEEP: usize = 14;

const PREFIX: &str = "caseplan-";
const SUFFIX: &str = ".json";

/// Writes today's backup: [`start_daily`], then [`finish_daily`]. Returns the file written, or
/// `None` when there was nothing to write (today's backup exists already, or the database is
/// empty: an empty backup must not push out real ones).
pub fn daily(
    store: &Store,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Option<PathBuf>, StoreError> {
    daily_with(store, today, now, &mut quiet, &AtomicBool::new(false))
}

/// Like [`daily`], saying to `on` how far the backup has come, and giving up soon after `stop`
/// is set (the planner quitting): what was written stays in a temporary file that is never
/// taken for a backup, and the next try composes it whole. Gives `None` when it stopped.
pub fn daily_with(
    store: &Store,
    today: NaiveDate,
    now: DateTime<Utc>,
    on: OnProgress,
    stop: &AtomicBool,
) -> Result<Option<PathBuf>, StoreError> {
    match start_daily_with(store, today, MoveSize::All, &mut *on, stop) {
        Err(StoreError::BackupStopped) => return Ok(None),
        started => started?,
    };
    finish_daily(store, today, now, on, stop)
}

/// Starts today's backup the first time the database is written on a new day: a new journal
/// epoch named after it, so every change from now on is in the journal after it. That is all
/// a command waits for (a file and a flush); the backup itself, the database as it is at this
/// moment, is composed from the previous backup and the journal later ([`finish_daily`]).
/// Returns whether a backup was started: not when today's exists or was started already, nor
/// for an empty database or one open for reading only.
///
/// A backup file is never overwritten: after a restore, today's file may hold newer data than
/// the restored database had before its journal was replayed, and the journal after it still
/// holds every change.
///
/// History that went cold moves to the archive here too, if the move takes a moment (see
/// [`MoveSize::Small`]); a larger one is left to the planner and `caseplan backup`.
pub fn start_daily(store: &Store, today: NaiveDate) -> Result<bool, StoreError> {
    start_daily_with(
        store,
        today,
        MoveSize::Small,
        &mut quiet,
        &AtomicBool::new(false),
    )
}

/// Like [`start_daily`], moving as much cold history as `size` allows, saying to `on` how far
/// the move has come, and stopping it between two parts once `stop` is set
/// ([`StoreError::BackupStopped`]). With [`MoveSize::All`] the move is looked for even when
/// today's backup was started already (by a command that left a large move undone).
pub fn start_daily_with(
    store: &Store,
    today: NaiveDate,
    size: MoveSize,
    on: OnProgress,
    stop: &AtomicBool,
) -> Result<bool, StoreError> {
    if store.unwritable().is_some() {
        // Opened for reading only: it said so already, and nothing changes meanwhile.
        return Ok(false);
    }
    let name = file_name(today);
    let start = !(store.journal_base()?.as_deref() == Some(name.as_str())
        || store.dir().join(BACKUP_DIR).join(&name).exists()
        || store.is_empty());
    // In an open that may write: history that went cold moves to the archive (the backup holds
    // it all the same; a move is no change to the journal).
    if start || size == MoveSize::All {
        store.archive_cold_with(size, on, stop)?;
    }
    if start {
        store.rotate_journal(&name)?;
    }
    Ok(start)
}

/// Writes the newest started backup if it is missing, from the backup before it and the
/// journal, never reading the database (see [`super::compose`]); only when the journal has a
/// gap is the database exported instead. Then keeps the newest [`KEEP`] backups and removes
/// the journal epochs no kept backup needs. Returns the file written; `None` when there was
/// nothing to write or `stop` was set.
///
/// One composer at a time writes a data directory's backups (see [`ComposeLock`]): when
/// another holds it (a detached composer the command line started), this gives `None` at once,
/// or with `wait` waits for it and then finds its work done.
pub fn finish_daily(
    store: &Store,
    today: NaiveDate,
    now: DateTime<Utc>,
    on: OnProgress,
    stop: &AtomicBool,
) -> Result<Option<PathBuf>, StoreError> {
    finish_daily_waiting(store, today, now, on, stop, false)
}

/// [`finish_daily`], waiting for another composer when `wait` is set.
pub fn finish_daily_waiting(
    store: &Store,
    today: NaiveDate,
    now: DateTime<Utc>,
    on: OnProgress,
    stop: &AtomicBool,
    wait: bool,
) -> Result<Option<PathBuf>, StoreError> {
    let dir = store.dir();
    let backups = dir.join(BACKUP_DIR);
    files::create_private_dir(&backups)
        .map_err(|e| StoreError::io(format!("could not create {}", backups.display()), e))?;
    let Some(_lock) = ComposeLock::take(dir, wait)? else {
        return Ok(None);
    };
    // Exported now, the document holds the database as it is, at or after the moment its
    // epoch began: the journal after it still replays to the same end.
    let export = |target: &str, on: OnProgress| {
        let file = backups.join(target);
        files::write_private_file_with(
            &file,
            |out| store.write_export_until(out, now, on, stop),
            |e| StoreError::io(format!("could not write the backup {}", file.display()), e),
        )
        .map(|()| file)
    };
    let written = match compose::todo(dir) {
        Todo::Nothing => return Ok(None),
        Todo::Compose(plan) => match compose::compose(dir, &plan, &mut *on, stop) {
            // The previous backup or the journal could not be read: the database can.
            Err(err) if !matches!(err, StoreError::BackupStopped) => {
                export(plan.target.as_str(), on)
            }
            composed => composed,
        },
        Todo::Broken { target } => export(target.as_str(), on),
    };
    let file = match written {
        Err(StoreError::BackupStopped) => return Ok(None),
        other => other?,
    };
    prune(dir, today)?;
    Ok(Some(file))
}

/// Composes the newest started backup if it is missing, from files alone: the previous backup
/// and the journal, never the database, so it may run while another caseplan holds the
/// database (the detached composer the command line starts, see [`is_overdue`]). A journal
/// with a gap is left to [`finish_daily`], which can export the database. Gives the file
/// written; `None` when there was nothing to compose, another composer was at it, or the data
/// directory holds no backups folder (it was removed meanwhile: nothing is created).
pub fn compose_missing(
    dir: &Path,
    today: NaiveDate,
    on: OnProgress,
    stop: &AtomicBool,
) -> Result<Option<PathBuf>, StoreError> {
    if !dir.join(BACKUP_DIR).is_dir() {
        return Ok(None);
    }
    let Some(_lock) = ComposeLock::take(dir, false)? else {
        return Ok(None);
    };
    let Todo::Compose(plan) = compose::todo(dir) else {
        return Ok(None);
    };
    let file = match compose::compose(dir, &plan, on, stop) {
        Err(StoreError::BackupStopped) => return Ok(None),
        other => other?,
    };
    prune(dir, today)?;
    Ok(Some(file))
}

/// How old the newest backup may grow before a writing command composes one in the
/// background for a caseworker who never starts the planner.
pub const OVERDUE_DAYS: i64 = 7;

/// Whether the data directory `dir` is [`OVERDUE_DAYS`] or more without a backup file as of
/// `today` while the journal has a started one to compose: the newest file (or, when there is
/// none, the first started backup) is that old. Reads file names only.
pub fn is_overdue(dir: &Path, today: NaiveDate) -> bool {
    let Todo::Compose(_) = compose::todo(dir) else {
        return false;
    };
    let since = match newest(dir, today) {
        Some(file) => date_of(&file),
        None => journal::epochs(dir)
            .iter()
            .find_map(|e| e.base.as_deref().and_then(|b| date_of(Path::new(b)))),
    };
    since.is_some_and(|day| (today - day).num_days() >= OVERDUE_DAYS)
}

/// The day of a backup file's name.
fn date_of(file: &Path) -> Option<NaiveDate> {
    let name = file.file_name()?.to_str()?;
    let stamp = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    NaiveDate::parse_from_str(stamp, "%Y-%m-%d").ok()
}

/// Held while a backup is composed and old ones pruned: an exclusive lock on a file in the
/// backups folder, so two composers (the planner's thread, a detached composer, `caseplan
/// backup`) never write the same temporary file nor prune under each other. The operating
/// system lets go of it when the process ends, however it ends.
pub(crate) struct ComposeLock {
    _held: fs::File,
}

const LOCK_FILE: &str = ".compose.lock";

impl ComposeLock {
    /// Takes the lock of `dir`'s backups; `None` when another holds it and `wait` is not set.
    fn take(dir: &Path, wait: bool) -> Result<Option<ComposeLock>, StoreError> {
        let path = dir.join(BACKUP_DIR).join(LOCK_FILE);
        let cannot = |e| StoreError::io(format!("could not lock {}", path.display()), e);
        let mut options = fs::OpenOptions::new();
        options.write(true).create(true).truncate(false);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let file = options.open(&path).map_err(cannot)?;
        if wait {
            fs2::FileExt::lock_exclusive(&file).map_err(cannot)?;
            return Ok(Some(ComposeLock { _held: file }));
        }
        match fs2::FileExt::try_lock_exclusive(&file) {
            Ok(()) => Ok(Some(ComposeLock { _held: file })),
            Err(e) if e.kind() == fs2::lock_contended_error().kind() => Ok(None),
            Err(e) => Err(cannot(e)),
        }
    }
}

fn file_name(day: NaiveDate) -> String {
    format!("{PREFIX}{}{SUFFIX}", day.format("%Y-%m-%d"))
}

/// Removes the backups beyond the newest [`KEEP`] (a backup dated after `today` is neither
/// counted nor removed) and the journal epochs older than the oldest kept backup's.
fn prune(dir: &Path, today: NaiveDate) -> Result<(), StoreError> {
    let backups = kept_and_older(dir, today);
    let cut = backups.len().saturating_sub(KEEP);
    for (_, old) in &backups[..cut] {
        fs::remove_file(old).map_err(|e| {
            StoreError::io(
                format!("could not remove the old backup {}", old.display()),
                e,
            )
        })?;
    }
    let epochs = journal::epochs(dir);
    let epoch_of = |backup: &Path| {
        let name = backup.file_name()?.to_string_lossy().into_owned();
        epochs
            .iter()
            .rev()
            .find(|e| e.base.as_deref() == Some(name.as_str()))
            .map(|e| e.number)
    };
    let Some(oldest_needed) = backups[cut..].iter().filter_map(|(_, b)| epoch_of(b)).min() else {
        return Ok(());
    };
    for epoch in epochs.iter().filter(|e| e.number < oldest_needed) {
        fs::remove_file(&epoch.path).map_err(|e| {
            StoreError::io(
                format!("could not remove the old journal {}", epoch.path.display()),
                e,
            )
        })?;
    }
    Ok(())
}

/// The backups of `dir` dated `today` or before, oldest first.
fn kept_and_older(dir: &Path, today: NaiveDate) -> Vec<(NaiveDate, PathBuf)> {
    let mut all = list(dir);
    all.retain(|(day, _)| *day <= today);
    all
}

/// The newest backup of the data directory `dir` dated `today` or before (a backup dated in the
/// future, from a clock that was wrong, is never the newest).
pub fn newest(dir: &Path, today: NaiveDate) -> Option<PathBuf> {
    kept_and_older(dir, today).pop().map(|(_, path)| path)
}

/// How the database of `dir` can be brought back, for the message of a damaged or missing one.
pub fn recovery(dir: &Path, today: NaiveDate) -> Recovery {
    let epochs = journal::epochs(dir);
    match newest(dir, today) {
        Some(file) => {
            let name = file.file_name().map(|n| n.to_string_lossy().into_owned());
            let journal = journal::chain_after(&epochs, name.as_deref()).is_some();
            Recovery::Backup { file, journal }
        }
        None if journal::chain_after(&epochs, None).is_some() => Recovery::Journal,
        None => Recovery::Nothing,
    }
}

/// The backups of `dir`, oldest first.
pub fn list(dir: &Path) -> Vec<(NaiveDate, PathBuf)> {
    let Ok(entries) = fs::read_dir(dir.join(BACKUP_DIR)) else {
        return Vec::new();
    };
    let mut out: Vec<(NaiveDate, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let path = entry.path();
            Some((date_of(&path)?, path))
        })
        .collect();
    out.sort();
    out
}

/// What a restore did.
pub struct Restored {
    pub store: Store,
    /// The backup put back; `None`: the database was rebuilt from the journal alone.
    pub backup: Option<PathBuf>,
    /// How many records the backup held.
    pub backup_records: usize,
    /// How many changes from the journal were replayed after it; `None` when the journal does
    /// not follow this file (an export from elsewhere, or a backup older than the journal).
    pub replayed: Option<usize>,
    /// Where the previous database was moved, if there was one.
    pub aside: Option<PathBuf>,
}

/// Restores the database of `dir` from `backup_file` (default: the newest backup) and replays
/// every change the journal holds after it. The current database is moved aside to
/// `db.damaged-<timestamp>`, never deleted. The backup and the journal are read first, so a bad
/// backup leaves everything as it was.
pub fn restore(
    dir: &Path,
    backup_file: Option<&Path>,
    today: NaiveDate,
) -> Result<Restored, StoreError> {
    restore_reporting(dir, backup_file, today, &mut quiet)
}

/// Like [`restore`], saying to `on` how far it has come.
pub fn restore_reporting(
    dir: &Path,
    backup_file: Option<&Path>,
    today: NaiveDate,
    on: OnProgress,
) -> Result<Restored, StoreError> {
    let backup = backup_file
        .map(Path::to_path_buf)
        .or_else(|| newest(dir, today));
    let epochs = journal::epochs(dir);
    // Read twice, one record at a time: checked now, written once the database is moved aside.
    let (document, backup_records, chain) = match &backup {
        Some(file) => {
            let document = ExportFile::open(file)?;
            let records = document.validate(&mut *on)?;
            let chain = own_backup_name(dir, file)
                .and_then(|name| journal::chain_after(&epochs, Some(&name)));
            (Some(document), records, chain)
        }
        None => match journal::chain_after(&epochs, None) {
            Some(chain) => (None, 0, Some(chain)),
            None => {
                return Err(StoreError::invalid(vec![Problem::new(
                    None,
                    format!(
                        "nothing to restore from: {} holds no backup and no journal",
                        dir.display()
                    ),
                )]));
            }
        },
    };
    // Never move a database another caseplan is using.
    if let Err(StoreError::Locked { path }) = Store::open_on(dir, today) {
        return Err(StoreError::Locked { path });
    }
    let aside = move_aside(dir)?;
    let store = Store::open_for_restore(dir, today)?;
    let mut fill = store.fill(false)?;
    if let Some(document) = &document {
        fill.file(document, &mut *on)?;
    }
    fill.finish()?;
    let replayed = chain
        .map(|c| store.replay(&c, &mut Meter::start(on, Stage::Replaying, None)))
        .transpose()?;
    if replayed.is_none() {
        // The journal does not lead to what was restored: it starts again from it, so a later
        // restore loses nothing either.
        store.journal_everything()?;
    }
    Ok(Restored {
        store,
        backup,
        backup_records,
        replayed,
        aside,
    })
}

/// The file name of `file` if it is one of the backups of `dir`.
fn own_backup_name(dir: &Path, file: &Path) -> Option<String> {
    let parent = file.parent()?.canonicalize().ok()?;
    let backups = dir.join(BACKUP_DIR).canonicalize().ok()?;
    let name = file.file_name()?.to_string_lossy().into_owned();
    (parent == backups && name.starts_with(PREFIX) && name.ends_with(SUFFIX)).then_some(name)
}

/// Moves the database directory aside to `db.damaged-<timestamp>`, and its archive beside it
/// to `archive.damaged-<timestamp>`: the backup and the journal hold the archived records too,
/// and they are archived again from the restored database.
fn move_aside(dir: &Path) -> Result<Option<PathBuf>, StoreError> {
    let db = dir.join(DB_DIR);
    let archive = super::archive::path(dir);
    let stamp = Utc::now().format("%Y%m%dT%H%M%S");
    if archive.exists() {
        let mut aside = dir.join(format!("{ARCHIVE_DIR}.damaged-{stamp}"));
        let mut n = 1;
        while aside.exists() {
            aside = dir.join(format!("{ARCHIVE_DIR}.damaged-{stamp}-{n}"));
            n += 1;
        }
        fs::rename(&archive, &aside).map_err(|e| {
            StoreError::io(format!("could not move {} aside", archive.display()), e)
        })?;
    }
    if !db.exists() {
        return Ok(None);
    }
    let mut aside = dir.join(format!("{DB_DIR}.damaged-{stamp}"));
    let mut n = 1;
    while aside.exists() {
        aside = dir.join(format!("{DB_DIR}.damaged-{stamp}-{n}"));
        n += 1;
    }
    fs::rename(&db, &aside).map_err(|e| {
        StoreError::io(
            format!(
                "could not move {} aside to {}",
                db.display(),
                aside.display()
            ),
            e,
        )
    })?;
    Ok(Some(aside))
}
