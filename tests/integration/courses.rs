//! Supplier courses (#6) as a caseworker uses them: keys typed from the case card, results read
//! from the store and the screen. The clock is frozen at Tuesday 24 November 2026 09:00.

use crate::harness;
use crate::harness::{App, lang_code, snap};
use caseplan::app::model::Screen;
use caseplan::app::popup::Popup;
use caseplan::domain::schedule::new_reports;
use caseplan::i18n::Lang;
use caseplan::model::{
    Case, CaseFlags, CaseId, CaseStatus, Channel, Contact, ContactId, ContactKind, Course,
    CourseId, CourseOutcome, Dataset, Meeting, OrderChecklist, Preferences, ReportAction,
    ReportCadence, Role, purpose,
};
use chrono::{NaiveDate, TimeZone, Utc};

const CASE: CaseId = CaseId(1);
const UDSYN: ContactId = ContactId(2);
const JONAS: ContactId = ContactId(3);
const ANNA: ContactId = ContactId(4);
const JOBHUSET: ContactId = ContactId(5);
const COURSE: CourseId = CourseId(10);

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn contact(id: ContactId, name: &str, kind: ContactKind, org: Option<ContactId>) -> Contact {
    Contact {
        id,
        name: name.into(),
        kind,
        organisation: org,
        title: String::new(),
        work_phone: String::new(),
        email: String::new(),
        note: String::new(),
    }
}

/// One citizen, two suppliers and two consultants; with `course`, a monthly course at Udsyn
/// from 20 July to 18 December 2026 whose August–October reports are in and read and whose
/// 20 November report is late.
fn dataset(course: bool) -> Dataset {
    let case = Case {
        id: CASE,
        name: "Mette Lund".into(),
        alias: String::new(),
        reference: String::new(),
        phones: vec![],
        target_group: "aktivitetsparat".into(),
        flags: CaseFlags::default(),
        reach_via: String::new(),
        preferences: Preferences::default(),
        where_now: String::new(),
        next_step: String::new(),
        plan_b: String::new(),
        last_told: String::new(),
        network: vec![],
        cadence_override: None,
        away: vec![],
        status: CaseStatus::Active,
        created: Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap(),
    };
    let mut data = Dataset {
        cases: vec![case],
        contacts: vec![
            contact(UDSYN, "Udsyn Mentorhuset", ContactKind::Supplier, None),
            contact(JONAS, "Jonas Berg", ContactKind::Consultant, Some(UDSYN)),
            contact(ANNA, "Anna Holm", ContactKind::Mentor, Some(UDSYN)),
            contact(JOBHUSET, "Jobhuset Vest", ContactKind::Supplier, None),
        ],
        ..Dataset::default()
    };
    if course {
        let (start, end) = (d(2026, 7, 20), d(2026, 12, 18));
        let mut reports = new_reports(start, end, &ReportCadence::Monthly);
        for r in reports.iter_mut().filter(|r| r.due < d(2026, 11, 1)) {
            r.received = Some(r.due);
            r.read = Some(r.due);
            r.action = Some(ReportAction::Fine);
        }
        data.courses.push(Course {
            id: COURSE,
            case: CASE,
            supplier: UDSYN,
            consultant: Some(JONAS),
            kind: "afklaring".into(),
            start,
            end,
            hours_per_week: Some(10),
            cadence: ReportCadence::Monthly,
            checklist: OrderChecklist {
                purpose: "afklaring af arbejdsevne".into(),
                close_follow_up: true,
                direct_contact_given: false,
                preferred_consultant: String::new(),
            },
            reports,
            outcome: None,
            continues: None,
        });
    }
    data
}

fn app(lang: Lang, course: bool) -> App {
    App::with_lang(lang, |store, _| store.import(&dataset(course)).unwrap())
}

