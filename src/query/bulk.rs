//! When plans break (#17): the plan of a bulk cancel or convert as the preview shows it, with
//! the names of the cases and how to reach each affected citizen, and fresh ids for their
//! "inform and rebook" items. Nothing is written here; the planner and `caseplan bulk` write
//! [`BulkPreview::changes`] as one step.

use crate::domain::bulk::{BulkPlan, BulkRequest, plan};
use crate::domain::due::Reach;
use crate::model::{Case, CaseId, Rebooking};
use crate::store::{AnyRecord, Change, RecordRef, Store, StoreError};
use chrono::{NaiveDate, NaiveDateTime};
use std::collections::HashMap;

/// The plan and what the preview shows with it.
#[derive(Debug, Clone, PartialEq)]
pub struct BulkPreview {
    pub plan: BulkPlan,
    /// The name of every case of a meeting in the range.
    pub names: HashMap<CaseId, String>,
    /// How to reach each affected citizen.
    pub reach: HashMap<CaseId, Reach>,
    /// One fresh id per affected citizen, for their item.
    pub ids: Vec<u64>,
    /// One fresh id per time of a repeating meeting converted on its own.
    pub split_ids: Vec<u64>,
}

/// The plan of `request` as of `now` (local time).
pub fn preview(
    store: &Store,
    request: &BulkRequest,
    now: NaiveDateTime,
) -> Result<BulkPreview, StoreError> {
    let meetings = super::window::meetings(store, request.from, request.to)?;
    let plan = plan(&meetings, request, now);
    let mut names = HashMap::new();
    let mut reach = HashMap::new();
    for case in plan.meetings.iter().filter_map(|p| p.meeting.case) {
        if names.contains_key(&case) {
            continue;
        }
        if let Some(found) = store.get::<Case>(case)? {
            reach.insert(case, Reach::of(&found));
            names.insert(case, found.name);
        }
    }
    let ids = plan
        .citizens
        .iter()
        .map(|_| store.next_id())
        .collect::<Result<_, _>>()?;
    let split_ids = (0..plan.split_count())
        .map(|_| store.next_id())
        .collect::<Result<_, _>>()?;
    Ok(BulkPreview {
        plan,
        names,
        reach,
        ids,
        split_ids,
    })
}

impl BulkPreview {
    /// The case's name, or its number when it is gone.
    pub fn name(&self, case: CaseId) -> String {
        self.names
            .get(&case)
            .cloned()
            .unwrap_or_else(|| format!("#{case}"))
    }

    /// The step's changes made on `made`: forward (the meetings as they become, the times split
    /// off a series, the new items) and backward (the meetings as they were, the rest gone).
    pub fn changes(&self, made: NaiveDate) -> (Vec<Change>, Vec<Change>) {
        let mut forward = Vec::new();
        let mut backward = Vec::new();
        let written = self.plan.changed_meetings(&self.split_ids);
        for (before, after) in written.changed {
            forward.push(Change::Put(AnyRecord::Meeting(after)));
            backward.push(Change::Put(AnyRecord::Meeting(before)));
        }
        for added in written.added {
            backward.push(Change::Delete(RecordRef::from(added.id)));
            forward.push(Change::Put(AnyRecord::Meeting(added)));
        }
        for item in self.plan.rebookings(&self.ids, made) {
            backward.push(Change::Delete(RecordRef::from(item.id)));
            forward.push(Change::Put(AnyRecord::Rebooking(item)));
        }
        (forward, backward)
    }

    /// The items the changes would leave.
    pub fn items(&self, made: NaiveDate) -> Vec<Rebooking> {
        self.plan.rebookings(&self.ids, made)
    }
}
