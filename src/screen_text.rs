//! Text from the database as a terminal may receive it. A name or a note imported from a file
//! can hold control characters: ESC sequences that move the cursor or recolour the screen, an
//! OSC 52 sequence that writes the user's clipboard, a carriage return that overwrites the line,
//! U+202E that turns the rest of it around. The planner never passes those on, because ratatui's
//! buffer drops every grapheme holding a control character and every grapheme of no width when
//! it draws a string (`Buffer::set_stringn`). The command line's text output goes through that
//! same filter, here, so both show the same characters. JSON output escapes control characters
//! as JSON does and is not filtered.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_width::UnicodeWidthStr;

/// One line of `text` with what the planner would not draw left out; line breaks, tabs and
/// carriage returns become spaces.
pub fn one_line(text: &str) -> String {
    if text.chars().all(|c| c.is_ascii_graphic() || c == ' ') {
        return text.to_owned();
    }
    let spaced: String = text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    drawn(&spaced)
}

/// `text` line by line through [`one_line`], its line breaks kept.
pub fn lines(text: &str) -> String {
    text.split('\n')
        .map(one_line)
        .collect::<Vec<_>>()
        .join("\n")
}

/// What ratatui's buffer keeps of `text` when it draws it on one row.
fn drawn(text: &str) -> String {
    // Every kept grapheme takes at least one cell; wide ones up to two.
    let width = u16::try_from(text.width().max(text.chars().count()))
        .unwrap_or(u16::MAX)
        .max(1);
    let mut buffer = Buffer::empty(Rect::new(0, 0, width, 1));
    let (end, _) = buffer.set_stringn(0, 0, text, usize::from(width), Style::default());
    let mut out = String::with_capacity(text.len());
    let mut x = 0;
    while x < end {
        let symbol = buffer[(x, 0)].symbol();
        out.push_str(symbol);
        // A wide grapheme hides the cells after it.
        x += u16::try_from(symbol.width().max(1)).unwrap_or(1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_clipboard_writes_returns_and_reversals_are_left_out() {
        let hostile = "Anna\u{1b}[2J\u{1b}]52;c;ZWNobyBoaQ==\u{7}\rHolm\u{202e}nesnaH\u{9b}31m";
        let safe = one_line(hostile);
        assert!(!safe.chars().any(|c| c.is_control()), "{safe:?}");
        assert!(!safe.contains('\u{202e}'), "{safe:?}");
        assert_eq!(safe, "Anna[2J]52;c;ZWNobyBoaQ== HolmnesnaH31m");
    }

    #[test]
    fn ordinary_text_is_unchanged() {
        for text in [
            "Søren Kofoed",
            "Ærø — 24.11",
            "会議 2026",
            "👩‍👩‍👧 familie",
            "a  b",
            "",
        ] {
            assert_eq!(one_line(text), text, "{text:?}");
        }
        assert_eq!(lines("første\nanden\tlinje\r"), "første\nanden linje ");
    }

    #[test]
    fn it_keeps_what_the_planners_buffer_keeps() {
        let text = "x\u{1b}[31my\u{200b}z\u{202e}w\u{7}ø";
        let mut buffer = Buffer::empty(Rect::new(0, 0, 20, 1));
        buffer.set_string(0, 0, text, Style::default());
        let shown: String = (0..20)
            .map(|x| buffer[(x, 0)].symbol().to_owned())
            .collect();
        assert_eq!(shown.trim_end(), one_line(text));
    }
}
