//! The case form's network, away periods and own cadence, typed as keys (#13).

use crate::harness::App;
use caseplan::app::model::Screen;
use caseplan::app::popup::Popup;
use caseplan::i18n::{Lang, Msg};
use caseplan::model::{AwayReason, Case, Contact, ContactId, ContactKind, Dataset, network_role};
use caseplan::store::Store;
use chrono::NaiveDate;

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub fn contact(id: u64, name: &str, kind: ContactKind) -> Contact {
    Contact {
        id: ContactId(id),
        name: name.into(),
        kind,
        organisation: None,
        title: String::new(),
        work_phone: "33 12 34 56".into(),
        email: String::new(),
        note: String::new(),
    }
}

/// A store with one GP, Lone Holm (contact 1), and no cases.
pub fn with_gp(store: &Store, _: NaiveDate) {
    store
        .import(&Dataset {
            contacts: vec![contact(1, "Lone Holm", ContactKind::Gp)],
            ..Dataset::default()
        })
        .unwrap();
}

/// Tabs from the case form's first field to the field labelled `label`.
pub fn tab_to(app: &mut App, label: Msg) {
    for _ in 0..40 {
        let Some(Popup::Record(form)) = &app.model.popup else {
            panic!("the case form is open ({})", app.status())
        };
        if form.form.focused() == Some(label) {
            return;
        }
        app.keys("tab");
    }
    panic!("no field {label:?} in the form");
}

fn the_case(app: &App) -> Case {
    let cases = app.store.all::<Case>().unwrap();
    assert_eq!(cases.len(), 1, "{}", app.status());
    cases[0].clone()
}

/// A new case typed with "Lone" in its network as its mentor and a holiday from 30/11 to
/// 11/12; the card open after saving.
pub fn type_case_with_network_and_holiday(app: &mut App) {
    app.keys("N");
    app.text("Anne Jensen");
    tab_to(app, Msg::Network);
    // Typing on the list starts a row: the contact picker filters the contacts.
    app.text("lone");
    app.keys("tab right enter");
    tab_to(app, Msg::FieldAway);
    app.text("30/11");
    app.keys("tab");
    app.text("11/12");
    app.keys("enter ctrl-s");
}

#[test]
fn a_network_member_and_an_away_period_typed_in_the_case_form_are_saved_and_on_the_card() {
    let mut app = App::with(with_gp);
    type_case_with_network_and_holiday(&mut app);
    let case = the_case(&app);
    assert_eq!(case.network.len(), 1);
    assert_eq!(case.network[0].contact, ContactId(1));
    assert_eq!(case.network[0].role, network_role::MENTOR);
    assert_eq!(case.away.len(), 1);
    assert_eq!(
        (case.away[0].from, case.away[0].to, case.away[0].reason),
        (d(2026, 11, 30), d(2026, 12, 11), AwayReason::Holiday)
    );
    let Screen::Card { .. } = &app.model.screen else {
        panic!("the card opens")
    };
    let screen = app.screen(120, 40).join("\n");
    assert!(screen.contains("away 30.11–11.12 · on holiday"), "{screen}");
    assert!(
        screen.contains("Mentor") && screen.contains("Lone Holm"),
        "{screen}"
    );
}

#[test]
fn a_name_that_matches_no_contact_creates_the_contact_with_the_case() {
    let mut app = App::with(with_gp);
    app.keys("N");
    app.text("Bo Berg");
    tab_to(&mut app, Msg::Network);
    app.text("Karin Vinter");
    // Role: employer, the fourth.
    app.keys("tab right right right enter ctrl-s");
    let case = the_case(&app);
    let karin = app
        .store
        .all::<Contact>()
        .unwrap()
        .into_iter()
        .find(|c| c.name == "Karin Vinter")
        .expect("the new contact is created");
    assert_eq!(karin.kind, ContactKind::Employer);
    assert_eq!(case.network[0].contact, karin.id);
    assert_eq!(case.network[0].role, network_role::EMPLOYER);
    // Undo takes the case and the new contact back.
    app.keys("u");
    assert!(app.store.all::<Case>().unwrap().is_empty());
    assert_eq!(app.store.all::<Contact>().unwrap().len(), 1);
}

