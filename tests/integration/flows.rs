//! Flows typed as keys into the planner, asserting on the model and the store. No terminal:
//! keys go through the real keymap, `update` and the effect runner.

use caseplan::app::model::Screen;
use caseplan::app::popup::Popup;
use caseplan::model::{
    Case, ContactEvent, Meeting, MeetingForm, MeetingStatus, PlaceKind, purpose,
};
use chrono::Duration;

use crate::harness::{App, NOW, at};

#[test]
fn move_later_is_saved_named_on_the_status_line_and_undone_and_redone() {
    let mut app = App::demo();
    let before = app.select_a_case_meeting();
    app.keys("J");
    let moved = app.stored(before.id).unwrap();
    assert_eq!(moved.start, before.start + Duration::minutes(15));
    assert!(
        app.status().starts_with("Saved: moved"),
        "status: {}",
        app.status()
    );
    let undo = app.model.history.next_undo().unwrap().label.clone();
    assert!(
        undo.contains("→"),
        "the undo label names old and new time: {undo}"
    );

    app.keys("u");
    assert_eq!(app.stored(before.id).unwrap().start, before.start);
    assert!(app.status().starts_with("Undone: moved"));
    app.keys("ctrl-r");
    assert_eq!(
        app.stored(before.id).unwrap().start,
        before.start + Duration::minutes(15)
    );
    app.keys("u u");
    assert_eq!(app.stored(before.id).unwrap().start, before.start);
    assert_eq!(app.status(), "Nothing to undo");
}

#[test]
fn one_key_changes_length_form_and_day() {
    let mut app = App::demo();
    let m = app.select_a_case_meeting();
    app.keys("+ + -");
    assert_eq!(app.stored(m.id).unwrap().minutes, m.minutes + 15);
    app.keys("p");
    let phone = app.stored(m.id).unwrap();
    assert_eq!(phone.form, MeetingForm::Phone);
    assert_eq!(phone.place.kind, PlaceKind::Remote);
    assert_eq!(phone.purpose, m.purpose, "converting keeps the purpose");
    app.keys("H");
    assert_eq!(app.stored(m.id).unwrap().form, MeetingForm::HomeVisit);
    app.keys(">");
    assert_eq!(app.stored(m.id).unwrap().start, m.start + Duration::days(1));
    assert_eq!(
        app.model.day,
        m.start.date() + Duration::days(1),
        "the view follows the meeting"
    );
    assert_eq!(app.model.selected.unwrap().meeting, m.id);
}

#[test]
fn move_to_a_typed_day_keeps_the_time() {
    let mut app = App::demo();
    let m = app.select_a_case_meeting();
    app.keys("m");
    app.text("fre");
    app.keys("enter");
    let moved = app.stored(m.id).unwrap();
    assert_eq!(
        moved.start,
        at("2026-11-27 00:00").date().and_time(m.start.time())
    );
}

#[test]
fn a_bad_date_in_a_prompt_says_what_was_wrong_and_keeps_the_prompt() {
    let mut app = App::demo();
    app.keys("g d");
    app.text("tirsdog");
    app.keys("enter");
    match &app.model.popup {
        Some(Popup::Prompt(p)) => assert!(p.error.as_deref().unwrap_or("").contains("tirsdog")),
        _ => panic!("the prompt stays open"),
    }
    app.keys("esc");
    assert!(app.model.popup.is_none());
}

#[test]
fn an_absurd_relative_date_is_an_error_not_a_crash() {
    let mut app = App::demo();
    app.keys("g d");
    app.text("+95000000d");
    app.keys("enter");
    let Some(Popup::Prompt(p)) = &app.model.popup else {
        panic!("the prompt stays open")
    };
    assert!(p.error.is_some());
}

#[test]
fn pending_sequence_is_visible_then_runs() {
    let mut app = App::demo();
    app.keys("l l");
    assert_eq!(app.model.day, at("2026-11-26 00:00").date());
    app.keys("g");
    let pending = app.model.pending.clone().expect("g is pending");
    assert_eq!(pending.typed, "g");
    assert!(pending.next.iter().any(|(key, _)| key == "t"));
    app.keys("t");
    assert!(app.model.pending.is_none());
    assert_eq!(app.model.day, at("2026-11-24 00:00").date());
}

