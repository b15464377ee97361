//! The week planner's proposal (#18): the list of proposed bookings (beside the week at 120
//! columns, in its place at 80) and each proposal as a ghost block in the week: dotted edges
//! and the word "forslag", so it never reads as a booked meeting, in colour or without.

use super::popups::frame;
use super::text::{fit, pad, width};
use super::theme;
use super::timeline::{Scale, minute_of};
use crate::app::model::Model;
use crate::app::planner::WeekPlan;
use crate::i18n::plan_words::{plan_no_place, plan_notes, plan_on_time, plan_whys};
use crate::i18n::{Msg, label_form, label_place, label_purpose, weekday_short};
use chrono::{Datelike, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// The list's width beside the week.
pub const LIST_WIDTH: u16 = 46;
/// From this body width the list goes beside the week; below it, in its place.
pub const BESIDE_FROM: u16 = 110;

/// One line of the list, and whether it belongs to the selected proposal.
struct Row {
    text: String,
    style: Style,
    selected: bool,
}

/// Draws the list in `area`.
pub fn draw_list(model: &Model, wp: &WeekPlan, area: Rect, buf: &mut Buffer) {
    let lang = model.lang;
    let today = model.today();
    let title = format!(
        "{} {}",
        Msg::PlanTitle.text(lang),
        wp.monday.iso_week().week(),
    );
    let inner = frame(area, &title, buf);
    if inner.height < 3 {
        return;
    }
    let w = usize::from(inner.width);
    let mut rows: Vec<Row> = Vec::new();
    let plain = |text: String, style: Style| Row {
        text,
        style,
        selected: false,
    };
    rows.push(plain(
        format!(
            "{}: {} · {}: {}",
            capitalised(Msg::PlanProposals.text(lang)),
            wp.plan.proposals.len(),
            Msg::PlanUnplaced.text(lang),
            wp.plan.unplaced.len(),
        ),
        theme::bold(),
    ));
    let (placed, total) = wp.plan.cadence_on_time();
    if total > 0 {
        rows.push(plain(plan_on_time(placed, total, lang), theme::dim()));
    }
    for (i, p) in wp.plan.proposals.iter().enumerate() {
        let m = &p.meeting;
        let selected = i == wp.selected;
        let marker = if selected { "▶" } else { " " };
        let head = format!(
            "{marker}{} {} {}–{} {}",
            weekday_short(m.start.weekday(), lang),
            m.start.format("%d.%m"),
            m.start.format("%H:%M"),
            m.end().format("%H:%M"),
            p.name
        );
        let place = if m.place.text.is_empty() {
            label_place(m.place.kind, lang).to_owned()
        } else {
            m.place.text.clone()
        };
        let what = format!(
            "  {} · {} · {place}",
            label_purpose(&m.purpose, lang),
            label_form(m.form, lang)
        );
        let style = if selected {
            theme::selected()
        } else {
            theme::bold()
        };
        rows.push(Row {
            text: head,
            style,
            selected,
        });
        rows.push(Row {
            text: what,
            style: theme::plain(),
            selected,
        });
        for line in wrap(&plan_whys(&p.whys, today, lang), w.saturating_sub(2), 2) {
            rows.push(Row {
                text: format!("  {line}"),
                style: theme::dim(),
                selected,
            });
        }
        for note in plan_notes(p, today, lang) {
            rows.push(Row {
                text: format!("  ! {note}"),
                style: theme::warning(),
                selected,
            });
        }
    }
    if !wp.plan.unplaced.is_empty() {
        rows.push(plain(String::new(), theme::plain()));
        rows.push(plain(
            format!("{}:", capitalised(Msg::PlanUnplaced.text(lang))),
            theme::bold(),
        ));
        for u in &wp.plan.unplaced {
            let why = format!("{}: {}", u.name, plan_no_place(u.why_not, today, lang));
            for line in wrap(&why, w.saturating_sub(1), 2) {
                rows.push(plain(format!(" {line}"), theme::warning()));
            }
            for line in wrap(&plan_whys(&u.whys, today, lang), w.saturating_sub(2), 2) {
                rows.push(plain(format!("  {line}"), theme::dim()));
            }
        }
    }
    // The last row holds the keys; the selected proposal is kept in view above it.
    let room = usize::from(inner.height - 1);
    let first_selected = rows.iter().position(|r| r.selected).unwrap_or(0);
    let last_selected = rows.iter().rposition(|r| r.selected).unwrap_or(0);
    let offset = if last_selected >= room {
        (last_selected + 1 - room).min(first_selected)
    } else {
        0
    };
    for (y, row) in rows.iter().skip(offset).take(room).enumerate() {
        let style = if row.selected && row.style != theme::selected() {
            row.style.patch(theme::bold())
        } else {
            row.style
        };
        buf.set_string(inner.x, inner.y + y as u16, pad(&row.text, w), style);
    }
    buf.set_string(
        inner.x,
        inner.y + inner.height - 1,
        fit(Msg::PlanKeys.text(lang), w),
        theme::dim(),
    );
}

/// Draws the proposals that fall on `day` as ghost blocks in its column (`area`, at `scale`).
pub fn draw_ghosts(
    model: &Model,
    wp: &WeekPlan,
    day: NaiveDate,
    scale: &Scale,
    area: Rect,
    buf: &mut Buffer,
) {
    if area.width < 3 {
        return;
    }
    let rows = i64::from(area.height.min(scale.rows));
    let word = Msg::PlanGhost.text(model.lang);
    for (i, p) in wp.plan.proposals.iter().enumerate() {
        let m = &p.meeting;
        if m.start.date() != day {
            continue;
        }
        let top = scale.row_floor(i64::from(minute_of(m.start.time())));
        let bottom = scale.row(i64::from(minute_of(m.end().time()))).max(top + 1);
        let (top, bottom) = (top.max(0), bottom.min(rows));
        let style = if i == wp.selected {
            theme::ghost().patch(theme::selected())
        } else {
            theme::ghost()
        };
        let inside = usize::from(area.width - 2);
        let time = m.start.format("%H:%M").to_string();
        let both = format!("{word} {time}");
        let lines = if width(&both) <= inside {
            [both, p.name.clone()]
        } else {
            [word.to_owned(), format!("{time} {}", p.name)]
        };
        for (n, row) in (top..bottom).enumerate() {
            let y = area.y + row as u16;
            buf.set_string(area.x, y, "┆", style);
            buf.set_string(area.x + area.width - 1, y, "┆", style);
            let text = match n {
                0 => lines[0].as_str(),
                1 => lines[1].as_str(),
                _ => "",
            };
            buf.set_string(area.x + 1, y, pad(text, inside), style);
        }
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// `text` in lines of at most `max` columns, broken between words, at most `lines` of them
/// (the last cut with "…" when more is left).
fn wrap(text: &str, max: usize, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let next = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if width(&next) <= max || line.is_empty() {
            line = next;
        } else {
            out.push(std::mem::replace(&mut line, word.to_owned()));
        }
    }
    if !line.is_empty() {
        out.push(line);
    }
    if out.len() > lines {
        let rest = out.split_off(lines - 1).join(" ");
        out.push(fit(&rest, max));
    }
    out.into_iter().map(|l| fit(&l, max)).collect()
}