#[test]
fn a_network_row_is_edited_and_removed_and_an_away_period_ended_early() {
    let mut app = App::with(with_gp);
    type_case_with_network_and_holiday(&mut app);
    app.keys("e");
    tab_to(&mut app, Msg::Network);
    // ← chooses the row, Enter edits it: the role becomes the GP again.
    app.keys("left enter tab left enter");
    tab_to(&mut app, Msg::FieldAway);
    // The holiday ends early, on 4 December.
    app.keys("left enter tab");
    app.text("4/12");
    app.keys("enter ctrl-s");
    let case = the_case(&app);
    assert_eq!(case.network[0].role, network_role::GP);
    assert_eq!(case.away[0].to, d(2026, 12, 4));
    app.keys("e");
    tab_to(&mut app, Msg::Network);
    app.keys("left delete");
    tab_to(&mut app, Msg::FieldAway);
    app.keys("left backspace ctrl-s");
    let case = the_case(&app);
    assert!(case.network.is_empty(), "{:?}", case.network);
    assert!(case.away.is_empty(), "{:?}", case.away);
}

#[test]
fn an_away_period_that_ends_before_it_starts_is_refused_under_its_field() {
    let mut app = App::with(with_gp);
    app.keys("N");
    app.text("Anne Jensen");
    tab_to(&mut app, Msg::FieldAway);
    app.text("11/12");
    app.keys("tab");
    app.text("30/11");
    app.keys("enter ctrl-s");
    let Some(Popup::Record(form)) = &app.model.popup else {
        panic!("the form stays open")
    };
    assert!(
        form.form.has_error(Msg::FieldAway),
        "{:?}",
        form.form.errors
    );
    assert!(app.store.all::<Case>().unwrap().is_empty());
}

#[test]
fn a_row_whose_date_does_not_read_stays_open_with_its_error() {
    let mut app = App::with(with_gp);
    app.keys("N");
    app.text("Anne Jensen");
    tab_to(&mut app, Msg::FieldAway);
    app.text("31/2");
    app.keys("enter");
    let screen = app.screen(80, 24).join("\n");
    assert!(screen.contains("31/2"), "{screen}");
    assert!(screen.contains("! "), "the error under the row:\n{screen}");
    app.keys("esc");
    assert!(
        matches!(app.model.popup, Some(Popup::Record(_))),
        "Esc drops the row's edit, not the form"
    );
}

#[test]
fn the_cases_own_cadence_with_an_end_date_is_on_the_cards_cadence_line() {
    let mut app = App::with_lang(Lang::Da, with_gp);
    app.keys("N");
    app.text("Anne Jensen");
    tab_to(&mut app, Msg::FieldOwnCadence);
    app.text("7d");
    app.keys("tab");
    app.text("1/3/2027");
    app.keys("ctrl-s");
    let case = the_case(&app);
    let cadence = case.cadence_override.expect("an own cadence");
    assert_eq!(
        (cadence.every_days, cadence.until),
        (7, Some(d(2027, 3, 1)))
    );
    let screen = app.screen(120, 40).join("\n");
    assert!(
        screen.contains("sagens egen kadence: hver 7. dag til"),
        "{screen}"
    );
    app.keys("e");
    tab_to(&mut app, Msg::FieldOwnCadence);
    app.text("ugentlig");
    app.keys("ctrl-s");
    let Some(Popup::Record(form)) = &app.model.popup else {
        panic!("refused")
    };
    assert!(form.form.has_error(Msg::FieldOwnCadence));
}

