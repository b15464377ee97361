//! The chase schedule of a medical request, in Danish working days, and the request's state.
//!
//! The plan (configuration): a deadline per kind after sending; written reminder 1 a number of
//! working days after the deadline; further written reminders `reminder_interval_workdays`
//! apart; then a phone chase every `phone_chase_every_workdays`. The next step counts from the
//! LOG: the chase entries actually made, whatever their channel, are the steps taken in order,
//! and the next one is due counted from the day the last was made. After
//! `escalate_after_chases` phone chases escalation is suggested, and chasing goes on: the tool
//! never closes or withdraws a request (the old practice of closing after N reminders meant the
//! certificate never came). Once received, acting on it is due within `act_within_workdays`.
//!
//! A chase's day is its time in Danish local time, as the working days are Danish.

use super::reminder::{
    Basis, DateSource, Reason, Reminder, ReminderKind, Rule, Setting, Subject, days_late,
};
use crate::config::Medical;
use crate::model::{ChaseEntry, MedicalRequest};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where a request stands. There is no "closed": only the caseworker withdraws a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum RequestState {
    NotSent,
    /// Sent; the deadline may have passed, but the first reminder is not due yet.
    Waiting {
        deadline: NaiveDate,
    },
    /// Written reminder `n` is due (since `due`).
    ReminderDue {
        n: u32,
        due: NaiveDate,
    },
    /// Written reminder `n` was sent; the next step is due on `next_due`.
    ReminderSent {
        n: u32,
        next_due: NaiveDate,
    },
    /// Phone chasing: chase number `day` is due on `next_due`; `escalate` once chased often.
    PhoneChasing {
        day: u32,
        next_due: NaiveDate,
        escalate: bool,
    },
    /// Received on `on`; act on it by `act_by`.
    Received {
        on: NaiveDate,
        act_by: NaiveDate,
    },
    ActedOn {
        on: NaiveDate,
    },
    Withdrawn {
        on: NaiveDate,
    },
}

/// One step of the chase schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// Written reminder `n` (1-based).
    Reminder(u32),
    /// Phone chase number `n` (1-based) after the written reminders.
    Phone(u32),
}

/// The next chase step of a sent, open request: which, when, and why.
struct Planned {
    step: Step,
    due: NaiveDate,
    basis: Basis,
    rule: Rule,
}

/// The default deadline of a request of `kind` sent on `sent`.
pub fn deadline(sent: NaiveDate, kind: &str, config: &Medical) -> NaiveDate {
    config
        .days_off
        .add_workdays(sent, workdays(config.deadline_for(kind)))
}

/// The request's deadline and where it comes from: the caseworker's own date when it differs
/// from the default for its kind, else the default. `None` before it is sent.
pub fn effective_deadline(
    request: &MedicalRequest,
    config: &Medical,
) -> Option<(NaiveDate, DateSource)> {
    let sent = request.sent?;
    let default = deadline(sent, &request.kind, config);
    Some(match request.deadline {
        Some(own) if own != default => (own, DateSource::OwnDate),
        _ => (
            default,
            DateSource::Rule(Rule::of_medical(
                Setting::DeadlineWorkdays {
                    request_kind: request.kind.clone(),
                },
                config,
            )),
        ),
    })
}

/// The day to act on received information by, counted from the day it was received.
pub fn act_by(received: NaiveDate, config: &Medical) -> NaiveDate {
    config
        .days_off
        .add_workdays(received, workdays(config.act_within_workdays))
}

/// Where `request` stands on `today`.
pub fn state(request: &MedicalRequest, today: NaiveDate, config: &Medical) -> RequestState {
    if let Some(on) = request.withdrawn {
        return RequestState::Withdrawn { on };
    }
    if let Some(received) = request.received {
        return match request.acted_on {
            Some(on) => RequestState::ActedOn { on },
            None => RequestState::Received {
                on: received,
                act_by: act_by(received, config),
            },
        };
    }
    let (Some((deadline, _)), Some(next)) = (
        effective_deadline(request, config),
        planned(request, config),
    ) else {
        return RequestState::NotSent;
    };
    let made = chases_made(request);
    let reached = today >= next.due;
    match next.step {
        Step::Reminder(n) if reached => RequestState::ReminderDue { n, due: next.due },
        _ if made == 0 && !reached => RequestState::Waiting { deadline },
        Step::Reminder(_) => RequestState::ReminderSent {
            n: made,
            next_due: next.due,
        },
        // The last written reminder went out; phoning starts when the first call is due.
        Step::Phone(1) if made > 0 && !reached => RequestState::ReminderSent {
            n: made,
            next_due: next.due,
        },
        Step::Phone(day) => RequestState::PhoneChasing {
            day,
            next_due: next.due,
            escalate: should_escalate(request, config),
        },
    }
}

