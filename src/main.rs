//! The `caseplan` binary: argument parsing and start-up; everything else is in the library.

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

use anyhow::Result;
use caseplan::app::opening::Opening;
use caseplan::cli::{self, Cli};
use caseplan::context::Context;
use caseplan::i18n::Lang;
use clap::{CommandFactory, FromArgMatches};
use std::process::ExitCode;

fn main() -> ExitCode {
    restore_default_sigpipe();
    private_files();
    few_malloc_arenas();
    // The locale's language until the configuration, which may name another, is read; the
    // command line's own help follows the locale.
    let mut lang = Lang::from_locale();
    let matches = cli::help_da::localise(Cli::command(), lang).get_matches();
    let args = match Cli::from_arg_matches(&matches) {
        Ok(args) => args,
        Err(err) => err.exit(),
    };
    match run(&args, &mut lang) {
        Ok(code) => code,
        Err(err) => {
            // Errors can quote stored text (a name): no control characters reach the terminal.
            eprintln!(
                "caseplan: {}",
                caseplan::screen_text::lines(&cli::error_text(&err, lang))
            );
            ExitCode::from(cli::exit_code(&err))
        }
    }
}

fn run(args: &Cli, lang: &mut Lang) -> Result<ExitCode> {
    if let Some(done) = args.command.as_ref().and_then(|c| c.run_standalone()) {
        return done;
    }
    let mut ctx = Context::new(
        args.data.as_deref(),
        args.config.as_deref(),
        args.now.as_deref(),
    )?;
    *lang = ctx.lang();
    if let Some(command) = &args.command {
        let code = cli::run(&ctx, command);
        cli::backup::compose_if_overdue(&ctx);
        return code;
    }
    let keymap = ctx.keymap()?;
    if args.demo {
        // A throwaway database, removed when `demo_dir` is dropped on exit.
        let demo_dir = tempfile::Builder::new()
            .prefix("caseplan-demo-")
            .tempdir()?;
        ctx.data_dir = demo_dir.path().to_path_buf();
        let store = ctx.open_store()?;
        let data = caseplan::demo::generate(
            &caseplan::demo::DemoSpec::new(50, 1, ctx.today()).at_time(ctx.now_local().time()),
        );
        store.import(&data)?;
        let opening = Opening::done(Ok(store), &ctx);
        caseplan::app::run(&ctx, opening, keymap, true)?;
        return Ok(ExitCode::SUCCESS);
    }
    // Opened beside the first frame; the planner writes the day's backup in the background.
    let opening = Opening::for_planner(&ctx)?;
    let store = caseplan::app::run(&ctx, opening, keymap, false)?;
    // A read the planner began beside its first frame may still hold the store; quitting does
    // not wait for it. Every change was flushed when it was written, and the process ends
    // under the read. Quit before the database was open, the open is left to end with the
    // process, as after a kill; the next start takes it up.
    if let Some(store) = store.and_then(|store| std::sync::Arc::try_unwrap(store).ok()) {
        store.close_for_exit()?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Every file and folder caseplan creates is the user's alone, sled's own files included (sled
/// creates them with the default mode).
fn private_files() {
    #[cfg(unix)]
    // SAFETY: umask only sets the process's file mode mask; it cannot fail.
    unsafe {
        libc::umask(0o077);
    }
}

/// glibc gives each thread that allocates its own heap (up to eight per core), and memory freed
/// in one is not reused by another: with the database opened on one thread and read on others
/// (the planner's first frame, #21), the planner at 10,000 cases peaked at 98 MB against a
/// budget of 100 MB; with two heaps, 90 MB, at the same speed (`MALLOC_ARENA_MAX` still wins).
fn few_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
        // SAFETY: called once at start-up, before any other thread exists; mallopt only
        // changes the allocator's settings.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, 2);
        }
    }
}

/// Rust ignores SIGPIPE, so `caseplan agenda | head` would fail on a closed pipe; a command-line
/// tool should end quietly instead, as other Unix tools do.
fn restore_default_sigpipe() {
    #[cfg(unix)]
    // SAFETY: called once at start-up, before any other thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
