//! The case card: everything about one case during a call. What the caseworker needs while the
//! phone is ringing comes first (phones, flags, the upcoming meeting, the last contact); two
//! columns from 120 columns wide, one scrolled column below that.

use super::text::{fit, pad, width};
use super::theme;
use crate::app::core::action::Named;
use crate::app::model::Model;
use crate::domain::cadence::CaseCadence;
use crate::domain::chase::Urgency;
use crate::domain::reminder::ReminderKind;
use crate::i18n::due_words::cadence_line;
use crate::i18n::{
    Lang, Msg, away_words, checklist_gap, course_reminder, label_channel, label_contact_kind,
    label_course_kind, label_form, label_place, label_purpose, label_target_group, weekday_short,
};
use crate::keymap::Layer;
use crate::model::{CaseStatus, Party};
use crate::query::card::{Card, CourseLine, LastContact, RequestLine};
use crate::time::{format_date, format_datetime};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// From this width the card is drawn in two columns.
pub const TWO_COLUMNS: u16 = 120;

pub fn draw(model: &Model, card: &Card, scroll: u16, area: Rect, buf: &mut Buffer) {
    let lang = model.lang;
    // Short words so the card's keys fit 80 columns; the status bar says "q back", the arrow
    // says there is more below, and `?` lists every key.
    let hints: [(&[Named], Msg); 7] = [
        (&[Named::LogContact], Msg::HintLogContact),
        (&[Named::AddNote], Msg::HintNote),
        (&[Named::AddAgreement], Msg::HintAgreement),
        (&[Named::BookMeeting], Msg::HintBookMeeting),
        (&[Named::NewCourse], Msg::HintNewCourse),
        (&[Named::NewRequest], Msg::HintNewRequest),
        (&[Named::OpenItems], Msg::HintOpenItems),
    ];
    if area.width >= TWO_COLUMNS {
        let col = (area.width - 3) / 2;
        let label_w = label_width(lang);
        let left = top_lines(card, lang, col, label_w)
            .into_iter()
            .chain(status_lines(card, lang, label_w))
            .chain(agreement_lines(card, lang))
            .collect();
        let right = course_lines(card, lang)
            .into_iter()
            .chain(request_lines(card, lang, model.today()))
            .chain(network_lines(card, lang))
            .chain(note_lines(card, lang, label_w))
            .collect();
        draw_columns(
            model,
            &[left, right],
            scroll,
            area,
            &hints,
            Layer::Card,
            buf,
        );
    } else {
        let col = area.width.saturating_sub(2);
        let label_w = label_width(lang);
        let lines = top_lines(card, lang, col, label_w)
            .into_iter()
            .chain(status_lines(card, lang, label_w))
            .chain(agreement_lines(card, lang))
            .chain(course_lines(card, lang))
            .chain(request_lines(card, lang, model.today()))
            .chain(network_lines(card, lang))
            .chain(note_lines(card, lang, label_w))
            .collect();
        draw_columns(model, &[lines], scroll, area, &hints, Layer::Card, buf);
    }
}

