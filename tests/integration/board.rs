//! The caseload board: the query on the demo caseload with the frozen clock, sort and filter
//! flows typed as keys, the review sheet exports, `caseplan board`, and screen snapshots.

use crate::common;
use crate::harness::{App, lang_code, snap};
use caseplan::app::model::Screen;
use caseplan::i18n::Lang;
use caseplan::model::Case;
use caseplan::query::board::{BoardRow, Column, board};
use caseplan::query::board_sheet;
use caseplan::query::card::card;
use chrono::NaiveDate;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

fn rows(app: &App) -> Vec<BoardRow> {
    board(&app.store, &app.runner.board_params(app.model.now)).unwrap()
}

/// The rows the open board shows, in order.
fn shown(app: &App) -> Vec<BoardRow> {
    app.model
        .board
        .as_ref()
        .expect("the board is open")
        .visible()
        .cloned()
        .collect()
}

fn selected_case(app: &App) -> caseplan::model::CaseId {
    app.model
        .board
        .as_ref()
        .unwrap()
        .selected_row()
        .unwrap()
        .case
}

#[test]
fn one_row_per_active_case_agreeing_with_each_case_card() {
    let app = App::demo();
    let rows = rows(&app);
    let active = app
        .store
        .all::<Case>()
        .unwrap()
        .into_iter()
        .filter(Case::is_active)
        .count();
    assert_eq!(rows.len(), active);
    assert!(rows.len() >= 40, "the 50-case demo, got {}", rows.len());
    let now = app.model.now;
    for row in &rows {
        let card = card(
            &app.store,
            row.case,
            app.runner.config(),
            &app.model.settings.zone,
            app.model.settings.zone.to_utc(now),
        )
        .unwrap()
        .unwrap();
        assert_eq!(row.name, card.name);
        assert_eq!(
            row.next_meeting,
            card.next_meeting.as_ref().map(|m| m.start),
            "{}",
            row.name
        );
        assert_eq!(
            row.last_contact,
            card.last_contact.as_ref().map(|c| c.at.date()),
            "{}",
            row.name
        );
        assert_eq!(
            row.days_since_contact,
            card.last_contact.as_ref().map(|c| c.days_ago)
        );
        assert_eq!(row.open_requests.len(), card.medical_requests.len());
        // The board reads only the meetings since the last held one; the cadence must come
        // out as from the whole history.
        let case = app.store.get::<Case>(row.case).unwrap().unwrap();
        let all = app.store.meetings_for_case(row.case).unwrap();
        let cadence = caseplan::domain::cadence::case_cadence(
            &case,
            &all,
            &app.runner.config().cadence,
            today(),
        );
        assert_eq!(row.cadence_due, cadence.map(|c| c.next_due), "{}", row.name);
        assert!(row.next_meeting.is_none_or(|at| at >= now));
        assert!(row.late_reports.iter().all(|r| r.due < today()));
    }
    // The demo holds every kind of thing the board is for.
    assert!(
        rows.iter().any(|r| !r.late_reports.is_empty()),
        "late reports"
    );
    assert!(
        rows.iter()
            .any(|r| r.open_requests.iter().any(|q| q.overdue))
    );
    assert!(
        rows.iter().any(|r| r.cadence_due.is_some()),
        "cadence dates"
    );
    assert!(
        rows.iter()
            .any(|r| r.flags.sos || r.flags.interpreter.is_some())
    );
    let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
    let mut sorted = rows.clone();
    caseplan::query::board::sort(&mut sorted, Column::Name, false);
    let sorted: Vec<&str> = sorted.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, sorted, "by name");
}

