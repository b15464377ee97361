//! The Today screen's keys: move through the list, mark an item done, snooze it to a typed
//! date, log a contact or a chase, book a meeting, open the case, go to the calendar. What
//! "done" means depends on the item (`done_change`); items that are done by meeting the citizen
//! book one, the call and summons before a course ends a three-party meeting. Keys that act on
//! a course or a medical request load it first (`ItemAct`) and then do what the items popup
//! does with it.

use super::calendar::booking::fetch_ahead;
use super::core::action::Named;
use super::core::clicks::Target;
use super::core::effect::{Effect, ItemAct, Question};
use super::core::history::Step;
use super::core::status::{error, info};
use super::courses::dialog::DialogKind;
use super::model::{Model, Screen, Selection, View};
use super::prompt::{self, PromptKind};
use super::requests::chase::Back;
use crate::domain::due::{DueCategory, DueItem, DueList, DueWhat};
use crate::domain::reminder::{Basis, ReminderKind, Subject};
use crate::i18n::due_words::due_title;
use crate::i18n::{Msg, parse_error};
use crate::model::{Channel, ChaseEntry, Course, Direction, MeetingId, ReportChase};
use crate::search::Spellings;
use crate::store::{AnyRecord, Change};
use crate::time::{format_date, parse_date_with};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use std::cell::Cell;
use std::collections::HashMap;

/// The effect that loads the Today list as of the model's now.
pub fn load(model: &Model) -> Effect {
    Effect::LoadToday { now: model.now }
}

/// Opens the Today screen; its list is read at once (the start reads it beside the first
/// frame: [`TodayScreen::reading`]).
pub fn open(model: &mut Model) -> Vec<Effect> {
    model.day = model.today();
    if !matches!(model.screen, Screen::Today(_)) {
        model.screen = Screen::Today(Box::new(TodayScreen::reading()));
    }
    let mut effects = super::calendar::load_window(model);
    effects.push(load(model));
    effects
}

/// The count of citizens to summon for the week view's header, for a week not yet over.
pub fn load_summons(model: &Model) -> Option<Effect> {
    if model.view != View::Week || !matches!(model.screen, Screen::Calendar) {
        return None;
    }
    let monday = model.day - Duration::days(i64::from(model.day.weekday().num_days_from_monday()));
    let sunday = monday + Duration::days(6);
    let known = model.summons.is_some_and(|s| s.until == sunday);
    (sunday >= model.today() && !known).then(|| Effect::LoadSummons {
        today: model.today(),
        until: sunday,
    })
}

/// Which pane of Today the moving keys and Enter act in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    /// The due list (where Today opens).
    #[default]
    List,
    /// Today's meetings.
    Meetings,
}

/// What the list is narrowed to: a kind (`f` steps through them) and a typed name (`F`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub category: Option<DueCategory>,
    pub name: String,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.category.is_none() && self.name.is_empty()
    }

    /// The next kind: none, then each in turn, then none again.
    fn next_category(&self) -> Option<DueCategory> {
        match self.category {
            None => DueCategory::ALL.first().copied(),
            Some(c) => {
                let at = DueCategory::ALL.iter().position(|x| *x == c).unwrap_or(0);
                DueCategory::ALL.get(at + 1).copied()
            }
        }
    }
}

/// The Today screen: the loaded list, what the filter shows of it, the selection and the pane
/// in focus.
pub struct TodayScreen {
    /// What the filter keeps; `selected` indexes it in screen order.
    pub list: DueList,
    /// The list as loaded while the filter hides some of it; `None` when `list` is all of it,
    /// so a list without a filter is never copied (#21: a key at 10,000 cases in one frame).
    unfiltered: Option<DueList>,
    /// Case names in the spellings the name filter compares, worked out the first time it is
    /// used after a load rather than at every item of every key.
    names: HashMap<String, Spellings>,
    pub selected: usize,
    pub focus: Focus,
    pub filter: Filter,
    /// The list rows the last draw had room for, set by the view, so a page is a screenful.
    pub view_rows: Cell<usize>,
    /// While the list is being read (the start reads it beside the first frame, #21): the keys
    /// pressed meanwhile that move in it or act on its items, in order, run when it arrives.
    held: Option<Vec<Named>>,
}

impl TodayScreen {
    fn new(all: DueList) -> TodayScreen {
        TodayScreen {
            list: all,
            unfiltered: None,
            names: HashMap::new(),
            selected: 0,
            focus: Focus::List,
            filter: Filter::default(),
            view_rows: Cell::new(10),
            held: None,
        }
    }

