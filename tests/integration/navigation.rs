//! Moving between the screens: `g` keys from anywhere, `q` from a card back to where it was
//! opened, `q` from a list screen home.

use crate::harness;
use crate::harness::App;
use caseplan::app::model::Screen;
use caseplan::app::navigation::{Home, ListScreen};
use caseplan::i18n::Lang;

fn on(app: &App) -> &'static str {
    match app.model.screen {
        Screen::Calendar => "calendar",
        Screen::Today(_) => "today",
        Screen::Card { .. } => "card",
        Screen::ContactCard { .. } => "contact card",
        Screen::Suppliers(_) => "suppliers",
        Screen::Requests { .. } => "requests",
        Screen::Board => "board",
        Screen::Citizen(_) => "citizen view",
    }
}

#[test]
fn a_card_opened_from_a_list_goes_back_to_it_and_the_list_goes_home() {
    let mut app = App::demo_today(Lang::En);
    assert_eq!(on(&app), "today");
    assert_eq!(app.model.home, Home::Today);

    app.keys("g b");
    assert_eq!(on(&app), "board");
    app.keys("j enter");
    assert_eq!(on(&app), "card");
    app.keys("q");
    assert_eq!(on(&app), "board", "the card goes back to the board");
    app.keys("q");
    assert_eq!(
        on(&app),
        "today",
        "the board goes home: Today, where the day began"
    );
    assert_eq!(app.model.list, None);

    app.keys("g r enter");
    assert_eq!(on(&app), "card");
    app.keys("q");
    assert_eq!(on(&app), "requests");

    app.keys("g s tab enter");
    assert_eq!(on(&app), "card");
    assert_eq!(app.model.list, Some(ListScreen::Suppliers));
    app.keys("q");
    assert_eq!(on(&app), "suppliers");

    app.keys("g c");
    assert_eq!(on(&app), "calendar");
    assert_eq!(app.model.home, Home::Calendar);
    app.keys("g b q");
    assert_eq!(on(&app), "calendar", "home is now the calendar");
}

#[test]
fn a_card_opened_from_today_goes_back_to_today() {
    let mut app = App::demo_today(Lang::En);
    app.keys("enter");
    assert_eq!(on(&app), "card");
    app.keys("q");
    assert_eq!(on(&app), "today");
    // On a home screen `q` quits.
    app.keys("q");
    assert!(app.model.quit);
}

#[test]
fn the_hint_says_what_q_does_on_each_screen() {
    let mut app = App::demo_today(Lang::En);
    let last = |app: &App| app.screen(80, 24).last().cloned().unwrap_or_default();
    assert!(last(&app).contains("q quit"), "{}", last(&app));
    app.keys("g b");
    assert!(last(&app).contains("q back"), "{}", last(&app));
    app.keys("enter");
    assert!(last(&app).contains("q back"), "{}", last(&app));
}

#[test]
fn screens_do_not_switch_under_an_open_popup() {
    let mut app = App::demo_today(Lang::En);
    app.keys("enter o");
    assert!(app.model.popup.is_some(), "the items popup is open");
    app.keys("g b");
    assert_eq!(on(&app), "card", "the popup keeps the screen");
    app.keys("esc g b");
    assert_eq!(on(&app), "board");
}

#[test]
fn today_follows_the_clock_past_midnight() {
    use caseplan::app::core::action::Action;
    let mut app = App::demo_today(Lang::En);
    let Screen::Today(screen) = &app.model.screen else {
        panic!("starts on Today");
    };
    let before = screen.list.today.len() + screen.list.overdue.len();
    let tomorrow = harness::at("2026-11-25 00:01");
    let effects = caseplan::app::dispatch::update(&mut app.model, Action::Tick(tomorrow));
    app.apply(effects);
    assert_eq!(
        app.model.day,
        tomorrow.date(),
        "the meetings column shows the new day"
    );
    let Screen::Today(screen) = &app.model.screen else {
        panic!("still on Today");
    };
    let list = &screen.list;
    assert!(
        list.overdue
            .iter()
            .chain(&list.today)
            .all(|item| item.due <= tomorrow.date()),
        "the list is the new day's"
    );
    assert_ne!(
        before,
        list.today.len() + list.overdue.len(),
        "yesterday's coming items moved into today or overdue"
    );
}
