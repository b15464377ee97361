//! The finder's index: every case, contact and upcoming meeting, normalised once when built,
//! so a keystroke only matches and ranks.
//!
//! Ranking, best first:
//! - a query of digits (spaces, `+`, `-`, `(`, `)`, `/` and `.` ignored, `+45`/`0045` dropped)
//!   matches phone numbers by digit substring, whatever their spacing, and case references;
//!   a whole number beats its start, which beats its middle;
//! - any other query is split into words; every word must match the entry's text fuzzily.
//!   Each word that starts a word of the title (the name), in the normalised or the loose
//!   spelling (`soren` for Søren), lifts the entry above every entry with fewer such words, so
//!   "mad" puts Mads above a scattered m-a-d;
//!   Among entries where every word starts a title word, the word the query nearly completes
//!   and the title word in the query word's place rank first (no fuzzy scoring needed);
//! - on equal scores: active cases, then contacts, then meetings, then closed cases; then by
//!   title.
//!
//! A keystroke first sorts entries into tiers by how many words start a title word (a bitmask
//! of each title's word initials skips most entries at once), then scores tiers from the top
//! with the fuzzy matcher only until `limit` hits are found.
//!
//! Closed cases are left out unless [`Filter::include_closed`] is set (the CLI's `--closed`).
//! An empty query finds nothing.

use super::score::{digit_query, initials_of, is_subsequence, phone_score, prefix_bonus, word_bit};
#[cfg(test)]
use super::text::MappedText;
use super::text::{loosen, normalise_mapped, push_loose};
use super::{Fuzzy, Matcher, normalise, push_normalised, push_phone_digits};
use crate::i18n::{Lang, Msg, label_contact_kind, weekday_short};
use crate::model::{CaseId, ContactId, ContactKind, MeetingId};
use crate::store::{Store, StoreError};
use crate::time::{format_date, format_time};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use std::borrow::Cow;
use std::cmp::Ordering;

/// How far ahead the index holds meetings.
pub const MEETING_DAYS: i64 = 56;

/// Each query word that starts a word of the title adds this much, more than any fuzzy score.
const PREFIX_TIER: i64 = 100_000;

/// What a hit opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Case(CaseId),
    Contact(ContactId),
    /// A meeting and the start of the occurrence found.
    Meeting(MeetingId, NaiveDateTime),
}

/// What kind of thing a hit is, as the finder says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HitKind {
    Case,
    ClosedCase,
    Contact(ContactKind),
    Meeting,
}

impl HitKind {
    /// A stable key for scripts: `case`, `closed_case`, `contact`, `meeting`.
    pub fn key(self) -> &'static str {
        match self {
            HitKind::Case => "case",
            HitKind::ClosedCase => "closed_case",
            HitKind::Contact(_) => "contact",
            HitKind::Meeting => "meeting",
        }
    }

    /// The kind in the interface language; a contact says its kind ("GP", "Supplier").
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            HitKind::Case => Msg::Case.text(lang),
            HitKind::ClosedCase => Msg::ClosedCase.text(lang),
            HitKind::Contact(kind) => label_contact_kind(kind, lang),
            HitKind::Meeting => Msg::Meeting.text(lang),
        }
    }

    /// Order on equal scores: active cases, contacts, meetings, closed cases.
    fn tie_rank(self) -> u8 {
        match self {
            HitKind::Case => 0,
            HitKind::Contact(_) => 1,
            HitKind::Meeting => 2,
            HitKind::ClosedCase => 3,
        }
    }
}

/// Which entries a search may return.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Filter {
    /// Also find closed cases.
    pub include_closed: bool,
}

/// One result of a search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub target: Target,
    pub kind: HitKind,
    /// The name: of the citizen, the contact, or the citizen of the meeting.
    pub title: String,
    /// One line: reference and phones, or kind, organisation and phone, or date and purpose.
    pub detail: String,
    pub score: i64,
    /// Every query word starts a word of the title, or the digits matched a phone number or
    /// the case reference: the hit is what was asked for, not merely similar.
    pub exact: bool,
    /// Char indices into `title` to highlight, ascending.
    pub matched: Vec<usize>,
}