/// Draws one or two columns of lines scrolled by `scroll` (kept within the content), a rule
/// between columns, and the key hint line at the bottom of `area`.
pub(super) fn draw_columns(
    model: &Model,
    columns: &[Vec<Line<'static>>],
    scroll: u16,
    area: Rect,
    hints: &[(&[Named], Msg)],
    layer: Layer,
    buf: &mut Buffer,
) {
    if area.height < 2 || area.width < 4 || columns.is_empty() {
        return;
    }
    let rows = usize::from(area.height - 1);
    let n = columns.len() as u16;
    let col_w = (area.width - 2 - (n - 1)) / n;
    let columns: Vec<Vec<Line<'static>>> = columns
        .iter()
        .map(|lines| {
            lines
                .iter()
                .flat_map(|l| wrap(l, usize::from(col_w)))
                .collect()
        })
        .collect();
    let total = columns.iter().map(Vec::len).max().unwrap_or(0);
    let first = usize::from(scroll).min(total.saturating_sub(rows));
    for (c, lines) in columns.iter().enumerate() {
        let x = area.x + 1 + c as u16 * (col_w + 1);
        for (i, line) in lines.iter().skip(first).take(rows).enumerate() {
            let line = clip(line, usize::from(col_w));
            buf.set_line(x, area.y + i as u16, &line, col_w);
        }
        if c > 0 {
            for y in area.y..area.y + rows as u16 {
                buf[(x - 1, y)].set_symbol("│").set_style(theme::dim());
            }
        }
    }
    let more = (first + rows < total).then(|| format!("↓ {}", Msg::MoreBelow.text(model.lang)));
    hint_line(model, hints, layer, more, last_row(area), buf);
}

/// Whether a span only fills: a rule or padding.
fn is_filler(span: &Span<'_>) -> bool {
    span.content.chars().all(|c| c == '─' || c == ' ')
}

/// Whether the row may break at `i`: a space, but not one inside a phone number
/// ("+45 33 95 09 37").
fn breakable(row: &[(char, Style)], i: usize) -> bool {
    let digit = |j: Option<usize>| {
        j.and_then(|j| row.get(j))
            .is_some_and(|(c, _)| c.is_ascii_digit() || *c == '+')
    };
    row[i].0 == ' ' && !(digit(i.checked_sub(1)) && digit(Some(i + 1)))
}

/// `line` broken at spaces into rows of at most `w` columns; continuation rows are indented
/// under the second span (after a label, a marker or a date), fillers are cut, not wrapped.
fn wrap(line: &Line<'static>, w: usize) -> Vec<Line<'static>> {
    if line.width() <= w || w < 20 {
        return vec![line.clone()];
    }
    // A label, marker or date column ends in a space; continuation rows go under what follows.
    let indent = match line.spans.first() {
        Some(first)
            if line.spans.len() > 1 && first.content.ends_with(' ') && first.width() <= w / 3 =>
        {
            first.width()
        }
        _ => 2,
    };
    // Characters with their styles, fillers dropped once the row is full.
    let mut out: Vec<Line<'static>> = Vec::new();
    let mut row: Vec<(char, Style)> = Vec::new();
    let mut used = 0;
    let flush = |row: &mut Vec<(char, Style)>, out: &mut Vec<Line<'static>>| {
        let mut spans: Vec<Span<'static>> = Vec::new();
        let mut text = String::new();
        let mut style = None;
        for (c, st) in row.drain(..) {
            if style.is_some_and(|s| s != st) {
                spans.push(Span::styled(
                    std::mem::take(&mut text),
                    style.unwrap_or_default(),
                ));
            }
            style = Some(st);
            text.push(c);
        }
        if !text.is_empty() {
            spans.push(Span::styled(text, style.unwrap_or_default()));
        }
        out.push(Line::from(spans));
    };
    for span in &line.spans {
        if is_filler(span) && used + span.width() > w {
            row.extend(span.content.chars().take(w - used).map(|c| (c, span.style)));
            used = w;
            continue;
        }
        for c in span.content.chars() {
            let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if used + cw > w {
                // Carry the last word over to the next row, when the row has a space to break at.
                let start = if out.is_empty() { 0 } else { indent };
                let cut = (start + 5..row.len()).rev().find(|i| breakable(&row, *i));
                let carried: Vec<(char, Style)> = match cut {
                    Some(i) => row.split_off(i + 1),
                    None => Vec::new(),
                };
                while row.last().is_some_and(|(ch, _)| *ch == ' ') {
                    row.pop();
                }
                flush(&mut row, &mut out);
                row.extend(std::iter::repeat_n((' ', Style::default()), indent));
                let carried: Vec<(char, Style)> = carried
                    .into_iter()
                    .skip_while(|(ch, _)| *ch == ' ')
                    .collect();
                used = indent
                    + carried
                        .iter()
                        .map(|(ch, _)| unicode_width::UnicodeWidthChar::width(*ch).unwrap_or(0))
                        .sum::<usize>();
                row.extend(carried);
            }
            if c == ' ' && used == indent && !out.is_empty() {
                continue;
            }
            row.push((c, span.style));
            used += cw;
        }
    }
    if row.iter().any(|(c, _)| *c != ' ') {
        flush(&mut row, &mut out);
    }
    out
}

fn last_row(area: Rect) -> Rect {
    Rect::new(area.x, area.y + area.height - 1, area.width, 1)
}

/// "c log kontakt · n notat · … · q tilbage" from the live keymap (the first key of each
/// action; unbound actions are left out), and `right` at the right edge.
pub(super) fn hint_line(
    model: &Model,
    hints: &[(&[Named], Msg)],
    layer: Layer,
    right: Option<String>,
    area: Rect,
    buf: &mut Buffer,
) {
    let mut spans: Vec<Span<'static>> = vec![Span::raw(" ")];
    for (actions, msg) in hints {
        let keys: Vec<String> = actions
            .iter()
            .filter_map(|a| model.keymap.keys_in(layer, *a).into_iter().next())
            .map(|k| key_name(&k))
            .collect();
        if keys.is_empty() {
            continue;
        }
        let key = keys.join("/");
        if spans.len() > 1 {
            spans.push(Span::styled(" · ", theme::dim()));
        }
        spans.push(Span::styled(key, theme::key()));
        spans.push(Span::styled(
            format!(" {}", msg.text(model.lang)),
            theme::dim(),
        ));
    }
    let hints_w = Line::from(spans.clone()).width() as u16;
    let right = right.map(|r| {
        if hints_w + width(&r) as u16 + 3 <= area.width {
            r
        } else {
            r.chars().take(1).collect()
        }
    });
    let right_w = right.as_deref().map_or(0, width) as u16;
    let left_w =
        if right_w > 0 && Line::from(spans.clone()).width() as u16 + right_w + 3 <= area.width {
            if let Some(right) = &right {
                buf.set_string(
                    area.x + area.width - right_w - 1,
                    area.y,
                    right,
                    theme::bold(),
                );
            }
            area.width - right_w - 2
        } else {
            area.width
        };
    let line = clip(&Line::from(spans), usize::from(left_w));
    buf.set_line(area.x, area.y, &line, left_w);
}

/// `line` cut to `w` columns: text ends in "…", a rule or padding (only '─' or spaces) is
/// cut where the column ends.
fn clip(line: &Line<'static>, w: usize) -> Line<'static> {
    let mut left = w;
    let mut spans = Vec::new();
    for span in &line.spans {
        let sw = span.width();
        if sw <= left {
            left -= sw;
            spans.push(span.clone());
            continue;
        }
        let filler = span.content.chars().all(|c| c == '─' || c == ' ');
        let text = if filler {
            span.content.chars().take(left).collect()
        } else {
            fit(&span.content, left)
        };
        spans.push(Span::styled(text, span.style));
        break;
    }
    Line::from(spans)
}

/// A key as the hints write it: "Enter", "Esc", "Tab" for named keys, else as bound.
fn key_name(key: &str) -> String {
    match key {
        "enter" | "esc" | "tab" | "backspace" | "space" => {
            let mut chars = key.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
        _ => key.to_string(),
    }
}

/// The widest label of the labelled lines, plus a gap.
fn label_width(lang: Lang) -> usize {
    [
        Msg::UpcomingMeeting,
        Msg::LastContact,
        Msg::LaterAttempt,
        Msg::Prefers,
        Msg::WhereNow,
        Msg::NextStep,
        Msg::PlanB,
        Msg::LastTold,
        Msg::LastTwelveMonths,
        Msg::ContactCadence,
    ]
    .iter()
    .map(|m| width(m.text(lang)))
    .max()
    .unwrap_or(0)
        + 2
}

/// "Aftaler (2) ─────", or "Aftaler: ingen" when empty.
pub(super) fn heading(title: &str, count: Option<usize>, lang: Lang) -> Line<'static> {
    match count {
        Some(0) => Line::from(vec![
            Span::styled(title.to_string(), theme::title()),
            Span::styled(format!(": {}", Msg::NoneWord.text(lang)), theme::dim()),
        ]),
        Some(n) => Line::from(vec![
            Span::styled(format!("{title} ({n}) "), theme::title()),
            Span::styled("─".repeat(200), theme::dim()),
        ]),
        None => Line::from(vec![
            Span::styled(format!("{title} "), theme::title()),
            Span::styled("─".repeat(200), theme::dim()),
        ]),
    }
}

/// A bold label padded to `label_w` and its value.
pub(super) fn labelled(label: &str, label_w: usize, value: Vec<Span<'static>>) -> Line<'static> {
    // A label longer than the column still keeps a space before its value.
    let w = label_w.max(width(label) + 1);
    let mut spans = vec![Span::styled(pad(label, w), theme::bold())];
    spans.extend(value);
    Line::from(spans)
}

/// A labelled free text ("–" when empty); `draw_columns` wraps it under its label.
fn free_text(label: &str, text: &str, label_w: usize) -> Line<'static> {
    let text = text.trim();
    if text.is_empty() {
        return labelled(label, label_w, vec![Span::styled("–", theme::dim())]);
    }
    labelled(label, label_w, vec![Span::raw(text.to_string())])
}

/// "fre 04.12.2026 14:45".
fn when(at: NaiveDateTime, lang: Lang) -> String {
    format!(
        "{} {}",
        weekday_short(at.date().weekday(), lang),
        format_datetime(at)
    )
}

fn days_ago(days: i64, lang: Lang) -> String {
    match days {
        0 => Msg::Today.text(lang).to_lowercase(),
        1 => Msg::Yesterday.text(lang).to_lowercase(),
        n => crate::i18n::count::days_ago(n, lang),
    }
}

/// Name and case facts, phones, flags, the upcoming meeting, the last contact, preferences.
fn top_lines(card: &Card, lang: Lang, col: u16, label_w: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let mut name = vec![Span::styled(card.name.clone(), theme::bold())];
    if !card.alias.trim().is_empty() {
        name.push(Span::raw(format!(" ({})", card.alias.trim())));
    }
    let mut facts = vec![format!("{} {}", Msg::Case.text(lang), card.id)];
    if !card.reference.is_empty() {
        facts.push(card.reference.clone());
    }
    if !card.target_group.is_empty() {
        facts.push(label_target_group(&card.target_group, lang).into_owned());
    }
    name.push(Span::styled(
        format!(" · {}", facts.join(" · ")),
        theme::dim(),
    ));
    if let CaseStatus::Closed(on) = card.status {
        name.push(Span::styled(
            format!(" · ✗ {} {}", Msg::ClosedWord.text(lang), format_date(on)),
            theme::warning(),
        ));
    }
    out.push(Line::from(name));

    if card.phones.is_empty() {
        out.push(Line::styled(
            format!("☎ {}", Msg::NoPhoneNumber.text(lang)),
            theme::dim(),
        ));
    }
    for phone in &card.phones {
        let (mark, state) = if phone.confirmed {
            ("✓", Msg::PhoneConfirmed)
        } else {
            ("?", Msg::PhoneUnconfirmed)
        };
        let mut spans = vec![
            Span::raw("☎ "),
            Span::styled(pad(&phone.number, 17), theme::bold()),
            Span::raw(format!(" {mark} {}", state.text(lang))),
        ];
        if !phone.source.trim().is_empty() {
            spans.push(Span::styled(
                format!(" · {}", phone.source.trim()),
                theme::dim(),
            ));
        }
        out.push(Line::from(spans));
    }
    out.extend(flag_lines(card, lang, col));

    let next = match &card.next_meeting {
        Some(m) => {
            let mut text = format!(
                "{} · {} · {}",
                when(m.start, lang),
                label_purpose(&m.purpose, lang),
                label_form(m.form, lang)
            );
            let place = if m.place_text.trim().is_empty() {
                label_place(m.place, lang).to_string()
            } else {
                m.place_text.trim().to_string()
            };
            text.push_str(&format!(" · {place}"));
            vec![Span::raw(text)]
        }
        None => vec![Span::styled(Msg::NoneBooked.text(lang), theme::dim())],
    };
    out.push(labelled(Msg::UpcomingMeeting.text(lang), label_w, next));
    let last = match &card.last_contact {
        Some(c) => contact_spans(c, lang),
        None => vec![Span::styled("–", theme::dim())],
    };
    out.push(labelled(Msg::LastContact.text(lang), label_w, last));
    if let Some(attempt) = &card.last_attempt {
        out.push(labelled(
            Msg::LaterAttempt.text(lang),
            label_w,
            contact_spans(attempt, lang),
        ));
    }
    if let Some(cadence) = &card.cadence {
        out.push(labelled(
            Msg::ContactCadence.text(lang),
            label_w,
            cadence_spans(cadence, card.cadence_days_late, lang),
        ));
    }
    let prefs = &card.preferences;
    let preferences: Vec<&str> = [&prefs.time_of_day, &prefs.place, &prefs.channel]
        .into_iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect();
    if !preferences.is_empty() {
        out.push(labelled(
            Msg::Prefers.text(lang),
            label_w,
            vec![Span::raw(preferences.join(" · "))],
        ));
    }
    out
}

/// The flags as marked words, on one line when they fit, else one a line.
fn flag_lines(card: &Card, lang: Lang, col: u16) -> Vec<Line<'static>> {
    let mut flags: Vec<(String, Style)> = Vec::new();
    if card.flags.sos {
        flags.push((format!("⚠ {}", Msg::FlagSos.text(lang)), theme::warning()));
    }
    if card.flags.no_working_phone {
        let mut text = format!("✆ {}", Msg::FlagNoWorkingPhone.text(lang));
        if !card.reach_via.trim().is_empty() {
            text.push_str(&format!(
                ", {} {}",
                Msg::ReachVia.text(lang),
                card.reach_via.trim()
            ));
        }
        flags.push((text, theme::warning()));
    } else if !card.reach_via.trim().is_empty() {
        let text = format!("✆ {} {}", Msg::ReachVia.text(lang), card.reach_via.trim());
        flags.push((text, theme::plain()));
    }
    if let Some(language) = &card.flags.interpreter {
        flags.push((
            format!("⚠ {}: {language}", Msg::Interpreter.text(lang)),
            theme::warning(),
        ));
    }
    if card.flags.call_before_summons {
        flags.push((
            format!("⚠ {}", Msg::FlagCallBeforeSummons.text(lang)),
            theme::warning(),
        ));
    }
    if let Some(away) = &card.away {
        // Away now is a warning; a period to come is worth knowing when booking.
        if card.away_now {
            flags.push((format!("⚠ {}", away_words(away, lang)), theme::warning()));
        } else {
            flags.push((away_words(away, lang), theme::plain()));
        }
    }
    let together: usize = flags.iter().map(|(t, _)| width(t) + 2).sum();
    if together <= usize::from(col) {
        let mut spans = Vec::new();
        for (text, style) in flags {
            if !spans.is_empty() {
                spans.push(Span::raw("  "));
            }
            spans.push(Span::styled(text, style));
        }
        if spans.is_empty() {
            return vec![];
        }
        return vec![Line::from(spans)];
    }
    flags
        .into_iter()
        .map(|(text, style)| Line::styled(text, style))
        .collect()
}

/// "næste samtale senest 14.02.2027 · regel: … · tæller ikke: afbud 20. nov"; a passed due
/// date marked "!" like other late things.
fn cadence_spans(cadence: &CaseCadence, days_late: Option<u32>, lang: Lang) -> Vec<Span<'static>> {
    let mut parts = cadence_line(cadence, days_late, lang).into_iter();
    let due = parts.next().unwrap_or_default();
    let mut spans = vec![if days_late.is_some() {
        Span::styled(format!("! {due}"), theme::error())
    } else {
        Span::raw(due)
    }];
    for part in parts {
        spans.push(Span::styled(format!(" · {part}"), theme::dim()));
    }
    spans
}

