//! From the events of a file to busy blocks: times read in their zones and turned into the
//! configured zone's wall clock, repeats expanded by the `rrule` crate within a bounded window,
//! EXDATEs left out, RECURRENCE-ID overrides put in their occurrence's place. An event that
//! cannot be understood is left out with a warning that names it; nothing here panics.

use super::read::Document;
use super::{Problem, Warning};
use crate::model::{ExternalBlock, ExternalId};
use crate::time::Zone;
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use chrono_tz::Tz;
use icalendar::{CalendarDateTime, Component as _, DatePerhapsTime, Event, Property};
use rrule::{RRule, Unvalidated};
use std::collections::{HashMap, HashSet};

/// The most occurrences one repeating event gives within the window (a daily event over three
/// years has about 1,100).
pub const MAX_OCCURRENCES: u16 = 2000;

/// The busy blocks of a file, what was left out and why, and how many events were cancelled.
#[derive(Debug, Default)]
pub struct Expanded {
    pub blocks: Vec<ExternalBlock>,
    pub warnings: Vec<Warning>,
    pub cancelled: usize,
}

/// A time as a calendar gives it: a whole day, or an instant with the zone whose wall clock
/// its repeats follow.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Moment {
    Day(NaiveDate),
    At(DateTime<Utc>, Tz),
}

impl Moment {
    /// The same moment as another value of the event compares it (an EXDATE, a RECURRENCE-ID).
    fn same(self, other: Moment) -> bool {
        match (self, other) {
            (Moment::At(a, _), Moment::At(b, _)) => a == b,
            (Moment::Day(a), Moment::Day(b)) => a == b,
            (Moment::At(a, tz), Moment::Day(d)) | (Moment::Day(d), Moment::At(a, tz)) => {
                a.with_timezone(&tz).date_naive() == d
            }
        }
    }
}

/// Where an event's times are read: the file's zones, the calendar's own, the configured one.
struct Zones<'a> {
    document: &'a Document,
    configured: Zone,
}

impl Zones<'_> {
    fn of(&self, tzid: &str) -> Option<Tz> {
        let name = tzid.trim().trim_matches('"');
        match self.document.zones.get(name) {
            Some(known) => *known,
            None => super::zones::resolve(name, self.configured.tz()),
        }
    }

    /// Floating times are the calendar's wall clock (Google writes X-WR-TIMEZONE for it).
    fn floating(&self) -> Tz {
        self.document
            .calendar_zone
            .unwrap_or_else(|| self.configured.tz())
    }

    fn moment(&self, value: DatePerhapsTime) -> Result<Moment, Problem> {
        Ok(match value {
            DatePerhapsTime::Date(day) => Moment::Day(day),
            DatePerhapsTime::DateTime(CalendarDateTime::Utc(at)) => Moment::At(at, Tz::UTC),
            DatePerhapsTime::DateTime(CalendarDateTime::Floating(local)) => {
                let tz = self.floating();
                Moment::At(Zone::new(tz).to_utc(local), tz)
            }
            DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time, tzid }) => {
                let tz = self.of(&tzid).ok_or(Problem::UnknownZone(tzid))?;
                Moment::At(Zone::new(tz).to_utc(date_time), tz)
            }
        })
    }

    /// The configured zone's wall clock at a moment (a whole day starts at midnight).
    fn local(&self, moment: Moment) -> NaiveDateTime {
        match moment {
            Moment::Day(day) => day.and_time(NaiveTime::MIN),
            Moment::At(at, _) => self.configured.local(at),
        }
    }
}

