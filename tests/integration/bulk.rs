//! When plans break (#17): `B` cancels or converts every meeting of a date range after one
//! preview, as one undo step; each affected citizen gets one "inform and rebook" item on Today
//! (`b` books after the range, `x` is done); `caseplan bulk` does the same from the command
//! line. Every test writes its own data. Run with `cargo test --test integration bulk::`.

use crate::common::{NOW, Tui, caseplan, command, stderr, stdout};
use crate::harness::{App, at, lang_code, snap};
use caseplan::app::model::Screen;
use caseplan::app::popup::Popup;
use caseplan::app::today::selected_item;
use caseplan::domain::bulk::Fate;
use caseplan::domain::due::DueWhat;
use caseplan::i18n::Lang;
use caseplan::model::*;
use caseplan::store::Store;
use chrono::{NaiveDate, Utc};
use std::path::Path;
use std::process::Stdio;

fn case(store: &Store, name: &str, phone: &str, channel: &str) -> CaseId {
    let id = CaseId(store.next_id().unwrap());
    store
        .put(&Case {
            id,
            name: name.into(),
            alias: String::new(),
            reference: String::new(),
            phones: vec![Phone {
                number: phone.into(),
                confirmed: true,
                source: String::new(),
            }],
            target_group: target_group::AKTIVITETSPARAT.into(),
            flags: CaseFlags::default(),
            reach_via: String::new(),
            preferences: Preferences {
                channel: channel.into(),
                ..Preferences::default()
            },
            where_now: String::new(),
            next_step: String::new(),
            plan_b: String::new(),
            last_told: String::new(),
            network: vec![],
            cadence_override: None,
            away: vec![],
            status: CaseStatus::Active,
            created: Utc::now(),
        })
        .unwrap();
    id
}

fn meeting(store: &Store, case: Option<CaseId>, start: &str, purpose: &str) -> MeetingId {
    let id = MeetingId(store.next_id().unwrap());
    store
        .put(&Meeting {
            id,
            case,
            start: at(start),
            minutes: 45,
            purpose: purpose.into(),
            form: MeetingForm::InPerson,
            place: Place::default(),
            participants: vec![],
            booked_by: BookedBy::Caseworker,
            prep_minutes: 0,
            follow_up_minutes: 0,
            status: MeetingStatus::Planned,
            outcome: String::new(),
            title: if case.is_none() {
                "Teammøde".into()
            } else {
                String::new()
            },
            note: String::new(),
            revision: 0,
            repeat: None,
            travel_minutes: 0,
            moved_to: None,
            moved_from: None,
        })
        .unwrap();
    id
}

/// The week of Tuesday 24 November 2026 (09:00): Anne Jensen on Tuesday and Wednesday, Bo
/// Larsen on Thursday, a team meeting on Wednesday, and Bo again on Friday, after the range.
fn sick_week(store: &Store, _today: NaiveDate) {
    let anne = case(store, "Anne Jensen", "20 30 40 50", "sms");
    let bo = case(store, "Bo Larsen", "31 41 51 61", "");
    meeting(store, Some(anne), "2026-11-24 10:00", purpose::OPFOELGNING);
    meeting(store, Some(anne), "2026-11-25 10:00", purpose::SAMTALE);
    meeting(store, None, "2026-11-25 12:00", purpose::KOORDINERING);
    meeting(store, Some(bo), "2026-11-26 13:00", purpose::OPFOELGNING);
    meeting(store, Some(bo), "2026-11-27 09:00", purpose::OPFOELGNING);
}

fn day(s: &str) -> NaiveDate {
    at(&format!("{s} 00:00")).date()
}

fn rebookings(store: &Store) -> Vec<Rebooking> {
    store.all::<Rebooking>().unwrap()
}

fn in_range(app: &App) -> Vec<Meeting> {
    let mut out = Vec::new();
    for d in ["2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27"] {
        out.extend(app.meetings_on(day(d)));
    }
    out
}

/// `B`, the range Tuesday to Thursday typed as people type it, and Enter: the preview.
fn preview_cancel(app: &mut App) {
    app.keys("B");
    assert!(matches!(app.model.popup, Some(Popup::Bulk(_))));
    // What: cancel; From: today as offered; To: typed.
    app.keys("tab tab");
    app.text("tor");
    app.keys("tab");
    app.text("sygdom");
    app.keys("enter");
}

