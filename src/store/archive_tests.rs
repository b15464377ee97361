//! The archive (#21): moving cold history loses nothing, shows nothing twice, and every read
//! answers as before; a day's screens leave the archive closed.

use super::*;
use crate::model::{
    Case, CaseId, Dataset, Meeting, MeetingId, MeetingStatus, Note, NoteId, Repeat, RepeatEvery,
};
use crate::testing::at;
use chrono::{Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use proptest::prelude::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The day the tests run on: the cutoff is 1 November 2025.
fn today() -> NaiveDate {
    d("2026-11-24")
}

fn case(id: u64) -> Case {
    Case {
        reference: format!("2019-{id:04}"),
        ..crate::testing::case(id, "2019-01-07")
    }
}

fn meeting(id: u64, case: u64, start: NaiveDateTime, status: MeetingStatus) -> Meeting {
    let mut m = crate::testing::meeting(id, "2026-01-01 09:00", 45);
    m.case = Some(CaseId(case));
    m.start = start;
    m.status = status;
    m
}

fn note(id: u64, case: u64, on: &str) -> Note {
    Note {
        id: NoteId(id),
        case: CaseId(case),
        at: Utc.from_utc_datetime(&at(on)),
        subject: "Ringet".into(),
        body: "Aftalt møde".into(),
        journalised: Some(Utc.from_utc_datetime(&at(on))),
    }
}

const STATUSES: [MeetingStatus; 6] = [
    MeetingStatus::Held,
    MeetingStatus::NoShow,
    MeetingStatus::CancelledByCitizen,
    MeetingStatus::Held,
    MeetingStatus::Planned,
    MeetingStatus::CutOff,
];

/// Three cases with a meeting every three weeks from 2019 to early 2027, every kind of outcome
/// (some still planned, some cut off), a weekly block since 2020, and a note a year.
fn history() -> Dataset {
    let mut data = Dataset {
        cases: (1..=3).map(case).collect(),
        ..Dataset::default()
    };
    let mut id = 100;
    for c in 1..=3u64 {
        let mut start = at("2019-01-07 09:00") + Duration::hours(c as i64);
        while start < at("2027-01-15 09:00") {
            let status = if start.date() >= today() {
                MeetingStatus::Planned
            } else {
                STATUSES[(id as usize) % STATUSES.len()]
            };
            data.meetings.push(meeting(id, c, start, status));
            id += 1;
            start += Duration::weeks(3);
        }
        for year in 2019..=2026 {
            data.notes
                .push(note(id, c, &format!("{year}-03-0{c} 10:00")));
            id += 1;
        }
    }
    let mut block = meeting(id, 1, at("2020-01-06 12:00"), MeetingStatus::Planned);
    block.case = None;
    block.title = "Frokost".into();
    block.repeat = Some(Repeat::new(RepeatEvery::Weekly));
    data.meetings.push(block);
    data
}

fn store_with(data: &Dataset) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_on(dir.path(), today()).unwrap();
    store.import(data).unwrap();
    (dir, store)
}

fn document(store: &Store) -> String {
    let at = Utc.with_ymd_and_hms(2026, 11, 24, 8, 0, 0).unwrap();
    store.export_document(at).unwrap().to_json()
}

fn streamed(store: &Store) -> Vec<u8> {
    let at = Utc.with_ymd_and_hms(2026, 11, 24, 8, 0, 0).unwrap();
    let mut out = Vec::new();
    store
        .write_export(&mut out, at, &mut progress::quiet)
        .unwrap();
    out
}

fn hot_meetings(store: &Store) -> usize {
    store.raw_tree(TreeId::Record(Kind::Meeting)).len()
}

#[test]
fn the_export_is_the_same_document_after_the_move() {
    let data = history();
    let (dir, store) = store_with(&data);
    let before = document(&store);
    let stream_before = streamed(&store);
    let counts_before = store.counts();
    let moved = store.archive_cold().unwrap().expect("old history moves");
    assert_eq!(moved.before, d("2025-11-01"));
    assert!(moved.records > 150, "{moved:?}");
    assert_eq!(document(&store), before);
    assert_eq!(streamed(&store), stream_before);
    assert_eq!(store.counts(), counts_before);
    assert_eq!(store.check(), vec![]);
    drop(store);
    let store = Store::open_on(dir.path(), today()).unwrap();
    assert_eq!(hot_meetings(&store), data.meetings.len() - moved.records);
    assert_eq!(document(&store), before);
    assert_eq!(store.check(), vec![]);
    // A second move finds nothing left to move.
    assert_eq!(store.archive_cold().unwrap(), None);
}

