//! What the screen shows: the state `update` changes and views draw. This and `popup.rs` are
//! where the features meet: each screen's and popup's state is a feature's own type.

use super::core::action::Named;
use super::core::effect::{Effect, Summons};
use super::core::history::History;
use super::core::settings::Settings;
use super::core::status::{Status, info};
use super::forms::meeting::MeetingEditor;
use super::popup::Popup;
use crate::i18n::{Lang, Msg};
use crate::keymap::{Keymap, Pending};
use crate::model::{CaseId, Meeting, MeetingId};
use crate::query::card::{Card, ContactCard};
use crate::query::directory::Directory;
use crate::query::window::Window;
use crate::search::SearchIndex;
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use std::rc::Rc;

/// The screen under any popup.
pub enum Screen {
    Calendar,
    /// Everything about one case during a call; `scroll` is the first line shown.
    Card {
        card: Box<Card>,
        scroll: u16,
    },
    /// A contact and the cases it is part of; `selected` indexes `card.cases`.
    ContactCard {
        card: Box<ContactCard>,
        selected: usize,
    },
    /// Suppliers with running courses and their citizens (#6).
    Suppliers(Box<super::suppliers::Suppliers>),
    /// Open medical requests across the caseload by next action date (#7).
    Requests {
        rows: Vec<crate::query::requests::RequestRow>,
        selected: usize,
    },
    /// The caseload board; its state is `Model::board`.
    Board,
    /// The Today list beside today's meetings.
    Today(Box<super::today::TodayScreen>),
    /// What the citizen of a case may see, and nothing else (#17).
    Citizen(Box<crate::query::citizen::CitizenView>),
}

/// The calendar's two views.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Day,
    Week,
}

/// The selected occurrence: a meeting, and for repeating blocks, which day's occurrence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    pub meeting: MeetingId,
    pub start: NaiveDateTime,
}

/// The whole state of the interactive planner.
pub struct Model {
    pub lang: Lang,
    pub screen: Screen,
    /// The finder's index, built the first time `/` is pressed and dropped when a write
    /// changes what it holds.
    pub search: Option<Rc<SearchIndex>>,
    /// Every name and detail blanked (screen sharing, a visitor at the desk).
    pub privacy: bool,
    pub settings: Settings,
    /// Local wall-clock time now.
    pub now: NaiveDateTime,
    pub view: View,
    /// The focused day; the week view shows its week.
    pub day: NaiveDate,
    pub window: Window,
    pub selected: Option<Selection>,
    pub popup: Option<Popup>,
    /// Keys typed so far of a sequence ("g"), with what may follow, for the which-key line.
    pub pending: Option<PendingKeys>,
    /// The keymap's state of a sequence being typed.
    pub key_state: Pending,
    /// The key that completed the last bound action, for an action that depends on which
    /// of its keys was pressed (`board_view`: the digit).
    pub last_key: Option<crate::keymap::KeyPress>,
    pub status: Option<Status>,
    pub history: History,
    pub directory: Option<Directory>,
    /// The database holds no case: show how to begin instead of a blank frame.
    pub first_run: bool,
    pub demo: bool,
    pub quit: bool,
    /// An id the store handed out for the next new record (update does no IO).
    pub reserved_id: Option<u64>,
    /// The home screen (calendar or Today) that `q` on a list screen returns to.
    pub home: super::navigation::Home,
    /// The list screen open, or the one the open card was reached from.
    pub list: Option<super::navigation::ListScreen>,
    /// The live keymap: help, palette and the which-key line are built from it.
    pub keymap: Rc<Keymap<Named>>,
    /// The caseload board, kept while a case card opened from it is shown.
    pub board: Option<Box<super::board::Board>>,
    /// The workload gauge of this week and the next, loaded with the week view. Kept until a
    /// write or a new day, so moving between days does not compute it again.
    pub workload: Option<crate::query::workload::Workload>,
    /// Citizens to summon by `until` (the shown week's Sunday) to stay on time, kept like
    /// `workload`.
    pub summons: Option<Summons>,
    /// Today's planned meetings, for the next-meeting line (`next_meeting.rs`).
    pub upcoming: Vec<crate::domain::next_meeting::Upcoming>,
    /// The next of them as of `now`: the status line shows it on every screen.
    pub next_meeting: Option<crate::domain::next_meeting::NextMeeting>,
    /// How far the day's backup, written beside the planner, has come; `None` once it ended.
    pub backup: Option<crate::store::Progress>,
    /// Where the last frame drew what a click can pick (`[ui] mouse`).
    pub clicks: super::core::clicks::ClickAreas,
}

