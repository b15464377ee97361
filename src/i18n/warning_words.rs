//! A booking warning in words, the same on the screen and on the command line: "overlapper:
//! Anne Jensen 10:00", "borgeren er væk (ferie)", "optaget i anden kalender: Outlook: Teammøde
//! 10:00–11:00".

use super::{Lang, Msg, external_label, label_away_reason};
use crate::domain::conflicts::Warning;
use crate::model::{ExternalBlock, ExternalId, MeetingId};
use crate::time::format_time;

/// `warning` in `lang`; `who` names the other meeting of an overlap, `block` finds the busy
/// time of another calendar.
pub fn warning_words<'b>(
    warning: &Warning,
    lang: Lang,
    who: impl Fn(MeetingId) -> String,
    block: impl Fn(ExternalId) -> Option<&'b ExternalBlock>,
) -> String {
    let other =
        |id, start: chrono::NaiveDateTime| format!("{} {}", who(id), format_time(start.time()));
    match warning {
        Warning::Overlap { with, start } => {
            format!("{}: {}", Msg::OverlapMark.text(lang), other(*with, *start))
        }
        Warning::BufferOverlap { with, start } => {
            format!("{}: {}", Msg::BufferMark.text(lang), other(*with, *start))
        }
        Warning::OutsideWorkingHours => Msg::OutsideHoursMark.text(lang).to_string(),
        Warning::NotAWorkingDay => Msg::DayOffMark.text(lang).to_string(),
        Warning::CitizenAway { reason } => format!(
            "{} ({})",
            Msg::CitizenAwayMark.text(lang),
            label_away_reason(*reason, lang).to_lowercase()
        ),
        Warning::Busy { with, only_buffer } => {
            let mark = if *only_buffer {
                Msg::BusyBufferMark
            } else {
                Msg::BusyMark
            };
            let at = block(*with).map_or_else(String::new, |b| {
                format!(
                    ": {} {}–{}",
                    external_label(b, lang),
                    format_time(b.start.time()),
                    format_time(b.end().time())
                )
            });
            format!("{}{at}", mark.text(lang))
        }
    }
}
