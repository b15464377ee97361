//! The daily backup composed from files alone: the previous backup with the journal after it
//! replayed over it, written as a new export document without reading the database.
//!
//! The first write of a day only starts a journal epoch named after the day's backup (a file
//! and a flush: what any write costs). That backup is the database as it was when the epoch
//! began, so it can be composed at any later moment from the backup before it and the epochs
//! in between, off every path a person waits on (the planner's second thread, after its first
//! frame). Until it is, a restore takes the backup before it and replays the longer chain.
//!
//! Memory grows with the changes since the previous backup, not with the caseload: the
//! previous backup is read one record at a time, each record of a kind in id order, and the
//! journal's changes are merged in as it passes their place.

use super::journal::{self, Epoch, Replayed};
use super::progress::{Meter, OnProgress, Stage};
use super::record::{AnyRecord, Change, Kind, RecordRef};
use super::{BACKUP_DIR, CURRENT_SCHEMA, ExportDocument, ExportFile, StoreError, files, migrate};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// What the backups and the journal of a data directory leave to do.
#[derive(Debug, PartialEq)]
pub(crate) enum Todo {
    /// Every epoch's backup is there (or no backup has been started).
    Nothing,
    /// The newest started backup, `target`, is missing and can be composed.
    Compose(Plan),
    /// The newest started backup is missing and the journal before it has a gap: only a full
    /// export of the database can write it.
    Broken { target: String },
}

/// A backup to compose.
#[derive(Debug, PartialEq)]
pub(crate) struct Plan {
    /// The file name of the backup to write.
    pub target: String,
    /// The backup it starts from; `None`: the empty database.
    pub base: Option<PathBuf>,
    /// The epochs from the base's up to (not including) the target's.
    pub chain: Vec<Epoch>,
}

/// What is left to do in the data directory `dir`: the backup of the newest epoch that follows
/// one, if that backup is missing. Older missing backups are never composed: they are days
/// whose backup was not needed before the next one began, and the chain covers them.
pub(crate) fn todo(dir: &Path) -> Todo {
    let epochs = journal::epochs(dir);
    let backups = dir.join(BACKUP_DIR);
    let Some(newest) = epochs.iter().rposition(|e| e.base.is_some()) else {
        return Todo::Nothing;
    };
    let Some(target) = epochs[newest].base.clone() else {
        return Todo::Nothing;
    };
    if backups.join(&target).exists() {
        return Todo::Nothing;
    }
    // Back from the target's epoch to the newest one whose backup is there (or the database's
    // first), every number in between present.
    let mut at = newest;
    while at > 0 && epochs[at - 1].number + 1 == epochs[at].number {
        at -= 1;
        let base = match &epochs[at].base {
            None => None,
            Some(name) if backups.join(name).exists() => Some(backups.join(name)),
            Some(_) => continue,
        };
        return Todo::Compose(Plan {
            target,
            base,
            chain: epochs[at..newest].to_vec(),
        });
    }
    Todo::Broken { target }
}

/// Writes the backup `plan` names into `dir`'s backups, through a temporary file renamed only
/// when whole. Gives up with [`StoreError::BackupStopped`] soon after `stop` is set: the
/// temporary file is never taken for a backup, and the next try starts again.
pub(crate) fn compose(
    dir: &Path,
    plan: &Plan,
    on: OnProgress,
    stop: &AtomicBool,
) -> Result<PathBuf, StoreError> {
    let backups = dir.join(BACKUP_DIR);
    let file = backups.join(&plan.target);
    let io = |e: std::io::Error| {
        StoreError::io(format!("could not write the backup {}", file.display()), e)
    };
    let mut overlay = Overlay::default();
    let (changes, last_at) =
        journal::replay_to_the_last(&plan.chain, migrate::STEPS, &mut |step| {
            overlay.apply(step);
            Ok(())
        })
        .map_err(|e| {
            StoreError::invalid(vec![super::Problem::new(
                None,
                format!("the backup could not be composed: {e}"),
            )])
        })?;
    // Reading the base (a parse of the whole document for its head, or a copy) looks at
    // `stop` every few kilobytes: at 10,000 cases either takes a second or more.
    let stopped = |err: StoreError| match stop.load(Ordering::Relaxed) {
        true => StoreError::BackupStopped,
        false => err,
    };
    let read = |path: &Path| {
        let from = std::fs::File::open(path).map_err(io)?;
        Ok::<_, StoreError>(Stoppable { inner: from, stop })
    };
    // Read whole first, so a damaged base is never carried forward.
    let base = match &plan.base {
        Some(path) if !overlay.replaced => {
            Some(ExportFile::open_from(path, read(path)?).map_err(stopped)?)
        }
        _ => None,
    };
    if changes == 0
        && let Some(base) = &base
    {
        // Nothing changed since the base: the same document under the day's name.
        let copy = |out: &mut dyn Write| {
            std::io::copy(&mut read(base.path())?, out)
                .map(|_| ())
                .map_err(io)
        };
        files::write_private_file_with(&file, copy, io).map_err(stopped)?;
        return Ok(file);
    }
    let exported_at = last_at.unwrap_or_else(Utc::now);
    let total = base.as_ref().map(ExportFile::record_count);
    files::write_private_file_with(
        &file,
        |out| {
            let mut doc = Document {
                out,
                overlay,
                open: None,
                kinds: Vec::new(),
                first: true,
                meter: Meter::start(&mut *on, Stage::Exporting, total),
                stop,
            };
            doc.head(exported_at)?;
            if let Some(base) = &base {
                base.records(&mut |record| doc.base_record(record))?;
            }
            doc.finish()
        },
        io,
    )?;
    Ok(file)
}

