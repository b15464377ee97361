//! When plans break (#17): `B` in the calendar (or "cancel or convert a date range" in the
//! palette) asks for a range and what to do, shows every meeting of the range with what will
//! happen to it and the citizens to tell, and asks once. Yes writes it all as one undo step:
//! the meetings aflyst or converted, and one "inform and rebook" item per citizen on Today.
//! From Today, `b` on such an item books the citizen at the first free time after the range,
//! and saving that meeting closes the item in the same step.

use super::calendar::booking::fetch_ahead;
use super::core::action::Named;
use super::core::effect::{Effect, Question};
use super::core::history::Step;
use super::core::status::info;
use super::form_kit::{Choice, Field, Form};
use super::model::Model;
use super::popup::Popup;
use crate::domain::bulk::{BulkRequest, CONVERT_FORMS, rebook_from};
use crate::domain::due::DueItem;
use crate::i18n::bulk_words::{change_word, note_or_default, step_label};
use crate::i18n::{Lang, Msg};
use crate::model::{BulkChange, MeetingId, Rebooking};
use crate::query::bulk::BulkPreview;
use crate::store::AnyRecord;
use crate::time::format_date;
use chrono::Duration;
use ratatui::crossterm::event::KeyEvent;
use std::cell::Cell;

/// The longest range one operation covers: a year.
const MOST_DAYS: i64 = 366;

/// The form's fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BulkField {
    What,
    From,
    To,
    Note,
    OnlyWithCitizens,
    Internal,
}

/// What the first field offers, in order.
pub const CHANGES: [BulkChange; 3] = [
    BulkChange::Cancel,
    BulkChange::Convert(CONVERT_FORMS[0]),
    BulkChange::Convert(CONVERT_FORMS[1]),
];

/// The popup: the form, then the preview of what it would do.
pub struct BulkDialog {
    pub form: Form<BulkField>,
    /// The plan of the form as it was sent, shown and asked about once.
    pub preview: Option<Box<BulkPreview>>,
    /// The first line of the preview shown.
    pub scroll: usize,
    /// The preview lines the last draw had room for, set by the view, so a page is a screenful.
    pub view_rows: Cell<usize>,
}

impl BulkDialog {
    /// Whether `key` goes to the form before the keymap (never while the preview asks).
    pub fn takes_key(&self, key: &KeyEvent) -> bool {
        self.preview.is_none() && self.form.takes_key(key)
    }

    pub fn focus_is_text(&self) -> bool {
        self.preview.is_none() && self.form.focus_is_text()
    }
}

/// `B`: the form over the focused day, cancelling by default.
pub fn open(model: &mut Model) -> Vec<Effect> {
    let lang = model.lang;
    let day = format_date(model.day.max(model.today()));
    let whats = CHANGES.iter().map(|c| change_word(*c, lang));
    let fields = vec![
        Field::choice(
            BulkField::What,
            Msg::BulkFieldWhat,
            Choice::indexed(whats, 0),
        ),
        Field::date(BulkField::From, Msg::FieldFrom, &day).reading(14),
        Field::date(BulkField::To, Msg::FieldTo, &day).reading(14),
        Field::text(BulkField::Note, Msg::FieldReason, ""),
        Field::toggle(
            BulkField::OnlyWithCitizens,
            Msg::BulkFieldOnlyCitizens,
            false,
        ),
        Field::toggle(BulkField::Internal, Msg::BulkFieldInternal, false),
    ];
    model.popup = Some(Popup::Bulk(Box::new(BulkDialog {
        form: Form::new(fields, model.today(), lang).counting(&model.settings.hours.days_off),
        preview: None,
        scroll: 0,
        view_rows: Cell::new(10),
    })));
    vec![]
}

/// A key no binding took: into the focused field.
pub fn type_key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    if let Some(Popup::Bulk(dialog)) = &mut model.popup
        && dialog.preview.is_none()
    {
        dialog.form.type_key(key);
    }
    vec![]
}

