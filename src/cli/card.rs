//! `caseplan card CASE`: the case card as a plain sheet (also the printable case sheet) or JSON.
//!
//! CASE is a case id, or a name (every word the start of a word of the name or alias), a
//! phone number or a case reference that fits exactly one case, closed cases included.

use crate::context::Context;
use crate::domain::chase::Urgency;
use crate::i18n::due_words::cadence_line;
use crate::i18n::{
    self, Lang, Msg, label_contact_kind, label_course_kind, label_form, label_purpose,
    label_target_group,
};
use crate::model::{CaseId, CaseStatus, Channel, Party};
use crate::query::card::{Card, LastContact, card};
use crate::search::{Filter, HitKind, SearchIndex, Target};
use crate::store::Store;
use crate::time::{format_date, format_datetime};
use anyhow::{Result, bail};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A case id, a name, a phone number or a case reference.
    #[arg(required = true, num_args = 1..)]
    pub case: Vec<String>,
    /// Print JSON for scripts.
    #[arg(long)]
    pub json: bool,
}

/// How many candidates an ambiguous name lists.
const MAX_CANDIDATES: usize = 10;
/// The width of the sheet's labels.
const LABEL: usize = 18;

pub fn run(ctx: &Context, args: &Args) -> Result<ExitCode> {
    let store = ctx.open_store_for_reading()?;
    let lang = ctx.lang();
    let query = args.case.join(" ");
    let Some(id) = resolve(&store, &query, lang)? else {
        return Ok(ExitCode::FAILURE);
    };
    let Some(card) = card(&store, id, &ctx.config, &ctx.zone, ctx.clock.now())? else {
        bail!("case {id} is gone");
    };
    store.close_for_exit()?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&card)?);
    } else {
        say_raw!("{}", sheet(&card, lang, ctx.today()));
    }
    Ok(ExitCode::SUCCESS)
}

/// The one case `query` names; otherwise says why on stderr (listing candidates) and gives
/// `None`.
pub(crate) fn resolve(store: &Store, query: &str, lang: Lang) -> Result<Option<CaseId>> {
    if let Ok(raw) = query.trim().parse::<u64>()
        && store.get::<crate::model::Case>(CaseId(raw))?.is_some()
    {
        return Ok(Some(CaseId(raw)));
    }
    let index = SearchIndex::of_cases(store)?;
    let hits: Vec<_> = index
        .search(
            query,
            Filter {
                include_closed: true,
            },
            usize::MAX,
        )
        .into_iter()
        .filter(|h| matches!(h.kind, HitKind::Case | HitKind::ClosedCase))
        .collect();
    let exact: Vec<_> = hits.iter().filter(|h| h.exact).collect();
    match exact.as_slice() {
        [one] => {
            if let Target::Case(id) = one.target {
                return Ok(Some(id));
            }
        }
        [] if hits.is_empty() => {
            say_err!(
                "{}",
                Msg::CliNoCaseMatches.text(lang).replace("{query}", query)
            )
        }
        [] => {
            say_err!(
                "{}",
                Msg::CliNoCaseNamed.text(lang).replace("{query}", query)
            );
            list(hits.iter(), lang);
        }
        many => {
            say_err!(
                "{}",
                Msg::CliManyCases
                    .text(lang)
                    .replace("{query}", query)
                    .replace("{n}", &many.len().to_string())
            );
            list(many.iter().copied(), lang);
        }
    }
    Ok(None)
}

fn list<'a>(hits: impl Iterator<Item = &'a crate::search::Hit>, lang: Lang) {
    for hit in hits.take(MAX_CANDIDATES) {
        let id = match hit.target {
            Target::Case(id) => id.0,
            _ => continue,
        };
        say_err!(
            "  {id:>6}  {:<28} {}  ({})",
            hit.title,
            hit.detail,
            hit.kind.label(lang)
        );
    }
}

/// A word of the sheet in `lang`.
// TODO(i18n): these belong in the catalogue with the card screen's texts.
fn t(lang: Lang, da: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Da => da,
        Lang::En => en,
    }
}

