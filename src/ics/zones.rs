//! Time zones as calendars write them, and the VTIMEZONE caseplan writes for its own zone.
//!
//! Outlook names zones the Windows way (`Romance Standard Time`, or in older versions by the
//! description `(UTC+01:00) Brussels, Copenhagen, Madrid, Paris`); Google and Apple use IANA
//! names, Evolution and Thunderbird sometimes a path ending in one. The Windows names are
//! mapped through the CLDR table of the `windows-timezones` crate.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};
use icalendar::parser::{Component, Property};
use std::str::FromStr;
use strum::IntoEnumIterator;
use windows_timezones::WindowsTimezone;

/// The IANA zone a TZID names, or `None` when it names none caseplan knows. A Windows zone
/// that covers the configured zone is read as the configured zone (`Romance Standard Time` is
/// Europe/Copenhagen here, not the CLDR default Europe/Paris; the rules are the same, the name
/// is the one the caseworker knows).
pub fn resolve(tzid: &str, configured: Tz) -> Option<Tz> {
    let name = tzid.trim().trim_matches('"').trim();
    if name.is_empty() {
        return None;
    }
    if let Ok(tz) = name.parse::<Tz>() {
        return Some(tz);
    }
    // "/freeassociation.sourceforge.net/Tzfile/Europe/Copenhagen" and the like.
    for (i, _) in name.match_indices('/') {
        if let Ok(tz) = name[i + 1..].parse::<Tz>() {
            return Some(tz);
        }
    }
    let windows = WindowsTimezone::from_str(name)
        .ok()
        .or_else(|| WindowsTimezone::iter().find(|w| w.description() == name))?;
    if WindowsTimezone::try_from(configured) == Ok(windows) {
        Some(configured)
    } else {
        Some(Tz::from(windows))
    }
}

/// A zone a file defines only by its VTIMEZONE (Outlook's "Customized Time Zone"): read as the
/// configured zone when its offsets are the configured zone's, standard and summer, in `year`.
pub fn by_offsets(definition: &Component<'_>, configured: Tz, year: i32) -> Option<Tz> {
    let offsets = |kind: &str| -> Vec<i32> {
        definition
            .components
            .iter()
            .filter(|c| c.name.as_str().eq_ignore_ascii_case(kind))
            .filter_map(|c| c.find_prop("TZOFFSETTO"))
            .filter_map(|p| utc_offset_seconds(p.val.as_str()))
            .collect()
    };
    let standard = offsets("STANDARD");
    let daylight = offsets("DAYLIGHT");
    let (std_now, dst_now) = configured_offsets(configured, year);
    let fits = |found: &[i32], wanted: i32| found.iter().all(|&s| s == wanted);
    let matches = !standard.is_empty()
        && fits(&standard, std_now)
        && match dst_now {
            Some(dst) => fits(&daylight, dst),
            None => daylight.is_empty(),
        };
    matches.then_some(configured)
}

/// A zone's standard and summer offsets in seconds, in `year` and the next.
fn configured_offsets(tz: Tz, year: i32) -> (i32, Option<i32>) {
    let mut standard = None;
    let mut summer = None;
    for month in 1..=24u32 {
        let day = NaiveDate::from_ymd_opt(year + (month as i32 - 1) / 12, (month - 1) % 12 + 1, 15)
            .unwrap_or_default()
            .and_hms_opt(12, 0, 0)
            .unwrap_or_default();
        let offset = tz.offset_from_utc_datetime(&day);
        let seconds = offset.fix().local_minus_utc();
        if offset.dst_offset().is_zero() {
            standard.get_or_insert(seconds);
        } else {
            summer.get_or_insert(seconds);
        }
    }
    (standard.unwrap_or(0), summer)
}

/// "+0100", "-0530", "+013000" as seconds east of UTC.
fn utc_offset_seconds(text: &str) -> Option<i32> {
    let text = text.trim();
    let (sign, digits) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    if !(digits.len() == 4 || digits.len() == 6) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let part = |r: std::ops::Range<usize>| digits.get(r).and_then(|d| d.parse::<i32>().ok());
    let seconds = if digits.len() == 6 { part(4..6)? } else { 0 };
    Some(sign * (part(0..2)? * 3600 + part(2..4)? * 60 + seconds))
}

/// One change of offset: the UTC instant, the offsets before and after, the name after.
#[derive(Debug, Clone, PartialEq)]
struct Transition {
    at: DateTime<Utc>,
    from: i32,
    to: i32,
    name: String,
    summer: bool,
}

