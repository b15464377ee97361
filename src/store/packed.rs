//! The compact values of the derived trees the lists of every case read (#21): case briefs,
//! case summaries, the details of due entries, and the open courses and followed medical
//! requests their by-case entries carry, in postcard instead of JSON, with times as numbers
//! instead of text. At 10,000 cases the Today list and the board decode tens of
//! thousands of these: a JSON summary took about 5 µs to decode, most of it parsing dates.
//!
//! postcard is not self-describing and skips no field, so each value is a plain struct made for
//! it. These values are derived from the records: a change to their shape needs a new
//! `INDEX_VERSION`, and the next open writes them all afresh.

use crate::domain::summary::CaseSummary;
use crate::model::{
    AwayPeriod, AwayReason, CadenceOverride, CaseBrief, CaseFlags, CaseId, Channel, ChaseEntry,
    ContactId, Course, CourseId, CourseOutcome, MedicalRequest, MeetingForm, MeetingStatus,
    OrderChecklist, Party, Report, ReportAction, ReportCadence, ReportChase, RequestId,
};
use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer, de::DeserializeOwned};

/// What a due entry holds of its record besides the case, so the Today list reads no record
/// for it. Only kinds that are many (agreements, notes, call-backs) carry one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DueDetail {
    /// An open agreement: who promised what (the due day is the entry's date).
    Agreement { who: Party, what: String },
    /// A note not journalised: its subject and when it was written.
    Note {
        subject: String,
        #[serde(with = "utc_stamp")]
        at: DateTime<Utc>,
    },
    /// An incoming "call me" not yet called back.
    CallBack {
        #[serde(with = "utc_stamp")]
        at: DateTime<Utc>,
        channel: Channel,
        note: String,
    },
    /// A meeting cut off (afbrudt).
    CutOff {
        #[serde(with = "local_stamp")]
        start: NaiveDateTime,
        form: MeetingForm,
        outcome: String,
    },
}

/// A moment as seconds and nanoseconds since 1970-01-01 00:00 (of UTC, or of the local clock
/// for a local time).
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub(super) struct Stamp(i64, u32);

impl From<NaiveDateTime> for Stamp {
    fn from(time: NaiveDateTime) -> Stamp {
        let time = time.and_utc();
        Stamp(time.timestamp(), time.timestamp_subsec_nanos())
    }
}

impl From<DateTime<Utc>> for Stamp {
    fn from(time: DateTime<Utc>) -> Stamp {
        Stamp::from(time.naive_utc())
    }
}

impl Stamp {
    fn utc(self) -> Result<DateTime<Utc>, String> {
        DateTime::from_timestamp(self.0, self.1).ok_or_else(|| format!("no such time: {self:?}"))
    }

    pub(super) fn local(self) -> Result<NaiveDateTime, String> {
        self.utc().map(|t| t.naive_utc())
    }
}

/// A day as days since 1 January of year 1.
fn day(date: NaiveDate) -> i32 {
    date.num_days_from_ce()
}

fn date(days: i32) -> Result<NaiveDate, String> {
    NaiveDate::from_num_days_from_ce_opt(days).ok_or_else(|| format!("no such day: {days}"))
}

mod utc_stamp {
    use super::*;

    pub(super) fn serialize<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        Stamp::from(*t).serialize(s)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        Stamp::deserialize(d)?
            .utc()
            .map_err(serde::de::Error::custom)
    }
}

mod local_stamp {
    use super::*;

    pub(super) fn serialize<S: Serializer>(t: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
        Stamp::from(*t).serialize(s)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDateTime, D::Error> {
        Stamp::deserialize(d)?
            .local()
            .map_err(serde::de::Error::custom)
    }
}

/// [`CaseSummary`] as stored.
#[derive(Serialize, Deserialize)]
struct SummaryValue {
    last_held: Option<Stamp>,
    /// Afbud and udeblevet: start, and whether it was udeblevet.
    not_counted: Vec<(Stamp, bool)>,
    planned: Vec<Stamp>,
    missed: Vec<Stamp>,
    last_reached_event: Option<Stamp>,
    open_courses: u32,
    open_requests: u32,
}

/// [`CaseBrief`] as stored (the case id is the key).
#[derive(Serialize, Deserialize)]
struct BriefValue {
    name: String,
    target_group: String,
    /// SOS, no working phone, call before a summons.
    flags: (bool, bool, bool),
    interpreter: Option<String>,
    where_now: String,
    next_step: String,
    plan_b: String,
    /// Every so many days, until a day.
    cadence_override: Option<(u32, Option<i32>)>,
    /// From, to, why, the note.
    away: Vec<(i32, i32, AwayReason, String)>,
    created: Stamp,
}

pub(crate) fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    // Plain structs of strings and numbers always encode.
    postcard::to_stdvec(value).unwrap_or_default()
}

