//! iCalendar (.ics) both ways (#16): caseplan's meetings out to Outlook, Google, Apple,
//! Thunderbird or khal, and the official calendar's events in as busy time (external blocks).
//! Nothing is sent anywhere: the caseworker moves the files.
//!
//! The `icalendar` crate reads and writes the format (folding, escaping, CRLF); the `rrule`
//! crate expands repeats; the `windows-timezones` crate maps Outlook's zone names (CLDR).
//! What is left here is what caseplan means by them:
//!
//! ```text
//! read     the file's shape line by line (errors name the line), then the crate's parser
//! zones    TZIDs as Outlook, Google and Apple write them; the VTIMEZONE caseplan writes
//! expand   events to busy blocks in the configured zone, repeats within a window
//! import   a source's blocks replaced by UID, as store changes and their undo
//! export   meetings to VEVENTs, at a privacy level, through the CPR guard
//! ```

mod expand;
pub mod export;
pub mod import;
mod read;
mod zones;

pub use export::{ExportParams, Privacy, export};
pub use import::{ImportParams, Imported, Summary, plan_import};

use crate::privacy::CprError;
use crate::store::StoreError;
use chrono::NaiveDateTime;
use std::path::PathBuf;

/// Why an .ics file could not be read or written. Nothing was written when one is returned.
#[derive(Debug, thiserror::Error)]
pub enum IcsError {
    #[error("line {line}: the file is not UTF-8 text; export it from the calendar again as .ics")]
    NotText { line: usize },
    #[error(
        "the file is not an iCalendar (.ics) file: it does not begin with BEGIN:VCALENDAR; \
         export the calendar from Outlook with \"Save calendar\" (Gem kalender)"
    )]
    NotCalendar,
    #[error("line {line}: {detail}: \"{text}\"; nothing was imported")]
    Line {
        line: usize,
        text: String,
        detail: String,
    },
    #[error("line {line}: BEGIN:{begun} is never ended; the file may be cut short")]
    Unclosed { begun: String, line: usize },
    #[error(
        "the source name \"{0}\" is not usable: give a short name on one line, e.g. \"Outlook\""
    )]
    BadSource(String),
    #[error("could not read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("could not write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("meeting {meeting}: {source}; nothing was written")]
    Cpr { meeting: u64, source: CprError },
    #[error(
        "the database has no calendar identity yet; close the planner and run the export again"
    )]
    NoCalendarToken,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// An event left out or changed to be kept, named so the caseworker finds it in Outlook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The line of the file its `BEGIN:VEVENT` is on.
    pub line: usize,
    /// Its summary; empty for a private event or one without.
    pub title: String,
    /// Its start on the configured wall clock, when it could be read.
    pub start: Option<NaiveDateTime>,
    pub problem: Problem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Left out: no DTSTART.
    NoStart,
    /// Left out: a date or time that could not be read.
    BadTime(String),
    /// Left out: a TZID that names no zone caseplan knows.
    UnknownZone(String),
    /// Left out: an RRULE the rrule crate refused.
    BadRule(String),
    /// Left out: DTEND before DTSTART.
    EndsBeforeStart,
    /// Kept: longer than [`crate::model::ExternalBlock::LONGEST_MINUTES`], shortened to it.
    Shortened,
    /// Kept: only the first this many occurrences within the window.
    TooManyOccurrences(u16),
    /// Kept without its summary, which looked like it held a CPR number.
    CprInTitle,
}

impl Problem {
    /// Whether the event was left out (else it was kept, changed).
    pub fn skips(&self) -> bool {
        !matches!(
            self,
            Problem::Shortened | Problem::TooManyOccurrences(_) | Problem::CprInTitle
        )
    }
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = if self.title.is_empty() {
            "an event".to_string()
        } else {
            format!("\"{}\"", self.title)
        };
        let when = self
            .start
            .map(|s| format!(" on {}", s.format("%d.%m.%Y %H:%M")))
            .unwrap_or_default();
        let what = match &self.problem {
            Problem::NoStart => "left out: it has no start (DTSTART)".to_string(),
            Problem::BadTime(value) => format!("left out: \"{value}\" is not a date or time"),
            Problem::UnknownZone(zone) => format!("left out: the time zone \"{zone}\" is unknown"),
            Problem::BadRule(rule) => format!("left out: its repeat rule cannot be read ({rule})"),
            Problem::EndsBeforeStart => "left out: it ends before it starts".to_string(),
            Problem::Shortened => "kept as its first 62 days".to_string(),
            Problem::TooManyOccurrences(n) => format!("kept as its first {n} occurrences"),
            Problem::CprInTitle => {
                "kept without its title, which looks like it holds a CPR number".to_string()
            }
        };
        write!(f, "line {}: {name}{when} {what}", self.line)
    }
}

