//! caseplan's meetings as an .ics calendar: one VEVENT per meeting, a repeating block as one
//! VEVENT with RRULE and EXDATE, times on the configured zone's wall clock with a matching
//! VTIMEZONE, a UID that stays the same on every export and a SEQUENCE that counts changes, so
//! importing the file again into Outlook updates its events instead of doubling them.
//!
//! What a summary says depends on the privacy level; no level writes notes, outcomes, flags,
//! plan B or the medical parties, and every text written passes the CPR guard.

use super::{IcsError, zones};
use crate::i18n::{Lang, Msg, label_form, label_place, label_purpose, label_role};
use crate::model::{
    Case, CaseId, Contact, ContactId, Meeting, MeetingId, MeetingStatus, PlaceKind, RepeatEvery,
    Role,
};
use crate::privacy::check_no_cpr;
use crate::store::Store;
use crate::time::{Zone, range};
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc, Weekday};
use icalendar::{
    Calendar, CalendarDateTime, Class, Component, Event, EventLike, EventStatus, Property,
};
use std::collections::HashMap;

/// How much a summary says about the citizen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Privacy {
    /// The citizen's name and case reference, the parties by name.
    Full,
    /// The purpose, the citizen's initials and case reference (the default).
    #[default]
    Initials,
    /// Busy blocks only: no summary beyond "busy", no place, no parties.
    None,
}

#[derive(Debug, Clone, Copy)]
pub struct ExportParams {
    pub zone: Zone,
    pub lang: Lang,
    pub privacy: Privacy,
    /// The first and last day whose meetings are written (repeating blocks that reach into
    /// them included); all meetings when both are `None`.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// DTSTAMP: when the file is written.
    pub stamp: DateTime<Utc>,
}

/// The UID of a meeting of the database whose calendar token is `token`.
pub fn uid(token: &str, meeting: MeetingId) -> String {
    // The "m" keeps the token's last digits and the id from reading as a CPR number.
    format!("caseplan-{token}-m{meeting}@caseplan")
}

/// The meeting a UID names, when it is one this database exported.
pub fn own_meeting(uid: &str, token: &str) -> Option<MeetingId> {
    let rest = uid.strip_prefix("caseplan-")?.strip_prefix(token)?;
    let id = rest.strip_prefix("-m")?.strip_suffix("@caseplan")?;
    id.parse().ok().map(MeetingId)
}

/// The .ics text of the meetings `params` selects. Nothing is written when a text would hold
/// a CPR number.
pub fn export(store: &Store, params: &ExportParams) -> Result<String, IcsError> {
    let token = store.calendar_token()?.ok_or(IcsError::NoCalendarToken)?;
    let meetings = selected(store, params)?;
    let names = Names::load(store, &meetings)?;
    let mut calendar = Calendar::empty();
    for (key, value) in [
        ("VERSION", "2.0"),
        ("PRODID", "-//caseplan//caseplan//DA"),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
        ("X-WR-CALNAME", "caseplan"),
        ("X-WR-TIMEZONE", params.zone.name()),
    ] {
        calendar.append_property(Property::new(key, value));
    }
    for meeting in &meetings {
        calendar.push(event(meeting, &token, &names, params)?);
    }
    // The zone goes before the events that name it.
    let mut text = calendar.to_string();
    let at = text
        .find("BEGIN:VEVENT\r\n")
        .or_else(|| text.rfind("END:VCALENDAR"))
        .unwrap_or(text.len());
    text.insert_str(
        at,
        &zones::vtimezone_text(params.zone.tz(), years(&meetings, params)),
    );
    // The guard once more over everything, whatever a property was made of.
    check_no_cpr("calendar", &text).map_err(|source| IcsError::Cpr { meeting: 0, source })?;
    Ok(text)
}

fn selected(store: &Store, params: &ExportParams) -> Result<Vec<Meeting>, IcsError> {
    let mut meetings = match (params.from, params.to) {
        (None, None) => store.all::<Meeting>()?,
        (from, to) => {
            let first = NaiveDate::from_ymd_opt(range::FIRST_YEAR, 1, 1).unwrap_or_default();
            let last = NaiveDate::from_ymd_opt(range::LAST_YEAR, 12, 30).unwrap_or_default();
            let (from, to) = (from.unwrap_or(first), to.unwrap_or(last));
            store.meetings_between(
                from.and_time(NaiveTime::MIN),
                (to + Duration::days(1)).and_time(NaiveTime::MIN),
            )?
        }
    };
    meetings.sort_by_key(|m| (m.start, m.id));
    Ok(meetings)
}

