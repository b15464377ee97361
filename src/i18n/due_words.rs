//! The Today list in words: what to do about an item, and why it is there ("monthly report,
//! due 20 Nov, 2 days late", "rule: aktivitetsparat, at least 4 meetings in 12 months; last
//! held 14 Aug"), in Danish and English. The facts come from `domain::due`.

use super::{Lang, Msg, count, label_status, label_target_group, month_short};
use crate::domain::cadence::{CadenceSource, CaseCadence};
use crate::domain::due::{DueItem, DueWhat};
use crate::domain::reminder::{Basis, CadenceKind, Reminder, ReminderKind};
use crate::model::{Channel, Party};
use crate::time::{format_date, format_time};
use chrono::{Datelike, NaiveDate, NaiveDateTime};

fn pick(lang: Lang, da: &str, en: &str) -> String {
    match lang {
        Lang::Da => da.to_owned(),
        Lang::En => en.to_owned(),
    }
}

/// "20 Nov" / "20. nov".
pub fn short_date(day: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("{}. {}", day.day(), month_short(day.month(), lang)),
        Lang::En => format!("{} {}", day.day(), month_short(day.month(), lang)),
    }
}

/// "20 Nov", or "25 Sep 2025" when the day is not in `today`'s year.
pub fn short_date_as_of(day: NaiveDate, today: NaiveDate, lang: Lang) -> String {
    let short = short_date(day, lang);
    if day.year() == today.year() {
        short
    } else {
        format!("{short} {}", day.year())
    }
}

/// The date column of the list: "25.09", or "25.09.2025" when not in `today`'s year.
pub fn list_date(day: NaiveDate, today: NaiveDate) -> String {
    if day.year() == today.year() {
        format!("{:02}.{:02}", day.day(), day.month())
    } else {
        format_date(day)
    }
}

/// What to do, in a few words: "Rykker 2 for lægeattest", "Call the supplier".
pub fn due_title(item: &DueItem, lang: Lang) -> String {
    match &item.what {
        DueWhat::Reminder { reminder } => reminder_title(reminder, lang),
        DueWhat::Agreement { who, text, .. } => {
            let who = match who {
                Party::Caseworker => pick(lang, "Mit løfte", "My promise"),
                Party::Citizen => pick(lang, "Borgerens aftale", "Citizen's agreement"),
                Party::Other => pick(lang, "Aftale", "Agreement"),
            };
            format!("{who}: {text}")
        }
        DueWhat::Journalise { subject, .. } => match lang {
            Lang::Da => format!("Journalisér notat: {subject}"),
            Lang::En => format!("Journalise note: {subject}"),
        },
        DueWhat::Cadence { .. } => pick(lang, "Indkald til samtale", "Summon to a meeting"),
        DueWhat::NoContact { .. } => pick(lang, "Tag kontakt", "Get in touch"),
        DueWhat::CallBack { .. } => pick(lang, "Ring tilbage", "Call back"),
        DueWhat::Outcome { start, .. } => match lang {
            Lang::Da => format!("Skriv udfald: {}", format_time(start.time())),
            Lang::En => format!("Write the outcome: {}", format_time(start.time())),
        },
        DueWhat::Rebook { change, .. } => super::bulk_words::rebook_title(*change, lang),
    }
}

/// A call-back's age as of `now`: "ringede 08:40 · 20 min siden", "sms 08:40 · 1 t 5 min
/// siden"; a cut-off meeting says "afbrudt 10:00".
pub fn call_back_age(item: &DueItem, now: NaiveDateTime, lang: Lang) -> Option<String> {
    let DueWhat::CallBack { at, .. } = &item.what else {
        return None;
    };
    let minutes = (now - *at).num_minutes().max(0);
    let age = match (minutes / 60, minutes % 60, lang) {
        (0, m, Lang::Da) => format!("{m} min siden"),
        (0, m, Lang::En) => format!("{m} min ago"),
        (h, m, Lang::Da) => format!("{h} t {m} min siden"),
        (h, m, Lang::En) => format!("{h} h {m} min ago"),
    };
    Some(format!(
        "{} · {age}",
        call_back_when(item, now.date(), lang)?
    ))
}

/// How a call-back was asked for: a cut-off meeting, an SMS, a mail or a call.
fn call_back_how(
    source: &crate::domain::due::CallBackSource,
    channel: Channel,
    lang: Lang,
) -> &'static str {
    match (source, channel, lang) {
        (crate::domain::due::CallBackSource::Meeting(_), _, Lang::Da) => "afbrudt",
        (crate::domain::due::CallBackSource::Meeting(_), _, Lang::En) => "cut off",
        (_, Channel::Sms, _) => "sms",
        (_, Channel::Mail, _) => "mail",
        (_, _, Lang::Da) => "ringede",
        (_, _, Lang::En) => "called",
    }
}