/// The blocks of every event of `document` that take some of `window` (local times).
pub fn expand(
    document: &Document,
    configured: Zone,
    window: (NaiveDateTime, NaiveDateTime),
    source: &str,
) -> Expanded {
    let zones = Zones {
        document,
        configured,
    };
    let mut out = Expanded::default();
    let mut overrides: HashMap<String, Vec<(usize, &Event)>> = HashMap::new();
    let mut masters: Vec<(usize, &Event)> = Vec::new();
    for (line, event) in &document.events {
        match (event.get_uid(), event.properties().get("RECURRENCE-ID")) {
            (Some(uid), Some(_)) => overrides
                .entry(uid.to_string())
                .or_default()
                .push((*line, event)),
            _ => masters.push((*line, event)),
        }
    }
    let mut seen: HashSet<(String, Option<NaiveDateTime>)> = HashSet::new();
    let mut push = |out: &mut Expanded, block: ExternalBlock| {
        let key = (block.uid.clone(), block.occurrence);
        let takes_window = block.start < window.1 && block.end() > window.0;
        if takes_window && seen.insert(key) {
            out.blocks.push(block);
        }
    };
    for (line, event) in masters {
        let uid = uid_of(event, line);
        let own_overrides = overrides.remove(&uid).unwrap_or_default();
        match occurrences(&zones, event, &own_overrides, window) {
            Ok(Outcome::Cancelled) => out.cancelled += 1,
            Ok(Outcome::Blocks(found)) => {
                for (block, problem) in found {
                    let block = ExternalBlock {
                        source: source.to_string(),
                        uid: uid.clone(),
                        ..block
                    };
                    if let Some(problem) = problem {
                        out.warnings.push(warning(&zones, line, event, problem));
                    }
                    push(&mut out, block);
                }
            }
            Err(problem) => out.warnings.push(warning(&zones, line, event, problem)),
        }
    }
    // Changed occurrences whose repeating event the file does not hold: each stands alone.
    let mut orphans: Vec<(usize, &Event)> = overrides.into_values().flatten().collect();
    orphans.sort_by_key(|(line, _)| *line);
    for (line, event) in orphans {
        match single(&zones, event) {
            Ok(None) => out.cancelled += 1,
            Ok(Some(mut block)) => {
                block.source = source.to_string();
                block.uid = uid_of(event, line);
                block.occurrence = recurrence_id(&zones, event)
                    .ok()
                    .flatten()
                    .map(|m| zones.local(m));
                push(&mut out, block);
            }
            Err(problem) => out.warnings.push(warning(&zones, line, event, problem)),
        }
    }
    out.blocks
        .sort_by(|a, b| (a.start, &a.uid).cmp(&(b.start, &b.uid)));
    out
}

/// An event's UID; an event without one (which RFC 5545 does not allow, and some tools write)
/// is known by its line.
fn uid_of(event: &Event, line: usize) -> String {
    match event.get_uid().map(str::trim) {
        Some(uid) if !uid.is_empty() => uid.to_string(),
        _ => format!("line-{line}"),
    }
}

enum Outcome {
    Cancelled,
    /// The blocks, each with what was changed to keep it (a shortened event).
    Blocks(Vec<(ExternalBlock, Option<Problem>)>),
}

/// What one event and its changed occurrences give within the window.
fn occurrences(
    zones: &Zones<'_>,
    event: &Event,
    overrides: &[(usize, &Event)],
    window: (NaiveDateTime, NaiveDateTime),
) -> Result<Outcome, Problem> {
    if is_cancelled(event) {
        return Ok(Outcome::Cancelled);
    }
    let start = start_of(zones, event)?;
    let length = length_of(zones, event, start)?;
    let Some(rule) = event.property_value("RRULE") else {
        let block = block_at(zones, event, start, length, None);
        return Ok(Outcome::Blocks(vec![block]));
    };
    let mut starts = repeat(zones, start, rule, length, window)?;
    let limited = starts.len() >= usize::from(MAX_OCCURRENCES);
    starts.extend(dates_of(zones, event, "RDATE", start));
    let skipped = dates_of(zones, event, "EXDATE", start);
    starts.retain(|s| !skipped.iter().any(|x| s.same(*x)));
    let mut changed: Vec<(Moment, &Event)> = Vec::new();
    for (_, o) in overrides {
        if let Ok(Some(original)) = recurrence_id(zones, o) {
            changed.push((original, o));
        }
    }
    let mut out = Vec::new();
    for s in starts {
        let occurrence = Some(zones.local(s));
        match changed.iter().position(|(original, _)| original.same(s)) {
            Some(i) => {
                let (_, o) = changed.swap_remove(i);
                if let Ok(Some(mut block)) = single_with(zones, o, length) {
                    block.occurrence = occurrence;
                    out.push((block, None));
                }
            }
            None => out.push(block_at(zones, event, s, length, occurrence)),
        }
    }
    // A changed occurrence whose original start the rule does not give (moved from outside
    // the window, or after an EXDATE) still stands where it was moved to.
    for (original, o) in changed {
        if let Ok(Some(mut block)) = single_with(zones, o, length) {
            block.occurrence = Some(zones.local(original));
            out.push((block, None));
        }
    }
    if limited && let Some(first) = out.first_mut() {
        first.1 = Some(Problem::TooManyOccurrences(MAX_OCCURRENCES));
    }
    Ok(Outcome::Blocks(out))
}

