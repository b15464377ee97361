//! How many of each case's meetings the archive holds, by outcome (#21), kept in the hot part's
//! settings: a count over a case's whole history (the card's attendance) adds them to the hot
//! part's own count instead of opening the archive, which costs more than the rest of the card
//! at ten years.
//!
//! They are counted after every move and every re-index, and forgotten before anything else
//! changes what the archive holds (a write to an archived meeting takes it out; an import
//! empties it); until they are counted again, the archive is read. While a move is under way a
//! meeting may be in both parts, so they are not used then.

use super::archive::Archive;
use super::error::Problem;
use super::index::status_tag;
use super::keys::{id_key, u64_at};
use super::trees::TreeId;
use super::{Store, StoreError};
use crate::model::{CaseId, MeetingStatus};
use std::collections::BTreeMap;

/// Present when the counts are those of the archive as it is.
const COUNTED_KEY: &[u8] = b"archive_counted";
/// Followed by a case's id: how many of its archived meetings have each outcome, by the tag the
/// case-and-status index gives it (1 to [`TAGS`]), a `u32` each.
const PREFIX: &[u8] = b"archive_count/";
const TAGS: usize = 6;

type Counts = [u32; TAGS];

impl Store {
    /// How many of `case`'s meetings with `status` the archive holds, when that is known
    /// without opening it.
    pub(crate) fn archived_status_count(
        &self,
        case: CaseId,
        status: MeetingStatus,
    ) -> Result<Option<usize>, StoreError> {
        let cold = self.cold();
        if cold.before.is_none() {
            return Ok(Some(0));
        }
        if cold.moving || !self.archive_counted()? {
            return Ok(None);
        }
        let Some(slot) = status_tag(status).and_then(|tag| usize::from(tag).checked_sub(1)) else {
            return Ok(Some(0));
        };
        let counts = self.meta_get(&key(case.0))?.map(|v| decode(&v));
        Ok(Some(counts.map_or(0, |c| c[slot] as usize)))
    }

    /// Whether the counts kept are those of the archive as it is.
    pub(crate) fn archive_counted(&self) -> Result<bool, StoreError> {
        Ok(self.meta_get(COUNTED_KEY)?.is_some())
    }

    /// Counts the archive's meetings by case and outcome and keeps the counts in place of those
    /// kept before, in one batch (flushed with the caller's next flush). Without an archive,
    /// there is nothing to keep.
    pub(crate) fn count_archive(&self) -> Result<(), StoreError> {
        let mut batch = sled::Batch::default();
        batch.remove(COUNTED_KEY);
        for item in self.meta.scan_prefix(PREFIX) {
            let (old, _) = item.map_err(|e| self.read_error(e))?;
            batch.remove(old);
        }
        if let Some(archive) = self.archive()? {
            for (case, counts) in self.counted(archive)? {
                batch.insert(key(case), encode(&counts));
            }
            batch.insert(COUNTED_KEY, b"1".as_slice());
        }
        self.meta
            .apply_batch(batch)
            .map_err(|e| StoreError::sled("could not save the database settings", e))
    }

    /// Forgets the counts (flushed with the caller's next flush): the archive is about to
    /// change. Without the mark they are not read, and the next count replaces them.
    pub(crate) fn forget_archive_counts(&self) -> Result<(), StoreError> {
        self.meta_remove(COUNTED_KEY)
    }

    /// The counts kept, compared with what counting the archive now gives (`check`).
    pub(crate) fn check_archive_counts(&self) -> Vec<Problem> {
        match self.archive_counts_differ() {
            Ok(false) => vec![],
            Ok(true) => vec![Problem::new(
                None,
                "the counts kept of the archive's meetings by case differ from what it holds",
            )],
            Err(err) => vec![Problem::new(
                None,
                format!("the counts of the archive's meetings could not be read: {err}"),
            )],
        }
    }

    /// Whether counts are kept (and may be used) that are not the archive's own.
    fn archive_counts_differ(&self) -> Result<bool, StoreError> {
        if self.cold().moving || !self.archive_counted()? {
            return Ok(false);
        }
        let found = match self.archive()? {
            Some(archive) => self.counted(archive)?,
            None => BTreeMap::new(),
        };
        Ok(self.kept_counts()? != found)
    }

    /// The archive's meetings counted by case and outcome, from its case-and-status index.
    fn counted(&self, archive: &Archive) -> Result<BTreeMap<u64, Counts>, StoreError> {
        let mut counts: BTreeMap<u64, Counts> = BTreeMap::new();
        for item in archive.tree(TreeId::MeetingsByCaseStatus).iter() {
            let (entry, _) = item.map_err(|e| self.read_error(e))?;
            let (Some(case), Some(&tag)) = (u64_at(&entry, 0), entry.get(8)) else {
                continue;
            };
            let slot = usize::from(tag).wrapping_sub(1);
            if let Some(n) = counts.entry(case).or_default().get_mut(slot) {
                *n = n.saturating_add(1);
            }
        }
        Ok(counts)
    }

    fn kept_counts(&self) -> Result<BTreeMap<u64, Counts>, StoreError> {
        let mut kept = BTreeMap::new();
        for item in self.meta.scan_prefix(PREFIX) {
            let (k, v) = item.map_err(|e| self.read_error(e))?;
            if let Some(case) = u64_at(&k, PREFIX.len()) {
                kept.insert(case, decode(&v));
            }
        }
        Ok(kept)
    }
}

fn key(case: u64) -> Vec<u8> {
    [PREFIX, &id_key(case)].concat()
}

fn encode(counts: &Counts) -> Vec<u8> {
    counts.iter().flat_map(|n| n.to_be_bytes()).collect()
}

/// Counts as stored; a short value counts as nothing for what it lacks.
fn decode(bytes: &[u8]) -> Counts {
    let mut counts = Counts::default();
    for (n, chunk) in counts.iter_mut().zip(bytes.chunks_exact(4)) {
        *n = chunk.try_into().map(u32::from_be_bytes).unwrap_or(0);
    }
    counts
}
