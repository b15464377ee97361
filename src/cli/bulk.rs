//! `caseplan bulk cancel|convert --from D --to D`: when plans break (#17), every meeting of a
//! date range at once. Prints the preview the planner shows (or JSON), asks once on a terminal
//! (`--yes` does not ask; without a terminal it refuses), and writes the meetings and one
//! "inform and rebook" item per citizen in one write. Nothing is sent to anyone.

use crate::context::Context;
use crate::domain::bulk::{BulkRequest, Fate, Why};
use crate::i18n::bulk_words::{
    change_word, note_or_default, plan_sum, preview_lines, range_words, step_label,
};
use crate::i18n::{Lang, Msg};
use crate::model::{BulkChange, MeetingForm};
use crate::privacy::check_no_cpr;
use crate::query::bulk::{BulkPreview, preview};
use anyhow::Result;
use chrono::Duration;
use serde_json::json;
use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Operation {
    /// Mark the meetings aflyst (cancelled by you), with a note.
    Cancel,
    /// The same time and purpose by phone or video.
    Convert,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ToForm {
    Phone,
    Video,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// `cancel` marks the meetings aflyst; `convert` changes their form and keeps their time.
    #[arg(value_enum)]
    pub operation: Operation,
    /// The first day ("i dag", "mandag", "7/12").
    #[arg(long, value_name = "DATE")]
    pub from: String,
    /// The last day, included.
    #[arg(long, value_name = "DATE")]
    pub to: String,
    /// What `convert` changes the meetings to (default: phone).
    #[arg(long, value_enum, value_name = "FORM")]
    pub to_form: Option<ToForm>,
    /// Leave alone the meetings about a case that the citizen does not take part in.
    #[arg(long)]
    pub only_with_citizens: bool,
    /// Change the internal blocks (telefonvagt, admin) too.
    #[arg(long)]
    pub include_internal: bool,
    /// Why, kept on each cancelled meeting and on each citizen's item ("sygdom").
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Do it without asking.
    #[arg(long)]
    pub yes: bool,
    /// Write the preview as JSON to standard output (what was done goes to standard error).
    #[arg(long)]
    pub json: bool,
}

/// The longest range one operation covers: a year.
const MOST_DAYS: i64 = 366;

pub fn run(ctx: &Context, args: &Args) -> Result<ExitCode> {
    let lang = ctx.lang();
    let request = request(ctx, args)?;
    let store = ctx.open_store()?;
    let preview = preview(&store, &request, ctx.now_local())?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&document(&preview))?);
    } else {
        say!(
            "{} {}",
            change_word(request.change, lang),
            range_words(request.from, request.to, lang)
        );
        say!("{}", plan_sum(&preview.plan, lang));
        say!("");
        for (line, _) in preview_lines(&preview, lang, true) {
            say!("{}", line.trim_end());
        }
    }
    if !preview.plan.changes_anything() {
        say_err!("{}", Msg::BulkNothingToChange.text(lang));
        return Ok(ExitCode::SUCCESS);
    }
    if !args.yes && !asked_yes(lang)? {
        say_err!("{}", Msg::BulkCliNotDone.text(lang));
        return Ok(ExitCode::SUCCESS);
    }
    let (forward, _) = preview.changes(ctx.today());
    store.write(&forward)?;
    say_err!("{}: {}", Msg::Saved.text(lang), step_label(&preview, lang));
    Ok(ExitCode::SUCCESS)
}

/// The request the arguments make, or why they are refused.
fn request(ctx: &Context, args: &Args) -> Result<BulkRequest> {
    let lang = ctx.lang();
    let (from, to) = (ctx.parse_date(&args.from)?, ctx.parse_date(&args.to)?);
    if to < from {
        refuse!("--to ({to}) is before --from ({from})");
    }
    if to - from >= Duration::days(MOST_DAYS) {
        refuse!(
            "{} (--from {from} --to {to})",
            Msg::BulkRangeTooLong.text(lang)
        );
    }
    let change = match (args.operation, args.to_form) {
        (Operation::Cancel, Some(_)) => refuse!("{}", Msg::BulkCliFormOnlyConvert.text(lang)),
        (Operation::Cancel, None) => BulkChange::Cancel,
        (Operation::Convert, None | Some(ToForm::Phone)) => BulkChange::Convert(MeetingForm::Phone),
        (Operation::Convert, Some(ToForm::Video)) => BulkChange::Convert(MeetingForm::Video),
    };
    let typed = args.note.as_deref().unwrap_or("");
    check_no_cpr("note", typed)?;
    Ok(BulkRequest {
        change,
        from,
        to,
        only_with_citizens: args.only_with_citizens,
        include_internal: args.include_internal,
        note: note_or_default(typed, change, lang),
    })
}

/// Asks once on the terminal; refuses when there is none to ask on.
fn asked_yes(lang: Lang) -> Result<bool> {
    if !std::io::stdin().is_terminal() {
        refuse!("{}", Msg::BulkCliNotTerminal.text(lang));
    }
    eprint!("{}", Msg::BulkCliAsk.text(lang));
    std::io::stderr().flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    let answer = answer.trim().to_lowercase();
    Ok(matches!(answer.as_str(), "j" | "ja" | "y" | "yes"))
}

/// The preview for scripts: every meeting with its fate, the citizens with how to reach them.
fn document(preview: &BulkPreview) -> serde_json::Value {
    let plan = &preview.plan;
    let request = &plan.request;
    let meetings: Vec<_> = plan
        .meetings
        .iter()
        .map(|p| {
            let (fate, why) = fate_names(p.fate);
            json!({
                "id": p.meeting.id,
                "case": p.meeting.case,
                "name": p.meeting.case.map(|c| preview.name(c)),
                "start": p.start,
                "purpose": p.meeting.purpose,
                "form": p.meeting.form,
                "fate": fate,
                "why": why,
            })
        })
        .collect();
    let citizens: Vec<_> = plan
        .citizens
        .iter()
        .map(|a| {
            let reach = preview.reach.get(&a.case).cloned().unwrap_or_default();
            json!({
                "case": a.case,
                "name": preview.name(a.case),
                "meetings": a.meetings.iter().map(|(id, _)| id).collect::<Vec<_>>(),
                "phone": reach.phone,
                "channel": reach.channel,
                "reach_via": reach.via,
            })
        })
        .collect();
    json!({
        "change": request.change,
        "from": request.from,
        "to": request.to,
        "note": request.note,
        "meetings": meetings,
        "citizens": citizens,
    })
}

fn fate_names(fate: Fate) -> (&'static str, Option<&'static str>) {
    match fate {
        Fate::Cancel => ("cancel", None),
        Fate::Skip => ("skip", None),
        Fate::Convert(_) => ("convert", None),
        Fate::ConvertOnce(_) => ("convert_once", None),
        Fate::Leave(why) => (
            "leave",
            Some(match why {
                Why::Internal => "internal",
                Why::WithoutCitizen => "without_citizen",
                Why::NotPlanned(_) => "not_planned",
                Why::Begun => "begun",
                Why::AlreadyInForm => "already_in_form",
            }),
        ),
    }
}
