//! `caseplan agenda`: meetings in order, with parties and place.

use crate::context::Context;
use crate::domain::next_meeting::{NextMeeting, next_meeting};
use crate::i18n::{self, Lang};
use crate::model::MeetingStatus;
use crate::query::agenda::{AgendaItem, agenda, upcoming};
use crate::time::format_date;
use anyhow::Result;
use chrono::{Datelike, Duration, NaiveDate};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// First day ("i morgen", "tir", "24/11", "+3d"); default today.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Number of days.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub days: u32,
    /// Print JSON for scripts (see the README for the shape).
    #[arg(long)]
    pub json: bool,
    /// Only the next meeting of today with its countdown, as the planner's status line shows
    /// it ("→ 10:30 Anne Jensen · 12 min · telefon", "! " in front when it is close); nothing
    /// when none is left. For a status bar (tmux, a shell prompt).
    #[arg(long, conflicts_with_all = ["date", "days"])]
    pub next: bool,
}

pub fn run(ctx: &Context, args: &Args) -> Result<ExitCode> {
    if args.next {
        return next(ctx, args.json);
    }
    if args.days == 0 || args.days > 366 {
        refuse!("--days must be between 1 and 366 (got {})", args.days);
    }
    let today = ctx.today();
    let from = match &args.date {
        Some(text) => ctx.parse_date(text)?,
        None => today,
    };
    let to = from + Duration::days(i64::from(args.days) - 1);
    let store = ctx.open_store_for_reading()?;
    let items = agenda(&store, from, to, ctx.lang())?;
    store.close_for_exit()?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&items)?);
    } else {
        print_text(&items, from, to, ctx.lang());
    }
    Ok(ExitCode::SUCCESS)
}

/// The next meeting of today as of now: one line, or JSON (`null` when none is left).
fn next(ctx: &Context, json: bool) -> Result<ExitCode> {
    let now = ctx.now_local();
    let store = ctx.open_store_for_reading()?;
    let day = upcoming(
        &store,
        &mut crate::query::names::NameBook::default(),
        now.date(),
    )?;
    store.close_for_exit()?;
    let next = next_meeting(&day, now, ctx.config.ui.next_meeting_minutes);
    let lang = ctx.lang();
    let line = |n: &NextMeeting| {
        let [line, ..] = i18n::next_meeting_lines(n, lang);
        if n.prominent {
            format!("! {line}")
        } else {
            line
        }
    };
    if json {
        #[derive(serde::Serialize)]
        struct Next<'a> {
            #[serde(flatten)]
            next: &'a NextMeeting,
            form_label: &'a str,
            text: String,
        }
        let shown = next.as_ref().map(|n| Next {
            next: n,
            form_label: i18n::label_form(n.meeting.form, lang),
            text: line(n),
        });
        println!("{}", serde_json::to_string_pretty(&shown)?);
    } else if let Some(n) = &next {
        say!("{}", line(n));
    }
    Ok(ExitCode::SUCCESS)
}

fn print_text(items: &[AgendaItem], from: NaiveDate, to: NaiveDate, lang: Lang) {
    for day in from.iter_days().take_while(|d| *d <= to) {
        say!(
            "{} {}",
            i18n::weekday_short(day.weekday(), lang),
            format_date(day)
        );
        let mut any = false;
        for i in items.iter().filter(|i| i.date == day) {
            any = true;
            let who = i
                .case
                .as_ref()
                .map_or(i.title.as_str(), |c| c.name.as_str());
            let mut line = format!(
                "  {}-{}  {:<22} {} · {}",
                i.start, i.end, who, i.purpose_label, i.form_label
            );
            if !i.place_label.is_empty() {
                line.push_str(&format!(" · {}", i.place_label));
            }
            for p in &i.parties {
                line.push_str(&format!(" · {} ({})", p.name, p.role_label));
            }
            if i.status != MeetingStatus::Planned {
                line.push_str(&format!(" [{}]", i.status_label));
            }
            say!("{line}");
        }
        if !any {
            say!("  -");
        }
    }
}
