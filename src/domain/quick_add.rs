//! One line that books a meeting: "tir 10:30 45m Jensen opfølgning" or
//! "tomorrow 9 1h Jensen phone follow-up". Backs `caseplan add` and the TUI's quick-add line.

use crate::domain::travel::travel_for;
use crate::domain::workdays::DaysOff;
use crate::model::{
    BookedBy, CaseId, Meeting, MeetingForm, MeetingId, MeetingStatus, Participant, Place,
    PlaceKind, Role, purpose,
};
use crate::search::normalise;
use crate::time::{When, take_duration, take_when_at_with};
use chrono::{NaiveDateTime, NaiveTime};
use thiserror::Error;

/// What the line asks for; defaults (length, time) are the caller's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuickAdd {
    pub when: When,
    pub minutes: Option<u32>,
    pub case: CaseId,
    pub purpose: Option<&'static str>,
    pub form: Option<MeetingForm>,
    /// "selvbooket" / "self-booked": the citizen booked it (the national self-booking).
    pub booked_by: BookedBy,
}

/// What a quick-add line does not say: the configured defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Defaults {
    /// The time when only a day is given (the start of the working day).
    pub time: NaiveTime,
    pub minutes: u32,
    pub prep_minutes: u32,
    pub follow_up_minutes: u32,
    /// The office's travel time each way, for a meeting away from it ([`travel_for`]).
    pub travel_minutes: u32,
}

impl QuickAdd {
    pub fn start(&self, default_time: NaiveTime) -> NaiveDateTime {
        self.when.at_or(default_time)
    }

    /// The meeting the line books: a planned meeting with the citizen.
    pub fn meeting(&self, id: MeetingId, defaults: Defaults) -> Meeting {
        let form = self.form.unwrap_or(MeetingForm::InPerson);
        Meeting {
            id,
            case: Some(self.case),
            start: self.start(defaults.time),
            minutes: self.minutes.unwrap_or(defaults.minutes),
            purpose: self.purpose.unwrap_or(purpose::SAMTALE).to_string(),
            form,
            place: Place {
                kind: usual_place(form),
                text: String::new(),
            },
            participants: vec![Participant {
                role: Role::Citizen,
                contact: None,
                name: String::new(),
            }],
            booked_by: self.booked_by,
            prep_minutes: defaults.prep_minutes,
            follow_up_minutes: defaults.follow_up_minutes,
            status: MeetingStatus::Planned,
            outcome: String::new(),
            title: String::new(),
            note: String::new(),
            revision: 0,
            travel_minutes: travel_for(form, usual_place(form), defaults.travel_minutes),
            moved_to: None,
            moved_from: None,
            repeat: None,
        }
    }
}

/// Where a meeting of a form usually is: nowhere for a call, at home for a home visit.
pub fn usual_place(form: MeetingForm) -> PlaceKind {
    match form {
        MeetingForm::Phone | MeetingForm::Video => PlaceKind::Remote,
        MeetingForm::HomeVisit => PlaceKind::CitizensHome,
        MeetingForm::InPerson | MeetingForm::Walk => PlaceKind::Jobcenter,
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum QuickAddError {
    #[error("the line is empty; write e.g. \"tir 10:30 45m Jensen opfølgning\"")]
    Empty,
    #[error(
        "no date or time at the start of \"{0}\"; begin with e.g. \"tir 10:30\" or \"i morgen 9\""
    )]
    NoWhen(String),
    #[error("no case named in \"{0}\"; add part of the citizen's name")]
    NoCase(String),
    #[error("no case matches \"{0}\"")]
    UnknownCase(String),
    #[error("\"{query}\" matches several cases: {}; write more of the name", .candidates.join(", "))]
    Ambiguous {
        query: String,
        candidates: Vec<String>,
    },
}

/// A case as the quick-add line can name it.
pub struct CaseName<'a> {
    pub id: CaseId,
    pub name: &'a str,
    pub alias: &'a str,
}

