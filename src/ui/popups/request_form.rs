//! The medical request form: what is already on file for the case first, then one labelled
//! field a row, errors under their field, the kind's default deadline next to the deadline.

use super::{footer, frame, row};
use crate::app::forms::request::{RequestForm, recipient_label};
use crate::app::model::Model;
use crate::domain::chase::RequestState;
use crate::i18n::{Lang, Msg, label_request_kind, request_state};
use crate::model::MedicalRequest;
use crate::time::format_date;
use crate::ui::field_row::{draw_fields, keys_hint};
use crate::ui::text::{fit, width};
use crate::ui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

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
    for (r, state) in &form.on_file {
        let wrapped = wrap_parts(&on_file_parts(model, r, *state), w.saturating_sub(4));
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

    let fields = Rect {
        y: inner.y + y,
        height: inner.height.saturating_sub(y + 1),
        ..inner
    };
    draw_fields(&form.form, fields, buf, &model.clicks);
    footer(inner, &keys_hint(&form.form, w), buf);
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
fn on_file_parts(model: &Model, r: &MedicalRequest, state: RequestState) -> Vec<String> {
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
    if !matches!(state, RequestState::Received { .. }) {
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
