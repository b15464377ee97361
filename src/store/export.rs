//! Export documents and import: the whole database as one JSON document.

use super::error::Problem;
use super::keys::{id_key, u64_at};
use super::migrate::{self, CURRENT_SCHEMA};
use super::record::{AnyRecord, Kind};
use super::trees::TreeId;
use super::{IMPORT_MARK_KEY, Store, StoreError, index, validate};
use crate::model::Dataset;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::sync::atomic::Ordering;

/// The order a streamed export reads the kinds in: records that refer to cases and contacts
/// first, cases and then contacts last. The daily backup streams while the planner may write;
/// a case and its first meeting are written together, so a meeting read early means its case
/// exists when cases are read later, and the backup's references stay whole.
const WRITE_ORDER: [Kind; 9] = [
    Kind::External,
    Kind::Meeting,
    Kind::Course,
    Kind::MedicalRequest,
    Kind::Agreement,
    Kind::Event,
    Kind::Note,
    Kind::Case,
    Kind::Contact,
];

/// Records per sled batch during an import.
const IMPORT_CHUNK: usize = 2048;

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

    /// Reads the document in `file`.
    pub fn read_file(file: &std::path::Path) -> Result<ExportDocument, StoreError> {
        let text = std::fs::read_to_string(file)
            .map_err(|e| StoreError::io(format!("could not read {}", file.display()), e))?;
        Self::from_json(&text)
    }

    /// Reads a document, refusing other formats and newer schemas.
    pub fn from_json(text: &str) -> Result<ExportDocument, StoreError> {
        #[derive(Deserialize)]
        struct Header {
            format: Option<String>,
            schema: Option<u32>,
        }
        let not_export = |detail: String| {
            StoreError::invalid(vec![Problem::new(
                None,
                format!("the file is not a caseplan export: {detail}"),
            )])
        };
        let header: Header = serde_json::from_str(text).map_err(|e| not_export(e.to_string()))?;
        if header.format.as_deref() != Some(Self::FORMAT) {
            return Err(not_export(format!(
                "\"format\" must be \"{}\"",
                Self::FORMAT
            )));
        }
        match header.schema {
            Some(schema) if schema > CURRENT_SCHEMA => {
                return Err(StoreError::invalid(vec![Problem::new(
                    None,
                    format!(
                        "the file was written by a newer caseplan (schema {schema}); this one \
                         reads up to {CURRENT_SCHEMA}"
                    ),
                )]));
            }
            Some(CURRENT_SCHEMA) => {}
            Some(older @ 1..) => return upgraded(text, older).map_err(not_export),
            _ => {
                return Err(not_export(format!(
                    "\"schema\" must be a number from 1 to {CURRENT_SCHEMA}"
                )));
            }
        }
        serde_json::from_str(text).map_err(|e| not_export(e.to_string()))
    }
}

/// A document of an older schema with every record brought up to the current one, as the
/// database's own records are when it is opened: old backups stay restorable.
fn upgraded(text: &str, schema: u32) -> Result<ExportDocument, String> {
    let mut document: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    if let Some(data) = document
        .get_mut("data")
        .and_then(serde_json::Value::as_object_mut)
    {
        for (name, records) in data.iter_mut() {
            // An unknown kind is left for the reader below to name.
            let (Some(kind), Some(records)) = (Kind::from_tree_name(name), records.as_array_mut())
            else {
                continue;
            };
            for record in records.iter_mut() {
                let old = std::mem::take(record);
                *record = migrate::upgrade(migrate::STEPS, kind, schema, old)
                    .map_err(|e| format!("{}: {e}", kind.label()))?;
            }
        }
    }
    document["schema"] = CURRENT_SCHEMA.into();
    serde_json::from_value(document).map_err(|e| e.to_string())
}

