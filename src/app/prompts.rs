//! One-line questions: go to a date, move to a day, follow up in N weeks, find free time, a
//! status note, the quick-add line, and the card's note and agreement lines.

use super::action::Named;
use super::effect::{Effect, Question};
use super::lookup;
use super::model::{Model, Selection};
use super::popup::{Confirm, Consequence, Popup, Prompt, PromptKind, line_input, text_of};
use super::update::*;
use crate::domain::quick_add::{self, CaseName};
use crate::i18n::{Msg, cpr_error, label_status, parse_error, quick_add_error};
use crate::model::{MeetingId, MeetingStatus};
use crate::privacy::check_no_cpr;
use crate::time::{parse_date, parse_duration, parse_when};
use chrono::Duration;

pub(super) fn open_prompt(model: &mut Model, kind: PromptKind, initial: &str) -> Vec<Effect> {
    model.popup = Some(Popup::Prompt(Prompt {
        kind,
        input: line_input(initial),
        error: None,
    }));
    vec![]
}

pub(super) fn prompt(model: &mut Model, named: Named) -> Vec<Effect> {
    if named != Named::Submit {
        return vec![];
    }
    let Some(Popup::Prompt(p)) = &model.popup else {
        return vec![];
    };
    let kind = p.kind;
    let text = text_of(&p.input);
    match answer(model, kind, text.trim()) {
        Ok(effects) => {
            if matches!(&model.popup, Some(Popup::Prompt(p)) if p.kind == kind) {
                model.popup = None;
            }
            effects
        }
        Err(message) => {
            if let Some(Popup::Prompt(p)) = &mut model.popup {
                p.error = Some(message);
            }
            vec![]
        }
    }
}

/// Acts on a prompt's answer, or says what was wrong with it.
fn answer(model: &mut Model, kind: PromptKind, text: &str) -> Result<Vec<Effect>, String> {
    let lang = model.lang;
    let today = model.today();
    match kind {
        PromptKind::GoToDate => {
            let day = parse_date(text, today).map_err(|e| parse_error(&e, lang))?;
            Ok(go_to(model, day))
        }
        PromptKind::MoveToDate => {
            let when = parse_when(text, today).map_err(|e| parse_error(&e, lang))?;
            let Some((meeting, start)) = model.selected_meeting().map(|(m, s)| (m.clone(), s))
            else {
                return Ok(vec![]);
            };
            let new_start = when.at_or(start.time());
            let mut changed = meeting.clone();
            changed.start = meeting.start + (new_start - start);
            let label = format!(
                "{} {} → {}",
                Msg::StepMoved.text(lang),
                describe(model, &meeting, start),
                when_label(model, new_start)
            );
            model.day = new_start.date();
            model.selected = Some(Selection {
                meeting: meeting.id,
                start: new_start,
            });
            Ok(save_meeting(model, &meeting, changed, label))
        }
        PromptKind::FollowUpWeeks => {
            let weeks: u32 = text
                .trim_end_matches(['u', 'w'])
                .trim()
                .parse()
                .ok()
                .filter(|w| (1..=52).contains(w))
                .ok_or_else(|| Msg::WeeksExpected.text(lang).to_string())?;
            let Some((meeting, start)) = model.selected_meeting().map(|(m, s)| (m.clone(), s))
            else {
                return Ok(vec![]);
            };
            let at = start + Duration::weeks(i64::from(weeks));
            let to = at.date() + Duration::days(i64::from(SEARCH_DAYS));
            Ok(vec![Effect::Fetch {
                from: at.date(),
                to,
                then: Question::FollowUp {
                    template: Box::new(meeting),
                    at,
                    weeks,
                },
            }])
        }
        PromptKind::FreeSlot => {
            let minutes = parse_duration(text).map_err(|e| parse_error(&e, lang))?;
            let from = search_start(model);
            Ok(fetch_ahead(
                model,
                from,
                Question::FreeSlot { from, minutes },
            ))
        }
        PromptKind::StatusNote(status) => {
            check_no_cpr("outcome", text).map_err(|e| cpr_error(&e, lang))?;
            let Some((meeting, start)) = model.selected_meeting().map(|(m, s)| (m.clone(), s))
            else {
                return Ok(vec![]);
            };
            let mut changed = meeting.clone();
            changed.status = status;
            if !text.is_empty() {
                changed.outcome = text.to_string();
            }
            let label = format!(
                "{} {}: {}",
                Msg::StepStatus.text(lang),
                describe(model, &meeting, start),
                label_status(status, lang)
            );
            let effects = save_meeting(model, &meeting, changed, label);
            if status == MeetingStatus::NoShow
                && let Some(case) = meeting.case
            {
                // A no-show prompts a contact attempt, and nothing more: no sanction, no report.
                model.popup = Some(Popup::Confirm(Confirm {
                    question: format!(
                        "{} {}?",
                        Msg::LogAttemptQuestion.text(lang),
                        model.case_name(case)
                    ),
                    on_yes: Consequence::LogContactAttempt { case },
                }));
            }
            Ok(effects)
        }
        PromptKind::QuickAdd => quick_add_answer(model, text),
        PromptKind::NoteSubject(case) => lookup::answer_note(model, case, text),
        PromptKind::Agreement(case) => lookup::answer_agreement(model, case, text),
        PromptKind::VisitDay => super::suppliers::answer_day(model, text),
        PromptKind::VisitMinutes(day) => super::suppliers::answer_minutes(model, day, text),
        PromptKind::BoardFilter => super::board::answer_filter(model, text),
        PromptKind::Snooze => super::today::answer_snooze(model, text),
    }
}

pub(super) fn quick_add_answer(model: &mut Model, text: &str) -> Result<Vec<Effect>, String> {
    let Some(directory) = &model.directory else {
        return Err(Msg::StillLoading.text(model.lang).to_string());
    };
    let names: Vec<CaseName<'_>> = directory
        .cases
        .iter()
        .map(|c| CaseName {
            id: c.id,
            name: &c.name,
            alias: &c.alias,
        })
        .collect();
    let line = quick_add::parse(text, model.today(), &names)
        .map_err(|e| quick_add_error(&e, model.lang))?;
    let id = model
        .reserved_id
        .take()
        .ok_or_else(|| Msg::StillLoading.text(model.lang).to_string())?;
    let settings = &model.settings;
    let meeting = line.meeting(
        MeetingId(id),
        quick_add::Defaults {
            time: settings.hours.start,
            minutes: settings.default_minutes,
            prep_minutes: settings.prep_minutes,
            follow_up_minutes: settings.follow_up_minutes,
        },
    );
    Ok(book(model, meeting))
}