/// A call-back's row on the list: "Ring tilbage (sms) · 20 min", short enough for 80 columns
/// (the time is in the date column, the rest in the detail line).
pub fn call_back_row(item: &DueItem, now: NaiveDateTime, lang: Lang) -> Option<String> {
    let DueWhat::CallBack {
        source,
        at,
        channel,
        ..
    } = &item.what
    else {
        return None;
    };
    let how = call_back_how(source, *channel, lang);
    let minutes = (now - *at).num_minutes().max(0);
    let waited = match (minutes / 60, minutes % 60, lang) {
        (0, m, _) => format!("{m} min"),
        (h, m, Lang::Da) => format!("{h} t {m} min"),
        (h, m, Lang::En) => format!("{h} h {m} min"),
    };
    Some(format!("{} ({how}) · {waited}", due_title(item, lang)))
}

/// How and when a call-back was asked for: "ringede 08:40", "sms 23. nov 16:10".
pub fn call_back_when(item: &DueItem, today: NaiveDate, lang: Lang) -> Option<String> {
    let DueWhat::CallBack {
        source,
        at,
        channel,
        ..
    } = &item.what
    else {
        return None;
    };
    let how = call_back_how(source, *channel, lang);
    let time = if at.date() == today {
        format_time(at.time())
    } else {
        format!("{} {}", short_date(at.date(), lang), format_time(at.time()))
    };
    Some(format!("{how} {time}"))
}

fn reminder_title(r: &Reminder, lang: Lang) -> String {
    match r.kind {
        ReminderKind::ReportDueSoon => pick(lang, "Rapport på vej", "Report coming up"),
        ReminderKind::ReportLate => pick(lang, "Rapport mangler", "Report missing"),
        ReminderKind::ReportUnread => pick(lang, "Læs rapporten", "Read the report"),
        ReminderKind::CallSupplierBeforeEnd => {
            pick(lang, "Ring til leverandøren", "Call the supplier")
        }
        ReminderKind::SummonBeforeEnd => pick(
            lang,
            "Indkald før forløbet slutter",
            "Summon before the course ends",
        ),
        ReminderKind::FinalReportAfterSummons => pick(
            lang,
            "Bed om en midtvejsrapport",
            "Ask for an interim report",
        ),
        ReminderKind::ReportChaseEscalate => pick(
            lang,
            "Rapporten er rykket flere gange",
            "Report chased several times",
        ),
        ReminderKind::MedicalReminder { n } => match lang {
            Lang::Da => format!("Send rykker {n} for lægelig anmodning"),
            Lang::En => format!("Send reminder {n} for the medical request"),
        },
        ReminderKind::MedicalPhoneChase { day } => match lang {
            Lang::Da => format!("Ring til lægesekretæren (dag {day})"),
            Lang::En => format!("Call the GP's secretary (day {day})"),
        },
        ReminderKind::MedicalEscalate => pick(
            lang,
            "Overvej sundhedskoordinator",
            "Consider the health coordinator",
        ),
        ReminderKind::MedicalActOn => pick(
            lang,
            "Handl på lægelige oplysninger",
            "Act on the medical information",
        ),
    }
}

