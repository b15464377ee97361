//! The one parser for dates, times and durations as people type them, in Danish and English.
//!
//! Rules worth knowing:
//! - Day before month, always: "24/11", "24.11.2026", "24/11-2026", "24. nov". "11/24" is an
//!   error, never 24 November. ISO "2026-11-24" is read year first.
//! - A date without a year is the next such date on or after today.
//! - A bare weekday ("tir", "friday") is the next such day on or after today: on a Tuesday,
//!   "tir" is today. "næste tir" / "next tue" is the Tuesday of the following ISO week.
//! - "+3d", "+2u"/"+2w", "+1m" count from today (months clamp to the month's end); "-3d" counts
//!   back. "+3ad"/"+3wd" count working days: weekends and Danish public holidays are skipped,
//!   and the configured closing days by the `_with` functions, which callers with a
//!   configuration use.
//!   "i går"/"yesterday" are read too, for recording what happened.
//! - Distances in words: "om 2 uger", "om 14 dage", "om en måned", "om 3 arbejdsdage", "in 2
//!   weeks", "in 3 working days". After a weekday they name that weekday in the week they reach:
//!   "fre om 14 dage" is the Friday of the week 14 days from today.
//! - Weeks: "uge 49", "u49", "week 49", "w49" is the Monday of that ISO week (this year's if
//!   the week has not passed, else next year's); "tir uge 50" the Tuesday of it. "næste uge",
//!   "i næste uge", "next week" is next Monday; "mandag i næste uge", "monday next week" is
//!   the same as "næste mandag".
//! - A bare weekday with a time that has passed today ("tir 10:30" on a Tuesday at 11) is next
//!   week's, when the caller knows the time of day ([`parse_when_at`], [`take_when_at`]).
//! - Times: "10:30", "1030", "9", "9.30", "kl 10", "kl. 10:30". A dotted "d.m" that is a valid
//!   date ("10.11") is a date; otherwise ("10.30", "9.45") it is a time. After a date, only a
//!   time is looked for, so "tir 10.11" is Tuesday at 10:11.
//! - A time alone means today at that time.
//! - Durations are whole minutes, 1 minute to 24 hours: "45", "45m", "45 min", "1h", "1t",
//!   "1h30", "1t30", "1:30", "1,5t", "1.5h", "90m", "2 timer". Decimal hours round to the
//!   nearest minute.
//! - Case and the spelling of æ/ø/å ("ae", "oe", "aa") do not matter.
//!
//! The scanners [`take_when`] and [`take_duration`] read the start of a quick-add line and say
//! how many words they used, so "tir 10:30 45m Jensen opfølgning" splits into a time, a
//! duration and the words left for the title.

use super::lexicon::{self, Span, Unit};
use crate::domain::workdays::DaysOff;
use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

/// What a parser was asked to read; used in error messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Date,
    Time,
    /// A date, a time, or both.
    When,
    Duration,
}

impl Expected {
    fn noun(self) -> &'static str {
        match self {
            Expected::Date => "a date",
            Expected::Time => "a time",
            Expected::When => "a date or time",
            Expected::Duration => "a duration",
        }
    }

    /// Inputs that work, quoted, for the "try ..." part of a message.
    pub fn examples(self) -> &'static str {
        match self {
            Expected::Date => "\"tir\", \"24/11\" or \"+3d\"",
            Expected::Time => "\"10:30\", \"9\" or \"kl 14\"",
            Expected::When => "\"tir 10:30\", \"i morgen 9\" or \"24/11 13:00\"",
            Expected::Duration => "\"45\", \"1h30\" or \"1,5t\"",
        }
    }
}

/// Why a typed text was not read. Each variant carries the offending text so the interface
/// can word the message in its own language; `Display` gives an English message.
/// `NotUnderstood` and `Trailing` quote the words as typed; the other variants quote them
/// lowercased.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("nothing typed; {} looks like {}", .expected.noun(), .expected.examples())]
    Empty { expected: Expected },
    #[error("could not read \"{text}\" as {}; try {}", .expected.noun(), .expected.examples())]
    NotUnderstood { expected: Expected, text: String },
    #[error("did not expect \"{text}\" after {}; {} looks like {}", .after.noun(), .after.noun(), .after.examples())]
    Trailing { after: Expected, text: String },
    #[error("there is no date \"{text}\"; dates are day first, e.g. \"24/11\" or \"24.11.2026\"")]
    NoSuchDate { text: String },
    #[error("there is no time \"{text}\"; use 00:00 to 23:59, e.g. \"10:30\"")]
    NoSuchTime { text: String },
    #[error("\"{text}\" is not a duration from 1 minute to 24 hours; try \"45m\" or \"8h\"")]
    DurationOutOfRange { text: String },
    #[error(
        "\"{text}\" lies outside the years {} to {} that caseplan plans in",
        super::range::FIRST_YEAR,
        super::range::LAST_YEAR
    )]
    OutOfRange { text: String },
}

impl ParseError {
    /// The text that was not understood (empty for [`ParseError::Empty`]).
    pub fn text(&self) -> &str {
        match self {
            ParseError::Empty { .. } => "",
            ParseError::NotUnderstood { text, .. }
            | ParseError::Trailing { text, .. }
            | ParseError::NoSuchDate { text }
            | ParseError::NoSuchTime { text }
            | ParseError::DurationOutOfRange { text }
            | ParseError::OutOfRange { text } => text,
        }
    }
}

/// A date with an optional time of day, as typed ("tir 10:30", "i morgen", "14").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct When {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
}

impl When {
    /// The wall-clock start, using `default` when no time was typed.
    pub fn at_or(self, default: NaiveTime) -> NaiveDateTime {
        self.date.and_time(self.time.unwrap_or(default))
    }
}

/// The longest duration, in minutes.
pub const MAX_DURATION_MINUTES: u32 = 24 * 60;

// ---------------------------------------------------------------------------------------------
// Public API

/// Reads a date ("tir", "i morgen", "24/11", "+3d", "24. nov 2026", ...). Working days
/// ("+3ad") skip the Danish holidays; [`parse_date_with`] also skips configured closing days.
pub fn parse_date(input: &str, today: NaiveDate) -> Result<NaiveDate, ParseError> {
    parse_date_with(input, today, &DaysOff::default())
}

/// [`parse_date`] counting working days around `days_off`.
pub fn parse_date_with(
    input: &str,
    today: NaiveDate,
    days_off: &DaysOff,
) -> Result<NaiveDate, ParseError> {
    let words = Words::new(input);
    if words.is_empty() {
        return Err(ParseError::Empty {
            expected: Expected::Date,
        });
    }
    match scan_date(&words.folded, today, days_off)? {
        Some((date, n)) if n == words.len() => Ok(date),
        Some((_, n)) => Err(ParseError::Trailing {
            after: Expected::Date,
            text: words.rest(n),
        }),
        None => Err(words.not_understood(Expected::Date, 0)),
    }
}

/// Reads a date that has usually passed (consent, sent): a day and month without a year is the
/// latest such date on or before today, not the next one. Dates within a week ahead ("fre",
/// "i morgen", "+3d") are kept as typed.
pub fn parse_past_date(input: &str, today: NaiveDate) -> Result<NaiveDate, ParseError> {
    parse_past_date_with(input, today, &DaysOff::default())
}

/// [`parse_past_date`] counting working days around `days_off`.
pub fn parse_past_date_with(
    input: &str,
    today: NaiveDate,
    days_off: &DaysOff,
) -> Result<NaiveDate, ParseError> {
    let date = parse_date_with(input, today, days_off)?;
    if today
        .checked_add_days(Days::new(7))
        .is_none_or(|week| date <= week)
    {
        return Ok(date);
    }
    // Read again a year earlier: a year-less day and month moves back by exactly a year.
    let year_ago = today.checked_sub_months(Months::new(12)).unwrap_or(today);
    match parse_date_with(input, year_ago, days_off) {
        Ok(earlier)
            if earlier <= today && date.checked_sub_months(Months::new(12)) == Some(earlier) =>
        {
            Ok(earlier)
        }
        _ => Ok(date),
    }
}

/// Reads a time of day ("10:30", "1030", "9", "9.30", "kl 10").
pub fn parse_time(input: &str) -> Result<NaiveTime, ParseError> {
    let words = Words::new(input);
    if words.is_empty() {
        return Err(ParseError::Empty {
            expected: Expected::Time,
        });
    }
    match scan_time(&words.folded)? {
        Some((time, n)) if n == words.len() => Ok(time),
        Some((_, n)) => Err(ParseError::Trailing {
            after: Expected::Time,
            text: words.rest(n),
        }),
        None => Err(words.not_understood(Expected::Time, 0)),
    }
}

