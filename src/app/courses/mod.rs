//! Supplier courses in the planner: the course form from the card, and the keys on a course
//! and its reports in the items popup. Pure: every change is one `Step` written
//! by the app loop, with a label for the status line and undo.
//!
//! Report keys act on the report under the cursor (`[`/`]`); without one, each key picks its
//! own: `r` the next report not received, `v` the first received and unread, `c` the first late.

pub mod dialog;

use super::calendar::booking::{Fetched, fetch_ahead, first_free};
use super::calendar::meeting_form::open_at;
use super::core::action::Named;
use super::core::effect::{Effect, Question};
use super::core::history::Step;
use super::core::status::{info, warn};
use super::forms::course::{CourseField, CourseForm, CourseFormMode};
use super::forms::meeting::MeetingEditor;
use super::lookup::items;
use super::model::{Model, Screen};
use super::popup::Popup;
use crate::app::form_kit::Refusals;
use crate::domain::reports::{is_finished, is_late, is_unread};
use crate::domain::schedule::{interim_due, new_reports, regenerate, with_interim};
use crate::i18n::{Msg, label_course_kind};
use crate::model::{
    CaseId, ContactId, Course, CourseId, CourseOutcome, Participant, ReportChase, Role, purpose,
};
use crate::store::{AnyRecord, Change, RecordRef};
use crate::time::format_date;
use chrono::{Months, NaiveDateTime};
use dialog::{CourseDialog, DialogField, DialogKind};

/// `f` on the card: the form for a new course. The pickers need the directory.
pub fn new_course(model: &mut Model, case: CaseId) -> Vec<Effect> {
    let form = CourseForm::new(&model.settings, case, model.today(), model.lang, None);
    model.popup = Some(Popup::CourseForm(Box::new(form)));
    model.need_directory()
}

/// A key on the selected course of the items popup.
pub fn on_course(model: &mut Model, named: Named) -> Vec<Effect> {
    let lang = model.lang;
    let today = model.today();
    let Some(Popup::Items(items)) = &mut model.popup else {
        return vec![];
    };
    let Some(course) = items.courses.get(items.selected).cloned() else {
        return vec![];
    };
    let last_report = course.reports.len().saturating_sub(1);
    match named {
        Named::NextReport => {
            items.report = Some(items.report.map_or(0, |r| (r + 1).min(last_report)));
            return vec![];
        }
        Named::PrevReport => {
            items.report = Some(items.report.map_or(last_report, |r| r.saturating_sub(1)));
            return vec![];
        }
        _ => {}
    }
    let cursor = items.report.filter(|r| *r < course.reports.len());
    if named == Named::EditItem {
        return open_form(model, &course, false);
    }
    let acts = matches!(
        named,
        Named::MarkReceived
            | Named::MarkReportRead
            | Named::LogChase
            | Named::BookFromItem
            | Named::AskInterimReport
            | Named::ExtendCourse
            | Named::CompleteCourse
            | Named::InterruptCourse
            | Named::ChangeConsultant
            | Named::ChangeSupplier
    );
    if acts && is_finished(&course) {
        model.status = Some(info(Msg::CourseIsFinished.text(lang)));
        return vec![];
    }
    match named {
        Named::MarkReceived => {
            let index = cursor
                .filter(|i| course.reports[*i].received.is_none())
                .or_else(|| course.reports.iter().position(|r| r.received.is_none()));
            let Some(index) = index else {
                model.status = Some(info(Msg::NoReportToReceive.text(lang)));
                return vec![];
            };
            // Reports are often registered a day or two late: ask when it arrived.
            crate::app::prompt::open_over(
                model,
                crate::app::prompt::PromptKind::ReportReceived {
                    course: course.id,
                    report: index,
                },
                &format_date(today),
            )
        }
        Named::MarkReportRead => {
            let index = cursor
                .filter(|i| course.reports[*i].read.is_none())
                .or_else(|| course.reports.iter().position(is_unread));
            let Some(index) = index else {
                model.status = Some(info(Msg::NoReportUnread.text(lang)));
                return vec![];
            };
            open_dialog(model, DialogKind::Read { report: index }, course, "")
        }
        Named::LogChase => {
            let late = |i: &usize| is_late(&course.reports[*i], today);
            let index = cursor
                .filter(late)
                .or_else(|| (0..course.reports.len()).find(late));
            let Some(index) = index else {
                model.status = Some(info(Msg::NoLateReport.text(lang)));
                return vec![];
            };
            open_dialog(model, DialogKind::Chase { report: index }, course, "")
        }
        Named::BookFromItem => book_three_party(model, &course),
        Named::AskInterimReport => ask_interim(model, &course),
        Named::ExtendCourse => {
            let months = model.settings.courses.extension_months;
            let end = course
                .end
                .checked_add_months(Months::new(months))
                .unwrap_or(course.end);
            open_dialog(model, DialogKind::Extend, course, &format_date(end))
        }
        Named::CompleteCourse => {
            let mut after = course.clone();
            after.outcome = Some(CourseOutcome::Completed { on: today });
            let label = format!(
                "{} {}",
                Msg::StepCourseCompleted.text(lang),
                course_name(model, &course)
            );
            write(&course, after, label)
        }
        Named::InterruptCourse => open_dialog(model, DialogKind::Interrupt, course, ""),
        Named::ChangeConsultant => {
            let mut effects = open_dialog(model, DialogKind::Consultant, course, "");
            effects.extend(model.need_directory());
            effects
        }
        Named::ChangeSupplier => open_form(model, &course, true),
        _ => vec![],
    }
}

