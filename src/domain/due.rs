//! The Today list: everything due or overdue across the caseload for a window, assembled from
//! facts the query gathered. Pure: no store, no clock, no language. Every item carries a stable
//! key (for snoozing), its due day, the case, and why it is there as structured facts.

use super::cadence::CaseCadence;
use super::reminder::{Basis, Reminder, ReminderKind, Subject, days_late};
use super::summary::FirstMeeting;
use crate::model::{
    AgreementId, BulkChange, CaseId, Channel, EventId, Meeting, MeetingId, MeetingStatus, NoteId,
    Party, RebookingId,
};
use chrono::{Days, Duration, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One thing to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueItem {
    /// Stable while the item's facts stay the same; a snooze is stored under it.
    pub key: String,
    pub due: NaiveDate,
    pub case: CaseId,
    pub case_name: String,
    /// Calendar days past `due`, when overdue.
    pub days_late: Option<u32>,
    pub what: DueWhat,
}

/// What is due, with the facts that explain it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum DueWhat {
    /// A course or medical-request reminder (reports, course ends, chases, acting on answers).
    Reminder { reminder: Reminder },
    /// An open agreement with a due date: "your own date".
    Agreement {
        agreement: AgreementId,
        who: Party,
        text: String,
    },
    /// A note not journalised within the configured days.
    Journalise {
        note: NoteId,
        subject: String,
        written: NaiveDate,
        within_days: u32,
    },
    /// The next meeting is due under the contact cadence and none is planned in time;
    /// `planned` is the next planned meeting when it lies after the due day.
    Cadence {
        cadence: CaseCadence,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        planned: Option<NaiveDate>,
    },
    /// No held meeting and no reached contact for the configured days.
    NoContact {
        last_contact: Option<NaiveDate>,
        days: u32,
    },
    /// Ring back: the citizen asked to be called ("ring mig"), or a call was cut off. Counted
    /// in minutes from `at` (local time); urgent from `urgent_at`.
    CallBack {
        source: CallBackSource,
        at: NaiveDateTime,
        channel: Channel,
        urgent_at: NaiveDateTime,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        note: String,
    },
    /// A meeting held today whose outcome is not written yet.
    Outcome {
        meeting: MeetingId,
        start: NaiveDateTime,
    },
    /// Inform the citizen that meetings were cancelled or converted in bulk, and book again
    /// (#17): how to reach them comes along.
    Rebook {
        rebooking: RebookingId,
        change: BulkChange,
        from: NaiveDate,
        to: NaiveDate,
        meetings: usize,
        reach: Reach,
    },
}

/// How to reach a citizen: a phone number, the channel they prefer, who passes on a message.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reach {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub channel: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub via: String,
}

impl Reach {
    /// The citizen's first confirmed number (else the first), their channel and who passes on
    /// a message.
    pub fn of(case: &crate::model::Case) -> Reach {
        let phone = case
            .phones
            .iter()
            .find(|p| p.confirmed)
            .or(case.phones.first())
            .map(|p| p.number.clone());
        Reach {
            phone,
            channel: case.preferences.channel.clone(),
            via: case.reach_via.clone(),
        }
    }
}

/// What a call-back answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CallBackSource {
    /// An incoming event marked "call back".
    Event(EventId),
    /// A meeting whose status is afbrudt (cut off).
    Meeting(MeetingId),
}

/// The kinds the Today list can be narrowed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DueCategory {
    /// Supplier courses and their reports.
    Reports,
    Medical,
    Agreements,
    /// The contact cadence and no contact for long.
    Cadence,
    CallBacks,
    /// Notes to journalise and outcomes to write.
    Writing,
}

impl DueCategory {
    /// The categories in the order the filter steps through them.
    pub const ALL: [DueCategory; 6] = [
        DueCategory::Reports,
        DueCategory::Medical,
        DueCategory::Agreements,
        DueCategory::Cadence,
        DueCategory::CallBacks,
        DueCategory::Writing,
    ];
}