/// Reads a date, a time, or a date and a time in either order. A time alone is today.
pub fn parse_when(input: &str, today: NaiveDate) -> Result<When, ParseError> {
    parse_when_with(input, today, &DaysOff::default())
}

/// [`parse_when`] counting working days around `days_off`.
pub fn parse_when_with(
    input: &str,
    today: NaiveDate,
    days_off: &DaysOff,
) -> Result<When, ParseError> {
    parse_found(input, today, days_off).map(|found| found.when)
}

/// [`parse_when`] at the moment `now`: a bare weekday naming today, with a time that has
/// already passed ("tir 10:30" typed on a Tuesday at 11:00), is next week's.
pub fn parse_when_at(input: &str, now: NaiveDateTime) -> Result<When, ParseError> {
    parse_found(input, now.date(), &DaysOff::default()).map(|found| found.when_at(now))
}

fn parse_found(input: &str, today: NaiveDate, days_off: &DaysOff) -> Result<Found, ParseError> {
    let words = Words::new(input);
    if words.is_empty() {
        return Err(ParseError::Empty {
            expected: Expected::When,
        });
    }
    let Some(found) = scan_when(&words.folded, today, days_off)? else {
        return Err(words.not_understood(Expected::When, 0));
    };
    let n = found.consumed;
    if n == words.len() {
        return Ok(found);
    }
    let rest = &words.folded[n..];
    if found.when.time.is_none() {
        // Only a time may follow a date; say why this one is not.
        scan_time(rest)?;
        return Err(words.not_understood(Expected::Time, n));
    }
    if !found.date_typed {
        scan_date(rest, today, days_off)?;
        return Err(words.not_understood(Expected::Date, n));
    }
    Err(ParseError::Trailing {
        after: Expected::When,
        text: words.rest(n),
    })
}

/// Reads a duration in whole minutes, 1 minute to 24 hours ("45", "1h30", "1,5t", "2 timer").
pub fn parse_duration(input: &str) -> Result<u32, ParseError> {
    let words = Words::new(input);
    if words.is_empty() {
        return Err(ParseError::Empty {
            expected: Expected::Duration,
        });
    }
    match scan_duration(&words.folded)? {
        Some((minutes, n)) if n == words.len() => Ok(minutes),
        Some((_, n)) => Err(ParseError::Trailing {
            after: Expected::Duration,
            text: words.rest(n),
        }),
        None => Err(words.not_understood(Expected::Duration, 0)),
    }
}

/// Reads a date and/or time from the start of `words`; returns it and how many words it used
/// (`(None, 0)` when the line does not start with one).
pub fn take_when(words: &[&str], today: NaiveDate) -> (Option<When>, usize) {
    take_when_with(words, today, &DaysOff::default())
}

/// [`take_when`] counting working days around `days_off`.
pub fn take_when_with(
    words: &[&str],
    today: NaiveDate,
    days_off: &DaysOff,
) -> (Option<When>, usize) {
    match take_found(words, today, days_off) {
        Some(found) => (Some(found.when), found.consumed),
        None => (None, 0),
    }
}

/// [`take_when`] at the moment `now`, reading a passed time on today's weekday as next week's
/// (see [`parse_when_at`]).
pub fn take_when_at(words: &[&str], now: NaiveDateTime) -> (Option<When>, usize) {
    take_when_at_with(words, now, &DaysOff::default())
}

/// [`take_when_at`] counting working days around `days_off`.
pub fn take_when_at_with(
    words: &[&str],
    now: NaiveDateTime,
    days_off: &DaysOff,
) -> (Option<When>, usize) {
    match take_found(words, now.date(), days_off) {
        Some(found) => (Some(found.when_at(now)), found.consumed),
        None => (None, 0),
    }
}

fn take_found(words: &[&str], today: NaiveDate, days_off: &DaysOff) -> Option<Found> {
    let folded: Vec<String> = words.iter().map(|w| lexicon::fold(w)).collect();
    scan_when(&folded, today, days_off).ok().flatten()
}

/// Reads a duration from the start of `words`; returns it in minutes and how many words it
/// used (`(None, 0)` when the line does not start with one).
pub fn take_duration(words: &[&str]) -> (Option<u32>, usize) {
    let folded: Vec<String> = words.iter().map(|w| lexicon::fold(w)).collect();
    match scan_duration(&folded) {
        Ok(Some((minutes, n))) => (Some(minutes), n),
        _ => (None, 0),
    }
}

// ---------------------------------------------------------------------------------------------
// Input words

/// The typed words, as typed (for messages) and folded (for reading).
struct Words<'a> {
    raw: Vec<&'a str>,
    folded: Vec<String>,
}

impl<'a> Words<'a> {
    fn new(input: &'a str) -> Self {
        let raw: Vec<&str> = input.split_whitespace().collect();
        let folded = raw.iter().map(|w| lexicon::fold(w)).collect();
        Words { raw, folded }
    }

    fn len(&self) -> usize {
        self.raw.len()
    }

    fn is_empty(&self) -> bool {
        self.raw.is_empty()
    }

    fn rest(&self, from: usize) -> String {
        self.raw.get(from..).unwrap_or_default().join(" ")
    }

    /// The word at `at`, together with the next one when it is a prefix such as "i" or "kl".
    fn not_understood(&self, expected: Expected, at: usize) -> ParseError {
        let take = match self.folded.get(at) {
            Some(word) if lexicon::is_prefix(word) && at + 1 < self.len() => 2,
            _ => 1,
        };
        let end = (at + take).min(self.len());
        ParseError::NotUnderstood {
            expected,
            text: self.raw.get(at..end).unwrap_or_default().join(" "),
        }
    }
}

/// `Ok(None)`: the words do not have this shape. `Err`: they do, but name nothing real
/// ("31/4", "25:00").
type Scan<T> = Result<Option<(T, usize)>, ParseError>;

// ---------------------------------------------------------------------------------------------
// Dates

/// A date at the start of `w`, refused outside the years caseplan plans in.
fn scan_date(w: &[String], today: NaiveDate, off: &DaysOff) -> Scan<NaiveDate> {
    match scan_any_date(w, today, off)? {
        Some((date, n)) if !super::range::in_range(date) => Err(out_of_range(&w[..n].join(" "))),
        found => Ok(found),
    }
}

fn scan_any_date(w: &[String], today: NaiveDate, off: &DaysOff) -> Scan<NaiveDate> {
    let Some(first) = w.first().map(String::as_str) else {
        return Ok(None);
    };
    if let Some(n) = next_week_words(w) {
        return Ok(Some((in_next_week(today, Weekday::Mon, first)?, n)));
    }
    if first == "i" {
        return match w.get(1).and_then(|second| lexicon::day_after_i(second)) {
            Some(days) => Ok(Some((shift_days(today, days, first)?, 2))),
            None => Ok(None),
        };
    }
    if let Some(days) = lexicon::day_word(first) {
        return Ok(Some((shift_days(today, days, first)?, 1)));
    }
    if lexicon::is_next(first) {
        return match w.get(1).and_then(|second| lexicon::weekday(second)) {
            Some(day) => Ok(Some((in_next_week(today, day, first)?, 2))),
            None => Ok(None),
        };
    }
    if let Some(day) = lexicon::weekday(first) {
        let rest = &w[1..];
        if let Some((reached, n)) = distance(rest, today, off)? {
            return Ok(Some((in_week_of(reached, day, first)?, 1 + n)));
        }
        if let Some((monday, n)) = week_number(rest, today)? {
            return Ok(Some((in_week_of(monday, day, first)?, 1 + n)));
        }
        if let Some(n) = next_week_words(rest) {
            return Ok(Some((in_next_week(today, day, first)?, 1 + n)));
        }
        return Ok(Some((on_or_after(today, day, first)?, 1)));
    }
    if let Some(found) = distance(w, today, off)? {
        return Ok(Some(found));
    }
    if let Some(found) = week_number(w, today)? {
        return Ok(Some(found));
    }
    if let Some(date) = relative_date(first, today, off)? {
        return Ok(Some((date, 1)));
    }
    if let Some(date) = numeric_date(first, today)? {
        return Ok(Some((date, 1)));
    }
    day_and_month_name(w, today)
}

fn out_of_range(text: &str) -> ParseError {
    ParseError::OutOfRange {
        text: text.to_string(),
    }
}

fn shift_days(today: NaiveDate, days: i64, text: &str) -> Result<NaiveDate, ParseError> {
    let moved = if days >= 0 {
        today.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        today.checked_sub_days(Days::new(days.unsigned_abs()))
    };
    moved.ok_or_else(|| out_of_range(text))
}

