//! Away from the screen and side by side with the citizen (#17): the day sheet and the case
//! sheet as text, Markdown and PDF from the command line and the planner, and the citizen view.

use crate::common::{command, stderr, stdout};
use crate::harness::{App, NOW, lang_code, snap};
use caseplan::app::model::Screen;
use caseplan::i18n::Lang;
use caseplan::model::Dataset;
use caseplan::query::sheet::day_sheet;
use caseplan::store::Store;
use chrono::NaiveDate;
use serde_json::json;
use std::path::Path;
use std::process::Output;

/// Tuesday 24 November 2026: Anne Jensen at 09:30 with her mentor (SOS, interpreter, call
/// before a summons), a phone watch at 12:00, Søren Ærø Østergaard at home at 13:00 (no working
/// phone), and a meeting with Søren at 15:00 that was called off.
fn day() -> Dataset {
    serde_json::from_value(json!({
        "cases": [
            { "id": 1, "name": "Anne Jensen", "target_group": "aktivitetsparat",
              "phones": [{ "number": "20 30 40 50", "confirmed": true },
                         { "number": "31 41 51 61" }],
              "flags": { "sos": true, "interpreter": "somali", "call_before_summons": true },
              "where_now": "I praktik hos Brugsen, 2 dage om ugen",
              "next_step": "Aftale forlængelse med mentor",
              "plan_b": "Gåtur i stedet",
              "created": "2025-01-06T09:00:00Z" },
            { "id": 2, "name": "Søren Ærø Østergaard", "target_group": "sygedagpenge",
              "flags": { "no_working_phone": true },
              "reach_via": "Værestedet på Åboulevarden",
              "created": "2025-03-06T09:00:00Z" },
        ],
        "contacts": [{ "id": 100, "name": "Lone Holm", "kind": "mentor" }],
        "meetings": [
            { "id": 10, "case": 1, "start": "2026-11-24T09:30:00", "minutes": 60,
              "purpose": "opfoelgning", "form": "in_person",
              "place": { "kind": "jobcenter", "text": "Lærkevej 2, lokale 3" },
              "participants": [{ "role": "consultant", "contact": 100 }] },
            { "id": 11, "start": "2026-11-24T12:00:00", "minutes": 30,
              "purpose": "telefonvagt", "form": "phone", "place": { "kind": "remote" },
              "title": "Telefonvagt" },
            { "id": 12, "case": 2, "start": "2026-11-24T13:00:00", "minutes": 45,
              "purpose": "samtale", "form": "home_visit", "place": { "kind": "citizens_home" } },
            { "id": 13, "case": 2, "start": "2026-11-24T15:00:00", "minutes": 30,
              "purpose": "samtale", "form": "in_person", "status": "cancelled_by_caseworker" },
        ],
        "agreements": [
            { "id": 20, "case": 1, "who": "citizen", "what": "Går til lægen om ryggen",
              "due": "2026-12-01", "created": "2026-11-01T09:00:00Z" },
            { "id": 21, "case": 1, "who": "caseworker", "what": "Ringer til Brugsen",
              "created": "2026-11-01T09:00:00Z" },
            { "id": 22, "case": 1, "who": "citizen", "what": "Sendte lønsedler",
              "done": "2026-11-10", "created": "2026-11-01T09:00:00Z" },
        ],
    }))
    .unwrap()
}

fn data_dir(data: &Dataset) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    Store::open(dir.path()).unwrap().import(data).unwrap();
    dir
}

/// `caseplan` in Danish on the frozen clock.
fn danish(data: &Path, args: &[&str]) -> Output {
    let config = data.join("da.toml");
    std::fs::write(&config, "language = \"da\"\n").unwrap();
    command(data, NOW, args)
        .env("CASEPLAN_CONFIG", &config)
        .output()
        .expect("run caseplan")
}

