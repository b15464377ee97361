use crate::context::Context;
use crate::store::{JournalCheck, Recovery, backup};
use anyhow::Result;
use std::process::ExitCode;

/// Verifies records and indexes, and that the database holds what the newest backup and the
/// journal after it say; exits 1 and lists the problems when anything disagrees.
pub fn run(ctx: &Context) -> Result<ExitCode> {
    let store = ctx.open_store_for_reading()?;
    let mut problems = store.check();
    let journal = store.check_journal()?;
    let journal_line = match journal {
        JournalCheck::Compared {
            backup,
            changes,
            problems: found,
        } => {
            problems.extend(found);
            let base = match backup {
                Some(file) => format!("the backup {}", file.display()),
                None => "the database's start".into(),
            };
            format!(
                "the journal agrees with the database ({base} and {changes} change(s) after it)"
            )
        }
        JournalCheck::NoChain { backup } => match backup {
            Some(file) => format!(
                "the journal starts after the newest backup {}, so it was not compared",
                file.display()
            ),
            None => "there is no journal to compare with".into(),
        },
    };
    if problems.is_empty() {
        say!(
            "ok: records and indexes agree; {journal_line} ({})",
            store.dir().display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    for problem in &problems {
        say_err!("{problem}");
    }
    let advice = match backup::recovery(store.dir(), ctx.today()) {
        Recovery::Nothing => format!(
            "Restore from a backup with `caseplan restore FILE` (see {}).",
            store.dir().join("backups").display()
        ),
        other => other.to_string(),
    };
    say_err!("{} problem(s) found. {advice}", problems.len());
    Ok(ExitCode::FAILURE)
}
