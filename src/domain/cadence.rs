//! Contact cadence (rettidighed): by which day a case's next meeting must be held.
//!
//! Counted from the last meeting actually held: afbud (cancelled by the citizen) and udeblevet
//! (no-show) do not count, and are listed so the card can say so. "At least N held meetings per
//! M months" is read as one meeting every M/N months (4 per 12 months: every 3 months); "no more
//! than D days between" as D days after the last one. When both are set the earlier day wins.
//! Days the citizen is away (holiday, sick, hospital) pause the cadence.

use crate::config::CadenceRule;
use crate::model::{AwayPeriod, CadenceOverride, Case, CaseBrief, CaseId, Meeting, MeetingStatus};
use chrono::{DateTime, Days, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Where a case stands under its contact cadence (rettidighed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseCadence {
    /// The day the next meeting must be held by to stay on time.
    pub next_due: NaiveDate,
    /// The last meeting actually held (status afholdt), if any.
    pub last_held: Option<NaiveDate>,
    /// Meetings since `last_held` that did not count (afbud, udeblevet), for "the card says so".
    pub not_counted: Vec<(NaiveDate, MeetingStatus)>,
    /// The rule or the case's override that placed `next_due`.
    pub source: CadenceSource,
}

impl CaseCadence {
    /// Days past the due date, `None` while it is not yet passed (due today is on time).
    pub fn days_late(&self, today: NaiveDate) -> Option<u32> {
        super::reminder::days_late(self.next_due, today)
    }
}

/// What placed a case's cadence due date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum CadenceSource {
    /// The target group's rule from the configuration.
    Rule {
        key: String,
        min_meetings: Option<u32>,
        per_months: Option<u32>,
        max_days_between: Option<u32>,
    },
    /// The case's own cadence ("weekly until 1 March").
    Override {
        every_days: u32,
        until: Option<NaiveDate>,
    },
}

/// What the cadence reads of a case: from the whole record or from its brief.
#[derive(Debug, Clone, Copy)]
pub struct CadenceCase<'a> {
    pub id: CaseId,
    pub active: bool,
    pub target_group: &'a str,
    pub created: DateTime<Utc>,
    pub cadence_override: Option<&'a CadenceOverride>,
    pub away: &'a [AwayPeriod],
}

impl<'a> From<&'a Case> for CadenceCase<'a> {
    fn from(case: &'a Case) -> Self {
        CadenceCase {
            id: case.id,
            active: case.is_active(),
            target_group: &case.target_group,
            created: case.created,
            cadence_override: case.cadence_override.as_ref(),
            away: &case.away,
        }
    }
}

/// A brief is kept for active cases only.
impl<'a> From<&'a CaseBrief> for CadenceCase<'a> {
    fn from(brief: &'a CaseBrief) -> Self {
        CadenceCase {
            id: brief.id,
            active: true,
            target_group: &brief.target_group,
            created: brief.created,
            cadence_override: brief.cadence_override.as_ref(),
            away: &brief.away,
        }
    }
}

/// None when no rule applies to the case's target group and it has no override (and for a
/// closed case). `meetings` may hold other cases' meetings; only the case's own count.
pub fn case_cadence<'a>(
    case: impl Into<CadenceCase<'a>>,
    meetings: &[Meeting],
    rules: &[CadenceRule],
    today: NaiveDate,
) -> Option<CaseCadence> {
    let case = case.into();
    if !case.active {
        return None;
    }
    let own = || {
        meetings
            .iter()
            .filter(|m| m.case == Some(case.id) && m.start.date() <= today)
    };
    let last_held = own()
        .filter(|m| m.status == MeetingStatus::Held)
        .map(|m| m.start.date())
        .max();
    let not_counted: Vec<(NaiveDate, MeetingStatus)> = own()
        .filter(|m| {
            matches!(
                m.status,
                MeetingStatus::CancelledByCitizen | MeetingStatus::NoShow
            ) && last_held.is_none_or(|held| m.start.date() > held)
        })
        .map(|m| (m.start.date(), m.status))
        .collect();
    cadence_after(case, last_held, not_counted, rules, today)
}

/// The order the afbud and udeblevet are listed in: by day, afbud before udeblevet on one day,
/// whichever order they were read in.
fn in_order(not_counted: &mut [(NaiveDate, MeetingStatus)]) {
    not_counted.sort_by_key(|(day, status)| (*day, *status == MeetingStatus::NoShow));
}

