//! The caseload board: a title line with the counts, sort and filter; a column header; one row
//! per case, the selection kept on screen; the keys at the bottom. Narrow terminals drop the
//! least important columns first; the name and "where now → next step" always stay.

use super::text::{fit, pad};
use super::theme;
use crate::app::board::Board;
use crate::app::core::clicks::Target;
use crate::app::model::Model;
use crate::i18n::{Lang, Msg};
use crate::query::board::{BoardRow, Column};
use crate::query::board_sheet::flags_short;
use chrono::{Datelike, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// Lines above the rows (title, column header) and below them (the selected case's "where
/// now" and "next step" in full, and the keys).
const HEAD: u16 = 2;
const FOOT: u16 = 2;
/// "Where now → next step" takes the room left, but gets at least this much.
const WHERE_MIN: usize = 21;

/// The fixed-width columns, least important first: the order they are dropped in.
const DROP_ORDER: [Column; 8] = [
    Column::Missed,
    Column::Group,
    Column::LateReports,
    Column::OpenRequests,
    Column::CadenceDue,
    Column::Flags,
    Column::NextMeeting,
    Column::SinceContact,
];

/// The columns left to right.
const ORDER: [Column; 10] = [
    Column::Name,
    Column::Group,
    Column::WhereNow,
    Column::NextMeeting,
    Column::SinceContact,
    Column::CadenceDue,
    Column::Missed,
    Column::LateReports,
    Column::OpenRequests,
    Column::Flags,
];

fn fixed_width(column: Column, total: u16) -> usize {
    match column {
        Column::Name if total >= 120 => 22,
        Column::Name => 18,
        Column::Group => 16,
        Column::WhereNow => 0,
        Column::NextMeeting => 11,
        Column::SinceContact => 6,
        Column::CadenceDue => 8,
        Column::Missed => 5,
        Column::LateReports => 5,
        Column::OpenRequests => 5,
        Column::Flags => 11,
    }
}

/// The columns that fit in `total` columns, with their widths, left to right. The column the
/// board is sorted by is never dropped: the title names it, so the rows must show it.
pub fn layout(total: u16, sorted_by: Column) -> Vec<(Column, usize)> {
    let mut kept: Vec<Column> = ORDER.to_vec();
    let needed = |kept: &[Column]| {
        let fixed: usize = kept.iter().map(|c| fixed_width(*c, total)).sum();
        // One space between columns, and a margin of one at the left.
        fixed + WHERE_MIN + kept.len()
    };
    for drop in DROP_ORDER.into_iter().filter(|c| *c != sorted_by) {
        if needed(&kept) <= usize::from(total) {
            break;
        }
        kept.retain(|c| *c != drop);
    }
    let fixed: usize = kept.iter().map(|c| fixed_width(*c, total)).sum();
    let where_w = usize::from(total).saturating_sub(fixed + kept.len());
    kept.into_iter()
        .map(|c| {
            let w = if c == Column::WhereNow {
                where_w
            } else {
                fixed_width(c, total)
            };
            (c, w)
        })
        .collect()
}

pub fn draw(model: &Model, board: &Board, area: Rect, buf: &mut Buffer) {
    let lang = model.lang;
    if area.height < HEAD + FOOT + 1 {
        return;
    }
    let columns = layout(area.width, board.sort);
    title(board, lang, Rect::new(area.x, area.y, area.width, 1), buf);
    header(board, &columns, lang, area.x, area.y + 1, buf);
    let body = Rect::new(area.x, area.y + HEAD, area.width, area.height - HEAD - FOOT);
    let keys = Msg::BoardKeys.text(lang);
    let inner = usize::from(area.width.saturating_sub(2));
    buf.set_string(
        area.x + 1,
        area.y + area.height - 1,
        fit(keys, inner),
        theme::dim(),
    );
    if let Some(row) = board.selected_row() {
        buf.set_string(
            area.x + 1,
            area.y + area.height - 2,
            fit(&plans(row, lang), inner),
            theme::plain(),
        );
    }
    let Some(_) = &board.rows else {
        buf.set_string(
            body.x + 1,
            body.y,
            Msg::BoardLoading.text(lang),
            theme::dim(),
        );
        return;
    };
    if board.shown.is_empty() {
        buf.set_string(
            body.x + 1,
            body.y,
            Msg::BoardNoRows.text(lang),
            theme::dim(),
        );
        return;
    }
    let height = usize::from(body.height);
    board.view_rows.set(height);
    let offset = offset(board, height);
    for (line, (index, row)) in board.page_of(offset, height).enumerate() {
        let style = if index == board.selected {
            theme::selected()
        } else {
            theme::plain()
        };
        let y = body.y + line as u16;
        let row_area = Rect::new(body.x, y, body.width, 1);
        model.clicks.add(row_area, Target::Row(index));
        buf.set_style(row_area, style);
        draw_row(row, board.today, &columns, lang, style, body.x, y, buf);
    }
}

/// "Hvor er vi nu: … · Næste skridt: …" of one case, on one line.
fn plans(row: &BoardRow, lang: Lang) -> String {
    let one_line = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let value = |text: &str| match one_line(text) {
        t if t.is_empty() => "–".to_string(),
        t => t,
    };
    format!(
        "{}: {} · {}: {}",
        Msg::WhereNow.text(lang),
        value(&row.where_now),
        Msg::NextStep.text(lang),
        value(&row.next_step)
    )
}

/// The first row on screen: the board's offset, moved so the selection is visible and the
/// screen is not left half empty at the end.
fn offset(board: &Board, height: usize) -> usize {
    let mut offset = board.offset;
    if board.selected >= offset + height {
        offset = board.selected + 1 - height;
    }
    offset
        .min(board.shown.len().saturating_sub(height))
        .min(board.selected)
}

/// "Sagsoversigt · 42 af 50 sager · sorteret efter Siden ↓ · kun overskredne · filtreret: …".
fn title(board: &Board, lang: Lang, area: Rect, buf: &mut Buffer) {
    let mut parts = vec![Msg::BoardTitle.text(lang).to_string()];
    if let Some(name) = &board.view_name {
        parts.push(format!("{}: {name}", Msg::BoardViewWord.text(lang)));
    }
    if board.rows.is_some() {
        parts.push(format!(
            "{} {} {} {}",
            board.shown.len(),
            Msg::OfWord.text(lang),
            board.total(),
            Msg::Cases.text(lang).to_lowercase()
        ));
    }
    parts.push(format!(
        "{} {} {}",
        Msg::BoardSortedBy.text(lang),
        column_title(board.sort, lang),
        arrow(board.reverse)
    ));
    if board.overdue_only {
        parts.push(Msg::BoardOverdueOnlyMark.text(lang).to_string());
    }
    if !board.filter_text.is_empty() {
        parts.push(format!(
            "{}: {}",
            Msg::BoardFilterWord.text(lang),
            board.filter_text
        ));
    }
    let text = format!(" {}", parts.join(" · "));
    buf.set_string(
        area.x,
        area.y,
        fit(&text, usize::from(area.width)),
        theme::title(),
    );
}

fn arrow(reverse: bool) -> &'static str {
    if reverse { "↑" } else { "↓" }
}