/// One searchable thing's texts as they are read, normalised as the index takes them in.
pub(super) struct Parts<'a> {
    pub target: Target,
    pub kind: HitKind,
    pub title: &'a str,
    /// Joined with " · " into the detail line; blank parts are left out.
    pub detail: [&'a str; 3],
    /// Searched besides the title, normalised and joined with spaces; empty ones left out.
    pub others: &'a [&'a str],
    /// Phone numbers, searched by their digits.
    pub phones: &'a [Cow<'a, str>],
    /// The case reference, searched by its digits.
    pub reference: &'a str,
}

/// One searchable thing with its texts normalised: the tests' reference builder.
#[cfg(test)]
#[derive(Debug)]
pub(super) struct Entry {
    pub target: Target,
    pub kind: HitKind,
    pub title: String,
    pub detail: String,
    /// The normalised title with its map back to `title`.
    pub title_norm: MappedText,
    /// The title in the loose spelling ("soren ostergaard").
    pub title_loose: String,
    /// The other searchable texts (alias, reference, organisation …), normalised.
    pub rest: String,
    /// The digits of every phone number, separated by `|`.
    pub phones: String,
    /// The digits of the case reference.
    pub reference: String,
}

/// What a hit shows, kept apart from the texts a keystroke scans.
#[derive(Debug)]
struct Shown {
    target: Target,
    kind: HitKind,
    /// Where in [`SearchIndex::shown_text`] the title is: a meeting shares its case's.
    title: [u32; 2],
    detail: Detail,
}

/// A hit's one line of detail.
#[derive(Debug)]
enum Detail {
    /// Where in [`SearchIndex::shown_text`] it is.
    Text([u32; 2]),
    /// A meeting's: weekday, date and time of the occurrence (the target's start), then the
    /// purpose label at this place in [`SearchIndex::purposes`]; made only for the hits shown.
    Meeting(u32),
}

/// Where an entry's searchable texts lie in the arena: the normalised title's start, its end
/// and the loose title's end (a meeting points at its case's), then the other texts' start,
/// their end, the phone digits' end and the reference digits' end.
/// One contiguous arena keeps a keystroke's scan over tens of thousands of entries in cache.
#[derive(Debug, Clone, Copy)]
struct Spans {
    title: [u32; 3],
    rest: [u32; 4],
    tie_rank: u8,
}

/// The bit of [`SearchIndex::initials`] marking a closed case.
const CLOSED: u64 = 1 << 62;

/// The finder's index. Build it once (and again after a change); search on every keystroke.
pub struct SearchIndex {
    shown: Vec<Shown>,
    /// The titles and detail lines as shown, one after the other: one allocation for all of
    /// them, so building and dropping the index does not allocate per entry (#21).
    shown_text: String,
    spans: Vec<Spans>,
    /// Per entry, a bit for each letter or digit a title word starts with, and [`CLOSED`]: a
    /// keystroke skips most entries on this word alone.
    initials: Vec<u64>,
    arena: String,
    /// The meeting purposes' labels, in `lang`.
    purposes: Vec<String>,
    lang: Lang,
    matcher: Box<dyn Matcher + Send + Sync>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("entries", &self.shown.len())
            .finish()
    }
}

/// One entry's searchable texts, borrowed from the arena.
struct Texts<'a> {
    title: &'a str,
    loose: &'a str,
    rest: &'a str,
    phones: &'a str,
    reference: &'a str,
}

impl SearchIndex {
    /// Every case (active or closed), every contact, and the planned meetings of active cases
    /// from `today` for [`MEETING_DAYS`] days; labels in `lang`. Read from the store's search
    /// facts, not from the records.
    pub fn build(store: &Store, today: NaiveDate, lang: Lang) -> Result<SearchIndex, StoreError> {
        super::entries::load(store, today, lang)
    }

