//! .ics both ways (#16): Outlook-, Google- and Apple-shaped files in as busy time, caseplan's
//! meetings out, the round trip, stable UIDs, summer time, privacy and bad input. Run with
//! `cargo test --test integration ics::`.

use crate::common::{NOW, caseplan, caseplan_on, stderr};
use caseplan::model::*;
use caseplan::store::Store;
use chrono::{NaiveDate, NaiveDateTime, TimeZone};
use icalendar::{Calendar, CalendarComponent, Component};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ics")
        .join(name)
}

/// Every external block of a database, one line each, in start order:
/// "2026-01-05 09:00 60 [all-day] [free] [private] Teammøde".
fn busy(data: &Path) -> Vec<String> {
    let store = Store::open(data).unwrap();
    let mut blocks = store.all::<ExternalBlock>().unwrap();
    blocks.sort_by_key(|b| (b.start, b.uid.clone()));
    blocks.iter().map(line).collect()
}

fn line(b: &ExternalBlock) -> String {
    let mut flags = String::new();
    for (on, word) in [
        (b.all_day, " all-day"),
        (b.free, " free"),
        (b.private, " private"),
    ] {
        if on {
            flags.push_str(word);
        }
    }
    format!(
        "{} {}{flags} {}",
        b.start.format("%Y-%m-%d %H:%M"),
        b.minutes,
        b.title
    )
}

