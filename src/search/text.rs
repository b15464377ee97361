//! Normalised text that remembers where each character came from, and a looser spelling.

use super::push_normalised;

/// A normalised text with, for each of its chars, the index of the source char it came from:
/// "Søren" → "soeren" with map `[0, 1, 1, 2, 3, 4]`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MappedText {
    pub text: String,
    pub map: Vec<u32>,
}

impl MappedText {
    /// The source char indices of the normalised char indices `matched`, sorted, without
    /// duplicates; indices beyond the text are ignored.
    pub fn source_indices(&self, matched: impl IntoIterator<Item = usize>) -> Vec<usize> {
        let mut out: Vec<usize> = matched
            .into_iter()
            .filter_map(|i| self.map.get(i).map(|&s| s as usize))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// [`normalise`](super::normalise) keeping the char-index map back to `text`.
pub fn normalise_mapped(text: &str) -> MappedText {
    let mut out = MappedText {
        text: String::with_capacity(text.len()),
        map: Vec::with_capacity(text.len()),
    };
    for (source, c) in text.chars().enumerate() {
        let source = u32::try_from(source).unwrap_or(u32::MAX);
        if c.is_ascii() {
            out.text.push(c.to_ascii_lowercase());
            out.map.push(source);
            continue;
        }
        let before = out.text.len();
        push_normalised(c, &mut out.text);
        let added = out.text[before..].chars().count();
        out.map.extend(std::iter::repeat_n(source, added));
    }
    out
}

/// Like [`normalise`](super::normalise) but with the Danish letters reduced to one plain
/// letter (ø → o, å → a, æ → a), the way a hurried caller's name is typed: "soren", "bak".
/// Used to recognise a typed word as the start of a name.
pub fn loosen(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_loose(text, &mut out);
    out
}

/// Appends [`loosen`] of `text` to `out`.
pub(super) fn push_loose(text: &str, out: &mut String) {
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'æ' | 'ä' | 'å' => out.push('a'),
            'ø' | 'ö' => out.push('o'),
            'ü' => out.push('u'),
            c => push_normalised(c, out),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_points_back_to_the_source_chars() {
        let m = normalise_mapped("Søren Østergaard");
        assert_eq!(m.text, "soeren oestergaard");
        assert_eq!(m.map.len(), m.text.chars().count());
        assert_eq!(&m.map[..7], &[0, 1, 1, 2, 3, 4, 5]);
        assert_eq!(m.map[7], 6, "the second o of ø is Ø");
        assert_eq!(m.map[8], 6);
        assert_eq!(m.map[9], 7);
        assert_eq!(m.source_indices([1, 2, 99]), vec![1]);
    }

    #[test]
    fn accents_map_one_to_one() {
        let m = normalise_mapped("José");
        assert_eq!(m.text, "jose");
        assert_eq!(m.map, vec![0, 1, 2, 3]);
    }

    #[test]
    fn loose_spelling_reduces_danish_letters() {
        assert_eq!(loosen("Søren Bæk Åse"), "soren bak ase");
        assert_eq!(loosen("José Müller"), "jose muller");
    }
}
