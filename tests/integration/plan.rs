//! The week planner (#18): `caseplan plan` through the real binary, and the proposal in the
//! planner typed as keys, on data the tests write themselves.

use crate::common::{caseplan_on, stderr, stdout};
use std::path::Path;

/// Two citizens due under their own weekly cadence on Tuesday 1 December (week 49), written
/// through the command line on Tuesday 24 November: Anne prefers afternoons and needs an
/// interpreter.
fn two_due_citizens(dir: &Path) {
    for args in [
        &[
            "case",
            "add",
            "Anne Jensen",
            "--reference",
            "2026-001",
            "--cadence",
            "7d",
            "--prefer-time",
            "eftermiddag",
            "--interpreter",
            "arabisk",
        ][..],
        &[
            "case",
            "add",
            "Bo Holm",
            "--reference",
            "2026-002",
            "--cadence",
            "7d",
        ][..],
    ] {
        let out = caseplan_on(dir, "2026-11-24 09:00", args);
        assert!(out.status.success(), "{}", stderr(&out));
    }
}

#[test]
fn plan_proposes_first_meetings_by_the_due_day_with_preferences_and_why() {
    let dir = tempfile::tempdir().unwrap();
    two_due_citizens(dir.path());
    let out = caseplan_on(dir.path(), "2026-11-30 07:30", &["plan", "--week", "49"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0], "Plan the week 49 · 30.11.2026–06.12.2026 · proposals: 2 · without room: 0",
        "{text}"
    );
    assert_eq!(lines[1], "2 of 2 cadence-due placed by the deadline");
    // Bo first thing Monday, a first meeting of 90 minutes; Anne in the afternoon, 90 minutes
    // and 15 for the interpreter.
    assert!(
        lines[2].starts_with("Mon 30.11 08:15-09:45  Bo Holm (2026-002)  Meeting · In person"),
        "{text}"
    );
    assert!(
        lines[3].contains("contact cadence: by 1 Dec · the case's own cadence: every 7 days"),
        "{text}"
    );
    assert!(
        lines[4].starts_with("Mon 30.11 12:00-13:45  Anne Jensen (2026-001)"),
        "{text}"
    );
    // Nothing was booked.
    let agenda = caseplan_on(dir.path(), "2026-11-30 07:30", &["agenda", "--days", "7"]);
    assert!(!stdout(&agenda).contains("Bo Holm"), "{}", stdout(&agenda));
}