/// `/`, the name, Enter: the case card.
fn open_card(app: &mut App) {
    app.keys("/");
    app.text("Mette");
    app.keys("enter");
    assert!(
        matches!(app.model.screen, Screen::Card { .. }),
        "the card opens; status: {}",
        app.status()
    );
}

fn card(app: &App) -> &caseplan::query::card::Card {
    match &app.model.screen {
        Screen::Card { card, .. } => card,
        _ => panic!("no card open"),
    }
}

fn course(app: &App, id: CourseId) -> Course {
    app.store.get::<Course>(id).unwrap().expect("the course")
}

fn courses(app: &App) -> Vec<Course> {
    app.store.for_case::<Course>(CASE).unwrap()
}

/// The reminders of the card's first course, in words.
fn reminders(app: &App) -> Vec<String> {
    card(app)
        .courses
        .first()
        .map(|c| {
            c.reminders
                .iter()
                .map(|r| caseplan::i18n::course_reminder(r, app.model.lang))
                .collect()
        })
        .unwrap_or_default()
}

fn screen_text(app: &App) -> String {
    app.screen(100, 40).join("\n")
}

#[test]
fn a_course_is_created_from_the_card_with_its_report_schedule() {
    let mut app = app(Lang::En, false);
    open_card(&mut app);
    app.keys("f");
    assert!(matches!(app.model.popup, Some(Popup::CourseForm(_))));
    app.text("udsyn");
    app.keys("tab");
    app.text("jonas");
    // Kind, start, end: the defaults. Hours: 10.
    app.keys("tab tab tab tab");
    app.text("10");
    app.keys("tab tab");
    app.text("afklaring af arbejdsevne");
    app.keys("enter");
    assert!(app.model.popup.is_none(), "saved: {}", app.status());
    assert!(
        app.status().starts_with("Saved: new course:"),
        "{}",
        app.status()
    );

    let all = courses(&app);
    assert_eq!(all.len(), 1);
    let c = &all[0];
    assert_eq!((c.supplier, c.consultant), (UDSYN, Some(JONAS)));
    assert_eq!(c.start, d(2026, 11, 24));
    assert_eq!(c.end, d(2027, 5, 25), "26 weeks by default");
    assert_eq!(c.hours_per_week, Some(10));
    assert_eq!(c.cadence, ReportCadence::Monthly);
    assert_eq!(c.checklist.purpose, "afklaring af arbejdsevne");
    let dues: Vec<_> = c.reports.iter().map(|r| (r.due, r.is_final)).collect();
    assert_eq!(
        dues,
        vec![
            (d(2026, 12, 24), false),
            (d(2027, 1, 24), false),
            (d(2027, 2, 24), false),
            (d(2027, 3, 24), false),
            (d(2027, 4, 24), false),
            (d(2027, 5, 25), true),
        ]
    );
    // The card shows it at once, with the order's gaps.
    let line = &card(&app).courses[0];
    assert_eq!(line.next_report_due, Some(d(2026, 12, 24)));
    let text = screen_text(&app);
    assert!(text.contains("Udsyn Mentorhuset"), "{text}");
    assert!(text.contains("⚠ close follow-up not asked for"), "{text}");
    assert!(text.contains("⚠ direct contact not given"), "{text}");
}

#[test]
fn the_course_form_shows_errors_under_the_fields_and_saves_nothing() {
    let mut app = app(Lang::Da, false);
    open_card(&mut app);
    app.keys("f tab tab tab tab");
    // The end date: something that is not a date.
    for _ in 0..12 {
        app.keys("backspace");
    }
    app.text("snart");
    app.keys("tab tab");
    for _ in 0..12 {
        app.keys("backspace");
    }
    app.text("hvert kvartal");
    app.keys("enter");
    let Some(Popup::CourseForm(form)) = &app.model.popup else {
        panic!("the form stays open");
    };
    let fields: Vec<_> = form.form.errors.iter().map(|e| e.0).collect();
    use caseplan::app::forms::course::CourseField;
    assert_eq!(
        fields,
        vec![
            CourseField::Supplier,
            CourseField::End,
            CourseField::Cadence
        ]
    );
    let text = screen_text(&app);
    assert!(text.contains("! Vælg en leverandør"), "{text}");
    assert!(text.contains("! Skriv månedlig, 4u, slut"), "{text}");
    assert!(courses(&app).is_empty());
}

