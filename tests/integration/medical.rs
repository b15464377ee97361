//! Medical requests in the planner (#7): created from the card with what is on file shown,
//! chased with one key, received → act by → acted on, withdrawn, booked from, never closed by
//! the tool; the card's request section and the list of open requests.

use crate::harness::{App, at, lang_code, screen, snap};
use caseplan::app::model::Screen;
use caseplan::app::popup::Popup;
use caseplan::domain::chase::{self, RequestState};
use caseplan::i18n::{Lang, request_state};
use caseplan::model::{Channel, Dataset, MedicalRequest, RequestId};
use caseplan::query::card::Card;
use chrono::{Duration, NaiveDate};
use serde_json::json;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const TODAY: (i32, u32, u32) = (2026, 11, 24);

fn today() -> NaiveDate {
    d(TODAY.0, TODAY.1, TODAY.2)
}

/// A request of case 1 to the practice (contact 2), sent on `sent`.
fn request(id: u64, kind: &str, sent: NaiveDate) -> serde_json::Value {
    json!({
        "id": id, "case": 1, "kind": kind, "recipient": 2,
        "questions": "Kan borgeren arbejde 10 timer om ugen?",
        "purpose": "rehabiliteringsteam",
        "consent": sent, "sent": sent,
    })
}

/// One case (Anne Jensen, 1), a GP practice (2), a GP in it (3) and a supplier (4), and the
/// requests given.
fn app_with(lang: Lang, requests: Vec<serde_json::Value>) -> App {
    let data: Dataset = serde_json::from_value(json!({
        "cases": [{
            "id": 1, "name": "Anne Jensen", "target_group": "sygedagpenge",
            "created": "2025-01-06T09:00:00Z",
        }],
        "contacts": [
            { "id": 2, "name": "Lægehuset Nørrebro", "kind": "practice", "work_phone": "35 36 37 38" },
            { "id": 3, "name": "Jonas Holm", "kind": "gp", "organisation": 2 },
            { "id": 4, "name": "Lægehuset Jobfokus", "kind": "supplier" },
        ],
        "medical_requests": requests,
    }))
    .unwrap();
    App::with_lang(lang, |store, _| store.import(&data).unwrap())
}

fn open_card(app: &mut App) {
    app.keys("/");
    app.text("anne");
    app.keys("enter");
    assert!(matches!(app.model.screen, Screen::Card { .. }), "card open");
}

fn card(app: &App) -> &Card {
    match &app.model.screen {
        Screen::Card { card, .. } => card,
        _ => panic!("no card open"),
    }
}

fn stored(app: &App, id: u64) -> MedicalRequest {
    app.store
        .get::<MedicalRequest>(RequestId(id))
        .unwrap()
        .unwrap()
}

fn text(app: &App, w: u16, h: u16) -> String {
    app.screen(w, h).join("\n")
}

#[test]
fn a_new_request_from_the_card_shows_what_is_on_file_first() {
    // An LÆ 145 from 2023, received and acted on: on file, and old.
    let mut old = request(5, "lae145", d(2023, 3, 1));
    old["received"] = json!(d(2023, 3, 20));
    old["acted_on"] = json!(d(2023, 3, 21));
    let mut app = app_with(Lang::En, vec![old]);
    open_card(&mut app);
    assert!(
        text(&app, 120, 40).contains("no medical information since 2023"),
        "{}",
        text(&app, 120, 40)
    );
    app.keys("l");
    let Some(Popup::RequestForm(form)) = &app.model.popup else {
        panic!("the request form is open");
    };
    assert_eq!(form.on_file.len(), 1);
    let shown = text(&app, 80, 24);
    assert!(shown.contains("Already on file"), "{shown}");
    assert!(
        shown.contains("• LÆ 145 general health certificate · sent 01.03.2023")
            && shown.contains("received 20.03.2023 · acted on 21.03.2023"),
        "{shown}"
    );
    // The kind's default deadline next to the empty field: 24 Nov + 10 working days.
    assert!(
        shown.contains("default: 10 working days → Tue 08.12"),
        "{shown}"
    );

    app.keys("tab");
    app.text("nørre");
    app.keys("tab");
    app.text("Can she work 10 hours a week?");
    app.keys("tab");
    app.text("rehabiliteringsteam");
    app.keys("enter");
    assert!(app.model.popup.is_none(), "saved and closed");
    assert_eq!(
        app.status(),
        "Saved: medical request saved: status certificate · Anne Jensen — sent, waiting — deadline Tue 08.12"
    );
    let new = app
        .store
        .for_case::<MedicalRequest>(caseplan::model::CaseId(1))
        .unwrap()
        .into_iter()
        .find(|r| r.id != RequestId(5))
        .unwrap();
    assert_eq!(new.kind, "statusattest");
    assert_eq!(new.recipient, Some(caseplan::model::ContactId(2)));
    assert_eq!(new.questions, "Can she work 10 hours a week?");
    assert_eq!(
        (new.sent, new.consent, new.deadline),
        (Some(today()), Some(today()), None)
    );
    // The card shows it at once, waiting.
    let lines = &card(&app).medical_requests;
    assert_eq!(lines.len(), 1);
    assert_eq!(
        lines[0].schedule,
        RequestState::Waiting {
            deadline: d(2026, 12, 8)
        }
    );
    // One undo takes it away again.
    app.keys("u");
    assert!(app.store.get::<MedicalRequest>(new.id).unwrap().is_none());
}

