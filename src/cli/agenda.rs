//! `caseplan agenda`: meetings in order, with parties and place.

use crate::context::Context;
use crate::i18n::{self, Lang};
use crate::model::MeetingStatus;
use crate::query::agenda::{AgendaItem, agenda};
use crate::time::{format_date, parse_date};
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
}

pub fn run(ctx: &Context, args: &Args) -> Result<ExitCode> {
    if args.days == 0 || args.days > 366 {
        refuse!("--days must be between 1 and 366 (got {})", args.days);
    }
    let today = ctx.today();
    let from = match &args.date {
        Some(text) => parse_date(text, today)?,
        None => today,
    };
    let to = from + Duration::days(i64::from(args.days) - 1);
    let store = ctx.open_store_for_reading()?;
    let items = agenda(&store, from, to, ctx.lang())?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&items)?);
    } else {
        print_text(&items, from, to, ctx.lang());
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
