//! Medical requests (lægelige anmodninger): open ones at every stage of chasing, a few
//! received, one withdrawn. Questions and purposes only; never medical content.

use chrono::NaiveDate;

use super::calendar::{Calendar, add_days, stamp, working_day_from};
use super::contacts::Directory;
use super::dice::Dice;
use super::phrases;
use crate::model::{
    Case, Channel, ChaseEntry, ContactId, ContactKind, MedicalRequest, RequestId, request_kind,
};

/// Days between written reminders, and the answer time asked for.
const REMINDER_DAYS: i64 = 7;
const WRITTEN_REMINDERS: i64 = 3;

#[derive(Clone, Copy)]
enum Stage {
    Open,
    /// Sent long ago: three written reminders, then phone calls.
    ChasedThrice,
    Received {
        acted_on: bool,
    },
    Withdrawn,
}

pub(super) fn generate(
    cal: &Calendar,
    dir: &Directory,
    cases: &[Case],
    dice: &mut Dice,
) -> Vec<MedicalRequest> {
    let active: Vec<usize> = (0..cases.len()).filter(|&i| cases[i].is_active()).collect();
    let n = cases.len();
    let spread = (n / 25).max(2) as i64;
    let open = (n as i64 / 5 + dice.between(-spread, spread)).max(1) as usize;
    let received = (n / 12).max(2);
    let withdrawn = (n / 50).max(1);
    let mut stages = vec![Stage::ChasedThrice];
    stages.extend(std::iter::repeat_n(Stage::Open, open.saturating_sub(1)));
    stages.push(Stage::Received { acted_on: false });
    stages.extend(std::iter::repeat_n(
        Stage::Received { acted_on: true },
        received - 1,
    ));
    stages.extend(std::iter::repeat_n(Stage::Withdrawn, withdrawn));

    let mut out = Vec::with_capacity(stages.len());
    for stage in stages {
        if active.is_empty() {
            break;
        }
        let case = &cases[*dice.pick(&active)];
        out.push(request(case, stage, cal, dir, dice));
    }
    out.sort_by_key(|r| (r.sent, r.case));
    for (i, r) in out.iter_mut().enumerate() {
        r.id = RequestId(i as u64 + 1);
    }
    out
}

fn request(
    case: &Case,
    stage: Stage,
    cal: &Calendar,
    dir: &Directory,
    dice: &mut Dice,
) -> MedicalRequest {
    let kind = dice.weighted(&[
        (30, request_kind::STATUSATTEST),
        (15, request_kind::LAE_145),
        (12, request_kind::SPECIALIST),
        (10, request_kind::FUNCTION),
        (13, request_kind::HOSPITAL_RECORDS),
        (15, request_kind::REHAB_TEAM),
        (5, request_kind::OTHER),
    ]);
    let days_ago = match stage {
        Stage::ChasedThrice => dice.between(45, 55),
        Stage::Open => dice.between(3, 80),
        Stage::Received { .. } => dice.between(20, 90),
        Stage::Withdrawn => dice.between(40, 100),
    };
    let sent = working_day_from(cal.day(-days_ago)).min(cal.today);
    let deadline = add_days(sent, 14);
    let mut r = MedicalRequest {
        id: RequestId(0),
        case: case.id,
        kind: kind.to_string(),
        recipient: Some(recipient(kind, case, dir, dice)),
        questions: dice.pick(&phrases::QUESTIONS).to_string(),
        purpose: dice.pick(&phrases::REQUEST_PURPOSE).to_string(),
        consent: Some(add_days(sent, -dice.between(0, 5))),
        sent: Some(sent),
        deadline: Some(deadline),
        chases: vec![],
        received: None,
        acted_on: None,
        withdrawn: None,
    };
    match stage {
        Stage::Open | Stage::ChasedThrice => r.chases = chases(deadline, cal.today, dice),
        Stage::Received { acted_on } => {
            let received = if acted_on {
                add_days(sent, dice.between(7, 30)).min(cal.day(-5))
            } else {
                cal.day(-dice.between(1, 3))
            }
            .max(sent);
            r.chases = chases(deadline, received, dice);
            r.received = Some(working_day_from(received).min(cal.today));
            if acted_on {
                r.acted_on = Some(add_days(received, dice.between(0, 2)).min(cal.today));
            }
        }
        Stage::Withdrawn => r.withdrawn = Some(add_days(sent, dice.between(10, 30)).min(cal.today)),
    }
    r
}

/// Written reminders a week apart after the deadline, then calls to the secretary, up to
/// `until` (not included).
fn chases(deadline: NaiveDate, until: NaiveDate, dice: &mut Dice) -> Vec<ChaseEntry> {
    let mut out = vec![];
    for k in 1..=WRITTEN_REMINDERS {
        let day = working_day_from(add_days(deadline, k * REMINDER_DAYS));
        if day >= until {
            return out;
        }
        out.push(ChaseEntry {
            at: stamp(day, 9 * 60 + 5 * dice.below(24) as u32),
            channel: Channel::Letter,
            reached: String::new(),
            note: format!("{}. rykker sendt", k),
        });
    }
    let mut day = working_day_from(add_days(deadline, WRITTEN_REMINDERS * REMINDER_DAYS + 2));
    while day < until {
        let reached = dice.chance(600);
        out.push(ChaseEntry {
            at: stamp(day, 8 * 60 + 5 * dice.below(12) as u32),
            channel: Channel::Phone,
            reached: if reached {
                "lægesekretær"
            } else {
                "ingen svar"
            }
            .to_string(),
            note: if reached {
                dice.pick(&[
                    "Lovet inden fredag",
                    "Lægen har den på skrivebordet",
                    "Ringer tilbage",
                ])
                .to_string()
            } else {
                String::new()
            },
        });
        day = working_day_from(add_days(day, dice.between(1, 3)));
    }
    out
}

/// A GP practice for attests (the citizen's own when known), a hospital or psychiatry for
/// records, a specialist for specialist statements.
fn recipient(kind: &str, case: &Case, dir: &Directory, dice: &mut Dice) -> ContactId {
    let own_practice = case.network.iter().find_map(|link| {
        let contact = dir.get(link.contact)?;
        (contact.kind == ContactKind::Gp)
            .then_some(contact.organisation)
            .flatten()
    });
    let index = match kind {
        request_kind::SPECIALIST => *dice.pick(&dir.specialists),
        request_kind::HOSPITAL_RECORDS => {
            if dice.chance(650) {
                *dice.pick(&dir.hospitals)
            } else {
                *dice.pick(&dir.psychiatry)
            }
        }
        _ => match own_practice {
            Some(practice) => return practice,
            None => *dice.pick(&dir.practices),
        },
    };
    Directory::id(index)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn three_letters_come_before_the_phone_calls() {
        let mut dice = Dice::new(1, 4);
        let chases = chases(d("2026-10-01"), d("2026-11-25"), &mut dice);
        assert!(chases.len() > 3);
        assert!(chases[..3].iter().all(|c| c.channel == Channel::Letter));
        assert!(chases[3..].iter().all(|c| c.channel == Channel::Phone));
        assert!(chases.windows(2).all(|w| w[0].at < w[1].at));
        assert!(chases.last().unwrap().at.date_naive() < d("2026-11-25"));
    }

    #[test]
    fn no_chase_before_the_deadline_has_passed() {
        let mut dice = Dice::new(1, 4);
        assert!(chases(d("2026-11-20"), d("2026-11-25"), &mut dice).is_empty());
    }
}
