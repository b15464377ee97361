//! Where "now" comes from. Every "today" in the program is read through a [`Clock`], so tests
//! and the `--now` flag can freeze time.

use chrono::{DateTime, Utc};

/// A source of the current instant.
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

/// The real clock of the machine.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that always says the same instant (tests, `--now`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FixedClock(pub DateTime<Utc>);

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn fixed_clock_returns_its_instant() {
        let at = Utc.with_ymd_and_hms(2026, 3, 29, 8, 15, 0).unwrap();
        let clock: &dyn Clock = &FixedClock(at);
        assert_eq!(clock.now(), at);
        assert_eq!(clock.now(), clock.now());
    }

    #[test]
    fn system_clock_is_after_2020() {
        let earlier = Utc.with_ymd_and_hms(2020, 1, 1, 0, 0, 0).unwrap();
        assert!(SystemClock.now() > earlier);
    }
}