fn preview_of(app: &App) -> &caseplan::query::bulk::BulkPreview {
    match &app.model.popup {
        Some(Popup::Bulk(dialog)) => dialog.preview.as_deref().expect("a preview"),
        _ => panic!("no bulk popup"),
    }
}

#[test]
fn the_preview_shows_every_meeting_and_the_citizens_and_yes_is_one_undo_step() {
    let mut app = App::with(sick_week);
    let before = in_range(&app);
    preview_cancel(&mut app);
    let preview = preview_of(&app);
    let fates: Vec<Fate> = preview.plan.meetings.iter().map(|p| p.fate).collect();
    assert_eq!(fates.len(), 4, "every meeting of Tuesday to Thursday");
    assert_eq!(
        fates.iter().filter(|f| **f == Fate::Cancel).count(),
        3,
        "{fates:?}"
    );
    assert_eq!(preview.plan.citizens.len(), 2, "one per citizen");
    let screen = app.screen(120, 40).join("\n");
    assert!(
        screen.contains("Anne Jensen (2) · phone 20 30 40 50 · prefers sms"),
        "{screen}"
    );
    assert!(screen.contains("unchanged: internal block"), "{screen}");
    assert!(
        !screen.contains("27.11"),
        "Friday is after the range: {screen}"
    );
    // Nothing is written before the question is answered.
    assert_eq!(in_range(&app), before);
    assert!(rebookings(&app.store).is_empty());

    app.keys("y");
    assert!(app.model.popup.is_none());
    assert!(
        app.status().starts_with("Saved: 3 meetings cancelled"),
        "{}",
        app.status()
    );
    let after = in_range(&app);
    let cancelled: Vec<&Meeting> = after
        .iter()
        .filter(|m| m.status == MeetingStatus::CancelledByCaseworker)
        .collect();
    assert_eq!(cancelled.len(), 3);
    assert!(cancelled.iter().all(|m| m.outcome == "sygdom"));
    assert!(
        after
            .iter()
            .any(|m| m.case.is_none() && m.status == MeetingStatus::Planned),
        "the internal block is left alone"
    );
    assert_eq!(rebookings(&app.store).len(), 2);

    // One undo takes it all back; redo does it all again.
    app.keys("u");
    assert_eq!(
        in_range(&app)
            .iter()
            .map(|m| (m.id, m.status, m.outcome.clone()))
            .collect::<Vec<_>>(),
        before
            .iter()
            .map(|m| (m.id, m.status, m.outcome.clone()))
            .collect::<Vec<_>>()
    );
    assert!(rebookings(&app.store).is_empty());
    app.keys("ctrl-r");
    assert_eq!(rebookings(&app.store).len(), 2);
}

#[test]
fn the_form_refuses_a_range_that_ends_before_it_starts_and_n_goes_back_to_the_form() {
    let mut app = App::with(sick_week);
    app.keys("B tab tab");
    app.text("i går");
    app.keys("enter");
    let Some(Popup::Bulk(dialog)) = &app.model.popup else {
        panic!("the form stays open");
    };
    assert!(dialog.preview.is_none());
    let errors: Vec<&str> = dialog.form.errors.iter().map(|(_, e)| e.as_str()).collect();
    assert_eq!(errors, vec!["The To date is before the From date"]);
    // Fixed, previewed, then back to the form with n, and Esc leaves without a change.
    app.keys("ctrl-u");
    app.text("tor");
    app.keys("enter");
    assert!(preview_of(&app).plan.changes_anything());
    app.keys("n");
    assert!(matches!(&app.model.popup, Some(Popup::Bulk(d)) if d.preview.is_none()));
    app.keys("esc");
    assert!(app.model.popup.is_none());
    assert!(rebookings(&app.store).is_empty());
}

#[test]
fn convert_keeps_time_and_purpose_and_is_reached_from_the_palette() {
    let mut app = App::with(sick_week);
    app.keys(":");
    app.text("convert every meeting");
    app.keys("enter");
    assert!(matches!(app.model.popup, Some(Popup::Bulk(_))));
    // What: video (two steps right); To: Thursday.
    app.keys("right right tab tab");
    app.text("26/11");
    app.keys("enter y");
    let anne = in_range(&app)
        .into_iter()
        .find(|m| m.start == at("2026-11-24 10:00"))
        .unwrap();
    assert_eq!(anne.form, MeetingForm::Video);
    assert_eq!(anne.place.kind, PlaceKind::Remote);
    assert_eq!(anne.status, MeetingStatus::Planned);
    assert_eq!(anne.purpose, purpose::OPFOELGNING);
    let items = rebookings(&app.store);
    assert_eq!(items.len(), 2);
    assert!(
        items
            .iter()
            .all(|r| r.change == BulkChange::Convert(MeetingForm::Video))
    );
}

