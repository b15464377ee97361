//! Keymap file errors: what is wrong and where (file, line, column).

use std::fmt;

/// A keymap file that cannot be used, with the position of the offending text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}:{column}: {kind}")]
pub struct KeymapError {
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    pub kind: KeymapErrorKind,
}

/// What is wrong in a keymap file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeymapErrorKind {
    #[error("{0}")]
    Syntax(String),
    #[error("unknown layer [{layer}]{suggestion}; the layers are {known}")]
    UnknownLayer {
        layer: String,
        suggestion: Suggestion,
        known: String,
    },
    #[error("unknown action \"{action}\"{suggestion}")]
    UnknownAction {
        action: String,
        suggestion: Suggestion,
    },
    #[error("unknown key \"{key}\"{hint}")]
    UnknownKey { key: String, hint: KeyHint },
    #[error("empty key sequence")]
    EmptySequence,
    #[error("the binding for \"{keys}\" has no desc")]
    MissingDesc { keys: String },
    #[error("\"{keys}\" is bound and also starts \"{longer}\" in [{layer}]; unbind one of them")]
    PrefixConflict {
        keys: String,
        longer: String,
        layer: String,
    },
    #[error("\"{keys}\" is bound twice in [{layer}]")]
    DuplicateKey { keys: String, layer: String },
    #[error("unknown field \"{field}\"{suggestion}")]
    UnknownField {
        field: String,
        suggestion: Suggestion,
    },
    #[error("missing field \"{field}\"")]
    MissingField { field: String },
    #[error("{what} must be {expected}")]
    WrongType { what: String, expected: String },
}

/// An optional "did you mean" tail of a message.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Suggestion(pub Option<String>);

impl Suggestion {
    /// The known name closest to `wrong`, if it is close enough to be a likely typo.
    pub fn closest<'a>(wrong: &str, known: impl IntoIterator<Item = &'a str>) -> Self {
        let best = known
            .into_iter()
            .map(|name| (edit_distance(wrong, name), name))
            .min_by_key(|(distance, _)| *distance);
        let limit = (wrong.chars().count() / 3).max(2);
        Suggestion(
            best.filter(|(distance, _)| *distance <= limit)
                .map(|(_, name)| name.to_string()),
        )
    }
}

impl fmt::Display for Suggestion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Some(name) => write!(f, "; did you mean \"{name}\"?"),
            None => Ok(()),
        }
    }
}

/// A hint for a key name that looks like a sequence written without spaces (`gg`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct KeyHint(pub Option<String>);

impl fmt::Display for KeyHint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Some(spaced) => write!(f, "; a sequence is written with spaces: \"{spaced}\""),
            None => Ok(()),
        }
    }
}

/// Levenshtein distance over characters.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = Vec::with_capacity(b.len() + 1);
        current.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            let deletion = previous[j + 1] + 1;
            let insertion = current[j] + 1;
            current.push(substitution.min(deletion).min(insertion));
        }
        previous = current;
    }
    previous[b.len()]
}

/// 1-based line and character column of a byte offset (clamped to the text).
pub(crate) fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance() {
        assert_eq!(edit_distance("selct_next", "select_next"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn suggestion_only_when_close() {
        let known = ["select_next", "select_prev", "quit"];
        assert_eq!(
            Suggestion::closest("selct_next", known).0.as_deref(),
            Some("select_next")
        );
        assert_eq!(Suggestion::closest("frobnicate", known).0, None);
    }

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let text = "ab\næøå x\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 3), (2, 1));
        // "æøå " is 7 bytes, 4 characters.
        assert_eq!(line_column(text, 3 + 7), (2, 5));
        assert_eq!(line_column(text, 1000), (3, 1));
    }

    #[test]
    fn message_format() {
        let error = KeymapError {
            file: "keymap.toml".into(),
            line: 12,
            column: 8,
            kind: KeymapErrorKind::UnknownAction {
                action: "selct_next".into(),
                suggestion: Suggestion(Some("select_next".into())),
            },
        };
        assert_eq!(
            error.to_string(),
            "keymap.toml:12:8: unknown action \"selct_next\"; did you mean \"select_next\"?"
        );
    }
}