/// "fre 20.11.2026 08:30 · e-Boks-brev · 4 dage siden", not reached marked with "!".
fn contact_spans(c: &LastContact, lang: Lang) -> Vec<Span<'static>> {
    let mut spans = vec![Span::raw(format!(
        "{} · {} · {}",
        when(c.at, lang),
        label_channel(c.channel, lang),
        days_ago(c.days_ago, lang)
    ))];
    if !c.reached {
        spans.push(Span::styled(
            format!(" · ! {}", Msg::NotReached.text(lang)),
            theme::warning(),
        ));
    }
    if !c.note.trim().is_empty() {
        spans.push(Span::styled(format!(" · {}", c.note.trim()), theme::dim()));
    }
    spans
}

fn status_lines(card: &Card, lang: Lang, label_w: usize) -> Vec<Line<'static>> {
    let mut out = vec![heading(Msg::CaseStatusHeading.text(lang), None, lang)];
    for (msg, text) in [
        (Msg::WhereNow, &card.where_now),
        (Msg::NextStep, &card.next_step),
        (Msg::PlanB, &card.plan_b),
        (Msg::LastTold, &card.last_told),
    ] {
        out.push(free_text(msg.text(lang), text, label_w));
    }
    out
}

fn party_word(who: Party) -> Msg {
    match who {
        Party::Citizen => Msg::Citizen,
        Party::Caseworker => Msg::Caseworker,
        Party::Other => Msg::Other,
    }
}

