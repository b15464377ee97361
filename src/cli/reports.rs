//! `caseplan reports`: suppliers' progress reports across the caseload by due date.

use crate::context::Context;
use crate::model::{CaseId, Course};
use crate::time::format_date;
use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only reports not received by their due date.
    #[arg(long)]
    pub late: bool,
    /// Print JSON for scripts.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportState {
    Expected,
    Late,
    ReceivedUnread,
    Read,
}

/// One report, also its JSON shape.
#[derive(Debug, Serialize)]
pub struct ReportRow {
    pub due: NaiveDate,
    pub course: u64,
    pub case: CaseId,
    pub case_name: String,
    pub supplier: String,
    pub is_final: bool,
    pub state: ReportState,
    /// Calendar days past the due date while not received.
    pub days_late: i64,
}

pub fn run(ctx: &Context, args: &Args) -> Result<ExitCode> {
    let store = ctx.open_store()?;
    let today = ctx.today();
    let (cases, contacts) = super::names(&store)?;
    let mut rows = Vec::new();
    for course in store.all::<Course>()? {
        for report in &course.reports {
            let state = match (report.received, report.read) {
                (None, _) if report.due < today => ReportState::Late,
                (None, _) => ReportState::Expected,
                (Some(_), None) => ReportState::ReceivedUnread,
                (Some(_), Some(_)) => ReportState::Read,
            };
            if args.late && state != ReportState::Late {
                continue;
            }
            rows.push(ReportRow {
                due: report.due,
                course: course.id.0,
                case: course.case,
                case_name: cases.get(&course.case).cloned().unwrap_or_default(),
                supplier: contacts.get(&course.supplier).cloned().unwrap_or_default(),
                is_final: report.is_final,
                state,
                days_late: if state == ReportState::Late {
                    (today - report.due).num_days()
                } else {
                    0
                },
            });
        }
    }
    rows.sort_by_key(|r| (r.due, r.course));
    if args.json {
        println!("{}", serde_json::to_string_pretty(&rows)?);
        return Ok(ExitCode::SUCCESS);
    }
    for r in &rows {
        let late = if r.days_late > 0 {
            format!(" · {} days late", r.days_late)
        } else {
            String::new()
        };
        println!(
            "{}  {:<22} {} · {:?}{}{}",
            format_date(r.due),
            r.case_name,
            r.supplier,
            r.state,
            if r.is_final { " · final" } else { "" },
            late
        );
    }
    Ok(ExitCode::SUCCESS)
}