impl Store {
    /// Every record, each kind sorted by id.
    pub fn export(&self) -> Result<Dataset, StoreError> {
        let mut data = Dataset::default();
        for kind in Kind::ALL {
            for item in self.tree(TreeId::Record(kind)).iter() {
                let (key, value) = item.map_err(|e| self.read_error(e))?;
                AnyRecord::decode(kind, &value)
                    .map_err(|d| {
                        self.damaged(format!("{kind} {}: {d}", u64_at(&key, 0).unwrap_or(0)))
                    })?
                    .push_into(&mut data);
            }
        }
        Ok(data)
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
    ) -> Result<(), StoreError> {
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
            for (j, item) in self.tree(TreeId::Record(*kind)).iter().enumerate() {
                let (_, value) = item.map_err(|e| self.read_error(e))?;
                // Records were upgraded to the current schema when the database was opened.
                let (_, data) = super::codec::decode_raw(&value).map_err(|e| self.damaged(e))?;
                if j > 0 {
                    out.write_all(b",").map_err(io)?;
                }
                serde_json::to_writer(&mut *out, &data).map_err(json)?;
            }
            out.write_all(b"]").map_err(io)?;
        }
        out.write_all(b"}}").map_err(io)
    }

    /// Imports `data` into an empty database. Everything is validated first; on any problem
    /// nothing is written and the error lists the problems.
    pub fn import(&self, data: &Dataset) -> Result<(), StoreError> {
        self.import_with(data, false)
    }

    /// Like [`Store::import`], but replaces whatever the database holds.
    pub fn import_replacing(&self, data: &Dataset) -> Result<(), StoreError> {
        self.import_with(data, true)
    }

    fn import_with(&self, data: &Dataset, replace: bool) -> Result<(), StoreError> {
        let problems = validate::dataset(data);
        if !problems.is_empty() {
            return Err(StoreError::invalid(problems));
        }
        if !replace && !self.is_empty() {
            return Err(StoreError::NotEmpty {
                path: self.dir.clone(),
                records: self.counts().iter().map(|(_, n)| n).sum(),
            });
        }
        // The journal first, as for every write: a bulk replacement with every record.
        let cannot = |e| StoreError::write_io("could not write the import to the journal", e);
        self.with_journal(|journal| {
            let mut bulk = journal.replacement();
            for record in AnyRecord::all_in(data) {
                bulk.push(record).map_err(cannot)?;
            }
            let mark = bulk.finish().map_err(cannot)?;
            self.import_unjournaled(data, replace)
                .inspect_err(|_| journal.cut(mark))
        })
    }

    /// Writes `data` (already validated) without the journal: a restore, whose records the
    /// journal already holds.
    pub(crate) fn import_unjournaled(
        &self,
        data: &Dataset,
        replace: bool,
    ) -> Result<(), StoreError> {
        // Sorted chunks per tree rather than one transaction, for speed; the mark makes an
        // interrupted import visible on the next open.
        self.meta_set(IMPORT_MARK_KEY, b"1")?;
        self.flush()?;
        let cannot = |e| StoreError::sled("could not import the data", e);
        if replace {
            for tree in &self.trees {
                tree.clear().map_err(cannot)?;
            }
        }
        let mut writes: Vec<Vec<(Vec<u8>, Vec<u8>)>> =
            self.trees.iter().map(|_| Vec::new()).collect();
        let mut max_id = 0;
        for record in AnyRecord::all_in(data) {
            let id = record.id();
            max_id = max_id.max(id);
            writes[TreeId::Record(record.kind()).slot()]
                .push((id_key(id).to_vec(), record.encode()));
            for (tree, key, value) in index::entries(&record) {
                writes[tree.slot()].push((key, value));
            }
        }
        for (tree, mut pairs) in self.trees.iter().zip(writes) {
            pairs.sort();
            for chunk in pairs.chunks(IMPORT_CHUNK) {
                let mut batch = sled::Batch::default();
                for (key, value) in chunk {
                    batch.insert(key.as_slice(), value.as_slice());
                }
                tree.apply_batch(batch).map_err(cannot)?;
            }
        }
        if max_id > self.id_offset.load(Ordering::SeqCst) {
            self.set_id_offset(max_id)?;
        }
        self.meta_remove(IMPORT_MARK_KEY)?;
        self.flush()
    }
}
