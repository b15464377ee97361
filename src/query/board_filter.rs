//! The board's filter line: space-separated terms that must all match.
//!
//! - `gruppe:aktivitetsparat` / `group:…` — the target group's key or label contains the text;
//! - `leverandør:udsyn` / `supplier:…` (also `lev:`) — a supplier of a running course does;
//! - `flag:sos` — one of `sos`, `tolk`/`interpreter`, `telefon`/`phone` (no working phone),
//!   `ring`/`call` (call before a summons), `væk`/`away`;
//! - any other word — the name, target group, supplier, "where are we now" or "next step"
//!   contains it.
//!
//! Matching ignores case and accents and lets "oe" find "ø" (the finder's normalisation); a
//! plain word also finds "ø" from "o" ("soren").

use super::board::BoardRow;
use crate::search::{Spellings, normalise};
use thiserror::Error;

/// A parsed filter; the empty filter keeps every row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BoardFilter {
    terms: Vec<Term>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Term {
    Group(String),
    Supplier(String),
    Flag(Flag),
    /// The word in both spellings ("soeren" and "soren" for "søren").
    Text(Spellings),
}

/// The flags a filter can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    Sos,
    Interpreter,
    NoWorkingPhone,
    CallBeforeSummons,
    Away,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FilterError {
    /// `key:` is not one of gruppe/group, leverandør/supplier, flag.
    #[error("unknown filter \"{0}:\"; use gruppe:, leverandør: or flag:")]
    UnknownKey(String),
    /// `flag:x` names no flag.
    #[error("unknown flag \"{0}\"; use sos, tolk, telefon, ring or væk")]
    UnknownFlag(String),
    /// `key:` with nothing after it.
    #[error("\"{0}:\" needs a value")]
    Empty(String),
}

