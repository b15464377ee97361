//! The medical request form: what is already on file for the case first, then one labelled
//! field a row, errors under their field, the kind's default deadline next to the deadline.

use super::{footer, frame, row};
use crate::app::forms::request::{RequestField, RequestForm, recipient_label};
use crate::app::forms::text_of;
use crate::app::model::Model;
use crate::domain::chase;
use crate::i18n::{Lang, Msg, label_request_kind, request_state};
use crate::model::MedicalRequest;
use crate::query::card::day_label;
use crate::time::format_date;
use crate::ui::text::{fit, pad, width};
use crate::ui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

/// Rows for earlier requests above the fields; more are counted.
const ON_FILE_ROWS: usize = 5;

pub fn draw(model: &Model, form: &RequestForm, body: Rect, buf: &mut Buffer) {
    let lang = model.lang;
    let title = match form.original {
        None => Msg::ActNewRequest,
        Some(_) => Msg::EditRequestTitle,
    };
    let area = Rect {
        x: body.x + 2,
        width: body.width.saturating_sub(4),
        ..body
    };
    let title = format!("{} — {}", title.text(lang), model.case_name(form.case));
    let inner = frame(area, &title, buf);
    let w = usize::from(inner.width);
    let mut y = 0u16;

    // What is on file, so nothing is requested twice by accident.
    let put = |y: &mut u16, text: String, style, buf: &mut Buffer| {
        if *y + 1 < inner.height {
            let r = row(inner, *y);
            buf.set_string(r.x, r.y, fit(&text, w), style);
        }
        *y += 1;
    };
    put(
        &mut y,
        format!("{}:", Msg::OnFileHeading.text(lang)),
        theme::bold(),
        buf,
    );
    if form.on_file.is_empty() {
        put(
            &mut y,
            format!("  {}", Msg::NothingOnFile.text(lang)),
            theme::dim(),
            buf,
        );
    }
    let mut lines: Vec<String> = Vec::new();
    let mut shown = 0;
    for r in &form.on_file {
        let wrapped = wrap_parts(&on_file_parts(model, r), w.saturating_sub(4));
        if lines.len() + wrapped.len() > ON_FILE_ROWS {
            break;
        }
        for (i, line) in wrapped.into_iter().enumerate() {
            let indent = if i == 0 { "  • " } else { "    " };
            lines.push(format!("{indent}{line}"));
        }
        shown += 1;
    }
    for line in lines {
        put(&mut y, line, theme::plain(), buf);
    }
    if form.on_file.len() > shown {
        put(
            &mut y,
            format!(
                "  + {} {}",
                form.on_file.len() - shown,
                Msg::MoreWord.text(lang)
            ),
            theme::dim(),
            buf,
        );
    }
    y += 1;

    let label_w = RequestField::ALL
        .iter()
        .map(|f| width(f.label().text(lang)))
        .max()
        .unwrap_or(10)
        + 1;
    for field in RequestField::ALL {
        if y + 1 >= inner.height {
            break;
        }
        let r = row(inner, y);
        let focused = form.focus == field;
        let marker = if focused { "▶" } else { " " };
        let label = format!("{marker}{}", pad(field.label().text(lang), label_w));
        let style = if focused {
            theme::key()
        } else {
            theme::plain()
        };
        buf.set_string(r.x, r.y, &label, style);
        let x = r.x + width(&label) as u16 + 1;
        let value = Rect {
            x,
            width: r.width.saturating_sub(x - r.x),
            ..r
        };
        draw_value(model, form, field, focused, value, buf);
        y += 1;
        if field == RequestField::Recipient
            && let Some(line) = recipient_line(model, form, focused)
        {
            let r = row(inner, y);
            buf.set_string(x, r.y, fit(&line, usize::from(value.width)), theme::dim());
            y += 1;
        }
        for (_, error) in form.errors.iter().filter(|(f, _)| *f == field) {
            let r = row(inner, y);
            buf.set_string(
                x,
                r.y,
                fit(&format!("! {error}"), usize::from(value.width)),
                theme::error(),
            );
            y += 1;
        }
    }
    footer(inner, Msg::RequestFormKeys.text(lang), buf);
}

