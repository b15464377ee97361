//! Notes with a subject and a body, typed on the card; the notes popup, copying a note out and
//! marking it journalised (#13).

use crate::caseform::{case, d};
use crate::harness::App;
use caseplan::app::model::Screen;
use caseplan::app::popup::Popup;
use caseplan::model::{CaseId, Dataset, MedicalRequest, Note, NoteId, RequestId, request_kind};
use caseplan::store::Store;
use chrono::NaiveDate;

/// Anne Jensen (case 1) with a medical request sent on 2 November and not yet received, and a
/// note written on 10 November that is not journalised.
fn anne(store: &Store, _: NaiveDate) {
    let request = MedicalRequest {
        id: RequestId(2),
        case: CaseId(1),
        kind: request_kind::STATUSATTEST.into(),
        recipient: None,
        questions: String::new(),
        purpose: String::new(),
        consent: Some(d(2026, 11, 1)),
        sent: Some(d(2026, 11, 2)),
        deadline: None,
        chases: vec![],
        received: None,
        acted_on: None,
        withdrawn: None,
    };
    let old = Note {
        id: NoteId(3),
        case: CaseId(1),
        at: chrono::DateTime::parse_from_rfc3339("2026-11-10T09:00:00Z")
            .unwrap()
            .to_utc(),
        subject: "Samtale om praktik".into(),
        body: "Vil gerne i praktik i en butik.\nRinger selv til Netto.".into(),
        journalised: None,
    };
    store
        .import(&Dataset {
            cases: vec![case(1, "Anne Jensen")],
            medical_requests: vec![request],
            notes: vec![old],
            ..Dataset::default()
        })
        .unwrap();
}

fn open_anne(app: &mut App) {
    app.keys("/");
    app.text("anne");
    app.keys("enter");
    assert!(
        matches!(app.model.screen, Screen::Card { .. }),
        "{}",
        app.status()
    );
}

fn notes(app: &App) -> Vec<Note> {
    let mut notes = app.store.all::<Note>().unwrap();
    notes.sort_by_key(|n| n.id);
    notes
}

#[test]
fn enter_in_the_subject_moves_to_the_body_and_the_body_never_runs_card_keys() {
    let mut app = App::with(anne);
    open_anne(&mut app);
    app.keys("n");
    app.text("Lægen ringede");
    app.keys("enter");
    // Every letter of the card's keys, as a caseworker would type them: o opens the requests,
    // r marks one received, e edits, c logs a call, a adds an agreement, b books, q closes.
    app.text("ringer igen fredag om lægeerklæringen, også om arbejdsprøvning");
    app.keys("enter");
    app.text("q b c");
    assert!(
        matches!(app.model.popup, Some(Popup::NoteForm(_))),
        "still typing the note"
    );
    app.keys("ctrl-s");
    assert!(app.model.popup.is_none(), "{}", app.status());
    let notes = notes(&app);
    let new = notes.last().unwrap();
    assert_eq!(new.subject, "Lægen ringede");
    assert_eq!(
        new.body,
        "ringer igen fredag om lægeerklæringen, også om arbejdsprøvning\nq b c"
    );
    let request = app
        .store
        .get::<MedicalRequest>(RequestId(2))
        .unwrap()
        .unwrap();
    assert_eq!(
        request.received, None,
        "no key of the body reached the card"
    );
    assert!(matches!(app.model.screen, Screen::Card { .. }));
    let screen = app.screen(120, 40).join("\n");
    assert!(screen.contains("Lægen ringede"), "{screen}");
    assert!(
        screen.contains("ringer igen fredag"),
        "the card shows the body:\n{screen}"
    );
}

#[test]
fn a_note_without_a_subject_is_refused_and_a_cpr_number_in_its_body_too() {
    let mut app = App::with(anne);
    open_anne(&mut app);
    app.keys("n enter");
    app.text("noget");
    app.keys("ctrl-s");
    let Some(Popup::NoteForm(form)) = &app.model.popup else {
        panic!("the form stays open")
    };
    assert!(!form.form.errors.is_empty());
    app.keys("shift-tab");
    app.text("Emne");
    app.keys("tab end enter");
    app.text("cpr 010190-1234");
    app.keys("ctrl-s");
    let Some(Popup::NoteForm(form)) = &app.model.popup else {
        panic!("refused")
    };
    assert!(form.form.errors.iter().any(|(_, e)| e.contains("CPR")));
    assert_eq!(notes(&app).len(), 1);
}

#[test]
fn an_old_note_not_journalised_is_marked_and_the_popup_shows_its_whole_text() {
    let mut app = App::with(anne);
    open_anne(&mut app);
    let screen = app.screen(120, 40).join("\n");
    assert!(
        screen.contains("! 10.11.2026 10:00  Samtale om praktik · not recorded"),
        "{screen}"
    );
    app.keys("v");
    let screen = app.screen(80, 24).join("\n");
    assert!(screen.contains("Ringer selv til Netto."), "{screen}");
}

#[test]
fn copying_a_note_out_without_a_terminal_writes_it_to_exports_and_offers_to_journalise() {
    let mut app = App::with(anne);
    open_anne(&mut app);
    app.keys("v y");
    let status = app.status();
    assert!(status.contains("exports"), "{status}");
    let Some(Popup::Notes(popup)) = &app.model.popup else {
        panic!("the popup stays")
    };
    assert!(
        popup
            .copied
            .as_deref()
            .unwrap_or("")
            .contains("x marks it recorded"),
        "{:?}",
        popup.copied
    );
    let path = status.rsplit(' ').next().unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    assert_eq!(
        text,
        "Samtale om praktik\n10.11.2026 10:00\n\nVil gerne i praktik i en butik.\nRinger selv til Netto.\n"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "only the user reads it");
    }
    app.keys("x");
    assert!(notes(&app)[0].journalised.is_some());
    let Some(Popup::Notes(popup)) = &app.model.popup else {
        panic!()
    };
    assert!(popup.notes[0].journalised, "the popup follows the write");
    app.keys("x");
    assert!(notes(&app)[0].journalised.is_none(), "x again unmarks it");
}

#[test]
fn note_form_and_notes_popup_snapshots_in_both_languages_and_sizes() {
    use crate::harness::{lang_code, snap};
    for lang in [caseplan::i18n::Lang::Da, caseplan::i18n::Lang::En] {
        let mut app = App::with_lang(lang, anne);
        open_anne(&mut app);
        app.keys("n");
        app.text("Lægen ringede");
        app.keys("enter");
        app.text("Statusattesten kommer i næste uge.");
        app.keys("enter");
        app.text("Ring til borgeren fredag.");
        for (w, h) in [(80, 24), (120, 40)] {
            snap(
                &format!("note_form_{}_{w}x{h}", lang_code(lang)),
                &app.draw(w, h),
            );
        }
        app.keys("ctrl-s v j");
        for (w, h) in [(80, 24), (120, 40)] {
            snap(
                &format!("notes_popup_{}_{w}x{h}", lang_code(lang)),
                &app.draw(w, h),
            );
        }
    }
}
