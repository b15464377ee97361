//! The day sheet and the case sheet (#17): what to take along when the laptop stays behind,
//! as [`Paper`] in the interface language.
//!
//! The day sheet has each meeting of a day with its time, place and parties, the citizen's
//! phones, what to mind in the room (SOS, interpreter, call before a summons, no working
//! phone), where the case stands and the next step, its open agreements, and lines to write
//! on. The case sheet is the case card on paper, with lines to write on at the end.

use super::agenda::{AgendaItem, agenda};
use super::card::{Card, card};
use crate::config::Config;
use crate::domain::chase::Urgency;
use crate::i18n::due_words::cadence_line;
use crate::i18n::{
    self, Lang, Msg, count, label_contact_kind, label_course_kind, label_form, label_purpose,
    label_target_group, weekday_long,
};
use crate::model::{Agreement, Case, CaseFlags, CaseId, CaseStatus, MeetingStatus, Party, Phone};
use crate::paper::{Paper, PaperLine, Section};
use crate::store::{Store, StoreError};
use crate::time::{Zone, format_date, format_datetime};
use chrono::{DateTime, Datelike, NaiveDate, Utc};

type Result<T> = std::result::Result<T, StoreError>;

/// Lines to write on under each meeting of the day sheet, and at the end of the case sheet.
pub const DAY_WRITING_LINES: u8 = 2;
pub const CASE_WRITING_LINES: u8 = 8;

/// The day sheet of `date`: every meeting and block of the day in time order, cancelled and
/// moved ones left out.
pub fn day_sheet(store: &Store, date: NaiveDate, lang: Lang) -> anyhow::Result<Paper> {
    let items: Vec<AgendaItem> = agenda(store, date, date, lang)?
        .into_iter()
        .filter(|i| {
            !matches!(
                i.status,
                MeetingStatus::Moved
                    | MeetingStatus::CancelledByCitizen
                    | MeetingStatus::CancelledByCaseworker
            )
        })
        .collect();
    let with_citizens = items.iter().filter(|i| i.case.is_some()).count();
    let mut sections = Vec::new();
    for item in &items {
        sections.push(match &item.case {
            Some(case) => meeting_section(store, item, CaseId(case.id), lang)?,
            None => block_section(item),
        });
    }
    let subtitle = if items.is_empty() {
        Msg::NoMeetingsThisDay.text(lang).to_string()
    } else {
        count::meetings(i64::try_from(with_citizens).unwrap_or(i64::MAX), lang)
    };
    Ok(Paper {
        title: format!(
            "{} · {} {}",
            Msg::SheetDayTitle.text(lang),
            weekday_long(date.weekday(), lang),
            format_date(date)
        ),
        subtitle,
        sections,
    })
}

/// "09:00–10:00  Anne Jensen · Opfølgning · Fremmøde".
fn meeting_section(
    store: &Store,
    item: &AgendaItem,
    id: CaseId,
    lang: Lang,
) -> anyhow::Result<Section> {
    let name = item.case.as_ref().map_or("", |c| c.name.as_str());
    // The heading says when, who, what, how and where: a day's page has room for eight.
    let mut heading = format!(
        "{}–{} {name} · {} · {}",
        item.start, item.end, item.purpose_label, item.form_label
    );
    if !item.place_label.is_empty() {
        heading.push_str(&format!(" · {}", item.place_label));
    }
    let mut lines = Vec::new();
    let case = store.get::<Case>(id)?;
    if let Some(case) = &case {
        // What to mind in the room comes first, on one line.
        let flags = flags(&case.flags, lang);
        if !flags.is_empty() {
            lines.push(PaperLine::Warning(flags.join(" · ")));
        }
    }
    let parties: Vec<String> = item
        .parties
        .iter()
        .map(|p| format!("{} ({})", p.name, p.role_label.to_lowercase()))
        .collect();
    if !parties.is_empty() {
        lines.push(field(Msg::SheetWith, &parties.join(", "), lang));
    }
    if let Some(case) = case {
        let mut phone = Vec::new();
        if !case.phones.is_empty() {
            phone.push(phones(&case.phones, lang));
        }
        if case.flags.no_working_phone && !case.reach_via.trim().is_empty() {
            phone.push(format!(
                "{} {}",
                Msg::ReachVia.text(lang),
                case.reach_via.trim()
            ));
        }
        let phone = if phone.is_empty() {
            "–".to_string()
        } else {
            phone.join(" · ")
        };
        lines.push(field(Msg::Phone, &phone, lang));
        lines.push(field(Msg::WhereNow, dash(&case.where_now), lang));
        lines.push(field(Msg::NextStep, dash(&case.next_step), lang));
        let mut open: Vec<Agreement> = store
            .for_case::<Agreement>(id)?
            .into_iter()
            .filter(Agreement::is_open)
            .collect();
        open.sort_by_key(|a| (a.due.is_none(), a.due, a.id));
        if !open.is_empty() {
            let list: Vec<String> = open
                .iter()
                .map(|a| agreement_words(a.who, &a.what, a.due, lang))
                .collect();
            lines.push(field(Msg::Agreements, &list.join("; "), lang));
        }
    }
    lines.push(PaperLine::Writing(DAY_WRITING_LINES));
    Ok(Section { heading, lines })
}

