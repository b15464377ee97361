//! The supplier overview screen: suppliers on the left, the selected supplier's citizens on the
//! right; and planning one visit for several of its citizens, booked back to back on one day as
//! one undo step (the plan itself is `domain::visit`).

use super::calendar::booking::Fetched;
use super::calendar::load_window;
use super::core::action::Named;
use super::core::clicks::Target;
use super::core::effect::{Effect, Question};
use super::core::history::Step;
use super::core::status::warn;
use super::model::{Model, Screen, Selection};
use super::prompt::{self, PromptKind};
use crate::domain::agenda::occurrences;
use crate::domain::busy::busy_spans;
use crate::domain::hours::WorkingHours;
use crate::domain::visit::{VisitCitizen, VisitPlan, plan_visit};
use crate::i18n::{Lang, Msg, parse_error, weekday_short};
use crate::model::CaseId;
use crate::query::suppliers::SupplierRow;
use crate::store::{AnyRecord, Change, RecordRef};
use crate::time::{format_date, format_duration, format_time, parse_date_with, parse_duration};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};
use std::collections::BTreeSet;

/// The overview's state: the rows loaded, what is selected, and who goes on the next visit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppliers {
    pub rows: Vec<SupplierRow>,
    /// Index into `rows`.
    pub selected: usize,
    pub focus: Pane,
    /// Index into the selected supplier's courses.
    pub citizen: usize,
    /// Citizens of the selected supplier left out of the visit (all go by default).
    pub left_out: BTreeSet<CaseId>,
    /// Record ids reserved for the visit's meetings.
    pub ids: Vec<u64>,
}

/// Which list j/k move in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Suppliers,
    Citizens,
}

impl Suppliers {
    pub fn row(&self) -> Option<&SupplierRow> {
        self.rows.get(self.selected)
    }

    /// The selected supplier's citizens going on the visit, once each, in list order.
    pub fn visitors(&self) -> Vec<VisitCitizen> {
        let mut out: Vec<VisitCitizen> = Vec::new();
        for c in self.row().map(|r| r.courses.as_slice()).unwrap_or_default() {
            if !self.left_out.contains(&c.case) && !out.iter().any(|v| v.case == c.case) {
                out.push(VisitCitizen {
                    case: c.case,
                    name: c.case_name.clone(),
                    consultant: c.consultant,
                });
            }
        }
        out
    }
}

/// `g s`: load the overview.
pub fn open(model: &Model) -> Vec<Effect> {
    vec![Effect::LoadSuppliers {
        today: model.today(),
    }]
}

/// The overview arrived: show it, keeping the selected supplier when it is reloaded.
pub fn loaded(model: &mut Model, rows: Vec<SupplierRow>) -> Vec<Effect> {
    let mut state = Suppliers {
        rows,
        selected: 0,
        focus: Pane::Suppliers,
        citizen: 0,
        left_out: BTreeSet::new(),
        ids: Vec::new(),
    };
    if let Screen::Suppliers(old) = &model.screen
        && let Some(supplier) = old.row().map(|r| r.supplier)
        && let Some(i) = state.rows.iter().position(|r| r.supplier == supplier)
    {
        state.selected = i;
        state.focus = old.focus;
        state.citizen = old.citizen;
        state.left_out = old.left_out.clone();
    }
    model.screen = Screen::Suppliers(Box::new(state));
    vec![]
}

/// Ids for the visit's meetings arrived.
pub fn ids_loaded(model: &mut Model, ids: Vec<u64>) -> Vec<Effect> {
    if let Screen::Suppliers(state) = &mut model.screen {
        state.ids = ids;
    }
    vec![]
}

