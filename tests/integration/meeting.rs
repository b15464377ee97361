//! The meeting form as a caseworker starting on an empty database uses it (#13): repeats and
//! "this one, this and later, or all", every status (afbrudt, flyttet), a first meeting's
//! length, travel to a place away from the office, and the no-show questions. Every record is
//! typed through the keys; the clock is frozen at Tuesday 24 November 2026 09:00.

use crate::harness::{App, at, lang_code, snap};
use caseplan::app::forms::CHANNELS;
use caseplan::app::forms::meeting::Field;
use caseplan::app::lookup::contact_log::ContactLogField;
use caseplan::app::model::Screen;
use caseplan::app::popup::Popup;
use caseplan::domain::agenda::occurrences;
use caseplan::i18n::Lang;
use caseplan::model::{
    Channel, ContactEvent, Meeting, MeetingId, MeetingStatus, MovedFrom, RepeatEvery, purpose,
};
use caseplan::time::format_duration;
use chrono::{NaiveDate, NaiveDateTime};

fn day(s: &str) -> NaiveDate {
    at(&format!("{s} 00:00")).date()
}

/// Tabs to `field` of the open meeting form.
fn focus(app: &mut App, field: Field) {
    for _ in 0..30 {
        if app.model.form().and_then(|f| f.form.focused()) == Some(field) {
            return;
        }
        app.keys("tab");
    }
    panic!("no {field:?} in the form");
}

/// Replaces what `field` holds with `text`.
fn type_into(app: &mut App, field: Field, text: &str) {
    focus(app, field);
    app.keys("ctrl-u");
    app.text(text);
}

fn all_meetings(app: &App) -> Vec<Meeting> {
    let mut all = app.store.all::<Meeting>().unwrap();
    all.sort_by_key(|m| m.id);
    all
}

/// The stored meetings as they read, apart from how often they changed (an undo counts).
fn as_typed(app: &App) -> Vec<Meeting> {
    all_meetings(app)
        .into_iter()
        .map(|m| Meeting { revision: 0, ..m })
        .collect()
}

/// The starts of the stored meetings' occurrences in `from..=to`.
fn starts(app: &App, from: &str, to: &str) -> Vec<NaiveDateTime> {
    let all = all_meetings(app);
    occurrences(&all, day(from), day(to))
        .iter()
        .map(|o| o.start)
        .collect()
}

/// A new case typed in the case form; back on the calendar afterwards.
fn new_case(app: &mut App, name: &str) {
    app.keys("N");
    app.text(name);
    app.keys("enter");
    assert!(matches!(app.model.screen, Screen::Card { .. }));
    app.keys("q");
}

/// The telefonvagt typed in: Mondays 09:00 for two hours from 30 November, every other week,
/// three times.
fn type_block(app: &mut App) -> Meeting {
    app.keys("n");
    focus(app, Field::Purpose);
    for _ in 0..12 {
        if app.model.form().unwrap().purpose_key() == purpose::TELEFONVAGT {
            break;
        }
        app.keys("right");
    }
    type_into(app, Field::Title, "Telefonvagt");
    type_into(app, Field::Start, "30/11 09:00");
    type_into(app, Field::Duration, "2h");
    focus(app, Field::Repeat);
    app.keys("right right right");
    type_into(app, Field::Interval, "2");
    type_into(app, Field::Times, "3");
    app.keys("enter");
    assert!(app.model.popup.is_none(), "saved");
    let all = all_meetings(app);
    assert_eq!(all.len(), 1);
    all[0].clone()
}

/// A meeting for `case` today at `time`, typed in the form.
fn type_meeting(app: &mut App, case: &str, when: &str) -> Meeting {
    app.keys("n");
    app.text(case);
    type_into(app, Field::Start, when);
    app.keys("enter");
    assert!(app.model.popup.is_none(), "saved");
    app.selected()
}

#[test]
fn a_block_every_other_week_three_times_is_typed_in_the_form() {
    let mut app = App::with(|_, _| {});
    let block = type_block(&mut app);
    let repeat = block.repeat.clone().unwrap();
    assert_eq!(
        (repeat.every, repeat.interval, repeat.count, repeat.until),
        (RepeatEvery::Weekly, 2, Some(3), None)
    );
    assert_eq!(block.minutes, 120);
    assert!(block.case.is_none());
    assert_eq!(
        starts(&app, "2026-11-23", "2027-02-28"),
        vec![
            at("2026-11-30 09:00"),
            at("2026-12-14 09:00"),
            at("2026-12-28 09:00"),
        ]
    );
}

