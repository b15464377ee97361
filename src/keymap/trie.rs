//! The key trie: key sequences to actions, fed one key at a time (after helix's keymap).
//!
//! A node that is not a leaf means "more keys to come"; its children, with their
//! descriptions, are what a which-key popup shows while a sequence is pending. Leaves hold the
//! action itself (`A`), resolved when the file was loaded.

use std::fmt;

use super::key::{KeyPress, format_sequence};

/// What a complete key sequence runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding<A> {
    pub action: A,
    pub desc: String,
}

/// A trie of key sequences; children keep the order they were inserted in (file order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyTrie<A> {
    Leaf(Binding<A>),
    Node(Vec<(KeyPress, KeyTrie<A>)>),
}

impl<A> Default for KeyTrie<A> {
    fn default() -> Self {
        KeyTrie::Node(Vec::new())
    }
}

/// Why a sequence could not be added: it would both run something and lead further.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TrieConflict {
    #[error("the sequence is empty")]
    Empty,
    #[error("{0} is already bound, so it cannot start a longer sequence")]
    PrefixIsBound(String),
    #[error("{0} starts longer sequences, so it cannot be bound on its own")]
    IsPrefix(String),
}

impl<A: Clone> KeyTrie<A> {
    /// Adds `keys` → `binding`, replacing an existing binding for exactly these keys.
    pub fn insert(&mut self, keys: &[KeyPress], binding: Binding<A>) -> Result<(), TrieConflict> {
        let Some((first, rest)) = keys.split_first() else {
            return Err(TrieConflict::Empty);
        };
        let KeyTrie::Node(children) = self else {
            return Err(TrieConflict::PrefixIsBound(String::new()));
        };
        let index = match children.iter().position(|(key, _)| key == first) {
            Some(index) => index,
            None if rest.is_empty() => {
                children.push((*first, KeyTrie::Leaf(binding)));
                return Ok(());
            }
            None => {
                children.push((*first, KeyTrie::default()));
                children.len() - 1
            }
        };
        let child = &mut children[index].1;
        let result = match (child, rest.is_empty()) {
            (KeyTrie::Leaf(existing), true) => {
                *existing = binding;
                Ok(())
            }
            (KeyTrie::Node(_), true) => Err(TrieConflict::IsPrefix(String::new())),
            (KeyTrie::Leaf(_), false) => Err(TrieConflict::PrefixIsBound(String::new())),
            (node @ KeyTrie::Node(_), false) => node.insert(rest, binding),
        };
        // Name the offending prefix from the outermost call inwards.
        result.map_err(|conflict| match conflict {
            TrieConflict::Empty => TrieConflict::Empty,
            TrieConflict::PrefixIsBound(tail) => {
                TrieConflict::PrefixIsBound(join_prefix(first, &tail))
            }
            TrieConflict::IsPrefix(tail) => TrieConflict::IsPrefix(join_prefix(first, &tail)),
        })
    }

    /// The subtree reached by `keys`, if any (the whole trie for no keys).
    pub fn search(&self, keys: &[KeyPress]) -> Option<&KeyTrie<A>> {
        let mut trie = self;
        for key in keys {
            let KeyTrie::Node(children) = trie else {
                return None;
            };
            trie = &children.iter().find(|(k, _)| k == key)?.1;
        }
        Some(trie)
    }

    /// Feeds one key, as the only layer. See [`resolve`].
    pub fn feed(&self, pending: &mut Pending, key: KeyPress) -> KeyResult<A> {
        resolve(&[self], pending, key)
    }

    /// The continuations of a node, in insertion order; empty for a leaf.
    pub fn continuations(&self) -> Vec<Continuation<A>> {
        let KeyTrie::Node(children) = self else {
            return Vec::new();
        };
        children
            .iter()
            .map(|(key, child)| match child {
                KeyTrie::Leaf(binding) => Continuation {
                    key: *key,
                    action: Some(binding.action.clone()),
                    desc: binding.desc.clone(),
                },
                KeyTrie::Node(_) => Continuation {
                    key: *key,
                    action: None,
                    desc: summarise(child),
                },
            })
            .collect()
    }
}

fn join_prefix(first: &KeyPress, tail: &str) -> String {
    if tail.is_empty() {
        first.to_string()
    } else {
        format!("{first} {tail}")
    }
}

