//! `caseplan board`: the caseload board — one line per active case — as a text table, JSON,
//! CSV or the Markdown review sheet.

use crate::context::Context;
use crate::query::board::{BoardParams, BoardRow, board};
use crate::query::board_filter::BoardFilter;
use crate::query::board_sheet::{self, flags_short};
use anyhow::{Context as _, Result};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print JSON for scripts.
    #[arg(long, group = "format")]
    pub json: bool,
    /// Print CSV (comma-separated, quoted where needed) for a spreadsheet.
    #[arg(long, group = "format")]
    pub csv: bool,
    /// Print the monthly review sheet as Markdown.
    #[arg(long, group = "format")]
    pub md: bool,
    /// Only cases with something overdue: cadence date passed, a late report, a medical
    /// request past its deadline.
    #[arg(long)]
    pub overdue: bool,
    /// Keep the cases matching a filter, as on the screen's `f`: "gruppe:sygedagpenge
    /// leverandør:udsyn flag:sos".
    #[arg(long, value_name = "FILTER")]
    pub filter: Option<String>,
}

pub fn run(ctx: &Context, args: &Args) -> Result<ExitCode> {
    let store = ctx.open_store_for_reading()?;
    let lang = ctx.lang();
    let today = ctx.today();
    let params = BoardParams {
        now: ctx.now_local(),
        zone: ctx.zone,
        lang,
        medical: ctx.config.medical.clone(),
        cadence: ctx.config.cadence.clone(),
        group_labels: ctx
            .config
            .cadence
            .iter()
            .map(|rule| {
                let label = ctx.config.target_group_label(&rule.key, lang);
                (rule.key.clone(), label.into_owned())
            })
            .collect(),
    };
    let filter = BoardFilter::parse(args.filter.as_deref().unwrap_or(""))
        .context("could not read --filter")?;
    let rows: Vec<BoardRow> = board(&store, &params)?
        .into_iter()
        .filter(|r| !args.overdue || r.is_overdue(today))
        .filter(|r| filter.matches(r))
        .collect();
    store.close_for_exit()?;
    if args.json {
        super::print_json(&rows)?;
    } else if args.csv {
        // The byte order mark a spreadsheet reads the encoding from has no width: it goes
        // around the filter.
        let sheet = board_sheet::csv(&rows, today, lang);
        let body = sheet.strip_prefix('\u{feff}').unwrap_or(&sheet);
        print!("\u{feff}");
        say_raw!("{body}");
    } else if args.md {
        say_raw!(
            "{}",
            board_sheet::markdown(&rows, today, lang, args.filter.as_deref())
        );
    } else {
        for row in &rows {
            say!("{}", text_line(row, today, lang));
        }
    }
    super::leave_for_exit(rows);
    Ok(ExitCode::SUCCESS)
}

/// "Anne Jensen   Aktivitetsparat kontanthjælp   14 d · SOS · kommende samtale 01.12.2026 10:00".
fn text_line(row: &BoardRow, today: chrono::NaiveDate, lang: crate::i18n::Lang) -> String {
    let mut facts = vec![match row.days_since_contact {
        Some(days) => format!("{days} d"),
        None => "–".to_string(),
    }];
    let flags = flags_short(&row.flags, lang);
    if !flags.is_empty() {
        facts.push(flags);
    }
    facts.extend(board_sheet::open_items(row, today, lang));
    format!(
        "{}  {}  {}",
        pad(&row.name, 24),
        pad(&row.target_group_label, 30),
        facts.join(" · ")
    )
}

/// `text` cut or padded to `width` characters.
fn pad(text: &str, width: usize) -> String {
    let count = text.chars().count();
    if count > width {
        let mut out: String = text.chars().take(width.saturating_sub(1)).collect();
        out.push('…');
        out
    } else {
        format!("{text}{}", " ".repeat(width - count))
    }
}
