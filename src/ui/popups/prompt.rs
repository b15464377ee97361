//! One-line prompts and yes/no questions.

use super::{frame, row};
use crate::app::calendar::confirm::Confirm;
use crate::app::calendar::series::SeriesQuestion;
use crate::app::model::Model;
use crate::app::prompt::{Prompt, PromptKind};
use crate::i18n::{Msg, label_status};
use crate::ui::text::{centered, fit, width};
use crate::ui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// The question a prompt asks, with an example of an answer.
pub fn title(model: &Model, kind: PromptKind) -> String {
    let lang = model.lang;
    match kind {
        PromptKind::GoToDate => Msg::PromptGoToDate.text(lang).to_string(),
        PromptKind::MoveToDate => Msg::PromptMoveToDate.text(lang).to_string(),
        PromptKind::FollowUpWeeks => Msg::PromptFollowUp.text(lang).to_string(),
        PromptKind::FreeSlot => Msg::PromptFreeSlot.text(lang).to_string(),
        PromptKind::StatusNote(status) => format!(
            "{} {}",
            Msg::PromptStatusNote.text(lang),
            label_status(status, lang).to_lowercase()
        ),
        PromptKind::QuickAdd => Msg::PromptQuickAdd.text(lang).to_string(),
        PromptKind::Agreement(_) => Msg::AgreementPrompt.text(lang).to_string(),
        PromptKind::VisitDay | PromptKind::VisitMinutes(_) => {
            crate::ui::suppliers::prompt_title(model, kind)
        }
        PromptKind::BoardFilter => Msg::BoardFilterPrompt.text(lang).to_string(),
        PromptKind::BoardViewName => Msg::BoardViewNamePrompt.text(lang).to_string(),
        PromptKind::Snooze => Msg::PromptSnooze.text(lang).to_string(),
        PromptKind::IcsImport => Msg::PromptIcsImport.text(lang).to_string(),
        PromptKind::RequestReceived(_) | PromptKind::ReportReceived { .. } => {
            Msg::PromptReceivedOn.text(lang).to_string()
        }
        PromptKind::TodayFilter => Msg::PromptTodayFilter.text(lang).to_string(),
    }
}

pub fn draw(model: &Model, prompt: &Prompt, body: Rect, buf: &mut Buffer) {
    let title = title(model, prompt.kind);
    let error_rows = if prompt.error.is_some() { 2 } else { 0 };
    let w = (width(&title) as u16 + 6).clamp(50, 76);
    let area = centered(body, w, 5 + error_rows);
    let inner = frame(area, &title, buf);
    let input = row(inner, 0);
    buf.set_string(input.x, input.y, "›", theme::key());
    prompt.input.area().render(
        Rect {
            x: input.x + 2,
            width: input.width.saturating_sub(2),
            ..input
        },
        buf,
    );
    if let Some(error) = &prompt.error {
        let r = Rect {
            y: inner.y + 2,
            height: 2,
            ..inner
        };
        Paragraph::new(Line::styled(format!("! {error}"), theme::error()))
            .wrap(Wrap { trim: true })
            .render(r, buf);
    }
    let footer = row(inner, inner.height.saturating_sub(1));
    buf.set_string(
        footer.x,
        footer.y,
        fit(
            Msg::PromptFooter.text(model.lang),
            usize::from(footer.width),
        ),
        theme::dim(),
    );
}

pub fn confirm(model: &Model, confirm: &Confirm, body: Rect, buf: &mut Buffer) {
    question(model, &confirm.question, Msg::ConfirmKeys, body, buf);
}

/// "This one, this and later, or all?" about a repeating meeting.
pub fn series(model: &Model, q: &SeriesQuestion, body: Rect, buf: &mut Buffer) {
    question(model, &q.question, Msg::SeriesScopeChoices, body, buf);
}

/// A question and the keys that answer it.
fn question(model: &Model, question: &str, keys_msg: Msg, body: Rect, buf: &mut Buffer) {
    let lang = model.lang;
    let keys_text = keys_msg.text(lang);
    let w = (width(question).max(width(keys_text)) as u16 + 6).clamp(40, 76);
    let lines = (width(question) as u16).div_ceil(w - 4).max(1);
    let area = centered(body, w, 4 + lines);
    let inner = frame(area, Msg::ConfirmTitle.text(lang), buf);
    Paragraph::new(Line::styled(question.to_string(), theme::bold()))
        .wrap(Wrap { trim: true })
        .render(
            Rect {
                height: lines,
                ..inner
            },
            buf,
        );
    let keys = row(inner, inner.height.saturating_sub(1));
    buf.set_string(keys.x, keys.y, keys_text, theme::key());
}