#[test]
fn the_form_refuses_a_cpr_number_and_a_bad_date_under_the_field() {
    let mut app = app_with(Lang::Da, vec![]);
    open_card(&mut app);
    app.keys("l tab tab");
    app.text("Borger 010190-1234 kan arbejde?");
    app.keys("tab tab tab");
    app.text("x");
    app.keys("enter");
    let Some(Popup::RequestForm(form)) = &app.model.popup else {
        panic!("still open");
    };
    assert_eq!(form.form.errors.len(), 2, "{:?}", form.form.errors);
    let shown = text(&app, 80, 24);
    assert!(
        shown.contains("Intet") || shown.contains("ingen tidligere"),
        "{shown}"
    );
    assert!(shown.contains("! "), "{shown}");
    assert!(app.store.all::<MedicalRequest>().unwrap().is_empty());
}

#[test]
fn a_chase_is_one_key_and_enter_and_the_next_step_moves() {
    // Sent Mon 2 Nov: deadline 16 Nov, reminder 1 due 17 Nov.
    let mut app = app_with(Lang::En, vec![request(5, "statusattest", d(2026, 11, 2))]);
    open_card(&mut app);
    assert_eq!(
        card(&app).medical_requests[0].schedule,
        RequestState::ReminderDue {
            n: 1,
            due: d(2026, 11, 17)
        }
    );
    app.keys("o c");
    let Some(Popup::ChaseLog(log)) = &app.model.popup else {
        panic!("the chase log is open");
    };
    assert_eq!(log.channel(), Channel::Letter, "a written reminder is due");
    app.keys("tab");
    app.text("secretary");
    app.keys("enter");
    let r = stored(&app, 5);
    assert_eq!(r.chases.len(), 1);
    assert_eq!(r.chases[0].channel, Channel::Letter);
    assert_eq!(r.chases[0].reached, "secretary");
    assert_eq!(chase::chase_day(&r.chases[0]), today());
    // Reminder 2 counts from the day reminder 1 was actually sent: 5 working days later.
    assert_eq!(
        app.status(),
        "Saved: chase logged: status certificate · Anne Jensen — next chase Tue 01.12"
    );
    assert!(
        matches!(&app.model.popup, Some(Popup::Items(items)) if items.requests[0].chases.len() == 1),
        "back in the items popup, showing the chase"
    );
    assert_eq!(
        card(&app).medical_requests[0].schedule,
        RequestState::ReminderSent {
            n: 1,
            next_due: d(2026, 12, 1)
        }
    );
    app.keys("esc u");
    assert!(stored(&app, 5).chases.is_empty(), "undo removes the chase");
}

