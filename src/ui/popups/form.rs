//! The meeting form: the fields on the left, what helps with the focused field, the parties,
//! warnings and the parties' other meetings on the right.

use super::frame;
use crate::app::forms::meeting::{Field, MeetingEditor};
use crate::app::model::Model;
use crate::i18n::Msg;
use crate::model::{ContactId, Participant};
use crate::time::format_time;
use crate::ui::detail::warning_text;
use crate::ui::field_row::{draw_fields_with, keys_hint, match_lines};
use crate::ui::text::{centered, fit};
use crate::ui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

const LEFT: u16 = 46;

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
    // The parties field shows the parties added while it does not have the focus.
    let parties = |field: Field| {
        (field == Field::Parties).then(|| {
            editor
                .parties
                .iter()
                .map(|p| party_name(model, p))
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    draw_fields_with(&editor.form, left, buf, &model.clicks, &parties);
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
        fit(
            &keys_hint(&editor.form, usize::from(inner.width)),
            usize::from(inner.width),
        ),
        theme::dim(),
    );
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
    if editor.needs_third_party() {
        out.push(Line::styled(
            format!("⚠ {}", Msg::NeedsThirdParty.text(lang)),
            theme::warning(),
        ));
    }
    if !out.is_empty() {
        out.push(Line::raw(""));
    }
    match editor.form.focused() {
        Some(Field::Case) => {
            out.push(heading(Msg::CaseMatches, model));
            let matches = editor
                .form
                .picker(Field::Case)
                .map(|p| match_lines(p, w))
                .unwrap_or_default();
            if matches.is_empty() {
                out.push(Line::styled(Msg::NoCaseMatches.text(lang), theme::dim()));
            }
            out.extend(
                matches
                    .into_iter()
                    .map(|(text, style)| Line::styled(text, style)),
            );
            out.push(Line::raw(""));
        }
        Some(Field::Parties) => {
            let matches = editor
                .form
                .picker(Field::Parties)
                .map(|p| match_lines(p, w))
                .unwrap_or_default();
            if !matches.is_empty() {
                out.push(heading(Msg::ContactMatches, model));
                out.extend(
                    matches
                        .into_iter()
                        .map(|(text, style)| Line::styled(text, style)),
                );
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
    let warnings = &editor.conflicts;
    if !warnings.is_empty() {
        out.push(Line::raw(""));
        out.push(heading(Msg::WarningsLabel, model));
        for warning in warnings {
            let text = warning_text(
                model,
                warning,
                |id| editor.day.iter().find(|m| m.id == id),
                |id| editor.busy.iter().find(|b| b.id == id),
            );
            out.push(Line::styled(text, theme::warning()));
        }
    }
    let others = &editor.party_meetings;
    if !others.is_empty() {
        out.push(Line::raw(""));
        out.push(heading(Msg::PartyMeetings, model));
        for &(party, start, end, overlap) in others {
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
