//! One row widget for every form field: a marker (▶ focused, ! refused), the label, the value
//! (the text with its cursor while focused, ‹ a choice ›, [x] yes, a picker's typed text and
//! its chosen match) and an aside; under it the field's info, error and warning lines. And the
//! key hint of a form, from what its fields are.

use super::text::{fit, pad, width};
use super::theme;
use crate::app::core::clicks::{ClickAreas, Target};
use crate::app::form_kit::{Field, Form, Input, ListField, Picker};
use crate::i18n::{Lang, Msg};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// The width of the label column of `form`: its longest shown label and a space.
pub fn label_width<K: Copy + PartialEq>(form: &Form<K>) -> usize {
    form.fields()
        .map(|f| width(f.label.text(form.lang)))
        .max()
        .unwrap_or(8)
        + 1
}

/// The column where values start, counted from the row's left edge: after the marker and the
/// padded label (whose last column is a space).
pub fn value_column(label_w: usize) -> u16 {
    u16::try_from(label_w + 1).unwrap_or(u16::MAX)
}

/// What a field shows while it does not have the focus, instead of its value (the parties a
/// party picker has added), by the field's key; `None` for its value.
pub type Summary<'a, K> = &'a dyn Fn(K) -> Option<String>;

/// Draws `field` in the one-line `area`: marker, label padded to `label_w`, value (or its
/// summary), aside.
pub fn field_row<K: Copy + PartialEq>(
    form: &Form<K>,
    field: &Field<K>,
    label_w: usize,
    area: Rect,
    buf: &mut Buffer,
    summary: Summary<'_, K>,
) {
    let lang = form.lang;
    let focused = form.is_focused(field.key);
    let refused = form.has_error(field.key);
    let (marker, style) = match (focused, refused) {
        (true, _) => ("▶", theme::selected()),
        (false, true) => ("!", theme::error()),
        (false, false) => (" ", theme::bold()),
    };
    buf.set_string(
        area.x,
        area.y,
        fit(
            &format!("{marker}{}", pad(field.label.text(lang), label_w)),
            usize::from(area.width),
        ),
        style,
    );
    let x = area.x.saturating_add(value_column(label_w));
    let value = Rect {
        x,
        width: area.width.saturating_sub(value_column(label_w)),
        ..area
    };
    let shown = if focused { None } else { summary(field.key) };
    let used = match shown {
        Some(summary) => {
            let text = fit(&summary, usize::from(value.width));
            buf.set_string(value.x, value.y, &text, theme::plain());
            u16::try_from(width(&text)).unwrap_or(value.width)
        }
        None => draw_value(field, focused, value, lang, buf),
    };
    let hint = field.hint.as_ref().filter(|_| focused);
    if let Some(aside) = field.aside.as_ref().or(hint) {
        // Right after the input box (its last column is the cursor's), or two columns after
        // the typed text; and only whole: a cut hint helps nobody.
        let at = if field.input_width.is_some() {
            used
        } else {
            used + 2
        };
        let room = usize::from(value.width.saturating_sub(at));
        if width(aside) <= room {
            buf.set_string(value.x + at, value.y, aside, theme::dim());
        }
    }
}

/// Draws the value; returns the columns it takes (the input's width for a field whose aside
/// follows its input).
fn draw_value<K>(field: &Field<K>, focused: bool, area: Rect, lang: Lang, buf: &mut Buffer) -> u16 {
    let w = usize::from(area.width);
    let put = |text: &str, style: Style, buf: &mut Buffer| {
        let text = fit(text, w);
        buf.set_string(area.x, area.y, &text, style);
        u16::try_from(width(&text)).unwrap_or(area.width)
    };
    let choice_style = if focused {
        theme::key()
    } else {
        theme::plain()
    };
    match &field.input {
        Input::Choice(c) => put(&format!("‹ {} ›", c.label()), choice_style, buf),
        Input::Toggle(on) => {
            let (mark, word) = if *on {
                ("[x]", Msg::YesWord)
            } else {
                ("[ ]", Msg::NoWord)
            };
            put(&format!("{mark} {}", word.text(lang)), theme::plain(), buf)
        }
        Input::Picker(p) if focused && field.lists_matches => {
            p.input.area().render(area, buf);
            area.width
        }
        Input::Picker(p) => picker(p, focused, area, lang, buf),
        Input::Shown(value) => put(value, theme::plain(), buf),
        Input::List(l) if focused && l.editing().is_none() => {
            put(Msg::KitListKeys.text(lang), theme::dim(), buf)
        }
        Input::List(l) if l.rows().is_empty() => put("–", theme::dim(), buf),
        Input::List(l) => put(&l.rows().len().to_string(), theme::plain(), buf),
        // Drawn on its own rows by `draw_fields_with`.
        Input::Text(t) if t.is_multi_line() && text_rows(field) > 0 => 0,
        Input::Text(_) | Input::Time(_) => {
            let Some(text) = field.input.text_field() else {
                return 0;
            };
            let input_w = field.input_width.unwrap_or(area.width).min(area.width);
            if focused {
                text.area().render(
                    Rect {
                        width: input_w,
                        ..area
                    },
                    buf,
                );
                // The typed text and the cursor after it, when the box is the whole row.
                field
                    .input_width
                    .unwrap_or_else(|| u16::try_from(width(&text.text()) + 1).unwrap_or(input_w))
            } else {
                let shown = fit(&text.text().replace('\n', " ⏎ "), usize::from(input_w));
                buf.set_string(area.x, area.y, &shown, theme::plain());
                field
                    .input_width
                    .unwrap_or_else(|| u16::try_from(width(&shown)).unwrap_or(input_w))
            }
        }
    }
}