#[test]
fn given_dates_and_every_n_weeks_are_typed_as_a_cadence() {
    let mut app = app(Lang::Da, false);
    open_card(&mut app);
    app.keys("f");
    app.text("udsyn");
    app.keys("tab tab tab tab tab tab");
    for _ in 0..12 {
        app.keys("backspace");
    }
    app.text("31/1, 28/2");
    app.keys("enter");
    let c = &courses(&app)[0];
    assert_eq!(
        c.cadence,
        ReportCadence::Dates {
            dates: vec![d(2027, 1, 31), d(2027, 2, 28)]
        }
    );
    let dues: Vec<_> = c.reports.iter().map(|r| r.due).collect();
    assert_eq!(dues, vec![d(2027, 1, 31), d(2027, 2, 28), d(2027, 5, 25)]);
}

#[test]
fn a_late_report_is_marked_received_then_read_with_what_was_done() {
    let mut app = app(Lang::En, true);
    open_card(&mut app);
    assert!(
        screen_text(&app)
            .contains("monthly report from Udsyn Mentorhuset, was due 20.11, 4 days late"),
        "{}",
        screen_text(&app)
    );
    // r asks when it arrived, today suggested: Enter takes it.
    app.keys("o r enter");
    let c = course(&app, COURSE);
    assert_eq!(c.reports[3].due, d(2026, 11, 20));
    assert_eq!(c.reports[3].received, Some(d(2026, 11, 24)));
    assert!(
        app.status().contains("report received: 20.11.2026"),
        "{}",
        app.status()
    );
    assert!(
        matches!(app.model.popup, Some(Popup::Items(_))),
        "the popup stays open"
    );
    // Now unread: the card says so.
    assert!(
        reminders(&app).contains(
            &"monthly report from Udsyn Mentorhuset, received 24.11, not read".to_string()
        ),
        "{:?}",
        reminders(&app)
    );

    app.keys("v");
    assert!(matches!(app.model.popup, Some(Popup::CourseDialog(_))));
    app.keys("right");
    app.text("more practice hours");
    app.keys("enter");
    let c = course(&app, COURSE);
    let r = &c.reports[3];
    assert_eq!(r.read, Some(d(2026, 11, 24)));
    assert_eq!(r.action, Some(ReportAction::GoalsAdjusted));
    assert_eq!(r.note, "more practice hours");
    assert!(matches!(app.model.popup, Some(Popup::Items(_))));
    assert!(!reminders(&app).iter().any(|r| r.contains("not read")));
    // Each change is one undo step, from the card.
    app.keys("esc u");
    assert_eq!(course(&app, COURSE).reports[3].read, None);
    assert!(
        app.status().starts_with("Undone: report read:"),
        "{}",
        app.status()
    );
}

#[test]
fn the_report_cursor_chooses_which_report_a_key_acts_on() {
    let mut app = app(Lang::En, true);
    open_card(&mut app);
    // The last report (the final one) under the cursor.
    app.keys("o [ r enter");
    let c = course(&app, COURSE);
    assert_eq!(c.reports[4].received, Some(d(2026, 11, 24)));
    assert_eq!(c.reports[3].received, None, "the late one was not touched");
}

