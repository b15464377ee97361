//! When plans break (#17): a lockdown, an illness or a course cancels or converts every meeting
//! of a date range at once. [`plan`] says what happens to each meeting of the range and which
//! citizens must be told, one per case however many of their meetings changed; the plan's
//! records are what the planner and the command line write as one step. Pure: no store, no
//! clock, no language.

use super::agenda::occurrences;
use super::series::{Scope, apply};
use crate::model::{
    BulkChange, CaseId, Meeting, MeetingForm, MeetingId, MeetingStatus, PlaceKind, Rebooking,
    RebookingId, Role, purpose,
};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// What the caseworker asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulkRequest {
    pub change: BulkChange,
    /// The range, both days included.
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Leave alone the meetings about a case that the citizen does not take part in (a network
    /// meeting, sparring about the case).
    pub only_with_citizens: bool,
    /// Change the internal blocks (telefonvagt, admin) too.
    pub include_internal: bool,
    /// Why, kept on each cancelled meeting and on each citizen's item ("sygdom").
    pub note: String,
}

/// The forms a meeting can be converted to.
pub const CONVERT_FORMS: [MeetingForm; 2] = [MeetingForm::Phone, MeetingForm::Video];

/// What happens to one meeting of the range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    /// Marked aflyst (cancelled by the caseworker) with the note.
    Cancel,
    /// This time of a repeating meeting is skipped.
    Skip,
    /// The same time and purpose in another form.
    Convert(MeetingForm),
    /// This time of a repeating meeting becomes a meeting of its own in another form, at the
    /// same time and with the same purpose; the series skips the day and goes on as it was.
    ConvertOnce(MeetingForm),
    /// Left as it is, and why.
    Leave(Why),
}

/// Why a meeting of the range is left alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// An internal block, and internal blocks were not chosen.
    Internal,
    /// About a case, without the citizen, and only meetings with citizens were chosen.
    WithoutCitizen,
    /// Already held, cancelled, moved …: only planned meetings change.
    NotPlanned(MeetingStatus),
    /// It has begun already.
    Begun,
    /// It is already in the form asked for.
    AlreadyInForm,
}

/// One meeting of the range (one time of a repeating one) and its fate.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    pub meeting: Meeting,
    /// This time's start.
    pub start: NaiveDateTime,
    pub fate: Fate,
}

/// A citizen whose meetings change: told once, however many meetings it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Affected {
    pub case: CaseId,
    /// The case's changed meetings, by id and start, in time order.
    pub meetings: Vec<(MeetingId, NaiveDateTime)>,
    /// The purpose of the first of them.
    pub purpose: String,
}

/// Every meeting of the range with its fate, and the citizens affected.
#[derive(Debug, Clone, PartialEq)]
pub struct BulkPlan {
    pub request: BulkRequest,
    /// In time order.
    pub meetings: Vec<Planned>,
    /// In the order their first changed meeting comes.
    pub citizens: Vec<Affected>,
}

/// What happens to each meeting starting in the range (`meetings` may hold others: they are
/// passed by), as of `now`.
pub fn plan(meetings: &[Meeting], request: &BulkRequest, now: NaiveDateTime) -> BulkPlan {
    let mut planned = Vec::new();
    let mut citizens: Vec<Affected> = Vec::new();
    for o in occurrences(meetings, request.from, request.to) {
        let fate = fate(o.meeting, o.start, request, now);
        if let (Some(case), Fate::Cancel | Fate::Skip | Fate::Convert(_) | Fate::ConvertOnce(_)) =
            (o.meeting.case, fate)
        {
            let at = (o.meeting.id, o.start);
            match citizens.iter_mut().find(|a| a.case == case) {
                Some(affected) => affected.meetings.push(at),
                None => citizens.push(Affected {
                    case,
                    meetings: vec![at],
                    purpose: o.meeting.purpose.clone(),
                }),
            }
        }
        planned.push(Planned {
            meeting: o.meeting.clone(),
            start: o.start,
            fate,
        });
    }
    BulkPlan {
        request: request.clone(),
        meetings: planned,
        citizens,
    }
}

/// Whether the citizen takes part: a meeting about a case lists the citizen among its parties,
/// or lists no parties at all; sparring about a case is among colleagues.
pub fn with_citizen(meeting: &Meeting) -> bool {
    meeting.case.is_some()
        && meeting.purpose != purpose::SPARRING
        && (meeting.participants.is_empty()
            || meeting.participants.iter().any(|p| p.role == Role::Citizen))
}

