//! Export documents and import: the whole database as one JSON document.

use super::journal::{Journal, Mark};
use super::keys::u64_at;
use super::migrate::CURRENT_SCHEMA;
use super::progress::{Meter, OnProgress, Stage, quiet};
use super::reader::{self, Head};
use super::record::{AnyRecord, Kind};
use super::validate::Validator;
use super::{IMPORT_MARK_KEY, Store, StoreError};
use crate::model::Dataset;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// The order a streamed export reads the kinds in: records that refer to cases and contacts
/// first, cases and then contacts last. The daily backup streams while the planner may write;
/// a case and its first meeting are written together, so a meeting read early means its case
/// exists when cases are read later, and the backup's references stay whole.
const WRITE_ORDER: [Kind; 10] = [
    Kind::External,
    Kind::Rebooking,
    Kind::Meeting,
    Kind::Course,
    Kind::MedicalRequest,
    Kind::Agreement,
    Kind::Event,
    Kind::Note,
    Kind::Case,
    Kind::Contact,
];

/// Records per sled batch while records are written straight into the database.
const FILL_PART: usize = 2048;

/// A whole database as a document: the format of backups and of `caseplan export`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportDocument {
    /// Always [`ExportDocument::FORMAT`].
    pub format: String,
    pub schema: u32,
    pub exported_at: DateTime<Utc>,
    pub data: Dataset,
}

impl ExportDocument {
    pub const FORMAT: &'static str = "caseplan-export";

    pub fn new(data: Dataset, exported_at: DateTime<Utc>) -> ExportDocument {
        ExportDocument {
            format: Self::FORMAT.into(),
            schema: CURRENT_SCHEMA,
            exported_at,
            data,
        }
    }

    /// Pretty JSON; the same data and time give the same bytes.
    pub fn to_json(&self) -> String {
        // Plain data with string keys always serialises.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads a whole document into memory, refusing other formats and newer schemas; records
    /// of an older schema are upgraded. For tests and small documents: an import or a restore
    /// reads an [`ExportFile`] one record at a time.
    pub fn from_json(text: &str) -> Result<ExportDocument, StoreError> {
        let head = reader::head(text.as_bytes())?;
        let mut data = Dataset::default();
        reader::records(text.as_bytes(), head.schema, &mut |record| {
            record.push_into(&mut data);
            Ok(())
        })?;
        Ok(ExportDocument::new(data, head.exported_at))
    }
}

/// An export document on disk whose head has been read: a caseplan export of a schema this
/// caseplan reads. Its records are read when it is imported or restored, one at a time, so a
/// large caseload is never held in memory.
#[derive(Debug)]
pub struct ExportFile {
    path: PathBuf,
    head: Head,
}

impl ExportFile {
    /// Opens `path` and reads its head (the records are skipped, their syntax checked).
    pub fn open(path: &Path) -> Result<ExportFile, StoreError> {
        Self::open_from(path, Self::file(path)?)
    }

    /// [`ExportFile::open`] with the document at `path` read through `reader`.
    pub(crate) fn open_from(path: &Path, reader: impl Read) -> Result<ExportFile, StoreError> {
        let head = reader::head(reader)?;
        Ok(ExportFile {
            path: path.to_path_buf(),
            head,
        })
    }

    fn file(path: &Path) -> Result<File, StoreError> {
        File::open(path)
            .map_err(|e| StoreError::io(format!("could not read {}", path.display()), e))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// How many records the document holds.
    pub fn record_count(&self) -> u64 {
        self.head.records
    }

    /// Every record, upgraded to the current schema, into `sink` in document order.
    pub(crate) fn records(&self, sink: reader::Sink) -> Result<(), StoreError> {
        reader::records(Self::file(&self.path)?, self.head.schema, sink).map(|_| ())
    }

    /// Every record checked as an import checks it; returns how many there are.
    pub(crate) fn validate(&self, on: OnProgress) -> Result<usize, StoreError> {
        let mut check = Validator::default();
        let mut count = 0;
        let mut meter = Meter::start(on, Stage::Checking, Some(self.record_count()));
        self.records(&mut |record| {
            check.record(&record);
            count += 1;
            meter.add(1);
            Ok(())
        })?;
        meter.end();
        check.finish().map(|()| count)
    }
}

impl Store {
    /// Every record, each kind sorted by id.
    pub fn export(&self) -> Result<Dataset, StoreError> {
        self.export_reporting(&mut quiet)
    }

    /// Like [`Store::export`], saying how far it has come.
    pub fn export_reporting(&self, on: OnProgress) -> Result<Dataset, StoreError> {
        let mut data = Dataset::default();
        let mut meter = Meter::start(on, Stage::Exporting, Some(self.record_total()));
        for kind in Kind::ALL {
            for item in self.records_of(kind)? {
                meter.add(1);
                let (key, value) = item.map_err(|e| self.read_error(e))?;
                AnyRecord::decode(kind, &value)
                    .map_err(|d| {
                        self.damaged(format!("{kind} {}: {d}", u64_at(&key, 0).unwrap_or(0)))
                    })?
                    .push_into(&mut data);
            }
        }
        meter.end();
        Ok(data)
    }