#[test]
fn plan_json_gives_the_meetings_the_reasons_and_the_share_on_time_and_danish_text() {
    let dir = tempfile::tempdir().unwrap();
    two_due_citizens(dir.path());
    let out = caseplan_on(
        dir.path(),
        "2026-11-30 07:30",
        &["plan", "--week", "2026-W49", "--json"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["week"], "2026-W49");
    assert_eq!(doc["monday"], "2026-11-30");
    assert_eq!(doc["cadence_on_time"], serde_json::json!([2, 2]));
    let proposals = doc["proposals"].as_array().unwrap();
    assert_eq!(proposals.len(), 2);
    let anne = &proposals[1];
    assert_eq!(anne["name"], "Anne Jensen");
    assert_eq!(anne["meeting"]["start"], "2026-11-30T12:00:00");
    assert_eq!(anne["meeting"]["minutes"], 105);
    assert_eq!(anne["whys"][0]["need"], "cadence");
    assert_eq!(anne["whys"][0]["due"], "2026-12-01");
    assert_eq!(anne["late"], false);
    assert!(doc["unplaced"].as_array().unwrap().is_empty());
    // In Danish.
    let da = dir.path().join("da.toml");
    std::fs::write(&da, "language = \"da\"\n").unwrap();
    let config = da.to_str().unwrap();
    let out = caseplan_on(
        dir.path(),
        "2026-11-30 07:30",
        &["--config", config, "plan", "--week", "uge 49"],
    );
    let text = stdout(&out);
    assert!(
        text.starts_with(
            "Planlæg ugen 49 · 30.11.2026–06.12.2026 · forslag i alt: 2 · uden plads: 0"
        ),
        "{text}"
    );
    assert!(
        text.contains("rettidighed: senest 1. dec · sagens egen kadence: hver 7. dag"),
        "{text}"
    );
    // A week number that does not exist is refused with exit code 2.
    let bad = caseplan_on(dir.path(), "2026-11-30 07:30", &["plan", "--week", "60"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("week 60"), "{}", stderr(&bad));
}

mod planner {
    use crate::caseform::{case, contact};
    use crate::harness::{App, at, lang_code, snap};
    use caseplan::app::planner::WeekPlan;
    use caseplan::app::popup::Popup;
    use caseplan::domain::plan::NoPlace;
    use caseplan::i18n::Lang;
    use caseplan::model::{
        AwayPeriod, AwayReason, CadenceOverride, CaseId, ContactId, ContactKind, Course, CourseId,
        Dataset, Meeting, MeetingId, PlaceKind, ReportCadence, purpose,
    };
    use caseplan::store::Store;
    use chrono::{NaiveDate, TimeZone, Utc};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// The week of Tuesday 24 November 2026 (the harness's today, 09:00): Anne due Wednesday
    /// and preferring afternoons, Bo due Thursday, Carl overdue and away all week, Dorte's
    /// course at Udsyn ending 11 December with Karin Bach; one meeting booked Tuesday 10:00.
    fn week(store: &Store, _: NaiveDate) {
        let weekly = |id: u64, name: &str, reference: &str, created: u32| {
            let mut c = case(id, name);
            c.reference = reference.into();
            c.cadence_override = Some(CadenceOverride {
                every_days: 7,
                until: None,
            });
            c.created = Utc.with_ymd_and_hms(2026, 11, created, 8, 0, 0).unwrap();
            c
        };
        let mut anne = weekly(1, "Anne Jensen", "2026-001", 18);
        anne.preferences.time_of_day = "eftermiddag".into();
        let bo = weekly(2, "Bo Holm", "2026-002", 19);
        let mut carl = weekly(3, "Carl Berg", "2026-003", 10);
        carl.away = vec![AwayPeriod {
            from: d("2026-11-23"),
            to: d("2026-11-30"),
            reason: AwayReason::Hospital,
            note: String::new(),
        }];
        let mut dorte = case(4, "Dorte Lund");
        dorte.reference = "2026-004".into();
        let mut booked = crate::caseform::meeting(20, 2, "2026-11-24 10:00");
        booked.case = Some(CaseId(4));
        booked.minutes = 60;
        store
            .import(&Dataset {
                cases: vec![anne, bo, carl, dorte],
                contacts: vec![
                    contact(10, "Udsyn", ContactKind::Supplier),
                    contact(11, "Karin Bach", ContactKind::Consultant),
                ],
                courses: vec![Course {
                    id: CourseId(30),
                    case: CaseId(4),
                    supplier: ContactId(10),
                    consultant: Some(ContactId(11)),
                    kind: "afklaring".into(),
                    start: d("2026-06-12"),
                    end: d("2026-12-11"),
                    hours_per_week: Some(10),
                    cadence: ReportCadence::EndOnly,
                    checklist: Default::default(),
                    reports: vec![],
                    outcome: None,
                    continues: None,
                }],
                meetings: vec![booked],
                ..Dataset::default()
            })
            .unwrap();
    }

    fn plan(app: &App) -> &WeekPlan {
        match &app.model.popup {
            Some(Popup::Plan(p)) => p,
            _ => panic!("the proposal is not open"),
        }
    }

    fn names(app: &App) -> Vec<String> {
        plan(app)
            .plan
            .proposals
            .iter()
            .map(|p| p.name.clone())
            .collect()
    }

    fn stored_for(app: &App, case: u64) -> Vec<Meeting> {
        app.store
            .meetings_for_case(CaseId(case))
            .unwrap()
            .into_iter()
            .filter(|m| m.start >= at("2026-11-24 09:00"))
            .collect()
    }

    #[test]
    fn p_proposes_the_week_with_why_and_lists_what_has_no_room() {
        let mut app = App::with(week);
        app.keys("P");
        let p = plan(&app);
        assert_eq!(names(&app), ["Anne Jensen", "Bo Holm", "Dorte Lund"]);
        let anne = &p.plan.proposals[0];
        assert_eq!(anne.meeting.start, at("2026-11-24 12:00"), "afternoon");
        let bo = &p.plan.proposals[1];
        // Not before now, clear of the booked 10:00 meeting; a first meeting of 90 minutes.
        assert!(bo.meeting.start >= at("2026-11-24 11:00"));
        assert_eq!(bo.meeting.minutes, 90);
        let dorte = &p.plan.proposals[2];
        assert_eq!(dorte.meeting.purpose, purpose::THREE_PARTY);
        assert_eq!(dorte.meeting.place.kind, PlaceKind::Supplier);
        assert!(
            dorte
                .meeting
                .participants
                .iter()
                .any(|x| x.contact == Some(ContactId(11)))
        );
        assert_eq!(p.plan.unplaced.len(), 1);
        assert_eq!(p.plan.unplaced[0].name, "Carl Berg");
        assert_eq!(p.plan.unplaced[0].why_not, NoPlace::Away);
        let screen = app.screen(120, 40).join("\n");
        assert!(
            screen.contains("┆proposal") && screen.contains("┆12:00 Ann"),
            "a ghost block:\n{screen}"
        );
        assert!(screen.contains("Carl Berg: the citizen is away"));
        // Nothing is booked by proposing.
        assert!(stored_for(&app, 1).is_empty());
    }

    #[test]
    fn enter_books_one_durably_and_undo_takes_it_back_and_proposes_it_again() {
        let mut app = App::with(week);
        app.keys("P enter");
        assert_eq!(names(&app), ["Bo Holm", "Dorte Lund"]);
        let booked = stored_for(&app, 1);
        assert_eq!(booked.len(), 1);
        assert_eq!(booked[0].start, at("2026-11-24 12:00"));
        assert!(app.status().contains("Anne Jensen"), "{}", app.status());
        app.keys("u");
        assert!(stored_for(&app, 1).is_empty());
        assert_eq!(names(&app), ["Anne Jensen", "Bo Holm", "Dorte Lund"]);
        // The booked one is a real meeting: it shows in the week behind the list.
        app.keys("enter");
        let screen = app.screen(120, 40).join("\n");
        assert!(screen.contains("▌12:00 Ann"), "{screen}");
        assert!(
            !screen.contains("┆12:00 Ann"),
            "no longer a ghost:\n{screen}"
        );
    }

    #[test]
    fn x_drops_one_r_moves_one_and_a_books_the_rest_as_one_undo_step() {
        let mut app = App::with(week);
        app.keys("P j");
        let before = plan(&app).plan.proposals[1].meeting.clone();
        app.keys("r");
        let moved = plan(&app)
            .plan
            .proposals
            .iter()
            .find(|p| p.case == CaseId(2))
            .unwrap()
            .meeting
            .clone();
        assert!(
            moved.start > before.start,
            "{} then {}",
            before.start,
            moved.start
        );
        assert_eq!(moved.id, before.id);
        assert!(stored_for(&app, 2).is_empty(), "r books nothing");
        // Drop Anne (the first), then book the rest at once.
        app.keys("k k x");
        assert_eq!(names(&app), ["Dorte Lund", "Bo Holm"]);
        app.keys("A");
        assert_eq!(stored_for(&app, 2), vec![moved]);
        assert_eq!(
            stored_for(&app, 4).len(),
            2,
            "the booked one and the three-party one"
        );
        assert!(
            stored_for(&app, 1).is_empty(),
            "the dropped one is not booked"
        );
        app.keys("u");
        assert!(stored_for(&app, 2).is_empty());
        assert_eq!(stored_for(&app, 4).len(), 1);
        assert!(app.store.get::<Meeting>(MeetingId(20)).unwrap().is_some());
    }

    /// A proposal booked with Enter is taken time for what is planned after it: another time
    /// asked for the rest (`r`) is looked for around it, never on it.
    #[test]
    fn a_proposal_booked_with_enter_is_taken_time_for_another_time() {
        let mut app = App::with(week);
        app.keys("P enter");
        let anne = stored_for(&app, 1);
        assert_eq!(anne.len(), 1, "{}", app.status());
        assert!(
            plan(&app).input.meetings.contains(&anne[0]),
            "the booked meeting is among the week's meetings the next time is fitted around"
        );
    }

    #[test]
    fn the_proposal_beside_the_week_and_in_its_place() {
        for lang in [Lang::Da, Lang::En] {
            let mut app = App::with_lang(lang, week);
            app.keys("P");
            let code = lang_code(lang);
            snap(&format!("plan_week_120x40_{code}"), &app.draw(120, 40));
            snap(&format!("plan_list_80x24_{code}"), &app.draw(80, 24));
            // Esc closes it and the grid is back.
            app.keys("esc");
            assert!(app.model.popup.is_none());
        }
    }
}