fn open_form(model: &mut Model, course: &Course, successor: bool) -> Vec<Effect> {
    let back = items::take(model);
    let form = CourseForm::from_course(
        &model.settings,
        course,
        successor,
        model.directory.as_ref(),
        model.today(),
        model.lang,
        back,
    );
    model.popup = Some(Popup::CourseForm(Box::new(form)));
    match model.directory {
        Some(_) => vec![],
        // The pickers show names from the directory: load it and fill the form again.
        None => vec![Effect::LoadDirectory],
    }
}

pub(crate) fn open_dialog(
    model: &mut Model,
    kind: DialogKind,
    course: Course,
    initial: &str,
) -> Vec<Effect> {
    let back = items::take(model);
    model.popup = Some(Popup::CourseDialog(Box::new(CourseDialog::new(
        kind,
        course,
        initial,
        back,
        model.today(),
        &model.settings.hours.days_off,
        model.lang,
    ))));
    vec![]
}

/// The directory arrived: an open edit form shows the names of its supplier and consultant.
pub fn directory_loaded(model: &mut Model) {
    let Some(Popup::CourseForm(form)) = &mut model.popup else {
        return;
    };
    let (CourseFormMode::Edit(course), Some(directory)) = (&form.mode, &model.directory) else {
        return;
    };
    // Opened before the names were loaded: the pickers show numbers until filled again.
    if form.form.text(CourseField::Supplier).starts_with('#') {
        let course = course.as_ref().clone();
        let back = form.back.take();
        let focus = form.form.focused();
        let mut fresh = CourseForm::from_course(
            &model.settings,
            &course,
            false,
            Some(directory),
            model.today(),
            model.lang,
            back,
        );
        if let Some(focus) = focus {
            fresh.form.focus_on(focus);
        }
        model.popup = Some(Popup::CourseForm(Box::new(fresh)));
    }
}

/// Keys of the course form (Tab, Enter) and of a course question.
pub fn form_action(model: &mut Model, named: Named) -> Vec<Effect> {
    match &mut model.popup {
        Some(Popup::CourseForm(form)) => match named {
            Named::NextField => form.form.next_field(),
            Named::PrevField => form.form.prev_field(),
            Named::Submit => return save_form(model),
            _ => {}
        },
        Some(Popup::CourseDialog(dialog)) => match named {
            Named::NextField => dialog.form.next_field(),
            Named::PrevField => dialog.form.prev_field(),
            Named::Submit => return save_dialog(model),
            _ => {}
        },
        _ => {}
    }
    vec![]
}

