//! Planning the week (#18): the bookings that keep every case on time, fitted into the free
//! time around what is already booked.
//!
//! The solver is greedy with a repair pass. Needs are taken by due date, then case reference,
//! so the same data always gives the same proposal. Course ends at one supplier are first
//! tried as one visit, back to back on one day (the supplier visit's own rule,
//! [`plan_visit`]); then each remaining need takes the earliest free time on or before its
//! due day that keeps the citizen's time-of-day preference, else any free time by then. The
//! repair pass moves an earlier placed meeting that has time to spare when that lets a need
//! that found no room by its due day in; only what still has no room is placed after its due
//! day, and what has none at all is listed with why. Every placement is checked with the
//! domain's own conflict rules ([`fits`]): nothing overlaps a meeting, a buffer, travel or busy
//! time from another calendar, nothing lands outside working hours, on a day off or while the
//! citizen is away. A greedy solver is enough here: a week holds a few dozen needs, the order
//! a caseworker would take them in is the due order, and every choice can be explained.

use super::agenda::{Occurrence, occurrences};
use super::busy::{busy_spans, external_warnings};
use super::cadence::CadenceSource;
use super::conflicts::{citizen_away, warnings};
use super::hours::WorkingHours;
use super::slots::{Need, next_free};
use super::travel::travel_for;
use super::visit::{VisitCitizen, VisitPlan, plan_visit};
use crate::model::{
    AwayPeriod, BookedBy, CaseId, ContactId, ExternalBlock, Meeting, MeetingForm, MeetingId,
    MeetingStatus, Participant, Place, PlaceKind, Role, purpose,
};
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use serde::Serialize;

/// Proposed meetings carry ids from here up until they are accepted and get a stored id: two
/// proposals must never share an id, or the conflict rules would take them for one meeting.
pub const PROPOSAL_IDS: u64 = 1 << 62;

/// How far one step of the search moves: a quarter of an hour, as the free-slot finder.
const STEP: i64 = 15;

/// The defaults the plan books with (the configuration's `[meetings]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanRules {
    pub default_minutes: u32,
    pub first_meeting_minutes: u32,
    pub three_party_minutes: u32,
    pub prep_minutes: u32,
    pub follow_up_minutes: u32,
    /// Travel each way to a place away from the office.
    pub travel_minutes: u32,
    /// Added to a meeting with a citizen who needs an interpreter.
    pub interpreter_extra_minutes: u32,
    /// Meetings with citizens on one day at most, those already booked included.
    pub max_meetings_per_day: u32,
}

/// Why a case needs a meeting: the reason's key and its arguments (the words are i18n's).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "need", rename_all = "snake_case")]
pub enum Why {
    /// The contact cadence (rettidighed) falls due.
    Cadence {
        due: NaiveDate,
        source: CadenceSource,
    },
    /// A course ends: a three-party meeting with the supplier's consultant.
    CourseEnd {
        end: NaiveDate,
        supplier: String,
        /// The consultant's (or the supplier's) name.
        party: String,
    },
    /// A medical answer arrived and must be acted on.
    MedicalAnswer {
        kind: String,
        received: NaiveDate,
        act_by: NaiveDate,
    },
}

impl Why {
    /// The stronger need leads a case's meeting: a course end, then a medical answer.
    fn rank(&self) -> u8 {
        match self {
            Why::CourseEnd { .. } => 0,
            Why::MedicalAnswer { .. } => 1,
            Why::Cadence { .. } => 2,
        }
    }
}

/// The supplier and party of a course that ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseParty {
    pub supplier: ContactId,
    pub supplier_name: String,
    /// The consultant, or the supplier when the course names none.
    pub party: ContactId,
}

/// When in the day the citizen prefers to meet, read from the case's preference text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeOfDay {
    #[default]
    Any,
    /// Ends by noon ("formiddag", "morning").
    Morning,
    /// Starts at noon or later ("eftermiddag", "afternoon").
    Afternoon,
    /// Starts at or after ("efter kl. 10", "after 10").
    After(NaiveTime),
    /// Ends by ("før kl. 12", "before 12").
    Before(NaiveTime),
}