/// Why the item is there as of `today`, as facts in words.
pub fn due_reason(item: &DueItem, today: NaiveDate, lang: Lang) -> String {
    let short_date = |day: NaiveDate, lang: Lang| short_date_as_of(day, today, lang);
    let mut parts = match &item.what {
        DueWhat::Reminder { reminder } => reminder_reason(reminder, today, lang),
        DueWhat::Agreement { .. } => vec![match lang {
            Lang::Da => format!("din egen dato {}", short_date(item.due, lang)),
            Lang::En => format!("your own date {}", short_date(item.due, lang)),
        }],
        DueWhat::Journalise {
            written,
            within_days,
            ..
        } => vec![match lang {
            Lang::Da => format!(
                "skrevet {}, journaliseres inden {}",
                short_date(*written, lang),
                count::days(i64::from(*within_days), lang)
            ),
            Lang::En => format!(
                "written {}, journalise within {}",
                short_date(*written, lang),
                count::days(i64::from(*within_days), lang)
            ),
        }],
        DueWhat::Cadence { cadence, planned } => {
            let mut parts = cadence_reason_as_of(cadence, Some(today), lang);
            if let Some(day) = planned {
                parts.push(match lang {
                    Lang::Da => format!(
                        "næste samtale {} ligger efter fristen",
                        short_date(*day, lang)
                    ),
                    Lang::En => format!(
                        "the next meeting {} is after the due date",
                        short_date(*day, lang)
                    ),
                });
            }
            parts
        }
        DueWhat::NoContact { last_contact, days } => vec![match (last_contact, lang) {
            (Some(day), Lang::Da) => format!(
                "ingen kontakt siden {} (grænse {})",
                short_date(*day, lang),
                count::days(i64::from(*days), lang)
            ),
            (Some(day), Lang::En) => format!(
                "no contact since {} (limit {})",
                short_date(*day, lang),
                count::days(i64::from(*days), lang)
            ),
            (None, Lang::Da) => format!(
                "ingen kontakt endnu (grænse {})",
                count::days(i64::from(*days), Lang::Da)
            ),
            (None, Lang::En) => format!(
                "no contact yet (limit {})",
                count::days(i64::from(*days), Lang::En)
            ),
        }],
        DueWhat::CallBack { note, .. } => {
            // The screen puts the age in front ([`call_back_age`]), the command line the time.
            let mut parts = vec![pick(
                lang,
                "borgeren venter på at blive ringet op: c logger opkaldet",
                "the citizen is waiting for a call: c logs it",
            )];
            if !note.is_empty() {
                parts.push(format!("«{note}»"));
            }
            parts
        }
        DueWhat::Outcome { .. } => vec![pick(
            lang,
            "samtalen er afholdt, udfaldet mangler: x skriver det",
            "the meeting was held, its outcome is missing: x writes it",
        )],
        DueWhat::Rebook {
            change,
            from,
            to,
            meetings,
            reach,
            ..
        } => vec![super::bulk_words::rebook_reason(
            *change,
            (*from, *to),
            *meetings,
            reach,
            lang,
        )],
    };
    if let Some(late) = item.days_late {
        parts.push(days_late(late, lang));
    }
    parts.join(", ")
}

/// "2 dage for sent" / "1 day late".
pub fn days_late(days: u32, lang: Lang) -> String {
    match (lang, days) {
        (Lang::Da, 1) => "1 dag for sent".to_owned(),
        (Lang::Da, n) => format!("{n} dage for sent"),
        (Lang::En, 1) => "1 day late".to_owned(),
        (Lang::En, n) => format!("{n} days late"),
    }
}

fn reminder_reason(r: &Reminder, today: NaiveDate, lang: Lang) -> Vec<String> {
    let from = |supplier: &Option<String>| {
        supplier.as_ref().map_or(String::new(), |s| match lang {
            Lang::Da => format!(" fra {s}"),
            Lang::En => format!(" from {s}"),
        })
    };
    let date = |d: &NaiveDate| short_date_as_of(*d, today, lang);
    let mut out = vec![match &r.reason.basis {
        Basis::Report {
            due,
            is_final,
            cadence,
            supplier,
            ..
        } => {
            let what = match (is_final, cadence, lang) {
                (true, _, Lang::Da) => "slutrapport".to_owned(),
                (true, _, Lang::En) => "final report".to_owned(),
                (false, CadenceKind::Monthly, Lang::Da) => "månedlig rapport".to_owned(),
                (false, CadenceKind::Monthly, Lang::En) => "monthly report".to_owned(),
                (false, CadenceKind::EveryWeeks { weeks }, Lang::Da) => {
                    format!("rapport hver {weeks}. uge")
                }
                (false, CadenceKind::EveryWeeks { weeks }, Lang::En) => {
                    format!("report every {weeks} weeks")
                }
                (false, _, Lang::Da) => "rapport".to_owned(),
                (false, _, Lang::En) => "report".to_owned(),
            };
            match lang {
                Lang::Da => format!("{what}{}, forfalden {}", from(supplier), date(due)),
                Lang::En => format!("{what}{} due {}", from(supplier), date(due)),
            }
        }
        Basis::CourseEnd { end, supplier } => match lang {
            Lang::Da => format!("forløb{} slutter {}", from(supplier), date(end)),
            Lang::En => format!("course{} ends {}", from(supplier), date(end)),
        },
        Basis::FinalReportAfterSummons {
            final_due,
            summons_by,
        } => match lang {
            Lang::Da => format!(
                "slutrapport først {}, indkaldelse senest {}",
                date(final_due),
                date(summons_by)
            ),
            Lang::En => format!(
                "final report only {}, summons by {}",
                date(final_due),
                date(summons_by)
            ),
        },
        Basis::Deadline { date: d, .. } => match lang {
            Lang::Da => format!("frist {}", date(d)),
            Lang::En => format!("deadline {}", date(d)),
        },
        Basis::PreviousChase { number, on } => match lang {
            Lang::Da => format!("rykker {number} sendt {}", date(on)),
            Lang::En => format!("chase {number} made {}", date(on)),
        },
        Basis::Received { on } => match lang {
            Lang::Da => format!("modtaget {}", date(on)),
            Lang::En => format!("received {}", date(on)),
        },
    }];
    if let Some(rule) = &r.reason.rule {
        out.push(super::course_words::rule_words(rule, lang));
    }
    out
}

