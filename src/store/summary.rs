//! Case summaries (#21): kept in their own tree, one per case that has meetings, events,
//! courses or medical requests, and rewritten in the transaction of every write that changes
//! one of those records. What a summary holds is [`crate::domain::summary`]'s rule; this
//! module only feeds it the records it looks at — the meetings back to twelve months before
//! the newest held one and the newest event that reached the citizen — read from the store
//! with the write's changes laid over them.

use super::keys::{id_key, time_key, u64_at};
use super::record::{AnyRecord, CaseRecord, Change, Kind, Record, RecordId, RecordRef};
use super::trees::TreeId;
use super::{Store, StoreError, packed};
use crate::domain::summary::{CaseSummary, is_reached, reach_back, summarize};
use crate::model::{
    CaseBrief, CaseId, ContactEvent, Course, EventId, MedicalRequest, Meeting, MeetingStatus,
};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::ops::Bound;

/// The records a write changes, by reference: the new value, or `None` when deleted. Of two
/// changes to one record the last wins, as in the transaction.
pub(crate) struct Overlay(HashMap<RecordRef, Option<AnyRecord>>);

impl Overlay {
    pub(crate) fn of(changes: &[Change]) -> Overlay {
        let mut map = HashMap::new();
        for change in changes {
            match change {
                Change::Put(record) => map.insert(record.record_ref(), Some(record.clone())),
                Change::Delete(target) => map.insert(*target, None),
            };
        }
        Overlay(map)
    }

    fn changes(&self, kind: Kind, id: u64) -> bool {
        self.0.contains_key(&RecordRef { kind, id })
    }

    /// The new records of `R` that belong to `case`.
    fn new_of<R: Record>(&self, case: impl Fn(&R) -> bool) -> Vec<R> {
        self.0
            .values()
            .flatten()
            .filter(|r| r.kind() == R::KIND)
            .filter_map(|r| R::from_any(r.clone()))
            .filter(|r| case(r))
            .collect()
    }
}

/// The case whose summary a record feeds, if any.
fn summarized_case(record: &AnyRecord) -> Option<CaseId> {
    match record {
        AnyRecord::Meeting(m) => m.case,
        AnyRecord::Event(e) => Some(e.case),
        AnyRecord::Course(c) => Some(c.case),
        AnyRecord::MedicalRequest(r) => Some(r.case),
        _ => None,
    }
}

impl Store {
    /// The summary of `case`; the empty summary when it has none of the records summed up.
    pub fn summary(&self, case: CaseId) -> Result<CaseSummary, StoreError> {
        match self
            .tree(TreeId::Summaries)
            .get(id_key(case.0))
            .map_err(|e| self.read_error(e))?
        {
            Some(bytes) => packed::decode_summary(&bytes)
                .map_err(|d| self.damaged(format!("the summary of case {}: {d}", case.0))),
            None => Ok(CaseSummary::default()),
        }
    }

    /// Every active case's brief with its summary, by case id: one ordered pass over the
    /// briefs and one over the summaries beside it, instead of a read per case (#21).
    pub fn active_cases(&self) -> Result<Vec<(CaseBrief, CaseSummary)>, StoreError> {
        let mut summaries = self.tree(TreeId::Summaries).iter();
        // The summary read ahead of the briefs: of the next case that has one.
        let mut ahead: Option<(u64, sled::IVec)> = None;
        let mut out = Vec::new();
        for item in self.tree(TreeId::Briefs).iter() {
            let (key, value) = item.map_err(|e| self.read_error(e))?;
            let id = u64_at(&key, 0).unwrap_or(0);
            let brief = packed::decode_brief(CaseId(id), &value)
                .map_err(|d| self.damaged(format!("the brief of case {id}: {d}")))?;
            let mut summary = CaseSummary::default();
            // Summaries of closed cases are passed by; a case without one has none to keep.
            loop {
                if ahead.is_none() {
                    let Some(item) = summaries.next() else { break };
                    let (at, bytes) = item.map_err(|e| self.read_error(e))?;
                    ahead = Some((u64_at(&at, 0).unwrap_or(0), bytes));
                }
                let Some((at, bytes)) = &ahead else { break };
                if *at > id {
                    break;
                }
                if *at == id {
                    summary = packed::decode_summary(bytes)
                        .map_err(|d| self.damaged(format!("the summary of case {id}: {d}")))?;
                }
                ahead = None;
            }
            out.push((brief, summary));
        }
        Ok(out)
    }