impl TimeOfDay {
    /// The preference a text names; [`TimeOfDay::Any`] for one it does not understand.
    pub fn parse(text: &str) -> TimeOfDay {
        let t = text.trim().to_lowercase();
        let clock = || {
            let digits: String = t
                .chars()
                .skip_while(|c| !c.is_ascii_digit())
                .take_while(|c| c.is_ascii_digit() || *c == ':' || *c == '.')
                .collect();
            let mut parts = digits.split([':', '.']);
            let hour: u32 = parts.next()?.parse().ok()?;
            let minute: u32 = parts.next().map_or(Some(0), |m| m.parse().ok())?;
            NaiveTime::from_hms_opt(hour, minute, 0)
        };
        if ["efter", "after", "fra "].iter().any(|w| t.contains(w))
            && let Some(at) = clock()
        {
            return TimeOfDay::After(at);
        }
        if ["før", "foer", "inden", "before"]
            .iter()
            .any(|w| t.contains(w))
            && let Some(at) = clock()
        {
            return TimeOfDay::Before(at);
        }
        if t.contains("eftermiddag") || t.contains("afternoon") {
            TimeOfDay::Afternoon
        } else if t.contains("formiddag") || t.contains("morgen") || t.contains("morning") {
            TimeOfDay::Morning
        } else {
            TimeOfDay::Any
        }
    }

    /// Whether a meeting from `start` to `end` keeps the preference.
    pub fn keeps(self, start: NaiveDateTime, end: NaiveDateTime) -> bool {
        let noon = NaiveTime::from_hms_opt(12, 0, 0).unwrap_or(NaiveTime::MIN);
        let ends_by = |t: NaiveTime| end <= start.date().and_time(t);
        match self {
            TimeOfDay::Any => true,
            TimeOfDay::Morning => ends_by(noon),
            TimeOfDay::Afternoon => start.time() >= noon,
            TimeOfDay::After(t) => start.time() >= t,
            TimeOfDay::Before(t) => ends_by(t),
        }
    }
}

/// Where the citizen prefers to meet, read from the case's preference text: the form and the
/// place a proposal books.
pub fn place_preference(text: &str) -> (MeetingForm, PlaceKind) {
    let t = text.trim().to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| t.contains(w));
    if has(&["hjem", "home"]) {
        (MeetingForm::HomeVisit, PlaceKind::CitizensHome)
    } else if has(&["gåtur", "gaatur", "walk"]) {
        (MeetingForm::Walk, PlaceKind::InTown)
    } else if has(&["telefon", "phone"]) {
        (MeetingForm::Phone, PlaceKind::Remote)
    } else if has(&["video"]) {
        (MeetingForm::Video, PlaceKind::Remote)
    } else if has(&["værested", "vaerested", "herberg", "shelter"]) {
        (MeetingForm::InPerson, PlaceKind::Shelter)
    } else {
        (MeetingForm::InPerson, PlaceKind::Jobcenter)
    }
}

/// One case's need of a meeting this week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanNeed {
    pub case: CaseId,
    pub name: String,
    /// The case reference: the tie-break after the due day.
    pub reference: String,
    pub why: Why,
    /// The last day the meeting should be held on.
    pub due: NaiveDate,
    /// The case has never met: a first meeting, at its longer length.
    pub first: bool,
    /// The interpreter's language, when one is needed.
    pub interpreter: Option<String>,
    pub away: Vec<AwayPeriod>,
    /// The case's preference texts: time of day and place.
    pub time_of_day: String,
    pub place: String,
    /// For a course end: where, and with whom.
    pub course: Option<CourseParty>,
}

/// What the solver plans from: the needs, the week, and everything already taking time.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanInput {
    /// Nothing is proposed before this (now, or the start of the week).
    pub from: NaiveDateTime,
    /// The last day planned.
    pub to: NaiveDate,
    pub needs: Vec<PlanNeed>,
    /// The meetings of the days planned (repeating blocks expanded by the solver).
    pub meetings: Vec<Meeting>,
    /// Busy time from other calendars on those days.
    pub blocks: Vec<ExternalBlock>,
    pub hours: WorkingHours,
    pub rules: PlanRules,
}

