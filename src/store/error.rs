//! What can go wrong with the data, in words for a caseworker.

use super::record::RecordRef;
use crate::privacy::CprError;
use std::fmt;
use std::path::PathBuf;
use thiserror::Error;

/// One problem found by an import's validation or by `Store::check`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The record concerned, when there is one.
    pub record: Option<RecordRef>,
    pub message: String,
}

impl Problem {
    pub fn new(record: Option<RecordRef>, message: impl Into<String>) -> Problem {
        Problem {
            record,
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.record {
            Some(r) => write!(f, "{r}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// How many problems an error lists; the rest are counted.
pub const MAX_LISTED_PROBLEMS: usize = 20;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("another caseplan is already using {}; close it first", path.display())]
    Locked { path: PathBuf },

    #[error("the database in {} is damaged ({detail}). {recovery}", path.display())]
    Damaged {
        path: PathBuf,
        detail: String,
        recovery: Recovery,
    },

    #[error(
        "the database in {} is missing: its folder db/ is gone or empty, while backups or the \
         change journal are beside it. {recovery} To start an empty database instead, move the \
         folders backups/ and journal/ out of {} first.",
        path.display(),
        path.display()
    )]
    Missing { path: PathBuf, recovery: Recovery },

    #[error(
        "the database in {} was written by a newer caseplan (schema {found}); this one reads up \
         to {supported}. Install the newer caseplan to open it.",
        path.display()
    )]
    NewerSchema {
        path: PathBuf,
        found: u32,
        supported: u32,
    },

    #[error(transparent)]
    Cpr(#[from] CprError),

    #[error("the field \"{field}\" holds {source}")]
    DateOutOfRange {
        record: RecordRef,
        field: &'static str,
        source: crate::time::range::OutOfRange,
    },

    #[error(
        "the id {} is outside 1 to {max}: caseplan gives out its ids itself (an export keeps \
         them, and an import may bring ids up to {})",
        record.id,
        super::MAX_IMPORTED_ID
    )]
    IdOutOfRange { record: RecordRef, max: u64 },

    #[error(
        "caseplan has given out every id up to {}; nothing was saved. Export the data and \
         import it into a new data directory, which numbers it again.",
        super::MAX_ID
    )]
    IdsExhausted,

    /// A backup was told to stop before it was whole (the planner quit while writing it).
    #[error("the backup was stopped before it was whole; it is written again next time")]
    BackupStopped,

    #[error(
        "nothing was imported: the data has {total} problem(s):\n{}{}\nFix them in the file and \
         import again.",
        list_problems(problems),
        more_problems(*total, problems.len())
    )]
    Invalid {
        /// The first problems (at most [`MAX_LISTED_PROBLEMS`]).
        problems: Vec<Problem>,
        total: usize,
    },

    #[error(
        "nothing was imported: the database in {} already holds {records} records. Import into an \
         empty data directory, or choose to replace the data (the current data is then lost \
         unless you keep a backup).",
        path.display()
    )]
    NotEmpty { path: PathBuf, records: usize },

    /// A write that could not be made: the disk is full or the data directory read-only.
    #[error("{kind}: nothing was saved ({context}). {}", kind.advice())]
    Unwritable { kind: Unwritable, context: String },

    /// The database could not even be opened for reading, for the same reasons.
    #[error(
        "{kind}, and the database in {} cannot be opened even for reading ({context}). {} \
         Nothing saved is lost.",
        path.display(),
        kind.advice()
    )]
    CannotOpen {
        kind: Unwritable,
        path: PathBuf,
        context: String,
    },

    /// Internal: a first start was interrupted; the open moves its files aside and starts again.
    #[error("an interrupted first start left database files holding nothing")]
    UnfinishedNew,

    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },

    #[error("{context}: {source}")]
    Sled {
        context: String,
        #[source]
        source: sled::Error,
    },
}

/// Why nothing can be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unwritable {
    DiskFull,
    ReadOnly,
}

impl Unwritable {
    /// The kind of an operating-system error that stops every write, if it is one. A file too
    /// large for the process's limit stops writes as a full disk does.
    pub(crate) fn of(err: &std::io::Error) -> Option<Unwritable> {
        match err.raw_os_error()? {
            libc::ENOSPC | libc::EDQUOT | libc::EFBIG => Some(Unwritable::DiskFull),
            libc::EROFS | libc::EACCES | libc::EPERM => Some(Unwritable::ReadOnly),
            _ => None,
        }
    }

    fn advice(self) -> &'static str {
        match self {
            Unwritable::DiskFull => "Free some space on the disk and try again.",
            Unwritable::ReadOnly => "Make the data directory writable and try again.",
        }
    }
}

impl fmt::Display for Unwritable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Unwritable::DiskFull => "the disk is full",
            Unwritable::ReadOnly => "the data directory is read-only",
        })
    }
}

/// How a database can be brought back: the advice of a damaged or missing database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recovery {
    /// The newest backup, and whether the journal holds every change made after it.
    Backup { file: PathBuf, journal: bool },
    /// No backup, but the journal reaches back to the database's start.
    Journal,
    /// Neither.
    Nothing,
}

