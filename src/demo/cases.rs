//! The citizens: names, references, phones, flags, working lines and the network around them.

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};

use super::calendar::{Calendar, add_days, stamp};
use super::contacts::Directory;
use super::dice::Dice;
use super::names::{self, LANGUAGES, NICKNAMES, SHOWCASE_CITIZENS, mobile};
use super::phrases;
use crate::model::{
    AwayPeriod, AwayReason, CadenceOverride, Case, CaseFlags, CaseId, CaseStatus, NetworkLink,
    Phone, Preferences, target_group,
};

/// Which cases carry a flag, drawn as exact quotas so the small default caseload always shows
/// each of them.
struct Quotas {
    sos: Vec<bool>,
    no_phone: Vec<bool>,
    interpreter: Vec<bool>,
    call_first: Vec<bool>,
    alias: Vec<bool>,
    away: Vec<bool>,
    closed: Vec<bool>,
    cadence: Vec<bool>,
}

impl Quotas {
    fn draw(n: usize, dice: &mut Dice) -> Self {
        let at_least = |divisor: usize, min: usize| (n / divisor).max(min).min(n);
        Self {
            sos: dice.marks(n, at_least(25, 1)),
            no_phone: dice.marks(n, at_least(12, 1)),
            interpreter: dice.marks(n, at_least(10, 1)),
            call_first: dice.marks(n, at_least(8, 1)),
            alias: dice.marks(n, at_least(12, 1)),
            away: dice.marks(n, at_least(25, 2)),
            closed: dice.marks(n, at_least(25, 1).min(n / 10)),
            cadence: dice.marks(n, at_least(12, 1)),
        }
    }
}

pub(super) fn generate(n: usize, cal: &Calendar, dir: &Directory, dice: &mut Dice) -> Vec<Case> {
    let q = Quotas::draw(n, dice);
    let mut used: HashSet<String> = HashSet::with_capacity(n.min(4096));
    let reference_base = dice.below(100_000);
    let mut away_count = 0;
    let mut cases = Vec::with_capacity(n);
    for i in 0..n {
        let (name, first, last) = citizen_name(i, &mut used, dice);
        let closed = q.closed[i];
        let created_day = if closed || dice.chance(800) {
            cal.day(-366 - dice.between(0, 900))
        } else {
            cal.day(-dice.between(14, 350))
        };
        let mut case = Case {
            id: CaseId(i as u64 + 1),
            name,
            alias: String::new(),
            reference: format!(
                "{}-{:05}",
                created_day.year(),
                (reference_base + i as u64 * 38_461) % 100_000
            ),
            phones: vec![],
            target_group: dice
                .weighted(&[
                    (45, target_group::AKTIVITETSPARAT),
                    (30, target_group::RESSOURCEFORLOEB),
                    (10, target_group::JOBAFKLARING),
                    (8, target_group::SYGEDAGPENGE),
                    (5, target_group::LEDIGHEDSYDELSE),
                    (2, target_group::OTHER),
                ])
                .to_string(),
            flags: CaseFlags {
                sos: q.sos[i],
                no_working_phone: q.no_phone[i],
                interpreter: None,
                call_before_summons: q.call_first[i],
            },
            reach_via: String::new(),
            preferences: Preferences {
                time_of_day: dice.pick(&phrases::TIME_OF_DAY).to_string(),
                place: dice.pick(&phrases::PLACE).to_string(),
                channel: dice.pick(&phrases::CHANNEL).to_string(),
            },
            where_now: dice.pick(&phrases::WHERE_NOW).to_string(),
            next_step: dice.pick(&phrases::NEXT_STEP).to_string(),
            plan_b: maybe(dice, 600, &phrases::PLAN_B),
            last_told: maybe(dice, 700, &phrases::LAST_TOLD),
            network: vec![],
            cadence_override: None,
            away: vec![],
            status: CaseStatus::Active,
            created: stamp(created_day, 8 * 60 + 5 * dice.below(84) as u32),
        };
        if q.alias[i] {
            case.alias = if dice.chance(500) {
                format!("{first} {}.", last.chars().next().unwrap_or('X'))
            } else {
                dice.pick(&NICKNAMES).to_string()
            };
        }
        case.phones = phones(q.no_phone[i], dice);
        if q.no_phone[i] || dice.chance(40) {
            case.reach_via = dice.pick(&phrases::REACH_VIA).to_string();
        }
        if q.interpreter[i] {
            let language = dice.weighted(&[
                (40, LANGUAGES[0]),
                (30, LANGUAGES[1]),
                (30, LANGUAGES[2]),
                (10, LANGUAGES[3]),
            ]);
            case.flags.interpreter = Some(language.to_string());
        }
        case.network = network(&case, dir, dice);
        if q.cadence[i] {
            case.cadence_override = Some(if dice.chance(700) {
                CadenceOverride {
                    every_days: 7,
                    until: Some(cal.day(dice.between(21, 70))),
                }
            } else {
                CadenceOverride {
                    every_days: 14,
                    until: None,
                }
            });
        }
        if q.away[i] {
            case.away.push(away_period(away_count, cal, dice));
            away_count += 1;
        }
        if closed {
            case.status = CaseStatus::Closed(cal.day(-dice.between(20, 150)));
        }
        cases.push(case);
    }
    cases
}

fn maybe(dice: &mut Dice, per_mille: u64, lines: &[&str]) -> String {
    if dice.chance(per_mille) {
        dice.pick(lines).to_string()
    } else {
        String::new()
    }
}

