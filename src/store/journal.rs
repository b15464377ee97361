//! The change journal: every write the store acknowledges is also appended as one JSON line to
//! a file in `journal/` and flushed to disk before the write returns. A database that cannot be
//! repaired therefore loses nothing: `caseplan restore` reads a backup and replays the journal
//! after it.
//!
//! The journal is a chain of epoch files named `NNNNNN-<base>.jsonl`. Each daily backup starts a
//! new one before it reads the database: `000012-caseplan-2026-11-24.jsonl` holds every change
//! made after the backup `caseplan-2026-11-24.json` began. The first epoch of a database is
//! `000001-start.jsonl`. An entry puts whole records and deletes ids, so replaying a change that
//! a backup already holds changes nothing: a replay may start before a backup's moment, never
//! after it.
//!
//! An import is a bulk replacement: every record in parts of a few thousand, the last part
//! marked. A replacement without its last part was interrupted and is skipped by a replay. The
//! first epoch of a database that has records but no journal (one written by an older caseplan,
//! or whose journal was deleted) begins with such a replacement holding the whole database.

use super::migrate::{self, CURRENT_SCHEMA, Step};
use super::record::{AnyRecord, Change, Kind, RecordRef};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// The journal directory inside the data directory.
pub const JOURNAL_DIR: &str = "journal";
const SUFFIX: &str = ".jsonl";
/// The base of the first epoch of a database: no backup, the empty database.
const START: &str = "start";
/// Records per line of a bulk replacement.
pub(crate) const PART_RECORDS: usize = 2048;

/// One epoch file of the journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Epoch {
    pub number: u64,
    /// The file name of the backup this epoch follows; `None` for a database's first epoch.
    pub base: Option<String>,
    pub path: PathBuf,
}

/// The epochs of the data directory `dir`, oldest first.
pub fn epochs(dir: &Path) -> Vec<Epoch> {
    let Ok(entries) = fs::read_dir(dir.join(JOURNAL_DIR)) else {
        return Vec::new();
    };
    let mut out: Vec<Epoch> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let (number, base) = parse_epoch_name(&entry.file_name().into_string().ok()?)?;
            Some(Epoch {
                number,
                base,
                path: entry.path(),
            })
        })
        .collect();
    out.sort_by_key(|e| e.number);
    out
}

/// The number and the base (a backup's file name) of the epoch file named `name`.
fn parse_epoch_name(name: &str) -> Option<(u64, Option<String>)> {
    let (number, base) = name.strip_suffix(SUFFIX)?.split_once('-')?;
    let number = number.parse().ok().filter(|_| number.len() == 6)?;
    Some((number, (base != START).then(|| format!("{base}.json"))))
}

/// Whether the journal of `dir` holds any entry: something was saved in this data directory.
pub fn has_entries(dir: &Path) -> bool {
    epochs(dir)
        .iter()
        .any(|e| fs::metadata(&e.path).is_ok_and(|m| m.len() > 0))
}

fn epoch_file_name(number: u64, base: Option<&str>) -> String {
    let stem = base
        .map(|b| b.strip_suffix(".json").unwrap_or(b))
        .unwrap_or(START);
    format!("{number:06}-{stem}{SUFFIX}")
}

/// Which part of a bulk replacement an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Part {
    pub part: u32,
    pub last: bool,
}

#[derive(Serialize)]
struct EntryOut<'a> {
    seq: u64,
    at: DateTime<Utc>,
    #[serde(skip_serializing_if = "Option::is_none")]
    replace: Option<Part>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    put: Vec<PutOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    delete: Vec<Gone>,
}

#[derive(Serialize)]
struct PutOut<'a> {
    kind: &'static str,
    v: u32,
    data: &'a AnyRecord,
}

#[derive(Debug, Serialize, Deserialize)]
struct Gone {
    kind: String,
    id: u64,
}

/// One entry as read back.
#[derive(Debug, Deserialize)]
pub(crate) struct EntryIn {
    pub seq: u64,
    /// When the change was made.
    #[serde(default)]
    pub at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub replace: Option<Part>,
    #[serde(default)]
    put: Vec<PutIn>,
    #[serde(default)]
    delete: Vec<Gone>,
}

