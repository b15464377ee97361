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
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::CompletedLastChange { epoch, seq } => write!(
                f,
                "caseplan stopped while saving a change last time; it was completed from the \
                 journal (epoch {epoch}, entry {seq})"
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

    pub(crate) fn sled(context: impl Into<String>, source: sled::Error) -> StoreError {
        StoreError::Sled {
            context: context.into(),
            source,
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
