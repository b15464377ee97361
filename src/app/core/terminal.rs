//! The terminal guard: raw mode, the alternate screen and bracketed paste, restored in `Drop`
//! and on panic.

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;
use std::ops::{Deref, DerefMut};

pub struct Guard(DefaultTerminal);

impl Guard {
    /// Enters raw mode and the alternate screen. `ratatui::try_init` also installs a panic hook
    /// that restores the terminal before the panic message is printed; the hook added here
    /// turns bracketed paste off first. With bracketed paste on, pasted text arrives as one
    /// `Event::Paste`, so a pasted line break is not an Enter key (#20).
    pub fn enter() -> std::io::Result<Guard> {
        let terminal = ratatui::try_init()?;
        let restore = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            end_paste();
            restore(info);
        }));
        execute!(std::io::stdout(), EnableBracketedPaste)?;
        Ok(Guard(terminal))
    }
}

/// Bracketed paste off; a terminal that cannot take it has nothing to turn off.
fn end_paste() {
    let _ = execute!(std::io::stdout(), DisableBracketedPaste);
}

impl Drop for Guard {
    fn drop(&mut self) {
        end_paste();
        ratatui::restore();
    }
}

impl Deref for Guard {
    type Target = DefaultTerminal;
    fn deref(&self) -> &DefaultTerminal {
        &self.0
    }
}

impl DerefMut for Guard {
    fn deref_mut(&mut self) -> &mut DefaultTerminal {
        &mut self.0
    }
}
