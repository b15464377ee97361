//! Bringing the index entries and the case summaries up to date (#21): after an upgrade, on the
//! first open by a caseplan whose index version is newer than the one that wrote them, or to
//! repair.
//!
//! The work goes in parts of [`PART`] records: each part's entries are written and flushed
//! together with a mark of how far the work has come, so memory stays that of one part
//! whatever the history, and an open that is cut short (a kill, a crash, a full disk) is
//! continued by the next one from the last flushed part. While the work runs, the mark is the
//! index version key itself (the version followed by the position): any caseplan, older ones
//! included, reads that as "not my version" and re-indexes, so a database is never taken for
//! up to date halfway.

use super::keys::{id_key, u64_at};
use super::progress::{Meter, OnProgress, Stage, quiet};
use super::record::{AnyRecord, Kind};
use super::trees::TreeId;
use super::{INDEX_VERSION, INDEX_VERSION_KEY, Store, StoreError, index};
use std::ops::Bound;

/// Records per part: a flush every two thousand records. Larger parts cost sled far more
/// memory (8,192: 190 MB at 220 cases / 10 years; 2,048: 118 MB) for little time. The tests
/// cut a re-index short between small parts.
const PART: usize = if cfg!(test) { 64 } else { 2048 };

/// Which trees the work was in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// The archive's index entries.
    Archive = 0,
    /// The hot part's index entries.
    Hot = 1,
    /// Every index entry is written; the case summaries are next.
    Summaries = 2,
}

/// How far a re-index came: every record before `next` of the kind in `slot` (and every record
/// of the kinds before it) has its entries written in the trees of `phase`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mark {
    phase: Phase,
    slot: usize,
    next: u64,
}

impl Mark {
    const LEN: usize = 4 + 1 + 1 + 8;

    fn at(phase: Phase) -> Mark {
        Mark {
            phase,
            slot: 0,
            next: 0,
        }
    }

    /// The index version key's value while the work runs.
    fn bytes(self) -> Vec<u8> {
        let mut out = INDEX_VERSION.to_be_bytes().to_vec();
        out.push(self.phase as u8);
        out.push(self.slot as u8);
        out.extend_from_slice(&id_key(self.next));
        out
    }

    /// The mark an interrupted re-index of this version left, if `bytes` is one.
    pub(crate) fn read(bytes: &[u8]) -> Option<Mark> {
        if bytes.len() != Self::LEN || bytes[..4] != INDEX_VERSION.to_be_bytes() {
            return None;
        }
        let phase = match bytes[4] {
            0 => Phase::Archive,
            1 => Phase::Hot,
            2 => Phase::Summaries,
            _ => return None,
        };
        let slot = usize::from(bytes[5]);
        (slot <= Kind::ALL.len()).then_some(())?;
        Some(Mark {
            phase,
            slot,
            next: u64_at(bytes, 6)?,
        })
    }
}

impl Store {
    /// Recomputes every index entry from the records (after an upgrade, or to repair), the
    /// archive's too, and the case summaries.
    pub fn rebuild_indexes(&self) -> Result<(), StoreError> {
        self.rebuild_indexes_from(None, &mut quiet)
    }

    /// Like [`Store::rebuild_indexes`], continuing from `from` (left by an interrupted one) and
    /// saying to `on` how far it has come. Leaves the index version key holding the mark of the
    /// last part: the caller sets the version once everything is done.
    pub(crate) fn rebuild_indexes_from(
        &self,
        from: Option<Mark>,
        on: OnProgress,
    ) -> Result<(), StoreError> {
        let from = from.unwrap_or(Mark::at(Phase::Archive));
        let total = self.records_to_index(from)?;
        let mut meter = Meter::start(&mut *on, Stage::Indexing, Some(total));
        if from.phase == Phase::Archive
            && let Some(archive) = self.archive()?
        {
            self.reindex(archive.trees(), from, &mut meter)?;
        }
        if from.phase != Phase::Summaries {
            let hot = match from.phase {
                Phase::Hot => from,
                _ => Mark::at(Phase::Hot),
            };
            self.reindex(&self.trees, hot, &mut meter)?;
        }
        meter.end();
        let summing = Meter::start(&mut *on, Stage::Summarising, None);
        self.rebuild_summaries()?;
        self.count_archive()?;
        summing.end();
        self.flush()
    }

