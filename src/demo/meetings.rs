//! A year of meetings before today and about six weeks ahead, plus the weekly internal blocks.
//!
//! Cases wait in a queue ordered by the day their next meeting is due; each week takes as many
//! as the caseload's density asks for, so the number of meetings per week stays steady. A
//! per-day occupancy map keeps meetings (with their preparation and follow-up) apart.

use crate::domain::travel::travel_for;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

use super::calendar::{Calendar, add_days, is_working_day, monday_of};
use super::contacts::Directory;
use super::dice::Dice;
use super::occupancy::Occupancy;
use super::phrases;
use crate::model::{
    BookedBy, Case, CaseId, CaseStatus, ContactId, ContactKind, Meeting, MeetingForm, MeetingId,
    MeetingStatus, Participant, Place, PlaceKind, Repeat, RepeatEvery, Role, purpose, target_group,
};

/// The past meetings of the last year repeated `years - 1` more years back (52 weeks apart, so
/// each keeps its weekday), with ids above every generated one: a caseload with a long history.
pub(super) fn with_older_years(
    mut meetings: Vec<Meeting>,
    today: NaiveDate,
    years: u32,
) -> Vec<Meeting> {
    let past: Vec<Meeting> = meetings
        .iter()
        .filter(|m| m.repeat.is_none() && m.start.date() < today)
        .cloned()
        .collect();
    let base = meetings.iter().map(|m| m.id.0).max().unwrap_or(0);
    for year in 1..u64::from(years) {
        for m in &past {
            let mut old = m.clone();
            old.id = MeetingId(m.id.0 + year * base);
            old.start -= chrono::Duration::weeks(52 * year as i64);
            old.moved_to = None;
            old.moved_from = None;
            meetings.push(old);
        }
    }
    meetings
}

const DAY_OPENS: u32 = 8 * 60;
const LAST_START: u32 = 15 * 60 + 30;
const DAY_CLOSES: u32 = 16 * 60 + 30;
const FIRST_MEETING_MINUTES: u32 = 90;

pub(super) fn generate(
    per_year: u32,
    cal: &Calendar,
    dir: &Directory,
    cases: &[Case],
    dice: &mut Dice,
) -> Vec<Meeting> {
    let per_year = per_year.max(1);
    let mut occupancy = Occupancy::new(cal.start, cal.end);
    let span_days = (cal.end - cal.start).num_days() as usize;
    let mut out = Vec::with_capacity(cases.len() * per_year as usize * span_days / 365 + 8);
    internal_blocks(cal, dir, &mut occupancy, &mut out);
    let plans: Vec<Plan> = cases
        .iter()
        .map(|case| Plan::of(case, dir, per_year, dice))
        .collect();
    let mut scheduler = Scheduler {
        cal,
        plans: &plans,
        occupancy,
        dice,
        out,
    };
    scheduler.run(per_year);
    scheduler.overlap_once_this_week();
    scheduler.three_party_ahead();
    let mut out = scheduler.out;
    out.sort_by_key(|m| (m.start, m.case));
    for (i, m) in out.iter_mut().enumerate() {
        m.id = MeetingId(i as u64 + 1);
    }
    out
}

/// The party who makes a meeting a 3-partssamtale, and where it could take place.
struct ThirdParty {
    role: Role,
    contact: ContactId,
    place: PlaceKind,
    place_text: String,
}

/// What the scheduler needs to know about one case.
struct Plan<'a> {
    case: &'a Case,
    /// Average days between meetings.
    interval: f64,
    created: NaiveDate,
    closed: Option<NaiveDate>,
    third: Option<ThirdParty>,
    workplace: Option<(ContactId, String)>,
    interpreter: Option<ContactId>,
    rehab: bool,
}

