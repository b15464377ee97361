//! The supplier course form: one field a row with its error below it, then the report
//! schedule the course would get and the order's checklist gaps.

use super::{frame, row};
use crate::app::forms::course::{CourseForm, CourseFormMode};
use crate::app::model::Model;
use crate::i18n::{Msg, checklist_gap};
use crate::ui::field_row::{draw_fields, keys_hint};
use crate::ui::text::{fit, width};
use crate::ui::theme;
use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

pub fn draw(model: &Model, form: &CourseForm, body: Rect, buf: &mut Buffer) {
    let lang = model.lang;
    let title = match form.mode {
        CourseFormMode::New | CourseFormMode::Successor(_) => Msg::ActNewCourse,
        CourseFormMode::Edit(_) => Msg::EditCourseTitle,
    };
    let area = Rect {
        x: body.x + 2,
        width: body.width.saturating_sub(4),
        ..body
    };
    let inner = frame(area, title.text(lang), buf);
    let w = usize::from(inner.width);
    // Leave the last row for the keys.
    let last = inner.height.saturating_sub(1);
    let mut y = draw_fields(
        &form.form,
        Rect {
            height: last,
            ..inner
        },
        buf,
        &model.clicks,
    );
    // The schedule the course gets, and what the order lacks, one a line.
    let mut extra: Vec<(String, Style)> = Vec::new();
    let dues = &form.schedule;
    let dates: Vec<String> = dues
        .iter()
        .filter(|(_, is_final)| !is_final)
        .map(|(d, _)| format!("{:02}.{:02}", d.day(), d.month()))
        .collect();
    let mut schedule = format!("{} ({}):", Msg::ScheduleDue.text(lang), dues.len());
    if !dates.is_empty() {
        schedule.push_str(&format!(" {}", dates.join(" ")));
    }
    if let Some((end, _)) = dues.iter().find(|(_, is_final)| *is_final) {
        let final_text = format!(
            "{} {:02}.{:02}",
            Msg::FinalWord.text(lang),
            end.day(),
            end.month()
        );
        // The final report on the same line when it fits, else below.
        if width(&schedule) + width(&final_text) + 3 <= w {
            schedule.push_str(&format!(" · {final_text}"));
        } else {
            extra.push((schedule, theme::dim()));
            schedule = format!("  {final_text}");
        }
    }
    extra.push((schedule, theme::dim()));
    for gap in &form.gaps {
        extra.push((format!("⚠ {}", checklist_gap(*gap, lang)), theme::warning()));
    }
    y += 1;
    for (text, style) in extra {
        if y >= last {
            break;
        }
        let r = row(inner, y);
        buf.set_string(r.x, r.y, fit(&text, w), style);
        y += 1;
    }
    let footer = row(inner, last);
    buf.set_string(
        footer.x,
        footer.y,
        fit(&keys_hint(&form.form, w), w),
        theme::dim(),
    );
}
