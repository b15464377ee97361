//! The sections of the configuration file with their defaults.
//!
//! Every default here is a suggestion from the research behind the product; the caseworker
//! may set any other value (PRODUCT.md §1.2). Each section accepts a partial table.

use super::values::{ClockTime, Day, DefaultReportCadence, Kind, kind_list};
use crate::domain::workdays::{ClosingDay, DaysOff};
use crate::model::{course_kind, purpose, request_kind, target_group};
use chrono::Weekday;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// When the caseworker works: free gaps and "next free slot" are looked for inside these hours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WorkingHours {
    /// Start of the working day, "HH:MM".
    pub start: ClockTime,
    /// End of the working day, "HH:MM"; must be after `start`.
    pub end: ClockTime,
    /// Working weekdays: "mon" … "sun".
    pub days: Vec<Day>,
}

impl Default for WorkingHours {
    fn default() -> Self {
        WorkingHours {
            start: ClockTime(chrono::NaiveTime::MIN + chrono::Duration::hours(8)),
            end: ClockTime(chrono::NaiveTime::MIN + chrono::Duration::minutes(15 * 60 + 30)),
            days: [
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
            ]
            .map(Day)
            .to_vec(),
        }
    }
}

impl WorkingHours {
    pub fn is_working_day(&self, day: Weekday) -> bool {
        self.days.iter().any(|d| d.0 == day)
    }

    /// The working hours as the domain rules take them, closed on `days_off`.
    pub fn to_domain(&self, days_off: DaysOff) -> crate::domain::hours::WorkingHours {
        crate::domain::hours::WorkingHours {
            start: self.start.0,
            end: self.end.0,
            days: self.days.iter().map(|d| d.0).collect(),
            days_off,
        }
    }
}

/// The office's calendar: local closing days beyond the Danish public holidays.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Calendar {
    /// Days the office is closed: "2027-05-07" (once), "12-23" (every year), "easter+40"
    /// (days from Easter Sunday; +40 is the Friday after Ascension), each with an optional
    /// name after a space. Every count of working days skips them. Kept as written, checked
    /// when the file is read (a bad one is named with its line and column).
    pub closing_days: Vec<String>,
}

impl Calendar {
    /// The holidays and the closing days that read (after the check, all of them).
    pub fn days_off(&self) -> DaysOff {
        DaysOff::new(
            self.closing_days
                .iter()
                .filter_map(|text| text.parse::<ClosingDay>().ok())
                .collect(),
        )
    }
}

/// Lengths and buffers of new meetings, and the purposes to choose from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Meetings {
    /// Length of a new meeting in minutes (one caseworker's default: 45).
    pub default_minutes: u32,
    /// Length of a first meeting with a new citizen (about 1.5 hours).
    pub first_meeting_minutes: u32,
    /// Preparation before a meeting, drawn as a linked block.
    pub prep_minutes: u32,
    /// Follow-up (writing up) after a meeting, drawn as a linked block.
    pub follow_up_minutes: u32,
    /// Travel each way for a meeting away from the office.
    pub travel_minutes: u32,
    /// Length of a three-party meeting the week planner proposes (a course's end).
    pub three_party_minutes: u32,
    /// Minutes the week planner adds to a meeting with a citizen who needs an interpreter.
    pub interpreter_extra_minutes: u32,
    /// Meetings with citizens a day at most when the week planner proposes bookings.
    pub max_meetings_per_day: u32,
    /// Meeting purposes to choose from: the built-in keys, and any of your own with labels.
    #[serde(with = "kind_list")]
    pub kinds: Vec<Kind>,
}

impl Default for Meetings {
    fn default() -> Self {
        Meetings {
            default_minutes: 45,
            first_meeting_minutes: 90,
            prep_minutes: 10,
            follow_up_minutes: 10,
            travel_minutes: 20,
            three_party_minutes: 60,
            interpreter_extra_minutes: 15,
            max_meetings_per_day: 8,
            kinds: purpose::ALL.map(Kind::key).to_vec(),
        }
    }
}