    /// The screen before its list has arrived: empty, and marked as being read.
    pub fn reading() -> TodayScreen {
        TodayScreen {
            held: Some(Vec::new()),
            ..TodayScreen::new(DueList::default())
        }
    }

    /// Whether the list is still being read.
    pub fn is_reading(&self) -> bool {
        self.held.is_some()
    }

    /// Keeps `named` for when the list arrives, if it is still being read.
    fn hold(&mut self, named: Named) -> bool {
        match &mut self.held {
            Some(held) => {
                held.push(named);
                true
            }
            None => false,
        }
    }

    /// The list as loaded, whatever the filter shows of it.
    pub fn all(&self) -> &DueList {
        self.unfiltered.as_ref().unwrap_or(&self.list)
    }

    /// Applies the filter again, keeping the selected item when it is still shown.
    fn refilter(&mut self) {
        let key = self.selected_key();
        let all = match self.unfiltered.take() {
            Some(all) => all,
            None => std::mem::take(&mut self.list),
        };
        self.show(all, key);
    }

    /// A newly loaded list, through the filter, the selected item kept when it is still shown.
    fn reload(&mut self, all: DueList) {
        let key = self.selected_key();
        self.unfiltered = None;
        self.names.clear();
        self.show(all, key);
    }

    fn selected_key(&self) -> Option<String> {
        self.list.get(self.selected).map(|i| i.key.clone())
    }

    /// Shows what the filter keeps of `all`, and selects the item keyed `key` if it is shown.
    fn show(&mut self, all: DueList, key: Option<String>) {
        if self.filter.is_empty() {
            self.list = all;
        } else {
            let name = Spellings::of(&self.filter.name);
            if !name.is_empty() && self.names.is_empty() {
                for (_, item) in all.items() {
                    if !self.names.contains_key(&item.case_name) {
                        let spellings = Spellings::of(&item.case_name);
                        self.names.insert(item.case_name.clone(), spellings);
                    }
                }
            }
            let (category, names) = (self.filter.category, &self.names);
            self.list = all.filtered(|item| {
                category.is_none_or(|c| item.what.category() == c)
                    && (name.is_empty()
                        || names
                            .get(&item.case_name)
                            .is_some_and(|n| n.contains(&name)))
            });
            self.unfiltered = Some(all);
        }
        self.selected = key
            .and_then(|k| self.list.items().position(|(_, i)| i.key == k))
            .unwrap_or(self.selected)
            .min(self.list.len().saturating_sub(1));
    }

    fn select(&mut self, index: i64) {
        let last = self.list.len().saturating_sub(1) as i64;
        self.selected = index.clamp(0, last.max(0)) as usize;
    }

    /// The index of the first item of the next (`forward`) or previous group from the
    /// selection; the previous group is the start of the selection's own group when the
    /// selection is inside it.
    fn group_start(&self, forward: bool) -> Option<usize> {
        let mut starts = Vec::new();
        let mut at = 0;
        for (_, items) in self.list.groups() {
            if !items.is_empty() {
                starts.push(at);
            }
            at += items.len();
        }
        if forward {
            starts.into_iter().find(|s| *s > self.selected)
        } else {
            starts.into_iter().rev().find(|s| *s < self.selected)
        }
    }
}

/// The list arrived: show it through the filter, the selection kept on its item; the keys
/// held while it was being read run now, in the order they were pressed. A list that arrives
/// after the person has left Today is not wanted any more.
pub fn loaded(model: &mut Model, list: DueList) -> Vec<Effect> {
    let Screen::Today(today) = &mut model.screen else {
        return vec![];
    };
    today.reload(list);
    let held = today.held.take().unwrap_or_default();
    if held.is_empty() {
        return vec![];
    }
    // They were pressed on the list with nothing open over it: each goes to the list while that
    // is still so (Tab pressed after them keeps its pane); once one of them opens something or
    // leaves Today, the rest go where any key goes.
    let focus = std::mem::replace(&mut today.focus, Focus::List);
    let popup = model.popup.is_some();
    let mut on_list = true;
    let mut effects = Vec::new();
    for named in held {
        on_list &= matches!(model.screen, Screen::Today(_)) && model.popup.is_some() == popup;
        effects.extend(match on_list {
            true => on_key(model, named),
            false => super::dispatch::update(model, super::core::action::Action::Run(named)),
        });
    }
    if let Screen::Today(today) = &mut model.screen {
        today.focus = focus;
    }
    effects
}

