//! A form: a declared list of fields, one a line, that Tab/shift-Tab and ↓/↑ walk through,
//! with an error and a warning list per field. The form routes keys to the focused field and
//! reads the values back by the field's key; what the values mean is the feature's.
//!
//! ```ignore
//! let form = Form::new(vec![
//!     Field::picker(K::Supplier, Msg::Supplier, Picker::new()),
//!     Field::date(K::Start, Msg::FieldStartDate, &format_date(today)),
//!     Field::text(K::Hours, Msg::FieldHoursWeek, ""),
//!     Field::toggle(K::CloseFollowUp, Msg::FieldCloseFollowUp, false),
//! ]);
//! ```

use super::choice::{Choice, step_index};
use super::list::ListField;
use super::picker::{Candidate, Pick, Picker};
use super::text::TextField;
use super::time_field::{TimeField, TimeKind};
use crate::domain::workdays::DaysOff;
use crate::i18n::{Lang, Msg, cpr_error, parse_error};
use crate::privacy::check_no_cpr;
use crate::time::ParseError;
use chrono::{NaiveDate, NaiveDateTime};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a field holds.
#[derive(Debug, Clone)]
pub enum Input<K> {
    Text(TextField),
    Choice(Choice),
    Toggle(bool),
    Time(TimeField),
    Picker(Picker),
    /// A value shown in the form's rows that is not edited ("Tid: nu · tir 24.11.2026
    /// 10:00"): Tab passes it by.
    Shown(String),
    /// Rows of a few fields each (the citizen's network, away periods).
    List(ListField<K>),
}

impl<K> Input<K> {
    /// The text the field edits, if it edits text.
    pub fn text_field(&self) -> Option<&TextField> {
        match self {
            Input::Text(t) => Some(t),
            Input::Time(t) => Some(&t.text),
            Input::Picker(p) => Some(&p.input),
            Input::Choice(_) | Input::Toggle(_) | Input::Shown(_) | Input::List(_) => None,
        }
    }

