//! Reading an .ics file: the text checked for its shape line by line, so that a broken file is
//! named by the line a person finds in an editor, then parsed by the `icalendar` crate.
//! Nothing here reads dates or rules; that is [`super::expand`].

use super::IcsError;
use super::zones;
use chrono_tz::Tz;
use icalendar::parser::{Component, read_components, unfold};
use icalendar::{CalendarComponent, Event};
use std::collections::HashMap;

/// What an .ics file holds that an import needs.
#[derive(Debug)]
pub struct Document {
    /// Every VEVENT, with the line of the file its `BEGIN:VEVENT` is on.
    pub events: Vec<(usize, Event)>,
    /// What each VTIMEZONE of the file stands for, by its TZID (`None`: not known).
    pub zones: HashMap<String, Option<Tz>>,
    /// The calendar's own zone (`X-WR-TIMEZONE`), the zone of its floating times.
    pub calendar_zone: Option<Tz>,
}

/// One logical line: the text with its folds undone and the file's line it starts on.
struct Logical<'a> {
    line: usize,
    text: std::borrow::Cow<'a, str>,
}

/// Reads `bytes` as an .ics calendar; `year` is the year a custom zone's offsets are read in.
pub fn read(bytes: &[u8], configured: Tz, year: i32) -> Result<Document, IcsError> {
    let text = std::str::from_utf8(bytes).map_err(|e| IcsError::NotText {
        line: 1 + bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines = logical_lines(text);
    let vevent_lines = check_shape(&lines)?;
    let unfolded = unfold(text);
    let roots = read_components(&unfolded).map_err(|detail| crate_error(&detail, &lines))?;
    let mut document = Document {
        events: Vec::new(),
        zones: HashMap::new(),
        calendar_zone: None,
    };
    let mut vevent_lines = vevent_lines.into_iter();
    for root in roots.iter().filter(|c| is(c, "VCALENDAR")) {
        if let Some(zone) = root.find_prop("X-WR-TIMEZONE") {
            document.calendar_zone = document
                .calendar_zone
                .or_else(|| zones::resolve(zone.val.as_str(), configured));
        }
        for component in &root.components {
            if is(component, "VTIMEZONE") {
                if let Some(tzid) = component.find_prop("TZID") {
                    let named = zones::resolve(tzid.val.as_str(), configured);
                    let located = component
                        .find_prop("X-LIC-LOCATION")
                        .and_then(|p| zones::resolve(p.val.as_str(), configured));
                    let defined = zones::by_offsets(component, configured, year);
                    document.zones.insert(
                        tzid.val.as_str().trim_matches('"').to_string(),
                        named.or(located).or(defined),
                    );
                }
            } else if is(component, "VEVENT") {
                let line = vevent_lines.next().unwrap_or(0);
                if let CalendarComponent::Event(event) = CalendarComponent::from(component.clone())
                {
                    document.events.push((line, event));
                }
            }
        }
    }
    Ok(document)
}

fn is(component: &Component<'_>, name: &str) -> bool {
    component.name.as_str().eq_ignore_ascii_case(name)
}

/// The file's lines with folds undone (a line starting with a space or a tab continues the one
/// before), each with the number of the line it starts on.
fn logical_lines(text: &str) -> Vec<Logical<'_>> {
    let mut out: Vec<Logical<'_>> = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        match (raw.strip_prefix([' ', '\t']), out.last_mut()) {
            (Some(rest), Some(last)) => last.text.to_mut().push_str(rest),
            _ => out.push(Logical {
                line: i + 1,
                text: raw.into(),
            }),
        }
    }
    out
}

/// Checks that every line is `NAME[;PARAM=…]:value` and that BEGIN and END pair up, and
/// returns the lines of every `BEGIN:VEVENT`.
fn check_shape(lines: &[Logical<'_>]) -> Result<Vec<usize>, IcsError> {
    let mut open: Vec<(String, usize)> = Vec::new();
    let mut vevents = Vec::new();
    let mut seen_calendar = false;
    let first = lines.iter().find(|l| !l.text.trim().is_empty());
    if !first.is_some_and(|l| l.text.trim().eq_ignore_ascii_case("BEGIN:VCALENDAR")) {
        return Err(IcsError::NotCalendar);
    }
    for l in lines.iter().filter(|l| !l.text.trim().is_empty()) {
        let text = l.text.as_ref();
        let bad = |what: &str| IcsError::Line {
            line: l.line,
            text: shorten(text),
            detail: what.to_string(),
        };
        let name_end = text
            .find([':', ';'])
            .ok_or_else(|| bad("it has no \":\""))?;
        let name = &text[..name_end];
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
            return Err(bad("it does not start with a property name"));
        }
        let value = text.split_once(':').map(|(_, v)| v.trim()).unwrap_or("");
        if name.eq_ignore_ascii_case("BEGIN") {
            if open.is_empty() && !value.eq_ignore_ascii_case("VCALENDAR") {
                return Err(if seen_calendar {
                    bad("only BEGIN:VCALENDAR may follow the end of a calendar")
                } else {
                    IcsError::NotCalendar
                });
            }
            if value.eq_ignore_ascii_case("VEVENT") {
                vevents.push(l.line);
            }
            seen_calendar = true;
            open.push((value.to_ascii_uppercase(), l.line));
        } else if name.eq_ignore_ascii_case("END") {
            match open.pop() {
                Some((begun, _)) if begun.eq_ignore_ascii_case(value) => {}
                Some((begun, at)) => {
                    return Err(bad(&format!(
                        "it ends {value}, but {begun} begun on line {at} is still open"
                    )));
                }
                None => return Err(bad("nothing begun here is open")),
            }
        } else if open.is_empty() {
            return Err(if seen_calendar {
                bad("it is outside the calendar (after END:VCALENDAR)")
            } else {
                IcsError::NotCalendar
            });
        } else if !text[name_end..].contains(':') {
            return Err(bad("it has no \":\" before its value"));
        }
    }
    if let Some((begun, at)) = open.pop() {
        return Err(IcsError::Unclosed { begun, line: at });
    }
    if !seen_calendar {
        return Err(IcsError::NotCalendar);
    }
    Ok(vevents)
}