/// The snooze was stored (the list is read again without the item), or why not.
pub fn snoozed(model: &mut Model, result: Result<NaiveDate, String>) -> Vec<Effect> {
    match result {
        Ok(day) => {
            model.status = Some(info(&format!(
                "{} {}",
                Msg::SnoozedUntil.text(model.lang),
                format_date(day)
            )));
            vec![load(model)]
        }
        Err(message) => {
            model.status = Some(error(message));
            vec![]
        }
    }
}

/// The item's record arrived: do what the key asked. A record deleted meanwhile leaves nothing
/// to act on; the list is read again without it.
pub fn record_loaded(
    model: &mut Model,
    item: &DueItem,
    act: ItemAct,
    record: Option<Box<AnyRecord>>,
) -> Vec<Effect> {
    match record {
        Some(record) => act_on_record(model, item, act, *record),
        None => vec![load(model)],
    }
}

/// The selected item.
pub fn selected_item(model: &Model) -> Option<&DueItem> {
    match &model.screen {
        Screen::Today(today) => today.list.get(today.selected),
        _ => None,
    }
}

/// A click selects an item of the list or a meeting of the meetings pane, and focuses its pane.
pub fn click(model: &mut Model, target: Target) -> Vec<Effect> {
    let Screen::Today(today) = &mut model.screen else {
        return vec![];
    };
    match target {
        Target::Row(index) => {
            today.focus = Focus::List;
            today.select(index as i64);
        }
        Target::Meeting { id, start } => {
            today.focus = Focus::Meetings;
            model.selected = Some(Selection { meeting: id, start });
        }
        Target::Field(_) => {}
    }
    vec![]
}

/// Keys of the Today screen: moving in the focused pane, the meeting keys on the meeting
/// marked in the meetings pane, the item keys on the selected item, and the calendar's keys.
pub fn on_key(model: &mut Model, named: Named) -> Vec<Effect> {
    let focus = match &model.screen {
        Screen::Today(today) => today.focus,
        _ => return vec![],
    };
    match named {
        Named::NextField | Named::PrevField => return switch_pane(model),
        Named::SelectNext | Named::SelectPrev if focus == Focus::Meetings => {
            let delta = if named == Named::SelectNext { 1 } else { -1 };
            return step_meeting(model, delta);
        }
        Named::Submit if focus == Focus::Meetings => return open_meeting_card(model),
        Named::SelectNext
        | Named::SelectPrev
        | Named::PageDown
        | Named::PageUp
        | Named::SelectFirst
        | Named::SelectLast
        | Named::NextGroup
        | Named::PrevGroup => {
            if !hold(model, named) {
                move_in_list(model, named);
            }
            return vec![];
        }
        Named::TodayFilterKind => return filter_kind(model),
        Named::TodayFilterName => {
            let name = match &model.screen {
                Screen::Today(today) => today.filter.name.clone(),
                _ => String::new(),
            };
            return prompt::open(model, PromptKind::TodayFilter, &name);
        }
        Named::Undo | Named::Redo => return model.undo_redo(named),
        _ => {}
    }
    if is_meeting_key(named) {
        return super::calendar::on_selected_meeting(model, named);
    }
    if is_calendar_key(named) {
        // A day or a week elsewhere is the calendar's: go there and do it.
        let mut effects = super::navigation::go_home(model, super::navigation::Home::Calendar);
        effects.extend(super::calendar::on_key(model, named));
        return effects;
    }
    if matches!(
        named,
        Named::NewMeeting
            | Named::QuickAdd
            | Named::NewCase
            | Named::NewContact
            | Named::FindFreeSlot
            | Named::BulkChange
    ) {
        return super::calendar::on_key(model, named);
    }
    if hold(model, named) {
        return vec![];
    }
    let Some(item) = selected_item(model).cloned() else {
        model.status = Some(info(Msg::TodayNothingSelected.text(model.lang)));
        return vec![];
    };
    match named {
        Named::Submit => vec![super::lookup::card::load(model, item.case)],
        Named::Snooze => prompt::open(model, PromptKind::Snooze, ""),
        Named::LogContact if is_chased(&item) => load_for(model, item, ItemAct::Chase),
        Named::LogContact | Named::MarkDone if is_call_back(&item) => {
            load_for(model, item, ItemAct::CallBack)
        }
        Named::LogContact => {
            super::lookup::contact_log::open(model, item.case, Direction::Out);
            vec![]
        }
        Named::BookMeeting if books_from_record(&item) => load_for(model, item, ItemAct::Book),
        Named::BookMeeting => book(model, &item),
        Named::MarkDone => mark_done(model, item),
        _ => {
            model.status = Some(info(Msg::TodayNotHere.text(model.lang)));
            vec![]
        }
    }
}