/// Supplier courses (leverandørforløb) and their progress reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Courses {
    /// Length of a new course in weeks.
    pub length_weeks: u32,
    /// Report cadence of a new course: "monthly", "end" or "every N weeks".
    pub report_cadence: DefaultReportCadence,
    /// Days before a report is due that it shows as coming up.
    pub report_lead_days: u32,
    /// Weeks before a course ends to call the supplier and plan a joint meeting.
    pub call_supplier_weeks_before_end: u32,
    /// Days before a course ends to summon the citizen and decide on an extension (at the latest).
    pub summon_days_before_end: u32,
    /// Length of an extension in months.
    pub extension_months: u32,
    /// Chases of a late report before the reminder suggests escalating.
    pub chases_before_escalation: u32,
    /// Course kinds to choose from.
    #[serde(with = "kind_list")]
    pub kinds: Vec<Kind>,
}

impl Default for Courses {
    fn default() -> Self {
        Courses {
            length_weeks: 26,
            report_cadence: DefaultReportCadence::Monthly,
            report_lead_days: 5,
            call_supplier_weeks_before_end: 3,
            summon_days_before_end: 14,
            extension_months: 3,
            chases_before_escalation: 2,
            kinds: course_kind::ALL.map(Kind::key).to_vec(),
        }
    }
}

/// The most `act_within_workdays` may be: never later than a week (PRODUCT.md §2).
pub const MAX_ACT_WITHIN_WORKDAYS: u32 = 7;

/// Medical requests (lægelige anmodninger): deadlines and chasing, counted in working days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Medical {
    /// Deadline after sending, per request kind key.
    pub deadline_workdays: BTreeMap<String, u32>,
    /// Deadline for a kind not listed in `deadline_workdays`.
    pub default_deadline_workdays: u32,
    /// Written reminders before chasing moves to the phone.
    pub written_reminders: u32,
    /// Working days after the deadline for the first written reminder.
    pub first_reminder_workdays_after_deadline: u32,
    /// Working days between written reminders.
    pub reminder_interval_workdays: u32,
    /// After the written reminders: call the GP's secretary every N working days.
    pub phone_chase_every_workdays: u32,
    /// Phone chases before suggesting escalation (sundhedskoordinator, lægekonsulent).
    pub escalate_after_chases: u32,
    /// Act on received medical information within this many working days (at most 7).
    pub act_within_workdays: u32,
    /// Years after which medical information on file counts as old.
    pub no_medical_info_years: u32,
    /// Request kinds to choose from.
    #[serde(with = "kind_list")]
    pub kinds: Vec<Kind>,
    /// The days off the chase schedule counts around: the holidays and `[calendar]
    /// closing_days`, set from the calendar when the configuration is read.
    #[serde(skip)]
    pub days_off: DaysOff,
}

impl Default for Medical {
    fn default() -> Self {
        let deadlines = [
            (request_kind::STATUSATTEST, 10),
            (request_kind::LAE_145, 15),
            (request_kind::SPECIALIST, 20),
            (request_kind::FUNCTION, 10),
            (request_kind::HOSPITAL_RECORDS, 15),
            (request_kind::REHAB_TEAM, 10),
            (request_kind::OTHER, 10),
        ];
        Medical {
            deadline_workdays: deadlines
                .iter()
                .map(|(kind, days)| ((*kind).to_owned(), *days))
                .collect(),
            default_deadline_workdays: 10,
            written_reminders: 3,
            first_reminder_workdays_after_deadline: 1,
            reminder_interval_workdays: 5,
            phone_chase_every_workdays: 1,
            escalate_after_chases: 6,
            act_within_workdays: 2,
            no_medical_info_years: 2,
            kinds: request_kind::ALL.map(Kind::key).to_vec(),
            days_off: DaysOff::default(),
        }
    }
}

impl Medical {
    /// The deadline in working days for a request of `kind`.
    pub fn deadline_for(&self, kind: &str) -> u32 {
        self.deadline_workdays
            .get(kind)
            .copied()
            .unwrap_or(self.default_deadline_workdays)
    }
}

/// A target group and its contact cadence (rettidighed). The values are examples to adjust,
/// not legal advice. With no rule fields the group has no cadence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CadenceRule {
    /// Target group key, as stored on a case.
    pub key: String,
    /// Danish label for a group the catalogue does not know.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_da: Option<String>,
    /// English label for a group the catalogue does not know.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_en: Option<String>,
    /// At least this many meetings …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_meetings: Option<u32>,
    /// … within this many months (given together with `min_meetings`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_months: Option<u32>,
    /// At most this many days between two meetings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_days_between: Option<u32>,
}