#[test]
fn a_late_report_is_chased_in_one_key_and_enter() {
    let mut app = app(Lang::En, true);
    open_card(&mut app);
    app.keys("o c enter");
    let chases = &course(&app, COURSE).reports[3].chases;
    assert_eq!(chases.len(), 1);
    assert_eq!(chases[0].channel, Channel::Phone);
    // Another, by mail with a note: the second chase suggests escalating.
    app.keys("c right right");
    app.text("sent to the team leader");
    app.keys("enter");
    let chases = &course(&app, COURSE).reports[3].chases;
    assert_eq!(chases.len(), 2);
    assert_eq!(chases[1].channel, Channel::Mail);
    assert_eq!(chases[1].note, "sent to the team leader");
    let words = reminders(&app);
    assert!(
        words.contains(
            &"monthly report from Udsyn Mentorhuset, chased 2 times, consider taking it to the supplier's management (default: after 2 chases)".to_string()
        ),
        "{words:?}"
    );
}

#[test]
fn extending_regenerates_the_schedule_and_keeps_received_reports() {
    let mut app = app(Lang::En, true);
    open_card(&mut app);
    let before = course(&app, COURSE);
    app.keys("o x");
    let Some(Popup::CourseDialog(dialog)) = &app.model.popup else {
        panic!("the extension asks for the new end");
    };
    assert_eq!(dialog.text(), "18.03.2027", "three months by default");
    app.keys("enter");
    let c = course(&app, COURSE);
    assert_eq!(c.end, d(2027, 3, 18));
    assert_eq!(
        c.outcome,
        Some(CourseOutcome::Extended {
            on: d(2026, 11, 24),
            previous_end: d(2026, 12, 18)
        })
    );
    assert_eq!(
        &c.reports[..3],
        &before.reports[..3],
        "received reports kept"
    );
    let dues: Vec<_> = c.reports.iter().map(|r| (r.due, r.is_final)).collect();
    assert_eq!(
        dues,
        vec![
            (d(2026, 8, 20), false),
            (d(2026, 9, 20), false),
            (d(2026, 10, 20), false),
            (d(2026, 11, 20), false),
            (d(2026, 12, 20), false),
            (d(2027, 1, 20), false),
            (d(2027, 2, 20), false),
            (d(2027, 3, 18), true),
        ]
    );
    assert!(app.status().contains("→ 18.03.2027"), "{}", app.status());
}

#[test]
fn the_three_party_meeting_is_booked_with_citizen_and_consultant() {
    let mut app = app(Lang::En, true);
    open_card(&mut app);
    app.keys("o b");
    let Some(Popup::Form(editor)) = &app.model.popup else {
        panic!("the meeting form opens; status: {}", app.status());
    };
    assert_eq!(editor.purpose_key(), purpose::THREE_PARTY);
    assert_eq!(editor.case(), Some(CASE));
    app.keys("enter");
    let booked: Vec<Meeting> = app
        .store
        .all::<Meeting>()
        .unwrap()
        .into_iter()
        .filter(|m| m.case == Some(CASE))
        .collect();
    assert_eq!(booked.len(), 1, "status: {}", app.status());
    let m = &booked[0];
    assert_eq!(m.purpose, purpose::THREE_PARTY);
    assert!(m.start >= harness::at(harness::NOW));
    assert!(m.participants.iter().any(|p| p.role == Role::Citizen));
    assert!(
        m.participants
            .iter()
            .any(|p| p.role == Role::Consultant && p.contact == Some(JONAS))
    );
}

#[test]
fn an_interim_report_is_asked_for_when_the_final_comes_after_the_summons() {
    let mut app = app(Lang::En, true);
    open_card(&mut app);
    // Ends 18 Dec, summons by 4 Dec, the final report due 18 Dec: interim due 27 Nov.
    app.keys("o i");
    let c = course(&app, COURSE);
    assert!(
        c.reports
            .iter()
            .any(|r| r.due == d(2026, 11, 27) && !r.is_final),
        "{:?}",
        c.reports
    );
    // Asked once is enough.
    app.keys("i");
    assert_eq!(course(&app, COURSE).reports.len(), c.reports.len());
}

