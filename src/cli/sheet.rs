//! `caseplan sheet day|case`: the day sheet and the case sheet to print (#17), as text,
//! Markdown or PDF, written to the data directory's exports/ (readable by the user alone)
//! unless `--out` says where.

use crate::context::Context;
use crate::i18n::Msg;
use crate::paper::Format;
use crate::query::sheet::{case_file, case_sheet, day_file, day_sheet};
use crate::store::{write_export, write_private_file};
use anyhow::{Context as _, Result};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// The day sheet: each meeting with time, place, parties, phones, what to mind in the room,
    /// where the case stands, open agreements and lines to write on.
    Day(DayArgs),
    /// The case sheet: the case card on paper, with lines to write on.
    Case(CaseArgs),
}

#[derive(Debug, clap::Args)]
pub struct DayArgs {
    /// The day ("i morgen", "tir", "24/11", "+3d"); default today.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    #[command(flatten)]
    pub output: Output,
}

#[derive(Debug, clap::Args)]
pub struct CaseArgs {
    /// A case id, a name, a phone number or a case reference.
    #[arg(required = true, num_args = 1..)]
    pub case: Vec<String>,
    #[command(flatten)]
    pub output: Output,
}

#[derive(Debug, clap::Args)]
pub struct Output {
    /// pdf to print, text or md (Markdown).
    #[arg(long, value_enum, default_value = "pdf", value_name = "FORMAT")]
    pub format: Format,
    /// Where to write it; `-` writes to standard output. Default: exports/ in the data
    /// directory.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

pub fn run(ctx: &Context, command: &Command) -> Result<ExitCode> {
    let lang = ctx.lang();
    let today = ctx.today();
    let store = ctx.open_store_for_reading()?;
    let (paper, name, output) = match command {
        Command::Day(args) => {
            let date = match &args.date {
                Some(text) => ctx.parse_date(text)?,
                None => today,
            };
            let paper = day_sheet(&store, date, lang)?;
            (paper, day_file(date), &args.output)
        }
        Command::Case(args) => {
            let query = args.case.join(" ");
            let Some(id) = super::card::resolve(&store, &query, lang)? else {
                return Ok(ExitCode::FAILURE);
            };
            let Some(paper) =
                case_sheet(&store, id, &ctx.config, &ctx.zone, ctx.clock.now(), lang)?
            else {
                anyhow::bail!("case {id} is gone");
            };
            (paper, case_file(id, today), &args.output)
        }
    };
    let bytes = paper.render(output.format)?;
    let name = format!("{name}.{}", output.format.extension());
    let path = match output.out.as_deref() {
        Some(path) if path.as_os_str() == "-" => {
            let mut out = std::io::stdout().lock();
            out.write_all(&bytes)?;
            out.flush()?;
            return Ok(ExitCode::SUCCESS);
        }
        Some(path) => {
            write_private_file(path, &bytes)
                .with_context(|| format!("could not write {}", path.display()))?;
            path.to_path_buf()
        }
        None => write_export(&ctx.data_dir, &name, &bytes)
            .with_context(|| format!("could not write {name} in exports/"))?,
    };
    say!("{} {}", Msg::SheetWritten.text(lang), path.display());
    Ok(ExitCode::SUCCESS)
}
