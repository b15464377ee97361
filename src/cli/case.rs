//! `caseplan case add NAME` and `caseplan case edit REF`: a case from the command line with the
//! same fields as the planner's case form (network, away periods, own cadence, preferences,
//! reach via, flags).

use super::Refused;
use crate::context::Context;
use crate::domain::workdays::DaysOff;
use crate::i18n::Msg;
use crate::model::FreeText;
use crate::model::{
    AwayPeriod, AwayReason, CadenceOverride, Case, CaseFlags, CaseId, CaseStatus, Contact,
    ContactId, NetworkLink, Phone, Preferences, network_role, target_group,
};
use crate::privacy::check_no_cpr;
use crate::search::normalise;
use crate::store::Store;
use crate::time::{parse_date_with, parse_every_days};
use anyhow::{Result, bail};
use chrono::NaiveDate;
use std::process::ExitCode;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Add a case: `caseplan case add "Anne Jensen" --reference 2026-04512 --phone "+45 20 12 34 56"
    /// --network "Lone Holm:læge" --away 2026-12-01..2026-12-11:ferie --cadence 7d:2027-03-01`.
    Add(Box<AddArgs>),
    /// Change a case (by number, reference or name): only the options given change;
    /// `--network` and `--away` add to what is there.
    Edit(Box<EditArgs>),
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// The citizen's name or an alias.
    pub name: String,
    /// Target group key (aktivitetsparat, ressourceforloeb, jobafklaring, sygedagpenge,
    /// ledighedsydelse, andet, or one from the configuration).
    #[arg(long, default_value = target_group::AKTIVITETSPARAT)]
    pub group: String,
    /// Print the new case as JSON (the stored record, its id included) instead of a line.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub fields: Fields,
}

#[derive(Debug, clap::Args)]
pub struct EditArgs {
    /// The case: its number, its reference or its name.
    pub case: String,
    /// A new name or alias.
    #[arg(long)]
    pub name: Option<String>,
    /// Target group key, as for `case add`.
    #[arg(long)]
    pub group: Option<String>,
    /// Remove every network contact before adding the `--network` ones.
    #[arg(long)]
    pub clear_network: bool,
    /// Remove the network contact with this name.
    #[arg(long, value_name = "NAME")]
    pub remove_network: Vec<String>,
    /// Remove every away period before adding the `--away` ones.
    #[arg(long)]
    pub clear_away: bool,
    /// End the away period running on this date early, on this date ("4/12", "2026-12-04").
    #[arg(long, value_name = "DATE")]
    pub end_away: Option<String>,
    #[command(flatten)]
    pub fields: Fields,
}

/// The fields `add` and `edit` share. Left out, a field stays as it is (`add`: empty).
#[derive(Debug, clap::Args)]
pub struct Fields {
    /// The case reference in the municipality's case system (never the CPR number).
    #[arg(long)]
    pub reference: Option<String>,
    #[arg(long)]
    pub alias: Option<String>,
    /// A phone number; repeat for more (`edit`: replaces the numbers).
    #[arg(long)]
    pub phone: Vec<String>,
    /// A contact in the network with its role, "NAME:ROLE" (læge/gp, mentor,
    /// konsulent/consultant, arbejdsgiver/employer, bosted, socialrådgiver/social services,
    /// tolk/interpreter, andet/other); a name no contact has is created. Repeat for more.
    #[arg(long, value_name = "NAME:ROLE")]
    pub network: Vec<String>,
    /// A period away, "FROM..TO:REASON[:NOTE]" (ferie/holiday, syg/sick, hospital/indlagt,
    /// andet/other), e.g. 2026-12-01..2026-12-11:ferie. Repeat for more.
    #[arg(long, value_name = "FROM..TO:REASON")]
    pub away: Vec<String>,
    /// The case's own cadence, "DAYS[:UNTIL]" (7, 7d, 2u/2w), e.g. 7d:2027-03-01; "none" goes
    /// back to the target group's rule.
    #[arg(long, value_name = "DAYS[:UNTIL]")]
    pub cadence: Option<String>,
    /// Preferred time of day ("formiddag").
    #[arg(long)]
    pub prefer_time: Option<String>,
    /// Preferred place ("hjemme").
    #[arg(long)]
    pub prefer_place: Option<String>,
    /// Preferred channel ("sms").
    #[arg(long)]
    pub prefer_channel: Option<String>,
    /// A place or a person who can pass on a message when the phone is dead.
    #[arg(long)]
    pub reach_via: Option<String>,
    /// The language when an interpreter is needed ("" for none).
    #[arg(long, value_name = "LANGUAGE")]
    pub interpreter: Option<String>,
    /// SOS-marked: meet with a guard or a colleague nearby (`--sos=false` to unmark).
    #[arg(long, num_args = 0..=1, default_missing_value = "true", value_name = "BOOL")]
    pub sos: Option<bool>,
    /// Call before a summons (`=false` to unmark).
    #[arg(long, num_args = 0..=1, default_missing_value = "true", value_name = "BOOL")]
    pub call_before_summons: Option<bool>,
    /// No working phone (`=false` to unmark).
    #[arg(long, num_args = 0..=1, default_missing_value = "true", value_name = "BOOL")]
    pub no_working_phone: Option<bool>,
}