/// "! 23.11.2026  Sagsbehandler  Jeg sender praktikaftalen": due date, who, what; overdue "!".
fn agreement_lines(card: &Card, lang: Lang) -> Vec<Line<'static>> {
    let mut out = vec![heading(
        Msg::Agreements.text(lang),
        Some(card.agreements.len()),
        lang,
    )];
    let who_w = card
        .agreements
        .iter()
        .map(|a| width(party_word(a.who).text(lang)))
        .max()
        .unwrap_or(0);
    for a in &card.agreements {
        let due = a
            .due
            .map_or_else(|| Msg::NoDueDate.text(lang).to_string(), format_date);
        let (mark, style) = if a.overdue {
            ("! ", theme::error())
        } else {
            ("  ", theme::plain())
        };
        out.push(Line::from(vec![
            Span::styled(format!("{mark}{}", pad(&due, 11)), style),
            Span::raw(" "),
            Span::styled(pad(party_word(a.who).text(lang), who_w), theme::bold()),
            Span::raw(format!("  {}", a.what)),
        ]));
    }
    out
}

/// Per course: kind, supplier and period; the consultant and the reports below.
fn course_lines(card: &Card, lang: Lang) -> Vec<Line<'static>> {
    let mut out = vec![heading(
        Msg::RunningCourses.text(lang),
        Some(card.courses.len()),
        lang,
    )];
    for c in &card.courses {
        out.extend(course(c, lang));
    }
    out
}

