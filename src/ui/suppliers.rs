//! The supplier overview: suppliers with running courses on the left (citizens, next report,
//! late reports), the selected supplier's citizens on the right with who goes on the visit.

use super::card::hint_line;
use super::text::{fit, pad, width};
use super::theme;
use crate::app::core::action::Named;
use crate::app::core::clicks::Target;
use crate::app::model::Model;
use crate::app::prompt::PromptKind;
use crate::app::suppliers::{Pane, Suppliers, visit_summary};
use crate::i18n::{Lang, Msg, count, label_course_kind};
use crate::keymap::Layer;
use crate::query::suppliers::{SupplierCourse, SupplierRow};
use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// The right list puts a citizen on one line from this width; narrower, on two.
const ONE_LINE_FROM: usize = 66;

pub fn draw(model: &Model, state: &Suppliers, area: Rect, buf: &mut Buffer) {
    if area.height < 3 || area.width < 20 {
        return;
    }
    let lang = model.lang;
    let rows = area.height - 1;
    let hints: [(&[Named], Msg); 5] = [
        (&[Named::PlanSupplierVisit], Msg::HintPlanVisit),
        (&[Named::ToggleVisitCitizen], Msg::HintToggleVisit),
        (&[Named::NextField], Msg::HintSwitchPane),
        (&[Named::Submit], Msg::HintOpenCase),
        (&[Named::CloseCard], Msg::HintBack),
    ];
    let hints_row = Rect::new(area.x, area.y + rows, area.width, 1);
    if state.rows.is_empty() {
        let text = Msg::NoSuppliers.text(lang);
        buf.set_string(
            area.x + 1,
            area.y + 1,
            fit(text, usize::from(area.width - 2)),
            theme::dim(),
        );
        hint_line(model, &hints[4..], Layer::Suppliers, None, hints_row, buf);
        return;
    }
    let left_w = (area.width * 2 / 5).clamp(39, 52);
    let left = Rect::new(area.x + 1, area.y, left_w - 1, rows);
    let right = Rect::new(
        area.x + left_w + 1,
        area.y,
        area.width.saturating_sub(left_w + 2),
        rows,
    );
    put_lines(
        &supplier_lines(state, usize::from(left.width), rows, lang),
        left,
        buf,
    );
    let (first, visible) = shown_suppliers(state, rows);
    for (line, i) in (first..state.rows.len()).take(visible).enumerate() {
        let y = left.y + 1 + line as u16;
        model
            .clicks
            .add(Rect::new(left.x, y, left.width, 1), Target::Row(i));
    }
    for y in area.y..area.y + rows {
        buf[(area.x + left_w, y)]
            .set_symbol("│")
            .set_style(theme::dim());
    }
    if let Some(row) = state.row() {
        let lines = citizen_lines(state, row, usize::from(right.width), rows, lang);
        put_lines(&lines, right, buf);
    }
    hint_line(model, &hints, Layer::Suppliers, None, hints_row, buf);
}

/// The prompts of the visit: the day (naming the supplier), then the length.
pub fn prompt_title(model: &Model, kind: PromptKind) -> String {
    let lang = model.lang;
    let supplier = match &model.screen {
        crate::app::model::Screen::Suppliers(state) => state.row().map(|r| r.name.clone()),
        _ => None,
    };
    match kind {
        PromptKind::VisitMinutes(_) => Msg::PromptVisitMinutes.text(lang).to_string(),
        _ => Msg::PromptVisitDay
            .text(lang)
            .replace("{supplier}", &supplier.unwrap_or_default()),
    }
}

