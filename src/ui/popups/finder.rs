//! The finder: a query line and the results best first, each saying what kind of thing it is,
//! with the matched letters of the name bold and underlined.

use super::{frame, row};
use crate::app::core::action::Named;
use crate::app::core::clicks::Target;
use crate::app::forms::text_of;
use crate::app::lookup::finder::Finder;
use crate::app::model::Model;
use crate::i18n::Msg;
use crate::keymap::Layer;
use crate::search::Hit;
use crate::ui::text::{centered, fit, pad, width};
use crate::ui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// The widest the kind column gets ("Socialforvaltning").
const KIND_MAX: usize = 17;
/// The widest the name column gets.
const TITLE_MAX: usize = 26;

pub fn draw(model: &Model, finder: &Finder, body: Rect, buf: &mut Buffer) {
    let lang = model.lang;
    let area = centered(body, 96, body.height);
    let inner = frame(area, Msg::ActSearch.text(lang), buf);
    let w = usize::from(inner.width);

    let input = row(inner, 0);
    buf.set_string(input.x, input.y, "/", theme::key());
    let closed_note = Msg::FinderClosedIncluded.text(lang);
    let note_w = if finder.include_closed {
        width(closed_note) as u16 + 1
    } else {
        0
    };
    (&finder.input).render(
        Rect {
            x: input.x + 2,
            width: input.width.saturating_sub(2 + note_w),
            ..input
        },
        buf,
    );
    if finder.include_closed && note_w < input.width {
        buf.set_string(
            input.x + input.width - note_w + 1,
            input.y,
            closed_note,
            theme::bold(),
        );
    }

    let list = Rect {
        y: inner.y + 2,
        height: inner.height.saturating_sub(3),
        ..inner
    };
    let query = text_of(&finder.input);
    if model.search.is_none() {
        message(list, &[Msg::StillLoading.text(lang)], buf);
    } else if query.trim().is_empty() {
        message(
            list,
            &[
                Msg::FinderHint.text(lang),
                Msg::FinderLettersHint.text(lang),
            ],
            buf,
        );
    } else if finder.hits.is_empty() {
        message(list, &[Msg::FinderNoHits.text(lang)], buf);
    } else {
        hits(model, finder, list, buf);
    }

    let footer = row(inner, inner.height.saturating_sub(1));
    let template = if finder.include_closed {
        Msg::FinderFooterHideClosed
    } else {
        Msg::FinderFooterShowClosed
    };
    let key = model
        .keymap
        .keys_in(Layer::Finder, Named::ToggleClosed)
        .into_iter()
        .next()
        .unwrap_or_else(|| "ctrl-o".to_string());
    let text = template.text(lang).replace("{key}", &key);
    buf.set_string(footer.x, footer.y, fit(&text, w), theme::dim());
}

fn message(area: Rect, lines: &[&str], buf: &mut Buffer) {
    for (i, text) in lines.iter().enumerate() {
        let r = row(area, i as u16);
        buf.set_string(r.x, r.y, fit(text, usize::from(r.width)), theme::dim());
    }
}

/// One row per hit: marker, kind, name with the matched letters marked, detail.
fn hits(model: &Model, finder: &Finder, area: Rect, buf: &mut Buffer) {
    let lang = model.lang;
    let w = usize::from(area.width);
    let rows = usize::from(area.height);
    let kind_w = finder
        .hits
        .iter()
        .map(|h| width(h.kind.label(lang)))
        .max()
        .unwrap_or(0)
        .min(KIND_MAX);
    let title_w = finder
        .hits
        .iter()
        .map(|h| width(&h.title))
        .max()
        .unwrap_or(0)
        .min(TITLE_MAX);
    let selected = finder.selected.min(finder.hits.len().saturating_sub(1));
    let first = selected.saturating_sub(rows.saturating_sub(1));
    for (i, hit) in finder.hits.iter().enumerate().skip(first).take(rows) {
        let r = row(area, (i - first) as u16);
        model.clicks.add(r, Target::Row(i));
        let is_selected = i == selected;
        let base = if is_selected {
            theme::selected()
        } else {
            theme::plain()
        };
        let marker = if is_selected { "▶ " } else { "  " };
        let mut spans = vec![
            Span::styled(marker, base),
            Span::styled(format!("{} ", pad(hit.kind.label(lang), kind_w)), base),
        ];
        spans.extend(title_spans(hit, title_w, base));
        spans.push(Span::styled(" ", base));
        let used = 2 + kind_w + 1 + title_w + 1;
        let detail_style = if is_selected { base } else { theme::dim() };
        spans.push(Span::styled(
            pad(&hit.detail, w.saturating_sub(used)),
            detail_style,
        ));
        buf.set_line(r.x, r.y, &Line::from(spans), r.width);
    }
}

/// The title padded to `w` columns, the matched characters bold and underlined.
fn title_spans(hit: &Hit, w: usize, base: Style) -> Vec<Span<'static>> {
    let shown = pad(&hit.title, w);
    let cut = shown.trim_end().ends_with('…');
    let marked = base.add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_marked = false;
    for (i, c) in shown.chars().enumerate() {
        // A cut title keeps its indices up to the ellipsis.
        let is_marked = hit.matched.contains(&i) && !(cut && c == '…');
        if is_marked != run_marked && !run.is_empty() {
            let style = if run_marked { marked } else { base };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_marked = is_marked;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_marked { marked } else { base }));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CaseId;
    use crate::search::{HitKind, Target};

    fn hit(title: &str, matched: Vec<usize>) -> Hit {
        Hit {
            target: Target::Case(CaseId(1)),
            kind: HitKind::Case,
            title: title.into(),
            detail: String::new(),
            score: 0,
            exact: true,
            matched,
        }
    }

    #[test]
    fn matched_letters_are_bold_and_underlined_not_only_coloured() {
        let spans = title_spans(&hit("Søren Ø", vec![0, 1, 6]), 10, theme::plain());
        let texts: Vec<&str> = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(texts, vec!["Sø", "ren ", "Ø", "   "]);
        let marked = spans[0].style.add_modifier;
        assert!(marked.contains(Modifier::BOLD | Modifier::UNDERLINED));
        assert!(!spans[1].style.add_modifier.contains(Modifier::UNDERLINED));
    }
}
