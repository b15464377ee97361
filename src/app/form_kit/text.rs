//! A text field on ratatui-textarea, single-line or multi-line, with the kit's editing rules:
//!
//! - A field that has text when it gets the focus is selected: typing (or pasting) replaces
//!   it; an arrow key, Home or End keeps it and puts the cursor there to edit.
//! - `ctrl-u` clears the field, `ctrl-w` (and alt-Backspace) deletes the word before the
//!   cursor.
//! - A single-line field never takes Enter, Tab or ↑/↓ (they save and move between fields) and
//!   pasted line breaks become spaces. A multi-line field takes Enter as a new line and ↑/↓
//!   inside the text; at its first or last line ↑/↓ move to the next field.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{CursorMove, TextArea};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    Single,
    Multi,
}

#[derive(Debug, Clone)]
pub struct TextField {
    area: TextArea<'static>,
    lines: Lines,
}

impl TextField {
    /// A one-line field holding `initial`, the cursor at its end, nothing selected.
    pub fn single(initial: &str) -> TextField {
        TextField::with(Lines::Single, initial)
    }

    /// A field of several lines holding `initial` ("\n" between lines).
    pub fn multi(initial: &str) -> TextField {
        TextField::with(Lines::Multi, initial)
    }

    fn with(lines: Lines, initial: &str) -> TextField {
        let mut field = TextField {
            area: TextArea::default(),
            lines,
        };
        field.set_text(initial);
        field
    }

    /// The text: lines joined by a space in a one-line field, by "\n" in a multi-line one.
    pub fn text(&self) -> String {
        match self.lines {
            Lines::Single => self.area.lines().join(" "),
            Lines::Multi => self.area.lines().join("\n"),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.area.lines().iter().all(|l| l.is_empty())
    }

    pub fn is_multi_line(&self) -> bool {
        self.lines == Lines::Multi
    }

    /// Replaces the text (a value the form fills in, not an edit); the cursor goes to the end.
    pub fn set_text(&mut self, text: &str) {
        let text = match self.lines {
            Lines::Single => one_line(text),
            Lines::Multi => text.to_string(),
        };
        let mut area = TextArea::new(text.split('\n').map(str::to_string).collect());
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        self.area = area;
    }

    /// The field gets the focus: text already there is selected, so typing replaces it.
    pub fn focus(&mut self) {
        if self.is_empty() {
            self.area.cancel_selection();
        } else {
            self.area.select_all();
        }
    }

    /// The field loses the focus: nothing stays selected.
    pub fn blur(&mut self) {
        self.area.cancel_selection();
    }

    /// Whether the whole text is selected, waiting to be replaced or kept.
    pub fn is_selected(&self) -> bool {
        self.area.is_selecting()
    }

    /// Whether `key` belongs to this field rather than to the form's keys (next field, save):
    /// printable characters and the editing keys; in a multi-line field also Enter, and ↑/↓
    /// unless the cursor is on the first or last line.
    pub fn takes_key(&self, key: &KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        match key.code {
            KeyCode::Char('u' | 'w') if ctrl && !alt => true,
            KeyCode::Char(_) => !ctrl && !alt,
            KeyCode::Backspace
            | KeyCode::Delete
            | KeyCode::Left
            | KeyCode::Right
            | KeyCode::Home
            | KeyCode::End => true,
            KeyCode::Enter => self.is_multi_line(),
            KeyCode::Up => self.is_multi_line() && self.area.cursor().0 > 0,
            KeyCode::Down => {
                self.is_multi_line() && self.area.cursor().0 + 1 < self.area.lines().len()
            }
            _ => false,
        }
    }

    /// An edit or a cursor key. Returns whether the text changed.
    pub fn key(&mut self, key: KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        let shift = key.modifiers.contains(KeyModifiers::SHIFT);
        match key.code {
            KeyCode::Char('u') if ctrl => {
                let had = !self.is_empty();
                self.set_text("");
                had
            }
            KeyCode::Char('w') if ctrl => self.area.delete_word(),
            KeyCode::Backspace if alt => self.area.delete_word(),
            // Keeping a selected text: the cursor goes where the key says, the text stays.
            KeyCode::Left | KeyCode::Home if self.is_selected() && !shift => {
                self.keep(CursorMove::Head);
                false
            }
            KeyCode::Right | KeyCode::End if self.is_selected() && !shift => {
                self.keep(CursorMove::End);
                false
            }
            KeyCode::Enter if self.is_multi_line() => {
                self.area.insert_newline();
                true
            }
            KeyCode::Up | KeyCode::Down if self.is_multi_line() => {
                self.area.cancel_selection();
                self.area.input(key)
            }
            // Never a tab character, a line break in one line, or the textarea's own undo.
            KeyCode::Enter | KeyCode::Tab | KeyCode::BackTab | KeyCode::Up | KeyCode::Down => false,
            KeyCode::Char('m' | 'j' | 'r' | 'y') if ctrl => false,
            _ => self.area.input(key),
        }
    }

    /// Pasted text goes in as text at the cursor, replacing a selection; in a one-line field
    /// line breaks and tabs become spaces. Returns whether the text changed.
    pub fn paste(&mut self, text: &str) -> bool {
        let text = match self.lines {
            Lines::Single => one_line(text),
            Lines::Multi => text.replace("\r\n", "\n").replace('\r', "\n"),
        };
        let had_selection = self.is_selected() && !self.is_empty();
        self.area.insert_str(text) || had_selection
    }

    /// The textarea, for drawing.
    pub fn area(&self) -> &TextArea<'static> {
        &self.area
    }

