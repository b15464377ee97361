//! The configuration file: the shipped example, partial files, round trips, and every invalid
//! fixture failing with a message that names the file, the line and the key.

use caseplan::config::{CadenceRule, ClockTime, Config, ConfigError, DefaultReportCadence, Kind};
use caseplan::i18n::Lang;
use caseplan::model::ReportCadence;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/config")
        .join(name)
}

fn load_fixture(name: &str) -> Result<Config, ConfigError> {
    Config::load(Some(&fixture(name))).map(|(config, _)| config)
}

/// The error of an invalid fixture, checked to start with `<file>:<line>:`.
fn error_of(name: &str, line: usize) -> (ConfigError, String) {
    let error = load_fixture(name).expect_err(name);
    let message = error.to_string();
    let location = format!("{}:{line}:", fixture(name).display());
    assert!(
        message.starts_with(&location),
        "{name}: expected the message to start with {location:?}, got {message:?}"
    );
    let problem = error.problem().expect("a located problem");
    assert_eq!(problem.line, Some(line), "{name}");
    (error, message)
}

#[test]
fn the_example_file_is_the_default_configuration() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("config.example.toml");
    let (config, used) = Config::load(Some(&path)).unwrap();
    assert_eq!(used.as_deref(), Some(path.as_path()));
    assert_eq!(config, Config::default());
}

#[test]
fn the_example_file_says_the_cadence_is_an_example_not_legal_advice() {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("config.example.toml"))
            .unwrap();
    let header: String = text.lines().take(12).collect::<Vec<_>>().join("\n");
    assert!(header.contains("EXAMPLES"), "{header}");
    assert!(header.contains("not legal advice"), "{header}");
}

#[test]
fn an_empty_file_is_the_default_configuration() {
    assert_eq!(Config::parse("", "empty.toml").unwrap(), Config::default());
    assert_eq!(
        Config::parse("# only a comment\n", "c.toml").unwrap(),
        Config::default()
    );
}

#[test]
fn a_partial_file_changes_only_what_it_names() {
    let config = load_fixture("partial.toml").unwrap();
    let mut expected = Config {
        language: Some(Lang::Da),
        ..Config::default()
    };
    expected.meetings.default_minutes = 60;
    expected.working_hours.end = ClockTime::from_hm(16, 0).unwrap();
    assert_eq!(config, expected);
    assert_eq!(config.lang(), Lang::Da);
}

#[test]
fn the_default_configuration_prints_and_reads_back_equal() {
    let config = Config::default();
    let text = config.to_toml();
    assert_eq!(Config::parse(&text, "printed.toml").unwrap(), config);
}

#[test]
fn a_changed_configuration_prints_and_reads_back_equal() {
    let mut config = Config {
        language: Some(Lang::En),
        zone: "America/New_York".into(),
        ..Config::default()
    };
    config.working_hours.start = ClockTime::from_hm(7, 30).unwrap();
    config.working_hours.days.pop();
    config.meetings.kinds.push(Kind {
        key: "jobmesse".into(),
        label_da: Some("Jobmesse".into()),
        label_en: Some("Job fair".into()),
    });
    config.courses.report_cadence = DefaultReportCadence::EveryWeeks(4);
    config
        .medical
        .deadline_workdays
        .insert("tandlaege".into(), 12);
    config.medical.act_within_workdays = 7;
    config.cadence.push(CadenceRule {
        key: "unge".into(),
        label_da: Some("Unge under 30".into()),
        label_en: None,
        min_meetings: Some(6),
        per_months: Some(12),
        max_days_between: Some(30),
    });
    config.today.call_back_minutes = 15;
    let text = config.to_toml();
    let back = Config::parse(&text, "printed.toml").unwrap();
    assert_eq!(back, config, "{text}");
    assert!(
        text.contains("report_cadence = \"every 4 weeks\""),
        "{text}"
    );
    assert_eq!(back.zone(), chrono_tz::America::New_York);
    assert_eq!(
        back.courses.report_cadence.to_model(),
        ReportCadence::EveryWeeks { weeks: 4 }
    );
}

#[test]
fn a_missing_explicit_file_is_an_error_naming_it() {
    let path = fixture("does_not_exist.toml");
    let error = Config::load(Some(&path)).unwrap_err();
    assert!(matches!(error, ConfigError::Read { .. }));
    assert!(error.to_string().contains("does_not_exist.toml"), "{error}");
}

#[test]
fn an_unknown_key_is_named_with_the_known_keys() {
    let (error, message) = error_of("unknown_key.toml", 7);
    assert!(matches!(error, ConfigError::Syntax(_)));
    assert!(
        message.contains("unknown key \"worknig_hours\""),
        "{message}"
    );
    assert!(
        message.contains("known keys: language, zone, working_hours, calendar, meetings"),
        "{message}"
    );
}

