//! `caseplan add "tir 10:30 45m Jensen opfølgning"`: book a meeting from one line.

use crate::context::Context;
use crate::domain::agenda::occurrences;
use crate::domain::busy::external_warnings;
use crate::domain::conflicts::warnings;
use crate::domain::first_meeting::{counts_as_met, meeting_length};
use crate::domain::quick_add::{self, CaseName, Defaults};
use crate::i18n::{Msg, label_form, label_purpose, warning_words, weekday_short};
use crate::model::{Case, MeetingId};
use crate::time::{format_date, format_time};
use anyhow::Result;
use chrono::{Datelike, Duration, NaiveTime};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// When, how long, who and what: "tir 10:30 45m Jensen opfølgning",
    /// "tomorrow 9 1h Jensen phone follow-up".
    pub line: String,
    /// Print the new meeting as JSON (the stored record, its id included) instead of a line.
    #[arg(long)]
    pub json: bool,
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
    let line = quick_add::parse(&args.line, ctx.now_local(), &ctx.config.days_off(), &names)?;
    let meetings = &ctx.config.meetings;
    let hours = ctx.config.hours();
    // A case with no meeting planned or held yet gets a first meeting's length.
    let first = !store.case_has_meeting(line.case, counts_as_met)?;
    let meeting = line.meeting(
        MeetingId(store.next_id()?),
        Defaults {
            time: hours.start,
            minutes: meeting_length(
                first,
                meetings.first_meeting_minutes,
                meetings.default_minutes,
            ),
            prep_minutes: meetings.prep_minutes,
            follow_up_minutes: meetings.follow_up_minutes,
            travel_minutes: meetings.travel_minutes,
        },
    );
    let day = meeting.start.date();
    let others = store.meetings_between(
        day.and_time(NaiveTime::MIN),
        (day + Duration::days(1)).and_time(NaiveTime::MIN),
    )?;
    let case = cases.iter().find(|c| Some(c.id) == meeting.case);
    let mut found = warnings(
        &meeting,
        meeting.start,
        &occurrences(&others, day, day),
        &hours,
        case,
    );
    // Busy time imported from Outlook warns too (#16).
    let busy = crate::query::window::external(&store, day, day)?;
    found.extend(external_warnings(&meeting, meeting.start, &busy));
    // `put` returns after the change is flushed to disk.
    store.put(&meeting)?;
    let lang = ctx.lang();
    if args.json {
        println!("{}", serde_json::to_string_pretty(&meeting)?);
    } else {
        say!(
            "{} {} {} {}-{}  {}  {} · {} · {}",
            Msg::CliBooked.text(lang),
            weekday_short(day.weekday(), lang),
            format_date(day),
            format_time(meeting.start.time()),
            format_time(meeting.end().time()),
            case.map_or("", |c| c.name.as_str()),
            label_purpose(&meeting.purpose, lang),
            label_form(meeting.form, lang),
            Msg::CliRecordId
                .text(lang)
                .replace("{id}", &meeting.id.to_string()),
        );
    }
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
    for warning in &found {
        let words = warning_words(warning, lang, who, |id| busy.iter().find(|b| b.id == id));
        say_err!("{} {words}", Msg::CliWarning.text(lang));
    }
    Ok(ExitCode::SUCCESS)
}