#[derive(Debug, Deserialize)]
struct PutIn {
    kind: String,
    v: u32,
    data: serde_json::Value,
}

/// Only what a first pass over the journal needs: which replacements are complete.
#[derive(Deserialize)]
struct Head {
    #[serde(default)]
    replace: Option<Part>,
}

fn kind_named(name: &str) -> Result<Kind, String> {
    Kind::from_tree_name(name).ok_or_else(|| format!("unknown record kind \"{name}\""))
}

impl EntryIn {
    /// The entry's changes, records upgraded to the current schema.
    pub(crate) fn changes(self, steps: &[Step]) -> Result<Vec<Change>, String> {
        let mut out = Vec::with_capacity(self.put.len() + self.delete.len());
        for put in self.put {
            let kind = kind_named(&put.kind)?;
            if put.v > CURRENT_SCHEMA {
                return Err(format!(
                    "a {} has schema {} where at most {CURRENT_SCHEMA} is known",
                    kind.label(),
                    put.v
                ));
            }
            let data = migrate::upgrade(steps, kind, put.v, put.data)?;
            out.push(Change::Put(AnyRecord::from_value(kind, data)?));
        }
        for gone in self.delete {
            out.push(Change::Delete(RecordRef {
                kind: kind_named(&gone.kind)?,
                id: gone.id,
            }));
        }
        Ok(out)
    }
}

/// One line: the entry as JSON and its newline.
pub(crate) fn line(
    seq: u64,
    at: DateTime<Utc>,
    replace: Option<Part>,
    changes: &[Change],
) -> Vec<u8> {
    let mut put = Vec::new();
    let mut delete = Vec::new();
    for change in changes {
        match change {
            Change::Put(record) => put.push(PutOut {
                kind: record.kind().tree_name(),
                v: CURRENT_SCHEMA,
                data: record,
            }),
            Change::Delete(target) => delete.push(Gone {
                kind: target.kind.tree_name().to_owned(),
                id: target.id,
            }),
        }
    }
    let entry = EntryOut {
        seq,
        at,
        replace,
        put,
        delete,
    };
    // Records are plain data with string keys; serialising them cannot fail.
    let mut out = serde_json::to_vec(&entry).unwrap_or_default();
    out.push(b'\n');
    out
}

/// Where the journal stood before a write: what [`Journal::cut`] goes back to.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Mark {
    len: u64,
    next_seq: u64,
}

impl Mark {
    /// The sequence number of the entry appended at this mark.
    pub(crate) fn seq(&self) -> u64 {
        self.next_seq
    }
}

/// The open journal: the current epoch's file, appended to.
#[derive(Debug)]
pub(crate) struct Journal {
    dir: PathBuf,
    /// The current epoch's file.
    path: PathBuf,
    file: File,
    epoch: u64,
    next_seq: u64,
    len: u64,
    /// Tests only: the operating-system error every append fails with (a full disk).
    #[cfg(test)]
    pub(crate) fail_with: Option<i32>,
}

/// What opening the journal found at the end of the current epoch.
#[derive(Debug, Default)]
pub(crate) struct Tail {
    /// The last complete entry, if any.
    pub last: Option<EntryIn>,
    /// Where an unfinished last line (a write interrupted before it was flushed) was saved.
    pub torn_saved_to: Option<PathBuf>,
    /// Whether the journal was started by this open (there was none).
    pub started: bool,
}

impl Journal {
    /// Opens the newest epoch of the data directory `data_dir` for appending, starting the
    /// first one if there is none. An unfinished last line is cut off and saved into
    /// `recovered/`.
    pub(crate) fn open(data_dir: &Path) -> io::Result<(Journal, Tail)> {
        let dir = data_dir.join(JOURNAL_DIR);
        super::files::create_private_dir(&dir)?;
        let mut tail = Tail::default();
        let epoch = match epochs(data_dir).pop() {
            Some(epoch) => epoch,
            None => {
                tail.started = true;
                let path = dir.join(epoch_file_name(1, None));
                create_epoch_file(&dir, &path)?;
                Epoch {
                    number: 1,
                    base: None,
                    path,
                }
            }
        };
        let mut file = open_append(&epoch.path)?;
        let (len, last, torn) = read_tail(&mut file)?;
        if let Some(torn) = torn {
            tail.torn_saved_to = Some(save_torn(data_dir, &epoch.path, &torn)?);
            file.set_len(len)?;
            file.sync_all()?;
        }
        let next_seq = last.as_ref().map_or(1, |e: &EntryIn| e.seq + 1);
        tail.last = last;
        Ok((
            Journal {
                dir,
                path: epoch.path,
                file,
                epoch: epoch.number,
                next_seq,
                len,
                #[cfg(test)]
                fail_with: None,
            },
            tail,
        ))
    }

