//! Upgrading stored records from older schema versions, one step at a time.
//!
//! Schema 1 is the first released format. A new version adds a `Step { from: N, upgrade }` to
//! [`STEPS`] and bumps [`CURRENT_SCHEMA`]; the committed fixture of every older version
//! (`tests/fixtures/vN/`) keeps proving that it still opens.

use super::record::Kind;
use serde_json::Value;

/// The schema this caseplan writes and reads.
pub const CURRENT_SCHEMA: u32 = 3;

/// Upgrades record data of one kind from schema `from` to `from + 1`.
#[derive(Clone, Copy)]
pub(crate) struct Step {
    pub from: u32,
    pub upgrade: fn(Kind, Value) -> Result<Value, String>,
}

/// The upgrade chain of this version.
pub(crate) const STEPS: &[Step] = &[
    Step {
        from: 1,
        upgrade: meetings_count_revisions,
    },
    Step {
        from: 2,
        upgrade: rebookings_arrive,
    },
];

/// 1 → 2 (#16): a meeting counts its revisions (an .ics export writes the count as SEQUENCE),
/// and busy time imported from other calendars is a kind of its own, which schema 1 never
/// held. A meeting of schema 1 was never exported with a count: it starts at 0. The version is
/// bumped so that an older caseplan refuses the database instead of dropping the count and the
/// imported busy time when it writes.
fn meetings_count_revisions(kind: Kind, mut data: Value) -> Result<Value, String> {
    if kind == Kind::Meeting {
        data.as_object_mut()
            .ok_or("a meeting is not a JSON object")?
            .entry("revision")
            .or_insert(Value::from(0));
    }
    Ok(data)
}

/// 2 → 3 (#17): "inform and rebook" items are a kind of their own, with a tree, a by-case
/// index and a due-index tag, none of which schema 2 held; every record of schema 2 reads
/// unchanged. The version is bumped so that an older caseplan refuses the database instead of
/// leaving the items out of its exports and backups.
fn rebookings_arrive(_kind: Kind, data: Value) -> Result<Value, String> {
    Ok(data)
}

/// Brings `data` written with schema `from` up to [`CURRENT_SCHEMA`].
pub(crate) fn upgrade(
    steps: &[Step],
    kind: Kind,
    from: u32,
    mut data: Value,
) -> Result<Value, String> {
    for version in from..CURRENT_SCHEMA {
        let step = steps
            .iter()
            .find(|s| s.from == version)
            .ok_or_else(|| format!("no upgrade is known from schema {version}"))?;
        data = (step.upgrade)(kind, data)?;
    }
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_step_is_reported() {
        let err = upgrade(&[], Kind::Note, 0, Value::Null).unwrap_err();
        assert!(err.contains("schema 0"), "{err}");
    }

    #[test]
    fn a_schema_1_meeting_gets_revision_0_and_other_kinds_pass_unchanged() {
        let meeting = serde_json::json!({"id": 1, "minutes": 45});
        let upgraded = upgrade(STEPS, Kind::Meeting, 1, meeting).unwrap();
        assert_eq!(upgraded["revision"], 0);
        let counted = serde_json::json!({"id": 1, "revision": 4});
        assert_eq!(
            upgrade(STEPS, Kind::Meeting, 1, counted).unwrap()["revision"],
            4
        );
        let note = serde_json::json!({"id": 2});
        assert_eq!(upgrade(STEPS, Kind::Note, 1, note.clone()), Ok(note));
        assert!(upgrade(STEPS, Kind::Meeting, 1, Value::Null).is_err());
    }

    #[test]
    fn current_data_passes_unchanged() {
        let data = serde_json::json!({"a": 1});
        assert_eq!(
            upgrade(STEPS, Kind::Note, CURRENT_SCHEMA, data.clone()),
            Ok(data)
        );
    }
}