/// A proposed booking: the meeting, ready to store once it has an id, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Proposal {
    pub case: CaseId,
    pub name: String,
    pub reference: String,
    pub meeting: Meeting,
    /// Every need the meeting answers, the leading one first.
    pub whys: Vec<Why>,
    pub due: NaiveDate,
    /// Placed after its due day: there was no room before.
    pub late: bool,
    /// The citizen's time-of-day preference could not be kept.
    pub preference_missed: bool,
    /// Booked back to back with other citizens of the same supplier.
    pub batched: bool,
}

/// Why a need found no place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NoPlace {
    /// The citizen is away on every working day left of the week.
    Away,
    /// No free time long enough on a working day left of the week.
    NoRoom { due: NaiveDate },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unplaced {
    pub case: CaseId,
    pub name: String,
    pub reference: String,
    pub whys: Vec<Why>,
    pub due: NaiveDate,
    pub why_not: NoPlace,
}

/// The proposal for a week.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Plan {
    /// In time order.
    pub proposals: Vec<Proposal>,
    /// In due order.
    pub unplaced: Vec<Unplaced>,
}

impl Plan {
    /// Cases due under the contact cadence, and how many of them are placed by their due day
    /// (or, already overdue, in the week at all).
    pub fn cadence_on_time(&self) -> (usize, usize) {
        let cadence = |whys: &[Why]| whys.iter().any(|w| matches!(w, Why::Cadence { .. }));
        let placed = self
            .proposals
            .iter()
            .filter(|p| cadence(&p.whys) && !p.late)
            .count();
        let total = placed
            + self
                .proposals
                .iter()
                .filter(|p| cadence(&p.whys) && p.late)
                .count()
            + self.unplaced.iter().filter(|u| cadence(&u.whys)).count();
        (placed, total)
    }
}

/// Whether `meeting` fits where it is: no warning from the domain's conflict rules against the
/// other occurrences of its day (`day`), none from busy time of other calendars, and the
/// citizen not away. This is the one test every proposal passes.
pub fn fits(
    meeting: &Meeting,
    day: &[Occurrence<'_>],
    blocks: &[ExternalBlock],
    hours: &WorkingHours,
    away: &[AwayPeriod],
) -> bool {
    warnings(meeting, meeting.start, day, hours, None).is_empty()
        && external_warnings(meeting, meeting.start, blocks).is_empty()
        && citizen_away(away, meeting.start.date()).is_none()
}

/// Whether a received medical answer still asks for a meeting: none is planned or held from
/// the day it arrived (`meeting` is the case's first such meeting from then on).
pub fn answer_needs_meeting(received: NaiveDate, meeting: Option<NaiveDate>) -> bool {
    meeting.is_none_or(|day| day < received)
}

/// One case's needs merged: one meeting answers them all.
#[derive(Debug, Clone)]
struct Lead {
    need: PlanNeed,
    whys: Vec<Why>,
    due: NaiveDate,
}

/// The proposal for the week `input` describes.
pub fn plan(input: &PlanInput) -> Plan {
    let mut solver = Solver::new(input);
    solver.solve();
    solver.finish()
}

/// Another place for proposal `index` of `plan`: the next free time after its own (on to the
/// end of the week, then from its start), keeping every other proposal where it is. `None`
/// when there is no other place. The proposal keeps its id and its reasons.
pub fn another_slot(input: &PlanInput, plan: &Plan, index: usize) -> Option<Proposal> {
    let current = plan.proposals.get(index)?;
    let mut solver = Solver::new(input);
    solver.placed = plan
        .proposals
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != index)
        .map(|(_, p)| p.meeting.clone())
        .collect();
    let need = input.needs.iter().find(|n| n.case == current.case)?;
    let mut template = current.meeting.clone();
    // A batched meeting moves on its own, with its own buffers and travel.
    if current.batched {
        let (prep, follow, travel) = solver.buffers(&template);
        template.prep_minutes = prep;
        template.follow_up_minutes = follow;
        template.travel_minutes = travel;
    }
    let after = current.meeting.start + Duration::minutes(STEP);
    let later = solver
        .days
        .iter()
        .filter(|d| **d >= current.meeting.start.date())
        .find_map(|d| solver.first_fit(*d, &template, &need.away, TimeOfDay::Any, after));
    let meeting = later.or_else(|| {
        solver.days.iter().find_map(|d| {
            solver
                .first_fit(*d, &template, &need.away, TimeOfDay::Any, input.from)
                .filter(|m| m.start != current.meeting.start)
        })
    })?;
    let prefer = TimeOfDay::parse(&need.time_of_day);
    Some(Proposal {
        late: meeting.start.date() > current.due,
        preference_missed: !prefer.keeps(meeting.start, meeting.end()),
        batched: false,
        meeting,
        ..current.clone()
    })
}

