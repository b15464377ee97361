//! Key encodings: big-endian numbers so byte order is numeric order.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

pub(crate) fn id_key(id: u64) -> [u8; 8] {
    id.to_be_bytes()
}

/// Seconds of a wall-clock time, sign bit flipped so earlier times sort first.
pub(crate) fn time_key(at: NaiveDateTime) -> [u8; 8] {
    ((at.and_utc().timestamp() as u64) ^ (1 << 63)).to_be_bytes()
}

/// Days since the common era, sign bit flipped so earlier dates sort first.
pub(crate) fn date_key(day: NaiveDate) -> [u8; 4] {
    ((day.num_days_from_ce() as u32) ^ (1 << 31)).to_be_bytes()
}

pub(crate) fn date_from_key(bytes: [u8; 4]) -> Option<NaiveDate> {
    let days = (u32::from_be_bytes(bytes) ^ (1 << 31)) as i32;
    NaiveDate::from_num_days_from_ce_opt(days)
}

/// The big-endian u64 at `at` in `key`, if the key is long enough.
pub(crate) fn u64_at(key: &[u8], at: usize) -> Option<u64> {
    let bytes: [u8; 8] = key.get(at..at + 8)?.try_into().ok()?;
    Some(u64::from_be_bytes(bytes))
}

pub(crate) fn concat(parts: &[&[u8]]) -> Vec<u8> {
    parts.concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_and_date_keys_sort_like_time() {
        let a = NaiveDate::from_ymd_opt(1969, 12, 31).unwrap();
        let b = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        assert!(date_key(a) < date_key(b));
        assert_eq!(date_from_key(date_key(b)), Some(b));
        let t1 = a.and_hms_opt(23, 0, 0).unwrap();
        let t2 = b.and_hms_opt(9, 0, 0).unwrap();
        let t3 = b.and_hms_opt(9, 30, 0).unwrap();
        assert!(time_key(t1) < time_key(t2) && time_key(t2) < time_key(t3));
    }
}