/// The next `day` on or after `today`.
fn on_or_after(today: NaiveDate, day: Weekday, text: &str) -> Result<NaiveDate, ParseError> {
    let ahead = (i64::from(day.num_days_from_monday())
        - i64::from(today.weekday().num_days_from_monday()))
    .rem_euclid(7);
    shift_days(today, ahead, text)
}

/// `day` in the ISO week after the one `today` is in.
fn in_next_week(today: NaiveDate, day: Weekday, text: &str) -> Result<NaiveDate, ParseError> {
    let ahead = 7 - i64::from(today.weekday().num_days_from_monday())
        + i64::from(day.num_days_from_monday());
    shift_days(today, ahead, text)
}

/// "+3d", "-3d", "+2u", "+2w", "+1m", "+3ad", "+3wd".
fn relative_date(
    word: &str,
    today: NaiveDate,
    off: &DaysOff,
) -> Result<Option<NaiveDate>, ParseError> {
    let (forward, body) = if let Some(body) = word.strip_prefix('+') {
        (true, body)
    } else if let Some(body) = word.strip_prefix('-') {
        (false, body)
    } else {
        return Ok(None);
    };
    let digits_end = body
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len());
    let (digits, unit) = body.split_at(digits_end);
    let span = match unit {
        "d" => Span::Days,
        "u" | "w" => Span::Weeks,
        "m" => Span::Months,
        "ad" | "wd" => Span::Workdays,
        _ => return Ok(None),
    };
    if digits.is_empty() {
        return Ok(None);
    }
    let amount: u32 = digits.parse().map_err(|_| out_of_range(word))?;
    moved_by(today, off, amount, span, forward, word).map(Some)
}

/// `today` moved `amount` spans forward or back. A planner looks a century either way at most;
/// beyond that is a typing slip, and the calendar's own limits are not far off.
fn moved_by(
    today: NaiveDate,
    off: &DaysOff,
    amount: u32,
    span: Span,
    forward: bool,
    text: &str,
) -> Result<NaiveDate, ParseError> {
    let days = |per: u64| Days::new(u64::from(amount) * per);
    let moved = match (span, forward) {
        (Span::Months, true) => today.checked_add_months(Months::new(amount)),
        (Span::Months, false) => today.checked_sub_months(Months::new(amount)),
        (Span::Days, true) => today.checked_add_days(days(1)),
        (Span::Days, false) => today.checked_sub_days(days(1)),
        (Span::Weeks, true) => today.checked_add_days(days(7)),
        (Span::Weeks, false) => today.checked_sub_days(days(7)),
        (Span::Workdays, _) => i32::try_from(amount)
            .ok()
            .filter(|n| *n <= 100 * 366)
            .and_then(|n| off.checked_add_workdays(today, if forward { n } else { -n })),
    };
    moved
        .filter(|d| (d.year() - today.year()).abs() <= 100)
        .ok_or_else(|| out_of_range(text))
}

/// "om 2 uger", "om 14 dage", "om en måned", "om 3 arbejdsdage", "in 3 working days": the date
/// that far ahead, and the words used.
fn distance(w: &[String], today: NaiveDate, off: &DaysOff) -> Scan<NaiveDate> {
    let [first, count, unit, rest @ ..] = w else {
        return Ok(None);
    };
    if !lexicon::is_in(first) {
        return Ok(None);
    }
    let Some(amount) = count
        .parse::<u32>()
        .ok()
        .or_else(|| lexicon::count_word(count))
    else {
        return Ok(None);
    };
    let (span, used) = match lexicon::span(unit) {
        Some(span) => (span, 3),
        None if lexicon::is_working(unit)
            && rest
                .first()
                .is_some_and(|d| lexicon::span(d) == Some(Span::Days)) =>
        {
            (Span::Workdays, 4)
        }
        None => return Ok(None),
    };
    let text = w[..used].join(" ");
    Ok(Some((
        moved_by(today, off, amount, span, true, &text)?,
        used,
    )))
}

/// "uge 49", "u49", "week 49", "w49": the Monday of that ISO week, this year's unless the week
/// has passed, and the words used.
fn week_number(w: &[String], today: NaiveDate) -> Scan<NaiveDate> {
    let Some(first) = w.first() else {
        return Ok(None);
    };
    let glued = ["uge", "week", "wk", "u", "w"]
        .iter()
        .find_map(|prefix| first.strip_prefix(prefix))
        .filter(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()));
    let (digits, used) = match (glued, w.get(1)) {
        (Some(digits), _) => (digits, 1),
        (None, Some(second)) if lexicon::is_week(first) => (second.as_str(), 2),
        _ => return Ok(None),
    };
    let Ok(week) = digits.parse::<u32>() else {
        return Ok(None);
    };
    let text = w[..used].join(" ");
    let this = today.iso_week();
    let year = if week >= this.week() {
        this.year()
    } else {
        this.year() + 1
    };
    NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)
        .map(|monday| Some((monday, used)))
        .ok_or_else(|| no_such_date(&text))
}

/// "næste uge", "i næste uge", "next week": how many words, when `w` starts with them.
fn next_week_words(w: &[String]) -> Option<usize> {
    let skip = usize::from(w.first().is_some_and(|word| word == "i"));
    let rest = w.get(skip..)?;
    match rest {
        [next, week, ..] if lexicon::is_next(next) && lexicon::is_week(week) => Some(skip + 2),
        _ => None,
    }
}

/// `day` in the ISO week that `date` is in.
fn in_week_of(date: NaiveDate, day: Weekday, text: &str) -> Result<NaiveDate, ParseError> {
    let ahead =
        i64::from(day.num_days_from_monday()) - i64::from(date.weekday().num_days_from_monday());
    shift_days(date, ahead, text)
}

fn no_such_date(text: &str) -> ParseError {
    ParseError::NoSuchDate {
        text: text.to_string(),
    }
}

/// "24/11", "24.11", "24-11", "24.11.2026", "24/11-2026", "24.11.26", "2026-11-24".
fn numeric_date(word: &str, today: NaiveDate) -> Result<Option<NaiveDate>, ParseError> {
    let body = word.strip_suffix('.').unwrap_or(word);
    let parts: Vec<&str> = body.split(['/', '.', '-']).collect();
    let digits = |s: &str, min: usize, max: usize| {
        (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !parts.iter().all(|p| digits(p, 1, 4)) {
        return Ok(None);
    }
    let number = |s: &str| s.parse::<u32>().unwrap_or(0);
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 && digits(m, 1, 2) && digits(d, 1, 2) => {
            let year = y.parse::<i32>().unwrap_or(0);
            NaiveDate::from_ymd_opt(year, number(m), number(d))
                .map(Some)
                .ok_or_else(|| no_such_date(word))
        }
        [d, m] if digits(d, 1, 2) && digits(m, 1, 2) => {
            match next_day_month(today, number(d), number(m)) {
                Some(date) => Ok(Some(date)),
                // "9.30" has the shape of a date but is a time; let the time scanner try.
                None if !body.contains(['/', '-']) => Ok(None),
                None => Err(no_such_date(word)),
            }
        }
        [d, m, y] if digits(d, 1, 2) && digits(m, 1, 2) && (y.len() == 2 || y.len() == 4) => {
            let year = y.parse::<i32>().unwrap_or(0) + if y.len() == 2 { 2000 } else { 0 };
            NaiveDate::from_ymd_opt(year, number(m), number(d))
                .map(Some)
                .ok_or_else(|| no_such_date(word))
        }
        _ => Ok(None),
    }
}

/// The next `day`.`month` on or after `today` (looks 8 years ahead so 29/2 is found).
fn next_day_month(today: NaiveDate, day: u32, month: u32) -> Option<NaiveDate> {
    (today.year()..=today.year().saturating_add(8))
        .filter_map(|year| NaiveDate::from_ymd_opt(year, month, day))
        .find(|date| *date >= today)
}

/// "24 nov", "24. nov", "24 november 2026", "24. nov. 2026".
fn day_and_month_name(w: &[String], today: NaiveDate) -> Scan<NaiveDate> {
    let (Some(first), Some(second)) = (w.first(), w.get(1)) else {
        return Ok(None);
    };
    let day_text = first.strip_suffix('.').unwrap_or(first);
    if !(1..=2).contains(&day_text.len()) || !day_text.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(None);
    }
    let Some(month) = lexicon::month(second) else {
        return Ok(None);
    };
    let day = day_text.parse::<u32>().unwrap_or(0);
    // A four-digit number after the month is a year when it looks like one; otherwise it is
    // left for the time scanner ("24 nov 1030" is 10:30).
    let year = w
        .get(2)
        .filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|y| y.parse::<i32>().ok())
        .filter(|y| (1900..=2199).contains(y));
    let text = || w[..if year.is_some() { 3 } else { 2 }].join(" ");
    match year {
        Some(year) => NaiveDate::from_ymd_opt(year, month, day)
            .map(|date| Some((date, 3)))
            .ok_or_else(|| no_such_date(&text())),
        None => next_day_month(today, day, month)
            .map(|date| Some((date, 2)))
            .ok_or_else(|| no_such_date(&text())),
    }
}

