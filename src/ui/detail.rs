//! The detail pane: the selected meeting in full.

use super::block::{self, place_text, span_text, who};
use super::text::duration;
use super::theme;
use crate::app::model::Model;
use crate::domain::agenda::Occurrence;
use crate::domain::conflicts::Warning;
use crate::i18n::{
    Lang, Msg, label_form, label_purpose, label_role, label_status, warning_words, weekday_long,
};
use crate::model::{
    BookedBy, ExternalBlock, ExternalId, Meeting, MeetingId, Participant, RepeatEvery, Role,
};
use crate::time::{format_date, format_time};
use chrono::Datelike;
use ratatui::text::{Line, Span};

/// The selected occurrence among the loaded ones, if any.
pub fn selected<'a>(model: &'a Model, occs: &[Occurrence<'a>]) -> Option<Occurrence<'a>> {
    let sel = model.selected?;
    occs.iter()
        .find(|o| o.meeting.id == sel.meeting && o.start == sel.start)
        .cloned()
}

/// A title ("Anne Jensen") and the lines of the pane.
/// `compact`: participants on one line, for the strip below the day.
pub fn lines(model: &Model, occ: &Occurrence<'_>, compact: bool) -> (String, Vec<Line<'static>>) {
    let lang = model.lang;
    let m = occ.meeting;
    let mut out: Vec<Line<'static>> = Vec::new();
    let date = occ.start.date();
    out.push(Line::from(vec![
        Span::styled(
            format!(
                "{} {}",
                weekday_long(date.weekday(), lang),
                format_date(date)
            ),
            theme::bold(),
        ),
        Span::raw(format!(
            " · {} ({})",
            span_text(occ),
            duration(m.minutes, lang)
        )),
    ]));
    out.push(Line::raw(format!(
        "{} · {}",
        label_purpose(&m.purpose, lang),
        label_form(m.form, lang)
    )));
    out.push(labelled(Msg::Place.text(lang), place_text(m, lang)));
    for w in detail_warnings(model, occ) {
        out.push(Line::styled(w, theme::warning()));
    }
    let status = label_status(m.status, lang).to_string();
    let status = match block::status_words(m.status, lang) {
        Some(words) => words,
        None => status,
    };
    let status = if m.outcome.trim().is_empty() {
        status
    } else {
        format!("{status} — {}", m.outcome.trim())
    };
    out.push(labelled(Msg::StatusLabel.text(lang), status));
    let people: Vec<String> = m
        .participants
        .iter()
        .map(|p| participant(model, m, p))
        .collect();
    if compact {
        out.push(labelled(Msg::Participants.text(lang), people.join(" · ")));
    } else {
        out.push(Line::styled(
            format!("{}:", Msg::Participants.text(lang)),
            theme::bold(),
        ));
        for p in people {
            out.push(Line::raw(format!("  {p}")));
        }
    }
    if m.prep_minutes > 0 || m.follow_up_minutes > 0 {
        out.push(Line::raw(format!(
            "{} {} · {} {}",
            Msg::Preparation.text(lang),
            duration(m.prep_minutes, lang),
            Msg::WrapUp.text(lang),
            duration(m.follow_up_minutes, lang)
        )));
    }
    if m.travel_minutes > 0 {
        out.push(labelled(
            Msg::FieldTravel.text(lang),
            format!(
                "{} {}",
                duration(m.travel_minutes, lang),
                Msg::EachWay.text(lang)
            ),
        ));
    }
    if let Some(from) = &m.moved_from {
        let when = format!(
            "{} {} {}",
            weekday_long(from.start.weekday(), lang),
            format_date(from.start.date()),
            format_time(from.start.time())
        );
        out.push(labelled(Msg::MovedFromLabel.text(lang), when));
    }
    let booked = match m.booked_by {
        BookedBy::Caseworker => Msg::Caseworker,
        BookedBy::Citizen => Msg::BookedBySelf,
    };
    out.push(labelled(
        Msg::BookedByLabel.text(lang),
        booked.text(lang).to_string(),
    ));
    if let Some(repeat) = &m.repeat {
        let mut text = match repeat.every {
            RepeatEvery::Daily => Msg::EveryDay.text(lang).to_string(),
            RepeatEvery::Weekdays => Msg::EveryWeekday.text(lang).to_string(),
            RepeatEvery::Weekly if repeat.interval > 1 => Msg::EveryNWeeks
                .text(lang)
                .replace('%', &repeat.interval.to_string()),
            RepeatEvery::Weekly => Msg::EveryWeek.text(lang).to_string(),
        };
        if let Some(count) = repeat.count {
            text.push_str(&format!(", {count} {}", Msg::TimesWord.text(lang)));
        }
        if let Some(until) = repeat.until {
            text.push_str(&format!(
                " {} {}",
                Msg::UntilWord.text(lang),
                format_date(until)
            ));
        }
        if !repeat.skipped.is_empty() {
            let skipped: Vec<String> = repeat
                .skipped
                .iter()
                .rev()
                .take(3)
                .map(|d| d.format("%d.%m").to_string())
                .collect();
            text.push_str(&format!(
                " ({}: {})",
                Msg::SkippedWord.text(lang),
                skipped.join(", ")
            ));
        }
        out.push(labelled(Msg::RepeatsLabel.text(lang), text));
    }
    if !m.title.trim().is_empty() && m.case.is_some() {
        out.push(Line::raw(m.title.trim().to_string()));
    }
    if !m.note.trim().is_empty() {
        out.push(labelled(Msg::Note.text(lang), m.note.trim().to_string()));
    }
    (who(model, m), out)
}

fn labelled(label: &str, value: String) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{label}: "), theme::bold()),
        Span::raw(value),
    ])
}

