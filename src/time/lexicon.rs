//! The words the date parser knows, in Danish and English, and how typed words are normalised
//! before they are looked up.

use chrono::Weekday;
use unicode_normalization::UnicodeNormalization;

/// Normalises one typed word: NFC, lowercase, and the Danish letters spelled the ASCII way
/// (`æ` → `ae`, `ø` → `oe`, `å` → `aa`), so "lørdag", "LØRDAG" and "loerdag" look the same.
/// German/Swedish `ä`/`ö` fold the same way, as Danes sometimes type them.
pub(crate) fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.nfc().flat_map(char::to_lowercase) {
        match c {
            'æ' | 'ä' => out.push_str("ae"),
            'ø' | 'ö' => out.push_str("oe"),
            'å' => out.push_str("aa"),
            _ => out.push(c),
        }
    }
    out
}

/// A word without one trailing full stop ("tir." → "tir", "nov." → "nov").
fn bare(word: &str) -> &str {
    word.strip_suffix('.').unwrap_or(word)
}

/// A weekday name or abbreviation (folded word). Two-letter forms are left out on purpose:
/// "to" and "on" are ordinary words.
pub(crate) fn weekday(word: &str) -> Option<Weekday> {
    Some(match bare(word) {
        "man" | "mandag" | "mon" | "monday" => Weekday::Mon,
        "tir" | "tirs" | "tirsdag" | "tue" | "tues" | "tuesday" => Weekday::Tue,
        "ons" | "onsdag" | "wed" | "weds" | "wednesday" => Weekday::Wed,
        "tor" | "tors" | "torsdag" | "thu" | "thur" | "thurs" | "thursday" => Weekday::Thu,
        "fre" | "fredag" | "fri" | "friday" => Weekday::Fri,
        // "lør" folds to "loer"; "lor" is the spelling without the ø.
        "loer" | "lor" | "loerdag" | "lordag" | "sat" | "saturday" => Weekday::Sat,
        "soen" | "son" | "soendag" | "sondag" | "sun" | "sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// A month name or abbreviation (folded word), 1–12.
pub(crate) fn month(word: &str) -> Option<u32> {
    Some(match bare(word) {
        "jan" | "januar" | "january" => 1,
        "feb" | "februar" | "february" => 2,
        "mar" | "marts" | "march" => 3,
        "apr" | "april" => 4,
        "maj" | "may" => 5,
        "jun" | "juni" | "june" => 6,
        "jul" | "juli" | "july" => 7,
        "aug" | "august" => 8,
        "sep" | "sept" | "september" => 9,
        "okt" | "oct" | "oktober" | "october" => 10,
        "nov" | "november" => 11,
        "dec" | "december" => 12,
        _ => return None,
    })
}

/// Days from today named by a word that stands alone ("idag", "tomorrow", ...).
pub(crate) fn day_word(word: &str) -> Option<i64> {
    Some(match word {
        "idag" | "today" => 0,
        "imorgen" | "tomorrow" => 1,
        "overmorgen" | "iovermorgen" => 2,
        "igaar" | "igar" | "yesterday" => -1,
        _ => return None,
    })
}

/// Days from today named by the word after "i" ("i dag", "i morgen", ...).
pub(crate) fn day_after_i(word: &str) -> Option<i64> {
    Some(match word {
        "dag" => 0,
        "morgen" => 1,
        "overmorgen" => 2,
        "gaar" | "gar" => -1,
        _ => return None,
    })
}

/// "næste"/"next" before a weekday.
pub(crate) fn is_next(word: &str) -> bool {
    matches!(word, "naeste" | "next")
}

/// "kl"/"kl."/"klokken" before a time.
pub(crate) fn is_clock(word: &str) -> bool {
    matches!(word, "kl" | "kl." | "klokken")
}

/// Words that only make sense together with the next word; error messages quote both.
pub(crate) fn is_prefix(word: &str) -> bool {
    word == "i" || is_next(word) || is_clock(word) || is_in(word) || is_week(word)
}

/// "om"/"in" before a distance in time ("om 2 uger", "in 14 days").
pub(crate) fn is_in(word: &str) -> bool {
    matches!(word, "om" | "in")
}

/// "uge"/"week" before a week number ("uge 49", "week 49").
pub(crate) fn is_week(word: &str) -> bool {
    matches!(bare(word), "uge" | "week" | "wk")
}

/// A small count written as a word ("en uge", "to dage", "a week"); digits are read elsewhere.
pub(crate) fn count_word(word: &str) -> Option<u32> {
    Some(match word {
        "en" | "et" | "a" | "an" | "one" => 1,
        "to" | "two" => 2,
        "tre" | "three" => 3,
        "fire" | "four" => 4,
        _ => return None,
    })
}

/// The unit of a distance in time: calendar days, weeks, months, or working days (weekends
/// and Danish public holidays skipped).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Span {
    Days,
    Weeks,
    Months,
    Workdays,
}

/// A unit of a distance in time, one word ("dage", "uger", "arbejdsdage", "weeks", "wd").
pub(crate) fn span(word: &str) -> Option<Span> {
    Some(match bare(word) {
        "d" | "dag" | "dage" | "day" | "days" => Span::Days,
        "u" | "uge" | "uger" | "w" | "wk" | "wks" | "week" | "weeks" => Span::Weeks,
        "md" | "mdr" | "maaned" | "maaneder" | "maned" | "maneder" | "month" | "months" => {
            Span::Months
        }
        "ad" | "arbejdsdag" | "arbejdsdage" | "hverdag" | "hverdage" | "wd" | "workday"
        | "workdays" => Span::Workdays,
        _ => return None,
    })
}

/// The first word of a two-word working-day unit ("working days", "business days").
pub(crate) fn is_working(word: &str) -> bool {
    matches!(word, "working" | "business")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Minutes,
    Hours,
}

/// A unit of a duration ("min", "t", "timer", "h", ...).
pub(crate) fn unit(word: &str) -> Option<Unit> {
    match bare(word) {
        "m" | "min" | "mins" | "minut" | "minutter" | "minute" | "minutes" => Some(Unit::Minutes),
        "t" | "h" | "time" | "timer" | "hour" | "hours" | "hr" | "hrs" => Some(Unit::Hours),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_lowercases_composes_and_spells_danish_letters_in_ascii() {
        assert_eq!(fold("LØRDAG"), "loerdag");
        assert_eq!(fold("Næste"), "naeste");
        assert_eq!(fold("I GÅR"), "i gaar");
        // "å" typed as a + combining ring composes first.
        assert_eq!(fold("i ga\u{30a}r"), "i gaar");
        assert_eq!(fold("Søn."), "soen.");
    }

    #[test]
    fn weekday_words_in_both_languages() {
        for (word, day) in [
            ("man", Weekday::Mon),
            ("tirsdag", Weekday::Tue),
            ("tue", Weekday::Tue),
            ("ons.", Weekday::Wed),
            ("thurs", Weekday::Thu),
            ("fre", Weekday::Fri),
            ("loer", Weekday::Sat),
            ("lor", Weekday::Sat),
            ("loerdag", Weekday::Sat),
            ("soen", Weekday::Sun),
            ("son", Weekday::Sun),
            ("sunday", Weekday::Sun),
        ] {
            assert_eq!(weekday(word), Some(day), "{word}");
        }
        assert_eq!(weekday("to"), None);
        assert_eq!(weekday("tirsdog"), None);
    }

    #[test]
    fn month_words_in_both_languages() {
        assert_eq!(month("maj"), Some(5));
        assert_eq!(month("may"), Some(5));
        assert_eq!(month("okt."), Some(10));
        assert_eq!(month("oct"), Some(10));
        assert_eq!(month("marts"), Some(3));
        assert_eq!(month("december"), Some(12));
        assert_eq!(month("mandag"), None);
    }
}