fn course(c: &CourseLine, lang: Lang) -> Vec<Line<'static>> {
    let mut out = vec![Line::from(vec![
        Span::raw("• "),
        Span::styled(label_course_kind(&c.kind, lang).into_owned(), theme::bold()),
        Span::raw(format!(
            " · {} · {}–{}",
            c.supplier.name,
            format_date(c.start),
            format_date(c.end)
        )),
    ])];
    let mut second: Vec<Span<'static>> = vec![Span::raw("  ")];
    let mut parts: Vec<String> = Vec::new();
    if let Some(consultant) = &c.consultant {
        let mut who = format!("{} {}", Msg::Consultant.text(lang), consultant.name);
        if !consultant.work_phone.is_empty() {
            who.push_str(&format!(" {}", consultant.work_phone));
        }
        parts.push(who);
    } else if !c.supplier.work_phone.is_empty() {
        parts.push(c.supplier.work_phone.clone());
    }
    if let Some(due) = c.next_report_due {
        parts.push(format!(
            "{} {}",
            Msg::NextReport.text(lang),
            format_date(due)
        ));
    }
    second.push(Span::raw(parts.join(" · ")));
    out.push(Line::from(second));
    // Each reminder on its own line, saying why it exists.
    for reminder in &c.reminders {
        let (mark, style) = match reminder.kind {
            ReminderKind::ReportLate | ReminderKind::ReportChaseEscalate => ("! ", theme::error()),
            ReminderKind::ReportDueSoon => ("· ", theme::plain()),
            _ => ("! ", theme::warning()),
        };
        out.push(Line::from(vec![
            Span::styled(format!("  {mark}"), style),
            Span::styled(course_reminder(reminder, lang), style),
        ]));
    }
    if !c.gaps.is_empty() {
        let gaps: Vec<String> = c
            .gaps
            .iter()
            .map(|g| format!("⚠ {}", checklist_gap(*g, lang)))
            .collect();
        out.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(gaps.join("  "), theme::warning()),
        ]));
    }
    out
}