    /// The summaries `changes` leave behind, for every case they touch (before or after).
    pub(crate) fn summaries_after(
        &self,
        changes: &[Change],
    ) -> Result<Vec<(CaseId, CaseSummary)>, StoreError> {
        let overlay = Overlay::of(changes);
        let mut cases = BTreeSet::new();
        for (target, new) in &overlay.0 {
            if !matches!(
                target.kind,
                Kind::Meeting | Kind::Event | Kind::Course | Kind::MedicalRequest
            ) {
                continue;
            }
            cases.extend(new.as_ref().and_then(summarized_case));
            if let Some(bytes) = self
                .tree(TreeId::Record(target.kind))
                .get(id_key(target.id))
                .map_err(|e| self.read_error(e))?
            {
                let old = AnyRecord::decode(target.kind, &bytes)
                    .map_err(|d| self.damaged(format!("{target}: {d}")))?;
                cases.extend(summarized_case(&old));
            }
        }
        cases
            .into_iter()
            .map(|case| Ok((case, self.summary_with(case, &overlay)?)))
            .collect()
    }

    /// The summary of `case` computed from the stored records with `overlay` laid over them.
    fn summary_with(&self, case: CaseId, overlay: &Overlay) -> Result<CaseSummary, StoreError> {
        let meetings = self.summed_meetings(case, overlay)?;
        let event = self.newest_reaching_event(case, overlay)?;
        let courses: Vec<Course> = self.case_records(case, overlay)?;
        let requests: Vec<MedicalRequest> = self.case_records(case, overlay)?;
        Ok(summarize(
            case,
            &meetings,
            event.as_slice(),
            &courses,
            &requests,
        ))
    }

    /// A case's meetings, newest first, back to twelve months before the newest held one. The
    /// archive is read only when that reaches before its cutoff, or no held meeting is hot:
    /// archived meetings are all from before the cutoff, so none can matter otherwise. Then
    /// only the archive's own meetings are added to those the hot part gave.
    fn summed_meetings(&self, case: CaseId, overlay: &Overlay) -> Result<Vec<Meeting>, StoreError> {
        let hot = self.summed_hot_meetings(case, overlay)?;
        let cold = self.cold();
        let held = hot.iter().find(|m| m.status == MeetingStatus::Held);
        if cold.before.is_none() || held.is_some_and(|h| !cold.reaches(reach_back(h.start))) {
            return Ok(hot);
        }
        let Some(archive) = self.archive()? else {
            return Ok(hot);
        };
        let hot_held = held.map(|h| h.start);
        // A meeting in both (a move cut short) counts once, as the hot part has it; one the
        // hot pass did not reach is older than its line, so the cut below drops it anyway.
        let known: HashSet<u64> = hot.iter().map(|m| m.id.0).collect();
        let mut all = hot;
        let mut newest_held = hot_held;
        let records = archive.tree(TreeId::Record(Kind::Meeting));
        for item in archive
            .tree(TreeId::MeetingsByCase)
            .range(case_range(case))
            .rev()
        {
            let (key, _) = item.map_err(|e| self.read_error(e))?;
            let Some(id) = u64_at(&key, 16) else {
                continue;
            };
            if known.contains(&id) || overlay.changes(Kind::Meeting, id) {
                continue;
            }
            let Some(bytes) = records.get(id_key(id)).map_err(|e| self.read_error(e))? else {
                continue;
            };
            let meeting = self.decode::<Meeting>(id, &bytes)?;
            // Newest first: once past the line of the newest held so far, none older counts.
            if newest_held.is_some_and(|h| meeting.start < reach_back(h)) {
                break;
            }
            if meeting.status == MeetingStatus::Held
                && newest_held.is_none_or(|h| h < meeting.start)
            {
                newest_held = Some(meeting.start);
            }
            all.push(meeting);
        }
        all.sort_by_key(|m| std::cmp::Reverse((m.start, m.id)));
        Ok(back_to_a_year_before_held(all))
    }

