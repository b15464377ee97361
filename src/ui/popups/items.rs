//! A case's courses and medical requests: a list, and the selected one in full.

use super::{frame, row};
use crate::app::lookup::items::{CourseFacts, Items, RequestFacts};
use crate::app::model::{Model, Screen};
use crate::i18n::{
    Msg, checklist_gap, label_channel, label_course_kind, label_request_kind, report_action,
    request_state,
};
use crate::model::{ContactId, Course, MedicalRequest};
use crate::time::format_date;
use crate::ui::text::{fit, width as text_width};
use crate::ui::theme;
use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub fn draw(model: &Model, items: &Items, body: Rect, buf: &mut Buffer) {
    let lang = model.lang;
    let area = Rect {
        x: body.x + 2,
        width: body.width.saturating_sub(4),
        ..body
    };
    let inner = frame(area, Msg::ItemsTitle.text(lang), buf);
    let count = items.courses.len() + items.requests.len();
    if count == 0 {
        buf.set_string(inner.x, inner.y, Msg::NoItems.text(lang), theme::dim());
    }
    let width = usize::from(inner.width);
    let mut y = 0u16;
    let titles = items.courses.iter().map(|c| course_title(model, c)).chain(
        items
            .requests
            .iter()
            .zip(&items.request_facts)
            .map(|(r, facts)| request_title(model, r, facts)),
    );
    for (i, title) in titles.enumerate() {
        let marker = if i == items.selected { "▶ " } else { "  " };
        let style = if i == items.selected {
            theme::selected()
        } else {
            theme::plain()
        };
        let r = row(inner, y);
        buf.set_string(r.x, r.y, fit(&format!("{marker}{title}"), width), style);
        y += 1;
    }
    let detail = if items.selected < items.courses.len() {
        let i = items.selected;
        items
            .courses
            .get(i)
            .zip(items.course_facts.get(i))
            .map(|(c, facts)| course_detail(model, c, facts, items.report))
    } else {
        let i = items.selected - items.courses.len();
        items
            .requests
            .get(i)
            .zip(items.request_facts.get(i))
            .map(|(r, facts)| (request_detail(model, r, facts), None))
    };
    let top = inner.y + y + 1;
    let bottom = inner.y + inner.height.saturating_sub(2);
    if let Some((lines, cursor)) = detail
        && top < bottom
    {
        draw_detail(
            &lines,
            cursor,
            Rect::new(inner.x, top, inner.width, bottom - top),
            buf,
        );
    }
    let footer = row(inner, inner.height.saturating_sub(1));
    if items.selected < items.courses.len() {
        // A course: its keys above the moving keys.
        let keys = row(inner, inner.height.saturating_sub(2));
        buf.set_string(
            keys.x,
            keys.y,
            fit(Msg::CourseItemKeys.text(lang), width),
            theme::dim(),
        );
        buf.set_string(
            footer.x,
            footer.y,
            fit(Msg::ItemsMoveKeys.text(lang), width),
            theme::dim(),
        );
    } else {
        buf.set_string(footer.x, footer.y, Msg::ItemsKeys.text(lang), theme::dim());
    }
}

/// The detail's lines wrapped to `area`, scrolled so the line at `cursor` (the report under
/// the cursor) is in view: a course of half a year has more reports than 80x24 shows.
fn draw_detail(lines: &[String], cursor: Option<usize>, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width);
    let mut rows: Vec<String> = Vec::new();
    let mut cursor_rows = None;
    for (i, line) in lines.iter().enumerate() {
        let first = rows.len();
        rows.extend(wrap(line, width));
        if cursor == Some(i) {
            cursor_rows = Some((first, rows.len()));
        }
    }
    let height = usize::from(area.height);
    let offset = cursor_rows.map_or(0, |(_, end)| end.saturating_sub(height));
    for (y, text) in rows.iter().skip(offset).take(height).enumerate() {
        let y = area.y + u16::try_from(y).unwrap_or(u16::MAX);
        buf.set_string(area.x, y, fit(text, width), theme::plain());
    }
}