#[test]
fn received_shows_act_by_at_once_and_acted_on_clears_it() {
    let mut app = app_with(Lang::En, vec![request(5, "statusattest", d(2026, 11, 2))]);
    open_card(&mut app);
    app.keys("A");
    assert_eq!(
        stored(&app, 5).acted_on,
        None,
        "not received: nothing to act on"
    );
    app.keys("o A");
    assert_eq!(app.status(), "Mark the information received first (r).");
    app.keys("r enter");
    assert_eq!(stored(&app, 5).received, Some(today()));
    assert_eq!(
        app.status(),
        "Saved: medical information received: status certificate · Anne Jensen — received — act by Thu 26.11"
    );
    let c = card(&app);
    assert!(c.medical_requests.is_empty());
    assert_eq!(c.received_requests.len(), 1);
    let shown = text(&app, 120, 40);
    assert!(shown.contains("received — act by Thu 26.11"), "{shown}");
    // The act-by item is the request's next step.
    let next = chase::next_step(&stored(&app, 5), today(), &Default::default()).unwrap();
    assert_eq!(next.due, d(2026, 11, 26));

    app.keys("A");
    assert_eq!(stored(&app, 5).acted_on, Some(today()));
    assert!(chase::next_step(&stored(&app, 5), today(), &Default::default()).is_none());
    let c = card(&app);
    assert!(c.received_requests.is_empty() && c.medical_requests.is_empty());
    assert_eq!(c.past_requests.len(), 1, "kept in the history");
    assert!(!text(&app, 120, 40).contains("act by"));
    // Still listed in the items popup, acted on.
    let Some(Popup::Items(items)) = &app.model.popup else {
        panic!("items popup open");
    };
    assert_eq!(items.requests.len(), 1);
    assert!(text(&app, 80, 24).contains("acted on 24.11.2026"));
}

#[test]
fn r_asks_when_the_answer_arrived_and_the_act_by_date_counts_from_that_day() {
    let mut app = app_with(Lang::En, vec![request(5, "statusattest", d(2026, 11, 2))]);
    open_card(&mut app);
    app.keys("o r");
    let shown = text(&app, 80, 24);
    assert!(shown.contains("Arrived on"), "{shown}");
    assert!(shown.contains("24.11.2026"), "today suggested:\n{shown}");
    // Typed over: it came yesterday, Monday.
    app.text("i går");
    app.keys("enter");
    assert_eq!(stored(&app, 5).received, Some(d(2026, 11, 23)));
    assert!(
        app.status().ends_with("act by Wed 25.11"),
        "two working days from Monday: {}",
        app.status()
    );
    assert!(
        matches!(app.model.popup, Some(Popup::Items(_))),
        "back in the items popup"
    );
    // A day that has not come is refused, and Esc leaves it unreceived.
    let mut app = app_with(Lang::En, vec![request(5, "statusattest", d(2026, 11, 2))]);
    open_card(&mut app);
    app.keys("o r");
    app.text("nonsense");
    app.keys("enter");
    assert!(text(&app, 80, 24).contains("nonsense"));
    app.keys("esc");
    assert_eq!(stored(&app, 5).received, None);
    assert!(matches!(app.model.popup, Some(Popup::Items(_))));
}

#[test]
fn editing_a_request_from_the_items_popup_keeps_its_log() {
    let mut r = request(5, "statusattest", d(2026, 11, 2));
    r["chases"] = json!([{ "at": "2026-11-17T09:00:00Z", "channel": "letter" }]);
    let mut app = app_with(Lang::En, vec![r]);
    open_card(&mut app);
    app.keys("o e");
    let Some(Popup::RequestForm(form)) = &app.model.popup else {
        panic!("the form is open to edit");
    };
    assert!(form.original.is_some());
    assert_eq!(form.recipient_name(), Some("Lægehuset Nørrebro"));
    // Focus starts on the questions: replace them, and set an own deadline.
    app.keys("ctrl-u");
    app.text("Kan hun arbejde 15 timer?");
    app.keys("tab tab tab tab");
    app.text("20.11.2026");
    app.keys("enter");
    assert!(
        matches!(app.model.popup, Some(Popup::Items(_))),
        "back in the items"
    );
    let r = stored(&app, 5);
    assert!(
        r.questions.ends_with("Kan hun arbejde 15 timer?"),
        "{}",
        r.questions
    );
    assert_eq!(r.deadline, Some(d(2026, 11, 20)));
    assert_eq!(r.chases.len(), 1, "the chase log is kept");
}

#[test]
fn withdrawing_asks_first_and_the_request_stays_in_the_history() {
    let mut app = app_with(Lang::Da, vec![request(5, "statusattest", d(2026, 11, 2))]);
    open_card(&mut app);
    app.keys("o W");
    assert!(matches!(app.model.popup, Some(Popup::Withdraw(_))));
    assert!(text(&app, 80, 24).contains("Træk anmodningen tilbage"));
    app.keys("n");
    assert!(matches!(app.model.popup, Some(Popup::Items(_))), "no: back");
    assert_eq!(stored(&app, 5).withdrawn, None);
    app.keys("W y");
    assert_eq!(stored(&app, 5).withdrawn, Some(today()));
    assert!(card(&app).medical_requests.is_empty());
    assert_eq!(card(&app).past_requests.len(), 1);
    assert!(text(&app, 80, 24).contains("trukket tilbage 24.11.2026"));
    // Withdrawn is not chased and cannot be received.
    app.keys("c");
    assert!(matches!(app.model.popup, Some(Popup::Items(_))));
    assert_eq!(app.status(), "Kun åbne anmodninger rykkes.");
}

