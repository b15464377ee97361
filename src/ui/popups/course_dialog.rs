//! A short question about a course or a report: what it is about, its fields (a choice, a
//! line, the consultant picker and its matches), the keys.

use super::{footer, frame, row};
use crate::app::courses::dialog::{CourseDialog, DialogField, DialogKind};
use crate::app::model::Model;
use crate::i18n::{Msg, label_course_kind};
use crate::time::format_date;
use crate::ui::field_row::{draw_fields, keys_hint, label_width, match_lines, value_column};
use crate::ui::text::fit;
use crate::ui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

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
    let fields = Rect {
        y: inner.y + 2,
        height: inner.height.saturating_sub(3),
        ..inner
    };
    let mut y = 2 + draw_fields(&dialog.form, fields, buf, &model.clicks);
    if dialog.kind == DialogKind::Interrupt {
        let r = row(inner, y);
        buf.set_string(
            r.x,
            r.y,
            fit(Msg::InterruptQuestion.text(lang), w),
            theme::warning(),
        );
    }
    // The consultant's matches under the picker, the chosen one marked.
    if let Some(picker) = dialog.form.picker(DialogField::Consultant) {
        let x = value_column(label_width(&dialog.form));
        for (text, style) in match_lines(picker, w.saturating_sub(usize::from(x))) {
            if y + 2 > inner.height {
                break;
            }
            let r = row(inner, y);
            buf.set_string(r.x + x, r.y, text, style);
            y += 1;
        }
    }
    footer(inner, &keys_hint(&dialog.form, w), buf);
}
