//! Moving between screens. The calendar and Today are home screens: `q` there quits. The
//! supplier overview, the open requests and the board are list screens: `q` goes home. A card
//! goes back to the screen it was opened from.

use super::core::action::Named;
use super::core::effect::Effect;
use super::model::{Model, Screen};
use super::{board, calendar, requests, suppliers, today};

/// The home screen `q` returns to from a list screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Home {
    Calendar,
    Today,
}

/// A screen that lists cases across the caseload; cards opened from it come back to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListScreen {
    Suppliers,
    Requests,
    Board,
}

/// The screen-switching actions, from any screen (bound in the global layer).
pub fn switch(model: &mut Model, named: Named) -> Option<Vec<Effect>> {
    let effects = match named {
        Named::GoCalendar => go_home(model, Home::Calendar),
        Named::OpenToday => go_home(model, Home::Today),
        Named::SupplierOverview => open_list(model, ListScreen::Suppliers),
        Named::OpenRequests => open_list(model, ListScreen::Requests),
        Named::OpenBoard => open_list(model, ListScreen::Board),
        _ => return None,
    };
    Some(effects)
}

/// Shows a home screen and forgets the list screen a card would go back to.
pub fn go_home(model: &mut Model, home: Home) -> Vec<Effect> {
    model.popup = None;
    model.list = None;
    model.home = home;
    match home {
        Home::Calendar => {
            model.screen = Screen::Calendar;
            model.day = model.today();
            calendar::load_window(model)
        }
        Home::Today => today::open(model),
    }
}

fn open_list(model: &mut Model, list: ListScreen) -> Vec<Effect> {
    model.popup = None;
    model.list = Some(list);
    match list {
        ListScreen::Suppliers => suppliers::open(model),
        ListScreen::Requests => requests::list::open(model),
        ListScreen::Board => board::open(model),
    }
}

/// `q` on a list screen: home.
pub fn close_list(model: &mut Model) -> Vec<Effect> {
    if model.list == Some(ListScreen::Board) {
        model.board = None;
    }
    let home = model.home;
    go_home(model, home)
}

/// `q` on a case or contact card: the list screen it was opened from, else home.
pub fn close_card(model: &mut Model) -> Vec<Effect> {
    match model.list {
        Some(list) => open_list(model, list),
        None => {
            let home = model.home;
            go_home(model, home)
        }
    }
}
