//! Logging a chase of a medical request (the time is now, a channel, who was reached, a note),
//! and the question before withdrawing one.

use super::{footer, frame, row};
use crate::app::model::Model;
use crate::app::requests::chase::{ChaseLog, Withdraw};
use crate::i18n::{Msg, label_request_kind, request_state, weekday_short};
use crate::time::format_datetime;
use crate::ui::field_row::{draw_fields, keys_hint, label_width, value_column};
use crate::ui::text::{centered, fit, pad, width};
use crate::ui::theme;
use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

pub fn draw(model: &Model, log: &ChaseLog, body: Rect, buf: &mut Buffer) {
    let lang = model.lang;
    let title = format!(
        "{} — {} · {}",
        Msg::ChaseLogTitle.text(lang),
        label_request_kind(&log.request.kind, lang),
        log.case_name
    );
    let error_rows = u16::try_from(log.form.errors.len()).unwrap_or(0);
    let area = centered(body, 72, 11 + error_rows);
    let inner = frame(area, &title, buf);
    let w = usize::from(inner.width);
    let label_w = label_width(&log.form);
    let x = value_column(label_w);
    let value_w = w.saturating_sub(usize::from(x));
    let labelled = |y: u16, label: &str, value: &str, buf: &mut Buffer| {
        let r = row(inner, y);
        buf.set_string(r.x, r.y, format!(" {}", pad(label, label_w)), theme::bold());
        buf.set_string(r.x + x, r.y, fit(value, value_w), theme::plain());
    };
    let now = model.now;
    let when = format!(
        "{} · {} {}",
        Msg::NowWord.text(lang),
        weekday_short(now.date().weekday(), lang),
        format_datetime(now)
    );
    labelled(0, Msg::TimeLabel.text(lang), &when, buf);
    // Where the request stands before this chase.
    labelled(
        1,
        Msg::NowStands.text(lang),
        &request_state(log.stands, lang),
        buf,
    );
    let fields = Rect {
        y: inner.y + 3,
        height: inner.height.saturating_sub(4),
        ..inner
    };
    draw_fields(&log.form, fields, buf);
    footer(inner, &keys_hint(&log.form, w), buf);
}

/// "Withdraw the request: statusattest · Anne Jensen? It stays in the case's history."
pub fn withdraw(model: &Model, question: &Withdraw, body: Rect, buf: &mut Buffer) {
    let lang = model.lang;
    let w = (width(&question.question) as u16 + 6).clamp(40, 76);
    let lines = (width(&question.question) as u16).div_ceil(w - 4).max(1) + 1;
    let area = centered(body, w, 4 + lines);
    let inner = frame(area, Msg::ConfirmTitle.text(lang), buf);
    Paragraph::new(Line::styled(question.question.clone(), theme::bold()))
        .wrap(Wrap { trim: true })
        .render(
            Rect {
                height: lines,
                ..inner
            },
            buf,
        );
    let keys = row(inner, inner.height.saturating_sub(1));
    buf.set_string(keys.x, keys.y, Msg::ConfirmKeys.text(lang), theme::key());
}
