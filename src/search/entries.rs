//! The index's entries, made from the store's search facts (not the records) once.

use super::index::{HitKind, MEETING_DAYS, Parts, SearchIndex, Target};
use super::normalise;
use crate::domain::agenda::occurrences;
use crate::i18n::{Lang, label_contact_kind, label_purpose};
use crate::model::{CaseId, ContactId, MeetingId, MeetingStatus};
use crate::store::{SearchCase, SearchContact, SearchFacts, Store, StoreError};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};
use std::collections::HashMap;

/// Every case, every contact and the planned case meetings of the coming weeks.
pub(super) fn load(store: &Store, today: NaiveDate, lang: Lang) -> Result<SearchIndex, StoreError> {
    let last = today + Duration::days(MEETING_DAYS - 1);
    let (from, to) = (
        today.and_time(NaiveTime::MIN),
        (last + Duration::days(1)).and_time(NaiveTime::MIN),
    );
    let repeating = store.repeating_between(from, to)?;
    let mut repeats: Vec<(NaiveDateTime, MeetingId, CaseId, &str)> = Vec::new();
    for o in occurrences(&repeating, today, last) {
        let m = o.meeting;
        if let (Some(case), MeetingStatus::Planned) = (m.case, m.status) {
            repeats.push((o.start, m.id, case, &m.purpose));
        }
    }
    repeats.sort_by_key(|m| (m.0, m.1));
    store.with_search_facts(|facts| {
        let mut builder = Builder::new(facts, lang);
        // The one-offs come by start; the few repeating occurrences fall in among them.
        let mut repeats = repeats.iter().peekable();
        store.each_planned_meeting(from, to, |m| {
            while let Some(r) = repeats.next_if(|r| (r.0, r.1) < (m.start, m.id)) {
                builder.meeting(r.0, r.1, r.2, r.3);
            }
            builder.meeting(m.start, m.id, m.case, m.purpose);
        })?;
        for r in repeats {
            builder.meeting(r.0, r.1, r.2, r.3);
        }
        Ok(builder.index)
    })?
}

/// The index as it is built: the cases and contacts first, then the meetings one by one.
struct Builder {
    index: SearchIndex,
    lang: Lang,
    /// Each active case's place in the index and its alias, normalised, for its meetings.
    active: HashMap<CaseId, (u32, Option<String>)>,
    /// Each purpose's label place and normalised label, made once.
    purposes: HashMap<String, (u32, Option<String>)>,
    /// A meeting's other texts, reused.
    rest: String,
}

impl Builder {
    fn new(facts: &SearchFacts<'_>, lang: Lang) -> Builder {
        let (cases, contacts) = (&facts.cases, &facts.contacts);
        let mut index = SearchIndex::empty(lang, cases.len() + contacts.len());
        let mut active = HashMap::with_capacity(cases.len());
        let mut scratch = String::new();
        for case in cases {
            let at = push_case(&mut index, case, &mut scratch);
            if case.active {
                let alias = (!case.alias.is_empty()).then(|| normalise(&case.alias));
                active.insert(case.id, (at, alias));
            }
        }
        let names: HashMap<ContactId, &str> = contacts.iter().map(|c| (c.id, &*c.name)).collect();
        for contact in contacts {
            push_contact(&mut index, contact, &names, lang);
        }
        Builder {
            index,
            lang,
            active,
            purposes: HashMap::new(),
            rest: String::new(),
        }
    }

    /// Adds a planned meeting of an active case (others are not found).
    fn meeting(&mut self, start: NaiveDateTime, id: MeetingId, case: CaseId, purpose: &str) {
        let Some((at, alias)) = self.active.get(&case) else {
            return;
        };
        if !self.purposes.contains_key(purpose) {
            let label = label_purpose(purpose, self.lang).into_owned();
            let norm = (!label.is_empty()).then(|| normalise(&label));
            let place = self.index.add_purpose(label);
            self.purposes.insert(purpose.to_owned(), (place, norm));
        }
        let Some((label, purpose_norm)) = self.purposes.get(purpose) else {
            return;
        };
        // The alias, the day as dd/mm and the purpose, as an entry joins its other texts.
        let rest = &mut self.rest;
        rest.clear();
        if let Some(alias) = alias {
            rest.push_str(alias);
            rest.push(' ');
        }
        let date = start.date();
        push_two_digits(rest, date.day());
        rest.push('/');
        push_two_digits(rest, date.month());
        if let Some(purpose) = purpose_norm {
            rest.push(' ');
            rest.push_str(purpose);
        }
        self.index
            .push_meeting(*at, Target::Meeting(id, start), *label, rest);
    }
}

