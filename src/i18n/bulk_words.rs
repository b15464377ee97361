//! When plans break (#17), in words: what happens to each meeting of the range, why one is
//! left alone, the citizens' "inform and rebook" items. The facts come from `domain::bulk` and
//! `domain::due`.

use super::due_words::short_date;
use super::{Lang, Msg, count, label_form, label_purpose, label_status, weekday_short};
use crate::domain::bulk::{BulkPlan, Fate, Why};
use crate::domain::due::Reach;
use crate::model::BulkChange;
use crate::query::bulk::BulkPreview;
use crate::time::format_time;
use chrono::{Datelike, NaiveDate};

/// "Aflys" / "Cancel"; "Telefon" / "Phone" for a conversion: the operation in one word.
pub fn change_word(change: BulkChange, lang: Lang) -> String {
    match change {
        BulkChange::Cancel => Msg::BulkCancelWord.text(lang).to_string(),
        BulkChange::Convert(form) => format!(
            "{} {}",
            Msg::BulkConvertWord.text(lang),
            label_form(form, lang).to_lowercase()
        ),
    }
}

/// "24. nov – 26. nov" / "24 Nov – 26 Nov"; one day once.
pub fn range_words(from: NaiveDate, to: NaiveDate, lang: Lang) -> String {
    if from == to {
        short_date(from, lang)
    } else {
        format!("{} – {}", short_date(from, lang), short_date(to, lang))
    }
}

/// What happens to one meeting: "aflyses", "bliver telefon", "springes over denne gang",
/// "bliver video denne gang" (one time of a series),
/// "uændret: intern blok".
pub fn fate_words(fate: Fate, lang: Lang) -> String {
    match fate {
        Fate::Cancel => Msg::BulkFateCancel.text(lang).to_string(),
        Fate::Skip => Msg::BulkFateSkip.text(lang).to_string(),
        Fate::Convert(form) => format!(
            "{} {}",
            Msg::BulkFateConvert.text(lang),
            label_form(form, lang).to_lowercase()
        ),
        Fate::ConvertOnce(form) => format!(
            "{} {} {}",
            Msg::BulkFateConvert.text(lang),
            label_form(form, lang).to_lowercase(),
            Msg::BulkFateThisTime.text(lang)
        ),
        Fate::Leave(why) => format!(
            "{}: {}",
            Msg::BulkFateLeave.text(lang),
            why_words(why, lang)
        ),
    }
}

fn why_words(why: Why, lang: Lang) -> String {
    match why {
        Why::Internal => Msg::BulkWhyInternal.text(lang).to_string(),
        Why::WithoutCitizen => Msg::BulkWhyWithoutCitizen.text(lang).to_string(),
        Why::NotPlanned(status) => label_status(status, lang).to_lowercase(),
        Why::Begun => Msg::BulkWhyBegun.text(lang).to_string(),
        Why::AlreadyInForm => Msg::BulkWhyAlreadyInForm.text(lang).to_string(),
    }
}

/// "3 samtaler ændres · 2 borgere skal have besked": the preview's sum.
pub fn plan_sum(plan: &BulkPlan, lang: Lang) -> String {
    format!(
        "{} {} · {} {}",
        count::meetings(
            i64::try_from(plan.changed_count()).unwrap_or(i64::MAX),
            lang
        ),
        Msg::BulkSumChanged.text(lang),
        count::citizens(i64::try_from(plan.citizens.len()).unwrap_or(i64::MAX), lang),
        Msg::BulkSumToTell.text(lang),
    )
}

/// The Today item's title: "Informér og book igen" after a cancel, "Informér om ændringen"
/// after a conversion.
pub fn rebook_title(change: BulkChange, lang: Lang) -> String {
    match change {
        BulkChange::Cancel => Msg::RebookTitle.text(lang).to_string(),
        BulkChange::Convert(_) => Msg::RebookConvertTitle.text(lang).to_string(),
    }
}

/// Why the item is there and how to reach the citizen: "2 samtaler aflyst 24. nov – 26. nov ·
/// tlf 20 30 40 50 · foretrækker sms".
pub fn rebook_reason(
    change: BulkChange,
    (from, to): (NaiveDate, NaiveDate),
    meetings: usize,
    reach: &Reach,
    lang: Lang,
) -> String {
    let done = match change {
        BulkChange::Cancel => Msg::RebookCancelled.text(lang).to_string(),
        BulkChange::Convert(form) => format!(
            "{} {}",
            Msg::RebookConvertedTo.text(lang),
            label_form(form, lang).to_lowercase()
        ),
    };
    let mut parts = vec![format!(
        "{} {done} {}",
        count::meetings(i64::try_from(meetings).unwrap_or(i64::MAX), lang),
        range_words(from, to, lang)
    )];
    parts.extend(reach_words(reach, lang));
    parts.join(" · ")
}

