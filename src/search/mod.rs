//! Text matching for finders and pickers: normalisation plus a fuzzy matcher behind a trait.
//!
//! fuzzy-matcher folds case for ASCII only, so both sides are normalised first: lowercase,
//! accents stripped, and the Danish letters spelled the way a plain keyboard types them
//! (`æ` → `ae`, `ø` → `oe`, `å` → `aa`), so "soeren" finds Søren and "aase" finds Åse. A query
//! typed without the doubled vowel ("soren") still matches, as fuzzy matching skips letters.
//!
//! [`SearchIndex`] is the finder's index over cases, contacts and upcoming meetings.

mod entries;
mod index;
mod score;
mod text;

pub use index::{Filter, Hit, HitKind, SearchIndex, Target};
pub use text::{MappedText, loosen, normalise_mapped};

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lowercase, strip accents and spell æ, ø, å (and ä, ö, ü) in ASCII.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_normalised(c, &mut out);
    }
    out
}

/// Appends the normalised spelling of one source character.
fn push_normalised(c: char, out: &mut String) {
    // Most letters of names are ASCII: the finder's index normalises every name it holds.
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    for c in c.to_lowercase() {
        match c {
            'æ' | 'ä' => out.push_str("ae"),
            'ø' | 'ö' => out.push_str("oe"),
            'å' => out.push_str("aa"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c if c.is_ascii() => out.push(c),
            _ => {
                let mut buf = [0u8; 4];
                out.extend(
                    c.encode_utf8(&mut buf)
                        .nfd()
                        .filter(|c| !is_combining_mark(*c)),
                );
            }
        }
    }
}

/// A text in the two spellings the filters compare: normalised ("soeren") and loosened ("soren").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Spellings {
    normal: String,
    loose: String,
}

impl Spellings {
    pub fn of(text: &str) -> Spellings {
        Spellings {
            normal: normalise(text),
            loose: loosen(text),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.normal.is_empty()
    }

    /// Whether `word` occurs in this text in either spelling: "soren", "søren" and "soeren" all
    /// find "Søren", "bak" finds "Bæk".
    pub fn contains(&self, word: &Spellings) -> bool {
        self.normal.contains(&word.normal) || self.loose.contains(&word.loose)
    }
}

/// Only the digits of a phone number, without a +45 or 0045 prefix: "+45 20 12 34 56" → "20123456".
pub fn phone_digits(text: &str) -> String {
    let mut out = String::new();
    push_phone_digits(text, &mut out);
    out
}

/// Appends [`phone_digits`] of `text` to `out`.
fn push_phone_digits(text: &str, out: &mut String) {
    let start = out.len();
    out.extend(text.chars().filter(char::is_ascii_digit));
    let prefix = if text.trim_start().starts_with('+') {
        "45"
    } else {
        "0045"
    };
    if out[start..].starts_with(prefix) {
        out.replace_range(start..start + prefix.len(), "");
    }
}

/// Scores how well a normalised query matches a normalised candidate; higher is better.
pub trait Matcher {
    fn score(&self, candidate: &str, query: &str) -> Option<i64>;

    /// The score and the char indices of `candidate` that matched, for highlighting.
    fn indices(&self, candidate: &str, query: &str) -> Option<(i64, Vec<usize>)> {
        self.score(candidate, query).map(|s| (s, Vec::new()))
    }
}

/// The skim algorithm from fuzzy-matcher.
#[derive(Default)]
pub struct Fuzzy(SkimMatcherV2);

impl Matcher for Fuzzy {
    fn score(&self, candidate: &str, query: &str) -> Option<i64> {
        self.0.fuzzy_match(candidate, query)
    }

