//! `caseplan due`: the Today list, for scripts and a morning mail.

use crate::context::Context;
use crate::domain::due::{DueGroup, DueList, DueWhat};
use crate::i18n::Lang;
use crate::i18n::due_words::{due_reason, due_title};
use crate::model::CaseId;
use crate::query::today::{default_until, today_list};
use crate::time::{format_date, parse_date};
use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The day to list for ("fre", "+3d", "1/12"); default today.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Print JSON for scripts (see the README for the shape).
    #[arg(long)]
    pub json: bool,
}

/// The JSON document.
#[derive(Debug, Serialize)]
pub struct DueDocument {
    pub today: NaiveDate,
    pub until: NaiveDate,
    pub counts: Counts,
    pub items: Vec<DueRow>,
}

#[derive(Debug, Serialize)]
pub struct Counts {
    pub overdue: usize,
    pub today: usize,
    pub coming: usize,
    pub snoozed: usize,
}

/// One item: stable fields, the words in the interface language, and the facts behind them.
#[derive(Debug, Serialize)]
pub struct DueRow {
    pub group: DueGroup,
    pub key: String,
    pub due: NaiveDate,
    pub kind: &'static str,
    pub case: CaseId,
    pub case_name: String,
    pub days_late: Option<u32>,
    pub title: String,
    pub reason: String,
    pub facts: DueWhat,
}

/// The list as a JSON document in `lang`.
pub fn document(list: &DueList, today: NaiveDate, until: NaiveDate, lang: Lang) -> DueDocument {
    DueDocument {
        today,
        until,
        counts: Counts {
            overdue: list.overdue.len(),
            today: list.today.len(),
            coming: list.coming.len(),
            snoozed: list.snoozed,
        },
        items: list
            .items()
            .map(|(group, item)| DueRow {
                group,
                key: item.key.clone(),
                due: item.due,
                kind: item.what.kind_name(),
                case: item.case,
                case_name: item.case_name.clone(),
                days_late: item.days_late,
                title: due_title(item, lang),
                reason: due_reason(item, today, lang),
                facts: item.what.clone(),
            })
            .collect(),
    }
}

pub fn run(ctx: &Context, args: &Args) -> Result<ExitCode> {
    let today = match &args.date {
        Some(text) => parse_date(text, ctx.today())?,
        None => ctx.today(),
    };
    let until = default_until(today);
    let store = ctx.open_store()?;
    let list = today_list(&store, &ctx.config, &ctx.zone, today, until)?;
    let lang = ctx.lang();
    let doc = document(&list, today, until, lang);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&doc)?);
        return Ok(ExitCode::SUCCESS);
    }
    let (overdue, today_word, coming) = match lang {
        Lang::Da => ("Forfaldne", "I dag", "Kommende"),
        Lang::En => ("Overdue", "Today", "Coming"),
    };
    println!(
        "{} – {}: {} {overdue} · {} {today_word} · {} {coming}",
        format_date(today),
        format_date(until),
        doc.counts.overdue,
        doc.counts.today,
        doc.counts.coming
    );
    for (group, heading) in [
        (DueGroup::Overdue, overdue),
        (DueGroup::Today, today_word),
        (DueGroup::Coming, coming),
    ] {
        let rows: Vec<&DueRow> = doc.items.iter().filter(|r| r.group == group).collect();
        if rows.is_empty() {
            continue;
        }
        println!("\n{heading} ({})", rows.len());
        for r in rows {
            println!(
                "{}  {:<22} {} — {}",
                format_date(r.due),
                r.case_name,
                r.title,
                r.reason
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