    fn mark(&self) -> Mark {
        Mark {
            len: self.len,
            next_seq: self.next_seq,
        }
    }

    /// Appends one entry of `changes` and flushes it to disk. On failure the file is cut back,
    /// so the journal never holds a change that was not acknowledged. Returns where the journal
    /// stood before, for [`Journal::cut`] should the database refuse the change.
    pub(crate) fn append(&mut self, changes: &[Change]) -> io::Result<Mark> {
        let mark = self.mark();
        let bytes = line(self.next_seq, Utc::now(), None, changes);
        self.next_seq += 1;
        self.write(&bytes)
            .and_then(|()| self.file.sync_data())
            .inspect_err(|_| self.cut(mark))?;
        Ok(mark)
    }

    /// Starts a bulk replacement: push every record, then finish it (which flushes). Dropped
    /// unfinished, it is cut off again.
    pub(crate) fn replacement(&mut self) -> Replacement<'_> {
        Replacement {
            mark: self.mark(),
            journal: self,
            at: Utc::now(),
            part: 1,
            chunk: Vec::with_capacity(PART_RECORDS),
            finished: false,
        }
    }

    fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        #[cfg(test)]
        if let Some(code) = self.fail_with {
            return Err(io::Error::from_raw_os_error(code));
        }
        self.file.write_all(bytes)?;
        self.len += bytes.len() as u64;
        Ok(())
    }

    /// Cuts the current epoch back to `mark` (what [`Journal::append`] returned): the write
    /// after it did not reach the database.
    pub(crate) fn cut(&mut self, mark: Mark) {
        // Best effort: shortening a file needs no free space, and a failure here leaves an
        // entry a replay applies, which is the change the user asked for.
        let _ = self
            .file
            .set_len(mark.len)
            .and_then(|()| self.file.sync_data());
        self.len = mark.len;
        self.next_seq = mark.next_seq;
    }

    /// Starts a new epoch following the backup `base` (a backup file name). The daily backup
    /// calls this before it reads the database.
    pub(crate) fn rotate(&mut self, base: &str) -> io::Result<()> {
        let number = self.epoch + 1;
        let path = self.dir.join(epoch_file_name(number, Some(base)));
        create_epoch_file(&self.dir, &path)?;
        self.file = open_append(&path)?;
        self.path = path;
        self.epoch = number;
        self.next_seq = 1;
        self.len = 0;
        Ok(())
    }

    pub(crate) fn epoch(&self) -> u64 {
        self.epoch
    }

    /// The file name of the backup the current epoch follows; `None` for a database's first.
    pub(crate) fn base(&self) -> Option<String> {
        let name = self.path.file_name()?.to_str()?;
        parse_epoch_name(name)?.1
    }

    /// The records of the bulk replacement finished since `mark`, one part at a time: an import
    /// is checked while it is written here, then read back from here into the database.
    pub(crate) fn parts_since(
        &self,
        mark: Mark,
    ) -> io::Result<impl Iterator<Item = Result<Vec<AnyRecord>, String>> + use<>> {
        let mut file = File::open(&self.path)?;
        file.seek(SeekFrom::Start(mark.len))?;
        let mut reader = BufReader::new(file.take(self.len.saturating_sub(mark.len)));
        let mut buf = Vec::new();
        Ok(std::iter::from_fn(move || {
            buf.clear();
            match reader.read_until(b'\n', &mut buf) {
                Ok(0) => None,
                Ok(_) => Some(
                    serde_json::from_slice::<EntryIn>(&buf)
                        .map_err(|e| e.to_string())
                        .and_then(|entry| entry.changes(migrate::STEPS))
                        .map(|changes| {
                            changes
                                .into_iter()
                                .filter_map(|change| match change {
                                    Change::Put(record) => Some(record),
                                    Change::Delete(_) => None,
                                })
                                .collect()
                        }),
                ),
                Err(e) => Some(Err(e.to_string())),
            }
        }))
    }
}