    /// Drops the hot part's index trees and opens them again, empty: sled frees their pages
    /// at once, where clearing them removes every entry one by one (seconds at ten years).
    pub(crate) fn drop_indexes(&mut self) -> Result<(), StoreError> {
        let cannot = |e| StoreError::sled("could not rebuild the indexes", e);
        for tree in TreeId::indexes() {
            self.db.drop_tree(tree.name()).map_err(cannot)?;
            self.trees[tree.slot()] = self.db.open_tree(tree.name()).map_err(cannot)?;
        }
        Ok(())
    }

    /// How many records the work from `from` on goes through, for the bar's length.
    fn records_to_index(&self, from: Mark) -> Result<u64, StoreError> {
        let mut total = 0;
        let mut count = |trees: &[sled::Tree], from: Mark| {
            for (slot, kind) in Kind::ALL.iter().enumerate().skip(from.slot) {
                let start = if slot == from.slot { from.next } else { 0 };
                let tree = &trees[TreeId::Record(*kind).slot()];
                total += tree.range(id_key(start)..).count() as u64;
            }
        };
        if from.phase == Phase::Archive
            && let Some(archive) = self.archive()?
        {
            count(archive.trees(), from);
        }
        match from.phase {
            Phase::Archive => count(&self.trees, Mark::at(Phase::Hot)),
            Phase::Hot => count(&self.trees, from),
            Phase::Summaries => {}
        }
        Ok(total)
    }

    /// Writes the index entries of every record in `trees` from `from` on, part by part. Starting
    /// from the beginning, the old entries are cleared first.
    fn reindex(
        &self,
        trees: &[sled::Tree],
        from: Mark,
        meter: &mut Meter,
    ) -> Result<(), StoreError> {
        let cannot = |e| StoreError::sled("could not rebuild the indexes", e);
        if from.slot == 0 && from.next == 0 {
            for tree in TreeId::indexes() {
                trees[tree.slot()].clear().map_err(cannot)?;
            }
        }
        let mut part = Part::new(trees);
        for (slot, &kind) in Kind::ALL.iter().enumerate().skip(from.slot) {
            let start = if slot == from.slot { from.next } else { 0 };
            let records = &trees[TreeId::Record(kind).slot()];
            for item in records.range((Bound::Included(id_key(start)), Bound::Unbounded)) {
                let (key, value) = item.map_err(|e| self.read_error(e))?;
                let record = AnyRecord::decode(kind, &value).map_err(|d| {
                    self.damaged(format!("{kind} {}: {d}", u64_at(&key, 0).unwrap_or(0)))
                })?;
                part.add(&record);
                if part.records == PART {
                    let next = record.id().saturating_add(1);
                    self.write_index_part(&mut part, from.phase, slot, next, meter)?;
                }
            }
            self.write_index_part(&mut part, from.phase, slot + 1, 0, meter)?;
        }
        Ok(())
    }

    /// Writes a part's entries, then the mark that says they are written, and flushes both.
    fn write_index_part(
        &self,
        part: &mut Part,
        phase: Phase,
        slot: usize,
        next: u64,
        meter: &mut Meter,
    ) -> Result<(), StoreError> {
        let done = part.records as u64;
        for (tree, batch) in part.trees.iter().zip(part.batches.drain(..)) {
            tree.apply_batch(batch)
                .map_err(|e| StoreError::sled("could not rebuild the indexes", e))?;
        }
        if phase == Phase::Archive
            && let Some(archive) = self.archive.get()
        {
            archive.flush()?;
        }
        // Past the last kind, the phase after it begins.
        let mark = match (phase, slot == Kind::ALL.len()) {
            (Phase::Archive, true) => Mark::at(Phase::Hot),
            (Phase::Hot, true) => Mark::at(Phase::Summaries),
            _ => Mark { phase, slot, next },
        };
        self.meta_set(INDEX_VERSION_KEY, &mark.bytes())?;
        self.flush()?;
        #[cfg(test)]
        {
            tests::part_written()?;
        }
        meter.add(done);
        *part = Part::new(part.trees);
        Ok(())
    }
}

/// The entries of one part, one batch per tree.
struct Part<'t> {
    trees: &'t [sled::Tree],
    batches: Vec<sled::Batch>,
    records: usize,
}