#[test]
fn new_meeting_through_the_form_picks_the_case_by_typing_and_undo_removes_it() {
    let mut app = App::demo();
    app.keys("n");
    assert!(
        matches!(app.model.popup, Some(Popup::Form(_))),
        "n opens the form"
    );
    app.text("kare jen");
    let Some(Popup::Form(form)) = &app.model.popup else {
        panic!()
    };
    assert_eq!(
        form.case_matches().first().map(|c| c.1.as_str()),
        Some("Kåre Jensen")
    );
    app.keys("enter");
    assert!(app.model.popup.is_none(), "saved: {:?}", app.status());
    let booked = app.selected();
    let kaare = app
        .store
        .all::<Case>()
        .unwrap()
        .into_iter()
        .find(|c| c.name == "Kåre Jensen")
        .unwrap();
    assert_eq!(booked.case, Some(kaare.id));
    assert_eq!(booked.minutes, 45, "the configured default length");
    assert!(
        app.stored(booked.id).is_some(),
        "durable when the form closes"
    );
    // The form offered a free time: nothing else is booked then.
    let day = app.meetings_on(booked.start.date());
    assert!(
        day.iter()
            .filter(|m| m.id != booked.id && m.repeat.is_none())
            .all(|m| m.end() <= booked.start || booked.end() <= m.start)
    );
    app.keys("u");
    assert!(app.stored(booked.id).is_none());
}

#[test]
fn three_party_form_asks_for_the_third_party_and_adds_it() {
    let mut app = App::demo();
    app.keys("n");
    app.text("kare");
    app.keys("tab");
    // Step the purpose to 3-partssamtale.
    for _ in 0..10 {
        let Some(Popup::Form(form)) = &app.model.popup else {
            panic!()
        };
        if form.purpose_key() == purpose::THREE_PARTY {
            break;
        }
        app.keys("right");
    }
    let Some(Popup::Form(form)) = &app.model.popup else {
        panic!()
    };
    assert!(form.needs_third_party());
    for _ in 0..6 {
        app.keys("tab");
    }
    app.text("udsyn");
    app.keys("enter");
    let Some(Popup::Form(form)) = &app.model.popup else {
        panic!("enter on a party name adds it")
    };
    assert!(!form.needs_third_party());
    app.keys("enter");
    let booked = app.selected();
    assert!(booked.is_three_party());
    assert!(
        booked
            .participants
            .iter()
            .any(|p| p.role.is_third_party() && p.contact.is_some())
    );
}

#[test]
fn cpr_number_in_the_form_is_refused_and_nothing_is_saved() {
    let mut app = App::demo();
    let before = app.store.count::<Meeting>();
    app.keys("n");
    app.text("kare");
    // Tab to the note, the last field.
    app.keys("backtab");
    app.text("borger 010190-1234");
    app.keys("enter");
    let Some(Popup::Form(form)) = &app.model.popup else {
        panic!("the form stays open")
    };
    assert!(
        form.form.errors.iter().any(|(_, e)| e.contains("CPR")),
        "{:?}",
        form.form.errors
    );
    assert_eq!(app.store.count::<Meeting>(), before);
}

#[test]
fn quick_add_line_books_from_one_line_and_ambiguity_lists_candidates() {
    let mut app = App::demo();
    app.keys("a");
    app.text("tor 14:15 30m Mette opfølgning");
    app.keys("enter");
    let Some(Popup::Prompt(p)) = &app.model.popup else {
        panic!("ambiguous: the prompt stays")
    };
    assert!(
        p.error.as_deref().unwrap().contains("Mette Kjær"),
        "{:?}",
        p.error
    );
    for _ in 0.."Mette opfølgning".chars().count() {
        app.keys("backspace");
    }
    app.text("Kåre opfølgning");
    app.keys("enter");
    assert!(app.model.popup.is_none());
    let booked = app.selected();
    assert_eq!(booked.start, at("2026-11-26 14:15"));
    assert_eq!(booked.minutes, 30);
    assert_eq!(booked.purpose, purpose::OPFOELGNING);
    assert!(app.stored(booked.id).is_some());
}