/// A bulk replacement being written: every record of the database, in parts.
pub(crate) struct Replacement<'a> {
    journal: &'a mut Journal,
    mark: Mark,
    at: DateTime<Utc>,
    part: u32,
    chunk: Vec<Change>,
    finished: bool,
}

impl Replacement<'_> {
    pub(crate) fn push(&mut self, record: AnyRecord) -> io::Result<()> {
        if self.chunk.len() == PART_RECORDS {
            self.write_part(false)?;
        }
        self.chunk.push(Change::Put(record));
        Ok(())
    }

    fn write_part(&mut self, last: bool) -> io::Result<()> {
        let part = Some(Part {
            part: self.part,
            last,
        });
        let bytes = line(self.journal.next_seq, self.at, part, &self.chunk);
        self.journal.write(&bytes)?;
        self.journal.next_seq += 1;
        self.part += 1;
        self.chunk.clear();
        Ok(())
    }

    /// Writes the last part and flushes the journal; returns where it stood before the first.
    pub(crate) fn finish(mut self) -> io::Result<Mark> {
        self.write_part(true)?;
        self.journal.file.sync_data()?;
        self.finished = true;
        Ok(self.mark)
    }
}

impl Drop for Replacement<'_> {
    fn drop(&mut self) {
        if !self.finished {
            self.journal.cut(self.mark);
        }
    }
}

