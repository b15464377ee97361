//! The command line: one file per subcommand. Commands reuse the domain and the store and never
//! go through the TUI.

/// Text output, through the filter the planner's screen applies ([`crate::screen_text`]):
/// stored text never reaches the terminal with control characters.
macro_rules! say {
    ($($arg:tt)*) => {
        println!("{}", $crate::screen_text::lines(&format!($($arg)*)))
    };
}

/// Like [`say!`], on standard error.
macro_rules! say_err {
    ($($arg:tt)*) => {
        eprintln!("{}", $crate::screen_text::lines(&format!($($arg)*)))
    };
}

/// Like [`say!`], without a line break at the end.
macro_rules! say_raw {
    ($($arg:tt)*) => {
        print!("{}", $crate::screen_text::lines(&format!($($arg)*)))
    };
}

/// Returns a [`Refused`] error from the function, formatted like `format!`.
macro_rules! refuse {
    ($($arg:tt)*) => {
        return Err($crate::cli::Refused(format!($($arg)*)).into())
    };
}

mod add;
mod agenda;
pub mod backup;
mod board;
mod bulk;
mod card;
mod case;
mod check;
mod config;
mod demo;
mod due;
mod exchange;
mod find;
pub mod help_da;
mod ics;
mod plan;
pub mod progress;
mod reports;
mod requests;
mod sheet;
mod shell;

pub use due::document as due_document;

/// Leaves a large value of a command about to exit to the operating system, which takes it back
/// with the process, instead of freeing it piece by piece: at 10,000 cases the Today list and
/// its document (35,000 items) or the board's rows took a twentieth of `due` or `board`.
fn leave_for_exit<T>(value: T) {
    std::mem::forget(value);
}

/// Prints `value` as pretty JSON and a line break, written straight to standard output instead
/// of built as one string first (the Today list at 10,000 cases is 9 MB).
fn print_json<T: serde::Serialize>(value: &T) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    out.flush()?;
    Ok(())
}

use crate::context::Context;
use crate::i18n::Lang;
use crate::model::{Case, CaseId, Contact, ContactId};
use crate::store::Store;
use anyhow::Result;
use clap::{Parser, Subcommand};
use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "caseplan",
    version,
    about = "A keyboard-driven planner for jobcenter caseworkers"
)]
pub struct Cli {
    /// Data directory (default: the platform data dir, e.g. ~/.local/share/caseplan).
    #[arg(long, global = true, value_name = "DIR", env = "CASEPLAN_DATA")]
    pub data: Option<PathBuf>,
    /// Configuration file (default: config.toml in the platform config dir).
    #[arg(long, global = true, value_name = "FILE", env = "CASEPLAN_CONFIG")]
    pub config: Option<PathBuf>,
    /// Freeze the clock at a local time, "YYYY-MM-DD HH:MM" (for demos and tests).
    #[arg(long, global = true, value_name = "TIME")]
    pub now: Option<String>,
    /// Open the planner on a fresh demo caseload that is removed on exit.
    #[arg(long)]
    pub demo: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Meetings in order, with parties and place.
    Agenda(agenda::Args),
    /// Book a meeting from one line: "tir 10:30 45m Jensen opfølgning".
    Add(add::Args),
    /// Cases: `case add NAME`, `case edit REF` (network, away, own cadence, flags, …).
    #[command(subcommand)]
    Case(case::Command),
    /// Write the whole database as one JSON document.
    Export(exchange::ExportArgs),
    /// Read a JSON document written by `export` (validated before anything is written).
    Import(exchange::ImportArgs),
    /// Restore a damaged database from a backup (the damaged one is kept aside).
    Restore(exchange::RestoreArgs),
    /// Write today's backup now (for cron when the planner is not used): the day's backup is
    /// composed from the previous one and the journal; the newest 14 are kept.
    Backup(backup::Args),
    /// Verify that records and indexes agree.
    Check,
    /// Print the effective configuration.
    Config,
    /// Fill the database with a fictitious demo caseload.
    Demo(demo::Args),
    /// Suppliers' progress reports by due date.
    Reports(reports::Args),
    /// Everything due or overdue across the caseload (the Today list).
    Due(due::Args),
    /// Propose the week's bookings that keep every case on time (nothing is booked).
    Plan(plan::Args),
    /// Medical requests by next action date, with their chase state.
    Requests(requests::Args),
    /// Find cases, contacts and upcoming meetings by name, phone number or case reference.
    Find(find::Args),
    /// Print a case's card: phones, flags, where we are, agreements, courses, requests, network.
    Card(card::Args),
    /// The caseload board: one line per active case; --md gives the monthly review sheet.
    Board(board::Args),
    /// Sheets to print: `sheet day` (each meeting of a day) and `sheet case NAME` (the card).
    #[command(subcommand)]
    Sheet(sheet::Command),
    /// When plans break: cancel or convert every meeting of a date range at once, after a
    /// preview; one "inform and rebook" item per citizen goes on Today (#17).
    Bulk(bulk::Args),
    /// Calendars as .ics files: `ics export FILE` for Outlook, `ics import FILE` from it.
    #[command(subcommand)]
    Ics(ics::Command),
    /// Print shell completions: `caseplan completions bash > ~/.local/share/bash-completion/completions/caseplan`.
    Completions(shell::CompletionsArgs),
    /// Print the manual page: `caseplan man > ~/.local/share/man/man1/caseplan.1`.
    Man(shell::ManArgs),
}

