//! The case card's contact cadence line (rettidighed): counted from the last meeting held,
//! afbud and udeblevet listed as not counting, a passed due date marked; on the screen and in
//! `caseplan card` (text and JSON). And the card's key hint at 80 columns.

use crate::common;
use crate::harness::App;
use caseplan::app::model::Screen;
use caseplan::i18n::Lang;
use caseplan::model::{Dataset, MeetingStatus};
use caseplan::query::card::Card;
use caseplan::store::Store;
use chrono::NaiveDate;
use serde_json::json;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn meeting(id: u64, case: u64, day: &str, status: &str) -> serde_json::Value {
    json!({
        "id": id, "case": case, "start": format!("{day}T10:00:00"), "minutes": 45,
        "purpose": "samtale", "form": "in_person", "status": status,
    })
}

/// Anne: held 14 Aug, then afbud and udeblevet, so her meeting was due 14 Nov (10 days late).
/// Bo: held 14 Nov, due 14 Feb. Carl: a target group without a rule.
fn dataset() -> Dataset {
    serde_json::from_value(json!({
        "cases": [
            { "id": 1, "name": "Anne Jensen", "target_group": "aktivitetsparat",
              "created": "2025-01-06T09:00:00Z" },
            { "id": 2, "name": "Bo Hansen", "target_group": "aktivitetsparat",
              "created": "2025-01-06T09:00:00Z" },
            { "id": 3, "name": "Carl Nielsen", "target_group": "andet",
              "created": "2025-01-06T09:00:00Z" },
        ],
        "meetings": [
            meeting(10, 1, "2026-08-14", "held"),
            meeting(11, 1, "2026-09-20", "cancelled_by_citizen"),
            meeting(12, 1, "2026-10-01", "no_show"),
            // Cancelled by the caseworker: neither counted nor listed.
            meeting(13, 1, "2026-10-10", "cancelled_by_caseworker"),
            meeting(20, 2, "2026-11-14", "held"),
            meeting(30, 3, "2026-11-14", "held"),
        ],
    }))
    .unwrap()
}

fn app(lang: Lang) -> App {
    App::with_lang(lang, |store, _| store.import(&dataset()).unwrap())
}

fn open_card(app: &mut App, name: &str) -> Card {
    app.keys("/");
    app.text(name);
    app.keys("enter");
    match &app.model.screen {
        Screen::Card { card, .. } => (**card).clone(),
        _ => panic!("no card open for {name}"),
    }
}

/// The one-column screen (below 120 wide) as one string, spaces collapsed, so a wrapped line
/// reads whole.
fn flat(app: &App) -> String {
    app.screen(100, 40)
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_card_counts_from_the_last_held_meeting_and_lists_what_did_not_count() {
    let mut app = app(Lang::En);
    let card = open_card(&mut app, "anne");
    let cadence = card.cadence.expect("aktivitetsparat has a rule");
    assert_eq!(cadence.last_held, Some(d("2026-08-14")));
    assert_eq!(cadence.next_due, d("2026-11-14"));
    assert_eq!(
        cadence.not_counted,
        vec![
            (d("2026-09-20"), MeetingStatus::CancelledByCitizen),
            (d("2026-10-01"), MeetingStatus::NoShow),
        ]
    );
    let screen = flat(&app);
    assert!(
        screen.contains("Contact cadence ! next meeting due by 14.11.2026, 10 days late"),
        "{screen}"
    );
    assert!(
        screen.contains("not counted: cancelled by citizen 20 Sep, no-show 1 Oct"),
        "{screen}"
    );
}

#[test]
fn the_card_in_danish_says_when_and_why_and_marks_nothing_on_time() {
    let mut app = app(Lang::Da);
    let card = open_card(&mut app, "bo han");
    assert_eq!(card.cadence.map(|c| c.next_due), Some(d("2027-02-14")));
    let screen = flat(&app);
    assert!(
        screen.contains("Rettidighed næste samtale senest 14.02.2027 · regel:"),
        "{screen}"
    );
    assert!(screen.contains("sidst afholdt 14. nov"), "{screen}");
    assert!(!screen.contains("tæller ikke"), "{screen}");
}

#[test]
fn a_case_without_a_rule_has_no_cadence_line() {
    let mut app = app(Lang::En);
    let card = open_card(&mut app, "carl");
    assert_eq!(card.cadence, None);
    let screen = flat(&app);
    assert!(!screen.contains("Contact cadence"), "{screen}");
}

#[test]
fn caseplan_card_prints_the_cadence_line_and_its_json() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path()).unwrap();
        store.import(&dataset()).unwrap();
    }
    let out = common::caseplan(dir.path(), &["card", "anne"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let text = common::stdout(&out);
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("Contact cadence"))
        .unwrap_or_else(|| panic!("no cadence line in\n{text}"));
    assert!(
        line.contains("! next meeting due by 14.11.2026, 10 days late · rule: "),
        "{line}"
    );
    assert!(
        line.ends_with(
            "last held 14 Aug · not counted: cancelled by citizen 20 Sep, no-show 1 Oct"
        ),
        "{line}"
    );

    let out = common::caseplan(dir.path(), &["card", "anne", "--json"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let card: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let cadence = &card["cadence"];
    assert_eq!(cadence["next_due"], "2026-11-14");
    assert_eq!(cadence["last_held"], "2026-08-14");
    assert_eq!(
        cadence["not_counted"],
        json!([
            ["2026-09-20", "cancelled_by_citizen"],
            ["2026-10-01", "no_show"]
        ])
    );
    assert_eq!(cadence["source"]["kind"], "rule");
    assert_eq!(cadence["source"]["key"], "aktivitetsparat");

    let out = common::caseplan(dir.path(), &["card", "carl", "--json"]);
    let card: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(card["cadence"].is_null(), "{card}");
}

#[test]
fn the_key_hint_names_courses_medical_and_the_lists_within_80_columns() {
    for (lang, course, medical, lists) in [
        (Lang::Da, "f forløb", "l læge", "o forløb og anm."),
        (Lang::En, "f course", "l medical", "o both lists"),
    ] {
        let mut app = app(lang);
        open_card(&mut app, "anne");
        let screen = app.screen(80, 24);
        let hint = &screen[22];
        for words in ["c log", "b book", course, medical, lists] {
            assert!(hint.contains(words), "{words:?} missing in {hint:?}");
        }
        // Nothing cut off, and room is left for the "more below" arrow.
        assert!(!hint.contains('…'), "{hint:?}");
        assert!(hint.trim_end().chars().count() <= 76, "{hint:?}");
    }
}