#[test]
fn no_show_offers_a_contact_attempt_and_nothing_else() {
    let mut app = App::demo();
    let m = app.select_a_case_meeting();
    let events_before = app.store.count::<ContactEvent>();
    let counts_before = app.store.counts();
    app.keys("s x");
    if m.start > at(NOW) {
        // Not started yet: asked first.
        assert!(matches!(app.model.popup, Some(Popup::Confirm(_))));
        app.keys("y");
    }
    app.text("kom ikke");
    app.keys("enter");
    let stored = app.stored(m.id).unwrap();
    assert_eq!(stored.status, MeetingStatus::NoShow);
    assert_eq!(stored.outcome, "kom ikke");
    // The contact log opens filled in for an attempt; nothing is stored until it is saved.
    assert!(
        matches!(app.model.popup, Some(Popup::ContactLog(_))),
        "offers a contact attempt"
    );
    assert_eq!(app.store.count::<ContactEvent>(), events_before);
    app.keys("enter");
    assert_eq!(app.store.count::<ContactEvent>(), events_before + 1);
    let events = app.store.for_case::<ContactEvent>(m.case.unwrap()).unwrap();
    let attempt = events.iter().max_by_key(|e| e.id).unwrap();
    assert!(!attempt.reached);
    // Only the meeting changed and one event was added: no other record appears.
    let after = app.store.counts();
    let grown: Vec<_> = after
        .iter()
        .zip(&counts_before)
        .filter(|(a, b)| a.1 != b.1)
        .collect();
    assert_eq!(grown.len(), 1, "{grown:?}");
}

#[test]
fn delete_asks_first_and_undo_brings_it_back() {
    let mut app = App::demo();
    let m = app.select_a_case_meeting();
    app.keys("d n");
    assert!(app.stored(m.id).is_some(), "n keeps it");
    app.keys("d y");
    assert!(app.stored(m.id).is_none());
    app.keys("u");
    assert_eq!(app.stored(m.id), Some(m));
}

#[test]
fn follow_up_in_four_weeks_at_the_same_time_or_the_nearest_free_time() {
    let mut app = App::demo();
    let m = app.select_a_case_meeting();
    app.keys("f enter");
    let booked = app.selected();
    assert_ne!(booked.id, m.id);
    assert_eq!(booked.case, m.case);
    assert_eq!(booked.purpose, purpose::OPFOELGNING);
    assert!(booked.start >= m.start + Duration::weeks(4));
    let same_day = app.meetings_on(booked.start.date());
    let clash = same_day.iter().any(|o| {
        o.id != booked.id
            && o.repeat.is_none()
            && o.status.occupies_time()
            && o.start < booked.end()
            && booked.start < o.end()
    });
    assert!(!clash, "the follow-up does not overlap anything");
}

#[test]
fn skip_one_week_of_a_repeating_block() {
    let mut app = App::demo();
    // Tuesday's phone duty, 09:00-11:00, is selected at 09:00: the first not yet over.
    let block = app.selected();
    assert!(block.repeat.is_some(), "{:?}", block.title);
    app.keys("S");
    let skipped_before = block.repeat.as_ref().unwrap().skipped.len();
    let skipped = app.stored(block.id).unwrap().repeat.unwrap().skipped;
    assert_eq!(skipped.len(), skipped_before + 1);
    assert!(skipped.contains(&at("2026-11-24 00:00").date()));
    assert!(
        app.model
            .window
            .day(app.model.day)
            .iter()
            .all(|o| o.meeting.id != block.id)
    );
    app.keys("}");
    assert!(
        app.model
            .window
            .day(app.model.day)
            .iter()
            .any(|o| o.meeting.id == block.id),
        "next week it is back"
    );
}

#[test]
fn find_free_slot_opens_the_form_at_a_free_time() {
    let mut app = App::demo();
    // The prompt offers the default length, 45 minutes.
    app.keys("F enter");
    let Some(Popup::Form(form)) = &app.model.popup else {
        panic!("the form opens at the slot: {}", app.status())
    };
    let start = form.start_time(app.model.today()).unwrap();
    assert!(start >= at(NOW));
    assert!(app.status().contains("Next free time"), "{}", app.status());
}

