//! Changing a repeating meeting asks first: this one, this and later, or all of them. The
//! change waits in the question as the series changed as a whole; `domain::series` says what
//! each answer writes.

use super::booking::describe;
use crate::app::core::action::Named;
use crate::app::core::effect::Effect;
use crate::app::core::history::Step;
use crate::app::model::{Model, Selection};
use crate::app::popup::Popup;
use crate::domain::series::{Scope, SeriesWrite, apply};
use crate::i18n::Msg;
use crate::model::{Meeting, MeetingId};
use crate::store::{AnyRecord, Change, RecordRef};
use chrono::NaiveDateTime;

/// The question, and the change it waits to write.
pub struct SeriesQuestion {
    pub question: String,
    /// The repeating meeting as stored.
    pub series: Meeting,
    /// The start of the occurrence the change was made on.
    pub occurrence: NaiveDateTime,
    /// The series changed as a whole (its start moved as much as the occurrence); `None`
    /// deletes.
    pub changed: Option<Meeting>,
    /// The undo step's words ("flyttede telefonvagt man 09:00").
    pub label: String,
}

/// Writes `changed` over `before` at once when it does not repeat; asks first when it does.
/// `occurrence` is the start of the occurrence the change was made on.
pub fn change(
    model: &mut Model,
    before: &Meeting,
    occurrence: NaiveDateTime,
    changed: Option<Meeting>,
    label: String,
) -> Vec<Effect> {
    if before.repeat.is_none() {
        return write(
            model,
            before,
            SeriesWrite {
                series: changed,
                added: None,
            },
            label,
        );
    }
    let question = format!(
        "{} ({})?",
        Msg::SeriesScopeQuestion.text(model.lang),
        describe(model, before, occurrence)
    );
    model.popup = Some(Popup::Series(Box::new(SeriesQuestion {
        question,
        series: before.clone(),
        occurrence,
        changed,
        label,
    })));
    vec![]
}

/// 1, 2 or 3 answers; any other key keeps the question open (Esc closes it unchanged).
pub fn on_key(model: &mut Model, named: Named) -> Vec<Effect> {
    let scope = match named {
        Named::ScopeThis => Scope::This,
        Named::ScopeLater => Scope::ThisAndLater,
        Named::ScopeAll => Scope::All,
        _ => return vec![],
    };
    let Some(Popup::Series(q)) = model.popup.take() else {
        return vec![];
    };
    let new_id = match (scope, model.reserved_id) {
        (Scope::All, _) => MeetingId(0),
        (_, Some(id)) => MeetingId(id),
        (_, None) => {
            model.popup = Some(Popup::Series(q));
            return vec![];
        }
    };
    let written = apply(&q.series, q.occurrence, q.changed.as_ref(), scope, new_id);
    if written.added.is_some() {
        model.reserved_id = None;
    }
    let words = match scope {
        Scope::This => Msg::StepSeriesThis,
        Scope::ThisAndLater => Msg::StepSeriesLater,
        Scope::All => Msg::StepSeriesAll,
    };
    let label = format!("{} {}", q.label, words.text(model.lang));
    write(model, &q.series, written, label)
}

/// One undo step: the series as it stays (or deleted) and the meeting split off, if any;
/// the changed occurrence stays selected.
pub fn write(
    model: &mut Model,
    before: &Meeting,
    written: SeriesWrite,
    label: String,
) -> Vec<Effect> {
    let mut forward = Vec::new();
    let mut backward = vec![Change::Put(AnyRecord::Meeting(before.clone()))];
    match &written.series {
        Some(series) => forward.push(Change::Put(AnyRecord::Meeting(series.clone()))),
        None => {
            forward.push(Change::Delete(RecordRef::from(before.id)));
            model.selected = None;
        }
    }
    if let Some(added) = &written.added {
        super::booking::note_met(model, added);
        forward.push(Change::Put(AnyRecord::Meeting(added.clone())));
        backward.insert(0, Change::Delete(RecordRef::from(added.id)));
        model.selected = Some(Selection {
            meeting: added.id,
            start: added.start,
        });
        if super::follows_changes(model) {
            model.day = added.start.date();
        }
    } else if let (Some(series), Some(sel)) = (&written.series, model.selected)
        && super::follows_changes(model)
    {
        // The selected occurrence moved with its series.
        let moved = series.start - before.start;
        if sel.meeting == series.id && series.repeat.is_some() {
            model.selected = Some(Selection {
                meeting: series.id,
                start: sel.start + moved,
            });
            model.day = (sel.start + moved).date();
        } else if sel.meeting == series.id {
            model.selected = Some(Selection {
                meeting: series.id,
                start: series.start,
            });
            model.day = series.start.date();
        }
    }
    let step = Step {
        label,
        forward,
        backward,
    };
    vec![Effect::Write(step)]
}