#[test]
fn outcomes_complete_interrupt_and_change_consultant() {
    let mut app = app(Lang::En, true);
    open_card(&mut app);
    app.keys("o P");
    app.text("anna");
    app.keys("enter");
    let c = course(&app, COURSE);
    assert_eq!(c.consultant, Some(ANNA));
    assert_eq!(
        c.outcome,
        Some(CourseOutcome::ConsultantChanged {
            on: d(2026, 11, 24),
            previous: Some(JONAS)
        })
    );
    // Interrupt asks first: Esc leaves the course as it was.
    app.keys("I esc");
    assert!(matches!(app.model.popup, Some(Popup::Items(_))));
    assert_eq!(course(&app, COURSE).outcome, c.outcome);
    app.keys("I enter");
    assert_eq!(
        course(&app, COURSE).outcome,
        Some(CourseOutcome::Interrupted {
            on: d(2026, 11, 24)
        })
    );
    // A finished course takes no more outcomes, and leaves the card.
    app.keys("C");
    assert_eq!(app.status(), "The course is finished.");
    assert!(card(&app).courses.is_empty());
}

#[test]
fn completing_is_one_key_and_one_undo() {
    let mut app = app(Lang::En, true);
    open_card(&mut app);
    app.keys("o C");
    assert_eq!(
        course(&app, COURSE).outcome,
        Some(CourseOutcome::Completed {
            on: d(2026, 11, 24)
        })
    );
    app.keys("esc u");
    assert_eq!(course(&app, COURSE).outcome, None);
}

#[test]
fn a_supplier_change_makes_a_new_course_that_continues_the_old() {
    let mut app = app(Lang::En, true);
    open_card(&mut app);
    app.keys("o S");
    app.text("jobhuset");
    app.keys("enter");
    let all = courses(&app);
    assert_eq!(all.len(), 2, "status: {}", app.status());
    let new = all.iter().find(|c| c.id != COURSE).unwrap();
    assert_eq!(new.supplier, JOBHUSET);
    assert_eq!(new.continues, Some(COURSE));
    assert_eq!(new.start, d(2026, 11, 24));
    assert_eq!(new.kind, "afklaring");
    let old = course(&app, COURSE);
    assert_eq!(
        old.outcome,
        Some(CourseOutcome::SupplierChanged {
            on: d(2026, 11, 24),
            next: new.id
        })
    );
    assert_eq!(old.reports.len(), 5, "the old course keeps its history");
    // One step: undo removes the new course and reopens the old.
    app.keys("esc u");
    assert_eq!(courses(&app).len(), 1);
    assert_eq!(course(&app, COURSE).outcome, None);
}

#[test]
fn editing_the_cadence_regenerates_the_schedule_keeping_what_was_received() {
    let mut app = app(Lang::En, true);
    open_card(&mut app);
    app.keys("o e");
    let Some(Popup::CourseForm(form)) = &app.model.popup else {
        panic!("the form opens");
    };
    assert!(form.is_edit());
    // From the consultant field to the cadence.
    app.keys("tab tab tab tab tab");
    for _ in 0..10 {
        app.keys("backspace");
    }
    app.text("end");
    app.keys("enter");
    let c = course(&app, COURSE);
    assert_eq!(c.cadence, ReportCadence::EndOnly);
    let dues: Vec<_> = c.reports.iter().map(|r| (r.due, r.is_final)).collect();
    // The three read reports and the late one stay; only the final report is ahead.
    assert_eq!(
        dues,
        vec![
            (d(2026, 8, 20), false),
            (d(2026, 9, 20), false),
            (d(2026, 10, 20), false),
            (d(2026, 11, 20), false),
            (d(2026, 12, 18), true),
        ]
    );
}

#[test]
fn course_form_snapshots() {
    for lang in [Lang::Da, Lang::En] {
        let mut app = app(lang, false);
        open_card(&mut app);
        app.keys("f");
        app.text("udsyn");
        app.keys("tab");
        app.text("jo");
        snap(
            &format!("course_form_{}_80x24", lang_code(lang)),
            &app.draw(80, 24),
        );
    }
}