/// A full name, its first name and its surname; unique while the combinations last.
fn citizen_name(
    i: usize,
    used: &mut HashSet<String>,
    dice: &mut Dice,
) -> (String, &'static str, &'static str) {
    if let Some(showcase) = SHOWCASE_CITIZENS.get(i) {
        let (first, last) = showcase.split_once(' ').unwrap_or((showcase, ""));
        used.insert(showcase.to_string());
        return (showcase.to_string(), first, last);
    }
    let mut pick = names::person(dice);
    for _ in 0..10 {
        if !used.contains(&format!("{} {}", pick.0, pick.1)) {
            break;
        }
        pick = names::person(dice);
    }
    let name = format!("{} {}", pick.0, pick.1);
    if used.len() < 4096 {
        used.insert(name.clone());
    }
    (name, pick.0, pick.1)
}

fn phones(no_working_phone: bool, dice: &mut Dice) -> Vec<Phone> {
    if no_working_phone {
        if dice.chance(500) {
            return vec![Phone {
                number: mobile(dice),
                confirmed: false,
                source: "gammel sag".into(),
            }];
        }
        return vec![];
    }
    let mut out = vec![if dice.chance(900) {
        Phone {
            number: mobile(dice),
            confirmed: true,
            source: "borger selv".into(),
        }
    } else {
        Phone {
            number: mobile(dice),
            confirmed: false,
            source: dice.pick(&["gammel sag", "mentor", "bostøtte"]).to_string(),
        }
    }];
    if dice.chance(150) {
        out.push(Phone {
            number: mobile(dice),
            confirmed: false,
            source: dice.pick(&["gammel sag", "mentor"]).to_string(),
        });
    }
    out
}

fn network(case: &Case, dir: &Directory, dice: &mut Dice) -> Vec<NetworkLink> {
    let mut out = vec![];
    let link = |index: usize, role: &str| NetworkLink {
        contact: Directory::id(index),
        role: role.to_string(),
    };
    if dice.chance(750) {
        out.push(link(*dice.pick(&dir.gps), "egen læge"));
    }
    if dice.chance(100) {
        out.push(link(*dice.pick(&dir.social), "socialrådgiver"));
    }
    if dice.chance(80) {
        out.push(link(dice.pick(&dir.bosted).0, "kontaktperson på bosted"));
    }
    if dice.chance(120) {
        let pool = match dice.below(3) {
            0 => &dir.hospitals,
            1 => &dir.psychiatry,
            _ => &dir.specialists,
        };
        out.push(link(*dice.pick(pool), "behandler"));
    }
    if let Some(language) = &case.flags.interpreter {
        let matching: Vec<usize> = dir
            .interpreters
            .iter()
            .filter(|(_, l)| l == language)
            .map(|(i, _)| *i)
            .collect();
        let index = if matching.is_empty() {
            dice.pick(&dir.interpreters).0
        } else {
            *dice.pick(&matching)
        };
        out.push(link(index, "tolk"));
    }
    out
}

/// A current sick period, a holiday ahead, a past hospital stay, in turn.
fn away_period(nth: usize, cal: &Calendar, dice: &mut Dice) -> AwayPeriod {
    let (from, days, reason) = match nth % 3 {
        0 => (cal.day(-dice.between(2, 6)), 14, AwayReason::Sick),
        1 => (cal.day(dice.between(8, 14)), 14, AwayReason::Holiday),
        _ => (cal.day(-dice.between(50, 90)), 10, AwayReason::Hospital),
    };
    AwayPeriod {
        from,
        to: add_days(from, days),
        reason,
        note: String::new(),
    }
}

/// The day a case was created, as a date.
pub(super) fn created_day(case: &Case) -> NaiveDate {
    case.created.date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::contacts;

    fn sample(n: usize) -> Vec<Case> {
        let cal = Calendar::new(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
        let dir = contacts::generate(n, &mut Dice::new(9, 1));
        generate(n, &cal, &dir, &mut Dice::new(9, 2))
    }

    #[test]
    fn showcase_names_come_first_and_names_are_unique_in_a_small_caseload() {
        let cases = sample(50);
        assert_eq!(cases[0].name, "Mette Kjær");
        assert_eq!(cases[5].name, "Åse Bæk");
        let mut names: Vec<&str> = cases.iter().map(|c| c.name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), 50);
    }

    #[test]
    fn references_look_like_case_numbers() {
        for case in sample(50) {
            let (year, number) = case.reference.split_once('-').unwrap();
            assert_eq!(year.len(), 4, "{}", case.reference);
            assert_eq!(number.len(), 5, "{}", case.reference);
            assert!(number.chars().all(|c| c.is_ascii_digit()));
        }
    }

    #[test]
    fn cases_without_a_working_phone_have_a_way_to_be_reached() {
        let cases = sample(50);
        let without: Vec<&Case> = cases.iter().filter(|c| c.flags.no_working_phone).collect();
        assert!(!without.is_empty());
        for case in without {
            assert!(!case.reach_via.is_empty(), "{}", case.name);
            assert!(case.phones.iter().all(|p| !p.confirmed));
        }
    }

    #[test]
    fn interpreter_cases_have_an_interpreter_in_their_network() {
        let cases = sample(50);
        let needing: Vec<&Case> = cases
            .iter()
            .filter(|c| c.flags.interpreter.is_some())
            .collect();
        assert!(!needing.is_empty());
        for case in needing {
            assert!(case.network.iter().any(|l| l.role == "tolk"));
        }
    }
}
