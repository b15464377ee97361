//! `caseplan reports`: suppliers' progress reports across the caseload by due date.

use crate::context::Context;
use crate::domain::reports::ReportState;
use crate::domain::reports::{days_report_late, report_state};
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
    let store = ctx.open_store_for_reading()?;
    let today = ctx.today();
    let (cases, contacts) = super::names(&store)?;
    let mut rows = Vec::new();
    for course in store.all::<Course>()? {
        for report in &course.reports {
            let state = report_state(report, today);
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
                days_late: days_report_late(report, today),
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
        say!(
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