/// Still asks for something — chasing, or acting on received information: neither withdrawn
/// nor acted on.
pub fn is_pending(request: &MedicalRequest) -> bool {
    request.withdrawn.is_none() && request.acted_on.is_none()
}

/// How loudly a request asks for attention: the same on the card, the printed sheet and the
/// request list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    Quiet,
    /// Something to do soon, or a suggestion (escalate); also a request not sent yet.
    Warning,
    /// A step past its due date: a reminder or a call not made, received information not
    /// acted on in time.
    Late,
}

/// How urgent a request in `state` is on `today`.
pub fn urgency(state: RequestState, today: NaiveDate) -> Urgency {
    use RequestState as S;
    match state {
        S::NotSent => Urgency::Warning,
        S::ReminderDue { due, .. } if due < today => Urgency::Late,
        S::ReminderDue { .. } => Urgency::Warning,
        S::PhoneChasing { next_due, .. } if next_due < today => Urgency::Late,
        S::PhoneChasing { escalate: true, .. } => Urgency::Warning,
        S::PhoneChasing { next_due, .. } if next_due <= today => Urgency::Warning,
        S::Received { act_by, .. } if act_by < today => Urgency::Late,
        S::Received { .. } => Urgency::Warning,
        _ => Urgency::Quiet,
    }
}

/// Days an open, sent request is past its deadline (the caseworker's or the default); 0 when
/// it is not.
pub fn days_overdue(request: &MedicalRequest, today: NaiveDate, config: &Medical) -> i64 {
    if request.sent.is_none() || !request.is_open() {
        return 0;
    }
    effective_deadline(request, config).map_or(0, |(d, _)| (today - d).num_days().max(0))
}

/// The next thing to do about `request`, with its due date (which may lie after `today`; the
/// Today list shows what is due): the next chase step of an open request, or acting on
/// received information. `None` when not sent, acted on or withdrawn.
pub fn next_step(request: &MedicalRequest, today: NaiveDate, config: &Medical) -> Option<Reminder> {
    let subject = Subject::Request {
        case: request.case,
        request: request.id,
    };
    let chases = chases_made(request);
    if request.withdrawn.is_some() {
        return None;
    }
    if let Some(received) = request.received {
        if request.acted_on.is_some() {
            return None;
        }
        let due = act_by(received, config);
        return Some(Reminder {
            due,
            kind: ReminderKind::MedicalActOn,
            reason: Reason {
                basis: Basis::Received { on: received },
                rule: Some(Rule::of_medical(Setting::ActWithinWorkdays, config)),
                days_late: days_late(due, today),
                chases,
            },
            subject,
        });
    }
    let next = planned(request, config)?;
    let kind = match next.step {
        Step::Reminder(n) => ReminderKind::MedicalReminder { n },
        Step::Phone(day) => ReminderKind::MedicalPhoneChase { day },
    };
    Some(Reminder {
        due: next.due,
        kind,
        reason: Reason {
            basis: next.basis,
            rule: Some(next.rule),
            days_late: days_late(next.due, today),
            chases,
        },
        subject,
    })
}

/// Everything to show for `request`: [`next_step`], and the suggestion to escalate once the
/// request has been phone-chased `escalate_after_chases` times (due the day of the last chase).
pub fn request_reminders(
    request: &MedicalRequest,
    today: NaiveDate,
    config: &Medical,
) -> Vec<Reminder> {
    let mut out: Vec<Reminder> = next_step(request, today, config).into_iter().collect();
    if should_escalate(request, config)
        && let Some(last) = last_chase_day(request)
    {
        let chases = chases_made(request);
        out.push(Reminder {
            due: last,
            kind: ReminderKind::MedicalEscalate,
            reason: Reason {
                basis: Basis::PreviousChase {
                    number: chases,
                    on: last,
                },
                rule: Some(Rule::of_medical(Setting::EscalateAfterChases, config)),
                days_late: days_late(last, today),
                chases,
            },
            subject: Subject::Request {
                case: request.case,
                request: request.id,
            },
        });
    }
    out
}