/// How many meetings that did not count the cadence line names before "+N".
const NOT_COUNTED_SHOWN: usize = 3;

/// "rule: aktivitetsparat, at least 4 meetings in 12 months; last held 14 Aug".
pub fn cadence_reason(c: &CaseCadence, lang: Lang) -> Vec<String> {
    cadence_reason_as_of(c, None, lang)
}

/// [`cadence_reason`] with the year on dates outside `today`'s year, when `today` is given.
pub fn cadence_reason_as_of(c: &CaseCadence, today: Option<NaiveDate>, lang: Lang) -> Vec<String> {
    let short_date = |day: NaiveDate, lang: Lang| match today {
        Some(today) => short_date_as_of(day, today, lang),
        None => short_date(day, lang),
    };
    let rule = cadence_rule(&c.source, today, lang);
    let held = match (c.last_held, lang) {
        (Some(day), Lang::Da) => format!("sidst afholdt {}", short_date(day, lang)),
        (Some(day), Lang::En) => format!("last held {}", short_date(day, lang)),
        (None, Lang::Da) => "ingen afholdt endnu".to_owned(),
        (None, Lang::En) => "none held yet".to_owned(),
    };
    let mut out = vec![format!("{rule}; {held}")];
    if !c.not_counted.is_empty() {
        // The newest three, then how many more: a long history stays one line.
        let shown = c.not_counted.len().min(NOT_COUNTED_SHOWN);
        let more = c.not_counted.len() - shown;
        let mut list: Vec<String> = c.not_counted[c.not_counted.len() - shown..]
            .iter()
            .map(|(day, status)| {
                format!(
                    "{} {}",
                    label_status(*status, lang).to_lowercase(),
                    short_date(*day, lang)
                )
            })
            .collect();
        if more > 0 {
            list.push(format!("+{more}"));
        }
        out.push(match lang {
            Lang::Da => format!("tæller ikke: {}", list.join(", ")),
            Lang::En => format!("not counted: {}", list.join(", ")),
        });
    }
    out
}

/// The rule that placed a cadence due date: "regel: aktivitetsparat, mindst 4 samtaler på 12
/// måneder", or the case's own cadence. Dates outside `today`'s year get their year.
pub fn cadence_rule(source: &CadenceSource, today: Option<NaiveDate>, lang: Lang) -> String {
    let short_date = |day: NaiveDate, lang: Lang| match today {
        Some(today) => short_date_as_of(day, today, lang),
        None => short_date(day, lang),
    };
    match source {
        CadenceSource::Rule {
            key,
            min_meetings,
            per_months,
            max_days_between,
        } => {
            let group = label_target_group(key, lang);
            let mut terms = Vec::new();
            if let Some(n) = min_meetings {
                let m = per_months.unwrap_or(12);
                terms.push(match lang {
                    Lang::Da => format!("mindst {n} samtaler på {m} måneder"),
                    Lang::En => format!("at least {n} meetings in {m} months"),
                });
            }
            if let Some(days) = max_days_between {
                terms.push(match lang {
                    Lang::Da => format!("højst {days} dage mellem"),
                    Lang::En => format!("at most {days} days between"),
                });
            }
            match lang {
                Lang::Da => format!("regel: {group}, {}", terms.join(" og ")),
                Lang::En => format!("rule: {group}, {}", terms.join(" and ")),
            }
        }
        CadenceSource::Override { every_days, until } => {
            let until = until.map_or(String::new(), |u| match lang {
                Lang::Da => format!(" til {}", short_date(u, lang)),
                Lang::En => format!(" until {}", short_date(u, lang)),
            });
            match lang {
                Lang::Da => format!("sagens egen kadence: hver {every_days}. dag{until}"),
                Lang::En => format!("the case's own cadence: every {every_days} days{until}"),
            }
        }
    }
}

