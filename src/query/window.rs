//! The calendar's read model: the meetings of the loaded date range and the names they refer
//! to. The app loop keeps one for the days on screen; when it arrives `update` settles it
//! ([`Window::settle`]): each day's occurrences, their warnings, the free stretches and the
//! holiday are worked out once, and the day and week views, Today and the detail pane only
//! read them. Busy time imported from other calendars (#16) is read for the same days, by its
//! start index, and counted by the warnings and the free stretches.

use super::names::NameBook;
use crate::domain::agenda::{Occurrence, occurrences};
use crate::domain::busy::{busy_spans, external_warnings};
use crate::domain::conflicts::{Warning, day_marks, warnings_with_away};
use crate::domain::hours::WorkingHours;
use crate::domain::next_meeting::{Upcoming, is_ahead};
use crate::domain::slots::free_stretches;
use crate::model::{AwayPeriod, CaseId, ContactId, ExternalBlock, ExternalId, Meeting, MeetingId};
use crate::store::{Store, StoreError};
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use std::collections::HashMap;

/// The meetings of the loaded date range and the names they refer to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Window {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub meetings: Vec<Meeting>,
    pub case_names: HashMap<CaseId, String>,
    pub contact_names: HashMap<ContactId, String>,
    /// Busy time from other calendars that takes some of the loaded days, by start.
    pub external: Vec<ExternalBlock>,
    /// The periods the meetings' citizens are away, for "citizen away" warnings.
    pub case_away: HashMap<CaseId, Vec<AwayPeriod>>,
    /// What each day of `from..=to` holds, from [`Window::settle`]; empty until then.
    days: Vec<DayFacts>,
    /// The working hours the window was settled with.
    hours: WorkingHours,
}

/// What the views read about one day of the window.
#[derive(Debug, Clone, PartialEq)]
pub struct DayFacts {
    pub date: NaiveDate,
    /// The day's occurrences in time order: an index into `meetings` and the start.
    booked: Vec<(usize, NaiveDateTime)>,
    /// What each occurrence's block warns of, index-aligned with [`Window::day`]: its warnings,
    /// with one overlap and one buffer overlap standing for all of them ([`day_marks`]).
    pub warnings: Vec<Vec<Warning>>,
    /// Each occurrence's whole list of warnings, worked out the first time it is asked for
    /// ([`Window::warnings_of`]: the detail pane asks for the selected one). A crowded day has
    /// as many as it has pairs of meetings that touch, far more than a screen shows.
    whole: Vec<Worked>,
    /// The blocks of other calendars that take some of the day: indexes into `external`, by
    /// start.
    external: Vec<usize>,
    /// The free stretches of the working day, in minutes since midnight.
    pub free: Vec<(u32, u32)>,
    /// The holiday or local closing day, by name.
    pub holiday: Option<String>,
}

/// A list worked out from the rest of the window when first asked for. It is derived, so two
/// windows are equal whether or not it has been worked out yet.
#[derive(Debug, Clone, Default)]
struct Worked(std::cell::OnceCell<Vec<Warning>>);

impl PartialEq for Worked {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Window {
    /// Works out what the views show of each day: called when the window arrives, so that
    /// drawing a frame computes no rule.
    pub fn settle(&mut self, hours: &WorkingHours) {
        self.hours = hours.clone();
        let position: HashMap<MeetingId, usize> = self
            .meetings
            .iter()
            .enumerate()
            .map(|(i, m)| (m.id, i))
            .collect();
        let mut days = Vec::new();
        for date in self.from.iter_days().take_while(|d| *d <= self.to) {
            let occs = occurrences(&self.meetings, date, date);
            let booked = occs
                .iter()
                .filter_map(|o| Some((*position.get(&o.meeting.id)?, o.start)))
                .collect();
            let external = self.external_indexes(date);
            let blocks: Vec<ExternalBlock> =
                external.iter().map(|&i| self.external[i].clone()).collect();
            let mut warnings = day_marks(&occs, hours, |case| self.away(case));
            for (list, o) in warnings.iter_mut().zip(&occs) {
                list.extend(external_warnings(o.meeting, o.start, &blocks));
            }
            days.push(DayFacts {
                date,
                booked,
                whole: vec![Worked::default(); warnings.len()],
                warnings,
                free: free_stretches(date, &occs, &busy_spans(&blocks), hours),
                holiday: hours.days_off.name(date).map(str::to_owned),
                external,
            });
        }
        self.days = days;
    }