/// The years the VTIMEZONE's rules are checked over: those of the meetings, and one more.
fn years(meetings: &[Meeting], params: &ExportParams) -> std::ops::RangeInclusive<i32> {
    let now = params.stamp.year();
    let first = meetings.iter().map(|m| m.start.year()).min().unwrap_or(now);
    let last = meetings
        .iter()
        .map(|m| match &m.repeat {
            Some(_) => m.last_day().map_or(now + 1, |u| u.year()),
            None => m.start.year(),
        })
        .max()
        .unwrap_or(now);
    first..=last.max(first) + 1
}

/// The names a summary or a description uses, loaded once.
struct Names {
    cases: HashMap<CaseId, Case>,
    contacts: HashMap<ContactId, String>,
}

impl Names {
    fn load(store: &Store, meetings: &[Meeting]) -> Result<Names, IcsError> {
        let mut cases = HashMap::new();
        let mut contacts = HashMap::new();
        for m in meetings {
            if let Some(id) = m.case
                && !cases.contains_key(&id)
                && let Some(case) = store.get::<Case>(id)?
            {
                cases.insert(id, case);
            }
            for id in m.participants.iter().filter_map(|p| p.contact) {
                if !contacts.contains_key(&id)
                    && let Some(contact) = store.get::<Contact>(id)?
                {
                    contacts.insert(id, contact.name);
                }
            }
        }
        Ok(Names { cases, contacts })
    }
}

fn event(
    m: &Meeting,
    token: &str,
    names: &Names,
    params: &ExportParams,
) -> Result<Event, IcsError> {
    let zone = params.zone.name();
    let at = |local: NaiveDateTime| CalendarDateTime::WithTimezone {
        date_time: local,
        tzid: zone.to_string(),
    };
    let start = first_start(m);
    let end = start + Duration::minutes(i64::from(m.minutes));
    let cancelled = !m.status.occupies_time();
    let mut event = Event::new();
    event
        .uid(&uid(token, m.id))
        .timestamp(params.stamp)
        .sequence(m.revision)
        .starts(at(start))
        .ends(at(end))
        .status(if cancelled {
            EventStatus::Cancelled
        } else {
            EventStatus::Confirmed
        })
        .add_property("TRANSP", if cancelled { "TRANSPARENT" } else { "OPAQUE" })
        .add_property(
            "X-MICROSOFT-CDO-BUSYSTATUS",
            if cancelled { "FREE" } else { "BUSY" },
        );
    let guarded = |field: &str, text: String| {
        check_no_cpr(field, &text)
            .map(|()| text)
            .map_err(|source| IcsError::Cpr {
                meeting: m.id.0,
                source,
            })
    };
    event.summary(&guarded("summary", summary(m, names, params))?);
    if m.case.is_some() || params.privacy == Privacy::None {
        event.class(Class::Private);
    }
    if let Some(place) = location(m, params) {
        event.location(&guarded("location", place)?);
    }
    if let Some(text) = description(m, names, params) {
        event.description(&guarded("description", text)?);
    }
    if let Some(repeat) = &m.repeat {
        let mut rule = match repeat.every {
            RepeatEvery::Daily => "FREQ=DAILY".to_string(),
            RepeatEvery::Weekdays => "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR".to_string(),
            RepeatEvery::Weekly => "FREQ=WEEKLY".to_string(),
        };
        if repeat.every == RepeatEvery::Weekly && repeat.interval > 1 {
            rule.push_str(&format!(";INTERVAL={}", repeat.interval));
        }
        // UNTIL and COUNT may not stand together: a count alone is written as one, an end
        // date (with or without a count) as the last day either gives.
        match (repeat.until, repeat.count) {
            (None, Some(count)) => rule.push_str(&format!(";COUNT={count}")),
            (Some(_), _) => {
                let until = m.last_day().unwrap_or(start.date());
                let last = params.zone.to_utc(until.and_time(start.time()));
                rule.push_str(&format!(";UNTIL={}", last.format("%Y%m%dT%H%M%SZ")));
            }
            (None, None) => {}
        }
        event.add_property("RRULE", &rule);
        let mut skipped = repeat.skipped.clone();
        skipped.sort();
        skipped.dedup();
        for day in skipped.into_iter().filter(|d| *d >= start.date()) {
            let value = day.and_time(start.time()).format("%Y%m%dT%H%M%S");
            event.append_multi_property(
                Property::new("EXDATE", value.to_string())
                    .add_parameter("TZID", zone)
                    .done(),
            );
        }
    }
    Ok(event.done())
}

/// A block that repeats on weekdays but was first put on a weekend starts on the Monday, as
/// caseplan draws it; everything else starts where it was put.
fn first_start(m: &Meeting) -> NaiveDateTime {
    let weekdays = matches!(&m.repeat, Some(r) if r.every == RepeatEvery::Weekdays);
    let mut start = m.start;
    while weekdays && matches!(start.weekday(), Weekday::Sat | Weekday::Sun) {
        start += Duration::days(1);
    }
    start
}