#[test]
fn what_stays_hot_is_what_a_screen_may_still_need() {
    let (dir, store) = store_with(&history());
    store.archive_cold().unwrap();
    drop(store);
    let store = Store::open_on(dir.path(), today()).unwrap();
    let cutoff = at("2025-11-01 00:00");
    for item in store.raw_tree(TreeId::Record(Kind::Meeting)).iter() {
        let (_, value) = item.unwrap();
        let m: Meeting = codec::decode(&value).unwrap();
        assert!(
            m.start >= cutoff
                || m.repeat.is_some()
                || matches!(m.status, MeetingStatus::Planned | MeetingStatus::CutOff),
            "{m:?} should have moved"
        );
    }
}

#[test]
fn a_day_and_a_case_s_recent_past_leave_the_archive_closed() {
    let (dir, store) = store_with(&history());
    store.archive_cold().unwrap();
    drop(store);
    let store = Store::open_on(dir.path(), today()).unwrap();
    let monday = at("2026-11-23 00:00");
    store
        .meetings_between(monday, monday + Duration::days(7))
        .unwrap();
    let held = |m: &Meeting| m.status == MeetingStatus::Held;
    for c in 1..=3 {
        let recent = store
            .case_meetings_back_until(CaseId(c), at("2026-11-25 00:00"), held)
            .unwrap();
        assert!(recent.last().is_some_and(held));
        store
            .case_status_count(CaseId(c), MeetingStatus::NoShow, at("2025-11-24 09:00"))
            .unwrap();
        assert!(store.case_has_meeting(CaseId(c), held).unwrap());
    }
    store.due_between(d("2026-11-01"), d("2026-11-30")).unwrap();
    assert!(!store.archive_is_open());
    // The card's whole history opens it.
    assert!(store.meetings_for_case(CaseId(1)).unwrap().len() > 100);
    assert!(store.archive_is_open());
}

#[test]
fn the_today_list_and_the_agenda_leave_the_archive_closed() {
    let (dir, store) = store_with(&history());
    store.archive_cold().unwrap();
    drop(store);
    let store = Store::open_on(dir.path(), today()).unwrap();
    let config = crate::config::Config::default();
    let zone = crate::time::Zone::default();
    let now = at("2026-11-24 09:00");
    let week = today() + Duration::days(6);
    crate::query::agenda::agenda(&store, today(), week, crate::i18n::Lang::Da).unwrap();
    crate::query::today::today_list(&store, &config, &zone, now, week).unwrap();
    assert!(!store.archive_is_open());
}

#[test]
fn a_move_cut_short_loses_nothing_and_shows_nothing_twice() {
    let data = history();
    let (dir, store) = store_with(&data);
    let before = document(&store);
    let card_before = store.meetings_for_case(CaseId(2)).unwrap();
    let copied = store.archive_cold_cut_short().unwrap();
    assert!(copied > 150, "{copied}");
    // The crash: nothing more happens.
    drop(store);
    let store = Store::open_on(dir.path(), today()).unwrap();
    assert_eq!(hot_meetings(&store), data.meetings.len(), "still all hot");
    assert_eq!(document(&store), before);
    assert_eq!(store.meetings_for_case(CaseId(2)).unwrap(), card_before);
    let all = store
        .meetings_between(at("2018-01-01 00:00"), at("2028-01-01 00:00"))
        .unwrap();
    assert_eq!(all.len(), data.meetings.len());
    assert_eq!(store.count::<Meeting>(), data.meetings.len());
    assert_eq!(store.check(), vec![]);
    // A meeting deleted in between is gone from both parts.
    let gone = data
        .meetings
        .iter()
        .find(|m| m.start < at("2020-01-01 00:00") && m.status == MeetingStatus::Held)
        .unwrap()
        .id;
    store.delete(gone).unwrap();
    assert_eq!(store.get::<Meeting>(gone).unwrap(), None);
    // The next move finishes.
    let moved = store.archive_cold().unwrap().unwrap();
    assert_eq!(moved.records, copied - 1);
    assert_eq!(store.get::<Meeting>(gone).unwrap(), None);
    assert_eq!(store.count::<Meeting>(), data.meetings.len() - 1);
    assert_eq!(store.check(), vec![]);
}

