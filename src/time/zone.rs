//! The configured time zone and conversions between UTC instants and local wall-clock times.
//!
//! Meetings are wall-clock times (`NaiveDateTime`) in the zone; event timestamps are UTC.
//! "Same time next week" is computed on the wall clock, so a 10:00 meeting stays at 10:00
//! across a DST change; only its UTC instant moves.

use super::clock::Clock;
use chrono::{DateTime, LocalResult, NaiveDate, NaiveDateTime, Offset, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Errors of zone names and of the `--now` flag.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ZoneError {
    #[error("unknown time zone \"{name}\"; use an IANA name such as \"Europe/Copenhagen\"")]
    UnknownZone { name: String },
    #[error(
        "could not read \"{input}\" as a local date and time; use \"YYYY-MM-DD HH:MM\", e.g. \"2026-11-24 13:00\""
    )]
    BadNow { input: String },
    /// The reason is part of the message, not a source, so `{:#}` says it once.
    #[error("--now \"{input}\": {reason}")]
    NowOutOfRange {
        input: String,
        reason: super::range::OutOfRange,
    },
}

/// A time zone, Europe/Copenhagen unless configured otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Zone(Tz);

impl Default for Zone {
    fn default() -> Self {
        Zone(Tz::Europe__Copenhagen)
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.name())
    }
}

impl TryFrom<String> for Zone {
    type Error = ZoneError;
    fn try_from(name: String) -> Result<Self, Self::Error> {
        Zone::parse(&name)
    }
}

impl From<Zone> for String {
    fn from(zone: Zone) -> String {
        zone.name().to_string()
    }
}

impl Zone {
    /// The default zone, Europe/Copenhagen.
    pub fn copenhagen() -> Self {
        Zone::default()
    }

    pub fn new(tz: Tz) -> Self {
        Zone(tz)
    }

    /// Reads an IANA zone name such as "Europe/Copenhagen" (surrounding spaces ignored).
    pub fn parse(name: &str) -> Result<Zone, ZoneError> {
        name.trim()
            .parse::<Tz>()
            .map(Zone)
            .map_err(|_| ZoneError::UnknownZone {
                name: name.trim().to_string(),
            })
    }

    pub fn tz(&self) -> Tz {
        self.0
    }

    pub fn name(&self) -> &'static str {
        self.0.name()
    }

    /// The wall-clock time in this zone at a UTC instant.
    pub fn local(&self, at: DateTime<Utc>) -> NaiveDateTime {
        let utc = at.naive_utc();
        let offset = self.0.offset_from_utc_datetime(&utc).fix();
        // Checked: chrono's `naive_local` panics at the very ends of its range.
        utc.checked_add_signed(TimeDelta::seconds(i64::from(offset.local_minus_utc())))
            .unwrap_or(utc)
    }

    /// Today's date in this zone.
    pub fn today(&self, clock: &dyn Clock) -> NaiveDate {
        self.now_local(clock).date()
    }

    /// The current wall-clock time in this zone.
    pub fn now_local(&self, clock: &dyn Clock) -> NaiveDateTime {
        self.local(clock.now())
    }

    /// The UTC instant of a wall-clock time in this zone. Never panics:
    /// - in the spring-forward gap (a time that does not exist), the clock is read as if it had
    ///   not been moved yet, which lands the same distance after the gap: 02:30 on the last
    ///   Sunday of March in Copenhagen becomes 03:30 local (01:30 UTC);
    /// - in the autumn fold (a time that happens twice), the earlier instant is taken.
    pub fn to_utc(&self, local: NaiveDateTime) -> DateTime<Utc> {
        match self.0.from_local_datetime(&local) {
            LocalResult::Single(at) => at.with_timezone(&Utc),
            LocalResult::Ambiguous(earlier, _) => earlier.with_timezone(&Utc),
            LocalResult::None => self.across_gap(local),
        }
    }

    /// Reads a time in the gap with the offset in force just before the gap.
    fn across_gap(&self, local: NaiveDateTime) -> DateTime<Utc> {
        // Gaps are at most a day long (Pacific/Apia skipped 30 Dec 2011), so look back
        // hour by hour for a wall-clock time that exists.
        for hours in 1..=48 {
            let Some(before) = local.checked_sub_signed(TimeDelta::hours(hours)) else {
                break;
            };
            if let Some(at) = self.0.from_local_datetime(&before).latest() {
                let offset = i64::from(at.offset().fix().local_minus_utc());
                if let Some(utc) = local.checked_sub_signed(TimeDelta::seconds(offset)) {
                    return utc.and_utc();
                }
                break;
            }
        }
        local.and_utc()
    }
}

