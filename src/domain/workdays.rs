//! Danish public holidays and working days, for deadlines counted in working days.
//!
//! A working day is Monday to Friday, not a holiday below and not one of the office's local
//! closing days ([`DaysOff`], from `[calendar] closing_days`). Besides the statutory holidays
//! the list treats Grundlovsdag (5 June), Juleaftensdag (24 December) and Nytårsaftensdag
//! (31 December) as days off, as public offices and jobcentres commonly are closed then.
//! Store bededag was abolished from 2024 and counts only for earlier years.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// How a holiday's date is found.
#[derive(Debug, Clone, Copy)]
enum Rule {
    /// A fixed day and month.
    Fixed { month: u32, day: u32 },
    /// Days after Easter Sunday (negative: before).
    Easter(i64),
}

struct Holiday {
    rule: Rule,
    name: &'static str,
    /// The holiday counts for years before this one.
    until: Option<i32>,
}

const fn fixed(month: u32, day: u32, name: &'static str) -> Holiday {
    Holiday {
        rule: Rule::Fixed { month, day },
        name,
        until: None,
    }
}

const fn easter(days: i64, name: &'static str) -> Holiday {
    Holiday {
        rule: Rule::Easter(days),
        name,
        until: None,
    }
}

/// In calendar order within a year (Grundlovsdag may fall on Whitsun; both are listed).
const HOLIDAYS: [Holiday; 14] = [
    fixed(1, 1, "Nytårsdag"),
    easter(-3, "Skærtorsdag"),
    easter(-2, "Langfredag"),
    easter(0, "Påskedag"),
    easter(1, "2. påskedag"),
    // The fourth Friday after Easter; abolished by law from 2024.
    Holiday {
        rule: Rule::Easter(26),
        name: "Store bededag",
        until: Some(2024),
    },
    easter(39, "Kristi himmelfartsdag"),
    easter(49, "Pinsedag"),
    easter(50, "2. pinsedag"),
    // Not a statutory holiday, but public offices close (at least from noon).
    fixed(6, 5, "Grundlovsdag"),
    // Not statutory either; public offices are closed.
    fixed(12, 24, "Juleaftensdag"),
    fixed(12, 25, "Juledag"),
    fixed(12, 26, "2. juledag"),
    // Not statutory; public offices are closed.
    fixed(12, 31, "Nytårsaftensdag"),
];

/// Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm of Meeus, Jones and
/// Butcher). `None` only at the ends of the calendar.
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let y = i64::from(year);
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let n = h + l - 7 * m + 114;
    let month = u32::try_from(n.div_euclid(31)).ok()?;
    let day = u32::try_from(n.rem_euclid(31) + 1).ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// The date of one holiday in `year`, if it is observed that year.
fn date_in(holiday: &Holiday, year: i32, easter: Option<NaiveDate>) -> Option<NaiveDate> {
    if holiday.until.is_some_and(|until| year >= until) {
        return None;
    }
    match holiday.rule {
        Rule::Fixed { month, day } => NaiveDate::from_ymd_opt(year, month, day),
        Rule::Easter(days) if days >= 0 => easter?.checked_add_days(Days::new(days.unsigned_abs())),
        Rule::Easter(days) => easter?.checked_sub_days(Days::new(days.unsigned_abs())),
    }
}

/// The holidays (and office days off) of `year` with their Danish names, in date order.
/// A date can appear twice when two holidays coincide (Grundlovsdag on Whitsun).
pub fn holidays(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let easter = easter_sunday(year);
    let mut out: Vec<_> = HOLIDAYS
        .iter()
        .filter_map(|h| date_in(h, year, easter).map(|date| (date, h.name)))
        .collect();
    out.sort_by_key(|(date, _)| *date);
    out
}

/// The Danish name of the holiday on `date` (the first, if two coincide).
pub fn holiday_name(date: NaiveDate) -> Option<&'static str> {
    let year = date.year();
    let easter = easter_sunday(year);
    HOLIDAYS
        .iter()
        .find(|h| date_in(h, year, easter) == Some(date))
        .map(|h| h.name)
}