    /// [`Store::summed_meetings`] from the hot part alone.
    fn summed_hot_meetings(
        &self,
        case: CaseId,
        overlay: &Overlay,
    ) -> Result<Vec<Meeting>, StoreError> {
        let mut order: Vec<([u8; 8], u64, Option<Meeting>)> = Vec::new();
        for item in self.tree(TreeId::MeetingsByCase).range(case_range(case)) {
            let (key, _) = item.map_err(|e| self.read_error(e))?;
            let (Some(start), Some(id)) = (key.get(8..16), u64_at(&key, 16)) else {
                continue;
            };
            let Ok(start) = <[u8; 8]>::try_from(start) else {
                continue;
            };
            if !overlay.changes(Kind::Meeting, id) {
                order.push((start, id, None));
            }
        }
        for m in overlay.new_of::<Meeting>(|m| m.case == Some(case)) {
            order.push((time_key(m.start), m.id.0, Some(m)));
        }
        order.sort_by_key(|(start, id, _)| std::cmp::Reverse((*start, *id)));
        let mut out = Vec::new();
        let mut year_back = YearBack::default();
        let records = self.tree(TreeId::Record(Kind::Meeting));
        for (_, id, new) in order {
            let meeting = match new {
                Some(m) => m,
                None => match records.get(id_key(id)).map_err(|e| self.read_error(e))? {
                    Some(bytes) => self.decode::<Meeting>(id, &bytes)?,
                    None => continue,
                },
            };
            if !year_back.keeps(&meeting) {
                break;
            }
            out.push(meeting);
        }
        Ok(out)
    }

    /// The newest logged event of `case` that reached the citizen.
    fn newest_reaching_event(
        &self,
        case: CaseId,
        overlay: &Overlay,
    ) -> Result<Option<ContactEvent>, StoreError> {
        let mut order = self.stored_ids::<ContactEvent>(case, overlay)?;
        let mut new = overlay.new_of::<ContactEvent>(|e| e.case == case && is_reached(e));
        new.sort_by_key(|e| e.id);
        let newest_new = new.pop();
        order.retain(|id| newest_new.as_ref().is_none_or(|e| *id > e.id.0));
        for id in order.into_iter().rev() {
            if let Some(e) = self.get::<ContactEvent>(EventId(id))?
                && is_reached(&e)
            {
                return Ok(Some(e));
            }
        }
        Ok(newest_new)
    }

    /// Every record of `R` of `case`, with the overlay's changes.
    fn case_records<R: CaseRecord>(
        &self,
        case: CaseId,
        overlay: &Overlay,
    ) -> Result<Vec<R>, StoreError> {
        let mut out = Vec::new();
        for id in self.stored_ids::<R>(case, overlay)? {
            out.extend(self.get::<R>(R::Id::from_raw(id))?);
        }
        out.extend(overlay.new_of::<R>(|r| r.case() == case));
        Ok(out)
    }

    /// The ids of `case`'s stored records of `R` that the overlay does not change, in order.
    fn stored_ids<R: CaseRecord>(
        &self,
        case: CaseId,
        overlay: &Overlay,
    ) -> Result<Vec<u64>, StoreError> {
        let mut out = Vec::new();
        for item in self
            .tree(TreeId::ByCase(R::KIND))
            .scan_prefix(id_key(case.0))
        {
            let (key, _) = item.map_err(|e| self.read_error(e))?;
            if let Some(id) = u64_at(&key, 8).filter(|id| !overlay.changes(R::KIND, *id)) {
                out.push(id);
            }
        }
        Ok(out)
    }