#[test]
fn an_end_date_and_a_number_of_times_together_are_refused_under_the_field() {
    let mut app = App::with(|_, _| {});
    app.keys("n");
    focus(&mut app, Field::Repeat);
    app.keys("right");
    type_into(&mut app, Field::Until, "31/12");
    type_into(&mut app, Field::Times, "5");
    app.keys("enter");
    let form = app.model.form().expect("the form stays open");
    assert!(form.form.has_error(Field::Times), "{:?}", form.form.errors);
    type_into(&mut app, Field::Times, "x");
    app.keys("enter");
    assert!(app.model.form().unwrap().form.has_error(Field::Times));
}

#[test]
fn moving_one_week_of_a_repeating_block_asks_this_one_this_and_later_or_all() {
    let mut app = App::with(|_, _| {});
    let block = type_block(&mut app);
    app.keys("g d");
    app.text("14/12");
    app.keys("enter j");
    assert_eq!(app.selected().id, block.id);
    // This one: that Monday a quarter of an hour later, the others as they were.
    app.keys("J");
    assert!(matches!(app.model.popup, Some(Popup::Series(_))));
    app.keys("1");
    assert_eq!(
        starts(&app, "2026-11-23", "2027-02-28"),
        vec![
            at("2026-11-30 09:00"),
            at("2026-12-14 09:15"),
            at("2026-12-28 09:00"),
        ]
    );
    let split = all_meetings(&app);
    assert_eq!(split.len(), 2);
    assert!(split[1].repeat.is_none());
    app.keys("u");
    assert_eq!(as_typed(&app), vec![block.clone()], "one undo step");
    // This and later: the series ends the day before and a new one starts there.
    app.keys("J 2");
    assert_eq!(
        starts(&app, "2026-11-23", "2027-02-28"),
        vec![
            at("2026-11-30 09:00"),
            at("2026-12-14 09:15"),
            at("2026-12-28 09:15"),
        ]
    );
    let later = all_meetings(&app);
    assert_eq!(later[0].last_day(), Some(day("2026-12-13")));
    assert_eq!(later[1].repeat.as_ref().unwrap().count, Some(2));
    app.keys("u");
    // All: the whole series moves.
    app.keys("J 3");
    assert_eq!(all_meetings(&app).len(), 1);
    assert_eq!(
        starts(&app, "2026-11-23", "2027-02-28"),
        vec![
            at("2026-11-30 09:15"),
            at("2026-12-14 09:15"),
            at("2026-12-28 09:15"),
        ]
    );
    app.keys("u");
    // Esc changes nothing; deleting this one skips it.
    app.keys("d esc");
    assert_eq!(as_typed(&app), vec![block.clone()]);
    app.keys("d 1");
    assert_eq!(
        starts(&app, "2026-11-23", "2027-02-28"),
        vec![at("2026-11-30 09:00"), at("2026-12-28 09:00")]
    );
    app.keys("u d 3");
    assert!(all_meetings(&app).is_empty(), "all deleted");
}

#[test]
fn editing_a_repeating_block_opens_at_the_occurrence_and_all_changes_the_series() {
    let mut app = App::with(|_, _| {});
    let block = type_block(&mut app);
    app.keys("g d");
    app.text("14/12");
    app.keys("enter j e");
    let form = app.model.form().unwrap();
    assert_eq!(
        form.start_time(day("2026-11-24")),
        Some(at("2026-12-14 09:00")),
        "the occurrence chosen"
    );
    type_into(&mut app, Field::Duration, "90");
    type_into(&mut app, Field::Start, "14/12 10:00");
    app.keys("enter");
    assert!(matches!(app.model.popup, Some(Popup::Series(_))));
    app.keys("3");
    let stored = app.stored(block.id).unwrap();
    assert_eq!(stored.minutes, 90);
    assert_eq!(
        stored.start,
        at("2026-11-30 10:00"),
        "moved as the occurrence was"
    );
    assert_eq!(stored.repeat, block.repeat);
}