#[test]
fn an_archived_meeting_edited_from_the_card_is_hot_again() {
    let (dir, store) = store_with(&history());
    store.archive_cold().unwrap();
    drop(store);
    let store = Store::open_on(dir.path(), today()).unwrap();
    let old = store
        .meetings_for_case(CaseId(1))
        .unwrap()
        .into_iter()
        .find(|m| m.start < at("2021-01-01 00:00") && m.status == MeetingStatus::Held)
        .unwrap();
    let mut edited = old.clone();
    edited.outcome = "Aftalt praktik".into();
    let hot = hot_meetings(&store);
    store.put(&edited).unwrap();
    assert_eq!(
        hot_meetings(&store),
        hot + 1,
        "written back to the hot part"
    );
    let read = store.get::<Meeting>(old.id).unwrap().unwrap();
    assert_eq!(read.outcome, "Aftalt praktik");
    let card = store.meetings_for_case(CaseId(1)).unwrap();
    assert_eq!(card.iter().filter(|m| m.id == old.id).count(), 1);
    assert_eq!(store.check(), vec![]);
    // Deleting an archived meeting deletes it.
    let other = card
        .iter()
        .find(|m| m.start < at("2021-01-01 00:00") && m.id != old.id)
        .unwrap()
        .id;
    store.delete(other).unwrap();
    drop(store);
    let store = Store::open_on(dir.path(), today()).unwrap();
    assert_eq!(store.get::<Meeting>(other).unwrap(), None);
    assert_eq!(
        store.get::<Meeting>(old.id).unwrap().unwrap().outcome,
        "Aftalt praktik"
    );
    // The next move takes the edited one back.
    assert_eq!(store.archive_cold().unwrap().unwrap().records, 1);
    assert_eq!(store.check(), vec![]);
}

#[test]
fn a_restore_from_a_backup_made_before_the_move_gives_everything_back() {
    let data = history();
    let dir = tempfile::tempdir().unwrap();
    let earlier = d("2019-02-01");
    {
        // A backup written while nothing was cold yet.
        let store = Store::open_on(dir.path(), earlier).unwrap();
        store.import(&data).unwrap();
        let now = Utc.with_ymd_and_hms(2019, 2, 1, 8, 0, 0).unwrap();
        backup::daily(&store, earlier, now).unwrap().unwrap();
        assert!(!archive::path(dir.path()).join("db").exists());
    }
    let store = Store::open_on(dir.path(), today()).unwrap();
    assert!(store.archive_cold().unwrap().is_some());
    // A change after the move, to an archived meeting: in the journal.
    let mut edited = store
        .meetings_for_case(CaseId(3))
        .unwrap()
        .into_iter()
        .find(|m| m.start < at("2020-01-01 00:00"))
        .unwrap();
    edited.note = "Rettet efter flytning".into();
    store.put(&edited).unwrap();
    let before = document(&store);
    drop(store);
    let restored = backup::restore(dir.path(), None, today()).unwrap();
    assert!(restored.replayed.is_some_and(|n| n >= 1));
    let store = restored.store;
    assert_eq!(document(&store), before);
    assert_eq!(store.check(), vec![]);
    assert!(store.archive_cold().unwrap().is_some(), "archived again");
    assert_eq!(document(&store), before);
    assert_eq!(store.check(), vec![]);
}

#[test]
fn an_import_that_replaces_everything_empties_the_archive() {
    let (_dir, store) = store_with(&history());
    store.archive_cold().unwrap();
    let small = Dataset {
        cases: vec![case(1)],
        meetings: vec![meeting(
            5,
            1,
            at("2026-11-24 09:00"),
            MeetingStatus::Planned,
        )],
        ..Dataset::default()
    };
    store.import_replacing(&small).unwrap();
    assert_eq!(store.export().unwrap(), small);
    assert_eq!(store.check(), vec![]);
}