#[test]
fn overlap_is_a_warning_in_the_form_never_a_refusal() {
    let mut app = App::demo();
    let m = app.select_a_case_meeting();
    app.keys("n");
    app.text("kare");
    app.keys("tab tab");
    for _ in 0..20 {
        app.keys("backspace");
    }
    app.text(&m.start.format("%d/%m %H:%M").to_string());
    let Some(Popup::Form(form)) = &app.model.popup else {
        panic!()
    };
    let warnings = &form.conflicts;
    assert!(
        warnings
            .iter()
            .any(|w| matches!(w, caseplan::domain::conflicts::Warning::Overlap { .. })),
        "{warnings:?}"
    );
    app.keys("enter");
    assert!(app.model.popup.is_none(), "saved despite the overlap");
    assert_eq!(app.selected().start, m.start);
}

#[test]
fn palette_runs_a_filtered_action() {
    let mut app = App::demo();
    app.keys(":");
    app.text("week view");
    app.keys("enter");
    assert_eq!(app.model.view, caseplan::app::model::View::Week);
}

#[test]
fn first_run_is_flagged_on_an_empty_database() {
    let app = App::with(|_, _| {});
    assert!(app.model.first_run);
}

// ---------------------------------------------------------------------------------------------
// The phone-call lookup

fn open_card(app: &mut App, query: &str) -> caseplan::query::card::Card {
    app.keys("/");
    app.text(query);
    app.keys("enter");
    match &app.model.screen {
        Screen::Card { card, .. } => (**card).clone(),
        _ => panic!("the card opens for {query:?}; status: {}", app.status()),
    }
}

#[test]
fn three_keystrokes_find_a_citizen_by_name_and_open_the_card() {
    let mut app = App::demo();
    app.keys("/");
    app.text("sør øs");
    let Some(Popup::Finder(finder)) = &app.model.popup else {
        panic!("/ opens the finder")
    };
    assert_eq!(
        finder.hits.first().map(|h| h.title.as_str()),
        Some("Søren Østergaard")
    );
    app.keys("enter");
    let Screen::Card { card, .. } = &app.model.screen else {
        panic!("enter opens the card")
    };
    assert_eq!(card.name, "Søren Østergaard");
    assert!(!card.phones.is_empty() || card.flags.no_working_phone);
}

#[test]
fn the_callers_number_finds_the_case_whatever_the_spacing() {
    let mut app = App::demo();
    let case = app
        .store
        .all::<Case>()
        .unwrap()
        .into_iter()
        .find(|c| c.is_active() && !c.phones.is_empty())
        .unwrap();
    let digits: String = case.phones[0]
        .number
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let typed = format!("{} {}", &digits[2..6], &digits[6..]);
    let card = open_card(&mut app, &typed);
    assert_eq!(card.id, case.id);
}

#[test]
fn logging_a_call_from_the_card_shows_on_the_card_at_once_and_undo_removes_it() {
    let mut app = App::demo();
    let card = open_card(&mut app, "kåre jensen");
    let before = app.store.for_case::<ContactEvent>(card.id).unwrap().len();
    app.keys("c");
    assert!(matches!(app.model.popup, Some(Popup::ContactLog(_))));
    // Channel: phone (first); direction: out; reached: no; note.
    app.keys("tab right tab right tab tab");
    app.text("ikke truffet, lagt besked");
    app.keys("enter");
    let events = app.store.for_case::<ContactEvent>(card.id).unwrap();
    assert_eq!(events.len(), before + 1);
    let logged = events.iter().max_by_key(|e| e.id).unwrap();
    assert_eq!(logged.direction, caseplan::model::Direction::Out);
    assert!(!logged.reached);
    assert_eq!(logged.note, "ikke truffet, lagt besked");
    assert_eq!(
        logged.at,
        chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 11, 24, 8, 0, 0).unwrap(),
        "logged now, in UTC"
    );
    let Screen::Card { card: shown, .. } = &app.model.screen else {
        panic!()
    };
    let attempt = shown
        .last_attempt
        .as_ref()
        .or(shown.last_contact.as_ref())
        .expect("the card shows the call");
    assert_eq!(attempt.days_ago, 0);
    app.keys("u");
    assert_eq!(
        app.store.for_case::<ContactEvent>(card.id).unwrap().len(),
        before
    );
}