/// Open, sent, past the written reminders and phone-chased often enough to escalate.
fn should_escalate(request: &MedicalRequest, config: &Medical) -> bool {
    let made = chases_made(request);
    request.is_open()
        && request.sent.is_some()
        && made > 0
        && made >= config.written_reminders
        && made - config.written_reminders >= config.escalate_after_chases
}

/// The next chase step of a sent, open request, counted from the log.
fn planned(request: &MedicalRequest, config: &Medical) -> Option<Planned> {
    if !request.is_open() {
        return None;
    }
    let (deadline, source) = effective_deadline(request, config)?;
    let made = chases_made(request);
    let step = if made < config.written_reminders {
        Step::Reminder(made + 1)
    } else {
        Step::Phone(made - config.written_reminders + 1)
    };
    let Some(last) = last_chase_day(request) else {
        let rule = Rule::of_medical(Setting::FirstReminderWorkdaysAfterDeadline, config);
        return Some(Planned {
            step,
            due: config.days_off.add_workdays(deadline, workdays(rule.value)),
            basis: Basis::Deadline {
                date: deadline,
                source,
            },
            rule,
        });
    };
    let setting = match step {
        Step::Reminder(_) => Setting::ReminderIntervalWorkdays,
        Step::Phone(_) => Setting::PhoneChaseEveryWorkdays,
    };
    let rule = Rule::of_medical(setting, config);
    Some(Planned {
        step,
        due: config.days_off.add_workdays(last, workdays(rule.value)),
        basis: Basis::PreviousChase {
            number: made,
            on: last,
        },
        rule,
    })
}

fn chases_made(request: &MedicalRequest) -> u32 {
    u32::try_from(request.chases.len()).unwrap_or(u32::MAX)
}

/// The day of the latest chase in the log (the log need not be in order).
fn last_chase_day(request: &MedicalRequest) -> Option<NaiveDate> {
    request.chases.iter().map(chase_day).max()
}

/// The Danish calendar day a chase was made.
pub fn chase_day(entry: &ChaseEntry) -> NaiveDate {
    entry
        .at
        .with_timezone(&chrono_tz::Europe::Copenhagen)
        .date_naive()
}