/// Every read a screen or a command makes, as plain values to compare.
fn reads(store: &Store, ids: &[MeetingId]) -> Vec<String> {
    let mut out = Vec::new();
    let windows = [
        ("2018-06-01 00:00", "2028-01-01 00:00"),
        ("2021-03-01 00:00", "2021-04-01 00:00"),
        ("2025-10-20 00:00", "2025-11-10 00:00"),
        ("2026-11-23 00:00", "2026-11-30 00:00"),
    ];
    for (from, to) in windows {
        out.push(format!(
            "{:?}",
            store.meetings_between(at(from), at(to)).unwrap()
        ));
    }
    let held = |m: &Meeting| m.status == MeetingStatus::Held;
    let planned = |m: &Meeting| m.status == MeetingStatus::Planned;
    for c in 1..=3 {
        let case = CaseId(c);
        out.push(format!("{:?}", store.meetings_for_case(case).unwrap()));
        for status in STATUSES {
            for from in [
                NaiveDateTime::MIN,
                at("2022-05-01 00:00"),
                at("2025-12-01 00:00"),
            ] {
                out.push(format!(
                    "{:?}",
                    store.case_status_count(case, status, from).unwrap()
                ));
            }
        }
        for before in [at("2026-11-25 00:00"), at("2023-01-01 00:00")] {
            let back = store.case_meetings_back_until(case, before, held).unwrap();
            out.push(format!("{back:?}"));
            let since = store
                .meetings_for_case_since_last(case, before, held)
                .unwrap();
            out.push(format!("{since:?}"));
        }
        for from in [
            NaiveDateTime::MIN,
            at("2024-02-01 00:00"),
            at("2026-11-24 00:00"),
        ] {
            let first = store.case_meeting_from(case, from, planned).unwrap();
            out.push(format!("{first:?}"));
            let first = store.case_meeting_from(case, from, held).unwrap();
            out.push(format!("{first:?}"));
        }
        out.push(format!("{:?}", store.case_has_meeting(case, held).unwrap()));
        out.push(format!(
            "{:?}",
            store.case_has_meeting(case, planned).unwrap()
        ));
    }
    for &id in ids {
        out.push(format!("{:?}", store.get::<Meeting>(id).unwrap()));
    }
    out.push(format!("{:?}", store.all::<Meeting>().unwrap()));
    out.push(format!("{:?}", store.counts()));
    out.push(format!("{:?}", store.none_of::<Meeting>()));
    out
}

/// A meeting of case 1–3 (or none) somewhere from 2019 to 2027, now and then a repeating block.
fn any_meeting() -> impl Strategy<Value = (u64, i64, MeetingStatus, bool)> {
    (
        0..=3u64,
        0..(8 * 365 * 24i64),
        crate::testing::any_status(),
        prop::bool::weighted(0.05),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn every_read_answers_the_same_after_the_move(
        meetings in prop::collection::vec(any_meeting(), 1..120)
    ) {
        let mut data = Dataset {
            cases: (1..=3).map(case).collect(),
            ..Dataset::default()
        };
        for (i, (c, hours, status, repeats)) in meetings.into_iter().enumerate() {
            let start = at("2019-01-01 08:00") + Duration::hours(hours);
            let mut m = meeting(10 + i as u64, c, start, status);
            if c == 0 {
                m.case = None;
            }
            if repeats {
                m.repeat = Some(Repeat::new(RepeatEvery::Weekly));
            }
            data.meetings.push(m);
        }
        let ids: Vec<MeetingId> = data.meetings.iter().map(|m| m.id).chain([MeetingId(9999)]).collect();
        let (dir, store) = store_with(&data);
        let before = reads(&store, &ids);
        store.archive_cold().unwrap();
        for (i, (after, before)) in reads(&store, &ids).iter().zip(&before).enumerate() {
            prop_assert_eq!(after, before, "read {}", i);
        }
        prop_assert_eq!(store.check(), vec![]);
        drop(store);
        let store = Store::open_on(dir.path(), today()).unwrap();
        prop_assert_eq!(reads(&store, &ids), before);
    }
}

#[test]
fn a_large_move_has_the_next_open_write_the_hot_part_afresh() {
    let data = history();
    let (dir, store) = store_with(&data);
    let before = document(&store);
    let highest = data.meetings.iter().map(|m| m.id.0).max().unwrap();
    store.archive_cold().unwrap().unwrap();
    assert!(store.wants_compaction().unwrap());
    drop(store);
    let store = Store::open_on(dir.path(), today()).unwrap();
    assert!(!store.wants_compaction().unwrap());
    for left in ["db.compact", "db.compact.ready", "db.old"] {
        assert!(!dir.path().join(left).exists(), "{left}");
    }
    assert_eq!(document(&store), before);
    assert_eq!(store.check(), vec![]);
    assert!(store.next_id().unwrap() > highest);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for folder in [DB_DIR, ARCHIVE_DIR] {
            let mode = std::fs::metadata(dir.path().join(folder))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o700, "{folder}");
        }
    }
}