/// Reads a quick-add line typed at `now`. Words naming a purpose or a form are taken from
/// anywhere after the time; the remaining words name the case, which must match exactly one
/// active case. "tir 10:30" typed on a Tuesday after 10:30 is next Tuesday's.
pub fn parse(
    line: &str,
    now: NaiveDateTime,
    days_off: &DaysOff,
    cases: &[CaseName<'_>],
) -> Result<QuickAdd, QuickAddError> {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() {
        return Err(QuickAddError::Empty);
    }
    let (when, used) = take_when_at_with(&words, now, days_off);
    let when = when.ok_or_else(|| QuickAddError::NoWhen(line.trim().to_string()))?;
    let rest = &words[used..];
    let (minutes, used) = take_duration(rest);
    let rest = &rest[used..];

    let mut purpose = None;
    let mut form = None;
    let mut booked_by = BookedBy::Caseworker;
    let mut name_words = Vec::new();
    for word in rest {
        let key = normalise(word.trim_matches(|c: char| c == ',' || c == '.'));
        if let Some(p) = purpose_word(&key) {
            purpose = Some(p);
        } else if let Some(f) = form_word(&key) {
            form = Some(f);
        } else if is_self_booked_word(&key) {
            booked_by = BookedBy::Citizen;
        } else {
            name_words.push(*word);
        }
    }
    if name_words.is_empty() {
        return Err(QuickAddError::NoCase(line.trim().to_string()));
    }
    let query = name_words.join(" ");
    let case = resolve_case(&query, cases)?;
    Ok(QuickAdd {
        when,
        minutes,
        case,
        purpose,
        form,
        booked_by,
    })
}

/// The one case whose name (or alias) has every query word as the start of one of its words.
fn resolve_case(query: &str, cases: &[CaseName<'_>]) -> Result<CaseId, QuickAddError> {
    let wanted: Vec<String> = query.split_whitespace().map(normalise).collect();
    let fits = |text: &str| {
        let have: Vec<String> = text.split_whitespace().map(normalise).collect();
        wanted
            .iter()
            .all(|w| have.iter().any(|h| h.starts_with(w.as_str())))
    };
    let hits: Vec<&CaseName<'_>> = cases
        .iter()
        .filter(|c| fits(c.name) || (!c.alias.is_empty() && fits(c.alias)))
        .collect();
    match hits.as_slice() {
        [] => Err(QuickAddError::UnknownCase(query.to_string())),
        [one] => Ok(one.id),
        many => Err(QuickAddError::Ambiguous {
            query: query.to_string(),
            candidates: many.iter().take(8).map(|c| c.name.to_string()).collect(),
        }),
    }
}

fn purpose_word(word: &str) -> Option<&'static str> {
    Some(match word {
        "samtale" | "meeting" | "moede" => purpose::SAMTALE,
        "opfoelgning" | "opfolgning" | "follow-up" | "followup" => purpose::OPFOELGNING,
        "3-parts" | "3-partssamtale" | "trepartssamtale" | "three-party" => purpose::THREE_PARTY,
        "rehab" | "rehabiliteringsteam" => purpose::REHAB_TEAM,
        "praktikbesoeg" | "praktikbesog" | "placement" => purpose::PRAKTIKBESOEG,
        "sparring" => purpose::SPARRING,
        _ => return None,
    })
}

fn is_self_booked_word(word: &str) -> bool {
    matches!(
        word,
        "selvbooket" | "selvbooking" | "self-booked" | "selfbooked" | "self-booking"
    )
}

fn form_word(word: &str) -> Option<MeetingForm> {
    Some(match word {
        "telefon" | "tlf" | "phone" | "call" => MeetingForm::Phone,
        "video" => MeetingForm::Video,
        "hjemmebesoeg" | "hjemmebesog" | "home" | "homevisit" => MeetingForm::HomeVisit,
        "gaatur" | "gatur" | "walk" => MeetingForm::Walk,
        "fremmoede" | "fremmode" | "in-person" => MeetingForm::InPerson,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn cases() -> Vec<CaseName<'static>> {
        vec![
            CaseName {
                id: CaseId(1),
                name: "Anne Jensen",
                alias: "",
            },
            CaseName {
                id: CaseId(2),
                name: "Bo Jensen",
                alias: "",
            },
            CaseName {
                id: CaseId(3),
                name: "Søren Østergaard",
                alias: "",
            },
            CaseName {
                id: CaseId(4),
                name: "Mette Kjær",
                alias: "Musse",
            },
        ]
    }

    // Monday 23 November 2026.
    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    /// Monday 23 November 2026, 08:00.
    fn now() -> NaiveDateTime {
        today().and_hms_opt(8, 0, 0).unwrap()
    }

    fn at(d: u32, h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, d)
            .unwrap()
            .and_hms_opt(h, m, 0)
            .unwrap()
    }

    #[test]
    fn danish_line_books_tuesday_with_length_case_and_purpose() {
        let q = parse(
            "tir 10:30 45m Søren opfølgning",
            now(),
            &DaysOff::default(),
            &cases(),
        )
        .unwrap();
        assert_eq!(q.start(NaiveTime::MIN), at(24, 10, 30));
        assert_eq!(q.minutes, Some(45));
        assert_eq!(q.case, CaseId(3));
        assert_eq!(q.purpose, Some(purpose::OPFOELGNING));
        assert_eq!(q.form, None);
    }

    #[test]
    fn selvbooket_or_self_booked_marks_the_citizen_as_the_booker() {
        let q = parse(
            "tir 10:30 Søren selvbooket telefon",
            now(),
            &DaysOff::default(),
            &cases(),
        )
        .unwrap();
        assert_eq!(q.booked_by, BookedBy::Citizen);
        assert_eq!(q.form, Some(MeetingForm::Phone));
        assert_eq!(q.case, CaseId(3));
        let q = parse(
            "tue 10:30 self-booked Mette",
            now(),
            &DaysOff::default(),
            &cases(),
        )
        .unwrap();
        assert_eq!(q.booked_by, BookedBy::Citizen);
        assert_eq!(q.case, CaseId(4));
        let q = parse("tir 10:30 Søren", now(), &DaysOff::default(), &cases()).unwrap();
        assert_eq!(q.booked_by, BookedBy::Caseworker);
    }

    #[test]
    fn todays_weekday_at_a_time_already_past_books_next_week() {
        // Monday 23 November at 08:00: "man 7:30" has passed, "man 9" has not.
        let q = parse("man 7:30 Søren", now(), &DaysOff::default(), &cases()).unwrap();
        assert_eq!(q.start(NaiveTime::MIN), at(30, 7, 30));
        let q = parse("man 9 Søren", now(), &DaysOff::default(), &cases()).unwrap();
        assert_eq!(q.start(NaiveTime::MIN), at(23, 9, 0));
        let q = parse("uge 49 10:00 Søren", now(), &DaysOff::default(), &cases()).unwrap();
        assert_eq!(q.start(NaiveTime::MIN), at(30, 10, 0));
        let q = parse(
            "om 3 arbejdsdage 10 Søren",
            now(),
            &DaysOff::default(),
            &cases(),
        )
        .unwrap();
        assert_eq!(q.start(NaiveTime::MIN), at(26, 10, 0));
        // A configured closing day on Wednesday 25 is skipped too.
        let closed = DaysOff::new(vec!["2026-11-25".parse().unwrap()]);
        let q = parse("om 3 arbejdsdage 10 Søren", now(), &closed, &cases()).unwrap();
        assert_eq!(q.start(NaiveTime::MIN), at(27, 10, 0));
    }

    #[test]
    fn a_home_visit_gets_travel_and_a_phone_call_none() {
        let defaults = Defaults {
            time: NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
            minutes: 45,
            prep_minutes: 10,
            follow_up_minutes: 10,
            travel_minutes: 20,
        };
        let visit = parse(
            "tir 10 Søren hjemmebesøg",
            now(),
            &DaysOff::default(),
            &cases(),
        )
        .unwrap();
        assert_eq!(visit.meeting(MeetingId(1), defaults).travel_minutes, 20);
        let call = parse("tir 10 Søren telefon", now(), &DaysOff::default(), &cases()).unwrap();
        assert_eq!(call.meeting(MeetingId(2), defaults).travel_minutes, 0);
    }

    #[test]
    fn english_line_with_form_and_plain_keyboard_name() {
        let q = parse(
            "tomorrow 9 1h30 soeren phone follow-up",
            now(),
            &DaysOff::default(),
            &cases(),
        )
        .unwrap();
        assert_eq!(q.start(NaiveTime::MIN), at(24, 9, 0));
        assert_eq!(q.minutes, Some(90));
        assert_eq!(q.case, CaseId(3));
        assert_eq!(q.form, Some(MeetingForm::Phone));
        assert_eq!(q.purpose, Some(purpose::OPFOELGNING));
    }

    #[test]
    fn ambiguous_name_lists_the_candidates() {
        let err = parse("tir 10 Jensen", now(), &DaysOff::default(), &cases()).unwrap_err();
        assert_eq!(
            err,
            QuickAddError::Ambiguous {
                query: "Jensen".into(),
                candidates: vec!["Anne Jensen".into(), "Bo Jensen".into()]
            }
        );
        assert!(err.to_string().contains("Anne Jensen, Bo Jensen"));
        assert_eq!(
            parse("tir 10 anne jensen", now(), &DaysOff::default(), &cases())
                .unwrap()
                .case,
            CaseId(1)
        );
    }

    #[test]
    fn alias_names_a_case() {
        assert_eq!(
            parse("fre 13 musse", now(), &DaysOff::default(), &cases())
                .unwrap()
                .case,
            CaseId(4)
        );
    }

    #[test]
    fn missing_parts_say_what_to_write() {
        assert_eq!(
            parse("  ", now(), &DaysOff::default(), &cases()).unwrap_err(),
            QuickAddError::Empty
        );
        assert!(matches!(
            parse("Jensen tir 10", now(), &DaysOff::default(), &cases()),
            Err(QuickAddError::NoWhen(_))
        ));
        assert!(matches!(
            parse("tir 10 45m", now(), &DaysOff::default(), &cases()),
            Err(QuickAddError::NoCase(_))
        ));
        assert!(matches!(
            parse("tir 10 Hansen", now(), &DaysOff::default(), &cases()),
            Err(QuickAddError::UnknownCase(_))
        ));
    }
}
