//! The Today screen: today's meetings on the left (the marked one is what the meeting keys
//! change; Tab moves the focus there), the due list on the right grouped now / overdue /
//! today / coming, the week's workload gauge in the rule below them, and the selected item's
//! reason with the keys at the bottom.

use super::day::{split_h, split_v};
use super::text::{fit, pad};
use super::theme;
use crate::app::core::clicks::Target;
use crate::app::model::Model;
use crate::app::today::{Focus, TodayScreen};
use crate::domain::due::{DueCategory, DueGroup, DueItem, DueList, DueWhat};
use crate::i18n::due_words::{call_back_age, call_back_row, due_reason, due_title, list_date};
use crate::i18n::{Lang, Msg, external_title, label_purpose, label_status, weekday_short};
use crate::model::MeetingStatus;
use crate::time::{format_date, format_time};
use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// The header line: "I dag · tirsdag 24.11.2026 · 1 nu · 3 for sent · 5 i dag · 12 kommende",
/// and the filter when one is set.
pub fn header_text(model: &Model, screen: &TodayScreen) -> String {
    let lang = model.lang;
    let today = model.today();
    let list = &screen.list;
    let mut text = format!(
        " {} · {} {}",
        Msg::Today.text(lang),
        weekday_short(today.weekday(), lang),
        format_date(today)
    );
    if screen.is_reading() {
        text.push_str(&format!(" · {}", Msg::TodayReadingWord.text(lang)));
        return text;
    }
    if !list.now.is_empty() {
        text.push_str(&format!(
            " · {} {}",
            list.now.len(),
            Msg::NowWord.text(lang)
        ));
    }
    text.push_str(&format!(
        " · {} {} · {} {} · {} {}",
        list.overdue.len(),
        Msg::DueOverdueWord.text(lang),
        list.today.len(),
        Msg::DueTodayWord.text(lang),
        list.coming.len(),
        Msg::DueComingWord.text(lang),
    ));
    if list.snoozed > 0 {
        text.push_str(&format!(
            " · {} {}",
            list.snoozed,
            Msg::DueSnoozedWord.text(lang)
        ));
    }
    let filter = &screen.filter;
    if !filter.is_empty() {
        let mut what: Vec<String> = filter
            .category
            .map(|c| category_word(c).text(lang).to_string())
            .into_iter()
            .collect();
        if !filter.name.is_empty() {
            what.push(format!("«{}»", filter.name));
        }
        text.push_str(&format!(
            " · {}: {}",
            Msg::TodayFilterWord.text(lang),
            what.join(" ")
        ));
    }
    text
}

fn category_word(category: DueCategory) -> Msg {
    match category {
        DueCategory::CallBacks => Msg::CategoryCallBacks,
        DueCategory::Reports => Msg::CategoryReports,
        DueCategory::Medical => Msg::CategoryMedical,
        DueCategory::Agreements => Msg::CategoryAgreements,
        DueCategory::Cadence => Msg::CategoryCadence,
        DueCategory::Writing => Msg::CategoryWriting,
    }
}

/// Width of the meetings column.
fn meetings_width(area: Rect) -> u16 {
    if area.width >= 110 { 34 } else { 24 }
}

/// Rows at the bottom for the selected item's reason and the keys.
const DETAIL_ROWS: u16 = 4;

pub fn draw(model: &Model, screen: &TodayScreen, area: Rect, buf: &mut Buffer) {
    let (main, detail) = split_v(area, area.height.saturating_sub(DETAIL_ROWS));
    let (left, right) = split_h(main, meetings_width(main));
    let focus = screen.focus;
    draw_meetings(model, focus == Focus::Meetings, left, buf);
    // A page is what the list has room for (less the title row).
    screen
        .view_rows
        .set(usize::from(right.height.saturating_sub(2)).max(1));
    draw_list(model, screen, focus == Focus::List, right, buf);
    draw_detail(model, screen, detail, buf);
}

