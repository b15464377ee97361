//! The few styles the views use. Colour is never the only signal: every styled state also has
//! a text marker (▶ selected, ⚠ warning, ! error, ✗ cancelled, ✓ held, • today), so a light
//! theme or no colour at all (`NO_COLOR`) loses nothing.
//!
//! The palette is chosen once at start-up ([`set_palette`]) and read by every style here: it is
//! presentation, like the terminal's own colours, so it is not threaded through the model.

use crate::config::ThemeChoice;
use ratatui::style::{Color, Modifier, Style};
use std::sync::atomic::{AtomicU8, Ordering};

/// The colours the styles are drawn in.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum Palette {
    /// For a dark background (the default).
    Dark = 0,
    /// For a light background: darker text colours, a light block background.
    Light = 1,
    /// No colour at all, only bold, dim, reverse, underline and the text markers.
    NoColour = 2,
}

static PALETTE: AtomicU8 = AtomicU8::new(Palette::Dark as u8);

/// Draws every style from now on in `palette`.
pub fn set_palette(palette: Palette) {
    PALETTE.store(palette as u8, Ordering::Relaxed);
}

/// The palette styles are drawn in.
pub fn palette() -> Palette {
    match PALETTE.load(Ordering::Relaxed) {
        1 => Palette::Light,
        2 => Palette::NoColour,
        _ => Palette::Dark,
    }
}

/// The palette for the configured theme: none when `NO_COLOR` is set to anything non-empty
/// (no-color.org); "auto" reads `COLORFGBG` ("15;0": light text on a dark background), which
/// many terminals set, and falls back to dark.
pub fn palette_for(
    choice: ThemeChoice,
    no_color: Option<&str>,
    colorfgbg: Option<&str>,
) -> Palette {
    if no_color.is_some_and(|v| !v.is_empty()) {
        return Palette::NoColour;
    }
    match choice {
        ThemeChoice::Dark => Palette::Dark,
        ThemeChoice::Light => Palette::Light,
        ThemeChoice::Auto => {
            let background = colorfgbg
                .and_then(|v| v.rsplit(';').next())
                .and_then(|bg| bg.trim().parse::<u8>().ok());
            // 0–6 and 8 are the dark ANSI colours; 7 and 9–15 light ones.
            match background {
                Some(7 | 9..=15) => Palette::Light,
                _ => Palette::Dark,
            }
        }
    }
}

/// `style` with a foreground colour for each palette (none without colour).
fn fg(style: Style, dark: Color, light: Color) -> Style {
    match palette() {
        Palette::Dark => style.fg(dark),
        Palette::Light => style.fg(light),
        Palette::NoColour => style,
    }
}

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
    match palette() {
        Palette::Dark => Style::new().bg(Color::Indexed(236)),
        Palette::Light => Style::new().bg(Color::Indexed(254)),
        Palette::NoColour => Style::new(),
    }
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

/// A proposed booking of the week planner, drawn as a ghost block: dotted edges and the word
/// "forslag" say what it is, this only sets it apart.
pub fn ghost() -> Style {
    fg(
        Style::new().add_modifier(Modifier::ITALIC),
        Color::Cyan,
        Color::Indexed(25),
    )
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
    fg(
        Style::new().add_modifier(Modifier::DIM | Modifier::ITALIC),
        Color::Green,
        Color::Indexed(28),
    )
}

pub fn now_line() -> Style {
    fg(bold(), Color::Red, Color::Indexed(160))
}

pub fn warning() -> Style {
    fg(bold(), Color::Yellow, Color::Indexed(130))
}

pub fn error() -> Style {
    fg(bold(), Color::Red, Color::Indexed(160))
}

pub fn key() -> Style {
    fg(bold(), Color::Cyan, Color::Indexed(25))
}

pub fn today() -> Style {
    Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

pub fn holiday() -> Style {
    fg(Style::new(), Color::Magenta, Color::Indexed(90))
}

pub fn title() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_wins_over_every_theme_and_auto_reads_the_background() {
        for choice in [ThemeChoice::Dark, ThemeChoice::Light, ThemeChoice::Auto] {
            assert_eq!(palette_for(choice, Some("1"), None), Palette::NoColour);
            // An empty NO_COLOR is no request (no-color.org).
            assert_ne!(palette_for(choice, Some(""), None), Palette::NoColour);
        }
        assert_eq!(
            palette_for(ThemeChoice::Light, None, Some("15;0")),
            Palette::Light
        );
        assert_eq!(
            palette_for(ThemeChoice::Auto, None, Some("15;0")),
            Palette::Dark
        );
        assert_eq!(
            palette_for(ThemeChoice::Auto, None, Some("0;15")),
            Palette::Light
        );
        assert_eq!(
            palette_for(ThemeChoice::Auto, None, Some("0;default;7")),
            Palette::Light
        );
        assert_eq!(
            palette_for(ThemeChoice::Auto, None, Some("nonsense")),
            Palette::Dark
        );
        assert_eq!(palette_for(ThemeChoice::Auto, None, None), Palette::Dark);
    }
}
