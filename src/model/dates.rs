//! Every date and timestamp of every record, named, for the one range check of the store
//! ([`crate::time::range`]). A test below fails when a record gains a date field that is not
//! listed here.

use super::{
    Agreement, Case, CaseStatus, Contact, ContactEvent, Course, CourseOutcome, ExternalBlock,
    MedicalRequest, Meeting, Note, Rebooking, ReportCadence,
};
use crate::time::range::{DateValue, Dated};

fn opt<T: Into<DateValue>>(
    out: &mut Vec<(&'static str, DateValue)>,
    name: &'static str,
    v: Option<T>,
) {
    if let Some(v) = v {
        out.push((name, v.into()));
    }
}

impl Dated for Case {
    fn dates(&self) -> Vec<(&'static str, DateValue)> {
        let mut out = vec![("created", self.created.into())];
        if let Some(o) = &self.cadence_override {
            opt(&mut out, "cadence_override.until", o.until);
        }
        for away in &self.away {
            out.push(("away.from", away.from.into()));
            out.push(("away.to", away.to.into()));
        }
        if let CaseStatus::Closed(on) = self.status {
            out.push(("status.on", on.into()));
        }
        out
    }
}

impl Dated for Contact {
    fn dates(&self) -> Vec<(&'static str, DateValue)> {
        Vec::new()
    }
}

impl Dated for Meeting {
    fn dates(&self) -> Vec<(&'static str, DateValue)> {
        let mut out = vec![("start", self.start.into())];
        if let Some(from) = &self.moved_from {
            out.push(("moved_from.start", from.start.into()));
        }
        if let Some(repeat) = &self.repeat {
            opt(&mut out, "repeat.until", repeat.until);
            for day in &repeat.skipped {
                out.push(("repeat.skipped", (*day).into()));
            }
        }
        out
    }
}

impl Dated for Course {
    fn dates(&self) -> Vec<(&'static str, DateValue)> {
        let mut out = vec![("start", self.start.into()), ("end", self.end.into())];
        if let ReportCadence::Dates { dates } = &self.cadence {
            for day in dates {
                out.push(("cadence.dates", (*day).into()));
            }
        }
        for report in &self.reports {
            out.push(("reports.due", report.due.into()));
            opt(&mut out, "reports.received", report.received);
            opt(&mut out, "reports.read", report.read);
            for chase in &report.chases {
                out.push(("reports.chases.at", chase.at.into()));
            }
        }
        match &self.outcome {
            Some(CourseOutcome::Extended { on, previous_end }) => {
                out.push(("outcome.on", (*on).into()));
                out.push(("outcome.previous_end", (*previous_end).into()));
            }
            Some(
                CourseOutcome::Completed { on }
                | CourseOutcome::Interrupted { on }
                | CourseOutcome::ConsultantChanged { on, .. }
                | CourseOutcome::SupplierChanged { on, .. },
            ) => out.push(("outcome.on", (*on).into())),
            None => {}
        }
        out
    }
}

impl Dated for MedicalRequest {
    fn dates(&self) -> Vec<(&'static str, DateValue)> {
        let mut out = Vec::new();
        opt(&mut out, "consent", self.consent);
        opt(&mut out, "sent", self.sent);
        opt(&mut out, "deadline", self.deadline);
        for chase in &self.chases {
            out.push(("chases.at", chase.at.into()));
        }
        opt(&mut out, "received", self.received);
        opt(&mut out, "acted_on", self.acted_on);
        opt(&mut out, "withdrawn", self.withdrawn);
        out
    }
}

impl Dated for Agreement {
    fn dates(&self) -> Vec<(&'static str, DateValue)> {
        let mut out = vec![("created", self.created.into())];
        opt(&mut out, "due", self.due);
        opt(&mut out, "done", self.done);
        out
    }
}

impl Dated for ContactEvent {
    fn dates(&self) -> Vec<(&'static str, DateValue)> {
        vec![("at", self.at.into())]
    }
}

impl Dated for Note {
    fn dates(&self) -> Vec<(&'static str, DateValue)> {
        let mut out = vec![("at", self.at.into())];
        opt(&mut out, "journalised", self.journalised);
        out
    }
}

impl Dated for ExternalBlock {
    fn dates(&self) -> Vec<(&'static str, DateValue)> {
        let mut out = vec![("start", self.start.into())];
        opt(&mut out, "occurrence", self.occurrence);
        out
    }
}

impl Dated for Rebooking {
    fn dates(&self) -> Vec<(&'static str, DateValue)> {
        let mut out = vec![
            ("from", self.from.into()),
            ("to", self.to.into()),
            ("made", self.made.into()),
        ];
        for (_, start) in &self.meetings {
            out.push(("meetings.start", (*start).into()));
        }
        opt(&mut out, "done", self.done);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::{DemoSpec, generate};

    /// Every string in `value` shaped like a date or a timestamp, counted.
    fn date_shaped(value: &serde_json::Value) -> usize {
        match value {
            serde_json::Value::String(s) => {
                let b = s.as_bytes();
                let shaped = b.len() >= 10
                    && b[..4].iter().all(u8::is_ascii_digit)
                    && b[4] == b'-'
                    && b[7] == b'-'
                    && b[5..7].iter().chain(&b[8..10]).all(u8::is_ascii_digit)
                    && (b.len() == 10 || b[10] == b'T');
                usize::from(shaped)
            }
            serde_json::Value::Array(items) => items.iter().map(date_shaped).sum(),
            serde_json::Value::Object(fields) => fields.values().map(date_shaped).sum(),
            _ => 0,
        }
    }

    fn covers<R: Dated + serde::Serialize>(records: &[R]) {
        for record in records {
            let json = serde_json::to_value(record).unwrap();
            assert_eq!(
                record.dates().len(),
                date_shaped(&json),
                "a date field is missing from dates(): {json}"
            );
        }
    }

    #[test]
    fn every_date_of_every_record_of_the_demo_is_listed() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let data = generate(&DemoSpec::new(50, 3, today));
        covers(&data.cases);
        covers(&data.contacts);
        covers(&data.meetings);
        covers(&data.courses);
        covers(&data.medical_requests);
        covers(&data.agreements);
        covers(&data.events);
        covers(&data.notes);
        // No demo record of an "inform and rebook" item (#17): one with every date set.
        let day = |d: u32| chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap_or_default();
        covers(&[Rebooking {
            id: crate::model::RebookingId(1),
            case: crate::model::CaseId(1),
            change: crate::model::BulkChange::Cancel,
            from: day(24),
            to: day(26),
            meetings: vec![
                (
                    crate::model::MeetingId(2),
                    day(24).and_hms_opt(10, 0, 0).unwrap_or_default(),
                ),
                (
                    crate::model::MeetingId(3),
                    day(25).and_hms_opt(9, 0, 0).unwrap_or_default(),
                ),
            ],
            purpose: String::new(),
            note: String::new(),
            made: day(23),
            done: Some(day(24)),
            booked: None,
        }]);
        // The demo fills the rarer fields too, or the test would not see them.
        assert!(data.courses.iter().any(|c| c.outcome.is_some()));
        assert!(data.cases.iter().any(|c| !c.away.is_empty()));
        assert!(data.meetings.iter().any(|m| m.repeat.is_some()));
    }
}