/// Keys that change the meeting marked in the meetings pane (the calendar's own actions).
fn is_meeting_key(named: Named) -> bool {
    matches!(
        named,
        Named::SetStatusHeld
            | Named::SetStatusCancelledByCitizen
            | Named::SetStatusNoShow
            | Named::SetStatusCancelled
            | Named::ConvertToPhone
            | Named::ConvertToHomeVisit
            | Named::MoveTomorrow
            | Named::MoveEarlier
            | Named::MoveLater
            | Named::MoveToDate
            | Named::ExtendMeeting
            | Named::ShortenMeeting
            | Named::EditMeeting
            | Named::DeleteMeeting
            | Named::BookFollowUp
            | Named::SkipWeek
    )
}

/// Keys about other days, which only the calendar shows.
fn is_calendar_key(named: Named) -> bool {
    matches!(
        named,
        Named::PrevDay
            | Named::NextDay
            | Named::PrevWeek
            | Named::NextWeek
            | Named::GoToday
            | Named::GoToDate
            | Named::MonthOverview
            | Named::ToggleWeek
    )
}

fn switch_pane(model: &mut Model) -> Vec<Effect> {
    let has_meetings = !model.window.day(model.today()).is_empty();
    let lang = model.lang;
    let Screen::Today(today) = &mut model.screen else {
        return vec![];
    };
    today.focus = match today.focus {
        Focus::List if has_meetings => Focus::Meetings,
        Focus::List => {
            model.status = Some(info(Msg::NoMeetingsToday.text(lang)));
            Focus::List
        }
        Focus::Meetings => Focus::List,
    };
    vec![]
}

/// Moves the meetings pane's mark to the next or previous meeting of today.
fn step_meeting(model: &mut Model, delta: i64) -> Vec<Effect> {
    let day = model.window.day(model.today());
    if day.is_empty() {
        return vec![];
    }
    let current = model.selected.and_then(|s| {
        day.iter()
            .position(|o| o.meeting.id == s.meeting && o.start == s.start)
    });
    let next = match current {
        None => 0,
        Some(i) => (i as i64 + delta).clamp(0, day.len() as i64 - 1) as usize,
    };
    model.selected = day.get(next).map(|o| Selection {
        meeting: o.meeting.id,
        start: o.start,
    });
    vec![]
}

/// Enter on a meeting: its case's card (an internal block has none).
fn open_meeting_card(model: &mut Model) -> Vec<Effect> {
    match model.selected_meeting().and_then(|(m, _)| m.case) {
        Some(case) => vec![super::lookup::card::load(model, case)],
        None => {
            model.status = Some(info(Msg::TodayNoCase.text(model.lang)));
            vec![]
        }
    }
}

/// Keeps a key that needs the list for when it arrives, if it is still being read.
fn hold(model: &mut Model, named: Named) -> bool {
    match &mut model.screen {
        Screen::Today(today) => today.hold(named),
        _ => false,
    }
}

fn move_in_list(model: &mut Model, named: Named) {
    let Screen::Today(today) = &mut model.screen else {
        return;
    };
    let at = today.selected as i64;
    let page = today.view_rows.get().max(1) as i64;
    match named {
        Named::SelectNext => today.select(at + 1),
        Named::SelectPrev => today.select(at - 1),
        Named::PageDown => today.select(at + page),
        Named::PageUp => today.select(at - page),
        Named::SelectFirst => today.select(0),
        Named::SelectLast => today.select(i64::MAX),
        Named::NextGroup | Named::PrevGroup => {
            if let Some(start) = today.group_start(named == Named::NextGroup) {
                today.select(start as i64);
            }
        }
        _ => {}
    }
    today.focus = Focus::List;
}

/// `f`: the next kind of item, or all again after the last.
fn filter_kind(model: &mut Model) -> Vec<Effect> {
    if let Screen::Today(today) = &mut model.screen {
        today.filter.category = today.filter.next_category();
        today.refilter();
        today.focus = Focus::List;
    }
    vec![]
}

/// The typed name the list is narrowed to (empty: every name).
pub fn answer_filter(model: &mut Model, text: &str) -> Result<Vec<Effect>, String> {
    if let Screen::Today(today) = &mut model.screen {
        today.filter.name = text.trim().to_string();
        today.refilter();
        today.focus = Focus::List;
    }
    Ok(vec![])
}