/// A single event (or a changed occurrence standing alone); `None` when it is cancelled.
fn single(zones: &Zones<'_>, event: &Event) -> Result<Option<ExternalBlock>, Problem> {
    let start = start_of(zones, event)?;
    let length = length_of(zones, event, start)?;
    single_with(zones, event, length)
}

/// A changed occurrence, with the repeating event's length when it gives no end of its own.
fn single_with(
    zones: &Zones<'_>,
    event: &Event,
    fallback: Length,
) -> Result<Option<ExternalBlock>, Problem> {
    if is_cancelled(event) {
        return Ok(None);
    }
    let start = start_of(zones, event)?;
    let has_end =
        event.properties().contains_key("DTEND") || event.properties().contains_key("DURATION");
    let length = if has_end {
        length_of(zones, event, start)?
    } else {
        fallback
    };
    Ok(Some(block_at(zones, event, start, length, None).0))
}

/// How long an event lasts: whole days, or minutes.
#[derive(Debug, Clone, Copy)]
enum Length {
    Days(i64),
    Minutes(i64),
}

fn start_of(zones: &Zones<'_>, event: &Event) -> Result<Moment, Problem> {
    let property = event.properties().get("DTSTART").ok_or(Problem::NoStart)?;
    let value = DatePerhapsTime::from_property(property)
        .ok_or_else(|| Problem::BadTime(property.value().to_string()))?;
    zones.moment(value)
}

fn length_of(zones: &Zones<'_>, event: &Event, start: Moment) -> Result<Length, Problem> {
    if let Some(end) = event.properties().get("DTEND") {
        let value = DatePerhapsTime::from_property(end)
            .ok_or_else(|| Problem::BadTime(end.value().to_string()))?;
        let length = match (start, zones.moment(value)?) {
            (Moment::Day(a), Moment::Day(b)) => Length::Days((b - a).num_days()),
            (Moment::At(a, _), Moment::At(b, _)) => Length::Minutes((b - a).num_minutes()),
            // Mixed forms: read as the difference of the wall clocks.
            (a, b) => Length::Minutes((zones.local(b) - zones.local(a)).num_minutes()),
        };
        let negative = match length {
            Length::Days(d) => d < 0,
            Length::Minutes(m) => m < 0,
        };
        return if negative {
            Err(Problem::EndsBeforeStart)
        } else {
            Ok(length)
        };
    }
    if let Some(text) = event.property_value("DURATION") {
        let duration =
            iso8601::duration(text.trim()).map_err(|_| Problem::BadTime(text.to_string()))?;
        let minutes = duration_minutes(duration);
        return Ok(match start {
            Moment::Day(_) if minutes % (24 * 60) == 0 => Length::Days(minutes / (24 * 60)),
            _ => Length::Minutes(minutes),
        });
    }
    // RFC 5545: a day event without an end takes the day, a timed one no time.
    Ok(match start {
        Moment::Day(_) => Length::Days(1),
        Moment::At(..) => Length::Minutes(0),
    })
}

