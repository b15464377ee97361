//! Reads the screens need; index range scans, so cost grows with the window, not the history.
//! A read that reaches back before the archive's cutoff reads the archive too (see
//! [`super::archive`]); a record in both parts is read once, from the hot part.

use super::archive::{Archive, Items, Merged};
use super::index::{DueKind, DueRef};
use super::keys::{concat, date_from_key, date_key, id_key, time_key, u64_at};
use super::packed::{self, DueDetail};
use super::packed_meeting::decode_meeting;
use super::record::{CaseRecord, Kind, Record, RecordId};
use super::trees::TreeId;
use super::{Store, StoreError, codec};
use crate::model::{
    CaseBrief, CaseId, Course, CourseId, ExternalBlock, ExternalId, MedicalRequest, Meeting,
    MeetingId, MeetingStatus, RequestId,
};
use chrono::{NaiveDate, NaiveDateTime};

impl Store {
    /// One record, if it exists.
    pub fn get<R: Record>(&self, id: R::Id) -> Result<Option<R>, StoreError> {
        let raw = id.raw();
        let mut bytes = self
            .tree(TreeId::Record(R::KIND))
            .get(id_key(raw))
            .map_err(|e| self.read_error(e))?;
        if bytes.is_none()
            && let Some(archive) = self.archive_for(R::KIND, raw)?
        {
            bytes = archive
                .tree(TreeId::Record(R::KIND))
                .get(id_key(raw))
                .map_err(|e| self.read_error(e))?;
        }
        bytes.map(|b| self.decode::<R>(raw, &b)).transpose()
    }

    /// An active case's brief (`None` for a closed case or one that does not exist): a small
    /// postcard value instead of the whole case in JSON, for a name read per citizen (#21).
    pub fn brief(&self, id: CaseId) -> Result<Option<CaseBrief>, StoreError> {
        let bytes = (self.tree(TreeId::Briefs))
            .get(id_key(id.0))
            .map_err(|e| self.read_error(e))?;
        bytes
            .map(|b| packed::decode_brief(id, &b))
            .transpose()
            .map_err(|d| self.damaged(format!("the brief of case {id}: {d}")))
    }

    /// Every record of one kind, by id.
    pub fn all<R: Record>(&self) -> Result<Vec<R>, StoreError> {
        let mut out = Vec::new();
        for item in self.records_of(R::KIND)? {
            let (key, value) = item.map_err(|e| self.read_error(e))?;
            out.push(self.decode::<R>(u64_at(&key, 0).unwrap_or(0), &value)?);
        }
        Ok(out)
    }

