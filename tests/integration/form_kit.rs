//! The form kit's rules, typed as keys through the real keymap: a pre-filled field is
//! selected (typing replaces it, an arrow or End keeps it), ctrl-u clears a field, ctrl-w
//! deletes a word, Tab/shift-Tab and ↓/↑ move between fields, and the hints say so.

use crate::harness::App;
use caseplan::model::purpose;
use chrono::Duration;

/// The row of the screen that holds `label`.
fn row_with(app: &App, label: &str) -> String {
    app.screen(120, 40)
        .into_iter()
        .find(|r| r.contains(label))
        .unwrap_or_else(|| panic!("no row with {label}"))
}

#[test]
fn f_offers_four_weeks_and_typing_3_books_three_weeks_out_not_43() {
    let mut app = App::demo();
    let m = app.select_a_case_meeting();
    app.keys("f");
    app.text("3");
    app.keys("enter");
    let booked = app.selected();
    assert_ne!(booked.id, m.id, "{}", app.status());
    assert_eq!(booked.purpose, purpose::OPFOELGNING);
    // The same time or the nearest free time, on the day three weeks on.
    assert_eq!(
        booked.start.date(),
        m.start.date() + Duration::weeks(3),
        "three weeks out: {}",
        booked.start
    );
}

#[test]
fn end_keeps_the_suggested_weeks_and_ctrl_u_clears_them() {
    let mut app = App::demo();
    let m = app.select_a_case_meeting();
    app.keys("f end");
    app.text("0");
    app.keys("enter");
    assert_eq!(
        app.selected().start.date(),
        m.start.date() + Duration::weeks(40),
        "4 kept, 0 added: 40 weeks"
    );
    let mut app = App::demo();
    let m = app.select_a_case_meeting();
    app.keys("f end ctrl-u");
    app.text("2");
    app.keys("enter");
    assert_eq!(
        app.selected().start.date(),
        m.start.date() + Duration::weeks(2),
        "{}",
        app.status()
    );
}

#[test]
fn free_time_offers_45_minutes_and_typing_30_looks_for_30() {
    let mut app = App::demo();
    app.keys("F");
    app.text("30");
    app.keys("enter");
    let duration = row_with(&app, "Duration");
    assert!(duration.contains("30m"), "{duration}");
    assert!(!duration.contains("4530"), "{duration}");
    let mut app = App::demo();
    app.keys("F right");
    app.text("m");
    app.keys("enter");
    assert!(row_with(&app, "Duration").contains("45m"), "→ kept 45");
}

#[test]
fn ctrl_w_deletes_the_last_word_of_a_prompt() {
    let mut app = App::demo();
    app.keys("g d");
    app.text("fre blabla");
    app.keys("ctrl-w enter");
    assert!(app.model.popup.is_none(), "{:?}", app.status());
    assert_eq!(app.model.day.format("%d.%m").to_string(), "27.11");
}

#[test]
fn in_the_case_form_tab_and_arrows_move_and_a_filled_field_is_replaced_when_typed_over() {
    use caseplan::app::popup::Popup;
    use caseplan::i18n::Msg;
    let mut app = App::with(|_, _| {});
    app.keys("N");
    app.text("Anne Jensen");
    app.keys("down");
    app.text("AJ");
    app.keys("up");
    let focused = |app: &App| match &app.model.popup {
        Some(Popup::Record(f)) => f.form.focused(),
        _ => None,
    };
    assert_eq!(focused(&app), Some(Msg::FieldName));
    // Back on the name: it is selected, so typing replaces it.
    app.text("Anne Holm");
    app.keys("tab tab shift-tab");
    assert_eq!(focused(&app), Some(Msg::FieldAlias));
    app.keys("end ctrl-w");
    app.text("AH");
    app.keys("enter");
    let cases = app.store.all::<caseplan::model::Case>().unwrap();
    assert_eq!(cases.len(), 1, "{}", app.status());
    assert_eq!(
        (cases[0].name.as_str(), cases[0].alias.as_str()),
        ("Anne Holm", "AH")
    );
}

#[test]
fn the_form_hints_say_tab_and_arrows_move_between_fields() {
    let mut app = App::with(|_, _| {});
    app.keys("N");
    let hint = app.screen(80, 24).join("\n");
    assert!(hint.contains("Tab/↑↓ field"), "{hint}");
}

#[test]
fn in_the_meeting_form_the_suggested_length_is_replaced_and_arrows_move_between_fields() {
    use caseplan::app::forms::meeting::Field;
    let mut app = App::demo();
    app.keys("n");
    app.text("kare jen");
    // Case → purpose → start → length: ↓ moves like Tab, ↑ goes back.
    app.keys("down down down up down");
    assert_eq!(
        app.model.form().and_then(|f| f.form.focused()),
        Some(Field::Duration)
    );
    app.text("30");
    // The preparation shows 10: ctrl-u clears it, so there is none.
    app.keys("tab tab tab tab tab ctrl-u");
    assert_eq!(
        app.model.form().and_then(|f| f.form.focused()),
        Some(Field::Prep)
    );
    app.keys("enter");
    let booked = app.selected();
    assert_eq!(booked.minutes, 30, "not 45m30: {}", app.status());
    assert_eq!(booked.prep_minutes, 0);
}