/// "tlf 20 30 40 50", "foretrækker sms", "via mentor Lis"; "intet telefonnummer" when none.
pub fn reach_words(reach: &Reach, lang: Lang) -> Vec<String> {
    let mut parts = vec![match &reach.phone {
        Some(phone) => format!("{} {phone}", Msg::RebookPhone.text(lang)),
        None => Msg::RebookNoPhone.text(lang).to_string(),
    }];
    if !reach.channel.trim().is_empty() {
        parts.push(format!(
            "{} {}",
            Msg::RebookPrefers.text(lang),
            reach.channel.trim()
        ));
    }
    if !reach.via.trim().is_empty() {
        parts.push(format!(
            "{} {}",
            Msg::RebookVia.text(lang),
            reach.via.trim()
        ));
    }
    parts
}

/// How a line of the preview is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    /// A meeting that changes, a citizen.
    Plain,
    /// A meeting left alone.
    Dim,
    /// A heading.
    Bold,
}

/// The preview's lines: one per meeting of the range ("tir 24.11 10:00  Anne Jensen
/// opfølgning → aflyses"; without the purpose when not `wide`, so the fate fits), then the
/// citizens to tell with how to reach them. The planner and `caseplan bulk` show the same.
pub fn preview_lines(preview: &BulkPreview, lang: Lang, wide: bool) -> Vec<(String, Weight)> {
    let plan = &preview.plan;
    let mut out = Vec::new();
    if plan.meetings.is_empty() {
        out.push((Msg::BulkNoMeetings.text(lang).to_string(), Weight::Dim));
    }
    for p in &plan.meetings {
        let when = format!(
            "{} {:02}.{:02} {}",
            weekday_short(p.start.weekday(), lang),
            p.start.day(),
            p.start.month(),
            format_time(p.start.time())
        );
        let who = match p.meeting.case {
            Some(case) => preview.name(case),
            None if !p.meeting.title.is_empty() => p.meeting.title.clone(),
            None => label_purpose(&p.meeting.purpose, lang).into_owned(),
        };
        let what = if wide {
            format!(
                "{} ",
                pad(&label_purpose(&p.meeting.purpose, lang).to_lowercase(), 14)
            )
        } else {
            String::new()
        };
        let weight = match p.fate {
            Fate::Leave(_) => Weight::Dim,
            _ => Weight::Plain,
        };
        out.push((
            format!(
                "{when}  {} {what}→ {}",
                pad(&who, 20),
                fate_words(p.fate, lang)
            ),
            weight,
        ));
    }
    if !plan.citizens.is_empty() {
        out.push((String::new(), Weight::Plain));
        out.push((
            Msg::BulkCitizensHeading.text(lang).to_string(),
            Weight::Bold,
        ));
        for a in &plan.citizens {
            let mut parts = vec![format!("{} ({})", preview.name(a.case), a.meetings.len())];
            if let Some(reach) = preview.reach.get(&a.case) {
                parts.extend(reach_words(reach, lang));
            }
            out.push((parts.join(" · "), Weight::Plain));
        }
    }
    out
}

/// `text` cut or filled with spaces to `width` characters.
fn pad(text: &str, width: usize) -> String {
    let cut: String = text.chars().take(width).collect();
    format!("{cut:<width$}")
}

/// The note typed, or for a cancel the words that say it was one of many.
pub fn note_or_default(typed: &str, change: BulkChange, lang: Lang) -> String {
    match (typed.trim(), change) {
        ("", BulkChange::Cancel) => Msg::BulkDefaultNote.text(lang).to_string(),
        (typed, _) => typed.to_string(),
    }
}

/// "3 samtaler aflyst 24. nov – 26. nov · 2 borgere skal have besked".
pub fn step_label(preview: &BulkPreview, lang: Lang) -> String {
    let request = &preview.plan.request;
    let done = match request.change {
        BulkChange::Cancel => Msg::RebookCancelled.text(lang).to_string(),
        BulkChange::Convert(form) => format!(
            "{} {}",
            Msg::RebookConvertedTo.text(lang),
            label_form(form, lang).to_lowercase()
        ),
    };
    format!(
        "{} {done} {} · {} {}",
        count::meetings(to_i64(preview.plan.changed_count()), lang),
        range_words(request.from, request.to, lang),
        count::citizens(to_i64(preview.plan.citizens.len()), lang),
        Msg::BulkSumToTell.text(lang)
    )
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
