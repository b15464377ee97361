//! Which five-minute slots of each day are taken, so generated meetings do not overlap.
//! One `u128` per day covers 07:00–17:40; lookups are O(1), so a 10,000-case history stays cheap.

use chrono::NaiveDate;

/// Minute of the day of slot 0.
const FIRST_MINUTE: u32 = 7 * 60;
const SLOT_MINUTES: u32 = 5;
const SLOTS: u32 = 128;

pub(super) struct Occupancy {
    first: NaiveDate,
    days: Vec<u128>,
}

impl Occupancy {
    pub fn new(first: NaiveDate, last: NaiveDate) -> Self {
        let len = (last - first).num_days().max(0) as usize + 1;
        Self {
            first,
            days: vec![0; len],
        }
    }

    /// Whether `from..to` (minutes of the day) is free on `day`. Days outside the range are free.
    pub fn is_free(&self, day: NaiveDate, from: u32, to: u32) -> bool {
        self.slot(day)
            .is_none_or(|i| self.days[i] & mask(from, to) == 0)
    }

    pub fn reserve(&mut self, day: NaiveDate, from: u32, to: u32) {
        if let Some(i) = self.slot(day) {
            self.days[i] |= mask(from, to);
        }
    }

    fn slot(&self, day: NaiveDate) -> Option<usize> {
        let offset = usize::try_from((day - self.first).num_days()).ok()?;
        (offset < self.days.len()).then_some(offset)
    }
}

/// The bits of the slots touched by `from..to`, clamped to the covered hours.
fn mask(from: u32, to: u32) -> u128 {
    let first = from.saturating_sub(FIRST_MINUTE) / SLOT_MINUTES;
    let last = to.saturating_sub(FIRST_MINUTE).div_ceil(SLOT_MINUTES);
    let (first, last) = (first.min(SLOTS), last.min(SLOTS));
    if last <= first {
        return 0;
    }
    let width = last - first;
    let run = if width == SLOTS {
        u128::MAX
    } else {
        (1u128 << width) - 1
    };
    run << first
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(n: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, n).unwrap()
    }

    #[test]
    fn reserved_time_is_taken_and_touching_time_is_free() {
        let mut occ = Occupancy::new(day(1), day(30));
        occ.reserve(day(10), 9 * 60, 10 * 60);
        assert!(!occ.is_free(day(10), 9 * 60 + 30, 9 * 60 + 45));
        assert!(!occ.is_free(day(10), 8 * 60 + 30, 9 * 60 + 5));
        assert!(
            occ.is_free(day(10), 10 * 60, 11 * 60),
            "back to back is fine"
        );
        assert!(occ.is_free(day(10), 8 * 60, 9 * 60));
        assert!(
            occ.is_free(day(11), 9 * 60, 10 * 60),
            "other days are untouched"
        );
        assert!(occ.is_free(day(30) + chrono::Duration::days(5), 0, 24 * 60));
    }

    #[test]
    fn masks_clamp_to_the_covered_hours() {
        assert_eq!(mask(0, 7 * 60), 0);
        assert_eq!(mask(0, 24 * 60), u128::MAX);
        assert_eq!(mask(7 * 60, 7 * 60 + 5), 1);
        assert_eq!(mask(7 * 60 + 3, 7 * 60 + 7), 0b11);
    }
}