struct Solver<'a> {
    input: &'a PlanInput,
    /// The working days planned, in order.
    days: Vec<NaiveDate>,
    /// What is booked on each of `days`.
    booked: Vec<Vec<Occurrence<'a>>>,
    leads: Vec<Lead>,
    /// Proposed meetings, index-aligned with `placement`.
    placed: Vec<Meeting>,
    /// For each lead: where its meeting is in `placed`.
    placement: Vec<Option<usize>>,
    batched: Vec<bool>,
    missed: Vec<bool>,
    next_id: u64,
}

impl<'a> Solver<'a> {
    fn new(input: &'a PlanInput) -> Solver<'a> {
        let days: Vec<NaiveDate> = input
            .from
            .date()
            .iter_days()
            .take_while(|d| *d <= input.to)
            .filter(|d| input.hours.is_working_day(*d))
            .collect();
        let booked = days
            .iter()
            .map(|d| occurrences(&input.meetings, *d, *d))
            .collect();
        let leads = merge(&input.needs);
        let count = leads.len();
        Solver {
            input,
            days,
            booked,
            leads,
            placed: Vec::new(),
            placement: vec![None; count],
            batched: vec![false; count],
            missed: vec![false; count],
            next_id: PROPOSAL_IDS,
        }
    }

    fn solve(&mut self) {
        self.place_batches();
        for i in 0..self.leads.len() {
            if self.placement[i].is_none() {
                self.place_by_due(i);
            }
        }
        self.repair();
        for i in 0..self.leads.len() {
            if self.placement[i].is_none() {
                self.place_any(i);
            }
        }
    }

    /// Preparation, follow-up and travel of `m` as a meeting of its own.
    fn buffers(&self, m: &Meeting) -> (u32, u32, u32) {
        let rules = &self.input.rules;
        (
            rules.prep_minutes,
            rules.follow_up_minutes,
            travel_for(m.form, m.place.kind, rules.travel_minutes),
        )
    }

    /// The meeting a lead books, not yet placed (its start is the week's start).
    fn template(&self, lead: &Lead) -> Meeting {
        let rules = &self.input.rules;
        let need = &lead.need;
        let mut participants = vec![Participant {
            role: Role::Citizen,
            contact: None,
            name: String::new(),
        }];
        let (purpose, minutes, form, place) = match &need.course {
            Some(course) => {
                participants.push(Participant {
                    role: Role::Consultant,
                    contact: Some(course.party),
                    name: String::new(),
                });
                let place = Place {
                    kind: PlaceKind::Supplier,
                    text: course.supplier_name.clone(),
                };
                (
                    purpose::THREE_PARTY,
                    rules.three_party_minutes,
                    MeetingForm::InPerson,
                    place,
                )
            }
            None => {
                let (form, kind) = place_preference(&need.place);
                let (purpose, minutes) = if need.first {
                    (purpose::SAMTALE, rules.first_meeting_minutes)
                } else {
                    (purpose::OPFOELGNING, rules.default_minutes)
                };
                let place = Place {
                    kind,
                    text: String::new(),
                };
                (purpose, minutes, form, place)
            }
        };
        let mut minutes = minutes;
        if let Some(language) = &need.interpreter {
            minutes += rules.interpreter_extra_minutes;
            participants.push(Participant {
                role: Role::Interpreter,
                contact: None,
                name: language.clone(),
            });
        }
        Meeting {
            id: MeetingId(0),
            case: Some(need.case),
            start: self.input.from,
            minutes,
            purpose: purpose.to_owned(),
            form,
            travel_minutes: travel_for(form, place.kind, rules.travel_minutes),
            place,
            participants,
            booked_by: BookedBy::Caseworker,
            prep_minutes: rules.prep_minutes,
            follow_up_minutes: rules.follow_up_minutes,
            status: MeetingStatus::Planned,
            outcome: String::new(),
            title: String::new(),
            note: String::new(),
            repeat: None,
            moved_to: None,
            moved_from: None,
            revision: 0,
        }
    }

    /// What takes time on working day `index` of the week: the booked and the proposed.
    fn day_occurrences(&self, index: usize) -> Vec<Occurrence<'_>> {
        let day = self.days[index];
        let mut occs = self.booked[index].clone();
        occs.extend(
            self.placed
                .iter()
                .filter(|m| m.start.date() == day)
                .map(|m| Occurrence {
                    meeting: m,
                    start: m.start,
                }),
        );
        occs
    }

