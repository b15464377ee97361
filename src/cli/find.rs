//! `caseplan find QUERY`: the finder's ranked results — cases, contacts, upcoming meetings.

use crate::context::Context;
use crate::i18n::Lang;
use crate::model::ContactKind;
use crate::search::{Filter, Hit, HitKind, SearchIndex, Target};
use anyhow::Result;
use chrono::NaiveDateTime;
use serde::Serialize;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A name, part of a name, a phone number (any spacing, +45 or not) or a case reference.
    #[arg(required = true, num_args = 1..)]
    pub query: Vec<String>,
    /// Also find closed cases.
    #[arg(long)]
    pub closed: bool,
    /// At most this many results.
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub limit: usize,
    /// Print JSON for scripts (see the README for the shape).
    #[arg(long)]
    pub json: bool,
}

/// One result as `--json` prints it.
#[derive(Debug, Serialize)]
pub struct FoundItem {
    /// `case`, `closed_case`, `contact` or `meeting`.
    pub kind: &'static str,
    pub kind_label: &'static str,
    /// The contact's kind (`gp`, `supplier` …) for contacts.
    pub contact_kind: Option<ContactKind>,
    /// The case, contact or meeting id.
    pub id: u64,
    /// The occurrence's start for meetings.
    pub start: Option<NaiveDateTime>,
    pub title: String,
    pub detail: String,
    pub score: i64,
    pub exact: bool,
    /// Char indices into `title` that matched.
    pub matched: Vec<usize>,
}

impl FoundItem {
    pub fn new(hit: Hit, lang: Lang) -> FoundItem {
        let (id, start) = match hit.target {
            Target::Case(id) => (id.0, None),
            Target::Contact(id) => (id.0, None),
            Target::Meeting(id, start) => (id.0, Some(start)),
        };
        FoundItem {
            kind: hit.kind.key(),
            kind_label: hit.kind.label(lang),
            contact_kind: match hit.kind {
                HitKind::Contact(kind) => Some(kind),
                _ => None,
            },
            id,
            start,
            title: hit.title,
            detail: hit.detail,
            score: hit.score,
            exact: hit.exact,
            matched: hit.matched,
        }
    }
}

pub fn run(ctx: &Context, args: &Args) -> Result<ExitCode> {
    let store = ctx.open_store_for_reading()?;
    let lang = ctx.lang();
    let index = SearchIndex::build(&store, ctx.today(), lang)?;
    store.close_for_exit()?;
    let filter = Filter {
        include_closed: args.closed,
    };
    let items: Vec<FoundItem> = index
        .search(&args.query.join(" "), filter, args.limit)
        .into_iter()
        .map(|hit| FoundItem::new(hit, lang))
        .collect();
    if args.json {
        println!("{}", serde_json::to_string_pretty(&items)?);
    } else if items.is_empty() {
        say!("-");
    } else {
        let width = items
            .iter()
            .map(|i| i.kind_label.chars().count())
            .max()
            .unwrap_or(0);
        for item in &items {
            say!(
                "{:<width$}  {:<28} {}  [{}]",
                item.kind_label,
                item.title,
                item.detail,
                item.id
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
