//! Screens drawn on a test backend from the demo caseload with a frozen clock.

use caseplan::i18n::Lang;

use crate::harness::{App as Fixture, lang_code, screen, snap};

/// The planner in `lang`, on the 50-case demo caseload or on an empty store.
fn fixture(lang: Lang, demo: bool) -> Fixture {
    if demo {
        Fixture::demo_in(lang)
    } else {
        Fixture::with_lang(lang, |_, _| {})
    }
}

#[test]
fn day_view() {
    for lang in [Lang::Da, Lang::En] {
        let f = fixture(lang, true);
        for (w, h) in [(80, 24), (120, 40)] {
            snap(&format!("day_{}_{w}x{h}", lang_code(lang)), &f.draw(w, h));
        }
    }
}

#[test]
fn week_view() {
    for lang in [Lang::Da, Lang::En] {
        let mut f = fixture(lang, true);
        f.keys("w");
        for (w, h) in [(80, 24), (120, 40)] {
            snap(&format!("week_{}_{w}x{h}", lang_code(lang)), &f.draw(w, h));
        }
    }
}

#[test]
fn help_popup() {
    let mut f = fixture(Lang::Da, true);
    f.keys("?");
    snap("help_da_80x24", &f.draw(80, 24));
    f.keys("pagedown");
    snap("help_da_80x24_scrolled", &f.draw(80, 24));
}

#[test]
fn palette_with_a_filter() {
    let mut f = fixture(Lang::Da, true);
    f.keys(":");
    f.text("flyt");
    snap("palette_da_80x24", &f.draw(80, 24));
}

#[test]
fn month_overview() {
    let mut f = fixture(Lang::Da, true);
    f.keys("g m");
    f.keys("j l");
    snap("month_da_80x24", &f.draw(80, 24));
}

#[test]
fn pending_sequence_lists_what_may_follow() {
    let mut f = fixture(Lang::En, true);
    f.keys("s");
    snap("which_key_en_80x24", &f.draw(80, 24));
}

#[test]
fn meeting_form_after_typing_part_of_a_case_name() {
    let mut f = fixture(Lang::Da, true);
    f.keys("n");
    f.text("jens");
    snap("form_new_da_80x24", &f.draw(80, 24));
}

#[test]
fn three_party_form_asks_for_the_third_party() {
    let mut f = fixture(Lang::En, true);
    f.keys("n");
    f.text("jens");
    f.keys("tab");
    let editor = f.model.form().unwrap();
    let (purposes, chosen) = editor.purposes();
    let target = purposes.iter().position(|p| *p == "3-parts").unwrap();
    let steps = (target + purposes.len() - chosen) % purposes.len();
    for _ in 0..steps {
        f.keys("right");
    }
    assert!(f.model.form().unwrap().needs_third_party());
    let terminal = f.draw(80, 24);
    let text = screen(&terminal).join("\n");
    assert!(
        text.contains("Three-party meeting: who"),
        "the form asks for the third party:\n{text}"
    );
    snap("form_three_party_en_80x24", &terminal);

    // Add a consultant: the question goes, the party is listed with a role.
    let consultant = f
        .model
        .directory
        .as_ref()
        .unwrap()
        .contacts
        .iter()
        .find(|c| c.kind == caseplan::model::ContactKind::Consultant)
        .unwrap()
        .name
        .clone();
    for _ in 0..6 {
        f.keys("tab");
    }
    f.text(&consultant);
    let typed = f.draw(80, 24);
    snap("form_three_party_typing_en_80x24", &typed);
    f.keys("enter");
    assert!(!f.model.form().unwrap().needs_third_party());
    let text = screen(&f.draw(80, 24)).join("\n");
    assert!(
        text.contains(&consultant) && text.contains("(Consultant)"),
        "{text}"
    );
}

#[test]
fn prompt_with_an_error() {
    let mut f = fixture(Lang::Da, true);
    f.keys("g d");
    f.text("blah");
    f.keys("enter");
    let terminal = f.draw(80, 24);
    assert!(
        screen(&terminal).iter().any(|l| l.contains("! ")),
        "error marked with !"
    );
    snap("prompt_error_da_80x24", &terminal);
}

#[test]
fn confirm_delete() {
    let mut f = fixture(Lang::En, true);
    f.keys("j d");
    snap("confirm_en_80x24", &f.draw(80, 24));
}

#[test]
fn too_small_terminal_says_so() {
    let f = fixture(Lang::En, true);
    let terminal = f.draw(60, 20);
    let text = screen(&terminal).join("\n");
    assert!(text.contains("80×24 needed, this is 60×20"), "{text}");
    snap("too_small_en_60x20", &terminal);
}

