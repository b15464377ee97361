//! The sled trees: one per record kind, then the index trees.

use super::record::Kind;

/// Every tree a write may touch, in a fixed order (the order of `Store::trees`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum TreeId {
    Record(Kind),
    /// Local start + meeting id.
    MeetingsByStart,
    /// Case id + local start + meeting id.
    MeetingsByCase,
    /// Case id + record id, for the per-case kinds other than meetings. The value is empty,
    /// except for a course not finished and a medical request still followed: the record
    /// itself, in postcard, which the Today list and the board read (#21).
    ByCase(Kind),
    /// Date + due kind tag + record id; the value is the case id, then for the many kinds
    /// what the Today list reads of the record (`DueDetail`).
    Due,
    /// Meeting id of every repeating block.
    Recurring,
    /// Local start + external block id (#16).
    ExternalByStart,
    /// Case id + status tag + local start + meeting id, for meetings that are no longer
    /// planned: a case's attendance is counted from keys alone (#15).
    MeetingsByCaseStatus,
    /// The finder's facts of cases, contacts and planned case meetings (see `search_tree`).
    Search,
    /// Case id → the brief of an active case (`CaseBrief`, #21): what Today and the board read
    /// of it, so they decode no whole case.
    Briefs,
    /// Case id → the case's summary (#21), kept in the transaction of every write that
    /// changes it; derived from many records, so not an index of one.
    Summaries,
}

pub(crate) const BY_CASE_KINDS: [Kind; 6] = [
    Kind::Course,
    Kind::MedicalRequest,
    Kind::Agreement,
    Kind::Event,
    Kind::Note,
    Kind::Rebooking,
];

impl TreeId {
    /// Every tree, records first.
    pub(crate) fn all() -> Vec<TreeId> {
        let mut out: Vec<TreeId> = Kind::ALL.iter().map(|&k| TreeId::Record(k)).collect();
        out.extend(Self::indexes());
        out.push(TreeId::Summaries);
        out
    }

    /// The index trees only.
    pub(crate) fn indexes() -> Vec<TreeId> {
        let mut out = vec![TreeId::MeetingsByStart, TreeId::MeetingsByCase];
        out.extend(BY_CASE_KINDS.iter().map(|&k| TreeId::ByCase(k)));
        out.extend([
            TreeId::Due,
            TreeId::Recurring,
            TreeId::ExternalByStart,
            TreeId::MeetingsByCaseStatus,
            TreeId::Search,
            TreeId::Briefs,
        ]);
        out
    }

    /// Position in `all()`.
    pub(crate) fn slot(self) -> usize {
        let kind_slot = |k: Kind| Kind::ALL.iter().position(|&x| x == k).unwrap_or(0);
        let records = Kind::ALL.len();
        let by_case = BY_CASE_KINDS.len();
        match self {
            TreeId::Record(k) => kind_slot(k),
            TreeId::MeetingsByStart => records,
            TreeId::MeetingsByCase => records + 1,
            TreeId::ByCase(k) => {
                records + 2 + BY_CASE_KINDS.iter().position(|&x| x == k).unwrap_or(0)
            }
            TreeId::Due => records + 2 + by_case,
            TreeId::Recurring => records + 3 + by_case,
            TreeId::ExternalByStart => records + 4 + by_case,
            TreeId::MeetingsByCaseStatus => records + 5 + by_case,
            TreeId::Search => records + 6 + by_case,
            TreeId::Briefs => records + 7 + by_case,
            TreeId::Summaries => records + 8 + by_case,
        }
    }

    pub(crate) fn name(self) -> String {
        match self {
            TreeId::Record(k) => k.tree_name().to_owned(),
            TreeId::MeetingsByStart => "idx_meetings_by_start".into(),
            TreeId::MeetingsByCase => "idx_meetings_by_case".into(),
            TreeId::ByCase(k) => format!("idx_{}_by_case", k.tree_name()),
            TreeId::Due => "idx_due".into(),
            TreeId::Recurring => "idx_recurring".into(),
            TreeId::ExternalByStart => "idx_external_by_start".into(),
            TreeId::MeetingsByCaseStatus => "idx_meetings_by_case_status".into(),
            TreeId::Search => "idx_search".into(),
            TreeId::Briefs => "idx_case_briefs".into(),
            TreeId::Summaries => "summaries".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_match_the_order_of_all() {
        for (i, tree) in TreeId::all().into_iter().enumerate() {
            assert_eq!(tree.slot(), i, "{tree:?}");
        }
    }
}