/// Keys of the overview.
pub fn on_key(model: &mut Model, named: Named) -> Vec<Effect> {
    let Screen::Suppliers(state) = &mut model.screen else {
        return vec![];
    };
    let citizens = state.row().map_or(0, |r| r.courses.len());
    match (named, state.focus) {
        (Named::SelectNext, Pane::Suppliers) => {
            let last = state.rows.len().saturating_sub(1);
            move_supplier(state, (state.selected + 1).min(last));
        }
        (Named::SelectPrev, Pane::Suppliers) => {
            move_supplier(state, state.selected.saturating_sub(1))
        }
        (Named::SelectNext, Pane::Citizens) => {
            state.citizen = (state.citizen + 1).min(citizens.saturating_sub(1))
        }
        (Named::SelectPrev, Pane::Citizens) => state.citizen = state.citizen.saturating_sub(1),
        (Named::NextField | Named::PrevField, _) => {
            state.focus = match state.focus {
                Pane::Suppliers if citizens > 0 => Pane::Citizens,
                _ => Pane::Suppliers,
            }
        }
        (Named::Submit, Pane::Suppliers) if citizens > 0 => state.focus = Pane::Citizens,
        (Named::Submit, Pane::Citizens) => {
            let case = state
                .row()
                .and_then(|r| r.courses.get(state.citizen))
                .map(|c| c.case);
            if let Some(case) = case {
                return vec![super::lookup::card::load(model, case)];
            }
        }
        (Named::ToggleVisitCitizen, Pane::Citizens) => {
            let case = state
                .row()
                .and_then(|r| r.courses.get(state.citizen))
                .map(|c| c.case);
            if let Some(case) = case
                && !state.left_out.remove(&case)
            {
                state.left_out.insert(case);
            }
        }
        (Named::PlanSupplierVisit, _) => return start_visit(model),
        (Named::Undo | Named::Redo, _) => return model.undo_redo(named),
        (Named::CloseCard, _) => return super::navigation::close_list(model),
        _ => {}
    }
    vec![]
}

/// A click selects a supplier.
pub fn click(model: &mut Model, target: Target) -> Vec<Effect> {
    if let (Screen::Suppliers(state), Target::Row(index)) = (&mut model.screen, target)
        && index < state.rows.len()
    {
        state.focus = Pane::Suppliers;
        move_supplier(state, index);
    }
    vec![]
}

fn move_supplier(state: &mut Suppliers, to: usize) {
    if to != state.selected {
        state.selected = to;
        state.citizen = 0;
        state.left_out.clear();
    }
}

/// `v`: ask for the day, when someone goes on the visit.
fn start_visit(model: &mut Model) -> Vec<Effect> {
    let Screen::Suppliers(state) = &model.screen else {
        return vec![];
    };
    if state.visitors().is_empty() {
        model.status = Some(warn(Msg::VisitNobody.text(model.lang)));
        return vec![];
    }
    let day = next_working_day(&model.settings.hours, model.today());
    prompt::open(model, PromptKind::VisitDay, &format_date(day))
}

/// The first working day after `today` (within a month), else tomorrow.
fn next_working_day(hours: &WorkingHours, today: NaiveDate) -> NaiveDate {
    today
        .iter_days()
        .skip(1)
        .take(31)
        .find(|d| hours.is_working_day(*d))
        .unwrap_or(today + Duration::days(1))
}

/// The day prompt's answer: ask for the length of each meeting.
pub fn answer_day(model: &mut Model, text: &str) -> Result<Vec<Effect>, String> {
    let day = parse_date_with(text, model.today(), &model.settings.hours.days_off)
        .map_err(|e| parse_error(&e, model.lang))?;
    let minutes = format_duration(model.settings.default_minutes);
    Ok(prompt::open(model, PromptKind::VisitMinutes(day), &minutes))
}