/// Decodes a value; the error is a detail for a `Damaged` message.
pub(crate) fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    postcard::from_bytes(bytes).map_err(|e| format!("a derived value could not be read: {e}"))
}

pub(crate) fn encode_brief(brief: &CaseBrief) -> Vec<u8> {
    let flags = &brief.flags;
    encode(&BriefValue {
        name: brief.name.clone(),
        target_group: brief.target_group.clone(),
        flags: (flags.sos, flags.no_working_phone, flags.call_before_summons),
        interpreter: flags.interpreter.clone(),
        where_now: brief.where_now.clone(),
        next_step: brief.next_step.clone(),
        plan_b: brief.plan_b.clone(),
        cadence_override: (brief.cadence_override.as_ref())
            .map(|o| (o.every_days, o.until.map(day))),
        away: (brief.away.iter())
            .map(|a| (day(a.from), day(a.to), a.reason, a.note.clone()))
            .collect(),
        created: brief.created.into(),
    })
}

pub(crate) fn decode_brief(id: CaseId, bytes: &[u8]) -> Result<CaseBrief, String> {
    let value: BriefValue = decode(bytes)?;
    let (sos, no_working_phone, call_before_summons) = value.flags;
    let cadence_override = match value.cadence_override {
        Some((every_days, until)) => Some(CadenceOverride {
            every_days,
            until: until.map(date).transpose()?,
        }),
        None => None,
    };
    let away = (value.away.into_iter())
        .map(|(from, to, reason, note)| {
            Ok(AwayPeriod {
                from: date(from)?,
                to: date(to)?,
                reason,
                note,
            })
        })
        .collect::<Result<_, String>>()?;
    Ok(CaseBrief {
        id,
        name: value.name,
        target_group: value.target_group,
        flags: CaseFlags {
            sos,
            no_working_phone,
            interpreter: value.interpreter,
            call_before_summons,
        },
        where_now: value.where_now,
        next_step: value.next_step,
        plan_b: value.plan_b,
        cadence_override,
        away,
        created: value.created.utc()?,
    })
}

pub(crate) fn encode_summary(summary: &CaseSummary) -> Vec<u8> {
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let stamps = |times: &[NaiveDateTime]| times.iter().map(|t| Stamp::from(*t)).collect();
    encode(&SummaryValue {
        last_held: summary.last_held.map(Stamp::from),
        not_counted: (summary.not_counted.iter())
            .map(|(start, status)| ((*start).into(), *status == MeetingStatus::NoShow))
            .collect(),
        planned: stamps(&summary.planned),
        missed: stamps(&summary.missed),
        last_reached_event: summary.last_reached_event.map(Stamp::from),
        open_courses: count(summary.open_courses),
        open_requests: count(summary.open_requests),
    })
}

pub(crate) fn decode_summary(bytes: &[u8]) -> Result<CaseSummary, String> {
    let value: SummaryValue = decode(bytes)?;
    let status = |no_show: bool| match no_show {
        true => MeetingStatus::NoShow,
        false => MeetingStatus::CancelledByCitizen,
    };
    let times = |stamps: Vec<Stamp>| -> Result<Vec<_>, String> {
        stamps.into_iter().map(Stamp::local).collect()
    };
    Ok(CaseSummary {
        last_held: value.last_held.map(Stamp::local).transpose()?,
        not_counted: (value.not_counted.into_iter())
            .map(|(start, no_show)| Ok((start.local()?, status(no_show))))
            .collect::<Result<_, String>>()?,
        planned: times(value.planned)?,
        missed: times(value.missed)?,
        last_reached_event: value.last_reached_event.map(Stamp::utc).transpose()?,
        open_courses: value.open_courses as usize,
        open_requests: value.open_requests as usize,
    })
}

