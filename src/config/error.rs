//! Errors of the configuration file, each naming the file, the line and the key.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// Why a configuration could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read (an explicitly given file that does not exist, no access …).
    #[error("{}: cannot read the configuration file: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// The file could not be written (a saved board view).
    #[error("{}: cannot write the configuration file: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// The file is not a configuration: TOML syntax, an unknown key, a value of the wrong type.
    #[error("{0}")]
    Syntax(Problem),
    /// The file parses but a value is not allowed (bad zone, start after end, …).
    #[error("{0}")]
    Invalid(Problem),
}

impl ConfigError {
    /// The located problem, for the parse and validation errors.
    pub fn problem(&self) -> Option<&Problem> {
        match self {
            ConfigError::Read { .. } | ConfigError::Write { .. } => None,
            ConfigError::Syntax(problem) | ConfigError::Invalid(problem) => Some(problem),
        }
    }
}

/// A problem at a place in the file: rendered as `file:line:column: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file as the user named it (or the default path).
    pub file: String,
    /// 1-based line, when the place is known.
    pub line: Option<usize>,
    /// 1-based column in characters, when known.
    pub column: Option<usize>,
    /// The dotted key the problem is about ("medical.act_within_workdays"), when known.
    pub key: Option<String>,
    /// What is wrong, naming the key.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        write!(f, ": {}", self.message)
    }
}

/// 1-based line and column (in characters) of a byte offset in `source`.
pub(crate) fn line_and_column(source: &str, offset: usize) -> (usize, usize) {
    let mut line = 1;
    let mut column = 1;
    for (index, ch) in source.char_indices() {
        if index >= offset {
            break;
        }
        if ch == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    (line, column)
}

/// The name of a table header line (`[meetings]`, `[[cadence]]`), if the line is one.
fn table_header(line: &str) -> Option<String> {
    let line = strip_comment(line).trim();
    let inner = line
        .strip_prefix("[[")
        .and_then(|rest| rest.strip_suffix("]]"))
        .or_else(|| {
            line.strip_prefix('[')
                .and_then(|rest| rest.strip_suffix(']'))
        })?;
    Some(unquote_path(inner))
}

/// The key assigned on a line (`default_minutes = 45` gives `default_minutes`), if any.
fn assigned_key(line: &str) -> Option<String> {
    let line = line.trim_start();
    if line.starts_with('#') || line.starts_with('[') {
        return None;
    }
    let (key, _) = line.split_once('=')?;
    let key = key.trim();
    let is_key = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '"' | '\'' | ' '));
    is_key.then(|| unquote_path(key))
}

fn unquote_path(path: &str) -> String {
    path.split('.')
        .map(|part| part.trim().trim_matches(|c| c == '"' || c == '\''))
        .collect::<Vec<_>>()
        .join(".")
}

fn strip_comment(line: &str) -> &str {
    // Good enough for header lines, which hold no strings with '#'.
    line.split_once('#').map_or(line, |(before, _)| before)
}

pub(crate) fn join(table: &str, key: &str) -> String {
    if table.is_empty() {
        key.to_owned()
    } else {
        format!("{table}.{key}")
    }
}

/// The table (dotted) that line `line_index` (0-based) belongs to.
fn table_at(source: &str, line_index: usize) -> String {
    source
        .lines()
        .take(line_index + 1)
        .filter_map(table_header)
        .last()
        .unwrap_or_default()
}

/// The dotted key a byte offset belongs to: the nearest assignment at or above it within its
/// table, or the table header itself.
pub(crate) fn key_at(source: &str, offset: usize) -> Option<String> {
    let (line, _) = line_and_column(source, offset);
    let lines: Vec<&str> = source.lines().collect();
    let upto = lines.get(..line.min(lines.len()))?;
    for (index, text) in upto.iter().enumerate().rev() {
        if let Some(header) = table_header(text) {
            return Some(header);
        }
        if let Some(key) = assigned_key(text) {
            return Some(join(&table_at(source, index), &key));
        }
    }
    None
}

/// The 1-based line where `key` is assigned in `table` ("" for the top level). Also finds
/// dotted (`table.key = …`) and inline (`table = { key = … }`) forms.
pub(crate) fn line_of_key(source: &str, table: &str, key: &str) -> Option<usize> {
    line_where(source, |line_table, line| {
        let Some(assigned) = assigned_key(line) else {
            return false;
        };
        let full = join(line_table, &assigned);
        full == join(table, key)
            || (!table.is_empty()
                && full == table
                && (line.contains(&format!("{key} ")) || line.contains(&format!("{key}=")))
                && line.contains('{'))
    })
}