#[test]
fn the_day_sheet_as_text_is_the_fixture() {
    let dir = data_dir(&day());
    let out = danish(
        dir.path(),
        &["sheet", "day", "--format", "text", "--out", "-"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let expected = include_str!("../fixtures/sheets/day-sheet-da.txt");
    assert_eq!(stdout(&out), expected);
    // Nothing is left in exports/ when the sheet went to standard output.
    assert!(!dir.path().join("exports").exists());
}

#[test]
fn the_day_sheet_as_markdown_has_a_section_per_meeting() {
    let dir = data_dir(&day());
    let out = crate::common::caseplan(
        dir.path(),
        &[
            "sheet", "day", "--date", "24/11", "--format", "md", "--out", "-",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(
        md.starts_with("# Day sheet · Tuesday 24.11.2026\n\n2 meetings\n"),
        "{md}"
    );
    assert!(
        md.contains("\n## 09:30–10:30 Anne Jensen · Follow-up · In person · Job centre, Lærkevej 2, lokale 3\n\n- **! SOS: guard or colleague nearby · Interpreter: somali · Call before a summons**\n- **With:** Lone Holm (consultant)\n- **Phone:** 20 30 40 50, 31 41 51 61 (not confirmed)\n"),
        "{md}"
    );
    assert!(
        md.contains("- **Agreements:** Citizen: Går til lægen om ryggen, by 01.12.2026; Caseworker: Ringer til Brugsen\n\n\n___\n\n___\n"),
        "{md}"
    );
    assert!(md.contains("\n## 12:00–12:30 Telefonvagt\n"), "{md}");
    assert!(
        md.contains("- **Phone:** reach via Værestedet på Åboulevarden\n"),
        "{md}"
    );
    // Called off and done are not on the sheet; plan B is the case sheet's.
    assert!(!md.contains("15:00") && !md.contains("lønsedler") && !md.contains("Gåtur"));
}

/// The text on every page of a PDF, through lopdf.
fn pdf_text(bytes: &[u8]) -> (usize, String) {
    let doc = lopdf::Document::load_mem(bytes).expect("a PDF lopdf reads");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).expect("text of the pages");
    (pages.len(), text)
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn the_day_sheet_is_a_pdf_in_exports_readable_by_the_user_alone_with_the_names_and_aeoeaa() {
    let dir = data_dir(&day());
    let out = danish(dir.path(), &["sheet", "day"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let path = dir.path().join("exports/day-sheet-2026-11-24.pdf");
    assert_eq!(
        stdout(&out),
        format!("Ark gemt: {}\n", path.display()),
        "the default is PDF in exports/"
    );
    #[cfg(unix)]
    assert_eq!(mode(&path), 0o600);
    let (pages, text) = pdf_text(&std::fs::read(&path).unwrap());
    assert_eq!(pages, 1);
    let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Dagsark · tirsdag 24.11.2026",
        "Anne Jensen",
        "Søren Ærø Østergaard",
        "Værestedet på Åboulevarden",
        "Lærkevej 2, lokale 3",
        "SOS: vagt eller kollega i nærheden",
        "Går til lægen om ryggen",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text}");
    }
}

/// A normal full day: eight meetings of 45 minutes, each with a citizen whose every field the
/// day sheet prints is filled (two phones, where we are, the next step, an open agreement), a
/// third party at each, and what to mind in the room for three of them.
fn eight_meetings() -> Dataset {
    let mut cases = Vec::new();
    let mut meetings = Vec::new();
    let mut agreements = Vec::new();
    for i in 0..8u64 {
        let flags = match i {
            0 => json!({ "sos": true }),
            3 => json!({ "interpreter": "arabisk", "call_before_summons": true }),
            6 => json!({ "no_working_phone": true }),
            _ => json!({}),
        };
        cases.push(json!({
            "id": i + 1, "name": format!("Borger Nummer{i} Ærøskøbing"),
            "target_group": "aktivitetsparat",
            "phones": [{ "number": "20 30 40 50", "confirmed": true }, { "number": "31 41 51 61" }],
            "flags": flags, "reach_via": "Værestedet",
            "where_now": "I praktik i Netto tre dage om ugen, trives",
            "next_step": "Afklare forlængelse med arbejdsgiveren",
            "created": "2025-01-06T09:00:00Z",
        }));
        let start = format!(
            "2026-11-24T{:02}:{:02}:00",
            8 + i,
            if i % 2 == 0 { 0 } else { 30 }
        );
        let place = if i % 2 == 0 {
            json!({ "kind": "supplier", "text": "Udsyn, Nørrebrogade 12" })
        } else {
            json!({ "kind": "jobcenter", "text": "Lærkevej 2, lokale 3" })
        };
        meetings.push(json!({
            "id": 100 + i, "case": i + 1, "start": start, "minutes": 45,
            "purpose": "opfoelgning", "form": "in_person", "place": place,
            "participants": [{ "role": "consultant", "name": "Lone Holm" }],
        }));
        agreements.push(json!({
            "id": 200 + i, "case": i + 1, "who": "citizen",
            "what": "Tager lønsedler og CV med", "due": "2026-12-01",
            "created": "2026-11-01T09:00:00Z",
        }));
    }
    serde_json::from_value(
        json!({ "cases": cases, "meetings": meetings, "agreements": agreements }),
    )
    .unwrap()
}

#[test]
fn a_normal_day_of_eight_meetings_fits_one_a4_page() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store.import(&eight_meetings()).unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    for lang in [Lang::Da, Lang::En] {
        let paper = day_sheet(&store, day, lang).unwrap();
        assert_eq!(paper.sections.len(), 8);
        let (pages, text) = pdf_text(&paper.pdf().unwrap());
        assert_eq!(pages, 1, "{lang:?}");
        assert_eq!(paper.pdf_pages(), 1);
        assert_eq!(text.matches("Ærøskøbing").count(), 8, "{text}");
    }
}

#[test]
fn the_case_sheet_is_the_card_on_paper_by_name_to_a_file_of_the_users_own() {
    let dir = data_dir(&day());
    let out = danish(
        dir.path(),
        &["sheet", "case", "Anne", "--format", "text", "--out", "-"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for expected in [
        "Anne Jensen\n===========\nSag 1 · Aktivitetsparat kontanthjælp\n",
        "  ! SOS: vagt eller kollega i nærheden\n  ! Tolk: somali\n  ! Ring før indkaldelse\n",
        "  Plan B:         Gåtur i stedet\n",
        "\nAftaler\n  - Borger: Går til lægen om ryggen, senest 01.12.2026\n  - Sagsbehandler: Ringer til Brugsen\n",
        "\nNoter til samtalen\n  ____",
    ] {
        assert!(text.contains(expected), "{expected:?} in\n{text}");
    }

    let file = dir.path().join("anne.pdf");
    let out = danish(
        dir.path(),
        &["sheet", "case", "1", "--out", file.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), format!("Ark gemt: {}\n", file.display()));
    #[cfg(unix)]
    assert_eq!(mode(&file), 0o600);
    let (_, text) = pdf_text(&std::fs::read(&file).unwrap());
    assert!(
        text.contains("Anne Jensen") && text.contains("Går til lægen"),
        "{text}"
    );

    // A name that fits no case says so and writes nothing.
    let out = danish(dir.path(), &["sheet", "case", "Zebulon"]);
    assert!(!out.status.success());
    assert!(!dir.path().join("exports").exists());
}

#[test]
fn w_in_the_planner_writes_the_days_sheet_and_on_the_card_the_case_sheet() {
    let mut app = App::with_lang(Lang::Da, |store, _| store.import(&day()).unwrap());
    app.keys("W");
    let dir = app.store.dir().join("exports");
    let day = dir.join("day-sheet-2026-11-24.pdf");
    assert_eq!(
        app.status(),
        format!("Ark gemt: {}", day.display()),
        "the status line says where, once written"
    );
    let (_, text) = pdf_text(&std::fs::read(&day).unwrap());
    assert!(text.contains("Søren Ærø Østergaard"), "{text}");
    #[cfg(unix)]
    assert_eq!(mode(&day), 0o600);

    // Tomorrow's sheet from tomorrow's page.
    app.keys("l W");
    assert!(app.status().ends_with("day-sheet-2026-11-25.pdf"));

    open_card(&mut app, "Søren");
    app.keys("W");
    let case = dir.join("case-sheet-2-2026-11-24.pdf");
    assert_eq!(app.status(), format!("Ark gemt: {}", case.display()));
    let (_, text) = pdf_text(&std::fs::read(&case).unwrap());
    assert!(text.contains("Værestedet på Åboulevarden"), "{text}");
}

fn open_card(app: &mut App, name: &str) {
    app.keys("/");
    app.text(name);
    app.keys("enter");
    assert!(
        matches!(app.model.screen, Screen::Card { .. }),
        "no card for {name}"
    );
}

const MARKER: &str = "HEMMELIG";

/// A citizen with every field the citizen view leaves out holding the marker, beside what it
/// shows: a meeting next week with her mentor, an agreement each way, a course.
fn citizen() -> Dataset {
    let m = |s: &str| format!("{MARKER} {s}");
    serde_json::from_value(json!({
        "cases": [
            { "id": 1, "name": "Anne Jensen", "target_group": "aktivitetsparat",
              "alias": m("alias"), "reference": m("ref"),
              "phones": [{ "number": "99 88 77 66", "source": m("kilde") }],
              "flags": { "sos": true, "interpreter": m("sprog"), "call_before_summons": true,
                         "no_working_phone": true },
              "reach_via": m("via"),
              "preferences": { "time_of_day": m("tid"), "place": m("sted"), "channel": m("kanal") },
              "where_now": m("hvor"), "next_step": m("næste"), "plan_b": m("plan b"),
              "last_told": m("fortalt"),
              "network": [{ "contact": 103, "role": m("rolle") }],
              "away": [{ "from": "2026-12-20", "to": "2026-12-31", "reason": "holiday",
                         "note": m("væk") }],
              "created": "2025-01-06T09:00:00Z" },
            { "id": 2, "name": m("anden borger"), "target_group": "sygedagpenge",
              "created": "2025-01-06T09:00:00Z" },
        ],
        "contacts": [
            { "id": 100, "name": "Udsyn", "kind": "supplier", "note": m("leverandør") },
            { "id": 101, "name": "Lone Holm", "kind": "mentor", "organisation": 100,
              "work_phone": "11 11 11 11", "email": "HEMMELIG@udsyn.dk", "title": m("titel"),
              "note": m("kontaktnote") },
            { "id": 102, "name": m("lægehus"), "kind": "practice" },
            { "id": 103, "name": m("netværk"), "kind": "gp" },
        ],
        "meetings": [
            { "id": 10, "case": 1, "start": "2026-12-01T10:00:00", "minutes": 45,
              "purpose": "opfoelgning", "form": "in_person",
              "place": { "kind": "supplier", "text": "Nørrebrogade 12" },
              "participants": [{ "role": "consultant", "contact": 101 }],
              "title": m("titel"), "note": m("mødenote"), "prep_minutes": 15 },
            { "id": 11, "case": 1, "start": "2026-11-10T10:00:00", "minutes": 45,
              "purpose": "samtale", "form": "in_person", "status": "no_show",
              "outcome": m("udfald"), "note": m("gammel note") },
            { "id": 12, "case": 1, "start": "2026-12-03T10:00:00", "minutes": 45,
              "purpose": "samtale", "form": "in_person", "status": "cancelled_by_caseworker",
              "place": { "kind": "in_town", "text": m("aflyst sted") } },
            { "id": 13, "case": 2, "start": "2026-11-26T10:00:00", "minutes": 45,
              "purpose": "samtale", "form": "in_person", "place": { "kind": "jobcenter",
              "text": m("andens møde") } },
            { "id": 15, "case": 1, "start": "2026-12-08T09:00:00", "minutes": 20,
              "purpose": "opfoelgning", "form": "phone", "place": { "kind": "remote" },
              "note": m("telefonnote") },
            { "id": 14, "start": "2026-11-25T12:00:00", "minutes": 30, "purpose": "admin",
              "form": "in_person", "title": m("intern blok") },
        ],
        "courses": [{ "id": 30, "case": 1, "supplier": 100, "consultant": 101, "kind": "afklaring",
                      "start": "2026-10-01", "end": "2027-03-31",
                      "cadence": { "kind": "monthly" },
                      "checklist": { "purpose": m("formål"), "preferred_consultant": m("ønsket") },
                      "reports": [{ "due": "2026-11-01", "note": m("rapport"),
                                    "chases": [{ "at": "2026-11-10T09:00:00Z", "channel": "mail",
                                                 "note": m("rapportrykker") }] }] }],
        "medical_requests": [{ "id": 40, "case": 1, "kind": "statusattest", "recipient": 102,
                               "questions": m("spørgsmål"), "purpose": m("til"),
                               "sent": "2026-11-02",
                               "chases": [{ "at": "2026-11-20T09:00:00Z", "channel": "phone",
                                            "reached": m("sekretær"), "note": m("rykker") }] }],
        "agreements": [
            { "id": 20, "case": 1, "who": "citizen", "what": "Går til lægen om ryggen",
              "due": "2026-12-01", "created": "2026-11-01T09:00:00Z" },
            { "id": 21, "case": 1, "who": "caseworker", "what": "Ringer til Brugsen",
              "created": "2026-11-01T09:00:00Z" },
            { "id": 22, "case": 1, "who": "citizen", "what": m("klaret aftale"),
              "done": "2026-11-10", "created": "2026-11-01T09:00:00Z" },
            { "id": 23, "case": 2, "who": "citizen", "what": m("andens aftale"),
              "created": "2026-11-01T09:00:00Z" },
        ],
        "events": [{ "id": 50, "case": 1, "at": "2026-11-20T09:00:00Z", "channel": "phone",
                     "direction": "out", "reached": true, "note": m("opkald") }],
        "external_blocks": [{ "id": 70, "source": "outlook", "uid": "x1",
                              "start": "2026-11-30T10:00:00", "minutes": 60,
                              "title": m("outlook") }],
        "notes": [{ "id": 60, "case": 1, "at": "2026-11-20T09:00:00Z", "subject": m("emne"),
                    "body": m("tekst") }],
    }))
    .unwrap()
}

fn citizen_app(lang: Lang) -> App {
    let mut app = App::with_lang(lang, |store, _| store.import(&citizen()).unwrap());
    open_card(&mut app, "Anne");
    // The card holds the hidden fields: the test would prove nothing if they were not there.
    let card = app.screen(120, 40).join("\n");
    assert!(card.contains(MARKER), "{card}");
    app.keys("B");
    assert!(matches!(app.model.screen, Screen::Citizen(_)));
    app
}

#[test]
fn the_citizen_view_in_danish_and_english_at_80x24_and_120x40() {
    for lang in [Lang::Da, Lang::En] {
        let app = citizen_app(lang);
        for (w, h) in [(80, 24), (120, 40)] {
            snap(
                &format!("citizen_view_{}_{w}x{h}", lang_code(lang)),
                &app.draw(w, h),
            );
        }
    }
}

#[test]
fn nothing_hidden_reaches_the_citizen_view() {
    for lang in [Lang::Da, Lang::En] {
        let app = citizen_app(lang);
        for (w, h) in [(80, 24), (120, 40), (200, 60)] {
            let screen = app.screen(w, h).join("\n");
            assert!(!screen.contains(MARKER), "{lang:?} {w}x{h}:\n{screen}");
            // Words wrapped at the column's edge read whole with the spaces collapsed.
            let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
            for shown in ["Anne Jensen", "10:00", "Lone Holm", "Brugsen", "Udsyn"] {
                assert!(flat.contains(shown), "{shown} {lang:?} {w}x{h}:\n{screen}");
            }
        }
        // Nor the model: the view holds only what it shows.
        let Screen::Citizen(view) = &app.model.screen else {
            panic!("the citizen view");
        };
        assert!(!format!("{view:?}").contains(MARKER), "{view:?}");
    }
}

#[test]
fn the_citizen_view_goes_back_with_the_same_key_or_esc_and_ctrl_b_still_blanks() {
    let mut app = citizen_app(Lang::Da);
    app.keys("B");
    assert!(matches!(app.model.screen, Screen::Card { .. }), "B again");
    app.keys("B");
    assert!(matches!(app.model.screen, Screen::Citizen(_)));
    app.keys("esc");
    assert!(matches!(app.model.screen, Screen::Card { .. }), "Esc");

    app.keys("B ctrl-b");
    let blank = app.screen(80, 24).join("\n");
    assert!(
        blank.contains("Skjult") && !blank.contains("Anne"),
        "{blank}"
    );
    app.keys("ctrl-b");
    assert!(app.screen(80, 24).join("\n").contains("Anne Jensen"));

    // Nothing else of the caseload opens in front of the citizen.
    app.keys("/");
    assert!(app.model.popup.is_none(), "no finder");
    app.keys("g b : ?");
    assert!(app.model.popup.is_none(), "no palette or help");
    assert!(matches!(app.model.screen, Screen::Citizen(_)), "no board");
    app.keys("esc");
    assert!(matches!(app.model.screen, Screen::Card { .. }));
}

#[test]
fn a_day_without_meetings_says_so() {
    let dir = data_dir(&Dataset::default());
    let out = crate::common::caseplan(
        dir.path(),
        &[
            "sheet", "day", "--date", "+1d", "--format", "text", "--out", "-",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "Day sheet · Wednesday 25.11.2026\n================================\nNo meetings this day.\n"
    );
}
