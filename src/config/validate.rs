//! Checks of values that parse but cannot be used. Each problem names its key and, when the
//! key is written in the file, its line.

use super::Config;
use super::error::{ConfigError, Problem, line_and_column, line_of_key, line_of_value};
use super::sections::is_view_name;
use super::sections::{CadenceRule, MAX_ACT_WITHIN_WORKDAYS, MAX_NEXT_MEETING_MINUTES};
use super::values::Kind;
use crate::domain::workdays::ClosingDay;
use crate::query::board::Column;
use crate::query::board_filter::BoardFilter;
use std::collections::HashSet;

/// What is wrong, before the file's name and line are known.
struct Finding {
    /// Table of the key ("" for the top level) …
    table: &'static str,
    /// … and the key, for the message and to find the line.
    key: &'static str,
    /// For entries of a list (`[[cadence]]`): the entry's `key` value, to find its line.
    entry: Option<String>,
    message: String,
}

impl Finding {
    fn new(table: &'static str, key: &'static str, message: String) -> Finding {
        Finding {
            table,
            key,
            entry: None,
            message,
        }
    }

    fn dotted_key(&self) -> String {
        if self.table.is_empty() {
            self.key.to_owned()
        } else {
            format!("{}.{}", self.table, self.key)
        }
    }
}

/// The first problem of `config`, located in `source` (the text it was read from).
pub(super) fn validate(config: &Config, source: &str, file: &str) -> Result<(), ConfigError> {
    check_closing_days(config, source, file)?;
    check_board_views(config, source, file)?;
    let Some(finding) = first_finding(config) else {
        return Ok(());
    };
    let line = match &finding.entry {
        Some(entry) => line_of_value(source, finding.table, "key", entry)
            .or_else(|| line_of_key(source, finding.table, finding.key)),
        None => line_of_key(source, finding.table, finding.key),
    };
    Err(ConfigError::Invalid(Problem {
        file: file.to_owned(),
        line,
        column: line.map(|line| indentation(source, line) + 1),
        key: Some(finding.dotted_key()),
        message: format!("{}: {}", finding.dotted_key(), finding.message),
    }))
}

/// Every closing day must read; a bad one is located at its own string in the list.
fn check_closing_days(config: &Config, source: &str, file: &str) -> Result<(), ConfigError> {
    let key = "calendar.closing_days";
    // Look for the strings from the line of the key on.
    let list_starts = line_of_key(source, "calendar", "closing_days").map_or(0, |line| {
        source
            .split_inclusive('\n')
            .take(line.saturating_sub(1))
            .map(str::len)
            .sum()
    });
    for text in &config.calendar.closing_days {
        if let Err(error) = text.parse::<ClosingDay>() {
            // The string as written, quoted, after the key (its escapes aside).
            let at = source
                .get(list_starts..)
                .and_then(|rest| {
                    rest.find(&format!("\"{text}\""))
                        .or_else(|| rest.find(text.as_str()))
                })
                .map(|offset| line_and_column(source, list_starts + offset));
            return Err(ConfigError::Invalid(Problem {
                file: file.to_owned(),
                line: at.map(|(line, _)| line),
                column: at.map(|(_, column)| column),
                key: Some(key.to_owned()),
                message: format!("{key}: {error}"),
            }));
        }
    }
    Ok(())
}

/// Characters before the key on 1-based `line`.
fn indentation(source: &str, line: usize) -> usize {
    source
        .lines()
        .nth(line.saturating_sub(1))
        .map_or(0, |text| {
            text.chars().take_while(|c| c.is_whitespace()).count()
        })
}

fn first_finding(config: &Config) -> Option<Finding> {
    check_zone(config)
        .or_else(|| check_working_hours(config))
        .or_else(|| check_meetings(config))
        .or_else(|| check_courses(config))
        .or_else(|| check_medical(config))
        .or_else(|| check_cadence(&config.cadence))
        .or_else(|| check_ui(config))
}

/// Every saved board view must have a name, a column and a filter that read; a bad one is
/// located at its table (`[board.views.NAME]`) or its name.
fn check_board_views(config: &Config, source: &str, file: &str) -> Result<(), ConfigError> {
    let bad = config.board.views.iter().find_map(|(name, view)| {
        let problem = if !is_view_name(name) {
            format!("\"{name}\" cannot name a view; use letters, digits, - and _ (at most 30)")
        } else if Column::from_key(&view.sort).is_none() {
            let keys: Vec<&str> = Column::ALL.iter().map(|c| c.key()).collect();
            format!(
                "{name}: unknown column \"{}\" to sort by; use one of {}",
                view.sort,
                keys.join(", ")
            )
        } else if let Err(error) = BoardFilter::parse(&view.filter) {
            format!(
                "{name}: the filter \"{}\" does not read: {error}",
                view.filter
            )
        } else {
            return None;
        };
        Some((name, problem))
    });
    let Some((name, problem)) = bad else {
        return Ok(());
    };
    let at = source
        .find(&format!("board.views.{name}"))
        .or_else(|| source.find(&format!("views.\"{name}\"")))
        .or_else(|| source.find(name.as_str()))
        .map(|offset| line_and_column(source, offset));
    let key = format!("board.views.{name}");
    Err(ConfigError::Invalid(Problem {
        file: file.to_owned(),
        line: at.map(|(line, _)| line),
        column: at.map(|(_, column)| column),
        message: format!("{key}: {problem}"),
        key: Some(key),
    }))
}

