//! `caseplan add "tir 10:30 45m Jensen opfølgning"`: book a meeting from one line.

use crate::context::Context;
use crate::domain::agenda::occurrences;
use crate::domain::conflicts::{Warning, warnings};
use crate::domain::quick_add::{self, CaseName, Defaults};
use crate::i18n::{label_form, label_purpose, weekday_short};
use crate::model::{AwayReason, Case, Meeting, MeetingId};
use crate::time::{format_date, format_time};
use anyhow::Result;
use chrono::{Datelike, Duration, NaiveTime};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// When, how long, who and what: "tir 10:30 45m Jensen opfølgning",
    /// "tomorrow 9 1h Jensen phone follow-up".
    pub line: String,
}

pub fn run(ctx: &Context, args: &Args) -> Result<ExitCode> {
    let store = ctx.open_store()?;
    let cases: Vec<Case> = store
        .all::<Case>()?
        .into_iter()
        .filter(Case::is_active)
        .collect();
    let names: Vec<CaseName<'_>> = cases
        .iter()
        .map(|c| CaseName {
            id: c.id,
            name: &c.name,
            alias: &c.alias,
        })
        .collect();
    let line = quick_add::parse(&args.line, ctx.now_local(), &names)?;
    let meetings = &ctx.config.meetings;
    let hours = ctx.config.working_hours.to_domain();
    let meeting = line.meeting(
        MeetingId(store.next_id()?),
        Defaults {
            time: hours.start,
            minutes: meetings.default_minutes,
            prep_minutes: meetings.prep_minutes,
            follow_up_minutes: meetings.follow_up_minutes,
        },
    );
    let day = meeting.start.date();
    let others = store.meetings_between(
        day.and_time(NaiveTime::MIN),
        (day + Duration::days(1)).and_time(NaiveTime::MIN),
    )?;
    let case = cases.iter().find(|c| Some(c.id) == meeting.case);
    let found = warnings(
        &meeting,
        meeting.start,
        &occurrences(&others, day, day),
        &hours,
        case,
    );
    // `put` returns after the change is flushed to disk.
    store.put(&meeting)?;
    let lang = ctx.lang();
    say!(
        "booked: {} {} {}-{}  {}  {} · {}",
        weekday_short(day.weekday(), lang),
        format_date(day),
        format_time(meeting.start.time()),
        format_time(meeting.end().time()),
        case.map_or("", |c| c.name.as_str()),
        label_purpose(&meeting.purpose, lang),
        label_form(meeting.form, lang),
    );
    for warning in &found {
        say_err!("warning: {}", describe(warning, &others, &cases));
    }
    Ok(ExitCode::SUCCESS)
}

fn describe(warning: &Warning, others: &[Meeting], cases: &[Case]) -> String {
    let who = |id: MeetingId| {
        others
            .iter()
            .find(|m| m.id == id)
            .map(
                |m| match m.case.and_then(|c| cases.iter().find(|k| k.id == c)) {
                    Some(case) => case.name.clone(),
                    None => m.title.clone(),
                },
            )
            .unwrap_or_default()
    };
    match warning {
        Warning::Overlap { with, start } => {
            format!("overlaps {} at {}", who(*with), format_time(start.time()))
        }
        Warning::BufferOverlap { with, start } => format!(
            "preparation or follow-up collides with {} at {}",
            who(*with),
            format_time(start.time())
        ),
        Warning::OutsideWorkingHours => "outside working hours".to_string(),
        Warning::NotAWorkingDay => "not a working day (weekend or public holiday)".to_string(),
        Warning::CitizenAway { reason } => format!(
            "the citizen is away that day ({})",
            match reason {
                AwayReason::Holiday => "holiday",
                AwayReason::Sick => "sick",
                AwayReason::Hospital => "in hospital",
                AwayReason::Other => "away",
            }
        ),
    }
}
