//! Travel to a meeting away from the office: which meetings need it and how much. A meeting
//! keeps its travel minutes (the form starts from this rule and may change them); the time
//! counts before and after the meeting wherever its buffers count.

use crate::model::{MeetingForm, PlaceKind};

/// Minutes of travel each way for a meeting in `form` at `place`, when the office's travel
/// time is `travel_minutes`: a place away from the office (a home visit, a supplier, a
/// workplace, in town, …) needs it; the jobcenter, phone and video do not.
pub fn travel_for(form: MeetingForm, place: PlaceKind, travel_minutes: u32) -> u32 {
    let remote = matches!(form, MeetingForm::Phone | MeetingForm::Video);
    if place.is_away() && !remote {
        travel_minutes
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn away_places_travel_and_the_office_and_the_phone_do_not() {
        assert_eq!(
            travel_for(MeetingForm::HomeVisit, PlaceKind::CitizensHome, 20),
            20
        );
        for place in [PlaceKind::Supplier, PlaceKind::Workplace, PlaceKind::InTown] {
            assert_eq!(travel_for(MeetingForm::InPerson, place, 25), 25);
        }
        assert_eq!(
            travel_for(MeetingForm::InPerson, PlaceKind::Jobcenter, 20),
            0
        );
        assert_eq!(travel_for(MeetingForm::Phone, PlaceKind::Remote, 20), 0);
        assert_eq!(
            travel_for(MeetingForm::Video, PlaceKind::CitizensHome, 20),
            0
        );
        assert_eq!(travel_for(MeetingForm::Walk, PlaceKind::InTown, 0), 0);
    }
}