    /// Recomputes every case's summary from the records (after an upgrade, an import, a
    /// restore, or to repair): one pass over each kind's records, grouped by case, so the cost
    /// is a scan, not a read per meeting (557 s at 10,000 cases read one by one).
    pub(crate) fn rebuild_summaries(&self) -> Result<(), StoreError> {
        let cannot = |e| StoreError::sled("could not rebuild the case summaries", e);
        let mut meetings: HashMap<CaseId, Kept> = HashMap::new();
        // The fields the rule does not read are taken from one meeting for all (see `Kept`).
        let mut template: Option<Meeting> = None;
        let hot_meetings = self.tree(TreeId::Record(Kind::Meeting));
        self.each_in::<Meeting>(hot_meetings, |m| {
            if let Some(case) = m.case {
                meetings.entry(case).or_default().push(&m);
            }
            template.get_or_insert(m);
        })?;
        if let Some(archive) = self.archive()? {
            // A meeting in both (a move cut short) counts once, as the hot part has it.
            let archived = archive.tree(TreeId::Record(Kind::Meeting));
            self.each_in::<Meeting>(archived, |m| {
                let in_hot = hot_meetings.contains_key(id_key(m.id.0)).unwrap_or(false);
                if let Some(case) = m.case.filter(|_| !in_hot) {
                    meetings.entry(case).or_default().push(&m);
                }
                template.get_or_insert(m);
            })?;
        }
        let mut events: HashMap<CaseId, ContactEvent> = HashMap::new();
        self.each_in::<ContactEvent>(self.tree(TreeId::Record(Kind::Event)), |e| {
            if is_reached(&e) && events.get(&e.case).is_none_or(|n| n.id < e.id) {
                events.insert(e.case, e);
            }
        })?;
        let mut courses: HashMap<CaseId, Vec<Course>> = HashMap::new();
        self.each_in::<Course>(self.tree(TreeId::Record(Kind::Course)), |c| {
            courses.entry(c.case).or_default().push(c);
        })?;
        let mut requests: HashMap<CaseId, Vec<MedicalRequest>> = HashMap::new();
        let requests_tree = self.tree(TreeId::Record(Kind::MedicalRequest));
        self.each_in::<MedicalRequest>(requests_tree, |r| {
            requests.entry(r.case).or_default().push(r);
        })?;
        let cases: BTreeSet<CaseId> = (meetings.keys())
            .chain(events.keys())
            .chain(courses.keys())
            .chain(requests.keys())
            .copied()
            .collect();
        let mut batch = sled::Batch::default();
        for case in cases {
            let own = match (meetings.get(&case), &template) {
                (Some(kept), Some(template)) => kept.meetings(case, template),
                _ => Vec::new(),
            };
            let summary = summarize(
                case,
                &own,
                events
                    .get(&case)
                    .map(std::slice::from_ref)
                    .unwrap_or_default(),
                courses.get(&case).map_or(&[][..], Vec::as_slice),
                requests.get(&case).map_or(&[][..], Vec::as_slice),
            );
            if let Some(value) = entry(&summary) {
                batch.insert(&id_key(case.0), value);
            }
        }
        let tree = self.tree(TreeId::Summaries);
        tree.clear().map_err(cannot)?;
        tree.apply_batch(batch).map_err(cannot)
    }

    /// Calls `with` on every record of `R` in `tree`, in id order.
    fn each_in<R: Record>(
        &self,
        tree: &sled::Tree,
        mut with: impl FnMut(R),
    ) -> Result<(), StoreError> {
        for item in tree.iter() {
            let (key, value) = item.map_err(|e| self.read_error(e))?;
            with(self.decode::<R>(u64_at(&key, 0).unwrap_or(0), &value)?);
        }
        Ok(())
    }

