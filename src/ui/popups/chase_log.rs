//! Logging a chase of a medical request (the time is now, a channel, who was reached, a note),
//! and the question before withdrawing one.

use super::{footer, frame, row};
use crate::app::forms::text_of;
use crate::app::model::Model;
use crate::app::requests::chase::{ChaseField, ChaseLog, Withdraw};
use crate::domain::chase;
use crate::i18n::{Msg, label_channel, label_request_kind, request_state, weekday_short};
use crate::time::format_datetime;
use crate::ui::text::{centered, fit, pad, width};
use crate::ui::theme;
use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// The width of the labels.
const LABEL: u16 = 16;

fn label(field: ChaseField) -> Msg {
    match field {
        ChaseField::Channel => Msg::ChannelLabel,
        ChaseField::Reached => Msg::ChaseReachedLabel,
        ChaseField::Note => Msg::Note,
    }
}

pub fn draw(model: &Model, log: &ChaseLog, body: Rect, buf: &mut Buffer) {
    let lang = model.lang;
    let title = format!(
        "{} — {} · {}",
        Msg::ChaseLogTitle.text(lang),
        label_request_kind(&log.request.kind, lang),
        log.case_name
    );
    let error_rows = if log.error.is_some() { 2 } else { 0 };
    let area = centered(body, 72, 11 + error_rows);
    let inner = frame(area, &title, buf);
    let w = usize::from(inner.width);
    let value_w = w.saturating_sub(usize::from(LABEL));
    let labelled = |y: u16, text: &str, style, buf: &mut Buffer| {
        let r = row(inner, y);
        buf.set_string(
            r.x,
            r.y,
            format!(" {}", pad(text, usize::from(LABEL) - 1)),
            style,
        );
        r
    };

    let now = model.now;
    let r = labelled(0, Msg::TimeLabel.text(lang), theme::bold(), buf);
    buf.set_string(
        r.x + LABEL,
        r.y,
        fit(
            &format!(
                "{} · {} {}",
                Msg::NowWord.text(lang),
                weekday_short(now.date().weekday(), lang),
                format_datetime(now)
            ),
            value_w,
        ),
        theme::plain(),
    );
    // Where the request stands before this chase.
    let state = chase::state(&log.request, model.today(), &model.settings.medical);
    let r = labelled(1, Msg::NowStands.text(lang), theme::bold(), buf);
    buf.set_string(
        r.x + LABEL,
        r.y,
        fit(&request_state(state, lang), value_w),
        theme::plain(),
    );

    for (i, field) in ChaseField::ALL.iter().enumerate() {
        let focused = log.focus == *field;
        let (mark, style) = if focused {
            ("▶", theme::selected())
        } else {
            (" ", theme::bold())
        };
        let r = row(inner, 3 + i as u16);
        buf.set_string(
            r.x,
            r.y,
            format!(
                "{mark}{}",
                pad(label(*field).text(lang), usize::from(LABEL) - 1)
            ),
            style,
        );
        let value = Rect {
            x: r.x + LABEL,
            width: r.width.saturating_sub(LABEL),
            ..r
        };
        let input = match field {
            ChaseField::Channel => {
                let style = if focused {
                    theme::key()
                } else {
                    theme::plain()
                };
                let text = format!("‹ {} ›", label_channel(log.channel, lang));
                buf.set_string(value.x, value.y, fit(&text, value_w), style);
                continue;
            }
            ChaseField::Reached => &log.reached,
            ChaseField::Note => &log.note,
        };
        if focused {
            input.render(value, buf);
        } else {
            buf.set_string(
                value.x,
                value.y,
                fit(&text_of(input), value_w),
                theme::plain(),
            );
        }
    }
    if let Some(error) = &log.error {
        let r = row(inner, 7);
        buf.set_string(r.x, r.y, fit(&format!("! {error}"), w), theme::error());
    }
    footer(inner, Msg::ContactLogFooter.text(lang), buf);
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