/// The length prompt's answer: reserve ids and fetch the day's meetings to find room.
pub fn answer_minutes(
    model: &mut Model,
    day: NaiveDate,
    text: &str,
) -> Result<Vec<Effect>, String> {
    let minutes = parse_duration(text).map_err(|e| parse_error(&e, model.lang))?;
    let Screen::Suppliers(state) = &model.screen else {
        return Ok(vec![]);
    };
    let Some(row) = state.row() else {
        return Ok(vec![]);
    };
    let plan = VisitPlan {
        supplier: row.supplier,
        supplier_name: row.name.clone(),
        day,
        minutes,
        citizens: state.visitors(),
    };
    Ok(vec![
        Effect::ReserveIds(plan.citizens.len()),
        Effect::Fetch {
            from: day,
            to: day,
            then: Question::SupplierVisit(Box::new(plan)),
        },
    ])
}

/// The day's meetings arrived: book the visit from the first time that holds all of it, as
/// one step, or say that the day has no room and book nothing.
pub fn answer_visit(model: &mut Model, fetched: Fetched, plan: VisitPlan) -> Vec<Effect> {
    let lang = model.lang;
    let ids = match &mut model.screen {
        Screen::Suppliers(state) if state.ids.len() >= plan.citizens.len() => {
            std::mem::take(&mut state.ids)
        }
        _ => {
            model.status = Some(warn(Msg::StillLoading.text(lang)));
            return vec![];
        }
    };
    let booked = occurrences(&fetched.meetings, plan.day, plan.day);
    let busy = busy_spans(&fetched.busy);
    let from = model.now.max(plan.day.and_time(NaiveTime::MIN));
    let Some(visit) = plan_visit(
        &plan,
        from,
        &booked,
        &busy,
        &model.settings.hours,
        (
            model.settings.prep_minutes,
            model.settings.follow_up_minutes,
        ),
        &ids,
    ) else {
        model.status = Some(warn(&fill(Msg::VisitNoRoom.text(lang), &plan, None, lang)));
        return vec![];
    };
    let (Some(first), Some(last)) = (visit.first(), visit.last()) else {
        return vec![];
    };
    let label = fill(
        Msg::VisitBooked.text(lang),
        &plan,
        Some((first.start, last.end())),
        lang,
    );
    model.day = plan.day;
    model.selected = Some(Selection {
        meeting: first.id,
        start: first.start,
    });
    let step = Step {
        label,
        backward: visit
            .iter()
            .map(|m| Change::Delete(RecordRef::from(m.id)))
            .collect(),
        forward: visit
            .into_iter()
            .map(|m| Change::Put(AnyRecord::Meeting(m)))
            .collect(),
    };
    let mut effects = vec![Effect::Write(step)];
    effects.extend(load_window(model));
    effects
}

/// A visit message with its blanks filled: {n}, {supplier}, {day}, {minutes}, {span}.
fn fill(
    template: &str,
    plan: &VisitPlan,
    span: Option<(NaiveDateTime, NaiveDateTime)>,
    lang: Lang,
) -> String {
    let day = plan.day;
    let day_text = format!(
        "{} {}/{}",
        weekday_short(day.weekday(), lang),
        day.day(),
        day.month()
    );
    let span = span.map_or_else(String::new, |(a, b)| {
        format!("{}–{}", format_time(a.time()), format_time(b.time()))
    });
    template
        .replace("{n}", &plan.citizens.len().to_string())
        .replace("{supplier}", &plan.supplier_name)
        .replace("{day}", &day_text)
        .replace("{minutes}", &format_duration(plan.minutes))
        .replace("{span}", &span)
}

/// Status text for the count of citizens going on the visit.
pub fn visit_summary(state: &Suppliers, lang: Lang) -> String {
    let going = state.visitors().len();
    let all = state.row().map_or(0, |r| r.citizens);
    Msg::VisitGoing
        .text(lang)
        .replace("{n}", &going.to_string())
        .replace("{all}", &all.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::at;

    #[test]
    fn the_next_working_day_skips_the_weekend() {
        let hours = WorkingHours::default();
        let friday = at("2026-11-27 00:00").date();
        assert_eq!(
            next_working_day(&hours, friday),
            at("2026-11-30 00:00").date()
        );
    }
}