/// The typed name while focused, then the chosen match: "jo → ‹ Jonas Berg (Udsyn) › 1/4";
/// the chosen match alone otherwise.
fn picker(p: &Picker, focused: bool, area: Rect, lang: Lang, buf: &mut Buffer) -> u16 {
    let w = usize::from(area.width);
    let typed = p.input.text();
    let (chosen, style) = match p.chosen_label() {
        Some(label) => {
            let count = match p.position() {
                Some((i, n)) if n > 1 && focused => format!(" {i}/{n}"),
                _ => String::new(),
            };
            (format!("‹ {label} ›{count}"), theme::bold())
        }
        None if typed.trim().is_empty() => ("–".to_string(), theme::dim()),
        None => (Msg::NoMatchWord.text(lang).to_string(), theme::warning()),
    };
    if !focused {
        // What was typed stays in sight beside "no match".
        let chosen = if p.chosen_label().is_none() && !typed.trim().is_empty() {
            format!("{} · {chosen}", typed.trim())
        } else {
            chosen
        };
        let text = fit(&chosen, w);
        buf.set_string(area.x, area.y, &text, style);
        return u16::try_from(width(&text)).unwrap_or(area.width);
    }
    let input_w = (u16::try_from(width(&typed)).unwrap_or(area.width) + 2).clamp(8, area.width / 2);
    p.input
        .area()
        .render(Rect::new(area.x, area.y, input_w, 1), buf);
    let x = area.x + input_w + 1;
    let rest = usize::from(area.width.saturating_sub(input_w + 1));
    let text = fit(&format!("→ {chosen}"), rest);
    buf.set_string(x, area.y, &text, style);
    input_w + 1 + u16::try_from(width(&text)).unwrap_or(0)
}

/// Lines of text with their styles.
pub type Lines = Vec<(String, Style)>;

/// A picker's matches, one a line cut to `w`, the chosen one marked "▶": the list a form shows
/// beside or under its picker.
pub fn match_lines(picker: &Picker, w: usize) -> Lines {
    picker
        .matches()
        .iter()
        .map(|(pick, name)| {
            if picker.pick() == Some(*pick) {
                (fit(&format!("▶ {name}"), w), theme::selected())
            } else {
                (fit(&format!("  {name}"), w), theme::plain())
            }
        })
        .collect()
}

/// The lines under a field, indented to its value: info (dim), errors ("! …", red) and
/// warnings ("⚠ …", yellow).
pub fn under_lines<K: Copy + PartialEq>(form: &Form<K>, field: &Field<K>) -> Lines {
    let mut out: Lines = field
        .info
        .iter()
        .map(|line| (line.clone(), theme::dim()))
        .collect();
    if let Input::List(list) = &field.input {
        out.extend(list_lines(list, form.is_focused(field.key), form.lang));
    }
    out.extend(
        form.errors_of(field.key)
            .map(|e| (format!("! {e}"), theme::error())),
    );
    out.extend(
        form.warnings_of(field.key)
            .map(|w| (format!("⚠ {w}"), theme::warning())),
    );
    out
}

/// A list's rows, one a line ("• Lone Holm · Læge"); while the list has the focus the chosen
/// row is marked "▶" and "+ tilføj" ends the list.
fn list_lines<K: Copy + PartialEq>(list: &ListField<K>, focused: bool, lang: Lang) -> Lines {
    let choosing = focused && list.editing().is_none();
    let edited = list.edited_row().flatten();
    let mut out: Lines = list
        .rows()
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let text = ListField::summary(row);
            if choosing && list.selected() == i {
                (format!("▶ {text}"), theme::selected())
            } else if edited == Some(i) {
                (format!("✎ {text}"), theme::dim())
            } else {
                (format!("• {text}"), theme::plain())
            }
        })
        .collect();
    if choosing {
        let add = format!("+ {}", Msg::KitListAdd.text(lang));
        if list.selected() >= list.rows().len() {
            out.push((format!("▶ {add}"), theme::selected()));
        } else {
            out.push((format!("  {add}"), theme::dim()));
        }
    }
    out
}