#[test]
fn card_course_section_snapshots() {
    for lang in [Lang::Da, Lang::En] {
        let mut app = app(lang, true);
        open_card(&mut app);
        snap(
            &format!("card_course_{}_80x24", lang_code(lang)),
            &app.draw(80, 24),
        );
    }
}

#[test]
fn items_popup_with_a_report_dialog_snapshot() {
    let mut app = app(Lang::Da, true);
    open_card(&mut app);
    app.keys("o v");
    // Nothing unread yet: the key says so and the popup stays.
    assert_eq!(
        app.status(),
        "Ingen modtaget rapport venter på at blive læst."
    );
    app.keys("r enter v right");
    snap("course_read_dialog_da_80x24", &app.draw(80, 24));
}

#[test]
fn arrows_on_an_empty_consultant_field_walk_the_suppliers_people() {
    let mut app = app(Lang::En, false);
    open_card(&mut app);
    app.keys("f");
    app.text("udsyn");
    app.keys("tab right");
    let Some(Popup::CourseForm(form)) = &app.model.popup else {
        panic!("the form is open");
    };
    let first = form.consultant();
    assert!(matches!(first, Some(JONAS) | Some(ANNA)), "{first:?}");
    app.keys("right");
    let Some(Popup::CourseForm(form)) = &app.model.popup else {
        panic!("the form is open");
    };
    assert_ne!(form.consultant(), first, "→ moves on");
    app.keys("enter");
    assert!(courses(&app)[0].consultant.is_some());
}

/// The test course, ended on 10 November 2026 without an outcome yet.
fn app_with_ended_course(lang: Lang) -> App {
    App::with_lang(lang, |store, _| {
        let mut data = dataset(true);
        let c = &mut data.courses[0];
        c.end = d(2026, 11, 10);
        c.reports = new_reports(c.start, c.end, &ReportCadence::Monthly);
        store.import(&data).unwrap()
    })
}

#[test]
fn editing_an_ended_course_keeps_its_end() {
    let mut app = app_with_ended_course(Lang::En);
    let before = course(&app, COURSE);
    open_card(&mut app);
    app.keys("o e");
    let Some(Popup::CourseForm(form)) = &app.model.popup else {
        panic!("the form opens; status: {}", app.status());
    };
    assert!(form.is_edit());
    assert_eq!(
        form.form
            .text(caseplan::app::forms::course::CourseField::End),
        "10.11.2026",
        "the form shows the course's own end, not today"
    );
    app.keys("enter");
    assert!(app.model.popup.is_some() || app.status().starts_with("Saved"));
    let after = course(&app, COURSE);
    assert_eq!(after.end, d(2026, 11, 10));
    assert_eq!(after.reports, before.reports, "the schedule is unchanged");
}

#[test]
fn a_successor_course_still_runs_from_today_at_the_earliest() {
    let mut app = app_with_ended_course(Lang::En);
    open_card(&mut app);
    app.keys("o S");
    let Some(Popup::CourseForm(form)) = &app.model.popup else {
        panic!("the form opens; status: {}", app.status());
    };
    assert!(!form.is_edit());
    assert_eq!(
        form.form
            .text(caseplan::app::forms::course::CourseField::End),
        "24.11.2026"
    );
}

#[test]
fn a_course_ending_before_it_starts_is_refused_under_the_end() {
    let mut app = app(Lang::Da, false);
    open_card(&mut app);
    app.keys("f");
    app.text("udsyn");
    app.keys("tab tab tab tab");
    for _ in 0..12 {
        app.keys("backspace");
    }
    app.text("1.11.2026");
    app.keys("enter");
    let Some(Popup::CourseForm(form)) = &app.model.popup else {
        panic!("the form stays open");
    };
    use caseplan::app::forms::course::CourseField;
    let fields: Vec<_> = form.form.errors.iter().map(|e| e.0).collect();
    assert_eq!(fields, vec![CourseField::End]);
    let text = screen_text(&app);
    assert!(
        text.contains("! Slutdatoen ligger før startdatoen"),
        "{text}"
    );
    assert!(courses(&app).is_empty());
}