    /// How many records the database holds.
    fn record_total(&self) -> u64 {
        self.counts().iter().map(|(_, n)| *n as u64).sum()
    }

    /// The export document of the whole database.
    pub fn export_document(
        &self,
        exported_at: DateTime<Utc>,
    ) -> Result<ExportDocument, StoreError> {
        Ok(ExportDocument::new(self.export()?, exported_at))
    }

    /// Writes the export document of the whole database to `out` one record at a time, so a
    /// large caseload is never held in memory at once (daily backups). Compact JSON, records in
    /// id order; it reads back exactly like [`ExportDocument::to_json`]'s pretty form.
    pub fn write_export(
        &self,
        out: &mut dyn std::io::Write,
        exported_at: DateTime<Utc>,
        on: OnProgress,
    ) -> Result<(), StoreError> {
        self.write_export_until(out, exported_at, on, &AtomicBool::new(false))
    }

    /// Like [`Store::write_export`], giving up with [`StoreError::BackupStopped`] as soon as
    /// `stop` is set (checked between records).
    pub(crate) fn write_export_until(
        &self,
        out: &mut dyn std::io::Write,
        exported_at: DateTime<Utc>,
        on: OnProgress,
        stop: &AtomicBool,
    ) -> Result<(), StoreError> {
        let mut meter = Meter::start(on, Stage::Exporting, Some(self.record_total()));
        let io = |e| StoreError::io("could not write the export", e);
        let json = |e: serde_json::Error| StoreError::io("could not write the export", e.into());
        write!(
            out,
            "{{\"format\":\"{}\",\"schema\":{CURRENT_SCHEMA},\"exported_at\":",
            ExportDocument::FORMAT
        )
        .map_err(io)?;
        serde_json::to_writer(&mut *out, &exported_at).map_err(json)?;
        out.write_all(b",\"data\":{").map_err(io)?;
        for (i, kind) in WRITE_ORDER.iter().enumerate() {
            let separator = if i == 0 { "" } else { "," };
            write!(out, "{separator}\"{}\":[", kind.tree_name()).map_err(io)?;
            for (j, item) in self.records_of(*kind)?.enumerate() {
                if stop.load(Ordering::Relaxed) {
                    return Err(StoreError::BackupStopped);
                }
                let (_, value) = item.map_err(|e| self.read_error(e))?;
                // Records were upgraded to the current schema when the database was opened.
                let (_, data) = super::codec::decode_raw(&value).map_err(|e| self.damaged(e))?;
                if j > 0 {
                    out.write_all(b",").map_err(io)?;
                }
                serde_json::to_writer(&mut *out, &data).map_err(json)?;
                meter.add(1);
            }
            out.write_all(b"]").map_err(io)?;
        }
        out.write_all(b"}}").map_err(io)?;
        meter.end();
        Ok(())
    }

    /// Imports `data` into an empty database. Everything is validated first; on any problem
    /// nothing is written and the error lists the problems.
    pub fn import(&self, data: &Dataset) -> Result<(), StoreError> {
        self.import_reporting(data, &mut quiet)
    }

    /// Like [`Store::import`], saying how far it has come.
    pub fn import_reporting(&self, data: &Dataset, on: OnProgress) -> Result<(), StoreError> {
        let total = data.record_count() as u64;
        self.import_with(
            false,
            Some(total),
            &mut |sink| AnyRecord::all_in(data).try_for_each(&mut *sink),
            on,
        )
        .map(|_| ())
    }

    /// Like [`Store::import`], but replaces whatever the database holds.
    pub fn import_replacing(&self, data: &Dataset) -> Result<(), StoreError> {
        self.import_with(
            true,
            None,
            &mut |sink| AnyRecord::all_in(data).try_for_each(&mut *sink),
            &mut quiet,
        )
        .map(|_| ())
    }

    /// Imports the document `file`, read one record at a time; `replace` replaces whatever the
    /// database holds. As [`Store::import`]: on any problem nothing is written. Returns how many
    /// records were imported.
    pub fn import_file(
        &self,
        file: &ExportFile,
        replace: bool,
        on: OnProgress,
    ) -> Result<usize, StoreError> {
        let total = Some(file.record_count());
        self.import_with(replace, total, &mut |sink| file.records(sink), on)
    }

