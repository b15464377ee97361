//! The demo caseload: deterministic, within the product brief's figures, consistent, and free
//! of anything shaped like a CPR number.

use std::collections::HashSet;

use caseplan::demo::{DemoSpec, generate};
use caseplan::model::{
    CaseStatus, ContactId, ContactKind, CourseOutcome, Dataset, FreeText, Meeting, MeetingForm,
    MeetingStatus, PlaceKind, RepeatEvery, Role, purpose,
};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Timelike, Weekday};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap() // a Wednesday
}

fn default_set(seed: u64) -> Dataset {
    generate(&DemoSpec::new(50, seed, today()))
}

const SEEDS: [u64; 5] = [1, 2, 3, 42, 2026];

fn monday_of(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// Case meetings whose start lies in the Monday-to-Sunday week of `day`.
fn case_meetings_in_week(data: &Dataset, day: NaiveDate) -> Vec<&Meeting> {
    let monday = monday_of(day);
    let next = monday + Duration::days(7);
    data.meetings
        .iter()
        .filter(|m| m.case.is_some() && m.start.date() >= monday && m.start.date() < next)
        .collect()
}

/// Pairs of meetings (internal block occurrences included) that overlap in the week of `day`.
fn overlapping_pairs_in_week(data: &Dataset, day: NaiveDate) -> usize {
    let monday = monday_of(day);
    let mut spans: Vec<(NaiveDateTime, NaiveDateTime)> = vec![];
    for offset in 0..7 {
        let d = monday + Duration::days(offset);
        for m in &data.meetings {
            if !m.status.occupies_time() {
                continue;
            }
            if m.is_internal() {
                if m.occurs_on(d) {
                    let start = d.and_time(m.start.time());
                    spans.push((start, start + Duration::minutes(i64::from(m.minutes))));
                }
            } else if m.start.date() == d {
                spans.push((m.start, m.end()));
            }
        }
    }
    let mut pairs = 0;
    for i in 0..spans.len() {
        for j in i + 1..spans.len() {
            if spans[i].0 < spans[j].1 && spans[j].0 < spans[i].1 {
                pairs += 1;
            }
        }
    }
    pairs
}

/// Ten digits in a row, or six digits, a hyphen and four digits (DDMMYY-NNNN).
fn looks_like_cpr(text: &str) -> bool {
    let b = text.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    (0..b.len()).any(|i| {
        (i..i + 10).all(digit)
            || ((i..i + 6).all(digit) && b.get(i + 6) == Some(&b'-') && (i + 7..i + 11).all(digit))
    })
}

fn all_free_text(data: &Dataset) -> Vec<String> {
    let mut out: Vec<String> = vec![];
    let mut add = |fields: Vec<(&'static str, &str)>| {
        out.extend(fields.into_iter().map(|(_, t)| t.to_string()))
    };
    data.cases.iter().for_each(|r| add(r.free_text()));
    data.contacts.iter().for_each(|r| add(r.free_text()));
    data.meetings.iter().for_each(|r| add(r.free_text()));
    data.courses.iter().for_each(|r| add(r.free_text()));
    data.medical_requests
        .iter()
        .for_each(|r| add(r.free_text()));
    data.agreements.iter().for_each(|r| add(r.free_text()));
    data.events.iter().for_each(|r| add(r.free_text()));
    data.notes.iter().for_each(|r| add(r.free_text()));
    for case in &data.cases {
        out.extend(case.phones.iter().map(|p| p.number.clone()));
    }
    out
}

#[test]
fn the_cpr_check_itself_catches_cpr_shapes() {
    assert!(looks_like_cpr("født 0101901234 i Aarhus"));
    assert!(looks_like_cpr("cpr 010190-1234"));
    assert!(!looks_like_cpr("sag 2026-04512"));
    assert!(!looks_like_cpr("+45 21 43 65 87"));
    assert!(!looks_like_cpr("123456789"));
}

#[test]
fn the_same_seed_gives_the_same_dataset() {
    assert_eq!(default_set(7), default_set(7));
    let spec = DemoSpec::new(120, 99, today()).with_meetings_per_case_per_year(30);
    assert_eq!(generate(&spec), generate(&spec));
}

#[test]
fn a_different_seed_gives_a_different_dataset() {
    let (a, b) = (default_set(7), default_set(8));
    assert_ne!(a, b);
    assert_ne!(a.meetings, b.meetings);
    assert_ne!(a.cases, b.cases);
}

#[test]
fn a_different_today_moves_the_whole_calendar() {
    let a = default_set(7);
    let b = generate(&DemoSpec::new(50, 7, today() + Duration::days(7)));
    assert_ne!(a.meetings, b.meetings);
    assert!(
        b.meetings
            .iter()
            .all(|m| m.start.date() <= today() + Duration::days(49))
    );
}

#[test]
fn the_default_caseload_meets_the_product_brief() {
    for seed in SEEDS {
        let data = default_set(seed);
        let t = today();
        assert_eq!(data.cases.len(), 50);
        assert_eq!(data.contacts.len(), 150, "seed {seed}");

        let this_week = case_meetings_in_week(&data, t).len();
        assert!(
            (8..=15).contains(&this_week),
            "seed {seed}: {this_week} this week"
        );

        let running = data.courses.iter().filter(|c| c.is_running(t)).count();
        assert!(
            (15..=30).contains(&running),
            "seed {seed}: {running} running"
        );
        let open = data.medical_requests.iter().filter(|r| r.is_open()).count();
        assert!(
            (5..=15).contains(&open),
            "seed {seed}: {open} open requests"
        );

        let reports = || {
            data.courses
                .iter()
                .filter(|c| c.is_running(t))
                .flat_map(|c| &c.reports)
        };
        assert!(
            reports().any(|r| r.received.is_none() && r.due < t),
            "a late report"
        );
        assert!(
            reports().any(|r| r.received.is_some() && r.read.is_none()),
            "an unread report"
        );
        assert!(
            data.courses.iter().any(|c| matches!(
                c.outcome,
                Some(CourseOutcome::Completed { .. } | CourseOutcome::Interrupted { .. })
            )),
            "a finished course in the history"
        );
        assert!(
            data.medical_requests
                .iter()
                .any(|r| r.is_open() && r.chases.len() >= 3)
        );
        assert!(
            data.medical_requests
                .iter()
                .any(|r| r.received.is_some() && r.acted_on.is_none())
        );
        assert_eq!(
            data.medical_requests
                .iter()
                .filter(|r| r.withdrawn.is_some())
                .count(),
            1
        );

        assert!(
            data.meetings.iter().any(|m| m.is_three_party()
                && m.start.date() >= t
                && m.status == MeetingStatus::Planned),
            "seed {seed}: a 3-partssamtale ahead"
        );
        assert!(data.cases.iter().any(|c| c.flags.sos));
        assert!(
            data.cases
                .iter()
                .any(|c| c.flags.no_working_phone && !c.reach_via.is_empty())
        );
        assert!(data.cases.iter().any(|c| c.flags.interpreter.is_some()));
        assert!(data.cases.iter().any(|c| c.flags.call_before_summons));
        assert!(data.cases.iter().any(|c| !c.alias.is_empty()));
        assert!(data.cases.iter().any(|c| !c.away.is_empty()));
        assert!(
            data.cases
                .iter()
                .any(|c| matches!(c.status, CaseStatus::Closed(_)))
        );
        assert!(
            data.cases.iter().any(|c| c
                .cadence_override
                .as_ref()
                .is_some_and(|o| o.until.is_some()))
                || data.cases.iter().any(|c| c.cadence_override.is_some())
        );
        assert!(
            data.cases
                .iter()
                .any(|c| c.phones.iter().any(|p| !p.confirmed))
        );
        assert!(data.cases.iter().any(|c| c.name == "José Nørgaard"));

        assert!(
            data.events
                .iter()
                .any(|e| e.call_back && e.at.date_naive() == t)
        );
        assert!(
            data.agreements
                .iter()
                .any(|a| a.is_open() && a.due.is_some_and(|d| d < t))
        );
        assert!(data.agreements.iter().any(|a| !a.is_open()));
        let week_ago = (t - Duration::days(7))
            .and_hms_opt(0, 0, 0)
            .unwrap()
            .and_utc();
        assert!(
            data.notes
                .iter()
                .any(|n| n.journalised.is_none() && n.at < week_ago)
        );
        assert!(data.notes.iter().any(|n| n.journalised.is_some()));

        let telefonvagt = data
            .meetings
            .iter()
            .find(|m| m.purpose == purpose::TELEFONVAGT)
            .unwrap();
        assert!(telefonvagt.is_internal());
        assert_eq!(telefonvagt.start.weekday(), Weekday::Tue);
        assert_eq!((telefonvagt.start.hour(), telefonvagt.minutes), (9, 120));
        assert_eq!(
            telefonvagt.repeat.as_ref().unwrap().every,
            RepeatEvery::Weekly
        );
        assert!(
            telefonvagt.start.date() < t,
            "created in the past so it recurs"
        );
        let sparring = data
            .meetings
            .iter()
            .find(|m| m.purpose == purpose::SPARRING)
            .unwrap();
        assert!(sparring.is_internal());
        assert_eq!(sparring.start.weekday(), Weekday::Thu);
        assert_eq!((sparring.start.hour(), sparring.minutes), (14, 60));
        assert!(sparring.repeat.is_some());
    }
}

#[test]
fn the_current_week_has_exactly_one_overlap() {
    for seed in SEEDS {
        let data = default_set(seed);
        assert_eq!(overlapping_pairs_in_week(&data, today()), 1, "seed {seed}");
    }
    // Also when today is a Monday or a Friday.
    for day in [today() - Duration::days(2), today() + Duration::days(2)] {
        let data = generate(&DemoSpec::new(50, 5, day));
        assert_eq!(overlapping_pairs_in_week(&data, day), 1, "today {day}");
    }
}

#[test]
fn other_weeks_are_free_of_overlaps_at_the_default_density() {
    let data = default_set(3);
    let mut week = monday_of(today() - Duration::days(364));
    while week < today() + Duration::days(42) {
        if week != monday_of(today()) {
            assert_eq!(overlapping_pairs_in_week(&data, week), 0, "week of {week}");
        }
        week += Duration::days(7);
    }
}

#[test]
fn meetings_follow_the_working_day() {
    for seed in SEEDS {
        let data = default_set(seed);
        let t = today();
        for m in data.meetings.iter().filter(|m| !m.is_internal()) {
            let day = m.start.date();
            assert!(
                !matches!(day.weekday(), Weekday::Sat | Weekday::Sun),
                "{:?}",
                m.start
            );
            let minute = m.start.hour() * 60 + m.start.minute();
            assert!((8 * 60..=15 * 60 + 30).contains(&minute), "{:?}", m.start);
            assert_eq!(minute % 5, 0);
            assert!((30..=120).contains(&m.minutes), "{}", m.minutes);
            assert!(m.prep_minutes <= 15 && m.follow_up_minutes <= 15);
            assert!(day >= t - Duration::days(366) && day <= t + Duration::days(42));
            let roles: Vec<Role> = m.participants.iter().map(|p| p.role).collect();
            assert!(roles.contains(&Role::Citizen) && roles.contains(&Role::Caseworker));
            if day < t {
                assert_ne!(
                    m.status,
                    MeetingStatus::Planned,
                    "past meetings have an outcome"
                );
            } else {
                assert_eq!(m.status, MeetingStatus::Planned);
            }
            if matches!(
                m.status,
                MeetingStatus::NoShow | MeetingStatus::CancelledByCitizen
            ) {
                assert!(!m.outcome.is_empty());
            }
            if m.form == MeetingForm::HomeVisit {
                assert_eq!(m.place.kind, PlaceKind::CitizensHome);
            }
            if m.is_three_party() {
                let third = m
                    .participants
                    .iter()
                    .find(|p| matches!(p.role, Role::Consultant | Role::Employer | Role::Bosted))
                    .expect("a third party");
                assert!(third.contact.is_some());
            }
        }
        let held = data
            .meetings
            .iter()
            .filter(|m| m.status == MeetingStatus::Held)
            .count();
        let past = data
            .meetings
            .iter()
            .filter(|m| !m.is_internal() && m.start.date() < t)
            .count();
        assert!(held * 100 >= past * 75, "mostly held: {held} of {past}");
        assert!(
            data.meetings
                .iter()
                .any(|m| m.status == MeetingStatus::NoShow)
        );
        assert!(
            data.meetings
                .iter()
                .any(|m| m.form == MeetingForm::HomeVisit)
        );
        assert!(data.meetings.iter().any(|m| m.form == MeetingForm::Phone));
        assert!(
            data.meetings
                .iter()
                .any(|m| m.purpose == purpose::PRAKTIKBESOEG)
        );
        let three_party = data.meetings.iter().filter(|m| m.is_three_party()).count();
        let all = data.meetings.iter().filter(|m| !m.is_internal()).count();
        assert!(
            three_party * 20 >= all && three_party * 5 <= all,
            "{three_party} of {all}"
        );
    }
}

#[test]
fn a_new_case_starts_with_a_ninety_minute_meeting() {
    let data = default_set(11);
    let t = today();
    let mut checked = 0;
    for case in data
        .cases
        .iter()
        .filter(|c| c.created.date_naive() > t - Duration::days(300))
    {
        let first = data
            .meetings
            .iter()
            .filter(|m| m.case == Some(case.id))
            .min_by_key(|m| m.start);
        if let Some(first) = first {
            assert_eq!(first.minutes, 90, "{}", case.name);
            assert_eq!(first.purpose, purpose::SAMTALE);
            assert!(first.start.date() >= case.created.date_naive());
            checked += 1;
        }
    }
    assert!(checked > 0);
}

#[test]
fn meetings_keep_to_the_case_lifetime_and_away_periods() {
    let data = default_set(4);
    for m in data.meetings.iter().filter(|m| !m.is_internal()) {
        let case = &data.cases[m.case.unwrap().0 as usize - 1];
        let day = m.start.date();
        assert!(day >= case.created.date_naive());
        if let CaseStatus::Closed(on) = case.status {
            assert!(day < on);
        }
        // The deliberate double booking is a phone call, the rest respect away periods.
        assert!(case.away_on(day).is_none() || m.form == MeetingForm::Phone);
    }
}

#[test]
fn every_reference_resolves_and_ids_run_from_one() {
    for data in [default_set(1), generate(&DemoSpec::new(220, 1, today()))] {
        fn sequential(ids: impl Iterator<Item = u64>) {
            for (i, id) in ids.enumerate() {
                assert_eq!(id, i as u64 + 1);
            }
        }
        sequential(data.cases.iter().map(|r| r.id.0));
        sequential(data.contacts.iter().map(|r| r.id.0));
        sequential(data.meetings.iter().map(|r| r.id.0));
        sequential(data.courses.iter().map(|r| r.id.0));
        sequential(data.medical_requests.iter().map(|r| r.id.0));
        sequential(data.agreements.iter().map(|r| r.id.0));
        sequential(data.events.iter().map(|r| r.id.0));
        sequential(data.notes.iter().map(|r| r.id.0));

        let cases: HashSet<u64> = data.cases.iter().map(|c| c.id.0).collect();
        let contacts: HashSet<u64> = data.contacts.iter().map(|c| c.id.0).collect();
        let contact = |id: &ContactId| assert!(contacts.contains(&id.0), "contact {id}");
        let case = |id: u64| assert!(cases.contains(&id), "case {id}");

        for c in &data.cases {
            c.network.iter().for_each(|l| contact(&l.contact));
        }
        for c in &data.contacts {
            if let Some(org) = c.organisation {
                contact(&org);
                let org = &data.contacts[org.0 as usize - 1];
                assert!(
                    org.kind.is_organisation(),
                    "{} works for {}",
                    c.name,
                    org.name
                );
            }
        }
        for m in &data.meetings {
            if let Some(id) = m.case {
                case(id.0);
            }
            m.participants
                .iter()
                .filter_map(|p| p.contact.as_ref())
                .for_each(contact);
        }
        for c in &data.courses {
            case(c.case.0);
            contact(&c.supplier);
            assert_eq!(
                data.contacts[c.supplier.0 as usize - 1].kind,
                ContactKind::Supplier
            );
            if let Some(consultant) = c.consultant {
                contact(&consultant);
                assert_eq!(
                    data.contacts[consultant.0 as usize - 1].organisation,
                    Some(c.supplier)
                );
            }
            if let Some(CourseOutcome::ConsultantChanged {
                previous: Some(p), ..
            }) = &c.outcome
            {
                contact(p);
            }
        }
        for r in &data.medical_requests {
            case(r.case.0);
            r.recipient.iter().for_each(contact);
        }
        data.agreements.iter().for_each(|a| case(a.case.0));
        data.events.iter().for_each(|e| case(e.case.0));
        data.notes.iter().for_each(|n| case(n.case.0));
    }
}

#[test]
fn nothing_looks_like_a_cpr_number() {
    for data in [
        default_set(1),
        default_set(2),
        generate(&DemoSpec::new(220, 3, today())),
    ] {
        for text in all_free_text(&data) {
            assert!(!looks_like_cpr(&text), "CPR-like text: {text}");
        }
        let json = serde_json::to_string(&data).unwrap();
        assert!(
            !looks_like_cpr(&json),
            "CPR-like text somewhere in the export"
        );
    }
}

#[test]
fn contacts_use_fictitious_domains_and_danish_numbers() {
    let data = default_set(1);
    for c in &data.contacts {
        assert!(c.email.ends_with(".example"), "{}", c.email);
        assert!(c.work_phone.is_empty() || c.work_phone.starts_with("+45 "));
    }
    for c in &data.cases {
        for p in &c.phones {
            assert!(
                p.number.starts_with("+45 ") && p.number.len() == 15,
                "{}",
                p.number
            );
        }
    }
    let has = |kind| data.contacts.iter().any(|c| c.kind == kind);
    for kind in [
        ContactKind::Supplier,
        ContactKind::Consultant,
        ContactKind::Mentor,
        ContactKind::Practice,
        ContactKind::Gp,
        ContactKind::Hospital,
        ContactKind::Psychiatry,
        ContactKind::Specialist,
        ContactKind::Employer,
        ContactKind::Bosted,
        ContactKind::Interpreter,
        ContactKind::Colleague,
    ] {
        assert!(has(kind), "{kind:?}");
    }
}

#[test]
fn timestamps_never_lie_beyond_today() {
    let data = default_set(6);
    let end_of_today = (today() + Duration::days(1))
        .and_hms_opt(0, 0, 0)
        .unwrap()
        .and_utc();
    assert!(data.events.iter().all(|e| e.at < end_of_today));
    assert!(data.notes.iter().all(|n| n.at < end_of_today));
    assert!(
        data.notes
            .iter()
            .filter_map(|n| n.journalised)
            .all(|j| j < end_of_today + Duration::days(3))
    );
    assert!(data.cases.iter().all(|c| c.created < end_of_today));
    for r in &data.medical_requests {
        assert!(r.chases.iter().all(|c| c.at < end_of_today));
        for day in [r.sent, r.received, r.acted_on, r.withdrawn]
            .into_iter()
            .flatten()
        {
            assert!(day <= today());
        }
    }
}

#[test]
fn the_scale_table_density_is_met() {
    let data = generate(&DemoSpec::new(50, 1, today()).with_meetings_per_case_per_year(50));
    let year_ago = today() - Duration::days(365);
    let last_year = data
        .meetings
        .iter()
        .filter(|m| !m.is_internal() && m.start.date() >= year_ago && m.start.date() < today())
        .count();
    assert!(
        (2_100..=2_700).contains(&last_year),
        "{last_year} meetings in the last year"
    );
}

#[test]
fn larger_caseloads_are_generated_in_proportion() {
    let data = generate(&DemoSpec::new(220, 1, today()));
    assert_eq!(data.cases.len(), 220);
    assert_eq!(data.contacts.len(), 600);
    let running = data
        .courses
        .iter()
        .filter(|c| c.is_running(today()))
        .count();
    assert!((66..=132).contains(&running), "{running}");

    let data = generate(&DemoSpec::new(2_000, 1, today()));
    assert_eq!(data.cases.len(), 2_000);
    let meetings = data.meetings.iter().filter(|m| !m.is_internal()).count();
    assert!((20_000..=30_000).contains(&meetings), "{meetings}");
    let open = data.medical_requests.iter().filter(|r| r.is_open()).count();
    assert!((300..=500).contains(&open), "{open}");
}

/// The stress load of the scale table. Run in release mode:
/// `cargo test --release --test integration demo:: -- --ignored --nocapture`.
#[test]
#[ignore = "the 10,000-case stress load is for release builds and the benchmarks"]
fn the_stress_load_is_generated() {
    let started = std::time::Instant::now();
    let data = generate(&DemoSpec::new(10_000, 1, today()).with_meetings_per_case_per_year(50));
    println!(
        "10,000 cases: {} records, {} meetings, {} contacts in {:?}",
        data.record_count(),
        data.meetings.len(),
        data.contacts.len(),
        started.elapsed()
    );
    assert_eq!(data.contacts.len(), 10_000);
    assert!(
        (450_000..=560_000).contains(&data.meetings.len()),
        "{}",
        data.meetings.len()
    );
}

#[test]
fn tiny_caseloads_are_generated_without_trouble() {
    for cases in [0, 1, 3] {
        let data = generate(&DemoSpec::new(cases, 1, today()));
        assert_eq!(data.cases.len(), cases);
        assert!(data.meetings.iter().filter(|m| m.is_internal()).count() == 2);
        for m in &data.meetings {
            if let Some(case) = m.case {
                assert!(case.0 >= 1 && case.0 as usize <= cases);
            }
        }
    }
    let sparse = generate(&DemoSpec::new(5, 1, today()).with_meetings_per_case_per_year(0));
    assert!(sparse.meetings.iter().any(|m| !m.is_internal()));
}
