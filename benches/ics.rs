//! Outlook in and out (#16): importing a generated Outlook-style .ics file of 5,000 events (a
//! busy year, with weekly series, exceptions, all-day, private and free events), and the
//! planner's first frame with many imported events outside the days on screen, which must
//! cost what the visible window costs.
//!
//! `cargo bench --bench ics`.

use caseplan::app::core::action::Named;
use caseplan::app::start;
use caseplan::context::Context;
use caseplan::demo::{DemoSpec, generate};
use caseplan::ics::{ImportParams, plan_import};
use caseplan::keymap::Keymap;
use caseplan::model::{ExternalBlock, ExternalId};
use caseplan::store::{AnyRecord, Change, Store};
use caseplan::time::Zone;
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::fmt::Write as _;
use std::hint::black_box;
use std::path::Path;

const NOW: &str = "2026-11-24 09:00";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).expect("a date")
}

const HEAD: &str = "BEGIN:VCALENDAR\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\n\
VERSION:2.0\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:Kalender\r\nX-WR-TIMEZONE:Europe/Copenhagen\r\n\
BEGIN:VTIMEZONE\r\nTZID:Romance Standard Time\r\nBEGIN:STANDARD\r\nDTSTART:16011028T030000\r\n\
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n\
END:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:16010325T020000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n\
TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n";

const TITLES: [&str; 8] = [
    "Teammøde",
    "Sparring med leder",
    "Rehabiliteringsteam",
    "Borgerbooking via Jobnet",
    "Faglig fordybelse",
    "Koordinering med virksomhedskonsulent",
    "Telefonvagt",
    "Kursus: ny beskæftigelseslov",
];