#[test]
fn first_run_says_how_to_begin() {
    for lang in [Lang::Da, Lang::En] {
        let f = fixture(lang, false);
        assert!(f.model.first_run);
        let terminal = f.draw(80, 24);
        let text = screen(&terminal).join(" ");
        assert!(text.contains("caseplan --demo"), "{text}");
        snap(&format!("first_run_{}_80x24", lang_code(lang)), &terminal);
    }
}

/// Rows of the block whose first row holds `needle`: the first row and the rows below whose
/// gutter continues the block.
fn block_rows(lines: &[String], needle: &str) -> usize {
    let (y, x) = lines
        .iter()
        .enumerate()
        .find_map(|(y, l)| l.find(needle).map(|i| (y, l[..i].chars().count())))
        .unwrap_or_else(|| panic!("{needle} not on screen"));
    let gutter = x - 1;
    1 + lines[y + 1..]
        .iter()
        .take_while(|l| l.chars().nth(gutter) == Some('▌'))
        .count()
}

#[test]
fn block_height_follows_meeting_length() {
    let f = fixture(Lang::En, true);
    let lines = screen(&f.draw(120, 40));
    let two_hours = block_rows(&lines, "09:00–11:00 Telefonvagt");
    let half_hour = block_rows(&lines, "13:55–14:25");
    assert!(
        two_hours > half_hour * 2,
        "2h block {two_hours} rows, 30m block {half_hour} rows"
    );
}

#[test]
fn selected_meeting_is_marked_and_named() {
    let mut f = fixture(Lang::Da, true);
    f.keys("j j");
    let (meeting, _) = f.model.selected_meeting().unwrap();
    let name = f.model.window.case_name(meeting.case.unwrap());
    let lines = screen(&f.draw(120, 40));
    assert!(
        lines.iter().any(|l| l.contains('▶') && l.contains(&name)),
        "the selected block shows ▶ and {name}:\n{}",
        lines.join("\n")
    );
    assert!(
        lines.iter().any(|l| l.contains(&format!(" {name} "))),
        "detail pane names {name}"
    );
}

#[test]
fn now_line_on_today_only() {
    let mut f = fixture(Lang::Da, true);
    let now_row = |lines: &[String]| lines.iter().any(|l| l.starts_with("09:00─"));
    assert!(now_row(&screen(&f.draw(80, 24))), "now-line on today");
    f.keys("l");
    assert!(!now_row(&screen(&f.draw(80, 24))), "no now-line tomorrow");
}

#[test]
fn week_is_monday_first_with_its_iso_number() {
    let mut f = fixture(Lang::Da, true);
    f.keys("w");
    let lines = screen(&f.draw(80, 24));
    assert!(lines[0].contains("Uge 48"), "{}", lines[0]);
    let days = &lines[1];
    let monday = days.find("man 23.11").unwrap();
    let friday = days.find("fre 27.11").unwrap();
    assert!(monday < friday);
}

// The phone-call lookup: the finder, the case card, the contact card and the contact log.

impl Fixture {
    /// `/`, the query, Enter: the first hit's card.
    fn open_card(&mut self, query: &str) {
        self.keys("/");
        self.text(query);
        self.keys("enter");
    }
}

fn card_of(f: &Fixture) -> &caseplan::query::card::Card {
    match &f.model.screen {
        caseplan::app::model::Screen::Card { card, .. } => card,
        _ => panic!("no case card open"),
    }
}

#[test]
fn finder_with_a_name_typed() {
    let mut f = fixture(Lang::Da, true);
    f.keys("/");
    let empty = f.draw(80, 24);
    let text = screen(&empty).join("\n");
    assert!(
        text.contains("Skriv et navn, et telefonnummer eller et sagsnummer"),
        "{text}"
    );
    f.text("soeren");
    let terminal = f.draw(80, 24);
    let lines = screen(&terminal);
    assert!(
        lines.iter().any(|l| l.contains('▶') && l.contains("Søren")),
        "the best hit is selected and is a Søren:\n{}",
        lines.join("\n")
    );
    snap("finder_soeren_da_80x24", &terminal);
}

#[test]
fn finder_with_a_phone_number_typed() {
    let mut f = fixture(Lang::En, true);
    f.keys("/");
    f.text("x");
    let number = {
        let search = f.model.search.clone().unwrap();
        let hits = search.search("mads", Default::default(), 1);
        hits[0].detail.split(" · ").nth(1).unwrap().to_string()
    };
    f.keys("backspace");
    // Typed as a caller says it: no +45, no spaces.
    let digits: String = number
        .trim_start_matches("+45")
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    f.text(&digits);
    let terminal = f.draw(80, 24);
    let text = screen(&terminal).join("\n");
    assert!(text.contains(&number), "{digits} finds {number}:\n{text}");
    snap("finder_phone_en_80x24", &terminal);
}

