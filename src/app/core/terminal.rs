//! The terminal guard: raw mode and the alternate screen, restored in `Drop` and on panic.

use ratatui::DefaultTerminal;
use std::ops::{Deref, DerefMut};

pub struct Guard(DefaultTerminal);

impl Guard {
    /// Enters raw mode and the alternate screen. `ratatui::try_init` also installs a panic hook
    /// that restores the terminal before the panic message is printed.
    pub fn enter() -> std::io::Result<Guard> {
        Ok(Guard(ratatui::try_init()?))
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
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
