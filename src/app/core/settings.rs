//! The defaults from the configuration that `update` and the views read. The configuration
//! itself stays with the runner: effects name ids and values, never copies of it.

use crate::config::Config;
use crate::domain::hours::WorkingHours;
use crate::i18n::Lang;
use crate::time::Zone;

/// The defaults from the configuration that screens use.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// The zone meetings are planned in; events are stored in UTC.
    pub zone: Zone,
    pub hours: WorkingHours,
    pub default_minutes: u32,
    pub first_meeting_minutes: u32,
    pub prep_minutes: u32,
    pub follow_up_minutes: u32,
    /// Travel each way to a meeting away from the office.
    pub travel_minutes: u32,
    pub purposes: Vec<String>,
    /// The medical chase schedule: the next chase, the deadline a request is given.
    pub medical: crate::config::Medical,
    /// Target groups as (key, label in the interface language).
    pub target_groups: Vec<(String, String)>,
    /// Days shown in the week view: 5 (Monday–Friday) or 7.
    pub week_days: u8,
    /// Supplier courses: length, cadence, lead times, extension.
    pub courses: crate::config::Courses,
    /// Course kinds as (key, label in the interface language).
    pub course_kinds: Vec<(String, String)>,
    /// The next meeting turns prominent on the status line this many minutes before.
    pub next_meeting_minutes: u32,
    /// The board's saved views in name order: `1`…`9` recall them.
    pub board_views: Vec<(String, crate::config::BoardView)>,
    /// Clicks and the wheel work beside the keys (`[ui] mouse`).
    pub mouse: bool,
}

impl Settings {
    pub fn new(config: &Config, zone: Zone, lang: Lang) -> Settings {
        Settings {
            zone,
            hours: config.hours(),
            default_minutes: config.meetings.default_minutes,
            first_meeting_minutes: config.meetings.first_meeting_minutes,
            prep_minutes: config.meetings.prep_minutes,
            follow_up_minutes: config.meetings.follow_up_minutes,
            travel_minutes: config.meetings.travel_minutes,
            purposes: config
                .meetings
                .kinds
                .iter()
                .map(|k| k.key.clone())
                .collect(),
            medical: config.medical.clone(),
            target_groups: config
                .cadence
                .iter()
                .map(|rule| {
                    let label = config.target_group_label(&rule.key, lang).into_owned();
                    (rule.key.clone(), label)
                })
                .collect(),
            week_days: if config.working_hours.days.len() > 5 {
                7
            } else {
                5
            },
            courses: config.courses.clone(),
            course_kinds: config
                .courses
                .kinds
                .iter()
                .map(|k| {
                    (
                        k.key.clone(),
                        config.course_kind_label(&k.key, lang).into_owned(),
                    )
                })
                .collect(),
            next_meeting_minutes: config.ui.next_meeting_minutes,
            board_views: config
                .board
                .views
                .iter()
                .map(|(name, view)| (name.clone(), view.clone()))
                .collect(),
            mouse: config.ui.mouse,
        }
    }
}
