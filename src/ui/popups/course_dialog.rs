//! A short question about a course or a report: the choice, the text line, the error, the keys.

use super::{footer, frame, row};
use crate::app::courses::dialog::{CourseDialog, DialogKind, REPORT_ACTIONS};
use crate::app::forms::CHANNELS;
use crate::app::model::Model;
use crate::i18n::{Msg, label_channel, label_course_kind, report_action};
use crate::time::format_date;
use crate::ui::text::{fit, pad, width};
use crate::ui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub fn draw(model: &Model, dialog: &CourseDialog, body: Rect, buf: &mut Buffer) {
    let lang = model.lang;
    let title = match dialog.kind {
        DialogKind::Read { .. } => Msg::ReportReadTitle,
        DialogKind::Chase { .. } => Msg::ReportChaseTitle,
        DialogKind::Extend => Msg::ActExtendCourse,
        DialogKind::Interrupt => Msg::ActInterruptCourse,
        DialogKind::Consultant => Msg::ActChangeConsultant,
    };
    let height = if dialog.kind == DialogKind::Consultant {
        14
    } else {
        9
    };
    let width_ = body.width.saturating_sub(8).min(76);
    let area = Rect::new(
        body.x + (body.width.saturating_sub(width_)) / 2,
        body.y + 2,
        width_,
        height.min(body.height.saturating_sub(2)),
    );
    let inner = frame(area, title.text(lang), buf);
    let w = usize::from(inner.width);
    let course = &dialog.course;
    let mut about = format!(
        "{} · {}–{}",
        label_course_kind(&course.kind, lang),
        format_date(course.start),
        format_date(course.end)
    );
    if let DialogKind::Read { report } | DialogKind::Chase { report } = dialog.kind
        && let Some(r) = course.reports.get(report)
    {
        about = format!(
            "{} {} · {about}",
            Msg::Report.text(lang),
            format_date(r.due)
        );
    }
    buf.set_string(inner.x, inner.y, fit(&about, w), theme::dim());
    let mut y = 2;
    let label_w = [
        Msg::WhatWasDone,
        Msg::ChannelLabel,
        Msg::Note,
        Msg::ExtendTo,
    ]
    .iter()
    .map(|m| width(m.text(lang)))
    .max()
    .unwrap_or(8)
        + 2;
    if dialog.has_choice() {
        let (label, value) = match dialog.kind {
            DialogKind::Read { .. } => (
                Msg::WhatWasDone,
                report_action(REPORT_ACTIONS[dialog.choice % REPORT_ACTIONS.len()], lang),
            ),
            _ => (
                Msg::ChannelLabel,
                label_channel(CHANNELS[dialog.choice % CHANNELS.len()], lang),
            ),
        };
        let focused = !dialog.on_text;
        let r = row(inner, y);
        field_label(label.text(lang), label_w, focused, r, buf);
        buf.set_string(
            r.x + label_w as u16 + 1,
            r.y,
            format!("‹ {value} ›"),
            theme::plain(),
        );
        y += 1;
    }
    let text_label = match dialog.kind {
        DialogKind::Read { .. } | DialogKind::Chase { .. } => Some(Msg::Note),
        DialogKind::Extend => Some(Msg::ExtendTo),
        DialogKind::Consultant => Some(Msg::NewConsultantLabel),
        DialogKind::Interrupt => None,
    };
    match text_label {
        Some(label) => {
            let r = row(inner, y);
            field_label(label.text(lang), label_w, dialog.on_text, r, buf);
            let x = r.x + label_w as u16 + 1;
            let input = Rect::new(x, r.y, r.width.saturating_sub(label_w as u16 + 1), 1);
            if dialog.on_text {
                (&dialog.input).render(input, buf);
            } else {
                let text = dialog.input.lines().join(" ");
                buf.set_string(x, r.y, fit(&text, usize::from(input.width)), theme::plain());
            }
        }
        None => {
            let r = row(inner, y);
            buf.set_string(
                r.x,
                r.y,
                fit(Msg::InterruptQuestion.text(lang), w),
                theme::warning(),
            );
        }
    }
    y += 1;
    if dialog.kind == DialogKind::Consultant {
        for (id, name) in &dialog.matches {
            if y + 3 > inner.height {
                break;
            }
            let chosen = Some(*id) == dialog.chosen;
            let r = row(inner, y);
            let text = format!("{}{name}", if chosen { "▶ " } else { "  " });
            let style = if chosen {
                theme::selected()
            } else {
                theme::plain()
            };
            buf.set_string(r.x + label_w as u16 + 1, r.y, fit(&text, w), style);
            y += 1;
        }
    }
    if let Some(error) = &dialog.error {
        let r = row(inner, inner.height.saturating_sub(2));
        buf.set_string(r.x, r.y, fit(&format!("! {error}"), w), theme::error());
    }
    footer(inner, Msg::DialogKeys.text(lang), buf);
}

fn field_label(text: &str, label_w: usize, focused: bool, r: Rect, buf: &mut Buffer) {
    let marker = if focused { "▶" } else { " " };
    let style = if focused {
        theme::key()
    } else {
        theme::plain()
    };
    buf.set_string(r.x, r.y, format!("{marker}{}", pad(text, label_w)), style);
}