#[test]
fn g_b_opens_the_board_and_sorts_by_days_since_contact_both_ways() {
    let mut app = App::demo();
    app.keys("g b");
    assert!(matches!(app.model.screen, Screen::Board));
    let total = shown(&app).len();
    assert!(total >= 40);
    // Name → group → where now → next meeting → days since contact.
    app.keys("s s s s");
    assert_eq!(app.model.board.as_ref().unwrap().sort, Column::SinceContact);
    let days: Vec<Option<i64>> = shown(&app).iter().map(|r| r.days_since_contact).collect();
    let known: Vec<i64> = days.iter().flatten().copied().collect();
    assert!(
        known.windows(2).all(|w| w[0] >= w[1]),
        "longest first: {days:?}"
    );
    assert!(known[0] > known[known.len() - 1], "not all equal");
    let first_unknown = days.iter().position(Option::is_none).unwrap_or(days.len());
    assert!(
        days[first_unknown..].iter().all(Option::is_none),
        "unknown last"
    );
    app.keys("S");
    let reversed: Vec<i64> = shown(&app)
        .iter()
        .filter_map(|r| r.days_since_contact)
        .collect();
    assert!(reversed.windows(2).all(|w| w[0] <= w[1]), "{reversed:?}");
    assert_eq!(shown(&app).len(), total, "sorting keeps every row");
}

#[test]
fn overdue_only_keeps_the_cases_behind_on_something_and_again_shows_all() {
    let mut app = App::demo();
    app.keys("g b");
    let total = shown(&app).len();
    app.keys("o");
    let overdue = shown(&app);
    assert!(
        !overdue.is_empty() && overdue.len() < total,
        "{}",
        overdue.len()
    );
    assert!(overdue.iter().all(|r| r.is_overdue(today())));
    let expected = rows(&app).iter().filter(|r| r.is_overdue(today())).count();
    assert_eq!(overdue.len(), expected);
    app.keys("o");
    assert_eq!(shown(&app).len(), total);
}

#[test]
fn enter_opens_the_selected_case_and_q_goes_back_to_the_board_then_the_calendar() {
    let mut app = App::demo();
    app.keys("g b j j j");
    let case = selected_case(&app);
    assert_eq!(case, shown(&app)[3].case);
    app.keys("enter");
    match &app.model.screen {
        Screen::Card { card, .. } => assert_eq!(card.id, case),
        _ => panic!("the case card is open"),
    }
    app.keys("q");
    assert!(matches!(app.model.screen, Screen::Board));
    assert_eq!(selected_case(&app), case, "the selection is kept");
    app.keys("q");
    assert!(matches!(app.model.screen, Screen::Calendar));
    assert!(app.model.board.is_none());
}

#[test]
fn the_filter_prompt_keeps_matching_cases_and_names_a_mistake() {
    let mut app = App::demo_in(Lang::Da);
    app.keys("g b f");
    app.text("flag:sos");
    app.keys("enter");
    let sos = shown(&app);
    assert!(!sos.is_empty());
    assert!(sos.iter().all(|r| r.flags.sos));
    assert_eq!(sos.len(), rows(&app).iter().filter(|r| r.flags.sos).count());
    let group = rows(&app)[0].target_group.clone();
    app.keys("f");
    for _ in 0.."flag:sos".len() {
        app.keys("backspace");
    }
    app.text(&format!("gruppe:{group}"));
    app.keys("enter");
    assert!(shown(&app).iter().all(|r| r.target_group == group));
    // End keeps the filter shown (it is selected) and adds to it.
    app.keys("f end");
    app.text(" farve:rød");
    app.keys("enter");
    match &app.model.popup {
        Some(caseplan::app::popup::Popup::Prompt(p)) => {
            let error = p.error.as_deref().unwrap_or_default();
            assert!(error.contains("farve:"), "{error}");
        }
        _ => panic!("the prompt stays open with the mistake"),
    }
}

#[test]
fn the_selection_stays_on_screen_when_scrolling_through_the_caseload() {
    let mut app = App::demo();
    app.keys("g b");
    for _ in 0..30 {
        app.keys("j");
    }
    let name = shown(&app)[30].name.clone();
    assert_eq!(selected_case(&app), shown(&app)[30].case);
    let screen = app.screen(80, 24).join("\n");
    assert!(screen.contains(&name[..name.len().min(10)]), "{screen}");
    app.keys("pageup pageup");
    assert_eq!(selected_case(&app), shown(&app)[0].case);
}