pub fn is_holiday(date: NaiveDate) -> bool {
    holiday_name(date).is_some()
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// When a local closing day falls (`[calendar] closing_days`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClosingRule {
    /// One date: "2027-05-07".
    Once(NaiveDate),
    /// The same day every year: "12-23".
    Yearly { month: u32, day: u32 },
    /// Days after Easter Sunday every year, before it when negative: "easter+40" is the
    /// Friday after Ascension.
    Easter(i64),
}

/// A day the office is closed that is not a public holiday, with its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClosingDay {
    pub rule: ClosingRule,
    pub name: String,
}

/// The name of a closing day the configuration gives none.
pub const CLOSING_DAY: &str = "Lukkedag";

/// Why a text is not a closing day.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "\"{0}\" is not a closing day: write a date (\"2027-05-07\"), a day every year \
     (\"12-23\") or days from Easter Sunday (\"easter+40\", the Friday after Ascension), \
     then a name if you like (\"easter+40 Fredag efter Kristi himmelfart\")"
)]
pub struct ClosingDayError(pub String);

impl std::str::FromStr for ClosingDay {
    type Err = ClosingDayError;

    /// "2027-05-07", "12-23" or "easter+40" (also "påske+40"), then an optional name.
    fn from_str(text: &str) -> Result<ClosingDay, ClosingDayError> {
        let error = || ClosingDayError(text.to_string());
        let trimmed = text.trim();
        let (when, name) = trimmed
            .split_once(char::is_whitespace)
            .map_or((trimmed, ""), |(when, name)| (when, name.trim()));
        let lower = when.to_lowercase();
        let easter = ["easter", "påske", "paaske"]
            .iter()
            .find_map(|word| lower.strip_prefix(word));
        let rule = if let Some(offset) = easter {
            let days = match offset {
                "" => 0,
                _ => offset.parse::<i64>().map_err(|_| error())?,
            };
            if !offset.is_empty() && !offset.starts_with(['+', '-']) || days.unsigned_abs() > 200 {
                return Err(error());
            }
            ClosingRule::Easter(days)
        } else if let Ok(date) = NaiveDate::parse_from_str(when, "%Y-%m-%d") {
            ClosingRule::Once(date)
        } else {
            let (month, day) = when.split_once('-').ok_or_else(error)?;
            let (month, day) = (
                month.parse::<u32>().map_err(|_| error())?,
                day.parse::<u32>().map_err(|_| error())?,
            );
            // A leap year, so that 02-29 is a day (it closes in leap years only).
            NaiveDate::from_ymd_opt(2000, month, day).ok_or_else(error)?;
            ClosingRule::Yearly { month, day }
        };
        Ok(ClosingDay {
            rule,
            name: if name.is_empty() { CLOSING_DAY } else { name }.to_string(),
        })
    }
}

/// Writes a closing day as [`ClosingDay::from_str`] reads it.
impl std::fmt::Display for ClosingDay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.rule {
            ClosingRule::Once(date) => write!(f, "{}", date.format("%Y-%m-%d"))?,
            ClosingRule::Yearly { month, day } => write!(f, "{month:02}-{day:02}")?,
            ClosingRule::Easter(0) => write!(f, "easter")?,
            ClosingRule::Easter(days) => write!(f, "easter{days:+}")?,
        }
        if self.name != CLOSING_DAY {
            write!(f, " {}", self.name)?;
        }
        Ok(())
    }
}

impl ClosingDay {
    /// The closing day's date in `year`, if it falls that year.
    fn date_in(&self, year: i32, easter: Option<NaiveDate>) -> Option<NaiveDate> {
        match self.rule {
            ClosingRule::Once(date) => (date.year() == year).then_some(date),
            ClosingRule::Yearly { month, day } => NaiveDate::from_ymd_opt(year, month, day),
            ClosingRule::Easter(days) if days >= 0 => {
                easter?.checked_add_days(Days::new(days.unsigned_abs()))
            }
            ClosingRule::Easter(days) => easter?.checked_sub_days(Days::new(days.unsigned_abs())),
        }
    }
}