/// A short description of a nested prefix for the which-key popup: its descs, joined.
fn summarise<A: Clone>(node: &KeyTrie<A>) -> String {
    let descs: Vec<String> = node.continuations().into_iter().map(|c| c.desc).collect();
    format!("… {}", descs.join(", "))
}

/// Keys typed so far that form an unfinished sequence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pending {
    keys: Vec<KeyPress>,
}

impl Pending {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn keys(&self) -> &[KeyPress] {
        &self.keys
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    pub fn clear(&mut self) {
        self.keys.clear();
    }
}

impl fmt::Display for Pending {
    /// The typed keys in sequence syntax, e.g. `g` or `s` (for a status line).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_sequence(&self.keys))
    }
}

/// One possible next key while a sequence is pending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Continuation<A> {
    pub key: KeyPress,
    /// The action this key runs, or `None` when it leads to a longer sequence.
    pub action: Option<A>,
    pub desc: String,
}

/// A pending sequence: what was typed and what may follow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingNode<A> {
    pub keys: Vec<KeyPress>,
    pub continuations: Vec<Continuation<A>>,
}

/// The outcome of feeding one key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyResult<A> {
    /// A complete sequence: run this action.
    Matched(A),
    /// A prefix of one or more sequences: wait for the next key.
    Pending(PendingNode<A>),
    /// A single key that nothing is bound to (a text field may still use it).
    NotFound,
    /// A pending sequence ended: Esc (not included) or a key that continues nothing
    /// (included). The keys are dropped.
    Cancelled(Vec<KeyPress>),
}