fn check_ui(config: &Config) -> Option<Finding> {
    let minutes = config.ui.next_meeting_minutes;
    (minutes > MAX_NEXT_MEETING_MINUTES).then(|| {
        Finding::new(
            "ui",
            "next_meeting_minutes",
            format!("{minutes} minutes is too long; use 0 to {MAX_NEXT_MEETING_MINUTES}"),
        )
    })
}

fn check_zone(config: &Config) -> Option<Finding> {
    config.zone.parse::<chrono_tz::Tz>().is_err().then(|| {
        Finding::new(
            "",
            "zone",
            format!(
                "unknown time zone \"{}\"; use a name like \"Europe/Copenhagen\"",
                config.zone
            ),
        )
    })
}

fn check_working_hours(config: &Config) -> Option<Finding> {
    let hours = &config.working_hours;
    if hours.start >= hours.end {
        return Some(Finding::new(
            "working_hours",
            "start",
            format!(
                "the working day starts at {} but ends at {}; start must be before end",
                hours.start, hours.end
            ),
        ));
    }
    if hours.days.is_empty() {
        return Some(Finding::new(
            "working_hours",
            "days",
            "give at least one working day, like [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"]"
                .to_owned(),
        ));
    }
    None
}

/// A meeting may be anything from a few minutes to a whole day.
fn check_meeting_length(key: &'static str, minutes: u32) -> Option<Finding> {
    (minutes == 0 || minutes > 24 * 60).then(|| {
        Finding::new(
            "meetings",
            key,
            format!("{minutes} minutes is not a meeting length; use 1 to 1440"),
        )
    })
}

fn check_meetings(config: &Config) -> Option<Finding> {
    let meetings = &config.meetings;
    check_meeting_length("default_minutes", meetings.default_minutes)
        .or_else(|| check_meeting_length("first_meeting_minutes", meetings.first_meeting_minutes))
        .or_else(|| check_meeting_length("three_party_minutes", meetings.three_party_minutes))
        .or_else(|| {
            (meetings.max_meetings_per_day == 0).then(|| {
                Finding::new(
                    "meetings",
                    "max_meetings_per_day",
                    "0 meetings a day leaves the week planner nothing to propose; use 1 or more"
                        .to_owned(),
                )
            })
        })
        .or_else(|| check_kinds("meetings", &meetings.kinds))
}

fn check_courses(config: &Config) -> Option<Finding> {
    let courses = &config.courses;
    if courses.length_weeks == 0 {
        return Some(Finding::new(
            "courses",
            "length_weeks",
            "a course lasts at least one week".to_owned(),
        ));
    }
    check_kinds("courses", &courses.kinds)
}

fn check_medical(config: &Config) -> Option<Finding> {
    let medical = &config.medical;
    if medical.act_within_workdays > MAX_ACT_WITHIN_WORKDAYS {
        return Some(Finding::new(
            "medical",
            "act_within_workdays",
            format!(
                "{} working days is too late: act on received medical information the same day or \
                 within 1–2 working days, never later than a week; use 0 to {MAX_ACT_WITHIN_WORKDAYS}",
                medical.act_within_workdays
            ),
        ));
    }
    for (key, value) in [
        (
            "reminder_interval_workdays",
            medical.reminder_interval_workdays,
        ),
        (
            "phone_chase_every_workdays",
            medical.phone_chase_every_workdays,
        ),
    ] {
        if value == 0 {
            return Some(Finding::new(
                "medical",
                key,
                "must be at least 1 working day".to_owned(),
            ));
        }
    }
    check_kinds("medical", &medical.kinds)
}

fn check_kinds(table: &'static str, kinds: &[Kind]) -> Option<Finding> {
    let mut seen = HashSet::new();
    for kind in kinds {
        if kind.key.trim().is_empty() {
            return Some(Finding::new(
                table,
                "kinds",
                "a kind needs a key".to_owned(),
            ));
        }
        if !seen.insert(kind.key.as_str()) {
            return Some(Finding::new(
                table,
                "kinds",
                format!("the key \"{}\" is listed twice", kind.key),
            ));
        }
    }
    None
}

fn check_cadence(rules: &[CadenceRule]) -> Option<Finding> {
    let mut seen = HashSet::new();
    for rule in rules {
        let problem = if rule.key.trim().is_empty() {
            Some((
                "key",
                "a target group needs a key like \"aktivitetsparat\"".to_owned(),
            ))
        } else if !seen.insert(rule.key.as_str()) {
            Some((
                "key",
                format!("the target group \"{}\" is listed twice", rule.key),
            ))
        } else {
            check_rule(rule)
        };
        if let Some((key, message)) = problem {
            return Some(Finding {
                table: "cadence",
                key,
                entry: Some(rule.key.clone()),
                message: format!("target group \"{}\": {message}", rule.key),
            });
        }
    }
    None
}

fn check_rule(rule: &CadenceRule) -> Option<(&'static str, String)> {
    match (rule.min_meetings, rule.per_months) {
        (Some(_), None) => {
            return Some(("per_months", "min_meetings needs per_months too".to_owned()));
        }
        (None, Some(_)) => {
            return Some((
                "min_meetings",
                "per_months needs min_meetings too".to_owned(),
            ));
        }
        _ => {}
    }
    for (key, value) in [
        ("min_meetings", rule.min_meetings),
        ("per_months", rule.per_months),
        ("max_days_between", rule.max_days_between),
    ] {
        if value == Some(0) {
            return Some((
                key,
                format!("{key} must be at least 1 (leave it out for none)"),
            ));
        }
    }
    None
}
