//! The finder's index is built from the search facts the store keeps on every write (#21):
//! what one write changes is found by the next search, in the planner and in the next process.

use crate::common::{caseplan, stderr, stdout};
use crate::harness::App;
use caseplan::app::model::Screen;
use caseplan::app::popup::Popup;
use caseplan::search::Target;

fn finder_titles(app: &App) -> Vec<String> {
    let Some(Popup::Finder(finder)) = &app.model.popup else {
        panic!("the finder is open; status: {}", app.status())
    };
    finder.hits.iter().map(|h| h.title.clone()).collect()
}

fn add_case(app: &mut App, name: &str) {
    app.keys("N");
    app.text(name);
    app.keys("enter");
    assert!(
        matches!(&app.model.screen, Screen::Card { card, .. } if card.name == name),
        "the new case's card opens; status: {}",
        app.status()
    );
    app.keys("q");
}

#[test]
fn a_case_added_in_the_planner_is_found_at_once() {
    let mut app = App::with(|_, _| {});
    add_case(&mut app, "Anne Jensen");
    app.keys("/");
    app.text("anne");
    assert_eq!(finder_titles(&app), vec!["Anne Jensen"]);
    assert!(app.model.search.is_some(), "the index is built");
    app.keys("esc");
    add_case(&mut app, "Bo Madsen");
    app.keys("/");
    app.text("bo mad");
    assert_eq!(finder_titles(&app), vec!["Bo Madsen"]);
    app.keys("esc");
    app.keys("u");
    app.keys("/");
    app.text("bo mad");
    assert!(
        finder_titles(&app).is_empty(),
        "undo takes the case out again"
    );
}

#[test]
fn a_case_renamed_by_another_process_is_found_by_the_next_one() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let add = caseplan(
        data,
        &["case", "add", "Anne Jensen", "--phone", "+45 20 12 34 56"],
    );
    assert!(add.status.success(), "{}", stderr(&add));
    let found = |query: &str| -> Vec<(String, String)> {
        let out = caseplan(data, &["find", query, "--json"]);
        assert!(out.status.success(), "{}", stderr(&out));
        let items: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        items
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                (
                    i["title"].as_str().unwrap().to_string(),
                    i["kind"].to_string(),
                )
            })
            .collect()
    };
    assert_eq!(
        found("jensen"),
        vec![("Anne Jensen".into(), "\"case\"".into())]
    );
    let edit = caseplan(
        data,
        &["case", "edit", "Anne Jensen", "--name", "Anne Kjær"],
    );
    assert!(edit.status.success(), "{}", stderr(&edit));
    assert_eq!(
        found("kjaer"),
        vec![("Anne Kjær".into(), "\"case\"".into())]
    );
    assert!(found("jensen").is_empty(), "the old name is gone");
    assert_eq!(found("20 12 34 56")[0].0, "Anne Kjær", "by phone");
    let card = caseplan(data, &["card", "anne", "kjaer"]);
    assert!(card.status.success(), "{}", stderr(&card));
    assert!(
        stdout(&card).starts_with("Anne Kjær\n"),
        "{}",
        stdout(&card)
    );
}

#[test]
fn the_planner_started_after_a_rename_finds_the_new_name() {
    let mut app = App::with(|store, _| {
        let mut case = crate::caseform::case(1, "Anne Jensen");
        store.put(&case).unwrap();
        case.name = "Anne Kjær".into();
        store.put(&case).unwrap();
    });
    app.keys("/");
    app.text("anne k");
    let Some(Popup::Finder(finder)) = &app.model.popup else {
        panic!()
    };
    assert_eq!(finder.hits[0].title, "Anne Kjær");
    assert_eq!(
        finder.hits[0].target,
        Target::Case(caseplan::model::CaseId(1))
    );
    app.keys("esc /");
    app.text("jensen");
    assert!(finder_titles(&app).is_empty());
}
