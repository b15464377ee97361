//! What the calendar reads for a key (#21): a move or resize reads the moved meeting again,
//! not the whole days, and leaves the window as a fresh read of those days would be; names
//! come from the book the planner keeps, which follows the planner's own writes.

use crate::caseform::{case, meeting};
use crate::harness::App;
use caseplan::app::core::effect::Effect;
use caseplan::app::core::history::Step;
use caseplan::model::{CaseId, Dataset, MeetingId};
use caseplan::query::names::NameBook;
use caseplan::query::window::{Window, window};
use caseplan::store::{AnyRecord, Change, Store};
use chrono::NaiveDate;

/// Three meetings on Tuesday 24 November (two overlap), one on Wednesday.
fn crowded_tuesday(store: &Store, _: NaiveDate) {
    let mut long = meeting(12, 2, "2026-11-24 10:30");
    long.prep_minutes = 15;
    store
        .import(&Dataset {
            cases: vec![
                case(1, "Anna Holm"),
                case(2, "Bo Dahl"),
                case(3, "Cai Berg"),
            ],
            meetings: vec![
                meeting(11, 1, "2026-11-24 10:00"),
                long,
                meeting(13, 3, "2026-11-24 13:00"),
                meeting(14, 1, "2026-11-25 09:00"),
            ],
            ..Dataset::default()
        })
        .unwrap();
}

/// The window of the same days read afresh from the store and settled.
fn fresh(app: &App) -> Window {
    let (from, to) = (app.model.window.from, app.model.window.to);
    let mut w = window(&app.store, &mut NameBook::default(), from, to).unwrap();
    w.settle(&app.model.settings.hours);
    w
}

#[test]
fn a_move_or_resize_reads_the_meeting_again_and_leaves_the_window_as_a_fresh_read() {
    let mut app = App::with(crowded_tuesday);
    let chosen = app.selected();
    assert_eq!(chosen.id, MeetingId(11));
    // What a write of the moved meeting asks the store for: that meeting, not the day.
    let mut moved = chosen.clone();
    moved.start += chrono::Duration::minutes(15);
    let changes = [Change::Put(AnyRecord::Meeting(moved))];
    assert_eq!(
        caseplan::app::calendar::after_write(&app.model, &changes),
        [Effect::RereadMeetings {
            from: app.model.window.from,
            to: app.model.window.to,
            ids: vec![MeetingId(11)],
        }]
    );
    for key in ["J", "J", "+", "K", "-", "+"] {
        app.keys(key);
        assert!(app.status().starts_with("Saved"), "{key}: {}", app.status());
        assert_eq!(app.model.window, fresh(&app), "after {key}");
    }
    // The stored revision, counted on by the store, is the window's too.
    let stored = app.stored(MeetingId(11)).unwrap();
    assert_eq!(app.model.window.meeting(MeetingId(11)), Some(&stored));
    assert!(stored.revision > 0);
    assert_eq!(app.selected().start, crate::harness::at("2026-11-24 10:15"));
    // 10:15–11:15 overlaps the 10:30 meeting: both blocks warn, and the detail lists it.
    let warned = app.model.window.warnings_of(MeetingId(11), stored.start);
    assert!(
        warned.iter().any(|w| matches!(
            w,
            caseplan::domain::conflicts::Warning::Overlap {
                with: MeetingId(12),
                ..
            }
        )),
        "{warned:?}"
    );
    // Undo and redo read it again the same way; a move to tomorrow loads tomorrow.
    for key in ["u", "ctrl-r", "u", ">"] {
        app.keys(key);
        assert_eq!(app.model.window, fresh(&app), "after {key}");
    }
    assert_eq!(app.model.day, crate::harness::at("2026-11-25 00:00").date());
    assert_eq!(app.model.window.day(app.model.day).len(), 2);
}

#[test]
fn a_deleted_meeting_leaves_the_window_and_its_citizens_name_with_it() {
    let mut app = App::with(crowded_tuesday);
    app.keys("j j");
    assert_eq!(app.selected().id, MeetingId(13));
    app.keys("d y");
    assert!(app.status().starts_with("Saved"), "{}", app.status());
    assert_eq!(app.model.window.meeting(MeetingId(13)), None);
    assert!(!app.model.window.case_names.contains_key(&CaseId(3)));
    assert_eq!(app.model.window, fresh(&app));
}

