//! The medical requests that still ask for something, across the caseload, soonest next action
//! first: one row each with the next action's day (overdue ones marked), case, kind, recipient
//! and where the request stands.

use super::card::hint_line;
use super::text::{fit, pad};
use super::theme;
use crate::app::core::action::Named;
use crate::app::core::clicks::Target;
use crate::app::model::Model;
use crate::domain::chase::Urgency;
use crate::i18n::{Msg, label_request_kind, request_state};
use crate::keymap::Layer;
use crate::query::card::day_label;
use crate::query::requests::RequestRow;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// From this width the recipient gets a column.
const WIDE: u16 = 110;

/// Column widths: next action, case, kind, recipient (0 = not shown); the state takes the rest.
fn columns(width: u16) -> [usize; 4] {
    if width >= WIDE {
        [12, 20, 20, 17]
    } else {
        [13, 16, 14, 0]
    }
}

pub fn draw(model: &Model, rows: &[RequestRow], selected: usize, area: Rect, buf: &mut Buffer) {
    let lang = model.lang;
    if area.height < 4 || area.width < 20 {
        return;
    }
    let x = area.x + 1;
    let w = usize::from(area.width.saturating_sub(2));
    let [date_w, case_w, kind_w, to_w] = columns(area.width);
    let state_w = w.saturating_sub(date_w + case_w + kind_w + to_w);
    let cell = |text: &str, width: usize| pad(&fit(text, width.saturating_sub(1)), width);

    let mut head = format!(
        "{}{}{}",
        cell(Msg::NextActionColumn.text(lang), date_w),
        cell(Msg::Case.text(lang), case_w),
        cell(Msg::FieldKind.text(lang), kind_w)
    );
    if to_w > 0 {
        head.push_str(&cell(Msg::FieldRecipient.text(lang), to_w));
    }
    head.push_str(&fit(Msg::WhereItStands.text(lang), state_w));
    buf.set_string(x, area.y, fit(&head, w), theme::bold());

    let list_rows = usize::from(area.height.saturating_sub(3));
    if rows.is_empty() {
        buf.set_string(x, area.y + 2, Msg::NoOpenRequests.text(lang), theme::dim());
    }
    let first = selected.saturating_sub(list_rows.saturating_sub(1));
    for (i, r) in rows.iter().enumerate().skip(first).take(list_rows) {
        let y = area.y + 1 + (i - first) as u16;
        model
            .clicks
            .add(Rect::new(area.x, y, area.width, 1), Target::Row(i));
        let is_selected = i == selected;
        let base = if is_selected {
            theme::selected()
        } else {
            theme::plain()
        };
        let date = match r.next_action {
            Some(d) if r.overdue => format!("! {}", day_label(d, lang)),
            Some(d) => format!("  {}", day_label(d, lang)),
            None => "  –".to_string(),
        };
        let date_style = if r.overdue && !is_selected {
            theme::error()
        } else {
            base
        };
        let mut cx = x;
        let mut put = |text: String, width: usize, style: Style| {
            buf.set_string(cx, y, cell(&text, width), style);
            cx += width as u16;
        };
        put(date, date_w, date_style);
        put(r.case_name.clone(), case_w, base);
        put(
            label_request_kind(&r.request.kind, lang).into_owned(),
            kind_w,
            base,
        );
        if to_w > 0 {
            put(r.recipient.clone(), to_w, base);
        }
        let state_style = match (is_selected, r.urgency) {
            (true, _) | (_, Urgency::Quiet) => base,
            (_, Urgency::Warning) => theme::warning(),
            (_, Urgency::Late) => theme::error(),
        };
        put(request_state(r.state, lang), state_w, state_style);
    }

    let hints: [(&[Named], Msg); 4] = [
        (&[Named::SelectNext, Named::SelectPrev], Msg::HintChoose),
        (&[Named::Submit], Msg::HintOpenCase),
        (&[Named::LogChase], Msg::HintChase),
        (&[Named::CloseCard], Msg::HintBack),
    ];
    let count = format!("{} {}", rows.len(), Msg::OpenWord.text(lang));
    let last = Rect::new(area.x, area.y + area.height - 1, area.width, 1);
    hint_line(model, &hints, Layer::Requests, Some(count), last, buf);
}
