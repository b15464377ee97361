//! Key syntax: one key press (`ctrl-r`, `A`, `space`, `f5`) and sequences of them (`g t`).
//!
//! Text and terminal events meet in [`KeyPress`], which is normalised so that the same
//! physical key compares equal however the terminal reported it: an uppercase letter
//! implies shift, shift on any other printable character is dropped, shift-tab is backtab.

use std::fmt;
use std::str::FromStr;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One key with its modifiers, normalised (see the module comment).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyPress {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

/// Why a piece of text is not a key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyParseError {
    #[error("empty key")]
    Empty,
    #[error("unknown key \"{0}\"")]
    UnknownKey(String),
}

/// Modifier prefixes in canonical (display) order.
const MODIFIERS: [(&str, KeyModifiers); 6] = [
    ("ctrl", KeyModifiers::CONTROL),
    ("alt", KeyModifiers::ALT),
    ("shift", KeyModifiers::SHIFT),
    ("super", KeyModifiers::SUPER),
    ("hyper", KeyModifiers::HYPER),
    ("meta", KeyModifiers::META),
];

/// Named keys; the first name of a code is the canonical one.
const NAMED: [(&str, KeyCode); 17] = [
    ("space", KeyCode::Char(' ')),
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("escape", KeyCode::Esc),
];

impl KeyPress {
    /// A key press, normalised.
    pub fn new(code: KeyCode, modifiers: KeyModifiers) -> Self {
        normalise(code, modifiers)
    }

    /// A key without modifiers (an uppercase letter still means shift-letter).
    pub fn plain(code: KeyCode) -> Self {
        Self::new(code, KeyModifiers::NONE)
    }

    /// A printable character without modifiers.
    pub fn char(c: char) -> Self {
        Self::plain(KeyCode::Char(c))
    }

    /// Ctrl plus a character.
    pub fn ctrl(c: char) -> Self {
        Self::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    /// The escape key, which cancels a pending sequence.
    pub fn esc() -> Self {
        Self::plain(KeyCode::Esc)
    }
}

/// Ctrl+Alt on a printable character that is not an ASCII letter or digit is AltGr: a
/// Danish keyboard types `@ £ $ { [ ] } | € ~ \\` with AltGr, and Windows terminals report
/// AltGr as Ctrl+Alt (crossterm issues 820 and 917). Such a key is the character alone, as
/// gocui (lazygit) and helix read it; Ctrl+Alt on a letter or a digit stays a chord.
pub fn is_alt_gr(code: KeyCode, modifiers: KeyModifiers) -> bool {
    match code {
        KeyCode::Char(c) => {
            modifiers.contains(KeyModifiers::CONTROL | KeyModifiers::ALT)
                && !c.is_ascii_alphanumeric()
                && !c.is_control()
        }
        _ => false,
    }
}

/// A terminal's key event with AltGr read as the character it types ([`is_alt_gr`]).
pub fn without_alt_gr(mut event: KeyEvent) -> KeyEvent {
    if is_alt_gr(event.code, event.modifiers) {
        event
            .modifiers
            .remove(KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
    }
    event
}

fn normalise(code: KeyCode, modifiers: KeyModifiers) -> KeyPress {
    let mut code = code;
    let mut modifiers = modifiers;
    if is_alt_gr(code, modifiers) {
        modifiers.remove(KeyModifiers::CONTROL | KeyModifiers::ALT);
    }
    match code {
        KeyCode::Char(c) if modifiers.contains(KeyModifiers::SHIFT) => {
            // Some terminals send `a`+SHIFT, others `A`+SHIFT, others `A`: all become `A`.
            let mut upper = c.to_uppercase();
            if let (Some(u), None) = (upper.next(), upper.next()) {
                code = KeyCode::Char(u);
            }
            modifiers.remove(KeyModifiers::SHIFT);
        }
        KeyCode::Tab if modifiers.contains(KeyModifiers::SHIFT) => {
            code = KeyCode::BackTab;
            modifiers.remove(KeyModifiers::SHIFT);
        }
        KeyCode::BackTab => modifiers.remove(KeyModifiers::SHIFT),
        _ => {}
    }
    KeyPress { code, modifiers }
}

impl From<KeyEvent> for KeyPress {
    fn from(event: KeyEvent) -> Self {
        Self::new(event.code, event.modifiers)
    }
}

impl FromStr for KeyPress {
    type Err = KeyParseError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if text.is_empty() {
            return Err(KeyParseError::Empty);
        }
        let mut rest = text;
        let mut modifiers = KeyModifiers::NONE;
        // Strip `ctrl-`-style prefixes; the remainder is always at least one character so
        // that `-` and `ctrl--` name the minus key.
        'prefixes: loop {
            for (name, modifier) in MODIFIERS {
                if let Some(after) = strip_prefix_ignore_case(rest, name)
                    .and_then(|after| after.strip_prefix('-'))
                    .filter(|after| !after.is_empty())
                {
                    modifiers.insert(modifier);
                    rest = after;
                    continue 'prefixes;
                }
            }
            break;
        }
        let code = parse_code(rest).ok_or_else(|| KeyParseError::UnknownKey(text.to_string()))?;
        Ok(Self::new(code, modifiers))
    }
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

fn parse_code(text: &str) -> Option<KeyCode> {
    let mut chars = text.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return (!c.is_whitespace() && !c.is_control()).then_some(KeyCode::Char(c));
    }
    let lower = text.to_ascii_lowercase();
    if let Some((_, code)) = NAMED.iter().find(|(name, _)| *name == lower) {
        return Some(*code);
    }
    let number = lower.strip_prefix('f')?;
    // `f01` is not a key name; only the canonical digits are accepted.
    if number.starts_with('0') {
        return None;
    }
    match number.parse::<u8>() {
        Ok(n @ 1..=24) => Some(KeyCode::F(n)),
        _ => None,
    }
}