#[test]
fn afbrudt_and_flyttet_are_set_in_the_form_and_flyttet_books_where_it_went() {
    let mut app = App::with(|_, _| {});
    new_case(&mut app, "Mette Lund");
    let m = type_meeting(&mut app, "mette", "24/11 11:00");
    app.keys("e");
    focus(&mut app, Field::Status);
    app.keys("right right right right right");
    app.keys("enter");
    assert_eq!(app.stored(m.id).unwrap().status, MeetingStatus::CutOff);
    let screen = app.screen(120, 40).join("\n");
    assert!(screen.contains("call back"), "{screen}");
    // Flyttet: the place to say where shows, and saving books it there.
    app.keys("e");
    focus(&mut app, Field::Status);
    app.keys("right");
    type_into(&mut app, Field::MovedTo, "26/11 13:00");
    app.keys("enter");
    let old = app.stored(m.id).unwrap();
    assert_eq!(old.status, MeetingStatus::Moved);
    let new_id = old.moved_to.expect("a link to where it went");
    let new = app.stored(new_id).unwrap();
    assert_eq!(new.start, at("2026-11-26 13:00"));
    assert_eq!(new.status, MeetingStatus::Planned);
    assert_eq!(
        new.moved_from,
        Some(MovedFrom {
            meeting: m.id,
            start: m.start
        })
    );
    assert_eq!(app.selected().id, new_id);
    let screen = app.screen(120, 40).join("\n");
    assert!(
        screen.contains("Moved from: Tuesday 24.11.2026 11:00"),
        "{screen}"
    );
    app.keys("u");
    assert!(app.stored(new_id).is_none(), "one undo step");
    assert_eq!(app.stored(m.id).unwrap().status, MeetingStatus::CutOff);
}

#[test]
fn a_new_meeting_cannot_be_flyttet() {
    let mut app = App::with(|_, _| {});
    new_case(&mut app, "Mette Lund");
    app.keys("n");
    app.text("mette");
    focus(&mut app, Field::Status);
    app.keys("left");
    type_into(&mut app, Field::MovedTo, "26/11 13:00");
    app.keys("enter");
    let form = app.model.form().expect("the form stays open");
    assert!(form.form.has_error(Field::Status));
    assert!(app.store.all::<Meeting>().unwrap().is_empty());
}

#[test]
fn a_first_meeting_is_booked_at_the_first_meeting_length() {
    let mut app = App::with(|_, _| {});
    new_case(&mut app, "Mette Lund");
    new_case(&mut app, "Bo Holm");
    // From the card: no meeting yet, so 90 minutes.
    app.keys("/");
    app.text("mette");
    app.keys("enter b");
    let form = app.model.form().expect("b opens the form");
    assert_eq!(form.form.text(Field::Duration), format_duration(90));
    app.keys("enter");
    assert_eq!(app.selected().minutes, 90);
    app.keys("q");
    // Mette has met now: the next one is the usual length.
    app.keys("n");
    app.text("mette");
    assert_eq!(
        app.model.form().unwrap().form.text(Field::Duration),
        format_duration(45)
    );
    app.keys("esc");
    // Bo has not: picked in the form, and in the quick-add line.
    app.keys("n");
    app.text("bo holm");
    assert_eq!(
        app.model.form().unwrap().form.text(Field::Duration),
        format_duration(90)
    );
    // A length asked for is kept.
    app.keys("esc F ctrl-u");
    app.text("30");
    app.keys("enter");
    app.text("bo holm");
    assert_eq!(
        app.model.form().unwrap().form.text(Field::Duration),
        format_duration(30)
    );
    app.keys("esc a");
    app.text("tor 10:00 Bo");
    app.keys("enter");
    assert_eq!(app.selected().minutes, 90);
}

#[test]
fn a_home_visit_gets_travel_drawn_beside_it_and_the_free_slot_leaves_room_for_it() {
    let mut app = App::with(|_, _| {});
    new_case(&mut app, "Mette Lund");
    app.keys("n");
    app.text("mette");
    type_into(&mut app, Field::Start, "24/11 10:00");
    type_into(&mut app, Field::Duration, "45");
    focus(&mut app, Field::Place);
    app.keys("right");
    assert_eq!(app.model.form().unwrap().form.text(Field::Travel), "20");
    app.keys("enter");
    let visit = app.selected();
    assert_eq!(visit.travel_minutes, 20);
    let screen = app.screen(120, 40).join("\n");
    assert!(screen.contains("travel 20m"), "{screen}");
    assert!(screen.contains("Travel: 20m each way"), "{screen}");
    // 60 minutes with 10 before and after: not until the way back (11:15) and wrap-up.
    app.keys("F");
    app.keys("ctrl-u");
    app.text("60");
    app.keys("enter");
    let form = app.model.form().expect("a form at the free time");
    assert_eq!(
        form.start_time(day("2026-11-24")),
        Some(at("2026-11-24 11:30"))
    );
    app.keys("esc");
    // Back at the office by phone: no travel.
    app.keys("p");
    assert_eq!(app.stored(visit.id).unwrap().travel_minutes, 0);
}

