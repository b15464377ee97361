//! Help follows the screen: `?` lists the keymap layers live where it was opened, in the order
//! they take a key, and every key it lists does what it says there — each one is fed through
//! the same key handling as a real key press and must come out as the action help names.

use crate::harness::App;
use caseplan::app::core::action::{Action, Named};
use caseplan::app::keys;
use caseplan::app::model::Screen;
use caseplan::app::popup::Popup;
use caseplan::keymap::{BindingInfo, Layer, parse_sequence};
use caseplan::model::Dataset;
use ratatui::crossterm::event::KeyEvent;
use serde_json::json;

type Sections = Vec<(Layer, Vec<BindingInfo<Named>>)>;

/// Anne Jensen with a meeting today at 10:00, a course at the supplier Udsyn and a medical
/// request to her GP: enough for every screen to have something on it.
pub(crate) fn app() -> App {
    let data: Dataset = serde_json::from_value(json!({
        "cases": [{ "id": 1, "name": "Anne Jensen", "target_group": "aktivitetsparat",
                    "created": "2025-01-06T09:00:00Z" }],
        "contacts": [
            { "id": 100, "name": "Udsyn", "kind": "supplier" },
            { "id": 101, "name": "Lægehuset Nørrebro", "kind": "practice" },
        ],
        "meetings": [{ "id": 10, "case": 1, "start": "2026-11-24T10:00:00", "minutes": 45,
                       "purpose": "samtale", "form": "in_person" }],
        "courses": [{ "id": 11, "case": 1, "supplier": 100, "kind": "afklaring",
                      "start": "2026-10-01", "end": "2027-04-01", "cadence": {"kind": "monthly"},
                      "reports": [{"due": "2026-12-01"}] }],
        "medical_requests": [{ "id": 12, "case": 1, "kind": "statusattest", "recipient": 101,
                               "questions": "Kan borgeren arbejde?", "purpose": "rehabiliteringsteam",
                               "consent": "2026-11-02", "sent": "2026-11-02" }],
    }))
    .unwrap();
    App::with(|store, _| store.import(&data).unwrap())
}

/// Opens help, checks its sections are the live layers, closes it, and returns the sections.
fn help_here(app: &mut App, own: Layer) -> Sections {
    let live = keys::layers(&app.model);
    assert_eq!(live.first(), Some(&own), "the layer of what is open");
    app.keys("?");
    let Some(Popup::Help(help)) = &app.model.popup else {
        panic!("? opens help over {own}");
    };
    let sections = help.sections.clone();
    let layers: Vec<Layer> = sections.iter().map(|(layer, _)| *layer).collect();
    assert_eq!(
        layers,
        [own, Layer::Global],
        "help over {own} lists its own keys first"
    );
    app.keys("esc");
    assert_eq!(
        keys::layers(&app.model),
        live,
        "closing help shows {own} again"
    );
    sections
}

