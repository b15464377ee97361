//! The caseload board: one row per active case with where it stands and what is open, for the
//! board screen, `caseplan board` and the monthly review sheet (PRODUCT.md §4.8).
//!
//! Each case is read through its brief and summary (#21): its meetings and events are not read,
//! and its open courses and medical requests come whole from their by-case index entries.

use super::board_keys::{RowKeys, TextKeys};
use super::names::Names;
use crate::config::{CadenceRule, Medical};
use crate::domain::cadence::{cadence_after, case_cadence};
use crate::domain::reports::{days_report_late, is_late};
use crate::domain::summary::CaseSummary;
use crate::domain::{chase, contact};
use crate::i18n::{Lang, label_request_kind, label_target_group};
use crate::model::{
    AwayPeriod, CaseBrief, CaseId, ContactEvent, Course, CourseId, MedicalRequest, MeetingStatus,
    RequestId,
};
use crate::store::{Store, StoreError};
use crate::time::Zone;
use chrono::{Months, NaiveDate, NaiveDateTime};
use serde::Serialize;
use std::cmp::Ordering;
use std::collections::HashMap;

/// What the board is computed from besides the store: the moment, the zone and the settings
/// whose rules it applies. Owned, so an effect can carry it.
#[derive(Debug, Clone, PartialEq)]
pub struct BoardParams {
    /// Local wall-clock time now.
    pub now: NaiveDateTime,
    pub zone: Zone,
    pub lang: Lang,
    /// The medical chase settings: a request's default deadline by kind.
    pub medical: Medical,
    /// The contact cadence rules per target group.
    pub cadence: Vec<CadenceRule>,
    /// Target groups' labels in `lang` as (key, label); unknown keys use the catalogue.
    pub group_labels: Vec<(String, String)>,
}

impl BoardParams {
    pub fn today(&self) -> NaiveDate {
        self.now.date()
    }

    fn group_label(&self, key: &str) -> String {
        self.group_labels
            .iter()
            .find(|(k, _)| k == key)
            .map_or_else(
                || label_target_group(key, self.lang).into_owned(),
                |(_, label)| label.clone(),
            )
    }
}

