//! Time: the clock, the configured zone, and reading and printing what people type.

pub mod clock;
pub mod format;
mod lexicon;
pub mod parse;
pub mod range;
pub mod zone;

pub use clock::{Clock, FixedClock, SystemClock};
pub use format::{format_date, format_datetime, format_duration, format_time, format_when};
pub use parse::{
    Expected, ParseError, When, parse_date, parse_date_with, parse_duration, parse_every_days,
    parse_past_date, parse_past_date_with, parse_time, parse_when, parse_when_at, parse_when_with,
    take_duration, take_when, take_when_at, take_when_at_with, take_when_with,
};
pub use zone::{Zone, ZoneError, parse_now};