impl DueWhat {
    /// A short stable name of the kind, for JSON consumers and sorting.
    pub fn kind_name(&self) -> &'static str {
        match self {
            DueWhat::Reminder { reminder } => match reminder.subject {
                Subject::Request { .. } => "medical",
                Subject::Course { .. } => "course",
                _ => "report",
            },
            DueWhat::Agreement { .. } => "agreement",
            DueWhat::Journalise { .. } => "journalise",
            DueWhat::Cadence { .. } => "cadence",
            DueWhat::NoContact { .. } => "no_contact",
            DueWhat::CallBack { .. } => "call_back",
            DueWhat::Outcome { .. } => "outcome",
            DueWhat::Rebook { .. } => "rebook",
        }
    }

    /// The category the Today filter puts the item in.
    pub fn category(&self) -> DueCategory {
        match self {
            DueWhat::Reminder { reminder } => match reminder.subject {
                Subject::Request { .. } => DueCategory::Medical,
                _ => DueCategory::Reports,
            },
            DueWhat::Agreement { .. } => DueCategory::Agreements,
            DueWhat::Cadence { .. } | DueWhat::NoContact { .. } => DueCategory::Cadence,
            // The first thing to do is to ring the citizen.
            DueWhat::CallBack { .. } | DueWhat::Rebook { .. } => DueCategory::CallBacks,
            DueWhat::Journalise { .. } | DueWhat::Outcome { .. } => DueCategory::Writing,
        }
    }

    /// Order among items due the same day: the caseworker's own promises first.
    fn rank(&self) -> u8 {
        match self {
            DueWhat::CallBack { .. } | DueWhat::Outcome { .. } | DueWhat::Rebook { .. } => 0,
            DueWhat::Agreement {
                who: Party::Caseworker,
                ..
            } => 0,
            DueWhat::Agreement { .. } => 1,
            DueWhat::Reminder { .. } => 2,
            DueWhat::Cadence { .. } => 3,
            DueWhat::NoContact { .. } => 4,
            DueWhat::Journalise { .. } => 5,
        }
    }
}

/// Where an item falls relative to today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DueGroup {
    /// Call-backs and outcomes to write: counted in minutes, shown first.
    Now,
    Overdue,
    Today,
    Coming,
}

/// The Today list for one window.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueList {
    /// Call-backs (oldest first) and outcomes to write.
    #[serde(default)]
    pub now: Vec<DueItem>,
    pub overdue: Vec<DueItem>,
    pub today: Vec<DueItem>,
    pub coming: Vec<DueItem>,
    /// Items hidden by a snooze that has not ended.
    pub snoozed: usize,
}

impl DueList {
    /// Every item in screen order: now, overdue, today, coming.
    pub fn items(&self) -> impl Iterator<Item = (DueGroup, &DueItem)> {
        let now = self.now.iter().map(|i| (DueGroup::Now, i));
        let overdue = self.overdue.iter().map(|i| (DueGroup::Overdue, i));
        let today = self.today.iter().map(|i| (DueGroup::Today, i));
        let coming = self.coming.iter().map(|i| (DueGroup::Coming, i));
        now.chain(overdue).chain(today).chain(coming)
    }

    /// The groups in screen order with their items.
    pub fn groups(&self) -> [(DueGroup, &Vec<DueItem>); 4] {
        [
            (DueGroup::Now, &self.now),
            (DueGroup::Overdue, &self.overdue),
            (DueGroup::Today, &self.today),
            (DueGroup::Coming, &self.coming),
        ]
    }

    /// The list with only the items `keep` takes (the snoozed count stays).
    pub fn filtered(&self, keep: impl Fn(&DueItem) -> bool) -> DueList {
        let only = |items: &[DueItem]| items.iter().filter(|i| keep(i)).cloned().collect();
        DueList {
            now: only(&self.now),
            overdue: only(&self.overdue),
            today: only(&self.today),
            coming: only(&self.coming),
            snoozed: self.snoozed,
        }
    }

    pub fn len(&self) -> usize {
        self.now.len() + self.overdue.len() + self.today.len() + self.coming.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The item at `index` in screen order, found by the groups' lengths, not by walking the
    /// items before it.
    pub fn get(&self, index: usize) -> Option<&DueItem> {
        let mut index = index;
        for (_, items) in self.groups() {
            match items.get(index) {
                Some(item) => return Some(item),
                None => index -= items.len(),
            }
        }
        None
    }
}

/// The facts of one case the cadence and no-contact items need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseFacts {
    pub case: CaseId,
    pub name: String,
    pub created: NaiveDate,
    pub cadence: Option<CaseCadence>,
    /// The day of the next planned meeting from today on.
    pub next_planned: Option<NaiveDate>,
    /// The last held meeting or reached contact event.
    pub last_contact: Option<NaiveDate>,
}

/// An open agreement with a due date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenAgreement {
    pub id: AgreementId,
    pub case: CaseId,
    pub who: Party,
    pub what: String,
    pub due: NaiveDate,
}

/// A note not yet journalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenNote {
    pub id: NoteId,
    pub case: CaseId,
    pub subject: String,
    pub written: NaiveDate,
}