    fn text_field_mut(&mut self) -> Option<&mut TextField> {
        match self {
            Input::Text(t) => Some(t),
            Input::Time(t) => Some(&mut t.text),
            Input::Picker(p) => Some(&mut p.input),
            Input::Choice(_) | Input::Toggle(_) | Input::Shown(_) | Input::List(_) => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Field<K> {
    pub key: K,
    pub label: Msg,
    pub input: Input<K>,
    /// Left out of the form for now (drawn nowhere, skipped by Tab).
    pub hidden: bool,
    /// A short dim text after the value ("(månedlig, 4u, slut, datoer)"); the feature keeps
    /// it up to date.
    pub aside: Option<String>,
    /// What may be typed, shown after the value while the field has the focus and no aside
    /// ("(månedlig, 4u, slut, datoer)").
    pub hint: Option<String>,
    /// Dim lines under the field ("= Lægehuset Nord (1/3, ←/→)").
    pub info: Vec<String>,
    /// The width of the input when the aside follows it; the rest of the row otherwise.
    pub input_width: Option<u16>,
    /// A picker whose matches the form lists beside the fields: the row shows only what is
    /// typed while it has the focus.
    pub lists_matches: bool,
}

impl<K> Field<K> {
    fn of(key: K, label: Msg, input: Input<K>) -> Field<K> {
        Field {
            key,
            label,
            input,
            hidden: false,
            aside: None,
            hint: None,
            info: Vec::new(),
            input_width: None,
            lists_matches: false,
        }
    }

    /// A one-line text.
    pub fn text(key: K, label: Msg, initial: &str) -> Field<K> {
        Field::of(key, label, Input::Text(TextField::single(initial)))
    }

    /// Text of several lines (a note's body).
    pub fn lines(key: K, label: Msg, initial: &str) -> Field<K> {
        Field::of(key, label, Input::Text(TextField::multi(initial)))
    }

    pub fn choice(key: K, label: Msg, choice: Choice) -> Field<K> {
        Field::of(key, label, Input::Choice(choice))
    }

    /// Yes or no.
    pub fn toggle(key: K, label: Msg, on: bool) -> Field<K> {
        Field::of(key, label, Input::Toggle(on))
    }

    /// A date, a date and time, or a duration, read by [`crate::time`].
    pub fn time(key: K, label: Msg, kind: TimeKind, initial: &str) -> Field<K> {
        Field::of(key, label, Input::Time(TimeField::new(kind, initial)))
    }

    pub fn date(key: K, label: Msg, initial: &str) -> Field<K> {
        Field::time(key, label, TimeKind::Date, initial)
    }

    pub fn picker(key: K, label: Msg, picker: Picker) -> Field<K> {
        Field::of(key, label, Input::Picker(picker))
    }

    /// Rows of a few fields each, added, edited and removed in place.
    pub fn list(key: K, label: Msg, list: ListField<K>) -> Field<K> {
        Field::of(key, label, Input::List(list))
    }

    /// A value shown in line with the fields, not edited.
    pub fn shown(key: K, label: Msg, value: String) -> Field<K> {
        Field::of(key, label, Input::Shown(value))
    }

    /// Whether Tab and ↑/↓ stop here: a shown field that is edited.
    pub fn takes_focus(&self) -> bool {
        !self.hidden && !matches!(self.input, Input::Shown(_))
    }

    /// A time field that may be left empty (or "0" minutes).
    pub fn optional(mut self) -> Field<K> {
        if let Input::Time(t) = &mut self.input {
            t.optional = true;
        }
        self
    }

    /// A time field that shows what it reads as after the text.
    pub fn reading(mut self, input_width: u16) -> Field<K> {
        if let Input::Time(t) = &mut self.input {
            t.shows_reading = true;
        }
        self.input_width = Some(input_width);
        self
    }

    /// The input is `width` columns wide, leaving room for the aside.
    pub fn narrow(mut self, width: u16) -> Field<K> {
        self.input_width = Some(width);
        self
    }

    /// What may be typed, shown while the field has the focus.
    pub fn with_hint(mut self, hint: String) -> Field<K> {
        self.hint = Some(hint);
        self
    }

    /// A picker whose matches the form lists elsewhere.
    pub fn matches_listed(mut self) -> Field<K> {
        self.lists_matches = true;
        self
    }

    pub fn hidden(mut self, hidden: bool) -> Field<K> {
        self.hidden = hidden;
        self
    }
}

/// Why a form cannot be saved: messages by field.
pub type Refusals<K> = Vec<(K, String)>;

/// Where the candidates of a picker come from, by the picker's key: the feature's directory,
/// filtered and ordered as it wants (a supplier's own consultants first).
pub type Candidates<'a, K> = &'a dyn Fn(K, &Form<K>) -> Vec<Candidate>;

#[derive(Debug, Clone)]
pub struct Form<K> {
    fields: Vec<Field<K>>,
    focus: usize,
    /// Why the last save was refused, per field, in the order found.
    pub errors: Vec<(K, String)>,
    /// What to look at before saving (never a refusal), per field.
    pub warnings: Vec<(K, String)>,
    pub today: NaiveDate,
    /// The days typed working days skip ("+3ad"): the Danish holidays unless
    /// [`Form::counting`] hands it the configured closing days.
    pub days_off: DaysOff,
    pub lang: Lang,
}

impl<K: Copy + PartialEq> Form<K> {
    /// The form of `fields`, in the order Tab visits them; the first shown one has the focus.
    pub fn new(fields: Vec<Field<K>>, today: NaiveDate, lang: Lang) -> Form<K> {
        let mut form = Form {
            fields,
            focus: 0,
            errors: Vec::new(),
            warnings: Vec::new(),
            today,
            days_off: DaysOff::default(),
            lang,
        };
        if form.fields.first().is_some_and(|f| !f.takes_focus()) {
            form.focus = form.step_from(0, 1);
        }
        form.focus_current();
        form.refresh_readings();
        form
    }

    /// The form counting typed working days around `days_off` (the configured closing days).
    pub fn counting(mut self, days_off: &DaysOff) -> Self {
        self.days_off = days_off.clone();
        for field in &mut self.fields {
            if let Input::List(list) = &mut field.input {
                list.count_around(days_off);
            }
        }
        self.refresh_readings();
        self
    }

    /// The asides of time fields that show what they read as.
    fn refresh_readings(&mut self) {
        let (today, lang) = (self.today, self.lang);
        for field in &mut self.fields {
            if let Input::Time(t) = &field.input
                && t.shows_reading
            {
                field.aside = t.reading(today, &self.days_off, lang);
            }
        }
    }

    /// The fields that are shown, in order.
    pub fn fields(&self) -> impl Iterator<Item = &Field<K>> {
        self.fields.iter().filter(|f| !f.hidden)
    }

    pub fn field(&self, key: K) -> Option<&Field<K>> {
        self.fields.iter().find(|f| f.key == key)
    }

    pub fn field_mut(&mut self, key: K) -> Option<&mut Field<K>> {
        self.fields.iter_mut().find(|f| f.key == key)
    }

    /// The key of the focused field.
    pub fn focused(&self) -> Option<K> {
        self.fields.get(self.focus).map(|f| f.key)
    }

    pub fn is_focused(&self, key: K) -> bool {
        self.focused() == Some(key)
    }

    fn focused_field(&self) -> Option<&Field<K>> {
        self.fields.get(self.focus)
    }

    /// Moves the focus to `key` (when it is shown).
    pub fn focus_on(&mut self, key: K) {
        if let Some(i) = self
            .fields
            .iter()
            .position(|f| f.key == key && f.takes_focus())
        {
            self.blur_current();
            self.focus = i;
            self.focus_current();
        }
    }

    /// Moves the focus to the `index`th shown field (a click on its row), when it takes it.
    pub fn focus_shown(&mut self, index: usize) {
        let key = self.fields().nth(index).map(|f| f.key);
        if let Some(key) = key {
            self.focus_on(key);
        }
    }

    /// Moves the focus to the first field that takes it.
    pub fn focus_first(&mut self) {
        if let Some(first) = self.fields.iter().position(Field::takes_focus) {
            self.blur_current();
            self.focus = first;
            self.focus_current();
        }
    }

    /// Nothing typed, picked or ticked in any field: a row left as it was opened.
    pub fn is_blank(&self) -> bool {
        self.fields().all(|f| match &f.input {
            Input::Toggle(on) => !on,
            Input::Picker(p) => p.pick().is_none() && !p.is_typed(),
            Input::Choice(_) | Input::Shown(_) => true,
            Input::List(l) => l.rows().is_empty(),
            Input::Text(_) | Input::Time(_) => f
                .input
                .text_field()
                .is_none_or(|t| t.text().trim().is_empty()),
        })
    }

    /// The shown time fields whose text does not read (or is missing where it is needed), each
    /// with its message in the form's language.
    pub fn read_errors(&self) -> Vec<(K, String)> {
        self.fields()
            .filter_map(|f| {
                let Input::Time(t) = &f.input else {
                    return None;
                };
                let read = match t.kind {
                    TimeKind::Duration => self.minutes(f.key).map(|_| ()),
                    _ => self.moment(f.key).map(|_| ()),
                };
                read.err().map(|e| (f.key, e))
            })
            .collect()
    }

    /// The list field `key`.
    pub fn list(&self, key: K) -> Option<&ListField<K>> {
        match self.field(key).map(|f| &f.input) {
            Some(Input::List(l)) => Some(l),
            _ => None,
        }
    }

    pub fn list_mut(&mut self, key: K) -> Option<&mut ListField<K>> {
        match self.field_mut(key).map(|f| &mut f.input) {
            Some(Input::List(l)) => Some(l),
            _ => None,
        }
    }

    /// Keeps the rows still being edited in the form's lists, before it is saved; a row that
    /// does not read is the list's error.
    pub fn finish_lists(&mut self) -> Result<(), Vec<(K, String)>> {
        let mut errors = Vec::new();
        for field in &mut self.fields {
            if let Input::List(l) = &mut field.input
                && let Err(row_errors) = l.finish()
            {
                errors.extend(row_errors.into_iter().map(|(_, e)| (field.key, e)));
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// Tab and ↓: the next shown field, round to the first.
    pub fn next_field(&mut self) {
        self.move_focus(1);
    }

    /// shift-Tab and ↑: the previous shown field, round to the last.
    pub fn prev_field(&mut self) {
        self.move_focus(-1);
    }

    fn move_focus(&mut self, delta: i32) {
        let next = self.step_from(self.focus, delta);
        if next != self.focus {
            self.blur_current();
            self.focus = next;
            self.focus_current();
        }
    }

    /// The index `delta` fields that take the focus from `from`, wrapping; `from` when none
    /// does.
    fn step_from(&self, from: usize, delta: i32) -> usize {
        let n = self.fields.len();
        let mut i = from;
        for _ in 0..n {
            i = step_index(n, i, delta.signum());
            if self.fields[i].takes_focus() {
                return i;
            }
        }
        from
    }

    fn focus_current(&mut self) {
        if let Some(t) = self
            .fields
            .get_mut(self.focus)
            .and_then(|f| f.input.text_field_mut())
        {
            t.focus();
        }
    }

    fn blur_current(&mut self) {
        if let Some(t) = self
            .fields
            .get_mut(self.focus)
            .and_then(|f| f.input.text_field_mut())
        {
            t.blur();
        }
    }

    /// Shows or hides `key`; a hidden focused field hands the focus on.
    pub fn set_hidden(&mut self, key: K, hidden: bool) {
        let Some(i) = self.fields.iter().position(|f| f.key == key) else {
            return;
        };
        self.fields[i].hidden = hidden;
        if hidden && i == self.focus {
            self.focus = self.step_from(i, 1);
            self.focus_current();
        }
    }

    /// Whether `key` goes to the focused field before the keymap sees it: text typed into a
    /// text field, its editing keys, space on a choice or a toggle.
    pub fn takes_key(&self, key: &KeyEvent) -> bool {
        let plain = !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        match self.focused_field().map(|f| &f.input) {
            Some(Input::Choice(_) | Input::Toggle(_)) => {
                plain
                    && matches!(
                        key.code,
                        KeyCode::Char(' ') | KeyCode::Left | KeyCode::Right
                    )
            }
            Some(Input::List(l)) => l.takes_key(key),
            Some(input) => input.text_field().is_some_and(|t| t.takes_key(key)),
            None => false,
        }
    }

    /// Whether the focused field is a multi-line text (a note's body), where Enter is a new
    /// line rather than "save".
    pub fn focus_is_multi_line(&self) -> bool {
        self.focused_field()
            .and_then(|f| f.input.text_field())
            .is_some_and(TextField::is_multi_line)
    }

    /// Whether the focused field takes printable text.
    pub fn focus_is_text(&self) -> bool {
        self.focused_field()
            .is_some_and(|f| f.input.text_field().is_some() || matches!(f.input, Input::List(_)))
    }

    /// A key for the focused field: text edits text; ←/→ (and space) step a choice or a
    /// toggle and ←/→ a picker's matches. Returns the key of the field that changed.
    pub fn key(&mut self, key: KeyEvent, candidates: Candidates<'_, K>) -> Option<K> {
        let field_key = self.focused()?;
        let sideways = match key.code {
            KeyCode::Left => Some(-1),
            KeyCode::Right => Some(1),
            KeyCode::Char(' ') if !self.focus_is_text() => Some(1),
            _ => None,
        };
        let changed = match (&self.fields[self.focus].input, sideways) {
            (Input::List(_), _) => {
                let (today, lang) = (self.today, self.lang);
                match &mut self.fields[self.focus].input {
                    Input::List(l) => l.key(key, candidates, today, lang),
                    _ => false,
                }
            }
            (Input::Choice(_), Some(d)) => {
                if let Input::Choice(c) = &mut self.fields[self.focus].input {
                    c.step(d);
                }
                true
            }
            (Input::Toggle(_), Some(_)) => {
                if let Input::Toggle(on) = &mut self.fields[self.focus].input {
                    *on = !*on;
                }
                true
            }
            (Input::Choice(_) | Input::Toggle(_), None) | (Input::Shown(_), _) => false,
            (Input::Picker(p), Some(d)) => {
                let found = if p.matches().is_empty() {
                    candidates(field_key, self)
                } else {
                    Vec::new()
                };
                if let Input::Picker(p) = &mut self.fields[self.focus].input {
                    p.step(d, &found);
                }
                true
            }
            (Input::Picker(_), _) => {
                let typed = self.fields[self.focus]
                    .input
                    .text_field_mut()
                    .is_some_and(|t| t.key(key));
                if typed {
                    let found = candidates(field_key, self);
                    if let Input::Picker(p) = &mut self.fields[self.focus].input {
                        p.rematch(&found);
                    }
                }
                typed
            }
            (Input::Text(_) | Input::Time(_), _) => self.fields[self.focus]
                .input
                .text_field_mut()
                .is_some_and(|t| t.key(key)),
        };
        self.changed(changed.then_some(field_key))
    }

    /// A key for a form without pickers.
    pub fn type_key(&mut self, key: KeyEvent) -> Option<K> {
        self.key(key, &|_, _| Vec::new())
    }

    /// Pasted text for the focused field, as text. Returns the key of the field that changed.
    pub fn paste(&mut self, text: &str, candidates: Candidates<'_, K>) -> Option<K> {
        let field_key = self.focused()?;
        // Into the row a list is editing.
        if let Input::List(l) = &mut self.fields[self.focus].input {
            if let Some(row) = l.editing_mut() {
                row.paste(text, candidates);
            }
            return None;
        }
        let pasted = self.fields[self.focus]
            .input
            .text_field_mut()
            .is_some_and(|t| t.paste(text));
        if pasted && matches!(self.fields[self.focus].input, Input::Picker(_)) {
            let found = candidates(field_key, self);
            if let Input::Picker(p) = &mut self.fields[self.focus].input {
                p.rematch(&found);
            }
        }
        self.changed(pasted.then_some(field_key))
    }

    /// An edit clears the errors of the last save.
    fn changed(&mut self, key: Option<K>) -> Option<K> {
        if key.is_some() {
            self.errors.clear();
            self.refresh_readings();
        }
        key
    }

    // Reading the values back.

    /// The text of a text, time or picker field, trimmed ("" for other fields).
    pub fn text(&self, key: K) -> String {
        self.field(key)
            .and_then(|f| f.input.text_field())
            .map(|t| t.text().trim().to_string())
            .unwrap_or_default()
    }

    /// Replaces the text of a text, time or picker field (a value the form fills in).
    pub fn set_text(&mut self, key: K, text: &str) {
        if let Some(t) = self.field_mut(key).and_then(|f| f.input.text_field_mut()) {
            t.set_text(text);
        }
        self.refresh_readings();
    }

    pub fn choice(&self, key: K) -> Option<&Choice> {
        match self.field(key).map(|f| &f.input) {
            Some(Input::Choice(c)) => Some(c),
            _ => None,
        }
    }

    pub fn choice_mut(&mut self, key: K) -> Option<&mut Choice> {
        match self.field_mut(key).map(|f| &mut f.input) {
            Some(Input::Choice(c)) => Some(c),
            _ => None,
        }
    }

    /// The chosen option's position (0 for a field that is not a choice).
    pub fn index(&self, key: K) -> usize {
        self.choice(key).map_or(0, Choice::index)
    }

    /// The chosen option's key ("" for a field that is not a choice).
    pub fn choice_key(&self, key: K) -> &str {
        self.choice(key).map_or("", Choice::key)
    }

    pub fn toggle(&self, key: K) -> bool {
        matches!(self.field(key).map(|f| &f.input), Some(Input::Toggle(true)))
    }

    /// Replaces what a shown field shows.
    pub fn set_shown(&mut self, key: K, value: String) {
        if let Some(Input::Shown(v)) = self.field_mut(key).map(|f| &mut f.input) {
            *v = value;
        }
    }

    pub fn set_toggle(&mut self, key: K, on: bool) {
        if let Some(Input::Toggle(v)) = self.field_mut(key).map(|f| &mut f.input) {
            *v = on;
        }
    }

    pub fn picker(&self, key: K) -> Option<&Picker> {
        match self.field(key).map(|f| &f.input) {
            Some(Input::Picker(p)) => Some(p),
            _ => None,
        }
    }

    pub fn picker_mut(&mut self, key: K) -> Option<&mut Picker> {
        match self.field_mut(key).map(|f| &mut f.input) {
            Some(Input::Picker(p)) => Some(p),
            _ => None,
        }
    }

    pub fn picked(&self, key: K) -> Option<Pick> {
        self.picker(key).and_then(Picker::pick)
    }

    pub fn time(&self, key: K) -> Option<&TimeField> {
        match self.field(key).map(|f| &f.input) {
            Some(Input::Time(t)) => Some(t),
            _ => None,
        }
    }

    /// The day typed in a time field; a parse error becomes the field's message in the form's
    /// language. `Ok(None)` when an optional field was left empty (or `key` is no time field).
    pub fn date(&self, key: K) -> Result<Option<NaiveDate>, String> {
        self.read(key, |t| t.date(self.today, &self.days_off))
    }

    /// The moment typed in a time field, as [`Form::date`].
    pub fn moment(&self, key: K) -> Result<Option<NaiveDateTime>, String> {
        self.read(key, |t| t.moment(self.today, &self.days_off))
    }

    /// The minutes typed in a time field, as [`Form::date`].
    pub fn minutes(&self, key: K) -> Result<Option<u32>, String> {
        self.read(key, TimeField::minutes)
    }

    fn read<T>(
        &self,
        key: K,
        read: impl Fn(&TimeField) -> Result<Option<T>, ParseError>,
    ) -> Result<Option<T>, String> {
        match self.time(key) {
            Some(t) => read(t).map_err(|e| parse_error(&e, self.lang)),
            None => Ok(None),
        }
    }

    /// A refusal for each shown text or picker field that looks like it holds a CPR number
    /// (PRODUCT.md §5), naming the field by its label.
    pub fn cpr_errors(&self) -> Vec<(K, String)> {
        let mut errors: Vec<(K, String)> = self
            .fields()
            .filter(|f| !matches!(f.input, Input::Time(_)))
            .filter_map(|f| {
                let text = f.input.text_field()?.text();
                let found = check_no_cpr(f.label.text(self.lang), &text).err()?;
                Some((f.key, cpr_error(&found, self.lang)))
            })
            .collect();
        // A list's rows are checked as the forms they are, and refused under the list.
        for f in self.fields() {
            if let Input::List(l) = &f.input {
                for row in l.rows().iter().chain(l.editing()) {
                    errors.extend(row.cpr_errors().into_iter().map(|(_, e)| (f.key, e)));
                }
            }
        }
        errors
    }

    /// The errors of `key`, in order.
    pub fn errors_of(&self, key: K) -> impl Iterator<Item = &str> {
        self.errors
            .iter()
            .filter(move |(k, _)| *k == key)
            .map(|(_, m)| m.as_str())
    }

    /// The warnings of `key`, in order.
    pub fn warnings_of(&self, key: K) -> impl Iterator<Item = &str> {
        self.warnings
            .iter()
            .filter(move |(k, _)| *k == key)
            .map(|(_, m)| m.as_str())
    }

    pub fn has_error(&self, key: K) -> bool {
        self.errors.iter().any(|(k, _)| *k == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ContactId;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum K {
        Weeks,
        Kind,
        Closed,
        Start,
        Who,
        Title,
    }

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    fn none(_: K, _: &Form<K>) -> Vec<Candidate> {
        Vec::new()
    }

    fn people(_: K, _: &Form<K>) -> Vec<Candidate> {
        ["Jonas Berg", "Mette Lund"]
            .iter()
            .enumerate()
            .map(|(i, n)| Candidate {
                pick: Pick::Contact(ContactId(i as u64 + 1)),
                label: n.to_string(),
                haystack: n.to_string(),
            })
            .collect()
    }

    fn form() -> Form<K> {
        let kinds = Choice::indexed(["a".to_string(), "b".to_string(), "c".to_string()], 0);
        Form::new(
            vec![
                Field::text(K::Weeks, Msg::FieldKind, "4"),
                Field::choice(K::Kind, Msg::FieldKind, kinds),
                Field::toggle(K::Closed, Msg::FieldClosed, false),
                Field::date(K::Start, Msg::FieldStartDate, "24.11.2026"),
                Field::picker(K::Who, Msg::FieldRecipient, Picker::new()),
                Field::text(K::Title, Msg::FieldTitle, "").hidden(true),
            ],
            today(),
            Lang::Da,
        )
    }

    fn typed(form: &mut Form<K>, text: &str) {
        for c in text.chars() {
            form.key(key(KeyCode::Char(c)), &people);
        }
    }

    #[test]
    fn the_first_field_is_focused_and_its_prefilled_text_replaced_by_typing() {
        let mut f = form();
        assert_eq!(f.focused(), Some(K::Weeks));
        typed(&mut f, "3");
        assert_eq!(f.text(K::Weeks), "3", "not 43");
    }

    #[test]
    fn tab_and_shift_tab_walk_the_shown_fields_round() {
        let mut f = form();
        let mut seen = vec![];
        for _ in 0..5 {
            f.next_field();
            seen.push(f.focused().unwrap());
        }
        assert_eq!(
            seen,
            [K::Kind, K::Closed, K::Start, K::Who, K::Weeks],
            "hidden skipped"
        );
        f.prev_field();
        assert_eq!(f.focused(), Some(K::Who));
        f.set_hidden(K::Title, false);
        f.next_field();
        assert_eq!(f.focused(), Some(K::Title));
        f.set_hidden(K::Title, true);
        assert_eq!(
            f.focused(),
            Some(K::Weeks),
            "hiding the focused field moves on"
        );
    }

    #[test]
    fn a_shown_value_stands_among_the_fields_but_tab_passes_it_by() {
        let mut f = Form::new(
            vec![
                Field::shown(K::Title, Msg::FieldTitle, "nu".to_string()),
                Field::text(K::Weeks, Msg::FieldKind, "4"),
                Field::toggle(K::Closed, Msg::FieldClosed, false),
            ],
            today(),
            Lang::Da,
        );
        assert_eq!(
            f.focused(),
            Some(K::Weeks),
            "the first field that is edited"
        );
        assert_eq!(f.fields().count(), 3, "drawn with the others");
        f.next_field();
        f.next_field();
        assert_eq!(f.focused(), Some(K::Weeks), "round past the shown value");
        f.focus_on(K::Title);
        assert_eq!(f.focused(), Some(K::Weeks), "it cannot take the focus");
        f.set_shown(K::Title, "senere".to_string());
        assert!(matches!(
            f.field(K::Title).map(|f| &f.input),
            Some(Input::Shown(v)) if v == "senere"
        ));
    }

    #[test]
    fn coming_back_to_a_filled_field_selects_it_again() {
        let mut f = form();
        f.focus_on(K::Start);
        typed(&mut f, "1/12");
        f.next_field();
        f.prev_field();
        typed(&mut f, "2/12");
        assert_eq!(f.text(K::Start), "2/12");
        assert_eq!(f.date(K::Start), Ok(NaiveDate::from_ymd_opt(2026, 12, 2)));
    }

    #[test]
    fn choices_and_toggles_step_with_arrows_and_space() {
        let mut f = form();
        f.focus_on(K::Kind);
        assert!(f.takes_key(&key(KeyCode::Char(' '))));
        assert!(
            !f.takes_key(&key(KeyCode::Char('x'))),
            "letters are the keymap's"
        );
        f.key(key(KeyCode::Left), &none);
        assert_eq!(f.index(K::Kind), 2, "← from the first wraps to the last");
        f.key(key(KeyCode::Char(' ')), &none);
        assert_eq!(f.index(K::Kind), 0);
        f.focus_on(K::Closed);
        f.key(key(KeyCode::Right), &none);
        assert!(f.toggle(K::Closed));
        f.key(key(KeyCode::Char(' ')), &none);
        assert!(!f.toggle(K::Closed));
    }

    #[test]
    fn a_picker_filters_as_typed_and_steps_with_arrows() {
        let mut f = form();
        f.focus_on(K::Who);
        typed(&mut f, "mette");
        assert_eq!(f.picked(K::Who), Some(Pick::Contact(ContactId(2))));
        f.key(key(KeyCode::Char('u')).with_ctrl(), &people);
        assert_eq!(f.text(K::Who), "");
        assert_eq!(f.picked(K::Who), None, "cleared, nothing chosen");
        f.key(key(KeyCode::Right), &people);
        assert_eq!(
            f.picked(K::Who),
            Some(Pick::Contact(ContactId(1))),
            "→ browses"
        );
    }

    #[test]
    fn a_cpr_number_is_refused_in_the_field_it_is_typed_in() {
        let mut f = form();
        f.set_text(K::Title, "født 010190-1234");
        assert!(
            f.cpr_errors().is_empty(),
            "a hidden field is not in the form"
        );
        f.focus_on(K::Who);
        typed(&mut f, "Bo 0101901234");
        let errors = f.cpr_errors();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].0, K::Who);
        assert!(errors[0].1.contains("CPR") && !errors[0].1.contains("0101901234"));
    }

    #[test]
    fn a_time_field_that_shows_its_reading_keeps_it_as_its_aside() {
        let mut f = Form::new(
            vec![Field::date(K::Start, Msg::FieldStartDate, "tor").reading(12)],
            today(),
            Lang::En,
        );
        let aside = |f: &Form<K>| f.field(K::Start).and_then(|x| x.aside.clone());
        assert_eq!(aside(&f).as_deref(), Some("→ Thu 26.11"));
        typed(&mut f, "fre");
        assert_eq!(aside(&f).as_deref(), Some("→ Fri 27.11"));
        f.set_text(K::Start, "nonsense");
        assert_eq!(aside(&f), None);
    }

    #[test]
    fn a_date_that_does_not_read_is_the_fields_error_in_the_forms_language() {
        let mut f = form();
        f.focus_on(K::Start);
        typed(&mut f, "31/2");
        let message = f.date(K::Start).unwrap_err();
        assert!(message.contains("31/2"), "{message}");
    }

    #[test]
    fn an_edit_clears_the_last_errors_and_paste_goes_in_as_text() {
        let mut f = form();
        f.errors.push((K::Weeks, "for mange".into()));
        assert!(f.has_error(K::Weeks));
        assert_eq!(f.paste("12\n", &none), Some(K::Weeks));
        assert_eq!(f.text(K::Weeks), "12");
        assert!(f.errors.is_empty());
        f.focus_on(K::Who);
        f.paste("Jonas", &people);
        assert_eq!(f.picked(K::Who), Some(Pick::Contact(ContactId(1))));
    }

    trait Ctrl {
        fn with_ctrl(self) -> Self;
    }

    impl Ctrl for KeyEvent {
        fn with_ctrl(mut self) -> Self {
            self.modifiers = KeyModifiers::CONTROL;
            self
        }
    }
}
