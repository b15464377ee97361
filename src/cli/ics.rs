//! `caseplan ics export FILE` and `caseplan ics import FILE`: the meetings out as an .ics
//! calendar for Outlook, Google or Apple, and the official calendar in as busy time (#16).

use crate::context::Context;
use crate::i18n::Msg;
use crate::ics::{self, ExportParams, ImportParams, Privacy, import::DEFAULT_SOURCE};
use crate::store::write_private_file;
use anyhow::{Context as _, Result};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Write the meetings as an .ics calendar (`-` writes to standard output).
    Export(ExportArgs),
    /// Read an .ics calendar (an Outlook export) as busy time; importing the same source
    /// again replaces what it brought before.
    Import(ImportArgs),
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Where to write the calendar; `-` writes to standard output.
    pub file: PathBuf,
    /// The first day ("24/11", "i dag", "-4u"); default: every meeting on file.
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// The last day.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// What a summary says: `initials` the purpose, initials and case reference; `full` the
    /// citizen's name; `none` only "busy".
    #[arg(long, value_enum, default_value_t = Privacy::Initials)]
    pub privacy: Privacy,
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// An .ics file, e.g. saved from Outlook with "Save calendar".
    pub file: PathBuf,
    /// The calendar's name on its blocks; a re-import of the same name replaces it.
    #[arg(long, default_value = DEFAULT_SOURCE)]
    pub source: String,
}

pub fn run(ctx: &Context, command: &Command) -> Result<ExitCode> {
    match command {
        Command::Export(args) => export(ctx, args),
        Command::Import(args) => import(ctx, args),
    }
}

fn export(ctx: &Context, args: &ExportArgs) -> Result<ExitCode> {
    let day = |text: &Option<String>| text.as_deref().map(|t| ctx.parse_date(t)).transpose();
    let (from, to) = (day(&args.from)?, day(&args.to)?);
    if let (Some(from), Some(to)) = (from, to)
        && to < from
    {
        refuse!("--to ({to}) is before --from ({from})");
    }
    let store = ctx.open_store_for_reading()?;
    let params = ExportParams {
        zone: ctx.zone,
        lang: ctx.lang(),
        privacy: args.privacy,
        from,
        to,
        stamp: ctx.clock.now(),
    };
    let text = ics::export(&store, &params)?;
    if args.file.as_os_str() == "-" {
        print!("{text}");
    } else {
        write_private_file(&args.file, text.as_bytes())
            .with_context(|| format!("could not write {}", args.file.display()))?;
        let events = text.matches("BEGIN:VEVENT").count();
        say_err!(
            "{}",
            Msg::CliIcsWritten
                .text(ctx.lang())
                .replace("{n}", &events.to_string())
                .replace("{file}", &args.file.display().to_string())
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn import(ctx: &Context, args: &ImportArgs) -> Result<ExitCode> {
    let bytes = std::fs::read(&args.file)
        .with_context(|| format!("could not read {}", args.file.display()))?;
    let store = ctx.open_store()?;
    let params = ImportParams {
        source: &args.source,
        zone: ctx.zone,
        today: ctx.today(),
    };
    let imported = ics::plan_import(&store, &bytes, params)
        .with_context(|| format!("{} was not imported", args.file.display()))?;
    store.write(&imported.forward)?;
    let summary = &imported.summary;
    for warning in &summary.warnings {
        say_err!("{}: {warning}", args.file.display());
    }
    say_err!("{}: {}", summary.source, summary.line());
    Ok(ExitCode::SUCCESS)
}
