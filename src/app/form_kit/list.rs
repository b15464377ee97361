//! A list inside a form: rows of a few fields each (a citizen's network, the periods the
//! citizen is away), added, edited and removed where the list stands. A row is a small form of
//! the kit's own fields, so a row's picker, dates and choices behave as everywhere else.
//!
//! While the list has the focus: ←/→ choose a row (the last place is "+ add"), Enter edits the
//! chosen row or adds one, Delete or Backspace removes the chosen row, and typing starts a new
//! row with what is typed. While a row is edited its fields have the keys: Tab/↑↓ move among
//! them, Enter keeps the row, Esc drops the edit. `ctrl-s` saves the whole form with the row
//! kept ([`ListField::finish`]).

use super::form::{Candidates, Field, Form, Input};
use super::time_field::TimeKind;
use crate::domain::workdays::DaysOff;
use crate::i18n::{Lang, Msg};
use crate::time::format_date;
use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone)]
pub struct ListField<K> {
    /// The fields of a new row.
    template: Vec<Field<K>>,
    rows: Vec<Form<K>>,
    /// The chosen row; `rows.len()` is "+ add".
    selected: usize,
    /// The row being edited: which one (`None`: a new one) and its fields.
    editing: Option<(Option<usize>, Box<Form<K>>)>,
    /// What the rows' typed working days skip (see [`Form::counting`]).
    days_off: DaysOff,
}

impl<K: Copy + PartialEq> ListField<K> {
    /// A list whose new rows have `template`'s fields, holding `rows` (each a row's fields
    /// filled in). "+ add" is chosen.
    pub fn new(
        template: Vec<Field<K>>,
        rows: Vec<Vec<Field<K>>>,
        today: NaiveDate,
        lang: Lang,
    ) -> ListField<K> {
        let rows: Vec<Form<K>> = rows
            .into_iter()
            .map(|fields| Form::new(fields, today, lang))
            .collect();
        ListField {
            template,
            selected: rows.len(),
            rows,
            editing: None,
            days_off: DaysOff::default(),
        }
    }

    /// The rows counting typed working days around `days_off`.
    pub fn count_around(&mut self, days_off: &DaysOff) {
        self.days_off = days_off.clone();
        for row in &mut self.rows {
            row.days_off = days_off.clone();
        }
    }
}

impl<K> ListField<K> {
    /// The kept rows, in order.
    pub fn rows(&self) -> &[Form<K>] {
        &self.rows
    }

    pub fn rows_mut(&mut self) -> &mut [Form<K>] {
        &mut self.rows
    }

    /// The chosen row's place; `rows().len()` for "+ add".
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The row being edited.
    pub fn editing(&self) -> Option<&Form<K>> {
        self.editing.as_ref().map(|(_, form)| form.as_ref())
    }

    pub fn editing_mut(&mut self) -> Option<&mut Form<K>> {
        self.editing.as_mut().map(|(_, form)| form.as_mut())
    }

    /// Which row is edited: `Some(None)` a new one.
    pub fn edited_row(&self) -> Option<Option<usize>> {
        self.editing.as_ref().map(|(i, _)| *i)
    }
}

impl<K: Copy + PartialEq> ListField<K> {
    /// Whether `key` is the list's rather than the form's.
    pub fn takes_key(&self, key: &KeyEvent) -> bool {
        let plain = !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        match &self.editing {
            Some((_, row)) => match key.code {
                KeyCode::Tab
                | KeyCode::BackTab
                | KeyCode::Enter
                | KeyCode::Esc
                | KeyCode::Up
                | KeyCode::Down => true,
                _ => row.takes_key(key) || (plain && matches!(key.code, KeyCode::Char(_))),
            },
            None => match key.code {
                KeyCode::Left
                | KeyCode::Right
                | KeyCode::Enter
                | KeyCode::Delete
                | KeyCode::Backspace => true,
                KeyCode::Char(_) => plain,
                _ => false,
            },
        }
    }

