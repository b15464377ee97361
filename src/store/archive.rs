//! The archive (#21): a second sled database in `<data dir>/archive/`, with the same trees, that
//! holds cold history ([`crate::domain::archive`]): meetings from before the cutoff that have
//! their outcome. sled reads a page table with one entry per page when it opens a database, so
//! the years behind the hot part would otherwise slow down every start.
//!
//! The hot database's settings say whether there is an archive and how far it reaches
//! ([`Cold`]); it is opened on the first read that reaches back before its cutoff and kept open.
//! A day's agenda, Today and the board never open it.
//!
//! Moving is lossless and needs no journal entry (it changes no record): the records are
//! written to the archive and flushed, then removed from the hot part and flushed. A crash
//! between the two leaves a record in both; reads take it once, from the hot part, writes remove
//! it from the archive, and the next move finishes. A write to an archived record takes it out of
//! the archive first, so it is hot again.

use super::keys::{date_from_key, date_key, id_key, time_key, u64_at};
use super::progress::{Meter, OnProgress, Stage, quiet};
use super::record::{AnyRecord, Change, Kind, Record, RecordRef};
use super::trees::TreeId;
use super::{Store, StoreError, files, index};
use crate::model::Meeting;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use std::cmp::Ordering as Order;
use std::iter::Peekable;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

/// The archive directory inside the data directory.
pub const ARCHIVE_DIR: &str = "archive";

/// Records before this date (a date key) may be in the archive; absent: there is no archive.
const BEFORE_KEY: &[u8] = b"archive_before";
/// The highest id in the archive: a record with a higher id is never there.
const MAX_ID_KEY: &[u8] = b"archive_max_id";
/// Present while a move is unfinished: a record may then be in both parts.
pub(crate) const MOVING_KEY: &[u8] = b"archive_moving";

/// A move of at least one in this many of the hot meetings has the hot part written afresh.
const COMPACT_SHARE: usize = 3;

/// Records per batch written to the archive while moving.
const MOVE_PART: usize = 2048;

/// What the hot part knows about the archive, read at open.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Cold {
    /// Records starting before this day may be archived; `None`: nothing is.
    pub before: Option<NaiveDate>,
    pub max_id: u64,
    pub moving: bool,
}

impl Cold {
    /// The first moment that is surely hot.
    pub(crate) fn before_moment(&self) -> Option<NaiveDateTime> {
        self.before.map(|d| d.and_time(NaiveTime::MIN))
    }

    /// Whether a read of what starts from `from` on must look in the archive.
    pub(crate) fn reaches(&self, from: NaiveDateTime) -> bool {
        self.before_moment().is_some_and(|b| from < b)
    }

    /// Whether the record `kind` `id` may be in the archive.
    fn may_hold(&self, kind: Kind, id: u64) -> bool {
        kind == Kind::Meeting && self.before.is_some() && id <= self.max_id
    }
}

/// How much of the cold history one move may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoveSize {
    /// All of it, however long that takes: the planner's second thread, `caseplan backup`.
    All,
    /// Only a move of a moment ([`SMALL_MOVE`] records at most), for a command's first write
    /// of a day; a larger one (years of history after an upgrade, months without a move) is
    /// left to the planner or `caseplan backup`, which say how far they have come.
    Small,
}

/// The most records a [`MoveSize::Small`] move looks at: one part, a fraction of a second.
const SMALL_MOVE: usize = MOVE_PART;

/// The open archive database.
pub(crate) struct Archive {
    db: sled::Db,
    trees: Vec<sled::Tree>,
}

impl Archive {
    pub(crate) fn trees(&self) -> &[sled::Tree] {
        &self.trees
    }

    pub(crate) fn tree(&self, id: TreeId) -> &sled::Tree {
        &self.trees[id.slot()]
    }

    pub(crate) fn flush(&self) -> Result<(), StoreError> {
        self.db
            .flush()
            .map(|_| ())
            .map_err(|e| StoreError::sled("could not write the archive to disk", e))
    }

    /// Flushes, and keeps the database's memory until the process exits
    /// ([`Store::close_for_exit`]).
    pub(crate) fn leak_for_exit(&self) -> Result<(), StoreError> {
        self.flush()?;
        std::mem::forget(self.db.clone());
        Ok(())
    }
}

