//! The terminal guard: raw mode, the alternate screen and (with `[ui] mouse`) mouse capture,
//! restored in `Drop` and on panic.

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use std::ops::{Deref, DerefMut};

pub struct Guard {
    terminal: DefaultTerminal,
    mouse: bool,
}

impl Guard {
    /// Enters raw mode and the alternate screen, and captures the mouse when `mouse` is set.
    /// `ratatui::try_init` installs a panic hook that restores the terminal before the panic
    /// message is printed; mouse capture is released by a hook in front of it.
    pub fn enter(mouse: bool) -> std::io::Result<Guard> {
        let terminal = ratatui::try_init()?;
        if mouse {
            let restore = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                release_mouse();
                restore(info);
            }));
            if let Err(err) = execute!(std::io::stdout(), EnableMouseCapture) {
                ratatui::restore();
                return Err(err);
            }
        }
        Ok(Guard { terminal, mouse })
    }
}

/// Stops the terminal reporting the mouse (nothing to do if it cannot be told).
fn release_mouse() {
    let _ = execute!(std::io::stdout(), DisableMouseCapture);
}

impl Drop for Guard {
    fn drop(&mut self) {
        if self.mouse {
            release_mouse();
        }
        ratatui::restore();
    }
}

impl Deref for Guard {
    type Target = DefaultTerminal;
    fn deref(&self) -> &DefaultTerminal {
        &self.terminal
    }
}

impl DerefMut for Guard {
    fn deref_mut(&mut self) -> &mut DefaultTerminal {
        &mut self.terminal
    }
}
