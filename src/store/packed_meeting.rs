//! A one-off meeting as its start index entry carries it (#21): postcard, times as numbers, so
//! the calendar's window reads a crowded day (two thousand meetings at the stress load) in one
//! range scan of the start index, without a `get` and a JSON decode per meeting. Repeating
//! meetings are few and read whole from their records; their entries carry nothing.
//!
//! Like every derived value, a change to its shape needs a new `INDEX_VERSION`.

use super::packed::{Stamp, decode, encode};
use crate::model::{
    BookedBy, CaseId, ContactId, Meeting, MeetingForm, MeetingId, MeetingStatus, MovedFrom,
    Participant, Place, PlaceKind, Role,
};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// [`Meeting`] as stored, without its id (the key has it) and its repeat (it has none).
#[derive(Serialize, Deserialize)]
struct MeetingValue<'a> {
    case: Option<u64>,
    start: Stamp,
    minutes: u32,
    purpose: Cow<'a, str>,
    form: MeetingForm,
    place: (PlaceKind, Cow<'a, str>),
    /// Role, contact, name.
    participants: Vec<(Role, Option<u64>, Cow<'a, str>)>,
    booked_by: BookedBy,
    prep_minutes: u32,
    follow_up_minutes: u32,
    status: MeetingStatus,
    outcome: Cow<'a, str>,
    title: Cow<'a, str>,
    note: Cow<'a, str>,
    travel_minutes: u32,
    moved_to: Option<u64>,
    moved_from: Option<(u64, Stamp)>,
    revision: u32,
}

/// The start index entry's value of `meeting`: the meeting when it does not repeat, else
/// nothing.
pub(crate) fn encode_meeting(m: &Meeting) -> Vec<u8> {
    if m.repeat.is_some() {
        return Vec::new();
    }
    encode(&MeetingValue {
        case: m.case.map(|c| c.0),
        start: m.start.into(),
        minutes: m.minutes,
        purpose: Cow::from(&m.purpose),
        form: m.form,
        place: (m.place.kind, Cow::from(&m.place.text)),
        participants: (m.participants.iter())
            .map(|p| (p.role, p.contact.map(|c| c.0), Cow::from(&p.name)))
            .collect(),
        booked_by: m.booked_by,
        prep_minutes: m.prep_minutes,
        follow_up_minutes: m.follow_up_minutes,
        status: m.status,
        outcome: Cow::from(&m.outcome),
        title: Cow::from(&m.title),
        note: Cow::from(&m.note),
        travel_minutes: m.travel_minutes,
        moved_to: m.moved_to.map(|id| id.0),
        moved_from: m.moved_from.map(|f| (f.meeting.0, f.start.into())),
        revision: m.revision,
    })
}

/// The meeting `id` from its start index entry's value (see [`encode_meeting`]).
pub(crate) fn decode_meeting(id: u64, bytes: &[u8]) -> Result<Meeting, String> {
    let v: MeetingValue<'static> = decode(bytes)?;
    Ok(Meeting {
        id: MeetingId(id),
        case: v.case.map(CaseId),
        start: v.start.local()?,
        minutes: v.minutes,
        purpose: v.purpose.into_owned(),
        form: v.form,
        place: Place {
            kind: v.place.0,
            text: v.place.1.into_owned(),
        },
        participants: (v.participants.into_iter())
            .map(|(role, contact, name)| Participant {
                role,
                contact: contact.map(ContactId),
                name: name.into_owned(),
            })
            .collect(),
        booked_by: v.booked_by,
        prep_minutes: v.prep_minutes,
        follow_up_minutes: v.follow_up_minutes,
        status: v.status,
        outcome: v.outcome.into_owned(),
        title: v.title.into_owned(),
        note: v.note.into_owned(),
        repeat: None,
        travel_minutes: v.travel_minutes,
        moved_to: v.moved_to.map(MeetingId),
        moved_from: match v.moved_from {
            Some((meeting, start)) => Some(MovedFrom {
                meeting: MeetingId(meeting),
                start: start.local()?,
            }),
            None => None,
        },
        revision: v.revision,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Repeat, RepeatEvery};
    use crate::testing::{at, meeting};

    #[test]
    fn a_meeting_with_every_field_set_or_empty_reads_back_the_same() {
        let mut full = meeting(7, "2026-11-24 10:15", 45);
        full.case = Some(CaseId(3));
        full.purpose = "3-parts".into();
        full.form = MeetingForm::HomeVisit;
        full.place = Place {
            kind: PlaceKind::CitizensHome,
            text: "Lærkevej 2".into(),
        };
        full.participants = vec![
            Participant {
                role: Role::Citizen,
                contact: None,
                name: String::new(),
            },
            Participant {
                role: Role::Consultant,
                contact: Some(ContactId(9)),
                name: "Mette".into(),
            },
        ];
        full.booked_by = BookedBy::Citizen;
        full.prep_minutes = 10;
        full.follow_up_minutes = 15;
        full.status = MeetingStatus::CutOff;
        full.outcome = "afbrudt".into();
        full.title = "opfølgning".into();
        full.note = "ring først".into();
        full.travel_minutes = 20;
        full.moved_to = Some(MeetingId(8));
        full.moved_from = Some(MovedFrom {
            meeting: MeetingId(5),
            start: at("2026-11-20 09:00"),
        });
        full.revision = 4;
        let mut empty = meeting(1, "2026-11-24 08:00", 5);
        empty.case = None;
        empty.participants.clear();
        for m in [full, empty] {
            assert_eq!(decode_meeting(m.id.0, &encode_meeting(&m)).unwrap(), m);
        }
    }

    #[test]
    fn a_repeating_meeting_is_not_carried_and_a_value_cut_short_is_an_error() {
        let mut block = meeting(2, "2026-11-24 08:00", 60);
        block.repeat = Some(Repeat::new(RepeatEvery::Weekdays));
        assert!(encode_meeting(&block).is_empty());
        let bytes = encode_meeting(&meeting(3, "2026-11-24 08:00", 60));
        assert!(decode_meeting(3, &bytes[..bytes.len() - 2]).is_err());
    }
}