#[test]
fn a_rename_made_in_the_planner_shows_on_the_calendar_and_the_next_meeting_line() {
    let mut app = App::with(crowded_tuesday);
    assert_eq!(app.model.window.case_name(CaseId(1)), "Anna Holm");
    assert_eq!(app.model.upcoming[0].who, "Anna Holm");
    let before = case(1, "Anna Holm");
    let after = case(1, "Anna Holm-Skov");
    app.apply(vec![Effect::Write(Step {
        label: "renamed".into(),
        forward: vec![Change::Put(AnyRecord::Case(after))],
        backward: vec![Change::Put(AnyRecord::Case(before))],
    })]);
    assert_eq!(app.model.window.case_name(CaseId(1)), "Anna Holm-Skov");
    assert_eq!(app.model.upcoming[0].who, "Anna Holm-Skov");
    // Wednesday is read through the planner's book: the new name, not the one read first.
    app.keys("l");
    assert_eq!(app.model.window.case_name(CaseId(1)), "Anna Holm-Skov");
    assert!(
        app.screen(120, 40).join("\n").contains("Anna Holm-Skov"),
        "the day view names her"
    );
    app.keys("h u");
    assert_eq!(app.model.window.case_name(CaseId(1)), "Anna Holm");
    assert_eq!(app.model.window, fresh(&app));
}

#[test]
fn a_day_step_within_the_week_on_screen_reads_nothing() {
    let mut app = App::with(crowded_tuesday);
    app.keys("w");
    let week = (app.model.window.from, app.model.window.to);
    let effects = caseplan::app::keys::press(
        &mut app.model,
        ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Char('l')),
    );
    assert!(
        !effects
            .iter()
            .any(|e| matches!(e, Effect::LoadWindow { .. })),
        "{effects:?}"
    );
    app.apply(effects);
    assert_eq!(app.model.day, crate::harness::at("2026-11-25 00:00").date());
    assert_eq!((app.model.window.from, app.model.window.to), week);
    assert_eq!(
        app.selected().id,
        MeetingId(14),
        "Wednesday's meeting is selected"
    );
}

#[test]
fn the_names_book_keeps_what_the_planner_wrote_and_forgets_what_it_deleted() {
    let app = App::with(crowded_tuesday);
    let mut book = NameBook::default();
    assert_eq!(
        book.case(&app.store, CaseId(2))
            .unwrap()
            .map(|c| c.name.clone()),
        Some("Bo Dahl".into())
    );
    book.note(&[Change::Put(AnyRecord::Case(case(2, "Bo Dahl Jensen")))]);
    assert_eq!(
        book.case(&app.store, CaseId(2))
            .unwrap()
            .map(|c| c.name.clone()),
        Some("Bo Dahl Jensen".into()),
        "as written, without a read"
    );
    book.note(&[Change::Delete(caseplan::store::RecordRef::from(CaseId(2)))]);
    assert_eq!(
        book.case(&app.store, CaseId(2))
            .unwrap()
            .map(|c| c.name.clone()),
        Some("Bo Dahl".into()),
        "read again: the store still holds the first name"
    );
}

#[test]
fn a_move_on_another_day_leaves_the_next_meeting_line_unread_and_a_move_onto_today_reads_it() {
    let mut app = App::with(crowded_tuesday);
    let today: Vec<MeetingId> = app.model.upcoming.iter().map(|u| u.meeting_id).collect();
    assert_eq!(today, [MeetingId(11), MeetingId(12), MeetingId(13)]);
    app.keys("l");
    let wednesday = app.selected();
    assert_eq!(wednesday.id, MeetingId(14));
    let mut later = wednesday.clone();
    later.start += chrono::Duration::minutes(15);
    let later = [Change::Put(AnyRecord::Meeting(later))];
    assert_eq!(
        caseplan::app::next_meeting::after_write(&app.model, &later),
        None,
        "Wednesday's move does not touch Tuesday's line"
    );
    app.keys("J");
    assert!(app.status().starts_with("Saved"), "{}", app.status());
    assert_eq!(app.model.upcoming.len(), 3);
    // Onto today (from the card or a form): the line reads the day again and lists it.
    let mut onto_today = app.stored(MeetingId(14)).unwrap();
    onto_today.start = crate::harness::at("2026-11-24 15:00");
    let change = Change::Put(AnyRecord::Meeting(onto_today.clone()));
    assert_eq!(
        caseplan::app::next_meeting::after_write(&app.model, std::slice::from_ref(&change)),
        Some(Effect::LoadUpcoming {
            day: crate::harness::at(crate::harness::NOW).date()
        })
    );
    app.apply(vec![Effect::Write(Step {
        label: "moved to today".into(),
        backward: vec![Change::Put(AnyRecord::Meeting(wednesday))],
        forward: vec![change],
    })]);
    let ids: Vec<MeetingId> = app.model.upcoming.iter().map(|u| u.meeting_id).collect();
    assert_eq!(ids.last(), Some(&MeetingId(14)), "{ids:?}");
    // Undone, it leaves today's line again.
    app.keys("u");
    assert_eq!(app.model.upcoming.len(), 3);
    // A meeting of today's line changed from another day (held from its card) is read again.
    let mut held = app.stored(MeetingId(13)).unwrap();
    held.status = caseplan::model::MeetingStatus::Held;
    assert!(
        caseplan::app::next_meeting::after_write(
            &app.model,
            &[Change::Put(AnyRecord::Meeting(held))]
        )
        .is_some()
    );
}