/// The journal's changes since the base: the last put of each record, or its delete (`None`).
#[derive(Default)]
struct Overlay {
    records: BTreeMap<RecordRef, Option<AnyRecord>>,
    /// A whole replacement (an import) came after the base: the base counts for nothing.
    replaced: bool,
}

impl Overlay {
    fn apply(&mut self, step: Replayed) {
        match step {
            Replayed::Changes(changes) => {
                for change in changes {
                    match change {
                        Change::Put(record) => {
                            self.records.insert(record.record_ref(), Some(record));
                        }
                        Change::Delete(at) => {
                            self.records.insert(at, None);
                        }
                    }
                }
            }
            Replayed::Replace { first, records } => {
                if first {
                    self.records.clear();
                    self.replaced = true;
                }
                for record in records {
                    self.records.insert(record.record_ref(), Some(record));
                }
            }
        }
    }

    /// Takes the first change of `kind` with an id below `below`.
    fn take_before(&mut self, kind: Kind, below: u64) -> Option<Option<AnyRecord>> {
        let from = RecordRef { kind, id: 0 };
        let (&at, _) = self.records.range(from..).next()?;
        if at.kind != kind || at.id >= below {
            return None;
        }
        self.records.remove(&at)
    }
}

/// The document being written: the base's records in its order, each kind's changes merged in
/// at their ids, the kinds the base lacks at the end.
struct Document<'a, 'b, 'c> {
    out: &'a mut dyn Write,
    overlay: Overlay,
    /// The kind whose array is open.
    open: Option<Kind>,
    /// The kinds written so far.
    kinds: Vec<Kind>,
    /// No record in the open array yet.
    first: bool,
    meter: Meter<'b, 'c>,
    stop: &'a AtomicBool,
}

fn write_error(e: std::io::Error) -> StoreError {
    StoreError::io("could not write the backup", e)
}

impl Document<'_, '_, '_> {
    fn head(&mut self, exported_at: DateTime<Utc>) -> Result<(), StoreError> {
        write!(
            self.out,
            "{{\"format\":\"{}\",\"schema\":{CURRENT_SCHEMA},\"exported_at\":",
            ExportDocument::FORMAT
        )
        .map_err(write_error)?;
        self.json(&exported_at)?;
        self.out.write_all(b",\"data\":{").map_err(write_error)
    }

    fn json(&mut self, value: &impl serde::Serialize) -> Result<(), StoreError> {
        serde_json::to_writer(&mut *self.out, value)
            .map_err(|e| write_error(std::io::Error::other(e)))
    }

    fn open_kind(&mut self, kind: Kind) -> Result<(), StoreError> {
        if self.open == Some(kind) {
            return Ok(());
        }
        self.close_kind()?;
        let separator = if self.kinds.is_empty() { "" } else { "," };
        write!(self.out, "{separator}\"{}\":[", kind.tree_name()).map_err(write_error)?;
        self.open = Some(kind);
        self.kinds.push(kind);
        self.first = true;
        Ok(())
    }

    /// Writes the open kind's remaining changes and closes its array.
    fn close_kind(&mut self) -> Result<(), StoreError> {
        let Some(kind) = self.open.take() else {
            return Ok(());
        };
        while let Some(change) = self.overlay.take_before(kind, u64::MAX) {
            self.put(change.as_ref())?;
        }
        self.out.write_all(b"]").map_err(write_error)
    }

    fn put(&mut self, record: Option<&AnyRecord>) -> Result<(), StoreError> {
        if self.stop.load(Ordering::Relaxed) {
            return Err(StoreError::BackupStopped);
        }
        let Some(record) = record else {
            return Ok(());
        };
        if !self.first {
            self.out.write_all(b",").map_err(write_error)?;
        }
        self.first = false;
        self.json(record)
    }

    fn base_record(&mut self, record: AnyRecord) -> Result<(), StoreError> {
        self.meter.add(1);
        let at = record.record_ref();
        self.open_kind(at.kind)?;
        while let Some(change) = self.overlay.take_before(at.kind, at.id) {
            self.put(change.as_ref())?;
        }
        match self.overlay.records.remove(&at) {
            Some(change) => self.put(change.as_ref()),
            None => self.put(Some(&record)),
        }
    }

    fn finish(mut self) -> Result<(), StoreError> {
        self.close_kind()?;
        for kind in Kind::ALL {
            if !self.kinds.contains(&kind) {
                self.open_kind(kind)?;
                self.close_kind()?;
            }
        }
        self.out.write_all(b"}}").map_err(write_error)?;
        self.meter.end();
        Ok(())
    }
}

/// A reader that fails once `stop` is set, so a long read of a backup ends soon after.
struct Stoppable<'a, R> {
    inner: R,
    stop: &'a AtomicBool,
}

impl<R: std::io::Read> std::io::Read for Stoppable<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.stop.load(Ordering::Relaxed) {
            return Err(std::io::Error::other("the backup was stopped"));
        }
        self.inner.read(buf)
    }
}
