//! The few styles the views use. Colour is never the only signal: every styled state also has
//! a text marker (▶ selected, ⚠ warning, ! error, ✗ cancelled, ✓ held, • today).

use ratatui::style::{Color, Modifier, Style};

pub fn plain() -> Style {
    Style::new()
}

pub fn bold() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn dim() -> Style {
    Style::new().add_modifier(Modifier::DIM)
}

/// The header line.
pub fn header() -> Style {
    Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
}

/// A meeting block.
pub fn block() -> Style {
    Style::new().bg(Color::Indexed(236))
}

/// The selected block, row or field: reverse video, bold.
pub fn selected() -> Style {
    Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
}

/// Busy time from another calendar: set apart from caseplan's own blocks (its edge and words
/// say so too: "░ Outlook: Teammøde").
pub fn external() -> Style {
    Style::new()
        .bg(Color::Indexed(234))
        .add_modifier(Modifier::ITALIC)
}

/// Preparation and follow-up buffers: lighter than the block they belong to.
pub fn buffer() -> Style {
    Style::new().add_modifier(Modifier::DIM | Modifier::ITALIC)
}

/// Cancelled meetings: dimmed and struck through (the status word is shown too).
pub fn cancelled() -> Style {
    Style::new().add_modifier(Modifier::DIM | Modifier::CROSSED_OUT)
}

pub fn free() -> Style {
    Style::new()
        .fg(Color::Green)
        .add_modifier(Modifier::DIM | Modifier::ITALIC)
}

pub fn now_line() -> Style {
    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
}

pub fn warning() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
}

pub fn error() -> Style {
    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
}

pub fn key() -> Style {
    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
}

pub fn today() -> Style {
    Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

pub fn holiday() -> Style {
    Style::new().fg(Color::Magenta)
}

pub fn title() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}
