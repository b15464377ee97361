//! `Store::check`: every record decodes, every index entry matches a record and the other way
//! round, in the hot part and in the archive, every reference resolves.

use super::error::Problem;
use super::keys::u64_at;
use super::record::{AnyRecord, Kind, RecordRef};
use super::trees::TreeId;
use super::{Store, index, validate};
use crate::domain::summary::summarize;
use crate::model::{CaseId, Dataset};
use std::collections::{BTreeMap, HashMap};

impl Store {
    /// Every problem found in the database; empty when it is sound.
    pub fn check(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut data = Dataset::default();
        let mut hot = HashMap::new();
        check_part(&self.trees, "", &mut hot, &mut data, &mut problems);
        match self.archive() {
            Ok(Some(archive)) => {
                let mut archived = HashMap::new();
                let mut cold = Dataset::default();
                check_part(
                    archive.trees(),
                    "the archive: ",
                    &mut archived,
                    &mut cold,
                    &mut problems,
                );
                // A record in both (a move cut short) must be the same in both.
                for record in AnyRecord::all_in(&cold) {
                    let at = record.record_ref();
                    match hot.get(&at) {
                        None => record.push_into(&mut data),
                        Some(print) if *print == archived.get(&at).copied().unwrap_or(0) => {}
                        Some(_) => problems.push(Problem::new(
                            Some(at),
                            "is in the database and in its archive, and the two differ",
                        )),
                    }
                }
            }
            Ok(None) => {}
            Err(err) => problems.push(Problem::new(
                None,
                format!("the archive could not be opened: {err}"),
            )),
        }
        problems.extend(self.check_archive_counts());
        problems.extend(self.check_summaries(&data));
        problems.extend(validate::references(&data));
        problems
    }
}

/// Checks the records and index trees of one part (the hot part or the archive), noting each
/// record's fingerprint in `prints` and the record in `data`; `label` starts each problem.
fn check_part(
    trees: &[sled::Tree],
    label: &str,
    prints: &mut HashMap<RecordRef, u64>,
    data: &mut Dataset,
    problems: &mut Vec<Problem>,
) {
    let tree_of = |id: TreeId| &trees[id.slot()];
    let mut expected: HashMap<(TreeId, Vec<u8>, Vec<u8>), RecordRef> = HashMap::new();
    for kind in Kind::ALL {
        for item in tree_of(TreeId::Record(kind)).iter() {
            let (key, value) = match item {
                Ok(kv) => kv,
                Err(err) => {
                    problems.push(Problem::new(
                        None,
                        format!("{label}the {kind} records could not be read: {err}"),
                    ));
                    break;
                }
            };
            let Some(id) = u64_at(&key, 0).filter(|_| key.len() == 8) else {
                problems.push(Problem::new(
                    None,
                    format!("{label}the {kind} records hold a key that is not an id"),
                ));
                continue;
            };
            let at = RecordRef { kind, id };
            let record = match AnyRecord::decode(kind, &value) {
                Ok(record) => record,
                Err(detail) => {
                    problems.push(Problem::new(Some(at), format!("{label}{detail}")));
                    continue;
                }
            };
            if record.id() != id {
                problems.push(Problem::new(
                    Some(at),
                    format!("is stored under id {id} but says it is {}", record.id()),
                ));
            }
            for entry in index::entries(&record) {
                expected.insert(entry, at);
            }
            prints.insert(at, fingerprint(&value));
            record.push_into(data);
        }
    }
    for tree in TreeId::indexes() {
        for item in tree_of(tree).iter() {
            let Ok((key, value)) = item else {
                problems.push(Problem::new(
                    None,
                    format!("{label}the index {} could not be read", tree.name()),
                ));
                break;
            };
            if expected
                .remove(&(tree, key.to_vec(), value.to_vec()))
                .is_none()
            {
                problems.push(Problem::new(
                    index_target(tree, &key),
                    format!(
                        "{label}the index {} has an entry that matches no record",
                        tree.name()
                    ),
                ));
            }
        }
    }
    let mut missing: Vec<_> = expected.into_iter().collect();
    missing.sort();
    for ((tree, _, _), at) in missing {
        problems.push(Problem::new(
            Some(at),
            format!("{label}is missing from the index {}", tree.name()),
        ));
    }
}

/// The stored bytes of a record, hashed.
fn fingerprint(bytes: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

/// The record an index key points at.
fn index_target(tree: TreeId, key: &[u8]) -> Option<RecordRef> {
    let (kind, at) = match tree {
        TreeId::MeetingsByStart => (Kind::Meeting, 8),
        TreeId::MeetingsByCase => (Kind::Meeting, 16),
        TreeId::ByCase(kind) => (kind, 8),
        TreeId::Due => (index::DueKind::from_tag(*key.get(4)?)?.record_kind(), 5),
        TreeId::Recurring => (Kind::Meeting, 0),
        TreeId::ExternalByStart => (Kind::External, 8),
        TreeId::MeetingsByCaseStatus => (Kind::Meeting, 17),
        TreeId::Search => return super::search_tree::target(key),
        TreeId::Briefs => (Kind::Case, 0),
        TreeId::Record(_) | TreeId::Summaries => return None,
    };
    Some(RecordRef {
        kind,
        id: u64_at(key, at)?,
    })
}

impl Store {
    /// Every case's stored summary against the one its records give.
    fn check_summaries(&self, data: &Dataset) -> Vec<Problem> {
        let stored = match self.stored_summaries() {
            Ok(stored) => stored,
            Err(err) => return vec![Problem::new(None, err.to_string())],
        };
        // Each case's records, so every summary is computed from its own only.
        let mut records: BTreeMap<CaseId, Dataset> = stored
            .keys()
            .map(|case| (*case, Dataset::default()))
            .collect();
        for m in &data.meetings {
            if let Some(case) = m.case {
                records.entry(case).or_default().meetings.push(m.clone());
            }
        }
        for e in &data.events {
            records.entry(e.case).or_default().events.push(e.clone());
        }
        for c in &data.courses {
            records.entry(c.case).or_default().courses.push(c.clone());
        }
        for r in &data.medical_requests {
            let own = records.entry(r.case).or_default();
            own.medical_requests.push(r.clone());
        }
        let mut problems = Vec::new();
        for (case, own) in records {
            let expected = summarize(
                case,
                &own.meetings,
                &own.events,
                &own.courses,
                &own.medical_requests,
            );
            if stored.get(&case).cloned().unwrap_or_default() != expected {
                problems.push(Problem::new(
                    Some(RecordRef {
                        kind: Kind::Case,
                        id: case.0,
                    }),
                    "has a summary that does not match its records".to_owned(),
                ));
            }
        }
        problems
    }
}
