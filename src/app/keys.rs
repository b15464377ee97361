//! From a key press to actions: the keymap for the layers that are open, and text fields
//! taking printable keys first. Pure, so flow tests type keys without a terminal.

use super::core::action::Action;
use super::core::effect::Effect;
use super::dispatch::update;
use super::model::{Model, PendingKeys, Screen};
use super::popup::Popup;
use crate::keymap::{KeyPress, KeyResult, Layer};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The keymap layers of what is open, topmost first (`global` is always consulted last).
pub fn layers(model: &Model) -> Vec<Layer> {
    match &model.popup {
        None => match model.screen {
            Screen::Calendar => vec![Layer::Calendar],
            Screen::Card { .. } => vec![Layer::Card],
            Screen::ContactCard { .. } => vec![Layer::ContactCard],
            Screen::Suppliers(_) => vec![Layer::Suppliers],
            Screen::Requests { .. } => vec![Layer::Requests],
            Screen::Board => vec![Layer::Board],
            Screen::Today(_) => vec![Layer::Today],
            Screen::Citizen(_) => vec![Layer::Citizen],
        },
        Some(Popup::RequestForm(_) | Popup::ChaseLog(_)) => vec![Layer::Form],
        Some(Popup::Withdraw(_)) => vec![Layer::Confirm],
        Some(Popup::Finder(_)) => vec![Layer::Finder],
        Some(Popup::ContactLog(_) | Popup::Record(_) | Popup::NoteForm(_)) => vec![Layer::Form],
        Some(Popup::Notes(_)) => vec![Layer::Notes],
        Some(Popup::Help(_)) => vec![Layer::Help],
        Some(Popup::Items(_)) => vec![Layer::Items],
        Some(Popup::CourseForm(_) | Popup::CourseDialog(_)) => vec![Layer::Form],
        Some(Popup::Palette(_)) => vec![Layer::Palette],
        Some(Popup::Confirm(_)) => vec![Layer::Confirm],
        Some(Popup::Prompt(_) | Popup::Form(_)) => vec![Layer::Form],
        Some(Popup::Month(_)) => vec![Layer::Month],
        Some(Popup::Series(_)) => vec![Layer::Series],
        // The form, then a yes/no question over the preview.
        Some(Popup::Bulk(dialog)) if dialog.preview.is_some() => vec![Layer::Bulk],
        Some(Popup::Bulk(_)) => vec![Layer::Form],
        Some(Popup::Plan(_)) => vec![Layer::Plan],
    }
}

/// Whether `key` goes to the open popup's field before the keymap: a form built on the kit
/// says so itself (its text fields take their editing keys, a multi-line field Enter); other
/// popups take printable keys when they have a text field.
fn takes_key(model: &Model, key: &KeyEvent) -> bool {
    match &model.popup {
        Some(Popup::Record(form)) => form.form.takes_key(key),
        Some(Popup::NoteForm(form)) => form.takes_key(key),
        Some(Popup::ContactLog(log)) => log.form.takes_key(key),
        Some(Popup::ChaseLog(log)) => log.form.takes_key(key),
        Some(Popup::CourseDialog(dialog)) => dialog.takes_key(key),
        Some(Popup::CourseForm(form)) => form.form.takes_key(key),
        Some(Popup::RequestForm(form)) => form.form.takes_key(key),
        Some(Popup::Form(editor)) => editor.form.takes_key(key),
        Some(Popup::Bulk(dialog)) => dialog.takes_key(key),
        _ => takes_text(model) && printable(key),
    }
}

/// Whether the open popup has a text field that printable keys go to.
fn takes_text(model: &Model) -> bool {
    match &model.popup {
        Some(Popup::Prompt(_) | Popup::Palette(_) | Popup::Finder(_)) => true,
        Some(Popup::Form(editor)) => editor.form.focus_is_text(),
        Some(Popup::ContactLog(log)) => log.form.focus_is_text(),
        Some(Popup::Record(form)) => form.form.focus_is_text(),
        Some(Popup::NoteForm(form)) => form.form.focus_is_text(),
        Some(Popup::CourseForm(form)) => form.form.focus_is_text(),
        Some(Popup::CourseDialog(dialog)) => dialog.form.focus_is_text(),
        Some(Popup::RequestForm(form)) => form.form.focus_is_text(),
        Some(Popup::ChaseLog(log)) => log.form.focus_is_text(),
        Some(Popup::Bulk(dialog)) => dialog.focus_is_text(),
        Some(
            Popup::Help(_)
            | Popup::Confirm(_)
            | Popup::Month(_)
            | Popup::Series(_)
            | Popup::Items(_)
            | Popup::Notes(_)
            | Popup::Plan(_)
            | Popup::Withdraw(_),
        )
        | None => false,
    }
}

