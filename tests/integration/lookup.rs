//! The phone-call lookup on a demo caseload: the finder's index, the case and contact cards,
//! and `caseplan find` / `caseplan card` as the real binary.

use crate::common::{NOW, caseplan, stderr, stdout};
use caseplan::demo::{DemoSpec, generate};
use caseplan::i18n::Lang;
use caseplan::model::{Case, CaseId, Dataset, MedicalRequest};
use caseplan::query::card::{CaseLink, RequestState, card, contact_card};
use caseplan::search::{Filter, HitKind, SearchIndex, Target, phone_digits};
use caseplan::store::Store;
use caseplan::time::{Zone, parse_now};
use chrono::{DateTime, NaiveDate, Utc};
use std::path::Path;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

fn now() -> DateTime<Utc> {
    parse_now(NOW, Zone::copenhagen()).unwrap()
}

/// The same caseload `caseplan demo` writes on the tests' frozen clock.
fn demo() -> (tempfile::TempDir, Store, Dataset) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let data = generate(&DemoSpec::new(50, 1, today()));
    store.import(&data).unwrap();
    (dir, store, data)
}

fn index(store: &Store) -> SearchIndex {
    SearchIndex::build(store, today(), Lang::En).unwrap()
}

#[test]
fn a_typed_phone_number_finds_its_case_whatever_the_spacing() {
    let (_dir, store, data) = demo();
    let index = index(&store);
    let case = data
        .cases
        .iter()
        .find(|c| c.is_active() && !c.phones.is_empty())
        .unwrap();
    let digits = phone_digits(&case.phones[0].number);
    let spaced = format!("{} {}", &digits[..4], &digits[4..]);
    let with_code = format!("+45{digits}");
    for query in [digits.as_str(), spaced.as_str(), with_code.as_str()] {
        let hits = index.search(query, Filter::default(), 5);
        assert_eq!(hits[0].target, Target::Case(case.id), "{query}: {hits:?}");
        assert!(hits[0].exact);
    }
}

#[test]
fn soeren_finds_the_soerens_first_and_highlights_the_name() {
    let (_dir, store, _) = demo();
    let index = index(&store);
    let hits = index.search("soeren", Filter::default(), 10);
    assert!(hits[0].title.starts_with("Søren"), "{hits:?}");
    assert_eq!(hits[0].matched, vec![0, 1, 2, 3, 4]);
    let hits = index.search("soeren oe", Filter::default(), 10);
    assert_eq!(hits[0].title, "Søren Østergaard");
    assert_eq!(hits[0].kind, HitKind::Case);
    let meeting = hits
        .iter()
        .find(|h| h.kind == HitKind::Meeting)
        .expect("Søren Østergaard has a meeting coming up");
    assert!(matches!(meeting.target, Target::Meeting(_, start) if start.date() >= today()));
}

#[test]
fn a_closed_case_is_found_only_with_the_filter() {
    let (_dir, store, data) = demo();
    let index = index(&store);
    let closed = data.cases.iter().find(|c| !c.is_active()).unwrap();
    let is_it = |t: &Target| *t == Target::Case(closed.id);
    let default = index.search(&closed.name, Filter::default(), 100);
    assert!(!default.iter().any(|h| is_it(&h.target)));
    let with = index.search(
        &closed.name,
        Filter {
            include_closed: true,
        },
        100,
    );
    let hit = with.iter().find(|h| is_it(&h.target)).unwrap();
    assert_eq!(hit.kind, HitKind::ClosedCase);
}

/// A case of the demo with an open agreement, a running course and an open medical request.
fn busy_case(data: &Dataset) -> &Case {
    data.cases
        .iter()
        .find(|c| {
            data.agreements
                .iter()
                .any(|a| a.case == c.id && a.is_open())
                && data
                    .courses
                    .iter()
                    .any(|k| k.case == c.id && k.is_running(today()))
                && data
                    .medical_requests
                    .iter()
                    .any(|r| r.case == c.id && r.is_open())
        })
        .expect("the demo has a case with all three")
}