/// [`case_cadence`] from what it reads of the meetings: the day of the last held meeting up to
/// `today` and the afbud and udeblevet after it up to `today`, by day (a case's summary holds
/// them).
pub fn cadence_after(
    case: CadenceCase<'_>,
    last_held: Option<NaiveDate>,
    mut not_counted: Vec<(NaiveDate, MeetingStatus)>,
    rules: &[CadenceRule],
    today: NaiveDate,
) -> Option<CaseCadence> {
    if !case.active {
        return None;
    }
    let source = source_for(case, rules, today)?;
    in_order(&mut not_counted);
    // A case never met counts from the day it was created.
    let basis = last_held.unwrap_or_else(|| case.created.date_naive());
    let due = due_after(basis, &source);
    Some(CaseCadence {
        next_due: pause_for_away(case, basis, due),
        last_held,
        not_counted,
        source,
    })
}

/// The override while it lasts, else the target group's rule when it has one.
fn source_for(
    case: CadenceCase<'_>,
    rules: &[CadenceRule],
    today: NaiveDate,
) -> Option<CadenceSource> {
    if let Some(o) = case.cadence_override
        && o.every_days > 0
        && o.until.is_none_or(|until| today <= until)
    {
        return Some(CadenceSource::Override {
            every_days: o.every_days,
            until: o.until,
        });
    }
    let rule = rules
        .iter()
        .find(|r| r.key == case.target_group && r.has_rule())?;
    Some(CadenceSource::Rule {
        key: rule.key.clone(),
        min_meetings: rule.min_meetings,
        per_months: rule.per_months,
        max_days_between: rule.max_days_between,
    })
}

/// The day the next meeting is due after one held on `basis`.
fn due_after(basis: NaiveDate, source: &CadenceSource) -> NaiveDate {
    let plus_days = |days: u32| basis.checked_add_days(Days::new(u64::from(days)));
    let due = match *source {
        CadenceSource::Override { every_days, .. } => plus_days(every_days),
        CadenceSource::Rule {
            min_meetings,
            per_months,
            max_days_between,
            ..
        } => {
            let by_count = match (min_meetings, per_months) {
                (Some(n), Some(m)) if n > 0 && m > 0 => every_share_of_months(basis, n, m),
                // "N per year" when the months are left out.
                (Some(n), None) if n > 0 => every_share_of_months(basis, n, 12),
                _ => None,
            };
            let by_gap = max_days_between.and_then(plus_days);
            match (by_count, by_gap) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            }
        }
    };
    due.unwrap_or(basis)
}

/// `basis` plus M/N months: whole months when N divides M, else the days of M/N months.
fn every_share_of_months(basis: NaiveDate, n: u32, m: u32) -> Option<NaiveDate> {
    if m.is_multiple_of(n) {
        basis.checked_add_months(Months::new(m / n))
    } else {
        let days = u64::from(m) * 36525 / (1200 * u64::from(n));
        basis.checked_add_days(Days::new(days))
    }
}