/// One active case on the board; also the JSON shape of `caseplan board --json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BoardRow {
    pub case: CaseId,
    pub name: String,
    /// The target group's key, and its label in the interface language.
    pub target_group: String,
    pub target_group_label: String,
    pub where_now: String,
    pub next_step: String,
    pub plan_b: String,
    /// The first planned meeting from now.
    pub next_meeting: Option<NaiveDateTime>,
    /// The day of the last contact ([`contact::last_contact`]).
    pub last_contact: Option<NaiveDate>,
    /// Days from `last_contact` to today; `None` when there was none.
    pub days_since_contact: Option<i64>,
    /// The day the next meeting is due under the contact cadence; `None` without a rule.
    pub cadence_due: Option<NaiveDate>,
    /// Udeblevet and afbud in the last 12 months, counted from the attendance index (#15).
    pub missed_last_year: usize,
    /// Progress reports not received by their due date, of courses not finished.
    pub late_reports: Vec<LateReport>,
    /// Medical requests neither received nor withdrawn.
    pub open_requests: Vec<OpenRequest>,
    /// Suppliers of the case's courses that are not finished, by name.
    pub suppliers: Vec<String>,
    pub flags: BoardFlags,
    /// The text normalised for the sort and the filter; [`BoardRow::keyed`] works it out.
    #[serde(skip)]
    pub keys: RowKeys,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LateReport {
    pub course: CourseId,
    pub supplier: String,
    pub due: NaiveDate,
    pub days_late: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OpenRequest {
    pub id: RequestId,
    pub kind: String,
    pub kind_label: String,
    pub sent: Option<NaiveDate>,
    /// The caseworker's deadline, else the configured default after sending.
    pub deadline: Option<NaiveDate>,
    /// Sent and past its deadline.
    pub overdue: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct BoardFlags {
    pub sos: bool,
    /// The interpreter's language when one is needed.
    pub interpreter: Option<String>,
    pub no_working_phone: bool,
    pub call_before_summons: bool,
    /// The away period (holiday, sick, hospital) covering today.
    pub away: Option<AwayPeriod>,
}

impl BoardFlags {
    /// How many flags are set, for sorting by flags.
    pub fn count(&self) -> usize {
        [
            self.sos,
            self.interpreter.is_some(),
            self.no_working_phone,
            self.call_before_summons,
            self.away.is_some(),
        ]
        .into_iter()
        .filter(|set| *set)
        .count()
    }
}

impl BoardRow {
    /// The row with its sort and filter keys worked out from its text; call it once when a
    /// row is built or its text changes.
    pub fn keyed(mut self) -> BoardRow {
        self.keys = RowKeys::of(&self);
        self
    }

    /// The keys the filter and the "where now" column compare, worked out on the first call.
    pub fn text_keys(&self) -> &TextKeys {
        self.keys.text(self)
    }

    /// Behind on something: the cadence date has passed, a report is late, or a sent medical
    /// request is past its deadline.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.cadence_due.is_some_and(|d| d < today)
            || !self.late_reports.is_empty()
            || self.open_requests.iter().any(|r| r.overdue)
    }
}

/// Every active case's row, by name. Reads each case's summary, and the open courses and
/// followed medical requests from their by-case entries, which carry them.
pub fn board(store: &Store, params: &BoardParams) -> Result<Vec<BoardRow>, StoreError> {
    let mut suppliers = Names::new(store);
    let mut courses = by_case(store.open_courses()?, |c| c.case);
    let mut requests = by_case(store.followed_requests()?, |r| r.case);
    let mut rows = Vec::new();
    for (case, summary) in store.active_cases()? {
        let seen = if summary.holds_at(params.now, &params.zone) {
            seen_in_summary(&case, &summary, params)
        } else {
            seen_in_records(store, &case, params)?
        };
        let courses = courses.remove(&case.id).unwrap_or_default();
        let requests = requests.remove(&case.id).unwrap_or_default();
        rows.push(row(
            case,
            seen,
            &courses,
            &requests,
            params,
            &mut suppliers,
        )?);
    }
    rows.sort_by(compare_names);
    Ok(rows)
}

/// `records` grouped by their case, in the order given.
fn by_case<R>(records: Vec<R>, case: impl Fn(&R) -> CaseId) -> HashMap<CaseId, Vec<R>> {
    let mut out: HashMap<CaseId, Vec<R>> = HashMap::new();
    for record in records {
        out.entry(case(&record)).or_default().push(record);
    }
    out
}

/// What a row says of the case's meetings and contact.
#[derive(Debug, PartialEq)]
pub(super) struct Seen {
    /// The first planned meeting from now.
    next_meeting: Option<NaiveDateTime>,
    last_contact: Option<NaiveDate>,
    cadence_due: Option<NaiveDate>,
    missed_last_year: usize,
}

/// [`Seen`] from the case's summary, which holds at `params.now`.
pub(super) fn seen_in_summary(
    case: &CaseBrief,
    summary: &CaseSummary,
    params: &BoardParams,
) -> Seen {
    let today = params.today();
    Seen {
        next_meeting: summary.next_planned_from(params.now),
        last_contact: summary.last_contact(&params.zone).map(|c| c.date()),
        cadence_due: cadence_after(
            case.into(),
            summary.last_held_day(),
            summary.not_counted_by(today),
            &params.cadence,
            today,
        )
        .map(|c| c.next_due),
        missed_last_year: summary.missed_since(year_before(params.now)),
    }
}

/// [`Seen`] read from the meetings and events, for a moment the summary does not hold at (a
/// meeting marked held before it started, an event logged ahead).
pub(super) fn seen_in_records(
    store: &Store,
    case: &CaseBrief,
    params: &BoardParams,
) -> Result<Seen, StoreError> {
    // From the last contact meeting (held, before now) on: what the next meeting, the last
    // contact and the cadence need.
    let meetings = store.meetings_for_case_since_last(case.id, params.now, |m| {
        contact::is_contact_meeting(m, params.now)
    })?;
    // The newest contact event, read back from the end, not every event on file.
    let last_reached = store.latest_for_case::<ContactEvent>(case.id, |e| {
        contact::is_contact_event(e, &params.zone, params.now)
    })?;
    let from = year_before(params.now);
    Ok(Seen {
        next_meeting: meetings
            .iter()
            .filter(|m| m.status == MeetingStatus::Planned && m.start >= params.now)
            .map(|m| m.start)
            .min(),
        last_contact: contact::last_contact(
            &meetings,
            last_reached.as_ref(),
            &params.zone,
            params.now,
        )
        .map(|c| c.at.date()),
        cadence_due: case_cadence(case, &meetings, &params.cadence, params.today())
            .map(|c| c.next_due),
        missed_last_year: store.case_status_count(case.id, MeetingStatus::NoShow, from)?
            + store.case_status_count(case.id, MeetingStatus::CancelledByCitizen, from)?,
    })
}

/// Twelve months before `now`: the start of "missed in the last year".
fn year_before(now: NaiveDateTime) -> NaiveDateTime {
    now.checked_sub_months(Months::new(12)).unwrap_or(now)
}

fn row(
    case: CaseBrief,
    seen: Seen,
    courses: &[Course],
    requests: &[MedicalRequest],
    params: &BoardParams,
    suppliers: &mut Names<'_>,
) -> Result<BoardRow, StoreError> {
    let today = params.today();
    let last_contact = seen.last_contact;
    let mut late_reports = Vec::new();
    let mut names = Vec::new();
    for course in courses.iter().filter(|c| !c.is_finished()) {
        let supplier = suppliers.contact(course.supplier)?;
        for report in course.reports.iter().filter(|r| is_late(r, today)) {
            late_reports.push(LateReport {
                course: course.id,
                supplier: supplier.clone(),
                due: report.due,
                days_late: days_report_late(report, today),
            });
        }
        if !names.contains(&supplier) {
            names.push(supplier);
        }
    }
    late_reports.sort_by_key(|r| (r.due, r.course));
    let mut open_requests: Vec<OpenRequest> = requests
        .iter()
        .filter(|r| r.is_open())
        .map(|r| {
            let deadline = chase::effective_deadline(r, &params.medical).map(|(d, _)| d);
            OpenRequest {
                id: r.id,
                kind: r.kind.clone(),
                kind_label: label_request_kind(&r.kind, params.lang).into_owned(),
                sent: r.sent,
                overdue: chase::days_overdue(r, today, &params.medical) > 0,
                deadline,
            }
        })
        .collect();
    open_requests.sort_by_key(|r| (r.deadline.is_none(), r.deadline, r.id));
    Ok(BoardRow {
        cadence_due: seen.cadence_due,
        target_group_label: params.group_label(&case.target_group),
        flags: BoardFlags {
            sos: case.flags.sos,
            interpreter: case.flags.interpreter.clone(),
            no_working_phone: case.flags.no_working_phone,
            call_before_summons: case.flags.call_before_summons,
            away: case.away_on(today).cloned(),
        },
        case: case.id,
        name: case.name,
        target_group: case.target_group,
        where_now: case.where_now,
        next_step: case.next_step,
        plan_b: case.plan_b,
        next_meeting: seen.next_meeting,
        days_since_contact: last_contact.map(|d| (today - d).num_days()),
        last_contact,
        missed_last_year: seen.missed_last_year,
        late_reports,
        open_requests,
        suppliers: names,
        keys: RowKeys::default(),
    }
    .keyed())
}

/// The board's columns, in the order `s` cycles through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Column {
    Name,
    Group,
    WhereNow,
    NextMeeting,
    SinceContact,
    CadenceDue,
    /// Udeblevet and afbud in the last 12 months.
    Missed,
    LateReports,
    OpenRequests,
    Flags,
}