    /// Only the cases, active and closed: enough to resolve a case's name (`caseplan card
    /// NAME`) without reading every contact and the coming weeks' meetings.
    pub fn of_cases(store: &Store) -> Result<SearchIndex, StoreError> {
        super::entries::cases(store)
    }

    /// An index without entries, labelling meetings in `lang`.
    pub(super) fn empty(lang: Lang, capacity: usize) -> SearchIndex {
        SearchIndex {
            shown: Vec::with_capacity(capacity),
            shown_text: String::new(),
            spans: Vec::with_capacity(capacity),
            initials: Vec::with_capacity(capacity),
            arena: String::with_capacity(capacity * 32),
            purposes: Vec::new(),
            lang,
            matcher: Box::new(Fuzzy::default()),
        }
    }

    #[cfg(test)]
    pub(super) fn from_entries(entries: Vec<Entry>) -> SearchIndex {
        let mut index = SearchIndex::empty(Lang::Da, entries.len());
        for e in entries {
            index.push(e);
        }
        index
    }

    fn at(&self) -> u32 {
        u32::try_from(self.arena.len()).unwrap_or(u32::MAX)
    }

    /// Adds one entry, normalising its texts straight into the arenas; gives its place, for
    /// the meetings that share its title.
    pub(super) fn push_parts(&mut self, parts: &Parts<'_>) -> u32 {
        let start = self.at();
        for c in parts.title.chars() {
            push_normalised(c, &mut self.arena);
        }
        let title_end = self.at();
        push_loose(parts.title, &mut self.arena);
        // The loose title is left empty when it reads like the normalised one.
        if self.arena[title_end as usize..] == self.arena[start as usize..title_end as usize] {
            self.arena.truncate(title_end as usize);
        }
        let title = [start, title_end, self.at()];
        let rest_start = self.at();
        for text in parts.others.iter().filter(|t| !t.is_empty()) {
            if self.at() > rest_start {
                self.arena.push(' ');
            }
            for c in text.chars() {
                push_normalised(c, &mut self.arena);
            }
        }
        let rest_end = self.at();
        for number in parts.phones {
            let before = self.arena.len();
            if self.at() > rest_end {
                self.arena.push('|');
            }
            let digits = self.arena.len();
            push_phone_digits(number, &mut self.arena);
            if self.arena.len() == digits {
                self.arena.truncate(before);
            }
        }
        let phones_end = self.at();
        self.arena
            .extend(parts.reference.chars().filter(char::is_ascii_digit));
        let rest = [rest_start, rest_end, phones_end, self.at()];
        let shown_title = self.show(parts.title);
        let detail_start = self.shown_text.len();
        for part in parts.detail.iter().filter(|p| !p.trim().is_empty()) {
            if self.shown_text.len() > detail_start {
                self.shown_text.push_str(" · ");
            }
            self.shown_text.push_str(part);
        }
        let detail =
            [detail_start, self.shown_text.len()].map(|n| u32::try_from(n).unwrap_or(u32::MAX));
        let initials = self.initials_at(title, parts.kind);
        self.push_spans(
            title,
            initials,
            rest,
            parts.kind,
            parts.target,
            shown_title,
            Detail::Text(detail),
        )
    }

    /// Adds a shown text; gives its place.
    fn show(&mut self, text: &str) -> [u32; 2] {
        let start = self.shown_text.len();
        self.shown_text.push_str(text);
        [start, self.shown_text.len()].map(|n| u32::try_from(n).unwrap_or(u32::MAX))
    }

