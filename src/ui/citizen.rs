//! The citizen view (#17): the whole screen for the citizen beside the caseworker, in plain
//! words with room around them. Coming meetings on the left; what was agreed and the courses
//! on the right. A block is drawn whole or not at all, so nothing is cut off mid-sentence.
//! It draws a `CitizenView` alone: the card and the caseload are not in reach here.

use super::text::width;
use super::theme;
use crate::i18n::{Lang, Msg, label_course_kind, label_place, label_purpose, label_role};
use crate::i18n::{month_name, weekday_long};
use crate::model::{MeetingForm, Party, PlaceKind};
use crate::query::citizen::{CitizenAgreement, CitizenCourse, CitizenMeeting, CitizenView};
use crate::time::format_time;
use chrono::{Datelike, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Room at the sides and between the columns.
const MARGIN: u16 = 3;
const GUTTER: u16 = 4;

pub fn draw(lang: Lang, view: &CitizenView, area: Rect, buf: &mut Buffer) {
    if area.width <= 2 * MARGIN + GUTTER || area.height < 6 {
        return;
    }
    let inner = Rect {
        x: area.x + MARGIN,
        y: area.y + 1,
        width: area.width - 2 * MARGIN,
        height: area.height - 2,
    };
    let name = Line::styled(view.name.clone(), theme::title());
    let x = inner.x + inner.width.saturating_sub(line_width(&name)) / 2;
    buf.set_line(x, inner.y, &name, inner.width);

    let body = Rect {
        y: inner.y + 2,
        height: inner.height.saturating_sub(3),
        ..inner
    };
    let left_w = (body.width - GUTTER) * 11 / 20;
    let left = Rect {
        width: left_w,
        ..body
    };
    let right = Rect {
        x: body.x + left_w + GUTTER,
        width: body.width - left_w - GUTTER,
        ..body
    };

    let mut meetings = vec![heading(Msg::CitizenYourMeetings, lang)];
    if view.meetings.is_empty() {
        meetings.push(vec![plain(Msg::CitizenNoMeetings.text(lang))]);
    }
    meetings.extend(view.meetings.iter().map(|m| meeting(m, lang)));
    column(&meetings, left, buf);

    let mut agreed = vec![heading(Msg::CitizenAgreements, lang)];
    if view.agreements.is_empty() {
        agreed.push(vec![plain(Msg::CitizenNoAgreements.text(lang))]);
    }
    agreed.extend(view.agreements.iter().map(|a| agreement(a, lang)));
    if !view.courses.is_empty() {
        agreed.push(heading(Msg::CitizenCourses, lang));
        agreed.extend(view.courses.iter().map(|c| course(c, lang)));
    }
    column(&agreed, right, buf);

    let back = Line::styled(Msg::CitizenBack.text(lang), theme::dim());
    let y = area.y + area.height - 1;
    let x = area.x + area.width.saturating_sub(line_width(&back) + MARGIN);
    buf.set_line(x, y, &back, area.width);
}

/// A block of lines: a heading, a meeting, an agreement, a course.
type Block = Vec<Line<'static>>;

/// Blocks top down, each wrapped to the column and drawn only when it fits whole; two blank
/// lines between them when everything fits that way, else one.
fn column(blocks: &[Block], area: Rect, buf: &mut Buffer) {
    let wrapped: Vec<Vec<Line<'static>>> = blocks
        .iter()
        .map(|block| {
            block
                .iter()
                .flat_map(|l| wrap(l, usize::from(area.width)))
                .collect()
        })
        .collect();
    let total: usize = wrapped.iter().map(|b| b.len() + 2).sum();
    let roomy = total <= usize::from(area.height);
    let mut y = area.y;
    let bottom = area.y + area.height;
    for (block, lines) in blocks.iter().zip(&wrapped) {
        let height = u16::try_from(lines.len()).unwrap_or(u16::MAX);
        if y.saturating_add(height) > bottom {
            break;
        }
        for line in lines {
            buf.set_line(area.x, y, line, area.width);
            y += 1;
        }
        // A heading keeps close to what it heads.
        y += if roomy && !is_heading(block) { 2 } else { 1 };
    }
}

fn heading(msg: Msg, lang: Lang) -> Block {
    vec![Line::styled(msg.text(lang).to_uppercase(), heading_style())]
}

fn heading_style() -> Style {
    theme::bold().add_modifier(ratatui::style::Modifier::UNDERLINED)
}

fn is_heading(block: &Block) -> bool {
    matches!(block.as_slice(), [line] if line.style == heading_style())
}

fn plain(text: &str) -> Line<'static> {
    Line::styled(text.to_string(), theme::plain())
}