/// A configured count of working days as [`DaysOff::add_workdays`] takes it.
///
/// [`DaysOff::add_workdays`]: super::workdays::DaysOff::add_workdays
fn workdays(n: u32) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::workdays::DaysOff;
    use crate::model::{CaseId, Channel, RequestId, request_kind};
    use chrono::{NaiveTime, TimeZone, Utc};
    use proptest::prelude::*;

    fn is_workday(day: NaiveDate) -> bool {
        DaysOff::default().is_workday(day)
    }

    fn add_workdays(day: NaiveDate, n: i32) -> NaiveDate {
        DaysOff::default().add_workdays(day, n)
    }

    #[test]
    fn deadlines_and_act_by_dates_skip_local_closing_days() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        let mut config = Medical::default();
        // Sent Monday 16 November: ten working days is Monday 30 November.
        assert_eq!(
            deadline(d(11, 16), request_kind::STATUSATTEST, &config),
            d(11, 30)
        );
        assert_eq!(act_by(d(11, 26), &config), d(11, 30));
        config.days_off = DaysOff::new(vec![
            "2026-11-27 Personaledag".parse().unwrap(),
            "11-30".parse().unwrap(),
        ]);
        assert_eq!(
            deadline(d(11, 16), request_kind::STATUSATTEST, &config),
            d(12, 2)
        );
        assert_eq!(act_by(d(11, 26), &config), d(12, 2));
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn request(sent: NaiveDate, kind: &str) -> MedicalRequest {
        MedicalRequest {
            id: RequestId(3),
            case: CaseId(8),
            kind: kind.into(),
            recipient: None,
            questions: String::new(),
            purpose: String::new(),
            consent: Some(sent),
            sent: Some(sent),
            deadline: None,
            chases: Vec::new(),
            received: None,
            acted_on: None,
            withdrawn: None,
        }
    }

    /// A chase logged at 10:00 Danish time (summer or winter) on `day`.
    fn entry(day: NaiveDate, channel: Channel) -> ChaseEntry {
        let local = chrono_tz::Europe::Copenhagen
            .from_local_datetime(&day.and_time(NaiveTime::from_hms_opt(10, 0, 0).unwrap()))
            .unwrap();
        ChaseEntry {
            at: local.with_timezone(&Utc),
            channel,
            reached: String::new(),
            note: String::new(),
        }
    }

    fn log(request: &mut MedicalRequest, day: NaiveDate) {
        let channel = if request.chases.len() < 3 {
            Channel::Letter
        } else {
            Channel::Phone
        };
        request.chases.push(entry(day, channel));
    }

    fn step(request: &MedicalRequest, today: NaiveDate) -> (ReminderKind, NaiveDate) {
        let next = next_step(request, today, &Medical::default()).unwrap();
        (next.kind, next.due)
    }

    fn state_on(request: &MedicalRequest, today: NaiveDate) -> RequestState {
        state(request, today, &Medical::default())
    }

    #[test]
    fn default_deadline_per_kind_in_working_days() {
        let config = Medical::default();
        // Mon 16 Mar 2026 + 10 working days = Mon 30 Mar.
        assert_eq!(
            deadline(d(2026, 3, 16), request_kind::STATUSATTEST, &config),
            d(2026, 3, 30)
        );
        // Wed 25 Mar + 10 working days skips Easter (2, 3, 6 April): Mon 13 April.
        assert_eq!(
            deadline(d(2026, 3, 25), request_kind::STATUSATTEST, &config),
            d(2026, 4, 13)
        );
        // LÆ 145 has 15: 31 Mar, 1, 7, 8, 9 April after 30 March. An unknown kind takes 10.
        assert_eq!(
            deadline(d(2026, 3, 16), request_kind::LAE_145, &config),
            d(2026, 4, 9)
        );
        assert_eq!(
            deadline(d(2026, 3, 16), "my-own-kind", &config),
            d(2026, 3, 30)
        );
    }

    #[test]
    fn own_deadline_or_default_says_which() {
        let config = Medical::default();
        let mut r = request(d(2026, 3, 16), request_kind::STATUSATTEST);
        let (date, source) = effective_deadline(&r, &config).unwrap();
        assert_eq!(date, d(2026, 3, 30));
        assert!(matches!(
            source,
            DateSource::Rule(Rule {
                value: 10,
                is_default: true,
                ..
            })
        ));
        // The default stored on the record is still the default.
        r.deadline = Some(d(2026, 3, 30));
        assert!(matches!(
            effective_deadline(&r, &config).unwrap().1,
            DateSource::Rule(_)
        ));
        r.deadline = Some(d(2026, 4, 2));
        assert_eq!(
            effective_deadline(&r, &config),
            Some((d(2026, 4, 2), DateSource::OwnDate))
        );
        r.sent = None;
        assert_eq!(effective_deadline(&r, &config), None);
    }

    #[test]
    fn deadline_on_maundy_thursday_first_reminder_tuesday_after_easter() {
        let mut r = request(d(2026, 3, 19), request_kind::STATUSATTEST);
        r.deadline = Some(d(2026, 4, 2));
        let next = next_step(&r, d(2026, 4, 2), &Medical::default()).unwrap();
        assert_eq!(next.kind, ReminderKind::MedicalReminder { n: 1 });
        assert_eq!(next.due, d(2026, 4, 7));
        assert_eq!(
            next.reason.basis,
            Basis::Deadline {
                date: d(2026, 4, 2),
                source: DateSource::OwnDate
            }
        );
        let rule = next.reason.rule.unwrap();
        assert_eq!(
            (rule.setting, rule.value, rule.is_default),
            (Setting::FirstReminderWorkdaysAfterDeadline, 1, true)
        );
        assert_eq!(
            next.subject,
            Subject::Request {
                case: CaseId(8),
                request: RequestId(3)
            }
        );
        // Waiting up to and including Easter Monday, due on Tuesday.
        assert_eq!(
            state_on(&r, d(2026, 4, 6)),
            RequestState::Waiting {
                deadline: d(2026, 4, 2)
            }
        );
        assert_eq!(
            state_on(&r, d(2026, 4, 7)),
            RequestState::ReminderDue {
                n: 1,
                due: d(2026, 4, 7)
            }
        );
    }

    #[test]
    fn deadline_on_the_friday_before_whit_monday() {
        let mut r = request(d(2026, 5, 8), request_kind::STATUSATTEST);
        r.deadline = Some(d(2026, 5, 22));
        assert_eq!(
            step(&r, d(2026, 5, 22)),
            (ReminderKind::MedicalReminder { n: 1 }, d(2026, 5, 26))
        );
    }

    #[test]
    fn phone_chasing_on_the_friday_before_whit_monday_resumes_on_tuesday() {
        let mut r = request(d(2026, 4, 13), request_kind::STATUSATTEST);
        // Three letters, then a call on Friday 22 May 2026; Monday 25 May is Whit Monday.
        for day in [
            d(2026, 4, 28),
            d(2026, 5, 5),
            d(2026, 5, 12),
            d(2026, 5, 22),
        ] {
            log(&mut r, day);
        }
        assert_eq!(
            step(&r, d(2026, 5, 22)),
            (ReminderKind::MedicalPhoneChase { day: 2 }, d(2026, 5, 26))
        );
    }

    #[test]
    fn received_before_christmas_act_by_skips_the_holidays() {
        let config = Medical::default();
        // Wed 23 Dec 2026 + 2 working days: 24–27 Dec off → Tue 29 Dec.
        assert_eq!(act_by(d(2026, 12, 23), &config), d(2026, 12, 29));
        // Received on Maundy Thursday 2027 (25 March): Easter off → Wed 31 March.
        assert_eq!(act_by(d(2027, 3, 25), &config), d(2027, 3, 31));
    }

    #[test]
    fn christmas_2026() {
        let mut r = request(d(2026, 12, 9), request_kind::STATUSATTEST);
        // 9 Dec + 10 working days = Wed 23 Dec.
        assert_eq!(
            effective_deadline(&r, &Medical::default()).unwrap().0,
            d(2026, 12, 23)
        );
        // Thu 24 to Sun 27 December are days off.
        assert_eq!(
            step(&r, d(2026, 12, 23)),
            (ReminderKind::MedicalReminder { n: 1 }, d(2026, 12, 28))
        );
        log(&mut r, d(2026, 12, 28));
        // Five working days after Mon 28 Dec skip New Year's Eve and Day: Wed 6 January.
        assert_eq!(
            step(&r, d(2026, 12, 28)),
            (ReminderKind::MedicalReminder { n: 2 }, d(2027, 1, 6))
        );
    }

    #[test]
    fn the_next_step_follows_the_log_not_the_plan() {
        let mut r = request(d(2026, 3, 16), request_kind::STATUSATTEST);
        // Reminder 1 planned for Tue 31 March, actually sent Fri 10 April.
        assert_eq!(
            step(&r, d(2026, 3, 31)),
            (ReminderKind::MedicalReminder { n: 1 }, d(2026, 3, 31))
        );
        log(&mut r, d(2026, 4, 10));
        let next = next_step(&r, d(2026, 4, 10), &Medical::default()).unwrap();
        assert_eq!(next.kind, ReminderKind::MedicalReminder { n: 2 });
        assert_eq!(next.due, d(2026, 4, 17));
        assert_eq!(
            next.reason.basis,
            Basis::PreviousChase {
                number: 1,
                on: d(2026, 4, 10)
            }
        );
        assert_eq!(
            next.reason.rule.unwrap().setting,
            Setting::ReminderIntervalWorkdays
        );
        assert_eq!(next.reason.chases, 1);
        assert_eq!(
            state_on(&r, d(2026, 4, 16)),
            RequestState::ReminderSent {
                n: 1,
                next_due: d(2026, 4, 17)
            }
        );
        // Over Easter: reminder 1 sent Tue 31 March → reminder 2 on Fri 10 April.
        let mut r = request(d(2026, 3, 16), request_kind::STATUSATTEST);
        log(&mut r, d(2026, 3, 31));
        assert_eq!(
            step(&r, d(2026, 3, 31)),
            (ReminderKind::MedicalReminder { n: 2 }, d(2026, 4, 10))
        );
    }

    #[test]
    fn three_written_reminders_then_a_phone_chase_every_working_day() {
        let mut r = request(d(2026, 8, 3), request_kind::STATUSATTEST);
        // Deadline Mon 17 Aug; reminders on 18 Aug, 25 Aug, 1 Sep.
        for day in [18, 25] {
            log(&mut r, d(2026, 8, day));
        }
        assert_eq!(
            step(&r, d(2026, 8, 25)),
            (ReminderKind::MedicalReminder { n: 3 }, d(2026, 9, 1))
        );
        log(&mut r, d(2026, 9, 1));
        assert_eq!(
            step(&r, d(2026, 9, 1)),
            (ReminderKind::MedicalPhoneChase { day: 1 }, d(2026, 9, 2))
        );
        assert_eq!(
            state_on(&r, d(2026, 9, 1)),
            RequestState::ReminderSent {
                n: 3,
                next_due: d(2026, 9, 2)
            }
        );
        assert_eq!(
            state_on(&r, d(2026, 9, 2)),
            RequestState::PhoneChasing {
                day: 1,
                next_due: d(2026, 9, 2),
                escalate: false
            }
        );
        // Phone chase on Friday 4 Sep: the next is due on Monday.
        log(&mut r, d(2026, 9, 4));
        let next = next_step(&r, d(2026, 9, 4), &Medical::default()).unwrap();
        assert_eq!(
            (next.kind, next.due),
            (ReminderKind::MedicalPhoneChase { day: 2 }, d(2026, 9, 7))
        );
        assert_eq!(
            next.reason.rule.unwrap().setting,
            Setting::PhoneChaseEveryWorkdays
        );
    }

    #[test]
    fn escalation_is_suggested_but_the_request_is_never_closed() {
        let config = Medical::default();
        let mut r = request(d(2026, 8, 3), request_kind::STATUSATTEST);
        let mut day = d(2026, 8, 18);
        // Three written reminders and five phone chases: no escalation yet.
        for _ in 0..8 {
            log(&mut r, day);
            day = add_workdays(day, 1);
        }
        let kinds: Vec<_> = request_reminders(&r, day, &config)
            .iter()
            .map(|x| x.kind)
            .collect();
        assert_eq!(kinds, vec![ReminderKind::MedicalPhoneChase { day: 6 }]);
        // The sixth phone chase.
        log(&mut r, day);
        let got = request_reminders(&r, day, &config);
        let kinds: Vec<_> = got.iter().map(|x| x.kind).collect();
        assert_eq!(
            kinds,
            vec![
                ReminderKind::MedicalPhoneChase { day: 7 },
                ReminderKind::MedicalEscalate
            ]
        );
        let escalate = &got[1];
        assert_eq!(escalate.due, day);
        assert_eq!(escalate.reason.chases, 9);
        let rule = escalate.reason.rule.as_ref().unwrap();
        assert_eq!(
            (&rule.setting, rule.value),
            (&Setting::EscalateAfterChases, 6)
        );
        // Forty more chases and a year later: still chasing, still open.
        for _ in 0..40 {
            day = add_workdays(day, 1);
            log(&mut r, day);
        }
        let later = d(2027, 12, 1);
        assert!(matches!(
            state(&r, later, &config),
            RequestState::PhoneChasing {
                day: 47,
                escalate: true,
                ..
            }
        ));
        assert!(next_step(&r, later, &config).is_some());
        assert!(r.is_open());
    }

    #[test]
    fn received_then_act_on_it_then_acted_on() {
        let config = Medical::default();
        let mut r = request(d(2026, 3, 16), request_kind::STATUSATTEST);
        log(&mut r, d(2026, 3, 31));
        // Received Wed 1 April: two working days later skips Easter → Wed 8 April.
        r.received = Some(d(2026, 4, 1));
        assert_eq!(
            state_on(&r, d(2026, 4, 1)),
            RequestState::Received {
                on: d(2026, 4, 1),
                act_by: d(2026, 4, 8)
            }
        );
        let act = next_step(&r, d(2026, 4, 9), &config).unwrap();
        assert_eq!(act.kind, ReminderKind::MedicalActOn);
        assert_eq!(act.due, d(2026, 4, 8));
        assert_eq!(act.reason.days_late, Some(1));
        assert_eq!(act.reason.basis, Basis::Received { on: d(2026, 4, 1) });
        let rule = act.reason.rule.unwrap();
        assert_eq!(
            (rule.setting, rule.value, rule.is_default),
            (Setting::ActWithinWorkdays, 2, true)
        );
        // No chase or escalation once received.
        assert_eq!(request_reminders(&r, d(2026, 4, 9), &config).len(), 1);
        r.acted_on = Some(d(2026, 4, 7));
        assert_eq!(
            state_on(&r, d(2026, 4, 9)),
            RequestState::ActedOn { on: d(2026, 4, 7) }
        );
        assert_eq!(next_step(&r, d(2026, 4, 9), &config), None);
        assert!(request_reminders(&r, d(2026, 4, 9), &config).is_empty());
    }

    #[test]
    fn act_the_same_day_when_configured_to_zero() {
        let config = Medical {
            act_within_workdays: 0,
            ..Medical::default()
        };
        assert_eq!(act_by(d(2026, 4, 1), &config), d(2026, 4, 1));
        // Received on Good Friday: act on the next working day.
        assert_eq!(act_by(d(2026, 4, 3), &config), d(2026, 4, 7));
    }

    #[test]
    fn not_sent_and_withdrawn_have_no_next_step() {
        let config = Medical::default();
        let mut r = request(d(2026, 3, 16), request_kind::STATUSATTEST);
        r.sent = None;
        assert_eq!(state_on(&r, d(2026, 5, 1)), RequestState::NotSent);
        assert_eq!(next_step(&r, d(2026, 5, 1), &config), None);
        let mut r = request(d(2026, 3, 16), request_kind::STATUSATTEST);
        r.withdrawn = Some(d(2026, 4, 20));
        assert_eq!(
            state_on(&r, d(2026, 5, 1)),
            RequestState::Withdrawn { on: d(2026, 4, 20) }
        );
        assert!(request_reminders(&r, d(2026, 5, 1), &config).is_empty());
    }

    #[test]
    fn no_written_reminders_means_phoning_from_the_start() {
        let config = Medical {
            written_reminders: 0,
            escalate_after_chases: 1,
            ..Medical::default()
        };
        let mut r = request(d(2026, 3, 16), request_kind::STATUSATTEST);
        let next = next_step(&r, d(2026, 3, 31), &config).unwrap();
        assert_eq!(
            (next.kind, next.due),
            (ReminderKind::MedicalPhoneChase { day: 1 }, d(2026, 3, 31))
        );
        assert!(matches!(
            state(&r, d(2026, 3, 31), &config),
            RequestState::PhoneChasing {
                day: 1,
                escalate: false,
                ..
            }
        ));
        log(&mut r, d(2026, 3, 31));
        let kinds: Vec<_> = request_reminders(&r, d(2026, 4, 1), &config)
            .iter()
            .map(|x| x.kind)
            .collect();
        assert_eq!(
            kinds,
            vec![
                ReminderKind::MedicalPhoneChase { day: 2 },
                ReminderKind::MedicalEscalate
            ]
        );
    }

    #[test]
    fn chase_day_is_the_danish_day() {
        // 23:30 UTC on 6 April 2026 is 01:30 on 7 April in Copenhagen (summer time).
        let late = ChaseEntry {
            at: Utc.with_ymd_and_hms(2026, 4, 6, 23, 30, 0).unwrap(),
            channel: Channel::Phone,
            reached: String::new(),
            note: String::new(),
        };
        assert_eq!(chase_day(&late), d(2026, 4, 7));
    }

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        (2000i32..=2100, 1u32..=366).prop_map(|(year, ordinal)| {
            NaiveDate::from_yo_opt(year, ordinal)
                .unwrap_or_else(|| NaiveDate::from_yo_opt(year, 365).unwrap())
        })
    }

    fn any_config() -> impl Strategy<Value = Medical> {
        (
            0u32..30,
            0u32..5,
            0u32..4,
            1u32..10,
            1u32..4,
            0u32..8,
            0u32..=7,
        )
            .prop_map(
                |(deadline, written, first, interval, phone, escalate, act)| Medical {
                    default_deadline_workdays: deadline,
                    deadline_workdays: Default::default(),
                    written_reminders: written,
                    first_reminder_workdays_after_deadline: first,
                    reminder_interval_workdays: interval,
                    phone_chase_every_workdays: phone,
                    escalate_after_chases: escalate,
                    act_within_workdays: act,
                    ..Medical::default()
                },
            )
    }

    proptest! {
        #[test]
        fn every_due_date_is_a_working_day_never_before_the_previous_step(
            sent in any_date(),
            config in any_config(),
            own_deadline in proptest::option::of(0i64..60),
            // Days after each step's due date on which it is actually logged; may be negative
            // (chased early).
            delays in proptest::collection::vec(-3i64..10, 0..25),
        ) {
            let mut r = request(sent, "any");
            r.deadline = own_deadline.map(|days| sent + chrono::Duration::days(days));
            let mut previous: Option<NaiveDate> = None;
            for delay in delays {
                let next = next_step(&r, sent, &config).unwrap();
                prop_assert!(is_workday(next.due), "{next:?}");
                if let Some(previous) = previous {
                    prop_assert!(next.due >= previous, "{next:?} before {previous}");
                }
                let logged = next.due + chrono::Duration::days(delay);
                let logged = previous.map_or(logged, |p| logged.max(p));
                log(&mut r, logged);
                previous = Some(logged);
            }
            let next = next_step(&r, sent, &config).unwrap();
            prop_assert!(is_workday(next.due));
            prop_assert!(previous.is_none_or(|p| next.due >= p));
        }

        #[test]
        fn never_closes_or_withdraws_a_request_the_caseworker_did_not_withdraw(
            sent in proptest::option::of(any_date()),
            config in any_config(),
            chases in proptest::collection::vec(0i64..400, 0..60),
            received in proptest::option::of(0i64..400),
            acted in proptest::option::of(0i64..10),
            today in 0i64..3000,
        ) {
            let base = sent.unwrap_or(d(2026, 1, 1));
            let mut r = request(base, "any");
            r.sent = sent;
            for offset in chases {
                log(&mut r, base + chrono::Duration::days(offset));
            }
            r.received = received.map(|o| base + chrono::Duration::days(o));
            r.acted_on = r.received.and(acted).map(|o| base + chrono::Duration::days(o));
            let today = base + chrono::Duration::days(today);
            let got = state(&r, today, &config);
            prop_assert!(!matches!(got, RequestState::Withdrawn { .. }), "{got:?}");
            let open = r.received.is_none();
            if open && sent.is_some() {
                prop_assert!(next_step(&r, today, &config).is_some(), "an open request always has a next step");
                prop_assert!(matches!(
                    got,
                    RequestState::Waiting { .. }
                        | RequestState::ReminderDue { .. }
                        | RequestState::ReminderSent { .. }
                        | RequestState::PhoneChasing { .. }
                ), "{got:?}");
            }
            if r.received.is_some() && r.acted_on.is_none() {
                prop_assert!(matches!(got, RequestState::Received { .. }), "{got:?}");
                let act = next_step(&r, today, &config).unwrap();
                prop_assert!(is_workday(act.due));
                prop_assert!(act.due >= r.received.unwrap());
            }
        }
    }

    #[test]
    fn urgency_is_late_once_a_step_is_past_its_day() {
        let today = d(2026, 11, 24);
        let yesterday = d(2026, 11, 23);
        assert_eq!(urgency(RequestState::NotSent, today), Urgency::Warning);
        let waiting = RequestState::Waiting {
            deadline: yesterday,
        };
        assert_eq!(urgency(waiting, today), Urgency::Quiet);
        let reminder = |due| RequestState::ReminderDue { n: 1, due };
        assert_eq!(urgency(reminder(today), today), Urgency::Warning);
        assert_eq!(urgency(reminder(yesterday), today), Urgency::Late);
        let phone = |next_due, escalate| RequestState::PhoneChasing {
            day: 2,
            next_due,
            escalate,
        };
        assert_eq!(
            urgency(phone(d(2026, 11, 26), false), today),
            Urgency::Quiet
        );
        assert_eq!(
            urgency(phone(d(2026, 11, 26), true), today),
            Urgency::Warning
        );
        assert_eq!(urgency(phone(today, false), today), Urgency::Warning);
        assert_eq!(urgency(phone(yesterday, true), today), Urgency::Late);
        let received = |act_by| RequestState::Received {
            on: d(2026, 11, 20),
            act_by,
        };
        assert_eq!(urgency(received(today), today), Urgency::Warning);
        assert_eq!(urgency(received(yesterday), today), Urgency::Late);
        let done = RequestState::ActedOn { on: yesterday };
        assert_eq!(urgency(done, today), Urgency::Quiet);
    }

    #[test]
    fn a_sent_open_request_is_overdue_after_its_deadline() {
        let config = Medical::default();
        // A statusattest sent Mon 2 Nov 2026, with the default deadline for its kind.
        let mut r = request(d(2026, 11, 2), request_kind::STATUSATTEST);
        let deadline = effective_deadline(&r, &config).unwrap().0;
        assert_eq!(days_overdue(&r, deadline, &config), 0);
        assert_eq!(
            days_overdue(&r, deadline + chrono::Days::new(3), &config),
            3
        );
        r.deadline = Some(d(2026, 11, 30));
        assert_eq!(
            days_overdue(&r, d(2026, 11, 24), &config),
            0,
            "own date later"
        );
        r.received = Some(d(2026, 12, 2));
        assert_eq!(days_overdue(&r, d(2026, 12, 5), &config), 0, "received");
        r.received = None;
        r.sent = None;
        assert_eq!(days_overdue(&r, d(2026, 12, 5), &config), 0, "not sent");
    }
}