    /// Adds one entry whose texts are normalised already (the tests' reference builder).
    #[cfg(test)]
    pub(super) fn push(&mut self, e: Entry) -> u32 {
        let start = self.at();
        self.arena.push_str(&e.title_norm.text);
        let title_end = self.at();
        if e.title_loose != e.title_norm.text {
            self.arena.push_str(&e.title_loose);
        }
        let title = [start, title_end, self.at()];
        let mut rest = [self.at(), 0, 0, 0];
        for (slot, text) in [&e.rest, &e.phones, &e.reference].iter().enumerate() {
            self.arena.push_str(text);
            rest[slot + 1] = self.at();
        }
        let shown_title = self.show(&e.title);
        let detail = self.show(&e.detail);
        let initials = self.initials_at(title, e.kind);
        self.push_spans(
            title,
            initials,
            rest,
            e.kind,
            e.target,
            shown_title,
            Detail::Text(detail),
        )
    }

    /// Adds a meeting of the entry at `of` (its case): the title is the case's, searched in
    /// place; `rest` is the meeting's other texts, normalised; the detail is made when shown.
    pub(super) fn push_meeting(&mut self, of: u32, target: Target, purpose: u32, rest: &str) {
        let (Some(spans), Some(&initials), Some(shown)) = (
            self.spans.get(of as usize),
            self.initials.get(of as usize),
            self.shown.get(of as usize),
        ) else {
            return;
        };
        let (title, place) = (spans.title, shown.title);
        let start = self.at();
        self.arena.push_str(rest);
        let end = self.at();
        self.push_spans(
            title,
            initials,
            [start, end, end, end],
            HitKind::Meeting,
            target,
            place,
            Detail::Meeting(purpose),
        );
    }

    /// A purpose label, for [`SearchIndex::push_meeting`].
    pub(super) fn add_purpose(&mut self, label: String) -> u32 {
        self.purposes.push(label);
        u32::try_from(self.purposes.len() - 1).unwrap_or(u32::MAX)
    }

    /// A bit for each letter a word of the title at `title` starts with, and [`CLOSED`].
    fn initials_at(&self, title: [u32; 3], kind: HitKind) -> u64 {
        let cut = |from: u32, to: u32| self.arena.get(from as usize..to as usize).unwrap_or("");
        let closed = if kind == HitKind::ClosedCase {
            CLOSED
        } else {
            0
        };
        initials_of(cut(title[0], title[1])) | initials_of(cut(title[1], title[2])) | closed
    }

    /// Adds an entry's places and initials.
    #[allow(clippy::too_many_arguments)]
    fn push_spans(
        &mut self,
        title: [u32; 3],
        initials: u64,
        rest: [u32; 4],
        kind: HitKind,
        target: Target,
        shown_title: [u32; 2],
        detail: Detail,
    ) -> u32 {
        self.initials.push(initials);
        self.spans.push(Spans {
            title,
            rest,
            tie_rank: kind.tie_rank(),
        });
        self.shown.push(Shown {
            target,
            kind,
            title: shown_title,
            detail,
        });
        u32::try_from(self.shown.len() - 1).unwrap_or(u32::MAX)
    }

    /// The same index matching with another matcher.
    pub fn with_matcher(mut self, matcher: Box<dyn Matcher + Send + Sync>) -> SearchIndex {
        self.matcher = matcher;
        self
    }

    /// How many things the index holds.
    pub fn len(&self) -> usize {
        self.shown.len()
    }

    pub fn is_empty(&self) -> bool {
        self.shown.is_empty()
    }

