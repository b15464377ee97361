//! Saving a board view into the configuration file (#20), the one write caseplan makes to it.
//! The file stays the user's: comments and order are kept, the view goes in as a table
//! `[board.views.NAME]` at the end, replacing an earlier table of that name. The new text must
//! read back as a valid configuration before it replaces the file, and it does so through a
//! temporary file beside it and a rename, so a failed write leaves the old file whole.

use super::{BoardView, Config, ConfigError};
use std::io::Write;
use std::path::Path;

/// Writes `view` as `name` into the configuration file at `path` (created when missing) and
/// returns the configuration as it now reads.
pub fn save_board_view(path: &Path, name: &str, view: &BoardView) -> Result<Config, ConfigError> {
    let old = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(source) => {
            return Err(ConfigError::Read {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let text = with_view(&old, name, view);
    let config = Config::parse(&text, &path.display().to_string())?;
    write_atomically(path, &text).map_err(|source| ConfigError::Write {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(config)
}

/// `source` without an earlier `[board.views.NAME]` table and with the new one at the end.
fn with_view(source: &str, name: &str, view: &BoardView) -> String {
    let header = format!("[board.views.{name}]");
    let mut out = String::new();
    let mut skipping = false;
    for line in source.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            skipping = trimmed == header;
        }
        if !skipping {
            out.push_str(line);
        }
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
    out.push_str(&format!(
        "{header}\nfilter = {}\nsort = {}\nreverse = {}\noverdue_only = {}\n",
        quoted(&view.filter),
        quoted(&view.sort),
        view.reverse,
        view.overdue_only
    ));
    out
}

/// A TOML basic string.
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = path.with_extension("toml.tmp");
    let mut file = std::fs::File::create(&tmp)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()?;
    drop(file);
    std::fs::rename(&tmp, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(filter: &str, sort: &str) -> BoardView {
        BoardView {
            filter: filter.into(),
            sort: sort.into(),
            reverse: true,
            overdue_only: false,
        }
    }

    #[test]
    fn a_view_is_appended_and_replaces_its_earlier_table_keeping_the_rest() {
        let source = "# mine\nlanguage = \"da\"\n\n[board.views.sos]\nfilter = \"x\"\n\n[ui]\ntheme = \"light\"\n";
        let text = with_view(source, "sos", &view("flag:sos", "next_meeting"));
        assert_eq!(
            text,
            "# mine\nlanguage = \"da\"\n\n[ui]\ntheme = \"light\"\n\n[board.views.sos]\nfilter = \"flag:sos\"\nsort = \"next_meeting\"\nreverse = true\noverdue_only = false\n"
        );
        let config = Config::parse(&text, "t").unwrap();
        assert_eq!(config.board.views["sos"], view("flag:sos", "next_meeting"));
        assert_eq!(config.ui.theme, crate::config::ThemeChoice::Light);
    }

    #[test]
    fn a_quote_in_the_filter_stays_text() {
        let text = with_view("", "q", &view("\"a\\b\"", "name"));
        let config = Config::parse(&text, "t").unwrap();
        assert_eq!(config.board.views["q"].filter, "\"a\\b\"");
    }

    #[test]
    fn saving_writes_the_file_and_a_bad_view_leaves_it_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/config.toml");
        let config = save_board_view(&path, "mine", &view("", "missed")).unwrap();
        assert_eq!(config.board.views["mine"].sort, "missed");
        let before = std::fs::read_to_string(&path).unwrap();
        let bad = save_board_view(&path, "mine", &view("", "nonsense"));
        assert!(bad.is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
    }
}