#[test]
fn the_three_party_form_opens_after_busy_time_from_outlook() {
    let mut app = App::with_lang(Lang::En, |store, today| {
        store.import(&dataset(true)).unwrap();
        // Today and tomorrow are taken in Outlook (#16); a block marked free after them is not.
        let block = |id: u64, day: u64, free: bool| caseplan::model::ExternalBlock {
            id: caseplan::model::ExternalId(id),
            source: "Outlook".into(),
            uid: format!("kursus-{id}"),
            occurrence: None,
            start: today
                .checked_add_days(chrono::Days::new(day))
                .unwrap()
                .and_hms_opt(0, 0, 0)
                .unwrap(),
            minutes: 24 * 60,
            all_day: true,
            title: "Kursus".into(),
            free,
            private: false,
        };
        let changes: Vec<_> = [
            block(950, 0, false),
            block(951, 1, false),
            block(952, 2, true),
        ]
        .into_iter()
        .map(|b| caseplan::store::Change::Put(caseplan::store::AnyRecord::External(b)))
        .collect();
        store.write(&changes).unwrap();
    });
    open_card(&mut app);
    app.keys("o b");
    let Some(Popup::Form(editor)) = &app.model.popup else {
        panic!("the meeting form opens; status: {}", app.status());
    };
    let start = editor
        .start_time(harness::at(harness::NOW).date())
        .expect("the form's start reads");
    assert_eq!(
        start.date(),
        harness::at("2026-11-26 00:00").date(),
        "{start}"
    );
}

#[test]
fn without_a_free_slot_the_three_party_form_opens_now_not_in_the_past() {
    let mut app = App::with_lang(Lang::En, |store, today| {
        store.import(&dataset(true)).unwrap();
        // Every day of the next six weeks is one all-day block.
        for day in 0..42u64 {
            let date = today.checked_add_days(chrono::Days::new(day)).unwrap();
            store
                .put(&Meeting {
                    id: caseplan::model::MeetingId(900 + day),
                    case: None,
                    start: date.and_hms_opt(0, 0, 0).unwrap(),
                    minutes: 24 * 60 - 1,
                    purpose: purpose::ADMIN.into(),
                    form: caseplan::model::MeetingForm::InPerson,
                    place: Default::default(),
                    participants: vec![],
                    booked_by: Default::default(),
                    prep_minutes: 0,
                    follow_up_minutes: 0,
                    status: caseplan::model::MeetingStatus::Planned,
                    outcome: String::new(),
                    title: "Kursus".into(),
                    note: String::new(),
                    revision: 0,
                    travel_minutes: 0,
                    moved_to: None,
                    moved_from: None,
                    repeat: None,
                })
                .unwrap();
        }
    });
    open_card(&mut app);
    app.keys("o b");
    let Some(Popup::Form(editor)) = &app.model.popup else {
        panic!("the meeting form opens; status: {}", app.status());
    };
    assert!(app.status().starts_with("No free time"), "{}", app.status());
    let start = editor
        .start_time(harness::at(harness::NOW).date())
        .expect("the form's start reads");
    assert!(
        start >= harness::at(harness::NOW),
        "the form opens at {start}, before now"
    );
}