#[test]
fn booking_a_meeting_from_received_information_marks_it_acted_on_in_one_step() {
    let mut r = request(5, "statusattest", d(2026, 11, 2));
    r["received"] = json!(d(2026, 11, 23));
    let mut app = app_with(Lang::En, vec![r]);
    open_card(&mut app);
    app.keys("o b");
    let Some(Popup::Form(editor)) = &app.model.popup else {
        panic!("the meeting form is open");
    };
    assert_eq!(editor.case(), Some(caseplan::model::CaseId(1)));
    assert!(editor.acts_on.is_some());
    app.keys("enter");
    assert_eq!(stored(&app, 5).acted_on, Some(today()));
    assert!(
        app.status()
            .contains("acted on medical information: status certificate"),
        "{}",
        app.status()
    );
    let booked = app
        .store
        .meetings_for_case(caseplan::model::CaseId(1))
        .unwrap();
    assert_eq!(booked.len(), 1);
    app.keys("u");
    assert_eq!(stored(&app, 5).acted_on, None, "one undo takes both back");
    assert!(
        app.store
            .meetings_for_case(caseplan::model::CaseId(1))
            .unwrap()
            .is_empty()
    );
}

#[test]
fn never_closed_by_the_tool_however_often_it_is_chased() {
    let mut r = request(5, "statusattest", d(2026, 8, 3));
    // Three letters and 40 calls already.
    let chases: Vec<serde_json::Value> = (0..43)
        .map(|i| {
            json!({
                "at": format!("{}T09:00:00Z", d(2026, 8, 18) + Duration::days(i)),
                "channel": if i < 3 { "letter" } else { "phone" },
            })
        })
        .collect();
    r["chases"] = json!(chases);
    let mut app = app_with(Lang::Da, vec![r]);
    open_card(&mut app);
    for _ in 0..5 {
        app.keys("o c enter esc");
    }
    let r = stored(&app, 5);
    assert_eq!(r.chases.len(), 48);
    assert!(r.is_open());
    assert!(matches!(
        chase::state(&r, today() + Duration::days(400), &Default::default()),
        RequestState::PhoneChasing { escalate: true, .. }
    ));
    let shown = text(&app, 120, 40);
    assert!(shown.contains("telefonrykker dag 46"), "{shown}");
    assert!(shown.contains("overvej sundhedskoordinator"), "{shown}");
}

#[test]
fn the_list_of_open_requests_by_next_action_chases_and_opens_the_card() {
    let mut done = request(6, "lae145", d(2026, 9, 1));
    done["received"] = json!(d(2026, 9, 20));
    done["acted_on"] = json!(d(2026, 9, 21));
    let mut app = app_with(
        Lang::En,
        vec![
            request(5, "statusattest", d(2026, 11, 2)),
            done,
            request(7, "speciallaegeerklaering", today()),
        ],
    );
    app.keys("g r");
    let Screen::Requests { rows, selected } = &app.model.screen else {
        panic!("the list is open");
    };
    assert_eq!(*selected, 0);
    let ids: Vec<u64> = rows.iter().map(|r| r.request.id.0).collect();
    assert_eq!(ids, vec![5, 7], "acted on left out; soonest action first");
    assert!(rows[0].overdue);
    let shown = text(&app, 80, 24);
    assert!(shown.contains("! Tue 17.11"), "{shown}");
    assert!(shown.contains("reminder 1 due"), "{shown}");
    app.keys("c enter");
    assert!(app.model.popup.is_none());
    let Screen::Requests { rows, selected } = &app.model.screen else {
        panic!("back on the list");
    };
    assert_eq!(
        rows[*selected].request.id,
        RequestId(5),
        "the selection follows it"
    );
    assert_eq!(stored(&app, 5).chases.len(), 1);
    let Screen::Requests { rows, .. } = &app.model.screen else {
        panic!("back on the list");
    };
    assert_eq!(rows[0].request.chases.len(), 1, "the list is reloaded");
    assert!(text(&app, 80, 24).contains("reminder 1 sent"));
    app.keys("j enter");
    assert_eq!(card(&app).id, caseplan::model::CaseId(1));
    app.keys("q g r q");
    assert!(matches!(app.model.screen, Screen::Calendar));
}

