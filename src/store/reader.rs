//! Reading an export document one record at a time, so an import, a restore or a check never
//! holds a whole caseload in memory: a 10,000-case export is 150 MB of JSON.
//!
//! A document is read twice: once for its head (`format`, `schema`, `exported_at`, the records
//! skipped unparsed), so the records can be upgraded from the right schema wherever in the
//! document the `schema` key stands, and once for its records, each handed on as soon as it is
//! read.

use super::error::Problem;
use super::migrate::{self, CURRENT_SCHEMA};
use super::record::{AnyRecord, Kind, KindSeed};
use super::{ExportDocument, StoreError};
use chrono::{DateTime, Utc};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;
use std::io::Read;

/// What a document says about itself.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Head {
    pub schema: u32,
    pub exported_at: DateTime<Utc>,
    /// How many records the document holds (counted when the head is read; 0 after a read of
    /// the records, which hands them on instead).
    pub records: u64,
}

/// Where each record goes as it is read; an error stops the reading.
pub(crate) type Sink<'a> = &'a mut dyn FnMut(AnyRecord) -> Result<(), StoreError>;

/// Reads the head of the document in `reader`, checking that it is a caseplan export of a
/// schema this caseplan reads. The records are skipped (their JSON syntax is checked).
pub(crate) fn head(reader: impl Read) -> Result<Head, StoreError> {
    read(reader, None)
}

/// Reads every record of the document in `reader`, whose head said `schema`, upgraded to the
/// current schema, into `sink` in document order.
pub(crate) fn records(reader: impl Read, schema: u32, sink: Sink) -> Result<Head, StoreError> {
    let head = read(reader, Some((schema, sink)))?;
    if head.schema != schema {
        return Err(not_export("the file changed while it was read".into()));
    }
    Ok(head)
}

fn read(reader: impl Read, records: Option<(u32, Sink)>) -> Result<Head, StoreError> {
    let mut stopped = None;
    let mut json = serde_json::Deserializer::from_reader(std::io::BufReader::new(reader));
    let read = DocumentSeed {
        records,
        stopped: &mut stopped,
    }
    .deserialize(&mut json)
    .and_then(|found| json.end().map(|()| found));
    match (read, stopped) {
        // The sink's own error, not the parser's note that reading stopped.
        (_, Some(err)) => Err(err),
        (Ok(Found::Head(head)), None) => Ok(head),
        (Ok(Found::Problem(problem)), None) => Err(StoreError::invalid(vec![problem])),
        (Err(err), None) => Err(not_export(err.to_string())),
    }
}

fn not_export(detail: String) -> StoreError {
    StoreError::invalid(vec![Problem::new(
        None,
        format!("the file is not a caseplan export: {detail}"),
    )])
}

/// A whole document read: its head, or what is wrong with it that is no syntax error.
enum Found {
    Head(Head),
    Problem(Problem),
}

