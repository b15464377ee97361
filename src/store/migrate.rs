//! Upgrading stored records from older schema versions, one step at a time.
//!
//! Schema 1 is the first released format, so the chain is empty today. A new version adds a
//! `Step { from: 1, upgrade }` to [`STEPS`] and bumps [`CURRENT_SCHEMA`].

use super::record::Kind;
use serde_json::Value;

/// The schema this caseplan writes and reads.
pub const CURRENT_SCHEMA: u32 = 1;

/// Upgrades record data of one kind from schema `from` to `from + 1`.
#[derive(Clone, Copy)]
pub(crate) struct Step {
    pub from: u32,
    pub upgrade: fn(Kind, Value) -> Result<Value, String>,
}

/// The upgrade chain of this version.
pub(crate) const STEPS: &[Step] = &[];

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
    fn current_data_passes_unchanged() {
        let data = serde_json::json!({"a": 1});
        assert_eq!(
            upgrade(STEPS, Kind::Note, CURRENT_SCHEMA, data.clone()),
            Ok(data)
        );
    }
}