/// Continuation rows of a wrapped line start this far in, under the text after the marker.
const WRAP_INDENT: usize = 4;

/// `line` broken at spaces into rows of at most `width` columns, continuation rows indented;
/// a word longer than a row is cut by `fit` when drawn.
fn wrap(line: &str, width: usize) -> Vec<String> {
    let indent = if width > 4 * WRAP_INDENT {
        WRAP_INDENT
    } else {
        0
    };
    let mut rows = Vec::new();
    let mut rest = line;
    loop {
        let room = if rows.is_empty() {
            width
        } else {
            width - indent
        };
        if text_width(rest) <= room || room == 0 {
            break;
        }
        // The last space that leaves the row within its room.
        let mut cut = None;
        let mut used = 0;
        for (at, c) in rest.char_indices() {
            if used + char_width(c) > room {
                break;
            }
            if c == ' ' && !rest[..at].trim().is_empty() {
                cut = Some(at);
            }
            used += char_width(c);
        }
        let Some(at) = cut else { break };
        rows.push(continued(&rest[..at], !rows.is_empty(), indent));
        rest = rest[at..].trim_start_matches(' ');
    }
    rows.push(continued(rest, !rows.is_empty(), indent));
    rows
}

fn continued(text: &str, is_continuation: bool, indent: usize) -> String {
    if is_continuation {
        format!("{}{text}", " ".repeat(indent))
    } else {
        text.to_string()
    }
}

fn char_width(c: char) -> usize {
    unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
}

/// A contact's name as the open card knows it.
fn contact_name(model: &Model, id: Option<ContactId>) -> String {
    let Screen::Card { card, .. } = &model.screen else {
        return String::new();
    };
    let Some(id) = id else { return String::new() };
    let from_courses = card
        .courses
        .iter()
        .flat_map(|c| std::iter::once(&c.supplier).chain(c.consultant.as_ref()));
    let from_requests = card
        .medical_requests
        .iter()
        .chain(&card.received_requests)
        .chain(&card.past_requests)
        .filter_map(|r| r.recipient.as_ref());
    from_courses
        .chain(from_requests)
        .find(|c| c.id == id)
        .map_or_else(|| format!("#{id}"), |c| c.name.clone())
}

fn date(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "–".to_string(), format_date)
}

fn course_title(model: &Model, c: &Course) -> String {
    format!(
        "{} · {} · {}–{}",
        label_course_kind(&c.kind, model.lang),
        contact_name(model, Some(c.supplier)),
        format_date(c.start),
        format_date(c.end)
    )
}

/// "Statusattest · Lægehuset Nørrebro · rykker 2 sendt": withdrawn and acted-on requests stay
/// listed, in the case's history.
fn request_title(model: &Model, r: &MedicalRequest, facts: &RequestFacts) -> String {
    let state = facts.state;
    format!(
        "{} · {} · {}",
        label_request_kind(&r.kind, model.lang),
        contact_name(model, r.recipient),
        request_state(state, model.lang)
    )
}