/// Feeds `key` to layered tries, the first layer taking precedence.
///
/// The sequence typed so far plus `key` is looked up in each layer in turn; the first layer
/// with a binding or a prefix for it decides. A prefix collects the continuations of every
/// layer that has it (earlier layers shadowing later ones key by key) up to the first layer
/// that binds the sequence outright. Esc while a sequence is pending cancels it.
pub fn resolve<A: Clone>(
    layers: &[&KeyTrie<A>],
    pending: &mut Pending,
    key: KeyPress,
) -> KeyResult<A> {
    if key == KeyPress::esc() && !pending.is_empty() {
        return KeyResult::Cancelled(std::mem::take(&mut pending.keys));
    }
    pending.keys.push(key);
    let mut continuations: Vec<Continuation<A>> = Vec::new();
    for layer in layers {
        match layer.search(&pending.keys) {
            Some(KeyTrie::Leaf(binding)) if continuations.is_empty() => {
                pending.clear();
                return KeyResult::Matched(binding.action.clone());
            }
            // A later layer's binding is shadowed by an earlier layer's prefix.
            Some(KeyTrie::Leaf(_)) => break,
            Some(node @ KeyTrie::Node(_)) => {
                for continuation in node.continuations() {
                    if !continuations.iter().any(|c| c.key == continuation.key) {
                        continuations.push(continuation);
                    }
                }
            }
            None => {}
        }
    }
    if !continuations.is_empty() {
        return KeyResult::Pending(PendingNode {
            keys: pending.keys.clone(),
            continuations,
        });
    }
    let keys = std::mem::take(&mut pending.keys);
    if keys.len() == 1 {
        KeyResult::NotFound
    } else {
        KeyResult::Cancelled(keys)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keymap::key::parse_sequence;

    fn seq(text: &str) -> Vec<KeyPress> {
        parse_sequence(text).unwrap()
    }

    fn binding(action: &'static str) -> Binding<&'static str> {
        Binding {
            action,
            desc: format!("desc of {action}"),
        }
    }

    fn trie(entries: &[(&str, &'static str)]) -> KeyTrie<&'static str> {
        let mut trie = KeyTrie::default();
        for (keys, action) in entries {
            trie.insert(&seq(keys), binding(action)).unwrap();
        }
        trie
    }

    /// Feeds each key of `keys` and returns every result.
    fn feed_all<'a>(
        layers: &[&KeyTrie<&'a str>],
        keys: &str,
    ) -> (Vec<KeyResult<&'a str>>, Pending) {
        let mut pending = Pending::new();
        let results = seq(keys)
            .into_iter()
            .map(|key| resolve(layers, &mut pending, key))
            .collect();
        (results, pending)
    }

    #[test]
    fn single_key_matches() {
        let t = trie(&[("j", "select_next")]);
        let (results, pending) = feed_all(&[&t], "j");
        assert_eq!(results, vec![KeyResult::Matched("select_next")]);
        assert!(pending.is_empty());
    }

    #[test]
    fn sequence_is_pending_then_matched() {
        let t = trie(&[("g t", "go_today"), ("g d", "go_to_date")]);
        let (results, pending) = feed_all(&[&t], "g t");
        let KeyResult::Pending(node) = &results[0] else {
            panic!("expected pending, got {:?}", results[0]);
        };
        assert_eq!(node.keys, seq("g"));
        let keys: Vec<String> = node
            .continuations
            .iter()
            .map(|c| c.key.to_string())
            .collect();
        assert_eq!(keys, ["t", "d"]);
        assert_eq!(node.continuations[0].desc, "desc of go_today");
        assert_eq!(results[1], KeyResult::Matched("go_today"));
        assert!(pending.is_empty());
    }

    #[test]
    fn unknown_continuation_cancels_with_all_keys() {
        let t = trie(&[("g t", "go_today")]);
        let (results, pending) = feed_all(&[&t], "g x");
        assert_eq!(results[1], KeyResult::Cancelled(seq("g x")));
        assert!(pending.is_empty());
    }

    #[test]
    fn unknown_single_key_is_not_found() {
        let t = trie(&[("g t", "go_today")]);
        let (results, pending) = feed_all(&[&t], "x");
        assert_eq!(results, vec![KeyResult::NotFound]);
        assert!(pending.is_empty());
    }

    #[test]
    fn esc_cancels_a_pending_sequence_without_itself() {
        let t = trie(&[("s a", "set_status_held"), ("esc", "close_popup")]);
        let (results, _) = feed_all(&[&t], "s esc");
        assert_eq!(results[1], KeyResult::Cancelled(seq("s")));
        // Without a pending sequence Esc is an ordinary key.
        let (results, _) = feed_all(&[&t], "esc");
        assert_eq!(results, vec![KeyResult::Matched("close_popup")]);
    }

    #[test]
    fn first_layer_wins_and_later_layers_fill_in() {
        let calendar = trie(&[("q", "quit"), ("g t", "go_today")]);
        let help = trie(&[("q", "close_popup")]);
        let global = trie(&[("ctrl-c", "quit"), ("g h", "help"), ("g t", "other")]);
        let layers = [&help, &calendar, &global];
        assert_eq!(
            feed_all(&layers, "q").0,
            vec![KeyResult::Matched("close_popup")]
        );
        assert_eq!(
            feed_all(&layers, "ctrl-c").0,
            vec![KeyResult::Matched("quit")]
        );
        let (results, _) = feed_all(&layers, "g t");
        let KeyResult::Pending(node) = &results[0] else {
            panic!("expected pending");
        };
        let actions: Vec<_> = node.continuations.iter().map(|c| c.action).collect();
        assert_eq!(actions, vec![Some("go_today"), Some("help")]);
        assert_eq!(results[1], KeyResult::Matched("go_today"));
        assert_eq!(feed_all(&layers, "g h").0[1], KeyResult::Matched("help"));
    }

    #[test]
    fn a_prefix_shadows_a_later_layers_binding() {
        let calendar = trie(&[("g t", "go_today")]);
        let global = trie(&[("g", "something")]);
        let (results, _) = feed_all(&[&calendar, &global], "g");
        assert!(matches!(results[0], KeyResult::Pending(_)));
    }

    #[test]
    fn nested_prefixes_are_summarised() {
        let t = trie(&[("g s a", "x"), ("g s b", "y")]);
        let (results, _) = feed_all(&[&t], "g");
        let KeyResult::Pending(node) = &results[0] else {
            panic!("expected pending");
        };
        assert_eq!(node.continuations[0].action, None);
        assert_eq!(node.continuations[0].desc, "… desc of x, desc of y");
    }

    #[test]
    fn insert_reports_prefix_conflicts_and_replaces_same_keys() {
        let mut t = trie(&[("g t", "go_today")]);
        assert_eq!(
            t.insert(&seq("g"), binding("x")),
            Err(TrieConflict::IsPrefix("g".into()))
        );
        assert_eq!(
            t.insert(&seq("g t x"), binding("x")),
            Err(TrieConflict::PrefixIsBound("g t".into()))
        );
        t.insert(&seq("g t"), binding("other")).unwrap();
        assert_eq!(
            t.search(&seq("g t")),
            Some(&KeyTrie::Leaf(binding("other")))
        );
        assert_eq!(t.insert(&[], binding("x")), Err(TrieConflict::Empty));
    }
}
