//! The configuration: every default the product names, read from a TOML file.
//!
//! The file is optional and may be partial; what it leaves out keeps its default. Unknown keys
//! are errors (a typo must not silently fall back to a default), and every error names the
//! file, the line and the key. `config.example.toml` at the repository root is the full
//! default configuration with comments.

mod error;
mod save;
mod sections;
mod validate;
mod values;

pub use error::{ConfigError, Problem};
pub use save::save_board_view;
pub use sections::{
    Board, BoardView, CadenceRule, Calendar, Courses, MAX_ACT_WITHIN_WORKDAYS, Medical, Meetings,
    StartScreen, ThemeChoice, Today, Ui, WorkingHours, default_cadence, is_view_name,
};
pub use values::{ClockTime, Day, DefaultReportCadence, Kind};

use crate::i18n::{self, Lang};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// The zone meetings are planned in unless the file says otherwise.
pub const DEFAULT_ZONE: &str = "Europe/Copenhagen";

/// The name of the configuration file inside the configuration directory.
pub const FILE_NAME: &str = "config.toml";

/// The whole configuration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Interface language, "da" or "en"; absent: from the locale (LC_ALL, LC_MESSAGES, LANG).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<Lang>,
    /// Time zone of meeting times (IANA name).
    pub zone: String,
    pub working_hours: WorkingHours,
    /// Local closing days (#20).
    pub calendar: Calendar,
    pub meetings: Meetings,
    pub courses: Courses,
    pub medical: Medical,
    /// Target groups with their contact cadence (rettidighed). Examples, not legal advice.
    pub cadence: Vec<CadenceRule>,
    pub today: Today,
    pub ui: Ui,
    /// Saved views of the caseload board (#20).
    pub board: Board,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            language: None,
            zone: DEFAULT_ZONE.to_owned(),
            working_hours: WorkingHours::default(),
            calendar: Calendar::default(),
            meetings: Meetings::default(),
            courses: Courses::default(),
            medical: Medical::default(),
            cadence: default_cadence(),
            today: Today::default(),
            ui: Ui::default(),
            board: Board::default(),
        }
    }
}

impl Config {
    /// The default file: `config.toml` in the platform's configuration directory for caseplan
    /// (`~/.config/caseplan/config.toml` on Linux). `None` when there is no home directory.
    pub fn default_path() -> Option<PathBuf> {
        directories::ProjectDirs::from("dk", "caseplan", "caseplan")
            .map(|dirs| dirs.config_dir().join(FILE_NAME))
    }

    /// Reads the configuration from `path` (from `--config FILE`), or else from the default
    /// file. A missing default file gives the defaults; a missing explicit file is an error.
    /// Returns the configuration and the file it came from, if any.
    pub fn load(path: Option<&Path>) -> Result<(Config, Option<PathBuf>), ConfigError> {
        match path {
            Some(path) => load_file(path.to_path_buf(), true),
            None => match Config::default_path() {
                Some(path) => load_file(path, false),
                None => Ok((Config::default(), None)),
            },
        }
    }

    /// Reads and checks a configuration from its text. `file` names it in error messages.
    pub fn parse(text: &str, file: &str) -> Result<Config, ConfigError> {
        let mut config: Config =
            toml::from_str(text).map_err(|error| syntax_problem(&error, text, file))?;
        validate::validate(&config, text, file)?;
        config.medical.days_off = config.calendar.days_off();
        Ok(config)
    }

    /// The holidays and the local closing days: what every count of working days skips.
    pub fn days_off(&self) -> crate::domain::workdays::DaysOff {
        self.calendar.days_off()
    }

    /// The working hours as the domain rules take them, closed on the days off.
    pub fn hours(&self) -> crate::domain::hours::WorkingHours {
        self.working_hours.to_domain(self.days_off())
    }

