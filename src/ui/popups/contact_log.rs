//! Logging a call or another contact from the case card: the time (now), four choices and a
//! one-line note.

use super::{footer, frame, row};
use crate::app::forms::text_of;
use crate::app::lookup::contact_log::{ContactLog, ContactLogField};
use crate::app::model::{Model, Screen};
use crate::i18n::{Lang, Msg, label_channel, weekday_short};
use crate::model::Direction;
use crate::time::format_datetime;
use crate::ui::text::{centered, fit, pad};
use crate::ui::theme;
use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

/// The width of the labels.
const LABEL: u16 = 16;

pub fn label(field: ContactLogField) -> Msg {
    match field {
        ContactLogField::Channel => Msg::ChannelLabel,
        ContactLogField::Direction => Msg::DirectionLabel,
        ContactLogField::Reached => Msg::ReachedLabel,
        ContactLogField::CallBack => Msg::CallBackLabel,
        ContactLogField::Note => Msg::Note,
    }
}

fn yes_no(value: bool, lang: Lang) -> &'static str {
    if value {
        Msg::YesWord.text(lang)
    } else {
        Msg::NoWord.text(lang)
    }
}

/// The value of a choice field as shown between ‹ ›.
pub fn choice(log: &ContactLog, field: ContactLogField, lang: Lang) -> Option<&'static str> {
    Some(match field {
        ContactLogField::Channel => label_channel(log.channel, lang),
        ContactLogField::Direction => match log.direction {
            Direction::In => Msg::DirectionIn.text(lang),
            Direction::Out => Msg::DirectionOut.text(lang),
        },
        ContactLogField::Reached => yes_no(log.reached, lang),
        ContactLogField::CallBack => yes_no(log.call_back, lang),
        ContactLogField::Note => return None,
    })
}

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
    let error_rows = if log.error.is_some() { 2 } else { 0 };
    let area = centered(body, 70, 11 + error_rows);
    let inner = frame(area, &title, buf);
    let w = usize::from(inner.width);

    let when = row(inner, 0);
    let now = model.now;
    buf.set_string(
        when.x,
        when.y,
        format!(
            " {}",
            pad(Msg::TimeLabel.text(lang), usize::from(LABEL) - 1)
        ),
        theme::bold(),
    );
    buf.set_string(
        when.x + LABEL,
        when.y,
        fit(
            &format!(
                "{} · {} {}",
                Msg::NowWord.text(lang),
                weekday_short(now.date().weekday(), lang),
                format_datetime(now)
            ),
            w.saturating_sub(usize::from(LABEL)),
        ),
        theme::plain(),
    );

    for (i, field) in ContactLogField::ALL.iter().enumerate() {
        let r = row(inner, 2 + i as u16);
        let focused = log.focus == *field;
        let (mark, style) = if focused {
            ("▶", theme::selected())
        } else {
            (" ", theme::bold())
        };
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
        match choice(log, *field, lang) {
            Some(text) => {
                let style = if focused {
                    theme::key()
                } else {
                    theme::plain()
                };
                buf.set_string(
                    value.x,
                    value.y,
                    fit(&format!("‹ {text} ›"), usize::from(value.width)),
                    style,
                );
            }
            None if focused => (&log.note).render(value, buf),
            None => buf.set_string(
                value.x,
                value.y,
                fit(&text_of(&log.note), usize::from(value.width)),
                theme::plain(),
            ),
        }
    }

    if let Some(error) = &log.error {
        let r = row(inner, 8);
        buf.set_string(r.x, r.y, fit(&format!("! {error}"), w), theme::error());
    }
    footer(inner, Msg::ContactLogFooter.text(lang), buf);
}