impl BoardFilter {
    /// Parses a filter line; see the module documentation for the syntax.
    pub fn parse(text: &str) -> Result<BoardFilter, FilterError> {
        let mut terms = Vec::new();
        for word in text.split_whitespace() {
            let Some((key, value)) = word.split_once(':') else {
                terms.push(Term::Text(Spellings::of(word)));
                continue;
            };
            let value = normalise(value);
            if value.is_empty() {
                return Err(FilterError::Empty(key.to_string()));
            }
            terms.push(match normalise(key).as_str() {
                "gruppe" | "group" | "g" => Term::Group(value),
                "leverandoer" | "leverandor" | "lev" | "supplier" | "s" => Term::Supplier(value),
                "flag" | "f" => Term::Flag(flag(&value).ok_or(FilterError::UnknownFlag(value))?),
                _ => return Err(FilterError::UnknownKey(key.to_string())),
            });
        }
        Ok(BoardFilter { terms })
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether `row` matches every term. Looks in the row's keys, normalised once
    /// ([`BoardRow::text_keys`]).
    pub fn matches(&self, row: &BoardRow) -> bool {
        // The text keys are worked out on the first term that needs them: an empty filter, or
        // one of flags only, costs nothing per row (`caseplan board` at 10,000 cases).
        self.terms.iter().all(|term| match term {
            Term::Group(text) => row.text_keys().group.contains(text.as_str()),
            Term::Supplier(text) => row.text_keys().suppliers.contains(text.as_str()),
            Term::Flag(flag) => has_flag(row, *flag),
            Term::Text(word) => row.text_keys().text.contains(word),
        })
    }
}

/// A flag's name in either language (already normalised).
fn flag(name: &str) -> Option<Flag> {
    Some(match name {
        "sos" => Flag::Sos,
        "tolk" | "interpreter" => Flag::Interpreter,
        "telefon" | "phone" | "nophone" => Flag::NoWorkingPhone,
        "ring" | "call" => Flag::CallBeforeSummons,
        "vaek" | "vak" | "away" | "fravaer" => Flag::Away,
        _ => return None,
    })
}

fn has_flag(row: &BoardRow, flag: Flag) -> bool {
    let f = &row.flags;
    match flag {
        Flag::Sos => f.sos,
        Flag::Interpreter => f.interpreter.is_some(),
        Flag::NoWorkingPhone => f.no_working_phone,
        Flag::CallBeforeSummons => f.call_before_summons,
        Flag::Away => f.away.is_some(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CaseId;
    use crate::query::board::BoardFlags;
    use crate::query::board_keys::RowKeys;

    fn row() -> BoardRow {
        BoardRow {
            case: CaseId(1),
            name: "Søren Østergaard".into(),
            target_group: "aktivitetsparat".into(),
            target_group_label: "Aktivitetsparat kontanthjælp".into(),
            where_now: "I praktik".into(),
            next_step: "Opfølgning med mentor".into(),
            plan_b: String::new(),
            next_meeting: None,
            last_contact: None,
            days_since_contact: None,
            cadence_due: None,
            missed_last_year: 0,
            late_reports: vec![],
            open_requests: vec![],
            suppliers: vec!["Udsyn Mentorhuset".into()],
            flags: BoardFlags {
                sos: true,
                ..BoardFlags::default()
            },
            keys: RowKeys::default(),
        }
        .keyed()
    }

    fn keeps(filter: &str) -> bool {
        BoardFilter::parse(filter).unwrap().matches(&row())
    }

    #[test]
    fn keyed_terms_match_their_field_in_either_language() {
        assert!(keeps("gruppe:aktivitetsparat"));
        assert!(keeps("group:kontanthjælp"));
        assert!(!keeps("gruppe:sygedagpenge"));
        assert!(keeps("leverandør:udsyn"));
        assert!(keeps("supplier:MENTORHUSET"));
        assert!(!keeps("lev:lærkevej"));
        assert!(keeps("flag:sos"));
        assert!(!keeps("flag:tolk"));
        assert!(!keeps("flag:væk"));
    }

    #[test]
    fn bare_words_search_name_and_plans_and_every_term_must_match() {
        assert!(keeps("oestergaard"));
        assert!(keeps("soren"), "a hurried spelling finds ø");
        assert!(keeps("praktik"));
        assert!(keeps("mentor flag:sos"));
        assert!(!keeps("mentor flag:ring"));
        assert!(keeps(""));
        assert!(BoardFilter::parse("  ").unwrap().is_empty());
    }

    mod same_rows_as_before {
        //! Looking in the prepared keys keeps exactly the rows that normalising each field at
        //! every match did (#21).
        use super::*;
        use proptest::prelude::*;

        /// The match before the keys: every field normalised and loosened at each look.
        fn matches_before(filter: &BoardFilter, row: &BoardRow) -> bool {
            filter.terms.iter().all(|term| match term {
                Term::Group(text) => {
                    normalise(&row.target_group).contains(text.as_str())
                        || normalise(&row.target_group_label).contains(text.as_str())
                }
                Term::Supplier(text) => row
                    .suppliers
                    .iter()
                    .any(|s| normalise(s).contains(text.as_str())),
                Term::Flag(flag) => has_flag(row, *flag),
                Term::Text(word) => [
                    row.name.as_str(),
                    row.target_group_label.as_str(),
                    row.where_now.as_str(),
                    row.next_step.as_str(),
                ]
                .into_iter()
                .chain(row.suppliers.iter().map(String::as_str))
                .any(|field| Spellings::of(field).contains(word)),
            })
        }

        /// Texts of few letters, so words often occur in them and across their edges.
        fn text() -> impl Strategy<Value = String> {
            proptest::string::string_regex("[aeosøæåÅØÆé\u{301} ]{0,7}").expect("a pattern")
        }

        fn word() -> impl Strategy<Value = String> {
            let plain =
                proptest::string::string_regex("[aeosøæåÅØÆé\u{301}]{1,3}").expect("a pattern");
            (0..4usize, plain).prop_map(|(key, w)| match key {
                0 => format!("gruppe:{w}"),
                1 => format!("lev:{w}"),
                _ => w,
            })
        }

        fn case_row() -> impl Strategy<Value = BoardRow> {
            let texts = (text(), text(), text(), text(), text(), text());
            let suppliers = proptest::collection::vec(text(), 0..3);
            (texts, suppliers).prop_map(|((name, group, label, now, next, plan_b), suppliers)| {
                BoardRow {
                    name,
                    target_group: group,
                    target_group_label: label,
                    where_now: now,
                    next_step: next,
                    plan_b,
                    suppliers,
                    ..row()
                }
                .keyed()
            })
        }

        proptest! {
            #[test]
            fn any_words_on_any_rows(
                words in proptest::collection::vec(word(), 1..3),
                rows in proptest::collection::vec(case_row(), 1..12),
            ) {
                // A key whose value is only a combining accent is refused as empty.
                let filter = BoardFilter::parse(&words.join(" "));
                prop_assume!(filter.is_ok());
                let filter = filter.expect("a filter");
                for row in &rows {
                    prop_assert_eq!(filter.matches(row), matches_before(&filter, row), "{:?}", row);
                }
            }
        }
    }

    #[test]
    fn mistakes_are_named() {
        assert_eq!(
            BoardFilter::parse("farve:rød"),
            Err(FilterError::UnknownKey("farve".into()))
        );
        assert_eq!(
            BoardFilter::parse("flag:blå"),
            Err(FilterError::UnknownFlag("blaa".into()))
        );
        assert_eq!(
            BoardFilter::parse("gruppe:"),
            Err(FilterError::Empty("gruppe".into()))
        );
    }
}