/// Whether `note`, written on `written` (local), is past the journalising guideline on `today`
/// and still not journalised: the same due date the Today list gives it.
pub fn journalising_late(
    note: &crate::model::Note,
    written: NaiveDate,
    today: NaiveDate,
    within_days: u32,
) -> bool {
    note.journalised.is_none() && plus_days(written, within_days) < today
}

/// The settings the list uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DueSettings {
    pub journalise_within_days: u32,
    pub no_contact_days: u32,
    /// Minutes after which a call-back is urgent.
    pub call_back_minutes: u32,
}

/// A call-back not yet made: when it was asked for (local time), how, and by which record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenCallBack {
    pub source: CallBackSource,
    pub case: CaseId,
    pub at: NaiveDateTime,
    pub channel: Channel,
    pub note: String,
}

/// Whether a meeting leaves an outcome to write up as of `now`: held, with a case, started
/// today, and no outcome note yet.
pub fn needs_outcome(meeting: &Meeting, now: NaiveDateTime) -> bool {
    meeting.status == MeetingStatus::Held
        && meeting.case.is_some()
        && meeting.repeat.is_none()
        && meeting.start.date() == now.date()
        && meeting.start <= now
        && meeting.outcome.trim().is_empty()
}

/// Whether a meeting asks for a call-back: afbrudt (cut off), with a case.
pub fn is_cut_off(meeting: &Meeting) -> bool {
    meeting.status == MeetingStatus::CutOff && meeting.case.is_some()
}

/// An "inform and rebook" item not yet done (#17), with how to reach the citizen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenRebooking {
    pub rebooking: crate::model::Rebooking,
    pub reach: Reach,
}

/// Everything the query gathered for one window.
#[derive(Debug, Clone, Default)]
pub struct DueFacts {
    /// Active cases by id (the list shows nothing of a closed case).
    pub cases: BTreeMap<CaseId, CaseFacts>,
    pub reminders: Vec<Reminder>,
    pub agreements: Vec<OpenAgreement>,
    pub notes: Vec<OpenNote>,
    pub call_backs: Vec<OpenCallBack>,
    /// Meetings held today without an outcome ([`needs_outcome`]).
    pub outcomes: Vec<Meeting>,
    /// Citizens to inform and book again after a bulk cancel or convert (#17).
    pub rebookings: Vec<OpenRebooking>,
}

/// Whether a case must be summoned: its cadence falls due by `horizon` and no meeting is
/// planned in time (by the due day, or by `horizon` when that lies later).
pub fn needs_summons(
    cadence: &CaseCadence,
    next_planned: Option<NaiveDate>,
    horizon: NaiveDate,
) -> bool {
    cadence.next_due <= horizon && next_planned.is_none_or(|p| p > cadence.next_due.max(horizon))
}

/// Whether a meeting answers a course-end reminder: the call to the supplier and the summons
/// are met by a meeting of the case between the reminder's due day and the course's end.
/// `meeting` is the case's first planned or held meeting from the reminder's due day on.
pub fn met_by_meeting(reminder: &Reminder, meeting: Option<NaiveDate>) -> bool {
    let Basis::CourseEnd { end, .. } = &reminder.reason.basis else {
        return false;
    };
    may_be_met_by_meeting(reminder) && meeting.is_some_and(|day| reminder.due <= day && day <= *end)
}

/// [`met_by_meeting`] with the first meeting planned or held from the start of the reminder's
/// due day as the case's summary tells it; `None` when that does not settle it and the
/// meetings must be read.
pub fn met_by_first_meeting(reminder: &Reminder, first: FirstMeeting) -> Option<bool> {
    if !may_be_met_by_meeting(reminder) {
        return Some(false);
    }
    match first {
        FirstMeeting::None => Some(met_by_meeting(reminder, None)),
        FirstMeeting::On(day) => Some(met_by_meeting(reminder, Some(day))),
        // The first one starts between the due day and `day`: within the course when `day` is.
        FirstMeeting::By(day) => met_by_meeting(reminder, Some(day)).then_some(true),
    }
}

/// Whether a meeting can answer `reminder` at all ([`met_by_meeting`]): only then is the
/// case's meeting worth reading.
pub fn may_be_met_by_meeting(reminder: &Reminder) -> bool {
    matches!(reminder.reason.basis, Basis::CourseEnd { .. })
        && matches!(
            reminder.kind,
            ReminderKind::CallSupplierBeforeEnd | ReminderKind::SummonBeforeEnd
        )
}

