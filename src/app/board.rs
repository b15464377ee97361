//! The caseload board screen: its state, its keys and what the app loop loads for it.

use super::core::action::Named;
use super::core::clicks::Target;
use super::core::effect::Effect;
use super::core::status::{error, info, warn};
use super::model::{Model, Screen};
use super::prompt::{self, PromptKind};
use crate::config::{BoardView, is_view_name};
use crate::i18n::{Lang, Msg};
use crate::keymap::KeyPress;
use crate::model::CaseId;
use crate::query::board::{BoardRow, Column, order};
use crate::query::board_filter::{BoardFilter, FilterError};
use crate::query::board_sheet;
use chrono::NaiveDate;
use ratatui::crossterm::event::KeyCode;
use std::cell::Cell;
use std::path::PathBuf;

/// The rows of the board on screen until the first draw says how many fit: fewer than fit on
/// the smallest (80×24) screen.
pub const SCROLL_ROWS: usize = 16;

/// The board's state: every row as loaded, and the rows shown under the sort and filter. The
/// rows stay in the order they came in; sorting and filtering only order and pick indexes.
#[derive(Debug, Clone, PartialEq)]
pub struct Board {
    /// `None` until the first load arrives.
    pub rows: Option<Vec<BoardRow>>,
    /// Indexes into `rows` of the rows shown, in order.
    pub shown: Vec<usize>,
    pub sort: Column,
    pub reverse: bool,
    pub overdue_only: bool,
    /// The filter line as typed, and parsed.
    pub filter_text: String,
    pub filter: BoardFilter,
    /// Index into `shown`.
    pub selected: usize,
    /// The first shown row on screen; the view moves it further when needed to keep the
    /// selection visible.
    pub offset: usize,
    pub today: NaiveDate,
    /// The rows the last draw had room for, set by the view: the selection scrolls and pages
    /// by the real height of the screen.
    pub view_rows: Cell<usize>,
    /// The saved view recalled, until the sort or the filter changes.
    pub view_name: Option<String>,
}

impl Board {
    fn new(today: NaiveDate) -> Board {
        Board {
            rows: None,
            shown: Vec::new(),
            sort: Column::Name,
            reverse: false,
            overdue_only: false,
            filter_text: String::new(),
            filter: BoardFilter::default(),
            selected: 0,
            offset: 0,
            today,
            view_rows: Cell::new(SCROLL_ROWS),
            view_name: None,
        }
    }

    /// The rows shown, in order.
    pub fn visible(&self) -> impl Iterator<Item = &BoardRow> {
        self.page_of(0, self.shown.len()).map(|(_, row)| row)
    }

    /// The shown rows from `first` on, at most `count` of them, each with its place among the
    /// shown rows: what a screen of `count` lines draws, whatever the caseload.
    pub fn page_of(&self, first: usize, count: usize) -> impl Iterator<Item = (usize, &BoardRow)> {
        let rows = self.rows.as_deref().unwrap_or(&[]);
        let first = first.min(self.shown.len());
        let last = first.saturating_add(count).min(self.shown.len());
        (first..last)
            .zip(&self.shown[first..last])
            .filter_map(|(at, &i)| Some((at, rows.get(i)?)))
    }

    pub fn total(&self) -> usize {
        self.rows.as_ref().map_or(0, Vec::len)
    }

    pub fn selected_row(&self) -> Option<&BoardRow> {
        let i = *self.shown.get(self.selected)?;
        self.rows.as_ref()?.get(i)
    }

    /// Sorts, filters and keeps the selection on the same case when it is still shown.
    fn refresh(&mut self) {
        let keep = self.selected_row().map(|r| r.case);
        let today = self.today;
        let Some(rows) = self.rows.as_ref() else {
            return;
        };
        self.shown = order(rows, self.sort, self.reverse)
            .into_iter()
            .filter(|&i| {
                let row = &rows[i];
                (!self.overdue_only || row.is_overdue(today)) && self.filter.matches(row)
            })
            .collect();
        self.selected = keep
            .and_then(|case| self.position(case))
            .unwrap_or(0)
            .min(self.shown.len().saturating_sub(1));
        self.keep_visible();
    }

    fn position(&self, case: CaseId) -> Option<usize> {
        let rows = self.rows.as_ref()?;
        self.shown.iter().position(|&i| rows[i].case == case)
    }