// ---------------------------------------------------------------------------------------------
// Times

fn no_such_time(text: &str) -> ParseError {
    ParseError::NoSuchTime {
        text: text.to_string(),
    }
}

fn scan_time(w: &[String]) -> Scan<NaiveTime> {
    let Some(first) = w.first().map(String::as_str) else {
        return Ok(None);
    };
    if lexicon::is_clock(first) {
        return match w.get(1) {
            Some(second) => Ok(time_word(second, true)?.map(|t| (t, 2))),
            None => Ok(None),
        };
    }
    // "kl.10", "kl10:30"
    if let Some(rest) = first
        .strip_prefix("kl.")
        .or_else(|| first.strip_prefix("kl"))
        && rest.starts_with(|c: char| c.is_ascii_digit())
    {
        return Ok(time_word(rest, true)?.map(|t| (t, 1)));
    }
    // A bare number followed by a unit is a duration: "i morgen 2 timer".
    let bare_number = first.bytes().all(|b| b.is_ascii_digit());
    if bare_number && w.get(1).is_some_and(|next| lexicon::unit(next).is_some()) {
        return Ok(None);
    }
    Ok(time_word(first, false)?.map(|t| (t, 1)))
}

/// One word as a time. `strict`: the word must be a time (after "kl"), so a bare number out
/// of range is an error rather than "not a time".
fn time_word(word: &str, strict: bool) -> Result<Option<NaiveTime>, ParseError> {
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let clock = |h: &str, m: &str| {
        NaiveTime::from_hms_opt(h.parse().unwrap_or(99), m.parse().unwrap_or(99), 0)
    };
    if let Some((h, m)) = word.split_once([':', '.']) {
        if (1..=2).contains(&h.len()) && m.len() == 2 && all_digits(h) && all_digits(m) {
            return clock(h, m).map(Some).ok_or_else(|| no_such_time(word));
        }
        return Ok(None);
    }
    if !all_digits(word) || word.len() > 4 {
        return Ok(None);
    }
    let time = if word.len() <= 2 {
        clock(word, "0")
    } else {
        let (h, m) = word.split_at(word.len() - 2);
        clock(h, m)
    };
    match time {
        Some(time) => Ok(Some(time)),
        None if strict => Err(no_such_time(word)),
        None => Ok(None),
    }
}

// ---------------------------------------------------------------------------------------------
// Date and time together

struct Found {
    when: When,
    consumed: usize,
    /// False when only a time was typed and the date is today.
    date_typed: bool,
    /// The date was a weekday alone ("tir"), the next such day on or after today.
    bare_weekday: bool,
}

impl Found {
    /// The moment read at `now`: a bare weekday that named today, with a time already past,
    /// means next week's.
    fn when_at(&self, now: NaiveDateTime) -> When {
        let passed = self.when.time.is_some_and(|time| time < now.time());
        if self.bare_weekday
            && passed
            && self.when.date == now.date()
            && let Some(next) = self.when.date.checked_add_days(Days::new(7))
        {
            return When {
                date: next,
                ..self.when
            };
        }
        self.when
    }
}

fn scan_when(w: &[String], today: NaiveDate, off: &DaysOff) -> Result<Option<Found>, ParseError> {
    if let Some((date, n)) = scan_date(w, today, off)? {
        // A time that does not read is left for the caller ("tir 25:00": Tuesday, and
        // "25:00" is not used).
        let (time, m) = match scan_time(&w[n..]) {
            Ok(Some((time, m))) => (Some(time), m),
            _ => (None, 0),
        };
        return Ok(Some(Found {
            when: When { date, time },
            consumed: n + m,
            date_typed: true,
            bare_weekday: n == 1 && lexicon::weekday(&w[0]).is_some(),
        }));
    }
    if let Some((time, n)) = scan_time(w)? {
        let (date, m, date_typed) = match scan_date(&w[n..], today, off) {
            Ok(Some((date, m))) => (date, m, true),
            _ => (today, 0, false),
        };
        return Ok(Some(Found {
            when: When {
                date,
                time: Some(time),
            },
            consumed: n + m,
            date_typed,
            bare_weekday: m == 1
                && w.get(n)
                    .is_some_and(|word| lexicon::weekday(word).is_some()),
        }));
    }
    Ok(None)
}

// ---------------------------------------------------------------------------------------------
// Durations

/// Pieces of one duration word: "1h30m" → 1, h, 30, m; "1,5t" → 1.5, t; "1:30" → 1, :, 30.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece<'a> {
    Number { whole: &'a str, fraction: &'a str },
    Word(&'a str),
    Colon,
}

fn pieces(word: &str) -> Option<Vec<Piece<'_>>> {
    let bytes = word.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        if bytes[i].is_ascii_digit() {
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            let whole = &word[start..i];
            let mut fraction = "";
            if i + 1 < bytes.len()
                && matches!(bytes[i], b'.' | b',')
                && bytes[i + 1].is_ascii_digit()
            {
                let from = i + 1;
                i = from;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                fraction = &word[from..i];
            }
            out.push(Piece::Number { whole, fraction });
        } else if bytes[i].is_ascii_alphabetic() {
            while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            out.push(Piece::Word(&word[start..i]));
        } else if bytes[i] == b':' {
            i += 1;
            out.push(Piece::Colon);
        } else {
            return None;
        }
    }
    Some(out)
}

/// Minutes in `whole.fraction` units of `per` minutes, rounded to the nearest minute.
/// `None` when the number is too long to be a duration at all.
fn minutes_of(whole: &str, fraction: &str, per: u64) -> Option<u64> {
    if whole.len() > 6 {
        return None;
    }
    let whole: u64 = whole.parse().ok()?;
    // Six decimals are plenty for whole minutes; more are ignored.
    let fraction = &fraction[..fraction.len().min(6)];
    let scale = 10u64.pow(fraction.len() as u32);
    let fraction: u64 = if fraction.is_empty() {
        0
    } else {
        fraction.parse().ok()?
    };
    Some(whole * per + (fraction * per * 2 + scale) / (scale * 2))
}

fn scan_duration(w: &[String]) -> Scan<u32> {
    let Some(first) = w.first() else {
        return Ok(None);
    };
    let word = first.strip_suffix('.').unwrap_or(first);
    let Some(parts) = pieces(word) else {
        return Ok(None);
    };
    let next_unit = w.get(1).and_then(|next| lexicon::unit(next));
    let per = |unit: Unit| if unit == Unit::Hours { 60 } else { 1 };
    let (total, consumed) = match parts.as_slice() {
        // "45", "45 min", "2 timer", "1,5 t"
        [Piece::Number { whole, fraction }] => match next_unit {
            Some(Unit::Minutes) if fraction.is_empty() => (minutes_of(whole, "", 1), 2),
            Some(Unit::Hours) => (minutes_of(whole, fraction, 60), 2),
            None if fraction.is_empty() => (minutes_of(whole, "", 1), 1),
            _ => return Ok(None),
        },
        // "45m", "1h", "1,5t", and "1h 30m" over two words
        [Piece::Number { whole, fraction }, Piece::Word(unit)] => {
            let Some(unit) = lexicon::unit(unit) else {
                return Ok(None);
            };
            if unit == Unit::Minutes && !fraction.is_empty() {
                return Ok(None);
            }
            let minutes = minutes_of(whole, fraction, per(unit));
            match (
                unit,
                fraction.is_empty(),
                w.get(1).and_then(|n| minutes_word(n)),
            ) {
                (Unit::Hours, true, Some(extra)) => (minutes.map(|m| m + extra), 2),
                _ => (minutes, 1),
            }
        }
        // "1h30", "1t30", "1h30m", "1t30min"
        [
            Piece::Number {
                whole: h,
                fraction: "",
            },
            Piece::Word(hours),
            Piece::Number {
                whole: m,
                fraction: "",
            },
            tail @ ..,
        ] if lexicon::unit(hours) == Some(Unit::Hours)
            && match tail {
                [] => true,
                [Piece::Word(minutes)] => lexicon::unit(minutes) == Some(Unit::Minutes),
                _ => false,
            } =>
        {
            (hours_and_minutes(h, m, word)?, 1)
        }
        // "1:30"
        [
            Piece::Number {
                whole: h,
                fraction: "",
            },
            Piece::Colon,
            Piece::Number {
                whole: m,
                fraction: "",
            },
        ] if m.len() == 2 => (hours_and_minutes(h, m, word)?, 1),
        _ => return Ok(None),
    };
    let text = || w[..consumed].join(" ");
    match total {
        Some(minutes) if (1..=u64::from(MAX_DURATION_MINUTES)).contains(&minutes) => {
            Ok(Some((minutes as u32, consumed)))
        }
        _ => Err(ParseError::DurationOutOfRange { text: text() }),
    }
}