/// A day or month as `{:02}` writes it, without the formatting machinery (once per meeting).
fn push_two_digits(out: &mut String, n: u32) {
    if n >= 100 {
        out.push_str(&n.to_string());
        return;
    }
    out.push(char::from(b'0' + (n / 10) as u8));
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// Every case, active or closed, and nothing else.
pub(super) fn cases(store: &Store) -> Result<SearchIndex, StoreError> {
    store.with_search_facts(|facts| {
        let mut index = SearchIndex::empty(Lang::Da, facts.cases.len());
        let mut scratch = String::new();
        for case in &facts.cases {
            push_case(&mut index, case, &mut scratch);
        }
        index
    })
}

/// Adds a case: searched by name, alias, reference and phone numbers; `scratch` is reused
/// for the numbers joined.
fn push_case(index: &mut SearchIndex, case: &SearchCase<'_>, scratch: &mut String) -> u32 {
    scratch.clear();
    for (i, number) in case.phones.iter().enumerate() {
        if i > 0 {
            scratch.push_str(", ");
        }
        scratch.push_str(number);
    }
    let kind = if case.active {
        HitKind::Case
    } else {
        HitKind::ClosedCase
    };
    index.push_parts(&Parts {
        target: Target::Case(case.id),
        kind,
        title: &case.name,
        detail: [&case.alias, &case.reference, scratch],
        others: &[&case.alias, &case.reference],
        phones: &case.phones,
        reference: &case.reference,
    })
}

/// Adds a contact: searched by name, organisation, title, kind, e-mail and work phone.
fn push_contact(
    index: &mut SearchIndex,
    contact: &SearchContact<'_>,
    names: &HashMap<ContactId, &str>,
    lang: Lang,
) {
    let organisation = contact
        .organisation
        .and_then(|id| names.get(&id).copied())
        .unwrap_or("");
    let kind = label_contact_kind(contact.kind, lang);
    index.push_parts(&Parts {
        target: Target::Contact(contact.id),
        kind: HitKind::Contact(contact.kind),
        title: &contact.name,
        // The kind is the hit's kind label, so the detail leaves it out.
        detail: [&contact.title, organisation, &contact.work_phone],
        others: &[organisation, &contact.title, kind, &contact.email],
        phones: std::slice::from_ref(&contact.work_phone),
        reference: "",
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::index::Entry;
    use crate::search::phone_digits;
    use crate::search::text::{loosen, normalise_mapped};

    // The entries as they were made before the index normalised straight into its arenas
    // (#21): the index built from the facts must find exactly what these find.

    fn case_entry(case: &SearchCase<'_>) -> Entry {
        let numbers: Vec<&str> = case.phones.iter().map(|p| &**p).collect();
        let detail = join([&*case.alias, &case.reference, &numbers.join(", ")]);
        let kind = if case.active {
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

    fn contact_entry(
        contact: &SearchContact<'_>,
        names: &HashMap<ContactId, &str>,
        lang: Lang,
    ) -> Entry {
        let organisation = contact
            .organisation
            .and_then(|id| names.get(&id).copied())
            .unwrap_or("");
        let kind = label_contact_kind(contact.kind, lang);
        let detail = join([&*contact.title, organisation, &contact.work_phone]);
        let mut e = entry(
            Target::Contact(contact.id),
            HitKind::Contact(contact.kind),
            &contact.name,
            detail,
            &[organisation, &contact.title, kind, &contact.email],
        );
        e.phones = digits_of([&*contact.work_phone]);
        e
    }

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

    fn join<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
        parts
            .into_iter()
            .filter(|p| !p.trim().is_empty())
            .collect::<Vec<_>>()
            .join(" · ")
    }

    fn digits_of<'a>(numbers: impl IntoIterator<Item = &'a str>) -> String {
        numbers
            .into_iter()
            .map(phone_digits)
            .filter(|d| !d.is_empty())
            .collect::<Vec<_>>()
            .join("|")
    }
    use crate::demo::{DemoSpec, generate};
    use crate::i18n::{label_purpose, weekday_short};
    use crate::model::{Case, CaseStatus, Contact, Meeting, Repeat, RepeatEvery, purpose};
    use crate::search::{Filter, Hit};
    use crate::time::{format_date, format_time};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default()
    }

    /// The index as it was built before the search facts (#21): from every case, contact and
    /// meeting record of the coming weeks. The facts must find exactly what this finds.
    fn from_records(store: &Store, today: NaiveDate, lang: Lang) -> SearchIndex {
        let cases = store.all::<Case>().unwrap();
        let contacts = store.all::<Contact>().unwrap();
        let last = today + Duration::days(MEETING_DAYS - 1);
        let meetings = store
            .meetings_between(
                today.and_time(NaiveTime::MIN),
                (last + Duration::days(1)).and_time(NaiveTime::MIN),
            )
            .unwrap();
        fn facts(c: &Case) -> SearchCase<'_> {
            SearchCase {
                id: c.id,
                name: c.name.as_str().into(),
                alias: c.alias.as_str().into(),
                reference: c.reference.as_str().into(),
                phones: c.phones.iter().map(|p| p.number.as_str().into()).collect(),
                active: c.is_active(),
            }
        }
        let mut entries: Vec<Entry> = cases.iter().map(|c| case_entry(&facts(c))).collect();
        let contact_facts: Vec<SearchContact<'_>> = contacts
            .iter()
            .map(|c| SearchContact {
                id: c.id,
                name: c.name.as_str().into(),
                kind: c.kind,
                organisation: c.organisation,
                title: c.title.as_str().into(),
                work_phone: c.work_phone.as_str().into(),
                email: c.email.as_str().into(),
            })
            .collect();
        let names: HashMap<ContactId, &str> =
            contact_facts.iter().map(|c| (c.id, &*c.name)).collect();
        entries.extend(contact_facts.iter().map(|c| contact_entry(c, &names, lang)));
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
        SearchIndex::from_entries(entries)
    }

    fn queries(store: &Store) -> Vec<String> {
        let mut out: Vec<String> = [
            "a",
            "sor",
            "soeren oe",
            "jens",
            "anne h",
            "lh",
            "24/11",
            "01/12",
            "samtale",
            "opf",
            "mentor",
            "laege",
            "gruppe",
            "bak",
            "xq",
            "2026",
            "20",
            "45",
            // A word with letters makes the date a text word: "24/11" alone is a number.
            "24/11 s",
            "samtale 01/12",
            "a 30/11",
            "lille",
        ]
        .map(String::from)
        .to_vec();
        for case in store.all::<Case>().unwrap().iter().step_by(7) {
            out.push(case.name.clone());
            out.extend(case.phones.first().map(|p| p.number.clone()));
        }
        for contact in store.all::<Contact>().unwrap().iter().step_by(5) {
            out.push(contact.name.clone());
        }
        out
    }

    fn all_hits(index: &SearchIndex, query: &str) -> Vec<Hit> {
        let mut out = index.search(query, Filter::default(), 10_000);
        let closed = Filter {
            include_closed: true,
        };
        out.extend(index.search(query, closed, 10_000));
        out.extend(index.search(query, Filter::default(), 7));
        out
    }

    fn assert_same(store: &Store, lang: Lang) {
        let facts = SearchIndex::build(store, today(), lang).unwrap();
        let records = from_records(store, today(), lang);
        assert_eq!(facts.len(), records.len());
        for query in queries(store) {
            assert_eq!(
                all_hits(&facts, &query),
                all_hits(&records, &query),
                "{query}"
            );
        }
    }

    /// A sequence of writes of every kind the finder holds: renames, a case closed and one
    /// deleted, meetings moved, held and given to another case, a repeating case meeting, an
    /// organisation renamed and a contact deleted.
    fn write_a_day(store: &Store) {
        let mut cases = store.all::<Case>().unwrap();
        cases[0].name = "Søren Åbølle".into();
        cases[0].alias = "Lille Søren".into();
        cases[1].status = CaseStatus::Closed(today());
        cases[2].phones.clear();
        cases[3].reference = "2026-99887".into();
        for case in &cases[..4] {
            store.put(case).unwrap();
        }
        store.delete(cases[4].id).unwrap();
        let mut contacts = store.all::<Contact>().unwrap();
        let organisation = contacts
            .iter()
            .find_map(|c| c.organisation)
            .unwrap_or(contacts[0].id);
        let org = contacts.iter_mut().find(|c| c.id == organisation).unwrap();
        org.name = "Jobværkstedet Østerbro".into();
        store.put(&org.clone()).unwrap();
        let gone = contacts
            .iter()
            .rev()
            .find(|c| c.id != organisation)
            .unwrap();
        store.delete(gone.id).unwrap();
        let last = today() + Duration::days(MEETING_DAYS);
        let mut meetings: Vec<Meeting> = store
            .meetings_between(
                today().and_time(NaiveTime::MIN),
                last.and_time(NaiveTime::MIN),
            )
            .unwrap()
            .into_iter()
            .filter(|m| m.case.is_some() && m.repeat.is_none())
            .collect();
        meetings[0].start += Duration::days(3);
        meetings[1].status = MeetingStatus::Held;
        meetings[2].case = Some(cases[5].id);
        meetings[3].purpose = purpose::SAMTALE.into();
        meetings[4].start += Duration::days(90);
        meetings[5].repeat = Some(Repeat {
            every: RepeatEvery::Weekly,
            interval: 1,
            until: None,
            count: Some(4),
            skipped: vec![],
        });
        meetings[6].status = MeetingStatus::Moved;
        for m in &meetings[..7] {
            store.put(m).unwrap();
        }
        store.delete(meetings[7].id).unwrap();
    }

    #[test]
    fn the_search_facts_find_what_the_records_find() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_on(dir.path(), today()).unwrap();
        store
            .import(&generate(
                &DemoSpec::new(40, 3, today()).with_meetings_per_case_per_year(50),
            ))
            .unwrap();
        assert_same(&store, Lang::Da);
        write_a_day(&store);
        assert_same(&store, Lang::Da);
        assert_same(&store, Lang::En);
        // The deleted case leaves its meetings dangling; the indexes must still match.
        let index_problems: Vec<_> = store
            .check()
            .into_iter()
            .filter(|p| p.message.contains("index"))
            .collect();
        assert!(index_problems.is_empty(), "{index_problems:?}");
        let before = SearchIndex::build(&store, today(), Lang::Da).unwrap();
        store.rebuild_indexes().unwrap();
        let rebuilt = SearchIndex::build(&store, today(), Lang::Da).unwrap();
        for query in queries(&store) {
            assert_eq!(all_hits(&before, &query), all_hits(&rebuilt, &query));
        }
    }
}
