//! The words on screen, in Danish and English.
//!
//! All interface text lives in [`Msg`]; labels for the records' enums and keys are in
//! [`labels`]. Code elsewhere is English; Danish lives here and in the date parser.

pub mod bulk_words;
mod catalogue;
pub mod count;
mod course_words;
pub mod due_words;
mod errors;
pub mod labels;
mod lang;
mod next_words;
pub mod plan_words;
mod warning_words;

pub use catalogue::Msg;
pub use course_words::{checklist_gap, course_reminder, report_action};
pub use errors::{cpr_error, parse_error, quick_add_error, store_error, store_notice};
pub use labels::{
    away_words, case_flags, external_label, external_title, ics_summary, label_away_reason,
    label_channel, label_contact_kind, label_course_kind, label_form, label_network_role,
    label_place, label_purpose, label_request_kind, label_role, label_status, label_target_group,
    month_name, month_short, now_words, request_state, weekday_long, weekday_short,
};
pub use lang::Lang;
pub use next_words::next_meeting_lines;
pub use warning_words::warning_words;

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
