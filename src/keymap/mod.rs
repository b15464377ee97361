//! Keymaps: key syntax, the key trie with pending sequences, and the TOML files that bind
//! keys to action names per layer.
//!
//! The built-in `keymaps/default.toml` is embedded; a user file overrides it key by key.
//! The app owns the actions ([`ActionName`]); [`Keymap::load`] resolves each name in the files
//! to its action once, rejecting any other name, so the trie's leaves are actions, not strings.

mod error;
mod key;
mod layer;
mod load;
mod trie;

use std::path::Path;

pub use error::{KeyHint, KeymapError, KeymapErrorKind, Suggestion};
pub use key::{KeyParseError, KeyPress, format_sequence, parse_sequence, without_alt_gr};
pub use layer::Layer;
pub use load::NOOP;
pub use trie::{
    Binding, Continuation, KeyResult, KeyTrie, Pending, PendingNode, TrieConflict, resolve,
};

use load::Entry;

/// The default bindings, embedded in the binary.
pub const DEFAULT_KEYMAP: &str = include_str!("../../keymaps/default.toml");

/// A preset with vim-like keys, meant to be loaded as a user file over the defaults.
pub const VIM_PRESET: &str = include_str!("../../keymaps/vim.toml");

/// What keymap files bind keys to: a closed set of actions, each named in snake_case.
pub trait ActionName: Copy + Eq + std::fmt::Debug + 'static {
    /// Every action.
    const ALL: &'static [Self];

    /// The name keymap files use.
    fn name(self) -> &'static str;

    /// The action with this name.
    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|a| a.name() == name)
    }
}

/// One binding as shown on the help screen and in the command palette.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BindingInfo<A> {
    /// The alternatives joined with ", ", e.g. `j, down`.
    pub keys: String,
    /// The alternatives one by one, e.g. `["j", "down"]`.
    pub alternatives: Vec<String>,
    pub action: A,
    pub desc: String,
}

/// The keymap of every layer, after merging the user file over the defaults.
#[derive(Debug, Clone)]
pub struct Keymap<A> {
    /// Per layer, indexed by [`Layer::index`]: bindings in file order and their trie.
    layers: Vec<(Vec<Entry<A>>, KeyTrie<A>)>,
}

impl<A: ActionName> Keymap<A> {
    /// Loads the default keymap source and, if given, a user file over it.
    ///
    /// `user` is the path (used in error messages) and text of the user's file. Every `run`
    /// must name one of [`ActionName::ALL`] (or be `noop`, which removes a binding).
    pub fn load(default_src: &str, user: Option<(&Path, &str)>) -> Result<Keymap<A>, KeymapError> {
        let user_name = user.map(|(path, _)| path.display().to_string());
        let user = user_name.as_deref().zip(user.map(|(_, source)| source));
        let layers = load::load_layers(default_src, user)?;
        let layers = layers
            .into_iter()
            .map(|entries| {
                let trie = build_trie(&entries)?;
                Ok((entries, trie))
            })
            .collect::<Result<_, KeymapError>>()?;
        Ok(Keymap { layers })
    }

    /// Loads the built-in defaults only.
    pub fn defaults() -> Result<Keymap<A>, KeymapError> {
        Keymap::load(DEFAULT_KEYMAP, None)
    }

    /// Feeds one key with `active` layers open (topmost first); [`Layer::Global`] is always
    /// consulted last. See [`resolve`] for how layers combine.
    pub fn feed(&self, active: &[Layer], pending: &mut Pending, key: KeyPress) -> KeyResult<A> {
        let tries: Vec<&KeyTrie<A>> = stack(active)
            .into_iter()
            .map(|layer| self.trie(layer))
            .collect();
        resolve(&tries, pending, key)
    }

    /// The trie of one layer.
    pub fn trie(&self, layer: Layer) -> &KeyTrie<A> {
        &self.layers[layer.index()].1
    }

    /// The bindings of a layer in file order, alternatives for the same action and
    /// description grouped into one row.
    pub fn bindings(&self, layer: Layer) -> Vec<BindingInfo<A>> {
        rows(self.entries(layer).iter())
    }