impl<'a> Plan<'a> {
    fn of(case: &'a Case, dir: &Directory, per_year: u32, dice: &mut Dice) -> Self {
        let pace = dice.weighted(&[(20, 0.5), (20, 0.8), (30, 1.0), (20, 1.25), (10, 2.0)]);
        let mut third = None;
        let mut workplace = None;
        let mut bosted = None;
        let mut interpreter = None;
        for link in &case.network {
            let Some(contact) = dir.get(link.contact) else {
                continue;
            };
            match contact.kind {
                ContactKind::Consultant | ContactKind::Mentor if third.is_none() => {
                    third = Some(ThirdParty {
                        role: Role::Consultant,
                        contact: contact.id,
                        place: PlaceKind::Supplier,
                        place_text: dir.organisation_name(contact.id).to_string(),
                    });
                }
                ContactKind::Employer => workplace = Some((contact.id, contact.name.clone())),
                ContactKind::Bosted => {
                    bosted = Some(ThirdParty {
                        role: Role::Bosted,
                        contact: contact.id,
                        place: PlaceKind::Bosted,
                        place_text: dir.bosted_of(contact.id).unwrap_or("").to_string(),
                    });
                }
                ContactKind::Interpreter => interpreter = Some(contact.id),
                _ => {}
            }
        }
        let third = third
            .or_else(|| {
                workplace.as_ref().map(|(id, name)| ThirdParty {
                    role: Role::Employer,
                    contact: *id,
                    place: PlaceKind::Workplace,
                    place_text: name.clone(),
                })
            })
            .or(bosted);
        Self {
            case,
            interval: 365.0 / f64::from(per_year) * pace,
            created: case.created.date_naive(),
            closed: match case.status {
                CaseStatus::Closed(on) => Some(on),
                CaseStatus::Active => None,
            },
            third,
            workplace,
            interpreter,
            rehab: matches!(
                case.target_group.as_str(),
                target_group::RESSOURCEFORLOEB | target_group::JOBAFKLARING
            ),
        }
    }

    fn active_in_week(&self, monday: NaiveDate) -> bool {
        self.created <= add_days(monday, 6) && self.closed.is_none_or(|c| c > monday)
    }
}

/// A meeting before it gets a time.
struct Draft {
    purpose: &'static str,
    form: MeetingForm,
    place: Place,
    minutes: u32,
    participants: Vec<Participant>,
    prep: u32,
    follow_up: u32,
    note: String,
    booked_by: BookedBy,
}

struct Scheduler<'a, 'p> {
    cal: &'a Calendar,
    plans: &'a [Plan<'p>],
    occupancy: Occupancy,
    dice: &'a mut Dice,
    out: Vec<Meeting>,
}

impl Scheduler<'_, '_> {
    fn run(&mut self, per_year: u32) {
        let cal = self.cal;
        let mut admission: Vec<usize> = (0..self.plans.len()).collect();
        admission.sort_by_key(|&i| (self.plans[i].created, i));
        let mut admitted = 0;
        let mut queue: BinaryHeap<Reverse<(NaiveDate, usize, bool)>> = BinaryHeap::new();
        let mut carry = 0.0;
        let this_week = monday_of(cal.today);
        let mut week = monday_of(cal.start);
        while week <= cal.end {
            let sunday = add_days(week, 6);
            while admitted < admission.len() && self.plans[admission[admitted]].created <= sunday {
                let i = admission[admitted];
                let plan = &self.plans[i];
                let (due, first) = if plan.created < cal.start {
                    let phase = self.dice.below(plan.interval.ceil() as u64 + 1) as i64;
                    (add_days(cal.start, phase), false)
                } else {
                    (add_days(plan.created, self.dice.between(1, 6)), true)
                };
                queue.push(Reverse((due, i, first)));
                admitted += 1;
            }
            let active = self.plans.iter().filter(|p| p.active_in_week(week)).count();
            let weeks_ahead = (week - this_week).num_days() / 7;
            let expected = active as f64 * f64::from(per_year) * 7.0 / 365.0
                * booked_share(weeks_ahead)
                + carry;
            let quota = (expected.floor() as i64 + self.dice.between(-1, 1)).max(0);
            carry = expected - quota as f64;

            let mut later = vec![];
            let mut placed = 0;
            while placed < quota {
                let Some(Reverse((due, i, first))) = queue.pop() else {
                    break;
                };
                let plan = &self.plans[i];
                let lo = week.max(plan.created).max(cal.start);
                let mut hi = add_days(week, 4).min(cal.end);
                if let Some(closed) = plan.closed {
                    hi = hi.min(add_days(closed, -1));
                }
                if lo > hi {
                    if plan.closed.is_none_or(|c| c > sunday) {
                        later.push(Reverse((add_days(week, 7), i, first)));
                    }
                    continue;
                }
                let day = if due >= lo && due <= hi && is_working_day(due) {
                    due
                } else {
                    self.working_day_in(lo, hi)
                };
                if let Some(away) = plan.case.away_on(day) {
                    later.push(Reverse((add_days(away.to, 1), i, first)));
                    continue;
                }
                let day = self.book(i, day, lo, hi, first);
                placed += 1;
                later.push(Reverse((self.next_due(plan, day), i, false)));
            }
            queue.extend(later);
            week = add_days(week, 7);
        }
    }