pub fn run(ctx: &Context, command: &Command) -> Result<ExitCode> {
    match command {
        Command::Add(args) => add(ctx, args),
        Command::Edit(args) => edit(ctx, args),
    }
}

fn check_group(ctx: &Context, group: &str) -> Result<()> {
    let known = ctx.config.cadence.iter().any(|rule| rule.key == group)
        || target_group::ALL.contains(&group);
    if !known {
        refuse!(
            "unknown target group \"{group}\"; use one of {} or add it to the configuration",
            target_group::ALL.join(", ")
        );
    }
    Ok(())
}

fn add(ctx: &Context, args: &AddArgs) -> Result<ExitCode> {
    check_group(ctx, &args.group)?;
    if args.name.trim().is_empty() {
        refuse!("the case needs a name or an alias");
    }
    let store = ctx.open_store()?;
    let mut case = Case {
        id: CaseId(store.next_id()?),
        name: args.name.trim().to_string(),
        alias: String::new(),
        reference: String::new(),
        phones: Vec::new(),
        target_group: args.group.clone(),
        flags: CaseFlags::default(),
        reach_via: String::new(),
        preferences: Preferences::default(),
        where_now: String::new(),
        next_step: String::new(),
        plan_b: String::new(),
        last_told: String::new(),
        network: Vec::new(),
        cadence_override: None,
        away: Vec::new(),
        status: CaseStatus::Active,
        created: ctx.clock.now(),
    };
    let new_contacts = apply(
        &store,
        &mut case,
        &args.fields,
        ctx.today(),
        &ctx.config.days_off(),
    )?;
    save(&store, &case, &new_contacts)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&case)?);
        return Ok(ExitCode::SUCCESS);
    }
    say!(
        "{}",
        Msg::CliCaseAdded
            .text(ctx.lang())
            .replace("{name}", &case.name)
            .replace("{id}", &case.id.to_string())
    );
    Ok(ExitCode::SUCCESS)
}

