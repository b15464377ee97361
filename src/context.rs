//! What every command and the TUI start from: configuration, zone, clock and data directory.

use crate::app::core::action::Named;
use crate::config::Config;
use crate::i18n::Lang;
use crate::keymap::{DEFAULT_KEYMAP, Keymap};
use crate::store::{Store, backup};
use crate::time::{Clock, FixedClock, ParseError, SystemClock, Zone, parse_date_with, parse_now};
use anyhow::{Context as _, Result};
use chrono::{NaiveDate, NaiveDateTime};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// The program's context, built once from the global command-line options.
pub struct Context {
    pub config: Config,
    /// Where the user's keymap is looked for: `keymap.toml` beside the configuration file.
    pub keymap_path: Option<PathBuf>,
    /// The configuration file, read or (when missing) where a saved board view creates it.
    pub config_path: Option<PathBuf>,
    pub zone: Zone,
    pub clock: Box<dyn Clock>,
    pub data_dir: PathBuf,
    /// The global options as given, for a process this one starts (the background composer).
    pub given: Given,
    /// Whether a command began a new day's backup (see [`Context::open_store`]).
    backup_started: AtomicBool,
}

/// The global options as they were given on the command line.
#[derive(Debug, Clone, Default)]
pub struct Given {
    pub config: Option<PathBuf>,
    pub now: Option<String>,
}

impl Context {
    /// Loads the configuration and sets up the clock; `now` freezes the clock ("YYYY-MM-DD HH:MM").
    pub fn new(data: Option<&Path>, config: Option<&Path>, now: Option<&str>) -> Result<Context> {
        let config_path = config.map(Path::to_path_buf).or_else(Config::default_path);
        let keymap_path = config_path
            .as_ref()
            .and_then(|file| file.parent().map(|dir| dir.join("keymap.toml")));
        let given = Given {
            config: config.map(Path::to_path_buf),
            now: now.map(str::to_owned),
        };
        let (config, _) = Config::load(config)?;
        let zone = Zone::parse(&config.zone)?;
        let clock: Box<dyn Clock> = match now {
            Some(text) => Box::new(FixedClock(parse_now(text, zone)?)),
            None => Box::new(SystemClock),
        };
        let data_dir = match data {
            Some(dir) => dir.to_path_buf(),
            None => default_data_dir()?,
        };
        Ok(Context {
            config,
            keymap_path,
            config_path,
            zone,
            clock,
            data_dir,
            given,
            backup_started: AtomicBool::new(false),
        })
    }

    pub fn today(&self) -> NaiveDate {
        self.zone.today(self.clock.as_ref())
    }

    /// A date typed on the command line, read today: typed working days ("+3ad") skip the
    /// Danish holidays and the configured closing days.
    pub fn parse_date(&self, text: &str) -> Result<NaiveDate, ParseError> {
        parse_date_with(text, self.today(), &self.config.days_off())
    }

    pub fn now_local(&self) -> NaiveDateTime {
        self.zone.now_local(self.clock.as_ref())
    }

    pub fn lang(&self) -> Lang {
        self.config.lang()
    }

    /// Opens the database for a command that writes, and starts the day's backup the first
    /// time it is written on a new day: a new journal epoch, a moment's work (see
    /// [`backup::start_daily`]); the backup file is composed later from the previous one and
    /// the journal, by the planner. What opening it repaired is said on standard error, one
    /// line each. A backup that cannot be started is said too, but stops nothing: the journal
    /// holds every change.
    pub fn open_store(&self) -> Result<Store> {
        let store = self.open_store_for_reading()?;
        match backup::start_daily(&store, self.today()) {
            Ok(started) => {
                self.backup_started.fetch_or(started, Ordering::Relaxed);
            }
            Err(err) => eprintln!(
                "caseplan: could not start today's backup: {err}; nothing saved is lost (the \
                 journal holds every change)"
            ),
        }
        Ok(store)
    }

    /// Whether a command of this process began a new day's backup.
    pub fn backup_started(&self) -> bool {
        self.backup_started.load(Ordering::Relaxed)
    }

    /// Opens the database for a command that only reads: no backup (nothing it does needs one,
    /// so the first command of a day costs what any other does). What opening it repaired is
    /// said on standard error, one line each.
    pub fn open_store_for_reading(&self) -> Result<Store> {
        let store = self.open_store_without_backup()?;
        for notice in store.notices() {
            eprintln!(
                "caseplan: {}",
                crate::screen_text::lines(&notice.to_string())
            );
        }
        Ok(store)
    }

    /// Opens the database on today's date of the clock; the planner writes the backup itself.
    /// When opening is long work (a database an older caseplan wrote, brought up to date once),
    /// a bar on standard error says what is happening.
    pub fn open_store_without_backup(&self) -> Result<Store> {
        let mut bar =
            crate::cli::progress::Bar::new(crate::i18n::Msg::ProgressUpgrade, self.lang());
        Ok(Store::open_reporting(
            &self.data_dir,
            self.today(),
            &mut |p| bar.report(p),
        )?)
    }

    /// Starts the day's backup and writes the newest one still missing (see
    /// [`backup::daily`]). The planner runs this on a second thread after its first frame,
    /// since at a large caseload composing it takes seconds; `on` hears how far it has come,
    /// and it stops soon after `stop` is set (the next start composes it whole).
    pub fn daily_backup(
        &self,
        store: &Store,
        on: crate::store::OnProgress,
        stop: &std::sync::atomic::AtomicBool,
    ) -> Result<Option<PathBuf>> {
        backup::daily_with(store, self.today(), self.clock.now(), on, stop)
            .context("could not write today's backup")
    }
}

impl Context {
    /// The default keymap with the user's `keymap.toml` over it. A broken user keymap stops
    /// the start with its file, line and column rather than being silently ignored.
    pub fn keymap(&self) -> Result<Keymap<Named>> {
        let user = match &self.keymap_path {
            Some(path) if path.exists() => Some((
                path.clone(),
                std::fs::read_to_string(path)
                    .with_context(|| format!("could not read {}", path.display()))?,
            )),
            _ => None,
        };
        let user = user
            .as_ref()
            .map(|(path, text)| (path.as_path(), text.as_str()));
        Ok(Keymap::load(DEFAULT_KEYMAP, user)?)
    }
}

/// The platform's data directory, e.g. `~/.local/share/caseplan`.
pub fn default_data_dir() -> Result<PathBuf> {
    directories::ProjectDirs::from("dk", "caseplan", "caseplan")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .context("could not find a home directory for the data; pass --data DIR")
}