/// The VTIMEZONE of `tz` for the years `years` (those of the meetings written, and a margin):
/// a yearly rule per observance when every year of the range follows one ("last Sunday of
/// March"), as Outlook expects, else each change of offset listed by itself.
pub fn vtimezone(tz: Tz, years: std::ops::RangeInclusive<i32>) -> Component<'static> {
    let transitions: Vec<Transition> = years.clone().flat_map(|y| transitions_in(tz, y)).collect();
    let mut observances = Vec::new();
    for summer in [true, false] {
        let of_kind: Vec<&Transition> = transitions.iter().filter(|t| t.summer == summer).collect();
        let Some(first) = of_kind.first() else {
            continue;
        };
        match yearly_rule(&of_kind) {
            Some(rule) => observances.push(observance(first, Some(rule))),
            None => observances.extend(of_kind.iter().map(|t| observance(t, None))),
        }
    }
    if observances.is_empty() {
        // No change of offset in the range: one standard observance.
        let start = NaiveDate::from_ymd_opt(*years.start(), 1, 1)
            .unwrap_or_default()
            .and_hms_opt(0, 0, 0)
            .unwrap_or_default();
        let offset = tz.offset_from_utc_datetime(&start);
        let seconds = offset.fix().local_minus_utc();
        observances.push(observance(
            &Transition {
                at: start.and_utc(),
                from: seconds,
                to: seconds,
                name: offset.abbreviation().unwrap_or_default().to_string(),
                summer: false,
            },
            None,
        ));
    }
    Component {
        name: "VTIMEZONE".into(),
        properties: vec![
            prop("TZID", tz.name().to_string()),
            prop("X-LIC-LOCATION", tz.name().to_string()),
        ],
        components: observances,
    }
}

/// The VTIMEZONE's lines as the crate writes them (folded, CRLF). Written with the parser's
/// writer: the component writer would add a DTSTAMP and a UID, which a VTIMEZONE must not have.
pub fn vtimezone_text(tz: Tz, years: std::ops::RangeInclusive<i32>) -> String {
    let wrapped = icalendar::parser::Calendar {
        properties: Vec::new(),
        components: vec![vtimezone(tz, years)],
    }
    .to_string();
    wrapped
        .strip_prefix("BEGIN:VCALENDAR\r\n")
        .and_then(|rest| rest.strip_suffix("END:VCALENDAR\r\n"))
        .unwrap_or_default()
        .to_string()
}

/// The changes of offset in one year, found day by day and then to the minute.
fn transitions_in(tz: Tz, year: i32) -> Vec<Transition> {
    let offset_at = |at: NaiveDateTime| tz.offset_from_utc_datetime(&at);
    let mut out = Vec::new();
    let Some(mut day) = NaiveDate::from_ymd_opt(year, 1, 1) else {
        return out;
    };
    let noon = |d: NaiveDate| d.and_hms_opt(12, 0, 0).unwrap_or_default();
    while day.year() == year {
        let next = day + Duration::days(1);
        let (before, after) = (offset_at(noon(day)), offset_at(noon(next)));
        if before.fix() != after.fix() {
            // The minute of the change, within these 24 hours: the first minute after.
            let (mut lo, mut hi) = (0i64, 24 * 60);
            while hi - lo > 1 {
                let mid = (lo + hi) / 2;
                if offset_at(noon(day) + Duration::minutes(mid)).fix() == before.fix() {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            out.push(Transition {
                at: (noon(day) + Duration::minutes(hi)).and_utc(),
                from: before.fix().local_minus_utc(),
                to: after.fix().local_minus_utc(),
                name: after.abbreviation().unwrap_or_default().to_string(),
                summer: !after.dst_offset().is_zero(),
            });
        }
        day = next;
    }
    out
}

/// The local wall-clock time a change happens at, on the clock before it.
fn local_before(t: &Transition) -> NaiveDateTime {
    t.at.naive_utc() + Duration::seconds(i64::from(t.from))
}

/// `FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU` when every change falls on the same weekday of the same
/// week of the same month at the same time, with the same offsets.
fn yearly_rule(changes: &[&Transition]) -> Option<String> {
    let first = changes.first()?;
    let describe = |t: &Transition| {
        let local = local_before(t);
        let date = local.date();
        let days_in_month = NaiveDate::from_ymd_opt(date.year(), date.month(), 1)
            .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
            .map(|d| (d - Duration::days(1)).day())?;
        let week = if date.day() + 7 > days_in_month {
            -1
        } else {
            ((date.day() - 1) / 7 + 1) as i32
        };
        Some((
            date.month(),
            date.weekday(),
            week,
            local.time(),
            t.from,
            t.to,
        ))
    };
    let shape = describe(first)?;
    if changes.iter().any(|t| describe(t) != Some(shape)) {
        return None;
    }
    let (month, weekday, week, _, _, _) = shape;
    let day = match weekday {
        chrono::Weekday::Mon => "MO",
        chrono::Weekday::Tue => "TU",
        chrono::Weekday::Wed => "WE",
        chrono::Weekday::Thu => "TH",
        chrono::Weekday::Fri => "FR",
        chrono::Weekday::Sat => "SA",
        chrono::Weekday::Sun => "SU",
    };
    Some(format!("FREQ=YEARLY;BYMONTH={month};BYDAY={week}{day}"))
}

fn observance(t: &Transition, rule: Option<String>) -> Component<'static> {
    let mut properties = vec![
        prop(
            "DTSTART",
            local_before(t).format("%Y%m%dT%H%M%S").to_string(),
        ),
        prop("TZOFFSETFROM", format_offset(t.from)),
        prop("TZOFFSETTO", format_offset(t.to)),
    ];
    if !t.name.is_empty() {
        properties.push(prop("TZNAME", t.name.clone()));
    }
    if let Some(rule) = rule {
        properties.push(prop("RRULE", rule));
    }
    Component {
        name: if t.summer { "DAYLIGHT" } else { "STANDARD" }.into(),
        properties,
        components: Vec::new(),
    }
}

/// Seconds east of UTC as "+0100".
fn format_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let abs = seconds.unsigned_abs();
    format!("{sign}{:02}{:02}", abs / 3600, abs % 3600 / 60)
}

