//! Small values of the configuration file with their own written forms:
//! clock times ("08:00"), weekdays ("mon"), the default report cadence ("every 4 weeks") and
//! kinds (`"samtale"` or `{ key = "jobmesse", label_da = "Jobmesse", label_en = "Job fair" }`).

use crate::i18n::Lang;
use crate::model::ReportCadence;
use chrono::{NaiveTime, Weekday};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;

/// A time of day written "HH:MM" (24-hour clock).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct ClockTime(pub NaiveTime);

impl ClockTime {
    /// `None` when `hour`/`minute` are out of range.
    pub fn from_hm(hour: u32, minute: u32) -> Option<ClockTime> {
        NaiveTime::from_hms_opt(hour, minute, 0).map(ClockTime)
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%H:%M"))
    }
}

impl Serialize for ClockTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ClockTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        NaiveTime::parse_from_str(text.trim(), "%H:%M")
            .map(ClockTime)
            .map_err(|_| de::Error::custom(format!("\"{text}\" is not a time like \"08:00\"")))
    }
}

/// A weekday written as its three-letter English abbreviation in lower case ("mon").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day(pub Weekday);

const DAY_NAMES: [(&str, Weekday); 7] = [
    ("mon", Weekday::Mon),
    ("tue", Weekday::Tue),
    ("wed", Weekday::Wed),
    ("thu", Weekday::Thu),
    ("fri", Weekday::Fri),
    ("sat", Weekday::Sat),
    ("sun", Weekday::Sun),
];

impl Day {
    pub fn name(self) -> &'static str {
        DAY_NAMES
            .iter()
            .find(|(_, day)| *day == self.0)
            .map_or("mon", |(name, _)| name)
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        let wanted = text.trim().to_ascii_lowercase();
        DAY_NAMES
            .iter()
            .find(|(name, _)| *name == wanted)
            .map(|(_, day)| Day(*day))
            .ok_or_else(|| {
                de::Error::custom(format!(
                    "unknown weekday \"{text}\"; use mon, tue, wed, thu, fri, sat, sun"
                ))
            })
    }
}

/// The report cadence a new supplier course starts with: "monthly", "end" (only a final
/// report) or "every N weeks".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DefaultReportCadence {
    Monthly,
    EveryWeeks(u8),
    EndOnly,
}

impl DefaultReportCadence {
    /// The cadence a new course record gets.
    pub fn to_model(self) -> ReportCadence {
        match self {
            Self::Monthly => ReportCadence::Monthly,
            Self::EveryWeeks(weeks) => ReportCadence::EveryWeeks { weeks },
            Self::EndOnly => ReportCadence::EndOnly,
        }
    }

    fn parse(text: &str) -> Option<Self> {
        let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
        match words.iter().map(String::as_str).collect::<Vec<_>>()[..] {
            ["monthly"] => Some(Self::Monthly),
            ["end"] => Some(Self::EndOnly),
            ["every", "week"] => Some(Self::EveryWeeks(1)),
            ["every", n, "weeks" | "week"] => n
                .parse::<u8>()
                .ok()
                .filter(|n| *n > 0)
                .map(Self::EveryWeeks),
            _ => None,
        }
    }
}

impl fmt::Display for DefaultReportCadence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Monthly => write!(f, "monthly"),
            Self::EveryWeeks(weeks) => write!(f, "every {weeks} weeks"),
            Self::EndOnly => write!(f, "end"),
        }
    }
}

impl Serialize for DefaultReportCadence {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DefaultReportCadence {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).ok_or_else(|| {
            de::Error::custom(format!(
                "unknown report cadence \"{text}\"; use \"monthly\", \"end\" or \"every N weeks\""
            ))
        })
    }
}

/// A kind the user can choose from (meeting purpose, course kind, request kind): a key and,
/// for keys the catalogue does not know, the labels to show. Written as `"key"` or as
/// `{ key = "...", label_da = "...", label_en = "..." }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kind {
    pub key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_da: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_en: Option<String>,
}

impl Kind {
    /// A kind without labels of its own (the catalogue names it).
    pub fn key(key: &str) -> Kind {
        Kind {
            key: key.to_owned(),
            label_da: None,
            label_en: None,
        }
    }

