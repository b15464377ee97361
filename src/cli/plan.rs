//! `caseplan plan`: the week planner's proposal for a week (#18), as text or JSON. It only
//! prints: nothing is booked from the command line.

use crate::context::Context;
use crate::domain::plan::{Plan, plan};
use crate::domain::workdays::DaysOff;
use crate::i18n::plan_words::{plan_no_place, plan_notes, plan_on_time, plan_whys};
use crate::i18n::{self, Lang, Msg, label_form, label_place, label_purpose};
use crate::query::plan::plan_input;
use crate::query::workload::monday_of;
use crate::time::{format_date, format_time, parse_date_with};
use anyhow::Result;
use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The week: its number ("50", "uge 50", "2026-W50") or any day in it ("i dag", "næste
    /// mandag", "7/12"); default this week.
    #[arg(long, value_name = "WEEK")]
    pub week: Option<String>,
    /// Print JSON for scripts (see the README for the shape).
    #[arg(long)]
    pub json: bool,
}

/// The JSON document: the week and its proposal.
#[derive(Serialize)]
struct Document<'a> {
    /// ISO week, "2026-W50".
    week: String,
    monday: NaiveDate,
    /// Cases due under the contact cadence placed by their due day, of how many.
    cadence_on_time: [usize; 2],
    #[serde(flatten)]
    plan: &'a Plan,
}

pub fn run(ctx: &Context, args: &Args) -> Result<ExitCode> {
    let today = ctx.today();
    let monday = match &args.week {
        Some(text) => parse_week(text, today, &ctx.config.days_off())?,
        None => monday_of(today),
    };
    let store = ctx.open_store_for_reading()?;
    let input = plan_input(&store, &ctx.config, monday, ctx.now_local())?;
    let plan = plan(&input);
    let (placed, total) = plan.cadence_on_time();
    if args.json {
        let iso = monday.iso_week();
        let doc = Document {
            week: format!("{}-W{:02}", iso.year(), iso.week()),
            monday,
            cadence_on_time: [placed, total],
            plan: &plan,
        };
        println!("{}", serde_json::to_string_pretty(&doc)?);
    } else {
        print_text(&plan, monday, today, placed, total, ctx.lang());
    }
    Ok(ExitCode::SUCCESS)
}

/// A week by number in `today`'s ISO year ("50", "uge 50", "week 50", "w50"), as "2026-W50",
/// or the week of any day the date parser reads. The week's Monday.
fn parse_week(text: &str, today: NaiveDate, days_off: &DaysOff) -> Result<NaiveDate> {
    let t = text.trim().to_lowercase();
    let (year, number) = match t.split_once("-w") {
        Some((year, week)) => (year.parse::<i32>().ok(), week),
        None => (
            Some(today.iso_week().year()),
            t.trim_start_matches("uge")
                .trim_start_matches("week")
                .trim_start_matches('w')
                .trim(),
        ),
    };
    if let (Some(year), Ok(week)) = (year, number.parse::<u32>()) {
        return match NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Mon) {
            Some(monday) => Ok(monday),
            None => refuse!("{year} has no week {week}: give a week from 1 to 52 or 53"),
        };
    }
    Ok(monday_of(parse_date_with(text, today, days_off)?))
}

fn print_text(
    plan: &Plan,
    monday: NaiveDate,
    today: NaiveDate,
    placed: usize,
    total: usize,
    lang: Lang,
) {
    let sunday = monday + Duration::days(6);
    say!(
        "{} {} · {}–{} · {}: {} · {}: {}",
        Msg::PlanTitle.text(lang),
        monday.iso_week().week(),
        format_date(monday),
        format_date(sunday),
        Msg::PlanProposals.text(lang),
        plan.proposals.len(),
        Msg::PlanUnplaced.text(lang),
        plan.unplaced.len(),
    );
    if plan.proposals.is_empty() && plan.unplaced.is_empty() {
        say!("{}", Msg::PlanNothing.text(lang));
        return;
    }
    if total > 0 {
        say!("{}", plan_on_time(placed, total, lang));
    }
    for p in &plan.proposals {
        let m = &p.meeting;
        let mut what = format!(
            "{} · {}",
            label_purpose(&m.purpose, lang),
            label_form(m.form, lang)
        );
        if m.place.text.is_empty() {
            what.push_str(&format!(" · {}", label_place(m.place.kind, lang)));
        } else {
            what.push_str(&format!(" · {}", m.place.text));
        }
        let who = if p.reference.is_empty() {
            p.name.clone()
        } else {
            format!("{} ({})", p.name, p.reference)
        };
        say!(
            "{} {} {}-{}  {who}  {what}",
            i18n::weekday_short(m.start.weekday(), lang),
            m.start.format("%d.%m"),
            format_time(m.start.time()),
            format_time(m.end().time()),
        );
        say!("    {}", plan_whys(&p.whys, today, lang));
        for note in plan_notes(p, today, lang) {
            say!("    ! {note}");
        }
    }
    if !plan.unplaced.is_empty() {
        say!("{}:", capitalised(Msg::PlanUnplaced.text(lang)));
        for u in &plan.unplaced {
            say!("  {}: {}", u.name, plan_no_place(u.why_not, today, lang));
            say!("    {}", plan_whys(&u.whys, today, lang));
        }
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_week_is_a_number_an_iso_week_or_any_day_in_it() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        let monday = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        for text in ["50", "uge 50", "week 50", "W50", "2026-W50", "9/12"] {
            assert_eq!(
                parse_week(text, today, &DaysOff::default()).unwrap(),
                monday,
                "{text}"
            );
        }
        assert!(parse_week("60", today, &DaysOff::default()).is_err());
        assert!(parse_week("blabla", today, &DaysOff::default()).is_err());
    }
}
