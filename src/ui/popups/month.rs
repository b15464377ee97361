//! The month overview: a Monday-first grid with ISO week numbers, today, the cursor and the
//! holidays marked.

use super::{footer, frame, row};
use crate::app::calendar::month::Month;
use crate::app::model::Model;
use crate::i18n::{Msg, month_name, weekday_short};
use crate::ui::text::{centered, fit};
use crate::ui::theme;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// The Mondays of the weeks that hold a day of `cursor`'s month.
pub fn weeks(cursor: NaiveDate) -> Vec<NaiveDate> {
    let first = cursor.with_day(1).unwrap_or(cursor);
    let mut monday = first - Duration::days(i64::from(first.weekday().num_days_from_monday()));
    let mut out = Vec::new();
    while monday.month() == first.month() || monday < first {
        out.push(monday);
        monday += Duration::days(7);
    }
    out
}

pub fn draw(model: &Model, month: &Month, body: Rect, buf: &mut Buffer) {
    let lang = model.lang;
    let cursor = month.cursor;
    let weeks = weeks(cursor);
    let holidays = &month.holidays;
    let height = 2 + 1 + weeks.len() as u16 + 1 + 1 + holidays.len() as u16 + 1;
    let area = centered(body, 54, height + 1);
    let title = format!("{} {}", month_name(cursor.month(), lang), cursor.year());
    let inner = frame(area, &title, buf);
    let week_word = fit(Msg::Week.text(lang), 3);
    let mut head = format!("{week_word:>3} ");
    for day in WEEKDAYS {
        let name: String = weekday_short(day, lang).chars().take(2).collect();
        head.push_str(&format!(" {name:>2} "));
    }
    let r = row(inner, 0);
    buf.set_string(r.x, r.y, head, theme::bold());
    for (i, monday) in weeks.iter().enumerate() {
        let r = row(inner, 1 + i as u16);
        buf.set_string(
            r.x,
            r.y,
            format!("{:>3} ", monday.iso_week().week()),
            theme::dim(),
        );
        for (j, day) in monday.iter_days().take(7).enumerate() {
            if day.month() != cursor.month() {
                continue;
            }
            let x = r.x + 4 + j as u16 * 4;
            let is_cursor = day == cursor;
            let left = if is_cursor { "[" } else { " " };
            let right = if is_cursor {
                "]"
            } else if day == model.today() {
                "•"
            } else if month.is_holiday(day) {
                "*"
            } else {
                " "
            };
            let mut style = if j >= 5 { theme::dim() } else { theme::plain() };
            if month.is_holiday(day) {
                style = theme::holiday();
            }
            if day == model.today() {
                style = style.patch(theme::today());
            }
            if is_cursor {
                style = theme::selected();
            }
            buf.set_string(x, r.y, format!("{left}{:>2}{right}", day.day()), style);
        }
    }
    let mut y = 2 + weeks.len() as u16;
    let r = row(inner, y);
    buf.set_string(r.x, r.y, Msg::MonthLegend.text(lang), theme::dim());
    y += 1;
    for (day, name) in holidays {
        let r = row(inner, y);
        buf.set_string(
            r.x,
            r.y,
            fit(
                &format!("* {} {name}", day.format("%d.%m")),
                usize::from(r.width),
            ),
            theme::holiday(),
        );
        y += 1;
    }
    footer(inner, Msg::MonthFooter.text(lang), buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_start_on_monday_and_cover_the_month() {
        let nov = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let w = weeks(nov);
        assert_eq!(w.first(), NaiveDate::from_ymd_opt(2026, 10, 26).as_ref());
        assert_eq!(w.last(), NaiveDate::from_ymd_opt(2026, 11, 30).as_ref());
        assert!(w.iter().all(|d| d.weekday() == Weekday::Mon));
    }
}