    /// The effective configuration as TOML (`caseplan config`); it reads back to an equal
    /// configuration.
    pub fn to_toml(&self) -> String {
        let header = match self.language {
            Some(_) => String::new(),
            None => format!(
                "# language is not set: it follows the locale (now \"{}\").\n\n",
                lang_code(Lang::from_locale())
            ),
        };
        match toml::to_string(self) {
            Ok(body) => header + &body,
            // Not expected: every value of the configuration has a TOML form.
            Err(error) => format!("# cannot print the configuration: {error}\n"),
        }
    }

    /// The zone meetings are planned in. Checked when the file was read; a zone set in code
    /// that does not parse falls back to Europe/Copenhagen.
    pub fn zone(&self) -> chrono_tz::Tz {
        self.zone.parse().unwrap_or(chrono_tz::Europe::Copenhagen)
    }

    /// The interface language: the configured one, or else the locale's.
    pub fn lang(&self) -> Lang {
        self.language.unwrap_or_else(Lang::from_locale)
    }

    /// A meeting purpose as shown: its configured label, the catalogue's, or the key.
    pub fn purpose_label<'a>(&'a self, key: &'a str, lang: Lang) -> Cow<'a, str> {
        kind_label(&self.meetings.kinds, key, lang, i18n::label_purpose)
    }

    /// A course kind as shown: its configured label, the catalogue's, or the key.
    pub fn course_kind_label<'a>(&'a self, key: &'a str, lang: Lang) -> Cow<'a, str> {
        kind_label(&self.courses.kinds, key, lang, i18n::label_course_kind)
    }

    /// A medical request kind as shown: its configured label, the catalogue's, or the key.
    pub fn request_kind_label<'a>(&'a self, key: &'a str, lang: Lang) -> Cow<'a, str> {
        kind_label(&self.medical.kinds, key, lang, i18n::label_request_kind)
    }

    /// A target group as shown: its configured label, the catalogue's, or the key.
    pub fn target_group_label<'a>(&'a self, key: &'a str, lang: Lang) -> Cow<'a, str> {
        let own = self.cadence_rule(key).and_then(|rule| match lang {
            Lang::Da => rule.label_da.as_deref(),
            Lang::En => rule.label_en.as_deref(),
        });
        match own {
            Some(label) => Cow::Borrowed(label),
            None => i18n::label_target_group(key, lang),
        }
    }

    /// The target group's cadence rule, if the group is configured.
    pub fn cadence_rule(&self, key: &str) -> Option<&CadenceRule> {
        self.cadence.iter().find(|rule| rule.key == key)
    }
}

/// Reads `path`; a missing file that was not asked for explicitly gives the defaults.
fn load_file(path: PathBuf, explicit: bool) -> Result<(Config, Option<PathBuf>), ConfigError> {
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            let config = Config::parse(&text, &path.display().to_string())?;
            Ok((config, Some(path)))
        }
        Err(error) if !explicit && error.kind() == std::io::ErrorKind::NotFound => {
            Ok((Config::default(), None))
        }
        Err(source) => Err(ConfigError::Read { path, source }),
    }
}

fn kind_label<'a>(
    kinds: &'a [Kind],
    key: &'a str,
    lang: Lang,
    catalogue: fn(&'a str, Lang) -> Cow<'a, str>,
) -> Cow<'a, str> {
    match kinds.iter().find(|kind| kind.key == key) {
        Some(kind) => kind.label(lang, catalogue),
        None => catalogue(key, lang),
    }
}

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Da => "da",
        Lang::En => "en",
    }
}