/// The course in full, and which of the lines is the report under the cursor.
fn course_detail(
    model: &Model,
    c: &Course,
    facts: &CourseFacts,
    cursor: Option<usize>,
) -> (Vec<String>, Option<usize>) {
    let lang = model.lang;
    let mut out = vec![format!(
        "{}: {} · {}: {}{}",
        Msg::Supplier.text(lang),
        contact_name(model, Some(c.supplier)),
        Msg::Consultant.text(lang),
        c.consultant
            .map_or_else(|| "–".to_string(), |id| contact_name(model, Some(id))),
        c.hours_per_week.map_or_else(String::new, |h| format!(
            " · {h} {}",
            Msg::HoursPerWeek.text(lang)
        )),
    )];
    let check = &c.checklist;
    let mark = |on: bool| if on { "✓" } else { "✗" };
    let preferred = if check.preferred_consultant.is_empty() {
        String::new()
    } else {
        format!(" · {}", check.preferred_consultant)
    };
    out.push(format!(
        "{}: {} · {} {} · {} {}{preferred}",
        Msg::Order.text(lang),
        if check.purpose.is_empty() {
            "–"
        } else {
            &check.purpose
        },
        mark(check.close_follow_up),
        Msg::CloseFollowUp.text(lang),
        mark(check.direct_contact_given),
        Msg::DirectContactGiven.text(lang),
    ));
    let gaps: Vec<String> = facts
        .gaps
        .iter()
        .map(|g| format!("⚠ {}", checklist_gap(*g, lang)))
        .collect();
    if !gaps.is_empty() {
        out.push(gaps.join("  "));
    }
    out.push(format!("{}:", Msg::ReportsWord.text(lang)));
    if c.reports.is_empty() {
        out.push(format!("  {}", Msg::ReportsNone.text(lang)));
    }
    let mut cursor_line = None;
    for (i, report) in c.reports.iter().enumerate() {
        let marker = if cursor == Some(i) {
            cursor_line = Some(out.len());
            "▶"
        } else {
            " "
        };
        let late = facts.late.get(i).copied().unwrap_or(false);
        let mut line = format!(
            "{marker}{} {}  {} {}  {} {}",
            if late { "!" } else { " " },
            format_date(report.due),
            Msg::ReceivedWord.text(lang),
            date(report.received),
            Msg::ReadWord.text(lang),
            date(report.read)
        );
        if report.is_final {
            line.push_str(&format!(" · {}", Msg::FinalWord.text(lang)));
        }
        if let Some(action) = report.action {
            line.push_str(&format!(" · {}", report_action(action, lang)));
        }
        if !report.note.is_empty() {
            line.push_str(&format!(" · {}", report.note));
        }
        if !report.chases.is_empty() {
            line.push_str(&format!(
                " · {} {}",
                report.chases.len(),
                Msg::ChasesWord.text(lang)
            ));
        }
        out.push(line);
    }
    (out, cursor_line)
}

fn request_detail(model: &Model, r: &MedicalRequest, facts: &RequestFacts) -> Vec<String> {
    let lang = model.lang;
    let deadline = facts.deadline;
    let mut out = vec![
        format!("{}: {}", Msg::QuestionsWord.text(lang), r.questions),
        format!(
            "{} · {} {} · {} {} · {} {}",
            r.purpose,
            Msg::ConsentWord.text(lang),
            date(r.consent),
            Msg::Sent.text(lang).to_lowercase(),
            date(r.sent),
            Msg::Deadline.text(lang).to_lowercase(),
            date(deadline)
        ),
    ];
    let closing: Vec<String> = [
        (Msg::ReceivedWord, r.received),
        (Msg::StateActedOn, r.acted_on),
        (Msg::StateWithdrawn, r.withdrawn),
    ]
    .into_iter()
    .filter_map(|(msg, day)| day.map(|d| format!("{} {}", msg.text(lang), format_date(d))))
    .collect();
    if !closing.is_empty() {
        out.push(closing.join(" · "));
    }
    out.push(Msg::RequestItemKeys.text(lang).to_string());
    out.push(format!("{}:", Msg::ChaseLogWord.text(lang)));
    for chase in &r.chases {
        out.push(format!(
            "  {}  {}  {}  {}",
            format_date(model.settings.zone.local(chase.at).date()),
            label_channel(chase.channel, lang),
            chase.reached,
            chase.note
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_wrap_at_spaces_with_continuation_rows_indented() {
        let rows = wrap(
            "   18.07.2026  modtaget 16.07.2026 · fint · Fravær drøftet",
            30,
        );
        assert_eq!(
            rows,
            vec![
                "   18.07.2026  modtaget",
                "    16.07.2026 · fint ·",
                "    Fravær drøftet"
            ]
        );
        assert!(rows.iter().all(|r| text_width(r) <= 30));
        assert_eq!(wrap("kort", 30), vec!["kort"]);
    }
}