fn import(data: &Path, file: &Path, source: &str) -> String {
    let out = caseplan(
        data,
        &["ics", "import", file.to_str().unwrap(), "--source", source],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    stderr(&out)
}

#[test]
fn an_outlook_365_export_becomes_busy_time_in_copenhagen_wall_clock() {
    let dir = tempfile::tempdir().unwrap();
    let said = import(dir.path(), &fixture("outlook365.ics"), "Outlook");
    assert!(
        said.contains("Outlook: 7 new · 0 changed · 0 removed"),
        "{said}"
    );
    let got = busy(dir.path());
    let team: Vec<&String> = got.iter().filter(|l| l.contains("Teammøde")).collect();
    // Weekly on Mondays through 28 December: 52 Mondays, less the EXDATE of 6 April; the
    // occurrence of 2 March moved to 11:00 and renamed.
    assert_eq!(team.len(), 51, "{team:#?}");
    assert!(
        team.iter()
            .all(|l| l.contains(" 09:00 60 ") || l.contains("03-02 11:00 60"))
    );
    assert!(got.contains(&"2026-03-02 11:00 60 Teammøde (flyttet)".to_string()));
    assert!(!got.iter().any(|l| l.starts_with("2026-04-06")));
    // Summer time started on 29 March: the Monday after is still 09:00.
    assert!(got.contains(&"2026-03-30 09:00 60 Teammøde".to_string()));
    assert!(got.contains(&"2026-10-26 09:00 60 Teammøde".to_string()));
    let rest: Vec<&String> = got.iter().filter(|l| !l.contains("Teammøde")).collect();
    assert_eq!(
        rest,
        vec![
            "2026-01-30 14:00 60 Månedsafslutning",
            "2026-02-27 14:00 60 Månedsafslutning",
            "2026-03-10 08:00 60 private ",
            "2026-03-10 12:00 30 free Frokost med Jonas",
            "2026-03-18 00:00 1440 all-day Kursus: Den svære samtale",
            // 01:30 to 03:30 on the night summer time begins is one hour of real time.
            "2026-03-29 01:30 60 Vagt natten til sommertid",
            "2026-03-31 14:00 60 Månedsafslutning",
            "2026-04-30 14:00 60 Månedsafslutning",
            "2026-05-29 14:00 60 Månedsafslutning",
            "2026-06-30 14:00 60 Månedsafslutning",
            // ... and three hours on the night it ends.
            "2026-10-25 01:30 180 Vagt natten til vintertid",
        ]
    );
}

#[test]
fn an_outlook_2016_export_with_a_bom_windows_zones_and_a_custom_zone() {
    let dir = tempfile::tempdir().unwrap();
    let said = import(dir.path(), &fixture("outlook2016.ics"), "Outlook");
    assert!(said.contains("4 new"), "{said}");
    let got = busy(dir.path());
    let coordination: Vec<&String> = got.iter().filter(|l| l.contains("Koordinering")).collect();
    // COUNT=10 Wednesdays from 14 January; the one of 28 January moved half an hour.
    assert_eq!(coordination.len(), 10);
    assert!(got.contains(&"2026-01-28 13:30 30 Koordinering rehabiliteringsteam".to_string()));
    assert!(got.contains(&"2026-03-18 13:00 30 Koordinering rehabiliteringsteam".to_string()));
    let intro: Vec<&String> = got.iter().filter(|l| l.contains("Introforløb")).collect();
    assert_eq!(
        intro,
        vec![
            "2026-02-04 10:00 60 Introforløb nye kolleger",
            "2026-02-05 10:00 60 Introforløb nye kolleger",
            "2026-02-06 10:00 60 Introforløb nye kolleger",
        ]
    );
    assert!(got.contains(&"2026-07-06 00:00 20160 all-day Ferie".to_string()));
    assert!(got.contains(&"2026-03-24 00:00 1440 all-day free Mettes fødselsdag".to_string()));
}

#[test]
fn a_google_export_in_utc_with_an_override_and_a_private_event() {
    let dir = tempfile::tempdir().unwrap();
    import(dir.path(), &fixture("google.ics"), "Google");
    assert_eq!(
        busy(dir.path()),
        vec![
            "2026-03-16 08:30 30 Løbeklub",
            "2026-03-23 08:30 30 Løbeklub",
            "2026-03-23 13:00 60 private ",
            "2026-03-26 08:30 30 Løbeklub",
            "2026-03-30 08:30 30 Løbeklub",
            "2026-04-01 00:00 1440 all-day free Temadag i KL",
            "2026-04-02 09:00 30 Løbeklub",
            "2026-04-06 08:30 30 Løbeklub",
            "2026-04-09 08:30 30 Løbeklub",
        ]
    );
}

#[test]
fn an_apple_export_with_a_monthly_rule_an_override_and_a_confidential_event() {
    let dir = tempfile::tempdir().unwrap();
    import(dir.path(), &fixture("apple.ics"), "iCloud");
    let got = busy(dir.path());
    let supervision: Vec<&String> = got.iter().filter(|l| l.contains("Supervision")).collect();
    // The first Tuesday of every month of 2026, July left out, April moved to the afternoon.
    assert_eq!(supervision.len(), 11, "{supervision:#?}");
    assert!(got.contains(&"2026-04-07 13:00 90 Supervision (eftermiddag)".to_string()));
    assert!(got.contains(&"2026-11-03 10:00 90 Supervision".to_string()));
    assert!(got.contains(&"2026-05-11 09:45 15 private ".to_string()));
    assert!(
        got.contains(&"2026-05-14 00:00 1440 all-day free Kristi himmelfartsferie".to_string())
    );
}

/// A database with one case, a weekly internal block at 09:00 over both 2026 changes of
/// summer time (one week skipped), a meeting that is cancelled and one that is moved.
fn caseload(data: &Path) -> Store {
    let store = Store::open(data).unwrap();
    store
        .put(&Case {
            id: CaseId(1),
            name: "Anne Jensen".into(),
            alias: String::new(),
            reference: "2026-0451".into(),
            phones: vec![],
            target_group: target_group::AKTIVITETSPARAT.into(),
            flags: CaseFlags::default(),
            reach_via: String::new(),
            preferences: Preferences::default(),
            where_now: String::new(),
            next_step: String::new(),
            plan_b: "Ring til mor".into(),
            last_told: String::new(),
            network: vec![],
            cadence_override: None,
            away: vec![],
            status: CaseStatus::Active,
            created: chrono::Utc.with_ymd_and_hms(2026, 1, 5, 8, 0, 0).unwrap(),
        })
        .unwrap();
    let meeting = |id: u64, start: &str, minutes: u32| Meeting {
        id: MeetingId(id),
        case: Some(CaseId(1)),
        start: at(start),
        minutes,
        purpose: purpose::OPFOELGNING.into(),
        form: MeetingForm::HomeVisit,
        place: Place {
            kind: PlaceKind::CitizensHome,
            text: "Lærkevej 2".into(),
        },
        participants: vec![
            Participant {
                role: Role::Citizen,
                contact: None,
                name: String::new(),
            },
            Participant {
                role: Role::Consultant,
                contact: None,
                name: "Jonas Berg".into(),
            },
            Participant {
                role: Role::Doctor,
                contact: None,
                name: "Dr. Holm".into(),
            },
        ],
        booked_by: BookedBy::Caseworker,
        prep_minutes: 0,
        follow_up_minutes: 0,
        status: MeetingStatus::Planned,
        outcome: "Kom ikke".into(),
        title: String::new(),
        note: "Har det svært".into(),
        revision: 0,
        travel_minutes: 0,
        moved_to: None,
        moved_from: None,
        repeat: None,
    };
    store.put(&meeting(10, "2026-03-24 10:00", 45)).unwrap();
    let mut cancelled = meeting(11, "2026-03-25 13:00", 60);
    cancelled.status = MeetingStatus::CancelledByCitizen;
    store.put(&cancelled).unwrap();
    let mut block = meeting(12, "2026-03-02 09:00", 60);
    block.case = None;
    block.purpose = purpose::TELEFONVAGT.into();
    block.title = "Telefonvagt".into();
    block.place = Place::default();
    block.participants.clear();
    block.repeat = Some(Repeat {
        every: RepeatEvery::Weekly,
        interval: 1,
        count: None,
        until: Some(NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()),
        skipped: vec![NaiveDate::from_ymd_opt(2026, 4, 6).unwrap()],
    });
    store.put(&block).unwrap();
    store
}

fn export(data: &Path, extra: &[&str]) -> String {
    let file = data.join(format!("out-{}.ics", extra.join("")));
    let mut args = vec!["ics", "export", file.to_str().unwrap()];
    args.extend_from_slice(extra);
    let out = caseplan(data, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    std::fs::read_to_string(file).unwrap()
}

fn events(text: &str) -> Vec<icalendar::Event> {
    let calendar: Calendar = text.parse().unwrap();
    calendar
        .components
        .into_iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect()
}

#[test]
fn export_then_import_into_a_fresh_database_gives_the_same_busy_times() {
    let a = tempfile::tempdir().unwrap();
    drop(caseload(a.path()));
    let text = export(a.path(), &[]);
    let file = a.path().join("caseplan.ics");
    std::fs::write(&file, &text).unwrap();
    let b = tempfile::tempdir().unwrap();
    let said = import(b.path(), &file, "caseplan");
    // The cancelled meeting takes no time and is not imported.
    assert!(said.contains("2 new"), "{said}");
    let got = busy(b.path());
    // A meeting with a citizen is marked private in the calendar: its summary stays behind.
    let mut wanted = vec!["2026-03-24 10:00 45 private ".to_string()];
    let mut monday = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    while monday <= NaiveDate::from_ymd_opt(2026, 11, 30).unwrap() {
        if monday != NaiveDate::from_ymd_opt(2026, 4, 6).unwrap() {
            wanted.push(format!("{monday} 09:00 60 Telefonvagt"));
        }
        monday += chrono::Duration::days(7);
    }
    wanted.sort();
    let mut got_sorted = got.clone();
    got_sorted.sort();
    assert_eq!(got_sorted, wanted);
    // Importing it back into the database it came from doubles nothing.
    let said = import(a.path(), &file, "caseplan");
    assert!(
        said.contains("0 new") && said.contains("2 of caseplan's own"),
        "{said}"
    );
    assert!(busy(a.path()).is_empty());
}

#[test]
fn uids_stay_the_same_across_exports_and_sequence_counts_changes() {
    let dir = tempfile::tempdir().unwrap();
    let store = caseload(dir.path());
    let mut moved = store.get::<Meeting>(MeetingId(10)).unwrap().unwrap();
    drop(store);
    let uids = |text: &str| -> BTreeSet<String> {
        events(text)
            .iter()
            .map(|e| e.get_uid().unwrap().to_string())
            .collect()
    };
    let sequence = |text: &str, id: u64| {
        events(text)
            .iter()
            .find(|e| e.get_uid().unwrap().ends_with(&format!("-m{id}@caseplan")))
            .and_then(|e| e.get_sequence())
    };
    let first = export(dir.path(), &[]);
    assert_eq!(uids(&first).len(), 3);
    assert_eq!(sequence(&first, 10), Some(0));
    let store = Store::open(dir.path()).unwrap();
    moved.start = at("2026-03-24 11:00");
    store.put(&moved).unwrap();
    // Writing it unchanged counts nothing.
    store.put(&moved).unwrap();
    drop(store);
    let second = export(dir.path(), &["--privacy", "full"]);
    assert_eq!(uids(&first), uids(&second));
    assert_eq!(sequence(&second, 10), Some(1));
    assert_eq!(sequence(&second, 12), Some(0));
}

#[test]
fn a_weekly_0900_block_stays_0900_local_across_both_2026_summer_time_sundays() {
    let dir = tempfile::tempdir().unwrap();
    drop(caseload(dir.path()));
    let text = export(dir.path(), &[]);
    let block = events(&text)
        .into_iter()
        .find(|e| e.get_summary() == Some("Telefonvagt"))
        .unwrap();
    assert_eq!(
        block.property_value("RRULE"),
        Some("FREQ=WEEKLY;UNTIL=20261130T080000Z")
    );
    assert!(
        text.contains("EXDATE;TZID=Europe/Copenhagen:20260406T090000"),
        "{text}"
    );
    assert!(
        text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Copenhagen\r\n"),
        "{text}"
    );
    // Expanded by the rrule crate on the zone's own rules, as a calendar would.
    let rule: rrule::RRuleSet = format!(
        "DTSTART;TZID=Europe/Copenhagen:20260302T090000\nRRULE:{}",
        block.property_value("RRULE").unwrap()
    )
    .parse()
    .unwrap();
    let dates = rule.all(100).dates;
    assert_eq!(dates.len(), 40);
    let cph = chrono_tz::Europe::Copenhagen;
    for date in &dates {
        assert_eq!(
            date.with_timezone(&cph).format("%H:%M").to_string(),
            "09:00"
        );
    }
    let around = |d: &str| dates.iter().any(|x| x.date_naive().to_string() == d);
    assert!(around("2026-03-23") && around("2026-03-30"));
    assert!(around("2026-10-19") && around("2026-10-26"));
}

/// caseplan's own occurrences of the stored meetings, as local start times.
fn own_starts(data: &Path, from: &str, to: &str) -> Vec<String> {
    let store = Store::open(data).unwrap();
    let all = store.all::<Meeting>().unwrap();
    let day = |s: &str| at(&format!("{s} 00:00")).date();
    caseplan::domain::agenda::occurrences(&all, day(from), day(to))
        .iter()
        .filter(|o| o.meeting.repeat.is_some())
        .map(|o| o.start.format("%Y-%m-%d %H:%M").to_string())
        .collect()
}

/// The RRULE of the block titled `title`, expanded by the rrule crate as a calendar would, in
/// Copenhagen wall-clock time.
fn calendar_starts(text: &str, title: &str, dtstart: &str) -> Vec<String> {
    let block = events(text)
        .into_iter()
        .find(|e| e.get_summary() == Some(title))
        .unwrap();
    let mut set = format!(
        "DTSTART;TZID=Europe/Copenhagen:{dtstart}\nRRULE:{}",
        block.property_value("RRULE").unwrap()
    );
    for line in text.lines().filter(|l| l.starts_with("EXDATE")) {
        set.push_str(&format!("\n{line}"));
    }
    let rule: rrule::RRuleSet = set.parse().unwrap();
    rule.all(200)
        .dates
        .iter()
        .map(|d| {
            d.with_timezone(&chrono_tz::Europe::Copenhagen)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .collect()
}

#[test]
fn every_other_week_n_times_is_written_as_interval_and_count_and_reads_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut block = Meeting {
        id: MeetingId(1),
        case: None,
        start: at("2026-03-16 09:00"),
        minutes: 60,
        purpose: purpose::KOORDINERING.into(),
        form: MeetingForm::InPerson,
        place: Place::default(),
        participants: vec![],
        booked_by: BookedBy::Caseworker,
        prep_minutes: 0,
        follow_up_minutes: 0,
        status: MeetingStatus::Planned,
        outcome: String::new(),
        title: "Koordinering".into(),
        note: String::new(),
        revision: 0,
        travel_minutes: 0,
        moved_to: None,
        moved_from: None,
        repeat: Some(Repeat::new(RepeatEvery::Weekly)),
    };
    // Every other Monday, 18 times: over both summer-time Sundays of 2026, one skipped.
    let repeat = block.repeat.as_mut().unwrap();
    repeat.interval = 2;
    repeat.count = Some(18);
    repeat
        .skipped
        .push(NaiveDate::from_ymd_opt(2026, 4, 27).unwrap());
    store.put(&block).unwrap();
    drop(store);
    let text = export(dir.path(), &["--privacy", "full"]);
    let rrule = events(&text)
        .into_iter()
        .find_map(|e| e.property_value("RRULE").map(str::to_string));
    assert_eq!(rrule.as_deref(), Some("FREQ=WEEKLY;INTERVAL=2;COUNT=18"));
    let ours = own_starts(dir.path(), "2026-01-01", "2027-06-30");
    assert_eq!(ours.len(), 17);
    assert!(ours.iter().all(|s| s.ends_with("09:00")), "{ours:?}");
    assert!(ours.contains(&"2026-03-30 09:00".to_string()));
    assert!(ours.contains(&"2026-10-26 09:00".to_string()));
    assert_eq!(
        calendar_starts(&text, "Koordinering", "20260316T090000"),
        ours
    );
}

#[test]
fn privacy_levels_decide_what_a_summary_says_and_nothing_private_is_written() {
    let dir = tempfile::tempdir().unwrap();
    drop(caseload(dir.path()));
    let initials = export(dir.path(), &[]);
    let full = export(dir.path(), &["--privacy", "full"]);
    let none = export(dir.path(), &["--privacy", "none"]);
    let summaries = |text: &str| -> Vec<String> {
        let mut all: Vec<String> = events(text)
            .iter()
            .map(|e| e.get_summary().unwrap_or_default().to_string())
            .collect();
        all.sort();
        all
    };
    assert_eq!(
        summaries(&initials),
        vec![
            "Follow-up: A.J. (2026-0451)",
            "Follow-up: A.J. (2026-0451)",
            "Telefonvagt"
        ]
    );
    assert!(summaries(&full).contains(&"Follow-up: Anne Jensen (2026-0451)".to_string()));
    assert_eq!(summaries(&none), vec!["Busy", "Busy", "Busy"]);
    // The home address and the doctor only at the full level; notes, outcome, plan B never.
    assert!(!initials.contains("Lærkevej") && full.contains("Lærkevej 2"));
    assert!(!initials.contains("Holm") && full.contains("Dr. Holm"));
    assert!(initials.contains("Jonas Berg (Consultant)"));
    for text in [&initials, &full, &none] {
        for secret in ["Har det svært", "Kom ikke", "Ring til mor"] {
            assert!(!text.contains(secret), "{secret}");
        }
    }
    assert!(
        !none.contains("\nLOCATION") && !none.contains("\nDESCRIPTION"),
        "{none}"
    );
    // aflyst and afbud are cancelled in the calendar too.
    let cancelled = events(&initials)
        .into_iter()
        .find(|e| e.get_uid().unwrap().ends_with("-m11@caseplan"))
        .unwrap();
    assert_eq!(
        cancelled.get_status(),
        Some(icalendar::EventStatus::Cancelled)
    );
}

#[cfg(unix)]
#[test]
fn the_file_written_is_the_users_alone() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    drop(caseload(dir.path()));
    let file = dir.path().join("out.ics");
    let out = caseplan(dir.path(), &["ics", "export", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mode = std::fs::metadata(&file).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[test]
fn a_broken_file_names_its_line_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    import(dir.path(), &fixture("google.ics"), "Outlook");
    let before = busy(dir.path());
    let text = std::fs::read_to_string(fixture("outlook365.ics"))
        .unwrap()
        .replacen("SUMMARY;LANGUAGE=da:Tandlæge", "this line is broken", 1);
    let bad = dir.path().join("bad.ics");
    std::fs::write(&bad, &text).unwrap();
    let out = caseplan(dir.path(), &["ics", "import", bad.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = stderr(&out);
    let line = text
        .lines()
        .position(|l| l == "this line is broken\r" || l == "this line is broken")
        .unwrap()
        + 1;
    assert!(err.contains(&format!("line {line}:")), "{err}");
    assert!(
        err.contains("this line is broken") && err.contains("nothing was imported"),
        "{err}"
    );
    assert_eq!(busy(dir.path()), before);
    let json = dir.path().join("not.ics");
    std::fs::write(&json, "{\"format\": \"caseplan-export\"}").unwrap();
    let out = caseplan(dir.path(), &["ics", "import", json.to_str().unwrap()]);
    assert!(
        stderr(&out).contains("not an iCalendar"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_event_that_cannot_be_read_is_left_out_with_a_warning_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("google.ics"))
        .unwrap()
        .replacen(
            "DTSTART:20260323T120000Z",
            "DTSTART;TZID=Mars/Olympus:20260323T120000",
            1,
        );
    let file = dir.path().join("mars.ics");
    std::fs::write(&file, &text).unwrap();
    let said = import(dir.path(), &file, "Google");
    let lines: Vec<&str> = text.lines().collect();
    let mars = lines
        .iter()
        .position(|l| l.contains("Mars/Olympus"))
        .unwrap();
    let begin = lines[..mars]
        .iter()
        .rposition(|l| l.starts_with("BEGIN:VEVENT"))
        .unwrap()
        + 1;
    // The private event is named by its line, not its summary.
    assert!(
        said.contains(&format!(
            "line {begin}: an event left out: the time zone \"Mars/Olympus\" is unknown"
        )),
        "{said}"
    );
    assert!(
        said.contains("2 new") && said.contains("1 could not be read"),
        "{said}"
    );
}

#[test]
fn importing_a_source_again_replaces_it_by_uid() {
    let dir = tempfile::tempdir().unwrap();
    import(dir.path(), &fixture("google.ics"), "Google");
    import(dir.path(), &fixture("apple.ics"), "iCloud");
    let text = std::fs::read_to_string(fixture("google.ics"))
        .unwrap()
        // One event moves, one is cancelled, one is new.
        .replace("DTSTART:20260323T120000Z", "DTSTART:20260324T120000Z")
        .replace("DTEND:20260323T130000Z", "DTEND:20260324T130000Z")
        .replacen(
            "STATUS:CONFIRMED\r\nSUMMARY:Temadag",
            "STATUS:CANCELLED\r\nSUMMARY:Temadag",
            1,
        )
        .replace(
            "END:VCALENDAR",
            "BEGIN:VEVENT\r\nUID:new@google.com\r\nDTSTART:20260601T080000Z\r\n\
             DTEND:20260601T090000Z\r\nSUMMARY:Nyt\r\nEND:VEVENT\r\nEND:VCALENDAR",
        );
    let file = dir.path().join("google-2.ics");
    std::fs::write(&file, &text).unwrap();
    let said = import(dir.path(), &file, "Google");
    assert!(
        said.contains("Google: 1 new · 1 changed · 1 removed"),
        "{said}"
    );
    let got = busy(dir.path());
    assert!(got.contains(&"2026-03-24 13:00 60 private ".to_string()));
    assert!(!got.iter().any(|l| l.contains("Temadag")));
    assert!(got.contains(&"2026-06-01 10:00 60 Nyt".to_string()));
    // The other source is untouched.
    assert_eq!(got.iter().filter(|l| l.contains("Supervision")).count(), 11);
}

#[test]
fn only_the_window_around_today_is_expanded() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("daily.ics");
    std::fs::write(
        &file,
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:d\r\nSUMMARY:Daily\r\n\
         DTSTART:20000103T080000Z\r\nDTEND:20000103T081500Z\r\nRRULE:FREQ=DAILY\r\n\
         END:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .unwrap();
    let out = caseplan_on(dir.path(), NOW, &["ics", "import", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let got = busy(dir.path());
    // 18 months back and ahead of 24 November 2026.
    assert!(
        got.first().unwrap().starts_with("2025-05-24"),
        "{:?}",
        got.first()
    );
    assert!(
        got.last().unwrap().starts_with("2028-05-23"),
        "{:?}",
        got.last()
    );
    assert_eq!(got.len(), 1096);
}