    fn keep(&mut self, to: CursorMove) {
        self.area.cancel_selection();
        if self.is_multi_line() {
            let vertical = match to {
                CursorMove::Head => CursorMove::Top,
                _ => CursorMove::Bottom,
            };
            self.area.move_cursor(vertical);
        }
        self.area.move_cursor(to);
    }
}

/// `text` on one line: line breaks and tabs become single spaces.
fn one_line(text: &str) -> String {
    text.split(['\n', '\r', '\t'])
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn ctrl(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    fn typed(field: &mut TextField, text: &str) {
        for c in text.chars() {
            field.key(key(KeyCode::Char(c)));
        }
    }

    /// The field as `f` opens it: "4" pre-filled, focused.
    fn prefilled(text: &str) -> TextField {
        let mut f = TextField::single(text);
        f.focus();
        f
    }

    #[test]
    fn typing_replaces_a_prefilled_field() {
        let mut f = prefilled("4");
        assert!(f.is_selected());
        typed(&mut f, "3");
        assert_eq!(f.text(), "3", "not 43");
        typed(&mut f, "2");
        assert_eq!(f.text(), "32", "after the first key it is ordinary typing");
    }

    #[test]
    fn end_or_an_arrow_keeps_a_prefilled_field_and_edits_it() {
        let mut f = prefilled("45");
        f.key(key(KeyCode::End));
        typed(&mut f, "0");
        assert_eq!(f.text(), "450");
        let mut f = prefilled("45");
        f.key(key(KeyCode::Right));
        typed(&mut f, "m");
        assert_eq!(f.text(), "45m");
        let mut f = prefilled("45");
        f.key(key(KeyCode::Left));
        typed(&mut f, "1");
        assert_eq!(f.text(), "145", "← keeps it with the cursor at the start");
        let mut f = prefilled("24.11.2026");
        f.key(key(KeyCode::Home));
        f.key(key(KeyCode::Delete));
        f.key(key(KeyCode::Delete));
        typed(&mut f, "30");
        assert_eq!(f.text(), "30.11.2026");
    }

    #[test]
    fn backspace_on_a_prefilled_field_deletes_it_all() {
        let mut f = prefilled("4");
        assert!(f.key(key(KeyCode::Backspace)));
        assert_eq!(f.text(), "");
    }

    #[test]
    fn an_empty_field_is_not_selected_and_losing_focus_drops_the_selection() {
        let f = prefilled("");
        assert!(!f.is_selected());
        let mut f = prefilled("abc");
        f.blur();
        typed(&mut f, "d");
        assert_eq!(f.text(), "abcd");
    }

    #[test]
    fn ctrl_u_clears_the_field_and_ctrl_w_deletes_a_word() {
        let mut f = TextField::single("ringer om praktik");
        assert!(f.key(ctrl('w')));
        assert_eq!(f.text(), "ringer om ");
        assert!(f.key(ctrl('u')));
        assert_eq!(f.text(), "", "all of it, not one character");
        assert!(!f.key(ctrl('u')), "nothing left to clear");
        let mut f = TextField::single("Jonas Berg");
        f.key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::ALT));
        assert_eq!(f.text(), "Jonas ");
    }

    #[test]
    fn a_single_line_field_leaves_enter_tab_and_up_down_to_the_form() {
        let f = TextField::single("x");
        assert!(!f.takes_key(&key(KeyCode::Enter)));
        assert!(!f.takes_key(&key(KeyCode::Tab)));
        assert!(!f.takes_key(&key(KeyCode::Up)));
        assert!(!f.takes_key(&key(KeyCode::Down)));
        assert!(f.takes_key(&key(KeyCode::Char('j'))));
        assert!(f.takes_key(&ctrl('u')));
        assert!(f.takes_key(&ctrl('w')));
        assert!(!f.takes_key(&ctrl('s')), "ctrl-s saves");
        let mut f = TextField::single("x");
        assert!(!f.key(key(KeyCode::Enter)));
        assert!(!f.key(key(KeyCode::Tab)));
        assert_eq!(f.text(), "x");
    }

    #[test]
    fn a_multi_line_field_takes_enter_and_moves_between_its_lines() {
        let mut f = TextField::multi("");
        f.focus();
        typed(&mut f, "første");
        assert!(f.takes_key(&key(KeyCode::Enter)));
        f.key(key(KeyCode::Enter));
        typed(&mut f, "anden");
        assert_eq!(f.text(), "første\nanden");
        assert!(f.takes_key(&key(KeyCode::Up)), "up to the first line");
        assert!(
            !f.takes_key(&key(KeyCode::Down)),
            "on the last line ↓ leaves"
        );
        f.key(key(KeyCode::Up));
        assert!(
            !f.takes_key(&key(KeyCode::Up)),
            "on the first line ↑ leaves"
        );
        assert!(f.takes_key(&key(KeyCode::Down)));
    }

    #[test]
    fn a_prefilled_multi_line_field_is_replaced_whole_or_kept_at_its_end() {
        let mut f = TextField::multi("a\nb");
        f.focus();
        f.key(key(KeyCode::End));
        typed(&mut f, "c");
        assert_eq!(f.text(), "a\nbc");
        let mut f = TextField::multi("a\nb");
        f.focus();
        typed(&mut f, "z");
        assert_eq!(f.text(), "z");
    }

    #[test]
    fn pasted_text_goes_in_as_text() {
        let mut f = prefilled("4");
        assert!(f.paste("12"));
        assert_eq!(f.text(), "12", "a paste replaces the selection too");
        let mut f = TextField::single("Tlf: ");
        f.paste("20 12\r\n34 56\tx");
        assert_eq!(f.text(), "Tlf: 20 12 34 56 x", "no line break in one line");
        let mut f = TextField::multi("");
        f.paste("a\r\nb");
        assert_eq!(f.text(), "a\nb");
    }

    #[test]
    fn set_text_fills_one_line_and_selects_nothing() {
        let mut f = TextField::single("old");
        f.set_text("new\nline");
        assert_eq!(f.text(), "new line");
        assert!(!f.is_selected());
        typed(&mut f, "!");
        assert_eq!(f.text(), "new line!");
    }
}
