//! What a key can ask for. Keymap files name actions by their snake_case name.

use super::effect::Loaded;
use super::history::Step;
use crate::i18n::Lang;
use ratatui::crossterm::event::KeyEvent;

macro_rules! named_actions {
    ($($variant:ident = $name:literal,)*) => {
        /// An action a keymap binds to a key.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Named {
            $($variant,)*
        }

        impl Named {
            /// Every action, in the order the palette lists them.
            pub const ALL: &'static [Named] = &[$(Named::$variant,)*];

            /// The name keymap files use.
            pub const fn name(self) -> &'static str {
                match self {
                    $(Named::$variant => $name,)*
                }
            }

            pub fn from_name(name: &str) -> Option<Named> {
                match name {
                    $($name => Some(Named::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

named_actions! {
    Quit = "quit",
    Help = "help",
    OpenPalette = "open_palette",
    Search = "search",
    ClosePopup = "close_popup",
    PrevDay = "prev_day",
    NextDay = "next_day",
    SelectNext = "select_next",
    SelectPrev = "select_prev",
    PrevWeek = "prev_week",
    NextWeek = "next_week",
    GoToday = "go_today",
    GoToDate = "go_to_date",
    MonthOverview = "month_overview",
    ToggleWeek = "toggle_week",
    NewMeeting = "new_meeting",
    QuickAdd = "quick_add",
    EditMeeting = "edit_meeting",
    Undo = "undo",
    Redo = "redo",
    DeleteMeeting = "delete_meeting",
    MoveEarlier = "move_earlier",
    MoveLater = "move_later",
    MoveTomorrow = "move_tomorrow",
    MoveToDate = "move_to_date",
    ExtendMeeting = "extend_meeting",
    ShortenMeeting = "shorten_meeting",
    ConvertToPhone = "convert_to_phone",
    ConvertToHomeVisit = "convert_to_home_visit",
    SetStatusHeld = "set_status_held",
    SetStatusCancelledByCitizen = "set_status_cancelled_by_citizen",
    SetStatusNoShow = "set_status_no_show",
    SetStatusCancelled = "set_status_cancelled",
    BookFollowUp = "book_follow_up",
    FindFreeSlot = "find_free_slot",
    SkipWeek = "skip_week",
    NextField = "next_field",
    PrevField = "prev_field",
    Submit = "submit",
    ScrollDown = "scroll_down",
    ScrollUp = "scroll_up",
    PageDown = "page_down",
    PageUp = "page_up",
    ConfirmYes = "confirm_yes",
    ConfirmNo = "confirm_no",
    TogglePrivacy = "toggle_privacy",
    ToggleClosed = "toggle_closed",
    LogContact = "log_contact",
    AddNote = "add_note",
    AddAgreement = "add_agreement",
    BookMeeting = "book_meeting",
    CloseCard = "close_card",
    NewCase = "new_case",
    EditCase = "edit_case",
    NewContact = "new_contact",
    EditContact = "edit_contact",
    OpenItems = "open_items",
    // Shared by courses' reports and medical requests (the items popup).
    MarkReceived = "mark_received",
    LogChase = "log_chase",
    EditItem = "edit_item",
    BookFromItem = "book_from_item",
    // Courses and supplier reports (#6).
    NewCourse = "new_course",
    MarkReportRead = "mark_report_read",
    AskInterimReport = "ask_interim_report",
    ExtendCourse = "extend_course",
    CompleteCourse = "complete_course",
    InterruptCourse = "interrupt_course",
    ChangeConsultant = "change_consultant",
    ChangeSupplier = "change_supplier",
    NextReport = "next_report",
    PrevReport = "prev_report",

    // Supplier overview (#6).
    SupplierOverview = "supplier_overview",
    PlanSupplierVisit = "plan_supplier_visit",
    ToggleVisitCitizen = "toggle_visit_citizen",

    // Medical requests (#7).
    NewRequest = "new_medical_request",
    MarkActedOn = "mark_acted_on",
    WithdrawRequest = "withdraw_request",
    OpenRequests = "open_requests",

    // Today, cadence and the caseload board (#8).
    OpenBoard = "open_board",
    BoardSortNext = "board_sort_next",
    BoardSortReverse = "board_sort_reverse",
    BoardOverdueOnly = "board_overdue_only",
    BoardFilter = "board_filter",
    BoardExport = "board_export",
    OpenToday = "open_today",
    GoCalendar = "go_calendar",
    MarkDone = "mark_done",
    Snooze = "snooze",

}

impl Named {
    /// The action's description in the interface language. Danish comes from the catalogue;
    /// in English the keymap file's own description is used, so a user's wording shows.
    pub fn describe(self, lang: Lang, keymap_desc: &str) -> String {
        match (lang, crate::i18n::action_msg(self.name())) {
            (Lang::Da, Some(msg)) => msg.text(lang).to_string(),
            _ => keymap_desc.to_string(),
        }
    }

    /// The names, for validating keymap files.
    pub fn names() -> Vec<&'static str> {
        Named::ALL.iter().map(|a| a.name()).collect()
    }
}

/// Everything `update` reacts to.
#[derive(Debug, Clone)]
pub enum Action {
    /// A bound action.
    Run(Named),
    /// A key no binding took, for the text field of the open popup.
    Type(KeyEvent),
    /// The clock moved on (redraws the now-line).
    Tick(chrono::NaiveDateTime),
    /// The app loop loaded what an effect asked for.
    Loaded(Loaded),
    /// The app loop wrote (and flushed) a step, or could not.
    Written {
        kind: WriteKind,
        result: Result<(), String>,
    },
    /// A fresh record id from the store, for the next record update creates.
    Id(u64),
}

/// Which kind of write finished.
#[derive(Debug, Clone, PartialEq)]
pub enum WriteKind {
    New(Step),
    Undo,
    Redo,
}
