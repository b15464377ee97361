use super::progress::Bar;
use crate::context::Context;
use crate::demo::{DemoSpec, generate};
use crate::i18n::Msg;
use anyhow::Result;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Number of cases.
    #[arg(long, default_value_t = 50)]
    pub cases: usize,
    /// Seed: the same seed gives the same caseload.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Meetings per case per year of history (12 gives 8–15 a week at 50 cases).
    #[arg(long, default_value_t = 12)]
    pub meetings_per_case: u32,
    /// Years of history: the last year's meetings repeated further back (for measuring).
    #[arg(long, default_value_t = 1)]
    pub years: u32,
}

/// Fills an empty database with a fictitious caseload.
pub fn run(ctx: &Context, args: &Args) -> Result<ExitCode> {
    let mut bar = Bar::new(Msg::ProgressDemo, ctx.lang());
    let store = ctx.open_store()?;
    if !store.is_empty() {
        refuse!(
            "{} already holds data; the demo only fills an empty database. \
             Use --data DIR with a new directory, or start `caseplan --demo` for a throwaway one.",
            store.dir().display()
        );
    }
    let mut spec =
        DemoSpec::new(args.cases, args.seed, ctx.today()).at_time(ctx.now_local().time());
    spec.meetings_per_case_per_year = args.meetings_per_case;
    let spec = spec.with_years(args.years);
    let data = generate(&spec);
    store.import_reporting(&data, &mut |p| bar.report(p))?;
    drop(bar);
    say!(
        "demo caseload written to {}: {} cases, {} contacts, {} meetings",
        store.dir().display(),
        data.cases.len(),
        data.contacts.len(),
        data.meetings.len()
    );
    Ok(ExitCode::SUCCESS)
}
