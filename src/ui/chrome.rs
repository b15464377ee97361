//! The header line at the top and the status line at the bottom.

use super::text::{fit, width};
use super::theme;
use crate::app::core::status::Tone;
use crate::app::model::{Model, Screen, View};
use crate::i18n::{Msg, month_name, next_meeting_lines, weekday_long};
use crate::time::format_date;
use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// "Dag · tirsdag 24.11.2026 · uge 48 · i dag · [Demo]" and the month at the right.
pub fn header(model: &Model, area: Rect, buf: &mut Buffer) {
    let lang = model.lang;
    let day = model.day;
    let week = day.iso_week().week();
    let week_word = Msg::Week.text(lang).to_lowercase();
    let date = format!("{} {}", weekday_long(day.weekday(), lang), format_date(day));
    let mut parts: Vec<Span<'static>> = Vec::new();
    if let Screen::Today(today) = &model.screen {
        parts.push(Span::raw(super::today::header_text(model, today)));
    }
    // A card names whom it is about; the calendar's date is not what the call is about.
    let open_requests: String;
    let card_title = match &model.screen {
        Screen::Card { card, .. } => Some((Msg::Case, card.name.as_str())),
        Screen::ContactCard { card, .. } => Some((Msg::Contact, card.name.as_str())),
        Screen::Suppliers(_) => Some((Msg::SuppliersTitle, "")),
        Screen::Requests { rows, .. } => {
            open_requests = format!("{} {}", rows.len(), Msg::OpenWord.text(lang));
            Some((Msg::MedicalRequests, open_requests.as_str()))
        }
        // The board is about the whole caseload, not the focused day.
        Screen::Board => Some((Msg::Caseload, "")),
        // Never drawn: the citizen view takes the whole screen.
        Screen::Calendar | Screen::Today(_) | Screen::Citizen(_) => None,
    };
    let today_screen = matches!(model.screen, Screen::Today(_));
    match (card_title, model.view) {
        _ if today_screen => {}
        (Some((what, "")), _) => parts.push(Span::raw(format!(" {}", what.text(lang)))),
        (Some((what, name)), _) => {
            parts.push(Span::raw(format!(" {}: {name}", what.text(lang))));
        }
        (None, View::Day) => {
            parts.push(Span::raw(format!(" {} · ", Msg::Day.text(lang))));
            parts.push(Span::raw(date));
            parts.push(Span::raw(format!(" · {week_word} {week}")));
        }
        (None, View::Week) => {
            let days = model.visible_days();
            let first = days.first().copied().unwrap_or(day);
            let last = days.last().copied().unwrap_or(day);
            parts.push(Span::raw(format!(
                " {} {week} · {}–{} · ",
                Msg::Week.text(lang),
                first.format("%d.%m"),
                format_date(last)
            )));
            parts.push(Span::raw(date));
            if let Some(note) = super::week::summons_note(model) {
                parts.push(Span::styled(note, theme::warning()));
            }
        }
    }
    if card_title.is_some() || today_screen {
        // No date words next to a name; Today says its day itself.
    } else if day == model.today() {
        parts.push(Span::raw(format!(
            " · • {}",
            Msg::Today.text(lang).to_lowercase()
        )));
    } else {
        let diff = (day - model.today()).num_days();
        if diff == 1 || diff == -1 {
            let msg = if diff == 1 {
                Msg::Tomorrow
            } else {
                Msg::Yesterday
            };
            parts.push(Span::raw(format!(" · {}", msg.text(lang).to_lowercase())));
        }
    }
    if let Some(holiday) = model.window.holiday(day).filter(|_| card_title.is_none()) {
        parts.push(Span::raw(format!(" · * {holiday}")));
    }
    if model.demo {
        parts.push(Span::raw(format!(" · [{}]", Msg::Demo.text(lang))));
    }
    let right = match card_title {
        Some(_) => {
            let today = model.today();
            format!(
                "{} {} ",
                weekday_long(today.weekday(), lang),
                format_date(today)
            )
        }
        None => format!("{} {} ", month_name(day.month(), lang), day.year()),
    };
    buf.set_style(area, theme::header());
    let line = Line::from(parts).patch_style(theme::header());
    let right_w = width(&right) as u16;
    let left_w = if line.width() as u16 + right_w < area.width {
        buf.set_string(
            area.x + area.width - right_w,
            area.y,
            &right,
            theme::header(),
        );
        area.width - right_w
    } else {
        area.width
    };
    buf.set_line(area.x, area.y, &line, left_w);
}