fn column_title(column: Column, lang: Lang) -> &'static str {
    match column {
        Column::Name => Msg::FieldName,
        Column::Group => Msg::BoardColGroup,
        Column::WhereNow => Msg::BoardColWhere,
        Column::NextMeeting => Msg::NextActionColumn,
        Column::SinceContact => Msg::BoardColSince,
        Column::CadenceDue => Msg::BoardColCadence,
        Column::Missed => Msg::BoardColMissed,
        Column::LateReports => Msg::BoardColLate,
        Column::OpenRequests => Msg::BoardColRequests,
        Column::Flags => Msg::BoardColFlags,
    }
    .text(lang)
}

fn header(
    board: &Board,
    columns: &[(Column, usize)],
    lang: Lang,
    x: u16,
    y: u16,
    buf: &mut Buffer,
) {
    let mut at = x + 1;
    for (column, w) in columns {
        let mut text = column_title(*column, lang).to_string();
        if *column == board.sort {
            text = format!(
                "{}{}",
                fit(&text, w.saturating_sub(1)),
                arrow(board.reverse)
            );
        }
        buf.set_string(at, y, pad(&text, *w), theme::today());
        at += *w as u16 + 1;
    }
}

#[allow(clippy::too_many_arguments)]
fn draw_row(
    row: &BoardRow,
    today: NaiveDate,
    columns: &[(Column, usize)],
    lang: Lang,
    base: Style,
    x: u16,
    y: u16,
    buf: &mut Buffer,
) {
    let mut at = x + 1;
    for (column, w) in columns {
        let (text, warn) = cell(row, *column, today, lang);
        let style = if warn {
            base.patch(theme::warning())
        } else {
            base
        };
        buf.set_string(at, y, pad(&text, *w), style);
        at += *w as u16 + 1;
    }
}

