//! The last contact and the last attempt agree on Today, the board and the case card, on data
//! the test writes: a held meeting, a "ring mig" SMS this morning (the citizen's attempt, not
//! contact), and a meeting later today already marked held (not contact until it starts).

use caseplan::config::Config;
use caseplan::domain::contact::ContactSource;
use caseplan::i18n::Lang;
use caseplan::model::{CaseId, Channel, Dataset};
use caseplan::query::board::{BoardParams, board};
use caseplan::query::card::card;
use caseplan::query::today::{default_until, due_facts};
use caseplan::store::Store;
use caseplan::time::Zone;
use chrono::{NaiveDate, NaiveDateTime};
use serde_json::json;

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The frozen clock: Tuesday 24 November 2026, 10:00 in Copenhagen.
const NOW: &str = "2026-11-24 10:00";

fn dataset() -> Dataset {
    let meeting = |id: u64, start: &str, status: &str| {
        json!({
            "id": id, "case": 1, "start": start, "minutes": 45,
            "purpose": "samtale", "form": "in_person", "status": status,
        })
    };
    let event = |id: u64, utc: &str, extra: serde_json::Value| {
        let mut e = json!({
            "id": id, "case": 1, "at": utc, "channel": "phone", "direction": "out",
            "reached": true, "note": "",
        });
        if let (Some(e), Some(extra)) = (e.as_object_mut(), extra.as_object()) {
            e.extend(extra.clone());
        }
        e
    };
    serde_json::from_value(json!({
        "cases": [
            { "id": 1, "name": "Anne Jensen", "target_group": "aktivitetsparat",
              "created": "2025-01-06T09:00:00Z" },
        ],
        "meetings": [
            meeting(10, "2026-11-10T09:00:00", "held"),
            // Marked held in advance: not contact before it starts at 14:00.
            meeting(11, "2026-11-24T14:00:00", "held"),
        ],
        "events": [
            // Reached on 3 Nov: older than the meeting on the 10th.
            event(20, "2026-11-03T10:00:00Z", json!({})),
            // An unanswered call on the 12th: an attempt, but older than the SMS.
            event(21, "2026-11-12T12:00:00Z", json!({ "reached": false })),
            // "Ring mig" this morning at 08:40 local (07:40 UTC).
            event(22, "2026-11-24T07:40:00Z", json!({
                "channel": "sms", "direction": "in", "call_back": true, "note": "Ring mig",
            })),
        ],
    }))
    .unwrap()
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store.import(&dataset()).unwrap();
    (dir, store)
}

#[test]
fn today_the_board_and_the_card_agree_and_ring_mig_is_an_attempt() {
    let (_dir, store) = store();
    let zone = Zone::copenhagen();
    let config = Config::default();
    let now = at(NOW);
    let today = now.date();

    let facts = due_facts(&store, &config, &zone, now, default_until(today)).unwrap();
    assert_eq!(facts.cases[&CaseId(1)].last_contact, Some(d("2026-11-10")));

    let params = BoardParams {
        now,
        zone,
        lang: Lang::En,
        medical: config.medical.clone(),
        cadence: config.cadence.clone(),
        group_labels: vec![],
    };
    let rows = board(&store, &params).unwrap();
    assert_eq!(rows[0].last_contact, Some(d("2026-11-10")));
    assert_eq!(rows[0].days_since_contact, Some(14));

    let card = card(&store, CaseId(1), &config, &zone, zone.to_utc(now))
        .unwrap()
        .unwrap();
    let last = card.last_contact.expect("the meeting on the 10th");
    assert_eq!(last.at, at("2026-11-10 09:00"));
    assert_eq!(last.source, ContactSource::Meeting);
    assert_eq!(last.days_ago, 14);
    let attempt = card.last_attempt.expect("the ring mig");
    assert_eq!(attempt.at, at("2026-11-24 08:40"));
    assert_eq!(attempt.channel, Channel::Sms);
    assert_eq!(attempt.days_ago, 0);
    assert_eq!(attempt.note, "Ring mig");
}

#[test]
fn once_the_meeting_has_started_it_is_the_last_contact_everywhere() {
    let (_dir, store) = store();
    let zone = Zone::copenhagen();
    let config = Config::default();
    let now = at("2026-11-24 14:00");
    let facts = due_facts(&store, &config, &zone, now, default_until(now.date())).unwrap();
    assert_eq!(facts.cases[&CaseId(1)].last_contact, Some(d("2026-11-24")));
    let params = BoardParams {
        now,
        zone,
        lang: Lang::En,
        medical: config.medical.clone(),
        cadence: config.cadence.clone(),
        group_labels: vec![],
    };
    assert_eq!(
        board(&store, &params).unwrap()[0].days_since_contact,
        Some(0)
    );
    let card = card(&store, CaseId(1), &config, &zone, zone.to_utc(now))
        .unwrap()
        .unwrap();
    assert_eq!(
        card.last_contact.map(|c| c.at),
        Some(at("2026-11-24 14:00"))
    );
    assert!(
        card.last_attempt.is_none(),
        "the ring mig came before the meeting"
    );
}