/// The case card's cadence line in parts: when the next meeting is due ("næste samtale senest
/// 14.02.2027", with the days late once past), then the rule and the last held meeting, then
/// the meetings that did not count. The first part is the one to mark when it is late.
pub fn cadence_line(
    c: &CaseCadence,
    days_late: Option<u32>,
    today: NaiveDate,
    lang: Lang,
) -> Vec<String> {
    let mut due = format!(
        "{} {}",
        Msg::CadenceNextBy.text(lang),
        format_date(c.next_due)
    );
    if let Some(late) = days_late {
        due.push_str(&format!(", {}", self::days_late(late, lang)));
    }
    let mut out = vec![due];
    out.extend(cadence_reason_as_of(c, Some(today), lang));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CaseId;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn cadence_reason_names_the_rule_and_the_last_held_meeting() {
        let item = DueItem {
            key: "cadence:1:2026-11-14".into(),
            due: d("2026-11-14"),
            case: CaseId(1),
            case_name: "Anna".into(),
            days_late: Some(10),
            what: DueWhat::Cadence {
                cadence: CaseCadence {
                    next_due: d("2026-11-14"),
                    last_held: Some(d("2026-08-14")),
                    not_counted: vec![(d("2026-10-01"), crate::model::MeetingStatus::NoShow)],
                    source: CadenceSource::Rule {
                        key: "aktivitetsparat".into(),
                        min_meetings: Some(4),
                        per_months: Some(12),
                        max_days_between: None,
                    },
                },
                planned: None,
            },
        };
        let en = due_reason(&item, d("2026-11-24"), Lang::En);
        assert!(
            en.starts_with("rule: ")
                && en.contains("at least 4 meetings in 12 months; last held 14 Aug"),
            "{en}"
        );
        assert!(
            en.contains("not counted: ") && en.ends_with("10 days late"),
            "{en}"
        );
        let da = due_reason(&item, d("2026-11-24"), Lang::Da);
        assert!(
            da.contains("mindst 4 samtaler på 12 måneder; sidst afholdt 14. aug"),
            "{da}"
        );
    }

    fn cadence(next_due: &str) -> CaseCadence {
        CaseCadence {
            next_due: d(next_due),
            last_held: Some(d("2026-11-14")),
            not_counted: vec![
                (
                    d("2026-11-20"),
                    crate::model::MeetingStatus::CancelledByCitizen,
                ),
                (d("2026-11-24"), crate::model::MeetingStatus::NoShow),
            ],
            source: CadenceSource::Rule {
                key: "aktivitetsparat".into(),
                min_meetings: Some(4),
                per_months: Some(12),
                max_days_between: None,
            },
        }
    }

    #[test]
    fn cadence_line_says_when_why_and_what_did_not_count() {
        let today = d("2026-11-24");
        let da = cadence_line(
            &cadence("2027-02-14"),
            cadence("2027-02-14").days_late(today),
            today,
            Lang::Da,
        );
        assert_eq!(da[0], "næste samtale senest 14.02.2027");
        assert!(da[1].contains("sidst afholdt 14. nov"), "{da:?}");
        assert_eq!(da[2], "tæller ikke: afbud 20. nov, udeblevet 24. nov");
        let en = cadence_line(
            &cadence("2027-02-14"),
            cadence("2027-02-14").days_late(today),
            today,
            Lang::En,
        );
        assert_eq!(en[0], "next meeting due by 14.02.2027");
        assert_eq!(
            en[2],
            "not counted: cancelled by citizen 20 Nov, no-show 24 Nov"
        );
    }

    #[test]
    fn cadence_line_counts_the_days_late_once_past() {
        let today = d("2026-11-24");
        assert_eq!(cadence("2026-11-24").days_late(today), None);
        assert_eq!(cadence("2026-11-23").days_late(today), Some(1));
        let da = cadence_line(
            &cadence("2026-11-14"),
            cadence("2026-11-14").days_late(today),
            today,
            Lang::Da,
        );
        assert_eq!(da[0], "næste samtale senest 14.11.2026, 10 dage for sent");
    }

    #[test]
    fn cadence_line_names_the_last_three_that_did_not_count_then_how_many_more() {
        use crate::model::MeetingStatus::{CancelledByCitizen, NoShow};
        let mut c = cadence("2027-02-14");
        c.not_counted = vec![
            (d("2025-03-02"), NoShow),
            (d("2025-06-10"), CancelledByCitizen),
            (d("2025-12-01"), NoShow),
            (d("2026-01-12"), NoShow),
            (d("2026-11-20"), CancelledByCitizen),
        ];
        let today = d("2026-11-24");
        let da = cadence_line(&c, None, today, Lang::Da);
        assert_eq!(
            da[2],
            "tæller ikke: udeblevet 1. dec 2025, udeblevet 12. jan, afbud 20. nov, +2"
        );
    }
}