/// The sick week, and Carl Holm every Wednesday at 14:00 from 18 November, in person.
fn sick_week_and_a_series(store: &Store, today: NaiveDate) {
    sick_week(store, today);
    let carl = case(store, "Carl Holm", "40 50 60 70", "");
    let id = meeting(store, Some(carl), "2026-11-18 14:00", purpose::SAMTALE);
    let mut series: Meeting = store.get(id).unwrap().unwrap();
    series.repeat = Some(Repeat::new(RepeatEvery::Weekly));
    store.put(&series).unwrap();
}

/// Carl's series as stored, but for the store's count of writes.
fn carls_series(store: &Store) -> Meeting {
    let mut series = store
        .all::<Meeting>()
        .unwrap()
        .into_iter()
        .find(|m| m.repeat.is_some())
        .expect("the series");
    series.revision = 0;
    series
}

/// Carl's times from Wednesday 18 November to Wednesday 9 December, as (start, form, repeats).
fn carls_times(store: &Store) -> Vec<(chrono::NaiveDateTime, MeetingForm, bool)> {
    let carl = carls_series(store).case;
    let all: Vec<Meeting> = store
        .all::<Meeting>()
        .unwrap()
        .into_iter()
        .filter(|m| m.case == carl)
        .collect();
    caseplan::domain::agenda::occurrences(&all, day("2026-11-18"), day("2026-12-09"))
        .iter()
        .map(|o| (o.start, o.meeting.form, o.meeting.repeat.is_some()))
        .collect()
}

/// `B`, phone, from today to Tuesday 8 December: the preview.
fn preview_convert_fortnight(app: &mut App) {
    app.keys("B right tab tab");
    app.text("8/12");
    app.keys("enter");
}

#[test]
fn convert_books_the_times_of_a_series_in_the_range_by_phone_and_one_undo_restores_the_series() {
    let mut app = App::with(sick_week_and_a_series);
    let series_before = carls_series(&app.store);
    preview_convert_fortnight(&mut app);
    let preview = preview_of(&app);
    let carls: Vec<Fate> = preview
        .plan
        .meetings
        .iter()
        .filter(|p| p.meeting.id == series_before.id)
        .map(|p| p.fate)
        .collect();
    assert_eq!(
        carls,
        vec![Fate::ConvertOnce(MeetingForm::Phone); 2],
        "25 November and 2 December"
    );
    let screen = app.screen(120, 40).join("\n");
    assert!(screen.contains("Wed 25.11 14:00"), "{screen}");
    assert!(screen.contains("becomes phone this time"), "{screen}");
    assert!(
        screen.contains("Carl Holm (2) · phone 40 50 60 70"),
        "{screen}"
    );

    app.keys("y");
    assert!(app.model.popup.is_none());
    let wednesday = |s: &str| at(&format!("{s} 14:00"));
    assert_eq!(
        carls_times(&app.store),
        vec![
            (wednesday("2026-11-18"), MeetingForm::InPerson, true),
            (wednesday("2026-11-25"), MeetingForm::Phone, false),
            (wednesday("2026-12-02"), MeetingForm::Phone, false),
            (wednesday("2026-12-09"), MeetingForm::InPerson, true),
        ],
        "the times in the range by phone on their own, the series as it was around them"
    );
    let series = carls_series(&app.store);
    assert_eq!(
        series.repeat.as_ref().unwrap().skipped,
        vec![day("2026-11-25"), day("2026-12-02")]
    );
    let carl = rebookings(&app.store)
        .into_iter()
        .find(|r| Some(r.case) == series.case)
        .expect("Carl is told");
    assert_eq!(carl.meetings.len(), 2, "both times on his one item");
    assert_eq!(carl.change, BulkChange::Convert(MeetingForm::Phone));

    // One undo: the series exactly as it was, the phone meetings and the items gone.
    app.keys("u");
    assert_eq!(carls_series(&app.store), series_before);
    assert_eq!(
        carls_times(&app.store),
        ["2026-11-18", "2026-11-25", "2026-12-02", "2026-12-09"]
            .map(|d| (wednesday(d), MeetingForm::InPerson, true))
            .to_vec()
    );
    assert!(rebookings(&app.store).is_empty());
    app.keys("ctrl-r");
    assert_eq!(carls_series(&app.store), series);
}