/// Assembles the list of what is due from `today` to `until` (both included), plus everything
/// overdue, leaving out items snoozed until a day after `today`.
pub fn due_list(
    facts: &DueFacts,
    today: NaiveDate,
    until: NaiveDate,
    settings: DueSettings,
    snoozes: &BTreeMap<String, NaiveDate>,
) -> DueList {
    let mut all = Vec::new();
    let name = |case: CaseId| facts.cases.get(&case).map(|c| c.name.clone());
    let mut push = |key: String, due: NaiveDate, case: CaseId, what: DueWhat| {
        if let Some(case_name) = name(case) {
            all.push(DueItem {
                key,
                due,
                case,
                case_name,
                days_late: days_late(due, today),
                what,
            });
        }
    };
    for r in &facts.reminders {
        push(
            reminder_key(r),
            r.due,
            r.subject.case(),
            DueWhat::Reminder {
                reminder: r.clone(),
            },
        );
    }
    for a in &facts.agreements {
        push(
            format!("agreement:{}:{}", a.id, a.due),
            a.due,
            a.case,
            DueWhat::Agreement {
                agreement: a.id,
                who: a.who,
                text: a.what.clone(),
            },
        );
    }
    for r in facts.rebookings.iter().filter(|r| r.rebooking.is_open()) {
        let item = &r.rebooking;
        push(
            format!("rebooking:{}", item.id),
            item.made,
            item.case,
            DueWhat::Rebook {
                rebooking: item.id,
                change: item.change,
                from: item.from,
                to: item.to,
                meetings: item.meetings.len(),
                reach: r.reach.clone(),
            },
        );
    }
    for n in &facts.notes {
        let due = plus_days(n.written, settings.journalise_within_days);
        push(
            format!("note:{}", n.id),
            due,
            n.case,
            DueWhat::Journalise {
                note: n.id,
                subject: n.subject.clone(),
                written: n.written,
                within_days: settings.journalise_within_days,
            },
        );
    }
    for c in facts.cases.values() {
        if let Some(cadence) = &c.cadence
            && needs_summons(cadence, c.next_planned, until)
        {
            push(
                format!("cadence:{}:{}", c.case, cadence.next_due),
                cadence.next_due,
                c.case,
                DueWhat::Cadence {
                    cadence: cadence.clone(),
                    // Planned, but too late: the reason says so.
                    planned: c.next_planned,
                },
            );
        }
        // A planned meeting is the contact being arranged: no nudge then.
        let since = c.last_contact.unwrap_or(c.created);
        let due = plus_days(since, settings.no_contact_days);
        if c.next_planned.is_none() {
            push(
                format!("no_contact:{}:{since}", c.case),
                due,
                c.case,
                DueWhat::NoContact {
                    last_contact: c.last_contact,
                    days: settings.no_contact_days,
                },
            );
        }
    }
    let mut list = DueList::default();
    let mut now = Vec::new();
    for c in &facts.call_backs {
        let urgent_at = c.at + Duration::minutes(i64::from(settings.call_back_minutes));
        let key = match c.source {
            CallBackSource::Event(id) => format!("call_back:event:{id}"),
            CallBackSource::Meeting(id) => format!("call_back:meeting:{id}"),
        };
        if let Some(case_name) = name(c.case) {
            now.push(DueItem {
                key,
                due: c.at.date(),
                case: c.case,
                case_name,
                days_late: days_late(c.at.date(), today),
                what: DueWhat::CallBack {
                    source: c.source,
                    at: c.at,
                    channel: c.channel,
                    urgent_at,
                    note: c.note.clone(),
                },
            });
        }
    }
    now.sort_by_key(|i| match &i.what {
        DueWhat::CallBack { at, .. } => (*at, i.key.clone()),
        _ => (NaiveDateTime::MIN, i.key.clone()),
    });
    for m in &facts.outcomes {
        if let Some(case) = m.case
            && let Some(case_name) = name(case)
        {
            now.push(DueItem {
                key: format!("outcome:{}", m.id),
                due: m.start.date(),
                case,
                case_name,
                days_late: None,
                what: DueWhat::Outcome {
                    meeting: m.id,
                    start: m.start,
                },
            });
        }
    }
    for item in now {
        if snoozes.get(&item.key).is_some_and(|back| *back > today) {
            list.snoozed += 1;
        } else {
            list.now.push(item);
        }
    }
    for item in all {
        if item.due > until {
            continue;
        }
        if snoozes.get(&item.key).is_some_and(|back| *back > today) {
            list.snoozed += 1;
            continue;
        }
        match item.due.cmp(&today) {
            std::cmp::Ordering::Less => list.overdue.push(item),
            std::cmp::Ordering::Equal => list.today.push(item),
            std::cmp::Ordering::Greater => list.coming.push(item),
        }
    }
    for group in [&mut list.overdue, &mut list.today, &mut list.coming] {
        group.sort_by(|a, b| {
            (a.due, a.what.rank(), &a.case_name, &a.key).cmp(&(
                b.due,
                b.what.rank(),
                &b.case_name,
                &b.key,
            ))
        });
    }
    list
}

