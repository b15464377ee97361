//! What a meeting block says: its words, its marker and its style. Shared by the day view,
//! the week view and the detail pane.

use super::text::{duration, fit, width};
use super::theme;
use crate::app::model::Model;
use crate::domain::agenda::Occurrence;
use crate::domain::conflicts::Warning;
use crate::i18n::{Lang, Msg, label_form, label_place, label_purpose, label_role, label_status};
use crate::model::{Meeting, MeetingStatus, Participant, PlaceKind};
use crate::time::format_time;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// What the view knows about one occurrence besides the meeting itself.
pub struct Facts {
    pub overlap: bool,
    /// Warnings other than overlaps (those come from `overlap`).
    pub warnings: Vec<Warning>,
    pub selected: bool,
}

impl Facts {
    /// `warnings` are the occurrence's own, as the window worked them out.
    pub fn of(model: &Model, occ: &Occurrence<'_>, warnings: &[Warning]) -> Facts {
        let overlap = warnings
            .iter()
            .any(|w| matches!(w, Warning::Overlap { .. }));
        let warnings = warnings
            .iter()
            .filter(|w| !matches!(w, Warning::Overlap { .. }))
            .cloned()
            .collect();
        let selected = model
            .selected
            .is_some_and(|s| s.meeting == occ.meeting.id && s.start == occ.start);
        Facts {
            overlap,
            warnings,
            selected,
        }
    }

    pub fn warned(&self) -> bool {
        self.overlap || !self.warnings.is_empty()
    }
}

/// The case's name, or the title of an internal block.
pub fn who(model: &Model, meeting: &Meeting) -> String {
    match meeting.case {
        Some(case) => model.window.case_name(case),
        None if !meeting.title.trim().is_empty() => meeting.title.clone(),
        None => label_purpose(&meeting.purpose, model.lang).into_owned(),
    }
}

/// "Jonas Berg (Konsulent)".
pub fn party(model: &Model, p: &Participant) -> String {
    let name = match p.contact {
        Some(id) => model.window.contact_name(id),
        None => p.name.clone(),
    };
    let role = label_role(p.role, model.lang);
    if name.trim().is_empty() {
        role.to_string()
    } else {
        format!("{name} ({role})")
    }
}

pub fn third_parties(model: &Model, meeting: &Meeting) -> Vec<String> {
    meeting
        .participants
        .iter()
        .filter(|p| p.role.is_third_party())
        .map(|p| party(model, p))
        .collect()
}

/// "13:55–14:25".
pub fn span_text(occ: &Occurrence<'_>) -> String {
    format!(
        "{}–{}",
        format_time(occ.start.time()),
        format_time(occ.end().time())
    )
}

/// The one-character marker at the start of a block: selection first, then trouble, then status.
pub fn marker(meeting: &Meeting, facts: &Facts) -> &'static str {
    if facts.selected {
        "▶"
    } else if !meeting.status.occupies_time() {
        "✗"
    } else if facts.warned() {
        "⚠"
    } else {
        match meeting.status {
            MeetingStatus::Held => "✓",
            MeetingStatus::NoShow | MeetingStatus::CutOff => "!",
            _ => "▌",
        }
    }
}

/// "✓ afholdt", "✗ afbud", "! udeblevet"; nothing for a planned meeting.
pub fn status_words(status: MeetingStatus, lang: Lang) -> Option<String> {
    let sign = match status {
        MeetingStatus::Planned | MeetingStatus::Moved => return None,
        MeetingStatus::Held => "✓",
        MeetingStatus::CancelledByCitizen | MeetingStatus::CancelledByCaseworker => "✗",
        MeetingStatus::NoShow | MeetingStatus::CutOff => "!",
    };
    Some(format!(
        "{sign} {}",
        label_status(status, lang).to_lowercase()
    ))
}

/// "⚠ uden for arbejdstid" and the like, for a block.
pub fn warning_words(facts: &Facts, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    if facts.overlap {
        out.push(Msg::OverlapMark);
    }
    for w in &facts.warnings {
        let msg = match w {
            Warning::Overlap { .. } => continue,
            Warning::BufferOverlap { .. } => Msg::BufferMark,
            Warning::OutsideWorkingHours => Msg::OutsideHoursMark,
            Warning::NotAWorkingDay => Msg::DayOffMark,
            Warning::CitizenAway { .. } => Msg::CitizenAwayMark,
            Warning::Busy {
                only_buffer: false, ..
            } => Msg::BusyMark,
            Warning::Busy {
                only_buffer: true, ..
            } => Msg::BusyBufferMark,
        };
        if !out.contains(&msg) {
            out.push(msg);
        }
    }
    out.into_iter()
        .map(|m| format!("⚠ {}", m.text(lang)))
        .collect()
}