/// An Outlook 365 export of `events` events over 2026: one in fifty a weekly series (an
/// exception date in it, until the year's end), one in forty all-day, one in thirty private,
/// one in twenty-five free; the rest single events of 30 to 120 minutes on working days, with
/// the long UIDs, folded descriptions and CRLF Outlook writes.
fn outlook_file(events: usize) -> String {
    let mut out = String::from(HEAD);
    let first = NaiveDate::from_ymd_opt(2026, 1, 5).expect("a date");
    let workdays: Vec<NaiveDate> = first
        .iter_days()
        .take(360)
        .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .collect();
    let stamp = |t: NaiveDateTime| t.format("%Y%m%dT%H%M%S").to_string();
    for i in 0..events {
        let day = workdays[i * 7 % workdays.len()];
        let start =
            day.and_time(NaiveTime::MIN) + Duration::minutes(8 * 60 + (i as i64 * 45) % 420);
        let minutes = 30 + (i as i64 % 4) * 30;
        let title = TITLES[i % TITLES.len()];
        let _ = write!(
            out,
            "BEGIN:VEVENT\r\nCLASS:{}\r\nCREATED:20251201T101500Z\r\n\
             DESCRIPTION:Dagsorden og materiale ligger på drevet under fællesmapper\\, \r\n \
             afdelingens mappe. Husk at melde afbud i god tid.\\n\\nLokale 2.{}\r\n\
             DTSTAMP:20261120T120000Z\r\n\
             UID:040000008200E00074C5B7101A82E00800000000B0A7A1B5C47ADC0100000000000000\r\n \
             0010000000F8A3E6F4E1D0A94BA1C7D3E0B6F2C9A1{i:08X}\r\n\
             SUMMARY;LANGUAGE=da:{title}\r\nLOCATION:Mødelokale 2.{}\r\n\
             X-MICROSOFT-CDO-BUSYSTATUS:{}\r\n",
            if i % 30 == 7 { "PRIVATE" } else { "PUBLIC" },
            i % 40,
            i % 40,
            if i % 25 == 3 { "FREE" } else { "BUSY" },
        );
        if i % 40 == 11 {
            let _ = write!(
                out,
                "DTSTART;VALUE=DATE:{}\r\nDTEND;VALUE=DATE:{}\r\n",
                day.format("%Y%m%d"),
                (day + Duration::days(1)).format("%Y%m%d")
            );
        } else {
            let _ = write!(
                out,
                "DTSTART;TZID=\"Romance Standard Time\":{}\r\nDTEND;TZID=\"Romance Standard Time\":{}\r\n",
                stamp(start),
                stamp(start + Duration::minutes(minutes))
            );
            if i % 50 == 0 {
                let _ = write!(
                    out,
                    "RRULE:FREQ=WEEKLY;UNTIL=20261228T080000Z;INTERVAL=1;BYDAY={};WKST=MO\r\n\
                     EXDATE;TZID=\"Romance Standard Time\":{}\r\n",
                    ["MO", "TU", "WE", "TH", "FR"]
                        [start.weekday().num_days_from_monday() as usize % 5],
                    stamp(start + Duration::weeks(3))
                );
            }
        }
        out.push_str("TRANSP:OPAQUE\r\nBEGIN:VALARM\r\nTRIGGER:-PT15M\r\nACTION:DISPLAY\r\nDESCRIPTION:Reminder\r\nEND:VALARM\r\nEND:VEVENT\r\n");
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

fn params() -> ImportParams<'static> {
    ImportParams {
        source: "Outlook",
        zone: Zone::copenhagen(),
        today: today(),
    }
}

/// Read, expand and write a 5,000-event file into an empty database, as `caseplan ics import`
/// and the planner's `I` do; and the same file again over its first import (nothing changed).
fn import(c: &mut Criterion) {
    let file = outlook_file(5_000);
    assert_eq!(file.matches("BEGIN:VEVENT").count(), 5_000);
    let mut group = c.benchmark_group("ics_import");
    group.sample_size(10);
    group.bench_function("5000_events_into_an_empty_database", |b| {
        b.iter_batched(
            || tempfile::tempdir().expect("temp dir"),
            |dir| {
                let store = Store::open(dir.path()).expect("open");
                let imported = plan_import(&store, file.as_bytes(), params()).expect("import");
                store.write(&imported.forward).expect("write");
                black_box(imported.summary.blocks)
            },
            BatchSize::PerIteration,
        )
    });
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("open");
    let first = plan_import(&store, file.as_bytes(), params()).expect("import");
    store.write(&first.forward).expect("write");
    group.bench_function("5000_events_again_unchanged", |b| {
        b.iter(|| {
            let again = plan_import(&store, file.as_bytes(), params()).expect("import");
            assert!(again.forward.is_empty());
            black_box(again.summary.added)
        })
    });
    group.finish();
}

/// A 220-case database with `outside` imported blocks, none of them in the week on screen,
/// and a change written after them unless `import_last` (the journal's last change is then
/// the import, which opening the database checks was saved whole).
fn database(outside: usize, import_last: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let spec = DemoSpec::new(220, 7, today()).with_meetings_per_case_per_year(50);
    let store = Store::open(dir.path()).expect("open");
    store.import(&generate(&spec)).expect("import");
    // Every hour of the years before and after the visible week, none inside it.
    let week = (
        NaiveDate::from_ymd_opt(2026, 11, 16).expect("a date"),
        NaiveDate::from_ymd_opt(2026, 12, 7).expect("a date"),
    );
    let mut changes = Vec::with_capacity(outside);
    let mut at = NaiveDate::from_ymd_opt(2025, 6, 1)
        .expect("a date")
        .and_time(NaiveTime::MIN);
    while changes.len() < outside {
        at += Duration::hours(3);
        if at.date() >= week.0 && at.date() < week.1 {
            continue;
        }
        changes.push(Change::Put(AnyRecord::External(ExternalBlock {
            id: ExternalId(store.next_id().expect("id")),
            source: "Outlook".into(),
            uid: format!("uid-{}", changes.len()),
            occurrence: None,
            start: at,
            minutes: 60,
            all_day: false,
            title: "Teammøde".into(),
            free: false,
            private: false,
        })));
    }
    store.write(&changes).expect("write");
    if !import_last {
        let case = store
            .all::<caseplan::model::Case>()
            .expect("cases")
            .remove(0);
        store.put(&case).expect("write");
    }
    drop(store);
    std::fs::write(dir.path().join("config.toml"), "language = \"da\"\n").expect("config");
    dir
}

fn first_frame(dir: &Path) -> usize {
    let ctx = Context::new(Some(dir), Some(&dir.join("config.toml")), Some(NOW)).expect("context");
    let store = Store::open(dir).expect("open");
    let keymap = Keymap::<Named>::defaults().expect("keymap");
    let model = start(&ctx, &store, keymap, false).expect("start");
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    terminal
        .draw(|f| caseplan::ui::draw(f, &model))
        .expect("draw");
    model.window.external.len()
}

/// The first frame with no imported events and with 20,000 outside the visible days: the
/// window reads the start index around its days only. And the first frame right after such an
/// import, before anything else was written.
fn first_frame_with_imports(c: &mut Criterion) {
    let mut group = c.benchmark_group("first_frame_220_cases_imported_events_outside");
    group.sample_size(20);
    for (name, outside, import_last) in [
        ("none", 0, false),
        ("20000", 20_000, false),
        ("20000_just_imported", 20_000, true),
    ] {
        let dir = database(outside, import_last);
        assert_eq!(first_frame(dir.path()), 0);
        group.bench_with_input(BenchmarkId::from_parameter(name), &dir, |b, dir| {
            b.iter(|| black_box(first_frame(dir.path())))
        });
    }
    group.finish();
}

criterion_group!(benches, import, first_frame_with_imports);
criterion_main!(benches);