    fn texts(&self, i: usize) -> Texts<'_> {
        let s = &self.spans[i];
        let cut = |from: u32, to: u32| self.arena.get(from as usize..to as usize).unwrap_or("");
        Texts {
            title: cut(s.title[0], s.title[1]),
            loose: cut(s.title[1], s.title[2]),
            rest: cut(s.rest[0], s.rest[1]),
            phones: cut(s.rest[1], s.rest[2]),
            reference: cut(s.rest[2], s.rest[3]),
        }
    }

    fn title(&self, i: usize) -> Option<&str> {
        self.shown_at(self.shown.get(i)?.title)
    }

    fn shown_at(&self, [from, to]: [u32; 2]) -> Option<&str> {
        self.shown_text.get(from as usize..to as usize)
    }

    /// The detail line of entry `i`.
    fn detail(&self, i: usize) -> String {
        let shown = &self.shown[i];
        match (&shown.detail, shown.target) {
            (Detail::Text(text), _) => self.shown_at(*text).unwrap_or("").to_string(),
            (Detail::Meeting(purpose), Target::Meeting(_, start)) => {
                let date = start.date();
                format!(
                    "{} {} {} · {}",
                    weekday_short(date.weekday(), self.lang),
                    format_date(date),
                    format_time(start.time()),
                    self.purposes
                        .get(*purpose as usize)
                        .map_or("", |p| p.as_str())
                )
            }
            (Detail::Meeting(_), _) => String::new(),
        }
    }

    /// At most `limit` hits for `query`, best first (see the module's ranking rules).
    pub fn search(&self, query: &str, filter: Filter, limit: usize) -> Vec<Hit> {
        let query = query.trim();
        if query.is_empty() || limit == 0 {
            return Vec::new();
        }
        if let Some(digits) = digit_query(query) {
            let mut found = Vec::new();
            for i in self.allowed(filter) {
                let texts = self.texts(i);
                if let Some(score) = phone_score(texts.phones, texts.reference, &digits) {
                    found.push((score, i as u32));
                }
            }
            return self.hits(found, limit, 0, |_| Vec::new());
        }
        let normalised = normalise(query);
        let loose = loosen(query);
        let words: Vec<(&str, &str)> = normalised
            .split_whitespace()
            .zip(loose.split_whitespace())
            .collect();
        if words.is_empty() {
            return Vec::new();
        }
        let found = self.text_matches(&words, filter, limit);
        let exact_from = PREFIX_TIER * words.len() as i64;
        self.hits(found, limit, exact_from, |i| self.highlights(i, &words))
    }

    /// Indices of the entries `filter` lets through.
    fn allowed(&self, filter: Filter) -> impl Iterator<Item = usize> + '_ {
        self.initials
            .iter()
            .enumerate()
            .filter(move |(_, bits)| filter.include_closed || *bits & CLOSED == 0)
            .map(|(i, _)| i)
    }

    /// Scores the entries in tiers by how many words start a title word, from the top tier
    /// down, until `limit` are found: the fuzzy matcher runs only where the tier is reached.
    fn text_matches(
        &self,
        words: &[(&str, &str)],
        filter: Filter,
        limit: usize,
    ) -> Vec<(i64, u32)> {
        let bits: Vec<u64> = words.iter().map(|(w, _)| word_bit(w)).collect();
        let mut tiers: Vec<Vec<u32>> = vec![Vec::new(); words.len()];
        let mut found = Vec::new();
        for (i, &initials) in self.initials.iter().enumerate() {
            if initials & CLOSED != 0 && !filter.include_closed {
                continue;
            }
            let mut prefixes = 0;
            let mut bonus = 0;
            if bits.iter().any(|&b| initials & b != 0) {
                let texts = self.texts(i);
                for (nth, (word, loose)) in words.iter().enumerate() {
                    if initials & bits[nth] == 0 {
                        continue;
                    }
                    if let Some(b) = prefix_bonus(texts.title, texts.loose, nth, word, loose) {
                        prefixes += 1;
                        bonus += PREFIX_TIER + b;
                    }
                }
            }
            if prefixes == words.len() {
                found.push((bonus, i as u32));
            } else {
                tiers[prefixes].push(i as u32);
            }
        }
        for tier in tiers.iter().rev() {
            if found.len() >= limit {
                break;
            }
            for &i in tier {
                if let Some(score) = self.fuzzy_score(&self.texts(i as usize), words) {
                    found.push((score, i));
                }
            }
        }
        found
    }

    /// Every word must match: as the start of a title word, or fuzzily in the title or,
    /// failing that, in the other texts.
    fn fuzzy_score(&self, texts: &Texts<'_>, words: &[(&str, &str)]) -> Option<i64> {
        let mut total = 0;
        for (nth, (word, loose)) in words.iter().enumerate() {
            if let Some(b) = prefix_bonus(texts.title, texts.loose, nth, word, loose) {
                total += PREFIX_TIER + b;
            } else if is_subsequence(texts.title.as_bytes(), word.as_bytes()) {
                total += self.matcher.score(texts.title, word)?;
            } else if is_subsequence(texts.rest.as_bytes(), word.as_bytes()) {
                total += self.matcher.score(texts.rest, word)?;
            } else {
                return None;
            }
        }
        Some(total)
    }

    /// The best `limit` of `found`, ordered, as hits.
    fn hits(
        &self,
        mut found: Vec<(i64, u32)>,
        limit: usize,
        exact_from: i64,
        highlights: impl Fn(usize) -> Vec<usize>,
    ) -> Vec<Hit> {
        let order = |a: &(i64, u32), b: &(i64, u32)| self.order(a, b);
        if found.len() > limit {
            found.select_nth_unstable_by(limit - 1, order);
            found.truncate(limit);
        }
        found.sort_unstable_by(order);
        found
            .into_iter()
            .map(|(score, i)| {
                let shown = &self.shown[i as usize];
                Hit {
                    target: shown.target,
                    kind: shown.kind,
                    title: self
                        .title(i as usize)
                        .map(str::to_string)
                        .unwrap_or_default(),
                    detail: self.detail(i as usize),
                    score,
                    exact: score >= exact_from,
                    matched: highlights(i as usize),
                }
            })
            .collect()
    }

    fn order(&self, a: &(i64, u32), b: &(i64, u32)) -> Ordering {
        let (sa, sb) = (&self.spans[a.1 as usize], &self.spans[b.1 as usize]);
        b.0.cmp(&a.0)
            .then(sa.tie_rank.cmp(&sb.tie_rank))
            .then_with(|| {
                let (ta, tb) = (self.texts(a.1 as usize), self.texts(b.1 as usize));
                ta.title.cmp(tb.title)
            })
            .then(a.1.cmp(&b.1))
    }

    /// The chars of the title that the query's words match.
    fn highlights(&self, i: usize, words: &[(&str, &str)]) -> Vec<usize> {
        let Some(title) = self.title(i) else {
            return Vec::new();
        };
        // Mapped back to the title only for the hits shown.
        let norm = normalise_mapped(title);
        let mut matched = Vec::new();
        for (word, _) in words {
            if let Some((_, indices)) = self.matcher.indices(&norm.text, word) {
                matched.extend(indices);
            }
        }
        norm.source_indices(matched)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::{normalise_mapped, phone_digits};

    fn case(id: u64, name: &str, phones: &[&str], closed: bool) -> Entry {
        entry(
            Target::Case(CaseId(id)),
            if closed {
                HitKind::ClosedCase
            } else {
                HitKind::Case
            },
            name,
            "",
            phones,
            "2026-04512",
        )
    }

    fn entry(
        target: Target,
        kind: HitKind,
        title: &str,
        more: &str,
        phones: &[&str],
        reference: &str,
    ) -> Entry {
        let title_norm = normalise_mapped(title);
        Entry {
            target,
            kind,
            title: title.to_string(),
            detail: String::new(),
            rest: normalise(more),
            title_loose: loosen(title),
            title_norm,
            phones: phones
                .iter()
                .map(|p| phone_digits(p))
                .collect::<Vec<_>>()
                .join("|"),
            reference: reference.chars().filter(char::is_ascii_digit).collect(),
        }
    }

    fn titles(index: &SearchIndex, query: &str) -> Vec<String> {
        index
            .search(query, Filter::default(), 10)
            .into_iter()
            .map(|h| h.title)
            .collect()
    }

    fn sample() -> SearchIndex {
        SearchIndex::from_entries(vec![
            case(1, "Anders Holm", &["+45 31 22 33 44"], false),
            case(2, "Søren Østergaard", &["+45 20 12 34 56"], false),
            case(3, "José Nørgaard", &[], false),
            case(4, "Karin Müller", &[], false),
            case(5, "Åse Bæk", &["40 11 22 33"], false),
            case(6, "Kim Damgaard", &[], false),
            case(7, "Mads Lund", &[], false),
            case(8, "Sørine Closed", &["+45 55 66 77 88"], true),
            entry(
                Target::Contact(ContactId(9)),
                HitKind::Contact(ContactKind::Mentor),
                "Søren Mentor",
                "Jobværkstedet",
                &["+45 70 80 90 10"],
                "",
            ),
        ])
    }

    #[test]
    fn accents_fold() {
        let index = sample();
        assert_eq!(titles(&index, "jose")[0], "José Nørgaard");
        assert_eq!(titles(&index, "muller")[0], "Karin Müller");
        assert_eq!(titles(&index, "MÜLLER")[0], "Karin Müller");
    }

    #[test]
    fn danish_letters_from_a_plain_keyboard() {
        let index = sample();
        for query in ["soeren", "soren", "sør", "soeren oe", "soren oster"] {
            assert_eq!(titles(&index, query)[0], "Søren Østergaard", "{query}");
        }
        assert_eq!(titles(&index, "aase")[0], "Åse Bæk");
        assert_eq!(titles(&index, "baek")[0], "Åse Bæk");
        assert_eq!(titles(&index, "bak")[0], "Åse Bæk");
        assert_eq!(titles(&index, "noer")[0], "José Nørgaard");
    }

    #[test]
    fn phone_digits_with_spaces_and_country_code() {
        let index = sample();
        for query in [
            "20123456",
            "20 12 34 56",
            "+45 20 12 34 56",
            "0045 2012 3456",
            "1234",
        ] {
            assert_eq!(titles(&index, query), vec!["Søren Østergaard"], "{query}");
        }
        assert_eq!(titles(&index, "40112233"), vec!["Åse Bæk"]);
        assert_eq!(
            titles(&index, "70 80"),
            vec!["Søren Mentor"],
            "a contact's work phone"
        );
        assert!(titles(&index, "99999").is_empty());
    }

    #[test]
    fn whole_number_ranks_above_partial() {
        let index = SearchIndex::from_entries(vec![
            case(1, "Partial", &["+45 20 12 34 56 78"], false),
            case(2, "Whole", &["+45 20 12 34 56"], false),
        ]);
        assert_eq!(titles(&index, "20123456"), vec!["Whole", "Partial"]);
    }

    #[test]
    fn case_reference_digits() {
        let index = sample();
        let hits = index.search("2026-04512", Filter::default(), 20);
        assert_eq!(
            hits.len(),
            7,
            "every active sample case shares the reference"
        );
        assert!(hits.iter().all(|h| h.kind == HitKind::Case));
    }

    #[test]
    fn word_prefix_beats_scattered_match() {
        let index = sample();
        // "mad" is scattered through "kiM dAmgaarD"; Mads starts with it.
        let found = titles(&index, "mad");
        assert_eq!(found[0], "Mads Lund");
        let index = SearchIndex::from_entries(vec![
            case(1, "Anne Jensen", &[], false),
            case(2, "Senad Holm", &[], false),
        ]);
        assert_eq!(titles(&index, "sen"), vec!["Senad Holm", "Anne Jensen"]);
        // A name starting with the word beats the same word in another field.
        let index = SearchIndex::from_entries(vec![
            entry(
                Target::Case(CaseId(1)),
                HitKind::Case,
                "Lise Bak",
                "Holm",
                &[],
                "",
            ),
            entry(
                Target::Contact(ContactId(2)),
                HitKind::Contact(ContactKind::Consultant),
                "Jens Holmberg",
                "",
                &[],
                "",
            ),
        ]);
        assert_eq!(titles(&index, "holm"), vec!["Jens Holmberg", "Lise Bak"]);
        let index = SearchIndex::from_entries(vec![
            case(1, "Lars Holm", &[], false),
            case(2, "Holger Larsen", &[], false),
        ]);
        assert_eq!(
            titles(&index, "lh")[0],
            "Lars Holm",
            "fuzzy still finds initials"
        );
        assert_eq!(
            titles(&index, "hol lar"),
            vec!["Holger Larsen", "Lars Holm"]
        );
    }

    #[test]
    fn active_cases_before_contacts_before_meetings_on_ties() {
        let index = SearchIndex::from_entries(vec![
            entry(
                Target::Meeting(MeetingId(3), NaiveDateTime::default()),
                HitKind::Meeting,
                "Nina Holt",
                "",
                &[],
                "",
            ),
            entry(
                Target::Contact(ContactId(2)),
                HitKind::Contact(ContactKind::Gp),
                "Nina Holt",
                "",
                &[],
                "",
            ),
            case(1, "Nina Holt", &[], false),
        ]);
        let kinds: Vec<HitKind> = index
            .search("nina", Filter::default(), 10)
            .iter()
            .map(|h| h.kind)
            .collect();
        assert_eq!(
            kinds,
            vec![
                HitKind::Case,
                HitKind::Contact(ContactKind::Gp),
                HitKind::Meeting
            ]
        );
    }

    #[test]
    fn closed_cases_only_with_the_filter() {
        let index = sample();
        assert!(!titles(&index, "sorine").contains(&"Sørine Closed".to_string()));
        assert!(titles(&index, "55667788").is_empty());
        let with = Filter {
            include_closed: true,
        };
        let hits = index.search("sorine", with, 10);
        assert_eq!(hits[0].title, "Sørine Closed");
        assert_eq!(hits[0].kind, HitKind::ClosedCase);
        assert_eq!(index.search("55667788", with, 10).len(), 1);
    }

    #[test]
    fn highlights_point_at_the_original_title() {
        let index = sample();
        let hit = &index.search("soren", Filter::default(), 1)[0];
        assert_eq!(hit.title, "Søren Østergaard");
        assert_eq!(hit.matched, vec![0, 1, 2, 3, 4]);
        let hit = &index.search("soeren oe", Filter::default(), 1)[0];
        assert_eq!(hit.matched, vec![0, 1, 2, 3, 4, 6]);
        let hit = &index.search("bae", Filter::default(), 1)[0];
        assert_eq!(hit.title, "Åse Bæk");
        assert_eq!(hit.matched, vec![4, 5]);
        let chars: Vec<char> = hit.title.chars().collect();
        assert_eq!(chars[5], 'æ');
    }

    #[test]
    fn exact_hits_start_name_words() {
        let index = sample();
        let hits = index.search("soren oe", Filter::default(), 10);
        assert!(hits[0].exact);
        assert!(hits.iter().skip(1).all(|h| !h.exact), "{hits:?}");
        let hits = index.search("srn", Filter::default(), 10);
        assert!(!hits.is_empty() && hits.iter().all(|h| !h.exact));
        assert!(index.search("20 12", Filter::default(), 1)[0].exact);
    }

    #[test]
    fn limit_and_empty_query() {
        let index = sample();
        assert!(index.search("", Filter::default(), 10).is_empty());
        assert!(index.search("   ", Filter::default(), 10).is_empty());
        assert_eq!(index.search("a", Filter::default(), 3).len(), 3);
        assert!(index.search("a", Filter::default(), 0).is_empty());
        let all = index.search("a", Filter::default(), 100);
        let top = index.search("a", Filter::default(), 3);
        assert_eq!(&all[..3], &top[..], "the limit keeps the best");
    }
}