/// A TOML or serde error located in the file.
fn syntax_problem(error: &toml::de::Error, text: &str, file: &str) -> ConfigError {
    let offset = error.span().map(|span| span.start);
    let (line, column) = match offset {
        Some(offset) => {
            let (line, column) = error::line_and_column(text, offset);
            (Some(line), Some(column))
        }
        None => (None, None),
    };
    let mut key = offset.and_then(|offset| error::key_at(text, offset));
    let message = error.message().trim_end();
    let message = match error::unknown_field(message) {
        Some(field) => {
            // The key found at the error is the unknown key itself on its own line or header,
            // or the enclosing key for an inline table.
            let found = key.clone().unwrap_or_default();
            let context = match found.strip_suffix(field) {
                Some(parent) if parent.is_empty() || parent.ends_with('.') => {
                    parent.trim_end_matches('.').to_owned()
                }
                _ => found,
            };
            key = Some(error::join(&context, field));
            error::readable_message(message, &context)
        }
        None => match &key {
            Some(key) => format!("{key}: {message}"),
            None => message.to_owned(),
        },
    };
    ConfigError::Syntax(Problem {
        file: file.to_owned(),
        line,
        column,
        key,
        message,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_products_numbers() {
        let config = Config::default();
        assert_eq!(config.meetings.default_minutes, 45);
        assert_eq!(config.meetings.first_meeting_minutes, 90);
        assert_eq!(config.courses.length_weeks, 26);
        assert_eq!(config.courses.summon_days_before_end, 14);
        assert_eq!(config.medical.written_reminders, 3);
        assert_eq!(config.medical.deadline_for("lae145"), 15);
        assert_eq!(config.medical.deadline_for("unknown-kind"), 10);
        assert_eq!(config.today.journalise_within_days, 7);
        assert_eq!(config.zone(), chrono_tz::Europe::Copenhagen);
        assert_eq!(config.working_hours.start.to_string(), "08:00");
        assert_eq!(config.working_hours.end.to_string(), "15:30");
        assert!(config.working_hours.is_working_day(chrono::Weekday::Fri));
        assert!(!config.working_hours.is_working_day(chrono::Weekday::Sat));
    }

    #[test]
    fn labels_come_from_the_configuration_then_the_catalogue() {
        let config = Config::parse(
            "[meetings]\nkinds = [\"samtale\", { key = \"jobmesse\", label_da = \"Jobmesse\", label_en = \"Job fair\" }]\n\n[[cadence]]\nkey = \"unge\"\nlabel_da = \"Unge under 30\"\n",
            "test.toml",
        )
        .unwrap();
        assert_eq!(config.purpose_label("jobmesse", Lang::En), "Job fair");
        assert_eq!(config.purpose_label("samtale", Lang::Da), "Samtale");
        assert_eq!(config.purpose_label("opfoelgning", Lang::Da), "Opfølgning");
        assert_eq!(config.purpose_label("nyt", Lang::Da), "nyt");
        assert_eq!(config.target_group_label("unge", Lang::Da), "Unge under 30");
        assert_eq!(config.target_group_label("unge", Lang::En), "unge");
        assert_eq!(
            config.target_group_label("sygedagpenge", Lang::Da),
            "Sygedagpenge"
        );
        assert_eq!(
            config.request_kind_label("lae145", Lang::Da),
            "LÆ 145 generel helbredsattest"
        );
        assert_eq!(
            config.course_kind_label("praktik", Lang::En),
            "Work placement"
        );
    }

    #[test]
    fn a_missing_default_file_gives_the_defaults_but_a_missing_explicit_file_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("config.toml");
        let (config, used) = load_file(missing.clone(), false).unwrap();
        assert_eq!(config, Config::default());
        assert_eq!(used, None);
        let error = load_file(missing, true).unwrap_err();
        assert!(matches!(error, ConfigError::Read { .. }));
        assert!(error.to_string().contains("config.toml"), "{error}");
    }

    #[test]
    fn an_explicit_language_wins_over_the_locale() {
        let config = Config::parse("language = \"da\"\n", "test.toml").unwrap();
        assert_eq!(config.lang(), Lang::Da);
        let config = Config::parse("language = \"en\"\n", "test.toml").unwrap();
        assert_eq!(config.lang(), Lang::En);
    }
}