impl CadenceRule {
    fn group(key: &str) -> CadenceRule {
        CadenceRule {
            key: key.to_owned(),
            label_da: None,
            label_en: None,
            min_meetings: None,
            per_months: None,
            max_days_between: None,
        }
    }

    fn meetings_per_months(key: &str, meetings: u32, months: u32) -> CadenceRule {
        CadenceRule {
            min_meetings: Some(meetings),
            per_months: Some(months),
            ..CadenceRule::group(key)
        }
    }

    /// The group's labels as a [`Kind`], to share the label lookup.
    pub fn as_kind(&self) -> Kind {
        Kind {
            key: self.key.clone(),
            label_da: self.label_da.clone(),
            label_en: self.label_en.clone(),
        }
    }

    /// Whether the group has any cadence rule at all.
    pub fn has_rule(&self) -> bool {
        self.min_meetings.is_some() || self.max_days_between.is_some()
    }
}

/// The example target groups: the built-in keys with example cadences.
pub fn default_cadence() -> Vec<CadenceRule> {
    vec![
        CadenceRule::meetings_per_months(target_group::AKTIVITETSPARAT, 4, 12),
        CadenceRule::meetings_per_months(target_group::RESSOURCEFORLOEB, 4, 12),
        CadenceRule::meetings_per_months(target_group::JOBAFKLARING, 4, 12),
        CadenceRule {
            max_days_between: Some(56),
            ..CadenceRule::group(target_group::SYGEDAGPENGE)
        },
        CadenceRule::meetings_per_months(target_group::LEDIGHEDSYDELSE, 4, 12),
        CadenceRule::group(target_group::OTHER),
    ]
}

/// The Today list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Today {
    /// Days after which a note not yet journalised shows as due (guideline: 7).
    pub journalise_within_days: u32,
    /// Days without contact after which a case shows up.
    pub no_contact_days: u32,
    /// Minutes within which a "call me" is called back.
    pub call_back_minutes: u32,
    /// The screen the planner opens on: "today" (the Today list) or "calendar".
    pub start_screen: StartScreen,
}

/// How the planner looks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Ui {
    /// "dark", "light", or "auto" (the terminal's background as `COLORFGBG` says, else dark).
    /// `NO_COLOR` in the environment turns colour off in any theme.
    pub theme: ThemeChoice,
    /// The next meeting on the status line turns prominent this many minutes before it
    /// starts (0: only once it starts).
    pub next_meeting_minutes: u32,
    /// Clicks select and the wheel moves, beside the keys (off by default: with it on, the
    /// terminal's own selection of text needs Shift).
    pub mouse: bool,
}

/// The longest lead time for the next meeting: a working day.
pub const MAX_NEXT_MEETING_MINUTES: u32 = 600;

impl Default for Ui {
    fn default() -> Self {
        Ui {
            theme: ThemeChoice::default(),
            next_meeting_minutes: 10,
            mouse: false,
        }
    }
}

/// The colour theme the configuration asks for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThemeChoice {
    #[default]
    Dark,
    Light,
    Auto,
}

/// The screen the planner opens on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StartScreen {
    #[default]
    Today,
    Calendar,
}

impl Default for Today {
    fn default() -> Self {
        Today {
            journalise_within_days: 7,
            no_contact_days: 30,
            call_back_minutes: 30,
            start_screen: StartScreen::Today,
        }
    }
}

/// The caseload board: saved views (#20).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Board {
    /// Views by name, recalled on the board with `1`…`9` in name order; `V` on the board
    /// saves the current one here.
    pub views: BTreeMap<String, BoardView>,
}

/// A saved filter and sort of the board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BoardView {
    /// The filter line as typed after `f`: "flag:sos", "gruppe:aktivitetsparat udsyn".
    pub filter: String,
    /// The column to sort by: name, group, where_now, next_meeting, since_contact,
    /// cadence_due, missed, late_reports, open_requests, flags.
    pub sort: String,
    pub reverse: bool,
    /// Only cases with something overdue.
    pub overdue_only: bool,
}

impl Default for BoardView {
    fn default() -> Self {
        BoardView {
            filter: String::new(),
            sort: "name".to_owned(),
            reverse: false,
            overdue_only: false,
        }
    }
}

/// Whether `name` can name a view: letters, digits, `-` and `_`, at most 30.
pub fn is_view_name(name: &str) -> bool {
    !name.is_empty()
        && name.chars().count() <= 30
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}