#[test]
fn the_card_holds_the_cases_open_agreements_courses_and_requests() {
    let (_dir, store, data) = demo();
    let case = busy_case(&data);
    let shown = card(
        &store,
        case.id,
        &caseplan::config::Config::default(),
        &Zone::copenhagen(),
        now(),
    )
    .unwrap()
    .unwrap();
    assert_eq!(shown.name, case.name);
    assert_eq!(shown.phones, case.phones);

    let mut open: Vec<u64> = data
        .agreements
        .iter()
        .filter(|a| a.case == case.id && a.is_open())
        .map(|a| a.id.0)
        .collect();
    let mut listed: Vec<u64> = shown.agreements.iter().map(|a| a.id).collect();
    open.sort();
    listed.sort();
    assert_eq!(listed, open);
    for a in &shown.agreements {
        assert_eq!(a.overdue, a.due.is_some_and(|d| d < today()));
    }

    let running: Vec<_> = data
        .courses
        .iter()
        .filter(|k| k.case == case.id && k.is_running(today()))
        .collect();
    assert_eq!(shown.courses.len(), running.len());
    for line in &shown.courses {
        let course = running.iter().find(|k| k.id == line.id).unwrap();
        let supplier = data
            .contacts
            .iter()
            .find(|c| c.id == course.supplier)
            .unwrap();
        assert_eq!(line.supplier.name, supplier.name);
        let late: Vec<NaiveDate> = course
            .reports
            .iter()
            .filter(|r| r.received.is_none() && r.due < today())
            .map(|r| r.due)
            .collect();
        assert_eq!(line.late_reports, late);
    }

    let requests: Vec<&MedicalRequest> = data
        .medical_requests
        .iter()
        .filter(|r| r.case == case.id && r.is_open())
        .collect();
    assert_eq!(shown.medical_requests.len(), requests.len());
    for line in &shown.medical_requests {
        let request = requests.iter().find(|r| r.id.0 == line.id).unwrap();
        assert_eq!(line.chases, request.chases.len());
        let overdue = request.sent.is_some() && request.deadline.is_some_and(|d| d < today());
        assert_eq!(line.state == RequestState::Overdue, overdue);
    }
    assert_eq!(shown.network.len(), case.network.len());
    assert!(shown.notes.len() <= 5);
    assert!(
        shown.notes.windows(2).all(|w| w[0].at >= w[1].at),
        "newest first"
    );
    if let Some(next) = &shown.next_meeting {
        assert!(next.start.date() >= today());
    }
    assert!(
        card(
            &store,
            CaseId(999_999),
            &caseplan::config::Config::default(),
            &Zone::copenhagen(),
            now(),
        )
        .unwrap()
        .is_none()
    );
}

#[test]
fn a_suppliers_contact_card_lists_its_cases_and_people() {
    let (_dir, store, data) = demo();
    let course = data.courses.first().unwrap();
    let card = contact_card(&store, course.supplier).unwrap().unwrap();
    let listed = card
        .cases
        .iter()
        .find(|c| c.case == course.case)
        .expect("the course's case");
    assert!(
        listed
            .links
            .contains(&CaseLink::Supplier { course: course.id })
    );
    let people: Vec<_> = data
        .contacts
        .iter()
        .filter(|c| c.organisation == Some(course.supplier))
        .map(|c| c.id)
        .collect();
    assert_eq!(card.people.len(), people.len());
    assert!(card.people.iter().all(|p| people.contains(&p.id)));
}

fn cli_demo(dir: &Path) {
    let out = caseplan(dir, &["demo"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn cli_find_json_lists_ranked_hits_with_kinds_and_highlights() {
    let dir = tempfile::tempdir().unwrap();
    cli_demo(dir.path());
    let out = caseplan(dir.path(), &["find", "soeren", "oe", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let items: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let items = items.as_array().unwrap();
    let first = &items[0];
    assert_eq!(first["title"], "Søren Østergaard");
    assert_eq!(first["kind"], "case");
    assert_eq!(first["kind_label"], "Case");
    assert_eq!(first["exact"], true);
    for field in ["id", "detail", "score", "matched", "start", "contact_kind"] {
        assert!(first.get(field).is_some(), "field {field} in {first}");
    }
    let scores: Vec<i64> = items.iter().map(|i| i["score"].as_i64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "best first");

    let out = caseplan(dir.path(), &["find", "a", "--limit", "3", "--json"]);
    let items: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(items.as_array().unwrap().len(), 3);
}

#[test]
fn cli_card_prints_the_sheet_with_name_and_phones() {
    let dir = tempfile::tempdir().unwrap();
    cli_demo(dir.path());
    let data = generate(&DemoSpec::new(50, 1, today()));
    let case = data
        .cases
        .iter()
        .find(|c| c.name == "Søren Østergaard")
        .unwrap();
    let out = caseplan(dir.path(), &["card", "soeren", "oest"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("Søren Østergaard\n"), "{text}");
    for phone in &case.phones {
        assert!(text.contains(&phone.number), "{} in {text}", phone.number);
    }
    for heading in [
        "Phones",
        "Agreements",
        "Courses",
        "Medical requests",
        "Network",
    ] {
        assert!(text.lines().any(|l| l == heading), "{heading} in {text}");
    }

    let by_id = caseplan(dir.path(), &["card", &case.id.to_string()]);
    assert_eq!(stdout(&by_id), text, "an id gives the same sheet");

    let json = caseplan(dir.path(), &["card", &case.id.to_string(), "--json"]);
    let card: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(card["name"], "Søren Østergaard");
    assert!(card["agreements"].is_array() && card["courses"].is_array());
}

#[test]
fn cli_card_with_several_matches_lists_the_candidates_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    cli_demo(dir.path());
    let out = caseplan(dir.path(), &["card", "soren"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("Søren Østergaard") && err.contains("Søren Krogh"),
        "{err}"
    );
    assert!(stdout(&out).is_empty());
    let out = caseplan(dir.path(), &["card", "zzzz"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("no case"), "{}", stderr(&out));
}