#[test]
fn e_writes_the_markdown_sheet_into_exports_readable_by_the_user_alone() {
    let mut app = App::demo();
    app.keys("g b E");
    let path = app
        .store
        .dir()
        .join("exports/caseload-review-2026-11-24.md");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("# Monthly case review 24.11.2026\n"),
        "{text}"
    );
    assert_eq!(text.matches("\n## ").count(), shown(&app).len());
    assert!(
        app.status().contains("caseload-review-2026-11-24.md"),
        "{}",
        app.status()
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

/// Splits RFC 4180 CSV into records of fields, as a spreadsheet does: the byte order mark
/// dropped, the separator (`;` or `,`) read from the header.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').expect("a byte order mark");
    let separator = text
        .chars()
        .find(|c| matches!(c, ';' | ','))
        .expect("a separator");
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) => quoted = true,
            (c, false) if c == separator => record.push(std::mem::take(&mut field)),
            ('\r', false) => {}
            ('\n', false) => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (c, _) => field.push(c),
        }
    }
    records
}

#[test]
fn csv_parses_back_to_one_record_per_case_and_markdown_has_the_headings() {
    let app = App::demo();
    let rows = rows(&app);
    let csv = board_sheet::csv(&rows, today(), Lang::Da);
    let records = parse_csv(&csv);
    assert_eq!(records.len(), rows.len() + 1);
    assert!(records.iter().all(|r| r.len() == 13), "same width");
    assert_eq!(records[0][0], "Navn");
    for (record, row) in records[1..].iter().zip(&rows) {
        assert_eq!(record[0], row.name);
        assert_eq!(record[2], row.where_now);
        assert_eq!(record[3], row.next_step);
    }
    let md = board_sheet::markdown(&rows, today(), Lang::Da, None);
    assert_eq!(md.matches("\n## ").count(), rows.len());
    for heading in [
        "**Hvor er vi nu:**",
        "**Næste skridt:**",
        "**Barrierer:**",
        "**Åbent:**",
    ] {
        assert_eq!(md.matches(heading).count(), rows.len(), "{heading}");
    }
}

#[test]
fn cli_board_prints_json_csv_markdown_and_a_text_table_of_the_same_cases() {
    use common::{caseplan, stderr, stdout};
    let dir = tempfile::tempdir().unwrap();
    let demo = caseplan(dir.path(), &["demo"]);
    assert!(demo.status.success(), "{}", stderr(&demo));
    let json = caseplan(dir.path(), &["board", "--json"]);
    assert!(json.status.success(), "{}", stderr(&json));
    let rows: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert!(rows.len() >= 40);
    for field in [
        "case",
        "name",
        "target_group",
        "target_group_label",
        "where_now",
        "next_step",
        "plan_b",
        "next_meeting",
        "last_contact",
        "days_since_contact",
        "cadence_due",
        "late_reports",
        "open_requests",
        "suppliers",
        "flags",
    ] {
        assert!(rows[0].get(field).is_some(), "{field} in {}", rows[0]);
    }
    let text = caseplan(dir.path(), &["board"]);
    assert_eq!(stdout(&text).lines().count(), rows.len());
    let csv = caseplan(dir.path(), &["board", "--csv"]);
    assert_eq!(parse_csv(&stdout(&csv)).len(), rows.len() + 1);
    let md = caseplan(dir.path(), &["board", "--md", "--overdue"]);
    let md = stdout(&md);
    assert!(md.starts_with("# Monthly case review 24.11.2026"), "{md}");
    let overdue = md.matches("\n## ").count();
    assert!(overdue > 0 && overdue < rows.len());
    let sos = caseplan(dir.path(), &["board", "--json", "--filter", "flag:sos"]);
    let sos: serde_json::Value = serde_json::from_slice(&sos.stdout).unwrap();
    assert!(
        sos.as_array()
            .unwrap()
            .iter()
            .all(|r| r["flags"]["sos"] == true)
    );
    let bad = caseplan(dir.path(), &["board", "--filter", "farve:rød"]);
    assert!(!bad.status.success());
    assert!(stderr(&bad).contains("farve"), "{}", stderr(&bad));
    let both = caseplan(dir.path(), &["board", "--csv", "--md"]);
    assert!(!both.status.success(), "one format at a time");
}

