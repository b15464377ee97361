//! A progress bar on standard error for long commands (demo, import, export, restore, the day's
//! backup). It appears only once the work has taken longer than a moment, and never when
//! standard error is not a terminal (a pipe, a file, a script) or `CI` is set, so output that
//! is read by programs stays clean. It is cleared when the work ends.

use crate::i18n::labels::progress_stage_msg;
use crate::i18n::{Lang, Msg};
use crate::store::{Progress, Stage};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::{Duration, Instant};

/// How long work runs before a bar is worth showing.
const MOMENT: Duration = Duration::from_millis(400);

/// The bar of one command; reports go to [`Bar::report`]. Dropping it clears it.
pub struct Bar {
    bar: ProgressBar,
    lang: Lang,
    started: Instant,
    stage: Option<Stage>,
    /// Whether standard error may show a bar at all.
    allowed: bool,
}

impl Bar {
    /// A bar for the work named `title` ("Import", "Today's backup"), hidden until it is due.
    pub fn new(title: Msg, lang: Lang) -> Bar {
        let allowed = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden())
            .with_prefix(title.text(lang));
        Bar {
            bar,
            lang,
            started: Instant::now(),
            stage: None,
            allowed,
        }
    }

    /// Moves the bar to `progress`, and shows it once the work has taken a moment.
    pub fn report(&mut self, progress: Progress) {
        if self.stage != Some(progress.stage) {
            self.stage = Some(progress.stage);
            self.bar.set_style(style(progress.total.is_some()));
            self.bar.set_length(progress.total.unwrap_or(0));
            self.bar
                .set_message(progress_stage_msg(progress.stage).text(self.lang));
            self.bar.reset();
        }
        self.bar.set_position(progress.done);
        if self.allowed && self.bar.is_hidden() && self.started.elapsed() >= MOMENT {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        if progress.total == Some(progress.done) {
            // A stage's end is drawn at once (draws are otherwise rate-limited), so the bar
            // stands full while whatever follows it runs.
            self.bar.force_draw();
        }
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}

/// A bar with the count and the time left when the total is known, else a count.
fn style(known_total: bool) -> ProgressStyle {
    let template = if known_total {
        "{prefix}: {msg} [{bar:30}] {pos}/{len} · {eta}"
    } else {
        "{prefix}: {msg} {spinner} {pos}"
    };
    ProgressStyle::with_template(template)
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ")
}
