//! `export`, `import` and `restore`: the whole database as one JSON document.

use super::progress::Bar;
use crate::context::Context;
use crate::i18n::Msg;
use crate::store::{self, ExportDocument, ExportFile};
use anyhow::{Context as _, Result};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Where to write the document; `-` writes to standard output.
    pub file: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// A document written by `caseplan export`; `-` reads standard input.
    pub file: PathBuf,
    /// Replace everything in a database that already holds data.
    #[arg(long)]
    pub replace: bool,
}

#[derive(Debug, clap::Args)]
pub struct RestoreArgs {
    /// A backup file (from the `backups` folder beside the database) or an export; default:
    /// the newest backup. Every change the journal holds after a backup is replayed.
    pub file: Option<PathBuf>,
}

pub fn export(ctx: &Context, args: &ExportArgs) -> Result<ExitCode> {
    let store = ctx.open_store_for_reading()?;
    let mut bar = Bar::new(Msg::ProgressExport, ctx.lang());
    let data = store.export_reporting(&mut |p| bar.report(p))?;
    let text = ExportDocument::new(data, ctx.clock.now()).to_json();
    drop(bar);
    if args.file.as_os_str() == "-" {
        print!("{text}");
    } else {
        store::write_private_file(&args.file, text.as_bytes())
            .with_context(|| format!("could not write {}", args.file.display()))?;
        say_err!(
            "{}",
            Msg::CliExported
                .text(ctx.lang())
                .replace("{file}", &args.file.display().to_string())
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub fn import(ctx: &Context, args: &ImportArgs) -> Result<ExitCode> {
    let mut bar = Bar::new(Msg::ProgressImport, ctx.lang());
    // Standard input is read into a private file beside the database first: the import reads
    // its document twice (the head, then the records) and never holds it whole.
    let piped = if args.file.as_os_str() == "-" {
        Some(stdin_to_private_file(ctx)?)
    } else {
        None
    };
    let path = piped.as_ref().map_or(args.file.as_path(), |f| f.path());
    // The head first, so a file that is no export is refused before the database is opened.
    let document = ExportFile::open(path)
        .with_context(|| format!("{} is not a caseplan export document", args.file.display()))?;
    let store = ctx.open_store()?;
    let records = store.import_file(&document, args.replace, &mut |p| bar.report(p))?;
    drop(bar);
    say_err!(
        "{}",
        Msg::CliImported
            .text(ctx.lang())
            .replace("{n}", &records.to_string())
            .replace("{file}", &args.file.display().to_string())
            .replace("{dir}", &store.dir().display().to_string())
    );
    Ok(ExitCode::SUCCESS)
}

/// Standard input in a file only the user can read, removed when it is dropped.
fn stdin_to_private_file(ctx: &Context) -> Result<tempfile::NamedTempFile> {
    std::fs::create_dir_all(&ctx.data_dir)
        .with_context(|| format!("could not create {}", ctx.data_dir.display()))?;
    let mut file = tempfile::Builder::new()
        .prefix(".import-")
        .tempfile_in(&ctx.data_dir)
        .with_context(|| format!("could not write into {}", ctx.data_dir.display()))?;
    std::io::copy(&mut std::io::stdin().lock(), &mut file)
        .context("could not read standard input")?;
    Ok(file)
}

pub fn restore(ctx: &Context, args: &RestoreArgs) -> Result<ExitCode> {
    let mut bar = Bar::new(Msg::ProgressRestore, ctx.lang());
    let restored = store::backup::restore_reporting(
        &ctx.data_dir,
        args.file.as_deref(),
        ctx.today(),
        &mut |p| bar.report(p),
    )?;
    drop(bar);
    let total: usize = restored.store.counts().iter().map(|(_, n)| n).sum();
    let from = match &restored.backup {
        Some(file) => format!(
            "the backup {} ({} records)",
            file.display(),
            restored.backup_records
        ),
        None => "an empty database".into(),
    };
    let journal = match restored.replayed {
        Some(1) => "and replayed 1 change from the journal after it".to_string(),
        Some(n) => format!("and replayed {n} changes from the journal after it"),
        None => "without the journal (it does not follow this file, so changes made after it \
                 are not replayed)"
            .into(),
    };
    say_err!(
        "restored {} from {from} {journal}: {total} records",
        restored.store.dir().display()
    );
    if let Some(aside) = &restored.aside {
        say_err!("the previous database was kept in {}", aside.display());
    }
    Ok(ExitCode::SUCCESS)
}