/// A [`Course`] as its by-case entry carries it: every field (the id is in the key), so the
/// course read back is the record itself.
#[derive(Serialize, Deserialize)]
struct CourseValue {
    case: u64,
    supplier: u64,
    consultant: Option<u64>,
    kind: String,
    start: i32,
    end: i32,
    hours_per_week: Option<u8>,
    cadence: CadenceValue,
    /// Purpose, close follow-up, direct contact given, preferred consultant.
    checklist: (String, bool, bool, String),
    reports: Vec<ReportValue>,
    outcome: Option<OutcomeValue>,
    continues: Option<u64>,
}

/// [`ReportCadence`] (postcard reads no internally tagged enum).
#[derive(Serialize, Deserialize)]
enum CadenceValue {
    Monthly,
    EveryWeeks(u8),
    EndOnly,
    Dates(Vec<i32>),
}

#[derive(Serialize, Deserialize)]
struct ReportValue {
    due: i32,
    received: Option<i32>,
    read: Option<i32>,
    action: Option<ReportAction>,
    note: String,
    /// When, how, the note.
    chases: Vec<(Stamp, Channel, String)>,
    is_final: bool,
}

/// [`CourseOutcome`]: the day, then what the kind keeps.
#[derive(Serialize, Deserialize)]
enum OutcomeValue {
    Extended(i32, i32),
    Completed(i32),
    Interrupted(i32),
    ConsultantChanged(i32, Option<u64>),
    SupplierChanged(i32, u64),
}

/// A [`MedicalRequest`] as its by-case entry carries it: every field (the id is in the key).
#[derive(Serialize, Deserialize)]
struct RequestValue {
    case: u64,
    kind: String,
    recipient: Option<u64>,
    questions: String,
    purpose: String,
    consent: Option<i32>,
    sent: Option<i32>,
    deadline: Option<i32>,
    /// When, how, who was reached, the note.
    chases: Vec<(Stamp, Channel, String, String)>,
    received: Option<i32>,
    acted_on: Option<i32>,
    withdrawn: Option<i32>,
}

fn opt_day(date: Option<NaiveDate>) -> Option<i32> {
    date.map(day)
}

fn opt_date(days: Option<i32>) -> Result<Option<NaiveDate>, String> {
    days.map(date).transpose()
}

pub(crate) fn encode_course(course: &Course) -> Vec<u8> {
    // Taken apart whole, so a new field of a course does not compile until it is kept here.
    let Course {
        id: _,
        case,
        supplier,
        consultant,
        kind,
        start,
        end,
        hours_per_week,
        cadence,
        checklist,
        reports,
        outcome,
        continues,
    } = course;
    let OrderChecklist {
        purpose,
        close_follow_up,
        direct_contact_given,
        preferred_consultant,
    } = checklist;
    let report = |r: &Report| {
        let Report {
            due,
            received,
            read,
            action,
            note,
            chases,
            is_final,
        } = r;
        ReportValue {
            due: day(*due),
            received: opt_day(*received),
            read: opt_day(*read),
            action: *action,
            note: note.clone(),
            chases: (chases.iter())
                .map(|ReportChase { at, channel, note }| ((*at).into(), *channel, note.clone()))
                .collect(),
            is_final: *is_final,
        }
    };
    encode(&CourseValue {
        case: case.0,
        supplier: supplier.0,
        consultant: consultant.map(|c| c.0),
        kind: kind.clone(),
        start: day(*start),
        end: day(*end),
        hours_per_week: *hours_per_week,
        cadence: match cadence {
            ReportCadence::Monthly => CadenceValue::Monthly,
            ReportCadence::EveryWeeks { weeks } => CadenceValue::EveryWeeks(*weeks),
            ReportCadence::EndOnly => CadenceValue::EndOnly,
            ReportCadence::Dates { dates } => {
                CadenceValue::Dates(dates.iter().copied().map(day).collect())
            }
        },
        checklist: (
            purpose.clone(),
            *close_follow_up,
            *direct_contact_given,
            preferred_consultant.clone(),
        ),
        reports: reports.iter().map(report).collect(),
        outcome: outcome.as_ref().map(|o| match o {
            CourseOutcome::Extended { on, previous_end } => {
                OutcomeValue::Extended(day(*on), day(*previous_end))
            }
            CourseOutcome::Completed { on } => OutcomeValue::Completed(day(*on)),
            CourseOutcome::Interrupted { on } => OutcomeValue::Interrupted(day(*on)),
            CourseOutcome::ConsultantChanged { on, previous } => {
                OutcomeValue::ConsultantChanged(day(*on), previous.map(|c| c.0))
            }
            CourseOutcome::SupplierChanged { on, next } => {
                OutcomeValue::SupplierChanged(day(*on), next.0)
            }
        }),
        continues: continues.map(|c| c.0),
    })
}