/// A pending key sequence and its continuations (key, description).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingKeys {
    pub typed: String,
    pub next: Vec<(String, String)>,
}

impl Model {
    pub fn new(
        lang: Lang,
        settings: Settings,
        now: NaiveDateTime,
        keymap: Rc<Keymap<Named>>,
    ) -> Model {
        Model {
            lang,
            screen: Screen::Calendar,
            search: None,
            privacy: false,
            settings,
            now,
            view: View::Day,
            day: now.date(),
            window: Window::default(),
            selected: None,
            popup: None,
            pending: None,
            key_state: Pending::default(),
            last_key: None,
            status: None,
            history: History::default(),
            directory: None,
            first_run: false,
            demo: false,
            quit: false,
            reserved_id: None,
            keymap,
            home: super::navigation::Home::Calendar,
            list: None,
            board: None,
            workload: None,
            summons: None,
            upcoming: Vec::new(),
            next_meeting: None,
            backup: None,
            clicks: Default::default(),
        }
    }

    pub fn today(&self) -> NaiveDate {
        self.now.date()
    }

    /// The days on screen: the focused day, or its week from Monday.
    pub fn visible_days(&self) -> Vec<NaiveDate> {
        match self.view {
            View::Day => vec![self.day],
            View::Week => {
                let monday =
                    self.day - Duration::days(i64::from(self.day.weekday().num_days_from_monday()));
                monday
                    .iter_days()
                    .take(usize::from(self.settings.week_days))
                    .collect()
            }
        }
    }

    /// The selected meeting and its occurrence start, if it is loaded.
    pub fn selected_meeting(&self) -> Option<(&Meeting, NaiveDateTime)> {
        let sel = self.selected?;
        self.window.meeting(sel.meeting).map(|m| (m, sel.start))
    }

    /// A case's name from the loaded window, the open card or the directory, else its number.
    pub fn case_name(&self, id: CaseId) -> String {
        if let Some(name) = self.window.case_names.get(&id) {
            return name.clone();
        }
        if let Screen::Card { card, .. } = &self.screen
            && card.id == id
        {
            return card.name.clone();
        }
        self.directory
            .as_ref()
            .and_then(|d| d.cases.iter().find(|c| c.id == id))
            .map_or_else(|| format!("#{id}"), |c| c.name.clone())
    }

    /// Loads the pickers' directory unless it is loaded.
    pub fn need_directory(&self) -> Vec<Effect> {
        if self.directory.is_none() {
            vec![Effect::LoadDirectory]
        } else {
            vec![]
        }
    }

    /// Undo or redo the last step: the same on every screen that binds them.
    pub fn undo_redo(&mut self, named: Named) -> Vec<Effect> {
        let effect = match named {
            Named::Undo => self
                .history
                .next_undo()
                .cloned()
                .map(Effect::Undo)
                .ok_or(Msg::NothingToUndo),
            Named::Redo => self
                .history
                .next_redo()
                .cloned()
                .map(Effect::Redo)
                .ok_or(Msg::NothingToRedo),
            _ => return vec![],
        };
        match effect {
            Ok(effect) => vec![effect],
            Err(nothing) => {
                self.status = Some(info(nothing.text(self.lang)));
                vec![]
            }
        }
    }

    pub fn form(&self) -> Option<&MeetingEditor> {
        match &self.popup {
            Some(Popup::Form(form)) => Some(form),
            _ => None,
        }
    }
}