fn draw_meetings(model: &Model, focused: bool, area: Rect, buf: &mut Buffer) {
    let lang = model.lang;
    let w = usize::from(area.width.saturating_sub(2));
    let title_style = if focused {
        theme::title().add_modifier(ratatui::style::Modifier::UNDERLINED)
    } else {
        theme::title()
    };
    buf.set_string(
        area.x,
        area.y,
        fit(Msg::TodayMeetingsTitle.text(lang), w + 1),
        title_style,
    );
    let today = model.today();
    let occs = model.window.day(today);
    // Busy time from other calendars (#16) among the meetings, by start.
    let mut rows: Vec<(chrono::NaiveDateTime, TodayRow<'_>)> = occs
        .iter()
        .map(|o| (o.start, TodayRow::Meeting(o)))
        .chain(
            model
                .window
                .external_on(today)
                .into_iter()
                .map(|b| (b.start, TodayRow::Busy(b))),
        )
        .collect();
    rows.sort_by_key(|(start, _)| *start);
    if rows.is_empty() {
        // Until the day is read (the database may still be opening), nothing is known.
        let empty = match model.window.facts(today) {
            Some(_) => Msg::NoMeetingsToday,
            None => Msg::TodayReadingWord,
        };
        buf.set_string(area.x, area.y + 1, fit(empty.text(lang), w), theme::dim());
    }
    let mut y = area.y + 1;
    let bottom = area.y + area.height;
    for (shown, (_, row)) in rows.iter().enumerate() {
        let left = rows.len() - shown;
        // Each row takes two lines; the last line says how many did not fit.
        if y + 1 >= bottom || (left > 1 && y + 2 >= bottom) {
            if y < bottom {
                let more = format!("+{left} {}", Msg::MoreWord.text(lang));
                buf.set_string(area.x, y, fit(&more, w), theme::dim());
            }
            break;
        }
        let (first, second, style, marked) = match row {
            TodayRow::Meeting(occ) => {
                let m = occ.meeting;
                let who = match m.case {
                    Some(case) => model.window.case_name(case),
                    None => m.title.clone(),
                };
                let marked = model
                    .selected
                    .is_some_and(|s| s.meeting == m.id && s.start == occ.start);
                let style = match (marked, focused) {
                    (true, true) => theme::selected(),
                    (true, false) => theme::bold(),
                    _ if occ.end() <= model.now => theme::dim(),
                    _ => theme::plain(),
                };
                // An internal block's title already says what it is; a status other than
                // planned is what changed.
                let second = match (m.case, m.status) {
                    (Some(_), MeetingStatus::Planned) => {
                        label_purpose(&m.purpose, lang).into_owned()
                    }
                    (Some(_), status) => format!(
                        "{} · {}",
                        label_status(status, lang),
                        label_purpose(&m.purpose, lang)
                    ),
                    (None, _) => super::text::duration(m.minutes, lang),
                };
                (
                    format!("{} {who}", format_time(occ.start.time())),
                    second,
                    style,
                    marked,
                )
            }
            TodayRow::Busy(b) => {
                let (time, length) = if b.all_day || b.start.date() < today {
                    (
                        "     ".to_string(),
                        Msg::ExternalAllDay.text(lang).to_string(),
                    )
                } else {
                    (
                        format_time(b.start.time()),
                        super::text::duration(b.minutes, lang),
                    )
                };
                // The title first, the calendar's name below it: the column is narrow.
                let edge = if b.is_busy() { "░" } else { "┆" };
                let title = external_title(b, lang).unwrap_or_else(|| b.source.clone());
                let mut second = format!("{} · {length}", b.source);
                if !b.is_busy() {
                    second.push_str(&format!(" ({})", Msg::ExternalFreeWord.text(lang)));
                }
                let style = if b.end() <= model.now {
                    theme::dim()
                } else {
                    theme::plain()
                };
                (format!("{time} {edge}{title}"), second, style, false)
            }
        };
        if let TodayRow::Meeting(occ) = row {
            let target = Target::Meeting {
                id: occ.meeting.id,
                start: occ.start,
            };
            model
                .clicks
                .add(Rect::new(area.x, y, area.width, 2), target);
        }
        // The marker sits in the column's first cell; the time follows it.
        let marker = if marked { "›" } else { " " };
        buf.set_string(area.x, y, marker, theme::key());
        buf.set_string(area.x + 1, y, pad(&first, w.saturating_sub(1)), style);
        buf.set_string(
            area.x + 6,
            y + 1,
            fit(&second, w.saturating_sub(6)),
            theme::dim(),
        );
        y += 2;
    }
    // A rule between the columns.
    for row in area.y..area.y + area.height {
        buf.set_string(
            area.x + area.width.saturating_sub(1),
            row,
            "│",
            theme::dim(),
        );
    }
}

/// A row of today's meetings: one of caseplan's, or busy time from another calendar.
enum TodayRow<'a> {
    Meeting(&'a crate::domain::agenda::Occurrence<'a>),
    Busy(&'a crate::model::ExternalBlock),
}

/// One row of the right column: a group heading with its count, or an item with its index in
/// screen order.
enum Row<'a> {
    Heading(DueGroup, usize),
    Item(usize, &'a DueItem),
}

/// The right column's rows: each group that has items, its heading first. Rows are found from
/// the groups' lengths, so a frame costs what it draws, however long the list.
struct Rows<'a> {
    /// The groups with items, each with the screen index of its first item.
    groups: Vec<(DueGroup, usize, &'a [DueItem])>,
}

impl<'a> Rows<'a> {
    fn of(list: &'a DueList) -> Rows<'a> {
        let mut first = 0;
        let mut groups = Vec::new();
        for (group, items) in list.groups() {
            if !items.is_empty() {
                groups.push((group, first, items.as_slice()));
                first += items.len();
            }
        }
        Rows { groups }
    }

    /// The row the item at `index` (screen order) is drawn on, below its group's heading.
    fn row_of(&self, index: usize) -> Option<usize> {
        let heading = self
            .groups
            .iter()
            .position(|(_, first, items)| index < first + items.len())?;
        Some(index + heading + 1)
    }

    /// The row at `row`.
    fn at(&self, row: usize) -> Option<Row<'a>> {
        let mut top = 0;
        for &(group, first, items) in &self.groups {
            if row == top {
                return Some(Row::Heading(group, items.len()));
            }
            if let Some(item) = items.get(row - top - 1) {
                return Some(Row::Item(first + row - top - 1, item));
            }
            top += items.len() + 1;
        }
        None
    }
}

fn draw_list(model: &Model, screen: &TodayScreen, focused: bool, area: Rect, buf: &mut Buffer) {
    let lang = model.lang;
    let (list, selected) = (&screen.list, screen.selected);
    let x = area.x + 1;
    let w = usize::from(area.width.saturating_sub(2));
    let title_style = if focused {
        theme::title().add_modifier(ratatui::style::Modifier::UNDERLINED)
    } else {
        theme::title()
    };
    buf.set_string(
        x,
        area.y,
        fit(Msg::TodayListTitle.text(lang), w),
        title_style,
    );
    if screen.is_reading() {
        buf.set_string(
            x,
            area.y + 1,
            fit(Msg::TodayReading.text(lang), w),
            theme::dim(),
        );
        return;
    }
    if list.is_empty() {
        let empty = if screen.filter.is_empty() {
            Msg::NothingDue
        } else {
            Msg::NothingMatchesFilter
        };
        buf.set_string(x, area.y + 1, fit(empty.text(lang), w), theme::dim());
        return;
    }
    let rows = Rows::of(list);
    let height = usize::from(area.height.saturating_sub(1));
    let selected_row = rows.row_of(selected).unwrap_or(0);
    // Keep the selected item in view, with its heading when it fits.
    let first = (selected_row + 1).saturating_sub(height);
    for (offset, row) in (first..first + height)
        .map_while(|r| rows.at(r))
        .enumerate()
    {
        let y = area.y + 1 + offset as u16;
        match row {
            Row::Heading(group, n) => {
                let word = match group {
                    DueGroup::Now => Msg::NowWord,
                    DueGroup::Overdue => Msg::DueOverdueWord,
                    DueGroup::Today => Msg::DueTodayWord,
                    DueGroup::Coming => Msg::DueComingWord,
                };
                let style = match group {
                    DueGroup::Overdue | DueGroup::Now => theme::warning(),
                    _ => theme::bold(),
                };
                buf.set_string(x, y, fit(&format!("{} ({n})", word.text(lang)), w), style);
            }
            Row::Item(i, item) => {
                model
                    .clicks
                    .add(Rect::new(area.x, y, area.width, 1), Target::Row(i));
                let name_w = (w / 3).clamp(10, 22);
                // Now-items are counted in minutes: their time, not their day.
                let when = match &item.what {
                    DueWhat::CallBack { at, .. } => format_time(at.time()),
                    DueWhat::Outcome { start, .. } => format_time(start.time()),
                    _ => list_date(item.due, model.today()),
                };
                let text = format!(
                    "{} {} {}",
                    when,
                    pad(&item.case_name, name_w),
                    row_title(model, item, lang)
                );
                let is_selected = i == selected;
                let marker = if is_selected { "›" } else { " " };
                let urgent = matches!(&item.what, DueWhat::CallBack { urgent_at, .. } if model.now >= *urgent_at);
                let style = match (is_selected && focused, urgent) {
                    (true, _) => theme::selected(),
                    (false, true) => theme::error(),
                    (false, false) => theme::plain(),
                };
                buf.set_string(x - 1, y, marker, theme::key());
                buf.set_string(x, y, pad(&text, w), style);
            }
        }
    }
}

/// An item's title in the list; a call-back's says how long the citizen has waited.
fn row_title(model: &Model, item: &crate::domain::due::DueItem, lang: Lang) -> String {
    call_back_row(item, model.now, lang).unwrap_or_else(|| due_title(item, lang))
}

fn draw_detail(model: &Model, screen: &TodayScreen, area: Rect, buf: &mut Buffer) {
    let (list, selected) = (&screen.list, screen.selected);
    if area.height == 0 {
        return;
    }
    let lang = model.lang;
    let w = usize::from(area.width);
    buf.set_string(area.x, area.y, "─".repeat(w), theme::dim());
    // The workload gauge in the rule, so the week's density is in view without a row of its own.
    if let Some(workload) = &model.workload {
        let gauge = super::workload::line(workload, lang, w.saturating_sub(4));
        buf.set_string(area.x + 1, area.y, format!(" {gauge} "), theme::plain());
    }
    let keys_y = area.y + area.height - 1;
    let marked = (screen.focus == Focus::Meetings)
        .then(|| {
            let occs = model.window.day(model.today());
            super::detail::selected(model, &occs).map(|occ| super::detail::lines(model, &occ, true))
        })
        .flatten();
    if let Some((title, lines)) = marked {
        // The marked meeting in one paragraph: when, what, how, where, its status.
        let text: Vec<String> = lines
            .iter()
            .map(|l| {
                l.spans
                    .iter()
                    .map(|s| s.content.as_ref())
                    .collect::<String>()
            })
            .filter(|t| !t.trim().is_empty())
            .collect();
        let line = Line::from(vec![
            Span::styled(format!("{title}: "), theme::bold()),
            Span::raw(text.join(" · ")),
        ]);
        Paragraph::new(line).wrap(Wrap { trim: true }).render(
            Rect::new(
                area.x + 1,
                area.y + 1,
                area.width.saturating_sub(2),
                area.height.saturating_sub(2),
            ),
            buf,
        );
    } else if let Some(item) = list.get(selected) {
        let line = Line::from(vec![
            Span::styled(format!("{}: ", item.case_name), theme::bold()),
            Span::raw(match call_back_age(item, model.now, lang) {
                Some(age) => format!("{age}, {}", due_reason(item, model.today(), lang)),
                None => due_reason(item, model.today(), lang),
            }),
        ]);
        Paragraph::new(line).wrap(Wrap { trim: true }).render(
            Rect::new(
                area.x + 1,
                area.y + 1,
                area.width.saturating_sub(2),
                area.height.saturating_sub(2),
            ),
            buf,
        );
    }
    let hint = match screen.focus {
        Focus::List => Msg::TodayKeysHint,
        Focus::Meetings => Msg::TodayMeetingsKeysHint,
    };
    buf.set_string(
        area.x + 1,
        keys_y,
        fit(hint.text(lang), w.saturating_sub(2)),
        theme::dim(),
    );
}
