//! Danish public holidays and working days, for deadlines counted in working days.
//!
//! A working day is Monday to Friday and not a holiday below. Besides the statutory holidays
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

/// Monday to Friday and not a holiday.
pub fn is_workday(date: NaiveDate) -> bool {
    !is_weekend(date) && !is_holiday(date)
}

/// The first working day strictly after `date` (the last date of the calendar if none).
pub fn next_workday(date: NaiveDate) -> NaiveDate {
    let mut day = date;
    while let Some(next) = day.succ_opt() {
        if is_workday(next) {
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
pub fn add_workdays(date: NaiveDate, n: i32) -> NaiveDate {
    checked_add_workdays(date, n).unwrap_or(if n < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    })
}

/// [`add_workdays`], or `None` past the ends of the calendar.
pub fn checked_add_workdays(date: NaiveDate, n: i32) -> Option<NaiveDate> {
    if n == 0 {
        return if is_workday(date) {
            Some(date)
        } else {
            let next = next_workday(date);
            (next != date).then_some(next)
        };
    }
    let forward = n > 0;
    let mut left = i64::from(n).abs();
    let mut day = date;
    // Long distances jump whole weeks first: w weeks hold at most 5w working days, so a jump
    // of (left - 1) / 5 weeks never overshoots and the day-by-day finish stays short.
    while left > 10 {
        let weeks = ((left - 1) / 5) as u64;
        let target = if forward {
            day.checked_add_days(Days::new(weeks * 7))?
        } else {
            day.checked_sub_days(Days::new(weeks * 7))?
        };
        left -= workdays_between(day, target).abs();
        day = target;
    }
    while left > 0 {
        day = if forward {
            day.succ_opt()?
        } else {
            day.pred_opt()?
        };
        if is_workday(day) {
            left -= 1;
        }
    }
    Some(day)
}

/// Working days from `a` to `b`, counted so that `workdays_between(d, add_workdays(d, n)) == n`
/// for every `n != 0`: for `b >= a`, the working days in `a < day <= b`; for `b < a`, minus
/// the working days in `b <= day < a`. Monday to Wednesday is 2.
pub fn workdays_between(a: NaiveDate, b: NaiveDate) -> i64 {
    if b >= a {
        // (a, b] = [a, b) without a, with b.
        workdays_from_to(a, b) - i64::from(is_workday(a)) + i64::from(is_workday(b))
    } else {
        -workdays_from_to(b, a)
    }
}

/// Working days in `lo <= day < hi` (`lo <= hi`), without walking the days.
fn workdays_from_to(lo: NaiveDate, hi: NaiveDate) -> i64 {
    let mut count = weekdays_before(hi) - weekdays_before(lo);
    for year in lo.year()..=hi.year() {
        let mut days: Vec<NaiveDate> = holidays(year)
            .into_iter()
            .map(|(date, _)| date)
            .filter(|date| *date >= lo && *date < hi && !is_weekend(*date))
            .collect();
        days.dedup();
        count -= days.len() as i64;
    }
    count
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
        assert!(!is_workday(d(2023, 5, 5)));
        assert!(!names(2024).contains(&"Store bededag"));
        assert!(!names(2026).contains(&"Store bededag"));
        // The Friday that would have been Store bededag in 2024 and 2026 is a working day.
        assert!(is_workday(d(2024, 4, 26)));
        assert!(is_workday(d(2026, 5, 1)));
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
        assert_eq!(workdays_between(d(2022, 6, 3), d(2022, 6, 7)), 1);
    }

    #[test]
    fn deadline_before_whit_monday_2026() {
        // Friday 22 May 2026, then Whitsun weekend and 2. pinsedag Monday 25 May.
        let friday = d(2026, 5, 22);
        assert!(is_workday(friday));
        assert!(!is_workday(d(2026, 5, 25)));
        assert_eq!(next_workday(friday), d(2026, 5, 26));
        assert_eq!(add_workdays(friday, 1), d(2026, 5, 26));
        assert_eq!(add_workdays(d(2026, 5, 26), -1), friday);
        // A deadline 3 working days after Wednesday 20 May lands on Tuesday 26 May.
        assert_eq!(add_workdays(d(2026, 5, 20), 3), d(2026, 5, 26));
        // Kristi himmelfartsdag Thursday 14 May: Wednesday + 1 is Friday.
        assert_eq!(add_workdays(d(2026, 5, 13), 1), d(2026, 5, 15));
    }

    #[test]
    fn christmas_2026() {
        // Thu 24, Fri 25, Sat 26 Dec, Thu 31 Dec and Fri 1 Jan are all days off.
        for day in [24, 25, 26, 27, 31] {
            assert!(!is_workday(d(2026, 12, day)), "{day} Dec");
        }
        assert!(!is_workday(d(2027, 1, 1)));
        assert_eq!(next_workday(d(2026, 12, 23)), d(2026, 12, 28));
        // Wed 23 Dec + 3: Mon 28, Tue 29, Wed 30; the 4th is Monday 4 January.
        assert_eq!(add_workdays(d(2026, 12, 23), 3), d(2026, 12, 30));
        assert_eq!(add_workdays(d(2026, 12, 23), 4), d(2027, 1, 4));
        assert_eq!(workdays_between(d(2026, 12, 23), d(2027, 1, 4)), 4);
    }

    #[test]
    fn add_workdays_over_easter_2026() {
        assert_eq!(add_workdays(d(2026, 4, 1), 1), d(2026, 4, 7));
        assert_eq!(add_workdays(d(2026, 4, 7), -1), d(2026, 4, 1));
        assert_eq!(workdays_between(d(2026, 4, 1), d(2026, 4, 7)), 1);
        assert_eq!(workdays_between(d(2026, 4, 7), d(2026, 4, 1)), -1);
    }

    #[test]
    fn add_zero_workdays() {
        assert_eq!(add_workdays(d(2026, 4, 1), 0), d(2026, 4, 1));
        // Good Friday → Tuesday after Easter.
        assert_eq!(add_workdays(d(2026, 4, 3), 0), d(2026, 4, 7));
        // Saturday → Monday.
        assert_eq!(add_workdays(d(2026, 11, 21), 0), d(2026, 11, 23));
    }

    #[test]
    fn workdays_between_simple_cases() {
        let monday = d(2026, 11, 23);
        assert_eq!(workdays_between(monday, monday), 0);
        assert_eq!(workdays_between(monday, d(2026, 11, 25)), 2);
        assert_eq!(workdays_between(monday, d(2026, 11, 30)), 5);
        assert_eq!(workdays_between(d(2026, 11, 21), d(2026, 11, 22)), 0);
        // 2026 has 261 weekdays; the holidays on weekdays are not working days.
        let weekday_holidays = holidays(2026)
            .iter()
            .filter(|(date, _)| !is_weekend(*date))
            .count() as i64;
        assert_eq!(weekday_holidays, 10);
        assert_eq!(
            workdays_between(d(2025, 12, 31), d(2026, 12, 31)),
            261 - weekday_holidays
        );
    }

    #[test]
    fn extremes_do_not_panic() {
        assert_eq!(add_workdays(NaiveDate::MAX, 5), NaiveDate::MAX);
        assert_eq!(add_workdays(NaiveDate::MIN, -5), NaiveDate::MIN);
        let _ = next_workday(NaiveDate::MAX);
        let _ = holidays(NaiveDate::MAX.year());
        let _ = holidays(NaiveDate::MIN.year());
        let _ = add_workdays(d(2026, 1, 1), i32::MAX);
        let _ = add_workdays(d(2026, 1, 1), i32::MIN);
    }

    /// Day by day, for comparing with the fast count.
    fn slow_between(a: NaiveDate, b: NaiveDate) -> i64 {
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
            if is_workday(counted) {
                count += 1;
            }
            day = day.succ_opt().unwrap();
        }
        sign * count
    }

    fn slow_add(date: NaiveDate, n: i32) -> NaiveDate {
        let mut day = date;
        let mut left = n.abs();
        while left > 0 {
            day = if n > 0 {
                day.succ_opt().unwrap()
            } else {
                day.pred_opt().unwrap()
            };
            if is_workday(day) {
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

    proptest! {
        #[test]
        fn add_workdays_lands_on_a_workday_n_workdays_away(date in any_date(), n in 1i32..2000) {
            let later = add_workdays(date, n);
            prop_assert!(is_workday(later));
            prop_assert_eq!(workdays_between(date, later), i64::from(n));
            let earlier = add_workdays(date, -n);
            prop_assert!(is_workday(earlier));
            prop_assert_eq!(workdays_between(date, earlier), -i64::from(n));
        }

        #[test]
        fn add_workdays_matches_counting_day_by_day(date in any_date(), n in -400i32..400) {
            prop_assume!(n != 0);
            prop_assert_eq!(add_workdays(date, n), slow_add(date, n));
        }

        #[test]
        fn workdays_between_matches_counting_day_by_day(a in any_date(), span in -800i64..800) {
            let b = if span >= 0 {
                a.checked_add_days(Days::new(span as u64)).unwrap()
            } else {
                a.checked_sub_days(Days::new(span.unsigned_abs())).unwrap()
            };
            prop_assert_eq!(workdays_between(a, b), slow_between(a, b));
        }

        #[test]
        fn next_workday_is_strictly_after_and_skips_only_days_off(date in any_date()) {
            let next = next_workday(date);
            prop_assert!(next > date);
            prop_assert!(is_workday(next));
            prop_assert_eq!(workdays_between(date, next), 1);
        }
    }
}