/// The card as a plain-text sheet: headings, aligned lines, no colour.
pub fn sheet(card: &Card, lang: Lang, today: NaiveDate) -> String {
    let mut out = Sheet::default();
    let mut title = card.name.clone();
    if !card.alias.is_empty() {
        title.push_str(&format!(" ({})", card.alias));
    }
    out.push(title.clone());
    out.push("=".repeat(title.chars().count()));
    let mut head = vec![format!("{} {}", Msg::Case.text(lang), card.id)];
    if !card.reference.is_empty() {
        head.push(card.reference.clone());
    }
    head.push(label_target_group(&card.target_group, lang).into_owned());
    if let CaseStatus::Closed(on) = card.status {
        head.push(format!(
            "{} {}",
            t(lang, "lukket", "closed"),
            format_date(on)
        ));
    }
    out.push(head.join(" · "));
    let mut flags = Vec::new();
    if card.flags.sos {
        flags.push(
            t(
                lang,
                "SOS: vagt/kollega i nærheden",
                "SOS: guard or colleague nearby",
            )
            .into(),
        );
    }
    if card.flags.no_working_phone {
        flags.push(t(lang, "ingen telefon der virker", "no working phone").into());
    }
    if let Some(language) = &card.flags.interpreter {
        flags.push(format!("{}: {language}", Msg::Interpreter.text(lang)));
    }
    if card.flags.call_before_summons {
        flags.push(t(lang, "ring før indkaldelse", "call before a summons").into());
    }
    if let Some(away) = &card.away {
        flags.push(crate::i18n::away_words(away, lang));
    }
    if !flags.is_empty() {
        out.push(format!("! {}", flags.join(" · ")));
    }

    out.heading(t(lang, "Telefon", "Phones"));
    if card.phones.is_empty() {
        out.push("  -".into());
    }
    for phone in &card.phones {
        let state = if phone.confirmed {
            t(lang, "bekræftet", "confirmed")
        } else {
            t(lang, "ikke bekræftet", "not confirmed")
        };
        let mut line = format!("  {:<18}{state}", phone.number);
        if !phone.source.is_empty() {
            line.push_str(&format!(" · {}", phone.source));
        }
        out.push(line);
    }
    out.field(t(lang, "Kan nås via", "Reach via"), &card.reach_via);
    let prefs = &card.preferences;
    let preferences: Vec<&str> = [
        prefs.time_of_day.as_str(),
        prefs.place.as_str(),
        prefs.channel.as_str(),
    ]
    .into_iter()
    .filter(|p| !p.is_empty())
    .collect();
    out.field(t(lang, "Foretrækker", "Prefers"), &preferences.join(" · "));

    out.heading(t(lang, "Status", "Where we are"));
    out.always(Msg::WhereNow.text(lang), &card.where_now);
    out.always(Msg::NextStep.text(lang), &card.next_step);
    out.always(t(lang, "Plan B", "Plan B"), &card.plan_b);
    out.always(t(lang, "Sidst fortalt", "Last told"), &card.last_told);

    out.heading(t(lang, "Kontakt", "Contact"));
    out.always(
        t(lang, "Sidste kontakt", "Last contact"),
        &card
            .last_contact
            .as_ref()
            .map(|c| contact_line(c, lang))
            .unwrap_or_default(),
    );
    if let Some(attempt) = &card.last_attempt {
        out.field(
            t(lang, "Senere forsøg", "Later attempt"),
            &contact_line(attempt, lang),
        );
    }
    let next = card.next_meeting.as_ref().map(|m| {
        format!(
            "{} · {} · {}",
            when(m.start, lang),
            label_purpose(&m.purpose, lang),
            label_form(m.form, lang)
        )
    });
    out.always(
        t(lang, "Næste samtale", "Next meeting"),
        &next.unwrap_or_default(),
    );
    if let Some(cadence) = &card.cadence {
        let mut parts = cadence_line(cadence, card.cadence_days_late, today, lang);
        if let Some(due) = parts.first_mut()
            && card.cadence_days_late.is_some()
        {
            *due = format!("! {due}");
        }
        out.always(Msg::ContactCadence.text(lang), &parts.join(" · "));
    }
    let y = card.last_year;
    out.always(
        t(lang, "Seneste 12 mdr.", "Last 12 months"),
        &format!(
            "{} {} · {} {} · {} {}",
            y.held,
            Msg::Held.text(lang).to_lowercase(),
            y.cancelled_by_citizen,
            Msg::CancelledByCitizen.text(lang).to_lowercase(),
            y.no_show,
            Msg::NoShow.text(lang).to_lowercase()
        ),
    );

    out.heading(t(lang, "Aftaler", "Agreements"));
    if card.agreements.is_empty() {
        out.push("  -".into());
    }
    for a in &card.agreements {
        let who = match a.who {
            Party::Citizen => Msg::Citizen.text(lang),
            Party::Caseworker => Msg::Caseworker.text(lang),
            Party::Other => Msg::Other.text(lang),
        };
        let mut line = format!("  {who:<16}{}", a.what);
        if let Some(due) = a.due {
            line.push_str(&format!(" · {}", format_date(due)));
        }
        if a.overdue {
            line.push_str(&format!(" · {}", Msg::Overdue.text(lang).to_uppercase()));
        }
        out.push(line);
    }

    out.heading(t(lang, "Forløb", "Courses"));
    if card.courses.is_empty() {
        out.push("  -".into());
    }
    for c in &card.courses {
        let mut who = c.supplier.name.clone();
        if let Some(consultant) = &c.consultant {
            who.push_str(&format!(", {}", consultant.name));
            if !consultant.work_phone.is_empty() {
                who.push_str(&format!(" {}", consultant.work_phone));
            }
        }
        out.push(format!(
            "  {} · {who} · {}–{}",
            label_course_kind(&c.kind, lang),
            format_date(c.start),
            format_date(c.end)
        ));
        let mut reports = Vec::new();
        if let Some(due) = c.next_report_due {
            reports.push(format!(
                "{} {}",
                t(lang, "næste rapport", "next report"),
                format_date(due)
            ));
        }
        if !c.late_reports.is_empty() {
            reports.push(format!(
                "{}: {}",
                t(lang, "MANGLER", "LATE"),
                dates(&c.late_reports)
            ));
        }
        if !c.unread_reports.is_empty() {
            reports.push(format!(
                "{}: {}",
                t(lang, "ulæst", "unread"),
                dates(&c.unread_reports)
            ));
        }
        if !reports.is_empty() {
            out.push(format!("    {}", reports.join(" · ")));
        }
    }

    out.heading(t(lang, "Lægelige anmodninger", "Medical requests"));
    if card.medical_requests.is_empty() && card.received_requests.is_empty() {
        out.push("  -".into());
    }
    if let Some(flag) = card.medical_info.flag(lang) {
        out.push(format!("  ! {flag}"));
    }
    for r in card.received_requests.iter().chain(&card.medical_requests) {
        let words = r.words(lang, today);
        out.push(format!("  {}", words.title));
        let mark = if words.urgency == Urgency::Quiet {
            ""
        } else {
            "! "
        };
        let mut state = vec![format!("{mark}{}", words.state)];
        state.extend(words.facts);
        out.push(format!("    {}", state.join(" · ")));
    }

    out.heading(t(lang, "Netværk", "Network"));
    if card.network.is_empty() {
        out.push("  -".into());
    }
    for n in &card.network {
        let mut name = n.name.clone();
        if !n.organisation.is_empty() {
            name.push_str(&format!(" ({})", n.organisation));
        }
        let role = if n.role.is_empty() {
            n.kind
                .map(|k| label_contact_kind(k, lang).into())
                .unwrap_or_default()
        } else {
            crate::i18n::label_network_role(&n.role, lang)
        };
        out.push(format!("  {role:<16}{name:<36} {}", n.work_phone));
    }

    let notes_heading = if card.notes_total > card.notes.len() {
        format!(
            "{} ({} {} {})",
            t(lang, "Notater", "Notes"),
            card.notes.len(),
            t(lang, "af", "of"),
            card.notes_total
        )
    } else {
        t(lang, "Notater", "Notes").to_string()
    };
    out.heading(&notes_heading);
    if card.notes.is_empty() {
        out.push("  -".into());
    }
    for n in &card.notes {
        let mut line = format!("  {}  {}", format_datetime(n.at), n.subject);
        if !n.journalised {
            line.push_str(&format!(
                "  [{}]",
                t(lang, "ikke journaliseret", "not recorded")
            ));
        }
        out.push(line);
    }
    out.text
}