/// The pending keys (their continuations are in the which-key box), else the status message,
/// else how far the day's backup has come, else what undo would revert, else a key hint; at
/// the right the next meeting of the day
/// ("→ 10:30 Anne Jensen · 12 min · telefon", marked "!" when it is close), else the key hint.
///
/// Room is shared: a message keeps its room and the next meeting takes a shorter form (or
/// none) beside it, except when the meeting is close, when the message is cut instead. The key
/// hint gives way to both.
pub fn status(model: &Model, area: Rect, buf: &mut Buffer) {
    let lang = model.lang;
    // Under a popup `q` is typed or does nothing: Esc is the way out.
    let hint = match (&model.popup, &model.screen) {
        (Some(_), _) => Msg::StatusHintPopup,
        (None, Screen::Calendar | Screen::Today(_)) => Msg::StatusHint,
        (None, _) => Msg::StatusHintBack,
    }
    .text(lang);
    let mut spans: Vec<Span<'static>> = Vec::new();
    if let Some(pending) = &model.pending {
        // The continuations are listed in the which-key box above.
        spans.push(Span::styled(format!(" {} …", pending.typed), theme::key()));
    } else if let Some(status) = &model.status {
        let (mark, style) = match status.tone {
            Tone::Info => ("·", theme::plain()),
            Tone::Warning => ("!", theme::warning()),
            Tone::Error => ("✗", theme::error()),
        };
        spans.push(Span::styled(format!(" {mark} {}", status.text), style));
    } else if let Some(progress) = &model.backup {
        spans.push(Span::styled(
            format!(
                " {}",
                crate::i18n::labels::progress_words(Msg::ProgressBackup, *progress, lang)
            ),
            theme::dim(),
        ));
    } else if let Some(step) = model.history.next_undo() {
        spans.push(Span::styled(
            format!(" {}: ", Msg::UndoHint.text(lang)),
            theme::key(),
        ));
        spans.push(Span::raw(step.label.clone()));
    }
    let showing_hint = spans.is_empty();
    let line = Line::from(spans);
    let total = usize::from(area.width);
    let hint_w = width(hint) + 1;
    let right = match &model.next_meeting {
        Some(next) => {
            let (mark, style) = if next.prominent {
                ("! ", theme::warning().patch(theme::bold()))
            } else {
                ("", theme::plain())
            };
            // A close meeting may cut the message; otherwise the message keeps its room.
            let room = if next.prominent || showing_hint {
                total.saturating_sub(1)
            } else {
                total.saturating_sub(line.width() + 1)
            };
            next_meeting_lines(next, lang)
                .into_iter()
                .map(|text| format!(" {mark}{text} "))
                .find(|text| width(text) <= room)
                .map(|text| (text, style))
        }
        None if !showing_hint && line.width() + hint_w + 2 <= total => {
            Some((format!("{hint} "), theme::dim()))
        }
        None => None,
    };
    let right_w = right.as_ref().map_or(0, |(text, _)| width(text));
    if let Some((text, style)) = &right {
        buf.set_string(area.x + area.width - right_w as u16, area.y, text, *style);
    }
    let left_w = total.saturating_sub(right_w);
    let line = if showing_hint {
        // The hint shows whole or not at all.
        if width(hint) + 1 > left_w {
            return;
        }
        Line::from(Span::styled(format!(" {hint}"), theme::dim()))
    } else {
        cut_line(line, left_w)
    };
    buf.set_line(area.x, area.y, &line, left_w as u16);
}

/// " Today's backup: copying records 45 %", or the count when the total is not known.
/// A line cut to `w` columns, the last span ending in "…".
fn cut_line(line: Line<'static>, w: usize) -> Line<'static> {
    if line.width() <= w {
        return line;
    }
    let mut left = w;
    let mut spans = Vec::new();
    for span in line.spans {
        let sw = span.width();
        if sw < left {
            left -= sw;
            spans.push(span);
        } else {
            spans.push(Span::styled(fit(&span.content, left), span.style));
            break;
        }
    }
    Line::from(spans)
}
