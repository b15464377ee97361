//! Agreements, contact events and working notes around the cases.

use chrono::{Duration, NaiveDate};

use super::calendar::{Calendar, add_days, short_date, stamp, working_day_from, working_day_until};
use super::dice::Dice;
use super::phrases;
use crate::model::{
    Agreement, AgreementId, Case, CaseStatus, Channel, ContactEvent, Direction, EventId, Meeting,
    MeetingStatus, Note, NoteId, Party,
};

pub(super) struct FollowUps {
    pub agreements: Vec<Agreement>,
    pub events: Vec<ContactEvent>,
    pub notes: Vec<Note>,
}

pub(super) fn generate(
    cal: &Calendar,
    cases: &[Case],
    meetings: &[Meeting],
    dice: &mut Dice,
) -> FollowUps {
    let mut agreements = Vec::with_capacity(cases.len() * 2);
    let mut events = Vec::with_capacity(cases.len() * 7);
    let mut notes = Vec::with_capacity(cases.len() * 3);
    for case in cases {
        match case.status {
            CaseStatus::Active => {
                let since = case.created.date_naive().max(cal.day(-120));
                for _ in 0..dice.between(0, 3) {
                    agreements.push(agreement(case, cal, dice));
                }
                for _ in 0..dice.between(3, 9) {
                    events.push(event(case, random_day(since, cal.day(-1), dice), dice));
                }
                let since = case.created.date_naive().max(cal.day(-90));
                for _ in 0..dice.between(1, 4) {
                    notes.push(note(cal, case, random_day(since, cal.today, dice), dice));
                }
            }
            CaseStatus::Closed(on) => notes.push(Note {
                id: NoteId(0),
                case: case.id,
                at: stamp(working_day_until(on), 14 * 60),
                subject: "Sagen lukket".to_string(),
                body: "Afsluttet, borgeren er i job".to_string(),
                journalised: Some(stamp(working_day_until(on), 15 * 60)),
            }),
        }
    }
    events.extend(no_show_calls(cal, meetings));
    if let Some(case) = cases
        .iter()
        .find(|c| c.is_active() && c.phones.iter().any(|p| p.confirmed))
    {
        // A "ring mig" from this morning: the call-back item on Today.
        events.push(ContactEvent {
            id: EventId(0),
            case: case.id,
            at: cal.by_now(stamp(cal.today, 8 * 60 + 40)),
            channel: Channel::Sms,
            direction: Direction::In,
            reached: true,
            call_back: true,
            called_back: None,
            note: "Ring mig".to_string(),
        });
    }
    leave_a_few_unjournalised(cal, &mut notes, cases.len(), dice);

    agreements.sort_by_key(|a| (a.created, a.case));
    for (i, a) in agreements.iter_mut().enumerate() {
        a.id = AgreementId(i as u64 + 1);
    }
    events.sort_by_key(|e| (e.at, e.case));
    for (i, e) in events.iter_mut().enumerate() {
        e.id = EventId(i as u64 + 1);
    }
    notes.sort_by_key(|n| (n.at, n.case));
    for (i, n) in notes.iter_mut().enumerate() {
        n.id = NoteId(i as u64 + 1);
    }
    FollowUps {
        agreements,
        events,
        notes,
    }
}

fn random_day(from: NaiveDate, to: NaiveDate, dice: &mut Dice) -> NaiveDate {
    let span = (to - from).num_days().max(0);
    working_day_until(add_days(from, dice.between(0, span))).max(from.min(to))
}

/// A promise with a due date around today: done when well past, open (some overdue) otherwise.
fn agreement(case: &Case, cal: &Calendar, dice: &mut Dice) -> Agreement {
    let due = working_day_from(cal.day(dice.between(-40, 30)));
    let who = dice.weighted(&[
        (45, Party::Caseworker),
        (45, Party::Citizen),
        (10, Party::Other),
    ]);
    let what = match who {
        Party::Caseworker => dice.pick(&phrases::CASEWORKER_PROMISES).to_string(),
        Party::Citizen => dice
            .pick(&phrases::CITIZEN_PROMISES)
            .replace("{}", &short_date(due)),
        Party::Other => dice.pick(&phrases::OTHER_PROMISES).to_string(),
    };
    let done = (due < cal.day(-3) && dice.chance(800))
        .then(|| add_days(due, -dice.between(0, 3)).min(cal.today));
    let created = add_days(due, -dice.between(7, 30))
        .max(case.created.date_naive())
        .min(cal.today);
    Agreement {
        id: AgreementId(0),
        case: case.id,
        who,
        what,
        due: Some(due),
        done,
        created: cal.by_now(stamp(created, 9 * 60 + 5 * dice.below(80) as u32)),
    }
}

