//! Stored values: self-describing JSON in an envelope `{"v": N, "data": …}`.

use super::migrate::CURRENT_SCHEMA;
use serde::{Deserialize, Serialize, de::DeserializeOwned};

#[derive(Serialize)]
struct EnvelopeOut<'a, T> {
    v: u32,
    data: &'a T,
}

#[derive(Deserialize)]
struct EnvelopeIn<T> {
    v: u32,
    data: T,
}

/// Only the version, to explain why a record did not decode.
#[derive(Deserialize)]
pub(crate) struct VersionOnly {
    pub v: u32,
}

pub(crate) fn encode<T: Serialize>(data: &T) -> Vec<u8> {
    let envelope = EnvelopeOut {
        v: CURRENT_SCHEMA,
        data,
    };
    // Serialising plain data structs with string keys cannot fail.
    serde_json::to_vec(&envelope).unwrap_or_default()
}

/// Encodes raw JSON data with an explicit version (used by migrations).
pub(crate) fn encode_value(v: u32, data: &serde_json::Value) -> Vec<u8> {
    serde_json::to_vec(&EnvelopeOut { v, data }).unwrap_or_default()
}

/// Decodes a current-version record; the error is a detail for a `Damaged` message.
pub(crate) fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    match serde_json::from_slice::<EnvelopeIn<T>>(bytes) {
        Ok(envelope) if envelope.v == CURRENT_SCHEMA => Ok(envelope.data),
        Ok(envelope) => Err(format!(
            "a record has schema {} where {CURRENT_SCHEMA} was expected",
            envelope.v
        )),
        Err(err) => match serde_json::from_slice::<VersionOnly>(bytes) {
            Ok(VersionOnly { v }) if v != CURRENT_SCHEMA => Err(format!(
                "a record has schema {v} where {CURRENT_SCHEMA} was expected"
            )),
            _ => Err(format!("a record could not be read: {err}")),
        },
    }
}

/// Decodes the envelope without interpreting the data.
pub(crate) fn decode_raw(bytes: &[u8]) -> Result<(u32, serde_json::Value), String> {
    serde_json::from_slice::<EnvelopeIn<serde_json::Value>>(bytes)
        .map(|e| (e.v, e.data))
        .map_err(|err| format!("a record could not be read: {err}"))
}
