//! The cheap tests and scores of a keystroke: initials, word starts, subsequences, digits.

use super::phone_digits;

/// The initials bit of a word's first byte: a–z, 0–9, or one bit for anything else.
pub(super) fn initial_bit(byte: u8) -> u64 {
    match byte {
        b'a'..=b'z' => 1 << (byte - b'a'),
        b'0'..=b'9' => 1 << (26 + byte - b'0'),
        _ => 1 << 63,
    }
}

/// The initials bits of every word of `text`.
pub(super) fn initials_of(text: &str) -> u64 {
    text.split(|c: char| !c.is_alphanumeric())
        .filter_map(|w| w.bytes().next())
        .fold(0, |bits, b| bits | initial_bit(b))
}

/// The initials bit a word needs to start a title word (the loose spelling starts alike).
pub(super) fn word_bit(word: &str) -> u64 {
    word.bytes().next().map_or(0, initial_bit)
}

/// The digits of a query made only of digits and phone punctuation, else `None`.
pub(super) fn digit_query(query: &str) -> Option<String> {
    let phone_like = query
        .chars()
        .all(|c| c.is_ascii_digit() || c.is_whitespace() || "+-()/.".contains(c));
    let digits = phone_digits(query);
    (phone_like && !digits.is_empty()).then_some(digits)
}

/// Whole number > start > middle; a case reference a little below a phone.
pub(super) fn phone_score(phones: &str, reference: &str, digits: &str) -> Option<i64> {
    let phone = phones
        .split('|')
        .filter_map(|p| match () {
            _ if p == digits => Some(3000),
            _ if p.starts_with(digits) => Some(2000),
            _ if p.contains(digits) => Some(1000),
            _ => None,
        })
        .max();
    let reference = match reference {
        "" => None,
        r if r == digits => Some(2500),
        r if r.starts_with(digits) => Some(1500),
        r if r.contains(digits) => Some(900),
        _ => None,
    };
    phone.max(reference)
}

/// When `word`, the `nth` of the query, (or its loose spelling) starts a word of the title: a
/// bonus (500–1020, below the index's prefix tier) that prefers the word the query nearly completes, then the
/// title word in the same place as the query word ("hol lar" → Holger Larsen).
/// `title_loose` is empty when the title has no letters to loosen.
pub(super) fn prefix_bonus(
    title: &str,
    title_loose: &str,
    nth: usize,
    word: &str,
    loose: &str,
) -> Option<i64> {
    let found = word_starting(title, word).or_else(|| {
        let loose_title = if title_loose.is_empty() {
            title
        } else {
            title_loose
        };
        if loose == word && loose_title == title {
            return None;
        }
        word_starting(loose_title, loose)
    })?;
    let (position, rest) = found;
    let in_place = if position == nth { 20 } else { 0 };
    Some(1000 - 10 * rest.min(50) as i64 + in_place)
}

/// The index of the first word of `text` that starts with `word` and how many bytes of it
/// are left over.
pub(super) fn word_starting(text: &str, word: &str) -> Option<(usize, usize)> {
    let (text, word) = (text.as_bytes(), word.as_bytes());
    if word.is_empty() {
        return None;
    }
    let mut at_start = true;
    let mut index = 0;
    for (i, &b) in text.iter().enumerate() {
        let in_word = b.is_ascii_alphanumeric() || b >= 0x80;
        if in_word && at_start {
            if text[i..].starts_with(word) {
                let len = text[i..]
                    .iter()
                    .take_while(|&&b| b.is_ascii_alphanumeric() || b >= 0x80)
                    .count();
                return Some((index, len - word.len().min(len)));
            }
            index += 1;
        }
        at_start = !in_word;
    }
    None
}

/// Whether `needle`'s bytes appear in `hay` in order: a cheap test before the fuzzy matcher.
pub(super) fn is_subsequence(hay: &[u8], needle: &[u8]) -> bool {
    let mut rest = hay.iter();
    needle.iter().all(|n| rest.any(|h| h == n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_starts_and_what_is_left_of_the_word() {
        assert_eq!(word_starting("soeren oestergaard", "oe"), Some((1, 9)));
        assert_eq!(word_starting("soeren oestergaard", "soeren"), Some((0, 0)));
        assert_eq!(word_starting("anne-marie holm", "marie"), Some((1, 0)));
        assert_eq!(word_starting("jensen", "sen"), None);
        assert_eq!(word_starting("jensen", ""), None);
    }

    #[test]
    fn loose_spelling_counts_as_a_word_start() {
        assert!(prefix_bonus("soeren", "soren", 0, "soren", "soren").is_some());
        assert!(prefix_bonus("soeren", "soren", 0, "sor", "sor").is_some());
        assert!(prefix_bonus("soeren", "soren", 0, "ren", "ren").is_none());
        let exact = prefix_bonus("mads lund", "", 0, "mads", "mads").unwrap();
        let partial = prefix_bonus("mads lund", "", 0, "ma", "ma").unwrap();
        let elsewhere = prefix_bonus("lund mads", "", 0, "mads", "mads").unwrap();
        assert!(exact > partial && exact > elsewhere);
    }

    #[test]
    fn initials_hold_every_word_start() {
        let bits = initials_of("soeren oestergaard 2026");
        for word in ["s", "oe", "2"] {
            assert_ne!(bits & word_bit(word), 0, "{word}");
        }
        assert_eq!(bits & word_bit("e"), 0);
    }

    #[test]
    fn digit_queries_are_digits_and_phone_punctuation() {
        assert_eq!(digit_query("+45 20 12-34 56").as_deref(), Some("20123456"));
        assert_eq!(digit_query("(20) 12 34 56").as_deref(), Some("20123456"));
        assert_eq!(digit_query("2b"), None);
        assert_eq!(digit_query("+ -"), None);
    }
}
