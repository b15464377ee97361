//! Everyday details (#20): self-booked meetings, closing days, the next-meeting line, safe
//! paste, any keyboard, ids for scripts, saved board views.

use crate::common::{caseplan, stderr, stdout};

// ---- Scripts get ids ----

#[test]
fn case_add_and_add_print_the_new_ids_and_json_gives_the_whole_record() {
    let dir = tempfile::tempdir().unwrap();
    let out = caseplan(dir.path(), &["case", "add", "Anne Jensen", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let case: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let case_id = case["id"].as_u64().expect("the case's id");
    assert_eq!(case["name"], "Anne Jensen");

    let out = caseplan(dir.path(), &["case", "add", "Bo Holm"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("added case Bo Holm ("), "{text}");

    let out = caseplan(dir.path(), &["add", "wed 10:30 45m Jensen", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let meeting: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let meeting_id = meeting["id"].as_u64().expect("the meeting's id");
    assert_eq!(meeting["case"].as_u64(), Some(case_id));
    assert_eq!(meeting["minutes"].as_u64(), Some(45));
    assert_eq!(meeting["start"], "2026-11-25T10:30:00");

    let out = caseplan(dir.path(), &["add", "thu 9 Jensen phone"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let line = stdout(&out);
    let id: u64 = line
        .trim_end()
        .rsplit_once("id ")
        .and_then(|(_, id)| id.parse().ok())
        .unwrap_or_else(|| panic!("no id at the end of {line:?}"));
    assert!(id > meeting_id, "{line}");
    // The printed ids are the stored ones: the agenda names both meetings by them.
    let agenda = caseplan(dir.path(), &["agenda", "--days", "3", "--json"]);
    let items: serde_json::Value = serde_json::from_slice(&agenda.stdout).unwrap();
    let ids: Vec<u64> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["meeting_id"].as_u64().unwrap())
        .collect();
    assert_eq!(ids, vec![meeting_id, id]);
}

#[test]
fn add_prints_the_id_in_danish_too() {
    let dir = tempfile::tempdir().unwrap();
    let out = caseplan(dir.path(), &["case", "add", "Anne Jensen"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let config = dir.path().join("danish.toml");
    std::fs::write(&config, "language = \"da\"\n").unwrap();
    let out = crate::common::command(dir.path(), crate::common::NOW, &["add", "ons 10 Jensen"])
        .env("CASEPLAN_CONFIG", &config)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("· nr. "), "{}", stdout(&out));
}

// ---- Safe paste ----

use crate::caseform::case;
use crate::harness::App;
use caseplan::app::model::Screen;
use caseplan::app::popup::Popup;
use caseplan::i18n::Lang;
use caseplan::model::{Dataset, Meeting, Note};
use caseplan::store::Store;
use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn anne(store: &Store, _: NaiveDate) {
    store
        .import(&Dataset {
            cases: vec![case(1, "Anne Jensen")],
            ..Dataset::default()
        })
        .unwrap();
}

fn prompt_text(app: &App) -> String {
    match &app.model.popup {
        Some(Popup::Prompt(p)) => p.input.text(),
        _ => panic!("no prompt open"),
    }
}

#[test]
fn a_pasted_line_break_in_quick_add_is_a_space_and_never_books() {
    let mut app = App::with(anne);
    app.keys("a");
    app.paste("wed 10:30\r\nJensen\n");
    assert_eq!(prompt_text(&app), "wed 10:30 Jensen ");
    assert!(
        app.store.all::<Meeting>().unwrap().is_empty(),
        "nothing was booked by the pasted line break"
    );
    app.keys("enter");
    let booked = app.store.all::<Meeting>().unwrap();
    assert_eq!(booked.len(), 1, "{}", app.status());
    assert_eq!(booked[0].start, crate::harness::at("2026-11-25 10:30"));
}

#[test]
fn a_pasted_paragraph_keeps_its_lines_in_a_note_body_and_the_form_stays_open() {
    let mut app = App::with(anne);
    app.keys("/");
    app.paste("anne");
    app.keys("enter");
    assert!(matches!(app.model.screen, Screen::Card { .. }));
    app.keys("n");
    // A one-line subject: the line break is a space and the focus stays on the subject.
    app.paste("Lægen\nringede");
    app.keys("enter");
    app.paste("Ringer igen fredag.\r\nq b c\n");
    assert!(matches!(app.model.popup, Some(Popup::NoteForm(_))));
    app.keys("ctrl-s");
    let notes = app.store.all::<Note>().unwrap();
    assert_eq!(notes.len(), 1, "{}", app.status());
    assert_eq!(notes[0].subject, "Lægen ringede");
    assert_eq!(notes[0].body, "Ringer igen fredag.\nq b c");
}

#[test]
fn a_paste_outside_a_text_field_does_nothing() {
    let mut app = App::with(anne);
    app.keys("a");
    app.text("wed 10 Jensen");
    app.keys("enter");
    assert_eq!(app.store.all::<Meeting>().unwrap().len(), 1);
    app.keys("l");
    let before = (app.model.day, app.model.popup.is_none());
    // "d" would ask to delete, "a" open quick add, "\n" edit: pasted, none of them is a key.
    app.paste("d\na\n");
    assert_eq!((app.model.day, app.model.popup.is_none()), before);
    assert_eq!(app.store.all::<Meeting>().unwrap().len(), 1);
}

// ---- Any keyboard ----

fn ctrl_alt(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL | KeyModifiers::ALT)
}

#[test]
fn altgr_reported_as_ctrl_alt_types_its_character_in_a_form() {
    let mut app = App::with(anne);
    app.keys("/");
    app.paste("anne");
    app.keys("enter");
    app.keys("n");
    app.text("mail til anne");
    // AltGr+2 on a Danish keyboard, as a Windows terminal reports it.
    app.event(ctrl_alt('@'));
    app.text("example.dk ");
    app.event(ctrl_alt('{'));
    app.event(ctrl_alt('$'));
    app.event(ctrl_alt('}'));
    app.keys("ctrl-s");
    let notes = app.store.all::<Note>().unwrap();
    assert_eq!(notes.len(), 1, "{}", app.status());
    assert_eq!(notes[0].subject, "mail til anne@example.dk {$}");
}

#[test]
fn altgr_reported_as_ctrl_alt_runs_the_bound_key_and_a_real_chord_does_not() {
    let mut app = App::with(anne);
    let today = app.model.day;
    // `}` (AltGr+0 on a Danish keyboard) is "next week".
    app.event(ctrl_alt('}'));
    assert_eq!(app.model.day, today + chrono::Duration::days(7));
    app.event(ctrl_alt('{'));
    assert_eq!(app.model.day, today);
    // Ctrl+Alt on a letter is a chord, not the letter: `l` would go to the next day.
    app.event(ctrl_alt('l'));
    assert_eq!(app.model.day, today);
}

#[test]
fn ae_oe_aa_can_be_bound_and_the_danish_preset_needs_no_altgr() {
    let own = r#"
[global]
keys = [{ on = "å", run = "open_board", desc = "Sagsstammen" }]
"#;
    let preset = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("keymaps/da.toml"),
    )
    .unwrap();
    let keymap = format!("{preset}\n{own}");
    let mut app = App::configured_with("calendar", Lang::Da, "", Some(&keymap), anne);
    let today = app.model.day;
    app.text("ø");
    assert_eq!(
        app.model.day,
        today + chrono::Duration::days(7),
        "ø: next week"
    );
    app.text("øø");
    app.text("æ");
    assert_eq!(app.model.day, today + chrono::Duration::days(14), "æ: back");
    // The help lists the keys.
    app.keys("?");
    let help = app.screen(120, 40).join("\n");
    assert!(help.contains("}, shift-right, ø"), "{help}");
    app.keys("esc");
    app.text("å");
    assert!(
        matches!(app.model.screen, Screen::Board),
        "å bound by the user"
    );
}

// ---- Self-booked meetings ----

use crate::harness::{lang_code, snap};
use caseplan::model::BookedBy;

#[test]
fn selvbooket_in_quick_add_is_shown_in_the_detail_pane_and_counted_apart_in_the_gauge() {
    for lang in [Lang::Da, Lang::En] {
        let mut app = App::with_lang(lang, anne);
        let word = match lang {
            Lang::Da => "selvbooket",
            Lang::En => "self-booked",
        };
        app.keys("a");
        app.text(&format!("24/11 10:30 Jensen {word} telefon"));
        app.keys("enter");
        app.keys("a");
        app.text("24/11 13 Jensen");
        app.keys("enter");
        let mut booked = app.store.all::<Meeting>().unwrap();
        booked.sort_by_key(|m| m.start);
        assert_eq!(booked.len(), 2, "{}", app.status());
        assert_eq!(booked[0].booked_by, BookedBy::Citizen);
        assert_eq!(booked[1].booked_by, BookedBy::Caseworker);
        app.keys("t");
        while app.selected().id != booked[0].id {
            app.keys("j");
        }
        let screen = app.screen(120, 40).join("\n");
        let says = match lang {
            Lang::Da => "Borgeren (selvbooket)",
            Lang::En => "Citizen (self-booked)",
        };
        assert!(screen.contains(says), "{screen}");
        snap(
            &format!("self_booked_detail_{}_120x40", lang_code(lang)),
            &app.draw(120, 40),
        );
        app.keys("w");
        let gauge = app.model.workload.as_ref().expect("the gauge").this_week;
        assert_eq!((gauge.meetings, gauge.self_booked), (2, 1));
        let screen = app.screen(120, 40).join("\n");
        let counted = match lang {
            Lang::Da => "2 samt. 2t15 (1 selvbooket)",
            Lang::En => "2 mtgs 2h15 (1 self-booked)",
        };
        assert!(screen.contains(counted), "{screen}");
        snap(
            &format!("self_booked_week_{}_120x40", lang_code(lang)),
            &app.draw(120, 40),
        );
    }
}

// ---- Local closing days ----

const CLOSING: &str = "[calendar]\nclosing_days = [\"2026-11-27 Personaledag\", \"12-23\"]\n";

#[test]
fn closing_days_show_in_the_month_overview_and_the_day_header_like_holidays() {
    for lang in [Lang::Da, Lang::En] {
        let mut app = App::configured_with("calendar", lang, CLOSING, None, anne);
        app.keys("g m");
        let screen = app.screen(80, 24).join("\n");
        assert!(screen.contains("* 27.11 Personaledag"), "{screen}");
        snap(
            &format!("closing_days_month_{}_80x24", lang_code(lang)),
            &app.draw(80, 24),
        );
        // December: Lillejuleaften is the configured yearly day, named "Lukkedag".
        app.keys("j j j j");
        let screen = app.screen(80, 24).join("\n");
        assert!(screen.contains("* 23.12 Lukkedag"), "{screen}");
        assert!(screen.contains("* 24.12 Juleaftensdag"), "{screen}");
        app.keys("esc");
        app.keys("g d");
        app.text("27/11");
        app.keys("enter");
        let header = app.screen(120, 40).join("\n");
        assert!(header.contains("Personaledag"), "{header}");
    }
}

#[test]
fn the_free_slot_finder_skips_a_closing_day() {
    // Thursday 26 November at 15:00: no 45 minutes are left today, Friday is closed.
    let mut app = App::configured_at(
        "calendar",
        Lang::En,
        CLOSING,
        None,
        "2026-11-26 15:00",
        anne,
    );
    app.keys("F enter");
    let Some(Popup::Form(form)) = &app.model.popup else {
        panic!("the form opens at the slot: {}", app.status())
    };
    let start = form.start_time(app.model.today()).unwrap();
    assert_eq!(
        start,
        crate::harness::at("2026-11-30 08:15"),
        "after the preparation"
    );

    let mut open = App::configured_at("calendar", Lang::En, "", None, "2026-11-26 15:00", anne);
    open.keys("F enter");
    let Some(Popup::Form(form)) = &open.model.popup else {
        panic!("the form opens at the slot: {}", open.status())
    };
    let start = form.start_time(open.model.today()).unwrap();
    assert_eq!(
        start,
        crate::harness::at("2026-11-27 08:15"),
        "without it, Friday"
    );
}

#[test]
fn typed_working_days_skip_a_closing_day_in_quick_add_the_meeting_form_and_go_to_date() {
    // Thursday 26 November; Friday 27 is a closing day, so one working day on is Monday 30.
    let thursday =
        |more: &str| App::configured_at("calendar", Lang::En, more, None, "2026-11-26 09:00", anne);
    for (more, day) in [(CLOSING, "2026-11-30"), ("", "2026-11-27")] {
        let mut app = thursday(more);
        app.keys("a");
        app.text("+1ad 10 Jensen");
        app.keys("enter");
        let booked = app.store.all::<Meeting>().unwrap();
        assert_eq!(booked.len(), 1, "{}", app.status());
        assert_eq!(booked[0].start, crate::harness::at(&format!("{day} 10:00")));

        app.keys("g d");
        app.text("om 1 arbejdsdag");
        app.keys("enter");
        assert_eq!(app.model.day.to_string(), day, "go to date");

        app.keys("n tab tab ctrl-u");
        app.text("+1ad 11:00");
        let Some(Popup::Form(form)) = &app.model.popup else {
            panic!("the meeting form is open: {}", app.status())
        };
        assert_eq!(
            form.start_time(app.model.today()),
            Some(crate::harness::at(&format!("{day} 11:00"))),
            "the meeting form"
        );
        // The field's reading says the day before saving.
        let reading = if more.is_empty() {
            "Fri 27.11 11:00"
        } else {
            "Mon 30.11 11:00"
        };
        let screen = app.screen(120, 40).join("\n");
        assert!(screen.contains(&format!("→ {reading}")), "{screen}");
    }
}

// ---- The next-meeting line ----

/// A planned in-person meeting with `case`.
fn meeting_at(id: u64, case: u64, start: &str, minutes: u32) -> Meeting {
    use caseplan::model::*;
    Meeting {
        id: MeetingId(id),
        case: Some(CaseId(case)),
        start: crate::harness::at(start),
        minutes,
        purpose: purpose::SAMTALE.into(),
        form: MeetingForm::InPerson,
        place: Place::default(),
        participants: vec![],
        booked_by: BookedBy::Caseworker,
        prep_minutes: 0,
        follow_up_minutes: 0,
        status: MeetingStatus::Planned,
        outcome: String::new(),
        title: String::new(),
        note: String::new(),
        revision: 0,
        repeat: None,
        travel_minutes: 0,
        moved_to: None,
        moved_from: None,
    }
}

/// Anne Jensen by phone at 10:30 today and Bo Holm in person at 13:00, both planned.
fn two_meetings(store: &Store, _: NaiveDate) {
    let mut call = meeting_at(10, 1, "2026-11-24 10:30", 30);
    call.form = caseplan::model::MeetingForm::Phone;
    let visit = meeting_at(11, 2, "2026-11-24 13:00", 45);
    store
        .import(&Dataset {
            cases: vec![case(1, "Anne Jensen"), case(2, "Bo Holm")],
            meetings: vec![call, visit],
            ..Dataset::default()
        })
        .unwrap();
}

fn status_line(app: &App, width: u16) -> String {
    app.screen(width, 24).pop().unwrap()
}

#[test]
fn every_screen_shows_the_next_meeting_counting_down_and_prominent_ten_minutes_before() {
    let mut app = App::configured_with("calendar", Lang::En, "", None, two_meetings);
    let line = status_line(&app, 80);
    assert!(
        line.ends_with("→ 10:30 Anne Jensen · 1h30 · phone "),
        "{line:?}"
    );
    for (keys, screen) in [("g b", "board"), ("g o", "today"), ("g r", "requests")] {
        app.keys(keys);
        let line = status_line(&app, 80);
        assert!(line.contains("→ 10:30 Anne Jensen"), "{screen}: {line:?}");
    }
    app.keys("g c");
    app.tick("2026-11-24 10:18");
    let next = app.model.next_meeting.clone().unwrap();
    assert_eq!((next.minutes_until, next.prominent), (12, false));
    assert!(status_line(&app, 80).ends_with("→ 10:30 Anne Jensen · 12 min · phone "));
    app.tick("2026-11-24 10:21");
    assert!(app.model.next_meeting.as_ref().unwrap().prominent);
    assert!(
        status_line(&app, 80).ends_with("! → 10:30 Anne Jensen · 9 min · phone "),
        "{:?}",
        status_line(&app, 80)
    );
    // Five minutes after its start the next one is Bo Holm's.
    app.tick("2026-11-24 10:35");
    assert!(status_line(&app, 80).ends_with("→ 13:00 Bo Holm · 2h25 · in person "));
    // Cancelled, a meeting is no longer ahead.
    app.tick("2026-11-24 12:55");
    app.keys("t");
    while app.selected().case != Some(caseplan::model::CaseId(2)) {
        app.keys("j");
    }
    // The status asks for an optional note; Enter saves without one.
    app.keys("s c enter");
    assert_eq!(app.model.next_meeting, None, "{}", app.status());
    assert!(!status_line(&app, 80).contains('→'));
}

#[test]
fn the_lead_time_is_configurable() {
    let ui = "[ui]\nnext_meeting_minutes = 30\n";
    let mut app = App::configured_with("calendar", Lang::Da, ui, None, two_meetings);
    app.tick("2026-11-24 09:59");
    assert!(!app.model.next_meeting.as_ref().unwrap().prominent);
    app.tick("2026-11-24 10:00");
    let line = status_line(&app, 80);
    assert!(
        line.ends_with("! → 10:30 Anne Jensen · 30 min · telefon "),
        "{line:?}"
    );
}

#[test]
fn a_message_and_the_next_meeting_share_80_columns() {
    let mut app = App::configured_with("calendar", Lang::Da, "", None, two_meetings);
    app.tick("2026-11-24 10:05");
    // A long message keeps its room; the next meeting takes a shorter form beside it.
    app.keys("a");
    app.text("27/11 9 Holm");
    app.keys("enter");
    let line = status_line(&app, 80);
    assert!(
        line.starts_with(" · Gemt: bookede samtale Bo Holm"),
        "{line:?}"
    );
    assert!(
        line.ends_with("   → 10:30 Anne Jensen · 25 min "),
        "{line:?}"
    );
    snap("next_meeting_message_da_80x24", &app.draw(80, 24));
    // Close to the meeting, the meeting wins and the message is cut.
    app.tick("2026-11-24 10:25");
    app.keys("a");
    app.text("27/11 10 Holm");
    app.keys("enter");
    let line = status_line(&app, 80);
    assert!(
        line.ends_with("! → 10:30 Anne Jensen · 5 min · telefon "),
        "{line:?}"
    );
    assert!(line.contains('…'), "{line:?}");
}

#[test]
fn next_meeting_snapshots_with_a_frozen_clock() {
    for lang in [Lang::Da, Lang::En] {
        let mut app = App::configured_with("calendar", lang, "", None, two_meetings);
        app.tick("2026-11-24 10:18");
        for (w, h) in [(80, 24), (120, 40)] {
            snap(
                &format!("next_meeting_day_{}_{w}x{h}", lang_code(lang)),
                &app.draw(w, h),
            );
        }
        app.keys("g b");
        app.tick("2026-11-24 10:22");
        snap(
            &format!("next_meeting_board_prominent_{}_80x24", lang_code(lang)),
            &app.draw(80, 24),
        );
    }
}

#[test]
fn agenda_next_prints_the_same_line_for_a_status_bar_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let out = caseplan(dir.path(), &["case", "add", "Anne Jensen"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = caseplan(dir.path(), &["add", "24/11 10:30 30m Jensen phone"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let at = |now: &str, args: &[&str]| crate::common::caseplan_on(dir.path(), now, args);
    let out = at("2026-11-24 10:18", &["agenda", "--next"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "→ 10:30 Anne Jensen · 12 min · phone\n");
    let out = at("2026-11-24 10:25", &["agenda", "--next"]);
    assert_eq!(stdout(&out), "! → 10:30 Anne Jensen · 5 min · phone\n");
    let out = at("2026-11-24 10:25", &["agenda", "--next", "--json"]);
    let next: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(next["who"], "Anne Jensen");
    assert_eq!(next["start"], "2026-11-24T10:30:00");
    assert_eq!(next["minutes_until"], 5);
    assert_eq!(next["prominent"], true);
    assert_eq!(next["form"], "phone");
    assert_eq!(next["form_label"], "Phone");
    assert_eq!(next["text"], "! → 10:30 Anne Jensen · 5 min · phone");
    assert!(next["meeting_id"].as_u64().is_some());
    // After it: nothing, and JSON null.
    let out = at("2026-11-24 11:00", &["agenda", "--next"]);
    assert!(out.status.success());
    assert_eq!(stdout(&out), "");
    let out = at("2026-11-24 11:00", &["agenda", "--next", "--json"]);
    assert_eq!(stdout(&out).trim(), "null");
}

// ---- Saved board views ----

const VIEWS: &str = "[board.views.sos]\nfilter = \"flag:sos\"\nsort = \"next_meeting\"\n\n[board.views.alle]\nsort = \"name\"\nreverse = true\n";

/// Anne Jensen (SOS-marked) and Bo Holm.
fn anne_sos_and_bo(store: &Store, _: NaiveDate) {
    let mut anne = case(1, "Anne Jensen");
    anne.flags.sos = true;
    store
        .import(&Dataset {
            cases: vec![anne, case(2, "Bo Holm")],
            ..Dataset::default()
        })
        .unwrap();
}

fn board_names(app: &App) -> Vec<String> {
    app.model
        .board
        .as_ref()
        .unwrap()
        .visible()
        .map(|r| r.name.clone())
        .collect()
}

#[test]
fn a_saved_view_is_recalled_with_one_key() {
    for lang in [Lang::Da, Lang::En] {
        let mut app = App::configured_with("calendar", lang, VIEWS, None, anne_sos_and_bo);
        app.keys("g b");
        assert_eq!(board_names(&app), ["Anne Jensen", "Bo Holm"]);
        // In name order: 1 is "alle", 2 is "sos".
        app.keys("2");
        assert_eq!(board_names(&app), ["Anne Jensen"]);
        let title = app.screen(80, 24)[1].clone();
        let named = match lang {
            Lang::Da => "visning: sos",
            Lang::En => "view: sos",
        };
        assert!(title.contains(named), "{title:?}");
        snap(
            &format!("board_view_{}_80x24", lang_code(lang)),
            &app.draw(80, 24),
        );
        app.keys("1");
        assert_eq!(board_names(&app), ["Bo Holm", "Anne Jensen"]);
        app.keys("3");
        assert!(!app.status().is_empty());
        assert_eq!(board_names(&app), ["Bo Holm", "Anne Jensen"], "no view 3");
    }
}

#[test]
fn v_saves_the_current_view_into_the_configuration_file_keeping_its_text() {
    let mut app = App::configured_with("calendar", Lang::En, VIEWS, None, anne_sos_and_bo);
    let before = std::fs::read_to_string(app.config_path()).unwrap();
    app.keys("g b");
    app.keys("f");
    app.text("flag:sos");
    app.keys("enter s s s");
    app.keys("V");
    app.text("mine");
    app.keys("enter");
    assert!(
        app.status().contains("Saved view mine (2)"),
        "{}",
        app.status()
    );
    let after = std::fs::read_to_string(app.config_path()).unwrap();
    assert!(
        after.starts_with(&before),
        "the file's own text is kept:\n{after}"
    );
    let (config, _) = caseplan::config::Config::load(Some(&app.config_path())).unwrap();
    let mine = &config.board.views["mine"];
    assert_eq!(mine.filter, "flag:sos");
    assert_eq!(mine.sort, "next_meeting");
    assert_eq!(config.board.views.len(), 3);
    // The new view is recalled by its number at once: 1 alle, 2 mine, 3 sos.
    app.keys("1");
    assert_eq!(board_names(&app), ["Bo Holm", "Anne Jensen"]);
    app.keys("2");
    assert_eq!(board_names(&app), ["Anne Jensen"]);
    // A bad name is refused in the prompt and nothing is written.
    app.keys("V");
    app.keys("ctrl-u");
    app.text("no good");
    app.keys("enter");
    assert!(app.model.popup.is_some(), "the prompt stays open");
    app.keys("esc");
    assert_eq!(std::fs::read_to_string(app.config_path()).unwrap(), after);
}

#[test]
fn a_bad_saved_view_in_the_file_is_named_with_its_line() {
    let text = "language = \"en\"\n\n[board.views.sos]\nfilter = \"flag:sos\"\nsort = \"nxt\"\n";
    let error = caseplan::config::Config::parse(text, "config.toml").unwrap_err();
    let message = error.to_string();
    assert!(message.starts_with("config.toml:3:"), "{message}");
    assert!(message.contains("unknown column \"nxt\""), "{message}");
    let text = "[board.views.sos]\nfilter = \"flag:nope\"\n";
    let message = caseplan::config::Config::parse(text, "c.toml")
        .unwrap_err()
        .to_string();
    assert!(message.contains("unknown flag"), "{message}");
}

#[test]
fn a_view_key_that_is_not_a_digit_steps_through_the_saved_views() {
    let keymap =
        "[board]\nkeys = [{ on = \"v\", run = \"board_view\", desc = \"Næste visning\" }]\n";
    let mut app = App::configured_with("calendar", Lang::Da, VIEWS, Some(keymap), anne_sos_and_bo);
    app.keys("g b v");
    assert_eq!(board_names(&app), ["Bo Holm", "Anne Jensen"], "1: alle");
    app.keys("v");
    assert_eq!(board_names(&app), ["Anne Jensen"], "2: sos");
    app.keys("v");
    assert_eq!(
        board_names(&app),
        ["Bo Holm", "Anne Jensen"],
        "round to alle"
    );
    assert!(app.status().contains("Visning 1: alle"), "{}", app.status());
}

#[test]
fn snapshots_of_a_paste_and_of_the_danish_preset() {
    let preset = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("keymaps/da.toml"),
    )
    .unwrap();
    for lang in [Lang::Da, Lang::En] {
        let mut app = App::configured_with("calendar", lang, "", Some(&preset), anne);
        app.keys("a");
        app.paste("ons 10:30\nJensen\ttelefon\r\n");
        assert_eq!(prompt_text(&app), "ons 10:30 Jensen telefon ");
        snap(
            &format!("paste_quick_add_{}_80x24", lang_code(lang)),
            &app.draw(80, 24),
        );
        app.keys("esc ?");
        let help = app.screen(120, 40).join("\n");
        assert!(help.contains("{, shift-left, æ"), "{help}");
        assert!(help.contains("}, shift-right, ø"), "{help}");
        snap(
            &format!("help_danish_preset_{}_120x40", lang_code(lang)),
            &app.draw(120, 40),
        );
    }
}

// ---- Typed working days on the command line ----

#[test]
fn the_command_line_counts_typed_working_days_around_the_closing_days() {
    use crate::common::caseplan_on;
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("closing.toml");
    std::fs::write(&config, CLOSING).unwrap();
    let config = config.to_str().unwrap();
    // Thursday 26 November; Friday 27 is closed.
    let thursday = "2026-11-26 09:00";
    let run = |args: &[&str]| {
        let out = caseplan_on(dir.path(), thursday, args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    run(&["case", "add", "Anne Jensen", "--json"]);
    let meeting = run(&["--config", config, "add", "+1ad 10 Jensen", "--json"]);
    assert_eq!(meeting["start"], "2026-11-30T10:00:00");
    // Without the closing day, one working day on is the Friday.
    let friday = run(&["add", "+1ad 11 Jensen", "--json"]);
    assert_eq!(friday["start"], "2026-11-27T11:00:00");

    let agenda = |config: &[&str]| {
        let args = [
            config,
            &["agenda", "--date", "+1ad", "--days", "1", "--json"],
        ]
        .concat();
        run(&args)
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                format!(
                    "{} {}",
                    m["date"].as_str().unwrap(),
                    m["start"].as_str().unwrap()
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(agenda(&["--config", config]), ["2026-11-30 10:00"]);
    assert_eq!(agenda(&[]), ["2026-11-27 11:00"]);
}

#[test]
fn snoozing_one_working_day_skips_a_closing_day() {
    use caseplan::model::{Agreement, AgreementId, CaseId, Party};
    use chrono::TimeZone;
    let anne_owes_a_call = |store: &Store, today: NaiveDate| {
        anne(store, today);
        store
            .put(&Agreement {
                id: AgreementId(7),
                case: CaseId(1),
                who: Party::Caseworker,
                what: "Ring om praktikken".into(),
                due: NaiveDate::from_ymd_opt(2026, 11, 20),
                done: None,
                created: chrono::Utc.with_ymd_and_hms(2026, 11, 2, 8, 0, 0).unwrap(),
            })
            .unwrap();
    };
    // Thursday 26 November; Friday 27 is closed only in the first.
    for (more, until) in [(CLOSING, "2026-11-30"), ("", "2026-11-27")] {
        let mut app = App::configured_at(
            "today",
            Lang::Da,
            more,
            None,
            "2026-11-26 09:00",
            anne_owes_a_call,
        );
        app.keys("z");
        app.text("+1ad");
        app.keys("enter");
        let snoozes = app.store.snoozes().unwrap();
        let days: Vec<String> = snoozes.values().map(|d| d.to_string()).collect();
        assert_eq!(days, [until], "{}", app.status());
    }
}

/// A paste while the meeting form's focus is on a choice or a toggle changes nothing: its
/// spaces and line breaks are not the keys that turn a choice or flip a toggle.
#[test]
fn a_paste_on_a_choice_field_of_the_meeting_form_changes_nothing() {
    let mut app = App::with(anne);
    app.keys("n");
    let mut choices = 0;
    for _ in 0..20 {
        let Some(Popup::Form(editor)) = &app.model.popup else {
            panic!("the meeting form stays open");
        };
        if !editor.form.focus_is_text() {
            choices += 1;
            let before = app.screen(120, 40);
            app.paste(" \n\t x");
            assert_eq!(app.screen(120, 40), before, "the paste changed a choice");
        }
        app.keys("tab");
    }
    assert!(choices > 0, "the form has a choice or a toggle to paste on");
}
