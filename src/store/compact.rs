//! Rewriting the hot database compactly after a large move to the archive (#21).
//!
//! sled keeps a freed page in its page table (to be given out again), and reads the whole table
//! on every open: after years of history moved out, the hot part opens no faster until it is
//! written afresh. The open that finds the mark left by a large move writes every tree into
//! `db.compact/` beside the database, marks it whole (`db.compact.ready`) and swaps the two
//! folders while it still holds both open, so no other caseplan can open either meanwhile. A
//! crash before the mark leaves the old database in use (the unfinished copy is removed by the
//! next compaction); after it, the next open finishes the swap before it opens anything.

use super::progress::{Meter, OnProgress, Stage};
use super::record::{AnyRecord, Kind};
use super::trees::TreeId;
use super::{CACHE_BYTES, DB_DIR, ID_OFFSET_KEY, META_TREE, Store, StoreError, files};
use std::fs;
use std::io;
use std::path::Path;

/// Set by a move that took a large share of the hot part to the archive.
pub(crate) const WANTED_KEY: &[u8] = b"compact_wanted";
const FRESH_DIR: &str = "db.compact";
const READY_FILE: &str = "db.compact.ready";
const OLD_DIR: &str = "db.old";

/// Entries per batch while copying a tree.
const PART: usize = 2048;

/// Finishes a swap that an interrupted open left marked whole, and removes the old folder a
/// finished one left behind. Runs before sled opens the database.
pub(crate) fn finish_swap(dir: &Path) -> io::Result<()> {
    let db = dir.join(DB_DIR);
    let fresh = dir.join(FRESH_DIR);
    let ready = dir.join(READY_FILE);
    let old = dir.join(OLD_DIR);
    if ready.exists() {
        if fresh.exists() {
            if db.exists() {
                if old.exists() {
                    fs::remove_dir_all(&old)?;
                }
                ignore_gone(fs::rename(&db, &old))?;
            }
            ignore_gone(fs::rename(&fresh, &db))?;
            sync_dir(dir)?;
        }
        ignore_gone(fs::remove_file(&ready))?;
    }
    if old.exists() && db.exists() && !ready.exists() {
        ignore_gone(fs::remove_dir_all(&old))?;
    }
    Ok(())
}