    /// Meetings with citizens on working day `index`, booked and proposed.
    fn meetings_on(&self, index: usize) -> u32 {
        let n = self
            .day_occurrences(index)
            .iter()
            .filter(|o| o.meeting.case.is_some() && o.meeting.status.occupies_time())
            .count();
        u32::try_from(n).unwrap_or(u32::MAX)
    }

    /// The earliest place on `day` from `after` where `template` fits and keeps `prefer`.
    fn first_fit(
        &self,
        day: NaiveDate,
        template: &Meeting,
        away: &[AwayPeriod],
        prefer: TimeOfDay,
        after: NaiveDateTime,
    ) -> Option<Meeting> {
        let index = self.days.iter().position(|d| *d == day)?;
        if citizen_away(away, day).is_some()
            || self.meetings_on(index) >= self.input.rules.max_meetings_per_day
        {
            return None;
        }
        let occs = self.day_occurrences(index);
        let blocks = self.blocks_on(day);
        let spans = busy_spans(&blocks);
        let need = Need {
            minutes: template.minutes,
            prep_minutes: template.prep_minutes,
            follow_up_minutes: template.follow_up_minutes,
            travel_minutes: template.travel_minutes,
        };
        let mut from = after.max(self.input.from).max(day.and_time(NaiveTime::MIN));
        while let Some(start) = next_free(from, need, &occs, &spans, &self.input.hours, 0) {
            if start.date() != day {
                return None;
            }
            let mut m = template.clone();
            m.start = start;
            if prefer.keeps(start, m.end()) && fits(&m, &occs, &blocks, &self.input.hours, away) {
                return Some(m);
            }
            from = start + Duration::minutes(STEP);
        }
        None
    }

    fn blocks_on(&self, day: NaiveDate) -> Vec<ExternalBlock> {
        let (from, to) = (
            day.and_time(NaiveTime::MIN),
            (day + Duration::days(1)).and_time(NaiveTime::MIN),
        );
        self.input
            .blocks
            .iter()
            .filter(|b| b.start < to && b.end() > from)
            .cloned()
            .collect()
    }

    fn put(&mut self, lead: usize, mut m: Meeting, missed: bool) {
        m.id = MeetingId(self.next_id);
        self.next_id += 1;
        self.placed.push(m);
        self.placement[lead] = Some(self.placed.len() - 1);
        self.missed[lead] = missed;
    }

    fn take(&mut self, lead: usize) -> Option<Meeting> {
        let at = self.placement[lead].take()?;
        let m = self.placed.remove(at);
        for p in self.placement.iter_mut().flatten() {
            if *p > at {
                *p -= 1;
            }
        }
        Some(m)
    }