    /// A working day in `lo..=hi`, which lie in one Monday–Friday week.
    fn working_day_in(&mut self, lo: NaiveDate, hi: NaiveDate) -> NaiveDate {
        let span = (hi - lo).num_days();
        add_days(lo, self.dice.between(0, span))
    }

    fn next_due(&mut self, plan: &Plan, day: NaiveDate) -> NaiveDate {
        let recent = day >= self.cal.day(-28);
        let days = match &plan.case.cadence_override {
            Some(o) if recent && o.until.is_none_or(|u| day <= u) => f64::from(o.every_days),
            _ => plan.interval * (0.8 + 0.4 * self.dice.unit()),
        };
        add_days(day, (days.round() as i64).max(1))
    }

    /// Books a meeting for plan `i` on `day`, or on another day in `lo..=hi` when `day` is full;
    /// overlaps only when the whole week is full. Returns the day used.
    fn book(
        &mut self,
        i: usize,
        day: NaiveDate,
        lo: NaiveDate,
        hi: NaiveDate,
        first: bool,
    ) -> NaiveDate {
        let plan = &self.plans[i];
        let draft = draft(plan, first, self.dice);
        let mut slot = self.free_start(day, &draft, 12).map(|s| (day, s));
        let mut other = lo;
        while slot.is_none() && other <= hi {
            if other != day {
                slot = self.free_start(other, &draft, 6).map(|s| (other, s));
            }
            other = add_days(other, 1);
        }
        let (day, start) = slot.unwrap_or_else(|| (day, self.random_start(draft.minutes)));
        let (from, to) = buffered(start, &draft);
        self.occupancy.reserve(day, from, to);
        let meeting = self.meeting(plan.case.id, day, start, draft, first);
        self.out.push(meeting);
        day
    }

    fn free_start(&mut self, day: NaiveDate, draft: &Draft, tries: u32) -> Option<u32> {
        for _ in 0..tries {
            let start = self.random_start(draft.minutes);
            let (from, to) = buffered(start, draft);
            if self.occupancy.is_free(day, from, to) {
                return Some(start);
            }
        }
        None
    }

    /// A start between 08:00 and 15:30 that ends by 16:30; mostly on a quarter-hour.
    fn random_start(&mut self, minutes: u32) -> u32 {
        let latest = LAST_START
            .min(DAY_CLOSES.saturating_sub(minutes))
            .max(DAY_OPENS);
        let step = if self.dice.chance(880) { 15 } else { 5 };
        let steps = (latest - DAY_OPENS) / step;
        DAY_OPENS + step * self.dice.below(u64::from(steps) + 1) as u32
    }

    fn meeting(
        &mut self,
        case: CaseId,
        day: NaiveDate,
        start: u32,
        draft: Draft,
        first: bool,
    ) -> Meeting {
        let (status, outcome) = if day < self.cal.today {
            past_status(first, self.dice)
        } else {
            (MeetingStatus::Planned, String::new())
        };
        let travel_minutes = travel_for(draft.form, draft.place.kind, TRAVEL_MINUTES);
        Meeting {
            id: MeetingId(0),
            case: Some(case),
            start: at(day, start),
            minutes: draft.minutes,
            purpose: draft.purpose.to_string(),
            form: draft.form,
            place: draft.place,
            participants: draft.participants,
            booked_by: draft.booked_by,
            prep_minutes: draft.prep,
            follow_up_minutes: draft.follow_up,
            status,
            outcome,
            title: String::new(),
            note: draft.note,
            revision: 0,
            travel_minutes,
            moved_to: None,
            moved_from: None,
            repeat: None,
        }
    }