#[test]
fn udeblevet_before_the_start_asks_first_and_the_attempt_opens_the_log_filled_in() {
    let mut app = App::with(|_, _| {});
    new_case(&mut app, "Mette Lund");
    let m = type_meeting(&mut app, "mette", "24/11 11:00");
    app.keys("s x");
    assert!(
        matches!(app.model.popup, Some(Popup::Confirm(_))),
        "asks first"
    );
    app.keys("n");
    assert!(app.model.popup.is_none());
    assert_eq!(app.stored(m.id).unwrap().status, MeetingStatus::Planned);
    app.keys("s x y");
    assert!(matches!(app.model.popup, Some(Popup::Prompt(_))));
    app.text("kom ikke");
    app.keys("enter");
    assert_eq!(app.stored(m.id).unwrap().status, MeetingStatus::NoShow);
    let Some(Popup::ContactLog(log)) = &app.model.popup else {
        panic!("the contact log opens")
    };
    let phone = CHANNELS.iter().position(|c| *c == Channel::Phone).unwrap();
    assert_eq!(log.form.index(ContactLogField::Channel), phone);
    assert_eq!(log.form.index(ContactLogField::Direction), 1, "out");
    assert!(!log.form.toggle(ContactLogField::Reached));
    assert_eq!(
        log.form.text(ContactLogField::Note),
        "Tried to reach the citizen after a no-show"
    );
    // Nothing is stored until the call is made and the log saved.
    app.keys("esc");
    assert!(app.store.all::<ContactEvent>().unwrap().is_empty());
}

#[test]
fn udeblevet_in_the_form_before_the_start_is_a_warning_at_the_status() {
    let mut app = App::with(|_, _| {});
    new_case(&mut app, "Mette Lund");
    type_meeting(&mut app, "mette", "24/11 11:00");
    app.keys("e");
    focus(&mut app, Field::Status);
    app.keys("right right");
    let form = app.model.form().unwrap();
    assert_eq!(form.status(), MeetingStatus::NoShow);
    assert_eq!(
        form.form.warnings_of(Field::Status).collect::<Vec<_>>(),
        vec!["The meeting has not started yet"]
    );
}

/// The form of a standing meeting: every other week, three times, cut off, focus on the times.
fn repeat_and_status_form(lang: Lang) -> App {
    let mut app = App::with_lang(lang, |_, _| {});
    new_case(&mut app, "Mette Lund");
    type_meeting(&mut app, "mette", "24/11 11:00");
    app.keys("e");
    focus(&mut app, Field::Status);
    app.keys("left left");
    focus(&mut app, Field::Repeat);
    app.keys("left");
    type_into(&mut app, Field::Interval, "2");
    type_into(&mut app, Field::Times, "3");
    app
}

#[test]
fn meeting_form_with_repeat_and_status_in_both_languages_and_sizes() {
    for lang in [Lang::Da, Lang::En] {
        let app = repeat_and_status_form(lang);
        for (w, h) in [(80, 24), (120, 40)] {
            snap(
                &format!("form_repeat_status_{}_{w}x{h}", lang_code(lang)),
                &app.draw(w, h),
            );
        }
    }
}

#[test]
fn an_unused_id_is_never_taken_by_a_split() {
    let mut app = App::with(|_, _| {});
    let block = type_block(&mut app);
    app.keys("g d");
    app.text("14/12");
    app.keys("enter j J 1");
    let ids: Vec<MeetingId> = all_meetings(&app).iter().map(|m| m.id).collect();
    assert_eq!(ids.len(), 2);
    assert_ne!(ids[0], ids[1]);
    assert_eq!(ids[0], block.id);
}