/// A DURATION in minutes, added up without overflow (the crate's own conversion multiplies
/// milliseconds in 32 bits). RFC 5545 has no years or months in a duration; they count as 365
/// and 30 days, as the crate counts them.
fn duration_minutes(duration: iso8601::Duration) -> i64 {
    let minutes = match duration {
        iso8601::Duration::Weeks(weeks) => u64::from(weeks).saturating_mul(7 * 24 * 60),
        iso8601::Duration::YMDHMS {
            year,
            month,
            day,
            hour,
            minute,
            second,
            ..
        } => [
            (year, 365 * 24 * 60),
            (month, 30 * 24 * 60),
            (day, 24 * 60),
            (hour, 60),
            (minute, 1),
        ]
        .iter()
        .fold(u64::from(second) / 60, |sum, (n, per)| {
            sum.saturating_add(u64::from(*n).saturating_mul(*per))
        }),
    };
    i64::try_from(minutes).unwrap_or(i64::MAX)
}

/// The block of one occurrence, shortened to [`ExternalBlock::LONGEST_MINUTES`] if longer.
fn block_at(
    zones: &Zones<'_>,
    event: &Event,
    start: Moment,
    length: Length,
    occurrence: Option<NaiveDateTime>,
) -> (ExternalBlock, Option<Problem>) {
    let local = zones.local(start);
    let (minutes, all_day) = match (start, length) {
        (Moment::Day(_), Length::Days(days)) => (days.saturating_mul(24 * 60), true),
        (_, Length::Days(days)) => (days.saturating_mul(24 * 60), false),
        (_, Length::Minutes(minutes)) => (minutes, false),
    };
    let longest = i64::from(ExternalBlock::LONGEST_MINUTES);
    let problem = (minutes > longest).then_some(Problem::Shortened);
    let private = matches!(
        event.property_value("CLASS").map(str::trim),
        Some(c) if c.eq_ignore_ascii_case("PRIVATE") || c.eq_ignore_ascii_case("CONFIDENTIAL")
    );
    let title = if private {
        String::new()
    } else {
        one_line(event.get_summary().unwrap_or_default())
    };
    let block = ExternalBlock {
        id: ExternalId(0),
        source: String::new(),
        uid: String::new(),
        occurrence,
        start: local,
        minutes: u32::try_from(minutes.clamp(0, longest)).unwrap_or(0),
        all_day,
        title,
        free: is_free(event),
        private,
    };
    (block, problem)
}

/// Outlook's busy status wins; else TRANSP (Google, Apple).
fn is_free(event: &Event) -> bool {
    let says = |key: &str, value: &str| {
        event
            .property_value(key)
            .is_some_and(|v| v.trim().eq_ignore_ascii_case(value))
    };
    match event.property_value("X-MICROSOFT-CDO-BUSYSTATUS") {
        Some(_) => {
            says("X-MICROSOFT-CDO-BUSYSTATUS", "FREE")
                || says("X-MICROSOFT-CDO-BUSYSTATUS", "WORKINGELSEWHERE")
        }
        None => says("TRANSP", "TRANSPARENT"),
    }
}

fn is_cancelled(event: &Event) -> bool {
    event
        .property_value("STATUS")
        .is_some_and(|s| s.trim().eq_ignore_ascii_case("CANCELLED"))
}

fn recurrence_id(zones: &Zones<'_>, event: &Event) -> Result<Option<Moment>, Problem> {
    let Some(property) = event.properties().get("RECURRENCE-ID") else {
        return Ok(None);
    };
    let value = DatePerhapsTime::from_property(property)
        .ok_or_else(|| Problem::BadTime(property.value().to_string()))?;
    zones.moment(value).map(Some)
}