/// Pushes `due` later by the days the citizen is away between `basis` and `due`.
fn pause_for_away(case: CadenceCase<'_>, basis: NaiveDate, mut due: NaiveDate) -> NaiveDate {
    let mut periods: Vec<_> = case.away.iter().collect();
    periods.sort_by_key(|p| p.from);
    let mut counted_until = basis;
    for period in periods {
        let from = period
            .from
            .max(counted_until.succ_opt().unwrap_or(counted_until));
        if from > due || period.to < from {
            continue;
        }
        let days = (period.to - from).num_days() + 1;
        due = due
            .checked_add_days(Days::new(days.unsigned_abs()))
            .unwrap_or(due);
        counted_until = period.to;
    }
    due
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::default_cadence;
    use crate::model::{
        AwayPeriod, AwayReason, BookedBy, CadenceOverride, CaseFlags, CaseId, CaseStatus,
        MeetingForm, MeetingId, Place, Preferences,
    };
    use chrono::{TimeZone, Utc};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn case(group: &str) -> Case {
        Case {
            id: CaseId(1),
            name: "Test".into(),
            alias: String::new(),
            reference: String::new(),
            phones: vec![],
            target_group: group.into(),
            flags: CaseFlags::default(),
            reach_via: String::new(),
            preferences: Preferences::default(),
            where_now: String::new(),
            next_step: String::new(),
            plan_b: String::new(),
            last_told: String::new(),
            network: vec![],
            cadence_override: None,
            away: vec![],
            status: CaseStatus::Active,
            created: Utc.with_ymd_and_hms(2026, 1, 5, 8, 0, 0).unwrap(),
        }
    }

    fn meeting(id: u64, case: u64, day: &str, status: MeetingStatus) -> Meeting {
        Meeting {
            id: MeetingId(id),
            case: Some(CaseId(case)),
            start: d(day).and_hms_opt(10, 0, 0).unwrap(),
            minutes: 45,
            purpose: "samtale".into(),
            form: MeetingForm::InPerson,
            place: Place::default(),
            participants: vec![],
            booked_by: BookedBy::Caseworker,
            prep_minutes: 0,
            follow_up_minutes: 0,
            status,
            outcome: String::new(),
            title: String::new(),
            note: String::new(),
            revision: 0,
            travel_minutes: 0,
            moved_to: None,
            moved_from: None,
            repeat: None,
        }
    }

    const TODAY: &str = "2026-11-24";

    #[test]
    fn four_per_twelve_months_is_due_three_months_after_the_last_held() {
        let meetings = [
            meeting(1, 1, "2026-05-10", MeetingStatus::Held),
            meeting(2, 1, "2026-08-14", MeetingStatus::Held),
        ];
        let c = case_cadence(
            &case("aktivitetsparat"),
            &meetings,
            &default_cadence(),
            d(TODAY),
        )
        .unwrap();
        assert_eq!(c.last_held, Some(d("2026-08-14")));
        assert_eq!(c.next_due, d("2026-11-14"));
        assert!(c.not_counted.is_empty());
        assert_eq!(
            c.source,
            CadenceSource::Rule {
                key: "aktivitetsparat".into(),
                min_meetings: Some(4),
                per_months: Some(12),
                max_days_between: None,
            }
        );
    }

    #[test]
    fn afbud_and_udeblevet_do_not_count_and_are_listed() {
        let meetings = [
            meeting(1, 1, "2026-08-14", MeetingStatus::Held),
            meeting(2, 1, "2026-10-01", MeetingStatus::NoShow),
            meeting(3, 1, "2026-09-20", MeetingStatus::CancelledByCitizen),
            // Aflyst by the caseworker and moved meetings are neither counted nor listed.
            meeting(4, 1, "2026-10-10", MeetingStatus::CancelledByCaseworker),
            meeting(5, 1, "2026-10-12", MeetingStatus::Moved),
            // Before the last held meeting: no longer relevant.
            meeting(6, 1, "2026-07-01", MeetingStatus::NoShow),
        ];
        let c = case_cadence(
            &case("aktivitetsparat"),
            &meetings,
            &default_cadence(),
            d(TODAY),
        )
        .unwrap();
        assert_eq!(c.last_held, Some(d("2026-08-14")));
        assert_eq!(c.next_due, d("2026-11-14"));
        assert_eq!(
            c.not_counted,
            vec![
                (d("2026-09-20"), MeetingStatus::CancelledByCitizen),
                (d("2026-10-01"), MeetingStatus::NoShow),
            ]
        );
    }

    #[test]
    fn a_held_meeting_after_a_no_show_counts() {
        let meetings = [
            meeting(1, 1, "2026-08-14", MeetingStatus::NoShow),
            meeting(2, 1, "2026-09-01", MeetingStatus::Held),
        ];
        let c = case_cadence(
            &case("aktivitetsparat"),
            &meetings,
            &default_cadence(),
            d(TODAY),
        )
        .unwrap();
        assert_eq!(c.last_held, Some(d("2026-09-01")));
        assert_eq!(c.next_due, d("2026-12-01"));
        assert!(c.not_counted.is_empty());
    }

    #[test]
    fn other_cases_and_future_meetings_are_ignored() {
        let meetings = [
            meeting(1, 1, "2026-08-14", MeetingStatus::Held),
            meeting(2, 2, "2026-11-01", MeetingStatus::Held),
            meeting(3, 1, "2026-12-01", MeetingStatus::Held),
        ];
        let c = case_cadence(
            &case("aktivitetsparat"),
            &meetings,
            &default_cadence(),
            d(TODAY),
        )
        .unwrap();
        assert_eq!(c.last_held, Some(d("2026-08-14")));
    }

    #[test]
    fn max_days_between_counts_days() {
        let meetings = [meeting(1, 1, "2026-10-01", MeetingStatus::Held)];
        let c = case_cadence(
            &case("sygedagpenge"),
            &meetings,
            &default_cadence(),
            d(TODAY),
        )
        .unwrap();
        assert_eq!(c.next_due, d("2026-11-26"));
    }

    #[test]
    fn the_earlier_of_count_and_gap_wins() {
        let rules = vec![CadenceRule {
            key: "x".into(),
            label_da: None,
            label_en: None,
            min_meetings: Some(4),
            per_months: Some(12),
            max_days_between: Some(30),
        }];
        let meetings = [meeting(1, 1, "2026-10-01", MeetingStatus::Held)];
        let c = case_cadence(&case("x"), &meetings, &rules, d(TODAY)).unwrap();
        assert_eq!(c.next_due, d("2026-10-31"));
    }

    #[test]
    fn uneven_share_of_months_counts_days() {
        let rules = vec![CadenceRule {
            key: "x".into(),
            label_da: None,
            label_en: None,
            min_meetings: Some(5),
            per_months: Some(12),
            max_days_between: None,
        }];
        let meetings = [meeting(1, 1, "2026-01-01", MeetingStatus::Held)];
        let c = case_cadence(&case("x"), &meetings, &rules, d(TODAY)).unwrap();
        // 12/5 months = 73 days.
        assert_eq!(c.next_due, d("2026-03-15"));
    }

    #[test]
    fn no_held_meeting_counts_from_the_case_creation() {
        let c = case_cadence(&case("aktivitetsparat"), &[], &default_cadence(), d(TODAY)).unwrap();
        assert_eq!(c.last_held, None);
        assert_eq!(c.next_due, d("2026-04-05"));
    }

    #[test]
    fn override_applies_until_its_end_then_the_rule_returns() {
        let mut c = case("aktivitetsparat");
        c.cadence_override = Some(CadenceOverride {
            every_days: 7,
            until: Some(d("2026-12-01")),
        });
        let meetings = [meeting(1, 1, "2026-11-20", MeetingStatus::Held)];
        let now = case_cadence(&c, &meetings, &default_cadence(), d(TODAY)).unwrap();
        assert_eq!(now.next_due, d("2026-11-27"));
        assert_eq!(
            now.source,
            CadenceSource::Override {
                every_days: 7,
                until: Some(d("2026-12-01"))
            }
        );
        let later = case_cadence(&c, &meetings, &default_cadence(), d("2026-12-02")).unwrap();
        assert_eq!(later.next_due, d("2027-02-20"));
        assert!(matches!(later.source, CadenceSource::Rule { .. }));
    }

    #[test]
    fn override_gives_a_cadence_to_a_group_without_a_rule() {
        let mut c = case("andet");
        assert_eq!(case_cadence(&c, &[], &default_cadence(), d(TODAY)), None);
        c.cadence_override = Some(CadenceOverride {
            every_days: 14,
            until: None,
        });
        let meetings = [meeting(1, 1, "2026-11-20", MeetingStatus::Held)];
        let got = case_cadence(&c, &meetings, &default_cadence(), d(TODAY)).unwrap();
        assert_eq!(got.next_due, d("2026-12-04"));
    }

    #[test]
    fn no_rule_no_group_or_closed_case_gives_none() {
        assert_eq!(
            case_cadence(&case("andet"), &[], &default_cadence(), d(TODAY)),
            None
        );
        assert_eq!(
            case_cadence(&case("unknown"), &[], &default_cadence(), d(TODAY)),
            None
        );
        let mut closed = case("aktivitetsparat");
        closed.status = CaseStatus::Closed(d("2026-10-01"));
        assert_eq!(
            case_cadence(&closed, &[], &default_cadence(), d(TODAY)),
            None
        );
    }

    #[test]
    fn days_away_pause_the_cadence() {
        let mut c = case("sygedagpenge");
        c.away.push(AwayPeriod {
            from: d("2026-10-10"),
            to: d("2026-10-19"),
            reason: AwayReason::Hospital,
            note: String::new(),
        });
        // Away before the last held meeting: no effect.
        c.away.push(AwayPeriod {
            from: d("2026-09-01"),
            to: d("2026-09-05"),
            reason: AwayReason::Holiday,
            note: String::new(),
        });
        let meetings = [meeting(1, 1, "2026-10-01", MeetingStatus::Held)];
        let got = case_cadence(&c, &meetings, &default_cadence(), d(TODAY)).unwrap();
        assert_eq!(got.next_due, d("2026-12-06"), "56 days + 10 away");
    }
}