#[cfg(test)]
mod tests {
    use super::expand::expand;
    use super::read::read;
    use crate::time::Zone;
    use chrono::NaiveDate;
    use proptest::prelude::*;

    /// Reads and expands as an import does, within the window of 24 November 2026.
    fn import(bytes: &[u8]) {
        let zone = Zone::copenhagen();
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        if let Ok(document) = read(bytes, zone.tz(), 2026) {
            let window = super::import::window(today);
            let expanded = expand(&document, zone, window, "Outlook");
            for b in &expanded.blocks {
                assert!(b.start < window.1 && b.end() > window.0, "{b:?}");
                assert!(b.minutes <= crate::model::ExternalBlock::LONGEST_MINUTES);
            }
        }
    }

    fn value() -> impl Strategy<Value = String> {
        prop_oneof![
            "[0-9]{8}",
            "[0-9]{8}T[0-9]{6}Z?",
            "(19|20|21|99|00)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])T[0-2][0-9][0-5][0-9]00Z?",
            "FREQ=(SECONDLY|MINUTELY|HOURLY|DAILY|WEEKLY|MONTHLY|YEARLY|X);(COUNT=[0-9]{1,6}|UNTIL=[0-9]{8}(T[0-9]{6}Z?)?|INTERVAL=[0-9]{1,5});BY(DAY|SETPOS|MONTHDAY|MONTH|YEARDAY|WEEKNO|HOUR)=-?[0-9]{0,3}(MO|SU)?(,-?[0-9]{1,3})?",
            "P(T?[0-9]{1,9}[WDHMS])+",
            "(CANCELLED|PRIVATE|FREE|TRANSPARENT|BUSY)",
            ".{0,40}",
        ]
    }

    fn line() -> impl Strategy<Value = String> {
        let name = prop::sample::select(vec![
            "DTSTART",
            "DTEND",
            "DURATION",
            "RRULE",
            "EXDATE",
            "RDATE",
            "RECURRENCE-ID",
            "UID",
            "SUMMARY",
            "STATUS",
            "CLASS",
            "TRANSP",
            "X-MICROSOFT-CDO-BUSYSTATUS",
            "X-WR-TIMEZONE",
            "TZID",
            "TZOFFSETTO",
            "BEGIN",
            "END",
        ]);
        let param = prop::sample::select(vec![
            "",
            ";VALUE=DATE",
            ";TZID=Europe/Copenhagen",
            ";TZID=\"Romance Standard Time\"",
            ";TZID=Customized Time Zone",
            ";TZID=Nowhere",
            ";VALUE=DATE-TIME;TZID=UTC",
        ]);
        (name, param, value()).prop_map(|(n, p, v)| format!("{n}{p}:{v}"))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn no_calendar_makes_the_import_panic(
            events in prop::collection::vec(prop::collection::vec(line(), 0..12), 0..6),
            zone in prop::collection::vec(line(), 0..6),
            crlf in any::<bool>(),
            fold in 0usize..80,
        ) {
            let mut text = String::from("BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VTIMEZONE\nTZID:Customized Time Zone\n");
            for l in zone {
                text.push_str(&l);
                text.push('\n');
            }
            text.push_str("END:VTIMEZONE\n");
            for event in events {
                text.push_str("BEGIN:VEVENT\nUID:same\n");
                for l in event {
                    text.push_str(&l);
                    text.push('\n');
                }
                text.push_str("END:VEVENT\n");
            }
            text.push_str("END:VCALENDAR\n");
            if fold > 0 && fold < text.len() && text.is_char_boundary(fold) {
                text.insert_str(fold, "\n ");
            }
            if crlf {
                text = text.replace('\n', "\r\n");
            }
            import(text.as_bytes());
        }

        #[test]
        fn no_rule_on_a_readable_event_makes_the_import_panic(
            year in 1890i32..2210,
            month in 1u32..13,
            day in 1u32..29,
            hour in 0u32..24,
            param in prop::sample::select(vec!["", ";VALUE=DATE", ";TZID=Europe/Copenhagen", ";TZID=Romance Standard Time"]),
            rule in value(),
            extra in prop::collection::vec(line(), 0..4),
        ) {
            let start = if param == ";VALUE=DATE" {
                format!("{year:04}{month:02}{day:02}")
            } else {
                format!("{year:04}{month:02}{day:02}T{hour:02}0000")
            };
            let text = format!(
                "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:r\nDTSTART{param}:{start}\nRRULE:{rule}\n{}\nEND:VEVENT\nEND:VCALENDAR\n",
                extra.join("\n")
            );
            import(text.as_bytes());
        }

        #[test]
        fn no_bytes_make_the_import_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
            let mut text = b"BEGIN:VCALENDAR\r\n".to_vec();
            text.extend(bytes);
            import(&text);
        }
    }
}