impl fmt::Display for KeyPress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (name, modifier) in MODIFIERS {
            if self.modifiers.contains(modifier) {
                write!(f, "{name}-")?;
            }
        }
        if let Some((name, _)) = NAMED.iter().find(|(_, code)| *code == self.code) {
            return f.write_str(name);
        }
        match self.code {
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "f{n}"),
            // Keys no binding can name (caps lock, media keys): shown, never parsed back.
            other => write!(f, "{}", format!("{other:?}").to_lowercase()),
        }
    }
}

/// Parses a space-separated key sequence such as `"g t"` or `"ctrl-x ctrl-s"`.
pub fn parse_sequence(text: &str) -> Result<Vec<KeyPress>, KeyParseError> {
    let keys = text
        .split_whitespace()
        .map(str::parse)
        .collect::<Result<Vec<KeyPress>, _>>()?;
    if keys.is_empty() {
        return Err(KeyParseError::Empty);
    }
    Ok(keys)
}

/// Formats a key sequence in its canonical, parseable form.
pub fn format_sequence(keys: &[KeyPress]) -> String {
    keys.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn key(text: &str) -> KeyPress {
        text.parse().unwrap()
    }

    #[test]
    fn plain_letters_and_punctuation() {
        assert_eq!(
            key("a"),
            KeyPress::new(KeyCode::Char('a'), KeyModifiers::NONE)
        );
        for c in ['?', ':', '/', '+', '-', '<', '>', '[', '}'] {
            assert_eq!(key(&c.to_string()), KeyPress::char(c));
        }
    }

    #[test]
    fn uppercase_equals_shifted_event_in_every_form() {
        let parsed = key("A");
        let events = [
            KeyEvent::new(KeyCode::Char('A'), KeyModifiers::NONE),
            KeyEvent::new(KeyCode::Char('A'), KeyModifiers::SHIFT),
            KeyEvent::new(KeyCode::Char('a'), KeyModifiers::SHIFT),
        ];
        for event in events {
            assert_eq!(KeyPress::from(event), parsed, "{event:?}");
        }
        assert_eq!(key("shift-a"), parsed);
        assert_ne!(key("a"), parsed);
    }

    #[test]
    fn shift_on_punctuation_is_dropped() {
        let event = KeyEvent::new(KeyCode::Char('?'), KeyModifiers::SHIFT);
        assert_eq!(KeyPress::from(event), key("?"));
        let event = KeyEvent::new(KeyCode::Char('>'), KeyModifiers::SHIFT);
        assert_eq!(KeyPress::from(event), key(">"));
    }

    #[test]
    fn danish_letters_normalise_too() {
        let event = KeyEvent::new(KeyCode::Char('ø'), KeyModifiers::SHIFT);
        assert_eq!(KeyPress::from(event), key("Ø"));
    }

    #[test]
    fn backtab_and_shift_tab_are_one_key() {
        let event = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(KeyPress::from(event), key("backtab"));
        assert_eq!(key("shift-tab"), key("backtab"));
    }

    #[test]
    fn named_keys_and_function_keys() {
        let cases = [
            ("space", KeyCode::Char(' ')),
            ("enter", KeyCode::Enter),
            ("Esc", KeyCode::Esc),
            ("tab", KeyCode::Tab),
            ("backspace", KeyCode::Backspace),
            ("delete", KeyCode::Delete),
            ("up", KeyCode::Up),
            ("down", KeyCode::Down),
            ("left", KeyCode::Left),
            ("right", KeyCode::Right),
            ("home", KeyCode::Home),
            ("end", KeyCode::End),
            ("pageup", KeyCode::PageUp),
            ("pagedown", KeyCode::PageDown),
            ("f1", KeyCode::F(1)),
            ("f12", KeyCode::F(12)),
        ];
        for (text, code) in cases {
            assert_eq!(key(text), KeyPress::plain(code), "{text}");
        }
    }

    #[test]
    fn modifiers() {
        assert_eq!(key("ctrl-r"), KeyPress::ctrl('r'));
        assert_eq!(
            key("ctrl-alt-x"),
            KeyPress::new(
                KeyCode::Char('x'),
                KeyModifiers::CONTROL | KeyModifiers::ALT
            )
        );
        assert_eq!(key("alt-ctrl-x"), key("ctrl-alt-x"));
        assert_eq!(key("ctrl--"), KeyPress::ctrl('-'));
        assert_eq!(
            key("shift-left"),
            KeyPress::new(KeyCode::Left, KeyModifiers::SHIFT)
        );
        let event = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(KeyPress::from(event), key("ctrl-c"));
    }

    #[test]
    fn display_is_canonical() {
        assert_eq!(key("alt-ctrl-x").to_string(), "ctrl-alt-x");
        assert_eq!(key("shift-a").to_string(), "A");
        assert_eq!(key("Escape").to_string(), "esc");
        assert_eq!(key("space").to_string(), "space");
        assert_eq!(key("ctrl--").to_string(), "ctrl--");
    }

    #[test]
    fn rejects_unknown_names() {
        for text in ["", "gg", "ctrl-", "ctrl-foo", "f0", "f25", "f01", "hyper"] {
            assert!(text.parse::<KeyPress>().is_err(), "{text:?} parsed");
        }
    }

    #[test]
    fn sequences() {
        assert_eq!(parse_sequence("g t").unwrap(), vec![key("g"), key("t")]);
        assert_eq!(format_sequence(&parse_sequence("  g   t ").unwrap()), "g t");
        assert_eq!(parse_sequence(" "), Err(KeyParseError::Empty));
        assert!(parse_sequence("g xx").is_err());
    }

    fn any_code() -> impl Strategy<Value = KeyCode> {
        prop_oneof![
            any::<char>()
                .prop_filter("printable", |c| !c.is_control() && !c.is_whitespace())
                .prop_map(KeyCode::Char),
            Just(KeyCode::Char(' ')),
            (1u8..=24).prop_map(KeyCode::F),
            proptest::sample::select(NAMED.map(|(_, code)| code).to_vec()),
        ]
    }

    fn any_modifiers() -> impl Strategy<Value = KeyModifiers> {
        (0u8..64).prop_map(KeyModifiers::from_bits_truncate)
    }

    proptest! {
        #[test]
        fn display_then_parse_round_trips(code in any_code(), modifiers in any_modifiers()) {
            let key = KeyPress::new(code, modifiers);
            let shown = key.to_string();
            prop_assert_eq!(shown.parse::<KeyPress>(), Ok(key), "{}", shown);
        }

        #[test]
        fn normalising_is_idempotent(code in any_code(), modifiers in any_modifiers()) {
            let once = KeyPress::new(code, modifiers);
            prop_assert_eq!(KeyPress::new(once.code, once.modifiers), once);
        }
    }
}