/// The rows a field of several lines takes beyond its first: its text, at least three rows
/// and at most eight.
fn text_rows<K>(field: &Field<K>) -> usize {
    match &field.input {
        Input::Text(t) if t.is_multi_line() => t.area().lines().len().clamp(3, 8) - 1,
        _ => 0,
    }
}

/// The rows a list's edited row takes under the list: its fields and their lines.
fn edit_height<K: Copy + PartialEq>(field: &Field<K>) -> usize {
    match &field.input {
        Input::List(l) => l.editing().map_or(0, |row| {
            row.fields().map(|f| 1 + under_lines(row, f).len()).sum()
        }),
        _ => 0,
    }
}

/// Draws the shown fields of `form` from the top of `area`, each followed by its lines, and
/// returns the rows used. When they do not all fit, the first ones are left out so the focused
/// field shows (the form scrolls with the focus).
/// Each field's row is noted in `clicks` by the field's index among the shown ones.
pub fn draw_fields<K: Copy + PartialEq>(
    form: &Form<K>,
    area: Rect,
    buf: &mut Buffer,
    clicks: &ClickAreas,
) -> u16 {
    draw_fields_with(form, area, buf, clicks, &|_| None)
}

/// [`draw_fields`], with what some fields show while they do not have the focus.
pub fn draw_fields_with<K: Copy + PartialEq>(
    form: &Form<K>,
    area: Rect,
    buf: &mut Buffer,
    clicks: &ClickAreas,
    summary: Summary<'_, K>,
) -> u16 {
    let label_w = label_width(form);
    let fields: Vec<(&Field<K>, Lines)> =
        form.fields().map(|f| (f, under_lines(form, f))).collect();
    let height = |(f, lines): &(&Field<K>, Lines)| 1 + text_rows(f) + lines.len() + edit_height(f);
    let room = usize::from(area.height);
    let focused = fields
        .iter()
        .position(|(f, _)| form.is_focused(f.key))
        .unwrap_or(0);
    let mut first = 0;
    while first < focused && fields[first..=focused].iter().map(height).sum::<usize>() > room {
        first += 1;
    }
    let x = area.x.saturating_add(value_column(label_w));
    let w = usize::from(area.width.saturating_sub(value_column(label_w)));
    let mut y = 0u16;
    for (index, (field, lines)) in fields.iter().enumerate().skip(first) {
        if y >= area.height {
            break;
        }
        let r = Rect::new(area.x, area.y + y, area.width, 1);
        if field.takes_focus() {
            clicks.add(r, Target::Field(index));
        }
        field_row(form, field, label_w, r, buf, summary);
        // A text of several lines gets its rows: the editor while focused, the lines otherwise.
        let extra = u16::try_from(text_rows(field)).unwrap_or(0);
        if let Input::Text(t) = &field.input
            && extra > 0
        {
            let rows = Rect::new(
                x,
                area.y + y,
                area.width.saturating_sub(value_column(label_w)),
                (extra + 1).min(area.height - y),
            );
            for row in 0..rows.height {
                buf.set_string(
                    rows.x,
                    rows.y + row,
                    " ".repeat(usize::from(rows.width)),
                    theme::plain(),
                );
            }
            if form.is_focused(field.key) {
                t.area().render(rows, buf);
            } else {
                for (i, line) in t
                    .area()
                    .lines()
                    .iter()
                    .take(usize::from(rows.height))
                    .enumerate()
                {
                    let row = u16::try_from(i).unwrap_or(0);
                    buf.set_string(rows.x, rows.y + row, fit(line, w), theme::plain());
                }
            }
        }
        y += 1 + extra;
        for (text, style) in lines {
            if y >= area.height {
                break;
            }
            buf.set_string(x, area.y + y, fit(text, w), *style);
            y += 1;
        }
        // A list's edited row: its own fields, under the list and indented to its values.
        if let Input::List(list) = &field.input
            && let Some(row) = list.editing()
            && y < area.height
        {
            let rest = Rect::new(
                x,
                area.y + y,
                area.width.saturating_sub(value_column(label_w)),
                area.height - y,
            );
            // A click there picks the list's field, whose row is above.
            y += draw_fields(row, rest, buf, &ClickAreas::default());
        }
    }
    y
}