/// The 1-based line in `table` where `key` is assigned the string `value`
/// (`key = "sygedagpenge"` in `[[cadence]]`).
pub(crate) fn line_of_value(source: &str, table: &str, key: &str, value: &str) -> Option<usize> {
    line_where(source, |line_table, line| {
        line_table == table
            && assigned_key(line).as_deref() == Some(key)
            && line
                .split_once('=')
                .is_some_and(|(_, v)| v.trim().trim_matches('"') == value)
    })
}

fn line_where(source: &str, mut matches: impl FnMut(&str, &str) -> bool) -> Option<usize> {
    let mut table = String::new();
    for (index, line) in source.lines().enumerate() {
        if let Some(header) = table_header(line) {
            table = header;
            continue;
        }
        if matches(&table, line) {
            return Some(index + 1);
        }
    }
    None
}

/// The field of serde's "unknown field `x`, …" message.
pub(crate) fn unknown_field(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("unknown field `")?;
    rest.split_once('`').map(|(field, _)| field)
}

/// Rewrites serde's "unknown field `x`, expected one of `a`, `b`" for a file's reader:
/// `unknown key "x" in [table]; known keys: a, b`. Other messages pass unchanged.
pub(crate) fn readable_message(message: &str, table: &str) -> String {
    let Some(rest) = message.strip_prefix("unknown field `") else {
        return message.to_owned();
    };
    let Some((field, expected)) = rest.split_once('`') else {
        return message.to_owned();
    };
    let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    let place = if table.is_empty() {
        String::new()
    } else {
        format!(" in [{table}]")
    };
    if known.is_empty() {
        format!("unknown key \"{field}\"{place}")
    } else {
        format!(
            "unknown key \"{field}\"{place}; known keys: {}",
            known.join(", ")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "zone = \"Europe/Copenhagen\"\n\n[working_hours]\nstart = \"08:00\"\n# end\nend = \"15:30\"\n\n[[cadence]]\nkey = \"sygedagpenge\"\nmax_days_between = 56\n";

    #[test]
    fn offsets_become_lines_and_columns() {
        assert_eq!(line_and_column(SOURCE, 0), (1, 1));
        assert_eq!(line_and_column(SOURCE, 7), (1, 8));
        let start = SOURCE.find("start").unwrap();
        assert_eq!(line_and_column(SOURCE, start), (4, 1));
        assert_eq!(
            line_and_column("æøå = 1", 7),
            (1, 5),
            "columns count characters"
        );
    }

    #[test]
    fn keys_are_found_with_their_table() {
        let value = SOURCE.find("15:30").unwrap();
        assert_eq!(key_at(SOURCE, value).as_deref(), Some("working_hours.end"));
        assert_eq!(key_at(SOURCE, 3).as_deref(), Some("zone"));
        assert_eq!(line_of_key(SOURCE, "working_hours", "end"), Some(6));
        assert_eq!(line_of_key(SOURCE, "", "zone"), Some(1));
        assert_eq!(line_of_key(SOURCE, "", "start"), None);
        assert_eq!(
            line_of_value(SOURCE, "cadence", "key", "sygedagpenge"),
            Some(9)
        );
    }

    #[test]
    fn inline_and_dotted_tables_are_found() {
        let source = "working_hours = { start = \"16:00\", end = \"15:00\" }\nmedical.act_within_workdays = 9\n";
        assert_eq!(line_of_key(source, "working_hours", "start"), Some(1));
        assert_eq!(
            line_of_key(source, "medical", "act_within_workdays"),
            Some(2)
        );
    }

    #[test]
    fn unknown_field_messages_list_the_known_keys() {
        assert_eq!(
            readable_message(
                "unknown field `worknig_hours`, expected one of `language`, `zone`",
                ""
            ),
            "unknown key \"worknig_hours\"; known keys: language, zone"
        );
        assert_eq!(
            readable_message("unknown field `x`, expected `key`", "cadence"),
            "unknown key \"x\" in [cadence]; known keys: key"
        );
        assert_eq!(readable_message("invalid type", ""), "invalid type");
    }

    #[test]
    fn problems_render_file_line_and_column() {
        let problem = Problem {
            file: "config.toml".into(),
            line: Some(7),
            column: Some(1),
            key: Some("worknig_hours".into()),
            message: "unknown key \"worknig_hours\"".into(),
        };
        assert_eq!(
            problem.to_string(),
            "config.toml:7:1: unknown key \"worknig_hours\""
        );
    }
}
