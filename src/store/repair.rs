//! Repairs that lose nothing, tried in turn when sled cannot read its files, before the database
//! is called damaged. Each moves files out of `db/` into a new folder of `recovered/` (never
//! deleting them) so sled can open again:
//!
//! - an unfinished snapshot, `snap.<lsn>.generating`: sled writes a snapshot while it opens a
//!   database whose log runs past the last one, and a crash (or a full disk) in that window
//!   leaves the unfinished file, which sled then takes for the newest snapshot and cannot read;
//! - a damaged `conf`: it only records sled's fixed settings, which sled writes again;
//! - a damaged snapshot beside an intact log: sled rebuilds its page table from the log. That
//!   one is trusted only once the database agrees with the journal (`Store::check_journal`).

use super::{DB_DIR, Notice, RECOVERED_DIR, StoreError, files};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// One repair, in the order they are tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Repair {
    UnfinishedSnapshot,
    Conf,
    Snapshot,
}

pub(crate) const ORDER: [Repair; 3] = [Repair::UnfinishedSnapshot, Repair::Conf, Repair::Snapshot];

impl Repair {
    /// The files of `db/` this repair moves aside, if there are any.
    fn files(self, db: &Path) -> Vec<PathBuf> {
        let names: Vec<String> = fs::read_dir(db)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        let mut chosen: Vec<String> = match self {
            Repair::UnfinishedSnapshot => names
                .into_iter()
                .filter(|n| n.starts_with("snap.") && n.ends_with(".generating"))
                .collect(),
            Repair::Conf => names.into_iter().filter(|n| n == "conf").collect(),
            // sled reads the snapshot whose name sorts last; that is the one it could not read.
            Repair::Snapshot => names
                .into_iter()
                .filter(|n| n.starts_with("snap.") && !n.ends_with(".generating"))
                .max()
                .into_iter()
                .collect(),
        };
        chosen.sort();
        chosen.into_iter().map(|n| db.join(n)).collect()
    }

    /// Moves this repair's files aside; `None` when there is nothing for it to do.
    pub(crate) fn apply(self, dir: &Path) -> Result<Option<Notice>, StoreError> {
        let db = dir.join(DB_DIR);
        let found = self.files(&db);
        if found.is_empty() {
            return Ok(None);
        }
        let cannot = |e| {
            StoreError::io(
                format!("could not move damaged files out of {}", db.display()),
                e,
            )
        };
        // Hold sled's own lock while the files move, so a caseplan starting meanwhile cannot
        // be writing them.
        let _lock = lock(&db)?;
        let to = new_recovered_dir(dir).map_err(cannot)?;
        for file in &found {
            if let Some(name) = file.file_name() {
                fs::rename(file, to.join(name)).map_err(cannot)?;
            }
        }
        super::journal::sync_dir(&db).map_err(cannot)?;
        let names = found
            .iter()
            .filter_map(|f| f.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .collect();
        Ok(Some(Notice::MovedAside {
            what: self.describe(),
            files: names,
            to,
        }))
    }

    /// What the moved files were, for the notice.
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Repair::UnfinishedSnapshot => {
                "an unfinished snapshot, left by a start that was interrupted, kept the database \
                 from opening"
            }
            Repair::Conf => "sled's settings file was damaged and was written again",
            Repair::Snapshot => {
                "a damaged snapshot kept the database from opening; it was rebuilt from the log \
                 and agrees with the journal"
            }
        }
    }
}

/// A new folder `recovered/<timestamp>` for files moved out of the way.
pub(crate) fn new_recovered_dir(dir: &Path) -> io::Result<PathBuf> {
    let base = dir.join(RECOVERED_DIR);
    files::create_private_dir(&base)?;
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S");
    let mut to = base.join(stamp.to_string());
    let mut n = 1;
    while to.exists() {
        to = base.join(format!("{stamp}-{n}"));
        n += 1;
    }
    files::create_private_dir(&to)?;
    Ok(to)
}

/// sled's exclusive lock on its data file (an advisory `flock`, as sled takes it).
fn lock(db: &Path) -> Result<Option<fs::File>, StoreError> {
    let Ok(file) = fs::File::open(db.join("db")) else {
        return Ok(None);
    };
    #[cfg(unix)]
    {
        use std::os::unix::io::AsRawFd;
        // SAFETY: flock on a descriptor this function owns; released when the file is closed.
        let held = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
        if held != 0 {
            return Err(StoreError::Locked {
                path: db.parent().unwrap_or(db).to_path_buf(),
            });
        }
    }
    Ok(Some(file))
}