/// What the crate found wrong, at the file's line: its message names the line of the unfolded
/// text ("at line 12"), which is the 12th logical line.
fn crate_error(detail: &str, lines: &[Logical<'_>]) -> IcsError {
    let at = detail
        .split("at line ")
        .nth(1)
        .and_then(|rest| {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse::<usize>().ok()
        })
        .unwrap_or(1);
    let logical = lines.get(at.saturating_sub(1));
    IcsError::Line {
        line: logical.map_or(at, |l| l.line),
        text: logical.map(|l| shorten(&l.text)).unwrap_or_default(),
        detail: "the calendar reader could not read it".into(),
    }
}

/// A line as an error quotes it: at most 60 characters, a CPR-shaped number masked.
fn shorten(text: &str) -> String {
    if let Err(cpr) = crate::privacy::check_no_cpr("line", text) {
        return format!("… {} …", cpr.masked);
    }
    let mut out: String = text.chars().take(60).collect();
    if text.chars().count() > 60 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const CPH: Tz = Tz::Europe__Copenhagen;

    fn err(text: &str) -> IcsError {
        read(text.as_bytes(), CPH, 2026).unwrap_err()
    }

    #[test]
    fn folds_crlf_and_a_bom_are_read() {
        let text = "\u{feff}BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-TIMEZONE:Europe/Oslo\r\n\
                    BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Team\r\n m\u{f8}de\\, lang\r\n\
                    DTSTART:20260105T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        let doc = read(text.as_bytes(), CPH, 2026).unwrap();
        assert_eq!(doc.calendar_zone, Some(Tz::Europe__Oslo));
        assert_eq!(doc.events.len(), 1);
        let (line, event) = &doc.events[0];
        assert_eq!(*line, 4);
        use icalendar::Component as _;
        assert_eq!(event.property_value("SUMMARY"), Some("Teammøde, lang"));
    }

    #[test]
    fn a_broken_line_is_named_by_its_number_in_the_file() {
        let text = "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:1\nSUMMARY:folded\n \
                    over two lines\nthis line is broken\nEND:VEVENT\nEND:VCALENDAR\n";
        match err(text) {
            IcsError::Line { line, text, .. } => {
                assert_eq!(line, 7);
                assert_eq!(text, "this line is broken");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn unpaired_begin_and_end_are_named() {
        let text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1\nEND:VCALENDAR\n";
        assert!(matches!(err(text), IcsError::Line { line: 4, .. }));
        let text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1\n";
        assert!(matches!(err(text), IcsError::Unclosed { line: 2, .. }));
        let text = "BEGIN:VCALENDAR\nEND:VCALENDAR\nUID:1\n";
        assert!(matches!(err(text), IcsError::Line { line: 3, .. }));
    }

    #[test]
    fn other_files_are_not_calendars() {
        assert!(matches!(err("hello world"), IcsError::NotCalendar));
        assert!(matches!(err(""), IcsError::NotCalendar));
        assert!(matches!(err("{\"format\": 1}"), IcsError::NotCalendar));
        assert!(matches!(
            read(b"BEGIN:VCALENDAR\n\xff\xfe\n", CPH, 2026),
            Err(IcsError::NotText { line: 2 })
        ));
    }

    #[test]
    fn zones_are_resolved_by_name_location_or_offsets() {
        let text = "BEGIN:VCALENDAR\nBEGIN:VTIMEZONE\nTZID:Romance Standard Time\n\
                    END:VTIMEZONE\nBEGIN:VTIMEZONE\nTZID:Mine\nX-LIC-LOCATION:Europe/Oslo\n\
                    END:VTIMEZONE\nBEGIN:VTIMEZONE\nTZID:Unknown\nEND:VTIMEZONE\n\
                    END:VCALENDAR\n";
        let doc = read(text.as_bytes(), CPH, 2026).unwrap();
        assert_eq!(doc.zones["Romance Standard Time"], Some(CPH));
        assert_eq!(doc.zones["Mine"], Some(Tz::Europe__Oslo));
        assert_eq!(doc.zones["Unknown"], None);
    }
}