pub(crate) fn decode_course(id: CourseId, bytes: &[u8]) -> Result<Course, String> {
    let value: CourseValue = decode(bytes)?;
    let (purpose, close_follow_up, direct_contact_given, preferred_consultant) = value.checklist;
    let report = |r: ReportValue| -> Result<Report, String> {
        Ok(Report {
            due: date(r.due)?,
            received: opt_date(r.received)?,
            read: opt_date(r.read)?,
            action: r.action,
            note: r.note,
            chases: (r.chases.into_iter())
                .map(|(at, channel, note)| {
                    Ok(ReportChase {
                        at: at.utc()?,
                        channel,
                        note,
                    })
                })
                .collect::<Result<_, String>>()?,
            is_final: r.is_final,
        })
    };
    Ok(Course {
        id,
        case: CaseId(value.case),
        supplier: ContactId(value.supplier),
        consultant: value.consultant.map(ContactId),
        kind: value.kind,
        start: date(value.start)?,
        end: date(value.end)?,
        hours_per_week: value.hours_per_week,
        cadence: match value.cadence {
            CadenceValue::Monthly => ReportCadence::Monthly,
            CadenceValue::EveryWeeks(weeks) => ReportCadence::EveryWeeks { weeks },
            CadenceValue::EndOnly => ReportCadence::EndOnly,
            CadenceValue::Dates(days) => ReportCadence::Dates {
                dates: days.into_iter().map(date).collect::<Result<_, String>>()?,
            },
        },
        checklist: OrderChecklist {
            purpose,
            close_follow_up,
            direct_contact_given,
            preferred_consultant,
        },
        reports: (value.reports.into_iter())
            .map(report)
            .collect::<Result<_, String>>()?,
        outcome: match value.outcome {
            None => None,
            Some(OutcomeValue::Extended(on, previous_end)) => Some(CourseOutcome::Extended {
                on: date(on)?,
                previous_end: date(previous_end)?,
            }),
            Some(OutcomeValue::Completed(on)) => Some(CourseOutcome::Completed { on: date(on)? }),
            Some(OutcomeValue::Interrupted(on)) => {
                Some(CourseOutcome::Interrupted { on: date(on)? })
            }
            Some(OutcomeValue::ConsultantChanged(on, previous)) => {
                Some(CourseOutcome::ConsultantChanged {
                    on: date(on)?,
                    previous: previous.map(ContactId),
                })
            }
            Some(OutcomeValue::SupplierChanged(on, next)) => Some(CourseOutcome::SupplierChanged {
                on: date(on)?,
                next: CourseId(next),
            }),
        },
        continues: value.continues.map(CourseId),
    })
}

pub(crate) fn encode_request(request: &MedicalRequest) -> Vec<u8> {
    // Taken apart whole, so a new field of a request does not compile until it is kept here.
    let MedicalRequest {
        id: _,
        case,
        kind,
        recipient,
        questions,
        purpose,
        consent,
        sent,
        deadline,
        chases,
        received,
        acted_on,
        withdrawn,
    } = request;
    encode(&RequestValue {
        case: case.0,
        kind: kind.clone(),
        recipient: recipient.map(|c| c.0),
        questions: questions.clone(),
        purpose: purpose.clone(),
        consent: opt_day(*consent),
        sent: opt_day(*sent),
        deadline: opt_day(*deadline),
        chases: (chases.iter())
            .map(
                |ChaseEntry {
                     at,
                     channel,
                     reached,
                     note,
                 }| { ((*at).into(), *channel, reached.clone(), note.clone()) },
            )
            .collect(),
        received: opt_day(*received),
        acted_on: opt_day(*acted_on),
        withdrawn: opt_day(*withdrawn),
    })
}

