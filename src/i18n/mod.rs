//! The words on screen, in Danish and English.
//!
//! All interface text lives in [`Msg`]; labels for the records' enums and keys are in
//! [`labels`]. Code elsewhere is English; Danish lives here and in the date parser.

mod catalogue;
mod course_words;
pub mod due_words;
mod errors;
pub mod labels;
mod lang;

pub use catalogue::Msg;
pub use course_words::{checklist_gap, course_reminder, report_action};
pub use errors::{cpr_error, parse_error, quick_add_error, store_error, store_notice};
pub use labels::{
    label_channel, label_contact_kind, label_course_kind, label_form, label_place, label_purpose,
    label_request_kind, label_role, label_status, label_target_group, month_name, month_short,
    request_state, weekday_long, weekday_short,
};
pub use lang::Lang;

/// The catalogue's description of a keymap action, by the action's name (the names of
/// `app::action::Named`); `None` for a name the catalogue does not know.
pub fn action_msg(action: &str) -> Option<Msg> {
    Some(match action {
        "quit" => Msg::ActQuit,
        "toggle_privacy" => Msg::ActTogglePrivacy,
        "toggle_closed" => Msg::ActToggleClosed,
        "log_contact" => Msg::ActLogContact,
        "add_note" => Msg::ActAddNote,
        "add_agreement" => Msg::ActAddAgreement,
        "book_meeting" => Msg::ActBookMeeting,
        "close_card" => Msg::ActCloseCard,
        "new_case" => Msg::ActNewCase,
        "edit_case" => Msg::ActEditCase,
        "new_contact" => Msg::ActNewContact,
        "edit_contact" => Msg::ActEditContact,
        "open_items" => Msg::ActOpenItems,
        "mark_received" => Msg::ActMarkReceived,
        "log_chase" => Msg::ActLogChase,
        "edit_item" => Msg::ActEditItem,
        "book_from_item" => Msg::ActBookFromItem,
        // Courses and supplier reports (#6).
        "new_course" => Msg::ActNewCourse,
        "mark_report_read" => Msg::ActMarkReportRead,
        "ask_interim_report" => Msg::ActAskInterimReport,
        "extend_course" => Msg::ActExtendCourse,
        "complete_course" => Msg::ActCompleteCourse,
        "interrupt_course" => Msg::ActInterruptCourse,
        "change_consultant" => Msg::ActChangeConsultant,
        "change_supplier" => Msg::ActChangeSupplier,
        "next_report" => Msg::ActNextReport,
        "prev_report" => Msg::ActPrevReport,

        // Supplier overview (#6).
        "supplier_overview" => Msg::ActSupplierOverview,
        "plan_supplier_visit" => Msg::ActPlanSupplierVisit,
        "toggle_visit_citizen" => Msg::ActToggleVisitCitizen,

        // Medical requests (#7).
        "new_medical_request" => Msg::ActNewRequest,
        "mark_acted_on" => Msg::ActMarkActedOn,
        "withdraw_request" => Msg::ActWithdrawRequest,
        "open_requests" => Msg::ActOpenRequests,

        // Today, cadence and the caseload board (#8).
        "open_board" => Msg::ActOpenBoard,
        "board_sort_next" => Msg::ActBoardSortNext,
        "board_sort_reverse" => Msg::ActBoardSortReverse,
        "board_overdue_only" => Msg::ActBoardOverdueOnly,
        "board_filter" => Msg::ActBoardFilter,
        "board_export" => Msg::ActBoardExport,
        "open_today" => Msg::ActOpenToday,
        "go_calendar" => Msg::ActGoCalendar,
        "mark_done" => Msg::ActMarkDone,
        "snooze" => Msg::ActSnooze,
        "help" => Msg::ActHelp,
        "open_palette" => Msg::ActOpenPalette,
        "search" => Msg::ActSearch,
        "close_popup" => Msg::ActClosePopup,
        "prev_day" => Msg::ActPrevDay,
        "next_day" => Msg::ActNextDay,
        "select_next" => Msg::ActSelectNext,
        "select_prev" => Msg::ActSelectPrev,
        "prev_week" => Msg::ActPrevWeek,
        "next_week" => Msg::ActNextWeek,
        "go_today" => Msg::ActGoToday,
        "go_to_date" => Msg::ActGoToDate,
        "month_overview" => Msg::ActMonthOverview,
        "toggle_week" => Msg::ActToggleWeek,
        "new_meeting" => Msg::ActNewMeeting,
        "quick_add" => Msg::ActQuickAdd,
        "edit_meeting" => Msg::ActEditMeeting,
        "undo" => Msg::ActUndo,
        "redo" => Msg::ActRedo,
        "delete_meeting" => Msg::ActDeleteMeeting,
        "move_earlier" => Msg::ActMoveEarlier,
        "move_later" => Msg::ActMoveLater,
        "move_tomorrow" => Msg::ActMoveTomorrow,
        "move_to_date" => Msg::ActMoveToDate,
        "extend_meeting" => Msg::ActExtendMeeting,
        "shorten_meeting" => Msg::ActShortenMeeting,
        "convert_to_phone" => Msg::ActConvertToPhone,
        "convert_to_home_visit" => Msg::ActConvertToHomeVisit,
        "set_status_held" => Msg::ActSetStatusHeld,
        "set_status_cancelled_by_citizen" => Msg::ActSetStatusCancelledByCitizen,
        "set_status_no_show" => Msg::ActSetStatusNoShow,
        "set_status_cancelled" => Msg::ActSetStatusCancelled,
        "book_follow_up" => Msg::ActBookFollowUp,
        "find_free_slot" => Msg::ActFindFreeSlot,
        "skip_week" => Msg::ActSkipWeek,
        "next_field" => Msg::ActNextField,
        "prev_field" => Msg::ActPrevField,
        "submit" => Msg::ActSubmit,
        "scroll_down" => Msg::ActScrollDown,
        "scroll_up" => Msg::ActScrollUp,
        "page_down" => Msg::ActPageDown,
        "page_up" => Msg::ActPageUp,
        "confirm_yes" => Msg::ActConfirmYes,
        "confirm_no" => Msg::ActConfirmNo,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// Words that are the same in both languages.
    const SAME_IN_BOTH: [Msg; 9] = [
        Msg::Mentor,
        Msg::PlanB,
        Msg::Video,
        Msg::Hospital,
        Msg::PurposeAdmin,
        Msg::Demo,
        Msg::BoardFlagSos,
        Msg::HintLogContact,
        Msg::HintBookMeeting,
    ];

    #[test]
    fn all_lists_every_variant_once_in_declaration_order() {
        for (index, msg) in Msg::ALL.iter().enumerate() {
            assert_eq!(*msg as usize, index, "{msg:?} out of place in Msg::ALL");
        }
        // The last variant's discriminant + 1 is the number of variants; `ALL` is generated
        // from the same table, so a new variant lands in both.
        let last = *Msg::ALL.last().unwrap();
        assert_eq!(Msg::ALL.len(), last as usize + 1);
    }

    #[test]
    fn every_message_has_text_in_both_languages() {
        for msg in Msg::ALL {
            let (da, en) = msg.texts();
            assert!(!da.trim().is_empty(), "{msg:?} has no Danish text");
            assert!(!en.trim().is_empty(), "{msg:?} has no English text");
            assert_eq!(msg.text(Lang::Da), da);
            assert_eq!(msg.text(Lang::En), en);
            if !SAME_IN_BOTH.contains(msg) {
                assert_ne!(da, en, "{msg:?} is not translated");
            }
        }
        for msg in SAME_IN_BOTH {
            assert_eq!(msg.text(Lang::Da), msg.text(Lang::En), "{msg:?}");
        }
    }

    #[test]
    fn no_two_messages_share_a_text_within_a_language() {
        // "maj" and "May" are both the short and the long name of the month.
        let allowed = [Msg::May, Msg::MayShort];
        for lang in [Lang::Da, Lang::En] {
            let mut seen: HashMap<&str, Msg> = HashMap::new();
            for msg in Msg::ALL {
                if let Some(earlier) = seen.insert(msg.text(lang), *msg) {
                    assert!(
                        allowed.contains(msg) && allowed.contains(&earlier),
                        "{earlier:?} and {msg:?} share {:?} in {lang:?}",
                        msg.text(lang)
                    );
                }
            }
        }
    }

    #[test]
    fn every_keymap_action_has_a_description() {
        for name in crate::app::core::action::Named::names() {
            let msg = action_msg(name).unwrap_or_else(|| panic!("{name} has no description"));
            assert_ne!(msg.text(Lang::Da), msg.text(Lang::En), "{name}");
        }
        assert_eq!(action_msg("no_such_action"), None);
        assert_eq!(
            action_msg("go_today").map(|m| m.text(Lang::Da)),
            Some("Gå til i dag")
        );
    }

    #[test]
    fn first_run_and_status_line_texts() {
        for lang in [Lang::Da, Lang::En] {
            let text = Msg::FirstRun.text(lang);
            assert!(
                text.contains("N ") && text.contains("caseplan --demo"),
                "{text}"
            );
        }
        assert_eq!(Msg::Saved.text(Lang::En), "Saved");
        assert_eq!(Msg::NothingToUndo.text(Lang::En), "Nothing to undo");
        assert_eq!(Msg::StatusHint.text(Lang::En), "q quit  ? help");
        assert_eq!(Msg::StatusHint.text(Lang::Da), "q afslut  ? hjælp");
    }
}