/// The days an office is closed besides weekends: the Danish holidays above and the local
/// closing days of the configuration. Every count of working days goes through this, so a
/// deadline, a chase, an act-by date and the free-slot finder all skip the same days.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DaysOff {
    closing: Vec<ClosingDay>,
}

impl DaysOff {
    /// The Danish holidays and `closing` on top of them.
    pub fn new(closing: Vec<ClosingDay>) -> DaysOff {
        DaysOff { closing }
    }

    /// The holidays and closing days of `year` with their names, in date order. A date can
    /// appear twice when two coincide.
    pub fn in_year(&self, year: i32) -> Vec<(NaiveDate, &str)> {
        let easter = easter_sunday(year);
        let mut out: Vec<(NaiveDate, &str)> = holidays(year);
        out.extend(
            self.closing
                .iter()
                .filter_map(|c| c.date_in(year, easter).map(|date| (date, c.name.as_str()))),
        );
        out.sort_by_key(|(date, _)| *date);
        out
    }

    /// The name of the holiday or closing day on `date` (a holiday first, if both).
    pub fn name(&self, date: NaiveDate) -> Option<&str> {
        holiday_name(date).or_else(|| {
            let easter = easter_sunday(date.year());
            self.closing
                .iter()
                .find(|c| c.date_in(date.year(), easter) == Some(date))
                .map(|c| c.name.as_str())
        })
    }

    /// A holiday or a closing day (on any weekday).
    pub fn is_day_off(&self, date: NaiveDate) -> bool {
        self.name(date).is_some()
    }

    /// Monday to Friday, not a holiday and not a closing day.
    pub fn is_workday(&self, date: NaiveDate) -> bool {
        !is_weekend(date) && !self.is_day_off(date)
    }

    /// The first working day strictly after `date` (the last date of the calendar if none).
    pub fn next_workday(&self, date: NaiveDate) -> NaiveDate {
        let mut day = date;
        while let Some(next) = day.succ_opt() {
            if self.is_workday(next) {
                return next;
            }
            day = next;
        }
        day
    }

    /// Counts `n` working days from `date`, like a deadline "in n working days":
    /// - `n == 0`: `date` itself if it is a working day, else the next working day;
    /// - `n > 0`: the n-th working day after `date`;
    /// - `n < 0`: the |n|-th working day before `date`.
    ///
    /// At the ends of the calendar the result stops at the first or last representable date.
    pub fn add_workdays(&self, date: NaiveDate, n: i32) -> NaiveDate {
        self.checked_add_workdays(date, n).unwrap_or(if n < 0 {
            NaiveDate::MIN
        } else {
            NaiveDate::MAX
        })
    }

    /// [`DaysOff::add_workdays`], or `None` past the ends of the calendar.
    pub fn checked_add_workdays(&self, date: NaiveDate, n: i32) -> Option<NaiveDate> {
        if n == 0 {
            return if self.is_workday(date) {
                Some(date)
            } else {
                let next = self.next_workday(date);
                (next != date).then_some(next)
            };
        }
        let forward = n > 0;
        let mut left = i64::from(n).abs();
        let mut day = date;
        // Long distances jump whole weeks first: w weeks hold at most 5w working days, so a
        // jump of (left - 1) / 5 weeks never overshoots and the day-by-day finish stays short.
        while left > 10 {
            let weeks = ((left - 1) / 5) as u64;
            let target = if forward {
                day.checked_add_days(Days::new(weeks * 7))?
            } else {
                day.checked_sub_days(Days::new(weeks * 7))?
            };
            left -= self.workdays_between(day, target).abs();
            day = target;
        }
        while left > 0 {
            day = if forward {
                day.succ_opt()?
            } else {
                day.pred_opt()?
            };
            if self.is_workday(day) {
                left -= 1;
            }
        }
        Some(day)
    }