/// An internal block: its time and title, nothing to write.
fn block_section(item: &AgendaItem) -> Section {
    let title = if item.title.is_empty() {
        item.purpose_label.as_str()
    } else {
        item.title.as_str()
    };
    Section {
        heading: format!("{}–{}  {title}", item.start, item.end),
        lines: Vec::new(),
    }
}

/// What to mind in the room, each in words.
fn flags(flags: &CaseFlags, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    if flags.sos {
        out.push(Msg::FlagSos.text(lang).to_string());
    }
    if let Some(language) = flags.interpreter.as_deref().filter(|l| !l.is_empty()) {
        out.push(format!("{}: {language}", Msg::Interpreter.text(lang)));
    }
    if flags.call_before_summons {
        out.push(Msg::FlagCallBeforeSummons.text(lang).to_string());
    }
    if flags.no_working_phone {
        out.push(Msg::FlagNoWorkingPhone.text(lang).to_string());
    }
    out
}

/// "12 34 56 78, 87 65 43 21 (ikke bekræftet)", or "–".
fn phones(phones: &[Phone], lang: Lang) -> String {
    if phones.is_empty() {
        return "–".into();
    }
    phones
        .iter()
        .map(|p| {
            if p.confirmed {
                p.number.clone()
            } else {
                format!("{} ({})", p.number, Msg::PhoneUnconfirmed.text(lang))
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// "Borger: går til lægen, senest 01.12.2026".
fn agreement_words(who: Party, what: &str, due: Option<NaiveDate>, lang: Lang) -> String {
    let who = match who {
        Party::Citizen => Msg::Citizen,
        Party::Caseworker => Msg::Caseworker,
        Party::Other => Msg::Other,
    };
    let mut text = format!("{}: {what}", who.text(lang));
    if let Some(due) = due {
        text.push_str(&format!(
            ", {} {}",
            Msg::LatestBy.text(lang),
            format_date(due)
        ));
    }
    text
}

fn field(label: Msg, value: &str, lang: Lang) -> PaperLine {
    PaperLine::Field {
        label: label.text(lang).to_string(),
        value: value.to_string(),
    }
}

fn dash(text: &str) -> &str {
    if text.trim().is_empty() { "–" } else { text }
}

/// The case sheet of `id` at `now`, or `None` when there is no such case: the card as paper.
pub fn case_sheet(
    store: &Store,
    id: CaseId,
    config: &Config,
    zone: &Zone,
    now: DateTime<Utc>,
    lang: Lang,
) -> Result<Option<Paper>> {
    let card = card(store, id, config, zone, now)?;
    Ok(card.map(|card| case_paper(&card, zone.local(now).date(), lang)))
}

/// The card on paper, as of `today`.
pub fn case_paper(card: &Card, today: NaiveDate, lang: Lang) -> Paper {
    let mut title = card.name.clone();
    if !card.alias.is_empty() {
        title.push_str(&format!(" ({})", card.alias));
    }
    let mut head = vec![format!("{} {}", Msg::Case.text(lang), card.id)];
    if !card.reference.is_empty() {
        head.push(card.reference.clone());
    }
    head.push(label_target_group(&card.target_group, lang).into_owned());
    if let CaseStatus::Closed(on) = card.status {
        head.push(format!(
            "{} {}",
            Msg::ClosedWord.text(lang),
            format_date(on)
        ));
    }
    let mut sections = Vec::new();

    let mut mind: Vec<PaperLine> = flags(&card.flags, lang)
        .into_iter()
        .map(PaperLine::Warning)
        .collect();
    if let Some(away) = &card.away {
        mind.push(PaperLine::Warning(i18n::away_words(away, lang)));
    }
    mind.push(field(Msg::Phone, &phones(&card.phones, lang), lang));
    if !card.reach_via.trim().is_empty() {
        mind.push(field(Msg::FieldReachVia, &card.reach_via, lang));
    }
    let prefs = &card.preferences;
    let preferences: Vec<&str> = [&prefs.time_of_day, &prefs.place, &prefs.channel]
        .into_iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect();
    if !preferences.is_empty() {
        mind.push(field(Msg::Prefers, &preferences.join(" · "), lang));
    }
    sections.push(Section {
        heading: String::new(),
        lines: mind,
    });

    sections.push(Section {
        heading: Msg::CaseStatusHeading.text(lang).to_string(),
        lines: vec![
            field(Msg::WhereNow, dash(&card.where_now), lang),
            field(Msg::NextStep, dash(&card.next_step), lang),
            field(Msg::PlanB, dash(&card.plan_b), lang),
            field(Msg::LastTold, dash(&card.last_told), lang),
        ],
    });

    let mut contact = Vec::new();
    let last = card.last_contact.as_ref().map_or_else(
        || "–".to_string(),
        |c| {
            let mut text = format!(
                "{} · {} · {}",
                format_datetime(c.at),
                i18n::label_channel(c.channel, lang),
                count::days_ago(c.days_ago, lang)
            );
            if !c.reached {
                text.push_str(&format!(" · {}", Msg::NotReached.text(lang)));
            }
            text
        },
    );
    contact.push(field(Msg::LastContact, &last, lang));
    let next = card.next_meeting.as_ref().map_or_else(
        || Msg::NoneBooked.text(lang).to_string(),
        |m| {
            format!(
                "{} · {} · {}",
                format_datetime(m.start),
                label_purpose(&m.purpose, lang),
                label_form(m.form, lang)
            )
        },
    );
    contact.push(field(Msg::UpcomingMeeting, &next, lang));
    if let Some(cadence) = &card.cadence {
        let parts = cadence_line(cadence, card.cadence_days_late, today, lang);
        contact.push(field(Msg::ContactCadence, &parts.join(" · "), lang));
    }
    sections.push(Section {
        heading: Msg::Contact.text(lang).to_string(),
        lines: contact,
    });

    sections.push(list(
        Msg::Agreements,
        card.agreements
            .iter()
            .map(|a| agreement_words(a.who, &a.what, a.due, lang))
            .collect(),
        lang,
    ));

    sections.push(list(
        Msg::RunningCourses,
        card.courses
            .iter()
            .map(|c| {
                let mut who = c.supplier.name.clone();
                if let Some(consultant) = &c.consultant {
                    who.push_str(&format!(", {}", consultant.name));
                    if !consultant.work_phone.is_empty() {
                        who.push_str(&format!(" {}", consultant.work_phone));
                    }
                }
                let mut text = format!(
                    "{} · {who} · {}–{}",
                    label_course_kind(&c.kind, lang),
                    format_date(c.start),
                    format_date(c.end)
                );
                if let Some(due) = c.next_report_due {
                    text.push_str(&format!(
                        " · {} {}",
                        Msg::NextReport.text(lang),
                        format_date(due)
                    ));
                }
                text
            })
            .collect(),
        lang,
    ));

    let mut requests: Vec<String> = card.medical_info.flag(lang).into_iter().collect();
    for r in card.received_requests.iter().chain(&card.medical_requests) {
        let words = r.words(lang, today);
        let mark = if words.urgency == Urgency::Quiet {
            ""
        } else {
            "! "
        };
        let mut parts = vec![words.title, format!("{mark}{}", words.state)];
        parts.extend(words.facts);
        requests.push(parts.join(" · "));
    }
    sections.push(list(Msg::MedicalRequests, requests, lang));

    sections.push(list(
        Msg::Network,
        card.network
            .iter()
            .map(|n| {
                let role = if n.role.is_empty() {
                    n.kind
                        .map(|k| label_contact_kind(k, lang).to_string())
                        .unwrap_or_default()
                } else {
                    i18n::label_network_role(&n.role, lang).into_owned()
                };
                let mut text = format!("{role}: {}", n.name);
                if !n.organisation.is_empty() {
                    text.push_str(&format!(" ({})", n.organisation));
                }
                if !n.work_phone.is_empty() {
                    text.push_str(&format!(" · {}", n.work_phone));
                }
                text
            })
            .collect(),
        lang,
    ));

    sections.push(list(
        Msg::Notes,
        card.notes
            .iter()
            .map(|n| {
                let mut text = format!("{}  {}", format_datetime(n.at), n.subject);
                if !n.journalised {
                    text.push_str(&format!(" ({})", Msg::NotJournalised.text(lang)));
                }
                text
            })
            .collect(),
        lang,
    ));

    sections.push(Section {
        heading: Msg::SheetNotesForMeeting.text(lang).to_string(),
        lines: vec![PaperLine::Writing(CASE_WRITING_LINES)],
    });

    Paper {
        title,
        subtitle: head.join(" · "),
        sections,
    }
}

/// A section of list lines, "–" when there are none.
fn list(heading: Msg, items: Vec<String>, lang: Lang) -> Section {
    let lines = if items.is_empty() {
        vec![PaperLine::Item(Msg::NoneWord.text(lang).to_string())]
    } else {
        items.into_iter().map(PaperLine::Item).collect()
    };
    Section {
        heading: heading.text(lang).to_string(),
        lines,
    }
}

/// "day-sheet-2026-11-24": the day sheet's file name without its extension.
pub fn day_file(date: NaiveDate) -> String {
    format!("day-sheet-{}", date.format("%Y-%m-%d"))
}

/// "case-sheet-7-2026-11-24": by the case's number, so no name stands in a folder listing.
pub fn case_file(case: CaseId, today: NaiveDate) -> String {
    format!("case-sheet-{}-{}", case.0, today.format("%Y-%m-%d"))
}
