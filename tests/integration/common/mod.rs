//! Helpers shared by the integration tests: the real binary, in a pipe or a pseudo-terminal.

#![allow(dead_code)]

pub mod heap;

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_caseplan");
/// A Tuesday morning; every test runs on this frozen clock.
pub const NOW: &str = "2026-11-24 09:00";

/// An English configuration beside the test's data, so the user's own file is never read.
pub fn test_config(data: &Path) -> std::path::PathBuf {
    let path = data.join("test-config.toml");
    if !path.exists() {
        std::fs::create_dir_all(data).expect("data dir");
        std::fs::write(
            &path,
            "language = \"en\"\n[today]\nstart_screen = \"calendar\"\n",
        )
        .expect("write test config");
    }
    path
}

/// Runs `caseplan` with a frozen clock and English text on a data directory.
pub fn caseplan(data: &Path, args: &[&str]) -> Output {
    caseplan_on(data, NOW, args)
}

/// Like [`caseplan`], with the clock frozen at `now` ("YYYY-MM-DD HH:MM").
pub fn caseplan_on(data: &Path, now: &str, args: &[&str]) -> Output {
    command(data, now, args).output().expect("run caseplan")
}

/// The command [`caseplan_on`] runs, to spawn it or to change it first.
pub fn command(data: &Path, now: &str, args: &[&str]) -> Command {
    command_of(Path::new(BIN), data, now, args)
}

/// Like [`command`], running the binary `bin` (a copy of caseplan).
pub fn command_of(bin: &Path, data: &Path, now: &str, args: &[&str]) -> Command {
    let mut cmd = Command::new(bin);
    cmd.arg("--data")
        .arg(data)
        .args(["--now", now])
        .args(args)
        .env("LANG", "en_GB.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("CASEPLAN_CONFIG", test_config(data));
    cmd
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The real binary in a pseudo-terminal, its screen parsed by a terminal emulator.
pub struct Tui {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
}

impl Tui {
    pub fn start(data: &Path, args: &[&str], cols: u16, rows: u16) -> Tui {
        Tui::start_with_env(data, args, &[], cols, rows)
    }

    pub fn start_with_env(
        data: &Path,
        args: &[&str],
        env: &[(&str, &Path)],
        cols: u16,
        rows: u16,
    ) -> Tui {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let mut cmd = CommandBuilder::new(BIN);
        cmd.arg("--data");
        cmd.arg(data);
        cmd.args(["--now", NOW]);
        cmd.args(args);
        cmd.env("LANG", "en_GB.UTF-8");
        cmd.env("TERM", "xterm-256color");
        cmd.env("CASEPLAN_CONFIG", test_config(data));
        for (key, value) in env {
            cmd.env(key, value);
        }
        let child = pty.slave.spawn_command(cmd).expect("spawn caseplan");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let writer = pty.master.take_writer().expect("pty writer");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let sink = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        // Keep the master alive as long as the child: dropping it hangs up the terminal.
        std::mem::forget(pty.master);
        Tui {
            child,
            writer,
            screen,
        }
    }

    pub fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Whether the program has asked the terminal to report the mouse.
    pub fn mouse_reported(&self) -> bool {
        self.screen.lock().unwrap().screen().mouse_protocol_mode() != vt100::MouseProtocolMode::None
    }

    /// Waits until the screen shows `text`, failing with the screen after `timeout`.
    pub fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let screen = self.contents();
            if screen.contains(text) {
                return screen;
            }
            if Instant::now() > deadline {
                panic!("screen never showed {text:?}; it shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the screen shows `text` and no longer shows `gone` (a screen fully replaced),
    /// failing with the screen after the same deadline as `wait_for`.
    pub fn wait_for_without(&self, text: &str, gone: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let screen = self.contents();
            if screen.contains(text) && !screen.contains(gone) {
                return screen;
            }
            if Instant::now() > deadline {
                panic!("screen never showed {text:?} without {gone:?}; it shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn send(&mut self, keys: &str) {
        self.writer
            .write_all(keys.as_bytes())
            .expect("type into the terminal");
        self.writer.flush().expect("flush keys");
    }

    /// Waits for the program to exit and returns whether it succeeded.
    pub fn wait_exit(&mut self) -> bool {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().expect("poll child") {
                return status.success();
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("caseplan did not exit; screen:\n{}", self.contents());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// Runs `caseplan` to its end in a pseudo-terminal of `cols` x `rows`, its clock frozen at `now`,
/// with `env` set and `CI`
/// unset unless `env` sets it; returns everything it wrote, escape codes and all, and the
/// screen it left.
pub fn run_in_pty(
    data: &Path,
    now: &str,
    args: &[&str],
    env: &[(&str, &str)],
    cols: u16,
    rows: u16,
) -> (String, String) {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open a pseudo-terminal");
    let mut cmd = CommandBuilder::new(BIN);
    cmd.arg("--data");
    cmd.arg(data);
    cmd.args(["--now", now]);
    cmd.args(args);
    cmd.env("LANG", "en_GB.UTF-8");
    cmd.env("TERM", "xterm-256color");
    cmd.env("CASEPLAN_CONFIG", test_config(data));
    cmd.env_remove("CI");
    for (key, value) in env {
        cmd.env(key, value);
    }
    let mut child = pty.slave.spawn_command(cmd).expect("spawn caseplan");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("pty reader");
    let reading = std::thread::spawn(move || {
        let mut out = Vec::new();
        let mut buf = [0u8; 8192];
        // Ends when the program has exited and the terminal hangs up.
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            out.extend_from_slice(&buf[..n]);
        }
        out
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().expect("poll child").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("caseplan did not exit");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    drop(pty.master);
    let out = reading.join().expect("the reader");
    let mut screen = vt100::Parser::new(rows, cols, 0);
    screen.process(&out);
    (
        String::from_utf8_lossy(&out).into_owned(),
        screen.screen().contents(),
    )
}

impl Drop for Tui {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

/// Waits until `path` exists (a file another process writes), failing after 20 s.
pub fn wait_for_file(path: &Path) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !path.exists() {
        assert!(Instant::now() < deadline, "{} never came", path.display());
        std::thread::sleep(Duration::from_millis(50));
    }
}
