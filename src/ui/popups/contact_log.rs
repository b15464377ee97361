//! Logging a call or another contact from the case card: the time (now), four choices and a
//! one-line note, one field a row.

use super::{footer, frame, row};
use crate::app::lookup::contact_log::ContactLog;
use crate::app::model::{Model, Screen};
use crate::i18n::{Msg, weekday_short};
use crate::time::format_datetime;
use crate::ui::field_row::{draw_fields, keys_hint, label_width, value_column};
use crate::ui::text::{centered, fit, pad};
use crate::ui::theme;
use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// The case's name: from the card it was opened on, else whatever the model knows.
fn case_name(model: &Model, log: &ContactLog) -> String {
    match &model.screen {
        Screen::Card { card, .. } if card.id == log.case => card.name.clone(),
        _ => model.case_name(log.case),
    }
}

pub fn draw(model: &Model, log: &ContactLog, body: Rect, buf: &mut Buffer) {
    let lang = model.lang;
    let title = format!(
        "{} — {}",
        Msg::ContactLogTitle.text(lang),
        case_name(model, log)
    );
    let error_rows = u16::try_from(log.form.errors.len()).unwrap_or(0);
    let area = centered(body, 70, 11 + error_rows);
    let inner = frame(area, &title, buf);
    let w = usize::from(inner.width);
    let label_w = label_width(&log.form);

    let when = row(inner, 0);
    let now = model.now;
    buf.set_string(
        when.x,
        when.y,
        format!(" {}", pad(Msg::TimeLabel.text(lang), label_w)),
        theme::bold(),
    );
    let x = value_column(label_w);
    buf.set_string(
        when.x + x,
        when.y,
        fit(
            &format!(
                "{} · {} {}",
                Msg::NowWord.text(lang),
                weekday_short(now.date().weekday(), lang),
                format_datetime(now)
            ),
            w.saturating_sub(usize::from(x)),
        ),
        theme::plain(),
    );
    let fields = Rect {
        y: inner.y + 2,
        height: inner.height.saturating_sub(3),
        ..inner
    };
    draw_fields(&log.form, fields, buf);
    footer(inner, &keys_hint(&log.form, w), buf);
}
