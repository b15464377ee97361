//! The case card: everything that matters when the citizen (or someone about them) calls,
//! read through the case's own indexes; and the contact card, with the cases it is part of.
//!
//! The card holds keys and enums, not labels: the screen and the CLI word them in the
//! interface language. Local times are wall-clock times in the configured zone.

use super::today::planning;
use crate::config::{Config, Courses, Medical};
use crate::domain::cadence::CaseCadence;
use crate::domain::chase::{self, Urgency};
use crate::domain::contact::{self, Touch};
use crate::domain::reminder::Reminder;
use crate::domain::reports::{
    ChecklistGap, checklist_gaps, course_reminders, is_finished, is_late, is_unread,
};
use crate::i18n::{Lang, Msg, label_request_kind, request_state, weekday_short};
use crate::model::{
    Agreement, AwayPeriod, Case, CaseFlags, CaseId, CaseStatus, Channel, Contact, ContactEvent,
    ContactId, ContactKind, Course, CourseId, MedicalRequest, MeetingForm, MeetingStatus, Note,
    Party, Phone, PlaceKind, Preferences,
};
use crate::store::Store;
use crate::store::StoreError;
use crate::time::Zone;
use crate::time::format_date;
use chrono::{DateTime, Datelike, Months, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

type Result<T> = std::result::Result<T, StoreError>;

/// How many notes the card shows.
pub const CARD_NOTES: usize = 5;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Card {
    pub id: CaseId,
    pub name: String,
    pub alias: String,
    pub reference: String,
    pub target_group: String,
    pub status: CaseStatus,
    pub phones: Vec<Phone>,
    pub flags: CaseFlags,
    pub preferences: Preferences,
    pub reach_via: String,
    pub where_now: String,
    pub next_step: String,
    pub plan_b: String,
    pub last_told: String,
    /// Holiday, sickness or hospital today, else the next such period to come.
    pub away: Option<AwayPeriod>,
    /// Whether `away` has begun.
    pub away_now: bool,
    /// The last contact ([`contact::last_contact`]).
    pub last_contact: Option<LastContact>,
    /// The last attempt, by either side, when newer than the last contact
    /// ([`contact::last_attempt`]): a call that did not get through, a "ring mig".
    pub last_attempt: Option<LastContact>,
    /// The first planned meeting from now.
    pub next_meeting: Option<NextMeeting>,
    /// Open agreements, earliest due first, undated last.
    pub agreements: Vec<AgreementLine>,
    pub courses: Vec<CourseLine>,
    /// Open requests (neither received nor withdrawn), earliest deadline first.
    pub medical_requests: Vec<RequestLine>,
    /// Received and not yet acted on: the follow-up to do, earliest act-by first.
    pub received_requests: Vec<RequestLine>,
    /// Withdrawn or acted on: the case's history, newest first.
    pub past_requests: Vec<RequestLine>,
    /// Whether medical information on file is recent, old or missing.
    pub medical_info: MedicalInfo,
    pub network: Vec<NetworkLine>,
    /// The newest notes first, at most [`CARD_NOTES`].
    pub notes: Vec<NoteLine>,
    pub notes_total: usize,
    /// Meetings of the last 12 months by outcome.
    pub last_year: MeetingCounts,
    /// Attendance over the whole history (#15).
    pub attendance: Attendance,
    /// When the next meeting is due under the contact cadence (rettidighed), counted from the
    /// last meeting held; `None` when no rule or override applies, or the case is closed.
    pub cadence: Option<CaseCadence>,
    /// Days past the cadence's due date, as of the day the card was read.
    pub cadence_days_late: Option<u32>,
}

pub use crate::domain::contact::ContactSource;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LastContact {
    pub at: NaiveDateTime,
    pub channel: Channel,
    pub reached: bool,
    pub source: ContactSource,
    pub days_ago: i64,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NextMeeting {
    pub meeting_id: u64,
    pub start: NaiveDateTime,
    pub minutes: u32,
    pub purpose: String,
    pub form: MeetingForm,
    pub place: PlaceKind,
    pub place_text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AgreementLine {
    pub id: u64,
    pub who: Party,
    pub what: String,
    pub due: Option<NaiveDate>,
    pub overdue: bool,
}

/// A contact as a card line names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactRef {
    pub id: ContactId,
    pub name: String,
    pub work_phone: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CourseLine {
    pub id: CourseId,
    pub kind: String,
    pub supplier: ContactRef,
    pub consultant: Option<ContactRef>,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// The first report not yet received.
    pub next_report_due: Option<NaiveDate>,
    /// Due dates of reports not received and due before today.
    pub late_reports: Vec<NaiveDate>,
    /// Due dates of reports received but not read.
    pub unread_reports: Vec<NaiveDate>,
    /// What is due about the course today, each with its reason.
    pub reminders: Vec<Reminder>,
    /// What the order's checklist lacks.
    pub gaps: Vec<ChecklistGap>,
}

/// Where an open medical request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestState {
    /// Not sent yet.
    NotSent,
    /// Sent, the deadline not passed (or none set).
    Waiting,
    /// Sent and past its deadline.
    Overdue,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequestLine {
    pub id: u64,
    pub kind: String,
    pub recipient: Option<ContactRef>,
    pub sent: Option<NaiveDate>,
    pub deadline: Option<NaiveDate>,
    pub received: Option<NaiveDate>,
    pub chases: usize,
    pub last_chase: Option<NaiveDateTime>,
    pub state: RequestState,
    /// Days past the deadline (0 when not overdue).
    pub days_overdue: i64,
    /// Where the request stands in the chase schedule ("reminder 2 sent", "phone chasing, day 4").
    pub schedule: chase::RequestState,
    /// When the next chase is due under the chase schedule (reminder or phone call).
    pub next_chase: Option<NaiveDate>,
}

/// A request line in words, the same on the card screen, the printed sheet and the lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestWords {
    /// "Statusattest → Lægehuset Nord 33 12 34 56".
    pub title: String,
    /// "rykker 2 sendt", "telefonrykker dag 4 · overvej …", "modtaget — handl senest tor 26.11".
    pub state: String,
    pub urgency: Urgency,
    /// Sent, deadline, chases and the next chase.
    pub facts: Vec<String>,
}

impl RequestLine {
    /// The line in words. `today` decides what is late.
    pub fn words(&self, lang: Lang, today: NaiveDate) -> RequestWords {
        let mut title = label_request_kind(&self.kind, lang).into_owned();
        if let Some(to) = &self.recipient {
            title.push_str(&format!(" → {}", to.name));
            if !to.work_phone.is_empty() {
                title.push_str(&format!(" {}", to.work_phone));
            }
        }
        RequestWords {
            title,
            state: request_state(self.schedule, lang),
            urgency: chase::urgency(self.schedule, today),
            facts: self.facts(lang),
        }
    }

    /// The facts after the state: sent, deadline, chases and the next chase.
    pub fn facts(&self, lang: Lang) -> Vec<String> {
        let dated = |msg: Msg, date: NaiveDate| {
            format!("{} {}", msg.text(lang).to_lowercase(), format_date(date))
        };
        let mut out = Vec::new();
        out.extend(self.sent.map(|d| dated(Msg::Sent, d)));
        if self.received.is_none() {
            out.extend(self.deadline.map(|d| dated(Msg::Deadline, d)));
        }
        out.extend(self.received.map(|d| dated(Msg::ReceivedWord, d)));
        if self.chases > 0 {
            let mut chased = format!("{} {}", self.chases, Msg::ChasesWord.text(lang));
            if let Some(at) = self.last_chase {
                chased.push_str(&format!(
                    " ({} {})",
                    Msg::LastWord.text(lang),
                    format_date(at.date())
                ));
            }
            out.push(chased);
        }
        if self.received.is_none() {
            out.extend(
                self.next_chase
                    .map(|d| format!("{} {}", Msg::NextChase.text(lang), day_label(d, lang))),
            );
        }
        out
    }
}

/// Medical information on file for a case, judged against `no_medical_info_years`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum MedicalInfo {
    /// Received within the configured number of years.
    Recent { last: NaiveDate },
    /// The last information came on `last`, longer ago than configured.
    OldSince { last: NaiveDate },
    /// No request of the case was ever answered, and the case is older than the limit.
    NoneOnFile,
    /// Nothing on file yet, but the case is younger than the limit: nothing to flag.
    NoneYet,
}

impl MedicalInfo {
    /// Judges the newest received date of a case's requests; a case opened within the limit
    /// has not yet gone that long without.
    pub fn judge(
        last: Option<NaiveDate>,
        opened: NaiveDate,
        today: NaiveDate,
        years: u32,
    ) -> MedicalInfo {
        let limit = today
            .checked_sub_months(Months::new(years.saturating_mul(12)))
            .unwrap_or(NaiveDate::MIN);
        match last {
            None if opened >= limit => MedicalInfo::NoneYet,
            None => MedicalInfo::NoneOnFile,
            Some(last) if last < limit => MedicalInfo::OldSince { last },
            Some(last) => MedicalInfo::Recent { last },
        }
    }

    /// The card's flag: "ingen lægelige oplysninger siden 2021" / "none on file"; `None` when
    /// recent.
    pub fn flag(self, lang: Lang) -> Option<String> {
        match self {
            MedicalInfo::Recent { .. } | MedicalInfo::NoneYet => None,
            MedicalInfo::OldSince { last } => Some(
                Msg::NoMedicalInfoSince
                    .text(lang)
                    .replace("{year}", &last.year().to_string()),
            ),
            MedicalInfo::NoneOnFile => Some(Msg::NoMedicalInfoOnFile.text(lang).to_string()),
        }
    }
}

/// "tor 26.11": a near date with its weekday.
pub fn day_label(date: NaiveDate, lang: Lang) -> String {
    format!(
        "{} {}",
        weekday_short(date.weekday(), lang),
        date.format("%d.%m")
    )
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NetworkLine {
    pub contact: ContactId,
    /// "#id" when the contact is gone.
    pub name: String,
    pub role: String,
    pub kind: Option<ContactKind>,
    pub work_phone: String,
    pub organisation: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoteLine {
    pub id: u64,
    pub at: NaiveDateTime,
    pub subject: String,
    pub body: String,
    pub journalised: bool,
    /// Not journalised and older than the guideline (`journalise_within_days`).
    pub late: bool,
    /// The note as stored, to copy it out or mark it journalised.
    #[serde(skip)]
    pub note: Note,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct MeetingCounts {
    pub held: usize,
    pub cancelled_by_citizen: usize,
    pub no_show: usize,
}

// Attendance over the whole history (#15).

/// How a case's meetings went, over its whole history: counted from the store's
/// case-and-status index keys, so the card does not read more as the years go by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Attendance {
    pub held: usize,
    pub cancelled_by_citizen: usize,
    pub no_show: usize,
    pub cancelled: usize,
}

/// The attendance of `case` over its whole history.
pub fn attendance(store: &Store, case: CaseId) -> Result<Attendance> {
    let count = |status| store.case_status_count(case, status, NaiveDateTime::MIN);
    Ok(Attendance {
        held: count(MeetingStatus::Held)?,
        cancelled_by_citizen: count(MeetingStatus::CancelledByCitizen)?,
        no_show: count(MeetingStatus::NoShow)?,
        cancelled: count(MeetingStatus::CancelledByCaseworker)?,
    })
}

/// The card of one case at `now`, or `None` when there is no such case. Reads only this case's
/// records, through the per-case indexes.
pub fn card(
    store: &Store,
    id: CaseId,
    config: &Config,
    zone: &Zone,
    now: DateTime<Utc>,
) -> Result<Option<Card>> {
    let medical = &config.medical;
    let courses_config = &config.courses;
    let journalise_within_days = config.today.journalise_within_days;
    let Some(case) = store.get::<Case>(id)? else {
        return Ok(None);
    };
    let now_local = zone.local(now);
    let today = now_local.date();
    let mut contacts = Contacts::new(store);
    // The meetings back to the newest contact meeting, as Today reads them: never the history.
    let plan = planning(store, config, (&case).into(), today, |m| {
        contact::is_contact_meeting(m, now_local)
    })?;
    // The newest contact event and the newest attempt, read back from the end of the index.
    let contact_event = store
        .latest_for_case::<ContactEvent>(id, |e| contact::is_contact_event(e, zone, now_local))?;
    let attempt_event = store
        .latest_for_case::<ContactEvent>(id, |e| contact::is_attempt_event(e, zone, now_local))?;
    let last = contact::last_contact(&plan.recent, contact_event.as_ref(), zone, now_local);
    let attempt = contact::last_attempt(attempt_event.as_ref(), zone, now_local, last.as_ref());
    let last_contact = last.map(|t| LastContact::of(t, today));
    let last_attempt = attempt.map(|t| LastContact::of(t, today));

    let mut agreements: Vec<AgreementLine> = store
        .for_case::<Agreement>(id)?
        .into_iter()
        .filter(Agreement::is_open)
        .map(|a| AgreementLine {
            id: a.id.0,
            who: a.who,
            overdue: a.due.is_some_and(|d| d < today),
            due: a.due,
            what: a.what,
        })
        .collect();
    agreements.sort_by_key(|a| (a.due.is_none(), a.due, a.id));

    let mut courses = Vec::new();
    // Every course without an outcome: planned, running, or ended and still to be decided.
    for c in store.for_case::<Course>(id)? {
        if !is_finished(&c) {
            courses.push(course_line(&c, today, courses_config, &mut contacts)?);
        }
    }
    courses.sort_by_key(|c| (c.end, c.id));

    let mut medical_requests = Vec::new();
    let mut received_requests = Vec::new();
    let mut past_requests = Vec::new();
    let requests = store.for_case::<MedicalRequest>(id)?;
    let last_received = requests.iter().filter_map(|r| r.received).max();
    for r in &requests {
        let line = request_line(r, zone, today, medical, &mut contacts)?;
        if r.is_open() {
            medical_requests.push(line);
        } else if chase::is_pending(r) {
            received_requests.push(line);
        } else {
            past_requests.push(line);
        }
    }
    medical_requests.sort_by_key(|r| (r.deadline.is_none(), r.deadline, r.id));
    received_requests.sort_by_key(|r| (r.next_chase, r.id));
    past_requests.sort_by_key(|r| std::cmp::Reverse((r.received.or(r.sent), r.id)));
    let medical_info = MedicalInfo::judge(
        last_received,
        case.created.date_naive(),
        today,
        medical.no_medical_info_years,
    );

    let mut network = Vec::new();
    for link in &case.network {
        let contact = contacts.get(link.contact)?;
        let organisation = match contact.as_ref().and_then(|c| c.organisation) {
            Some(org) => contacts.get(org)?.map(|o| o.name).unwrap_or_default(),
            None => String::new(),
        };
        network.push(NetworkLine {
            contact: link.contact,
            name: contact
                .as_ref()
                .map_or_else(|| format!("#{}", link.contact), |c| c.name.clone()),
            role: link.role.clone(),
            kind: contact.as_ref().map(|c| c.kind),
            work_phone: contact.map(|c| c.work_phone).unwrap_or_default(),
            organisation,
        });
    }

    let mut notes = store.for_case::<Note>(id)?;
    notes.sort_by(|a, b| b.at.cmp(&a.at).then(b.id.cmp(&a.id)));
    let notes_total = notes.len();
    let notes = notes
        .into_iter()
        .take(CARD_NOTES)
        .map(|n| NoteLine {
            id: n.id.0,
            at: zone.local(n.at),
            late: crate::domain::due::journalising_late(
                &n,
                zone.local(n.at).date(),
                today,
                journalise_within_days,
            ),
            subject: n.subject.clone(),
            body: n.body.clone(),
            journalised: n.journalised.is_some(),
            note: n,
        })
        .collect();

    let next_meeting = store
        .case_meeting_from(id, now_local, |m| m.status == MeetingStatus::Planned)?
        .map(|m| NextMeeting {
            meeting_id: m.id.0,
            start: m.start,
            minutes: m.minutes,
            purpose: m.purpose,
            form: m.form,
            place: m.place.kind,
            place_text: m.place.text,
        });

    let cadence = plan.cadence;

    let cadence_days_late = cadence.as_ref().and_then(|c| c.days_late(today));
    Ok(Some(Card {
        id: case.id,
        cadence,
        cadence_days_late,
        away: case.away_from(today).cloned(),
        away_now: case.away_on(today).is_some(),
        last_year: meeting_counts(store, id, today, now_local)?,
        attendance: attendance(store, id)?,
        name: case.name,
        alias: case.alias,
        reference: case.reference,
        target_group: case.target_group,
        status: case.status,
        phones: case.phones,
        flags: case.flags,
        preferences: case.preferences,
        reach_via: case.reach_via,
        where_now: case.where_now,
        next_step: case.next_step,
        plan_b: case.plan_b,
        last_told: case.last_told,
        last_contact,
        last_attempt,
        next_meeting,
        agreements,
        courses,
        medical_requests,
        received_requests,
        past_requests,
        medical_info,
        network,
        notes,
        notes_total,
    }))
}

impl LastContact {
    fn of(touch: Touch, today: NaiveDate) -> LastContact {
        LastContact {
            days_ago: (today - touch.at.date()).num_days(),
            at: touch.at,
            channel: touch.channel,
            reached: touch.reached,
            source: touch.source,
            note: touch.note,
        }
    }
}

/// How the case's meetings of the last twelve months up to `now` went, counted from the index.
fn meeting_counts(
    store: &Store,
    case: CaseId,
    today: NaiveDate,
    now: NaiveDateTime,
) -> Result<MeetingCounts> {
    let since = today
        .checked_sub_months(Months::new(12))
        .unwrap_or(NaiveDate::MIN)
        .and_time(NaiveTime::MIN);
    let count = |status| store.case_status_count_until(case, status, since, now);
    Ok(MeetingCounts {
        held: count(MeetingStatus::Held)?,
        cancelled_by_citizen: count(MeetingStatus::CancelledByCitizen)?,
        no_show: count(MeetingStatus::NoShow)?,
    })
}

fn course_line(
    c: &Course,
    today: NaiveDate,
    config: &Courses,
    contacts: &mut Contacts<'_>,
) -> Result<CourseLine> {
    let consultant = match c.consultant {
        Some(id) => Some(contacts.reference(id)?),
        None => None,
    };
    let supplier = contacts.reference(c.supplier)?;
    Ok(CourseLine {
        reminders: course_reminders(c, today, config, Some(&supplier.name)),
        gaps: checklist_gaps(&c.checklist),
        id: c.id,
        kind: c.kind.clone(),
        supplier,
        consultant,
        start: c.start,
        end: c.end,
        next_report_due: c.next_report().map(|r| r.due),
        late_reports: c
            .reports
            .iter()
            .filter(|r| is_late(r, today))
            .map(|r| r.due)
            .collect(),
        unread_reports: c
            .reports
            .iter()
            .filter(|r| is_unread(r))
            .map(|r| r.due)
            .collect(),
    })
}

fn request_line(
    r: &MedicalRequest,
    zone: &Zone,
    today: NaiveDate,
    medical: &Medical,
    contacts: &mut Contacts<'_>,
) -> Result<RequestLine> {
    let recipient = match r.recipient {
        Some(id) => Some(contacts.reference(id)?),
        None => None,
    };
    // The deadline the caseworker set, else the configured default for the kind.
    let deadline = chase::effective_deadline(r, medical).map(|(date, _)| date);
    let days_overdue = chase::days_overdue(r, today, medical);
    let state = match r.sent {
        None => RequestState::NotSent,
        Some(_) if days_overdue > 0 => RequestState::Overdue,
        Some(_) => RequestState::Waiting,
    };
    Ok(RequestLine {
        id: r.id.0,
        kind: r.kind.clone(),
        recipient,
        sent: r.sent,
        deadline,
        received: r.received,
        chases: r.chases.len(),
        last_chase: r.chases.iter().map(|c| c.at).max().map(|at| zone.local(at)),
        state,
        days_overdue,
        schedule: chase::state(r, today, medical),
        next_chase: chase::next_step(r, today, medical).map(|step| step.due),
    })
}

/// Contacts by id, each read once.
struct Contacts<'a> {
    store: &'a Store,
    seen: HashMap<ContactId, Option<Contact>>,
}

impl<'a> Contacts<'a> {
    fn new(store: &'a Store) -> Self {
        Contacts {
            store,
            seen: HashMap::new(),
        }
    }

    fn get(&mut self, id: ContactId) -> Result<Option<Contact>> {
        if let Some(found) = self.seen.get(&id) {
            return Ok(found.clone());
        }
        let found = self.store.get::<Contact>(id)?;
        self.seen.insert(id, found.clone());
        Ok(found)
    }

    fn reference(&mut self, id: ContactId) -> Result<ContactRef> {
        Ok(contact_ref(id, self.get(id)?.as_ref()))
    }
}

fn contact_ref(id: ContactId, contact: Option<&Contact>) -> ContactRef {
    ContactRef {
        id,
        name: contact.map_or_else(|| format!("#{id}"), |c| c.name.clone()),
        work_phone: contact.map(|c| c.work_phone.clone()).unwrap_or_default(),
    }
}

/// A contact with the people of its organisation and the cases it is part of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactCard {
    pub id: ContactId,
    pub name: String,
    pub kind: ContactKind,
    pub title: String,
    pub work_phone: String,
    pub email: String,
    pub note: String,
    pub organisation: Option<ContactRef>,
    /// Contacts whose organisation this one is, by name.
    pub people: Vec<ContactRef>,
    /// Cases it is part of, active first, by name.
    pub cases: Vec<ContactCase>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactCase {
    pub case: CaseId,
    pub name: String,
    pub active: bool,
    pub links: Vec<CaseLink>,
}

/// How a contact is part of a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "as")]
pub enum CaseLink {
    /// In the case's network with this role.
    Network {
        role: String,
    },
    Supplier {
        course: CourseId,
    },
    Consultant {
        course: CourseId,
    },
}

/// The card of one contact, or `None` when there is no such contact. Reads every contact, case
/// and course once to find its people and cases.
pub fn contact_card(store: &Store, id: ContactId) -> Result<Option<ContactCard>> {
    let Some(contact) = store.get::<Contact>(id)? else {
        return Ok(None);
    };
    let all = store.all::<Contact>()?;
    let organisation = contact
        .organisation
        .map(|org| contact_ref(org, all.iter().find(|c| c.id == org)));
    let mut people: Vec<ContactRef> = all
        .iter()
        .filter(|c| c.organisation == Some(id) && c.id != id)
        .map(|c| contact_ref(c.id, Some(c)))
        .collect();
    people.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));

    let mut links: BTreeMap<CaseId, Vec<CaseLink>> = BTreeMap::new();
    for course in store.all::<Course>()? {
        if course.supplier == id {
            links
                .entry(course.case)
                .or_default()
                .push(CaseLink::Supplier { course: course.id });
        }
        if course.consultant == Some(id) {
            links
                .entry(course.case)
                .or_default()
                .push(CaseLink::Consultant { course: course.id });
        }
    }
    let mut cases = Vec::new();
    for case in store.all::<Case>()? {
        let mut found: Vec<CaseLink> = case
            .network
            .iter()
            .filter(|l| l.contact == id)
            .map(|l| CaseLink::Network {
                role: l.role.clone(),
            })
            .collect();
        found.extend(links.remove(&case.id).unwrap_or_default());
        if !found.is_empty() {
            cases.push(ContactCase {
                case: case.id,
                active: case.is_active(),
                name: case.name,
                links: found,
            });
        }
    }
    cases.sort_by(|a, b| {
        b.active
            .cmp(&a.active)
            .then(a.name.cmp(&b.name))
            .then(a.case.cmp(&b.case))
    });
    Ok(Some(ContactCard {
        id,
        name: contact.name,
        kind: contact.kind,
        title: contact.title,
        work_phone: contact.work_phone,
        email: contact.email,
        note: contact.note,
        organisation,
        people,
        cases,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::cadence::case_cadence;
    use crate::model::Meeting;
    use crate::store::{Change, Record};
    use chrono::Days;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

        /// The card reads a case's recent meetings and counts from the index, never the
        /// history (#21); what it shows is what all of the case's meetings say.
        #[test]
        fn the_card_shows_what_all_of_the_case_s_meetings_say(
            meetings in prop::collection::vec((0..1400u64, 7..17u32, crate::testing::any_status()), 0..40),
            now_day in 0..1400u64,
            now_hour in 0..24u32,
        ) {
            let first = d("2023-01-02");
            let dir = tempfile::tempdir().unwrap();
            let store = Store::open_on(dir.path(), first).unwrap();
            let case = crate::testing::case(1, "2022-06-01");
            prop_assume!(case.is_active());
            let mut changes = vec![Change::Put(case.clone().into_any())];
            let mut all = Vec::new();
            for (i, (day, hour, status)) in meetings.into_iter().enumerate() {
                let mut m = crate::testing::meeting(10 + i as u64, "2023-01-02 09:00", 45);
                m.start = (first + Days::new(day)).and_hms_opt(hour, 0, 0).unwrap();
                m.status = status;
                all.push(m.clone());
                changes.push(Change::Put(m.into_any()));
            }
            store.write(&changes).unwrap();
            // Opened late in the history, with what went cold moved to the archive.
            drop(store);
            let store = Store::open_on(dir.path(), d("2026-11-24")).unwrap();
            store.archive_cold().unwrap();
            let zone = Zone::copenhagen();
            let now_local = (first + Days::new(now_day)).and_hms_opt(now_hour, 0, 0).unwrap();
            let now = zone.to_utc(now_local);
            let today = now_local.date();
            let config = Config::default();
            let card = card(&store, CaseId(1), &config, &zone, now).unwrap().unwrap();

            prop_assert_eq!(card.cadence, case_cadence(&case, &all, &config.cadence, today));
            let last = contact::last_contact(&all, None, &zone, now_local);
            prop_assert_eq!(card.last_contact.map(|c| c.at), last.map(|t| t.at));
            let next = all
                .iter()
                .filter(|m| m.status == MeetingStatus::Planned && m.start >= now_local)
                .min_by_key(|m| (m.start, m.id));
            prop_assert_eq!(card.next_meeting.map(|n| n.meeting_id), next.map(|m| m.id.0));
            let since = today.checked_sub_months(Months::new(12)).unwrap();
            let in_year = |status| {
                all.iter()
                    .filter(|m: &&Meeting| m.start.date() >= since && m.start <= now_local)
                    .filter(|m| m.status == status)
                    .count()
            };
            prop_assert_eq!(card.last_year.held, in_year(MeetingStatus::Held));
            prop_assert_eq!(
                card.last_year.cancelled_by_citizen,
                in_year(MeetingStatus::CancelledByCitizen)
            );
            prop_assert_eq!(card.last_year.no_show, in_year(MeetingStatus::NoShow));
        }
    }

    #[test]
    fn no_medical_information_is_flagged_only_after_the_configured_years() {
        let today = d("2026-11-24");
        let judge = |last, opened| MedicalInfo::judge(last, d(opened), today, 3);
        assert_eq!(judge(None, "2026-11-17"), MedicalInfo::NoneYet);
        assert_eq!(judge(None, "2023-11-24"), MedicalInfo::NoneYet);
        assert_eq!(judge(None, "2023-11-23"), MedicalInfo::NoneOnFile);
        let old = Some(d("2023-11-01"));
        assert_eq!(
            judge(old, "2020-01-01"),
            MedicalInfo::OldSince {
                last: d("2023-11-01")
            }
        );
        assert_eq!(MedicalInfo::NoneYet.flag(Lang::En), None);
        assert!(MedicalInfo::NoneOnFile.flag(Lang::En).is_some());
    }
}