#[test]
fn a_note_and_an_agreement_from_the_card() {
    let mut app = App::demo();
    let card = open_card(&mut app, "kåre jensen");
    app.keys("n");
    app.text("Ringede om praktik");
    app.keys("ctrl-s");
    let Screen::Card { card: shown, .. } = &app.model.screen else {
        panic!()
    };
    assert_eq!(
        shown.notes.first().map(|n| n.subject.as_str()),
        Some("Ringede om praktik")
    );
    assert!(
        !shown.notes[0].journalised,
        "a new note is not journalised yet"
    );

    app.keys("a");
    app.text("jeg +3u ringer om praktikken");
    app.keys("enter");
    let agreements = app
        .store
        .for_case::<caseplan::model::Agreement>(card.id)
        .unwrap();
    let made = agreements.iter().max_by_key(|a| a.id).unwrap();
    assert_eq!(made.what, "ringer om praktikken");
    assert_eq!(made.who, caseplan::model::Party::Caseworker);
    assert_eq!(made.due, Some(at("2026-12-15 00:00").date()));
    let Screen::Card { card: shown, .. } = &app.model.screen else {
        panic!()
    };
    assert!(
        shown
            .agreements
            .iter()
            .any(|a| a.what == "ringer om praktikken")
    );
}

#[test]
fn book_from_the_card_opens_the_form_with_the_case() {
    let mut app = App::demo();
    let card = open_card(&mut app, "kåre jensen");
    app.keys("b");
    let Some(Popup::Form(form)) = &app.model.popup else {
        panic!("b opens the meeting form")
    };
    assert_eq!(form.case(), Some(card.id));
    app.keys("enter");
    assert_eq!(app.selected().case, Some(card.id));
}

#[test]
fn closed_cases_are_found_only_when_asked_for() {
    let mut app = App::demo();
    let closed = app
        .store
        .all::<Case>()
        .unwrap()
        .into_iter()
        .find(|c| !c.is_active())
        .unwrap();
    app.keys("/");
    app.text(&closed.name);
    let Some(Popup::Finder(finder)) = &app.model.popup else {
        panic!()
    };
    assert!(
        finder
            .hits
            .iter()
            .all(|h| h.target != caseplan::search::Target::Case(closed.id))
    );
    app.keys("ctrl-o");
    let Some(Popup::Finder(finder)) = &app.model.popup else {
        panic!()
    };
    assert!(
        finder
            .hits
            .iter()
            .any(|h| h.target == caseplan::search::Target::Case(closed.id))
    );
}

#[test]
fn privacy_key_blanks_and_shows_again() {
    let mut app = App::demo();
    app.keys("ctrl-b");
    assert!(app.model.privacy);
    app.keys("ctrl-b");
    assert!(!app.model.privacy);
}

#[test]
fn a_contact_card_lists_its_cases_and_opens_one() {
    let mut app = App::demo();
    app.keys("/");
    app.text("udsyn");
    let Some(Popup::Finder(finder)) = &app.model.popup else {
        panic!()
    };
    let index = finder
        .hits
        .iter()
        .position(|h| matches!(h.target, caseplan::search::Target::Contact(_)))
        .expect("a contact named Udsyn");
    for _ in 0..index {
        app.keys("down");
    }
    app.keys("enter");
    let Screen::ContactCard { card, .. } = &app.model.screen else {
        panic!("the contact card opens")
    };
    assert!(!card.cases.is_empty(), "{} is part of cases", card.name);
    let first = card.cases[0].case;
    app.keys("enter");
    let Screen::Card { card, .. } = &app.model.screen else {
        panic!()
    };
    assert_eq!(card.id, first);
    app.keys("q");
    assert!(matches!(app.model.screen, Screen::Calendar));
}

// ---------------------------------------------------------------------------------------------
// Cases and contacts