impl Column {
    pub const ALL: [Column; 10] = [
        Column::Name,
        Column::Group,
        Column::WhereNow,
        Column::NextMeeting,
        Column::SinceContact,
        Column::CadenceDue,
        Column::Missed,
        Column::LateReports,
        Column::OpenRequests,
        Column::Flags,
    ];

    /// The column's name in the configuration (`[board.views]`): "next_meeting".
    pub fn key(self) -> &'static str {
        match self {
            Column::Name => "name",
            Column::Group => "group",
            Column::WhereNow => "where_now",
            Column::NextMeeting => "next_meeting",
            Column::SinceContact => "since_contact",
            Column::CadenceDue => "cadence_due",
            Column::Missed => "missed",
            Column::LateReports => "late_reports",
            Column::OpenRequests => "open_requests",
            Column::Flags => "flags",
        }
    }

    /// The column a configuration names.
    pub fn from_key(key: &str) -> Option<Column> {
        Column::ALL.into_iter().find(|c| c.key() == key)
    }

    /// The next column to sort by.
    pub fn next(self) -> Column {
        let i = Column::ALL.iter().position(|c| *c == self).unwrap_or(0);
        Column::ALL[(i + 1) % Column::ALL.len()]
    }
}

/// Sorts rows by `column`; rows without a value (no meeting, no contact, no cadence) come last
/// either way, and ties go by name. Counts and days sort largest first, the way a caseworker
/// looks for what is most behind; `reverse` turns that round.
pub fn sort(rows: &mut [BoardRow], column: Column, reverse: bool) {
    let order = order(rows, column, reverse);
    // Put each row where the order says, following each cycle of the permutation.
    let mut placed = vec![false; rows.len()];
    for start in 0..rows.len() {
        let mut at = start;
        while !placed[at] {
            placed[at] = true;
            let from = order[at];
            if from == start {
                break;
            }
            rows.swap(at, from);
            at = from;
        }
    }
}