fn put_lines(lines: &[Line<'static>], area: Rect, buf: &mut Buffer) {
    for (i, line) in lines.iter().take(usize::from(area.height)).enumerate() {
        buf.set_line(area.x, area.y + i as u16, line, area.width);
    }
}

/// "24.11".
fn short(date: NaiveDate) -> String {
    date.format("%d.%m").to_string()
}

/// Right-aligned in `w` columns.
fn right(s: &str, w: usize) -> String {
    let s = fit(s, w);
    format!("{}{s}", " ".repeat(w.saturating_sub(width(&s))))
}

/// The marker of a selected row ("▶ "), its style: reversed in the list with the keys.
fn marker(is_selected: bool, focused: bool) -> (&'static str, Style) {
    match (is_selected, focused) {
        (true, true) => ("▶ ", theme::selected()),
        (true, false) => ("▶ ", theme::bold()),
        _ => ("  ", theme::plain()),
    }
}

fn supplier_lines(state: &Suppliers, w: usize, rows: u16, lang: Lang) -> Vec<Line<'static>> {
    // The number columns are as wide as their headings.
    let citizens_w = width(Msg::CitizensColumn.text(lang)).max(3);
    let report_w = width(Msg::Report.text(lang)).max(5);
    const LATE: usize = 4;
    let name_w = w.saturating_sub(2 + citizens_w + 1 + report_w + 1 + LATE);
    let mut out = vec![Line::styled(
        format!(
            "  {}{} {} {}",
            pad(Msg::Supplier.text(lang), name_w),
            right(Msg::CitizensColumn.text(lang), citizens_w),
            right(Msg::Report.text(lang), report_w),
            right("⚠", LATE)
        ),
        theme::title(),
    )];
    let (first, visible) = shown_suppliers(state, rows);
    let focused = state.focus == Pane::Suppliers;
    for (i, row) in state.rows.iter().enumerate().skip(first).take(visible) {
        let (mark, style) = marker(i == state.selected, focused);
        let late = if row.late > 0 {
            format!("⚠ {}", row.late)
        } else {
            String::new()
        };
        let text = format!(
            "{mark}{}{} {} ",
            pad(&row.name, name_w),
            right(&row.citizens.to_string(), citizens_w),
            right(&row.next_report.map(short).unwrap_or_default(), report_w),
        );
        let late_style = if row.late > 0 && i != state.selected {
            theme::warning()
        } else {
            style
        };
        out.push(Line::from(vec![
            Span::styled(text, style),
            Span::styled(right(&late, LATE), late_style),
        ]));
    }
    out
}

/// The first supplier shown in `rows` lines (one is the heading), and how many are, so the
/// selected one is.
fn shown_suppliers(state: &Suppliers, rows: u16) -> (usize, usize) {
    let visible = usize::from(rows).saturating_sub(1).max(1);
    (state.selected.saturating_sub(visible - 1), visible)
}

fn citizen_lines(
    state: &Suppliers,
    row: &SupplierRow,
    w: usize,
    rows: u16,
    lang: Lang,
) -> Vec<Line<'static>> {
    let mut out = vec![
        Line::styled(fit(&row.name, w), theme::bold()),
        Line::styled(fit(&visit_summary(state, lang), w), theme::dim()),
    ];
    let one_line = w >= ONE_LINE_FROM;
    let report_w = width(Msg::Report.text(lang)).max(5);
    let end_w = width(Msg::EndColumn.text(lang)).max(5);
    // Room for the marks first ("⚠ 1 for sent (16 dage)"), the name takes what is left.
    let name_w = w
        .saturating_sub(6 + 11 + end_w + 1 + report_w + 1 + 24)
        .clamp(12, 24);
    if one_line {
        out.push(Line::styled(
            format!(
                "      {} {} {} {}",
                pad(Msg::Citizen.text(lang), name_w),
                pad(Msg::FieldKind.text(lang), 10),
                pad(Msg::EndColumn.text(lang), end_w),
                pad(Msg::Report.text(lang), report_w),
            ),
            theme::title(),
        ));
    }
    let header = out.len();
    // Each citizen's lines, then the first citizen shown so that the selected one is.
    let blocks: Vec<Vec<Line<'static>>> = row
        .courses
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let (mark, style) = marker(i == state.citizen, state.focus == Pane::Citizens);
            let check = if state.left_out.contains(&c.case) {
                "[ ] "
            } else {
                "[x] "
            };
            if one_line {
                vec![wide_line(
                    c,
                    mark,
                    check,
                    style,
                    (name_w, end_w, report_w),
                    w,
                    lang,
                )]
            } else {
                narrow_lines(c, mark, check, style, w, lang)
            }
        })
        .collect();
    let room = usize::from(rows).saturating_sub(header);
    let mut first = 0;
    while first < state.citizen
        && blocks[first..=state.citizen.min(blocks.len().saturating_sub(1))]
            .iter()
            .map(Vec::len)
            .sum::<usize>()
            > room
    {
        first += 1;
    }
    let mut used = 0;
    for block in blocks.iter().skip(first) {
        if used + block.len() > room {
            break;
        }
        used += block.len();
        out.extend(block.iter().cloned());
    }
    // The selected citizen in full below the list, when there is room for it.
    if let Some(c) = row.courses.get(state.citizen) {
        let detail = detail_lines(c, w, lang);
        if out.len() + 1 + detail.len() <= usize::from(rows) {
            out.push(Line::raw(""));
            out.extend(detail);
        }
    }
    out
}