impl<'t> Part<'t> {
    fn new(trees: &'t [sled::Tree]) -> Part<'t> {
        Part {
            trees,
            batches: trees.iter().map(|_| sled::Batch::default()).collect(),
            records: 0,
        }
    }

    fn add(&mut self, record: &AnyRecord) {
        for (tree, key, value) in index::entries(record) {
            self.batches[tree.slot()].insert(key, value);
        }
        self.records += 1;
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::store::Record;
    use std::cell::Cell;

    thread_local! {
        /// Parts left before a re-index in this thread stops as a kill would; `None`: never.
        static PARTS_LEFT: Cell<Option<usize>> = const { Cell::new(None) };
    }

    /// Makes the re-indexes of this thread stop with an error after `parts` more parts.
    pub(crate) fn stop_after(parts: Option<usize>) {
        PARTS_LEFT.with(|left| left.set(parts));
    }

    pub(super) fn part_written() -> Result<(), StoreError> {
        PARTS_LEFT.with(|left| match left.get() {
            Some(0) => Err(StoreError::BackupStopped),
            Some(n) => {
                left.set(Some(n - 1));
                Ok(())
            }
            None => Ok(()),
        })
    }

    /// Every entry of the index trees and the summaries, tree by tree.
    fn derived(store: &Store) -> Vec<Vec<(sled::IVec, sled::IVec)>> {
        let mut trees = TreeId::indexes();
        trees.push(TreeId::Summaries);
        trees
            .into_iter()
            .map(|t| store.tree(t).iter().map(Result::unwrap).collect())
            .collect()
    }

    #[test]
    fn a_re_index_killed_after_any_part_is_continued_by_the_next_open_and_ends_as_a_whole_one() {
        use crate::model::{CaseId, MeetingStatus};
        use crate::store::Change;
        let dir = tempfile::tempdir().unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let whole = {
            let store = Store::open_on(dir.path(), today).unwrap();
            let mut changes = Vec::new();
            for case in 1..=6 {
                changes.push(Change::Put(
                    crate::testing::case(case, "2020-01-06").into_any(),
                ));
                changes.push(Change::Put(
                    crate::testing::note(1000 + case, CaseId(case)).into_any(),
                ));
            }
            for n in 0..400u64 {
                let day = chrono::NaiveDate::from_ymd_opt(2021, 1, 4).unwrap()
                    + chrono::Duration::days(n as i64 * 5);
                let start = format!("{} 09:00", day.format("%Y-%m-%d"));
                let mut m = crate::testing::meeting(10_000 + n, &start, 45);
                m.case = Some(CaseId(1 + n % 6));
                if day < today {
                    m.status = MeetingStatus::Held;
                }
                changes.push(Change::Put(m.into_any()));
            }
            store.write(&changes).unwrap();
            let whole = derived(&store);
            // What an older caseplan leaves: its own version, an entry this one would not
            // write, and no summaries.
            store.tree(TreeId::Due).insert(b"stale", b"x").unwrap();
            store.tree(TreeId::Summaries).clear().unwrap();
            store
                .meta
                .insert(INDEX_VERSION_KEY, &4u32.to_be_bytes())
                .unwrap();
            store.flush().unwrap();
            whole
        };
        // Killed after every third part: each open goes on where the last stopped, so the
        // opens end; started afresh each time, they never would.
        let mut killed = 0;
        let store = loop {
            stop_after(Some(2));
            let opened = Store::open_on(dir.path(), today);
            stop_after(None);
            match opened {
                Ok(store) => break store,
                Err(_) => killed += 1,
            }
            assert!(killed < 12, "no open finished the re-index");
        };
        assert!(killed >= 3, "the re-index went in parts: {killed}");
        assert_eq!(derived(&store), whole);
        assert_eq!(
            store.meta_get(INDEX_VERSION_KEY).unwrap().as_deref(),
            Some(&INDEX_VERSION.to_be_bytes()[..])
        );
        assert_eq!(store.check(), vec![]);
    }

    #[test]
    fn a_mark_reads_back_and_another_version_s_does_not() {
        let mark = Mark {
            phase: Phase::Hot,
            slot: 2,
            next: 4711,
        };
        assert_eq!(Mark::read(&mark.bytes()), Some(mark));
        assert_eq!(Mark::read(&INDEX_VERSION.to_be_bytes()), None);
        let mut older = mark.bytes();
        older[3] = older[3].wrapping_sub(1);
        assert_eq!(Mark::read(&older), None);
    }
}