#[test]
fn state_words_follow_the_issue() {
    let da = |s| request_state(s, Lang::Da);
    assert_eq!(
        da(RequestState::ReminderSent {
            n: 2,
            next_due: today()
        }),
        "rykker 2 sendt"
    );
    assert_eq!(
        da(RequestState::PhoneChasing {
            day: 4,
            next_due: today(),
            escalate: true
        }),
        "telefonrykker dag 4 · overvej sundhedskoordinator eller lægekonsulent"
    );
    assert_eq!(
        request_state(
            RequestState::Received {
                on: today(),
                act_by: d(2026, 11, 26)
            },
            Lang::En
        ),
        "received — act by Thu 26.11"
    );
}

// ---------------------------------------------------------------------------------------------
// Snapshots

/// Anne Jensen with a request in phone chasing and one received, nothing acted on yet.
fn section_app(lang: Lang) -> App {
    let mut chased = request(5, "lae145", d(2026, 9, 1));
    let chases: Vec<serde_json::Value> = (0..6)
        .map(|i| {
            json!({
                "at": format!("{}T09:00:00Z", d(2026, 11, 5) + Duration::days(i)),
                "channel": if i < 3 { "letter" } else { "phone" },
                "reached": "sekretær",
            })
        })
        .collect();
    chased["chases"] = json!(chases);
    let mut received = request(6, "statusattest", d(2026, 10, 20));
    received["received"] = json!(d(2026, 11, 23));
    let mut app = app_with(lang, vec![chased, received]);
    open_card(&mut app);
    app
}

#[test]
fn snapshot_card_request_section() {
    for lang in [Lang::Da, Lang::En] {
        let app = section_app(lang);
        let code = lang_code(lang);
        let shown = text(&app, 80, 24);
        assert!(shown.contains("Lægehuset Nørrebro"), "{shown}");
        snap(&format!("medical_card_{code}_80x24"), &app.draw(80, 24));
    }
}

#[test]
fn snapshot_request_form_and_chase_log() {
    let mut app = section_app(Lang::Da);
    app.keys("l");
    snap("medical_form_da_80x24", &app.draw(80, 24));
    app.keys("esc o c");
    snap("medical_chase_da_80x24", &app.draw(80, 24));
}

#[test]
fn snapshot_the_list_on_the_demo_caseload() {
    for lang in [Lang::Da, Lang::En] {
        let mut app = App::demo_in(lang);
        app.keys("g r");
        let code = lang_code(lang);
        let Screen::Requests { rows, .. } = &app.model.screen else {
            panic!("the list is open");
        };
        assert!(!rows.is_empty());
        let dates: Vec<_> = rows.iter().filter_map(|r| r.next_action).collect();
        assert!(dates.windows(2).all(|w| w[0] <= w[1]), "by next action");
        let lines = screen(&app.draw(120, 40));
        println!("{}", lines.join("\n"));
        if rows.iter().any(|r| r.overdue) {
            assert!(
                lines.iter().any(|l| l.contains(" ! ")),
                "overdue ones marked"
            );
        }
        snap(&format!("medical_list_{code}_80x24"), &app.draw(80, 24));
        snap(&format!("medical_list_{code}_120x40"), &app.draw(120, 40));
    }
    let _ = at("2026-11-24 09:00");
}

#[test]
fn requests_of_a_closed_case_leave_the_list() {
    let data: Dataset = serde_json::from_value(json!({
        "cases": [
            { "id": 1, "name": "Anne Jensen", "target_group": "sygedagpenge",
              "created": "2025-01-06T09:00:00Z" },
            { "id": 9, "name": "Bent Lukket", "target_group": "sygedagpenge",
              "created": "2025-01-06T09:00:00Z",
              "status": { "state": "closed", "on": "2026-11-01" } },
        ],
        "contacts": [{ "id": 2, "name": "Lægehuset Nørrebro", "kind": "practice" }],
        "medical_requests": [
            request(5, "statusattest", d(2026, 11, 2)),
            {
                "id": 6, "case": 9, "kind": "statusattest", "recipient": 2,
                "questions": "?", "purpose": "rehabiliteringsteam",
                "consent": d(2026, 10, 1), "sent": d(2026, 10, 1),
            },
        ],
    }))
    .unwrap();
    let mut app = App::with_lang(Lang::En, |store, _| store.import(&data).unwrap());
    app.keys("g r");
    let Screen::Requests { rows, .. } = &app.model.screen else {
        panic!("the list is open");
    };
    let ids: Vec<u64> = rows.iter().map(|r| r.request.id.0).collect();
    assert_eq!(ids, vec![5], "the closed case's request is left out");
    assert!(!text(&app, 80, 24).contains("Bent Lukket"));
}