fn draw_value(
    model: &Model,
    form: &RequestForm,
    field: RequestField,
    focused: bool,
    value: Rect,
    buf: &mut Buffer,
) {
    let lang = model.lang;
    let input = match field {
        RequestField::Kind => {
            let label = form.kinds.get(form.kind).map_or("", |k| k.1.as_str());
            let style = if focused {
                theme::key()
            } else {
                theme::plain()
            };
            buf.set_string(value.x, value.y, format!("‹ {label} ›"), style);
            return;
        }
        RequestField::Recipient => &form.recipient_input,
        RequestField::Questions => &form.questions,
        RequestField::Purpose => &form.purpose,
        RequestField::Consent => &form.consent,
        RequestField::Sent => &form.sent,
        RequestField::Deadline => &form.deadline,
    };
    // The deadline's input is short: the default the kind gives is shown after it.
    let (input_area, hint) = if field == RequestField::Deadline {
        let hint = form
            .default_deadline(model.today(), &model.settings.medical)
            .map(|(days, date)| {
                Msg::DefaultDeadline
                    .text(lang)
                    .replace("{n}", &days.to_string())
                    .replace("{date}", &day_label(date, lang))
            });
        let w = value.width.min(12);
        (Rect { width: w, ..value }, hint)
    } else {
        (value, None)
    };
    if focused {
        input.render(input_area, buf);
    } else {
        buf.set_string(
            input_area.x,
            input_area.y,
            fit(&text_of(input), usize::from(input_area.width)),
            theme::plain(),
        );
    }
    if let Some(hint) = hint {
        let x = input_area.x + input_area.width + 1;
        let room = usize::from(value.width.saturating_sub(input_area.width + 1));
        let text = if text_of(input).trim().is_empty() {
            hint
        } else {
            format!("({hint})")
        };
        buf.set_string(x, value.y, fit(&text, room), theme::dim());
    }
}

/// "= Lægehuset Nørrebro (1/3, ←/→)" under the recipient field.
fn recipient_line(model: &Model, form: &RequestForm, focused: bool) -> Option<String> {
    let lang = model.lang;
    let typed = !text_of(&form.recipient_input).trim().is_empty();
    if !typed {
        return focused.then(|| Msg::RecipientHint.text(lang).to_string());
    }
    let name = form.recipient_name().map(str::to_string).or_else(|| {
        form.recipient
            .and_then(|id| recipient_label(model.directory.as_ref(), id))
    })?;
    let n = form.recipient_matches.len();
    let i = form
        .recipient_matches
        .iter()
        .position(|(id, _)| Some(*id) == form.recipient)
        .map_or(1, |i| i + 1);
    Some(if n > 1 && focused {
        format!("= {name} ({i}/{n}, ←/→)")
    } else {
        format!("= {name}")
    })
}

/// Parts joined by " · " into lines of at most `width` (a part longer than that is cut).
fn wrap_parts(parts: &[String], max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for part in parts {
        match lines.last_mut() {
            Some(line) if width(line) + 3 + width(part) <= max => {
                line.push_str(" · ");
                line.push_str(part);
            }
            _ => lines.push(fit(part, max)),
        }
    }
    lines
}

/// "Statusattest", "sendt 01.10.2026", "handlet på 20.10.2026", "Lægehuset Nørrebro".
fn on_file_parts(model: &Model, r: &MedicalRequest) -> Vec<String> {
    let lang: Lang = model.lang;
    let mut parts = vec![label_request_kind(&r.kind, lang).into_owned()];
    if let Some(sent) = r.sent {
        parts.push(format!(
            "{} {}",
            Msg::Sent.text(lang).to_lowercase(),
            format_date(sent)
        ));
    }
    if let Some(received) = r.received {
        parts.push(format!(
            "{} {}",
            Msg::ReceivedWord.text(lang),
            format_date(received)
        ));
    }
    let state = chase::state(r, model.today(), &model.settings.medical);
    if !matches!(state, chase::RequestState::Received { .. }) {
        parts.push(request_state(state, lang));
    }
    if let Some(name) = r
        .recipient
        .and_then(|id| recipient_label(model.directory.as_ref(), id))
    {
        parts.push(name);
    }
    parts
}