/// A key no binding took, for the open course form or question.
pub fn type_key(model: &mut Model, key: ratatui::crossterm::event::KeyEvent) -> Vec<Effect> {
    let directory = model.directory.as_ref();
    match &mut model.popup {
        Some(Popup::CourseForm(form)) => form.type_key(key, directory),
        Some(Popup::CourseDialog(dialog)) => dialog.type_key(key, directory),
        _ => {}
    }
    vec![]
}

fn save_form(model: &mut Model) -> Vec<Effect> {
    let lang = model.lang;
    let today = model.today();
    let Some(Popup::CourseForm(form)) = &mut model.popup else {
        return vec![];
    };
    let id = match &form.mode {
        CourseFormMode::Edit(course) => Some(course.id.0),
        _ => model.reserved_id,
    };
    let Some(id) = id else { return vec![] };
    let mut course = match form.build(CourseId(id), lang) {
        Ok(course) => course,
        Err(errors) => {
            if let Some((field, _)) = errors.first() {
                form.form.focus_on(*field);
            }
            form.form.errors = errors;
            return vec![];
        }
    };
    let Some(Popup::CourseForm(form)) = model.popup.take() else {
        return vec![];
    };
    let form = *form;
    model.popup = form.back.map(Popup::Items);
    match form.mode {
        CourseFormMode::New => {
            model.reserved_id = None;
            course.reports = new_reports(course.start, course.end, &course.cadence);
            let label = format!(
                "{} {}",
                Msg::StepCourseCreated.text(lang),
                course_name(model, &course)
            );
            vec![Effect::Write(Step {
                label,
                backward: vec![Change::Delete(RecordRef::from(course.id))],
                forward: vec![Change::Put(AnyRecord::Course(course))],
            })]
        }
        CourseFormMode::Edit(before) => {
            let schedule_changed = course.start != before.start
                || course.end != before.end
                || course.cadence != before.cadence;
            if schedule_changed {
                // The schedule follows; received and annotated reports are kept.
                let end = course.end;
                let cadence = course.cadence.clone();
                course.reports = regenerate(&course, end, &cadence, today);
            }
            let label = format!(
                "{} {}",
                Msg::StepCourseEdited.text(lang),
                course_name(model, &course)
            );
            write(&before, course, label)
        }
        CourseFormMode::Successor(old) => {
            model.reserved_id = None;
            course.reports = new_reports(course.start, course.end, &course.cadence);
            let mut ended = (*old).clone();
            ended.outcome = Some(CourseOutcome::SupplierChanged {
                on: today,
                next: course.id,
            });
            let label = format!(
                "{} {} → {}",
                Msg::StepSupplierChanged.text(lang),
                course_name(model, &old),
                course_name(model, &course)
            );
            vec![Effect::Write(Step {
                label,
                backward: vec![
                    Change::Delete(RecordRef::from(course.id)),
                    Change::Put(AnyRecord::Course((*old).clone())),
                ],
                forward: vec![
                    Change::Put(AnyRecord::Course(course)),
                    Change::Put(AnyRecord::Course(ended)),
                ],
            })]
        }
    }
}