/// Another caseplan finishing the same swap got there first.
fn ignore_gone(result: io::Result<()>) -> io::Result<()> {
    match result {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

fn sync_dir(dir: &Path) -> io::Result<()> {
    fs::File::open(dir)?.sync_all()
}

impl Store {
    /// Whether a large move asked for the hot part to be written afresh, and this open may.
    pub(crate) fn wants_compaction(&self) -> Result<bool, StoreError> {
        Ok(self.unwritable.is_none() && self.meta_get(WANTED_KEY)?.is_some())
    }

    /// Writes every tree into a fresh database beside this one and swaps the folders, holding
    /// both open throughout. The store must be dropped and the database opened again after.
    pub(crate) fn compact(&self, on: OnProgress) -> Result<(), StoreError> {
        let cannot = |e: io::Error| {
            StoreError::write_io(
                format!(
                    "could not write the database afresh in {}",
                    self.dir.display()
                ),
                e,
            )
        };
        let sled_error = |e| StoreError::sled("could not write the database afresh", e);
        let path = self.dir.join(FRESH_DIR);
        if path.exists() {
            fs::remove_dir_all(&path).map_err(cannot)?;
        }
        files::create_private_dir(&path).map_err(cannot)?;
        let fresh = sled::Config::new()
            .path(&path)
            .cache_capacity(CACHE_BYTES)
            .open()
            .map_err(sled_error)?;
        // Records are copied and their index entries written anew; a meeting the archive holds
        // as it is here (a large move leaves them in both) is left out. Other trees (the
        // settings) are copied as they are.
        let archive = match self.cold().moving {
            true => self.archive()?,
            false => None,
        };
        let records: Vec<Vec<u8>> = Kind::ALL
            .iter()
            .map(|k| k.tree_name().as_bytes().to_vec())
            .collect();
        let indexes: Vec<Vec<u8>> = TreeId::indexes()
            .iter()
            .map(|t| t.name().into_bytes())
            .collect();
        let fresh_trees = TreeId::all()
            .iter()
            .map(|t| fresh.open_tree(t.name()))
            .collect::<Result<Vec<_>, _>>()
            .map_err(sled_error)?;
        let mut meter = Meter::start(on, Stage::Compacting, None);
        for kind in Kind::ALL {
            let archived = archive.map(|a| a.tree(TreeId::Record(kind)));
            let mut part = Vec::with_capacity(PART);
            for item in self.tree(TreeId::Record(kind)).iter() {
                let (key, value) = item.map_err(|e| self.read_error(e))?;
                if let Some(archived) = archived
                    && archived.get(&key).map_err(|e| self.read_error(e))?.as_ref() == Some(&value)
                {
                    continue;
                }
                part.push(AnyRecord::decode(kind, &value).map_err(|d| self.damaged(d))?);
                if part.len() == PART {
                    super::archive::write_records(&fresh_trees, &part)?;
                    meter.add(part.len() as u64);
                    part.clear();
                }
            }
            super::archive::write_records(&fresh_trees, &part)?;
            meter.add(part.len() as u64);
        }
        meter.end();
        for name in self.db.tree_names() {
            if records.contains(&name.to_vec()) || indexes.contains(&name.to_vec()) {
                continue;
            }
            let from = self.db.open_tree(&name).map_err(sled_error)?;
            let to = fresh.open_tree(&name).map_err(sled_error)?;
            let mut batch = sled::Batch::default();
            for item in from.iter() {
                let (key, value) = item.map_err(|e| self.read_error(e))?;
                batch.insert(key, value);
            }
            to.apply_batch(batch).map_err(sled_error)?;
        }
        // The fresh database counts its ids from 0: the offset carries on above every id this
        // one gave out.
        let given = self.db.generate_id().map_err(sled_error)?;
        let offset = self.id_offset.load(std::sync::atomic::Ordering::SeqCst);
        let meta = fresh.open_tree(META_TREE).map_err(sled_error)?;
        let carried = offset.saturating_add(given).saturating_add(1);
        meta.insert(ID_OFFSET_KEY, &carried.to_be_bytes())
            .map_err(sled_error)?;
        meta.remove(WANTED_KEY).map_err(sled_error)?;
        meta.remove(super::archive::MOVING_KEY)
            .map_err(sled_error)?;
        fresh.flush().map_err(sled_error)?;
        files::write_private_file(&self.dir.join(READY_FILE), b"").map_err(cannot)?;
        sync_dir(&self.dir).map_err(cannot)?;
        // Both are still open here: another caseplan finds either folder locked.
        finish_swap(&self.dir).map_err(cannot)?;
        drop(fresh);
        Ok(())
    }

    /// Asks the next open to write the hot part afresh.
    pub(crate) fn want_compaction(&self) -> Result<(), StoreError> {
        self.meta_set(WANTED_KEY, b"1")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(dir: &Path, name: &str, content: &str) {
        fs::create_dir_all(dir.join(name)).unwrap();
        fs::write(dir.join(name).join("db"), content).unwrap();
    }

    fn content(dir: &Path) -> String {
        fs::read_to_string(dir.join(DB_DIR).join("db")).unwrap()
    }

    #[test]
    fn a_swap_marked_whole_is_finished_wherever_it_stopped() {
        // Stopped before the first rename, and between the two.
        for old_moved in [false, true] {
            let dir = tempfile::tempdir().unwrap();
            let d = dir.path();
            folder(d, if old_moved { OLD_DIR } else { DB_DIR }, "old");
            folder(d, FRESH_DIR, "fresh");
            fs::write(d.join(READY_FILE), b"").unwrap();
            finish_swap(d).unwrap();
            assert_eq!(content(d), "fresh");
            assert!(!d.join(FRESH_DIR).exists());
            assert!(!d.join(OLD_DIR).exists());
            assert!(!d.join(READY_FILE).exists());
        }
    }

    #[test]
    fn an_unfinished_copy_is_never_swapped_in() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        folder(d, DB_DIR, "old");
        folder(d, FRESH_DIR, "half");
        finish_swap(d).unwrap();
        assert_eq!(content(d), "old");
    }
}
