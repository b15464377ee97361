//! Medical requests across the caseload that still ask for something — chasing, or acting on
//! received information — soonest next action first. Requests are few (a handful per case), so
//! they are read whole; meetings are not touched.

use crate::config::Medical;
use crate::domain::chase::{self, RequestState};
use crate::model::{Case, CaseId, Contact, ContactId, MedicalRequest};
use crate::store::{Store, StoreError};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// One request of the list.
#[derive(Debug, Clone, PartialEq)]
pub struct RequestRow {
    pub request: MedicalRequest,
    pub case_name: String,
    /// The recipient's name, empty when none is set.
    pub recipient: String,
    pub state: RequestState,
    /// How loudly the state asks for attention ([`chase::urgency`]).
    pub urgency: chase::Urgency,
    /// The next step's due date: a reminder, a call, or acting on it. `None` when not sent.
    pub next_action: Option<NaiveDate>,
    /// The next action's day has passed.
    pub overdue: bool,
}

/// The requests not withdrawn and not acted on, of open cases, soonest next action first; those
/// not sent last.
pub fn pending_requests(
    store: &Store,
    today: NaiveDate,
    medical: &Medical,
) -> Result<Vec<RequestRow>, StoreError> {
    let mut requests = store.all::<MedicalRequest>()?;
    let mut cases: HashMap<CaseId, String> = HashMap::new();
    let mut closed: HashSet<CaseId> = HashSet::new();
    let mut contacts: HashMap<ContactId, String> = HashMap::new();
    for r in requests.iter().filter(|r| chase::is_pending(r)) {
        if let std::collections::hash_map::Entry::Vacant(slot) = cases.entry(r.case) {
            let case = store.get::<Case>(r.case)?;
            // Closed cases are left out, as on Today and the board; a case that is gone stays.
            if case.as_ref().is_some_and(|c| !c.is_active()) {
                closed.insert(r.case);
            }
            slot.insert(case.map_or_else(|| format!("#{}", r.case), |c| c.name));
        }
        if let Some(id) = r.recipient
            && !contacts.contains_key(&id)
        {
            let name = store.get::<Contact>(id)?.map(|c| c.name);
            contacts.insert(id, name.unwrap_or_else(|| format!("#{id}")));
        }
    }
    requests.retain(|r| !closed.contains(&r.case));
    Ok(rows(requests, &cases, &contacts, today, medical))
}

/// The rows of the pending requests among `requests`, sorted.
pub fn rows(
    requests: Vec<MedicalRequest>,
    cases: &HashMap<CaseId, String>,
    contacts: &HashMap<ContactId, String>,
    today: NaiveDate,
    medical: &Medical,
) -> Vec<RequestRow> {
    let mut out: Vec<RequestRow> = requests
        .into_iter()
        .filter(chase::is_pending)
        .map(|request| {
            let next_action = chase::next_step(&request, today, medical).map(|s| s.due);
            let state = chase::state(&request, today, medical);
            RequestRow {
                case_name: cases.get(&request.case).cloned().unwrap_or_default(),
                recipient: request
                    .recipient
                    .and_then(|id| contacts.get(&id).cloned())
                    .unwrap_or_default(),
                state,
                urgency: chase::urgency(state, today),
                overdue: next_action.is_some_and(|d| d < today),
                next_action,
                request,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        (
            a.next_action.is_none(),
            a.next_action,
            &a.case_name,
            a.request.id,
        )
            .cmp(&(
                b.next_action.is_none(),
                b.next_action,
                &b.case_name,
                b.request.id,
            ))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{RequestId, request_kind};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn request(id: u64, sent: Option<NaiveDate>) -> MedicalRequest {
        MedicalRequest {
            id: RequestId(id),
            case: CaseId(id * 10),
            kind: request_kind::STATUSATTEST.into(),
            recipient: None,
            questions: String::new(),
            purpose: String::new(),
            consent: sent,
            sent,
            deadline: None,
            chases: Vec::new(),
            received: None,
            acted_on: None,
            withdrawn: None,
        }
    }

    #[test]
    fn soonest_action_first_done_and_withdrawn_left_out_not_sent_last() {
        let today = d(2026, 11, 24);
        let medical = Medical::default();
        let not_sent = request(1, None);
        // Sent 2 Nov: deadline 16 Nov, reminder 1 due 17 Nov (overdue).
        let late = request(2, Some(d(2026, 11, 2)));
        // Sent today: reminder 1 due 9 Dec.
        let fresh = request(3, Some(today));
        let mut received = request(4, Some(d(2026, 10, 1)));
        received.received = Some(d(2026, 11, 23));
        let mut withdrawn = request(5, Some(d(2026, 10, 1)));
        withdrawn.withdrawn = Some(d(2026, 11, 1));
        let mut done = request(6, Some(d(2026, 10, 1)));
        done.received = Some(d(2026, 11, 2));
        done.acted_on = Some(d(2026, 11, 3));
        let got = rows(
            vec![not_sent, fresh, withdrawn, late, received, done],
            &HashMap::new(),
            &HashMap::new(),
            today,
            &medical,
        );
        let ids: Vec<u64> = got.iter().map(|r| r.request.id.0).collect();
        assert_eq!(ids, vec![2, 4, 3, 1]);
        assert_eq!(got[0].next_action, Some(d(2026, 11, 17)));
        assert!(got[0].overdue);
        // Received Mon 23 Nov: act by Wed 25 Nov, not overdue yet.
        assert_eq!(got[1].next_action, Some(d(2026, 11, 25)));
        assert!(!got[1].overdue);
        assert_eq!(got[3].next_action, None);
        assert_eq!(got[3].state, RequestState::NotSent);
    }
}
