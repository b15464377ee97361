//! Small text helpers for the views: widths, truncation, durations, centred rectangles.

use crate::i18n::{Lang, Msg};
use ratatui::layout::Rect;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

pub fn width(s: &str) -> usize {
    s.width()
}

/// `s` cut to `max` columns with "…" when it does not fit. Prefers to cut at a word boundary
/// when one is near the end, so names are not chopped in an ugly place.
pub fn fit(s: &str, max: usize) -> String {
    if s.width() <= max {
        return s.to_string();
    }
    if s.trim_end().width() <= max {
        return s.trim_end().to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    // Cut back to the last space when that keeps most of the text.
    if let Some(space) = out.rfind(' ')
        && space * 3 >= out.len() * 2
    {
        out.truncate(space);
    }
    let trimmed = out.trim_end_matches([' ', '·', ',', '–']).len();
    out.truncate(trimmed);
    out.push('…');
    out
}

/// `s` cut or padded with spaces to exactly `max` columns.
pub fn pad(s: &str, max: usize) -> String {
    let mut out = fit(s, max);
    let w = out.width();
    out.extend(std::iter::repeat_n(' ', max.saturating_sub(w)));
    out
}

/// "45m", "1t15" / "1h15", "2t" / "2h".
pub fn duration(minutes: u32, lang: Lang) -> String {
    let h = Msg::HourLetter.text(lang);
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m}m"),
        (hours, 0) => format!("{hours}{h}"),
        (hours, m) => format!("{hours}{h}{m:02}"),
    }
}

/// A rectangle of at most `w`×`h` centred in `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_with_an_ellipsis_at_a_word_when_near() {
        assert_eq!(fit("Anne Jensen", 20), "Anne Jensen");
        assert_eq!(fit("Anne Marie Jensen", 14), "Anne Marie…");
        assert_eq!(fit("Opfølgningssamtale", 8), "Opfølgn…");
        assert_eq!(fit("abc", 0), "");
        assert_eq!(pad("æøå", 5), "æøå  ");
    }

    #[test]
    fn durations_in_both_languages() {
        assert_eq!(duration(45, Lang::Da), "45m");
        assert_eq!(duration(75, Lang::Da), "1t15");
        assert_eq!(duration(75, Lang::En), "1h15");
        assert_eq!(duration(120, Lang::En), "2h");
    }
}