/// Reads the `--now "YYYY-MM-DD HH:MM"` flag: a local wall-clock time in `zone`.
/// Also accepts a `T` between date and time, and seconds.
pub fn parse_now(input: &str, zone: Zone) -> Result<DateTime<Utc>, ZoneError> {
    let text = input.trim();
    const FORMATS: [&str; 4] = [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
    ];
    let local = FORMATS
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
        .ok_or_else(|| ZoneError::BadNow {
            input: input.to_string(),
        })?;
    // Checked before the zone's offset is applied: near chrono's limits that would panic.
    super::range::check(local).map_err(|reason| ZoneError::NowOutOfRange {
        input: input.to_string(),
        reason,
    })?;
    Ok(zone.to_utc(local))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::clock::FixedClock;
    use chrono::{Days, NaiveTime};

    fn local(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    fn utc(s: &str) -> DateTime<Utc> {
        local(s).and_utc()
    }

    fn cph() -> Zone {
        Zone::default()
    }

    #[test]
    fn default_is_copenhagen_and_parses_by_name() {
        assert_eq!(cph().name(), "Europe/Copenhagen");
        assert_eq!(Zone::parse(" Europe/Copenhagen ").unwrap(), cph());
        assert_eq!(Zone::parse("UTC").unwrap().name(), "UTC");
        assert_eq!(cph().to_string(), "Europe/Copenhagen");
    }

    #[test]
    fn unknown_zone_names_the_input() {
        let err = Zone::parse("Europe/Kobenhavn").unwrap_err();
        assert_eq!(
            err,
            ZoneError::UnknownZone {
                name: "Europe/Kobenhavn".into()
            }
        );
        let message = err.to_string();
        assert!(message.contains("\"Europe/Kobenhavn\""), "{message}");
        assert!(message.contains("Europe/Copenhagen"), "{message}");
    }

    #[test]
    fn zone_serialises_as_its_name() {
        let json = serde_json::to_string(&cph()).unwrap();
        assert_eq!(json, "\"Europe/Copenhagen\"");
        assert_eq!(serde_json::from_str::<Zone>(&json).unwrap(), cph());
        assert!(serde_json::from_str::<Zone>("\"Nowhere/Town\"").is_err());
    }

    // Spring forward 2026: Sunday 29 March, 02:00 CET (01:00 UTC) becomes 03:00 CEST.
    #[test]
    fn spring_forward_2026_around_the_change() {
        let z = cph();
        // One hour before the change: still winter time (+01:00).
        assert_eq!(z.to_utc(local("2026-03-29 01:00")), utc("2026-03-29 00:00"));
        assert_eq!(z.local(utc("2026-03-29 00:00")), local("2026-03-29 01:00"));
        assert_eq!(z.local(utc("2026-03-29 00:59")), local("2026-03-29 01:59"));
        // At and one hour after the change: summer time (+02:00).
        assert_eq!(z.local(utc("2026-03-29 01:00")), local("2026-03-29 03:00"));
        assert_eq!(z.to_utc(local("2026-03-29 03:00")), utc("2026-03-29 01:00"));
        assert_eq!(z.to_utc(local("2026-03-29 04:00")), utc("2026-03-29 02:00"));
        assert_eq!(z.local(utc("2026-03-29 02:00")), local("2026-03-29 04:00"));
    }

    #[test]
    fn spring_forward_gap_takes_the_instant_after_the_gap() {
        let z = cph();
        let at = z.to_utc(local("2026-03-29 02:30"));
        assert_eq!(at, utc("2026-03-29 01:30"));
        assert_eq!(z.local(at), local("2026-03-29 03:30"));
        let start = z.to_utc(local("2026-03-29 02:00"));
        assert_eq!(z.local(start), local("2026-03-29 03:00"));
        let end = z.to_utc(local("2026-03-29 02:59"));
        assert_eq!(z.local(end), local("2026-03-29 03:59"));
    }

    // Fall back 2026: Sunday 25 October, 03:00 CEST (01:00 UTC) becomes 02:00 CET.
    #[test]
    fn fall_back_2026_around_the_change() {
        let z = cph();
        // One hour before: summer time.
        assert_eq!(z.to_utc(local("2026-10-25 01:00")), utc("2026-10-24 23:00"));
        assert_eq!(z.local(utc("2026-10-24 23:00")), local("2026-10-25 01:00"));
        // One hour after: winter time.
        assert_eq!(z.to_utc(local("2026-10-25 04:00")), utc("2026-10-25 03:00"));
        assert_eq!(z.local(utc("2026-10-25 03:00")), local("2026-10-25 04:00"));
        // Both instants of the fold show as 02:30 local.
        assert_eq!(z.local(utc("2026-10-25 00:30")), local("2026-10-25 02:30"));
        assert_eq!(z.local(utc("2026-10-25 01:30")), local("2026-10-25 02:30"));
    }

    #[test]
    fn fall_back_fold_takes_the_earlier_instant() {
        let z = cph();
        assert_eq!(z.to_utc(local("2026-10-25 02:30")), utc("2026-10-25 00:30"));
        assert_eq!(z.to_utc(local("2026-10-25 02:00")), utc("2026-10-25 00:00"));
        assert_eq!(z.to_utc(local("2026-10-25 03:00")), utc("2026-10-25 02:00"));
    }

    #[test]
    fn same_time_next_week_keeps_the_wall_clock_across_dst() {
        let z = cph();
        for (before, after, before_utc, after_utc) in [
            // Spring: Thursday before and after 29 March.
            (
                "2026-03-26 10:00",
                "2026-04-02 10:00",
                "2026-03-26 09:00",
                "2026-04-02 08:00",
            ),
            // Autumn: Thursday before and after 25 October.
            (
                "2026-10-22 10:00",
                "2026-10-29 10:00",
                "2026-10-22 08:00",
                "2026-10-29 09:00",
            ),
        ] {
            let meeting = local(before);
            let next_week = meeting.checked_add_days(Days::new(7)).unwrap();
            assert_eq!(next_week, local(after));
            assert_eq!(next_week.time(), NaiveTime::from_hms_opt(10, 0, 0).unwrap());
            assert_eq!(z.to_utc(meeting), utc(before_utc));
            assert_eq!(z.to_utc(next_week), utc(after_utc));
            assert_eq!(z.local(z.to_utc(next_week)), next_week);
        }
    }

    #[test]
    fn today_uses_the_local_date_not_the_utc_date() {
        let z = cph();
        // 23:30 UTC on Saturday is already Sunday 00:30 in Copenhagen.
        let clock = FixedClock(utc("2026-03-28 23:30"));
        assert_eq!(
            z.today(&clock),
            NaiveDate::from_ymd_opt(2026, 3, 29).unwrap()
        );
        assert_eq!(z.now_local(&clock), local("2026-03-29 00:30"));
        let utc_zone = Zone::parse("UTC").unwrap();
        assert_eq!(
            utc_zone.today(&clock),
            NaiveDate::from_ymd_opt(2026, 3, 28).unwrap()
        );
    }

    #[test]
    fn parse_now_reads_local_wall_clock() {
        let z = cph();
        assert_eq!(
            parse_now("2026-11-24 13:00", z).unwrap(),
            utc("2026-11-24 12:00")
        );
        assert_eq!(
            parse_now("2026-06-01T09:15", z).unwrap(),
            utc("2026-06-01 07:15")
        );
        assert_eq!(
            parse_now("2026-03-29 02:30", z).unwrap(),
            utc("2026-03-29 01:30")
        );
        assert_eq!(
            parse_now("2026-10-25 02:30", z).unwrap(),
            utc("2026-10-25 00:30")
        );
    }

    #[test]
    fn parse_now_rejects_other_shapes_with_the_input_quoted() {
        for bad in [
            "24/11 13:00",
            "2026-11-24",
            "",
            "2026-02-30 10:00",
            "2026-11-24 25:00",
        ] {
            let err = parse_now(bad, cph()).unwrap_err();
            assert_eq!(err, ZoneError::BadNow { input: bad.into() });
            assert!(err.to_string().contains("YYYY-MM-DD HH:MM"));
        }
    }

    #[test]
    fn conversions_do_not_panic_at_the_ends_of_the_calendar() {
        let z = cph();
        let _ = z.to_utc(NaiveDateTime::MAX);
        let _ = z.to_utc(NaiveDateTime::MIN);
        let _ = z.local(DateTime::<Utc>::MAX_UTC);
        let _ = z.local(DateTime::<Utc>::MIN_UTC);
    }
}