#[test]
fn the_report_cursor_stays_on_screen_in_a_long_schedule() {
    // A weekly course of half a year: 26 reports, far more than 80x24 shows.
    let mut app = App::with_lang(Lang::Da, |store, _| {
        let mut data = dataset(true);
        let c = &mut data.courses[0];
        c.start = d(2026, 6, 1);
        c.end = d(2026, 12, 4);
        c.cadence = ReportCadence::EveryWeeks { weeks: 1 };
        c.reports = new_reports(c.start, c.end, &c.cadence);
        assert!(c.reports.len() >= 26, "{}", c.reports.len());
        store.import(&data).unwrap()
    });
    open_card(&mut app);
    app.keys("o");
    let count = course(&app, COURSE).reports.len();
    for step in 1..=count {
        app.keys("]");
        let rows = app.screen(80, 24);
        let Some(Popup::Items(items)) = &app.model.popup else {
            panic!("the items popup stays open");
        };
        let report = items.report.expect("a report under the cursor");
        assert_eq!(report, step - 1);
        let due = caseplan::time::format_date(course(&app, COURSE).reports[report].due);
        assert!(
            rows.iter()
                .any(|row| row.contains(&format!("▶! {due}")) || row.contains(&format!("▶  {due}"))),
            "report {report} ({due}) is not on screen:\n{}",
            rows.join("\n")
        );
    }
    // Back up again: the cursor is still shown.
    app.keys("[ [ [ [ [ [ [ [ [ [ [ [ [ [ [ [ [ [ [ [ [ [ [ [ [");
    let rows = app.screen(80, 24).join("\n");
    assert!(rows.contains("▶! 08.06.2026"), "{rows}");
}

#[test]
fn a_reason_words_its_setting_rather_than_naming_a_config_key() {
    use caseplan::config::{Courses, Medical};
    use caseplan::domain::chase;
    use caseplan::domain::due::{DueItem, DueWhat};
    use caseplan::domain::reports::course_reminders;
    use caseplan::i18n::due_words::due_reason;
    let mut c = dataset(true).courses.remove(0);
    c.end = d(2026, 12, 2);
    let today = d(2026, 11, 24);
    let reminders = course_reminders(&c, today, &Courses::default(), Some("Udsyn"));
    let summons = reminders
        .iter()
        .find(|r| r.kind == caseplan::domain::reminder::ReminderKind::SummonBeforeEnd)
        .expect("the summons is due")
        .clone();
    let item = |reminder| DueItem {
        key: String::new(),
        due: today,
        case: CASE,
        case_name: "Mette Lund".into(),
        days_late: None,
        what: DueWhat::Reminder { reminder },
    };
    let da = due_reason(&item(summons.clone()), today, Lang::Da);
    assert!(da.contains("standard: 14 dage før slut"), "{da}");
    assert!(!da.contains("courses."), "{da}");
    let en = due_reason(&item(summons), today, Lang::En);
    assert!(en.contains("default: 14 days before the end"), "{en}");
    // A medical reminder too: the first reminder after the deadline.
    let request: caseplan::model::MedicalRequest = serde_json::from_value(serde_json::json!({
        "id": 5, "case": 1, "kind": "statusattest", "questions": "", "purpose": "",
        "consent": "2026-11-02", "sent": "2026-11-02",
    }))
    .unwrap();
    let medical = Medical::default();
    let step = chase::next_step(&request, today, &medical).expect("a reminder is due");
    let words = due_reason(&item(step), today, Lang::Da);
    assert!(!words.contains("medical."), "{words}");
    assert!(words.contains("standard:"), "{words}");
}

#[test]
fn the_start_date_is_replaced_when_typed_over_and_the_end_follows_it() {
    let mut app = app(Lang::En, false);
    open_card(&mut app);
    app.keys("f");
    app.text("udsyn");
    // Down to the start (↓ moves like Tab): it shows today's date, selected.
    app.keys("down down down");
    app.text("1/12");
    app.keys("enter");
    let all = courses(&app);
    assert_eq!(all.len(), 1, "{}", app.status());
    assert_eq!(all[0].start, d(2026, 12, 1));
    assert_eq!(all[0].end, d(2027, 6, 1), "26 weeks from the start typed");
}