#[test]
fn board_screens() {
    for lang in [Lang::Da, Lang::En] {
        let mut app = App::demo_in(lang);
        app.keys("g b");
        for (w, h) in [(80, 24), (120, 40)] {
            snap(
                &format!("board_{}_{w}x{h}", lang_code(lang)),
                &app.draw(w, h),
            );
        }
        app.keys("o s s s s j");
        snap(
            &format!("board_overdue_by_contact_{}_120x40", lang_code(lang)),
            &app.draw(120, 40),
        );
    }
}

#[test]
fn fifty_cases_fit_on_a_sixty_line_terminal() {
    let mut app = App::demo();
    app.keys("g b");
    let n = shown(&app).len();
    let screen = app.screen(120, 60);
    for row in shown(&app) {
        assert!(
            screen.iter().any(|line| line.contains(&row.name)),
            "{} of {n} on screen",
            row.name
        );
    }
}

#[test]
fn sorting_goes_back_to_the_top_of_the_board() {
    let mut app = App::demo();
    app.keys("g b");
    app.screen(80, 24);
    for _ in 0..30 {
        app.keys("j");
    }
    app.keys("s");
    let board = app.model.board.as_ref().unwrap();
    assert_eq!((board.selected, board.offset), (0, 0));
    let first = shown(&app)[0].name.clone();
    let screen = app.screen(80, 24);
    assert!(
        screen[3].contains(&first[..first.len().min(10)]),
        "the first row is at the top:\n{}",
        screen.join("\n")
    );
    for _ in 0..30 {
        app.keys("j");
    }
    app.keys("S");
    let board = app.model.board.as_ref().unwrap();
    assert_eq!((board.selected, board.offset), (0, 0));
}

#[test]
fn a_tall_screen_scrolls_only_when_the_selection_leaves_it() {
    let mut app = App::demo();
    app.keys("g b");
    // 60 rows: room for far more than 20 cases.
    app.screen(120, 60);
    for _ in 0..20 {
        app.keys("j");
    }
    assert_eq!(
        app.model.board.as_ref().unwrap().offset,
        0,
        "nothing to scroll"
    );
    let first = shown(&app)[0].name.clone();
    let screen = app.screen(120, 60).join("\n");
    assert!(screen.contains(&first[..first.len().min(10)]), "{screen}");
    // Page down moves a screenful, not a fixed 16 rows.
    app.keys("k k k k k k k k k k k k k k k k k k k k pagedown");
    let board = app.model.board.as_ref().unwrap();
    assert!(
        board.selected > 16,
        "a page of the tall screen: {}",
        board.selected
    );
    // On a small screen the selection stays visible too.
    let name = shown(&app)[board.selected].name.clone();
    let screen = app.screen(80, 24).join("\n");
    assert!(screen.contains(&name[..name.len().min(10)]), "{screen}");
}

