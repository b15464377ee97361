//! The workload gauge on one line: this week's and next week's meetings, meeting hours,
//! preparation and follow-up booked, and the free time left within working hours.
//!
//! "Uge 48: 9 samt. 11t · forb.+efterb. 2t15 · transport 40m · ledigt 6t │ uge 49: …";
//! a week's meetings the citizens booked themselves are counted apart ("12 samt. 14t
//! (3 selvbooket)"); when that does not fit, travel is left out, then the buffers, then the
//! self-booked count.

use super::text::{duration, fit, width};
use super::theme;
use crate::i18n::{Lang, Msg};
use crate::query::workload::{WeekLoad, Workload};
use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// The gauge's text for `max` columns.
pub fn line(workload: &Workload, lang: Lang, max: usize) -> String {
    for detail in [Detail::Travel, Detail::Buffers, Detail::SelfBooked] {
        let text = text(workload, lang, detail);
        if width(&text) <= max {
            return text;
        }
    }
    fit(&text(workload, lang, Detail::None), max)
}

/// How much the gauge says beyond meetings and free time, most first.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Detail {
    None,
    SelfBooked,
    Buffers,
    Travel,
}

fn text(workload: &Workload, lang: Lang, detail: Detail) -> String {
    let this = workload.this_week.monday.iso_week().week();
    let next = workload.next_week.monday.iso_week().week();
    let word = Msg::Week.text(lang);
    format!(
        "{word} {this}: {} │ {} {next}: {}",
        week(&workload.this_week, lang, detail),
        word.to_lowercase(),
        week(&workload.next_week, lang, detail),
    )
}

fn week(load: &WeekLoad, lang: Lang, detail: Detail) -> String {
    let mut parts = vec![format!(
        "{} {} {}",
        load.meetings,
        Msg::WorkloadMeetings.text(lang),
        duration(load.meeting_minutes, lang)
    )];
    if detail >= Detail::SelfBooked && load.self_booked > 0 {
        parts[0].push_str(&format!(
            " ({} {})",
            load.self_booked,
            Msg::WorkloadSelfBooked.text(lang)
        ));
    }
    if detail >= Detail::Buffers {
        parts.push(format!(
            "{}+{} {}",
            Msg::PrepShort.text(lang),
            Msg::WrapUpShort.text(lang),
            duration(load.prep_minutes + load.follow_up_minutes, lang)
        ));
        if detail == Detail::Travel && load.travel_minutes > 0 {
            parts.push(format!(
                "{} {}",
                Msg::TravelShort.text(lang),
                duration(load.travel_minutes, lang)
            ));
        }
    }
    if load.busy_minutes > 0 {
        parts.push(format!(
            "{} {}",
            Msg::WorkloadBusy.text(lang),
            duration(load.busy_minutes, lang)
        ));
    }
    parts.push(format!(
        "{} {}",
        Msg::WorkloadFree.text(lang),
        duration(load.free_minutes, lang)
    ));
    parts.join(" · ")
}

/// Draws the gauge on the first line of `area`.
pub fn draw(workload: &Workload, lang: Lang, area: Rect, buf: &mut Buffer) {
    if area.height == 0 || area.width < 2 {
        return;
    }
    let text = line(workload, lang, usize::from(area.width - 1));
    buf.set_string(area.x + 1, area.y, text, theme::dim());
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn gauge() -> Workload {
        let monday = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        Workload {
            this_week: WeekLoad {
                monday,
                meetings: 9,
                self_booked: 0,
                meeting_minutes: 660,
                prep_minutes: 90,
                follow_up_minutes: 45,
                busy_minutes: 0,
                travel_minutes: 0,
                free_minutes: 360,
            },
            next_week: WeekLoad {
                monday: monday + chrono::Duration::days(7),
                meetings: 12,
                self_booked: 3,
                meeting_minutes: 840,
                prep_minutes: 120,
                follow_up_minutes: 60,
                busy_minutes: 0,
                travel_minutes: 80,
                free_minutes: 1200,
            },
        }
    }

    #[test]
    fn reads_as_a_sentence_in_both_languages_and_shortens_to_fit() {
        assert_eq!(
            line(&gauge(), Lang::Da, 200),
            "Uge 48: 9 samt. 11t · forb.+efterb. 2t15 · ledigt 6t │ uge 49: 12 samt. 14t (3 selvbooket) · forb.+efterb. 3t · transport 1t20 · ledigt 20t"
        );
        assert_eq!(
            line(&gauge(), Lang::En, 124),
            "Week 48: 9 mtgs 11h · prep+wrap-up 2h15 · free 6h │ week 49: 12 mtgs 14h (3 self-booked) · prep+wrap-up 3h · free 20h"
        );
        assert_eq!(
            line(&gauge(), Lang::En, 85),
            "Week 48: 9 mtgs 11h · free 6h │ week 49: 12 mtgs 14h (3 self-booked) · free 20h"
        );
        assert_eq!(
            line(&gauge(), Lang::En, 70),
            "Week 48: 9 mtgs 11h · free 6h │ week 49: 12 mtgs 14h · free 20h"
        );
    }
}