    /// The import: `read` hands every record to its sink once.
    ///
    /// The journal is the staging area. Each record is checked as it is read and appended to
    /// the journal as part of a bulk replacement that is not finished yet (a replay skips
    /// such a one); a record with a problem, and every record after it, is only checked, so
    /// no refused text reaches the disk. On any problem the journal is cut back and the
    /// database was never touched. Otherwise the replacement is finished and flushed and read
    /// back from the journal into the database. The document is read once, so it may be a
    /// stream, and what is written is exactly what was checked. `total` is how many records
    /// `read` will hand on, when known, for the reports to `on`.
    fn import_with(
        &self,
        replace: bool,
        total: Option<u64>,
        read: &mut dyn FnMut(reader::Sink) -> Result<(), StoreError>,
        on: OnProgress,
    ) -> Result<usize, StoreError> {
        if !replace && !self.is_empty() {
            return Err(StoreError::NotEmpty {
                path: self.dir.clone(),
                records: self.counts().iter().map(|(_, n)| n).sum(),
            });
        }
        let cannot = |e| StoreError::write_io("could not write the import to the journal", e);
        self.with_journal(|journal| {
            let mut bulk = journal.replacement();
            let mut check = Validator::default();
            let mut count = 0;
            let mut meter = Meter::start(&mut *on, Stage::Checking, total);
            read(&mut |record| {
                count += 1;
                meter.add(1);
                match check.record(&record) {
                    true => bulk.push(record).map_err(cannot),
                    false => Ok(()),
                }
            })?;
            meter.end();
            // Dropped unfinished on a problem: cut off again.
            check.finish()?;
            let mark = bulk.finish().map_err(cannot)?;
            let mut meter = Meter::start(&mut *on, Stage::Writing, Some(count as u64));
            self.fill_from_journal(journal, mark, replace, &mut meter)
                .inspect_err(|_| journal.cut(mark))?;
            meter.end();
            Ok(count)
        })
    }

    /// Writes the bulk replacement finished in `journal` since `mark` into the database.
    fn fill_from_journal(
        &self,
        journal: &Journal,
        mark: Mark,
        replace: bool,
        meter: &mut Meter,
    ) -> Result<(), StoreError> {
        let unreadable = |detail: String| {
            StoreError::write_io(
                "could not read the import back from the journal",
                std::io::Error::other(detail),
            )
        };
        let parts = journal.parts_since(mark).map_err(|e| {
            StoreError::write_io("could not read the import back from the journal", e)
        })?;
        let mut fill = self.fill(replace)?;
        for part in parts {
            let part = part.map_err(unreadable)?;
            fill.part(&part)?;
            meter.add(part.len() as u64);
        }
        fill.finish()
    }

    /// Starts writing records straight into the database, without the journal (an import read
    /// back from it, a restore): the mark makes an interrupted fill visible on the next open.
    pub(crate) fn fill(&self, replace: bool) -> Result<Fill<'_>, StoreError> {
        self.meta_set(IMPORT_MARK_KEY, b"1")?;
        self.flush()?;
        if replace {
            self.clear_all()?;
        }
        Ok(Fill {
            store: self,
            max_id: 0,
        })
    }

    /// Removes every record and index entry, the archive's too.
    pub(crate) fn clear_all(&self) -> Result<(), StoreError> {
        self.clear_archive()?;
        for tree in &self.trees {
            tree.clear()
                .map_err(|e| StoreError::sled("could not clear the database", e))?;
        }
        Ok(())
    }

    /// Writes `records` and their index entries, one batch per tree, without a flush. Returns
    /// the highest id written.
    pub(crate) fn write_part(&self, records: &[AnyRecord]) -> Result<u64, StoreError> {
        super::archive::write_records(&self.trees, records)?;
        Ok(records.iter().map(AnyRecord::id).max().unwrap_or(0))
    }
}

/// Records being written straight into the database: see [`Store::fill`].
pub(crate) struct Fill<'a> {
    store: &'a Store,
    max_id: u64,
}

impl Fill<'_> {
    /// Writes one part of the records.
    pub(crate) fn part(&mut self, records: &[AnyRecord]) -> Result<(), StoreError> {
        self.max_id = self.max_id.max(self.store.write_part(records)?);
        Ok(())
    }

    /// Writes `file`'s records, [`FILL_PART`] at a time.
    pub(crate) fn file(&mut self, file: &ExportFile, on: OnProgress) -> Result<(), StoreError> {
        let mut meter = Meter::start(on, Stage::Writing, Some(file.record_count()));
        let mut part = Vec::with_capacity(FILL_PART);
        file.records(&mut |record| {
            part.push(record);
            if part.len() == FILL_PART {
                self.part(&part)?;
                meter.add(part.len() as u64);
                part.clear();
            }
            Ok(())
        })?;
        self.part(&part)?;
        meter.add(part.len() as u64);
        meter.end();
        Ok(())
    }

    /// Raises the id offset above every id written, clears the mark and flushes.
    pub(crate) fn finish(self) -> Result<(), StoreError> {
        let store = self.store;
        if self.max_id > store.id_offset.load(Ordering::SeqCst) {
            store.set_id_offset(self.max_id)?;
        }
        store.rebuild_summaries()?;
        store.meta_remove(IMPORT_MARK_KEY)?;
        store.flush()
    }
}