#[test]
fn the_open_that_upgrades_a_database_moves_its_cold_history_too() {
    // A caseworker who only uses the command line and never runs `caseplan backup` upgrades
    // with years of history: the upgrade's open moves it, so every open after is the short one.
    let data = history();
    let (dir, store) = store_with(&data);
    let before = document(&store);
    store
        .meta
        .insert(INDEX_VERSION_KEY, &4u32.to_be_bytes())
        .unwrap();
    store.flush().unwrap();
    drop(store);
    let store = Store::open_on(dir.path(), today()).unwrap();
    // As many as the day's backup would have moved.
    let (_twin_dir, twin) = store_with(&data);
    let moved = twin.archive_cold().unwrap().expect("old history moves");
    assert_eq!(hot_meetings(&store), data.meetings.len() - moved.records);
    assert!(!store.wants_compaction().unwrap());
    assert_eq!(document(&store), before);
    assert_eq!(store.check(), vec![]);
    let hot = hot_meetings(&store);
    drop(store);
    // An up-to-date open moves nothing, though half a year more went cold: that is left to
    // the day's backup.
    let later = Store::open_on(dir.path(), d("2027-06-01")).unwrap();
    assert_eq!(hot_meetings(&later), hot);
}

#[test]
fn a_summary_written_after_the_move_still_counts_the_archived_meetings() {
    let mut data = history();
    data.cases.push(case(4));
    // Case 4 was last met in 2023 and missed one in 2024: both go to the archive.
    data.meetings
        .push(meeting(900, 4, at("2023-05-02 10:00"), MeetingStatus::Held));
    data.meetings.push(meeting(
        901,
        4,
        at("2024-02-06 10:00"),
        MeetingStatus::NoShow,
    ));
    let (dir, store) = store_with(&data);
    store.archive_cold().unwrap();
    drop(store);
    let store = Store::open_on(dir.path(), today()).unwrap();
    assert!(!store.archive_is_open());
    // A write to each case computes its summary again, from both parts.
    for c in 1..=4u64 {
        let start = at("2026-12-01 10:00") + Duration::hours(c as i64);
        store
            .put(&meeting(1000 + c, c, start, MeetingStatus::Planned))
            .unwrap();
    }
    let expected = |store: &Store, c: u64| {
        let all = store.export().unwrap();
        crate::domain::summary::summarize(
            CaseId(c),
            &all.meetings,
            &all.events,
            &all.courses,
            &all.medical_requests,
        )
    };
    let kept = store.summary(CaseId(4)).unwrap();
    assert_eq!(kept.last_held, Some(at("2023-05-02 10:00")));
    assert_eq!(
        kept.not_counted,
        vec![(at("2024-02-06 10:00"), MeetingStatus::NoShow)]
    );
    for c in 1..=4 {
        assert_eq!(
            store.summary(CaseId(c)).unwrap(),
            expected(&store, c),
            "case {c}"
        );
    }
    // A rebuild (one pass over both parts) gives the same.
    store.rebuild_indexes().unwrap();
    for c in 1..=4 {
        assert_eq!(
            store.summary(CaseId(c)).unwrap(),
            expected(&store, c),
            "case {c}"
        );
    }
    assert_eq!(store.check(), vec![]);
}

#[test]
fn deleting_an_archived_meeting_last_leaves_the_archive_closed_on_the_opens_after_it() {
    let (dir, store) = store_with(&history());
    store.archive_cold().unwrap();
    drop(store);
    let store = Store::open_on(dir.path(), today()).unwrap();
    let archived = store
        .meetings_for_case(CaseId(2))
        .unwrap()
        .into_iter()
        .find(|m| m.start < at("2021-01-01 00:00"))
        .unwrap()
        .id;
    store.delete(archived).unwrap();
    drop(store);
    // The journal's last entry is that delete: the opens after it see it done without
    // looking in the archive.
    for _ in 0..2 {
        let store = Store::open_on(dir.path(), today()).unwrap();
        assert!(!store.archive_is_open());
        assert_eq!(store.get::<Meeting>(archived).unwrap(), None);
        assert!(store.notices().is_empty(), "{:?}", store.notices());
    }
    // A delete the database lacks (a crash after the journal) is still completed: put back
    // in the archive as the write found it, it is taken out again.
    let store = Store::open_on(dir.path(), today()).unwrap();
    store.meta_remove(super::archive::GONE_KEY).unwrap();
    store.flush().unwrap();
    drop(store);
    let store = Store::open_on(dir.path(), today()).unwrap();
    assert!(
        store.archive_is_open(),
        "without the note, the archive is asked"
    );
    assert_eq!(store.get::<Meeting>(archived).unwrap(), None);
}