fn wide_line(
    c: &SupplierCourse,
    mark: &str,
    check: &str,
    style: Style,
    (name_w, end_w, report_w): (usize, usize, usize),
    w: usize,
    lang: Lang,
) -> Line<'static> {
    let text = format!(
        "{mark}{check}{} {} {} {}",
        pad(&c.case_name, name_w),
        pad(&label_course_kind(&c.kind, lang), 10),
        pad(&short(c.end), end_w),
        pad(&c.next_report.map(short).unwrap_or_default(), report_w),
    );
    let rest = w.saturating_sub(width(&text) + 1);
    Line::from(vec![
        Span::styled(text, style),
        Span::raw(" "),
        Span::styled(fit(&marks(c, lang), rest), mark_style(c)),
    ])
}

/// Two lines (name and kind; end and next report), a third for the marks when they do not
/// fit on the second.
fn narrow_lines(
    c: &SupplierCourse,
    mark: &str,
    check: &str,
    style: Style,
    w: usize,
    lang: Lang,
) -> Vec<Line<'static>> {
    let kind = label_course_kind(&c.kind, lang);
    let first = format!("{mark}{check}{} · {kind}", c.case_name);
    let mut facts = vec![format!("{} {}", Msg::EndColumn.text(lang), short(c.end))];
    if let Some(next) = c.next_report {
        facts.push(format!("{} {}", Msg::Report.text(lang), short(next)));
    }
    let facts = format!("      {}", facts.join(" · "));
    let marks = marks(c, lang);
    let mut out = vec![Line::styled(fit(&first, w), style)];
    if marks.is_empty() {
        out.push(Line::styled(facts, theme::dim()));
    } else if width(&facts) + 3 + width(&marks) <= w {
        out.push(Line::from(vec![
            Span::styled(facts, theme::dim()),
            Span::raw(" · "),
            Span::styled(marks, mark_style(c)),
        ]));
    } else {
        out.push(Line::styled(facts, theme::dim()));
        out.push(Line::styled(
            fit(&format!("      {marks}"), w),
            mark_style(c),
        ));
    }
    out
}

/// The selected citizen: consultant, course and every late report.
fn detail_lines(c: &SupplierCourse, w: usize, lang: Lang) -> Vec<Line<'static>> {
    let label_w = [Msg::Consultant, Msg::EndColumn, Msg::LateReports]
        .iter()
        .map(|m| width(m.text(lang)))
        .max()
        .unwrap_or(0)
        + 2;
    let line = |label: Msg, value: String, style: Style| {
        Line::from(vec![
            Span::styled(pad(label.text(lang), label_w), theme::bold()),
            Span::styled(fit(&value, w.saturating_sub(label_w)), style),
        ])
    };
    let mut out = vec![Line::styled(fit(&c.case_name, w), theme::title())];
    if let Some(name) = &c.consultant_name {
        out.push(line(Msg::Consultant, name.clone(), theme::plain()));
    }
    out.push(line(
        Msg::EndColumn,
        crate::time::format_date(c.end),
        theme::plain(),
    ));
    if !c.late.is_empty() {
        let late: Vec<String> = c
            .late
            .iter()
            .map(|(due, days)| format!("{} ({})", short(*due), count::days(i64::from(*days), lang)))
            .collect();
        out.push(line(Msg::LateReports, late.join(", "), theme::warning()));
    }
    out
}

fn mark_style(c: &SupplierCourse) -> Style {
    if c.late.is_empty() {
        theme::plain()
    } else {
        theme::warning()
    }
}

/// "⚠ 2 for sent (34 dage) · 1 ulæst · slutter snart".
fn marks(c: &SupplierCourse, lang: Lang) -> String {
    let mut out = Vec::new();
    if !c.late.is_empty() {
        let oldest = c.late.iter().map(|l| l.1).max().unwrap_or(0);
        out.push(format!(
            "⚠ {} ({})",
            Msg::LateCount
                .text(lang)
                .replace("{n}", &c.late.len().to_string()),
            count::days(i64::from(oldest), lang)
        ));
    }
    if c.unread > 0 {
        out.push(
            Msg::UnreadCount
                .text(lang)
                .replace("{n}", &c.unread.to_string()),
        );
    }
    if c.ending_soon {
        out.push(Msg::EndingSoon.text(lang).to_string());
    }
    out.join(" · ")
}