/// The EXDATE or RDATE values of an event, each line a comma-separated list. A value that
/// cannot be read is left out (an EXDATE that matches nothing skips nothing).
fn dates_of(zones: &Zones<'_>, event: &Event, key: &str, start: Moment) -> Vec<Moment> {
    let mut out = Vec::new();
    let lines = event.multi_properties().get(key).into_iter().flatten();
    for line in lines.chain(event.properties().get(key)) {
        for item in line
            .value()
            .split(',')
            .map(str::trim)
            .filter(|i| !i.is_empty())
        {
            let mut one = Property::new(key, item);
            for parameter in line.params().values() {
                one.append_parameter(parameter.clone());
            }
            let value = DatePerhapsTime::from_property(&one);
            let moment = match (value, start) {
                // A floating EXDATE of a zoned event is on that event's clock.
                (
                    Some(DatePerhapsTime::DateTime(CalendarDateTime::Floating(l))),
                    Moment::At(_, tz),
                ) => Some(Moment::At(Zone::new(tz).to_utc(l), tz)),
                (Some(v), _) => zones.moment(v).ok(),
                (None, _) => None,
            };
            out.extend(moment);
        }
    }
    out
}

/// The starts of a repeating event from `start` that take some of `window`, at most
/// [`MAX_OCCURRENCES`]: the rule is expanded on the wall clock of the event's zone, so a
/// weekly 09:00 stays 09:00 across a change to or from summer time.
fn repeat(
    zones: &Zones<'_>,
    start: Moment,
    rule: &str,
    length: Length,
    window: (NaiveDateTime, NaiveDateTime),
) -> Result<Vec<Moment>, Problem> {
    let bad = |e: &dyn std::fmt::Display| Problem::BadRule(format!("{rule}: {e}"));
    let (dt_start, tz) = match start {
        Moment::Day(day) => (day.and_time(NaiveTime::MIN).and_utc(), Tz::UTC),
        Moment::At(at, tz) => (at, tz),
    };
    let rtz = rrule::Tz::Tz(tz);
    let dt_start = dt_start.with_timezone(&rtz);
    let parsed: RRule<Unvalidated> = rule.trim().parse().map_err(|e| bad(&e))?;
    let parsed = match parsed.get_until().copied() {
        Some(until) => parsed.until(until_in(rule, until, tz, rtz)),
        None => parsed,
    };
    let set = parsed.build(dt_start).map_err(|e| bad(&e))?;
    let reach = match length {
        Length::Days(d) => Duration::days(d.clamp(0, 366)),
        Length::Minutes(m) => Duration::minutes(m.clamp(0, 366 * 24 * 60)),
    };
    let utc = |local: NaiveDateTime| zones.configured.to_utc(local).with_timezone(&rtz);
    let found = set
        .after(utc(window.0 - reach))
        .before(utc(window.1))
        .all(MAX_OCCURRENCES);
    Ok(found
        .dates
        .into_iter()
        .map(|d| match start {
            Moment::Day(_) => Moment::Day(d.date_naive()),
            Moment::At(..) => Moment::At(d.with_timezone(&Utc), tz),
        })
        .collect())
}

/// UNTIL as the rrule crate needs it beside a zoned start: in UTC. The crate reads a DATE or a
/// floating UNTIL on the machine's clock; it is read again on the event's, and a DATE takes
/// its whole day (RFC 5545: the last occurrence may fall on it).
fn until_in(rule: &str, until: DateTime<rrule::Tz>, tz: Tz, rtz: rrule::Tz) -> DateTime<rrule::Tz> {
    let raw = rule
        .split(';')
        .find_map(|part| {
            let (key, value) = part.split_once('=')?;
            key.trim()
                .eq_ignore_ascii_case("UNTIL")
                .then_some(value.trim())
        })
        .unwrap_or_default();
    if raw.ends_with(['Z', 'z']) {
        return until;
    }
    let local = until.naive_local();
    let local = if raw.len() == 8 {
        local.date().and_hms_opt(23, 59, 59).unwrap_or(local)
    } else {
        local
    };
    Zone::new(tz).to_utc(local).with_timezone(&rtz)
}

/// A summary on one line, without control characters, at most 200 characters.
fn one_line(text: &str) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    flat.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(200)
        .collect()
}