struct DocumentSeed<'a, 'b> {
    records: Option<(u32, Sink<'b>)>,
    stopped: &'a mut Option<StoreError>,
}

const FIELDS: &[&str] = &["format", "schema", "exported_at", "data"];

impl<'de> DeserializeSeed<'de> for DocumentSeed<'_, '_> {
    type Value = Found;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Found, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for DocumentSeed<'_, '_> {
    type Value = Found;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a caseplan export document (a JSON object)")
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<Found, A::Error> {
        let mut format: Option<String> = None;
        let mut schema: Option<serde_json::Value> = None;
        let mut exported_at: Option<DateTime<Utc>> = None;
        let mut data = false;
        let mut records = 0;
        while let Some(key) = map.next_key::<String>()? {
            let repeated = match key.as_str() {
                "format" => format.replace(map.next_value()?).is_some(),
                "schema" => schema.replace(map.next_value()?).is_some(),
                "exported_at" => exported_at.replace(map.next_value()?).is_some(),
                "data" => {
                    match self.records.take() {
                        Some((schema, sink)) => map.next_value_seed(DataSeed {
                            schema,
                            sink,
                            stopped: &mut *self.stopped,
                        })?,
                        None => records = map.next_value_seed(CountData)?,
                    }
                    std::mem::replace(&mut data, true)
                }
                other => return Err(de::Error::unknown_field(other, FIELDS)),
            };
            if repeated {
                return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
            }
        }
        if format.as_deref() != Some(ExportDocument::FORMAT) {
            return Ok(Found::Problem(Problem::new(
                None,
                format!(
                    "the file is not a caseplan export: \"format\" must be \"{}\"",
                    ExportDocument::FORMAT
                ),
            )));
        }
        let schema = match schema.as_ref().and_then(serde_json::Value::as_u64) {
            Some(newer) if newer > u64::from(CURRENT_SCHEMA) => {
                return Ok(Found::Problem(Problem::new(
                    None,
                    format!(
                        "the file was written by a newer caseplan (schema {newer}); this one \
                         reads up to {CURRENT_SCHEMA}"
                    ),
                )));
            }
            // Fits: at most CURRENT_SCHEMA.
            Some(schema @ 1..) => schema as u32,
            _ => {
                return Ok(Found::Problem(Problem::new(
                    None,
                    format!(
                        "the file is not a caseplan export: \"schema\" must be a number from 1 \
                         to {CURRENT_SCHEMA}"
                    ),
                )));
            }
        };
        let exported_at = exported_at.ok_or_else(|| de::Error::missing_field("exported_at"))?;
        if !data {
            return Err(de::Error::missing_field("data"));
        }
        Ok(Found::Head(Head {
            schema,
            exported_at,
            records,
        }))
    }
}

/// The `data` object: one list of records per kind.
struct DataSeed<'a, 'b> {
    schema: u32,
    sink: Sink<'b>,
    stopped: &'a mut Option<StoreError>,
}

impl<'de> DeserializeSeed<'de> for DataSeed<'_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for DataSeed<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("the records by kind (a JSON object)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = Vec::new();
        while let Some(name) = map.next_key::<String>()? {
            let kind = Kind::from_tree_name(&name).ok_or_else(|| {
                let names = Kind::ALL.map(Kind::tree_name);
                de::Error::custom(format_args!(
                    "unknown field `{name}`, expected one of {}",
                    names.map(|n| format!("`{n}`")).join(", ")
                ))
            })?;
            if seen.contains(&kind) {
                return Err(de::Error::custom(format_args!("duplicate field `{name}`")));
            }
            seen.push(kind);
            map.next_value_seed(ListSeed {
                kind,
                schema: self.schema,
                sink: &mut *self.sink,
                stopped: &mut *self.stopped,
            })?;
        }
        Ok(())
    }
}

/// The `data` object skipped unparsed, its records counted. What is wrong inside it is said by
/// the read of the records.
struct CountData;

impl<'de> DeserializeSeed<'de> for CountData {
    type Value = u64;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<u64, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for CountData {
    type Value = u64;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("the records by kind (a JSON object)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<u64, A::Error> {
        let mut count = 0;
        while map.next_key::<IgnoredAny>()?.is_some() {
            count += map.next_value_seed(CountList)?;
        }
        Ok(count)
    }
}

/// One kind's list of records, counted.
struct CountList;

impl<'de> DeserializeSeed<'de> for CountList {
    type Value = u64;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<u64, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for CountList {
    type Value = u64;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of records")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<u64, A::Error> {
        let mut count = 0;
        while seq.next_element::<IgnoredAny>()?.is_some() {
            count += 1;
        }
        Ok(count)
    }
}

/// The list of one kind's records.
struct ListSeed<'a, 'b> {
    kind: Kind,
    schema: u32,
    sink: Sink<'b>,
    stopped: &'a mut Option<StoreError>,
}

impl<'de> DeserializeSeed<'de> for ListSeed<'_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for ListSeed<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a list of {} records", self.kind.label())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        loop {
            let record = if self.schema == CURRENT_SCHEMA {
                match seq.next_element_seed(KindSeed(self.kind))? {
                    Some(record) => record,
                    None => return Ok(()),
                }
            } else {
                // An older schema: upgraded as the database's own records are when opened.
                let Some(old) = seq.next_element::<serde_json::Value>()? else {
                    return Ok(());
                };
                migrate::upgrade(migrate::STEPS, self.kind, self.schema, old)
                    .and_then(|data| AnyRecord::from_value(self.kind, data))
                    .map_err(|e| de::Error::custom(format_args!("{}: {e}", self.kind.label())))?
            };
            if let Err(err) = (self.sink)(record) {
                *self.stopped = Some(err);
                return Err(de::Error::custom("stopped"));
            }
        }
    }
}