/// "30m", "30min" after an hours word ("1h 30m").
fn minutes_word(word: &str) -> Option<u64> {
    match pieces(word)?.as_slice() {
        [
            Piece::Number {
                whole,
                fraction: "",
            },
            Piece::Word(unit),
        ] if lexicon::unit(unit) == Some(Unit::Minutes) && whole.len() <= 2 => {
            whole.parse::<u64>().ok().filter(|m| *m < 60)
        }
        _ => None,
    }
}

fn hours_and_minutes(h: &str, m: &str, word: &str) -> Result<Option<u64>, ParseError> {
    // Too many hour digits: reported as out of range by the caller.
    let Some(hours) = minutes_of(h, "", 60) else {
        return Ok(None);
    };
    match m.parse::<u64>() {
        Ok(minutes) if m.len() <= 2 && minutes < 60 => Ok(Some(hours + minutes)),
        _ => Err(ParseError::NotUnderstood {
            expected: Expected::Duration,
            text: word.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::format::{format_date, format_datetime, format_duration, format_time};
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    /// Wednesday 18 November 2026.
    fn today() -> NaiveDate {
        d(2026, 11, 18)
    }

    #[test]
    fn past_dates_without_a_year_lie_in_the_past() {
        let today = d(2026, 11, 24);
        assert_eq!(parse_past_date("20/11", today).unwrap(), d(2026, 11, 20));
        assert_eq!(parse_past_date("24/11", today).unwrap(), today);
        assert_eq!(
            parse_past_date("1/12", today).unwrap(),
            d(2026, 12, 1),
            "within a week"
        );
        assert_eq!(
            parse_past_date("20/11/2027", today).unwrap(),
            d(2027, 11, 20)
        );
        assert_eq!(parse_past_date("3/1", today).unwrap(), d(2026, 1, 3));
        assert!(parse_past_date("blabla", today).is_err());
    }

    fn date(input: &str) -> NaiveDate {
        parse_date(input, today()).unwrap_or_else(|e| panic!("{input:?}: {e}"))
    }

    fn when(input: &str) -> When {
        parse_when(input, today()).unwrap_or_else(|e| panic!("{input:?}: {e}"))
    }

    fn at(date: NaiveDate, time: NaiveTime) -> When {
        When {
            date,
            time: Some(time),
        }
    }

    fn day_only(date: NaiveDate) -> When {
        When { date, time: None }
    }

    #[test]
    fn relative_day_words() {
        for input in ["i dag", "idag", "today", "I DAG", "Today"] {
            assert_eq!(date(input), today(), "{input}");
        }
        for input in ["i morgen", "imorgen", "tomorrow", "I Morgen"] {
            assert_eq!(date(input), d(2026, 11, 19), "{input}");
        }
        for input in ["i overmorgen", "overmorgen", "iovermorgen"] {
            assert_eq!(date(input), d(2026, 11, 20), "{input}");
        }
        for input in ["i går", "igår", "i gaar", "yesterday", "I GÅR"] {
            assert_eq!(date(input), d(2026, 11, 17), "{input}");
        }
    }

    #[test]
    fn bare_weekdays_are_the_next_on_or_after_today() {
        // Today is a Wednesday, so "ons" is today.
        for (inputs, expected) in [
            (
                &["ons", "onsdag", "wed", "Wednesday", "ons."][..],
                d(2026, 11, 18),
            ),
            (
                &["tor", "torsdag", "thu", "thur", "thurs"][..],
                d(2026, 11, 19),
            ),
            (&["fre", "fredag", "fri", "friday"][..], d(2026, 11, 20)),
            (
                &[
                    "lør", "lørdag", "lor", "loer", "lordag", "loerdag", "LØR", "sat",
                ][..],
                d(2026, 11, 21),
            ),
            (
                &["søn", "søndag", "son", "soen", "sun", "Sunday"][..],
                d(2026, 11, 22),
            ),
            (
                &["man", "mandag", "mon", "monday", "Man."][..],
                d(2026, 11, 23),
            ),
            (
                &["tir", "tirsdag", "tue", "tues", "tuesday"][..],
                d(2026, 11, 24),
            ),
        ] {
            for input in inputs {
                assert_eq!(date(input), expected, "{input}");
            }
        }
    }

    #[test]
    fn next_weekday_is_in_the_following_iso_week() {
        for input in ["næste mandag", "naeste mandag", "next monday", "Næste man"] {
            assert_eq!(date(input), d(2026, 11, 23), "{input}");
        }
        // Even when the weekday is later this week.
        assert_eq!(date("næste fredag"), d(2026, 11, 27));
        assert_eq!(date("næste ons"), d(2026, 11, 25));
        assert_eq!(date("next sun"), d(2026, 11, 29));
        // From a Sunday, next week starts tomorrow.
        assert_eq!(
            parse_date("næste mandag", d(2026, 11, 22)).unwrap(),
            d(2026, 11, 23)
        );
    }

    #[test]
    fn relative_counts() {
        assert_eq!(date("+3d"), d(2026, 11, 21));
        assert_eq!(date("+2u"), d(2026, 12, 2));
        assert_eq!(date("+2w"), d(2026, 12, 2));
        assert_eq!(date("+1m"), d(2026, 12, 18));
        assert_eq!(date("+0d"), today());
        assert_eq!(date("-3d"), d(2026, 11, 15));
        assert_eq!(date("+2M"), d(2027, 1, 18));
        // Months clamp to the end of the month.
        assert_eq!(parse_date("+1m", d(2026, 1, 31)).unwrap(), d(2026, 2, 28));
        assert_eq!(parse_date("+1m", d(2028, 1, 31)).unwrap(), d(2028, 2, 29));
        assert_eq!(parse_date("+3m", d(2026, 11, 30)).unwrap(), d(2027, 2, 28));
    }

    #[test]
    fn numeric_dates_are_day_first() {
        for input in [
            "24/11",
            "24.11",
            "24.11.",
            "24-11",
            "24.11.2026",
            "24/11-2026",
            "24/11/2026",
            "24-11-2026",
            "24.11.26",
            "2026-11-24",
        ] {
            assert_eq!(date(input), d(2026, 11, 24), "{input}");
        }
        assert_eq!(date("1/2"), d(2027, 2, 1));
        assert_eq!(date("05.03.2030"), d(2030, 3, 5));
    }

    #[test]
    fn dates_without_a_year_are_on_or_after_today() {
        assert_eq!(date("18/11"), d(2026, 11, 18));
        assert_eq!(date("17/11"), d(2027, 11, 17));
        assert_eq!(date("1/1"), d(2027, 1, 1));
        assert_eq!(date("29/2"), d(2028, 2, 29));
        assert_eq!(date("17 nov"), d(2027, 11, 17));
    }

    #[test]
    fn dates_with_month_names() {
        for input in [
            "24. nov",
            "24 nov",
            "24 november",
            "24 NOVEMBER",
            "24 nov 2026",
            "24. nov. 2026",
            "24. november 2026",
        ] {
            assert_eq!(date(input), d(2026, 11, 24), "{input}");
        }
        assert_eq!(date("1. maj"), d(2027, 5, 1));
        assert_eq!(date("1 may 2026"), d(2026, 5, 1));
        assert_eq!(date("3 okt"), d(2027, 10, 3));
        assert_eq!(date("3 oct 2027"), d(2027, 10, 3));
        assert_eq!(date("5 marts"), d(2027, 3, 5));
        assert_eq!(date("24 dec"), d(2026, 12, 24));
    }

    #[test]
    fn impossible_dates_are_named() {
        for input in ["31/4", "29.02.2027", "2026-02-30", "31 nov", "0/1", "30/2"] {
            let err = parse_date(input, today()).unwrap_err();
            assert_eq!(
                err,
                ParseError::NoSuchDate {
                    text: input.to_lowercase()
                },
                "{input}"
            );
        }
        // Month-day order is never read.
        let err = parse_date("11/24", today()).unwrap_err();
        assert!(matches!(err, ParseError::NoSuchDate { .. }));
        assert!(err.to_string().contains("day first"), "{err}");
    }

    #[test]
    fn date_errors_quote_the_word_and_give_examples() {
        let err = parse_date("tirsdog", today()).unwrap_err();
        assert_eq!(
            err,
            ParseError::NotUnderstood {
                expected: Expected::Date,
                text: "tirsdog".into()
            }
        );
        assert_eq!(
            err.to_string(),
            "could not read \"tirsdog\" as a date; try \"tir\", \"24/11\" or \"+3d\""
        );
        assert_eq!(
            parse_date("i morgon", today()).unwrap_err().text(),
            "i morgon"
        );
        assert_eq!(
            parse_date("  ", today()).unwrap_err(),
            ParseError::Empty {
                expected: Expected::Date
            }
        );
        assert_eq!(
            parse_date("24/11 13:00", today()).unwrap_err(),
            ParseError::Trailing {
                after: Expected::Date,
                text: "13:00".into()
            }
        );
        assert!(matches!(
            parse_date("+99999999999d", today()).unwrap_err(),
            ParseError::OutOfRange { .. }
        ));
        assert!(matches!(
            parse_date("+3x", today()).unwrap_err(),
            ParseError::NotUnderstood { .. }
        ));
        assert!(matches!(
            parse_date("næste", today()).unwrap_err(),
            ParseError::NotUnderstood { .. }
        ));
    }

    #[test]
    fn times() {
        for (input, expected) in [
            ("10:30", t(10, 30)),
            ("1030", t(10, 30)),
            ("0930", t(9, 30)),
            ("930", t(9, 30)),
            ("9", t(9, 0)),
            ("14", t(14, 0)),
            ("0", t(0, 0)),
            ("9.30", t(9, 30)),
            ("23:59", t(23, 59)),
            ("kl 10", t(10, 0)),
            ("kl. 10:30", t(10, 30)),
            ("KL. 10.30", t(10, 30)),
            ("kl.10", t(10, 0)),
            ("kl10:30", t(10, 30)),
            ("klokken 14", t(14, 0)),
        ] {
            assert_eq!(parse_time(input), Ok(expected), "{input}");
        }
    }

    #[test]
    fn time_errors() {
        for input in ["25:00", "10:75", "24.11"] {
            assert_eq!(
                parse_time(input),
                Err(ParseError::NoSuchTime { text: input.into() }),
                "{input}"
            );
        }
        assert_eq!(
            parse_time("kl 25"),
            Err(ParseError::NoSuchTime { text: "25".into() })
        );
        let err = parse_time("25").unwrap_err();
        assert_eq!(
            err,
            ParseError::NotUnderstood {
                expected: Expected::Time,
                text: "25".into()
            }
        );
        assert!(err.to_string().contains("\"10:30\""), "{err}");
        assert_eq!(parse_time("kl halv ti").unwrap_err().text(), "kl halv");
        assert!(matches!(
            parse_time("10:30 tir"),
            Err(ParseError::Trailing { .. })
        ));
        assert!(matches!(parse_time(""), Err(ParseError::Empty { .. })));
    }

    #[test]
    fn dates_with_times() {
        let tue = d(2026, 11, 24);
        for (input, expected) in [
            ("tir 10:30", at(tue, t(10, 30))),
            ("Tirsdag kl. 10.30", at(tue, t(10, 30))),
            ("10:30 tir", at(tue, t(10, 30))),
            ("i morgen 9", at(d(2026, 11, 19), t(9, 0))),
            ("i morgen kl 9", at(d(2026, 11, 19), t(9, 0))),
            ("kl 10 i morgen", at(d(2026, 11, 19), t(10, 0))),
            ("næste mandag 10", at(d(2026, 11, 23), t(10, 0))),
            ("24 nov 13:00", at(tue, t(13, 0))),
            ("24. nov 2026 kl 13", at(tue, t(13, 0))),
            ("24/11 13:00", at(tue, t(13, 0))),
            ("2026-11-24 13:00", at(tue, t(13, 0))),
            ("24.11.2026 13:00", at(tue, t(13, 0))),
            // A four-digit number after a month name that is no plausible year is a time.
            ("24 nov 1030", at(tue, t(10, 30))),
            ("+3d 8", at(d(2026, 11, 21), t(8, 0))),
            ("10:30", at(today(), t(10, 30))),
            ("14", at(today(), t(14, 0))),
            ("10.30", at(today(), t(10, 30))),
            ("tir", day_only(tue)),
            // A dotted pair that is a real date is a date.
            ("10.11", day_only(d(2027, 11, 10))),
            ("10.11 9", at(d(2027, 11, 10), t(9, 0))),
        ] {
            assert_eq!(when(input), expected, "{input}");
        }
    }

    #[test]
    fn when_errors_say_what_part_failed() {
        assert_eq!(
            parse_when("tir 25:00", today()),
            Err(ParseError::NoSuchTime {
                text: "25:00".into()
            })
        );
        assert_eq!(
            parse_when("tir snart", today()),
            Err(ParseError::NotUnderstood {
                expected: Expected::Time,
                text: "snart".into()
            })
        );
        assert_eq!(
            parse_when("10:30 tirsdog", today()),
            Err(ParseError::NotUnderstood {
                expected: Expected::Date,
                text: "tirsdog".into()
            })
        );
        assert_eq!(
            parse_when("10:30 31/4", today()),
            Err(ParseError::NoSuchDate {
                text: "31/4".into()
            })
        );
        assert_eq!(
            parse_when("tirsdog 10:30", today()),
            Err(ParseError::NotUnderstood {
                expected: Expected::When,
                text: "tirsdog".into()
            })
        );
        assert_eq!(
            parse_when("tir 10:30 Jensen", today()),
            Err(ParseError::Trailing {
                after: Expected::When,
                text: "Jensen".into()
            })
        );
    }

    #[test]
    fn when_with_default_time() {
        let w = when("tir");
        assert_eq!(w.at_or(t(9, 0)), d(2026, 11, 24).and_time(t(9, 0)));
        let w = when("tir 13");
        assert_eq!(w.at_or(t(9, 0)), d(2026, 11, 24).and_time(t(13, 0)));
    }

    #[test]
    fn durations() {
        for (input, minutes) in [
            ("45", 45),
            ("45m", 45),
            ("45 min", 45),
            ("45min", 45),
            ("45 MIN", 45),
            ("45 minutter", 45),
            ("90m", 90),
            ("1h", 60),
            ("1t", 60),
            ("1 t", 60),
            ("1h30", 90),
            ("1t30", 90),
            ("1h30m", 90),
            ("1t30min", 90),
            ("1h05", 65),
            ("1h 30m", 90),
            ("1:30", 90),
            ("1,5t", 90),
            ("1.5h", 90),
            ("1,5 timer", 90),
            ("0,25t", 15),
            ("1,33t", 80),
            ("2 timer", 120),
            ("2 Timer", 120),
            ("2 hours", 120),
            ("24h", 1440),
            ("1440", 1440),
            ("1", 1),
        ] {
            assert_eq!(parse_duration(input), Ok(minutes), "{input}");
        }
    }

    #[test]
    fn duration_errors() {
        for input in ["0", "0m", "25h", "1441", "99999999999", "24h01", "0,001t"] {
            assert!(
                matches!(
                    parse_duration(input),
                    Err(ParseError::DurationOutOfRange { .. })
                ),
                "{input}: {:?}",
                parse_duration(input)
            );
        }
        for input in ["1h75", "1,5m", "abc", "1.5", "1:5", "h", "-45"] {
            assert!(
                matches!(
                    parse_duration(input),
                    Err(ParseError::NotUnderstood {
                        expected: Expected::Duration,
                        ..
                    })
                ),
                "{input}: {:?}",
                parse_duration(input)
            );
        }
        assert_eq!(
            parse_duration("45 min ekstra"),
            Err(ParseError::Trailing {
                after: Expected::Duration,
                text: "ekstra".into()
            })
        );
        let err = parse_duration("25h").unwrap_err();
        assert!(err.to_string().contains("24 hours"), "{err}");
    }

    fn split(line: &str) -> Vec<&str> {
        line.split_whitespace().collect()
    }

    /// Splits a quick-add line the way the interface will.
    fn quick(line: &str) -> (Option<When>, Option<u32>, Vec<&str>) {
        let words = split(line);
        let (when, n) = take_when(&words, today());
        let (minutes, m) = take_duration(&words[n..]);
        (when, minutes, words[n + m..].to_vec())
    }

    #[test]
    fn quick_add_lines_split_into_when_duration_and_rest() {
        let tue = d(2026, 11, 24);
        assert_eq!(
            quick("tir 10:30 45m Jensen opfølgning"),
            (
                Some(at(tue, t(10, 30))),
                Some(45),
                vec!["Jensen", "opfølgning"]
            )
        );
        assert_eq!(
            quick("i morgen 9 1t30 Hansen"),
            (Some(at(d(2026, 11, 19), t(9, 0))), Some(90), vec!["Hansen"])
        );
        assert_eq!(
            quick("næste mandag 10 Jensen"),
            (Some(at(d(2026, 11, 23), t(10, 0))), None, vec!["Jensen"])
        );
        assert_eq!(
            quick("24 nov 13:00 2 timer Møde med mentor"),
            (
                Some(at(tue, t(13, 0))),
                Some(120),
                vec!["Møde", "med", "mentor"]
            )
        );
        assert_eq!(
            quick("kl 10 Jensen"),
            (Some(at(today(), t(10, 0))), None, vec!["Jensen"])
        );
        assert_eq!(
            quick("9 man 45 min Olsen"),
            (Some(at(d(2026, 11, 23), t(9, 0))), Some(45), vec!["Olsen"])
        );
        assert_eq!(
            quick("9 nov Olsen"),
            (Some(day_only(d(2027, 11, 9))), None, vec!["Olsen"])
        );
        // "2" before a unit is a duration, not 02:00.
        assert_eq!(
            quick("i morgen 2 timer Olsen"),
            (Some(day_only(d(2026, 11, 19))), Some(120), vec!["Olsen"])
        );
        // "45" is no hour, so it is the duration.
        assert_eq!(
            quick("tir 45 Jensen"),
            (Some(day_only(tue)), Some(45), vec!["Jensen"])
        );
        assert_eq!(
            quick("tir 9 45 Jensen"),
            (Some(at(tue, t(9, 0))), Some(45), vec!["Jensen"])
        );
        // An impossible time is left in the rest for the interface to show.
        assert_eq!(
            quick("tir 25:00 Jensen"),
            (Some(day_only(tue)), None, vec!["25:00", "Jensen"])
        );
        assert_eq!(
            quick("31/4 10:00 Jensen"),
            (None, None, vec!["31/4", "10:00", "Jensen"])
        );
        assert_eq!(quick("Jensen tir"), (None, None, vec!["Jensen", "tir"]));
        assert_eq!(quick("45 Jensen"), (None, Some(45), vec!["Jensen"]));
        assert_eq!(quick(""), (None, None, vec![]));
    }

    #[test]
    fn weeks_by_number_are_their_monday() {
        // Today is Wednesday 18 November 2026, ISO week 47.
        for input in ["uge 49", "u49", "U49", "week 49", "w49", "uge49"] {
            assert_eq!(date(input), d(2026, 11, 30), "{input}");
        }
        assert_eq!(
            date("uge 47"),
            d(2026, 11, 16),
            "this week is this week's Monday"
        );
        assert_eq!(
            date("uge 2"),
            d(2027, 1, 11),
            "a week that has passed is next year's"
        );
        assert_eq!(date("tir uge 50"), d(2026, 12, 8));
        assert_eq!(when("uge 49 10:30"), at(d(2026, 11, 30), t(10, 30)));
        // 2026 has 53 ISO weeks; 2027 does not.
        assert_eq!(date("uge 53"), d(2026, 12, 28));
        assert_eq!(
            parse_date("uge 53", d(2027, 6, 1)),
            Err(ParseError::NoSuchDate {
                text: "uge 53".into()
            })
        );
        assert!(parse_date("uge 0", today()).is_err());
        assert!(parse_date("uge 99", today()).is_err());
    }

    #[test]
    fn next_week_is_next_monday_and_a_weekday_in_it() {
        for input in ["næste uge", "naeste uge", "i næste uge", "next week"] {
            assert_eq!(date(input), d(2026, 11, 23), "{input}");
        }
        for input in ["mandag i næste uge", "man næste uge", "monday next week"] {
            assert_eq!(date(input), d(2026, 11, 23), "{input}");
        }
        assert_eq!(date("fre i næste uge"), d(2026, 11, 27));
        assert_eq!(when("fre i næste uge 9"), at(d(2026, 11, 27), t(9, 0)));
    }

    #[test]
    fn distances_in_words() {
        assert_eq!(date("om 2 uger"), d(2026, 12, 2));
        assert_eq!(date("om 14 dage"), d(2026, 12, 2));
        assert_eq!(date("om en uge"), d(2026, 11, 25));
        assert_eq!(date("om 1 måned"), d(2026, 12, 18));
        assert_eq!(date("in 2 weeks"), d(2026, 12, 2));
        assert_eq!(date("in 14 days"), d(2026, 12, 2));
        assert_eq!(date("in a week"), d(2026, 11, 25));
        assert_eq!(when("om 2 uger 10:00"), at(d(2026, 12, 2), t(10, 0)));
        // A weekday names that day in the week the distance reaches.
        assert_eq!(date("fre om 14 dage"), d(2026, 12, 4));
        assert_eq!(date("man om 2 uger"), d(2026, 11, 30));
        assert_eq!(date("friday in 2 weeks"), d(2026, 12, 4));
        // Not a distance: the words are left alone.
        assert!(parse_date("om lidt", today()).is_err());
        assert_eq!(take_when(&["in", "town"], today()), (None, 0));
    }

    #[test]
    fn working_days_skip_weekends_and_danish_holidays() {
        // Wednesday 18 Nov + 3 working days = Monday 23 Nov.
        for input in [
            "om 3 arbejdsdage",
            "+3ad",
            "in 3 working days",
            "+3wd",
            "in 3 workdays",
        ] {
            assert_eq!(date(input), d(2026, 11, 23), "{input}");
        }
        // From Wednesday 23 December 2026: 24, 25, 26 (Saturday), 27 are not working days.
        assert_eq!(parse_date("+2ad", d(2026, 12, 23)), Ok(d(2026, 12, 29)));
        // Maundy Thursday to Easter Monday 2027 (25–29 March).
        assert_eq!(
            parse_date("om 1 arbejdsdag", d(2027, 3, 24)),
            Ok(d(2027, 3, 30))
        );
        assert_eq!(parse_date("-1ad", d(2027, 3, 30)), Ok(d(2027, 3, 24)));
        assert!(matches!(
            parse_date("+99999999ad", today()),
            Err(ParseError::OutOfRange { .. })
        ));
    }

    /// Closed on Thursday 19 November and every 23 December.
    fn closing() -> DaysOff {
        DaysOff::new(vec![
            "2026-11-19 Personaledag".parse().unwrap(),
            "12-23 Lillejuleaften".parse().unwrap(),
        ])
    }

    #[test]
    fn typed_working_days_skip_configured_closing_days() {
        let off = closing();
        // Wednesday 18 November: Thursday is closed, so one working day on is Friday.
        for input in ["+1ad", "om 1 arbejdsdag", "in 1 working day"] {
            assert_eq!(
                parse_date_with(input, today(), &off),
                Ok(d(2026, 11, 20)),
                "{input}"
            );
            assert_eq!(parse_date(input, today()), Ok(d(2026, 11, 19)), "{input}");
        }
        assert_eq!(
            parse_when_with("+1ad 10:00", today(), &off),
            Ok(at(d(2026, 11, 20), t(10, 0)))
        );
        assert_eq!(
            parse_past_date_with("+1ad", today(), &off),
            Ok(d(2026, 11, 20))
        );
        assert_eq!(
            take_when_with(&["+1ad", "Søren"], today(), &off),
            (Some(day_only(d(2026, 11, 20))), 1)
        );
        let now = today().and_time(t(9, 0));
        assert_eq!(
            take_when_at_with(&["+1ad", "10"], now, &off),
            (Some(at(d(2026, 11, 20), t(10, 0))), 2)
        );
        // Back over the closing day too; and a yearly one: from Tuesday 22 December 2026, 23
        // is closed and 24–27 are holidays or the weekend.
        assert_eq!(
            parse_date_with("-1ad", d(2026, 11, 20), &off),
            Ok(d(2026, 11, 18))
        );
        assert_eq!(
            parse_date_with("+1ad", d(2026, 12, 22), &off),
            Ok(d(2026, 12, 28))
        );
        // Other dates are not moved by closing days.
        assert_eq!(parse_date_with("+1d", today(), &off), Ok(d(2026, 11, 19)));
        assert_eq!(parse_date_with("tor", today(), &off), Ok(d(2026, 11, 19)));
    }

    #[test]
    fn a_weekday_time_that_has_passed_today_is_next_weeks() {
        // Wednesday 18 November 2026.
        let now = |h, m| today().and_time(t(h, m));
        assert_eq!(
            parse_when_at("ons 10:30", now(11, 0)),
            Ok(at(d(2026, 11, 25), t(10, 30)))
        );
        assert_eq!(
            parse_when_at("ons 10:30", now(9, 0)),
            Ok(at(today(), t(10, 30)))
        );
        assert_eq!(
            parse_when_at("10:30 ons", now(11, 0)),
            Ok(at(d(2026, 11, 25), t(10, 30)))
        );
        // A day without a time, another weekday, or a date typed as a date stays as typed.
        assert_eq!(parse_when_at("ons", now(11, 0)), Ok(day_only(today())));
        assert_eq!(
            parse_when_at("tor 10:30", now(11, 0)),
            Ok(at(d(2026, 11, 19), t(10, 30)))
        );
        assert_eq!(
            parse_when_at("i dag 10:30", now(11, 0)),
            Ok(at(today(), t(10, 30)))
        );
        assert_eq!(
            parse_when_at("18/11 10:30", now(11, 0)),
            Ok(at(today(), t(10, 30)))
        );
        assert_eq!(
            take_when_at(&["ons", "10:30", "Jensen"], now(11, 0)),
            (Some(at(d(2026, 11, 25), t(10, 30))), 2)
        );
    }

    /// A date in the years caseplan plans in, a week away from their ends.
    fn any_date() -> impl Strategy<Value = NaiveDate> {
        (1901i32..=2199, 1u32..=366).prop_map(|(year, ordinal)| {
            NaiveDate::from_yo_opt(year, ordinal)
                .unwrap_or_else(|| NaiveDate::from_yo_opt(year, 365).unwrap())
        })
    }

    fn any_time() -> impl Strategy<Value = NaiveTime> {
        (0u32..24, 0u32..60).prop_map(|(h, m)| t(h, m))
    }

    /// Strings made of the characters the parser cares about, so deep paths are reached.
    const TYPED: &str = "[0-9a-zA-ZæøåÆØÅ:./,+\\- ]{0,24}";

    fn exercise(input: &str, today: NaiveDate) {
        let _ = parse_date(input, today);
        let _ = parse_time(input);
        let _ = parse_when(input, today);
        let _ = parse_duration(input);
        let words = split(input);
        let (_, n) = take_when(&words, today);
        assert!(n <= words.len());
        let (_, n) = take_when_at(&words, today.and_time(NaiveTime::MIN));
        assert!(n <= words.len());
        let (_, m) = take_duration(&words);
        assert!(m <= words.len());
    }

    proptest! {
        #[test]
        fn never_panics_on_any_string(input in ".*", today in any_date()) {
            exercise(&input, today);
        }

        #[test]
        fn never_panics_on_typed_looking_strings(input in TYPED, today in any_date()) {
            exercise(&input, today);
        }

        #[test]
        fn never_panics_at_the_ends_of_the_calendar(input in TYPED) {
            exercise(&input, NaiveDate::MAX);
            exercise(&input, NaiveDate::MIN);
        }

        #[test]
        fn reads_back_printed_dates(date in any_date(), today in any_date()) {
            let printed = format_date(date);
            prop_assert_eq!(parse_date(&printed, today), Ok(date));
            prop_assert_eq!(parse_when(&printed, today), Ok(day_only(date)));
        }

        #[test]
        fn reads_back_printed_times(time in any_time(), today in any_date()) {
            let printed = format_time(time);
            prop_assert_eq!(parse_time(&printed), Ok(time));
            prop_assert_eq!(parse_when(&printed, today), Ok(at(today, time)));
        }

        #[test]
        fn reads_back_printed_dates_with_times(
            date in any_date(), time in any_time(), today in any_date()
        ) {
            let printed = format_datetime(date.and_time(time));
            prop_assert_eq!(parse_when(&printed, today), Ok(at(date, time)));
        }

        #[test]
        fn dates_outside_1900_to_2200_are_refused(
            year in prop_oneof![1000i32..1900, 2201i32..=9999], today in any_date()
        ) {
            let typed = format!("1.6.{year}");
            prop_assert_eq!(
                parse_date(&typed, today),
                Err(ParseError::OutOfRange { text: typed.clone() })
            );
            let when = format!("{typed} 10:00");
            let refused = matches!(parse_when(&when, today), Err(ParseError::OutOfRange { .. }));
            prop_assert!(refused, "{} was read", when);
        }

        #[test]
        fn reads_back_printed_durations(minutes in 1u32..=MAX_DURATION_MINUTES) {
            prop_assert_eq!(parse_duration(&format_duration(minutes)), Ok(minutes));
        }

        #[test]
        fn weekdays_are_within_a_week(today in any_date(), day in 0u32..7) {
            let names = ["man", "tir", "ons", "tor", "fre", "lør", "søn"];
            let name = names[day as usize];
            let bare = parse_date(name, today).unwrap();
            prop_assert!(bare >= today && (bare - today).num_days() < 7);
            prop_assert_eq!(bare.weekday().num_days_from_monday(), day);
            let next = parse_date(&format!("næste {name}"), today).unwrap();
            // The Monday of its week is the Monday after today's Monday.
            let monday = |date: NaiveDate| date - chrono::Duration::days(i64::from(date.weekday().num_days_from_monday()));
            prop_assert_eq!((monday(next) - monday(today)).num_days(), 7);
            prop_assert_eq!(next.weekday().num_days_from_monday(), day);
        }

        #[test]
        fn weeks_by_number_are_a_monday_within_a_year(today in any_date(), week in 1u32..=52) {
            let monday = parse_date(&format!("uge {week}"), today).unwrap();
            prop_assert_eq!(monday.weekday(), Weekday::Mon);
            prop_assert_eq!(monday.iso_week().week(), week);
            prop_assert!(monday + chrono::Duration::days(6) >= today);
            prop_assert!((monday - today).num_days() < 371);
            prop_assert_eq!(parse_date(&format!("w{week}"), today), Ok(monday));
        }

        #[test]
        fn distances_in_words_agree_with_the_short_forms(today in any_date(), n in 0u32..400) {
            let read = |typed: String| parse_date(&typed, today).ok();
            prop_assert_eq!(read(format!("om {n} dage")), read(format!("+{n}d")));
            prop_assert_eq!(read(format!("in {n} weeks")), read(format!("+{n}w")));
            prop_assert_eq!(read(format!("om {n} måneder")), read(format!("+{n}m")));
        }

        #[test]
        fn working_days_land_on_working_days(
            today in any_date(), n in 1u32..60, closed in any::<bool>()
        ) {
            let off = if closed { closing() } else { DaysOff::default() };
            let day = parse_date_with(&format!("om {n} arbejdsdage"), today, &off).unwrap();
            prop_assert!(off.is_workday(day));
            prop_assert_eq!(off.workdays_between(today, day), i64::from(n));
            prop_assert_eq!(parse_date_with(&format!("+{n}ad"), today, &off), Ok(day));
        }

        #[test]
        fn a_weekday_and_time_at_now_is_never_in_the_past(
            today in any_date(), now in any_time(), time in any_time(), day in 0u32..7
        ) {
            let names = ["man", "tir", "ons", "tor", "fre", "lør", "søn"];
            let typed = format!("{} {}", names[day as usize], format_time(time));
            let read = parse_when_at(&typed, today.and_time(now)).unwrap();
            prop_assert!(read.at_or(time) >= today.and_time(now));
            prop_assert!((read.date - today).num_days() <= 7);
        }
    }
}

/// Days between meetings of a case's own cadence: "7", "7d", "14 dage", "2u", "2w" (1 to 366
/// days). `None` when the text does not read so.
pub fn parse_every_days(text: &str) -> Option<u32> {
    let text = text.trim().to_lowercase();
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let n: u32 = text[..digits].parse().ok()?;
    let days = match text[digits..].trim() {
        "" | "d" | "dag" | "dage" | "day" | "days" => n,
        "u" | "uge" | "uger" | "w" | "week" | "weeks" => n.checked_mul(7)?,
        _ => return None,
    };
    (1..=366).contains(&days).then_some(days)
}

#[cfg(test)]
mod every_days_tests {
    use super::parse_every_days;

    #[test]
    fn a_cadence_reads_in_days_or_weeks() {
        assert_eq!(parse_every_days("7"), Some(7));
        assert_eq!(parse_every_days("14 dage"), Some(14));
        assert_eq!(parse_every_days("2u"), Some(14));
        assert_eq!(parse_every_days("3w"), Some(21));
        assert_eq!(parse_every_days("0"), None);
        assert_eq!(parse_every_days("ugentlig"), None);
        assert_eq!(parse_every_days("999"), None);
    }
}