    /// A key for the list (see the module's keys). Returns whether the kept rows changed.
    pub fn key(
        &mut self,
        key: KeyEvent,
        candidates: Candidates<'_, K>,
        today: NaiveDate,
        lang: Lang,
    ) -> bool {
        if let Some((_, row)) = &mut self.editing {
            match key.code {
                KeyCode::Esc => {
                    self.editing = None;
                    return false;
                }
                KeyCode::Enter => return self.keep(),
                KeyCode::Tab | KeyCode::Down => row.next_field(),
                KeyCode::BackTab | KeyCode::Up => row.prev_field(),
                _ => {
                    row.key(key, candidates);
                }
            }
            return false;
        }
        match key.code {
            KeyCode::Left => self.step(-1),
            KeyCode::Right => self.step(1),
            KeyCode::Enter => self.edit(today, lang),
            KeyCode::Delete | KeyCode::Backspace => return self.remove(),
            KeyCode::Char(_) => {
                self.selected = self.rows.len();
                self.edit(today, lang);
                if let Some((_, row)) = &mut self.editing {
                    row.key(key, candidates);
                }
            }
            _ => {}
        }
        false
    }

    fn step(&mut self, delta: i32) {
        self.selected = super::choice::step_index(self.rows.len() + 1, self.selected, delta);
    }

    /// Starts editing the chosen row, or a new one on "+ add".
    fn edit(&mut self, today: NaiveDate, lang: Lang) {
        self.editing = Some(match self.rows.get(self.selected) {
            Some(row) => {
                let mut row = row.clone();
                row.focus_first();
                (Some(self.selected), Box::new(row))
            }
            None => (
                None,
                Box::new(Form::new(self.template.clone(), today, lang).counting(&self.days_off)),
            ),
        });
    }

    /// Removes the chosen row. Returns whether one was removed.
    fn remove(&mut self) -> bool {
        if self.selected >= self.rows.len() {
            return false;
        }
        self.rows.remove(self.selected);
        self.selected = self.selected.min(self.rows.len());
        true
    }

    /// Keeps the edited row when it reads: a row left empty is dropped, a row with a field
    /// that does not read stays open with its error. Returns whether the kept rows changed.
    fn keep(&mut self) -> bool {
        let Some((index, row)) = self.editing.take() else {
            return false;
        };
        if row.is_blank() {
            return false;
        }
        let errors = row.read_errors();
        if !errors.is_empty() {
            let mut row = row;
            row.errors = errors;
            self.editing = Some((index, row));
            return false;
        }
        let mut row = *row;
        row.errors.clear();
        match index {
            Some(i) if i < self.rows.len() => {
                self.rows[i] = row;
                self.selected = i;
            }
            _ => {
                self.rows.push(row);
                self.selected = self.rows.len();
            }
        }
        true
    }

    /// Keeps a row still being edited (before the form is saved). Returns the row's errors when
    /// it does not read; they stay on the row.
    pub fn finish(&mut self) -> Result<(), Vec<(K, String)>> {
        self.keep();
        match &self.editing {
            Some((_, row)) => Err(row.errors.clone()),
            None => Ok(()),
        }
    }