/// Moves the Today selection to the rebook item of `name`.
fn select_rebook(app: &mut App, name: &str) -> caseplan::domain::due::DueItem {
    app.keys("g g");
    for _ in 0..30 {
        if let Some(item) = selected_item(&app.model)
            && item.case_name == name
            && matches!(item.what, DueWhat::Rebook { .. })
        {
            return item.clone();
        }
        app.keys("j");
    }
    panic!("no rebook item for {name}");
}

#[test]
fn each_citizen_gets_one_item_b_books_after_the_range_and_x_is_done() {
    let mut app = App::with(sick_week);
    preview_cancel(&mut app);
    app.keys("y g o");
    let item = select_rebook(&mut app, "Anne Jensen");
    let DueWhat::Rebook {
        meetings, reach, ..
    } = &item.what
    else {
        unreachable!()
    };
    assert_eq!(*meetings, 2, "one item for both of Anne's meetings");
    assert_eq!(reach.phone.as_deref(), Some("20 30 40 50"));
    assert_eq!(reach.channel, "sms");
    let screen = app.screen(120, 40).join("\n");
    assert_eq!(screen.matches("Inform and rebook").count(), 2, "{screen}");

    // b: a new meeting for Anne at the first free time after Thursday; saving closes the item.
    app.keys("b");
    let Some(Popup::Form(editor)) = &app.model.popup else {
        panic!("the meeting form opens");
    };
    assert!(editor.rebooks.is_some());
    app.keys("enter");
    let anne_case = item.case;
    let booked: Vec<Meeting> = app
        .store
        .meetings_for_case(anne_case)
        .unwrap()
        .into_iter()
        .filter(|m| m.status == MeetingStatus::Planned)
        .collect();
    assert_eq!(booked.len(), 1, "{booked:?}");
    assert_eq!(
        booked[0].purpose,
        purpose::OPFOELGNING,
        "as the first cancelled one"
    );
    assert!(
        booked[0].start >= at("2026-11-27 00:00"),
        "after the range: {}",
        booked[0].start
    );
    let anne = rebookings(&app.store)
        .into_iter()
        .find(|r| r.case == anne_case)
        .unwrap();
    assert_eq!(anne.done, Some(day("2026-11-24")));
    assert_eq!(anne.booked, Some(booked[0].id));
    // The booking and the closing are one undo step.
    app.keys("u");
    assert!(
        rebookings(&app.store)
            .iter()
            .find(|r| r.case == anne_case)
            .unwrap()
            .is_open()
    );
    app.keys("ctrl-r");

    // x: Bo's item is done; no rebook item is left.
    let bo = select_rebook(&mut app, "Bo Larsen");
    app.keys("x");
    let bo_item = rebookings(&app.store)
        .into_iter()
        .find(|r| r.case == bo.case)
        .unwrap();
    assert_eq!(bo_item.done, Some(day("2026-11-24")));
    assert_eq!(bo_item.booked, None);
    let Screen::Today(today) = &app.model.screen else {
        panic!("still on Today");
    };
    assert!(
        today
            .all()
            .items()
            .all(|(_, i)| !matches!(i.what, DueWhat::Rebook { .. })),
        "no rebook item is left"
    );
}

#[test]
fn the_preview_and_the_items_on_today_in_both_languages() {
    for lang in [Lang::Da, Lang::En] {
        let code = lang_code(lang);
        let mut app = App::with_lang(lang, sick_week);
        preview_cancel(&mut app);
        for (w, h) in [(80, 24), (120, 40)] {
            snap(&format!("bulk_preview_{code}_{w}x{h}"), &app.draw(w, h));
        }
        app.keys("y g o");
        select_rebook(&mut app, "Anne Jensen");
        for (w, h) in [(80, 24), (120, 40)] {
            snap(&format!("bulk_today_{code}_{w}x{h}"), &app.draw(w, h));
        }
    }
    let mut app = App::with_lang(Lang::Da, sick_week);
    app.keys("B");
    snap("bulk_form_da_80x24", &app.draw(80, 24));
}

