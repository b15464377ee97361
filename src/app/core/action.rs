//! What a key can ask for. One table names every action: its variant, the name keymap files
//! use, and its help line in the catalogue. The keymap resolves names to actions once, when
//! the files are loaded.

use super::effect::Loaded;
use super::history::Step;
use crate::i18n::{Lang, Msg};
use crate::keymap::ActionName;
use ratatui::crossterm::event::KeyEvent;

macro_rules! named_actions {
    ($($(#[$doc:meta])* $variant:ident = $name:literal => $help:ident,)*) => {
        /// An action a keymap binds to a key.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Named {
            $($(#[$doc])* $variant,)*
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

            /// What the action does, as help, the palette and the which-key line say it.
            pub const fn help(self) -> Msg {
                match self {
                    $(Named::$variant => Msg::$help,)*
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

impl ActionName for Named {
    const ALL: &'static [Named] = Named::ALL;

    fn name(self) -> &'static str {
        Named::name(self)
    }

    fn from_name(name: &str) -> Option<Named> {
        Named::from_name(name)
    }
}

named_actions! {
    Quit = "quit" => ActQuit,
    Help = "help" => ActHelp,
    OpenPalette = "open_palette" => ActOpenPalette,
    Search = "search" => ActSearch,
    ClosePopup = "close_popup" => ActClosePopup,
    PrevDay = "prev_day" => ActPrevDay,
    NextDay = "next_day" => ActNextDay,
    SelectNext = "select_next" => ActSelectNext,
    SelectPrev = "select_prev" => ActSelectPrev,
    PrevWeek = "prev_week" => ActPrevWeek,
    NextWeek = "next_week" => ActNextWeek,
    GoToday = "go_today" => ActGoToday,
    GoToDate = "go_to_date" => ActGoToDate,
    MonthOverview = "month_overview" => ActMonthOverview,
    ToggleWeek = "toggle_week" => ActToggleWeek,
    NewMeeting = "new_meeting" => ActNewMeeting,
    QuickAdd = "quick_add" => ActQuickAdd,
    EditMeeting = "edit_meeting" => ActEditMeeting,
    Undo = "undo" => ActUndo,
    Redo = "redo" => ActRedo,
    DeleteMeeting = "delete_meeting" => ActDeleteMeeting,
    MoveEarlier = "move_earlier" => ActMoveEarlier,
    MoveLater = "move_later" => ActMoveLater,
    MoveTomorrow = "move_tomorrow" => ActMoveTomorrow,
    MoveToDate = "move_to_date" => ActMoveToDate,
    ExtendMeeting = "extend_meeting" => ActExtendMeeting,
    ShortenMeeting = "shorten_meeting" => ActShortenMeeting,
    ConvertToPhone = "convert_to_phone" => ActConvertToPhone,
    ConvertToHomeVisit = "convert_to_home_visit" => ActConvertToHomeVisit,
    SetStatusHeld = "set_status_held" => ActSetStatusHeld,
    SetStatusCancelledByCitizen = "set_status_cancelled_by_citizen" => ActSetStatusCancelledByCitizen,
    SetStatusNoShow = "set_status_no_show" => ActSetStatusNoShow,
    SetStatusCancelled = "set_status_cancelled" => ActSetStatusCancelled,
    BookFollowUp = "book_follow_up" => ActBookFollowUp,
    FindFreeSlot = "find_free_slot" => ActFindFreeSlot,
    SkipWeek = "skip_week" => ActSkipWeek,
    NextField = "next_field" => ActNextField,
    PrevField = "prev_field" => ActPrevField,
    Submit = "submit" => ActSubmit,
    ScrollDown = "scroll_down" => ActScrollDown,
    ScrollUp = "scroll_up" => ActScrollUp,
    PageDown = "page_down" => ActPageDown,
    PageUp = "page_up" => ActPageUp,
    ConfirmYes = "confirm_yes" => ActConfirmYes,
    ConfirmNo = "confirm_no" => ActConfirmNo,
    TogglePrivacy = "toggle_privacy" => ActTogglePrivacy,
    ToggleClosed = "toggle_closed" => ActToggleClosed,
    LogContact = "log_contact" => ActLogContact,
    AddNote = "add_note" => ActAddNote,
    AddAgreement = "add_agreement" => ActAddAgreement,
    BookMeeting = "book_meeting" => ActBookMeeting,
    CloseCard = "close_card" => ActCloseCard,
    NewCase = "new_case" => ActNewCase,
    EditCase = "edit_case" => ActEditCase,
    NewContact = "new_contact" => ActNewContact,
    EditContact = "edit_contact" => ActEditContact,
    OpenItems = "open_items" => ActOpenItems,
    // Shared by courses' reports and medical requests (the items popup).
    MarkReceived = "mark_received" => ActMarkReceived,
    LogChase = "log_chase" => ActLogChase,
    EditItem = "edit_item" => ActEditItem,
    BookFromItem = "book_from_item" => ActBookFromItem,
    // Courses and supplier reports (#6).
    NewCourse = "new_course" => ActNewCourse,
    MarkReportRead = "mark_report_read" => ActMarkReportRead,
    AskInterimReport = "ask_interim_report" => ActAskInterimReport,
    ExtendCourse = "extend_course" => ActExtendCourse,
    CompleteCourse = "complete_course" => ActCompleteCourse,
    InterruptCourse = "interrupt_course" => ActInterruptCourse,
    ChangeConsultant = "change_consultant" => ActChangeConsultant,
    ChangeSupplier = "change_supplier" => ActChangeSupplier,
    NextReport = "next_report" => ActNextReport,
    PrevReport = "prev_report" => ActPrevReport,

    // Supplier overview (#6).
    SupplierOverview = "supplier_overview" => ActSupplierOverview,
    PlanSupplierVisit = "plan_supplier_visit" => ActPlanSupplierVisit,
    ToggleVisitCitizen = "toggle_visit_citizen" => ActToggleVisitCitizen,

    // Medical requests (#7).
    NewRequest = "new_medical_request" => ActNewRequest,
    MarkActedOn = "mark_acted_on" => ActMarkActedOn,
    WithdrawRequest = "withdraw_request" => ActWithdrawRequest,
    OpenRequests = "open_requests" => ActOpenRequests,

    // Today, cadence and the caseload board (#8).
    OpenBoard = "open_board" => ActOpenBoard,
    BoardSortNext = "board_sort_next" => ActBoardSortNext,
    BoardSortReverse = "board_sort_reverse" => ActBoardSortReverse,
    BoardOverdueOnly = "board_overdue_only" => ActBoardOverdueOnly,
    BoardFilter = "board_filter" => ActBoardFilter,
    BoardExport = "board_export" => ActBoardExport,
    // everyday details (#20): saved board views.
    BoardSaveView = "board_save_view" => ActBoardSaveView,
    BoardView = "board_view" => ActBoardView,
    OpenToday = "open_today" => ActOpenToday,
    GoCalendar = "go_calendar" => ActGoCalendar,
    MarkDone = "mark_done" => ActMarkDone,
    Snooze = "snooze" => ActSnooze,

    // The month overview (moving a day or a week is prev_day/next_day, prev_week/next_week).
    FourWeeksBack = "four_weeks_back" => ActFourWeeksBack,
    FourWeeksOn = "four_weeks_on" => ActFourWeeksOn,
    OpenDay = "open_day" => ActOpenDay,

    // Busy time from other calendars (#16).
    ExportIcs = "export_ics" => ActIcsExport,
    ImportIcs = "import_ics" => ActIcsImport,
    // Notes with a body, copied out to the case system (#13).
    OpenNotes = "open_notes" => ActOpenNotes,
    CopyNote = "copy_note" => ActCopyNote,
    MarkJournalised = "mark_journalised" => ActMarkJournalised,
    // Changing a repeating meeting (#13).
    ScopeThis = "scope_this" => ActScopeThis,
    ScopeLater = "scope_later" => ActScopeLater,
    ScopeAll = "scope_all" => ActScopeAll,
    // Today as the workbench of the day (#15).
    SelectFirst = "select_first" => ActSelectFirst,
    SelectLast = "select_last" => ActSelectLast,
    NextGroup = "next_group" => ActNextGroup,
    PrevGroup = "prev_group" => ActPrevGroup,
    TodayFilterKind = "today_filter_kind" => ActTodayFilterKind,
    TodayFilterName = "today_filter_name" => ActTodayFilterName,
    // bulk rebooking (#17)
    BulkChange = "bulk_change" => ActBulkChange,
    // week planner (#18)
    PlanWeek = "plan_week" => ActPlanWeek,
    PlanAccept = "plan_accept" => ActPlanAccept,
    PlanAcceptAll = "plan_accept_all" => ActPlanAcceptAll,
    PlanDrop = "plan_drop" => ActPlanDrop,
    PlanRetry = "plan_retry" => ActPlanRetry,


    // sheets and the citizen view (#17)
    WriteDaySheet = "write_day_sheet" => ActWriteDaySheet,
    WriteCaseSheet = "write_case_sheet" => ActWriteCaseSheet,
    CitizenView = "citizen_view" => ActCitizenView,
}

impl Named {
    /// The action's description in the interface language. Danish comes from the table's
    /// help line; in English the keymap file's own description is used, so a user's wording
    /// shows.
    pub fn describe(self, lang: Lang, keymap_desc: &str) -> String {
        match lang {
            Lang::Da => self.help().text(lang).to_string(),
            Lang::En => keymap_desc.to_string(),
        }
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
    /// How far the day's backup beside the planner has come; `None` when it ended.
    Backup(Option<crate::store::Progress>),
    /// A click on something the last frame drew (`[ui] mouse`).
    Click(super::clicks::Target),
}

/// Which kind of write finished.
#[derive(Debug, Clone, PartialEq)]
pub enum WriteKind {
    New(Step),
    Undo,
    Redo,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_every_action_has_a_help_line_in_both_languages() {
        for named in Named::ALL {
            assert_eq!(Named::from_name(named.name()), Some(*named));
            let help = named.help();
            assert_ne!(help.text(Lang::Da), help.text(Lang::En), "{named:?}");
        }
        assert_eq!(Named::from_name("no_such_action"), None);
        assert_eq!(Named::GoToday.help().text(Lang::Da), "Gå til i dag");
        assert_eq!(
            Named::GoToday.describe(Lang::En, "Today, please"),
            "Today, please"
        );
        assert_eq!(
            Named::GoToday.describe(Lang::Da, "Today, please"),
            "Gå til i dag"
        );
    }
}