#[test]
fn a_move_told_to_stop_stops_between_parts_and_the_next_one_finishes_it() {
    let data = history();
    let (_dir, store) = store_with(&data);
    let before = document(&store);
    let stop = std::sync::atomic::AtomicBool::new(true);
    let stopped = store.archive_cold_with(MoveSize::All, &mut progress::quiet, &stop);
    assert!(
        matches!(stopped, Err(StoreError::BackupStopped)),
        "{stopped:?}"
    );
    assert_eq!(document(&store), before);
    assert_eq!(store.check(), vec![]);
    let moved = store
        .archive_cold()
        .unwrap()
        .expect("the next move takes it up");
    assert!(moved.records > 150, "{moved:?}");
    assert_eq!(document(&store), before);
}

/// Each case's meetings with the outcome `status` in `data` (a planned one has none).
fn counted_in(data: &Dataset, case: u64, status: MeetingStatus) -> usize {
    data.meetings
        .iter()
        .filter(|m| m.case == Some(CaseId(case)) && m.status == status)
        .filter(|m| m.status != MeetingStatus::Planned)
        .count()
}

fn whole_history_counts(store: &Store) -> Vec<usize> {
    let mut out = Vec::new();
    for c in 1..=3 {
        for status in STATUSES {
            out.push(
                store
                    .case_status_count(CaseId(c), status, NaiveDateTime::MIN)
                    .unwrap(),
            );
        }
    }
    out
}

#[test]
fn a_case_s_outcomes_over_its_whole_history_are_counted_without_opening_the_archive() {
    let mut data = history();
    let (dir, store) = store_with(&data);
    let expected = |data: &Dataset| -> Vec<usize> {
        (1..=3)
            .flat_map(|c| STATUSES.map(|s| counted_in(data, c, s)))
            .collect()
    };
    assert_eq!(whole_history_counts(&store), expected(&data));
    store.archive_cold().unwrap();
    drop(store);
    let store = Store::open_on(dir.path(), today()).unwrap();
    assert_eq!(whole_history_counts(&store), expected(&data));
    assert!(!store.archive_is_open(), "the counts kept answered");
    assert_eq!(store.check(), vec![]);

    // A write to an archived meeting takes it out: the counts are read from the archive until
    // they are counted again.
    let archived = data
        .meetings
        .iter_mut()
        .find(|m| m.case == Some(CaseId(2)) && m.status == MeetingStatus::NoShow)
        .unwrap();
    archived.status = MeetingStatus::Held;
    let archived = archived.clone();
    store.put(&archived).unwrap();
    drop(store);
    let store = Store::open_on(dir.path(), today()).unwrap();
    assert_eq!(whole_history_counts(&store), expected(&data));
    assert!(store.archive_is_open());
    assert_eq!(store.check(), vec![]);
    // The next move takes it back and counts again. (An open reads the archive while the
    // journal's last entry is a write to an archived meeting: another write comes after it.)
    store.archive_cold().unwrap();
    store.put(&note(9000, 3, "2026-11-24 08:00")).unwrap();
    drop(store);
    let store = Store::open_on(dir.path(), today()).unwrap();
    assert_eq!(whole_history_counts(&store), expected(&data));
    assert!(!store.archive_is_open());

    // Counts that do not match the archive are found by `check`, and a re-index counts again.
    let key = [&b"archive_count/"[..], &super::keys::id_key(2)].concat();
    store.meta_set(&key, &[0; 24]).unwrap();
    assert_eq!(store.check().len(), 1, "{:?}", store.check());
    store.rebuild_indexes().unwrap();
    assert_eq!(store.check(), vec![]);
    assert_eq!(whole_history_counts(&store), expected(&data));
}

#[test]
fn a_move_cut_short_counts_from_the_archive_itself() {
    let data = history();
    let (dir, store) = store_with(&data);
    let before = whole_history_counts(&store);
    store.archive_cold().unwrap();
    // A later move cut short leaves meetings in both parts: the counts kept are not used.
    drop(store);
    let later = today() + Duration::days(400);
    let store = Store::open_on(dir.path(), later).unwrap();
    store.archive_cold_cut_short().unwrap();
    drop(store);
    let store = Store::open_on(dir.path(), later).unwrap();
    assert_eq!(whole_history_counts(&store), before);
    assert_eq!(store.check(), vec![]);
}
