//! Daily backups as export documents in `<data dir>/backups/`, and restoring one.

use super::error::Problem;
use super::{
    BACKUP_DIR, DB_DIR, ExportDocument, LAST_BACKUP_KEY, Store, StoreError, files, validate,
};
use chrono::{DateTime, NaiveDate, Utc};
use std::fs;
use std::path::{Path, PathBuf};

/// How many daily backups are kept.
pub const KEEP: usize = 14;

const PREFIX: &str = "caseplan-";
const SUFFIX: &str = ".json";

/// Writes today's backup the first time the database is opened on a new day, and keeps the
/// newest [`KEEP`]. Returns the file written, or `None` when today's backup exists already
/// or the database is empty (an empty backup must not push out real ones).
pub fn daily(
    store: &Store,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Option<PathBuf>, StoreError> {
    let stamp = today.format("%Y-%m-%d").to_string();
    let last = store.meta_get(super::LAST_BACKUP_KEY)?;
    if last.as_deref() == Some(stamp.as_bytes()) || store.is_empty() {
        return Ok(None);
    }
    let dir = store.dir().join(BACKUP_DIR);
    files::create_private_dir(&dir)
        .map_err(|e| StoreError::io(format!("could not create {}", dir.display()), e))?;
    let file = dir.join(format!("{PREFIX}{stamp}{SUFFIX}"));
    files::write_private_file_with(
        &file,
        |out| store.write_export(out, now),
        |e| StoreError::io(format!("could not write the backup {}", file.display()), e),
    )?;
    store.meta_set(LAST_BACKUP_KEY, stamp.as_bytes())?;
    store.flush()?;
    let backups = list(store.dir());
    for (_, old) in backups.iter().rev().skip(KEEP) {
        fs::remove_file(old).map_err(|e| {
            StoreError::io(
                format!("could not remove the old backup {}", old.display()),
                e,
            )
        })?;
    }
    Ok(Some(file))
}

/// The newest backup of the data directory `dir`, if any.
pub fn newest(dir: &Path) -> Option<PathBuf> {
    list(dir).pop().map(|(_, path)| path)
}

/// The backups of `dir`, oldest first.
pub fn list(dir: &Path) -> Vec<(NaiveDate, PathBuf)> {
    let Ok(entries) = fs::read_dir(dir.join(BACKUP_DIR)) else {
        return Vec::new();
    };
    let mut out: Vec<(NaiveDate, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let stamp = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
            let date = NaiveDate::parse_from_str(stamp, "%Y-%m-%d").ok()?;
            Some((date, entry.path()))
        })
        .collect();
    out.sort();
    out
}

/// Replaces the database of `dir` by the backup `backup_file`. The current database is moved
/// aside to `db.damaged-<timestamp>`, never deleted. The backup is validated first, so a bad
/// backup leaves everything as it was.
pub fn restore(dir: &Path, backup_file: &Path) -> Result<Store, StoreError> {
    let text = fs::read_to_string(backup_file).map_err(|e| {
        StoreError::io(
            format!("could not read the backup {}", backup_file.display()),
            e,
        )
    })?;
    let document = ExportDocument::from_json(&text)?;
    let problems = validate::dataset(&document.data);
    if !problems.is_empty() {
        return Err(StoreError::invalid(problems));
    }
    // Never move a database another caseplan is using.
    if let Err(StoreError::Locked { path }) = Store::open(dir) {
        return Err(StoreError::Locked { path });
    }
    let db = dir.join(DB_DIR);
    if db.exists() {
        let stamp = Utc::now().format("%Y%m%dT%H%M%S");
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
    }
    let store = Store::open(dir)?;
    store.import(&document.data).map_err(|err| match err {
        StoreError::NotEmpty { .. } => {
            StoreError::invalid(vec![Problem::new(None, "the fresh database was not empty")])
        }
        other => other,
    })?;
    Ok(store)
}