/// "Borger: Anne Jensen", "Konsulent: Jonas Berg", "Sagsbehandler: dig".
fn participant(model: &Model, m: &Meeting, p: &Participant) -> String {
    let lang = model.lang;
    let role = label_role(p.role, lang);
    let name = match (p.contact, p.role) {
        (Some(id), _) => model.window.contact_name(id),
        (None, _) if !p.name.trim().is_empty() => p.name.trim().to_string(),
        (None, Role::Citizen) => m
            .case
            .map(|c| model.window.case_name(c))
            .unwrap_or_default(),
        (None, Role::Caseworker) => Msg::YouWord.text(lang).to_string(),
        (None, _) => String::new(),
    };
    if name.is_empty() {
        role.to_string()
    } else {
        format!("{role}: {name}")
    }
}

/// The occurrence's warnings as the window worked them out, in words, naming the other meeting.
pub fn detail_warnings(model: &Model, occ: &Occurrence<'_>) -> Vec<String> {
    model
        .window
        .warnings_of(occ.meeting.id, occ.start)
        .iter()
        .map(|w| {
            warning_text(
                model,
                w,
                |id| model.window.meeting(id),
                |id| model.window.external_block(id),
            )
        })
        .collect()
}

/// A warning in words; `find` looks up the other meeting of an overlap, `find_busy` the block
/// of another calendar.
pub fn warning_text<'m>(
    model: &'m Model,
    w: &Warning,
    find: impl Fn(MeetingId) -> Option<&'m Meeting>,
    find_busy: impl Fn(ExternalId) -> Option<&'m ExternalBlock>,
) -> String {
    let who = |id| {
        find(id)
            .map(|m| who(model, m))
            .unwrap_or_else(|| format!("#{id}"))
    };
    format!("⚠ {}", warning_words(w, model.lang, who, find_busy))
}

/// Words for an empty pane.
pub fn nothing(lang: Lang, day_empty: bool) -> &'static str {
    if day_empty {
        Msg::NoMeetingsThisDay.text(lang)
    } else {
        Msg::NoMeetingSelected.text(lang)
    }
}
