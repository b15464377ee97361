//! A contact's card: the contact, the people of its organisation, and the cases it is part of
//! and how; the selected case is opened with Enter.

use super::card::{draw_columns, heading, labelled};
use super::text::{pad, width};
use super::theme;
use crate::app::core::action::Named;
use crate::app::model::Model;
use crate::i18n::{Lang, Msg, label_contact_kind};
use crate::keymap::Layer;
use crate::query::card::{CaseLink, ContactCard, ContactCase};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// The width of the labels.
const LABEL: usize = 14;

pub fn draw(model: &Model, card: &ContactCard, selected: usize, area: Rect, buf: &mut Buffer) {
    let lang = model.lang;
    let mut lines = contact_lines(card, lang);
    let cases_from = lines.len() + 1;
    lines.extend(case_lines(card, selected, lang));
    // Keep the selected case on screen.
    let rows = usize::from(area.height.saturating_sub(1));
    let selected_row = cases_from + selected.min(card.cases.len().saturating_sub(1));
    let scroll = (selected_row + 1).saturating_sub(rows) as u16;
    let hints: [(&[Named], Msg); 3] = [
        (&[Named::SelectNext, Named::SelectPrev], Msg::HintChoose),
        (&[Named::Submit], Msg::HintOpenCase),
        (&[Named::CloseCard], Msg::HintBack),
    ];
    draw_columns(
        model,
        &[lines],
        scroll,
        area,
        &hints,
        Layer::ContactCard,
        buf,
    );
}

fn contact_lines(card: &ContactCard, lang: Lang) -> Vec<Line<'static>> {
    let mut out = vec![Line::from(vec![
        Span::styled(card.name.clone(), theme::bold()),
        Span::styled(
            format!(" · {}", label_contact_kind(card.kind, lang)),
            theme::dim(),
        ),
    ])];
    let mut field = |msg: Msg, value: &str| {
        if !value.trim().is_empty() {
            out.push(labelled(
                msg.text(lang),
                LABEL,
                vec![Span::raw(value.trim().to_string())],
            ));
        }
    };
    field(Msg::FieldTitle, &card.title);
    field(Msg::Phone, &card.work_phone);
    field(Msg::EmailLabel, &card.email);
    if let Some(org) = &card.organisation {
        let mut text = org.name.clone();
        if !org.work_phone.is_empty() {
            text.push_str(&format!(" · {}", org.work_phone));
        }
        field(Msg::PartOf, &text);
    }
    field(Msg::Note, &card.note);
    if !card.people.is_empty() {
        out.push(heading(
            Msg::People.text(lang),
            Some(card.people.len()),
            lang,
        ));
        let name_w = card
            .people
            .iter()
            .map(|p| width(&p.name))
            .max()
            .unwrap_or(0)
            .min(30);
        for p in &card.people {
            out.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(pad(&p.name, name_w), theme::bold()),
                Span::raw(format!("  {}", p.work_phone)),
            ]));
        }
    }
    out
}

/// "netværk: mentor", "leverandør på forløb 12".
fn link_text(link: &CaseLink, lang: Lang) -> String {
    match link {
        CaseLink::Network { role } if role.trim().is_empty() => {
            Msg::LinkNetwork.text(lang).to_string()
        }
        CaseLink::Network { role } => format!(
            "{}: {}",
            Msg::LinkNetwork.text(lang),
            crate::i18n::label_network_role(role.trim(), lang)
        ),
        CaseLink::Supplier { course } => format!("{} {course}", Msg::LinkSupplier.text(lang)),
        CaseLink::Consultant { course } => {
            format!("{} {course}", Msg::LinkConsultant.text(lang))
        }
    }
}

fn case_lines(card: &ContactCard, selected: usize, lang: Lang) -> Vec<Line<'static>> {
    let mut out = vec![heading(Msg::Cases.text(lang), Some(card.cases.len()), lang)];
    if card.cases.is_empty() {
        out.push(Line::styled(
            Msg::NoCasesForContact.text(lang),
            theme::dim(),
        ));
    }
    let name_w = card
        .cases
        .iter()
        .map(|c| width(&case_name(c, lang)))
        .max()
        .unwrap_or(0)
        .min(30);
    for (i, c) in card.cases.iter().enumerate() {
        let is_selected = i == selected;
        let links: Vec<String> = c.links.iter().map(|l| link_text(l, lang)).collect();
        let text = format!(
            "{}{}  {}",
            if is_selected { "▶ " } else { "  " },
            pad(&case_name(c, lang), name_w),
            links.join(" · ")
        );
        let style = if is_selected {
            theme::selected()
        } else if c.active {
            theme::plain()
        } else {
            theme::dim()
        };
        let mut spans = vec![Span::styled(text, style)];
        if is_selected {
            // The reversed bar runs across the column.
            spans.push(Span::styled(" ".repeat(200), style));
        }
        out.push(Line::from(spans));
    }
    out
}

/// The case's name, "(lukket)" after a closed one.
fn case_name(c: &ContactCase, lang: Lang) -> String {
    if c.active {
        c.name.clone()
    } else {
        format!("{} ({})", c.name, Msg::ClosedWord.text(lang))
    }
}