/// The form's keys, from what its fields are: "Tab/↑↓ felt · ←/→ vælg · mellemrum ja/nej ·
/// ctrl-u ryd · Enter gem · Esc annullér", shortened to `max` columns by leaving out what
/// matters least.
pub fn keys_hint<K: Copy + PartialEq>(form: &Form<K>, max: usize) -> String {
    let lang = form.lang;
    let mut fields = 0;
    let (mut choices, mut toggles, mut texts, mut multi_focused) = (false, false, false, false);
    let mut in_list = false;
    for f in form.fields().filter(|f| f.takes_focus()) {
        fields += 1;
        match &f.input {
            Input::Choice(_) | Input::Picker(_) => choices = true,
            Input::Toggle(_) => toggles = true,
            Input::List(l) => in_list |= form.is_focused(f.key) && l.editing().is_some(),
            Input::Text(_) | Input::Time(_) | Input::Shown(_) => {}
        }
        if let Some(t) = f.input.text_field() {
            texts = true;
            multi_focused |= t.is_multi_line() && form.is_focused(f.key);
        }
    }
    // (message, shown) from the most to the least needed.
    let save = if in_list {
        Msg::KitListRowKeys
    } else if multi_focused {
        Msg::KitSaveMultiLine
    } else if form.focused().is_some_and(|k| form.list(k).is_some()) {
        Msg::KitCtrlSave
    } else {
        Msg::KitSave
    };
    let parts = [
        (Msg::KitFields, fields > 1, 0),
        (Msg::KitChoose, choices, 1),
        (Msg::KitToggle, toggles, 2),
        (Msg::KitClear, texts, 3),
        (save, true, 0),
        (Msg::KitCancel, !in_list, 0),
    ];
    // Leave out the least needed until the line fits.
    for drop_from in [4, 3, 2, 1] {
        let line = parts
            .iter()
            .filter(|(_, shown, rank)| *shown && *rank < drop_from)
            .map(|(m, _, _)| m.text(lang))
            .collect::<Vec<_>>()
            .join(" · ");
        if width(&line) <= max || drop_from == 1 {
            return line;
        }
    }
    String::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::form_kit::{Choice, Field};
    use chrono::NaiveDate;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum K {
        Kind,
        Weeks,
        Closed,
    }

    fn form(lang: Lang) -> Form<K> {
        Form::new(
            vec![
                Field::choice(
                    K::Kind,
                    Msg::FieldKind,
                    Choice::indexed(["Samtale".to_string()], 0),
                ),
                Field::text(K::Weeks, Msg::FieldDuration, "45m"),
                Field::toggle(K::Closed, Msg::FieldClosed, true),
            ],
            NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default(),
            lang,
        )
    }

    fn rows(form: &Form<K>, w: u16, h: u16) -> Vec<String> {
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        draw_fields(form, area, &mut buf, &ClickAreas::default());
        (0..h)
            .map(|y| {
                (0..w)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
                    .trim_end()
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn every_field_is_one_row_with_its_errors_under_it() {
        let mut f = form(Lang::En);
        f.errors.push((K::Weeks, "Not a duration".into()));
        f.warnings.push((K::Closed, "Still open items".into()));
        let shown = rows(&f, 40, 6);
        let value = usize::from(value_column(label_width(&f)));
        assert!(shown[0].starts_with("▶Kind"), "{shown:?}");
        assert_eq!(&shown[0][shown[0].find('‹').unwrap_or(0)..], "‹ Samtale ›");
        assert!(shown[1].starts_with("!Duration"), "{shown:?}");
        assert_eq!(shown[1].chars().skip(value).collect::<String>(), "45m");
        assert_eq!(
            shown[2].chars().skip(value).collect::<String>(),
            "! Not a duration"
        );
        assert!(shown[3].ends_with("[x] yes"), "{shown:?}");
        assert_eq!(
            shown[4].chars().skip(value).collect::<String>(),
            "⚠ Still open items"
        );
    }

    #[test]
    fn a_form_taller_than_its_area_scrolls_to_the_focused_field() {
        let mut f = form(Lang::En);
        f.focus_on(K::Closed);
        let shown = rows(&f, 40, 2);
        assert!(shown[0].starts_with(" Duration"), "{shown:?}");
        assert!(shown[1].starts_with("▶Case closed"), "{shown:?}");
    }

    #[test]
    fn the_hint_names_the_field_keys_and_shortens_to_fit() {
        let f = form(Lang::Da);
        assert_eq!(
            keys_hint(&f, 100),
            "Tab/↑↓ felt · ←/→ vælg · mellemrum ja/nej · ctrl-u ryd · Enter gem · Esc annullér"
        );
        let short = keys_hint(&f, 60);
        assert!(width(&short) <= 60, "{short}");
        assert!(
            short.starts_with("Tab/↑↓ felt"),
            "moving between fields stays: {short}"
        );
        assert!(short.contains("Enter gem") && short.contains("Esc annullér"));
    }
}