/// What a move did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moved {
    /// How many records went to the archive.
    pub records: usize,
    /// Records starting before this day may now be in the archive.
    pub before: NaiveDate,
}

impl Store {
    /// What the hot part's settings say about the archive.
    pub(crate) fn read_cold(&self) -> Result<Cold, StoreError> {
        let before = self
            .meta_get(BEFORE_KEY)?
            .and_then(|v| <[u8; 4]>::try_from(v.as_ref()).ok())
            .and_then(date_from_key);
        let max_id = self
            .meta_get(MAX_ID_KEY)?
            .and_then(|v| u64_at(&v, 0))
            .unwrap_or(0);
        Ok(Cold {
            before,
            max_id,
            moving: self.meta_get(MOVING_KEY)?.is_some(),
        })
    }

    pub(crate) fn cold(&self) -> Cold {
        *self.cold.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn set_cold(&self, cold: Cold) -> Result<(), StoreError> {
        match cold.before {
            Some(day) => self.meta_set(BEFORE_KEY, &date_key(day))?,
            None => self.meta_remove(BEFORE_KEY)?,
        }
        self.meta_set(MAX_ID_KEY, &cold.max_id.to_be_bytes())?;
        if cold.moving {
            self.meta_set(MOVING_KEY, b"1")?;
        } else {
            self.meta_remove(MOVING_KEY)?;
        }
        *self.cold.lock().unwrap_or_else(|e| e.into_inner()) = cold;
        Ok(())
    }

    /// Whether the archive has been opened (tests check that a day's screens leave it closed).
    pub fn archive_is_open(&self) -> bool {
        self.archive.get().is_some()
    }

    /// The archive, opened now if it was not yet; `None` when there is none.
    pub(crate) fn archive(&self) -> Result<Option<&Archive>, StoreError> {
        if self.cold().before.is_none() {
            return Ok(None);
        }
        self.open_archive().map(Some)
    }

    /// The archive if a read from `from` on must look there.
    pub(crate) fn archive_from(&self, from: NaiveDateTime) -> Result<Option<&Archive>, StoreError> {
        if self.cold().reaches(from) {
            self.open_archive().map(Some)
        } else {
            Ok(None)
        }
    }

    /// The archive if the record `kind` `id` may be there.
    pub(crate) fn archive_for(&self, kind: Kind, id: u64) -> Result<Option<&Archive>, StoreError> {
        if self.cold().may_hold(kind, id) {
            self.open_archive().map(Some)
        } else {
            Ok(None)
        }
    }

    /// Opens (or creates) the archive once; later calls give the same one.
    fn open_archive(&self) -> Result<&Archive, StoreError> {
        if let Some(archive) = self.archive.get() {
            return Ok(archive);
        }
        let _only_one = self
            .archive_opening
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if let Some(archive) = self.archive.get() {
            return Ok(archive);
        }
        let path = self.archive_path()?;
        let cannot = |e: sled::Error| match e {
            sled::Error::Io(source) => StoreError::io(
                format!("could not open the archive in {}", path.display()),
                source,
            ),
            other => self.damaged(format!("the archive: {other}")),
        };
        let config = sled::Config::new()
            .path(&path)
            .cache_capacity(super::CACHE_BYTES);
        // As for the hot part: a store of this process dropped a moment ago may still hold it.
        let mut waited = 0;
        let db = loop {
            match config.open() {
                Err(sled::Error::Io(e))
                    if super::is_lock_error(&e) && waited < super::LOCK_RETRIES =>
                {
                    waited += 1;
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                opened => break opened.map_err(cannot)?,
            }
        };
        let mut trees = Vec::new();
        for tree in TreeId::all() {
            trees.push(db.open_tree(tree.name()).map_err(cannot)?);
        }
        Ok(self.archive.get_or_init(|| Archive { db, trees }))
    }

    /// Where the archive's files are: in the data directory, or for a database opened for
    /// reading only, in a copy beside the hot part's.
    fn archive_path(&self) -> Result<PathBuf, StoreError> {
        let path = self.dir.join(ARCHIVE_DIR);
        let cannot = |e| {
            StoreError::write_io(
                format!("could not create the archive in {}", path.display()),
                e,
            )
        };
        let Some(view) = &self.view else {
            files::create_private_dir(&path).map_err(cannot)?;
            return Ok(path);
        };
        let copy = view.path().join(ARCHIVE_DIR);
        if path.is_dir() {
            files::copy_dir(&path, &copy, &|name| !name.ends_with(".generating"))
                .map_err(cannot)?;
        }
        Ok(copy)
    }

    /// Moves every cold record (see [`crate::domain::archive`]) to the archive, as of the
    /// store's today. Returns what was moved; `None` when nothing was (or the database is open
    /// for reading only).
    pub fn archive_cold(&self) -> Result<Option<Moved>, StoreError> {
        self.archive_cold_with(MoveSize::All, &mut quiet, &AtomicBool::new(false))
    }

    /// Like [`Store::archive_cold`], a large move only when `size` allows it, saying to `on`
    /// how far it has come. The records are copied and then let go part by part, each part
    /// under the journal's lock: a write waits for one part at most, and none comes between
    /// reading a record and copying or removing it. Gives up with
    /// [`StoreError::BackupStopped`] between two parts once `stop` is set (the planner
    /// quitting): a move cut short loses nothing, and the next one takes it up.
    pub fn archive_cold_with(
        &self,
        size: MoveSize,
        on: OnProgress,
        stop: &AtomicBool,
    ) -> Result<Option<Moved>, StoreError> {
        if self.unwritable.is_some() {
            return Ok(None);
        }
        let cold = self.cold();
        let cutoff =
            crate::domain::archive::cutoff(self.today).max(cold.before.unwrap_or_default());
        if size == MoveSize::Small && self.candidates_before(cutoff, SMALL_MOVE + 1) > SMALL_MOVE {
            return Ok(None);
        }
        // Chosen outside the lock; each part looks again.
        let moving = self.cold_records(cutoff)?;
        if moving.is_empty() {
            // Counts forgotten by a write to an archived meeting are counted again here.
            let uncounted = cold.before.is_some() && !self.archive_counted()?;
            if cold.before.is_some_and(|b| b < cutoff) || cold.moving || uncounted {
                self.with_journal(|_| {
                    self.set_cold(Cold {
                        before: Some(cutoff),
                        moving: false,
                        ..self.cold()
                    })?;
                    self.count_archive()?;
                    self.flush()
                })?;
            }
            return Ok(None);
        }
        let max_id = moving.iter().copied().fold(cold.max_id, u64::max);
        // A large share: removing it key by key costs sled far more than writing the rest
        // afresh, and a table of freed pages would slow every open anyway. The next open
        // writes the hot part without the archived records (see `compact`); until then a
        // record in both is read once, from the hot part.
        let share = moving.len() * COMPACT_SHARE;
        let large = self
            .tree(TreeId::Record(Kind::Meeting))
            .iter()
            .take(share + 1)
            .count()
            <= share;
        let total = moving.len() as u64 * if large { 1 } else { 2 };
        let mut meter = Meter::start(on, Stage::Archiving, Some(total));
        self.copy_to_archive(cutoff, max_id, &moving, &mut meter, stop)?;
        if large {
            self.with_journal(|_| {
                self.want_compaction()?;
                self.flush()
            })?;
        } else {
            self.drop_from_hot(cutoff, max_id, &moving, &mut meter, stop)?;
        }
        self.with_journal(|_| {
            self.count_archive()?;
            self.flush()
        })?;
        meter.end();
        Ok(Some(Moved {
            records: moving.len(),
            before: cutoff,
        }))
    }

    /// How many hot meetings start before `cutoff`, counted up to `limit`: the records a move
    /// looks at.
    fn candidates_before(&self, cutoff: NaiveDate, limit: usize) -> usize {
        let end = time_key(cutoff.and_time(NaiveTime::MIN));
        self.tree(TreeId::MeetingsByStart)
            .range(..end.to_vec())
            .take(limit)
            .count()
    }

    /// The ids of every hot meeting that is cold before `cutoff`: a range scan of the start
    /// index up to it.
    fn cold_records(&self, cutoff: NaiveDate) -> Result<Vec<u64>, StoreError> {
        let end = time_key(cutoff.and_time(NaiveTime::MIN));
        let mut moving = Vec::new();
        for item in self.tree(TreeId::MeetingsByStart).range(..end.to_vec()) {
            let (key, _) = item.map_err(|e| self.read_error(e))?;
            let Some(id) = u64_at(&key, 8) else { continue };
            let Some(bytes) = self
                .tree(TreeId::Record(Kind::Meeting))
                .get(id_key(id))
                .map_err(|e| self.read_error(e))?
            else {
                continue;
            };
            let meeting: Meeting = self.decode(id, &bytes)?;
            if crate::domain::archive::is_cold(&meeting, cutoff) {
                moving.push(id);
            }
        }
        Ok(moving)
    }

    /// The first half of a move: the hot part says, before anything is moved, where records
    /// may now be and that a move is under way; then the archive gets them, part by part,
    /// each flushed.
    fn copy_to_archive(
        &self,
        cutoff: NaiveDate,
        max_id: u64,
        moving: &[u64],
        meter: &mut Meter,
        stop: &AtomicBool,
    ) -> Result<(), StoreError> {
        self.with_journal(|_| {
            self.set_cold(Cold {
                before: Some(cutoff),
                max_id,
                moving: true,
            })?;
            self.forget_archive_counts()?;
            self.flush()
        })?;
        let archive = self.open_archive()?;
        let meetings = self.tree(TreeId::Record(Kind::Meeting));
        for part in moving.chunks(MOVE_PART) {
            stopped(stop)?;
            self.with_journal(|_| {
                // The stored bytes as they are, so the hot part can tell a copy from a change.
                let mut batches: Vec<sled::Batch> =
                    archive.trees.iter().map(|_| Default::default()).collect();
                for &id in part {
                    let Some(bytes) = meetings.get(id_key(id)).map_err(|e| self.read_error(e))?
                    else {
                        continue;
                    };
                    let meeting = self.decode::<Meeting>(id, &bytes)?;
                    // A write since the records were chosen may have warmed it again.
                    if !crate::domain::archive::is_cold(&meeting, cutoff) {
                        continue;
                    }
                    let record = meeting.into_any();
                    batches[TreeId::Record(Kind::Meeting).slot()].insert(&id_key(id), bytes);
                    for (tree, key, value) in index::entries(&record) {
                        batches[tree.slot()].insert(key, value);
                    }
                }
                for (tree, batch) in archive.trees.iter().zip(batches) {
                    tree.apply_batch(batch)
                        .map_err(|e| StoreError::sled("could not write the archive", e))?;
                }
                // Flushed part by part: sled holds unflushed pages in memory.
                archive.flush()
            })?;
            meter.add(part.len() as u64);
        }
        Ok(())
    }

    /// The second half: the hot part lets go of the records the archive holds as they are,
    /// part by part, each flushed. One written since it was copied (a write takes the copy
    /// back out) stays hot.
    fn drop_from_hot(
        &self,
        cutoff: NaiveDate,
        max_id: u64,
        moving: &[u64],
        meter: &mut Meter,
        stop: &AtomicBool,
    ) -> Result<(), StoreError> {
        let archived = self.open_archive()?.tree(TreeId::Record(Kind::Meeting));
        let hot = self.tree(TreeId::Record(Kind::Meeting));
        for part in moving.chunks(MOVE_PART) {
            stopped(stop)?;
            self.with_journal(|_| {
                let mut batches: Vec<sled::Batch> =
                    self.trees.iter().map(|_| Default::default()).collect();
                for &id in part {
                    let Some(bytes) = hot.get(id_key(id)).map_err(|e| self.read_error(e))? else {
                        continue;
                    };
                    let copy = archived.get(id_key(id)).map_err(|e| self.read_error(e))?;
                    if copy.as_ref() != Some(&bytes) {
                        continue;
                    }
                    let record = self.decode::<Meeting>(id, &bytes)?.into_any();
                    batches[TreeId::Record(Kind::Meeting).slot()].remove(&id_key(id));
                    for (tree, key, _) in index::entries(&record) {
                        batches[tree.slot()].remove(key);
                    }
                }
                for (tree, batch) in self.trees.iter().zip(batches) {
                    tree.apply_batch(batch).map_err(|e| {
                        StoreError::sled("could not move records to the archive", e)
                    })?;
                }
                self.flush()
            })?;
            meter.add(part.len() as u64);
        }
        self.with_journal(|_| {
            self.set_cold(Cold {
                before: Some(cutoff),
                max_id,
                moving: false,
            })?;
            self.flush()
        })
    }

    /// A move cut short after its first half, as a crash would leave it (tests).
    #[cfg(test)]
    pub(crate) fn archive_cold_cut_short(&self) -> Result<usize, StoreError> {
        let cutoff = crate::domain::archive::cutoff(self.today);
        let moving = self.cold_records(cutoff)?;
        let max_id = moving.iter().copied().fold(0, u64::max);
        let mut on = quiet;
        self.copy_to_archive(
            cutoff,
            max_id,
            &moving,
            &mut Meter::start(&mut on, Stage::Archiving, None),
            &AtomicBool::new(false),
        )?;
        Ok(moving.len())
    }

    /// Takes every record `targets` names out of the archive (flushed), before a write puts or
    /// deletes it in the hot part: a written record is hot again, a deleted one gone from both.
    pub(crate) fn unarchive(&self, targets: &[RecordRef]) -> Result<(), StoreError> {
        let cold = self.cold();
        let mut found = Vec::new();
        for &at in targets {
            if !cold.may_hold(at.kind, at.id) {
                continue;
            }
            let in_hot = self
                .tree(TreeId::Record(at.kind))
                .contains_key(id_key(at.id))
                .map_err(|e| self.read_error(e))?;
            // A hot record is in the archive only after a move was cut short.
            if in_hot && !cold.moving {
                continue;
            }
            let Some(archive) = self.archive()? else {
                return Ok(());
            };
            if let Some(bytes) = archive
                .tree(TreeId::Record(at.kind))
                .get(id_key(at.id))
                .map_err(|e| self.read_error(e))?
            {
                found.push(AnyRecord::decode(at.kind, &bytes).map_err(|d| self.damaged(d))?);
            }
        }
        let Some(archive) = self.archive.get().filter(|_| !found.is_empty()) else {
            return Ok(());
        };
        // Forgotten for good before the archive changes: a crash between the two must not
        // leave counts of what it no longer holds.
        self.forget_archive_counts()?;
        self.flush()?;
        let mut batches: Vec<sled::Batch> =
            archive.trees.iter().map(|_| Default::default()).collect();
        for record in &found {
            batches[TreeId::Record(record.kind()).slot()].remove(&id_key(record.id()));
            for (tree, key, _) in index::entries(record) {
                batches[tree.slot()].remove(key);
            }
        }
        for (tree, batch) in archive.trees.iter().zip(batches) {
            tree.apply_batch(batch)
                .map_err(|e| StoreError::sled("could not take a record out of the archive", e))?;
        }
        archive.flush()
    }

    /// After a write that deleted meetings the archive may hold (taken out of it and flushed
    /// before the hot part was written, see [`Store::unarchive`]): notes which journal entry
    /// that was and which meetings, written with the hot part. The opens after it then see the
    /// journal's last entry done without opening the archive to look for them.
    pub(crate) fn note_gone_from_archive(
        &self,
        epoch: u64,
        seq: u64,
        changes: &[Change],
    ) -> Result<(), StoreError> {
        let cold = self.cold();
        let ids: Vec<u64> = changes
            .iter()
            .filter_map(|change| match change {
                Change::Delete(at) if cold.may_hold(at.kind, at.id) => Some(at.id),
                _ => None,
            })
            .collect();
        if ids.is_empty() {
            return Ok(());
        }
        let mut value = [id_key(epoch), id_key(seq)].concat();
        for id in ids {
            value.extend_from_slice(&id_key(id));
        }
        self.meta_set(GONE_KEY, &value)
    }

    /// Whether the write of the journal's entry `seq` of `epoch` noted the meeting `id` gone
    /// from the archive (see [`Store::note_gone_from_archive`]).
    pub(crate) fn noted_gone_from_archive(
        &self,
        epoch: u64,
        seq: u64,
        id: u64,
    ) -> Result<bool, StoreError> {
        let Some(value) = self.meta_get(GONE_KEY)? else {
            return Ok(false);
        };
        Ok(u64_at(&value, 0) == Some(epoch)
            && u64_at(&value, 8) == Some(seq)
            && value
                .get(16..)
                .is_some_and(|ids| ids.chunks_exact(8).any(|c| c == id_key(id))))
    }

    /// Empties the archive and forgets it (an import that replaces everything).
    pub(crate) fn clear_archive(&self) -> Result<(), StoreError> {
        self.forget_archive_counts()?;
        if let Some(archive) = self.archive()? {
            for tree in archive.trees() {
                tree.clear()
                    .map_err(|e| StoreError::sled("could not clear the archive", e))?;
            }
            archive.flush()?;
        }
        if self.cold() != Cold::default() {
            self.set_cold(Cold::default())?;
        }
        Ok(())
    }
}

/// Writes `records` and their index entries into `trees`, one batch per tree, without a flush.
pub(crate) fn write_records(trees: &[sled::Tree], records: &[AnyRecord]) -> Result<(), StoreError> {
    let mut batches: Vec<sled::Batch> = trees.iter().map(|_| Default::default()).collect();
    for record in records {
        batches[TreeId::Record(record.kind()).slot()].insert(&id_key(record.id()), record.encode());
        for (tree, key, value) in index::entries(record) {
            batches[tree.slot()].insert(key, value);
        }
    }
    for (tree, batch) in trees.iter().zip(batches) {
        tree.apply_batch(batch)
            .map_err(|e| StoreError::sled("could not write the records", e))?;
    }
    Ok(())
}

/// The hot part's note of the meetings the last deleting write took out of the archive.
pub(crate) const GONE_KEY: &[u8] = b"gone_from_archive";

/// [`StoreError::BackupStopped`] once `stop` is set.
fn stopped(stop: &AtomicBool) -> Result<(), StoreError> {
    match stop.load(std::sync::atomic::Ordering::Relaxed) {
        true => Err(StoreError::BackupStopped),
        false => Ok(()),
    }
}

/// Where the archive of the data directory `dir` is.
pub(crate) fn path(dir: &Path) -> PathBuf {
    dir.join(ARCHIVE_DIR)
}

/// One key and value of a tree.
pub(crate) type Item = sled::Result<(sled::IVec, sled::IVec)>;
pub(crate) type Items<'a> = Box<dyn Iterator<Item = Item> + 'a>;

/// The entries of the same tree in the hot part and the archive, in key order (descending when
/// asked); a key in both (a move cut short) comes once, from the hot part.
pub(crate) struct Merged<'a> {
    hot: Peekable<Items<'a>>,
    cold: Option<Peekable<Items<'a>>>,
    descending: bool,
}

impl<'a> Merged<'a> {
    pub(crate) fn new(hot: Items<'a>, cold: Option<Items<'a>>, descending: bool) -> Merged<'a> {
        Merged {
            hot: hot.peekable(),
            cold: cold.map(Iterator::peekable),
            descending,
        }
    }
}

impl Iterator for Merged<'_> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        let Some(cold) = self.cold.as_mut() else {
            return self.hot.next();
        };
        let order = match (self.hot.peek(), cold.peek()) {
            (None, _) => return cold.next(),
            (_, None) => return self.hot.next(),
            (Some(Err(_)), _) => return self.hot.next(),
            (_, Some(Err(_))) => return cold.next(),
            (Some(Ok((hot, _))), Some(Ok((archived, _)))) => hot.cmp(archived),
        };
        let order = if self.descending {
            order.reverse()
        } else {
            order
        };
        match order {
            Order::Less => self.hot.next(),
            Order::Greater => cold.next(),
            Order::Equal => {
                cold.next();
                self.hot.next()
            }
        }
    }
}