    /// One deliberate double booking in the current week, so the overlap warning shows: a
    /// short phone follow-up inside another case's meeting, on the first day from today on
    /// (or else the first day of the week) that has a meeting.
    fn overlap_once_this_week(&mut self) {
        let today = self.cal.today;
        let monday = monday_of(today);
        let friday = add_days(monday, 4);
        let candidates = self.out.iter().filter(|m| {
            let day = m.start.date();
            m.case.is_some() && m.status.occupies_time() && day >= monday && day <= friday
        });
        let Some(host) = candidates
            .min_by_key(|m| (m.start.date() < today, m.start))
            .cloned()
        else {
            return;
        };
        let day = host.start.date();
        let Some(plan) = self.plans.iter().find(|p| {
            Some(p.case.id) != host.case
                && p.case.is_active()
                && p.created <= day
                && p.case.away_on(day).is_none()
        }) else {
            return;
        };
        let draft = Draft {
            purpose: purpose::OPFOELGNING,
            form: MeetingForm::Phone,
            place: Place {
                kind: PlaceKind::Remote,
                text: String::new(),
            },
            minutes: host.minutes.min(30),
            participants: vec![citizen(), caseworker()],
            prep: 0,
            follow_up: 0,
            note: String::new(),
            booked_by: BookedBy::Caseworker,
        };
        let start = host.start.hour_minute();
        let meeting = self.meeting(plan.case.id, day, start, draft, false);
        self.out.push(meeting);
    }

    /// Makes sure a 3-partssamtale lies ahead: converts the first planned meeting of a case
    /// with a third party when chance gave none.
    fn three_party_ahead(&mut self) {
        let today = self.cal.today;
        let ahead = |m: &Meeting| m.case.is_some() && m.start.date() >= today;
        if self
            .out
            .iter()
            .any(|m| ahead(m) && m.purpose == purpose::THREE_PARTY)
        {
            return;
        }
        let plans = self.plans;
        let candidate = self
            .out
            .iter_mut()
            .filter(|m| ahead(m))
            .filter_map(|m| {
                let case = m.case?;
                let third = plans.get(case.0 as usize - 1)?.third.as_ref()?;
                Some((m, third))
            })
            .min_by_key(|(m, _)| m.start);
        if let Some((m, third)) = candidate {
            m.purpose = purpose::THREE_PARTY.to_string();
            m.form = MeetingForm::InPerson;
            m.place = Place::default();
            m.participants.push(Participant {
                role: third.role,
                contact: Some(third.contact),
                name: String::new(),
            });
        }
    }
}

/// The share of the usual weekly meetings already booked this many weeks ahead.
fn booked_share(weeks_ahead: i64) -> f64 {
    match weeks_ahead {
        ..=2 => 1.0,
        3 => 0.8,
        4 => 0.6,
        5 => 0.45,
        _ => 0.3,
    }
}

/// The time a meeting takes with its preparation and follow-up, in minutes of the day.
fn buffered(start: u32, draft: &Draft) -> (u32, u32) {
    (
        start.saturating_sub(draft.prep),
        start + draft.minutes + draft.follow_up,
    )
}

fn at(day: NaiveDate, minute: u32) -> NaiveDateTime {
    let time = NaiveTime::from_hms_opt(minute / 60, minute % 60, 0).unwrap_or_default();
    day.and_time(time)
}

trait MinuteOfDay {
    fn hour_minute(&self) -> u32;
}

impl MinuteOfDay for NaiveDateTime {
    fn hour_minute(&self) -> u32 {
        use chrono::Timelike;
        self.hour() * 60 + self.minute()
    }
}

fn citizen() -> Participant {
    Participant {
        role: Role::Citizen,
        contact: None,
        name: String::new(),
    }
}

fn caseworker() -> Participant {
    Participant {
        role: Role::Caseworker,
        contact: None,
        name: String::new(),
    }
}

fn party(role: Role, contact: ContactId) -> Participant {
    Participant {
        role,
        contact: Some(contact),
        name: String::new(),
    }
}