#[test]
fn preferences_reach_via_and_flags_are_saved_from_the_form() {
    let mut app = App::with(with_gp);
    app.keys("N");
    app.text("Anne Jensen");
    tab_to(&mut app, Msg::FieldSos);
    app.keys("space");
    tab_to(&mut app, Msg::FieldReachVia);
    app.text("Værestedet Kirkegade");
    tab_to(&mut app, Msg::FieldInterpreter);
    app.text("arabisk");
    tab_to(&mut app, Msg::FlagCallBeforeSummons);
    app.keys("space");
    tab_to(&mut app, Msg::FieldPrefTime);
    app.text("formiddag");
    app.keys("tab");
    app.text("hjemme");
    app.keys("tab");
    app.text("sms");
    app.keys("enter");
    let case = the_case(&app);
    assert!(case.flags.sos && case.flags.call_before_summons);
    assert_eq!(case.flags.interpreter.as_deref(), Some("arabisk"));
    assert_eq!(case.reach_via, "Værestedet Kirkegade");
    assert_eq!(
        (
            case.preferences.time_of_day.as_str(),
            case.preferences.place.as_str(),
            case.preferences.channel.as_str()
        ),
        ("formiddag", "hjemme", "sms")
    );
}

pub fn case(id: u64, name: &str) -> Case {
    Case {
        id: caseplan::model::CaseId(id),
        name: name.into(),
        alias: String::new(),
        reference: String::new(),
        phones: vec![],
        target_group: "aktivitetsparat".into(),
        flags: caseplan::model::CaseFlags::default(),
        reach_via: String::new(),
        preferences: caseplan::model::Preferences::default(),
        where_now: String::new(),
        next_step: String::new(),
        plan_b: String::new(),
        last_told: String::new(),
        network: vec![],
        cadence_override: None,
        away: vec![],
        status: caseplan::model::CaseStatus::Active,
        created: chrono::DateTime::parse_from_rfc3339("2026-10-01T08:00:00Z")
            .unwrap()
            .to_utc(),
    }
}