fn fate(
    meeting: &Meeting,
    start: NaiveDateTime,
    request: &BulkRequest,
    now: NaiveDateTime,
) -> Fate {
    if meeting.is_internal() && !request.include_internal {
        return Fate::Leave(Why::Internal);
    }
    if !meeting.is_internal() && request.only_with_citizens && !with_citizen(meeting) {
        return Fate::Leave(Why::WithoutCitizen);
    }
    if meeting.status != MeetingStatus::Planned {
        return Fate::Leave(Why::NotPlanned(meeting.status));
    }
    if start < now {
        return Fate::Leave(Why::Begun);
    }
    match (request.change, meeting.repeat.is_some()) {
        (BulkChange::Cancel, true) => Fate::Skip,
        (BulkChange::Cancel, false) => Fate::Cancel,
        (BulkChange::Convert(form), _) if meeting.form == form => Fate::Leave(Why::AlreadyInForm),
        (BulkChange::Convert(form), true) => Fate::ConvertOnce(form),
        (BulkChange::Convert(form), false) => Fate::Convert(form),
    }
}

impl BulkPlan {
    /// Whether anything would change.
    pub fn changes_anything(&self) -> bool {
        self.meetings
            .iter()
            .any(|p| !matches!(p.fate, Fate::Leave(_)))
    }

    /// How many meetings change.
    pub fn changed_count(&self) -> usize {
        self.meetings
            .iter()
            .filter(|p| !matches!(p.fate, Fate::Leave(_)))
            .count()
    }

    /// How many times of repeating meetings become meetings of their own: the ids
    /// [`BulkPlan::changed_meetings`] needs.
    pub fn split_count(&self) -> usize {
        self.meetings
            .iter()
            .filter(|p| matches!(p.fate, Fate::ConvertOnce(_)))
            .count()
    }

    /// Each changed meeting as it was and as it will be, a repeating meeting once with every
    /// time of the range it loses skipped; and the meetings split off from a series, with the
    /// ids given (one each, in time order, [`BulkPlan::split_count`] of them; a time without an
    /// id is left as it is).
    pub fn changed_meetings(&self, new_ids: &[u64]) -> BulkWrite {
        let mut changed: Vec<(Meeting, Meeting)> = Vec::new();
        let mut added = Vec::new();
        let mut new_ids = new_ids.iter();
        for p in &self.meetings {
            let at = changed
                .iter()
                .position(|(before, _)| before.id == p.meeting.id);
            let after = match at {
                Some(i) => &mut changed[i].1,
                None => {
                    changed.push((p.meeting.clone(), p.meeting.clone()));
                    let last = changed.len() - 1;
                    &mut changed[last].1
                }
            };
            match p.fate {
                Fate::Cancel => {
                    after.status = MeetingStatus::CancelledByCaseworker;
                    after.outcome = self.request.note.clone();
                }
                Fate::Skip => {
                    if let Some(repeat) = after.repeat.as_mut() {
                        repeat.skipped.push(p.start.date());
                    }
                }
                Fate::Convert(form) => convert(after, form),
                Fate::ConvertOnce(form) => {
                    let Some(id) = new_ids.next() else { continue };
                    // The calendar's "this one": the series skips the day, the time is booked
                    // on its own in the new form.
                    let mut converted = after.clone();
                    convert(&mut converted, form);
                    let written = apply(
                        after,
                        p.start,
                        Some(&converted),
                        Scope::This,
                        MeetingId(*id),
                    );
                    if let Some(series) = written.series {
                        *after = series;
                    }
                    added.extend(written.added);
                }
                Fate::Leave(_) => {}
            }
        }
        changed.retain(|(before, after)| before != after);
        BulkWrite { changed, added }
    }

    /// One "inform and rebook" item per affected citizen, with the ids given (one each, in the
    /// order of [`BulkPlan::citizens`]), made on `made`.
    pub fn rebookings(&self, ids: &[u64], made: NaiveDate) -> Vec<Rebooking> {
        self.citizens
            .iter()
            .zip(ids)
            .map(|(a, id)| Rebooking {
                id: RebookingId(*id),
                case: a.case,
                change: self.request.change,
                from: self.request.from,
                to: self.request.to,
                meetings: a.meetings.clone(),
                purpose: a.purpose.clone(),
                note: self.request.note.clone(),
                made,
                done: None,
                booked: None,
            })
            .collect()
    }
}