/// A caseload of `n` cases with Danish and accented names and varied "where now", written by
/// the test (#21: the board at a few hundred rows).
fn many_cases(n: u64) -> App {
    const FIRST: [&str; 10] = [
        "Søren", "Åse", "Ærling", "anders", "Øjvind", "José", "Zacho", "Bent", "Mette", "Ida",
    ];
    const LAST: [&str; 6] = ["Østergaard", "Andersen", "Åberg", "Bæk", "Müller", "Holm"];
    const WHERE: [&str; 5] = [
        "I praktik",
        "Afventer lægeerklæring",
        "østre mentorforløb",
        "",
        "Åben jobsøgning",
    ];
    App::with(|store, _| {
        for id in 1..=n {
            let i = usize::try_from(id).unwrap();
            let name = format!("{} {}", FIRST[i % FIRST.len()], LAST[(i / 10) % LAST.len()]);
            let mut case = crate::caseform::case(id, &name);
            case.where_now = WHERE[(i / 3) % WHERE.len()].into();
            case.next_step = format!("Opfølgning {id}");
            case.flags.sos = id % 7 == 0;
            store.put(&case).unwrap();
        }
    })
}

#[test]
fn at_a_few_hundred_cases_moving_filtering_and_sorting_keep_the_selection_where_it_belongs() {
    let mut app = many_cases(300);
    app.keys("g b");
    let by_name = rows(&app);
    assert_eq!(by_name.len(), 300);
    let names = |rows: &[BoardRow]| rows.iter().map(|r| r.case).collect::<Vec<_>>();
    assert_eq!(names(&shown(&app)), names(&by_name), "by name as loaded");
    assert!(shown(&app)[299].name.starts_with("Åse"), "å sorts last");
    // Deep in the list: the selection is on screen, drawn from its page alone.
    for _ in 0..200 {
        app.keys("j");
    }
    let chosen = shown(&app)[200].clone();
    assert_eq!(selected_case(&app), chosen.case);
    let screen = app.screen(120, 40).join("\n");
    assert!(screen.contains(&chosen.name), "{screen}");
    // A filter that keeps the selected case keeps it selected.
    let word = caseplan::search::loosen(chosen.name.split(' ').nth(1).unwrap());
    app.keys("f");
    app.text(&word);
    app.keys("enter");
    let kept = shown(&app);
    assert!(kept.len() < 300 && kept.iter().any(|r| r.case == chosen.case));
    assert!(
        kept.iter()
            .all(|r| caseplan::search::loosen(&r.name).contains(&word))
    );
    assert_eq!(selected_case(&app), chosen.case, "still on {}", chosen.name);
    // Moving goes to the next case the filter keeps; clearing the filter stays on it.
    app.keys("j");
    let at = kept.iter().position(|r| r.case == chosen.case).unwrap();
    let next = kept[(at + 1).min(kept.len() - 1)].case;
    assert_eq!(selected_case(&app), next);
    app.keys("f backspace enter");
    assert_eq!(shown(&app).len(), 300);
    assert_eq!(
        selected_case(&app),
        next,
        "the filter cleared, still on the case"
    );
    // A filter that drops the selected case selects the first row it keeps.
    app.keys("f");
    app.text("flag:sos");
    app.keys("enter");
    let sos = shown(&app);
    assert!(sos.iter().all(|r| r.flags.sos) && sos.len() == 300 / 7);
    if !sos.iter().any(|r| r.case == next) {
        assert_eq!(selected_case(&app), sos[0].case);
    }
    app.keys("f backspace enter");
    // A new order starts at the top; it is the query's order for that column.
    app.keys("S");
    let mut reversed = by_name.clone();
    reversed.reverse();
    assert_eq!(names(&shown(&app)), names(&reversed), "names turned round");
    assert_eq!(selected_case(&app), reversed[0].case);
    app.keys("s s");
    let board = app.model.board.as_ref().unwrap();
    assert_eq!((board.sort, board.reverse), (Column::WhereNow, false));
    let mut by_where = by_name.clone();
    caseplan::query::board::sort(&mut by_where, Column::WhereNow, false);
    assert_eq!(names(&shown(&app)), names(&by_where));
    let wheres: Vec<String> = shown(&app)
        .iter()
        .map(|r| caseplan::search::normalise(&r.where_now))
        .collect();
    assert!(wheres.windows(2).all(|w| w[0] <= w[1]), "{wheres:?}");
    app.keys("j j j");
    assert_eq!(selected_case(&app), by_where[3].case);
}