/// The indexes of `rows` in the order [`sort`] puts them in, the rows left where they are: what
/// a sort key on the board costs is comparing prepared keys, not moving rows.
pub fn order(rows: &[BoardRow], column: Column, reverse: bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    // The index breaks the last ties, so the unstable sort keeps equal rows as they were.
    order.sort_unstable_by(|&i, &j| {
        compare_rows(&rows[i], &rows[j], column, reverse).then(i.cmp(&j))
    });
    order
}

fn compare_rows(a: &BoardRow, b: &BoardRow, column: Column, reverse: bool) -> Ordering {
    let (order, a_missing, b_missing) = compare(a, b, column);
    let order = match (a_missing, b_missing) {
        (true, false) => return Ordering::Greater,
        (false, true) => return Ordering::Less,
        (true, true) => Ordering::Equal,
        (false, false) if reverse => order.reverse(),
        (false, false) => order,
    };
    order.then_with(|| compare_names(a, b))
}

/// The order of two rows by one column, and whether each lacks a value.
fn compare(a: &BoardRow, b: &BoardRow, column: Column) -> (Ordering, bool, bool) {
    fn opt<T: Ord>(a: &Option<T>, b: &Option<T>) -> (Ordering, bool, bool) {
        let order = match (a, b) {
            (Some(x), Some(y)) => x.cmp(y),
            _ => Ordering::Equal,
        };
        (order, a.is_none(), b.is_none())
    }
    let present = |order| (order, false, false);
    match column {
        Column::Name => present(compare_names(a, b)),
        Column::Group => present(a.target_group_label.cmp(&b.target_group_label)),
        Column::WhereNow => present(a.text_keys().where_now.cmp(&b.text_keys().where_now)),
        Column::NextMeeting => opt(&a.next_meeting, &b.next_meeting),
        Column::SinceContact => {
            let (order, am, bm) = opt(&a.days_since_contact, &b.days_since_contact);
            (order.reverse(), am, bm)
        }
        Column::CadenceDue => opt(&a.cadence_due, &b.cadence_due),
        Column::Missed => present(b.missed_last_year.cmp(&a.missed_last_year)),
        Column::LateReports => present(b.late_reports.len().cmp(&a.late_reports.len())),
        Column::OpenRequests => present(b.open_requests.len().cmp(&a.open_requests.len())),
        Column::Flags => present(b.flags.count().cmp(&a.flags.count())),
    }
}

fn compare_names(a: &BoardRow, b: &BoardRow) -> Ordering {
    a.keys.name.cmp(&b.keys.name).then(a.case.cmp(&b.case))
}

