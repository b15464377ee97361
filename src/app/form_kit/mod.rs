//! One kit for every form: text fields (one line or several, on ratatui-textarea), choices,
//! yes/no toggles, date, time and duration fields read by the one parser, pickers that filter
//! as you type, and per-field errors and warnings. A form is a declaration, one line a field;
//! `ui::field_row` draws a field the same way in every form.
//!
//! The rules are the kit's, so every form keeps them: a pre-filled field is selected (typing
//! replaces it; an arrow key, Home or End keeps it), `ctrl-u` clears a field and `ctrl-w`
//! deletes a word, Tab/shift-Tab and ↓/↑ move between fields, pasted text goes in as text.
//! A list field holds rows of such fields (`list.rs`), added, edited and removed in place.

pub mod choice;
pub mod form;
pub mod list;
pub mod picker;
pub mod text;
pub mod time_field;

pub use choice::{Choice, step, step_index};
pub use form::{Candidates, Field, Form, Input, Refusals};
pub use list::ListField;
pub use picker::{Candidate, PICKER_ROWS, Pick, Picker};
pub use text::{Lines, TextField};
pub use time_field::{TimeField, TimeKind};