/// "Tirsdag 1. december kl. 10:00–10:45", what and how, where, who will be there.
fn meeting(m: &CitizenMeeting, lang: Lang) -> Block {
    let when = format!(
        "{} {} {}–{}",
        capitalised(&long_date(m.start.date(), lang)),
        Msg::CitizenAt.text(lang),
        format_time(m.start.time()),
        format_time(m.end.time())
    );
    let how = match m.form {
        MeetingForm::Phone => Msg::CitizenPhoneCall.text(lang).to_string(),
        MeetingForm::Video => Msg::CitizenVideoCall.text(lang).to_string(),
        form => crate::i18n::label_form(form, lang).to_string(),
    };
    let mut lines = vec![
        Line::styled(when, theme::bold()),
        plain(&format!("{} · {how}", label_purpose(&m.purpose, lang))),
    ];
    let mut place = match m.place {
        PlaceKind::Remote => String::new(),
        PlaceKind::CitizensHome => Msg::CitizenAtYourHome.text(lang).to_string(),
        kind => label_place(kind, lang).to_string(),
    };
    if !m.place_text.trim().is_empty() {
        if !place.is_empty() {
            place.push_str(", ");
        }
        place.push_str(m.place_text.trim());
    }
    if !place.is_empty() {
        lines.push(labelled(Msg::Place, &place, lang));
    }
    // A call has no one "there" but the two on the line.
    if m.form != MeetingForm::Phone || !m.others.is_empty() {
        let mut who = vec![Msg::CitizenYourCaseworker.text(lang).to_string()];
        who.extend(
            m.others
                .iter()
                .map(|a| format!("{} ({})", a.name, label_role(a.role, lang).to_lowercase())),
        );
        lines.push(labelled(Msg::CitizenWho, &who.join(", "), lang));
    }
    lines
}

/// "Du: går til lægen", "senest tirsdag 1. december".
fn agreement(a: &CitizenAgreement, lang: Lang) -> Block {
    let who = match a.who {
        Party::Citizen => Msg::CitizenYou,
        Party::Caseworker => Msg::CitizenYourCaseworker,
        Party::Other => Msg::CitizenOthers,
    };
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{}: ", who.text(lang)), theme::bold()),
        Span::styled(a.what.clone(), theme::plain()),
    ])];
    if let Some(due) = a.due {
        lines.push(plain(&format!(
            "{} {}",
            Msg::LatestBy.text(lang),
            long_date(due, lang)
        )));
    }
    lines
}

/// "Afklaring · Udsyn, Lone Holm", then when it starts or ends.
fn course(c: &CitizenCourse, lang: Lang) -> Block {
    let mut title = format!("{} · {}", label_course_kind(&c.kind, lang), c.supplier);
    if let Some(consultant) = &c.consultant {
        title.push_str(&format!(", {consultant}"));
    }
    let mut dates = Vec::new();
    if let Some(start) = c.starts {
        dates.push(format!(
            "{} {}",
            Msg::CitizenStarts.text(lang),
            long_date_year(start, lang)
        ));
    }
    dates.push(format!(
        "{} {}",
        Msg::CitizenEnds.text(lang),
        long_date_year(c.end, lang)
    ));
    vec![
        Line::styled(title, theme::bold()),
        plain(&dates.join(" · ")),
    ]
}

fn labelled(label: Msg, value: &str, lang: Lang) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{}: ", label.text(lang)), theme::dim()),
        Span::styled(value.to_string(), theme::plain()),
    ])
}

/// "tirsdag 1. december" / "Tuesday 1 December".
fn long_date(date: NaiveDate, lang: Lang) -> String {
    let weekday = weekday_long(date.weekday(), lang);
    let month = month_name(date.month(), lang);
    match lang {
        Lang::Da => format!("{weekday} {}. {month}", date.day()),
        Lang::En => format!("{weekday} {} {month}", date.day()),
    }
}

/// "1. december 2026" / "1 December 2026".
fn long_date_year(date: NaiveDate, lang: Lang) -> String {
    let month = month_name(date.month(), lang);
    match lang {
        Lang::Da => format!("{}. {month} {}", date.day(), date.year()),
        Lang::En => format!("{} {month} {}", date.day(), date.year()),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn line_width(line: &Line<'_>) -> u16 {
    u16::try_from(line.width()).unwrap_or(u16::MAX)
}

/// A line broken at spaces into lines no wider than `max` cells, each span keeping its style;
/// a word wider than the line is cut.
fn wrap(line: &Line<'static>, max: usize) -> Vec<Line<'static>> {
    let max = max.max(1);
    let mut out: Vec<Vec<Span<'static>>> = vec![Vec::new()];
    let mut used = 0;
    for span in &line.spans {
        let style: Style = span.style;
        for (i, word) in span.content.split(' ').enumerate() {
            let spaced = if i == 0 || used == 0 {
                word.to_string()
            } else {
                format!(" {word}")
            };
            let mut piece = spaced;
            if used > 0 && used + width(&piece) > max {
                out.push(Vec::new());
                used = 0;
                piece = word.to_string();
            }
            while width(&piece) > max {
                let cut: String = piece.chars().take(max).collect();
                let rest = piece[cut.len()..].to_string();
                push(&mut out, cut, style);
                out.push(Vec::new());
                used = 0;
                piece = rest;
            }
            used += width(&piece);
            push(&mut out, piece, style);
        }
    }
    out.into_iter()
        .filter(|spans| !spans.is_empty())
        .map(Line::from)
        .collect()
}

fn push(out: &mut [Vec<Span<'static>>], text: String, style: Style) {
    if text.is_empty() {
        return;
    }
    if let Some(line) = out.last_mut() {
        line.push(Span::styled(text, style));
    }
}