    fn select(&mut self, delta: i64) {
        let last = self.shown.len().saturating_sub(1) as i64;
        self.selected = (self.selected as i64 + delta).clamp(0, last) as usize;
        self.keep_visible();
    }

    /// The rows on screen: what the last draw had room for.
    fn page(&self) -> usize {
        self.view_rows.get().max(1)
    }

    /// Moves the offset so the selection stays on screen.
    fn keep_visible(&mut self) {
        let page = self.page();
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + page {
            self.offset = self.selected + 1 - page;
        }
    }

    /// The sort and filter as a view to save.
    fn as_view(&self) -> BoardView {
        BoardView {
            filter: self.filter_text.clone(),
            sort: self.sort.key().to_owned(),
            reverse: self.reverse,
            overdue_only: self.overdue_only,
        }
    }

    /// Shows a saved view (checked when the configuration was read).
    fn show_view(&mut self, name: &str, view: &BoardView) {
        self.filter = BoardFilter::parse(&view.filter).unwrap_or_default();
        self.filter_text = view.filter.trim().to_owned();
        self.sort = Column::from_key(&view.sort).unwrap_or(Column::Name);
        self.reverse = view.reverse;
        self.overdue_only = view.overdue_only;
        self.view_name = Some(name.to_owned());
        self.refresh();
        self.go_to_top();
    }

    /// A new order starts at the top: the first row selected and on screen.
    fn go_to_top(&mut self) {
        self.selected = 0;
        self.offset = 0;
    }
}

/// A click selects a row.
pub fn click(model: &mut Model, target: Target) -> Vec<Effect> {
    if let (Some(board), Target::Row(index)) = (model.board.as_mut(), target) {
        board.select(index as i64 - board.selected as i64);
    }
    vec![]
}

/// `g b`: the board, keeping its sort and filter if it was open before.
pub fn open(model: &mut Model) -> Vec<Effect> {
    let today = model.today();
    model
        .board
        .get_or_insert_with(|| Box::new(Board::new(today)));
    model.screen = Screen::Board;
    vec![Effect::LoadBoard { now: model.now }]
}

/// Keys of the board screen.
pub fn on_key(model: &mut Model, named: Named) -> Vec<Effect> {
    let lang = model.lang;
    let views = &model.settings.board_views;
    let Some(board) = model.board.as_mut() else {
        model.screen = Screen::Calendar;
        return super::calendar::load_window(model);
    };
    if named == Named::BoardView {
        let number = view_number(model.last_key, board.view_name.as_deref(), views);
        match number.and_then(|n| views.get(n - 1).map(|v| (n, v))) {
            Some((number, (name, view))) => {
                board.show_view(name, view);
                model.status = Some(info(&format!(
                    "{} {number}: {name}",
                    capitalised(Msg::BoardViewWord.text(lang))
                )));
            }
            None => model.status = Some(warn(Msg::BoardViewNone.text(lang))),
        }
        return vec![];
    }
    if matches!(
        named,
        Named::BoardSortNext | Named::BoardSortReverse | Named::BoardOverdueOnly
    ) {
        board.view_name = None;
    }
    match named {
        Named::SelectNext => board.select(1),
        Named::SelectPrev => board.select(-1),
        Named::PageDown => board.select(i64::try_from(board.page()).unwrap_or(i64::MAX)),
        Named::PageUp => board.select(-i64::try_from(board.page()).unwrap_or(i64::MAX)),
        Named::BoardSortNext => {
            board.sort = board.sort.next();
            board.reverse = false;
            board.refresh();
            board.go_to_top();
        }
        Named::BoardSortReverse => {
            board.reverse = !board.reverse;
            board.refresh();
            board.go_to_top();
        }
        Named::BoardOverdueOnly => {
            board.overdue_only = !board.overdue_only;
            board.refresh();
        }
        Named::BoardFilter => {
            let text = board.filter_text.clone();
            return prompt::open(model, PromptKind::BoardFilter, &text);
        }
        Named::BoardSaveView => {
            let name = board.view_name.clone().unwrap_or_default();
            return prompt::open(model, PromptKind::BoardViewName, &name);
        }
        Named::BoardExport => {
            let filter = Some(board.filter_text.as_str()).filter(|f| !f.is_empty());
            let rows: Vec<BoardRow> = board.visible().cloned().collect();
            let markdown = board_sheet::markdown(&rows, board.today, lang, filter);
            return vec![Effect::ExportBoard {
                markdown,
                today: board.today,
            }];
        }
        Named::Submit => {
            if let Some(case) = board.selected_row().map(|r| r.case) {
                return vec![super::lookup::card::load(model, case)];
            }
        }
        Named::CloseCard => return super::navigation::close_list(model),
        _ => {}
    }
    vec![]
}