pub(crate) fn decode_request(id: RequestId, bytes: &[u8]) -> Result<MedicalRequest, String> {
    let value: RequestValue = decode(bytes)?;
    Ok(MedicalRequest {
        id,
        case: CaseId(value.case),
        kind: value.kind,
        recipient: value.recipient.map(ContactId),
        questions: value.questions,
        purpose: value.purpose,
        consent: opt_date(value.consent)?,
        sent: opt_date(value.sent)?,
        deadline: opt_date(value.deadline)?,
        chases: (value.chases.into_iter())
            .map(|(at, channel, reached, note)| {
                Ok(ChaseEntry {
                    at: at.utc()?,
                    channel,
                    reached,
                    note,
                })
            })
            .collect::<Result<_, String>>()?,
        received: opt_date(value.received)?,
        acted_on: opt_date(value.acted_on)?,
        withdrawn: opt_date(value.withdrawn)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::at;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_brief_with_every_field_set_or_empty_reads_back_the_same() {
        let full = CaseBrief {
            id: CaseId(7),
            name: "Søren Bæk".into(),
            target_group: "aktivitetsparat".into(),
            flags: CaseFlags {
                sos: true,
                no_working_phone: true,
                interpreter: Some("arabisk".into()),
                call_before_summons: true,
            },
            where_now: "praktik".into(),
            next_step: "samtale".into(),
            plan_b: "mentor".into(),
            cadence_override: Some(CadenceOverride {
                every_days: 7,
                until: Some(d("2027-03-01")),
            }),
            away: vec![AwayPeriod {
                from: d("2026-12-01"),
                to: d("2026-12-05"),
                reason: AwayReason::Hospital,
                note: "ring efter".into(),
            }],
            created: "2025-01-02T03:04:05.678901234Z".parse().unwrap(),
        };
        let empty = CaseBrief {
            flags: CaseFlags::default(),
            cadence_override: None,
            away: Vec::new(),
            name: String::new(),
            ..full.clone()
        };
        for brief in [full, empty] {
            assert_eq!(
                decode_brief(brief.id, &encode_brief(&brief)).unwrap(),
                brief
            );
        }
    }

    #[test]
    fn a_summary_with_every_field_set_or_empty_reads_back_the_same() {
        let full = CaseSummary {
            last_held: Some(at("2026-11-02 09:00")),
            not_counted: vec![
                (at("2026-11-03 09:00"), MeetingStatus::CancelledByCitizen),
                (at("2026-11-04 09:00"), MeetingStatus::NoShow),
            ],
            planned: vec![at("2026-11-30 10:00"), at("2026-12-30 10:00")],
            missed: vec![at("2026-02-03 09:00")],
            last_reached_event: Some("2026-11-05T08:01:02.5Z".parse().unwrap()),
            open_courses: 2,
            open_requests: 3,
        };
        for summary in [full, CaseSummary::default()] {
            assert_eq!(decode_summary(&encode_summary(&summary)).unwrap(), summary);
        }
    }

    #[test]
    fn every_due_detail_reads_back_the_same() {
        let details = [
            DueDetail::Agreement {
                who: Party::Caseworker,
                what: "send CV".into(),
            },
            DueDetail::Note {
                subject: "samtale".into(),
                at: "2026-11-05T08:01:02Z".parse().unwrap(),
            },
            DueDetail::CallBack {
                at: "2026-11-05T08:01:02Z".parse().unwrap(),
                channel: Channel::Sms,
                note: "ring".into(),
            },
            DueDetail::CutOff {
                start: at("2026-11-05 10:00"),
                form: MeetingForm::HomeVisit,
                outcome: String::new(),
            },
        ];
        for detail in details {
            assert_eq!(decode::<DueDetail>(&encode(&detail)).unwrap(), detail);
        }
    }

    /// A course with every field set, with `cadence` and `outcome`.
    fn full_course(cadence: ReportCadence, outcome: Option<CourseOutcome>) -> Course {
        Course {
            id: CourseId(12),
            case: CaseId(3),
            supplier: ContactId(40),
            consultant: Some(ContactId(41)),
            kind: "praktik".into(),
            start: d("2026-07-20"),
            end: d("2026-12-18"),
            hours_per_week: Some(15),
            cadence,
            checklist: OrderChecklist {
                purpose: "afklaring af arbejdsevne".into(),
                close_follow_up: true,
                direct_contact_given: true,
                preferred_consultant: "Lise".into(),
            },
            reports: vec![
                Report {
                    due: d("2026-08-20"),
                    received: Some(d("2026-08-21")),
                    read: Some(d("2026-08-22")),
                    action: Some(ReportAction::GoalsAdjusted),
                    note: "mål justeret".into(),
                    chases: vec![ReportChase {
                        at: "2026-08-21T07:30:00.25Z".parse().unwrap(),
                        channel: Channel::Mail,
                        note: "rykket".into(),
                    }],
                    is_final: false,
                },
                Report {
                    due: d("2026-12-18"),
                    received: None,
                    read: None,
                    action: None,
                    note: String::new(),
                    chases: Vec::new(),
                    is_final: true,
                },
            ],
            outcome,
            continues: Some(CourseId(9)),
        }
    }

    #[test]
    fn a_course_of_every_cadence_and_outcome_reads_back_the_same() {
        let on = d("2026-12-01");
        let cadences = [
            ReportCadence::Monthly,
            ReportCadence::EveryWeeks { weeks: 3 },
            ReportCadence::EndOnly,
            ReportCadence::Dates {
                dates: vec![d("2026-09-01"), d("2026-11-01")],
            },
        ];
        let outcomes = [
            None,
            Some(CourseOutcome::Extended {
                on,
                previous_end: d("2026-11-18"),
            }),
            Some(CourseOutcome::Completed { on }),
            Some(CourseOutcome::Interrupted { on }),
            Some(CourseOutcome::ConsultantChanged {
                on,
                previous: Some(ContactId(39)),
            }),
            Some(CourseOutcome::ConsultantChanged { on, previous: None }),
            Some(CourseOutcome::SupplierChanged {
                on,
                next: CourseId(13),
            }),
        ];
        for cadence in cadences {
            for outcome in outcomes.clone() {
                let course = full_course(cadence.clone(), outcome);
                assert_eq!(
                    decode_course(course.id, &encode_course(&course)).unwrap(),
                    course
                );
            }
        }
        let mut bare = full_course(ReportCadence::EndOnly, None);
        bare.consultant = None;
        bare.hours_per_week = None;
        bare.checklist = OrderChecklist::default();
        bare.reports = Vec::new();
        bare.continues = None;
        assert_eq!(decode_course(bare.id, &encode_course(&bare)).unwrap(), bare);
    }

    #[test]
    fn a_request_with_every_field_set_or_empty_reads_back_the_same() {
        let full = MedicalRequest {
            id: RequestId(8),
            case: CaseId(3),
            kind: "lae145".into(),
            recipient: Some(ContactId(50)),
            questions: "kan borgeren arbejde?".into(),
            purpose: "rehabiliteringsteam".into(),
            consent: Some(d("2026-10-01")),
            sent: Some(d("2026-10-02")),
            deadline: Some(d("2026-10-16")),
            chases: vec![ChaseEntry {
                at: "2026-10-20T09:15:00Z".parse().unwrap(),
                channel: Channel::Phone,
                reached: "sekretær".into(),
                note: "sender i næste uge".into(),
            }],
            received: Some(d("2026-10-25")),
            acted_on: Some(d("2026-10-27")),
            withdrawn: Some(d("2026-10-28")),
        };
        let empty = MedicalRequest {
            recipient: None,
            questions: String::new(),
            purpose: String::new(),
            consent: None,
            sent: None,
            deadline: None,
            chases: Vec::new(),
            received: None,
            acted_on: None,
            withdrawn: None,
            ..full.clone()
        };
        for request in [full, empty] {
            assert_eq!(
                decode_request(request.id, &encode_request(&request)).unwrap(),
                request
            );
        }
    }

    #[test]
    fn a_value_cut_short_is_an_error_not_a_panic() {
        let bytes = encode_summary(&CaseSummary {
            planned: vec![at("2026-11-30 10:00")],
            ..CaseSummary::default()
        });
        assert!(decode_summary(&bytes[..bytes.len() - 3]).is_err());
    }
}