    /// The blocks of other calendars that take some of `date`: indexes into `external`.
    fn external_indexes(&self, date: NaiveDate) -> Vec<usize> {
        let (midnight, next) = (
            date.and_time(NaiveTime::MIN),
            (date + Duration::days(1)).and_time(NaiveTime::MIN),
        );
        (0..self.external.len())
            .filter(|&i| self.external[i].start < next && self.external[i].end() > midnight)
            .collect()
    }

    /// The away periods of a case of the window.
    fn away(&self, case: CaseId) -> &[AwayPeriod] {
        self.case_away.get(&case).map_or(&[], Vec::as_slice)
    }

    /// What the window knows of `day`, once settled.
    pub fn facts(&self, day: NaiveDate) -> Option<&DayFacts> {
        self.days.iter().find(|d| d.date == day)
    }

    /// The occurrences of one day, in time order (none for a day outside the window).
    pub fn day(&self, day: NaiveDate) -> Vec<Occurrence<'_>> {
        self.facts(day).map_or_else(Vec::new, |facts| {
            // Sized at once: a crowded day has two thousand, and this is asked for per key.
            let mut out = Vec::with_capacity(facts.booked.len());
            out.extend(facts.booked.iter().filter_map(|(i, start)| {
                self.meetings.get(*i).map(|meeting| Occurrence {
                    meeting,
                    start: *start,
                })
            }));
            out
        })
    }

    /// The blocks of other calendars that take some of `day`, by start (none outside the
    /// window).
    pub fn external_on(&self, day: NaiveDate) -> Vec<&ExternalBlock> {
        self.facts(day).map_or_else(Vec::new, |facts| {
            facts
                .external
                .iter()
                .filter_map(|&i| self.external.get(i))
                .collect()
        })
    }

    /// An imported block of the window.
    pub fn external_block(&self, id: ExternalId) -> Option<&ExternalBlock> {
        self.external.iter().find(|b| b.id == id)
    }

    /// What the blocks of `day`'s occurrences warn of, index-aligned with [`Window::day`] (one
    /// overlap and one buffer overlap stand for all of them).
    pub fn warnings(&self, day: NaiveDate) -> &[Vec<Warning>] {
        self.facts(day).map_or(&[], |f| f.warnings.as_slice())
    }

    /// Every warning of the occurrence of meeting `id` that starts at `start`, each overlap
    /// naming the other meeting: worked out when first asked for, against the day's other
    /// occurrences, the working hours the window was settled with and the day's busy time.
    pub fn warnings_of(&self, id: MeetingId, start: NaiveDateTime) -> &[Warning] {
        let Some(facts) = self.facts(start.date()) else {
            return &[];
        };
        let Some(i) = facts
            .booked
            .iter()
            .position(|(i, s)| *s == start && self.meetings.get(*i).is_some_and(|m| m.id == id))
        else {
            return &[];
        };
        let Some(cell) = facts.whole.get(i) else {
            return &[];
        };
        cell.0.get_or_init(|| {
            let day = self.day(facts.date);
            let Some(occ) = day.get(i) else {
                return Vec::new();
            };
            let away = occ.meeting.case.map_or(&[][..], |case| self.away(case));
            let mut list = warnings_with_away(occ.meeting, occ.start, &day, &self.hours, away);
            let blocks: Vec<ExternalBlock> = facts
                .external
                .iter()
                .filter_map(|&b| self.external.get(b).cloned())
                .collect();
            list.extend(external_warnings(occ.meeting, occ.start, &blocks));
            list
        })
    }

    /// The holiday on `day`, when the window holds it.
    pub fn holiday(&self, day: NaiveDate) -> Option<&str> {
        self.facts(day).and_then(|f| f.holiday.as_deref())
    }

    pub fn meeting(&self, id: MeetingId) -> Option<&Meeting> {
        self.meetings.iter().find(|m| m.id == id)
    }

    /// The case's name, or its number while the name is not loaded.
    pub fn case_name(&self, id: CaseId) -> String {
        self.case_names
            .get(&id)
            .cloned()
            .unwrap_or_else(|| format!("#{id}"))
    }

    pub fn contact_name(&self, id: ContactId) -> String {
        self.contact_names
            .get(&id)
            .cloned()
            .unwrap_or_else(|| format!("#{id}"))
    }
}

/// The meetings that start in `from..=to`.
pub fn meetings(store: &Store, from: NaiveDate, to: NaiveDate) -> Result<Vec<Meeting>, StoreError> {
    store.meetings_between(
        from.and_time(NaiveTime::MIN),
        (to + Duration::days(1)).and_time(NaiveTime::MIN),
    )
}