    /// What each key does with `active` layers open, layer by layer in the order they take a
    /// key (topmost first, [`Layer::Global`] last), as [`Keymap::feed`] resolves it: a key
    /// that a layer above shadows is left out of the layer below, and a layer with no key
    /// left is left out.
    pub fn live(&self, active: &[Layer]) -> Vec<(Layer, Vec<BindingInfo<A>>)> {
        let layers = stack(active);
        let mut out = Vec::new();
        for (i, layer) in layers.iter().enumerate() {
            let above: Vec<&KeyTrie<A>> = layers[..i].iter().map(|l| self.trie(*l)).collect();
            let reachable = self
                .entries(*layer)
                .iter()
                .filter(|entry| !above.iter().any(|trie| shadows(trie, &entry.keys)));
            let rows = rows(reachable);
            if !rows.is_empty() {
                out.push((*layer, rows));
            }
        }
        out
    }

    /// Every key sequence bound to `action` in any layer (layers in [`Layer::ALL`] order,
    /// no repeats).
    pub fn keys_for(&self, action: A) -> Vec<String> {
        let mut keys: Vec<String> = Vec::new();
        for layer in Layer::ALL {
            for sequence in self.keys_in(layer, action) {
                if !keys.contains(&sequence) {
                    keys.push(sequence);
                }
            }
        }
        keys
    }

    /// The key sequences bound to `action` in one layer, in file order.
    pub fn keys_in(&self, layer: Layer, action: A) -> Vec<String> {
        self.entries(layer)
            .iter()
            .filter(|entry| entry.action == action)
            .map(|entry| format_sequence(&entry.keys))
            .collect()
    }

    fn entries(&self, layer: Layer) -> &[Entry<A>] {
        &self.layers[layer.index()].0
    }
}

/// The layers a key goes through with `active` open: those, topmost first, then `Global`.
fn stack(active: &[Layer]) -> Vec<Layer> {
    let mut layers: Vec<Layer> = Vec::new();
    for layer in active {
        if *layer != Layer::Global && !layers.contains(layer) {
            layers.push(*layer);
        }
    }
    layers.push(Layer::Global);
    layers
}

/// Whether a layer above takes `keys` before a layer below sees them: it binds them or a
/// prefix of them, or they start one of its longer sequences.
fn shadows<A: Clone>(above: &KeyTrie<A>, keys: &[KeyPress]) -> bool {
    (1..=keys.len()).any(|n| match above.search(&keys[..n]) {
        Some(KeyTrie::Leaf(_)) => true,
        Some(KeyTrie::Node(_)) => n == keys.len(),
        None => false,
    })
}

/// Entries as rows, alternatives for the same action and description grouped into one row.
fn rows<'a, A: ActionName>(entries: impl Iterator<Item = &'a Entry<A>>) -> Vec<BindingInfo<A>> {
    let mut rows: Vec<BindingInfo<A>> = Vec::new();
    for entry in entries {
        let keys = format_sequence(&entry.keys);
        match rows
            .iter_mut()
            .find(|row| row.action == entry.action && row.desc == entry.desc)
        {
            Some(row) => {
                row.keys = format!("{}, {keys}", row.keys);
                row.alternatives.push(keys);
            }
            None => rows.push(BindingInfo {
                keys: keys.clone(),
                alternatives: vec![keys],
                action: entry.action,
                desc: entry.desc.clone(),
            }),
        }
    }
    rows
}

fn build_trie<A: Clone>(entries: &[Entry<A>]) -> Result<KeyTrie<A>, KeymapError> {
    let mut trie = KeyTrie::default();
    for entry in entries {
        let binding = Binding {
            action: entry.action.clone(),
            desc: entry.desc.clone(),
        };
        // Conflicts were reported with their positions while loading; this only guards.
        trie.insert(&entry.keys, binding)
            .map_err(|conflict| KeymapError {
                file: entry.place.file.clone(),
                line: entry.place.line,
                column: entry.place.column,
                kind: KeymapErrorKind::Syntax(conflict.to_string()),
            })?;
    }
    Ok(trie)
}