impl Command {
    /// Runs a command that needs neither a database nor a configuration; `None` for the others.
    pub fn run_standalone(&self) -> Option<Result<ExitCode>> {
        match self {
            Command::Completions(args) => Some(shell::completions(args)),
            Command::Man(args) => Some(shell::man(args)),
            _ => None,
        }
    }
}

/// What the command was given and refused: an option out of range, a missing name, a database
/// that is not empty. Exit code 2, like every other refusal of bad input.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Refused(pub String);

/// The exit code of a failed command: 2 when what it was given was refused (a date, a quick-add
/// line, a CPR number, an option, a configuration, keymap or .ics file that does not read, a
/// record outside the sane ranges), 1 for everything else (the database, the disk).
pub fn exit_code(err: &anyhow::Error) -> u8 {
    use crate::config::ConfigError;
    use crate::domain::quick_add::QuickAddError;
    use crate::ics::IcsError;
    use crate::keymap::KeymapError;
    use crate::privacy::CprError;
    use crate::store::StoreError;
    use crate::time::{ParseError, ZoneError};
    let refused = err.chain().any(|cause| {
        cause.is::<Refused>()
            || cause.is::<ParseError>()
            || cause.is::<QuickAddError>()
            || cause.is::<CprError>()
            || cause.is::<ZoneError>()
            || cause.is::<ConfigError>()
            || cause.is::<KeymapError>()
            || matches!(
                cause.downcast_ref::<IcsError>(),
                Some(e) if !matches!(e, IcsError::Read { .. } | IcsError::Write { .. })
            )
            || matches!(
                cause.downcast_ref::<StoreError>(),
                Some(
                    StoreError::Cpr(_)
                        | StoreError::DateOutOfRange { .. }
                        | StoreError::IdOutOfRange { .. }
                        | StoreError::Invalid { .. }
                        | StoreError::NotEmpty { .. }
                )
            )
    });
    if refused { 2 } else { 1 }
}

/// An error for standard error in the interface language: what a person typed or stored wrong
/// (a date, a quick-add line, a CPR number, a full disk) as the planner words it, anything else
/// with its causes.
pub fn error_text(err: &anyhow::Error, lang: Lang) -> String {
    use crate::domain::quick_add::QuickAddError;
    use crate::i18n::{cpr_error, parse_error, quick_add_error, store_error};
    use crate::privacy::CprError;
    use crate::store::StoreError;
    use crate::time::ParseError;
    for cause in err.chain() {
        if let Some(e) = cause.downcast_ref::<CprError>() {
            return cpr_error(e, lang);
        }
        if let Some(StoreError::Cpr(e)) = cause.downcast_ref::<StoreError>() {
            return cpr_error(e, lang);
        }
        if let Some(e) = cause.downcast_ref::<StoreError>()
            && e.unwritable().is_some()
        {
            return store_error(e, lang);
        }
        if let Some(e) = cause.downcast_ref::<ParseError>() {
            return parse_error(e, lang);
        }
        if let Some(e) = cause.downcast_ref::<QuickAddError>() {
            return quick_add_error(e, lang);
        }
    }
    chain_text(err)
}

/// The error and its causes, each said once: errors here quote their cause in their own
/// message, so a cause already in the text before it is not repeated.
fn chain_text(err: &anyhow::Error) -> String {
    let mut text = err.to_string();
    for cause in err.chain().skip(1) {
        let cause = cause.to_string();
        if !text.contains(&cause) {
            text.push_str(": ");
            text.push_str(&cause);
        }
    }
    text
}

/// Runs a subcommand; `None` means the caller should start the TUI.
pub fn run(ctx: &Context, command: &Command) -> Result<ExitCode> {
    match command {
        Command::Agenda(args) => agenda::run(ctx, args),
        Command::Add(args) => add::run(ctx, args),
        Command::Case(command) => case::run(ctx, command),
        Command::Export(args) => exchange::export(ctx, args),
        Command::Import(args) => exchange::import(ctx, args),
        Command::Restore(args) => exchange::restore(ctx, args),
        Command::Backup(args) => backup::run(ctx, args),
        Command::Check => check::run(ctx),
        Command::Config => config::run(ctx),
        Command::Demo(args) => demo::run(ctx, args),
        Command::Reports(args) => reports::run(ctx, args),
        Command::Requests(args) => requests::run(ctx, args),
        Command::Due(args) => due::run(ctx, args),
        Command::Plan(args) => plan::run(ctx, args),
        Command::Find(args) => find::run(ctx, args),
        Command::Card(args) => card::run(ctx, args),
        Command::Board(args) => board::run(ctx, args),
        Command::Ics(command) => ics::run(ctx, command),
        Command::Sheet(command) => sheet::run(ctx, command),
        Command::Bulk(args) => bulk::run(ctx, args),
        Command::Completions(args) => shell::completions(args),
        Command::Man(args) => shell::man(args),
    }
}

/// Every case's and contact's name by id, for commands that list across the caseload.
fn names(store: &Store) -> Result<(HashMap<CaseId, String>, HashMap<ContactId, String>)> {
    let cases = store
        .all::<Case>()?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    let contacts = store
        .all::<Contact>()?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    Ok((cases, contacts))
}