    /// The earliest place by `by` (or in the week, when `by` is None), the preference kept if
    /// it can be anywhere by then.
    fn find(&self, lead: usize, by: Option<NaiveDate>) -> Option<(Meeting, bool)> {
        let l = &self.leads[lead];
        let template = self.template(l);
        let prefer = TimeOfDay::parse(&l.need.time_of_day);
        let days: Vec<NaiveDate> = self
            .days
            .iter()
            .copied()
            .filter(|d| by.is_none_or(|by| *d <= by))
            .collect();
        let from = self.input.from;
        let kept = days
            .iter()
            .find_map(|d| self.first_fit(*d, &template, &l.need.away, prefer, from));
        if let Some(m) = kept {
            return Some((m, false));
        }
        if prefer == TimeOfDay::Any {
            return None;
        }
        days.iter()
            .find_map(|d| self.first_fit(*d, &template, &l.need.away, TimeOfDay::Any, from))
            .map(|m| (m, true))
    }

    /// The day a lead must be placed by: its due day, or for one already overdue any day.
    fn by(&self, lead: usize) -> Option<NaiveDate> {
        let due = self.leads[lead].due;
        (due >= self.input.from.date()).then_some(due)
    }

    fn place_by_due(&mut self, lead: usize) -> bool {
        match self.find(lead, self.by(lead)) {
            Some((m, missed)) => {
                self.put(lead, m, missed);
                true
            }
            None => false,
        }
    }

    fn place_any(&mut self, lead: usize) {
        if let Some((m, missed)) = self.find(lead, None) {
            self.put(lead, m, missed);
        }
    }

    /// Course ends at one supplier, two or more, as one visit: back to back on the first day
    /// by the earliest due day where all fit (else any day of the week).
    fn place_batches(&mut self) {
        let mut suppliers: Vec<ContactId> = self
            .leads
            .iter()
            .filter_map(|l| l.need.course.as_ref().map(|c| c.supplier))
            .collect();
        suppliers.sort();
        suppliers.dedup();
        for supplier in suppliers {
            let members: Vec<usize> = (0..self.leads.len())
                .filter(|&i| {
                    let n = &self.leads[i].need;
                    n.course.as_ref().is_some_and(|c| c.supplier == supplier)
                        && n.interpreter.is_none()
                })
                .collect();
            if members.len() < 2 {
                continue;
            }
            let by = members.iter().map(|&i| self.leads[i].due).min();
            let by = by.filter(|d| *d >= self.input.from.date());
            let days: Vec<NaiveDate> = self.days.clone();
            let found = days
                .iter()
                .filter(|d| by.is_none_or(|by| **d <= by))
                .chain(days.iter().filter(|d| by.is_some_and(|by| **d > by)))
                .find_map(|day| self.visit_on(*day, &members));
            if let Some(meetings) = found {
                for (&lead, m) in members.iter().zip(meetings) {
                    let prefer = TimeOfDay::parse(&self.leads[lead].need.time_of_day);
                    let missed = !prefer.keeps(m.start, m.end());
                    self.put(lead, m, missed);
                    self.batched[lead] = true;
                }
            }
        }
    }

    /// The visit to `members`' supplier on `day`, checked meeting by meeting.
    fn visit_on(&self, day: NaiveDate, members: &[usize]) -> Option<Vec<Meeting>> {
        let index = self.days.iter().position(|d| *d == day)?;
        let count = u32::try_from(members.len()).ok()?;
        if self.meetings_on(index) + count > self.input.rules.max_meetings_per_day
            || members
                .iter()
                .any(|&i| citizen_away(&self.leads[i].need.away, day).is_some())
        {
            return None;
        }
        let first = self.leads[members[0]].need.course.as_ref()?;
        let rules = &self.input.rules;
        let plan = VisitPlan {
            supplier: first.supplier,
            supplier_name: first.supplier_name.clone(),
            day,
            minutes: rules.three_party_minutes,
            citizens: members
                .iter()
                .map(|&i| VisitCitizen {
                    case: self.leads[i].need.case,
                    name: self.leads[i].need.name.clone(),
                    consultant: self.leads[i].need.course.as_ref().map(|c| c.party),
                })
                .collect(),
        };
        let travel = travel_for(
            MeetingForm::InPerson,
            PlaceKind::Supplier,
            rules.travel_minutes,
        );
        // The travel there and back is held before the first meeting and after the last.
        let buffers = (
            rules.prep_minutes + travel,
            rules.follow_up_minutes + travel,
        );
        let ids: Vec<u64> = (0..members.len() as u64)
            .map(|i| self.next_id + i)
            .collect();
        let occs = self.day_occurrences(index);
        let blocks = self.blocks_on(day);
        let spans = busy_spans(&blocks);
        let from = self.input.from.max(day.and_time(NaiveTime::MIN));
        let mut meetings =
            plan_visit(&plan, from, &occs, &spans, &self.input.hours, buffers, &ids)?;
        for m in &mut meetings {
            m.purpose = purpose::THREE_PARTY.to_owned();
        }
        let mut all = occs.clone();
        all.extend(meetings.iter().map(|m| Occurrence {
            meeting: m,
            start: m.start,
        }));
        let clear = members.iter().zip(&meetings).all(|(&i, m)| {
            fits(
                m,
                &all,
                &blocks,
                &self.input.hours,
                &self.leads[i].need.away,
            )
        });
        clear.then_some(meetings)
    }

