//! An .ics file in as busy time: read, expanded within the window, caseplan's own meetings
//! left out, and the source's previous import replaced by UID, as one set of store changes and
//! the changes that undo it. Nothing is written here: the command line writes the changes, the
//! planner writes them as one undo step.

use super::expand::{Expanded, expand};
use super::{IcsError, Problem, Warning, export, read};
use crate::domain::reimport::{Replacement, replace};
use crate::model::{ExternalBlock, ExternalId};
use crate::privacy::check_no_cpr;
use crate::store::{AnyRecord, Change, Store};
use crate::time::Zone;
use chrono::{Datelike, Months, NaiveDate, NaiveTime};
use std::hash::{Hash, Hasher};

/// How far back and ahead of today repeats are expanded and events kept.
pub const WINDOW_MONTHS: u32 = 18;

/// The source a file is imported as when none is named.
pub const DEFAULT_SOURCE: &str = "Outlook";

#[derive(Debug, Clone, Copy)]
pub struct ImportParams<'a> {
    /// The calendar's name, shown on its blocks ("Outlook: Teammøde"); a re-import of the same
    /// source replaces what it brought before.
    pub source: &'a str,
    pub zone: Zone,
    pub today: NaiveDate,
}

/// What an import would change, and what it found.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub forward: Vec<Change>,
    pub backward: Vec<Change>,
    pub summary: Summary,
}

/// Counted by event: a repeating event is one, however many occurrences it has.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub source: String,
    pub added: usize,
    pub changed: usize,
    pub removed: usize,
    /// Blocks written: new, changed and removed occurrences.
    pub blocks: usize,
    /// caseplan's own meetings (exported from this database): not imported twice.
    pub own: usize,
    /// Cancelled events, which take no time.
    pub cancelled: usize,
    pub warnings: Vec<Warning>,
}

impl Summary {
    /// "12 new · 3 changed · 2 removed", and what else was found.
    pub fn line(&self) -> String {
        let mut parts = vec![
            format!("{} new", self.added),
            format!("{} changed", self.changed),
            format!("{} removed", self.removed),
        ];
        if self.own > 0 {
            parts.push(format!("{} of caseplan's own left out", self.own));
        }
        let skipped = self.warnings.iter().filter(|w| w.problem.skips()).count();
        if skipped > 0 {
            parts.push(format!("{skipped} could not be read"));
        }
        parts.join(" · ")
    }
}

/// Plans the import of `bytes` into `store` as the source `params.source`.
pub fn plan_import(
    store: &Store,
    bytes: &[u8],
    params: ImportParams<'_>,
) -> Result<Imported, IcsError> {
    let source = params.source.trim();
    if source.is_empty() || source.chars().count() > 40 || source.contains(char::is_control) {
        return Err(IcsError::BadSource(source.to_string()));
    }
    check_no_cpr("source", source).map_err(|_| IcsError::BadSource(source.to_string()))?;
    let document = read::read(bytes, params.zone.tz(), params.today.year())?;
    let window = window(params.today);
    let Expanded {
        blocks,
        mut warnings,
        cancelled,
    } = expand(&document, params.zone, window, source);
    let token = store.calendar_token()?;
    let mut own = std::collections::HashSet::new();
    let mut kept = Vec::with_capacity(blocks.len());
    for mut block in blocks {
        if token
            .as_deref()
            .is_some_and(|t| export::own_meeting(&block.uid, t).is_some())
        {
            own.insert(block.uid);
            continue;
        }
        if check_no_cpr("title", &block.title).is_err() {
            warnings.push(Warning {
                line: 0,
                title: String::new(),
                start: Some(block.start),
                problem: Problem::CprInTitle,
            });
            block.title.clear();
        }
        if check_no_cpr("uid", &block.uid).is_err() {
            // A UID is an identifier, not text: one shaped like a CPR number is kept as a hash.
            block.uid = format!("hashed-{:016x}", stable_hash(&block.uid));
        }
        kept.push(block);
    }
    let previous = store.external_of_source(source)?;
    let replacement = replace(previous, kept, || store.next_id().map(ExternalId))?;
    Ok(changes(
        replacement,
        Summary {
            source: source.to_string(),
            own: own.len(),
            cancelled,
            warnings,
            ..Summary::default()
        },
    ))
}

/// The import window around `today`: repeats are expanded only within it.
pub fn window(today: NaiveDate) -> (chrono::NaiveDateTime, chrono::NaiveDateTime) {
    let months = Months::new(WINDOW_MONTHS);
    let from = today.checked_sub_months(months).unwrap_or(today);
    let to = today.checked_add_months(months).unwrap_or(today);
    (from.and_time(NaiveTime::MIN), to.and_time(NaiveTime::MIN))
}

fn changes(replacement: Replacement, mut summary: Summary) -> Imported {
    let Replacement {
        added,
        changed,
        removed,
        events,
        ..
    } = replacement;
    summary.added = events.added;
    summary.changed = events.changed;
    summary.removed = events.removed;
    summary.blocks = added.len() + changed.len() + removed.len();
    let put = |b: ExternalBlock| Change::Put(AnyRecord::External(b));
    let delete = |b: &ExternalBlock| Change::Delete(b.id.into());
    let mut forward = Vec::new();
    let mut backward = Vec::new();
    for block in added {
        backward.push(delete(&block));
        forward.push(put(block));
    }
    for (now, before) in changed {
        forward.push(put(now));
        backward.push(put(before));
    }
    for block in removed {
        forward.push(delete(&block));
        backward.push(put(block));
    }
    Imported {
        forward,
        backward,
        summary,
    }
}

/// A hash that stays the same from run to run (std's hasher with its fixed keys).
fn stable_hash(text: &str) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}
