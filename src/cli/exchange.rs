//! `export`, `import` and `restore`: the whole database as one JSON document.

use crate::context::Context;
use crate::store::{self, ExportDocument};
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
    /// A document written by `caseplan export`.
    pub file: PathBuf,
    /// Replace everything in a database that already holds data.
    #[arg(long)]
    pub replace: bool,
}

#[derive(Debug, clap::Args)]
pub struct RestoreArgs {
    /// A backup file (from the `backups` folder beside the database) or an export.
    pub file: PathBuf,
}

pub fn export(ctx: &Context, args: &ExportArgs) -> Result<ExitCode> {
    let store = ctx.open_store()?;
    let text = ExportDocument::new(store.export()?, ctx.clock.now()).to_json();
    if args.file.as_os_str() == "-" {
        print!("{text}");
    } else {
        store::write_private_file(&args.file, text.as_bytes())
            .with_context(|| format!("could not write {}", args.file.display()))?;
        eprintln!("exported to {}", args.file.display());
    }
    Ok(ExitCode::SUCCESS)
}

pub fn import(ctx: &Context, args: &ImportArgs) -> Result<ExitCode> {
    let document = read_document(&args.file)?;
    let store = ctx.open_store()?;
    if args.replace {
        store.import_replacing(&document.data)?;
    } else {
        store.import(&document.data)?;
    }
    eprintln!(
        "imported {} records from {} into {}",
        document.data.record_count(),
        args.file.display(),
        store.dir().display()
    );
    Ok(ExitCode::SUCCESS)
}

pub fn restore(ctx: &Context, args: &RestoreArgs) -> Result<ExitCode> {
    let store = store::backup::restore(&ctx.data_dir, &args.file)?;
    let counts: usize = store.counts().iter().map(|(_, n)| n).sum();
    eprintln!(
        "restored {counts} records from {} into {}",
        args.file.display(),
        store.dir().display()
    );
    Ok(ExitCode::SUCCESS)
}

fn read_document(path: &PathBuf) -> Result<ExportDocument> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("could not read {}", path.display()))?;
    ExportDocument::from_json(&text)
        .with_context(|| format!("{} is not a caseplan export document", path.display()))
}