#[test]
fn finder_with_closed_cases_included() {
    let mut f = fixture(Lang::Da, true);
    f.keys("/");
    // Bjørn Bach's case is closed in the demo caseload.
    f.text("bjoern");
    let before = screen(&f.draw(80, 24)).join("\n");
    assert!(!before.contains("Lukket sag"), "{before}");
    f.keys("ctrl-o");
    let terminal = f.draw(80, 24);
    let text = screen(&terminal).join("\n");
    assert!(text.contains("Lukket sag"), "{text}");
    assert!(text.contains("lukkede sager medtages"), "{text}");
    assert!(text.contains("skjul lukkede sager"), "{text}");
    snap("finder_closed_da_80x24", &terminal);
}

/// A demo case with a running course, an open medical request and open agreements.
const BUSY_CASE: &str = "mads oeste";

#[test]
fn case_card_in_both_languages_and_sizes() {
    for lang in [Lang::Da, Lang::En] {
        let mut f = fixture(lang, true);
        f.open_card(BUSY_CASE);
        let card = card_of(&f).clone();
        assert!(
            !card.courses.is_empty()
                && !card.medical_requests.is_empty()
                && !card.agreements.is_empty(),
            "the demo case has courses, requests and agreements"
        );
        for (w, h) in [(80, 24), (120, 40)] {
            let terminal = f.draw(w, h);
            snap(&format!("card_{}_{w}x{h}", lang_code(lang)), &terminal);
        }
        // On the phone: the number and the upcoming meeting in the first screenful.
        let lines = screen(&f.draw(80, 24));
        let text = lines.join("\n");
        assert!(text.contains(&card.phones[0].number), "{text}");
        let upcoming = match lang {
            Lang::Da => "Kommende samtale",
            Lang::En => "Upcoming meeting",
        };
        let next = card.next_meeting.as_ref().unwrap();
        let when = next.start.format("%d.%m.%Y %H:%M").to_string();
        assert!(
            lines
                .iter()
                .any(|l| l.contains(upcoming) && l.contains(&when)),
            "{text}"
        );
        assert!(
            lines[0].contains(&format!(": {}", card.name)),
            "{}",
            lines[0]
        );
    }
}

#[test]
fn case_card_scrolled() {
    let mut f = fixture(Lang::Da, true);
    f.open_card(BUSY_CASE);
    let before = screen(&f.draw(80, 24));
    f.keys("j j j j j j");
    let terminal = f.draw(80, 24);
    let after = screen(&terminal);
    assert_ne!(before[1], after[1], "the body moved");
    assert!(
        after.join("\n").contains("Netværk"),
        "the network comes into view"
    );
    snap("card_da_80x24_scrolled", &terminal);
}

#[test]
fn contact_card_of_a_supplier() {
    let mut f = fixture(Lang::Da, true);
    let supplier = card_of(&{
        f.open_card(BUSY_CASE);
        std::mem::replace(&mut f, fixture(Lang::Da, true))
    })
    .courses[0]
        .supplier
        .name
        .clone();
    f.open_card(&supplier);
    let terminal = f.draw(80, 24);
    let text = screen(&terminal).join("\n");
    assert!(text.contains("leverandør på forløb"), "{text}");
    assert!(text.contains('▶'), "the selected case is marked");
    snap("contact_card_supplier_da_80x24", &terminal);
}

#[test]
fn contact_log_popup() {
    let mut f = fixture(Lang::Da, true);
    f.open_card(BUSY_CASE);
    f.keys("c tab space tab");
    let terminal = f.draw(80, 24);
    let text = screen(&terminal).join("\n");
    assert!(text.contains("Log kontakt — Mads Østergaard"), "{text}");
    assert!(text.contains("ud: du tog kontakt"), "{text}");
    snap("contact_log_da_80x24", &terminal);
}

#[test]
fn privacy_screen_shows_no_name() {
    let mut f = fixture(Lang::Da, true);
    f.open_card(BUSY_CASE);
    let name = card_of(&f).name.clone();
    f.keys("ctrl-b");
    let terminal = f.draw(80, 24);
    let text = screen(&terminal).join("\n");
    assert!(!text.contains(&name), "{text}");
    assert!(!text.contains("Østergaard"), "{text}");
    snap("privacy_da_80x24", &terminal);
}

#[test]
fn courses_and_requests_opened_from_the_card() {
    let mut f = fixture(Lang::Da, true);
    f.open_card(BUSY_CASE);
    f.keys("o");
    snap("card_items_da_80x24", &f.draw(80, 24));
    f.keys("j");
    snap("card_items_da_80x24_request", &f.draw(80, 24));
}

#[test]
fn a_long_label_keeps_a_space_before_its_value() {
    let mut f = fixture(Lang::En, true);
    f.open_card("fremdrift");
    let text = screen(&f.draw(80, 24)).join("\n");
    assert!(text.contains("E-mail address kontakt@"), "{text}");
}
