//! The terminal guard: raw mode, the alternate screen, bracketed paste and (with `[ui] mouse`)
//! mouse capture, restored in `Drop` and on panic.

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use std::ops::{Deref, DerefMut};

pub struct Guard {
    terminal: DefaultTerminal,
    mouse: bool,
}

impl Guard {
    /// Enters raw mode and the alternate screen, turns on bracketed paste, and captures the
    /// mouse when `mouse` is set. `ratatui::try_init` installs a panic hook that restores the
    /// terminal before the panic message is printed; paste and mouse are turned off by a hook
    /// in front of it. With bracketed paste on, pasted text arrives as one `Event::Paste`, so a
    /// pasted line break is not an Enter key (#20).
    pub fn enter(mouse: bool) -> std::io::Result<Guard> {
        let terminal = ratatui::try_init()?;
        let restore = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            end_paste();
            if mouse {
                release_mouse();
            }
            restore(info);
        }));
        if let Err(err) = execute!(std::io::stdout(), EnableBracketedPaste) {
            ratatui::restore();
            return Err(err);
        }
        if mouse && let Err(err) = execute!(std::io::stdout(), EnableMouseCapture) {
            end_paste();
            ratatui::restore();
            return Err(err);
        }
        Ok(Guard { terminal, mouse })
    }
}

/// Bracketed paste off; a terminal that cannot take it has nothing to turn off.
fn end_paste() {
    let _ = execute!(std::io::stdout(), DisableBracketedPaste);
}

/// Stops the terminal reporting the mouse (nothing to do if it cannot be told).
fn release_mouse() {
    let _ = execute!(std::io::stdout(), DisableMouseCapture);
}

impl Drop for Guard {
    fn drop(&mut self) {
        end_paste();
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
