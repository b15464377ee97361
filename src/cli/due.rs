//! `caseplan due`: the Today list, for scripts and a morning mail.

use crate::context::Context;
use crate::domain::due::{DueGroup, DueList, DueWhat};
use crate::i18n::due_words::{call_back_when, due_reason, due_title};
use crate::i18n::{Lang, Msg};
use crate::model::CaseId;
use crate::query::today::{default_until, today_list};
use crate::time::format_date;
use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The day to list for ("fre", "+3d", "1/12"); default today.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Print JSON for scripts (see the README for the shape).
    #[arg(long)]
    pub json: bool,
}

/// The JSON document.
#[derive(Debug, Serialize)]
pub struct DueDocument {
    pub today: NaiveDate,
    pub until: NaiveDate,
    pub counts: Counts,
    pub items: Vec<DueRow>,
}

#[derive(Debug, Serialize)]
pub struct Counts {
    /// Call-backs and outcomes to write.
    pub now: usize,
    pub overdue: usize,
    pub today: usize,
    pub coming: usize,
    pub snoozed: usize,
}

/// One item: stable fields, the words in the interface language, and the facts behind them.
#[derive(Debug, Serialize)]
pub struct DueRow {
    pub group: DueGroup,
    pub key: String,
    pub due: NaiveDate,
    pub kind: &'static str,
    pub case: CaseId,
    pub case_name: String,
    pub days_late: Option<u32>,
    pub title: String,
    pub reason: String,
    pub facts: DueWhat,
}

/// The list as a JSON document in `lang`.
pub fn document(list: &DueList, today: NaiveDate, until: NaiveDate, lang: Lang) -> DueDocument {
    DueDocument {
        today,
        until,
        counts: Counts {
            now: list.now.len(),
            overdue: list.overdue.len(),
            today: list.today.len(),
            coming: list.coming.len(),
            snoozed: list.snoozed,
        },
        items: list
            .items()
            .map(|(group, item)| DueRow {
                group,
                key: item.key.clone(),
                due: item.due,
                kind: item.what.kind_name(),
                case: item.case,
                case_name: item.case_name.clone(),
                days_late: item.days_late,
                title: due_title(item, lang),
                reason: match call_back_when(item, today, lang) {
                    Some(when) => format!("{when}, {}", due_reason(item, today, lang)),
                    None => due_reason(item, today, lang),
                },
                facts: item.what.clone(),
            })
            .collect(),
    }
}

pub fn run(ctx: &Context, args: &Args) -> Result<ExitCode> {
    let today = match &args.date {
        Some(text) => ctx.parse_date(text)?,
        None => ctx.today(),
    };
    let until = default_until(today);
    let store = ctx.open_store_for_reading()?;
    // Another day's list is as of this time of day on that day.
    let now = today.and_time(ctx.now_local().time());
    let list = today_list(&store, &ctx.config, &ctx.zone, now, until)?;
    store.close_for_exit()?;
    let lang = ctx.lang();
    let doc = document(&list, today, until, lang);
    if args.json {
        super::print_json(&doc)?;
    } else {
        say_raw!("{}", text(&doc, lang));
    }
    super::leave_for_exit((list, doc));
    Ok(ExitCode::SUCCESS)
}

/// The list as text: a header with the counts, then the groups, in the Today screen's words.
pub fn text(doc: &DueDocument, lang: Lang) -> String {
    let now_word = Msg::NowWord.text(lang);
    let overdue = Msg::DueOverdueWord.text(lang);
    let today_word = Msg::DueTodayWord.text(lang);
    let coming = Msg::DueComingWord.text(lang);
    let mut out = format!(
        "{} – {}: {} {overdue} · {} {today_word} · {} {coming}\n",
        format_date(doc.today),
        format_date(doc.until),
        doc.counts.overdue,
        doc.counts.today,
        doc.counts.coming
    );
    for (group, heading) in [
        (DueGroup::Now, now_word),
        (DueGroup::Overdue, overdue),
        (DueGroup::Today, today_word),
        (DueGroup::Coming, coming),
    ] {
        let rows: Vec<&DueRow> = doc.items.iter().filter(|r| r.group == group).collect();
        if rows.is_empty() {
            continue;
        }
        out.push_str(&format!("\n{heading} ({})\n", rows.len()));
        for r in rows {
            out.push_str(&format!(
                "{}  {:<22} {} — {}\n",
                format_date(r.due),
                r.case_name,
                r.title,
                r.reason
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::due::{DueItem, DueList};
    use crate::model::{AgreementId, Party};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn text_uses_the_today_screens_words() {
        let item = DueItem {
            key: "agreement:5:2026-11-20".into(),
            due: d("2026-11-20"),
            case: CaseId(1),
            case_name: "Anna".into(),
            days_late: Some(4),
            what: DueWhat::Agreement {
                agreement: AgreementId(5),
                who: Party::Caseworker,
                text: "Ringer".into(),
            },
        };
        let list = DueList {
            overdue: vec![item],
            ..DueList::default()
        };
        let (today, until) = (d("2026-11-24"), d("2026-12-01"));
        let da = text(&document(&list, today, until, Lang::Da), Lang::Da);
        assert!(
            da.starts_with("24.11.2026 – 01.12.2026: 1 for sent · 0 i dag · 0 kommende\n"),
            "{da}"
        );
        assert!(da.contains("\nfor sent (1)\n20.11.2026  Anna"), "{da}");
        assert!(!da.contains("Forfaldne"), "{da}");
        let en = text(&document(&list, today, until, Lang::En), Lang::En);
        assert!(en.contains("\noverdue (1)\n"), "{en}");
    }
}
