//! The meeting form: the fields on the left, what helps with the focused field, the parties,
//! warnings and the parties' other meetings on the right.

use super::frame;
use crate::app::forms::meeting::{FORMS, Field, MeetingEditor, PLACES};
use crate::app::forms::text_of;
use crate::app::model::Model;
use crate::i18n::{Msg, label_form, label_place, label_purpose, weekday_short};
use crate::model::{ContactId, Participant};
use crate::time::format_time;
use crate::ui::detail::warning_text;
use crate::ui::text::{centered, fit, pad};
use crate::ui::theme;
use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

const LABEL: u16 = 17;
const LEFT: u16 = 46;

pub fn label(editor: &MeetingEditor, field: Field) -> Msg {
    match field {
        Field::Case if editor.is_internal() => Msg::FieldTitle,
        Field::Case => Msg::Case,
        Field::Purpose => Msg::Purpose,
        Field::Start => Msg::FieldStart,
        Field::Duration => Msg::FieldDuration,
        Field::Form => Msg::FieldForm,
        Field::Place => Msg::Place,
        Field::PlaceText => Msg::FieldPlaceText,
        Field::Parties => Msg::FieldParties,
        Field::Prep => Msg::Preparation,
        Field::FollowUp => Msg::WrapUp,
        Field::Note => Msg::Note,
    }
}

pub fn draw(model: &Model, editor: &MeetingEditor, body: Rect, buf: &mut Buffer) {
    let lang = model.lang;
    let area = centered(body, 100, 24);
    let title = if editor.original.is_some() {
        Msg::FormEdit
    } else {
        Msg::FormNew
    };
    let inner = frame(area, title.text(lang), buf);
    let footer_y = inner.y + inner.height.saturating_sub(1);
    let left = Rect::new(
        inner.x,
        inner.y,
        LEFT.min(inner.width),
        inner.height.saturating_sub(1),
    );
    for (i, field) in Field::ALL.iter().enumerate() {
        if i as u16 >= left.height {
            break;
        }
        draw_field(
            model,
            editor,
            *field,
            Rect::new(left.x, left.y + i as u16, left.width, 1),
            buf,
        );
    }
    let right = Rect::new(
        inner.x + LEFT + 1,
        inner.y,
        inner.width.saturating_sub(LEFT + 1),
        inner.height.saturating_sub(1),
    );
    for y in right.y..right.y + right.height {
        buf[(right.x - 1, y)]
            .set_symbol("│")
            .set_style(theme::dim());
    }
    let side = Rect {
        x: right.x + 1,
        width: right.width.saturating_sub(1),
        ..right
    };
    Paragraph::new(side_lines(model, editor, usize::from(side.width)))
        .wrap(Wrap { trim: false })
        .render(side, buf);
    buf.set_string(
        inner.x,
        footer_y,
        fit(Msg::FormFooter.text(lang), usize::from(inner.width)),
        theme::dim(),
    );
}

fn draw_field(model: &Model, editor: &MeetingEditor, field: Field, r: Rect, buf: &mut Buffer) {
    let lang = model.lang;
    let focused = editor.focus == field;
    let error = editor.errors.iter().any(|(f, _)| *f == field);
    let mark = if focused {
        "▶"
    } else if error {
        "!"
    } else {
        " "
    };
    let label_style = if focused {
        theme::selected()
    } else if error {
        theme::error()
    } else {
        theme::bold()
    };
    let text = format!(
        "{mark}{}",
        pad(label(editor, field).text(lang), usize::from(LABEL) - 2)
    );
    buf.set_string(r.x, r.y, text, label_style);
    let value = Rect {
        x: r.x + LABEL,
        width: r.width.saturating_sub(LABEL),
        ..r
    };
    let w = usize::from(value.width);
    let choice = |text: &str| -> (String, Style) {
        let style = if focused {
            theme::key()
        } else {
            theme::plain()
        };
        (format!("‹ {} ›", text), style)
    };
    let input = match field {
        Field::Case if editor.is_internal() => Some(&editor.title),
        Field::Case => Some(&editor.case_input),
        Field::Start => Some(&editor.start),
        Field::Duration => Some(&editor.duration),
        Field::PlaceText => Some(&editor.place_text),
        Field::Parties => Some(&editor.party_input),
        Field::Prep => Some(&editor.prep),
        Field::FollowUp => Some(&editor.follow_up),
        Field::Note => Some(&editor.note),
        Field::Purpose | Field::Form | Field::Place => None,
    };
    let (text, style) = match field {
        Field::Purpose => choice(&label_purpose(editor.purpose_key(), lang)),
        Field::Form => choice(label_form(FORMS[editor.form], lang)),
        Field::Place => choice(label_place(PLACES[editor.place], lang)),
        Field::Case if !editor.is_internal() && !focused => match chosen_case(editor) {
            Some(name) => (format!("✓ {name}"), theme::bold()),
            None => (text_of(&editor.case_input), theme::dim()),
        },
        Field::Parties if !focused => (
            editor
                .parties
                .iter()
                .map(|p| party_name(model, p))
                .collect::<Vec<_>>()
                .join(", "),
            theme::plain(),
        ),
        _ => (input.map(text_of).unwrap_or_default(), theme::plain()),
    };
    match input {
        Some(area) if focused => {
            let input_w = if field == Field::Start {
                12
            } else {
                value.width
            };
            area.render(
                Rect {
                    width: input_w.min(value.width),
                    ..value
                },
                buf,
            );
        }
        _ => buf.set_string(value.x, value.y, fit(&text, w), style),
    }
    // What the start reads as, so a typo shows before saving.
    if field == Field::Start
        && let Some(start) = editor.start_time(model.today())
    {
        let hint = format!(
            "→ {} {} {}",
            weekday_short(start.weekday(), lang),
            start.format("%d.%m"),
            format_time(start.time())
        );
        buf.set_string(
            value.x + 12,
            value.y,
            fit(&hint, w.saturating_sub(12)),
            theme::dim(),
        );
    }
}