fn warning(zones: &Zones<'_>, line: usize, event: &Event, problem: Problem) -> Warning {
    let private = event
        .property_value("CLASS")
        .is_some_and(|c| !c.trim().eq_ignore_ascii_case("PUBLIC"));
    let start = start_of(zones, event).ok().map(|m| zones.local(m));
    Warning {
        line,
        title: if private {
            String::new()
        } else {
            one_line(event.get_summary().unwrap_or_default())
        },
        start,
        problem,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ics::read::read;
    use crate::testing::at;

    fn blocks(body: &str) -> Expanded {
        let text = format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{body}END:VCALENDAR\r\n");
        let doc = read(text.as_bytes(), Tz::Europe__Copenhagen, 2026).unwrap();
        let window = (at("2025-06-01 00:00"), at("2027-06-01 00:00"));
        expand(&doc, Zone::copenhagen(), window, "Outlook")
    }

    fn starts(e: &Expanded) -> Vec<String> {
        e.blocks
            .iter()
            .map(|b| format!("{} {}", b.start.format("%Y-%m-%d %H:%M"), b.minutes))
            .collect()
    }

    #[test]
    fn utc_zoned_and_floating_times_become_copenhagen_wall_clock() {
        let e = blocks(
            "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20260105T080000Z\r\nDTEND:20260105T090000Z\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:b\r\nDTSTART;TZID=Europe/London:20260106T090000\r\nDURATION:PT30M\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:c\r\nDTSTART:20260107T100000\r\nDTEND:20260107T101500\r\nEND:VEVENT\r\n",
        );
        assert_eq!(
            starts(&e),
            vec![
                "2026-01-05 09:00 60",
                "2026-01-06 10:00 30",
                "2026-01-07 10:00 15"
            ]
        );
        assert!(e.warnings.is_empty(), "{:?}", e.warnings);
    }

    #[test]
    fn a_weekly_rule_keeps_its_wall_clock_across_summer_time() {
        let e = blocks(
            "BEGIN:VEVENT\r\nUID:w\r\nDTSTART;TZID=Romance Standard Time:20260323T090000\r\n\
             DTEND;TZID=Romance Standard Time:20260323T100000\r\n\
             RRULE:FREQ=WEEKLY;COUNT=3;BYDAY=MO\r\nEND:VEVENT\r\n",
        );
        assert_eq!(
            starts(&e),
            vec![
                "2026-03-23 09:00 60",
                "2026-03-30 09:00 60",
                "2026-04-06 09:00 60"
            ]
        );
        assert_eq!(e.blocks[1].occurrence, Some(at("2026-03-30 09:00")));
    }

    #[test]
    fn exdates_and_overrides_change_single_occurrences() {
        let e = blocks(
            "BEGIN:VEVENT\r\nUID:w\r\nSUMMARY:Team\r\nDTSTART;TZID=Europe/Copenhagen:20260105T090000\r\n\
             DTEND;TZID=Europe/Copenhagen:20260105T100000\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\n\
             EXDATE;TZID=Europe/Copenhagen:20260112T090000\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:w\r\nRECURRENCE-ID;TZID=Europe/Copenhagen:20260119T090000\r\n\
             DTSTART;TZID=Europe/Copenhagen:20260119T130000\r\nDTEND;TZID=Europe/Copenhagen:20260119T133000\r\n\
             SUMMARY:Team (moved)\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:w\r\nRECURRENCE-ID;TZID=Europe/Copenhagen:20260126T090000\r\n\
             DTSTART;TZID=Europe/Copenhagen:20260126T090000\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n",
        );
        assert_eq!(
            starts(&e),
            vec!["2026-01-05 09:00 60", "2026-01-19 13:00 30"]
        );
        assert_eq!(e.blocks[1].title, "Team (moved)");
        assert_eq!(e.blocks[1].occurrence, Some(at("2026-01-19 09:00")));
    }

    #[test]
    fn all_day_private_free_and_cancelled_events() {
        let e = blocks(
            "BEGIN:VEVENT\r\nUID:d\r\nSUMMARY:Kursus\r\nDTSTART;VALUE=DATE:20260302\r\nDTEND;VALUE=DATE:20260304\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:p\r\nSUMMARY:Tandlæge\r\nCLASS:PRIVATE\r\nDTSTART:20260303T090000\r\nDTEND:20260303T100000\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:f\r\nSUMMARY:Frokost\r\nX-MICROSOFT-CDO-BUSYSTATUS:FREE\r\nTRANSP:OPAQUE\r\nDTSTART:20260303T113000\r\nDTEND:20260303T120000\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:x\r\nSUMMARY:Aflyst\r\nSTATUS:CANCELLED\r\nDTSTART:20260303T130000\r\nEND:VEVENT\r\n",
        );
        assert_eq!(e.cancelled, 1);
        let d = &e.blocks[0];
        assert_eq!(
            (d.all_day, d.minutes, d.title.as_str()),
            (true, 2 * 1440, "Kursus")
        );
        let p = e.blocks.iter().find(|b| b.uid == "p").unwrap();
        assert!(p.private && p.title.is_empty());
        assert!(e.blocks.iter().find(|b| b.uid == "f").unwrap().free);
    }

    #[test]
    fn all_day_repeats_with_a_date_until_and_monthly_setpos() {
        let e = blocks(
            "BEGIN:VEVENT\r\nUID:y\r\nDTSTART;VALUE=DATE:20260601\r\nRRULE:FREQ=WEEKLY;UNTIL=20260615\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:m\r\nDTSTART;TZID=Europe/Copenhagen:20260130T140000\r\nDTEND;TZID=Europe/Copenhagen:20260130T150000\r\n\
             RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;UNTIL=20260430T120000Z\r\nEND:VEVENT\r\n",
        );
        assert_eq!(
            starts(&e),
            vec![
                "2026-01-30 14:00 60",
                "2026-02-27 14:00 60",
                "2026-03-31 14:00 60",
                "2026-04-30 14:00 60",
                "2026-06-01 00:00 1440",
                "2026-06-08 00:00 1440",
                "2026-06-15 00:00 1440",
            ]
        );
    }

    #[test]
    fn what_cannot_be_understood_is_left_out_with_a_warning_naming_it() {
        let e = blocks(
            "BEGIN:VEVENT\r\nUID:z\r\nSUMMARY:Mars\r\nDTSTART;TZID=Mars/Olympus:20260105T090000\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:r\r\nSUMMARY:Rule\r\nDTSTART:20260105T090000Z\r\nRRULE:FREQ=SOMETIMES\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:n\r\nSUMMARY:No start\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:e\r\nSUMMARY:Backwards\r\nDTSTART:20260105T090000Z\r\nDTEND:20260105T080000Z\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:ok\r\nDTSTART:20260105T090000Z\r\nEND:VEVENT\r\n",
        );
        assert_eq!(e.blocks.len(), 1);
        let got: Vec<(usize, &str)> = e
            .warnings
            .iter()
            .map(|w| (w.line, w.title.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (3, "Mars"),
                (8, "Rule"),
                (14, "No start"),
                (18, "Backwards")
            ]
        );
        assert!(
            matches!(e.warnings[0].problem, Problem::UnknownZone(ref z) if z == "Mars/Olympus")
        );
    }

    #[test]
    fn repeats_are_expanded_within_the_window_only() {
        let e = blocks(
            "BEGIN:VEVENT\r\nUID:d\r\nDTSTART:20200101T090000Z\r\nDTEND:20200101T093000Z\r\nRRULE:FREQ=DAILY\r\nEND:VEVENT\r\n",
        );
        assert_eq!(e.blocks.len(), 730);
        // 09:00 UTC is 11:00 in a Copenhagen summer.
        assert_eq!(e.blocks[0].start, at("2025-06-01 11:00"));
        assert!(e.warnings.is_empty());
    }
}