fn contact_line(c: &LastContact, lang: Lang) -> String {
    let ago = match c.days_ago {
        0 => Msg::Today.text(lang).to_lowercase(),
        1 => Msg::Yesterday.text(lang).to_lowercase(),
        n => format!("{n} {}", t(lang, "dage siden", "days ago")),
    };
    let mut line = format!(
        "{} · {} · {ago}",
        when(c.at, lang),
        channel(c.channel, lang)
    );
    if !c.reached {
        line.push_str(&format!(" · {}", t(lang, "ikke fået fat", "not reached")));
    }
    line
}

fn when(at: NaiveDateTime, lang: Lang) -> String {
    format!(
        "{} {}",
        i18n::weekday_short(at.date().weekday(), lang),
        format_datetime(at)
    )
}

fn dates(days: &[NaiveDate]) -> String {
    days.iter()
        .map(|d| format_date(*d))
        .collect::<Vec<_>>()
        .join(", ")
}

fn channel(channel: Channel, lang: Lang) -> &'static str {
    match channel {
        Channel::Phone => Msg::Phone.text(lang),
        Channel::Sms => "SMS",
        Channel::Mail => t(lang, "Mail", "E-mail"),
        Channel::Letter => t(lang, "e-Boks", "e-Boks letter"),
        Channel::Video => Msg::Video.text(lang),
        Channel::Walk => Msg::Walk.text(lang),
        Channel::Visit => Msg::HomeVisit.text(lang),
        Channel::Meeting => Msg::Meeting.text(lang),
    }
}

/// Lines of the sheet.
#[derive(Default)]
struct Sheet {
    text: String,
}

impl Sheet {
    fn push(&mut self, line: String) {
        self.text.push_str(line.trim_end());
        self.text.push('\n');
    }

    fn heading(&mut self, title: &str) {
        self.text.push('\n');
        self.push(title.to_string());
    }

    /// A labelled line, left out when empty.
    fn field(&mut self, label: &str, value: &str) {
        if !value.trim().is_empty() {
            self.always(label, value);
        }
    }

    /// A labelled line, "-" when empty.
    fn always(&mut self, label: &str, value: &str) {
        let value = if value.trim().is_empty() { "-" } else { value };
        self.push(format!("  {label:<LABEL$}{value}"));
    }
}
