//! The week planner (#18): `P` proposes the bookings that keep every case on time for the week
//! on screen, as a list beside the week with each proposal a ghost block in it. `Enter` books
//! one, `A` books all as one undo step, `x` drops one, `r` finds it another time. Nothing is
//! booked without a key and nothing is sent. The solver is `domain::plan`'s; the store is read
//! by the runner (`Effect::LoadPlan`).

use super::calendar::booking::describe;
use super::core::action::Named;
use super::core::effect::Effect;
use super::core::history::Step;
use super::core::status::{info, warn};
use super::model::{Model, View};
use super::popup::Popup;
use crate::domain::plan::{Plan, PlanInput, Proposal, another_slot, plan};
use crate::i18n::Msg;
use crate::model::{Meeting, MeetingId};
use crate::store::{AnyRecord, Change, RecordRef};
use chrono::{Datelike, Duration, NaiveDate};

/// The proposal on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekPlan {
    pub monday: NaiveDate,
    /// What the plan was made from, for another time (`r`).
    pub input: PlanInput,
    pub plan: Plan,
    /// The selected proposal.
    pub selected: usize,
}

impl WeekPlan {
    pub fn proposal(&self) -> Option<&Proposal> {
        self.plan.proposals.get(self.selected)
    }
}

/// `P`: the week on screen is planned (the day view turns to its week).
pub fn open(model: &mut Model) -> Vec<Effect> {
    model.view = View::Week;
    let monday = model.day - Duration::days(i64::from(model.day.weekday().num_days_from_monday()));
    let mut effects = super::calendar::load_window(model);
    effects.push(Effect::LoadPlan {
        monday,
        now: model.now,
    });
    effects
}

/// The input arrived: solve it, give each proposal a stored id, and show the list.
pub fn loaded(model: &mut Model, input: PlanInput, ids: Vec<u64>) -> Vec<Effect> {
    let mut solved = plan(&input);
    for (p, id) in solved.proposals.iter_mut().zip(ids) {
        p.meeting.id = MeetingId(id);
    }
    if solved.proposals.is_empty() && solved.unplaced.is_empty() {
        model.popup = None;
        model.status = Some(info(Msg::PlanNothing.text(model.lang)));
        return vec![];
    }
    let monday = input.to - Duration::days(6);
    // Reloaded after an undo: the selection stays where it was, as far as the list goes.
    let selected = match &model.popup {
        Some(Popup::Plan(old)) => old.selected,
        _ => 0,
    };
    model.popup = Some(Popup::Plan(Box::new(WeekPlan {
        monday,
        input,
        selected: selected.min(solved.proposals.len().saturating_sub(1)),
        plan: solved,
    })));
    vec![]
}

/// After an undo or a redo with the proposal open: it is made again from what is stored.
pub fn after_undo(model: &Model) -> Vec<Effect> {
    match &model.popup {
        Some(Popup::Plan(p)) => vec![Effect::LoadPlan {
            monday: p.monday,
            now: model.now,
        }],
        _ => vec![],
    }
}

/// Keys of the proposal.
pub fn on_key(model: &mut Model, named: Named) -> Vec<Effect> {
    let Some(Popup::Plan(p)) = &mut model.popup else {
        return vec![];
    };
    let last = p.plan.proposals.len().saturating_sub(1);
    match named {
        Named::SelectNext => p.selected = (p.selected + 1).min(last),
        Named::SelectPrev => p.selected = p.selected.saturating_sub(1),
        Named::PlanAccept => return accept(model),
        Named::PlanAcceptAll => return accept_all(model),
        Named::PlanDrop if p.selected < p.plan.proposals.len() => {
            p.plan.proposals.remove(p.selected);
            p.selected = p.selected.min(p.plan.proposals.len().saturating_sub(1));
        }
        Named::PlanRetry => return retry(model),
        Named::Undo | Named::Redo => return model.undo_redo(named),
        _ => {}
    }
    vec![]
}

/// Shows `meeting`'s day in the week behind the list.
fn show(model: &mut Model, meeting: &Meeting) {
    model.day = meeting.start.date();
}

fn accept(model: &mut Model) -> Vec<Effect> {
    let Some(Popup::Plan(p)) = &mut model.popup else {
        return vec![];
    };
    if p.selected >= p.plan.proposals.len() {
        return vec![];
    }
    let proposal = p.plan.proposals.remove(p.selected);
    p.selected = p.selected.min(p.plan.proposals.len().saturating_sub(1));
    let meeting = proposal.meeting;
    // Booked, it is taken time for another time (`r`) asked for the rest.
    p.input.meetings.push(meeting.clone());
    // The week names the new block at once, before the window is read again.
    model
        .window
        .case_names
        .entry(proposal.case)
        .or_insert(proposal.name);
    let label = format!(
        "{} {}",
        Msg::StepPlanAccepted.text(model.lang),
        describe(model, &meeting, meeting.start)
    );
    show(model, &meeting);
    let step = Step {
        label,
        backward: vec![Change::Delete(RecordRef::from(meeting.id))],
        forward: vec![Change::Put(AnyRecord::Meeting(meeting))],
    };
    let mut effects = vec![Effect::Write(step)];
    effects.extend(super::calendar::load_window(model));
    effects
}

fn accept_all(model: &mut Model) -> Vec<Effect> {
    let Some(Popup::Plan(p)) = &mut model.popup else {
        return vec![];
    };
    let proposals = std::mem::take(&mut p.plan.proposals);
    p.selected = 0;
    if proposals.is_empty() {
        return vec![];
    }
    let n = proposals.len();
    let label = format!(
        "{} {n} {}",
        Msg::StepPlanAcceptedAll.text(model.lang),
        Msg::PlanProposals.text(model.lang)
    );
    let step = Step {
        label,
        backward: proposals
            .iter()
            .map(|p| Change::Delete(RecordRef::from(p.meeting.id)))
            .collect(),
        forward: proposals
            .into_iter()
            .map(|p| Change::Put(AnyRecord::Meeting(p.meeting)))
            .collect(),
    };
    vec![Effect::Write(step)]
}

fn retry(model: &mut Model) -> Vec<Effect> {
    let Some(Popup::Plan(p)) = &mut model.popup else {
        return vec![];
    };
    match another_slot(&p.input, &p.plan, p.selected) {
        Some(moved) => {
            let meeting = moved.meeting.clone();
            p.plan.proposals[p.selected] = moved;
            // The list stays in time order, the moved one selected.
            p.plan.proposals.sort_by(|a, b| {
                (a.meeting.start, &a.reference).cmp(&(b.meeting.start, &b.reference))
            });
            p.selected = p
                .plan
                .proposals
                .iter()
                .position(|x| x.meeting.id == meeting.id)
                .unwrap_or(0);
            show(model, &meeting);
            super::calendar::load_window(model)
        }
        None => {
            model.status = Some(warn(Msg::PlanNoOtherSlot.text(model.lang)));
            vec![]
        }
    }
}
