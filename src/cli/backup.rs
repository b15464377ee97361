//! `caseplan backup`: today's backup written now, for whoever never starts the planner (the
//! planner composes it on its second thread). Meant for cron; a writing command also starts a
//! composer in the background when the newest backup file is a week old (see
//! [`compose_if_overdue`]).

use super::progress::Bar;
use crate::context::Context;
use crate::i18n::Msg;
use crate::store::{MoveSize, backup};
use anyhow::{Context as _, Result};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only compose the missing backup from the previous one and the journal, never opening
    /// the database (what a writing command starts in the background).
    #[arg(long, hide = true)]
    pub from_files: bool,
}

pub fn run(ctx: &Context, args: &Args) -> Result<ExitCode> {
    let stop = AtomicBool::new(false);
    if args.from_files {
        backup::compose_missing(
            &ctx.data_dir,
            ctx.today(),
            &mut crate::store::progress::quiet,
            &stop,
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let store = ctx.open_store_for_reading()?;
    let today = ctx.today();
    let mut bar = Bar::new(Msg::ProgressBackup, ctx.lang());
    // Here a large move of cold history to the archive is done too, with the bar.
    backup::start_daily_with(&store, today, MoveSize::All, &mut |p| bar.report(p), &stop)
        .context("could not start today's backup")?;
    let written = backup::finish_daily_waiting(
        &store,
        today,
        ctx.clock.now(),
        &mut |p| bar.report(p),
        &stop,
        true,
    )
    .context("could not write today's backup")?;
    drop(bar);
    let (message, file) = match (written, backup::newest(store.dir(), today)) {
        (Some(file), _) => (Msg::CliBackupWritten, Some(file)),
        (None, Some(file)) => (Msg::CliBackupThere, Some(file)),
        (None, None) => (Msg::CliBackupNothing, None),
    };
    let file = file.map(|f| f.display().to_string()).unwrap_or_default();
    say_err!("{}", message.text(ctx.lang()).replace("{file}", &file));
    Ok(ExitCode::SUCCESS)
}

/// After a writing command that began a new day's backup: when the newest backup file is a
/// week old or more (a caseworker who only uses the command line), composes the missing one in
/// a detached process that never opens the database, so this command waits for nothing and
/// the next command finds the database free. Its failure costs nothing: the journal holds
/// every change, and the next day's first write tries again.
pub fn compose_if_overdue(ctx: &Context) {
    if !ctx.backup_started() || !backup::is_overdue(&ctx.data_dir, ctx.today()) {
        return;
    }
    let Ok(exe) = std::env::current_exe() else {
        return;
    };
    let mut command = std::process::Command::new(exe);
    command.arg("--data").arg(&ctx.data_dir);
    if let Some(config) = &ctx.given.config {
        command.arg("--config").arg(config);
    }
    if let Some(now) = &ctx.given.now {
        command.arg("--now").arg(now);
    }
    command
        .args(["backup", "--from-files"])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    #[cfg(unix)]
    {
        // Its own process group: a Ctrl-C meant for the next command does not stop it.
        use std::os::unix::process::CommandExt;
        command.process_group(0);
    }
    // Never waited for: it outlives this process, whose exit hands it to init.
    #[allow(clippy::zombie_processes)]
    let _ = command.spawn();
}