fn request_lines(card: &Card, lang: Lang, today: NaiveDate) -> Vec<Line<'static>> {
    let shown = card.medical_requests.len() + card.received_requests.len();
    let mut out = vec![heading(Msg::MedicalRequests.text(lang), Some(shown), lang)];
    if let Some(flag) = card.medical_info.flag(lang) {
        out.push(Line::styled(format!("! {flag}"), theme::warning()));
    }
    for r in card.received_requests.iter().chain(&card.medical_requests) {
        out.extend(request(r, lang, today));
    }
    out
}

/// Kind and recipient; then where it stands ("! telefonrykker dag 4"), sent, deadline, chases.
fn request(r: &RequestLine, lang: Lang, today: NaiveDate) -> Vec<Line<'static>> {
    let words = r.words(lang, today);
    let first = vec![Span::raw("• "), Span::styled(words.title, theme::bold())];
    let state = match words.urgency {
        Urgency::Quiet => Span::raw(words.state),
        Urgency::Warning => Span::styled(format!("! {}", words.state), theme::warning()),
        Urgency::Late => Span::styled(format!("! {}", words.state), theme::error()),
    };
    let mut second = vec![Span::raw("  "), state];
    if !words.facts.is_empty() {
        second.push(Span::raw(format!(" · {}", words.facts.join(" · "))));
    }
    vec![Line::from(first), Line::from(second)]
}