    /// Every stored summary, by case, for `check`.
    pub(crate) fn stored_summaries(&self) -> Result<HashMap<CaseId, CaseSummary>, StoreError> {
        let mut out = HashMap::new();
        for item in self.tree(TreeId::Summaries).iter() {
            let (key, value) = item.map_err(|e| self.read_error(e))?;
            let case = CaseId(u64_at(&key, 0).unwrap_or(0));
            let summary = packed::decode_summary(&value)
                .map_err(|d| self.damaged(format!("the summary of case {}: {d}", case.0)))?;
            out.insert(case, summary);
        }
        Ok(out)
    }
}

/// The keys of `case`'s entries in an index keyed by case id first.
fn case_range(case: CaseId) -> (Bound<Vec<u8>>, Bound<Vec<u8>>) {
    let end = match case.0.checked_add(1) {
        Some(next) => Bound::Excluded(id_key(next).to_vec()),
        None => Bound::Unbounded,
    };
    (Bound::Included(id_key(case.0).to_vec()), end)
}

/// `meetings` (newest first) down to twelve months before the newest held one among them.
fn back_to_a_year_before_held(meetings: Vec<Meeting>) -> Vec<Meeting> {
    let mut year_back = YearBack::default();
    meetings
        .into_iter()
        .take_while(|m| year_back.keeps(m))
        .collect()
}

/// Meetings met newest first: the newest held one so far, whose [`reach_back`] ends the walk.
#[derive(Default)]
struct YearBack(Option<chrono::NaiveDateTime>);

impl YearBack {
    /// Whether `meeting` is still within twelve months of the newest held one met before it.
    fn keeps(&mut self, meeting: &Meeting) -> bool {
        if self.0.is_some_and(|h| meeting.start < reach_back(h)) {
            return false;
        }
        if self.0.is_none() && meeting.status == MeetingStatus::Held {
            self.0 = Some(meeting.start);
        }
        true
    }
}

/// The summary's entry: its value, or `None` to remove it (a case with nothing summed up).
pub(crate) fn entry(summary: &CaseSummary) -> Option<Vec<u8>> {
    (*summary != CaseSummary::default()).then(|| packed::encode_summary(summary))
}

/// A case's meetings as a rebuild meets them (in id order): those before twelve months ahead
/// of the newest held one so far are dropped now and then, since a newer held one only moves
/// that line later, so memory follows a year of meetings per case, not the history. Of each
/// only what [`summarize`] reads is kept (its start, status and repetition; the case is the
/// key): at 10,000 cases a year of meetings is half a million, which whole took 500 MB.
#[derive(Default)]
struct Kept {
    meetings: Vec<Seen>,
    last_held: Option<chrono::NaiveDateTime>,
    prune_at: usize,
}

/// What the summary's rule reads of one meeting.
struct Seen {
    id: crate::model::MeetingId,
    start: chrono::NaiveDateTime,
    status: MeetingStatus,
    repeat: Option<Box<crate::model::Repeat>>,
}

impl Kept {
    fn push(&mut self, meeting: &Meeting) {
        if meeting.status == MeetingStatus::Held && self.last_held.is_none_or(|h| h < meeting.start)
        {
            self.last_held = Some(meeting.start);
        }
        self.meetings.push(Seen {
            id: meeting.id,
            start: meeting.start,
            status: meeting.status,
            repeat: meeting.repeat.clone().map(Box::new),
        });
        if self.meetings.len() > self.prune_at {
            if let Some(held) = self.last_held {
                let line = reach_back(held);
                self.meetings.retain(|m| m.start >= line);
            }
            self.prune_at = 2 * self.meetings.len() + 64;
        }
    }

    /// The kept meetings of `case` whole again for the rule, with what it does not read taken
    /// from `template`.
    fn meetings(&self, case: CaseId, template: &Meeting) -> Vec<Meeting> {
        self.meetings
            .iter()
            .map(|seen| Meeting {
                id: seen.id,
                case: Some(case),
                start: seen.start,
                status: seen.status,
                repeat: seen.repeat.as_deref().cloned(),
                ..template.clone()
            })
            .collect()
    }
}