/// What a plan writes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BulkWrite {
    /// Each changed meeting as it was and as it becomes.
    pub changed: Vec<(Meeting, Meeting)>,
    /// The times of repeating meetings now booked on their own.
    pub added: Vec<Meeting>,
}

/// The same time and purpose in `form`: remote, so no travel.
fn convert(meeting: &mut Meeting, form: MeetingForm) {
    meeting.form = form;
    meeting.place.kind = PlaceKind::Remote;
    meeting.travel_minutes = 0;
}

/// Where the search for a new time starts when a citizen is booked again: the day after the
/// range, or `now` when that is later.
pub fn rebook_from(rebooking: &Rebooking, now: NaiveDateTime) -> NaiveDateTime {
    let after = rebooking
        .to
        .succ_opt()
        .unwrap_or(rebooking.to)
        .and_time(NaiveTime::MIN);
    after.max(now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Participant, Repeat, RepeatEvery};
    use crate::testing::{at, meeting};

    fn day(s: &str) -> NaiveDate {
        at(&format!("{s} 00:00")).date()
    }

    /// Frozen: Tuesday 24 November 2026, 09:00.
    fn now() -> NaiveDateTime {
        at("2026-11-24 09:00")
    }

    fn request(change: BulkChange) -> BulkRequest {
        BulkRequest {
            change,
            from: day("2026-11-24"),
            to: day("2026-11-26"),
            only_with_citizens: false,
            include_internal: false,
            note: "Sygdom".into(),
        }
    }

    fn of_case(mut m: Meeting, case: u64) -> Meeting {
        m.case = Some(CaseId(case));
        m
    }

    fn internal(mut m: Meeting) -> Meeting {
        m.case = None;
        m.purpose = purpose::ADMIN.into();
        m
    }

    fn fates(plan: &BulkPlan) -> Vec<(u64, Fate)> {
        plan.meetings
            .iter()
            .map(|p| (p.meeting.id.0, p.fate))
            .collect()
    }

    #[test]
    fn cancel_marks_planned_meetings_aflyst_and_names_each_citizen_once() {
        let meetings = vec![
            of_case(meeting(1, "2026-11-24 10:00", 45), 7),
            of_case(meeting(2, "2026-11-26 13:00", 45), 7),
            of_case(meeting(3, "2026-11-25 09:00", 60), 8),
            internal(meeting(4, "2026-11-25 12:00", 30)),
            // Outside the range, and one that has begun.
            of_case(meeting(5, "2026-11-27 09:00", 45), 8),
            of_case(meeting(6, "2026-11-24 08:30", 45), 9),
        ];
        let plan = plan(&meetings, &request(BulkChange::Cancel), now());
        assert_eq!(
            fates(&plan),
            vec![
                (6, Fate::Leave(Why::Begun)),
                (1, Fate::Cancel),
                (3, Fate::Cancel),
                (4, Fate::Leave(Why::Internal)),
                (2, Fate::Cancel),
            ]
        );
        let cases: Vec<(u64, usize)> = plan
            .citizens
            .iter()
            .map(|a| (a.case.0, a.meetings.len()))
            .collect();
        assert_eq!(cases, vec![(7, 2), (8, 1)], "one per case, not per meeting");
        let changed = plan.changed_meetings(&[]).changed;
        assert_eq!(changed.len(), 3);
        for (before, after) in &changed {
            assert_eq!(after.status, MeetingStatus::CancelledByCaseworker);
            assert_eq!(after.outcome, "Sygdom");
            assert_eq!(
                (after.start, &after.purpose),
                (before.start, &before.purpose)
            );
        }
        assert_eq!(plan.changed_count(), 3);
    }

    #[test]
    fn convert_keeps_time_and_purpose_and_leaves_what_is_already_in_that_form() {
        let mut home = of_case(meeting(1, "2026-11-24 10:00", 45), 7);
        home.form = MeetingForm::HomeVisit;
        home.place.kind = PlaceKind::CitizensHome;
        home.travel_minutes = 20;
        home.purpose = purpose::OPFOELGNING.into();
        let mut phone = of_case(meeting(2, "2026-11-25 10:00", 30), 8);
        phone.form = MeetingForm::Phone;
        let plan = plan(
            &[home.clone(), phone],
            &request(BulkChange::Convert(MeetingForm::Phone)),
            now(),
        );
        assert_eq!(
            fates(&plan),
            vec![
                (1, Fate::Convert(MeetingForm::Phone)),
                (2, Fate::Leave(Why::AlreadyInForm)),
            ]
        );
        let changed = plan.changed_meetings(&[]).changed;
        let (_, after) = &changed[0];
        assert_eq!(after.form, MeetingForm::Phone);
        assert_eq!(after.place.kind, PlaceKind::Remote);
        assert_eq!(after.travel_minutes, 0);
        assert_eq!(after.status, MeetingStatus::Planned);
        assert_eq!((after.start, after.minutes), (home.start, home.minutes));
        assert_eq!(after.purpose, purpose::OPFOELGNING);
        assert_eq!(plan.citizens.len(), 1);
    }

    #[test]
    fn internal_blocks_change_only_when_chosen_and_a_repeating_one_skips_its_times() {
        let mut vagt = internal(meeting(1, "2026-11-23 08:00", 60));
        vagt.purpose = purpose::TELEFONVAGT.into();
        vagt.repeat = Some(Repeat::new(RepeatEvery::Weekdays));
        let mut req = request(BulkChange::Cancel);
        assert!(!plan(std::slice::from_ref(&vagt), &req, now()).changes_anything());
        req.include_internal = true;
        // From Wednesday: Tuesday's 08:00 has begun.
        let p = plan(std::slice::from_ref(&vagt), &req, now());
        assert_eq!(
            fates(&p),
            vec![
                (1, Fate::Leave(Why::Begun)),
                (1, Fate::Skip),
                (1, Fate::Skip)
            ]
        );
        assert!(p.citizens.is_empty(), "an internal block has no citizen");
        let changed = p.changed_meetings(&[]).changed;
        assert_eq!(changed.len(), 1, "one change for the series");
        let skipped = &changed[0].1.repeat.as_ref().unwrap().skipped;
        assert_eq!(skipped, &vec![day("2026-11-25"), day("2026-11-26")]);
    }

    #[test]
    fn convert_books_each_time_of_a_series_in_the_range_on_its_own_and_the_series_goes_on() {
        // Every Tuesday 10:00 from 10 November, at the citizen's home.
        let mut weekly = of_case(meeting(1, "2026-11-10 10:00", 45), 7);
        weekly.form = MeetingForm::HomeVisit;
        weekly.place.kind = PlaceKind::CitizensHome;
        weekly.travel_minutes = 20;
        weekly.purpose = purpose::OPFOELGNING.into();
        weekly.repeat = Some(Repeat::new(RepeatEvery::Weekly));
        let mut req = request(BulkChange::Convert(MeetingForm::Video));
        (req.from, req.to) = (day("2026-11-23"), day("2026-12-06"));
        let p = plan(std::slice::from_ref(&weekly), &req, at("2026-11-23 09:00"));
        assert_eq!(
            fates(&p),
            vec![
                (1, Fate::ConvertOnce(MeetingForm::Video)),
                (1, Fate::ConvertOnce(MeetingForm::Video)),
            ]
        );
        assert_eq!(p.changed_count(), 2);
        assert_eq!(p.split_count(), 2);
        let tuesdays = [at("2026-11-24 10:00"), at("2026-12-01 10:00")];
        assert_eq!(
            p.citizens[0].meetings,
            vec![(MeetingId(1), tuesdays[0]), (MeetingId(1), tuesdays[1])],
            "the citizen's item counts both times"
        );
        let written = p.changed_meetings(&[50, 51]);
        let [(before, series)] = written.changed.as_slice() else {
            panic!("one change for the series: {:?}", written.changed);
        };
        assert_eq!(before, &weekly);
        let expected_series = {
            let mut s = weekly.clone();
            s.repeat.as_mut().unwrap().skipped = vec![day("2026-11-24"), day("2026-12-01")];
            s
        };
        assert_eq!(series, &expected_series, "only the two days are skipped");
        assert_eq!(written.added.len(), 2);
        for (one, (id, start)) in written
            .added
            .iter()
            .zip([(50, tuesdays[0]), (51, tuesdays[1])])
        {
            assert_eq!((one.id, one.start, one.minutes), (MeetingId(id), start, 45));
            assert_eq!(one.form, MeetingForm::Video);
            assert_eq!(one.place.kind, PlaceKind::Remote);
            assert_eq!(one.travel_minutes, 0);
            assert_eq!(one.purpose, purpose::OPFOELGNING);
            assert_eq!(one.case, Some(CaseId(7)));
            assert_eq!(one.status, MeetingStatus::Planned);
            assert!(one.repeat.is_none(), "a meeting of its own");
        }
        // Outside the range the series is the home visit it was; inside, the video meetings.
        let all: Vec<Meeting> = [series.clone()]
            .into_iter()
            .chain(written.added.clone())
            .collect();
        let around: Vec<(u64, NaiveDateTime, MeetingForm)> =
            occurrences(&all, day("2026-11-16"), day("2026-12-13"))
                .iter()
                .map(|o| (o.meeting.id.0, o.start, o.meeting.form))
                .collect();
        assert_eq!(
            around,
            vec![
                (1, at("2026-11-17 10:00"), MeetingForm::HomeVisit),
                (50, tuesdays[0], MeetingForm::Video),
                (51, tuesdays[1], MeetingForm::Video),
                (1, at("2026-12-08 10:00"), MeetingForm::HomeVisit),
            ]
        );
        // A series already in the form is left as it is.
        req.change = BulkChange::Convert(MeetingForm::HomeVisit);
        let p = plan(std::slice::from_ref(&weekly), &req, at("2026-11-23 09:00"));
        assert!(!p.changes_anything());
    }

    #[test]
    fn only_with_citizens_leaves_meetings_without_the_citizen() {
        let mut network = of_case(meeting(1, "2026-11-24 10:00", 45), 7);
        network.participants = vec![Participant {
            role: Role::Consultant,
            contact: None,
            name: "Mentor".into(),
        }];
        let mut sparring = of_case(meeting(2, "2026-11-24 12:00", 30), 8);
        sparring.purpose = purpose::SPARRING.into();
        let mut with = of_case(meeting(3, "2026-11-24 14:00", 30), 9);
        with.participants = vec![Participant {
            role: Role::Citizen,
            contact: None,
            name: String::new(),
        }];
        let held = {
            let mut m = of_case(meeting(4, "2026-11-25 14:00", 30), 9);
            m.status = MeetingStatus::CancelledByCitizen;
            m
        };
        let mut req = request(BulkChange::Cancel);
        req.only_with_citizens = true;
        let p = plan(&[network, sparring, with, held], &req, now());
        assert_eq!(
            fates(&p),
            vec![
                (1, Fate::Leave(Why::WithoutCitizen)),
                (2, Fate::Leave(Why::WithoutCitizen)),
                (3, Fate::Cancel),
                (
                    4,
                    Fate::Leave(Why::NotPlanned(MeetingStatus::CancelledByCitizen))
                ),
            ]
        );
        assert_eq!(p.citizens.len(), 1);
        req.only_with_citizens = false;
        let p = plan(
            &p.meetings
                .iter()
                .map(|x| x.meeting.clone())
                .collect::<Vec<_>>(),
            &req,
            now(),
        );
        assert_eq!(p.citizens.len(), 3);
    }

    #[test]
    fn each_citizen_gets_one_item_and_rebooking_starts_after_the_range() {
        let meetings = vec![
            of_case(meeting(1, "2026-11-24 10:00", 45), 7),
            of_case(meeting(2, "2026-11-25 10:00", 45), 7),
        ];
        let p = plan(&meetings, &request(BulkChange::Cancel), now());
        let items = p.rebookings(&[100], day("2026-11-24"));
        assert_eq!(items.len(), 1);
        let item = &items[0];
        assert_eq!(item.id, RebookingId(100));
        assert_eq!(item.case, CaseId(7));
        assert_eq!(item.meetings.len(), 2);
        assert_eq!(
            item.purpose,
            purpose::SAMTALE,
            "the first meeting's, to book the same"
        );
        assert_eq!((item.from, item.to), (day("2026-11-24"), day("2026-11-26")));
        assert!(item.is_open());
        assert_eq!(rebook_from(item, now()), at("2026-11-27 00:00"));
        // Looked at after the range: from now.
        assert_eq!(
            rebook_from(item, at("2026-12-01 11:00")),
            at("2026-12-01 11:00")
        );
    }
}