#[test]
fn the_preview_of_converting_a_series_in_both_languages() {
    for lang in [Lang::Da, Lang::En] {
        let code = lang_code(lang);
        let mut app = App::with_lang(lang, sick_week_and_a_series);
        preview_convert_fortnight(&mut app);
        for (w, h) in [(80, 24), (120, 40)] {
            snap(
                &format!("bulk_convert_series_{code}_{w}x{h}"),
                &app.draw(w, h),
            );
        }
    }
}

/// A fortnight of illness: more meetings than an 80x24 screen shows at once.
fn busy_fortnight(store: &Store, today: NaiveDate) {
    sick_week(store, today);
    let cases: Vec<CaseId> = (0..12)
        .map(|i| case(store, &format!("Borger {i:02}"), "70 10 20 30", "sms"))
        .collect();
    // Two a day from Tuesday 1 to Friday 4 December, at 10:00 to 15:00.
    for (i, c) in cases.iter().enumerate() {
        let start = format!("2026-12-0{} 1{}:00", 1 + i % 4, i % 6);
        meeting(store, Some(*c), &start, purpose::SAMTALE);
    }
}

#[test]
fn a_long_preview_scrolls_and_says_how_much_is_below() {
    let mut app = App::with(busy_fortnight);
    app.keys("B tab tab");
    app.text("4/12");
    app.keys("enter");
    let screen = app.screen(80, 24).join("\n");
    assert!(screen.contains("more lines (j/k)"), "{screen}");
    assert!(screen.contains("Tue 24.11 10:00"), "{screen}");
    assert!(
        !screen.contains("Citizens to tell"),
        "below the fold: {screen}"
    );
    app.keys("pagedown pagedown pagedown");
    let screen = app.screen(80, 24).join("\n");
    assert!(screen.contains("Citizens to tell"), "{screen}");
    assert!(!screen.contains("more lines"), "at the end: {screen}");
    assert!(
        !screen.contains("Tue 24.11 10:00"),
        "scrolled past: {screen}"
    );
    app.keys("k");
    // Still the preview: y does it all.
    app.keys("y");
    assert_eq!(rebookings(&app.store).len(), 14);
}

// The command line, through the real binary.

fn cli_data(dir: &Path) {
    let store = Store::open(dir).unwrap();
    sick_week(&store, day("2026-11-24"));
}

#[test]
fn cli_bulk_without_yes_and_without_a_terminal_refuses_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    cli_data(dir.path());
    let out = command(
        dir.path(),
        NOW,
        &["bulk", "cancel", "--from", "i dag", "--to", "tor"],
    )
    .stdin(Stdio::null())
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("3 meetings change · 2 citizens to tell"),
        "{}",
        stdout(&out)
    );
    assert!(stderr(&out).contains("give --yes"), "{}", stderr(&out));
    let store = Store::open(dir.path()).unwrap();
    assert!(store.all::<Rebooking>().unwrap().is_empty());
}