/// The focused field of the open kit form, by its key's name ("Channel", "Sent"), and the
/// form's hint line.
fn focus(app: &App) -> String {
    use caseplan::app::popup::Popup;
    match &app.model.popup {
        Some(Popup::RequestForm(f)) => format!("{:?}", f.form.focused()),
        Some(Popup::CourseForm(f)) => format!("{:?}", f.form.focused()),
        Some(Popup::CourseDialog(d)) => format!("{:?}", d.form.focused()),
        Some(Popup::ContactLog(l)) => format!("{:?}", l.form.focused()),
        Some(Popup::ChaseLog(l)) => format!("{:?}", l.form.focused()),
        Some(Popup::Record(f)) => format!("{:?}", f.form.focused()),
        Some(Popup::Form(e)) => format!("{:?}", e.form.focused()),
        _ => "no form".to_string(),
    }
}

/// In `form` (opened by `keys` on Anne Jensen's case card, or on the calendar): ↓ and Tab go
/// to the same next field, ↑ and shift-Tab back, a round of Tab comes back to the first
/// without stopping on a shown value, and the hint says Tab/↑↓ move.
fn moves_between_fields(form: &str, on_card: bool, keys: &str, shown: &[&str]) {
    let mut app = crate::help::app();
    if on_card {
        app.keys("/");
        app.text("anne");
        app.keys("enter");
    }
    app.keys(keys);
    let first = focus(&app);
    assert_ne!(
        first,
        "no form",
        "{form}: {keys} opens it ({})",
        app.status()
    );
    app.keys("down");
    let second = focus(&app);
    assert_ne!(second, first, "{form}: ↓ moves on");
    app.keys("up");
    assert_eq!(focus(&app), first, "{form}: ↑ moves back");
    app.keys("tab");
    assert_eq!(focus(&app), second, "{form}: Tab moves like ↓");
    app.keys("shift-tab");
    assert_eq!(focus(&app), first, "{form}: shift-Tab like ↑");
    let mut seen = vec![];
    for _ in 0..30 {
        app.keys("tab");
        seen.push(focus(&app));
        if focus(&app) == first {
            break;
        }
    }
    assert_eq!(
        seen.last(),
        Some(&first),
        "{form}: Tab goes round: {seen:?}"
    );
    for value in shown {
        assert!(
            !seen.iter().any(|f| f.contains(value)),
            "{form}: Tab stops on the shown {value}: {seen:?}"
        );
    }
    let screen = app.screen(120, 40).join("\n");
    assert!(screen.contains("Tab/↑↓"), "{form}: the hint\n{screen}");
}

#[test]
fn tab_and_arrows_move_between_fields_in_every_form() {
    moves_between_fields("meeting", false, "n", &[]);
    moves_between_fields("case", false, "N", &[]);
    moves_between_fields("contact", false, "C", &[]);
    moves_between_fields("contact log", true, "c", &["Time"]);
    moves_between_fields("course", true, "f", &[]);
    moves_between_fields("request", true, "l", &[]);
    moves_between_fields("chase log", true, "o j c", &["Time", "Stands"]);
}

#[test]
fn the_extended_end_is_replaced_when_typed_over() {
    use caseplan::model::{Course, CourseId};
    let mut app = crate::help::app();
    app.keys("/");
    app.text("anne");
    app.keys("enter o x");
    // The end three months on is offered, selected: the date typed replaces it.
    assert_eq!(focus(&app), "Some(End)", "{}", app.status());
    app.text("01.08.2027");
    app.keys("enter");
    let course: Course = app.store.get(CourseId(11)).unwrap().unwrap();
    assert_eq!(
        course.end,
        chrono::NaiveDate::from_ymd_opt(2027, 8, 1).unwrap(),
        "{}",
        app.status()
    );
}

#[test]
fn in_the_request_form_a_filled_date_is_replaced_and_ctrl_u_clears_it() {
    use caseplan::model::MedicalRequest;
    let mut app = crate::help::app();
    app.keys("/");
    app.text("anne");
    app.keys("enter l");
    assert_eq!(focus(&app), "Some(Kind)");
    app.keys("tab");
    app.text("nørre");
    app.keys("tab");
    app.text("Kan hun arbejde?");
    app.keys("tab");
    app.text("rehabiliteringsteam");
    // Consent and sent show today's date, selected: typing replaces it; ctrl-u empties the
    // sent date, so the request is saved as not sent yet.
    app.keys("tab");
    assert_eq!(focus(&app), "Some(Consent)");
    app.text("20/11");
    app.keys("tab ctrl-u enter");
    assert!(app.model.popup.is_none(), "saved: {}", app.status());
    let all = app.store.all::<MedicalRequest>().unwrap();
    let new = all.iter().find(|r| r.id.0 != 12).expect("the new request");
    assert_eq!(new.consent, chrono::NaiveDate::from_ymd_opt(2026, 11, 20));
    assert_eq!(new.sent, None, "ctrl-u cleared the sent date");
}