pub fn meeting(id: u64, case: u64, start: &str) -> caseplan::model::Meeting {
    use caseplan::model::*;
    Meeting {
        id: MeetingId(id),
        case: Some(CaseId(case)),
        start: crate::harness::at(start),
        minutes: 45,
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

/// Mette Lund (case 2), on holiday 30.11–11.12, needs an interpreter and is SOS-marked; a
/// meeting with her on Tuesday 1 December at 10:00 (meeting 3).
fn away_citizen(store: &Store, _: NaiveDate) {
    let mut mette = case(2, "Mette Lund");
    mette.away.push(caseplan::model::AwayPeriod {
        from: d(2026, 11, 30),
        to: d(2026, 12, 11),
        reason: AwayReason::Holiday,
        note: String::new(),
    });
    mette.flags.interpreter = Some("arabisk".into());
    mette.flags.sos = true;
    store
        .import(&Dataset {
            cases: vec![mette],
            meetings: vec![meeting(3, 2, "2026-12-01 10:00")],
            ..Dataset::default()
        })
        .unwrap();
}

#[test]
fn the_day_view_and_the_detail_pane_warn_that_the_citizen_is_away() {
    use caseplan::domain::conflicts::Warning;
    let mut app = App::with(away_citizen);
    app.keys("g d");
    app.text("1/12");
    app.keys("enter j");
    let start = crate::harness::at("2026-12-01 10:00");
    assert_eq!(
        app.model
            .window
            .warnings_of(caseplan::model::MeetingId(3), start),
        [Warning::CitizenAway {
            reason: AwayReason::Holiday
        }]
    );
    let screen = app.screen(120, 40).join("\n");
    assert!(screen.contains("citizen away"), "{screen}");
}

#[test]
fn the_meeting_form_names_the_cases_flags_and_warns_when_the_citizen_is_away() {
    use caseplan::domain::conflicts::Warning;
    let mut app = App::with(away_citizen);
    app.keys("/");
    app.text("mette");
    app.keys("enter b");
    let Some(editor) = app.model.form() else {
        panic!("b opens the meeting form ({})", app.status())
    };
    let flags: Vec<&str> = editor
        .form
        .warnings_of(caseplan::app::forms::meeting::Field::Case)
        .collect();
    assert_eq!(flags, ["Interpreter: arabisk", "SOS"]);
    let screen = app.screen(80, 24).join("\n");
    assert!(screen.contains("⚠ Interpreter: arabisk"), "{screen}");
    assert!(screen.contains("⚠ SOS"), "{screen}");
    // Booked for 2 December, inside the holiday.
    app.keys("tab");
    app.text("2/12 10:00");
    let editor = app.model.form().unwrap();
    assert!(
        editor.conflicts.contains(&Warning::CitizenAway {
            reason: AwayReason::Holiday
        }),
        "{:?}",
        editor.conflicts
    );
    let screen = app.screen(120, 40).join("\n");
    assert!(screen.contains("citizen away"), "{screen}");
}

// ---------------------------------------------------------------------------------------------
// The command line: `caseplan case add` and `caseplan case edit` with the same fields.

fn stored_case(dir: &std::path::Path, name: &str) -> (Case, Vec<Contact>) {
    let store = Store::open(dir).unwrap();
    let case = store
        .all::<Case>()
        .unwrap()
        .into_iter()
        .find(|c| c.name == name)
        .expect("the case is stored");
    (case, store.all::<Contact>().unwrap())
}

#[test]
fn cli_case_add_takes_the_network_away_periods_cadence_preferences_and_flags() {
    use crate::common::{caseplan, stderr, stdout};
    let dir = tempfile::tempdir().unwrap();
    let out = caseplan(
        dir.path(),
        &[
            "case",
            "add",
            "Anne Jensen",
            "--network",
            "Lone Holm:læge",
            "--network",
            "Jonas Berg:mentor",
            "--away",
            "2026-12-01..2026-12-11:ferie",
            "--away",
            "2027-01-10..2027-01-12:hospital:ring efter udskrivelse",
            "--cadence",
            "7d:2027-03-01",
            "--prefer-time",
            "formiddag",
            "--prefer-place",
            "hjemme",
            "--prefer-channel",
            "sms",
            "--reach-via",
            "Værestedet",
            "--interpreter",
            "arabisk",
            "--sos",
            "--call-before-summons",
            "--no-working-phone",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("added case Anne Jensen"));
    let (case, contacts) = stored_case(dir.path(), "Anne Jensen");
    let lone = contacts.iter().find(|c| c.name == "Lone Holm").unwrap();
    assert_eq!(
        lone.kind,
        ContactKind::Gp,
        "a new contact of the role's kind"
    );
    assert_eq!(case.network.len(), 2);
    assert_eq!(case.network[0].contact, lone.id);
    assert_eq!(case.network[1].role, network_role::MENTOR);
    assert_eq!(case.away.len(), 2);
    assert_eq!(case.away[1].reason, AwayReason::Hospital);
    assert_eq!(case.away[1].note, "ring efter udskrivelse");
    let cadence = case.cadence_override.clone().unwrap();
    assert_eq!(
        (cadence.every_days, cadence.until),
        (7, Some(d(2027, 3, 1)))
    );
    assert_eq!(case.preferences.channel, "sms");
    assert_eq!(case.reach_via, "Værestedet");
    assert!(case.flags.sos && case.flags.call_before_summons && case.flags.no_working_phone);
    assert_eq!(case.flags.interpreter.as_deref(), Some("arabisk"));
    let card = caseplan(dir.path(), &["card", "Anne Jensen"]);
    let sheet = stdout(&card);
    assert!(
        sheet.contains("Lone Holm") && sheet.contains("Jonas Berg"),
        "{sheet}"
    );
    assert!(sheet.contains("01.12–11.12"), "{sheet}");
}

#[test]
fn cli_case_edit_adds_ends_and_removes_and_leaves_the_rest_as_it_was() {
    use crate::common::{caseplan, stderr};
    let dir = tempfile::tempdir().unwrap();
    let add = [
        "case",
        "add",
        "Anne Jensen",
        "--reference",
        "2026-04512",
        "--network",
        "Lone Holm:gp",
        "--away",
        "2026-12-01..2026-12-11:holiday",
        "--sos",
    ];
    assert!(caseplan(dir.path(), &add).status.success());
    let out = caseplan(
        dir.path(),
        &[
            "case",
            "edit",
            "2026-04512",
            "--network",
            "Lone Holm:mentor",
            "--network",
            "Karin Vinter:arbejdsgiver",
            "--end-away",
            "2026-12-04",
            "--sos=false",
            "--cadence",
            "14",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let (case, _) = stored_case(dir.path(), "Anne Jensen");
    assert_eq!(case.network.len(), 2, "one changed, one added");
    assert_eq!(case.network[0].role, network_role::MENTOR);
    assert_eq!(case.away[0].to, d(2026, 12, 4), "ended early");
    assert!(!case.flags.sos);
    assert_eq!(case.reference, "2026-04512", "left as it was");
    assert_eq!(case.cadence_override.map(|c| c.every_days), Some(14));
    let out = caseplan(
        dir.path(),
        &[
            "case",
            "edit",
            "Anne Jensen",
            "--remove-network",
            "lone holm",
            "--clear-away",
            "--cadence",
            "none",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let (case, contacts) = stored_case(dir.path(), "Anne Jensen");
    assert_eq!(case.network.len(), 1);
    assert!(case.away.is_empty() && case.cadence_override.is_none());
    assert_eq!(
        contacts.len(),
        2,
        "removing from the network keeps the contact"
    );
}

#[test]
fn cli_case_options_with_bad_values_say_what_was_wrong_and_write_nothing() {
    use crate::common::{caseplan, stderr};
    let dir = tempfile::tempdir().unwrap();
    for (option, value, said) in [
        (
            "--away",
            "2026-12-11..2026-12-01:ferie",
            "ends before it starts",
        ),
        (
            "--away",
            "2026-12-01..2026-12-11:ski",
            "unknown reason \"ski\"",
        ),
        ("--away", "2026-12-01:ferie", "FROM..TO:REASON"),
        ("--away", "2026-12-01..31/2:ferie", "31/2"),
        ("--network", "Lone Holm", "NAME:ROLE"),
        ("--network", "Lone Holm:chef", "unknown role \"chef\""),
        ("--cadence", "ugentlig", "days between meetings"),
        ("--cadence", "7d:aldrig", "aldrig"),
        ("--interpreter", "010190-1234", "CPR"),
    ] {
        let out = caseplan(dir.path(), &["case", "add", "Anne Jensen", option, value]);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{option} {value} is refused as input"
        );
        let err = stderr(&out);
        assert!(err.contains(said), "{option} {value}: {err}");
    }
    let out = caseplan(dir.path(), &["case", "edit", "Nobody", "--sos"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("no case matches"), "{}", stderr(&out));
    let store = Store::open(dir.path()).unwrap();
    assert!(store.all::<Case>().unwrap().is_empty());
    assert!(store.all::<Contact>().unwrap().is_empty());
}

#[test]
fn case_form_snapshots_in_both_languages_and_sizes() {
    use crate::harness::{lang_code, snap};
    for lang in [Lang::Da, Lang::En] {
        let mut app = App::with_lang(lang, with_gp);
        app.keys("N");
        app.text("Anne Jensen");
        tab_to(&mut app, Msg::Network);
        app.text("lone");
        app.keys("tab right enter");
        tab_to(&mut app, Msg::FieldAway);
        app.text("30/11");
        app.keys("tab");
        app.text("11/12");
        app.keys("enter");
        // The away list chosen, its row kept; then a second row being typed.
        for (w, h) in [(80, 24), (120, 40)] {
            snap(
                &format!("case_form_lists_{}_{w}x{h}", lang_code(lang)),
                &app.draw(w, h),
            );
        }
        app.keys("right");
        app.text("1/2");
        for (w, h) in [(80, 24), (120, 40)] {
            snap(
                &format!("case_form_row_{}_{w}x{h}", lang_code(lang)),
                &app.draw(w, h),
            );
        }
    }
}