fn save_dialog(model: &mut Model) -> Vec<Effect> {
    let lang = model.lang;
    let today = model.today();
    let now_utc = model.settings.zone.to_utc(model.now);
    let Some(Popup::CourseDialog(dialog)) = &mut model.popup else {
        return vec![];
    };
    let before = dialog.course.clone();
    let mut after = before.clone();
    let text = dialog.text();
    let refused = |field, message: String| Err(vec![(field, message)]);
    let cpr = dialog.form.cpr_errors();
    let result: Result<(Msg, Option<usize>), Refusals<DialogField>> = match dialog.kind {
        _ if !cpr.is_empty() => Err(cpr),
        DialogKind::Read { report } => {
            if let Some(r) = after.reports.get_mut(report) {
                // Reading a report means it arrived.
                r.received = r.received.or(Some(today));
                r.read = Some(today);
                r.action = Some(dialog.action());
                if !text.is_empty() {
                    r.note = text.clone();
                }
            }
            Ok((Msg::StepReportRead, Some(report)))
        }
        DialogKind::Chase { report } => {
            if let Some(r) = after.reports.get_mut(report) {
                r.chases.push(ReportChase {
                    at: now_utc,
                    channel: dialog.channel(),
                    note: text.clone(),
                });
            }
            Ok((Msg::StepReportChased, Some(report)))
        }
        DialogKind::Extend => match dialog.form.date(DialogField::End) {
            Err(message) => refused(DialogField::End, message),
            // A date field left empty does not read; there is always a date here.
            Ok(None) => refused(DialogField::End, String::new()),
            Ok(Some(end)) => {
                let cadence = after.cadence.clone();
                after.reports = regenerate(&before, end, &cadence, today);
                after.end = end;
                after.outcome = Some(CourseOutcome::Extended {
                    on: today,
                    previous_end: before.end,
                });
                Ok((Msg::StepCourseExtended, None))
            }
        },
        DialogKind::Interrupt => {
            after.outcome = Some(CourseOutcome::Interrupted { on: today });
            Ok((Msg::StepCourseInterrupted, None))
        }
        DialogKind::Consultant => match dialog.chosen() {
            None => refused(
                DialogField::Consultant,
                Msg::ChooseContact.text(lang).to_string(),
            ),
            Some(new) => {
                after.consultant = Some(new);
                after.outcome = Some(CourseOutcome::ConsultantChanged {
                    on: today,
                    previous: before.consultant,
                });
                Ok((Msg::StepConsultantChanged, None))
            }
        },
    };
    let (msg, report) = match result {
        Ok(done) => done,
        Err(errors) => {
            dialog.form.errors = errors;
            return vec![];
        }
    };
    let kind = dialog.kind;
    let consultant_name = dialog
        .form
        .picker(DialogField::Consultant)
        .and_then(|p| p.chosen_label())
        .map(str::to_string);
    let back = dialog.back.take();
    model.popup = back.map(Popup::Items);
    let mut label = match report {
        Some(index) => report_label(model, msg, &before, index),
        None => format!("{} {}", msg.text(lang), course_name(model, &before)),
    };
    match kind {
        DialogKind::Extend => label.push_str(&format!(" → {}", format_date(after.end))),
        DialogKind::Consultant => {
            if let Some(name) = consultant_name {
                label.push_str(&format!(" → {name}"));
            }
        }
        _ => {}
    }
    write(&before, after, label)
}

/// "Ask for an interim report": the interim report goes into the course's schedule, due before
/// the summons (`i` in the items popup, `x` on the Today list's item about it).
pub(crate) fn ask_interim(model: &mut Model, course: &Course) -> Vec<Effect> {
    let lang = model.lang;
    let summon = model.settings.courses.summon_days_before_end;
    let Some(due) = interim_due(course, summon, model.today()) else {
        model.status = Some(info(Msg::InterimNotNeeded.text(lang)));
        return vec![];
    };
    let mut after = course.clone();
    after.reports = with_interim(&course.reports, due);
    let label = format!(
        "{} {} · {}",
        Msg::StepInterimAsked.text(lang),
        format_date(due),
        course_name(model, course)
    );
    write(course, after, label)
}

