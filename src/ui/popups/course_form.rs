//! The supplier course form: one labelled field a row with its error below it, then the report
//! schedule the course would get and the order's checklist gaps.

use super::{frame, row};
use crate::app::forms::course::{CourseField, CourseForm, CourseFormMode, Picker};
use crate::app::model::Model;
use crate::i18n::{Lang, Msg, checklist_gap};
use crate::ui::text::{fit, pad, width};
use crate::ui::theme;
use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

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
    let label_w = CourseField::ALL
        .iter()
        .map(|f| width(f.label().text(lang)))
        .max()
        .unwrap_or(10)
        + 1;
    let w = usize::from(inner.width);
    let mut y = 0u16;
    // Leave the last row for the keys.
    let last = inner.height.saturating_sub(1);
    for field in CourseField::ALL {
        if y >= last {
            break;
        }
        let r = row(inner, y);
        let focused = field == form.focus;
        let label = format!(
            "{}{}",
            if focused { "▶" } else { " " },
            pad(field.label().text(lang), label_w)
        );
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
        draw_value(form, field, focused, value, lang, buf);
        y += 1;
        for (_, error) in form.errors.iter().filter(|(f, _)| *f == field) {
            if y >= last {
                break;
            }
            let r = row(inner, y);
            let text = format!("{}! {error}", " ".repeat(label_w + 2));
            buf.set_string(r.x, r.y, fit(&text, w), theme::error());
            y += 1;
        }
    }
    // The schedule the course gets, and what the order lacks, one a line.
    let mut extra: Vec<(String, Style)> = Vec::new();
    let dues = form.preview();
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
    for gap in form.gaps() {
        extra.push((format!("⚠ {}", checklist_gap(gap, lang)), theme::warning()));
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
        fit(Msg::CourseFormKeys.text(lang), w),
        theme::dim(),
    );
}

fn draw_value(
    form: &CourseForm,
    field: CourseField,
    focused: bool,
    area: Rect,
    lang: Lang,
    buf: &mut Buffer,
) {
    let w = usize::from(area.width);
    let text_field = |input: &ratatui_textarea::TextArea<'static>, buf: &mut Buffer| {
        if focused {
            input.render(area, buf);
        } else {
            let text = input.lines().join(" ");
            buf.set_string(area.x, area.y, fit(&text, w), theme::plain());
        }
    };
    let check = |on: bool, buf: &mut Buffer| {
        let word = if on { Msg::YesWord } else { Msg::NoWord };
        let mark = if on { "[x]" } else { "[ ]" };
        buf.set_string(
            area.x,
            area.y,
            format!("{mark} {}", word.text(lang)),
            theme::plain(),
        );
    };
    match field {
        CourseField::Supplier => picker(&form.supplier, focused, area, lang, buf),
        CourseField::Consultant => picker(&form.consultant, focused, area, lang, buf),
        CourseField::Kind => {
            let label = form.kinds.get(form.kind).map_or("", |k| k.1.as_str());
            buf.set_string(area.x, area.y, format!("‹ {label} ›"), theme::plain());
        }
        CourseField::Start => text_field(&form.start, buf),
        CourseField::End => text_field(&form.end, buf),
        CourseField::Hours => text_field(&form.hours, buf),
        CourseField::Cadence => {
            text_field(&form.cadence, buf);
            if focused {
                // The forms a cadence may take, after what is typed.
                let typed = width(&form.cadence.lines().join(" ")) + 3;
                let hint = format!("({})", Msg::CadenceHint.text(lang));
                if typed + width(&hint) <= w {
                    buf.set_string(area.x + typed as u16, area.y, hint, theme::dim());
                }
            }
        }
        CourseField::Purpose => text_field(&form.purpose, buf),
        CourseField::CloseFollowUp => check(form.close_follow_up, buf),
        CourseField::DirectContact => check(form.direct_contact, buf),
        CourseField::PreferredConsultant => text_field(&form.preferred, buf),
    }
}

/// The typed name while focused, then the chosen match as ‹ Name (Organisation) › 1/4.
fn picker(p: &Picker, focused: bool, area: Rect, lang: Lang, buf: &mut Buffer) {
    let w = usize::from(area.width);
    let typed = p.input.lines().join(" ");
    let chosen = match p.chosen_label() {
        Some(label) => {
            let i = p
                .matches
                .iter()
                .position(|m| Some(m.0) == p.chosen)
                .map_or(0, |i| i + 1);
            let count = if p.matches.len() > 1 {
                format!(" {i}/{}", p.matches.len())
            } else {
                String::new()
            };
            (format!("‹ {label} ›{count}"), theme::bold())
        }
        None if typed.trim().is_empty() => ("–".to_string(), theme::dim()),
        None => (Msg::NoMatchWord.text(lang).to_string(), theme::warning()),
    };
    if !focused {
        buf.set_string(area.x, area.y, fit(&chosen.0, w), chosen.1);
        return;
    }
    let input_w = (width(&typed) as u16 + 2).clamp(8, area.width / 2);
    (&p.input).render(Rect::new(area.x, area.y, input_w, 1), buf);
    let x = area.x + input_w + 1;
    let rest = usize::from(area.width.saturating_sub(input_w + 1));
    let style: Style = chosen.1;
    buf.set_string(x, area.y, fit(&format!("→ {}", chosen.0), rest), style);
}