impl fmt::Display for Recovery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Recovery::Backup {
                file,
                journal: true,
            } => write!(
                f,
                "Nothing will be lost: restore it with `caseplan restore {}`, which puts back \
                 that backup (the newest) and replays every change saved since from the journal.",
                file.display()
            ),
            Recovery::Backup {
                file,
                journal: false,
            } => write!(
                f,
                "The newest backup is {}; restore it with `caseplan restore {}` (the journal does \
                 not reach back to it, so changes made after it are lost).",
                file.display(),
                file.display()
            ),
            Recovery::Journal => f.write_str(
                "Nothing will be lost: restore it with `caseplan restore`, which rebuilds it from \
                 the journal of every change saved.",
            ),
            Recovery::Nothing => {
                f.write_str("No backup was found; restore one with: caseplan restore <backup file>")
            }
        }
    }
}

/// Something opening the database repaired or completed; each is said in one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A change a crash interrupted after it reached the journal was completed from it.
    CompletedLastChange { epoch: u64, seq: u64 },
    /// The journal ended in an unfinished line (a write that was never acknowledged).
    UnfinishedJournalLine { saved_to: PathBuf },
    /// Files that kept sled from opening were moved out of `db/` and the open succeeded.
    MovedAside {
        what: &'static str,
        files: Vec<String>,
        to: PathBuf,
    },
    /// Nothing can be written, so the database was opened from a copy, for reading only.
    ReadOnlyView { kind: Unwritable },
    /// The data files of a database whose very first start was interrupted (nothing had been
    /// saved yet) were moved aside and a new database started.
    UnfinishedNewDatabase { to: PathBuf },
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::CompletedLastChange { epoch, seq } => write!(
                f,
                "caseplan stopped while saving a change last time; it was completed from the \
                 journal (epoch {epoch}, entry {seq})"
            ),
            Notice::MovedAside { what, files, to } => write!(
                f,
                "{what}: {} moved to {}; nothing was lost",
                files.join(", "),
                to.display()
            ),
            Notice::ReadOnlyView { kind } => write!(
                f,
                "{kind}: the database is open for reading only and nothing can be saved; {}",
                kind.advice().to_lowercase()
            ),
            Notice::UnfinishedNewDatabase { to } => write!(
                f,
                "the first start of this database was interrupted before anything was saved; \
                 its files were moved to {} and a new database started",
                to.display()
            ),
            Notice::UnfinishedJournalLine { saved_to } => write!(
                f,
                "the journal ended in an unfinished line from a write that was never saved; it \
                 was moved to {}",
                saved_to.display()
            ),
        }
    }
}

fn list_problems(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("  - {p}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn more_problems(total: usize, listed: usize) -> String {
    if total > listed {
        format!("\n  … and {} more", total - listed)
    } else {
        String::new()
    }
}

impl StoreError {
    pub(crate) fn io(context: impl Into<String>, source: std::io::Error) -> StoreError {
        StoreError::Io {
            context: context.into(),
            source,
        }
    }

    /// An error of a write: a full disk or a read-only directory says so.
    pub(crate) fn write_io(context: impl Into<String>, source: std::io::Error) -> StoreError {
        match Unwritable::of(&source) {
            Some(kind) => StoreError::Unwritable {
                kind,
                context: context.into(),
            },
            None => StoreError::io(context, source),
        }
    }

    /// An error of sled while writing: a full disk or a read-only directory says so.
    pub(crate) fn sled(context: impl Into<String>, source: sled::Error) -> StoreError {
        match source {
            sled::Error::Io(io) => StoreError::write_io(context, io),
            source => StoreError::Sled {
                context: context.into(),
                source,
            },
        }
    }

    /// Why nothing could be written, if that is what this error says.
    pub fn unwritable(&self) -> Option<Unwritable> {
        match self {
            StoreError::Unwritable { kind, .. } | StoreError::CannotOpen { kind, .. } => {
                Some(*kind)
            }
            _ => None,
        }
    }

    /// An `Invalid` error from every problem found, listing the first ones.
    pub(crate) fn invalid(mut problems: Vec<Problem>) -> StoreError {
        let total = problems.len();
        problems.truncate(MAX_LISTED_PROBLEMS);
        StoreError::Invalid { problems, total }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damaged_names_the_backup_and_the_restore_command() {
        let err = StoreError::Damaged {
            path: "/data/caseplan".into(),
            detail: "garbage".into(),
            recovery: Recovery::Backup {
                file: "/data/caseplan/backups/caseplan-2026-11-24.json".into(),
                journal: true,
            },
        };
        let msg = err.to_string();
        assert!(msg.contains("/data/caseplan is damaged"), "{msg}");
        assert!(
            msg.contains("caseplan restore /data/caseplan/backups/caseplan-2026-11-24.json"),
            "{msg}"
        );
        assert!(msg.contains("Nothing will be lost"), "{msg}");
        assert!(msg.contains("replays every change saved since"), "{msg}");
    }

    #[test]
    fn without_a_journal_the_advice_says_what_is_lost() {
        let advice = Recovery::Backup {
            file: "/d/backups/caseplan-2026-11-24.json".into(),
            journal: false,
        }
        .to_string();
        assert!(!advice.contains("Nothing will be lost"), "{advice}");
        assert!(
            advice.contains("changes made after it are lost"),
            "{advice}"
        );
    }

    #[test]
    fn invalid_lists_the_first_problems_and_counts_the_rest() {
        let problems = (0..25)
            .map(|i| Problem::new(None, format!("problem {i}")))
            .collect();
        let msg = StoreError::invalid(problems).to_string();
        assert!(msg.contains("25 problem(s)"), "{msg}");
        assert!(
            msg.contains("problem 19") && !msg.contains("problem 20"),
            "{msg}"
        );
        assert!(msg.contains("and 5 more"), "{msg}");
    }
}
