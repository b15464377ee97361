//! The index's entries, made from the store's records once.

use super::index::{Entry, HitKind, MEETING_DAYS, Target};
use super::text::{loosen, normalise_mapped};
use super::{normalise, phone_digits};
use crate::domain::agenda::occurrences;
use crate::i18n::{Lang, label_contact_kind, label_purpose, weekday_short};
use crate::model::{Case, CaseId, Contact, ContactId, MeetingStatus};
use crate::store::{Store, StoreError};
use crate::time::{format_date, format_time};
use chrono::{Datelike, Duration, NaiveDate, NaiveTime};
use std::collections::HashMap;

/// Every case, every contact and the planned case meetings of the coming weeks.
pub(super) fn load(store: &Store, today: NaiveDate, lang: Lang) -> Result<Vec<Entry>, StoreError> {
    let cases = store.all::<Case>()?;
    let contacts = store.all::<Contact>()?;
    let last = today + Duration::days(MEETING_DAYS - 1);
    let meetings = store.meetings_between(
        today.and_time(NaiveTime::MIN),
        (last + Duration::days(1)).and_time(NaiveTime::MIN),
    )?;
    let mut entries = Vec::with_capacity(cases.len() + contacts.len() + meetings.len());
    entries.extend(cases.iter().map(case_entry));
    let names: HashMap<ContactId, &str> =
        contacts.iter().map(|c| (c.id, c.name.as_str())).collect();
    entries.extend(contacts.iter().map(|c| contact_entry(c, &names, lang)));
    let by_id: HashMap<CaseId, &Case> = cases.iter().map(|c| (c.id, c)).collect();
    for o in occurrences(&meetings, today, last) {
        let m = o.meeting;
        let Some(case) = m.case.and_then(|id| by_id.get(&id)) else {
            continue;
        };
        if m.status != MeetingStatus::Planned || !case.is_active() {
            continue;
        }
        let date = o.start.date();
        let purpose = label_purpose(&m.purpose, lang);
        let detail = format!(
            "{} {} {} · {}",
            weekday_short(date.weekday(), lang),
            format_date(date),
            format_time(o.start.time()),
            purpose
        );
        let others = [
            case.alias.as_str(),
            &format!("{:02}/{:02}", date.day(), date.month()),
            &purpose,
        ];
        entries.push(entry(
            Target::Meeting(m.id, o.start),
            HitKind::Meeting,
            &case.name,
            detail,
            &others,
        ));
    }
    Ok(entries)
}

/// Every case, active or closed, and nothing else.
pub(super) fn cases(store: &Store) -> Result<Vec<Entry>, StoreError> {
    Ok(store.all::<Case>()?.iter().map(case_entry).collect())
}

fn case_entry(case: &Case) -> Entry {
    let numbers: Vec<&str> = case.phones.iter().map(|p| p.number.as_str()).collect();
    let detail = join([
        case.alias.as_str(),
        case.reference.as_str(),
        &numbers.join(", "),
    ]);
    let kind = if case.is_active() {
        HitKind::Case
    } else {
        HitKind::ClosedCase
    };
    let mut e = entry(
        Target::Case(case.id),
        kind,
        &case.name,
        detail,
        &[&case.alias, &case.reference],
    );
    e.phones = digits_of(numbers.iter().copied());
    e.reference = case
        .reference
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    e
}

fn contact_entry(contact: &Contact, names: &HashMap<ContactId, &str>, lang: Lang) -> Entry {
    let organisation = contact
        .organisation
        .and_then(|id| names.get(&id).copied())
        .unwrap_or("");
    let kind = label_contact_kind(contact.kind, lang);
    // The kind is the hit's kind label, so the detail leaves it out.
    let detail = join([
        contact.title.as_str(),
        organisation,
        contact.work_phone.as_str(),
    ]);
    let mut e = entry(
        Target::Contact(contact.id),
        HitKind::Contact(contact.kind),
        &contact.name,
        detail,
        &[organisation, &contact.title, kind, &contact.email],
    );
    e.phones = digits_of([contact.work_phone.as_str()]);
    e
}

/// An entry searchable by its title and the `others` texts.
fn entry(target: Target, kind: HitKind, title: &str, detail: String, others: &[&str]) -> Entry {
    let title_norm = normalise_mapped(title);
    let mut rest = String::new();
    for text in others.iter().filter(|t| !t.is_empty()) {
        if !rest.is_empty() {
            rest.push(' ');
        }
        rest.push_str(&normalise(text));
    }
    Entry {
        target,
        kind,
        title: title.to_string(),
        detail,
        title_loose: loosen(title),
        title_norm,
        rest,
        phones: String::new(),
        reference: String::new(),
    }
}

/// The non-empty parts joined with " · ".
fn join<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    parts
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The digits of each number, `|`-separated.
fn digits_of<'a>(numbers: impl IntoIterator<Item = &'a str>) -> String {
    numbers
        .into_iter()
        .map(phone_digits)
        .filter(|d| !d.is_empty())
        .collect::<Vec<_>>()
        .join("|")
}
