//! Views: they draw the model and never change it, and compute no domain rule: what a rule
//! says (warnings, holidays, late reports, where a request stands) is worked out by `update`
//! when the data arrives or changes and kept in the model, and views only read it. A test
//! below keeps it so: views may name the domain's types, never its functions.
//!
//! `draw` lays out the header, the body (the day or week view, or the first-run text), the
//! status line and any popup over them; a terminal smaller than 80×24 gets a message instead.

mod axis;
mod block;
mod board;
mod card;
mod chrome;
mod citizen;
mod column;
mod contact_card;
mod day;
mod detail;
pub mod field_row;
mod pane;
mod plan;
mod popups;
mod requests;
mod suppliers;
mod text;
pub mod theme;
mod timeline;
mod today;
mod week;
pub mod workload;

use crate::app::model::{Model, Screen, View};
use crate::i18n::Msg;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

/// The smallest terminal the planner draws in.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame<'_>, model: &Model) {
    model.clicks.clear();
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(model, area, frame.buffer_mut());
        return;
    }
    let header = Rect::new(area.x, area.y, area.width, 1);
    let body = Rect::new(area.x, area.y + 1, area.width, area.height - 2);
    let status = Rect::new(area.x, area.y + area.height - 1, area.width, 1);
    let buf = frame.buffer_mut();
    if model.privacy {
        privacy(model, area, buf);
        return;
    }
    // The citizen view takes the whole screen: no header, status line or popup of the caseload.
    if let Screen::Citizen(view) = &model.screen {
        citizen::draw(model.lang, view, area, buf);
        return;
    }
    chrome::header(model, header, buf);
    if model.first_run {
        first_run(model, body, buf);
    } else {
        match (&model.screen, model.view) {
            (Screen::Card { card, scroll }, _) => card::draw(model, card, *scroll, body, buf),
            (Screen::ContactCard { card, selected }, _) => {
                contact_card::draw(model, card, *selected, body, buf)
            }
            (Screen::Suppliers(state), _) => suppliers::draw(model, state, body, buf),
            (Screen::Requests { rows, selected }, _) => {
                requests::draw(model, rows, *selected, body, buf)
            }
            (Screen::Board, _) => {
                if let Some(b) = &model.board {
                    board::draw(model, b, body, buf)
                }
            }
            (Screen::Calendar, View::Day) => day::draw(model, body, buf),
            (Screen::Calendar, View::Week) => week::draw(model, body, buf),
            (Screen::Today(screen), _) => today::draw(model, screen, body, buf),
            // Drawn above, over the whole screen.
            (Screen::Citizen(_), _) => {}
        }
    }
    chrome::status(model, status, buf);
    if model.popup.is_some() {
        // A click goes to the popup on top, never to the screen under it.
        model.clicks.clear();
    }
    popups::draw(frame, model, body);
}

/// Nothing but how to show the screen again: no name, no time, no detail.
fn privacy(model: &Model, area: Rect, buf: &mut Buffer) {
    let text = Msg::PrivacyOn.text(model.lang);
    let y = area.y + area.height / 2;
    Paragraph::new(Line::styled(text, theme::dim()))
        .centered()
        .render(Rect::new(area.x, y, area.width, 1), buf);
}

/// "Terminal too small: 80×24 needed, this is 60×20".
fn too_small(model: &Model, area: Rect, buf: &mut Buffer) {
    let lang = model.lang;
    let text = format!(
        "{}: {MIN_WIDTH}×{MIN_HEIGHT} {}, {} {}×{}.",
        Msg::TooSmall.text(lang),
        Msg::SizeNeeded.text(lang),
        Msg::SizeNow.text(lang),
        area.width,
        area.height
    );
    let lines = (text.chars().count() as u16).div_ceil(area.width.max(1)) + 1;
    let y = area.y + area.height.saturating_sub(lines) / 2;
    Paragraph::new(Line::styled(text, theme::warning()))
        .centered()
        .wrap(Wrap { trim: true })
        .render(
            Rect::new(area.x, y, area.width, area.height - (y - area.y)),
            buf,
        );
}

/// How to begin when the database holds no case.
fn first_run(model: &Model, area: Rect, buf: &mut Buffer) {
    let inner = text::centered(area, 64, 7);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme::dim())
        .title(Line::styled(" caseplan ", theme::title()));
    let text_area = block.inner(inner);
    block.render(inner, buf);
    Paragraph::new(Msg::FirstRun.text(model.lang))
        .wrap(Wrap { trim: true })
        .render(
            Rect {
                x: text_area.x + 1,
                width: text_area.width.saturating_sub(2),
                ..text_area
            },
            buf,
        );
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    /// What a `crate::domain::…` path in `code` brings in: the last names of the path, or of
    /// each item of a `{…}` list (a module brought in by itself, or as `self`, counts too).
    fn domain_names(code: &str) -> Vec<String> {
        let mut names = Vec::new();
        for (at, _) in code.match_indices("domain::") {
            let rest = &code[at + "domain::".len()..];
            let end = rest
                .find([';', '(', ')', ' ', '\n', '<', '='])
                .unwrap_or(rest.len());
            let path = &rest[..end];
            let path = match rest[..].find('{') {
                Some(open) if open <= end => {
                    let close = rest[open..].find('}').map_or(rest.len(), |c| open + c);
                    &rest[open + 1..close]
                }
                _ => path,
            };
            for item in path.split(',') {
                let name = item.trim().rsplit("::").next().unwrap_or("").trim();
                let name = name.split(" as ").next().unwrap_or(name).trim();
                if !name.is_empty() {
                    names.push(name.to_string());
                }
            }
        }
        names
    }

    #[test]
    fn domain_names_reads_single_names_lists_and_modules() {
        let code =
            "use crate::domain::a::{B, c};\nuse crate::domain::d;\nlet x = crate::domain::e::f(1);";
        assert_eq!(domain_names(code), ["B", "c", "d", "f"]);
    }

    /// Views name the domain's types (an occurrence, a warning, a due list) and call none of
    /// its functions: every name they take from `crate::domain` is a type.
    #[test]
    fn views_call_no_domain_rule() {
        let mut files = Vec::new();
        sources(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui"),
            &mut files,
        );
        let mut named = 0;
        for path in &files {
            let source = std::fs::read_to_string(path).unwrap();
            // Tests may build what they draw with the domain's functions.
            let code = source.split("#[cfg(test)]").next().unwrap_or_default();
            let code: String = code
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            for name in domain_names(&code) {
                named += 1;
                assert!(
                    name.starts_with(|c: char| c.is_ascii_uppercase()),
                    "{}: a view calls the domain's `{name}`; work it out in update and keep it \
                     in the model",
                    path.display()
                );
            }
        }
        assert!(files.len() > 20, "read {} files of src/ui", files.len());
        assert!(named > 5, "found only {named} names from the domain");
    }
}