fn plus_days(day: NaiveDate, days: u32) -> NaiveDate {
    day.checked_add_days(Days::new(u64::from(days)))
        .unwrap_or(day)
}

/// "report:<course>:<report due>:late", "request:<id>:reminder2" … A report is named by its
/// due day, not its place in the course: an interim report or a new schedule moves the places.
fn reminder_key(r: &Reminder) -> String {
    let kind = match r.kind {
        ReminderKind::ReportDueSoon => "due_soon".to_owned(),
        ReminderKind::ReportLate => "late".to_owned(),
        ReminderKind::ReportUnread => "unread".to_owned(),
        ReminderKind::CallSupplierBeforeEnd => "call_supplier".to_owned(),
        ReminderKind::SummonBeforeEnd => "summon".to_owned(),
        ReminderKind::FinalReportAfterSummons => "final_after_summons".to_owned(),
        ReminderKind::ReportChaseEscalate => "report_escalate".to_owned(),
        ReminderKind::MedicalReminder { n } => format!("reminder{n}"),
        ReminderKind::MedicalPhoneChase { day } => format!("phone{day}"),
        ReminderKind::MedicalEscalate => "escalate".to_owned(),
        ReminderKind::MedicalActOn => "act_on".to_owned(),
    };
    match r.subject {
        Subject::Report { course, index, .. } => match &r.reason.basis {
            Basis::Report { due, .. } => format!("report:{course}:{due}:{kind}"),
            _ => format!("report:{course}:#{index}:{kind}"),
        },
        Subject::Course { course, .. } => format!("course:{course}:{kind}"),
        Subject::Request { request, .. } => format!("request:{request}:{kind}"),
        Subject::Case { case } => format!("case:{case}:{kind}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::cadence::CadenceSource;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    const SETTINGS: DueSettings = DueSettings {
        journalise_within_days: 7,
        no_contact_days: 30,
        call_back_minutes: 30,
    };

    fn facts() -> DueFacts {
        let mut cases = BTreeMap::new();
        cases.insert(
            CaseId(1),
            CaseFacts {
                case: CaseId(1),
                name: "Anna".into(),
                created: d("2026-01-01"),
                cadence: Some(CaseCadence {
                    next_due: d("2026-11-14"),
                    last_held: Some(d("2026-08-14")),
                    not_counted: vec![],
                    source: CadenceSource::Override {
                        every_days: 92,
                        until: None,
                    },
                }),
                next_planned: None,
                last_contact: Some(d("2026-11-20")),
            },
        );
        DueFacts {
            cases,
            reminders: vec![],
            agreements: vec![
                OpenAgreement {
                    id: AgreementId(5),
                    case: CaseId(1),
                    who: Party::Citizen,
                    what: "Går til lægen".into(),
                    due: d("2026-11-24"),
                },
                OpenAgreement {
                    id: AgreementId(6),
                    case: CaseId(1),
                    who: Party::Caseworker,
                    what: "Ringer".into(),
                    due: d("2026-11-24"),
                },
                OpenAgreement {
                    id: AgreementId(7),
                    case: CaseId(1),
                    who: Party::Caseworker,
                    what: "Later".into(),
                    due: d("2027-01-10"),
                },
                // A closed case's agreement is not listed.
                OpenAgreement {
                    id: AgreementId(8),
                    case: CaseId(99),
                    who: Party::Caseworker,
                    what: "Gone".into(),
                    due: d("2026-11-24"),
                },
            ],
            notes: vec![OpenNote {
                id: NoteId(9),
                case: CaseId(1),
                subject: "Opkald".into(),
                written: d("2026-11-20"),
            }],
            call_backs: vec![],
            outcomes: vec![],
            rebookings: vec![],
        }
    }

    #[test]
    fn groups_by_day_and_puts_own_promises_first() {
        let list = due_list(
            &facts(),
            d("2026-11-24"),
            d("2026-12-01"),
            SETTINGS,
            &BTreeMap::new(),
        );
        let keys = |v: &[DueItem]| v.iter().map(|i| i.key.clone()).collect::<Vec<_>>();
        assert_eq!(keys(&list.overdue), vec!["cadence:1:2026-11-14"]);
        assert_eq!(list.overdue[0].days_late, Some(10));
        assert_eq!(
            keys(&list.today),
            vec!["agreement:6:2026-11-24", "agreement:5:2026-11-24"]
        );
        // The note is due 7 days after it was written; contact was 4 days ago.
        assert_eq!(keys(&list.coming), vec!["note:9"]);
        assert_eq!(list.coming[0].due, d("2026-11-27"));
        assert_eq!(list.len(), 4);
        assert_eq!(
            list.get(1).map(|i| i.key.as_str()),
            Some("agreement:6:2026-11-24")
        );
    }

    #[test]
    fn a_planned_meeting_in_time_removes_the_cadence_item() {
        let mut f = facts();
        f.cases.get_mut(&CaseId(1)).unwrap().next_planned = Some(d("2026-11-26"));
        let list = due_list(
            &f,
            d("2026-11-24"),
            d("2026-12-01"),
            SETTINGS,
            &BTreeMap::new(),
        );
        assert!(list.items().all(|(_, i)| i.what.kind_name() != "cadence"));
        // A meeting only after the window does not cover an overdue cadence.
        f.cases.get_mut(&CaseId(1)).unwrap().next_planned = Some(d("2026-12-20"));
        let list = due_list(
            &f,
            d("2026-11-24"),
            d("2026-12-01"),
            SETTINGS,
            &BTreeMap::new(),
        );
        assert_eq!(list.overdue.len(), 1);
    }

    #[test]
    fn no_contact_shows_after_the_configured_days_without_a_planned_meeting() {
        let mut f = facts();
        f.cases.get_mut(&CaseId(1)).unwrap().last_contact = Some(d("2026-10-20"));
        let list = due_list(
            &f,
            d("2026-11-24"),
            d("2026-11-24"),
            SETTINGS,
            &BTreeMap::new(),
        );
        let item = list
            .overdue
            .iter()
            .find(|i| i.what.kind_name() == "no_contact")
            .unwrap();
        assert_eq!(item.due, d("2026-11-19"));
        assert_eq!(item.key, "no_contact:1:2026-10-20");
    }

    #[test]
    fn snoozed_items_hide_until_their_day() {
        let mut snoozes = BTreeMap::new();
        snoozes.insert("agreement:6:2026-11-24".to_owned(), d("2026-11-26"));
        let at = |today: &str| due_list(&facts(), d(today), d("2026-12-01"), SETTINGS, &snoozes);
        let list = at("2026-11-24");
        assert_eq!(list.snoozed, 1);
        assert!(list.items().all(|(_, i)| i.key != "agreement:6:2026-11-24"));
        let back = at("2026-11-26");
        assert_eq!(back.snoozed, 0);
        assert!(
            back.overdue
                .iter()
                .any(|i| i.key == "agreement:6:2026-11-24")
        );
    }

    #[test]
    fn summons_needed_only_when_nothing_is_planned_in_time() {
        let cadence = CaseCadence {
            next_due: d("2026-11-27"),
            last_held: None,
            not_counted: vec![],
            source: CadenceSource::Override {
                every_days: 7,
                until: None,
            },
        };
        let sunday = d("2026-11-29");
        assert!(needs_summons(&cadence, None, sunday));
        assert!(!needs_summons(&cadence, Some(d("2026-11-26")), sunday));
        assert!(needs_summons(&cadence, Some(d("2026-12-02")), sunday));
        assert!(!needs_summons(&cadence, None, d("2026-11-26")));
    }

    fn report_reminder(index: usize, due: &str, kind: ReminderKind) -> Reminder {
        use crate::domain::reminder::{CadenceKind, Reason};
        Reminder {
            due: d(due),
            kind,
            reason: Reason {
                basis: Basis::Report {
                    due: d(due),
                    is_final: false,
                    cadence: CadenceKind::Monthly,
                    supplier: None,
                    received: None,
                },
                rule: None,
                days_late: None,
                chases: 0,
            },
            subject: Subject::Report {
                case: CaseId(1),
                course: crate::model::CourseId(4),
                index,
            },
        }
    }

    #[test]
    fn a_report_item_is_keyed_by_its_due_day_not_its_place() {
        let mut f = facts();
        f.reminders = vec![report_reminder(3, "2026-11-20", ReminderKind::ReportLate)];
        let at = |f: &DueFacts, snoozes: &BTreeMap<String, NaiveDate>| {
            due_list(f, d("2026-11-24"), d("2026-12-01"), SETTINGS, snoozes)
        };
        let key = "report:4:2026-11-20:late";
        assert!(
            at(&f, &BTreeMap::new())
                .overdue
                .iter()
                .any(|i| i.key == key)
        );
        // An interim report inserted before it moves the report to place 4: the snooze stays.
        let snoozes = BTreeMap::from([(key.to_owned(), d("2026-11-27"))]);
        f.reminders = vec![report_reminder(4, "2026-11-20", ReminderKind::ReportLate)];
        let list = at(&f, &snoozes);
        assert_eq!(list.snoozed, 1);
        assert!(list.items().all(|(_, i)| !i.key.starts_with("report:")));
        // The report now at place 3 (the interim one) is a different item.
        f.reminders = vec![report_reminder(3, "2026-11-10", ReminderKind::ReportLate)];
        let list = at(&f, &snoozes);
        assert_eq!(list.snoozed, 0);
        assert!(
            list.items()
                .any(|(_, i)| i.key == "report:4:2026-11-10:late")
        );
    }

    fn course_end(kind: ReminderKind, due: &str) -> Reminder {
        use crate::domain::reminder::Reason;
        Reminder {
            due: d(due),
            kind,
            reason: Reason {
                basis: Basis::CourseEnd {
                    end: d("2026-12-18"),
                    supplier: None,
                },
                rule: None,
                days_late: None,
                chases: 0,
            },
            subject: Subject::Course {
                case: CaseId(1),
                course: crate::model::CourseId(4),
            },
        }
    }

    #[test]
    fn a_meeting_between_the_due_day_and_the_end_meets_the_call_and_the_summons() {
        let call = course_end(ReminderKind::CallSupplierBeforeEnd, "2026-11-27");
        let summon = course_end(ReminderKind::SummonBeforeEnd, "2026-12-04");
        assert!(!met_by_meeting(&call, None));
        assert!(met_by_meeting(&call, Some(d("2026-11-27"))));
        assert!(met_by_meeting(&call, Some(d("2026-12-18"))));
        assert!(!met_by_meeting(&call, Some(d("2026-12-19"))));
        assert!(met_by_meeting(&summon, Some(d("2026-12-10"))));
        // Asking for an interim report is not done by a meeting.
        let interim = course_end(ReminderKind::FinalReportAfterSummons, "2026-12-04");
        assert!(!met_by_meeting(&interim, Some(d("2026-12-10"))));
        // Today reads the case's meetings only where a meeting can answer.
        assert!(may_be_met_by_meeting(&call) && may_be_met_by_meeting(&summon));
        assert!(!may_be_met_by_meeting(&interim));
    }

    #[test]
    fn the_summary_s_first_meeting_settles_the_call_unless_a_held_one_lies_after_the_end() {
        let call = course_end(ReminderKind::CallSupplierBeforeEnd, "2026-11-27");
        let met = |first| met_by_first_meeting(&call, first);
        assert_eq!(met(FirstMeeting::None), Some(false));
        assert_eq!(met(FirstMeeting::On(d("2026-12-18"))), Some(true));
        assert_eq!(met(FirstMeeting::On(d("2026-12-19"))), Some(false));
        // A held meeting by the end: the first one, between the due day and it, is in time.
        assert_eq!(met(FirstMeeting::By(d("2026-12-01"))), Some(true));
        // After the end: the first one may still be in time; the meetings must say.
        assert_eq!(met(FirstMeeting::By(d("2026-12-19"))), None);
        let interim = course_end(ReminderKind::FinalReportAfterSummons, "2026-12-04");
        assert_eq!(
            met_by_first_meeting(&interim, FirstMeeting::By(d("2027-01-04"))),
            Some(false)
        );
    }

    #[test]
    fn a_cadence_item_names_the_meeting_planned_too_late() {
        let mut f = facts();
        f.cases.get_mut(&CaseId(1)).unwrap().next_planned = Some(d("2026-12-20"));
        let list = due_list(
            &f,
            d("2026-11-24"),
            d("2026-12-01"),
            SETTINGS,
            &BTreeMap::new(),
        );
        match &list.overdue[0].what {
            DueWhat::Cadence { planned, .. } => assert_eq!(*planned, Some(d("2026-12-20"))),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn call_backs_come_first_oldest_first_and_turn_urgent_after_the_configured_minutes() {
        let mut f = facts();
        let at = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
        f.call_backs = vec![
            OpenCallBack {
                source: CallBackSource::Event(EventId(31)),
                case: CaseId(1),
                at: at("2026-11-24 08:40"),
                channel: Channel::Sms,
                note: "Ring mig".into(),
            },
            OpenCallBack {
                source: CallBackSource::Meeting(MeetingId(32)),
                case: CaseId(1),
                at: at("2026-11-23 15:00"),
                channel: Channel::Phone,
                note: String::new(),
            },
            // A closed case's call-back is not listed.
            OpenCallBack {
                source: CallBackSource::Event(EventId(33)),
                case: CaseId(99),
                at: at("2026-11-24 08:00"),
                channel: Channel::Phone,
                note: String::new(),
            },
        ];
        let list = due_list(
            &f,
            d("2026-11-24"),
            d("2026-12-01"),
            SETTINGS,
            &BTreeMap::new(),
        );
        let keys: Vec<&str> = list.now.iter().map(|i| i.key.as_str()).collect();
        assert_eq!(keys, vec!["call_back:meeting:32", "call_back:event:31"]);
        assert_eq!(list.items().next().map(|(g, _)| g), Some(DueGroup::Now));
        match &list.now[1].what {
            DueWhat::CallBack { urgent_at, .. } => assert_eq!(*urgent_at, at("2026-11-24 09:10")),
            other => panic!("{other:?}"),
        }
        assert_eq!(list.now[1].what.category(), DueCategory::CallBacks);
        assert_eq!(list.now[1].what.kind_name(), "call_back");
    }

    #[test]
    fn an_outcome_is_asked_for_a_meeting_held_today_without_one() {
        let now = NaiveDateTime::parse_from_str("2026-11-24 11:00", "%Y-%m-%d %H:%M").unwrap();
        let mut m = crate::testing::meeting(7, "2026-11-24 10:00", 45);
        assert!(!needs_outcome(&m, now), "planned");
        m.status = MeetingStatus::Held;
        assert!(needs_outcome(&m, now));
        m.outcome = "Aftalt praktik".into();
        assert!(!needs_outcome(&m, now), "written");
        m.outcome = String::new();
        m.start -= chrono::Duration::days(1);
        assert!(!needs_outcome(&m, now), "only the same day");
        m.status = MeetingStatus::CutOff;
        assert!(is_cut_off(&m));
    }

    fn rebooking(id: u64, made: &str) -> OpenRebooking {
        OpenRebooking {
            rebooking: crate::model::Rebooking {
                id: RebookingId(id),
                case: CaseId(1),
                change: BulkChange::Cancel,
                from: d("2026-11-24"),
                to: d("2026-11-27"),
                meetings: vec![
                    (MeetingId(3), d("2026-11-24").and_hms_opt(10, 0, 0).unwrap()),
                    (MeetingId(4), d("2026-11-26").and_hms_opt(10, 0, 0).unwrap()),
                ],
                purpose: String::new(),
                note: "Sygdom".into(),
                made: d(made),
                done: None,
                booked: None,
            },
            reach: Reach {
                phone: Some("20 30 40 50".into()),
                channel: "sms".into(),
                via: String::new(),
            },
        }
    }

    #[test]
    fn an_open_rebooking_is_one_item_on_its_day_with_how_to_reach_the_citizen() {
        let mut f = facts();
        let mut done = rebooking(12, "2026-11-20");
        done.rebooking.done = Some(d("2026-11-21"));
        f.rebookings = vec![rebooking(11, "2026-11-24"), done];
        let list = due_list(
            &f,
            d("2026-11-24"),
            d("2026-12-01"),
            SETTINGS,
            &BTreeMap::new(),
        );
        let items: Vec<&DueItem> = list
            .items()
            .map(|(_, i)| i)
            .filter(|i| i.what.kind_name() == "rebook")
            .collect();
        assert_eq!(items.len(), 1, "a done item is gone");
        assert_eq!(items[0].key, "rebooking:11");
        assert!(
            list.today.iter().any(|i| i.key == "rebooking:11"),
            "due today"
        );
        match &items[0].what {
            DueWhat::Rebook {
                meetings, reach, ..
            } => {
                assert_eq!(*meetings, 2);
                assert_eq!(reach.phone.as_deref(), Some("20 30 40 50"));
                assert_eq!(reach.channel, "sms");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(items[0].what.category(), DueCategory::CallBacks);
        // Not done the next day: overdue.
        let later = due_list(
            &f,
            d("2026-11-25"),
            d("2026-12-01"),
            SETTINGS,
            &BTreeMap::new(),
        );
        assert!(later.overdue.iter().any(|i| i.key == "rebooking:11"));
    }
}