/// The form's keys; in the preview, yes does it and no goes back to the form.
pub fn on_key(model: &mut Model, named: Named) -> Vec<Effect> {
    let lang = model.lang;
    let Some(Popup::Bulk(dialog)) = &mut model.popup else {
        return vec![];
    };
    if let Some(preview) = &dialog.preview {
        let page = dialog.view_rows.get().max(1);
        // As many lines as the preview draws (the narrow form leaves out words, not lines).
        let lines = crate::i18n::bulk_words::preview_lines(preview, lang, true).len();
        let last = lines.saturating_sub(page);
        let at = dialog.scroll;
        return match named {
            Named::ConfirmYes => confirm(model),
            Named::ConfirmNo => {
                dialog.preview = None;
                dialog.scroll = 0;
                vec![]
            }
            Named::ScrollDown | Named::ScrollUp | Named::PageDown | Named::PageUp => {
                dialog.scroll = match named {
                    Named::ScrollDown => at + 1,
                    Named::ScrollUp => at.saturating_sub(1),
                    Named::PageDown => at + page,
                    _ => at.saturating_sub(page),
                }
                .min(last);
                vec![]
            }
            _ => vec![],
        };
    }
    match named {
        Named::NextField => dialog.form.next_field(),
        Named::PrevField => dialog.form.prev_field(),
        Named::Submit => {
            return match request(&dialog.form, model.lang) {
                Ok(request) => {
                    dialog.form.errors.clear();
                    vec![Effect::PlanBulk {
                        request,
                        now: model.now,
                    }]
                }
                Err(errors) => {
                    if let Some((field, _)) = errors.first() {
                        dialog.form.focus_on(*field);
                    }
                    dialog.form.errors = errors;
                    vec![]
                }
            };
        }
        _ => {}
    }
    vec![]
}

/// The form read as a request, or why not, by field.
fn request(form: &Form<BulkField>, lang: Lang) -> Result<BulkRequest, Vec<(BulkField, String)>> {
    let mut errors = form.read_errors();
    errors.extend(form.cpr_errors());
    let needed = |field| (field, Msg::BulkDateNeeded.text(lang).to_string());
    let from = form.date(BulkField::From).ok().flatten();
    let to = form.date(BulkField::To).ok().flatten();
    if errors.is_empty() {
        match (from, to) {
            (None, _) => errors.push(needed(BulkField::From)),
            (_, None) => errors.push(needed(BulkField::To)),
            (Some(from), Some(to)) if to < from => {
                errors.push((BulkField::To, Msg::BulkToBeforeFrom.text(lang).to_string()))
            }
            (Some(from), Some(to)) if to - from >= Duration::days(MOST_DAYS) => {
                errors.push((BulkField::To, Msg::BulkRangeTooLong.text(lang).to_string()))
            }
            _ => {}
        }
    }
    let (Some(from), Some(to), true) = (from, to, errors.is_empty()) else {
        return Err(errors);
    };
    let change = CHANGES
        .get(form.index(BulkField::What))
        .copied()
        .unwrap_or(BulkChange::Cancel);
    Ok(BulkRequest {
        change,
        from,
        to,
        only_with_citizens: form.toggle(BulkField::OnlyWithCitizens),
        include_internal: form.toggle(BulkField::Internal),
        note: note_or_default(&form.text(BulkField::Note), change, lang),
    })
}

/// The plan arrived: the preview asks once.
pub fn previewed(model: &mut Model, preview: BulkPreview) -> Vec<Effect> {
    if let Some(Popup::Bulk(dialog)) = &mut model.popup {
        dialog.preview = Some(Box::new(preview));
        dialog.scroll = 0;
    }
    vec![]
}

/// Yes: the whole plan as one undo step (the status line says so once it is on disk).
fn confirm(model: &mut Model) -> Vec<Effect> {
    let lang = model.lang;
    let Some(Popup::Bulk(dialog)) = model.popup.take() else {
        return vec![];
    };
    let Some(preview) = dialog.preview else {
        return vec![];
    };
    if !preview.plan.changes_anything() {
        model.status = Some(info(Msg::BulkNothingToChange.text(lang)));
        return vec![];
    }
    let (forward, backward) = preview.changes(model.today());
    vec![Effect::Write(Step {
        label: step_label(&preview, lang),
        forward,
        backward,
    })]
}

/// `b` on a citizen's item: a new-meeting form for the case at the first free time after the
/// range.
pub fn book_again(model: &Model, item: &DueItem, rebooking: Rebooking) -> Vec<Effect> {
    let from = rebook_from(&rebooking, model.now);
    fetch_ahead(
        model,
        from,
        Question::Rebook {
            from,
            case: (item.case, item.case_name.clone()),
            rebooking: Box::new(rebooking),
        },
    )
}

/// A meeting booked from a citizen's item: the same step closes the item, so one undo takes
/// both back.
pub fn also_rebooked(
    model: &Model,
    effects: &mut [Effect],
    rebooking: Option<Rebooking>,
    meeting: MeetingId,
) {
    let Some(before) = rebooking else { return };
    let Some(Effect::Write(step)) = effects.first_mut() else {
        return;
    };
    let mut after = before.clone();
    after.done = Some(model.today());
    after.booked = Some(meeting);
    step.also_put(
        Msg::StepRebooked.text(model.lang),
        AnyRecord::Rebooking(before),
        AnyRecord::Rebooking(after),
    );
}