    /// Working days from `a` to `b`, counted so that
    /// `workdays_between(d, add_workdays(d, n)) == n` for every `n != 0`: for `b >= a`, the
    /// working days in `a < day <= b`; for `b < a`, minus the working days in `b <= day < a`.
    /// Monday to Wednesday is 2.
    pub fn workdays_between(&self, a: NaiveDate, b: NaiveDate) -> i64 {
        if b >= a {
            // (a, b] = [a, b) without a, with b.
            self.workdays_from_to(a, b) - i64::from(self.is_workday(a))
                + i64::from(self.is_workday(b))
        } else {
            -self.workdays_from_to(b, a)
        }
    }

    /// Working days in `lo <= day < hi` (`lo <= hi`), without walking the days.
    fn workdays_from_to(&self, lo: NaiveDate, hi: NaiveDate) -> i64 {
        let mut count = weekdays_before(hi) - weekdays_before(lo);
        for year in lo.year()..=hi.year() {
            let mut days: Vec<NaiveDate> = self
                .in_year(year)
                .into_iter()
                .map(|(date, _)| date)
                .filter(|date| *date >= lo && *date < hi && !is_weekend(*date))
                .collect();
            days.dedup();
            count -= days.len() as i64;
        }
        count
    }
}

/// Mondays to Fridays before `date`, counted from 1 January of year 1 (a Monday); negative
/// for earlier dates. Only differences of this are meaningful.
fn weekdays_before(date: NaiveDate) -> i64 {
    let days = i64::from(date.num_days_from_ce()) - 1;
    days.div_euclid(7) * 5 + days.rem_euclid(7).min(5)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The Danish holidays and no local closing days.
    fn off() -> DaysOff {
        DaysOff::default()
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn names(year: i32) -> Vec<&'static str> {
        holidays(year).into_iter().map(|(_, name)| name).collect()
    }

    #[test]
    fn easter_sundays() {
        assert_eq!(easter_sunday(2024), Some(d(2024, 3, 31)));
        assert_eq!(easter_sunday(2025), Some(d(2025, 4, 20)));
        assert_eq!(easter_sunday(2026), Some(d(2026, 4, 5)));
        assert_eq!(easter_sunday(2027), Some(d(2027, 3, 28)));
        assert_eq!(easter_sunday(2038), Some(d(2038, 4, 25)));
        // Extremes of the range: 22 March (1818, 2285) and 25 April (1943).
        assert_eq!(easter_sunday(1818), Some(d(1818, 3, 22)));
        assert_eq!(easter_sunday(2285), Some(d(2285, 3, 22)));
        assert_eq!(easter_sunday(1943), Some(d(1943, 4, 25)));
    }

    #[test]
    fn easter_is_always_a_sunday_between_22_march_and_25_april() {
        for year in 1583..3000 {
            let easter = easter_sunday(year).unwrap();
            assert_eq!(easter.weekday(), Weekday::Sun, "{year}");
            assert!(
                easter >= d(year, 3, 22) && easter <= d(year, 4, 25),
                "{year}"
            );
        }
    }

    #[test]
    fn holidays_of_2026() {
        let expected = vec![
            (d(2026, 1, 1), "Nytårsdag"),
            (d(2026, 4, 2), "Skærtorsdag"),
            (d(2026, 4, 3), "Langfredag"),
            (d(2026, 4, 5), "Påskedag"),
            (d(2026, 4, 6), "2. påskedag"),
            (d(2026, 5, 14), "Kristi himmelfartsdag"),
            (d(2026, 5, 24), "Pinsedag"),
            (d(2026, 5, 25), "2. pinsedag"),
            (d(2026, 6, 5), "Grundlovsdag"),
            (d(2026, 12, 24), "Juleaftensdag"),
            (d(2026, 12, 25), "Juledag"),
            (d(2026, 12, 26), "2. juledag"),
            (d(2026, 12, 31), "Nytårsaftensdag"),
        ];
        assert_eq!(holidays(2026), expected);
    }

    #[test]
    fn store_bededag_only_before_2024() {
        assert!(holidays(2023).contains(&(d(2023, 5, 5), "Store bededag")));
        assert_eq!(holiday_name(d(2023, 5, 5)), Some("Store bededag"));
        assert!(!off().is_workday(d(2023, 5, 5)));
        assert!(!names(2024).contains(&"Store bededag"));
        assert!(!names(2026).contains(&"Store bededag"));
        // The Friday that would have been Store bededag in 2024 and 2026 is a working day.
        assert!(off().is_workday(d(2024, 4, 26)));
        assert!(off().is_workday(d(2026, 5, 1)));
        assert_eq!(holidays(2023).len(), 14);
        assert_eq!(holidays(2024).len(), 13);
    }

    #[test]
    fn grundlovsdag_on_whitsun_is_listed_twice_but_counted_once() {
        // 2022: Easter 17 April, so Whit Sunday is 5 June (a Sunday).
        let on_fifth: Vec<_> = holidays(2022)
            .into_iter()
            .filter(|(date, _)| *date == d(2022, 6, 5))
            .map(|(_, name)| name)
            .collect();
        assert_eq!(on_fifth, vec!["Pinsedag", "Grundlovsdag"]);
        // 2. pinsedag Mon 6 June: from Fri 3 June to Tue 7 June is one working day.
        assert_eq!(off().workdays_between(d(2022, 6, 3), d(2022, 6, 7)), 1);
    }

    #[test]
    fn deadline_before_whit_monday_2026() {
        // Friday 22 May 2026, then Whitsun weekend and 2. pinsedag Monday 25 May.
        let friday = d(2026, 5, 22);
        assert!(off().is_workday(friday));
        assert!(!off().is_workday(d(2026, 5, 25)));
        assert_eq!(off().next_workday(friday), d(2026, 5, 26));
        assert_eq!(off().add_workdays(friday, 1), d(2026, 5, 26));
        assert_eq!(off().add_workdays(d(2026, 5, 26), -1), friday);
        // A deadline 3 working days after Wednesday 20 May lands on Tuesday 26 May.
        assert_eq!(off().add_workdays(d(2026, 5, 20), 3), d(2026, 5, 26));
        // Kristi himmelfartsdag Thursday 14 May: Wednesday + 1 is Friday.
        assert_eq!(
            DaysOff::default().add_workdays(d(2026, 5, 13), 1),
            d(2026, 5, 15)
        );
    }

    #[test]
    fn christmas_2026() {
        // Thu 24, Fri 25, Sat 26 Dec, Thu 31 Dec and Fri 1 Jan are all days off.
        for day in [24, 25, 26, 27, 31] {
            assert!(!off().is_workday(d(2026, 12, day)), "{day} Dec");
        }
        assert!(!off().is_workday(d(2027, 1, 1)));
        assert_eq!(off().next_workday(d(2026, 12, 23)), d(2026, 12, 28));
        // Wed 23 Dec + 3: Mon 28, Tue 29, Wed 30; the 4th is Monday 4 January.
        assert_eq!(off().add_workdays(d(2026, 12, 23), 3), d(2026, 12, 30));
        assert_eq!(off().add_workdays(d(2026, 12, 23), 4), d(2027, 1, 4));
        assert_eq!(off().workdays_between(d(2026, 12, 23), d(2027, 1, 4)), 4);
    }

    #[test]
    fn add_workdays_over_easter_2026() {
        assert_eq!(off().add_workdays(d(2026, 4, 1), 1), d(2026, 4, 7));
        assert_eq!(off().add_workdays(d(2026, 4, 7), -1), d(2026, 4, 1));
        assert_eq!(off().workdays_between(d(2026, 4, 1), d(2026, 4, 7)), 1);
        assert_eq!(off().workdays_between(d(2026, 4, 7), d(2026, 4, 1)), -1);
    }

    #[test]
    fn add_zero_workdays() {
        assert_eq!(off().add_workdays(d(2026, 4, 1), 0), d(2026, 4, 1));
        // Good Friday → Tuesday after Easter.
        assert_eq!(off().add_workdays(d(2026, 4, 3), 0), d(2026, 4, 7));
        // Saturday → Monday.
        assert_eq!(off().add_workdays(d(2026, 11, 21), 0), d(2026, 11, 23));
    }

    #[test]
    fn workdays_between_simple_cases() {
        let monday = d(2026, 11, 23);
        assert_eq!(off().workdays_between(monday, monday), 0);
        assert_eq!(off().workdays_between(monday, d(2026, 11, 25)), 2);
        assert_eq!(off().workdays_between(monday, d(2026, 11, 30)), 5);
        assert_eq!(off().workdays_between(d(2026, 11, 21), d(2026, 11, 22)), 0);
        // 2026 has 261 weekdays; the holidays on weekdays are not working days.
        let weekday_holidays = holidays(2026)
            .iter()
            .filter(|(date, _)| !is_weekend(*date))
            .count() as i64;
        assert_eq!(weekday_holidays, 10);
        assert_eq!(
            off().workdays_between(d(2025, 12, 31), d(2026, 12, 31)),
            261 - weekday_holidays
        );
    }

    #[test]
    fn extremes_do_not_panic() {
        assert_eq!(off().add_workdays(NaiveDate::MAX, 5), NaiveDate::MAX);
        assert_eq!(off().add_workdays(NaiveDate::MIN, -5), NaiveDate::MIN);
        let _ = off().next_workday(NaiveDate::MAX);
        let _ = holidays(NaiveDate::MAX.year());
        let _ = holidays(NaiveDate::MIN.year());
        let _ = off().add_workdays(d(2026, 1, 1), i32::MAX);
        let _ = off().add_workdays(d(2026, 1, 1), i32::MIN);
    }

    /// Day by day, for comparing with the fast count.
    fn slow_between(off: &DaysOff, a: NaiveDate, b: NaiveDate) -> i64 {
        let (lo, hi, sign) = if b >= a { (a, b, 1) } else { (b, a, -1) };
        let mut count = 0;
        let mut day = lo;
        while day < hi {
            // (a, b] forward, [b, a) backward.
            let counted = if sign == 1 {
                day.succ_opt().unwrap()
            } else {
                day
            };
            if off.is_workday(counted) {
                count += 1;
            }
            day = day.succ_opt().unwrap();
        }
        sign * count
    }

    fn slow_add(off: &DaysOff, date: NaiveDate, n: i32) -> NaiveDate {
        let mut day = date;
        let mut left = n.abs();
        while left > 0 {
            day = if n > 0 {
                day.succ_opt().unwrap()
            } else {
                day.pred_opt().unwrap()
            };
            if off.is_workday(day) {
                left -= 1;
            }
        }
        day
    }

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        (1900i32..2200, 1u32..=366).prop_map(|(year, ordinal)| {
            NaiveDate::from_yo_opt(year, ordinal)
                .unwrap_or_else(|| NaiveDate::from_yo_opt(year, 365).unwrap())
        })
    }

    fn any_closing_day() -> impl Strategy<Value = ClosingDay> {
        let rule = prop_oneof![
            any_date().prop_map(ClosingRule::Once),
            (1u32..=12, 1u32..=28).prop_map(|(month, day)| ClosingRule::Yearly { month, day }),
            (-60i64..=60).prop_map(ClosingRule::Easter),
        ];
        rule.prop_map(|rule| ClosingDay {
            rule,
            name: CLOSING_DAY.into(),
        })
    }

    /// The Danish holidays with up to six local closing days of any kind.
    fn any_days_off() -> impl Strategy<Value = DaysOff> {
        proptest::collection::vec(any_closing_day(), 0..6).prop_map(DaysOff::new)
    }

    proptest! {
        #[test]
        fn add_workdays_lands_on_a_workday_n_workdays_away(
            off in any_days_off(), date in any_date(), n in 1i32..2000,
        ) {
            let later = off.add_workdays(date, n);
            prop_assert!(off.is_workday(later));
            prop_assert_eq!(off.workdays_between(date, later), i64::from(n));
            let earlier = off.add_workdays(date, -n);
            prop_assert!(off.is_workday(earlier));
            prop_assert_eq!(off.workdays_between(date, earlier), -i64::from(n));
        }

        #[test]
        fn add_workdays_matches_counting_day_by_day(
            off in any_days_off(), date in any_date(), n in -400i32..400,
        ) {
            prop_assume!(n != 0);
            prop_assert_eq!(off.add_workdays(date, n), slow_add(&off, date, n));
        }

        #[test]
        fn workdays_between_matches_counting_day_by_day(
            off in any_days_off(), a in any_date(), span in -800i64..800,
        ) {
            let b = if span >= 0 {
                a.checked_add_days(Days::new(span as u64)).unwrap()
            } else {
                a.checked_sub_days(Days::new(span.unsigned_abs())).unwrap()
            };
            prop_assert_eq!(off.workdays_between(a, b), slow_between(&off, a, b));
        }

        #[test]
        fn next_workday_is_strictly_after_and_skips_only_days_off(
            off in any_days_off(), date in any_date(),
        ) {
            let next = off.next_workday(date);
            prop_assert!(next > date);
            prop_assert!(off.is_workday(next));
            prop_assert_eq!(off.workdays_between(date, next), 1);
        }

        #[test]
        fn a_closing_day_is_never_a_working_day(off in any_days_off(), year in 1900i32..2200) {
            for (date, _) in off.in_year(year) {
                prop_assert!(!off.is_workday(date), "{date}");
                prop_assert!(off.name(date).is_some());
            }
        }

        #[test]
        fn closing_day_text_never_panics(text in "\\PC{0,30}") {
            let _ = text.parse::<ClosingDay>();
        }
    }

    #[test]
    fn closing_days_read_dates_yearly_days_and_days_from_easter() {
        let parse = |t: &str| t.parse::<ClosingDay>().unwrap();
        assert_eq!(parse("2027-05-07").rule, ClosingRule::Once(d(2027, 5, 7)));
        assert_eq!(parse("2027-05-07").name, CLOSING_DAY);
        assert_eq!(
            parse("12-23 Lillejuleaften").rule,
            ClosingRule::Yearly { month: 12, day: 23 }
        );
        assert_eq!(parse("12-23 Lillejuleaften").name, "Lillejuleaften");
        assert_eq!(parse("easter+40").rule, ClosingRule::Easter(40));
        assert_eq!(parse("Påske-4").rule, ClosingRule::Easter(-4));
        for text in [
            "2027-05-07",
            "12-23 Lillejuleaften",
            "easter+40 Fredag",
            "easter-4",
            "easter",
        ] {
            assert_eq!(parse(text).to_string(), text);
        }
        for bad in [
            "",
            "tomorrow",
            "13-01",
            "02-30",
            "easter40",
            "easter+x",
            "easter+201",
            // The smallest i64: its absolute value overflows.
            "easter-9223372036854775808",
            "2027-02-30",
        ] {
            assert!(bad.parse::<ClosingDay>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn the_friday_after_ascension_2026_closes_and_deadlines_skip_it() {
        let off = DaysOff::new(vec![
            "easter+40 Fredag efter Kristi himmelfart".parse().unwrap(),
            "2026-11-27".parse().unwrap(),
        ]);
        // Ascension is Thursday 14 May 2026: Wednesday + 1 is now Monday 18 May.
        assert_eq!(
            DaysOff::default().add_workdays(d(2026, 5, 13), 1),
            d(2026, 5, 15)
        );
        assert_eq!(off.add_workdays(d(2026, 5, 13), 1), d(2026, 5, 18));
        assert_eq!(
            off.name(d(2026, 5, 15)),
            Some("Fredag efter Kristi himmelfart")
        );
        assert_eq!(off.name(d(2026, 11, 27)), Some(CLOSING_DAY));
        assert_eq!(off.workdays_between(d(2026, 11, 23), d(2026, 11, 30)), 4);
        assert_eq!(off.next_workday(d(2026, 11, 26)), d(2026, 11, 30));
        // A one-off date closes only in its year.
        assert!(off.is_workday(d(2027, 11, 26)));
        let may: Vec<_> = off
            .in_year(2026)
            .into_iter()
            .filter(|(date, _)| date.month() == 5)
            .map(|(date, _)| date.day())
            .collect();
        assert_eq!(may, vec![14, 15, 24, 25]);
    }
}