    /// The configured label in `lang`, if there is one.
    pub fn own_label(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::Da => self.label_da.as_deref(),
            Lang::En => self.label_en.as_deref(),
        }
    }

    /// The configured label, or else what `catalogue` says about the key (which falls back to
    /// the key itself).
    pub fn label<'a>(
        &'a self,
        lang: Lang,
        catalogue: fn(&'a str, Lang) -> Cow<'a, str>,
    ) -> Cow<'a, str> {
        match self.own_label(lang) {
            Some(label) => Cow::Borrowed(label),
            None => catalogue(&self.key, lang),
        }
    }
}

/// Kinds are written in the short form when they carry no labels.
#[derive(Serialize)]
#[serde(untagged)]
enum KindForm<'a> {
    Key(&'a str),
    Full(&'a Kind),
}

/// Serde for `Vec<Kind>` allowing both forms per element, with readable errors.
pub mod kind_list {
    use super::*;

    pub fn serialize<S: Serializer>(kinds: &[Kind], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(kinds.iter().map(|kind| {
            if kind.label_da.is_none() && kind.label_en.is_none() {
                KindForm::Key(&kind.key)
            } else {
                KindForm::Full(kind)
            }
        }))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Kind>, D::Error> {
        Vec::<KindEntry>::deserialize(deserializer)
            .map(|entries| entries.into_iter().map(|entry| entry.0).collect())
    }

    /// One element: a string or a table.
    struct KindEntry(Kind);

    impl<'de> Deserialize<'de> for KindEntry {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_any(KindVisitor).map(KindEntry)
        }
    }

    struct KindVisitor;

    impl<'de> Visitor<'de> for KindVisitor {
        type Value = Kind;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(
                f,
                "a key like \"samtale\" or a table like {{ key = \"jobmesse\", label_da = \"Jobmesse\", label_en = \"Job fair\" }}"
            )
        }

        fn visit_str<E: de::Error>(self, key: &str) -> Result<Kind, E> {
            Ok(Kind::key(key))
        }

        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Kind, A::Error> {
            Kind::deserialize(de::value::MapAccessDeserializer::new(map))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_cadence_reads_the_three_forms() {
        let parse = DefaultReportCadence::parse;
        assert_eq!(parse("monthly"), Some(DefaultReportCadence::Monthly));
        assert_eq!(parse("end"), Some(DefaultReportCadence::EndOnly));
        assert_eq!(
            parse("every 4 weeks"),
            Some(DefaultReportCadence::EveryWeeks(4))
        );
        assert_eq!(
            parse("Every  2 weeks"),
            Some(DefaultReportCadence::EveryWeeks(2))
        );
        assert_eq!(
            parse("every week"),
            Some(DefaultReportCadence::EveryWeeks(1))
        );
        assert_eq!(parse("every 0 weeks"), None);
        assert_eq!(parse("every four weeks"), None);
        assert_eq!(parse("weekly"), None);
        for cadence in [
            DefaultReportCadence::Monthly,
            DefaultReportCadence::EndOnly,
            DefaultReportCadence::EveryWeeks(6),
        ] {
            assert_eq!(parse(&cadence.to_string()), Some(cadence));
        }
    }

    #[test]
    fn clock_time_prints_hours_and_minutes() {
        let time = ClockTime::from_hm(8, 5).unwrap();
        assert_eq!(time.to_string(), "08:05");
        assert!(ClockTime::from_hm(24, 0).is_none());
    }

    #[test]
    fn kind_label_prefers_its_own_label() {
        let own = Kind {
            key: "jobmesse".into(),
            label_da: Some("Jobmesse".into()),
            label_en: None,
        };
        let catalogue = crate::i18n::label_purpose;
        assert_eq!(own.label(Lang::Da, catalogue), "Jobmesse");
        assert_eq!(own.label(Lang::En, catalogue), "jobmesse");
        assert_eq!(
            Kind::key("opfoelgning").label(Lang::Da, catalogue),
            "Opfølgning"
        );
    }
}