/// The filter prompt's answer: applied, or what is wrong with it.
pub fn answer_filter(model: &mut Model, text: &str) -> Result<Vec<Effect>, String> {
    let filter = BoardFilter::parse(text).map_err(|e| filter_error(&e, model.lang))?;
    if let Some(board) = model.board.as_mut() {
        board.filter = filter;
        board.filter_text = text.trim().to_string();
        board.view_name = None;
        board.refresh();
    }
    Ok(vec![])
}

/// The name prompt's answer: the board's view goes into the configuration file under it.
pub fn answer_view_name(model: &mut Model, text: &str) -> Result<Vec<Effect>, String> {
    let name = text.trim();
    if !is_view_name(name) {
        return Err(Msg::BoardViewBadName.text(model.lang).to_owned());
    }
    let Some(board) = model.board.as_ref() else {
        return Ok(vec![]);
    };
    Ok(vec![Effect::SaveBoardView {
        name: name.to_owned(),
        view: board.as_view(),
    }])
}

/// The view was written (every saved view as the file now says), or could not be (why).
pub fn view_saved(
    model: &mut Model,
    name: String,
    result: Result<Vec<(String, BoardView)>, String>,
) -> Vec<Effect> {
    let lang = model.lang;
    match result {
        Ok(views) => {
            let number = views
                .iter()
                .position(|(n, _)| *n == name)
                .map_or(0, |i| i + 1);
            model.settings.board_views = views;
            if let Some(board) = model.board.as_mut() {
                board.view_name = Some(name.clone());
            }
            model.status = Some(info(&format!(
                "{} {name} ({number})",
                Msg::BoardViewSaved.text(lang)
            )));
        }
        Err(e) => {
            model.status = Some(error(format!("{} {e}", Msg::BoardViewNotSaved.text(lang))));
        }
    }
    vec![]
}

/// Which saved view (from 1) a key shows: a digit its number, another key the one after the
/// view shown (the first when none is).
fn view_number(
    key: Option<KeyPress>,
    shown: Option<&str>,
    views: &[(String, BoardView)],
) -> Option<usize> {
    let digit = key.and_then(|k| match k.code {
        KeyCode::Char(c) => c.to_digit(10),
        _ => None,
    });
    match digit {
        Some(d) => usize::try_from(d).ok().filter(|d| *d >= 1),
        None if views.is_empty() => None,
        None => {
            let at = shown.and_then(|name| views.iter().position(|(n, _)| n == name));
            Some(at.map_or(1, |i| (i + 1) % views.len() + 1))
        }
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn filter_error(error: &FilterError, lang: Lang) -> String {
    let (msg, what) = match error {
        FilterError::UnknownKey(key) => (Msg::BoardFilterUnknownKey, format!("{key}:")),
        FilterError::UnknownFlag(flag) => (Msg::BoardFilterUnknownFlag, flag.clone()),
        FilterError::Empty(key) => (Msg::BoardFilterEmpty, format!("{key}:")),
    };
    format!("\"{what}\": {}", msg.text(lang))
}

/// The rows arrived: sort and filter them as the board is set.
pub fn loaded(model: &mut Model, rows: Vec<BoardRow>) -> Vec<Effect> {
    if let Some(board) = model.board.as_mut() {
        board.rows = Some(rows);
        board.today = model.now.date();
        board.refresh();
    }
    vec![]
}

/// The review sheet was written (where), or could not be (why).
pub fn exported(model: &mut Model, result: Result<PathBuf, String>) -> Vec<Effect> {
    let lang = model.lang;
    model.status = Some(match result {
        Ok(path) => info(&format!(
            "{} {}",
            Msg::BoardExported.text(lang),
            path.display()
        )),
        Err(e) => error(format!("{} {e}", Msg::BoardExportFailed.text(lang))),
    });
    vec![]
}