/// Purpose, form, place, length and parties of a meeting for `plan`.
fn draft(plan: &Plan, first: bool, dice: &mut Dice) -> Draft {
    let mut d = Draft {
        purpose: purpose::SAMTALE,
        form: MeetingForm::InPerson,
        place: Place::default(),
        minutes: FIRST_MEETING_MINUTES,
        participants: vec![citizen(), caseworker()],
        prep: 15,
        follow_up: 15,
        note: String::new(),
        booked_by: BookedBy::Caseworker,
    };
    if !first {
        d.prep = *dice.pick(&[0, 5, 10, 10, 15]);
        d.follow_up = *dice.pick(&[0, 5, 5, 10, 15]);
        // Only cases with a third party have 3-partssamtaler: one in four of their meetings
        // makes about one in eight overall.
        let roll = dice.below(1000);
        match (&plan.third, &plan.workplace) {
            (Some(third), _) if roll < 250 => {
                d.purpose = purpose::THREE_PARTY;
                d.minutes = *dice.pick(&[60, 60, 75, 90]);
                d.participants.push(party(third.role, third.contact));
                if dice.chance(550) {
                    d.place = Place {
                        kind: third.place,
                        text: third.place_text.clone(),
                    };
                }
            }
            (_, Some((employer, name))) if (250..330).contains(&roll) => {
                d.purpose = purpose::PRAKTIKBESOEG;
                d.minutes = *dice.pick(&[30, 45, 60]);
                d.place = Place {
                    kind: PlaceKind::Workplace,
                    text: name.clone(),
                };
                d.participants.push(party(Role::Employer, *employer));
            }
            _ if plan.rehab && (330..345).contains(&roll) => {
                d.purpose = purpose::REHAB_TEAM;
                d.minutes = 60;
                d.participants.push(Participant {
                    role: Role::Other,
                    contact: None,
                    name: "rehabiliteringsteamet".to_string(),
                });
            }
            _ => {
                d.purpose = if dice.chance(400) {
                    purpose::SAMTALE
                } else {
                    purpose::OPFOELGNING
                };
                d.form = form_for(plan.case, dice);
                let (place, minutes) = place_and_length(d.form, plan.case, dice);
                d.place = place;
                d.minutes = minutes;
            }
        }
        if d.form != MeetingForm::HomeVisit && dice.chance(80) {
            d.booked_by = BookedBy::Citizen;
        }
    }
    if let Some(interpreter) = plan.interpreter
        && d.form != MeetingForm::Walk
    {
        d.participants.push(party(Role::Interpreter, interpreter));
    }
    if plan.case.flags.sos && d.form == MeetingForm::InPerson {
        d.note = "Kollega orienteret, lokale ved receptionen".to_string();
    }
    d
}

fn form_for(case: &Case, dice: &mut Dice) -> MeetingForm {
    let prefers = case.preferences.place.as_str();
    let home = if prefers == "hjemme" { 40 } else { 12 };
    let walk = if prefers == "gåtur" { 25 } else { 5 };
    let form = dice.weighted(&[
        (62, MeetingForm::InPerson),
        (home, MeetingForm::HomeVisit),
        (16, MeetingForm::Phone),
        (5, MeetingForm::Video),
        (walk, MeetingForm::Walk),
    ]);
    match form {
        // Guard needed: meet at the office.
        MeetingForm::HomeVisit | MeetingForm::Walk if case.flags.sos => MeetingForm::InPerson,
        MeetingForm::Phone | MeetingForm::Video if case.flags.no_working_phone => {
            MeetingForm::InPerson
        }
        other => other,
    }
}

fn place_and_length(form: MeetingForm, case: &Case, dice: &mut Dice) -> (Place, u32) {
    let place = |kind, text: &str| Place {
        kind,
        text: text.to_string(),
    };
    match form {
        MeetingForm::InPerson => {
            let at = if case.preferences.place == "værestedet" && dice.chance(500) {
                place(PlaceKind::Shelter, "Værestedet på Nørrebro")
            } else {
                Place::default()
            };
            let minutes =
                dice.weighted(&[(15, 30), (30, 45), (30, 60), (8, 75), (12, 90), (5, 120)]);
            (at, minutes)
        }
        MeetingForm::HomeVisit => (
            place(PlaceKind::CitizensHome, ""),
            *dice.pick(&[45, 60, 60, 90]),
        ),
        MeetingForm::Phone => (place(PlaceKind::Remote, ""), *dice.pick(&[30, 30, 45])),
        MeetingForm::Video => (place(PlaceKind::Remote, ""), *dice.pick(&[30, 45, 60])),
        MeetingForm::Walk => (
            place(PlaceKind::InTown, walk_route(dice)),
            *dice.pick(&[45, 60, 75]),
        ),
    }
}

fn walk_route(dice: &mut Dice) -> &'static str {
    phrases::WALKS[dice.index(phrases::WALKS.len())]
}

/// Travel each way to a place away from the office, as the default configuration has it.
const TRAVEL_MINUTES: u32 = 20;