/// Role, work phone and name (organisation), aligned; the phone before the name so it is never
/// pushed off the line.
fn network_lines(card: &Card, lang: Lang) -> Vec<Line<'static>> {
    let mut out = vec![heading(
        Msg::Network.text(lang),
        Some(card.network.len()),
        lang,
    )];
    let role_of = |n: &crate::query::card::NetworkLine| -> String {
        if n.role.trim().is_empty() {
            n.kind
                .map(|k| label_contact_kind(k, lang).to_string())
                .unwrap_or_default()
        } else {
            // A known role in the interface language; one typed as free text as typed, with
            // a capital like the others.
            let role = crate::i18n::label_network_role(n.role.trim(), lang);
            let mut chars = role.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
    };
    let name_of = |n: &crate::query::card::NetworkLine| -> String {
        if n.organisation.is_empty() {
            n.name.clone()
        } else {
            format!("{} ({})", n.name, n.organisation)
        }
    };
    let role_w = card
        .network
        .iter()
        .map(|n| width(&role_of(n)))
        .max()
        .unwrap_or(0)
        .min(18);
    let phone_w = card
        .network
        .iter()
        .map(|n| width(or_dash(&n.work_phone)))
        .max()
        .unwrap_or(0);
    for n in &card.network {
        out.push(Line::from(vec![
            Span::raw(format!("{}  ", pad(&role_of(n), role_w))),
            Span::styled(
                format!("{}  ", pad(or_dash(&n.work_phone), phone_w)),
                if n.work_phone.is_empty() {
                    theme::dim()
                } else {
                    theme::plain()
                },
            ),
            Span::styled(name_of(n), theme::bold()),
        ]));
    }
    out
}