    /// The text a row shows: its values, " · " between them.
    pub fn summary(row: &Form<K>) -> String {
        row.fields()
            .filter_map(|f| match &f.input {
                Input::Choice(c) => Some(c.label().to_string()),
                Input::Toggle(true) => Some(f.label.text(row.lang).to_string()),
                Input::Toggle(false) | Input::Shown(_) | Input::List(_) => None,
                Input::Picker(p) => match p.chosen_label() {
                    Some(label) => Some(label.to_string()),
                    None => Some(format!(
                        "{} ({})",
                        p.input.text().trim(),
                        Msg::NewWord.text(row.lang)
                    )),
                },
                Input::Text(t) => Some(t.text().trim().to_string()),
                // A date as it reads ("30.11.2026"), not as it was typed ("30/11").
                Input::Time(t) => Some(match t.kind {
                    TimeKind::Date | TimeKind::PastDate => t
                        .date(row.today, &row.days_off)
                        .ok()
                        .flatten()
                        .map_or_else(|| t.text.text().trim().to_string(), format_date),
                    _ => t.text.text().trim().to_string(),
                }),
            })
            .filter(|v| !v.is_empty())
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::form_kit::{Candidate, Choice, Pick, Picker};
    use crate::model::ContactId;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum K {
        Who,
        Role,
        From,
    }

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    fn people(_: K, _: &Form<K>) -> Vec<Candidate> {
        vec![Candidate {
            pick: Pick::Contact(ContactId(7)),
            label: "Lone Holm".into(),
            haystack: "Lone Holm".into(),
        }]
    }

    fn template() -> Vec<Field<K>> {
        let roles = Choice::indexed(["Læge".to_string(), "Mentor".to_string()], 0);
        vec![
            Field::picker(K::Who, Msg::Contact, Picker::new()),
            Field::choice(K::Role, Msg::FieldRole, roles),
            Field::date(K::From, Msg::FieldFrom, "").optional(),
        ]
    }

    fn list() -> ListField<K> {
        ListField::new(template(), vec![], today(), Lang::Da)
    }

    fn typed(list: &mut ListField<K>, text: &str) {
        for c in text.chars() {
            list.key(key(KeyCode::Char(c)), &people, today(), Lang::Da);
        }
    }

    fn press(list: &mut ListField<K>, code: KeyCode) -> bool {
        list.key(key(code), &people, today(), Lang::Da)
    }

    #[test]
    fn typing_on_the_list_starts_a_row_and_enter_keeps_it() {
        let mut l = list();
        typed(&mut l, "lone");
        assert!(l.editing().is_some());
        assert!(l.takes_key(&key(KeyCode::Tab)), "Tab moves inside the row");
        press(&mut l, KeyCode::Tab);
        press(&mut l, KeyCode::Right);
        assert!(press(&mut l, KeyCode::Enter), "kept");
        assert_eq!(l.rows().len(), 1);
        assert_eq!(ListField::summary(&l.rows()[0]), "Lone Holm · Mentor");
        assert_eq!(l.selected(), 1, "back on + add");
    }

    #[test]
    fn a_row_is_edited_removed_or_its_edit_dropped() {
        let mut l = list();
        typed(&mut l, "lone");
        press(&mut l, KeyCode::Enter);
        press(&mut l, KeyCode::Left);
        assert_eq!(l.selected(), 0);
        press(&mut l, KeyCode::Enter);
        assert_eq!(l.edited_row(), Some(Some(0)));
        press(&mut l, KeyCode::Tab);
        press(&mut l, KeyCode::Right);
        press(&mut l, KeyCode::Esc);
        assert!(l.editing().is_none());
        assert_eq!(
            ListField::summary(&l.rows()[0]),
            "Lone Holm · Læge",
            "Esc keeps the row as it was"
        );
        assert!(press(&mut l, KeyCode::Delete));
        assert!(l.rows().is_empty());
    }

    #[test]
    fn a_row_that_does_not_read_stays_open_with_its_error_and_an_empty_one_is_dropped() {
        let mut l = list();
        typed(&mut l, "lone");
        press(&mut l, KeyCode::Tab);
        press(&mut l, KeyCode::Tab);
        typed(&mut l, "31/2");
        assert!(!press(&mut l, KeyCode::Enter));
        let row = l.editing().unwrap();
        assert!(row.has_error(K::From), "{:?}", row.errors);
        assert!(l.finish().is_err());
        let mut l = list();
        press(&mut l, KeyCode::Enter);
        assert!(l.editing().is_some());
        press(&mut l, KeyCode::Enter);
        assert!(l.editing().is_none() && l.rows().is_empty());
        assert!(l.finish().is_ok());
    }

    #[test]
    fn a_name_that_matches_no_contact_is_a_new_one() {
        let mut l = list();
        typed(&mut l, "zz top");
        press(&mut l, KeyCode::Enter);
        assert_eq!(ListField::summary(&l.rows()[0]), "zz top (ny) · Læge");
    }
}
