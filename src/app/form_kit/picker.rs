//! A picker: type to filter, the best match is chosen, ←/→ step through the other matches.
//! One type for every record a form picks (the case of a meeting, its parties, a course's
//! supplier and consultant, a request's recipient).

use super::choice::step_index;
use super::text::TextField;
use crate::model::{CaseId, ContactId};
use crate::search::{Fuzzy, rank};

/// How many matches a picker keeps (and a form can list).
pub const PICKER_ROWS: usize = 6;

/// What a picker picks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pick {
    Case(CaseId),
    Contact(ContactId),
}

impl Pick {
    pub fn case(self) -> Option<CaseId> {
        match self {
            Pick::Case(id) => Some(id),
            Pick::Contact(_) => None,
        }
    }

    pub fn contact(self) -> Option<ContactId> {
        match self {
            Pick::Contact(id) => Some(id),
            Pick::Case(_) => None,
        }
    }
}

/// A record that can be picked: what it is, how it is shown, and the text typing matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub pick: Pick,
    /// "Jonas Berg (Udsyn Mentorhuset)".
    pub label: String,
    /// "Jonas Berg Udsyn Mentorhuset".
    pub haystack: String,
}

#[derive(Debug, Clone)]
pub struct Picker {
    pub input: TextField,
    /// The best matches of what is typed, best first, at most [`PICKER_ROWS`].
    matches: Vec<(Pick, String)>,
    chosen: Option<Pick>,
}

impl Default for Picker {
    fn default() -> Self {
        Picker::new()
    }
}

impl Picker {
    /// Nothing typed, nothing chosen.
    pub fn new() -> Picker {
        Picker {
            input: TextField::single(""),
            matches: Vec::new(),
            chosen: None,
        }
    }

    /// A picker that has already chosen `pick`: `typed` in the field, `label` shown.
    pub fn chosen(pick: Pick, typed: &str, label: &str) -> Picker {
        Picker {
            input: TextField::single(typed),
            matches: vec![(pick, label.to_string())],
            chosen: Some(pick),
        }
    }

    pub fn pick(&self) -> Option<Pick> {
        self.chosen
    }

    pub fn matches(&self) -> &[(Pick, String)] {
        &self.matches
    }

    /// The chosen record's label.
    pub fn chosen_label(&self) -> Option<&str> {
        let chosen = self.chosen?;
        self.matches
            .iter()
            .find(|(p, _)| *p == chosen)
            .map(|(_, l)| l.as_str())
    }

    /// The chosen match's place among the matches, from 1, and how many there are.
    pub fn position(&self) -> Option<(usize, usize)> {
        let chosen = self.chosen?;
        let i = self.matches.iter().position(|(p, _)| *p == chosen)?;
        Some((i + 1, self.matches.len()))
    }

    /// Something is typed.
    pub fn is_typed(&self) -> bool {
        !self.input.text().trim().is_empty()
    }

    /// Matches `candidates` (in the order they come, which breaks ties) against the typed
    /// text: the best is chosen. With nothing typed nothing is chosen and there are no matches.
    pub fn rematch(&mut self, candidates: &[Candidate]) {
        let query = self.input.text();
        if query.trim().is_empty() {
            self.matches.clear();
            self.chosen = None;
            return;
        }
        self.matches = rank(
            &Fuzzy::default(),
            candidates,
            |c| c.haystack.clone(),
            &query,
        )
        .iter()
        .take(PICKER_ROWS)
        .filter_map(|(i, _)| candidates.get(*i))
        .map(|c| (c.pick, c.label.clone()))
        .collect();
        self.chosen = self.matches.first().map(|(p, _)| *p);
    }

    /// ←/→: the next or previous match. With nothing matched yet the first `candidates` are
    /// the matches (with nothing typed, ←/→ browse); with nothing chosen → takes the first and
    /// ← the last.
    pub fn step(&mut self, delta: i32, candidates: &[Candidate]) {
        if self.matches.is_empty() {
            self.matches = candidates
                .iter()
                .take(PICKER_ROWS)
                .map(|c| (c.pick, c.label.clone()))
                .collect();
        }
        if self.matches.is_empty() {
            return;
        }
        let next = match self.position() {
            Some((i, n)) => step_index(n, i - 1, delta),
            None if delta > 0 => 0,
            None => self.matches.len() - 1,
        };
        self.chosen = self.matches.get(next).map(|(p, _)| *p);
    }

    /// Empties the picker (after a party was taken, say).
    pub fn clear(&mut self) {
        *self = Picker::new();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people() -> Vec<Candidate> {
        ["Jonas Berg", "Jonna Holm", "Karen Jonsen", "Mette Lund"]
            .iter()
            .enumerate()
            .map(|(i, name)| Candidate {
                pick: Pick::Contact(ContactId(i as u64 + 1)),
                label: name.to_string(),
                haystack: name.to_string(),
            })
            .collect()
    }

    fn typed(p: &mut Picker, text: &str, candidates: &[Candidate]) {
        p.input.set_text(text);
        p.rematch(candidates);
    }

    #[test]
    fn typing_chooses_the_best_match_and_arrows_step_through_the_rest() {
        let all = people();
        let mut p = Picker::new();
        typed(&mut p, "jon", &all);
        assert_eq!(p.chosen_label(), Some("Jonas Berg"));
        let n = p.matches().len();
        assert!(n >= 2, "{:?}", p.matches());
        p.step(1, &all);
        assert_eq!(p.position(), Some((2, n)));
        p.step(-1, &all);
        p.step(-1, &all);
        assert_eq!(p.position(), Some((n, n)), "wraps round");
        typed(&mut p, "mette", &all);
        assert_eq!(p.pick(), Some(Pick::Contact(ContactId(4))));
        typed(&mut p, "zzz", &all);
        assert_eq!(p.pick(), None, "no match, nothing chosen");
    }

    #[test]
    fn with_nothing_typed_nothing_is_chosen_but_arrows_browse() {
        let all = people();
        let mut p = Picker::new();
        p.rematch(&all);
        assert_eq!((p.pick(), p.matches().len()), (None, 0));
        p.step(-1, &all);
        assert_eq!(p.chosen_label(), Some("Mette Lund"), "← takes the last");
        let mut p = Picker::new();
        p.step(1, &all);
        assert_eq!(p.chosen_label(), Some("Jonas Berg"), "→ the first");
        p.step(1, &[]);
        assert_eq!(p.chosen_label(), Some("Jonna Holm"));
    }

    #[test]
    fn at_most_the_picker_rows_are_kept() {
        let many: Vec<Candidate> = (0..20)
            .map(|i| Candidate {
                pick: Pick::Case(CaseId(i)),
                label: format!("Anne {i}"),
                haystack: format!("Anne {i}"),
            })
            .collect();
        let mut p = Picker::new();
        typed(&mut p, "anne", &many);
        assert_eq!(p.matches().len(), PICKER_ROWS);
        assert_eq!(p.pick().and_then(Pick::case), Some(CaseId(0)));
    }

    #[test]
    fn a_picker_opened_on_a_record_shows_it_chosen() {
        let p = Picker::chosen(Pick::Contact(ContactId(7)), "Jonas", "Jonas Berg (Udsyn)");
        assert_eq!(p.chosen_label(), Some("Jonas Berg (Udsyn)"));
        assert_eq!(p.position(), Some((1, 1)));
        assert!(p.is_typed());
    }
}
