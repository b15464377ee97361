use crate::context::Context;
use anyhow::Result;
use std::process::ExitCode;

/// Prints the effective configuration as TOML.
pub fn run(ctx: &Context) -> Result<ExitCode> {
    print!("{}", ctx.config.to_toml());
    Ok(ExitCode::SUCCESS)
}
