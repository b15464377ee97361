//! `caseplan requests`: medical requests across the caseload by next action date.

use crate::context::Context;
use crate::domain::chase::{self, RequestState};
use crate::i18n::{Lang, Msg, label_request_kind, request_state};
use crate::model::{CaseId, MedicalRequest};
use crate::time::format_date;
use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only requests not yet received or withdrawn.
    #[arg(long)]
    pub open: bool,
    /// Print JSON for scripts.
    #[arg(long)]
    pub json: bool,
}

/// One request, also its JSON shape.
#[derive(Debug, Serialize)]
pub struct RequestRow {
    pub id: u64,
    pub case: CaseId,
    pub case_name: String,
    pub kind: String,
    pub recipient: String,
    pub sent: Option<NaiveDate>,
    pub state: RequestState,
    /// The next step's due date under the chase schedule (a reminder, a call, acting on it).
    pub next_action: Option<NaiveDate>,
    pub chases: usize,
}

pub fn run(ctx: &Context, args: &Args) -> Result<ExitCode> {
    let store = ctx.open_store_for_reading()?;
    let today = ctx.today();
    let medical = &ctx.config.medical;
    let (cases, contacts) = super::names(&store)?;
    let mut rows: Vec<RequestRow> = store
        .all::<MedicalRequest>()?
        .into_iter()
        .filter(|r| !args.open || r.is_open())
        .map(|r| RequestRow {
            id: r.id.0,
            case: r.case,
            case_name: cases.get(&r.case).cloned().unwrap_or_default(),
            kind: r.kind.clone(),
            recipient: r
                .recipient
                .and_then(|id| contacts.get(&id).cloned())
                .unwrap_or_default(),
            sent: r.sent,
            state: chase::state(&r, today, medical),
            next_action: chase::next_step(&r, today, medical).map(|step| step.due),
            chases: r.chases.len(),
        })
        .collect();
    // Soonest action first; requests with nothing to do last.
    rows.sort_by_key(|r| (r.next_action.is_none(), r.next_action, r.id));
    if args.json {
        println!("{}", serde_json::to_string_pretty(&rows)?);
        return Ok(ExitCode::SUCCESS);
    }
    let lang = ctx.lang();
    for r in &rows {
        say!("{}", text_line(r, lang));
    }
    Ok(ExitCode::SUCCESS)
}

/// "25.11.2026  Anne Jensen   Statusattest · Lægehuset · rykker 1 sendt · 1 rykker"; a
/// withdrawn or acted-on request says so where the state goes ("trukket tilbage 12.11.2026"),
/// with "-" for its next action.
fn text_line(r: &RequestRow, lang: Lang) -> String {
    let mut parts = vec![label_request_kind(&r.kind, lang).into_owned()];
    if !r.recipient.is_empty() {
        parts.push(r.recipient.clone());
    }
    parts.push(request_state(r.state, lang));
    match r.chases {
        0 => {}
        1 => parts.push(format!("1 {}", Msg::HintChase.text(lang))),
        n => parts.push(format!("{n} {}", Msg::ChasesWord.text(lang))),
    }
    format!(
        "{:<10}  {:<22} {}",
        r.next_action.map_or_else(|| "-".to_string(), format_date),
        r.case_name,
        parts.join(" · ")
    )
}
