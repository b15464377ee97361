//! A date, a date-and-time or a duration typed as text and read by the one parser in
//! [`crate::time`]: "tir 10:30", "i morgen", "+3d", "24/11", "1h30".

use super::text::TextField;
use crate::domain::workdays::DaysOff;
use crate::i18n::{Lang, weekday_short};
use crate::time::{
    ParseError, format_time, parse_date_with, parse_duration, parse_past_date_with, parse_when_with,
};
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};

/// What a time field reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeKind {
    /// A day ("tir", "24/11", "+3d").
    Date,
    /// A day that has usually passed (consent, sent): "20/11" is this year's or last year's.
    PastDate,
    /// A day with an optional time ("tir 10:30", "14"); a day alone is at the default time.
    When { default_time: NaiveTime },
    /// A length in minutes ("45", "1h30", "1,5t").
    Duration,
}

#[derive(Debug, Clone)]
pub struct TimeField {
    pub text: TextField,
    pub kind: TimeKind,
    /// Empty is allowed and reads as nothing (and "0" as no minutes).
    pub optional: bool,
    /// Show what the text reads as after it ("→ tir 24.11 11:15"), so a typo shows before
    /// saving.
    pub shows_reading: bool,
}

impl TimeField {
    pub fn new(kind: TimeKind, initial: &str) -> TimeField {
        TimeField {
            text: TextField::single(initial),
            kind,
            optional: false,
            shows_reading: false,
        }
    }

    fn typed(&self) -> String {
        self.text.text().trim().to_string()
    }

    /// Nothing typed in a field that may be empty.
    fn left_empty(&self) -> bool {
        self.optional && self.typed().is_empty()
    }

    /// The day typed, `None` when left empty. A date-and-time field gives its day.
    pub fn date(
        &self,
        today: NaiveDate,
        days_off: &DaysOff,
    ) -> Result<Option<NaiveDate>, ParseError> {
        if self.left_empty() {
            return Ok(None);
        }
        let text = self.typed();
        match self.kind {
            TimeKind::PastDate => parse_past_date_with(&text, today, days_off).map(Some),
            TimeKind::When { .. } => parse_when_with(&text, today, days_off).map(|w| Some(w.date)),
            TimeKind::Date | TimeKind::Duration => {
                parse_date_with(&text, today, days_off).map(Some)
            }
        }
    }

    /// The moment typed: the day at the time typed, else at the default time (midnight for a
    /// date field). `None` when left empty.
    pub fn moment(
        &self,
        today: NaiveDate,
        days_off: &DaysOff,
    ) -> Result<Option<NaiveDateTime>, ParseError> {
        if let TimeKind::When { default_time } = self.kind {
            if self.left_empty() {
                return Ok(None);
            }
            return parse_when_with(&self.typed(), today, days_off)
                .map(|w| Some(w.at_or(default_time)));
        }
        Ok(self
            .date(today, days_off)?
            .map(|d| d.and_time(NaiveTime::MIN)))
    }

    /// The minutes typed, `None` when left empty; in an optional field "0" is no minutes.
    pub fn minutes(&self) -> Result<Option<u32>, ParseError> {
        if self.left_empty() {
            return Ok(None);
        }
        let text = self.typed();
        if self.optional && text == "0" {
            return Ok(Some(0));
        }
        parse_duration(&text).map(Some)
    }

    /// What the text reads as, for the field's aside: "→ tir 24.11 11:15"; `None` when it does
    /// not read or the field does not show it.
    pub fn reading(&self, today: NaiveDate, days_off: &DaysOff, lang: Lang) -> Option<String> {
        if !self.shows_reading || self.typed().is_empty() {
            return None;
        }
        let day =
            |d: NaiveDate| format!("{} {}", weekday_short(d.weekday(), lang), d.format("%d.%m"));
        match self.kind {
            TimeKind::When { default_time } => {
                let w = parse_when_with(&self.typed(), today, days_off).ok()?;
                let at = w.at_or(default_time);
                Some(format!("→ {} {}", day(at.date()), format_time(at.time())))
            }
            TimeKind::Date | TimeKind::PastDate => {
                Some(format!("→ {}", day(self.date(today, days_off).ok()??)))
            }
            TimeKind::Duration => {
                let minutes = self.minutes().ok()??;
                Some(format!("→ {}", crate::time::format_duration(minutes)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// The frozen day: Tuesday 24 November 2026.
    fn today() -> NaiveDate {
        d(2026, 11, 24)
    }

    fn nine() -> NaiveTime {
        NaiveTime::from_hms_opt(9, 0, 0).unwrap()
    }

    fn field(kind: TimeKind, text: &str) -> TimeField {
        TimeField::new(kind, text)
    }

    #[test]
    fn dates_read_with_the_one_parser() {
        assert_eq!(
            field(TimeKind::Date, "tor").date(today(), &DaysOff::default()),
            Ok(Some(d(2026, 11, 26)))
        );
        assert_eq!(
            field(TimeKind::Date, "+3d").date(today(), &DaysOff::default()),
            Ok(Some(d(2026, 11, 27)))
        );
        assert!(
            field(TimeKind::Date, "")
                .date(today(), &DaysOff::default())
                .is_err(),
            "required"
        );
        let mut optional = field(TimeKind::Date, "");
        optional.optional = true;
        assert_eq!(optional.date(today(), &DaysOff::default()), Ok(None));
        assert_eq!(
            field(TimeKind::PastDate, "1/12").date(today(), &DaysOff::default()),
            Ok(Some(d(2026, 12, 1)))
        );
        assert_eq!(
            field(TimeKind::PastDate, "3/1").date(today(), &DaysOff::default()),
            Ok(Some(d(2026, 1, 3))),
            "a day without a year that has passed"
        );
    }

    #[test]
    fn a_moment_without_a_time_is_at_the_default_time() {
        let when = TimeKind::When {
            default_time: nine(),
        };
        assert_eq!(
            field(when, "tir 10:30").moment(today(), &DaysOff::default()),
            Ok(Some(d(2026, 11, 24).and_hms_opt(10, 30, 0).unwrap()))
        );
        assert_eq!(
            field(when, "i morgen").moment(today(), &DaysOff::default()),
            Ok(Some(d(2026, 11, 25).and_time(nine())))
        );
        assert!(
            field(when, "blå mandag")
                .moment(today(), &DaysOff::default())
                .is_err()
        );
    }

    #[test]
    fn durations_and_optional_minutes() {
        assert_eq!(field(TimeKind::Duration, "1h30").minutes(), Ok(Some(90)));
        assert!(
            field(TimeKind::Duration, "0").minutes().is_err(),
            "a meeting has a length"
        );
        let mut prep = field(TimeKind::Duration, "0");
        prep.optional = true;
        assert_eq!(prep.minutes(), Ok(Some(0)));
        prep.text.set_text("");
        assert_eq!(prep.minutes(), Ok(None));
    }

    #[test]
    fn the_reading_shows_what_was_understood() {
        let mut start = field(
            TimeKind::When {
                default_time: nine(),
            },
            "24/11 11:15",
        );
        assert_eq!(
            start.reading(today(), &DaysOff::default(), Lang::Da),
            None,
            "only when asked for"
        );
        start.shows_reading = true;
        assert_eq!(
            start
                .reading(today(), &DaysOff::default(), Lang::Da)
                .as_deref(),
            Some("→ tir 24.11 11:15")
        );
        start.text.set_text("24/13");
        assert_eq!(
            start.reading(today(), &DaysOff::default(), Lang::Da),
            None,
            "a typo reads as nothing"
        );
    }
}