    /// Lets a need that found no room by its due day in by moving a placed meeting elsewhere,
    /// still by its own due day.
    fn repair(&mut self) {
        for lead in 0..self.leads.len() {
            if self.placement[lead].is_some() {
                continue;
            }
            if self.by(lead).is_none() {
                continue;
            }
            let mut movable: Vec<usize> = (0..self.leads.len())
                .filter(|&j| self.placement[j].is_some() && !self.batched[j])
                .collect();
            // The one with the most time to spare first; ties in the leads' order.
            movable.sort_by_key(|&j| (std::cmp::Reverse(self.leads[j].due), j));
            for other in movable {
                let missed = self.missed[other];
                let Some(taken) = self.take(other) else {
                    continue;
                };
                if self.place_by_due(lead) {
                    if self.place_by_due(other) {
                        break;
                    }
                    self.take(lead);
                }
                self.put(other, taken, missed);
            }
        }
    }

    fn finish(self) -> Plan {
        let mut proposals = Vec::new();
        let mut unplaced = Vec::new();
        for (i, lead) in self.leads.iter().enumerate() {
            let need = &lead.need;
            match self.placement[i] {
                Some(at) => {
                    let meeting = self.placed[at].clone();
                    proposals.push(Proposal {
                        case: need.case,
                        name: need.name.clone(),
                        reference: need.reference.clone(),
                        late: meeting.start.date() > lead.due,
                        meeting,
                        whys: lead.whys.clone(),
                        due: lead.due,
                        preference_missed: self.missed[i],
                        batched: self.batched[i],
                    });
                }
                None => {
                    let away = self
                        .days
                        .iter()
                        .all(|d| citizen_away(&need.away, *d).is_some());
                    unplaced.push(Unplaced {
                        case: need.case,
                        name: need.name.clone(),
                        reference: need.reference.clone(),
                        whys: lead.whys.clone(),
                        due: lead.due,
                        why_not: if away {
                            NoPlace::Away
                        } else {
                            NoPlace::NoRoom { due: lead.due }
                        },
                    });
                }
            }
        }
        proposals.sort_by(|a, b| {
            (a.meeting.start, &a.reference, a.case).cmp(&(b.meeting.start, &b.reference, b.case))
        });
        Plan {
            proposals,
            unplaced,
        }
    }
}

/// One lead per case, the strongest need leading and every need's reason kept, in the order
/// the solver takes them: due day, then case reference, then case.
fn merge(needs: &[PlanNeed]) -> Vec<Lead> {
    let mut sorted: Vec<&PlanNeed> = needs.iter().collect();
    sorted.sort_by_key(|a| (a.case, a.why.rank(), a.due));
    let mut leads: Vec<Lead> = Vec::new();
    for need in sorted {
        match leads.last_mut() {
            Some(lead) if lead.need.case == need.case => {
                lead.whys.push(need.why.clone());
                lead.due = lead.due.min(need.due);
            }
            _ => leads.push(Lead {
                need: need.clone(),
                whys: vec![need.why.clone()],
                due: need.due,
            }),
        }
    }
    leads.sort_by(|a, b| {
        (a.due, &a.need.reference, a.need.case).cmp(&(b.due, &b.need.reference, b.need.case))
    });
    leads
}

pub mod sample;

#[cfg(test)]
mod tests;