/// A name's key in Danish alphabetical order: case and accents folded, and æ, ø, å (also ä,
/// ö) after z, in that order.
pub fn sort_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        match c {
            'æ' | 'ä' => out.push('{'),
            'ø' | 'ö' => out.push('|'),
            'å' => out.push('}'),
            c => out.push_str(&crate::search::normalise(c.encode_utf8(&mut [0; 4]))),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, id: u64) -> BoardRow {
        BoardRow {
            case: CaseId(id),
            name: name.into(),
            target_group: "aktivitetsparat".into(),
            target_group_label: "Aktivitetsparat".into(),
            where_now: String::new(),
            next_step: String::new(),
            plan_b: String::new(),
            next_meeting: None,
            last_contact: None,
            days_since_contact: None,
            cadence_due: None,
            missed_last_year: 0,
            late_reports: vec![],
            open_requests: vec![],
            suppliers: vec![],
            flags: BoardFlags::default(),
            keys: RowKeys::default(),
        }
        .keyed()
    }

    fn names(rows: &[BoardRow]) -> Vec<&str> {
        rows.iter().map(|r| r.name.as_str()).collect()
    }

    #[test]
    fn days_since_contact_sorts_longest_first_and_unknown_last_both_ways() {
        let mut rows = vec![row("A", 1), row("B", 2), row("C", 3), row("D", 4)];
        rows[0].days_since_contact = Some(3);
        rows[1].days_since_contact = None;
        rows[2].days_since_contact = Some(40);
        rows[3].days_since_contact = Some(10);
        sort(&mut rows, Column::SinceContact, false);
        assert_eq!(names(&rows), ["C", "D", "A", "B"]);
        sort(&mut rows, Column::SinceContact, true);
        assert_eq!(names(&rows), ["A", "D", "C", "B"]);
    }

    #[test]
    fn names_sort_with_danish_letters_and_ties_by_name() {
        let mut rows = vec![
            row("Øster", 1),
            row("Åse", 2),
            row("Bent", 3),
            row("José", 4),
            row("Zacho", 5),
        ];
        sort(&mut rows, Column::Name, false);
        assert_eq!(names(&rows), ["Bent", "José", "Zacho", "Øster", "Åse"]);
        sort(&mut rows, Column::LateReports, false);
        assert_eq!(
            names(&rows),
            ["Bent", "José", "Zacho", "Øster", "Åse"],
            "equal counts by name"
        );
    }

    #[test]
    fn overdue_means_cadence_passed_a_late_report_or_an_overdue_request() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let mut r = row("A", 1);
        assert!(!r.is_overdue(today));
        r.cadence_due = Some(today);
        assert!(!r.is_overdue(today), "due today is not yet overdue");
        r.cadence_due = NaiveDate::from_ymd_opt(2026, 11, 23);
        assert!(r.is_overdue(today));
        r.cadence_due = None;
        r.open_requests.push(OpenRequest {
            id: RequestId(1),
            kind: "lae145".into(),
            kind_label: "LÆ 145".into(),
            sent: None,
            deadline: None,
            overdue: false,
        });
        assert!(!r.is_overdue(today), "an open request within its deadline");
        r.open_requests[0].overdue = true;
        assert!(r.is_overdue(today));
    }

    mod same_order_as_before {
        //! The prepared keys sort exactly as the comparison that normalised the text at every
        //! step did (#21), Danish letters, accents and ties included.
        use super::*;
        use crate::search::normalise;
        use proptest::prelude::*;

        /// The sort before the keys: text normalised at each comparison, a stable sort.
        fn sort_before(rows: &mut [BoardRow], column: Column, reverse: bool) {
            let names = |a: &BoardRow, b: &BoardRow| {
                sort_name(&a.name)
                    .cmp(&sort_name(&b.name))
                    .then(a.case.cmp(&b.case))
            };
            rows.sort_by(|a, b| {
                let (order, a_missing, b_missing) = match column {
                    Column::Name => (names(a, b), false, false),
                    Column::WhereNow => (
                        normalise(&a.where_now).cmp(&normalise(&b.where_now)),
                        false,
                        false,
                    ),
                    column => compare(a, b, column),
                };
                let order = match (a_missing, b_missing) {
                    (true, false) => return Ordering::Greater,
                    (false, true) => return Ordering::Less,
                    (true, true) => Ordering::Equal,
                    (false, false) if reverse => order.reverse(),
                    (false, false) => order,
                };
                order.then_with(|| names(a, b))
            });
        }

        /// Short texts of letters that fold together or sort apart: case, æ ø å and their
        /// neighbours, accents (also as a combining mark), spaces.
        fn text() -> impl Strategy<Value = String> {
            proptest::string::string_regex("[aAeEoOsSzZæÆøØåÅäÄöüéÉè\u{301}ß -]{0,6}")
                .expect("a pattern")
        }

        fn rows() -> impl Strategy<Value = Vec<BoardRow>> {
            let one = (
                text(),
                text(),
                0u64..6,
                proptest::option::of(0i64..4),
                0usize..3,
            );
            proptest::collection::vec(one, 0..30).prop_map(|rows| {
                rows.into_iter()
                    .map(|(name, where_now, id, days, missed)| {
                        let mut r = row(&name, id);
                        r.where_now = where_now;
                        r.days_since_contact = days;
                        r.missed_last_year = missed;
                        r.keyed()
                    })
                    .collect()
            })
        }

        proptest! {
            #[test]
            fn every_column_both_ways(rows in rows(), reverse: bool) {
                for column in Column::ALL {
                    let mut before = rows.clone();
                    sort_before(&mut before, column, reverse);
                    let by_order: Vec<BoardRow> = order(&rows, column, reverse)
                        .into_iter()
                        .map(|i| rows[i].clone())
                        .collect();
                    prop_assert_eq!(&by_order, &before, "{:?}", column);
                    let mut sorted = rows.clone();
                    sort(&mut sorted, column, reverse);
                    prop_assert_eq!(&sorted, &before, "{:?}", column);
                }
            }
        }
    }

    #[test]
    fn the_sort_column_cycles_through_every_column() {
        let mut column = Column::Name;
        for _ in 0..Column::ALL.len() {
            column = column.next();
        }
        assert_eq!(column, Column::Name);
        assert_eq!(Column::Name.next(), Column::Group);
    }
}