#[test]
fn cli_bulk_yes_cancels_and_the_items_are_due_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    cli_data(dir.path());
    let out = caseplan(
        dir.path(),
        &[
            "bulk", "cancel", "--from", "24/11", "--to", "26/11", "--note", "kursus", "--yes",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("Anne Jensen (2) · phone 20 30 40 50 · prefers sms"),
        "{text}"
    );
    assert!(
        stderr(&out).contains("Saved: 3 meetings cancelled"),
        "{}",
        stderr(&out)
    );
    // Another process reads them back: the meetings aflyst, one item per citizen due today.
    let text = stdout(&caseplan(dir.path(), &["due"]));
    assert!(text.contains("Inform and rebook"), "{text}");
    assert!(
        text.contains("2 meetings cancelled 24 Nov – 26 Nov · phone 20 30 40 50 · prefers sms"),
        "{text}"
    );
    let due = caseplan(dir.path(), &["due", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&due.stdout).unwrap();
    let rebooks: Vec<&serde_json::Value> = json["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["kind"] == "rebook")
        .collect();
    assert_eq!(rebooks.len(), 2, "{json}");
    let store = Store::open(dir.path()).unwrap();
    let cancelled = store
        .meetings_between(at("2026-11-24 00:00"), at("2026-11-27 00:00"))
        .unwrap()
        .into_iter()
        .filter(|m| m.status == MeetingStatus::CancelledByCaseworker && m.outcome == "kursus")
        .count();
    assert_eq!(cancelled, 3);
    drop(store);
    // The items go out with an export and come back with an import.
    let first = dir.path().join("first.json");
    let out = caseplan(dir.path(), &["export", first.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let exported: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&first).unwrap()).unwrap();
    assert_eq!(exported["data"]["rebookings"].as_array().unwrap().len(), 2);
    let other = tempfile::tempdir().unwrap();
    let out = caseplan(other.path(), &["import", first.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let second = other.path().join("second.json");
    assert!(
        caseplan(other.path(), &["export", second.to_str().unwrap()])
            .status
            .success()
    );
    let again: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&second).unwrap()).unwrap();
    assert_eq!(exported["data"], again["data"]);
}

#[test]
fn cli_bulk_convert_json_previews_for_scripts_and_refuses_what_does_not_fit() {
    let dir = tempfile::tempdir().unwrap();
    cli_data(dir.path());
    let out = caseplan(
        dir.path(),
        &[
            "bulk",
            "convert",
            "--from",
            "24/11",
            "--to",
            "26/11",
            "--to-form",
            "video",
            "--include-internal",
            "--json",
            "--yes",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let fates: Vec<&str> = json["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["fate"].as_str().unwrap())
        .collect();
    assert_eq!(fates, vec!["convert", "convert", "convert", "convert"]);
    assert_eq!(json["citizens"].as_array().unwrap().len(), 2);
    assert_eq!(json["citizens"][0]["phone"], "20 30 40 50");
    // Refused, exit 2: the range backwards, a form for a cancel, a date that does not read.
    for args in [
        &[
            "bulk", "cancel", "--from", "26/11", "--to", "24/11", "--yes",
        ][..],
        &[
            "bulk",
            "cancel",
            "--from",
            "24/11",
            "--to",
            "26/11",
            "--to-form",
            "phone",
        ][..],
        &["bulk", "cancel", "--from", "blåmandag", "--to", "26/11"][..],
    ] {
        let out = caseplan(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn cli_bulk_convert_books_the_times_of_a_series_on_their_own() {
    let dir = tempfile::tempdir().unwrap();
    sick_week_and_a_series(&Store::open(dir.path()).unwrap(), day("2026-11-24"));
    let out = caseplan(
        dir.path(),
        &[
            "bulk", "convert", "--from", "24/11", "--to", "8/12", "--json", "--yes",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let carls: Vec<(&str, &str)> = json["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["name"] == "Carl Holm")
        .map(|m| (m["start"].as_str().unwrap(), m["fate"].as_str().unwrap()))
        .collect();
    assert_eq!(
        carls,
        vec![
            ("2026-11-25T14:00:00", "convert_once"),
            ("2026-12-02T14:00:00", "convert_once"),
        ]
    );
    let store = Store::open(dir.path()).unwrap();
    let wednesday = |s: &str| at(&format!("{s} 14:00"));
    assert_eq!(
        carls_times(&store),
        vec![
            (wednesday("2026-11-18"), MeetingForm::InPerson, true),
            (wednesday("2026-11-25"), MeetingForm::Phone, false),
            (wednesday("2026-12-02"), MeetingForm::Phone, false),
            (wednesday("2026-12-09"), MeetingForm::InPerson, true),
        ]
    );
}

#[test]
fn cli_bulk_asks_once_on_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    cli_data(dir.path());
    let mut tui = Tui::start(
        dir.path(),
        &["bulk", "cancel", "--from", "24/11", "--to", "26/11"],
        120,
        40,
    );
    tui.wait_for("Do it? [y/N]");
    tui.send("y\r");
    assert!(tui.wait_exit());
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.all::<Rebooking>().unwrap().len(), 2);
}

#[test]
fn b_capital_opens_the_form_on_today_the_start_screen_too() {
    let mut app = App::starting_on("today", Lang::Da, sick_week);
    assert!(matches!(app.model.screen, Screen::Today(_)));
    app.keys("B");
    assert!(matches!(app.model.popup, Some(Popup::Bulk(_))));
    app.keys("tab tab");
    app.text("tor");
    app.keys("enter y");
    // Back on Today, with the two items.
    let Screen::Today(today) = &app.model.screen else {
        panic!("still on Today");
    };
    let rebook = today
        .all()
        .items()
        .filter(|(_, i)| matches!(i.what, DueWhat::Rebook { .. }))
        .count();
    assert_eq!(rebook, 2);
    assert!(
        app.status().starts_with("Gemt: 3 samtaler aflyst"),
        "{}",
        app.status()
    );
}