fn prop(name: &'static str, value: String) -> Property<'static> {
    Property {
        name: name.into(),
        val: value.into(),
        params: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CPH: Tz = Tz::Europe__Copenhagen;

    #[test]
    fn outlook_google_apple_and_evolution_names_resolve() {
        assert_eq!(resolve("Europe/Copenhagen", CPH), Some(CPH));
        assert_eq!(resolve("\"Romance Standard Time\"", CPH), Some(CPH));
        assert_eq!(
            resolve("(UTC+01:00) Brussels, Copenhagen, Madrid, Paris", CPH),
            Some(CPH)
        );
        assert_eq!(
            resolve("W. Europe Standard Time", CPH),
            Some(Tz::Europe__Berlin)
        );
        assert_eq!(resolve("GMT Standard Time", CPH), Some(Tz::Europe__London));
        assert_eq!(
            resolve("/freeassociation.sourceforge.net/Tzfile/Europe/Oslo", CPH),
            Some(Tz::Europe__Oslo)
        );
        assert_eq!(resolve("Customized Time Zone", CPH), None);
        assert_eq!(resolve("", CPH), None);
    }

    #[test]
    fn offsets_are_read_with_and_without_seconds() {
        assert_eq!(utc_offset_seconds("+0100"), Some(3600));
        assert_eq!(utc_offset_seconds("-0530"), Some(-(5 * 3600 + 30 * 60)));
        assert_eq!(utc_offset_seconds("+013015"), Some(3600 + 30 * 60 + 15));
        assert_eq!(utc_offset_seconds("0100"), None);
        assert_eq!(utc_offset_seconds("+1"), None);
        assert_eq!(utc_offset_seconds("+ab00"), None);
    }

    #[test]
    fn copenhagen_gets_the_eu_rules_as_yearly_rules() {
        let zone = vtimezone(CPH, 2025..=2028);
        let text: Vec<String> = zone
            .components
            .iter()
            .map(|c| {
                let props: Vec<String> = c
                    .properties
                    .iter()
                    .map(|p| format!("{}:{}", p.name.as_str(), p.val.as_str()))
                    .collect();
                format!("{} {}", c.name.as_str(), props.join(" "))
            })
            .collect();
        assert_eq!(
            text,
            vec![
                "DAYLIGHT DTSTART:20250330T020000 TZOFFSETFROM:+0100 TZOFFSETTO:+0200 \
                 TZNAME:CEST RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
                "STANDARD DTSTART:20251026T030000 TZOFFSETFROM:+0200 TZOFFSETTO:+0100 \
                 TZNAME:CET RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
            ]
        );
    }

    #[test]
    fn the_vtimezone_is_written_without_a_uid_or_a_stamp() {
        let text = vtimezone_text(CPH, 2026..=2027);
        assert!(
            text.starts_with("BEGIN:VTIMEZONE\r\nTZID:Europe/Copenhagen\r\n"),
            "{text}"
        );
        assert!(
            text.ends_with("END:STANDARD\r\nEND:VTIMEZONE\r\n"),
            "{text}"
        );
        assert!(!text.contains("UID") && !text.contains("DTSTAMP"), "{text}");
    }

    #[test]
    fn a_zone_without_summer_time_has_one_standard_observance() {
        let zone = vtimezone(Tz::Asia__Tokyo, 2026..=2027);
        assert_eq!(zone.components.len(), 1);
        assert_eq!(zone.components[0].name.as_str(), "STANDARD");
        assert_eq!(
            zone.components[0]
                .find_prop("TZOFFSETTO")
                .map(|p| p.val.as_str().to_string()),
            Some("+0900".into())
        );
    }

    #[test]
    fn a_custom_definition_with_copenhagens_offsets_is_copenhagen() {
        let text = "BEGIN:VTIMEZONE\nTZID:Customized Time Zone\nBEGIN:STANDARD\n\
                    DTSTART:16010101T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\n\
                    END:STANDARD\nBEGIN:DAYLIGHT\nDTSTART:16010101T020000\n\
                    TZOFFSETFROM:+0100\nTZOFFSETTO:+0200\nEND:DAYLIGHT\nEND:VTIMEZONE\n";
        let parsed = icalendar::parser::read_components(text).unwrap();
        assert_eq!(by_offsets(&parsed[0], CPH, 2026), Some(CPH));
        assert_eq!(by_offsets(&parsed[0], Tz::Europe__London, 2026), None);
    }
}