/// Loads the item's record to `act` on it; the directory first, so the forms and the status
/// line name the case, the supplier and the consultant.
fn load_for(model: &Model, item: DueItem, act: ItemAct) -> Vec<Effect> {
    let mut effects = model.need_directory();
    effects.push(Effect::LoadForDone(Box::new(item), act));
    effects
}

fn reminder_kind(item: &DueItem) -> Option<ReminderKind> {
    match &item.what {
        DueWhat::Reminder { reminder } => Some(reminder.kind),
        _ => None,
    }
}

/// A call-back: `c` (and `x`) log the call that answers it.
fn is_call_back(item: &DueItem) -> bool {
    matches!(item.what, DueWhat::CallBack { .. })
}

/// A medical request's chase or a late report: `c` logs a chase of it, not a citizen contact.
fn is_chased(item: &DueItem) -> bool {
    matches!(
        reminder_kind(item),
        Some(
            ReminderKind::MedicalReminder { .. }
                | ReminderKind::MedicalPhoneChase { .. }
                | ReminderKind::MedicalEscalate
                | ReminderKind::ReportLate
                | ReminderKind::ReportChaseEscalate
        )
    )
}

/// Items whose meeting is booked from their record: the three-party meeting before a course
/// ends, a meeting about received medical information (which marks it acted on), and a
/// citizen's meeting after a bulk cancel (which closes the item, #17).
fn books_from_record(item: &DueItem) -> bool {
    matches!(item.what, DueWhat::Rebook { .. })
        || matches!(
            reminder_kind(item),
            Some(
                ReminderKind::CallSupplierBeforeEnd
                    | ReminderKind::SummonBeforeEnd
                    | ReminderKind::MedicalActOn
            )
        )
}

/// A new-meeting form for the item's case at the first free time from now.
fn book(model: &Model, item: &DueItem) -> Vec<Effect> {
    let from = model.now;
    fetch_ahead(
        model,
        from,
        Question::NewMeeting {
            from,
            case: Some((item.case, item.case_name.clone())),
        },
    )
}

/// Done: items met by a meeting book one; suggestions only say so; the rest load their
/// record to change it.
fn mark_done(model: &mut Model, item: DueItem) -> Vec<Effect> {
    match &item.what {
        DueWhat::Cadence { .. } | DueWhat::NoContact { .. } => book(model, &item),
        DueWhat::Reminder { reminder } => match reminder.kind {
            ReminderKind::CallSupplierBeforeEnd | ReminderKind::SummonBeforeEnd => {
                load_for(model, item, ItemAct::Book)
            }
            ReminderKind::MedicalEscalate | ReminderKind::ReportChaseEscalate => {
                model.status = Some(info(Msg::EscalateIsAdvice.text(model.lang)));
                vec![]
            }
            _ => load_for(model, item, ItemAct::Done),
        },
        DueWhat::Agreement { .. } | DueWhat::Journalise { .. } | DueWhat::Rebook { .. } => {
            load_for(model, item, ItemAct::Done)
        }
        DueWhat::CallBack { .. } => load_for(model, item, ItemAct::CallBack),
        DueWhat::Outcome { meeting, start } => write_outcome(model, *meeting, *start),
    }
}

/// An outcome to write: the held status's note prompt on that meeting, which is today's.
fn write_outcome(model: &mut Model, meeting: MeetingId, start: NaiveDateTime) -> Vec<Effect> {
    model.selected = Some(Selection { meeting, start });
    if let Screen::Today(today) = &mut model.screen {
        today.focus = Focus::List;
    }
    prompt::open(
        model,
        PromptKind::StatusNote(crate::model::MeetingStatus::Held),
        "",
    )
}

