//! The planner's core: the vocabulary every feature speaks and the machinery that runs it.
//! Nothing here imports a feature, the model or the dispatcher (a test in `app` checks it):
//!
//! - [`action`]: what a key can ask for ([`action::Named`]) and everything `update` reacts to.
//! - [`beside`]: reads that run on a second thread while the planner draws (the start's).
//! - [`clicks`]: where the last frame drew what a click can pick.
//! - [`effect`]: what `update` asks of the store, as ids and values, and what comes back.
//! - [`runner`]: runs one effect against the store with the configuration it owns.
//! - [`history`]: undo and redo steps.
//! - [`settings`]: the defaults from the configuration that pure code reads.
//! - [`status`]: the status line's message.
//! - [`terminal`]: the terminal guard.

pub mod action;
pub mod beside;
pub mod clicks;
pub mod effect;
pub mod history;
pub mod runner;
pub mod settings;
pub mod status;
pub mod terminal;

#[cfg(test)]
mod tests {
    /// The core names nothing of the app outside itself: no feature, no model, no dispatcher.
    #[test]
    fn the_core_imports_nothing_of_the_app_outside_it() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app/core");
        let mut files = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let source = std::fs::read_to_string(&path).unwrap();
            // Tests (like this one) may name what they check.
            let code = source.split("#[cfg(test)]").next().unwrap_or_default();
            files += 1;
            for (n, line) in code.lines().enumerate() {
                let outside = line.contains("crate::app::") && !line.contains("crate::app::core::")
                    || line.contains("super::super");
                assert!(!outside, "{}:{}: {line}", path.display(), n + 1);
            }
        }
        assert!(files >= 8, "read {files} files of the core");
    }
}