/// Whether the open popup's focused field is a multi-line text.
fn multi_line(model: &Model) -> bool {
    match &model.popup {
        Some(Popup::ContactLog(log)) => log.form.focus_is_multi_line(),
        Some(Popup::Record(form)) => form.form.focus_is_multi_line(),
        Some(Popup::NoteForm(form)) => form.form.focus_is_multi_line(),
        Some(Popup::CourseForm(form)) => form.form.focus_is_multi_line(),
        Some(Popup::CourseDialog(dialog)) => dialog.form.focus_is_multi_line(),
        Some(Popup::RequestForm(form)) => form.form.focus_is_multi_line(),
        Some(Popup::ChaseLog(log)) => log.form.focus_is_multi_line(),
        Some(Popup::Form(editor)) => editor.form.focus_is_multi_line(),
        _ => false,
    }
}

/// Text pasted with bracketed paste: typed into the focused text field as text, never as keys,
/// so a pasted line break neither saves a form nor runs a command. In a multi-line field (a
/// note's body) a line break stays one; elsewhere it becomes a space. Control characters
/// other than line breaks and tabs are dropped. Outside a text field a paste does nothing.
pub fn paste(model: &mut Model, text: &str) -> Vec<Effect> {
    if model.pending.is_some() || !takes_text(model) {
        return vec![];
    }
    model.status = None;
    let multi_line = multi_line(model);
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let keys = text.chars().filter_map(|c| match c {
        '\n' if multi_line => Some(KeyEvent::from(KeyCode::Enter)),
        '\n' | '\t' => Some(KeyEvent::from(KeyCode::Char(' '))),
        c if c.is_control() => None,
        c => Some(KeyEvent::from(KeyCode::Char(c))),
    });
    if matches!(model.popup, Some(Popup::Finder(_))) {
        // The finder searches the whole caseload per change: once for the whole paste.
        return super::lookup::finder::type_keys(model, keys);
    }
    keys.flat_map(|key| update(model, Action::Type(key)))
        .collect()
}

fn printable(key: &KeyEvent) -> bool {
    matches!(key.code, KeyCode::Char(_))
        && !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
}

/// Handles one key press and returns the effects for the app loop.
pub fn press(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    // A message answers the last key; the next key makes room for what undo would revert.
    model.status = None;
    match resolve(model, key) {
        Some(action) => update(model, action),
        None => vec![],
    }
}

/// What one key asks for with the model as it is: typing into the open field, a bound action
/// of the live layers, or nothing yet (a sequence is pending, or was cancelled). Only the
/// state of a pending sequence changes; `press` runs the action.
pub fn resolve(model: &mut Model, key: KeyEvent) -> Option<Action> {
    // AltGr reported as Ctrl+Alt is the character it types, in fields and in the keymap.
    let key = crate::keymap::without_alt_gr(key);
    if model.pending.is_none() && takes_key(model, &key) {
        return Some(Action::Type(key));
    }
    let layers = layers(model);
    let mut pending = model.key_state.clone();
    let result = model
        .keymap
        .feed(&layers, &mut pending, KeyPress::from(key));
    model.key_state = pending;
    match result {
        KeyResult::Matched(named) => {
            model.pending = None;
            model.last_key = Some(KeyPress::from(key));
            Some(Action::Run(named))
        }
        KeyResult::Pending(node) => {
            model.pending = Some(PendingKeys {
                typed: crate::keymap::format_sequence(&node.keys),
                next: node
                    .continuations
                    .iter()
                    .map(|c| {
                        let desc = match c.action {
                            Some(named) => named.describe(model.lang, &c.desc),
                            None => c.desc.clone(),
                        };
                        (c.key.to_string(), desc)
                    })
                    .collect(),
            });
            None
        }
        KeyResult::Cancelled(_) => {
            model.pending = None;
            None
        }
        KeyResult::NotFound => {
            model.pending = None;
            model.popup.is_some().then_some(Action::Type(key))
        }
    }
}