fn or_dash(text: &str) -> &str {
    if text.is_empty() { "–" } else { text }
}

/// The latest notes, each marked ✓ journalised or ✗ not; how many more; the year's meetings.
fn note_lines(card: &Card, lang: Lang, label_w: usize) -> Vec<Line<'static>> {
    let title = if card.notes_total > card.notes.len() {
        format!(
            "{} ({} {} {})",
            Msg::Notes.text(lang),
            card.notes.len(),
            Msg::OfWord.text(lang),
            card.notes_total
        )
    } else {
        Msg::Notes.text(lang).to_string()
    };
    let mut out = Vec::new();
    if card.notes.is_empty() {
        out.push(heading(&title, Some(0), lang));
    } else {
        out.push(Line::from(vec![
            Span::styled(format!("{title} "), theme::title()),
            Span::styled(
                format!(
                    "✓ {} · ✗ {}",
                    Msg::Journalised.text(lang).to_lowercase(),
                    Msg::NotJournalised.text(lang)
                ),
                theme::dim(),
            ),
        ]));
    }
    for n in &card.notes {
        // Past the journalising guideline and still not recorded: "!" in red.
        let (mark, style) = match (n.journalised, n.late) {
            (true, _) => ("✓", theme::plain()),
            (false, true) => ("!", theme::error()),
            (false, false) => ("✗", theme::warning()),
        };
        let mut spans = vec![
            Span::styled(format!("{mark} "), style),
            Span::styled(format!("{}  ", format_datetime(n.at)), theme::dim()),
            Span::raw(fit(&n.subject, 200)),
        ];
        if n.late {
            spans.push(Span::styled(
                format!(" · {}", Msg::NoteLateMark.text(lang)),
                theme::error(),
            ));
        }
        out.push(Line::from(spans));
        // The text's first lines under the subject; `v` shows it all.
        let lines: Vec<&str> = n.body.lines().filter(|l| !l.trim().is_empty()).collect();
        for line in lines.iter().take(2) {
            out.push(Line::styled(
                format!("  {}", fit(line.trim(), 200)),
                theme::dim(),
            ));
        }
        if lines.len() > 2 {
            out.push(Line::styled("  …".to_string(), theme::dim()));
        }
    }
    let more = card.notes_total.saturating_sub(card.notes.len());
    if more > 0 {
        out.push(Line::styled(
            format!("  + {more} {}", Msg::MoreWord.text(lang)),
            theme::dim(),
        ));
    }
    let y = card.last_year;
    out.push(labelled(
        Msg::LastTwelveMonths.text(lang),
        label_w,
        vec![Span::raw(format!(
            "{} {} · {} {} · {} {}",
            y.held,
            Msg::Held.text(lang).to_lowercase(),
            y.cancelled_by_citizen,
            Msg::CancelledByCitizen.text(lang).to_lowercase(),
            y.no_show,
            Msg::NoShow.text(lang).to_lowercase()
        ))],
    ));
    out
}