fn edit(ctx: &Context, args: &EditArgs) -> Result<ExitCode> {
    if let Some(group) = &args.group {
        check_group(ctx, group)?;
    }
    let store = ctx.open_store()?;
    let today = ctx.today();
    let Some(id) = super::card::resolve(&store, &args.case, ctx.lang())? else {
        return Ok(ExitCode::FAILURE);
    };
    let Some(mut case) = store.get::<Case>(id)? else {
        bail!("case {id} is gone");
    };
    if let Some(name) = &args.name {
        if name.trim().is_empty() {
            refuse!("the case needs a name or an alias");
        }
        case.name = name.trim().to_string();
    }
    if let Some(group) = &args.group {
        case.target_group = group.clone();
    }
    if args.clear_network {
        case.network.clear();
    }
    for name in &args.remove_network {
        let contact =
            find_contact(&store, name)?.filter(|c| case.network.iter().any(|l| l.contact == c.id));
        let Some(contact) = contact else {
            refuse!("\"{name}\" is not in the network of {}", case.name);
        };
        case.network.retain(|l| l.contact != contact.id);
    }
    if args.clear_away {
        case.away.clear();
    }
    if let Some(text) = &args.end_away {
        let on = parse_date_with(text, today, &ctx.config.days_off())
            .map_err(|e| Refused(format!("--end-away: {e}")))?;
        let Some(away) = case.away.iter_mut().find(|a| a.from <= on && on <= a.to) else {
            refuse!(
                "--end-away: {} is not away on {}",
                case.name,
                on.format("%d.%m.%Y")
            );
        };
        away.to = on;
    }
    let new_contacts = apply(
        &store,
        &mut case,
        &args.fields,
        today,
        &ctx.config.days_off(),
    )?;
    save(&store, &case, &new_contacts)?;
    say!(
        "{}",
        Msg::CliCaseChanged
            .text(ctx.lang())
            .replace("{name}", &case.name)
            .replace("{id}", &case.id.to_string())
    );
    Ok(ExitCode::SUCCESS)
}

/// Writes the new contacts, then the case; each refuses a CPR number before anything of it is
/// written, and is flushed before this returns.
fn save(store: &Store, case: &Case, new_contacts: &[Contact]) -> Result<()> {
    refuse_cpr(case)?;
    for contact in new_contacts {
        refuse_cpr(contact)?;
    }
    for contact in new_contacts {
        store.put(contact)?;
    }
    store.put(case)?;
    Ok(())
}

fn refuse_cpr(record: &impl FreeText) -> Result<()> {
    for (field, text) in record.free_text() {
        check_no_cpr(field, text)?;
    }
    Ok(())
}

/// Sets the fields given on `case`; returns the contacts to create for network names that no
/// contact has yet.
/// `today` and `days_off` read the typed dates (working days skip the closing days).
fn apply(
    store: &Store,
    case: &mut Case,
    f: &Fields,
    today: NaiveDate,
    days_off: &DaysOff,
) -> Result<Vec<Contact>> {
    let set = |target: &mut String, value: &Option<String>| {
        if let Some(v) = value {
            *target = v.trim().to_string();
        }
    };
    set(&mut case.reference, &f.reference);
    set(&mut case.alias, &f.alias);
    set(&mut case.reach_via, &f.reach_via);
    set(&mut case.preferences.time_of_day, &f.prefer_time);
    set(&mut case.preferences.place, &f.prefer_place);
    set(&mut case.preferences.channel, &f.prefer_channel);
    if !f.phone.is_empty() {
        let old = std::mem::take(&mut case.phones);
        case.phones = f
            .phone
            .iter()
            .map(|number| {
                let number = number.trim();
                old.iter()
                    .find(|p| p.number == number)
                    .cloned()
                    .unwrap_or(Phone {
                        number: number.to_string(),
                        confirmed: false,
                        source: String::new(),
                    })
            })
            .collect();
    }
    if let Some(language) = &f.interpreter {
        case.flags.interpreter = Some(language.trim().to_string()).filter(|l| !l.is_empty());
    }
    if let Some(on) = f.sos {
        case.flags.sos = on;
    }
    if let Some(on) = f.call_before_summons {
        case.flags.call_before_summons = on;
    }
    if let Some(on) = f.no_working_phone {
        case.flags.no_working_phone = on;
    }
    if let Some(text) = &f.cadence {
        case.cadence_override = parse_cadence(text, today, days_off)?;
    }
    for text in &f.away {
        case.away.push(parse_away(text, today, days_off)?);
    }
    case.away.sort_by_key(|a| a.from);
    let mut new_contacts: Vec<Contact> = Vec::new();
    for text in &f.network {
        let (name, role) = parse_network(text)?;
        let contact = match find_contact(store, name)? {
            Some(c) => c,
            None => match new_contacts.iter().find(|c| c.name == name) {
                Some(c) => c.clone(),
                None => {
                    let contact = Contact {
                        id: ContactId(store.next_id()?),
                        name: name.to_string(),
                        kind: network_role::contact_kind(role),
                        organisation: None,
                        title: String::new(),
                        work_phone: String::new(),
                        email: String::new(),
                        note: String::new(),
                    };
                    new_contacts.push(contact.clone());
                    contact
                }
            },
        };
        match case.network.iter_mut().find(|l| l.contact == contact.id) {
            Some(link) => link.role = role.to_string(),
            None => case.network.push(NetworkLink {
                contact: contact.id,
                role: role.to_string(),
            }),
        }
    }
    Ok(new_contacts)
}