fn summary(m: &Meeting, names: &Names, params: &ExportParams) -> String {
    let lang = params.lang;
    if params.privacy == Privacy::None {
        return Msg::IcsBusy.text(lang).to_string();
    }
    let purpose = label_purpose(&m.purpose, lang).into_owned();
    let Some(case) = m.case.and_then(|id| names.cases.get(&id)) else {
        return match m.case {
            // A case not on file: the purpose alone.
            Some(_) => purpose,
            None if !m.title.trim().is_empty() => m.title.trim().to_string(),
            None => purpose,
        };
    };
    let who = match params.privacy {
        Privacy::Full => case.name.trim().to_string(),
        _ => initials(&case.name),
    };
    let reference = case.reference.trim();
    if reference.is_empty() {
        format!("{purpose}: {who}")
    } else {
        format!("{purpose}: {who} ({reference})")
    }
}

/// "A.J." for "Anne Jensen", "A.M.J." for "Anne-Marie Jensen".
fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|word| word.chars().find(|c| c.is_alphabetic()))
        .flat_map(char::to_uppercase)
        .map(|c| format!("{c}."))
        .collect()
}

/// Places that would tell who the citizen is or what ails them: at the initials level their
/// kind and address are left out.
fn is_telling(kind: PlaceKind) -> bool {
    matches!(
        kind,
        PlaceKind::CitizensHome
            | PlaceKind::Bosted
            | PlaceKind::Hospital
            | PlaceKind::Shelter
            | PlaceKind::SubstanceCentre
    )
}

fn location(m: &Meeting, params: &ExportParams) -> Option<String> {
    let place = &m.place;
    let text = place.text.trim();
    match params.privacy {
        Privacy::None => None,
        Privacy::Initials if m.case.is_some() && is_telling(place.kind) => None,
        _ if place.kind == PlaceKind::Remote && text.is_empty() => None,
        _ => {
            let kind = label_place(place.kind, params.lang);
            Some(if text.is_empty() {
                kind.to_string()
            } else {
                format!("{kind}, {text}")
            })
        }
    }
}

/// The form and the parties; medical parties only at the full level.
fn description(m: &Meeting, names: &Names, params: &ExportParams) -> Option<String> {
    let lang = params.lang;
    if params.privacy == Privacy::None {
        return None;
    }
    let mut lines = vec![format!(
        "{}: {}",
        Msg::FieldForm.text(lang),
        label_form(m.form, lang)
    )];
    let medical = |role: Role| matches!(role, Role::Doctor | Role::Nurse | Role::Therapist);
    let parties: Vec<String> = m
        .participants
        .iter()
        .filter(|p| !matches!(p.role, Role::Caseworker | Role::Citizen))
        .filter(|p| params.privacy == Privacy::Full || !medical(p.role))
        .map(|p| {
            let name = match (p.role, p.contact) {
                (_, Some(id)) => names.contacts.get(&id).cloned().unwrap_or_default(),
                (_, None) => p.name.trim().to_string(),
            };
            let role = label_role(p.role, lang);
            if name.trim().is_empty() {
                role.to_string()
            } else {
                format!("{} ({role})", name.trim())
            }
        })
        .collect();
    if !parties.is_empty() {
        lines.push(format!(
            "{}: {}",
            Msg::Participants.text(lang),
            parties.join(", ")
        ));
    }
    if m.status == MeetingStatus::Moved {
        lines.push(Msg::IcsMovedNote.text(lang).to_string());
    }
    Some(lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_uids_are_recognised_by_token_and_id() {
        let u = uid("0a1b2c3d4e5f", MeetingId(42));
        assert_eq!(u, "caseplan-0a1b2c3d4e5f-m42@caseplan");
        assert_eq!(own_meeting(&u, "0a1b2c3d4e5f"), Some(MeetingId(42)));
        assert_eq!(own_meeting(&u, "ffffffffffff"), None);
        assert_eq!(
            own_meeting("040000008200E00074C5B7101A82E008", "0a1b2c3d4e5f"),
            None
        );
        assert_eq!(
            own_meeting("caseplan-0a1b2c3d4e5f-mx@caseplan", "0a1b2c3d4e5f"),
            None
        );
    }

    #[test]
    fn initials_of_names() {
        assert_eq!(initials("Anne Jensen"), "A.J.");
        assert_eq!(initials("anne-marie  jensen"), "A.M.J.");
        assert_eq!(initials("Ørsted"), "Ø.");
        assert_eq!(initials(""), "");
    }
}