/// The busy time from other calendars that takes some of `from..=to`: a read of the start
/// index around those days, however many events were imported.
pub fn external(
    store: &Store,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<ExternalBlock>, StoreError> {
    store.external_between(
        from.and_time(NaiveTime::MIN),
        (to + Duration::days(1)).and_time(NaiveTime::MIN),
    )
}

/// The meetings of the days shown, the names of their cases and parties (read through the
/// planner's `names`, so a name is read once however many days show it), and the busy time
/// from other calendars on those days.
pub fn window(
    store: &Store,
    names: &mut NameBook,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Window, StoreError> {
    let meetings = meetings(store, from, to)?;
    // Sized at once: a crowded day names two thousand citizens.
    let mut window = Window {
        from,
        to,
        external: external(store, from, to)?,
        case_names: HashMap::with_capacity(meetings.len()),
        ..Window::default()
    };
    window.name(store, names, &meetings)?;
    window.meetings = meetings;
    Ok(window)
}

/// Meetings of a window read again after a write changed them: each as it is stored now
/// (`None` when it is gone), with the names they refer to. See [`Window::take_in`].
#[derive(Debug, Clone, PartialEq)]
pub struct Reread {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub meetings: Vec<(MeetingId, Option<Meeting>)>,
    /// The names of their cases and parties.
    names: Window,
}

/// Reads the meetings `ids` of the window `from..=to` again, and the names they refer to.
pub fn reread(
    store: &Store,
    names: &mut NameBook,
    from: NaiveDate,
    to: NaiveDate,
    ids: &[MeetingId],
) -> Result<Reread, StoreError> {
    let meetings = ids
        .iter()
        .map(|&id| Ok((id, store.get::<Meeting>(id)?)))
        .collect::<Result<Vec<_>, StoreError>>()?;
    let mut named = Window::default();
    let found: Vec<Meeting> = meetings.iter().filter_map(|(_, m)| m.clone()).collect();
    named.name(store, names, &found)?;
    Ok(Reread {
        from,
        to,
        meetings,
        names: named,
    })
}

/// Whether the window `from..=to` holds `meeting`, as [`meetings`] reads them: one that starts
/// on those days, or a repeating one that has begun by their end and not ended before them.
fn holds(meeting: &Meeting, from: NaiveDate, to: NaiveDate) -> bool {
    let (start, end) = (
        from.and_time(NaiveTime::MIN),
        (to + Duration::days(1)).and_time(NaiveTime::MIN),
    );
    match meeting.repeat {
        None => start <= meeting.start && meeting.start < end,
        Some(_) => meeting.start < end && meeting.last_day().is_none_or(|last| last >= from),
    }
}

impl Window {
    /// The names of `meetings`' cases and parties, and the away periods of their citizens.
    fn name(
        &mut self,
        store: &Store,
        names: &mut NameBook,
        meetings: &[Meeting],
    ) -> Result<(), StoreError> {
        for m in meetings {
            if let Some(id) = m.case
                && !self.case_names.contains_key(&id)
                && let Some(case) = names.case(store, id)?
            {
                self.case_names.insert(id, case.name.clone());
                if !case.away.is_empty() {
                    self.case_away.insert(id, case.away.clone());
                }
            }
            for id in m.participants.iter().filter_map(|p| p.contact) {
                if !self.contact_names.contains_key(&id)
                    && let Some(name) = names.contact(store, id)?
                {
                    self.contact_names.insert(id, name.to_owned());
                }
            }
        }
        Ok(())
    }

    /// Takes in meetings read again after a write, as a fresh read of the whole window would
    /// hold them (in order, with the names of what it holds and no others), and settles it
    /// again. `false`, and nothing changes, when they were read for other days.
    pub fn take_in(&mut self, reread: Reread) -> bool {
        if (reread.from, reread.to) != (self.from, self.to) {
            return false;
        }
        let ids: Vec<MeetingId> = reread.meetings.iter().map(|(id, _)| *id).collect();
        self.meetings.retain(|m| !ids.contains(&m.id));
        for meeting in reread.meetings.into_iter().filter_map(|(_, m)| m) {
            if holds(&meeting, self.from, self.to) {
                let at = self
                    .meetings
                    .partition_point(|m| (m.start, m.id) < (meeting.start, meeting.id));
                self.meetings.insert(at, meeting);
            }
        }
        self.case_names.extend(reread.names.case_names);
        self.case_away.extend(reread.names.case_away);
        self.contact_names.extend(reread.names.contact_names);
        let cases: std::collections::HashSet<CaseId> =
            self.meetings.iter().filter_map(|m| m.case).collect();
        let contacts: std::collections::HashSet<ContactId> = self
            .meetings
            .iter()
            .flat_map(|m| m.participants.iter().filter_map(|p| p.contact))
            .collect();
        self.case_names.retain(|id, _| cases.contains(id));
        self.case_away.retain(|id, _| cases.contains(id));
        self.contact_names.retain(|id, _| contacts.contains(id));
        let hours = self.hours.clone();
        self.settle(&hours);
        true
    }

    /// The planned meetings of `day` still ahead, for the next-meeting line, when the window
    /// holds the day (as [`super::agenda::upcoming`] reads them).
    pub fn upcoming(&self, day: NaiveDate) -> Option<Vec<Upcoming>> {
        if day < self.from || day > self.to || self.facts(day).is_none() {
            return None;
        }
        Some(
            self.day(day)
                .iter()
                .filter(|o| is_ahead(o.meeting))
                .map(|o| Upcoming {
                    meeting_id: o.meeting.id,
                    start: o.start,
                    who: match o.meeting.case {
                        Some(case) => self.case_name(case),
                        None => o.meeting.title.clone(),
                    },
                    form: o.meeting.form,
                })
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{at, meeting};

    #[test]
    fn a_settled_window_holds_each_days_occurrences_warnings_free_time_and_holiday() {
        let mut window = Window {
            from: at("2026-12-23 00:00").date(),
            to: at("2026-12-24 00:00").date(),
            meetings: vec![
                meeting(2, "2026-12-23 10:30", 60),
                meeting(1, "2026-12-23 10:00", 60),
                meeting(3, "2026-12-24 09:00", 30),
            ],
            ..Window::default()
        };
        let wednesday = window.from;
        assert!(
            window.day(wednesday).is_empty(),
            "nothing before it is settled"
        );
        window.settle(&WorkingHours::default());
        let ids: Vec<u64> = window
            .day(wednesday)
            .iter()
            .map(|o| o.meeting.id.0)
            .collect();
        assert_eq!(ids, [1, 2], "in time order");
        assert_eq!(
            window.warnings_of(MeetingId(1), at("2026-12-23 10:00")),
            [Warning::Overlap {
                with: MeetingId(2),
                start: at("2026-12-23 10:30")
            }]
        );
        assert_eq!(window.warnings(wednesday).len(), 2);
        let facts = window.facts(wednesday).unwrap();
        assert_eq!(facts.free.first(), Some(&(8 * 60, 10 * 60)));
        assert_eq!(window.holiday(wednesday), None);
        let christmas_eve = window.to;
        assert_eq!(window.holiday(christmas_eve), Some("Juleaftensdag"));
        assert_eq!(
            window.warnings_of(MeetingId(3), at("2026-12-24 09:00")),
            [Warning::NotAWorkingDay]
        );
        assert!(window.facts(christmas_eve).unwrap().free.is_empty());
        assert!(
            window.day(window.to + Duration::days(1)).is_empty(),
            "outside it"
        );
    }

    #[test]
    fn busy_time_of_another_calendar_warns_takes_free_time_and_is_listed_by_day() {
        let block = |id: u64, start: &str, minutes: u32, free: bool| ExternalBlock {
            id: ExternalId(id),
            source: "Outlook".into(),
            uid: format!("u{id}"),
            occurrence: None,
            start: at(start),
            minutes,
            all_day: false,
            title: "Teammøde".into(),
            free,
            private: false,
        };
        let mut window = Window {
            from: at("2026-11-24 00:00").date(),
            to: at("2026-11-25 00:00").date(),
            meetings: vec![meeting(1, "2026-11-24 10:30", 30)],
            // The first runs from Tuesday evening into Wednesday morning.
            external: vec![
                block(7, "2026-11-24 10:00", 60, false),
                block(8, "2026-11-24 12:00", 60, true),
                block(9, "2026-11-24 14:00", 20 * 60, false),
            ],
            ..Window::default()
        };
        window.settle(&WorkingHours::default());
        let (tuesday, wednesday) = (window.from, window.to);
        assert_eq!(
            window.warnings_of(MeetingId(1), at("2026-11-24 10:30")),
            [Warning::Busy {
                with: ExternalId(7),
                only_buffer: false
            }]
        );
        let ids = |day| -> Vec<u64> { window.external_on(day).iter().map(|b| b.id.0).collect() };
        assert_eq!(ids(tuesday), [7, 8, 9]);
        assert_eq!(ids(wednesday), [9]);
        // Free 08:00–10:00 and 11:00–14:00 (the block marked free takes nothing); Wednesday
        // from 10:00, when the evening block ends.
        let free = |day| window.facts(day).unwrap().free.clone();
        assert_eq!(free(tuesday), [(8 * 60, 10 * 60), (11 * 60, 14 * 60)]);
        assert_eq!(free(wednesday), [(10 * 60, 15 * 60 + 30)]);
    }
}
