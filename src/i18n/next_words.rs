//! The next-meeting line in words, for the status line and `caseplan agenda --next`:
//! "→ 10:30 Anne Jensen · 12 min · telefon", shorter forms when the room is short.

use super::{Lang, Msg, label_form};
use crate::domain::next_meeting::NextMeeting;
use crate::time::format_time;

/// The line, longest first: with the form, without it, without the name.
pub fn next_meeting_lines(next: &NextMeeting, lang: Lang) -> [String; 3] {
    let at = format!("→ {}", format_time(next.meeting.start.time()));
    let who = &next.meeting.who;
    let countdown = countdown(next.minutes_until, lang);
    let form = label_form(next.meeting.form, lang).to_lowercase();
    [
        format!("{at} {who} · {countdown} · {form}"),
        format!("{at} {who} · {countdown}"),
        format!("{at} · {countdown}"),
    ]
}

/// "nu", "12 min", "2t05".
fn countdown(minutes: i64, lang: Lang) -> String {
    match minutes {
        ..=0 => Msg::NowWord.text(lang).to_owned(),
        1..60 => format!("{minutes} min"),
        _ => {
            let h = Msg::HourLetter.text(lang);
            match (minutes / 60, minutes % 60) {
                (hours, 0) => format!("{hours}{h}"),
                (hours, m) => format!("{hours}{h}{m:02}"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::next_meeting::Upcoming;
    use crate::model::{MeetingForm, MeetingId};
    use crate::testing::at;

    fn next(minutes_until: i64) -> NextMeeting {
        NextMeeting {
            meeting: Upcoming {
                meeting_id: MeetingId(1),
                start: at("2026-11-24 10:30"),
                who: "Anne Jensen".into(),
                form: MeetingForm::Phone,
            },
            minutes_until,
            prominent: false,
        }
    }

    #[test]
    fn the_line_in_both_languages_and_its_shorter_forms() {
        assert_eq!(
            next_meeting_lines(&next(12), Lang::Da),
            [
                "→ 10:30 Anne Jensen · 12 min · telefon",
                "→ 10:30 Anne Jensen · 12 min",
                "→ 10:30 · 12 min",
            ]
        );
        assert_eq!(
            next_meeting_lines(&next(0), Lang::En)[0],
            "→ 10:30 Anne Jensen · now · phone"
        );
        assert_eq!(
            next_meeting_lines(&next(125), Lang::Da)[2],
            "→ 10:30 · 2t05"
        );
        assert_eq!(next_meeting_lines(&next(60), Lang::En)[2], "→ 10:30 · 1h");
    }
}
