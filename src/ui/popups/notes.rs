//! The note form (subject, then the body) and the notes popup: each note's date, subject and
//! whole text, the chosen one marked, and where a copy went.

use super::{footer, frame};
use crate::app::forms::note::NoteForm;
use crate::app::lookup::notes::Notes;
use crate::app::model::Model;
use crate::i18n::Msg;
use crate::time::format_datetime;
use crate::ui::field_row::{draw_fields, keys_hint};
use crate::ui::text::{centered, fit};
use crate::ui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

pub fn draw_form(model: &Model, form: &NoteForm, body: Rect, buf: &mut Buffer) {
    let area = centered(body, 76, 14);
    let inner = frame(area, Msg::NoteFormTitle.text(model.lang), buf);
    let fields = Rect {
        height: inner.height.saturating_sub(2),
        ..inner
    };
    draw_fields(&form.form, fields, buf, &model.clicks);
    footer(inner, &keys_hint(&form.form, usize::from(inner.width)), buf);
}

pub fn draw_list(model: &Model, notes: &Notes, body: Rect, buf: &mut Buffer) {
    let lang = model.lang;
    let area = centered(body, 100, body.height.saturating_sub(2));
    let inner = frame(area, Msg::Notes.text(lang), buf);
    let w = usize::from(inner.width);
    let mut lines: Vec<Line<'static>> = Vec::new();
    if notes.notes.is_empty() {
        lines.push(Line::styled(Msg::NoneWord.text(lang), theme::dim()));
    }
    for (i, n) in notes.notes.iter().enumerate() {
        let chosen = i == notes.selected;
        let (mark, style) = match (chosen, n.journalised, n.late) {
            (true, _, _) => ("▶", theme::selected()),
            (false, true, _) => ("✓", theme::plain()),
            (false, false, true) => ("!", theme::error()),
            (false, false, false) => ("✗", theme::warning()),
        };
        let mut spans = vec![
            Span::styled(format!("{mark} {}  ", format_datetime(n.at)), style),
            Span::styled(n.subject.clone(), theme::bold()),
        ];
        if n.journalised {
            spans.push(Span::styled(
                format!("  ✓ {}", Msg::Journalised.text(lang).to_lowercase()),
                theme::dim(),
            ));
        } else if n.late {
            spans.push(Span::styled(
                format!("  ! {}", Msg::NoteLateMark.text(lang)),
                theme::error(),
            ));
        }
        lines.push(Line::from(spans));
        // The chosen note in full; the others by their first line.
        let body: Vec<&str> = if chosen {
            n.body.lines().collect()
        } else {
            n.body.lines().take(1).collect()
        };
        for line in body {
            lines.push(Line::styled(
                fit(&format!("    {line}"), w),
                if chosen { theme::plain() } else { theme::dim() },
            ));
        }
    }
    let list = Rect {
        height: inner.height.saturating_sub(3),
        ..inner
    };
    // Keep the chosen note in view.
    let before: usize = notes
        .notes
        .iter()
        .take(notes.selected)
        .map(|n| 1 + n.body.lines().take(1).count())
        .sum();
    let scroll = before.saturating_sub(usize::from(list.height) / 2);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((u16::try_from(scroll).unwrap_or(0), 0))
        .render(list, buf);
    if let Some(copied) = &notes.copied {
        let y = inner.y + inner.height.saturating_sub(2);
        buf.set_string(inner.x, y, fit(copied, w), theme::key());
    }
    footer(inner, Msg::NotesKeys.text(lang), buf);
}