/// The item's record arrived: do what the key asked.
fn act_on_record(
    model: &mut Model,
    item: &DueItem,
    act: ItemAct,
    record: AnyRecord,
) -> Vec<Effect> {
    let kind = reminder_kind(item);
    match (act, record) {
        (ItemAct::Chase, AnyRecord::MedicalRequest(request)) => {
            super::requests::chase::open(model, request, Back::Screen)
        }
        (ItemAct::Chase, AnyRecord::Course(course)) => match report_index(item, &course) {
            Some(report) => {
                super::courses::open_dialog(model, DialogKind::Chase { report }, course, "")
            }
            None => vec![],
        },
        (ItemAct::Book, AnyRecord::MedicalRequest(request)) => {
            super::requests::book_about(model, request, item.case_name.clone())
        }
        (ItemAct::Book, AnyRecord::Rebooking(rebooking)) => {
            super::bulk::book_again(model, item, rebooking)
        }
        (ItemAct::Book, AnyRecord::Course(course)) => {
            super::courses::book_three_party(model, &course)
        }
        (ItemAct::Done, AnyRecord::Course(course))
            if kind == Some(ReminderKind::FinalReportAfterSummons) =>
        {
            super::courses::ask_interim(model, &course)
        }
        (ItemAct::CallBack, record @ (AnyRecord::Event(_) | AnyRecord::Meeting(_))) => {
            super::lookup::contact_log::open_call_back(model, item.case, record);
            model.need_directory()
        }
        (ItemAct::Done, record) => done(model, item, record),
        _ => vec![],
    }
}

/// The place of the item's report in the course, found by its due day (places move when an
/// interim report is added).
fn report_index(item: &DueItem, course: &Course) -> Option<usize> {
    let DueWhat::Reminder { reminder } = &item.what else {
        return None;
    };
    let Subject::Report { index, .. } = reminder.subject else {
        return None;
    };
    match &reminder.reason.basis {
        Basis::Report { due, .. } => course.reports.iter().position(|r| r.due == *due),
        _ => (index < course.reports.len()).then_some(index),
    }
}

/// Writes the change that makes `item` done, with the record as it was for undo.
fn done(model: &mut Model, item: &DueItem, record: AnyRecord) -> Vec<Effect> {
    let Some(changed) = done_change(item, &record, model) else {
        return vec![];
    };
    let label = format!(
        "{} {} ({})",
        Msg::DoneMarked.text(model.lang),
        due_title(item, model.lang),
        item.case_name
    );
    vec![Effect::Write(Step {
        label,
        forward: vec![Change::Put(changed)],
        backward: vec![Change::Put(record)],
    })]
}

/// The record with the item done: agreement done, note journalised, report read (or received
/// when it is coming up), a late report or a medical request chased (a letter for a written
/// reminder, the phone after), medical information acted on.
pub fn done_change(item: &DueItem, record: &AnyRecord, model: &Model) -> Option<AnyRecord> {
    let today = model.today();
    let now = model.settings.zone.to_utc(model.now);
    let mut record = record.clone();
    let chase = |channel| ChaseEntry {
        at: now,
        channel,
        reached: String::new(),
        note: String::new(),
    };
    match (&item.what, &mut record) {
        (DueWhat::Agreement { .. }, AnyRecord::Agreement(a)) => a.done = Some(today),
        (DueWhat::Journalise { .. }, AnyRecord::Note(n)) => n.journalised = Some(now),
        (DueWhat::Rebook { .. }, AnyRecord::Rebooking(r)) => r.done = Some(today),
        (DueWhat::Reminder { reminder }, AnyRecord::Course(c)) => {
            let index = report_index(item, c)?;
            let report = c.reports.get_mut(index)?;
            match reminder.kind {
                ReminderKind::ReportUnread => report.read = Some(today),
                ReminderKind::ReportDueSoon => report.received = Some(today),
                ReminderKind::ReportLate => report.chases.push(ReportChase {
                    at: now,
                    channel: Channel::Phone,
                    note: String::new(),
                }),
                _ => return None,
            }
        }
        (DueWhat::Reminder { reminder }, AnyRecord::MedicalRequest(r)) => match reminder.kind {
            ReminderKind::MedicalActOn => r.acted_on = Some(today),
            ReminderKind::MedicalReminder { .. } => r.chases.push(chase(Channel::Letter)),
            ReminderKind::MedicalPhoneChase { .. } => r.chases.push(chase(Channel::Phone)),
            _ => return None,
        },
        _ => return None,
    }
    Some(record)
}

/// The typed day a snoozed item comes back.
pub fn answer_snooze(model: &mut Model, text: &str) -> Result<Vec<Effect>, String> {
    let day = parse_date_with(text, model.today(), &model.settings.hours.days_off)
        .map_err(|e| parse_error(&e, model.lang))?;
    // A day not after today would hide nothing: say so and keep the prompt open.
    if day <= model.today() {
        return Err(Msg::SnoozeAfterToday.text(model.lang).to_string());
    }
    let Some(item) = selected_item(model) else {
        return Ok(vec![]);
    };
    Ok(vec![Effect::Snooze {
        key: item.key.clone(),
        until: day,
    }])
}