/// One step that replaces `before` with `after`.
/// The day a report arrived: it is marked received that day.
pub fn answer_received(
    model: &mut Model,
    id: CourseId,
    report: usize,
    text: &str,
) -> Result<Vec<Effect>, String> {
    let lang = model.lang;
    let today = model.today();
    let on = crate::time::parse_past_date_with(text, today, &model.settings.hours.days_off)
        .map_err(|e| crate::i18n::parse_error(&e, lang))?;
    if on > today {
        return Err(Msg::ReceivedInFuture.text(lang).to_string());
    }
    let course = match crate::app::prompt::under(model) {
        Some(Popup::Items(items)) => items.courses.iter().find(|c| c.id == id).cloned(),
        _ => None,
    };
    let Some(course) = course.filter(|c| report < c.reports.len()) else {
        return Ok(vec![]);
    };
    let mut after = course.clone();
    after.reports[report].received = Some(on);
    let label = report_label(model, Msg::StepReportReceived, &course, report);
    Ok(write(&course, after, label))
}

fn write(before: &Course, after: Course, label: String) -> Vec<Effect> {
    vec![Effect::Write(Step {
        label,
        forward: vec![Change::Put(AnyRecord::Course(after))],
        backward: vec![Change::Put(AnyRecord::Course(before.clone()))],
    })]
}

/// "afklaring Udsyn Mentorhuset".
pub(crate) fn course_name(model: &Model, course: &Course) -> String {
    format!(
        "{} {}",
        label_course_kind(&course.kind, model.lang).to_lowercase(),
        contact_name(model, course.supplier)
    )
}

/// "rapport modtaget: 20.11.2026 afklaring Udsyn Mentorhuset".
fn report_label(model: &Model, msg: Msg, course: &Course, index: usize) -> String {
    let due = course
        .reports
        .get(index)
        .map_or_else(String::new, |r| format_date(r.due));
    format!(
        "{} {due} · {}",
        msg.text(model.lang),
        course_name(model, course)
    )
}

/// A contact's name from the open card's courses or the directory, else its number.
fn contact_name(model: &Model, id: ContactId) -> String {
    if let Screen::Card { card, .. } = &model.screen {
        let known = card
            .courses
            .iter()
            .flat_map(|c| std::iter::once(&c.supplier).chain(c.consultant.as_ref()))
            .find(|c| c.id == id);
        if let Some(c) = known {
            return c.name.clone();
        }
    }
    model
        .directory
        .as_ref()
        .and_then(|d| d.contacts.iter().find(|c| c.id == id))
        .map_or_else(|| format!("#{id}"), |c| c.name.clone())
}

/// `b` on a course: a three-party meeting with the citizen and the consultant (or the
/// supplier) in the first free slot, in the meeting form for the caseworker to confirm.
pub(crate) fn book_three_party(model: &mut Model, course: &Course) -> Vec<Effect> {
    let party = Participant {
        role: Role::Consultant,
        contact: Some(course.consultant.unwrap_or(course.supplier)),
        name: String::new(),
    };
    let from = model.now;
    let case = (course.case, model.case_name(course.case));
    model.popup = None;
    fetch_ahead(
        model,
        from,
        Question::ThreeParty {
            from,
            case,
            parties: vec![party],
        },
    )
}

/// The meetings of the coming weeks arrived: open the three-party form at the first free time.
pub fn three_party_form(
    model: &mut Model,
    fetched: Fetched,
    from: NaiveDateTime,
    case: (CaseId, String),
    parties: Vec<Participant>,
) -> Vec<Effect> {
    let settings = &model.settings;
    let found = first_free(settings, &fetched, from, settings.default_minutes);
    if found.is_none() {
        model.status = Some(warn(Msg::NoFreeSlot.text(model.lang)));
    }
    // No free slot: the form opens at the search start (never in the past), for the
    // caseworker to choose a time; the status line says why.
    let start = found.unwrap_or_else(|| from.max(from.date().and_time(settings.hours.start)));
    let mut editor = MeetingEditor::new(settings, start, Some(case), model.today(), model.lang);
    editor.set_purpose(purpose::THREE_PARTY);
    editor.parties = parties;
    open_at(model, editor, fetched);
    vec![]
}
