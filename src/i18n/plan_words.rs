//! The week planner's proposal in words (#18): why each meeting is proposed ("rettidighed:
//! senest 11.12 · regel: aktivitetsparat, mindst 4 samtaler på 12 måneder"), why a need found
//! no room, and what a proposal had to give up. The facts come from `domain::plan`.

use super::due_words::{cadence_rule, short_date};
use super::{Lang, Msg, label_request_kind};
use crate::domain::plan::{NoPlace, Proposal, Why};
use chrono::NaiveDate;

/// `msg` with each `%` filled by the next of `args`.
fn fill(msg: Msg, lang: Lang, args: &[&str]) -> String {
    let mut out = msg.text(lang).to_owned();
    for arg in args {
        out = out.replacen('%', arg, 1);
    }
    out
}

fn date(day: NaiveDate, today: NaiveDate, lang: Lang) -> String {
    super::due_words::short_date_as_of(day, today, lang)
}

/// Why a meeting is needed, in one line.
pub fn plan_why(why: &Why, today: NaiveDate, lang: Lang) -> String {
    match why {
        Why::Cadence { due, source } => format!(
            "{} · {}",
            fill(Msg::PlanCadence, lang, &[&date(*due, today, lang)]),
            cadence_rule(source, Some(today), lang)
        ),
        Why::CourseEnd {
            end,
            supplier,
            party,
        } => fill(
            Msg::PlanCourseEnd,
            lang,
            &[supplier, &date(*end, today, lang), party],
        ),
        Why::MedicalAnswer {
            kind,
            received,
            act_by,
        } => fill(
            Msg::PlanMedicalAnswer,
            lang,
            &[
                &date(*received, today, lang),
                &label_request_kind(kind, lang),
                &date(*act_by, today, lang),
            ],
        ),
    }
}

/// Every reason of a proposal or an unplaced need, joined.
pub fn plan_whys(whys: &[Why], today: NaiveDate, lang: Lang) -> String {
    whys.iter()
        .map(|w| plan_why(w, today, lang))
        .collect::<Vec<_>>()
        .join("; ")
}

/// What a proposal had to give up or join: after its deadline, the time of day, one visit.
pub fn plan_notes(p: &Proposal, today: NaiveDate, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    if p.late {
        out.push(fill(Msg::PlanLate, lang, &[&date(p.due, today, lang)]));
    }
    if p.preference_missed {
        out.push(Msg::PlanPreferenceMissed.text(lang).to_owned());
    }
    if p.batched {
        out.push(fill(Msg::PlanBatched, lang, &[&p.meeting.place.text]));
    }
    out
}

/// Why a need found no room; of one already overdue on `today`, no deadline is named.
pub fn plan_no_place(why: NoPlace, today: NaiveDate, lang: Lang) -> String {
    match why {
        NoPlace::Away => Msg::PlanAway.text(lang).to_owned(),
        NoPlace::NoRoom { due } if due < today => Msg::PlanNoRoomThisWeek.text(lang).to_owned(),
        NoPlace::NoRoom { due } => fill(Msg::PlanNoRoom, lang, &[&short_date(due, lang)]),
    }
}

/// "9 of 11 due under the cadence placed by the deadline".
pub fn plan_on_time(placed: usize, total: usize, lang: Lang) -> String {
    fill(
        Msg::PlanOnTime,
        lang,
        &[&placed.to_string(), &total.to_string()],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::cadence::CadenceSource;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn reasons_name_the_deadline_the_rule_and_the_party() {
        let today = d("2026-12-07");
        let cadence = Why::Cadence {
            due: d("2026-12-11"),
            source: CadenceSource::Rule {
                key: "aktivitetsparat".into(),
                min_meetings: Some(4),
                per_months: Some(12),
                max_days_between: None,
            },
        };
        assert_eq!(
            plan_why(&cadence, today, Lang::Da),
            "rettidighed: senest 11. dec · regel: Aktivitetsparat kontanthjælp, mindst 4 samtaler på 12 måneder"
        );
        let course = Why::CourseEnd {
            end: d("2026-12-18"),
            supplier: "Udsyn".into(),
            party: "Karin Bach".into(),
        };
        assert_eq!(
            plan_why(&course, today, Lang::En),
            "course at Udsyn ends 18 Dec: three-party meeting with Karin Bach"
        );
        assert_eq!(
            plan_no_place(
                NoPlace::NoRoom {
                    due: d("2026-12-11")
                },
                today,
                Lang::Da
            ),
            "ingen ledig tid før fristen 11. dec — overvej telefon"
        );
        let overdue = NoPlace::NoRoom {
            due: d("2026-12-01"),
        };
        assert_eq!(
            plan_no_place(overdue, today, Lang::En),
            "no free time this week — consider a phone call"
        );
    }
}