/// "Lone Holm:læge" → the name and the role's key.
fn parse_network(text: &str) -> Result<(&str, &'static str)> {
    let Some((name, role)) = text.rsplit_once(':') else {
        refuse!("--network \"{text}\": write NAME:ROLE, e.g. \"Lone Holm:læge\"");
    };
    let name = name.trim();
    if name.is_empty() {
        refuse!("--network \"{text}\": the contact's name is missing");
    }
    let Some(role) = network_role::parse(role) else {
        refuse!(
            "--network \"{text}\": unknown role \"{}\"; use one of {}",
            role.trim(),
            network_role::ALL.join(", ")
        );
    };
    Ok((name, role))
}

/// "2026-12-01..2026-12-11:ferie[:note]".
fn parse_away(text: &str, today: NaiveDate, days_off: &DaysOff) -> Result<AwayPeriod> {
    let example = "e.g. 2026-12-01..2026-12-11:ferie";
    let Some((from, rest)) = text.split_once("..") else {
        refuse!("--away \"{text}\": write FROM..TO:REASON, {example}");
    };
    let mut parts = rest.splitn(3, ':');
    let to = parts.next().unwrap_or_default();
    let Some(reason) = parts.next() else {
        refuse!(
            "--away \"{text}\": the reason is missing (ferie, syg, hospital, andet), {example}"
        );
    };
    let note = parts.next().unwrap_or_default().trim().to_string();
    let date = |d: &str| {
        parse_date_with(d, today, days_off).map_err(|e| Refused(format!("--away \"{text}\": {e}")))
    };
    let (from, to) = (date(from)?, date(to)?);
    if to < from {
        refuse!("--away \"{text}\": the period ends before it starts");
    }
    let Some(reason) = AwayReason::parse(reason) else {
        refuse!(
            "--away \"{text}\": unknown reason \"{}\"; use ferie/holiday, syg/sick, hospital or andet/other",
            reason.trim()
        );
    };
    Ok(AwayPeriod {
        from,
        to,
        reason,
        note,
    })
}

/// "7d:2027-03-01", "14", "none".
fn parse_cadence(
    text: &str,
    today: NaiveDate,
    days_off: &DaysOff,
) -> Result<Option<CadenceOverride>> {
    if matches!(text.trim(), "none" | "ingen" | "") {
        return Ok(None);
    }
    let (every, until) = match text.split_once(':') {
        Some((every, until)) => (every, Some(until)),
        None => (text, None),
    };
    let Some(every_days) = parse_every_days(every) else {
        refuse!(
            "--cadence \"{text}\": could not read \"{}\" as days between meetings; write e.g. 7, 7d, 2u or 7d:2027-03-01",
            every.trim()
        );
    };
    let until = match until {
        Some(u) => Some(
            parse_date_with(u, today, days_off)
                .map_err(|e| Refused(format!("--cadence \"{text}\": {e}")))?,
        ),
        None => None,
    };
    Ok(Some(CadenceOverride { every_days, until }))
}

/// The one contact named `name` (letter case and accents aside); an error when several are.
fn find_contact(store: &Store, name: &str) -> Result<Option<Contact>> {
    let wanted = normalise(name.trim());
    let found: Vec<Contact> = store
        .all::<Contact>()?
        .into_iter()
        .filter(|c| normalise(&c.name) == wanted)
        .collect();
    match found.len() {
        0 | 1 => Ok(found.into_iter().next()),
        n => refuse!(
            "{n} contacts are named \"{name}\" (numbers {}); give one another name first",
            found
                .iter()
                .map(|c| c.id.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}