fn chosen_case(editor: &MeetingEditor) -> Option<String> {
    let id = editor.case?;
    editor
        .case_matches
        .iter()
        .find(|(c, _)| *c == id)
        .map(|(_, name)| name.clone())
}

fn contact_name(model: &Model, id: ContactId) -> String {
    model
        .directory
        .as_ref()
        .and_then(|d| d.contacts.iter().find(|c| c.id == id))
        .map(|c| c.name.clone())
        .unwrap_or_else(|| model.window.contact_name(id))
}

fn party_name(model: &Model, p: &Participant) -> String {
    match p.contact {
        Some(id) => contact_name(model, id),
        None => p.name.clone(),
    }
}

fn heading(msg: Msg, model: &Model) -> Line<'static> {
    Line::styled(msg.text(model.lang).to_string(), theme::title())
}

/// The right-hand column, top to bottom: errors, the third-party question, help for the
/// focused picker, the parties, warnings, and the parties' other meetings that day.
fn side_lines(model: &Model, editor: &MeetingEditor, w: usize) -> Vec<Line<'static>> {
    let lang = model.lang;
    let mut out: Vec<Line<'static>> = Vec::new();
    for (field, message) in &editor.errors {
        out.push(Line::styled(
            format!("! {}: {message}", label(editor, *field).text(lang)),
            theme::error(),
        ));
    }
    if editor.needs_third_party() {
        out.push(Line::styled(
            format!("⚠ {}", Msg::NeedsThirdParty.text(lang)),
            theme::warning(),
        ));
    }
    if !out.is_empty() {
        out.push(Line::raw(""));
    }
    match editor.focus {
        Field::Case if !editor.is_internal() => {
            out.push(heading(Msg::CaseMatches, model));
            if editor.case_matches.is_empty() {
                out.push(Line::styled(Msg::NoCaseMatches.text(lang), theme::dim()));
            }
            for (id, name) in &editor.case_matches {
                let chosen = editor.case == Some(*id);
                let (mark, style) = if chosen {
                    ("▶ ", theme::selected())
                } else {
                    ("  ", theme::plain())
                };
                let check = if chosen { " ✓" } else { "" };
                out.push(Line::styled(fit(&format!("{mark}{name}{check}"), w), style));
            }
            out.push(Line::raw(""));
        }
        Field::Parties => {
            if !editor.party_matches.is_empty() {
                out.push(heading(Msg::ContactMatches, model));
                for (i, (_, name)) in editor.party_matches.iter().enumerate() {
                    let mark = if i == 0 { "▶ " } else { "  " };
                    out.push(Line::raw(fit(&format!("{mark}{name}"), w)));
                }
                out.push(Line::raw(""));
            }
            out.push(Line::styled(Msg::PartiesHint.text(lang), theme::dim()));
        }
        _ => {}
    }
    out.push(heading(Msg::FieldParties, model));
    if editor.parties.is_empty() {
        out.push(Line::styled(Msg::NoParties.text(lang), theme::dim()));
    }
    for p in &editor.parties {
        out.push(Line::from(vec![
            Span::raw("• "),
            Span::styled(party_name(model, p), theme::bold()),
            Span::raw(format!(" ({})", crate::i18n::label_role(p.role, lang))),
        ]));
    }
    let warnings = editor.warnings(&model.settings, model.today());
    if !warnings.is_empty() {
        out.push(Line::raw(""));
        out.push(heading(Msg::WarningsLabel, model));
        for warning in &warnings {
            let text = warning_text(model, warning, |id| editor.day.iter().find(|m| m.id == id));
            out.push(Line::styled(text, theme::warning()));
        }
    }
    let others = editor.party_meetings(model.today());
    if !others.is_empty() {
        out.push(Line::raw(""));
        out.push(heading(Msg::PartyMeetings, model));
        for (party, start, end, overlap) in others {
            let mut text = format!(
                "{}–{} {}",
                format_time(start.time()),
                format_time(end.time()),
                contact_name(model, party)
            );
            if overlap {
                text.push_str(&format!(" ⚠ {}", Msg::OverlapMark.text(lang)));
            }
            let style = if overlap {
                theme::warning()
            } else {
                theme::plain()
            };
            out.push(Line::styled(text, style));
        }
    }
    out
}