#[test]
fn an_unknown_key_inside_a_section_names_the_section() {
    let (error, message) = error_of("unknown_nested_key.toml", 3);
    assert!(
        message.contains("unknown key \"writen_reminders\" in [medical]"),
        "{message}"
    );
    assert!(message.contains("written_reminders"), "{message}");
    assert_eq!(
        error.problem().unwrap().key.as_deref(),
        Some("medical.writen_reminders")
    );
}

#[test]
fn a_value_of_the_wrong_type_names_the_key() {
    let (error, message) = error_of("wrong_type.toml", 3);
    assert!(matches!(error, ConfigError::Syntax(_)));
    assert!(message.contains("meetings.default_minutes"), "{message}");
    assert!(message.contains("invalid type"), "{message}");
    assert_eq!(error.problem().unwrap().column, Some(19));
}

#[test]
fn a_bad_zone_is_refused() {
    let (error, message) = error_of("bad_zone.toml", 2);
    assert!(matches!(error, ConfigError::Invalid(_)));
    assert!(message.contains("zone"), "{message}");
    assert!(message.contains("Europe/Copenhagn"), "{message}");
}

#[test]
fn acting_on_medical_information_later_than_a_week_is_refused() {
    let (error, message) = error_of("act_within_too_late.toml", 4);
    assert!(matches!(error, ConfigError::Invalid(_)));
    assert!(message.contains("medical.act_within_workdays"), "{message}");
    assert!(message.contains("never later than a week"), "{message}");
}

#[test]
fn seven_working_days_to_act_is_still_allowed() {
    let config = Config::parse("[medical]\nact_within_workdays = 7\n", "c.toml").unwrap();
    assert_eq!(config.medical.act_within_workdays, 7);
}

#[test]
fn a_working_day_that_ends_before_it_starts_is_refused() {
    let (error, message) = error_of("start_after_end.toml", 2);
    assert!(matches!(error, ConfigError::Invalid(_)));
    assert!(message.contains("working_hours.start"), "{message}");
    assert!(
        message.contains("16:00") && message.contains("15:30"),
        "{message}"
    );
}

#[test]
fn an_unknown_weekday_is_named() {
    let (_, message) = error_of("unknown_weekday.toml", 2);
    assert!(message.contains("working_hours.days"), "{message}");
    assert!(message.contains("\"ons\""), "{message}");
}

#[test]
fn a_cadence_rule_missing_its_months_names_the_group() {
    let (error, message) = error_of("cadence_without_months.toml", 7);
    assert!(matches!(error, ConfigError::Invalid(_)));
    assert!(message.contains("\"unge\""), "{message}");
    assert!(message.contains("per_months"), "{message}");
}

#[test]
fn broken_toml_names_the_line_and_key() {
    let (error, message) = error_of("syntax_error.toml", 3);
    assert!(matches!(error, ConfigError::Syntax(_)));
    assert!(message.contains("today.no_contact_days"), "{message}");
}

#[test]
fn every_invalid_fixture_fails() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/config");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let result = Config::load(Some(&path));
        if name == "partial.toml" {
            assert!(result.is_ok(), "{name}: {:?}", result.err());
        } else {
            let error = result.expect_err(&name);
            let line = error.problem().and_then(|p| p.line);
            assert!(line.is_some(), "{name}: no line in {error}");
            checked += 1;
        }
    }
    assert!(checked >= 8, "only {checked} invalid fixtures");
}

#[test]
fn closing_days_are_read_and_a_bad_one_is_named_with_its_line_and_column() {
    let config = Config::parse(
        "[calendar]\nclosing_days = [\"2027-05-07\", \"12-23 Lillejuleaften\", \"easter+40\"]\n",
        "config.toml",
    )
    .unwrap();
    let off = config.days_off();
    let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
    assert_eq!(off.name(d(2027, 5, 7)), Some("Lukkedag"));
    assert_eq!(off.name(d(2026, 12, 23)), Some("Lillejuleaften"));
    assert_eq!(off.name(d(2026, 5, 15)), Some("Lukkedag"));
    assert!(!config.hours().is_working_day(d(2026, 5, 15)));
    assert_eq!(
        config.medical.days_off, off,
        "the chase schedule counts them too"
    );
    // It prints and reads back the same.
    assert_eq!(Config::parse(&config.to_toml(), "again").unwrap(), config);

    let (error, message) = error_of("bad_closing_day.toml", 4);
    assert!(matches!(error, ConfigError::Invalid(_)), "{message}");
    assert!(message.contains("\"easter+4O Fredag"), "{message}");
    assert!(
        message.contains("easter+40"),
        "says what to write: {message}"
    );
    assert_eq!(error.problem().unwrap().column, Some(3), "{message}");
}
