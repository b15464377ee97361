//! `caseplan case add NAME`: a case from the command line, e.g. the first one.

use crate::context::Context;
use crate::model::{Case, CaseFlags, CaseId, CaseStatus, Phone, Preferences, target_group};
use anyhow::Result;
use std::process::ExitCode;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Add a case: `caseplan case add "Anne Jensen" --reference 2026-04512 --phone "+45 20 12 34 56"`.
    Add(AddArgs),
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// The citizen's name or an alias.
    pub name: String,
    /// The case reference in the municipality's case system (never the CPR number).
    #[arg(long, default_value = "")]
    pub reference: String,
    /// Target group key (aktivitetsparat, ressourceforloeb, jobafklaring, sygedagpenge,
    /// ledighedsydelse, andet, or one from the configuration).
    #[arg(long, default_value = target_group::AKTIVITETSPARAT)]
    pub group: String,
    /// A phone number; repeat for more.
    #[arg(long)]
    pub phone: Vec<String>,
}

pub fn run(ctx: &Context, command: &Command) -> Result<ExitCode> {
    let Command::Add(args) = command;
    let known = ctx.config.cadence.iter().any(|rule| rule.key == args.group)
        || target_group::ALL.contains(&args.group.as_str());
    if !known {
        refuse!(
            "unknown target group \"{}\"; use one of {} or add it to the configuration",
            args.group,
            target_group::ALL.join(", ")
        );
    }
    if args.name.trim().is_empty() {
        refuse!("the case needs a name or an alias");
    }
    let store = ctx.open_store()?;
    let case = Case {
        id: CaseId(store.next_id()?),
        name: args.name.trim().to_string(),
        alias: String::new(),
        reference: args.reference.trim().to_string(),
        phones: args
            .phone
            .iter()
            .map(|number| Phone {
                number: number.clone(),
                confirmed: false,
                source: String::new(),
            })
            .collect(),
        target_group: args.group.clone(),
        flags: CaseFlags::default(),
        reach_via: String::new(),
        preferences: Preferences::default(),
        where_now: String::new(),
        next_step: String::new(),
        plan_b: String::new(),
        last_told: String::new(),
        network: Vec::new(),
        cadence_override: None,
        away: Vec::new(),
        status: CaseStatus::Active,
        created: ctx.clock.now(),
    };
    // Refuses a CPR number in any field before anything is written; flushed before it returns.
    store.put(&case)?;
    say!("added case {} ({})", case.name, case.id);
    Ok(ExitCode::SUCCESS)
}