/// A cell's text, and whether it marks something overdue (also marked with "!", since colour
/// is never the only signal).
fn cell(row: &BoardRow, column: Column, today: NaiveDate, lang: Lang) -> (String, bool) {
    let dash = || "–".to_string();
    match column {
        Column::Name => (row.name.clone(), false),
        Column::Group => (row.target_group_label.clone(), false),
        Column::WhereNow => {
            let text = match (row.where_now.trim(), row.next_step.trim()) {
                ("", "") => dash(),
                (now, "") => now.to_string(),
                ("", next) => format!("→ {next}"),
                (now, next) => format!("{now} → {next}"),
            };
            (text.split_whitespace().collect::<Vec<_>>().join(" "), false)
        }
        Column::NextMeeting => (
            row.next_meeting
                .map_or_else(dash, |at| at.format("%d.%m %H:%M").to_string()),
            false,
        ),
        Column::SinceContact => (
            row.days_since_contact
                .map_or_else(dash, |d| format!("{d} d")),
            false,
        ),
        Column::CadenceDue => match row.cadence_due {
            Some(due) if due < today => (format!("!{}", short_date(due, today)), true),
            Some(due) => (short_date(due, today), false),
            None => (dash(), false),
        },
        Column::Missed => match row.missed_last_year {
            0 => (String::new(), false),
            n => (n.to_string(), false),
        },
        Column::LateReports => match row.late_reports.len() {
            0 => (String::new(), false),
            n => (format!("!{n}"), true),
        },
        Column::OpenRequests => {
            let overdue = row.open_requests.iter().any(|r| r.overdue);
            match (row.open_requests.len(), overdue) {
                (0, _) => (String::new(), false),
                (n, true) => (format!("!{n}"), true),
                (n, false) => (n.to_string(), false),
            }
        }
        Column::Flags => {
            let text = flags_short(&row.flags, lang);
            let sos = row.flags.sos;
            (text, sos)
        }
    }
}

/// "20.11", with the year's last two digits when not this year: "03.01.27".
fn short_date(day: NaiveDate, today: NaiveDate) -> String {
    if day.year() == today.year() {
        day.format("%d.%m").to_string()
    } else {
        day.format("%d.%m.%y").to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_terminals_drop_the_least_important_columns_first() {
        let columns = |total, sort| -> Vec<Column> {
            layout(total, sort).into_iter().map(|(c, _)| c).collect()
        };
        assert_eq!(columns(160, Column::Name), ORDER.to_vec());
        let narrow = columns(80, Column::Name);
        assert!(!narrow.contains(&Column::Group));
        assert!(narrow.contains(&Column::Name) && narrow.contains(&Column::WhereNow));
        assert!(narrow.contains(&Column::SinceContact));
        for total in [80u16, 100, 120, 200] {
            for sort in ORDER {
                let used: usize = layout(total, sort).iter().map(|(_, w)| w + 1).sum();
                assert!(used <= usize::from(total), "{total} {sort:?}: {used}");
                let where_w = layout(total, sort)
                    .iter()
                    .find(|(c, _)| *c == Column::WhereNow)
                    .map(|(_, w)| *w)
                    .unwrap();
                assert!(where_w >= WHERE_MIN, "{total} {sort:?}: {where_w}");
            }
        }
    }

    #[test]
    fn the_column_the_board_is_sorted_by_stays_on_a_narrow_terminal() {
        for sort in ORDER {
            let shown: Vec<Column> = layout(80, sort).into_iter().map(|(c, _)| c).collect();
            assert!(shown.contains(&sort), "{sort:?}: {shown:?}");
        }
    }
}