    /// The stored records of `kind` by id, the archived ones among them.
    pub(crate) fn records_of(&self, kind: Kind) -> Result<Merged<'_>, StoreError> {
        let archive = match kind {
            Kind::Meeting => self.archive()?,
            _ => None,
        };
        Ok(self.merged(TreeId::Record(kind), .., archive, false))
    }

    /// The entries of `tree` in `range`, from the hot part and from `archive` if given, merged
    /// in key order.
    pub(crate) fn merged<'a>(
        &'a self,
        tree: TreeId,
        range: impl std::ops::RangeBounds<Vec<u8>> + Clone,
        archive: Option<&'a Archive>,
        descending: bool,
    ) -> Merged<'a> {
        let items = |t: &sled::Tree| -> Items<'_> {
            let iter = t.range(range.clone());
            if descending {
                Box::new(iter.rev())
            } else {
                Box::new(iter)
            }
        };
        let hot = items(self.tree(tree));
        let cold = archive.map(|a| items(a.tree(tree)));
        Merged::new(hot, cold, descending)
    }

    /// Whether there is no record of one kind; unlike [`Store::count`], without a scan.
    pub fn none_of<R: Record>(&self) -> bool {
        self.count_in_archive_too(R::KIND, true) == 0
    }

    /// How many records of one kind there are (a scan of the kind's tree).
    pub fn count<R: Record>(&self) -> usize {
        self.count_in_archive_too(R::KIND, false)
    }

    /// How many records of each kind there are.
    pub fn counts(&self) -> Vec<(Kind, usize)> {
        Kind::ALL
            .iter()
            .map(|&k| (k, self.count_in_archive_too(k, false)))
            .collect()
    }

    /// How many records of `kind` there are (at most 1 when `any` is enough to know).
    fn count_in_archive_too(&self, kind: Kind, any: bool) -> usize {
        let hot = self.tree(TreeId::Record(kind));
        if any && !hot.is_empty() {
            return 1;
        }
        match self.records_of(kind) {
            Ok(records) if any => records.take(1).count(),
            Ok(records) => records.count(),
            Err(_) => hot.len(),
        }
    }

    /// Whether the database holds no records at all.
    pub fn is_empty(&self) -> bool {
        Kind::ALL
            .iter()
            .all(|&k| self.count_in_archive_too(k, true) == 0)
    }

    /// Meetings starting in `[from, to)`, plus every repeating block that may have an
    /// occurrence in the window (first start before `to`, not ended before `from`); use
    /// [`Meeting::occurs_on`] to place those. Sorted by start, then id.
    pub fn meetings_between(
        &self,
        from: NaiveDateTime,
        to: NaiveDateTime,
    ) -> Result<Vec<Meeting>, StoreError> {
        // A one-off meeting comes from its start index entry; a repeating one is read whole.
        let (mut out, mut ids) = (Vec::new(), Vec::new());
        let range = time_key(from).to_vec()..time_key(to).to_vec();
        let archive = self.archive_from(from)?;
        for item in self.merged(TreeId::MeetingsByStart, range, archive, false) {
            let (key, value) = item.map_err(|e| self.read_error(e))?;
            let Some(id) = u64_at(&key, 8) else { continue };
            if value.is_empty() {
                ids.push(id);
                continue;
            }
            out.push(decode_meeting(id, &value).map_err(|detail| {
                self.damaged(format!("the start index entry of meeting {id}: {detail}"))
            })?);
        }
        for item in self.tree(TreeId::Recurring).iter() {
            let (key, _) = item.map_err(|e| self.read_error(e))?;
            ids.extend(u64_at(&key, 0));
        }
        ids.sort_unstable();
        ids.dedup();
        out.extend(self.meetings_by_ids(ids)?);
        out.retain(|m| match &m.repeat {
            None => true,
            Some(_) => m.start < to && m.last_day().is_none_or(|u| u >= from.date()),
        });
        out.sort_by_key(|m| (m.start, m.id));
        out.dedup_by_key(|m| m.id);
        Ok(out)
    }

    /// Busy time from other calendars that takes some of `[from, to)`, by start, then id: a
    /// range scan of the start index from [`ExternalBlock::LONGEST_MINUTES`] before `from`, so
    /// the cost follows the window, not the number of imported events. The index holds each
    /// block's end: those that ended before `from` are passed by without being read.
    pub fn external_between(
        &self,
        from: NaiveDateTime,
        to: NaiveDateTime,
    ) -> Result<Vec<ExternalBlock>, StoreError> {
        let earliest = from - chrono::Duration::minutes(i64::from(ExternalBlock::LONGEST_MINUTES));
        let range = time_key(earliest).to_vec()..time_key(to).to_vec();
        let from_key = time_key(from);
        let mut out = Vec::new();
        for item in self.tree(TreeId::ExternalByStart).range(range) {
            let (key, end) = item.map_err(|e| self.read_error(e))?;
            if end.len() == from_key.len() && end.as_ref() <= from_key.as_slice() {
                continue;
            }
            let Some(id) = u64_at(&key, 8) else { continue };
            if let Some(block) = self.get::<ExternalBlock>(ExternalId(id))?
                && block.end() > from
            {
                out.push(block);
            }
        }
        Ok(out)
    }

    /// Every block imported from the calendar `source` (a re-import replaces them).
    pub fn external_of_source(&self, source: &str) -> Result<Vec<ExternalBlock>, StoreError> {
        let mut all = self.all::<ExternalBlock>()?;
        all.retain(|b| b.source == source);
        Ok(all)
    }

    /// Every meeting of a case, by start.
    pub fn meetings_for_case(&self, case: CaseId) -> Result<Vec<Meeting>, StoreError> {
        let mut ids = Vec::new();
        for item in self.case_meeting_keys(case, None)? {
            let (key, _) = item.map_err(|e| self.read_error(e))?;
            ids.extend(u64_at(&key, 16));
        }
        self.meetings_by_ids(ids)
    }

    /// The by-case index entries of a case's meetings starting from `from` on (`None`: all), by
    /// start, the archive's too when `from` reaches back into it.
    fn case_meeting_keys(
        &self,
        case: CaseId,
        from: Option<NaiveDateTime>,
    ) -> Result<Merged<'_>, StoreError> {
        let prefix = id_key(case.0);
        let low = concat(&[&prefix, &from.map(time_key).unwrap_or([0; 8])]);
        // Above every start and id of this case, below the next case's.
        let high = concat(&[&prefix, &[0xff; 17]]);
        let archive = self.archive_from(from.unwrap_or(NaiveDateTime::MIN))?;
        Ok(self.merged(TreeId::MeetingsByCase, low..high, archive, false))
    }

    /// How many of a case's meetings have `status` and start from `from` (local time) on,
    /// counted from index keys alone: the records are not read, so the cost is the count.
    pub fn case_status_count(
        &self,
        case: CaseId,
        status: MeetingStatus,
        from: NaiveDateTime,
    ) -> Result<usize, StoreError> {
        self.case_status_count_until(case, status, from, NaiveDateTime::MAX)
    }

    /// [`Store::case_status_count`] of the meetings that start from `from` up to `until`, both
    /// included.
    pub fn case_status_count_until(
        &self,
        case: CaseId,
        status: MeetingStatus,
        from: NaiveDateTime,
        until: NaiveDateTime,
    ) -> Result<usize, StoreError> {
        let Some(tag) = super::index::status_tag(status) else {
            return Ok(0);
        };
        let prefix = [&id_key(case.0)[..], &[tag]].concat();
        let start = [&prefix[..], &time_key(from)[..]].concat();
        // Past every id of a meeting starting at `until` (an id is 8 bytes).
        let end = [&prefix[..], &time_key(until)[..], &[0xff; 9]].concat();
        // The whole history: the archive's part is known without opening it, when it is.
        let whole_archive =
            from == NaiveDateTime::MIN && self.cold().before_moment().is_some_and(|b| until >= b);
        let (archive, archived) = match whole_archive {
            true => match self.archived_status_count(case, status)? {
                Some(n) => (None, n),
                None => (self.archive_from(from)?, 0),
            },
            false => (self.archive_from(from)?, 0),
        };
        let entries = self.merged(TreeId::MeetingsByCaseStatus, start..end, archive, false);
        let mut n = archived;
        for item in entries {
            item.map_err(|e| self.read_error(e))?;
            n += 1;
        }
        Ok(n)
    }

    /// A case's meetings starting before `before`, latest first, up to and including the first
    /// one `stop` accepts (or all of them): "since the last held meeting" without the history.
    pub fn case_meetings_back_until(
        &self,
        case: CaseId,
        before: NaiveDateTime,
        stop: impl Fn(&Meeting) -> bool,
    ) -> Result<Vec<Meeting>, StoreError> {
        let (out, stopped) = self.case_meetings_back(case, before, &stop, false)?;
        let cold = self.cold();
        let reached_back = out.last().is_some_and(|m| cold.reaches(m.start));
        if cold.before.is_none() || (stopped && !reached_back) {
            return Ok(out);
        }
        // The hot part ran out, or stopped at a meeting from before the cutoff (one still
        // planned, a repeating block) with archived ones after it: read again with the
        // archive's meetings among them.
        Ok(self.case_meetings_back(case, before, &stop, true)?.0)
    }

    /// [`Store::case_meetings_back_until`] in the hot part alone or with the archive; says
    /// whether `stop` accepted one.
    fn case_meetings_back(
        &self,
        case: CaseId,
        before: NaiveDateTime,
        stop: &dyn Fn(&Meeting) -> bool,
        with_archive: bool,
    ) -> Result<(Vec<Meeting>, bool), StoreError> {
        let archive = match with_archive {
            true => self.archive_from(NaiveDateTime::MIN)?,
            false => None,
        };
        let prefix = id_key(case.0);
        let range = prefix.to_vec()..concat(&[&prefix, &time_key(before)]);
        let keys = self.merged(TreeId::MeetingsByCase, range, archive, true);
        let mut out = Vec::new();
        for item in keys {
            let (key, _) = item.map_err(|e| self.read_error(e))?;
            let Some(id) = u64_at(&key, 16) else { continue };
            let Some(meeting) = self.get::<Meeting>(MeetingId(id))? else {
                continue;
            };
            let done = stop(&meeting);
            out.push(meeting);
            if done {
                return Ok((out, true));
            }
        }
        Ok((out, false))
    }

    /// A case's first meeting from `from` on that `accept` takes, e.g. the next planned one.
    pub fn case_meeting_from(
        &self,
        case: CaseId,
        from: NaiveDateTime,
        accept: impl Fn(&Meeting) -> bool,
    ) -> Result<Option<Meeting>, StoreError> {
        for item in self.case_meeting_keys(case, Some(from))? {
            let (key, _) = item.map_err(|e| self.read_error(e))?;
            let Some(id) = u64_at(&key, 16) else { continue };
            if let Some(meeting) = self.get::<Meeting>(MeetingId(id))?
                && accept(&meeting)
            {
                return Ok(Some(meeting));
            }
        }
        Ok(None)
    }

    /// Whether a case has any meeting `accept` takes, ever: the hot part first, so the archive
    /// is opened only for a case that has none there (e.g. "has the citizen been met?").
    pub fn case_has_meeting(
        &self,
        case: CaseId,
        accept: impl Fn(&Meeting) -> bool,
    ) -> Result<bool, StoreError> {
        let prefix = id_key(case.0);
        for item in self.tree(TreeId::MeetingsByCase).scan_prefix(prefix) {
            let (key, _) = item.map_err(|e| self.read_error(e))?;
            if let Some(id) = u64_at(&key, 16)
                && let Some(meeting) = self.get::<Meeting>(MeetingId(id))?
                && accept(&meeting)
            {
                return Ok(true);
            }
        }
        if self.cold().before.is_none() {
            return Ok(false);
        }
        Ok(self
            .case_meeting_from(case, NaiveDateTime::MIN, accept)?
            .is_some())
    }

    /// The most recently logged record of a per-case kind that `accept` takes (by id, which
    /// grows with every new record), reading back only as far as needed.
    pub fn latest_for_case<R: CaseRecord>(
        &self,
        case: CaseId,
        accept: impl Fn(&R) -> bool,
    ) -> Result<Option<R>, StoreError> {
        for item in self
            .tree(TreeId::ByCase(R::KIND))
            .scan_prefix(id_key(case.0))
            .rev()
        {
            let (key, _) = item.map_err(|e| self.read_error(e))?;
            if let Some(id) = u64_at(&key, 8)
                && let Some(record) = self.get::<R>(R::Id::from_raw(id))?
                && accept(&record)
            {
                return Ok(Some(record));
            }
        }
        Ok(None)
    }

    /// A case's meetings starting at `from` or later, and before `from` back to the newest one
    /// `stop_at` accepts (included), by start: the next meeting and "since the last held one"
    /// without reading years of history.
    pub fn meetings_for_case_since_last(
        &self,
        case: CaseId,
        from: NaiveDateTime,
        stop_at: impl Fn(&Meeting) -> bool,
    ) -> Result<Vec<Meeting>, StoreError> {
        let mut meetings = self.case_meetings_back_until(case, from, stop_at)?;
        meetings.reverse();
        for item in self.case_meeting_keys(case, Some(from))? {
            let (key, _) = item.map_err(|e| self.read_error(e))?;
            let Some(id) = u64_at(&key, 16) else { continue };
            meetings.extend(self.get::<Meeting>(MeetingId(id))?);
        }
        Ok(meetings)
    }

    /// Every record of a per-case kind (courses, requests, agreements, events, notes) of a case.
    pub fn for_case<R: CaseRecord>(&self, case: CaseId) -> Result<Vec<R>, StoreError> {
        let mut out = Vec::new();
        for item in self
            .tree(TreeId::ByCase(R::KIND))
            .scan_prefix(id_key(case.0))
        {
            let (key, _) = item.map_err(|e| self.read_error(e))?;
            if let Some(id) = u64_at(&key, 8) {
                out.extend(self.get::<R>(R::Id::from_raw(id))?);
            }
        }
        Ok(out)
    }

    /// Every course not finished, by case and id, from the courses' by-case entries, which
    /// carry them (#21): the Today list and the board read no course record.
    pub fn open_courses(&self) -> Result<Vec<Course>, StoreError> {
        self.carried(Kind::Course, |id, bytes| {
            packed::decode_course(CourseId(id), bytes)
        })
    }

    /// Every medical request the Today list still follows (neither withdrawn nor acted on after
    /// it came back; the open ones among them), by case and id, from their by-case entries.
    pub fn followed_requests(&self) -> Result<Vec<MedicalRequest>, StoreError> {
        self.carried(Kind::MedicalRequest, |id, bytes| {
            packed::decode_request(RequestId(id), bytes)
        })
    }

    /// The records the by-case entries of `kind` carry, in key order.
    fn carried<R>(
        &self,
        kind: Kind,
        decode: impl Fn(u64, &[u8]) -> Result<R, String>,
    ) -> Result<Vec<R>, StoreError> {
        let mut out = Vec::new();
        for item in self.tree(TreeId::ByCase(kind)).iter() {
            let (key, value) = item.map_err(|e| self.read_error(e))?;
            if value.is_empty() {
                continue;
            }
            let id = u64_at(&key, 8).unwrap_or(0);
            out.push(
                decode(id, &value)
                    .map_err(|d| self.damaged(format!("the by-case entry of {kind} {id}: {d}")))?,
            );
        }
        Ok(out)
    }

    /// What falls due from `from` to `to`, both included, by date.
    pub fn due_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<DueRef>, StoreError> {
        let mut out = Vec::new();
        self.each_due(from, to, |due, _| {
            out.push(due);
            Ok(())
        })?;
        Ok(out)
    }

    /// [`Store::due_between`] with each entry's [`DueDetail`], for the kinds that carry one.
    pub fn due_details_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(DueRef, Option<DueDetail>)>, StoreError> {
        let mut out = Vec::new();
        self.each_due(from, to, |due, value| {
            let detail = match value.get(8..) {
                Some(rest) if !rest.is_empty() => Some(packed::decode(rest).map_err(|d| {
                    self.damaged(format!(
                        "the due entry of {} {}: {d}",
                        due.kind.record_kind(),
                        due.id
                    ))
                })?),
                _ => None,
            };
            out.push((due, detail));
            Ok(())
        })?;
        Ok(out)
    }

    /// Calls `each` with every due index entry from `from` to `to` (both included, by date)
    /// and its stored value.
    fn each_due(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        mut each: impl FnMut(DueRef, &[u8]) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        for item in self.tree(TreeId::Due).range(date_key(from).to_vec()..) {
            let (key, value) = item.map_err(|e| self.read_error(e))?;
            let Some(due) = parse_due(&key, &value) else {
                continue;
            };
            if due.date > to {
                break;
            }
            each(due, &value)?;
        }
        Ok(())
    }

    /// Meetings by id; ids whose record is gone are skipped (`check` reports them).
    fn meetings_by_ids(&self, ids: Vec<u64>) -> Result<Vec<Meeting>, StoreError> {
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            out.extend(self.get::<Meeting>(MeetingId(id))?);
        }
        Ok(out)
    }

    pub(crate) fn decode<R: Record>(&self, id: u64, bytes: &[u8]) -> Result<R, StoreError> {
        codec::decode::<R>(bytes).map_err(|d| self.damaged(format!("{} {id}: {d}", R::KIND)))
    }
}

/// A due index entry: date (4) + kind tag (1) + id (8), the value the case id (and maybe a
/// [`DueDetail`] after it).
pub(crate) fn parse_due(key: &[u8], value: &[u8]) -> Option<DueRef> {
    let date = date_from_key(key.get(0..4)?.try_into().ok()?)?;
    Some(DueRef {
        date,
        kind: DueKind::from_tag(*key.get(4)?)?,
        id: u64_at(key, 5)?,
        case: CaseId(u64_at(value, 0)?),
    })
}
