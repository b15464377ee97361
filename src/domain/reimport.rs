//! Importing a calendar again: the new blocks of a source replace its previous import, matched
//! by UID and occurrence, so a changed event moves, a removed or cancelled one disappears, and
//! an unchanged one keeps its id.

use crate::model::{ExternalBlock, ExternalId};
use chrono::NaiveDateTime;
use std::collections::{HashMap, HashSet};

/// What a re-import changes: the blocks to write (new and changed, with their ids) and the
/// blocks to remove, and the previous state of each changed or removed block, for undo.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Replacement {
    pub added: Vec<ExternalBlock>,
    /// Each changed block as it is now, and as it was.
    pub changed: Vec<(ExternalBlock, ExternalBlock)>,
    pub removed: Vec<ExternalBlock>,
    pub unchanged: usize,
    /// The same, counted by event (a repeating event is one, however many blocks it has).
    pub events: Counts,
}

/// Events new to the source, changed in any occurrence, and gone from it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub added: usize,
    pub changed: usize,
    pub removed: usize,
}

impl Replacement {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.removed.is_empty()
    }
}

/// Replaces `previous` (one source's blocks as stored) by `incoming` (the same source read
/// again, ids not yet given). A new block gets its id from `next_id`, a matched one keeps the
/// stored id. Two incoming blocks with one key: the first counts.
pub fn replace<E>(
    previous: Vec<ExternalBlock>,
    incoming: Vec<ExternalBlock>,
    mut next_id: impl FnMut() -> Result<ExternalId, E>,
) -> Result<Replacement, E> {
    let before: HashSet<String> = previous.iter().map(|b| b.uid.clone()).collect();
    let after: HashSet<String> = incoming.iter().map(|b| b.uid.clone()).collect();
    let mut stored: HashMap<(String, Option<NaiveDateTime>), ExternalBlock> = previous
        .into_iter()
        .map(|b| ((b.uid.clone(), b.occurrence), b))
        .collect();
    let mut out = Replacement::default();
    for mut block in incoming {
        let key = (block.uid.clone(), block.occurrence);
        match stored.remove(&key) {
            Some(old) => {
                block.id = old.id;
                if block == old {
                    out.unchanged += 1;
                } else {
                    out.changed.push((block, old));
                }
            }
            None if out.added.iter().any(|b| b.key() == block.key()) => {}
            None => {
                block.id = next_id()?;
                out.added.push(block);
            }
        }
    }
    out.removed = stored.into_values().collect();
    out.removed.sort_by_key(|b| (b.start, b.id));
    let touched: HashSet<&str> = out
        .added
        .iter()
        .chain(out.changed.iter().map(|(now, _)| now))
        .chain(&out.removed)
        .map(|b| b.uid.as_str())
        .collect();
    out.events = Counts {
        added: after.difference(&before).count(),
        changed: touched
            .iter()
            .filter(|uid| before.contains(**uid) && after.contains(**uid))
            .count(),
        removed: before.difference(&after).count(),
    };
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::at;

    fn block(id: u64, uid: &str, start: &str) -> ExternalBlock {
        ExternalBlock {
            id: ExternalId(id),
            source: "Outlook".into(),
            uid: uid.into(),
            occurrence: None,
            start: at(start),
            minutes: 60,
            all_day: false,
            title: "Teammøde".into(),
            free: false,
            private: false,
        }
    }

    #[test]
    fn new_changed_removed_and_unchanged_are_told_apart_by_uid() {
        let previous = vec![
            block(1, "same", "2026-03-02 09:00"),
            block(2, "moves", "2026-03-02 10:00"),
            block(3, "goes", "2026-03-02 11:00"),
        ];
        let incoming = vec![
            block(0, "same", "2026-03-02 09:00"),
            block(0, "moves", "2026-03-03 10:00"),
            block(0, "new", "2026-03-04 12:00"),
            block(0, "new", "2026-03-04 12:00"),
        ];
        let mut ids = 100..;
        let r: Replacement =
            replace::<()>(previous, incoming, || Ok(ExternalId(ids.next().unwrap()))).unwrap();
        assert_eq!(r.unchanged, 1);
        assert_eq!(r.added.len(), 1);
        assert_eq!(r.added[0].id, ExternalId(100));
        assert_eq!(r.changed.len(), 1);
        assert_eq!(r.changed[0].0.id, ExternalId(2));
        assert_eq!(r.changed[0].0.start, at("2026-03-03 10:00"));
        assert_eq!(r.changed[0].1.start, at("2026-03-02 10:00"));
        assert_eq!(
            r.removed.iter().map(|b| b.id.0).collect::<Vec<_>>(),
            vec![3]
        );
        assert_eq!(
            r.events,
            Counts {
                added: 1,
                changed: 1,
                removed: 1
            }
        );
    }

    #[test]
    fn occurrences_of_one_uid_are_matched_one_by_one() {
        let mut a = block(1, "w", "2026-03-02 09:00");
        a.occurrence = Some(at("2026-03-02 09:00"));
        let mut b = block(2, "w", "2026-03-09 09:00");
        b.occurrence = Some(at("2026-03-09 09:00"));
        let mut moved = b.clone();
        moved.id = ExternalId(0);
        moved.start = at("2026-03-09 13:00");
        let r = replace::<()>(vec![a.clone(), b], vec![moved], || Ok(ExternalId(9))).unwrap();
        assert_eq!(r.changed.len(), 1);
        assert_eq!(r.changed[0].0.id, ExternalId(2));
        assert_eq!(r.removed, vec![a]);
        // One repeating event, two occurrences touched: one changed event.
        assert_eq!(r.events.changed, 1);
        assert_eq!((r.events.added, r.events.removed), (0, 0));
    }
}
