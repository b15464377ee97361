//! The Today screen shows the workload gauge (this week and the next), the same as the week
//! view's, whether Today is the start screen or opened with `g o`.

use crate::harness::App;
use caseplan::app::model::{Screen, View};
use caseplan::i18n::Lang;

fn gauge_row(app: &App) -> String {
    app.screen(80, 24)
        .into_iter()
        .find(|row| row.starts_with("─ "))
        .unwrap_or_default()
}

#[test]
fn today_as_the_start_screen_shows_the_gauge_in_the_rule() {
    let app = App::demo_today(Lang::Da);
    assert!(matches!(app.model.screen, Screen::Today(_)));
    let workload = app.model.workload.as_ref().expect("the gauge is loaded");
    assert!(workload.this_week.meetings > 0);
    let row = gauge_row(&app);
    assert!(
        row.starts_with(&format!("─ Uge 48: {} samt.", workload.this_week.meetings)),
        "{row:?}"
    );
    assert!(
        row.contains("│ uge 49:") && row.contains("ledigt"),
        "{row:?}"
    );
}

#[test]
fn today_opened_from_the_day_view_loads_the_gauge_too() {
    let mut app = App::demo();
    assert_eq!(app.model.view, View::Day);
    assert!(app.model.workload.is_none(), "the day view has no gauge");
    app.keys("g o");
    assert!(matches!(app.model.screen, Screen::Today(_)));
    assert!(app.model.workload.is_some());
    let row = gauge_row(&app);
    assert!(
        row.contains("Week 48:") && row.contains("│ week 49:"),
        "{row:?}"
    );
}

#[test]
fn moving_within_the_week_keeps_the_counts_and_a_write_renews_them() {
    use caseplan::app::core::effect::Effect;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut app = App::demo();
    app.keys("w");
    assert!(app.model.workload.is_some() && app.model.summons.is_some());
    let press = |app: &mut App, c: char| {
        caseplan::app::keys::press(
            &mut app.model,
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
        )
    };
    let counts = |effects: &[Effect]| {
        effects
            .iter()
            .filter(|e| matches!(e, Effect::LoadWorkload { .. } | Effect::LoadSummons { .. }))
            .count()
    };
    // Tuesday to Wednesday: the same week, nothing to work out again.
    let effects = press(&mut app, 'l');
    assert_eq!(counts(&effects), 0, "{effects:?}");
    app.apply(effects);
    // A meeting made longer: the gauge is worked out again and counts the quarter hour.
    let minutes = |app: &App| {
        app.model
            .workload
            .as_ref()
            .unwrap()
            .this_week
            .meeting_minutes
    };
    let before = minutes(&app);
    app.select_a_case_meeting();
    app.keys("+");
    assert!(app.status().starts_with("Saved"), "{}", app.status());
    assert_eq!(minutes(&app), before + 15);
    assert!(app.model.summons.is_some());
    let effects = press(&mut app, 'h');
    assert_eq!(
        counts(&effects),
        0,
        "loaded once after the write: {effects:?}"
    );
}