/// The block's base style.
pub fn style(meeting: &Meeting, facts: &Facts) -> Style {
    if facts.selected {
        theme::selected()
    } else if !meeting.status.occupies_time() {
        theme::cancelled()
    } else {
        theme::block()
    }
}

/// The block's words as segments, most important first; the view flows them into its rows.
pub fn segments(
    model: &Model,
    occ: &Occurrence<'_>,
    facts: &Facts,
    compact: bool,
) -> Vec<Vec<Span<'static>>> {
    let lang = model.lang;
    let m = occ.meeting;
    let mut out: Vec<Vec<Span<'static>>> = Vec::new();
    let time = if compact {
        format_time(occ.start.time())
    } else {
        span_text(occ)
    };
    out.push(vec![
        Span::raw(format!("{time} ")),
        Span::styled(who(model, m), theme::bold()),
    ]);
    if !compact {
        if let Some(words) = status_words(m.status, lang) {
            out.push(vec![Span::raw(words)]);
        }
        for w in warning_words(facts, lang) {
            out.push(vec![Span::styled(w, theme::warning())]);
        }
    }
    let purpose = label_purpose(&m.purpose, lang);
    if m.case.is_some() || compact {
        out.push(vec![Span::raw(purpose.into_owned())]);
    }
    out.push(vec![Span::raw(label_form(m.form, lang).to_string())]);
    if !compact {
        if m.place.kind != PlaceKind::Remote || !m.place.text.is_empty() {
            out.push(vec![Span::raw(place_text(m, lang))]);
        }
        let parties = third_parties(model, m);
        if !parties.is_empty() {
            out.push(vec![Span::raw(format!(
                "{} {}",
                Msg::WithWord.text(lang),
                parties.join(", ")
            ))]);
        }
    }
    out
}

/// "Jobcenter", "Borgerens hjem, Lærkevej 2".
pub fn place_text(m: &Meeting, lang: Lang) -> String {
    let kind = label_place(m.place.kind, lang);
    if m.place.text.trim().is_empty() {
        kind.to_string()
    } else {
        format!("{kind}, {}", m.place.text.trim())
    }
}

/// Flows segments into at most `rows` lines of `cols` columns, " · " between segments on a
/// line. A segment that does not fit where it would go starts a new line; one that is longer
/// than a line is cut with "…".
pub fn flow(segments: &[Vec<Span<'static>>], cols: usize, rows: usize) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut current: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for seg in segments {
        let seg_width: usize = seg.iter().map(|s| width(&s.content)).sum();
        let sep = if current.is_empty() { 0 } else { 3 };
        if used + sep + seg_width > cols && !current.is_empty() {
            if lines.len() + 1 >= rows {
                // Last line: squeeze in what fits of this segment, then stop.
                let room = cols.saturating_sub(used + sep);
                if room >= 6 {
                    current.push(Span::raw(" · "));
                    current.extend(cut(seg, room));
                }
                lines.push(Line::from(std::mem::take(&mut current)));
                return lines;
            }
            lines.push(Line::from(std::mem::take(&mut current)));
            used = 0;
        }
        if !current.is_empty() {
            current.push(Span::raw(" · "));
            used += 3;
        }
        let room = cols.saturating_sub(used);
        current.extend(cut(seg, room));
        used += seg_width.min(room);
    }
    if !current.is_empty() && lines.len() < rows {
        lines.push(Line::from(current));
    }
    lines.truncate(rows);
    lines
}

/// The spans of a segment cut to `room` columns.
fn cut(seg: &[Span<'static>], room: usize) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    let mut left = room;
    let total: usize = seg.iter().map(|s| width(&s.content)).sum();
    if total <= room {
        return seg.to_vec();
    }
    for span in seg {
        if left == 0 {
            break;
        }
        let w = width(&span.content);
        if w < left {
            out.push(span.clone());
            left -= w;
        } else {
            out.push(Span::styled(fit(&span.content, left), span.style));
            left = 0;
        }
    }
    out
}

/// "forb. 10m" / "prep 10m".
pub fn buffer_words(msg: Msg, minutes: u32, lang: Lang) -> String {
    format!("┊ {} {}", msg.text(lang), duration(minutes, lang))
}