/// Every key help lists, pressed where help was opened, runs the action help names.
fn every_key_does_what_help_says(app: &mut App, sections: &Sections) {
    let mut checked = 0;
    for (layer, rows) in sections {
        for row in rows {
            for keys in &row.alternatives {
                let presses = parse_sequence(keys).unwrap();
                let (last, first) = presses.split_last().unwrap();
                for key in first {
                    let got = keys::resolve(&mut app.model, KeyEvent::new(key.code, key.modifiers));
                    assert!(got.is_none(), "{layer} {keys}: {got:?} before the last key");
                }
                let got = keys::resolve(&mut app.model, KeyEvent::new(last.code, last.modifiers));
                assert!(
                    matches!(got, Some(Action::Run(named)) if named == row.action),
                    "{layer} {keys}: help says {:?} ({}), the key gives {got:?}",
                    row.action,
                    row.desc
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 5, "only {checked} keys checked");
    assert!(app.model.pending.is_none());
}

fn listed(sections: &Sections, keys: &str) -> Option<Named> {
    sections
        .iter()
        .flat_map(|(_, rows)| rows)
        .find(|row| row.alternatives.iter().any(|k| k == keys))
        .map(|row| row.action)
}

fn check(app: &mut App, own: Layer) -> Sections {
    let sections = help_here(app, own);
    every_key_does_what_help_says(app, &sections);
    sections
}

#[test]
fn on_the_calendar() {
    let mut app = app();
    let sections = check(&mut app, Layer::Calendar);
    assert_eq!(listed(&sections, "f"), Some(Named::BookFollowUp));
    assert_eq!(listed(&sections, "q"), Some(Named::Quit));
}

#[test]
fn on_the_case_card_f_is_a_new_course_and_q_goes_back() {
    let mut app = app();
    app.keys("/");
    app.text("anne");
    app.keys("enter");
    assert!(matches!(app.model.screen, Screen::Card { .. }));
    let sections = check(&mut app, Layer::Card);
    assert_eq!(listed(&sections, "f"), Some(Named::NewCourse));
    assert_eq!(listed(&sections, "q"), Some(Named::CloseCard));
    // The calendar's keys are not live on the card.
    assert!(
        sections
            .iter()
            .all(|(_, rows)| rows.iter().all(|r| r.action != Named::BookFollowUp))
    );
}

#[test]
fn on_the_contact_card() {
    let mut app = app();
    app.keys("/");
    app.text("udsyn");
    app.keys("enter");
    assert!(matches!(app.model.screen, Screen::ContactCard { .. }));
    check(&mut app, Layer::ContactCard);
}

#[test]
fn on_the_list_screens() {
    for (keys, layer) in [
        ("g s", Layer::Suppliers),
        ("g r", Layer::Requests),
        ("g b", Layer::Board),
        ("g o", Layer::Today),
    ] {
        let mut app = app();
        app.keys(keys);
        check(&mut app, layer);
    }
}

#[test]
fn over_the_items_popup_and_back_to_it() {
    let mut app = app();
    app.keys("/");
    app.text("anne");
    app.keys("enter o");
    assert!(matches!(app.model.popup, Some(Popup::Items(_))));
    let sections = check(&mut app, Layer::Items);
    assert_eq!(listed(&sections, "r"), Some(Named::MarkReceived));
    assert!(matches!(app.model.popup, Some(Popup::Items(_))));
}

#[test]
fn over_a_question() {
    let mut app = app();
    app.keys("j d");
    assert!(matches!(app.model.popup, Some(Popup::Confirm(_))));
    let sections = check(&mut app, Layer::Confirm);
    assert_eq!(listed(&sections, "y"), Some(Named::ConfirmYes));
    assert!(matches!(app.model.popup, Some(Popup::Confirm(_))));
}

#[test]
fn over_the_month_overview_its_moving_keys_and_back_to_it() {
    let mut app = app();
    app.keys("g m");
    assert!(matches!(app.model.popup, Some(Popup::Month(_))));
    let sections = check(&mut app, Layer::Month);
    for (keys, action) in [
        ("h", Named::PrevDay),
        ("l", Named::NextDay),
        ("k", Named::PrevWeek),
        ("j", Named::NextWeek),
        ("{", Named::FourWeeksBack),
        ("}", Named::FourWeeksOn),
        ("enter", Named::OpenDay),
    ] {
        assert_eq!(listed(&sections, keys), Some(action), "{keys}");
    }
    assert!(matches!(app.model.popup, Some(Popup::Month(_))));
    let screen = app.screen(80, 24).join("\n");
    assert!(
        !screen.contains("In the month overview"),
        "help closed: {screen}"
    );
    app.keys("?");
    let screen = app.screen(80, 24).join("\n");
    assert!(screen.contains("In the month overview"), "{screen}");
    assert!(screen.contains("Four weeks back"), "{screen}");
    // And the keys move the cursor: a week on, a day on, four weeks back, Enter shows it.
    let start = app.model.day;
    app.keys("esc j l { enter");
    assert!(app.model.popup.is_none());
    assert_eq!(app.model.day, start + chrono::Duration::days(7 + 1 - 28));
}

#[test]
fn the_help_popup_says_where_it_was_opened() {
    let mut app = app();
    app.keys("g b ?");
    let screen = app.screen(80, 24).join("\n");
    assert!(screen.contains("On the caseload board"), "{screen}");
    assert!(screen.contains("Everywhere"), "{screen}");
    assert!(!screen.contains("The calendar"), "{screen}");
}
