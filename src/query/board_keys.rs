//! The board's sort and filter keys: a row's text normalised once, so a key that sorts or
//! filters 10,000 rows compares prepared strings instead of normalising text at every
//! comparison (#21).

use super::board::{BoardRow, sort_name};
use crate::search::{Spellings, normalise};
use std::sync::OnceLock;

/// Between the fields of a joined text. A filter word never holds it (the filter line is split
/// at whitespace), so a word found in the joined text is found within one field.
const SEPARATOR: char = '\n';

/// What the sort and the filter compare of one row, worked out by [`RowKeys::of`]: the name
/// at once (the board is always in name order), the rest the first time a filter or the "where
/// now" column asks, so a board nobody filters never normalises its text.
#[derive(Debug, Clone, Default)]
pub struct RowKeys {
    /// The name in Danish alphabetical order ([`sort_name`]).
    pub name: String,
    text: OnceLock<TextKeys>,
}

/// The keys the filter and the "where now" column compare.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextKeys {
    /// "Where now" normalised: the order of its column.
    pub where_now: String,
    /// The target group's key and label, normalised: what `gruppe:` looks in.
    pub group: String,
    /// The suppliers, normalised: what `leverandør:` looks in.
    pub suppliers: String,
    /// Name, group label, "where now", "next step" and suppliers in both spellings
    /// ("soeren", "soren"): what a plain word looks in.
    pub text: Spellings,
}

/// Keys follow from the row's text, so two rows with the same text have the same keys whether
/// or not they were worked out yet.
impl PartialEq for RowKeys {
    fn eq(&self, other: &RowKeys) -> bool {
        self.name == other.name
    }
}

impl Eq for RowKeys {}

impl RowKeys {
    /// The keys of `row`'s text as it is now.
    pub fn of(row: &BoardRow) -> RowKeys {
        RowKeys {
            name: sort_name(&row.name),
            text: OnceLock::new(),
        }
    }

    /// The text keys of `row`, whose keys these are: worked out on the first call.
    pub fn text(&self, row: &BoardRow) -> &TextKeys {
        self.text.get_or_init(|| TextKeys::of(row))
    }
}

impl TextKeys {
    fn of(row: &BoardRow) -> TextKeys {
        let fields = [
            row.name.as_str(),
            row.target_group_label.as_str(),
            row.where_now.as_str(),
            row.next_step.as_str(),
        ]
        .into_iter()
        .chain(row.suppliers.iter().map(String::as_str));
        TextKeys {
            where_now: normalise(&row.where_now),
            group: normalise(&joined([
                row.target_group.as_str(),
                row.target_group_label.as_str(),
            ])),
            suppliers: normalise(&joined(row.suppliers.iter().map(String::as_str))),
            text: Spellings::of(&joined(fields)),
        }
    }
}

fn joined<'a>(fields: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(SEPARATOR);
        }
        out.push_str(field);
    }
    out
}