/// Mostly held; now and then afbud, udeblevet or aflyst, with a short outcome note.
fn past_status(first: bool, dice: &mut Dice) -> (MeetingStatus, String) {
    if first {
        return (MeetingStatus::Held, String::new());
    }
    let status = dice.weighted(&[
        (860, MeetingStatus::Held),
        (60, MeetingStatus::CancelledByCitizen),
        (50, MeetingStatus::NoShow),
        (30, MeetingStatus::CancelledByCaseworker),
    ]);
    let outcome = match status {
        MeetingStatus::Held if dice.chance(250) => dice.pick(&phrases::HELD),
        MeetingStatus::Held => "",
        MeetingStatus::CancelledByCitizen => dice.pick(&phrases::CANCELLED_BY_CITIZEN),
        MeetingStatus::NoShow => dice.pick(&phrases::NO_SHOW),
        _ => dice.pick(&phrases::CANCELLED_BY_CASEWORKER),
    };
    (status, outcome.to_string())
}

/// The weekly telefonvagt (Tuesday 09–11) and sparring (Thursday 14–15), started at the
/// beginning of the history so they recur through it; their time is kept free of meetings.
fn internal_blocks(cal: &Calendar, dir: &Directory, occ: &mut Occupancy, out: &mut Vec<Meeting>) {
    let first = |weekday: Weekday| {
        let offset = (7 + weekday.num_days_from_monday() as i64
            - cal.start.weekday().num_days_from_monday() as i64)
            % 7;
        add_days(cal.start, offset)
    };
    let tuesday = first(Weekday::Tue);
    let thursday = first(Weekday::Thu);
    // One telefonvagt was skipped for a course day, a couple of months back.
    let skipped = add_days(monday_of(cal.day(-60)), 1);
    let colleague = dir
        .colleagues
        .first()
        .map(|&c| party(Role::Colleague, Directory::id(c)));

    let mut day = tuesday;
    while day <= cal.end {
        if day != skipped {
            occ.reserve(day, 9 * 60, 11 * 60);
        }
        day = add_days(day, 7);
    }
    let mut day = thursday;
    while day <= cal.end {
        occ.reserve(day, 14 * 60, 15 * 60);
        day = add_days(day, 7);
    }
    let block =
        |day, minute, minutes, purpose: &str, form, title: &str, skipped: Vec<NaiveDate>| Meeting {
            id: MeetingId(0),
            case: None,
            start: at(day, minute),
            minutes,
            purpose: purpose.to_string(),
            form,
            place: Place::default(),
            participants: vec![caseworker()],
            booked_by: BookedBy::Caseworker,
            prep_minutes: 0,
            follow_up_minutes: 0,
            status: MeetingStatus::Planned,
            outcome: String::new(),
            title: title.to_string(),
            note: String::new(),
            revision: 0,
            travel_minutes: 0,
            moved_to: None,
            moved_from: None,
            repeat: Some(Repeat {
                every: RepeatEvery::Weekly,
                interval: 1,
                count: None,
                until: None,
                skipped,
            }),
        };
    out.push(block(
        tuesday,
        9 * 60,
        120,
        purpose::TELEFONVAGT,
        MeetingForm::Phone,
        "Telefonvagt",
        vec![skipped],
    ));
    let mut sparring = block(
        thursday,
        14 * 60,
        60,
        purpose::SPARRING,
        MeetingForm::InPerson,
        "Sparring",
        vec![],
    );
    sparring.participants.extend(colleague);
    out.push(sparring);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_lie_in_working_hours_on_five_minute_boundaries() {
        let mut dice = Dice::new(2, 5);
        let cal = Calendar::new(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
        let mut s = Scheduler {
            cal: &cal,
            plans: &[],
            occupancy: Occupancy::new(cal.start, cal.end),
            dice: &mut dice,
            out: vec![],
        };
        for minutes in [30, 90, 120] {
            for _ in 0..500 {
                let start = s.random_start(minutes);
                assert!((DAY_OPENS..=LAST_START).contains(&start));
                assert!(start + minutes <= DAY_CLOSES);
                assert_eq!(start % 5, 0);
            }
        }
    }

    #[test]
    fn bookings_ahead_thin_out() {
        assert_eq!(booked_share(0), 1.0);
        assert_eq!(booked_share(-10), 1.0);
        assert!(booked_share(6) < booked_share(3));
    }
}