#[test]
fn esc_in_a_request_popup_opened_from_the_items_goes_back_to_the_items() {
    let mut app = app_with(
        Lang::En,
        vec![
            request(5, "statusattest", d(2026, 11, 2)),
            request(6, "lae145", d(2026, 11, 10)),
        ],
    );
    open_card(&mut app);
    app.keys("o j");
    let selected = |app: &App| match &app.model.popup {
        Some(Popup::Items(items)) => items.selected,
        _ => panic!("the items popup is open"),
    };
    assert_eq!(selected(&app), 1);
    for (keys, what) in [
        ("c", "the chase log"),
        ("W", "the withdraw question"),
        ("e", "the request form"),
    ] {
        app.keys(keys);
        assert!(
            !matches!(app.model.popup, Some(Popup::Items(_)) | None),
            "{what} opens"
        );
        app.keys("esc");
        assert!(
            matches!(app.model.popup, Some(Popup::Items(_))),
            "Esc in {what} goes back to the items"
        );
        assert_eq!(selected(&app), 1, "{what}: the same request stays selected");
    }
    assert!(stored(&app, 6).chases.is_empty() && stored(&app, 6).withdrawn.is_none());
    // From the card itself, Esc closes the new request form.
    app.keys("esc l");
    assert!(matches!(app.model.popup, Some(Popup::RequestForm(_))));
    app.keys("esc");
    assert!(app.model.popup.is_none());
}

#[test]
fn after_a_failed_write_the_items_popup_shows_what_is_stored() {
    use caseplan::app::core::action::{Action, WriteKind};
    use caseplan::app::core::effect::Effect;
    use caseplan::app::{dispatch::update, keys};
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    let mut app = app_with(Lang::En, vec![request(5, "statusattest", d(2026, 11, 2))]);
    open_card(&mut app);
    app.keys("o");
    let press = |app: &mut App, c: char| {
        keys::press(
            &mut app.model,
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
        )
    };
    // `r`, `c`+Enter and `W`+`y`, each write failing: the popup keeps the stored request.
    let fail = |app: &mut App, effects: Vec<Effect>| {
        let mut rest = Vec::new();
        for effect in effects {
            match effect {
                Effect::Write(step) => rest.extend(update(
                    &mut app.model,
                    Action::Written {
                        kind: WriteKind::New(step),
                        result: Err("the disk is full".into()),
                    },
                )),
                other => rest.push(other),
            }
        }
        app.apply(rest);
        assert_eq!(app.status(), "the disk is full");
        let Some(Popup::Items(items)) = &app.model.popup else {
            panic!("back in the items popup");
        };
        assert_eq!(
            items.requests[0],
            stored(app, 5),
            "the popup shows what is stored"
        );
    };
    app.keys("r");
    let effects = keys::press(
        &mut app.model,
        KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
    );
    fail(&mut app, effects);
    assert!(!text(&app, 80, 24).contains("received 24.11.2026"));
    app.keys("c");
    let effects = keys::press(
        &mut app.model,
        KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
    );
    fail(&mut app, effects);
    app.keys("W");
    let effects = press(&mut app, 'y');
    fail(&mut app, effects);
    assert!(!text(&app, 80, 24).contains("withdrawn 24.11.2026"));
    // A write that succeeds shows at once.
    app.keys("r enter");
    let Some(Popup::Items(items)) = &app.model.popup else {
        panic!("the items popup stays");
    };
    assert_eq!(items.requests[0].received, Some(today()));
    assert!(text(&app, 80, 24).contains("received 24.11.2026"));
}

#[test]
fn the_sent_date_shows_today_and_typing_replaces_it() {
    let mut app = app_with(Lang::En, vec![]);
    open_card(&mut app);
    // Kind, recipient, questions, purpose, consent: up from the end reaches "sent on".
    app.keys("l up up");
    app.text("20/11");
    app.keys("enter");
    let all = app.store.all::<MedicalRequest>().unwrap();
    assert_eq!(all.len(), 1, "{}", app.status());
    assert_eq!(all[0].sent, Some(d(2026, 11, 20)), "not 24.11.202620/11");
    assert_eq!(all[0].consent, Some(today()));
}
