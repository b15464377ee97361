//! The compact values of the derived trees the lists of every case read (#21): case briefs,
//! case summaries and the details of due entries, in postcard instead of JSON, with times as
//! numbers instead of text. At 10,000 cases the Today list and the board decode tens of
//! thousands of these: a JSON summary took about 5 µs to decode, most of it parsing dates.
//!
//! postcard is not self-describing and skips no field, so each value is a plain struct made for
//! it. These values are derived from the records: a change to their shape needs a new
//! `INDEX_VERSION`, and the next open writes them all afresh.

use crate::domain::summary::CaseSummary;
use crate::model::{
    AwayPeriod, AwayReason, CadenceOverride, CaseBrief, CaseFlags, CaseId, Channel, MeetingForm,
    MeetingStatus, Party,
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

    #[test]
    fn a_value_cut_short_is_an_error_not_a_panic() {
        let bytes = encode_summary(&CaseSummary {
            planned: vec![at("2026-11-30 10:00")],
            ..CaseSummary::default()
        });
        assert!(decode_summary(&bytes[..bytes.len() - 3]).is_err());
    }
}