#[test]
fn a_first_case_typed_in_the_planner_opens_its_card() {
    let mut app = App::with(|_, _| {});
    assert!(app.model.first_run);
    app.keys("N");
    app.text("Anne Jensen");
    app.keys("tab tab");
    app.text("2026-04512");
    app.keys("tab tab");
    app.text("+45 20 12 34 56");
    app.keys("enter");
    let cases = app.store.all::<Case>().unwrap();
    assert_eq!(cases.len(), 1);
    assert_eq!(cases[0].name, "Anne Jensen");
    assert_eq!(cases[0].reference, "2026-04512");
    assert_eq!(cases[0].phones[0].number, "+45 20 12 34 56");
    assert!(!app.model.first_run);
    let Screen::Card { card, .. } = &app.model.screen else {
        panic!("the new case's card opens")
    };
    assert_eq!(card.name, "Anne Jensen");
    app.keys("u");
    assert!(
        app.store.all::<Case>().unwrap().is_empty(),
        "undo removes the new case"
    );
}

#[test]
fn a_cpr_number_in_the_case_form_is_refused_and_the_form_stays() {
    let mut app = App::with(|_, _| {});
    app.keys("N");
    app.text("Bo 0101901234");
    app.keys("enter");
    let Some(Popup::Record(form)) = &app.model.popup else {
        panic!("the form stays open")
    };
    assert!(
        form.form.errors.iter().any(|(_, e)| e.contains("CPR")),
        "{:?}",
        form.form.errors
    );
    assert!(app.store.all::<Case>().unwrap().is_empty());
}

#[test]
fn closing_a_case_keeps_its_history_and_hides_it_from_the_finder() {
    let mut app = App::demo();
    let card = open_card(&mut app, "kåre jensen");
    let meetings = app.store.meetings_for_case(card.id).unwrap().len();
    app.keys("e");
    let Some(Popup::Record(form)) = &app.model.popup else {
        panic!("e opens the case form")
    };
    let closed_field = form.form.fields().count() - 1;
    for _ in 0..closed_field {
        app.keys("tab");
    }
    app.keys("space enter");
    let case = app.store.get::<Case>(card.id).unwrap().unwrap();
    assert_eq!(
        case.status,
        caseplan::model::CaseStatus::Closed(at("2026-11-24 00:00").date())
    );
    assert_eq!(
        app.store.meetings_for_case(card.id).unwrap().len(),
        meetings,
        "history is kept"
    );
    app.keys("q /");
    app.text("kåre jensen");
    let Some(Popup::Finder(finder)) = &app.model.popup else {
        panic!()
    };
    assert!(
        finder
            .hits
            .iter()
            .all(|h| h.target != caseplan::search::Target::Case(card.id))
    );
}

#[test]
fn a_new_contact_with_its_organisation() {
    let mut app = App::demo();
    app.keys("C");
    app.text("Jonas Berg");
    app.keys("tab right tab right");
    app.keys("enter");
    let Screen::ContactCard { card, .. } = &app.model.screen else {
        panic!("the contact card opens")
    };
    assert_eq!(card.name, "Jonas Berg");
    assert!(card.organisation.is_some(), "an organisation was chosen");
}

#[test]
fn the_card_opens_the_cases_courses_and_requests_in_full() {
    let mut app = App::demo();
    let card = open_card(&mut app, "mads østergaard");
    app.keys("o");
    let Some(Popup::Items(items)) = &app.model.popup else {
        panic!("o opens the courses and requests")
    };
    let courses = app
        .store
        .for_case::<caseplan::model::Course>(card.id)
        .unwrap();
    let requests = app
        .store
        .for_case::<caseplan::model::MedicalRequest>(card.id)
        .unwrap();
    assert!(
        !courses.is_empty() && !requests.is_empty(),
        "the demo case has both"
    );
    assert_eq!(items.courses, courses);
    assert_eq!(items.requests, requests);
    app.keys("j");
    let Some(Popup::Items(items)) = &app.model.popup else {
        panic!()
    };
    assert_eq!(items.selected, 1);
    app.keys("esc");
    assert!(app.model.popup.is_none());
    assert!(
        matches!(app.model.screen, Screen::Card { .. }),
        "Esc goes back to the card"
    );
}