fn event(case: &Case, day: NaiveDate, dice: &mut Dice) -> ContactEvent {
    let phone_ok = !case.flags.no_working_phone;
    let channel = if phone_ok {
        dice.weighted(&[
            (50, Channel::Phone),
            (25, Channel::Sms),
            (15, Channel::Letter),
            (10, Channel::Mail),
        ])
    } else {
        dice.weighted(&[(60, Channel::Letter), (40, Channel::Visit)])
    };
    let direction = match channel {
        Channel::Letter | Channel::Visit => Direction::Out,
        _ if dice.chance(350) => Direction::In,
        _ => Direction::Out,
    };
    let reached = match (channel, direction) {
        (Channel::Phone, Direction::Out) => dice.chance(650),
        (Channel::Visit, _) => dice.chance(500),
        _ => true,
    };
    let note = match channel {
        Channel::Phone if reached => dice.pick(&phrases::CALL_NOTES),
        Channel::Phone => dice.pick(&phrases::MISSED_CALL_NOTES),
        Channel::Sms => dice.pick(&phrases::SMS_NOTES),
        Channel::Letter => dice.pick(&phrases::LETTER_NOTES),
        Channel::Visit if reached => "Besøg via værestedet, talt sammen",
        Channel::Visit => "Forsøgt via værestedet, ikke truffet",
        _ => "Mail om mødetid",
    };
    ContactEvent {
        id: EventId(0),
        case: case.id,
        at: stamp(day, 8 * 60 + 5 * dice.below(96) as u32),
        channel,
        direction,
        reached,
        call_back: false,
        called_back: None,
        note: note.to_string(),
    }
}

/// After a recent no-show the caseworker tried to reach the citizen the same day.
fn no_show_calls(cal: &Calendar, meetings: &[Meeting]) -> Vec<ContactEvent> {
    meetings
        .iter()
        .filter(|m| m.status == MeetingStatus::NoShow && m.start.date() >= cal.day(-120))
        .filter_map(|m| {
            let after = m.start + Duration::minutes(i64::from(m.minutes) + 15);
            Some(ContactEvent {
                id: EventId(0),
                case: m.case?,
                at: after.and_utc() - Duration::hours(1),
                channel: Channel::Phone,
                direction: Direction::Out,
                reached: false,
                call_back: false,
                called_back: None,
                note: "Ringet efter udeblivelse, intet svar".to_string(),
            })
        })
        .collect()
}

/// A working note written on `day`, by now; journalised a little later, if that has happened.
fn note(cal: &Calendar, case: &Case, day: NaiveDate, dice: &mut Dice) -> Note {
    let at = cal.by_now(stamp(day, 9 * 60 + 5 * dice.below(90) as u32));
    Note {
        id: NoteId(0),
        case: case.id,
        at,
        subject: dice.pick(&phrases::NOTE_SUBJECTS).to_string(),
        body: dice.pick(&phrases::NOTE_BODIES).to_string(),
        journalised: dice
            .chance(500)
            .then(|| at + Duration::hours(dice.between(1, 72)))
            .filter(|j| *j <= cal.now_stamp()),
    }
}

/// Notes older than a week are journalised, except a few the caseworker forgot.
fn leave_a_few_unjournalised(cal: &Calendar, notes: &mut [Note], cases: usize, dice: &mut Dice) {
    let week_ago = stamp(cal.day(-7), 0);
    let old: Vec<usize> = (0..notes.len())
        .filter(|&i| notes[i].at < week_ago)
        .collect();
    let forgotten = dice.marks(old.len(), (cases / 20).max(2));
    for (k, &i) in old.iter().enumerate() {
        let note = &mut notes[i];
        note.journalised = if forgotten[k] {
            None
        } else {
            Some(
                note.journalised
                    .unwrap_or(note.at + Duration::hours(dice.between(1, 72)))
                    .min(cal.by_now(cal.now_stamp())),
            )
        };
    }
}
