use crate::context::Context;
use anyhow::Result;
use std::process::ExitCode;

/// Verifies records and indexes; exits 1 and lists the problems when they disagree.
pub fn run(ctx: &Context) -> Result<ExitCode> {
    let store = ctx.open_store()?;
    let problems = store.check();
    if problems.is_empty() {
        println!("ok: records and indexes agree ({})", store.dir().display());
        return Ok(ExitCode::SUCCESS);
    }
    for problem in &problems {
        eprintln!("{problem}");
    }
    eprintln!(
        "{} problem(s) found. Restore from a backup with `caseplan restore FILE` (see {}).",
        problems.len(),
        store.dir().join("backups").display()
    );
    Ok(ExitCode::FAILURE)
}