    fn indices(&self, candidate: &str, query: &str) -> Option<(i64, Vec<usize>)> {
        self.0.fuzzy_indices(candidate, query)
    }
}

/// The indices of `items` whose text matches `query`, best first (ties keep the input order).
/// An empty query keeps every item in order.
pub fn rank<'a, T>(
    matcher: &dyn Matcher,
    items: impl IntoIterator<Item = &'a T>,
    text: impl Fn(&T) -> String,
    query: &str,
) -> Vec<(usize, i64)>
where
    T: 'a,
{
    let query = normalise(query.trim());
    let mut hits: Vec<(usize, i64)> = items
        .into_iter()
        .enumerate()
        .filter_map(|(i, item)| {
            if query.is_empty() {
                return Some((i, 0));
            }
            matcher
                .score(&normalise(&text(item)), &query)
                .map(|s| (i, s))
        })
        .collect();
    hits.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn best<'a>(names: &[&'a str], query: &str) -> Option<&'a str> {
        rank(&Fuzzy::default(), names, |n| n.to_string(), query)
            .first()
            .map(|(i, _)| names[*i])
    }

    #[test]
    fn a_typed_word_is_found_in_either_spelling() {
        let name = Spellings::of("Søren Bæk");
        for word in ["soren", "søren", "SOEREN", "bak", "bæk", "baek", "ren b"] {
            assert!(name.contains(&Spellings::of(word)), "{word}");
        }
        for word in ["sorn", "berg", "søren x"] {
            assert!(!name.contains(&Spellings::of(word)), "{word}");
        }
    }

    #[test]
    fn accents_and_case_fold() {
        assert_eq!(normalise("JOSÉ Müller"), "jose mueller");
        assert_eq!(
            best(&["Anders Holm", "José Nørgaard"], "jose"),
            Some("José Nørgaard")
        );
        assert_eq!(
            best(&["Anders Holm", "Karin Müller"], "muller"),
            Some("Karin Müller")
        );
        assert_eq!(
            best(&["Anders Holm", "Jürgen Møller"], "jurgen"),
            Some("Jürgen Møller")
        );
    }

    #[test]
    fn danish_letters_from_a_plain_keyboard() {
        let names = ["Anders Holm", "Søren Østergaard", "Åse Bæk"];
        assert_eq!(best(&names, "soeren"), Some("Søren Østergaard"));
        assert_eq!(best(&names, "soren"), Some("Søren Østergaard"));
        assert_eq!(best(&names, "aase"), Some("Åse Bæk"));
        assert_eq!(best(&names, "baek"), Some("Åse Bæk"));
        assert_eq!(best(&names, "øster"), Some("Søren Østergaard"));
    }

    proptest::proptest! {
        /// The ASCII shortcut (#21) spells every text as the letter-by-letter rule does.
        #[test]
        fn normalising_any_text_is_the_rule_letter_by_letter(text in "[ -~æøåÆØÅéüöäßİ]{0,24}") {
            let mut slow = String::new();
            for c in text.chars().flat_map(char::to_lowercase) {
                match c {
                    'æ' | 'ä' => slow.push_str("ae"),
                    'ø' | 'ö' => slow.push_str("oe"),
                    'å' => slow.push_str("aa"),
                    'ü' => slow.push_str("ue"),
                    'ß' => slow.push_str("ss"),
                    c if c.is_ascii() => slow.push(c),
                    c => slow.extend(c.to_string().nfd().filter(|c| !is_combining_mark(*c))),
                }
            }
            proptest::prop_assert_eq!(&normalise(&text), &slow);
            let mapped = normalise_mapped(&text);
            proptest::prop_assert_eq!(&mapped.text, &slow);
            proptest::prop_assert_eq!(mapped.map.len(), slow.chars().count());
        }
    }

    #[test]
    fn phone_digits_ignore_spacing_and_country_prefix() {
        assert_eq!(phone_digits("+45 20 12 34 56"), "20123456");
        assert_eq!(phone_digits("0045 20123456"), "20123456");
        assert_eq!(phone_digits("20 12 34 56"), "20123456");
        assert_eq!(phone_digits("4520123456"), "4520123456");
    }

    #[test]
    fn no_match_is_left_out_and_empty_query_keeps_order() {
        let names = ["Mette Kjær", "Ahmad Rasmussen"];
        assert!(rank(&Fuzzy::default(), &names, |n| n.to_string(), "zzz").is_empty());
        let all = rank(&Fuzzy::default(), &names, |n| n.to_string(), "");
        assert_eq!(all.iter().map(|h| h.0).collect::<Vec<_>>(), vec![0, 1]);
    }
}