fn open_append(path: &Path) -> io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.read(true).append(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// Creates an empty epoch file and makes its name durable.
fn create_epoch_file(dir: &Path, path: &Path) -> io::Result<()> {
    open_append(path)?.sync_all()?;
    sync_dir(dir)
}

pub(crate) fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Reads the end of an epoch file: its length up to the last complete line, that line's entry,
/// and the bytes after it when the file ends in an unfinished line (or a line that does not
/// read as an entry, which only an interrupted write leaves).
fn read_tail(file: &mut File) -> io::Result<(u64, Option<EntryIn>, Option<Vec<u8>>)> {
    let end = file.seek(SeekFrom::End(0))?;
    // Read backwards in growing blocks until the block holds the last two line ends (or the
    // start of the file): one line may be a whole part of a bulk replacement.
    let mut block = 64 * 1024u64;
    loop {
        let from = end.saturating_sub(block);
        file.seek(SeekFrom::Start(from))?;
        let mut bytes = Vec::with_capacity((end - from) as usize);
        file.take(end - from).read_to_end(&mut bytes)?;
        let complete_end = match bytes.iter().rposition(|&b| b == b'\n') {
            Some(i) => i + 1,
            None if from > 0 => {
                block *= 4;
                continue;
            }
            None => 0,
        };
        let line_start = match bytes[..complete_end.saturating_sub(1)]
            .iter()
            .rposition(|&b| b == b'\n')
        {
            Some(i) => i + 1,
            None if from > 0 && complete_end > 0 => {
                block *= 4;
                continue;
            }
            None => 0,
        };
        let torn = (complete_end < bytes.len()).then(|| bytes[complete_end..].to_vec());
        if complete_end == 0 {
            return Ok((from, None, torn));
        }
        let last_line = &bytes[line_start..complete_end];
        return match serde_json::from_slice::<EntryIn>(last_line) {
            Ok(entry) => Ok((from + complete_end as u64, Some(entry), torn)),
            Err(_) => {
                // The last line is not an entry: cut it off with whatever follows it, and take
                // the line before it as the last.
                let cut_at = from + line_start as u64;
                let mut torn_all = last_line.to_vec();
                torn_all.extend(torn.unwrap_or_default());
                file.set_len(cut_at)?;
                let (len, last, more) = read_tail(file)?;
                let mut saved = more.unwrap_or_default();
                saved.extend(torn_all);
                Ok((len, last, Some(saved)))
            }
        };
    }
}

/// Saves the unfinished end of an epoch file into `recovered/` before it is cut off.
fn save_torn(data_dir: &Path, epoch: &Path, bytes: &[u8]) -> io::Result<PathBuf> {
    let dir = data_dir.join(super::RECOVERED_DIR);
    super::files::create_private_dir(&dir)?;
    let name = epoch
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stamp = Utc::now().format("%Y%m%dT%H%M%S%.f");
    let path = dir.join(format!("{name}.unfinished-{stamp}"));
    super::files::write_private_file(&path, bytes)?;
    Ok(path)
}

/// One step of a replay.
pub(crate) enum Replayed {
    /// One entry's changes.
    Changes(Vec<Change>),
    /// A part of a complete bulk replacement; the first part clears the database first.
    Replace {
        first: bool,
        records: Vec<AnyRecord>,
    },
}

/// Replays the epochs `epochs` in order, calling `apply` for every entry; bulk replacements
/// that were interrupted are skipped. Returns how many changes were replayed (a bulk
/// replacement counts as one).
pub(crate) fn replay(
    epochs: &[Epoch],
    steps: &[Step],
    apply: &mut dyn FnMut(Replayed) -> Result<(), String>,
) -> Result<usize, ReplayError> {
    replay_to_the_last(epochs, steps, apply).map(|(count, _)| count)
}

/// Like [`replay`], also giving when the last change replayed was made.
pub(crate) fn replay_to_the_last(
    epochs: &[Epoch],
    steps: &[Step],
    apply: &mut dyn FnMut(Replayed) -> Result<(), String>,
) -> Result<(usize, Option<DateTime<Utc>>), ReplayError> {
    let mut count = 0;
    let mut last_at = None;
    for epoch in epochs {
        let complete = complete_replacements(&epoch.path).map_err(|e| ReplayError::io(epoch, e))?;
        let mut reader =
            BufReader::new(File::open(&epoch.path).map_err(|e| ReplayError::io(epoch, e))?);
        let mut buf = Vec::new();
        let mut line_no = 0;
        // Whether the replacement being read is one to apply.
        let mut replacing = false;
        loop {
            buf.clear();
            let n = reader
                .read_until(b'\n', &mut buf)
                .map_err(|e| ReplayError::io(epoch, e))?;
            if n == 0 || buf.last() != Some(&b'\n') {
                // The end, or an unfinished last line: that write was never acknowledged.
                break;
            }
            line_no += 1;
            let bad = |detail: String| ReplayError::Entry {
                file: epoch.path.clone(),
                line: line_no,
                detail,
            };
            let entry: EntryIn =
                serde_json::from_slice(&buf).map_err(|e| bad(format!("not an entry: {e}")))?;
            last_at = entry.at.or(last_at);
            match entry.replace {
                None => {
                    replacing = false;
                    let changes = entry.changes(steps).map_err(bad)?;
                    apply(Replayed::Changes(changes)).map_err(bad)?;
                    count += 1;
                }
                Some(part) => {
                    if part.part == 1 {
                        replacing = complete.contains(&line_no);
                    }
                    if !replacing {
                        continue;
                    }
                    let records = entry
                        .changes(steps)
                        .map_err(bad)?
                        .into_iter()
                        .filter_map(|c| match c {
                            Change::Put(r) => Some(r),
                            Change::Delete(_) => None,
                        })
                        .collect();
                    apply(Replayed::Replace {
                        first: part.part == 1,
                        records,
                    })
                    .map_err(bad)?;
                    if part.last {
                        count += 1;
                        replacing = false;
                    }
                }
            }
        }
    }
    Ok((count, last_at))
}

/// The line numbers of the first parts of the bulk replacements of an epoch that are complete.
fn complete_replacements(path: &Path) -> io::Result<Vec<usize>> {
    let mut reader = BufReader::new(File::open(path)?);
    let mut buf = Vec::new();
    let mut line_no = 0;
    let mut open: Option<(usize, u32)> = None;
    let mut complete = Vec::new();
    loop {
        buf.clear();
        if reader.read_until(b'\n', &mut buf)? == 0 || buf.last() != Some(&b'\n') {
            break;
        }
        line_no += 1;
        let Ok(head) = serde_json::from_slice::<Head>(&buf) else {
            break;
        };
        open = match (head.replace, open) {
            (None, _) => None,
            (Some(p), _) if p.part == 1 && p.last => {
                complete.push(line_no);
                None
            }
            (Some(p), _) if p.part == 1 => Some((line_no, 1)),
            (Some(p), Some((start, prev))) if p.part == prev + 1 => {
                if p.last {
                    complete.push(start);
                    None
                } else {
                    Some((start, p.part))
                }
            }
            // A part out of order: the replacement it belongs to is broken.
            (Some(_), _) => None,
        };
    }
    Ok(complete)
}

/// Why a replay stopped.
#[derive(Debug, thiserror::Error)]
pub enum ReplayError {
    #[error("could not read the journal {}: {source}", file.display())]
    Io {
        file: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("the journal {} has an unreadable entry on line {line}: {detail}", file.display())]
    Entry {
        file: PathBuf,
        line: usize,
        detail: String,
    },
}

impl ReplayError {
    fn io(epoch: &Epoch, source: io::Error) -> ReplayError {
        ReplayError::Io {
            file: epoch.path.clone(),
            source,
        }
    }
}

/// The epochs a restore of the backup named `backup` replays: the newest epoch that follows it
/// and every epoch after that, if they form an unbroken chain to the newest. `None` when no
/// epoch follows the backup or the chain has a gap.
pub fn chain_after(all: &[Epoch], backup: Option<&str>) -> Option<Vec<Epoch>> {
    let start = all.iter().rposition(|e| e.base.as_deref() == backup)?;
    let chain = &all[start..];
    let unbroken = chain.windows(2).all(|w| w[1].number == w[0].number + 1);
    unbroken.then(|| chain.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CaseId, NoteId};
    use crate::testing::note;

    fn changes(n: u64) -> Vec<Change> {
        vec![
            Change::Put(note(n, CaseId(1)).into()),
            Change::Delete(NoteId(n + 100).into()),
        ]
    }

    fn replay_all(dir: &Path) -> (usize, Vec<String>) {
        let mut seen = Vec::new();
        let n = replay(&epochs(dir), &[], &mut |step| {
            seen.push(match step {
                Replayed::Changes(c) => format!("changes {}", c.len()),
                Replayed::Replace { first, records } => {
                    format!("replace {first} {}", records.len())
                }
            });
            Ok(())
        })
        .unwrap();
        (n, seen)
    }

    #[test]
    fn entries_are_appended_one_line_each_and_read_back_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let (mut journal, tail) = Journal::open(dir.path()).unwrap();
        assert!(tail.started && tail.last.is_none());
        journal.append(&changes(1)).unwrap();
        journal.append(&changes(2)).unwrap();
        drop(journal);
        let (journal, tail) = Journal::open(dir.path()).unwrap();
        assert!(!tail.started);
        let last = tail.last.unwrap();
        assert_eq!(last.seq, 2);
        assert_eq!(journal.next_seq, 3);
        assert_eq!(last.changes(&[]).unwrap(), changes(2));
        let text = fs::read_to_string(&epochs(dir.path())[0].path).unwrap();
        assert_eq!(text.lines().count(), 2, "{text}");
        assert!(text.starts_with("{\"seq\":1,\"at\":"), "{text}");
        assert!(
            text.contains(&format!(
                "\"put\":[{{\"kind\":\"notes\",\"v\":{},\"data\":{{\"id\":1,",
                crate::store::CURRENT_SCHEMA
            )),
            "{text}"
        );
        assert!(
            text.contains("\"delete\":[{\"kind\":\"notes\",\"id\":101}]"),
            "{text}"
        );
    }

    #[test]
    fn an_unfinished_last_line_is_cut_off_and_saved_aside() {
        let dir = tempfile::tempdir().unwrap();
        let (mut journal, _) = Journal::open(dir.path()).unwrap();
        journal.append(&changes(1)).unwrap();
        drop(journal);
        let path = epochs(dir.path())[0].path.clone();
        let whole = fs::read(&path).unwrap();
        let mut torn = whole.clone();
        torn.extend_from_slice(&line(2, Utc::now(), None, &changes(2))[..40]);
        fs::write(&path, &torn).unwrap();
        let (mut journal, tail) = Journal::open(dir.path()).unwrap();
        assert_eq!(tail.last.unwrap().seq, 1);
        let saved = tail.torn_saved_to.unwrap();
        assert_eq!(fs::read(&saved).unwrap(), torn[whole.len()..]);
        assert_eq!(fs::read(&path).unwrap(), whole);
        journal.append(&changes(2)).unwrap();
        assert_eq!(replay_all(dir.path()).0, 2);
    }

    #[test]
    fn a_cut_entry_is_gone_and_its_number_is_used_again() {
        let dir = tempfile::tempdir().unwrap();
        let (mut journal, _) = Journal::open(dir.path()).unwrap();
        journal.append(&changes(1)).unwrap();
        let mark = journal.append(&changes(2)).unwrap();
        journal.cut(mark);
        journal.append(&changes(3)).unwrap();
        drop(journal);
        let (_, tail) = Journal::open(dir.path()).unwrap();
        let last = tail.last.unwrap();
        assert_eq!(last.seq, 2);
        assert_eq!(last.changes(&[]).unwrap(), changes(3));
    }

    #[test]
    fn a_bulk_replacement_replays_in_parts_and_an_interrupted_one_is_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let (mut journal, _) = Journal::open(dir.path()).unwrap();
        let records = |n: u64| (1..=n).map(|i| AnyRecord::from(note(i, CaseId(1))));
        let replace = |journal: &mut Journal, n: u64| {
            let mut bulk = journal.replacement();
            for record in records(n) {
                bulk.push(record).unwrap();
            }
            bulk.finish().unwrap();
        };
        journal.append(&changes(1)).unwrap();
        replace(&mut journal, PART_RECORDS as u64 + 5);
        journal.append(&changes(2)).unwrap();
        // An interrupted replacement: its first part only.
        let first = line(
            journal.next_seq,
            Utc::now(),
            Some(Part {
                part: 1,
                last: false,
            }),
            &[Change::Put(note(9, CaseId(1)).into())],
        );
        journal.write(&first).unwrap();
        journal.next_seq += 1;
        journal.append(&changes(3)).unwrap();
        replace(&mut journal, 0);
        // Dropped before it was finished: cut off again.
        let mut bulk = journal.replacement();
        bulk.push(note(7, CaseId(1)).into()).unwrap();
        drop(bulk);
        let (n, seen) = replay_all(dir.path());
        assert_eq!(n, 5);
        assert_eq!(
            seen,
            vec![
                "changes 2".to_string(),
                format!("replace true {PART_RECORDS}"),
                "replace false 5".into(),
                "changes 2".into(),
                "changes 2".into(),
                "replace true 0".into(),
            ]
        );
    }

    #[test]
    fn rotation_starts_a_new_epoch_named_after_the_backup() {
        let dir = tempfile::tempdir().unwrap();
        let (mut journal, _) = Journal::open(dir.path()).unwrap();
        journal.append(&changes(1)).unwrap();
        journal.rotate("caseplan-2026-11-24.json").unwrap();
        journal.append(&changes(2)).unwrap();
        let all = epochs(dir.path());
        let names: Vec<_> = all
            .iter()
            .map(|e| e.path.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names,
            ["000001-start.jsonl", "000002-caseplan-2026-11-24.jsonl"]
        );
        assert_eq!(all[1].base.as_deref(), Some("caseplan-2026-11-24.json"));
        let chain = chain_after(&all, Some("caseplan-2026-11-24.json")).unwrap();
        assert_eq!(chain.len(), 1);
        assert_eq!(chain_after(&all, None).unwrap().len(), 2);
        assert_eq!(chain_after(&all, Some("caseplan-2026-11-23.json")), None);
        // A gap in the chain: nothing can be replayed after the backup before it.
        fs::remove_file(&all[1].path).unwrap();
        journal.rotate("caseplan-2026-11-25.json").unwrap();
        assert_eq!(chain_after(&epochs(dir.path()), None), None);
    }
}
