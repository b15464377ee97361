//! Keymaps: key syntax, the key trie with pending sequences, and the TOML files that bind
//! keys to action names per layer.
//!
//! The built-in `keymaps/default.toml` is embedded; a user file overrides it key by key.
//! Action names are plain strings here: the app owns the list of actions and passes it to
//! [`Keymap::load`], which rejects any other name.

mod error;
mod key;
mod layer;
mod load;
mod trie;

use std::path::Path;

pub use error::{KeyHint, KeymapError, KeymapErrorKind, Suggestion};
pub use key::{KeyParseError, KeyPress, format_sequence, parse_sequence};
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

/// One binding as shown on the help screen and in the command palette.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BindingInfo {
    /// The alternatives joined with ", ", e.g. `j, down`.
    pub keys: String,
    /// The alternatives one by one, e.g. `["j", "down"]`.
    pub alternatives: Vec<String>,
    pub action: String,
    pub desc: String,
}

/// The keymap of every layer, after merging the user file over the defaults.
#[derive(Debug, Clone)]
pub struct Keymap {
    /// Per layer, indexed by [`Layer::index`]: bindings in file order and their trie.
    layers: Vec<(Vec<Entry>, KeyTrie)>,
}

impl Keymap {
    /// Loads the default keymap source and, if given, a user file over it.
    ///
    /// `user` is the path (used in error messages) and text of the user's file. Every `run`
    /// must name one of `known_actions` (or be `noop`, which removes a binding).
    pub fn load(
        default_src: &str,
        user: Option<(&Path, &str)>,
        known_actions: &[&str],
    ) -> Result<Keymap, KeymapError> {
        let user_name = user.map(|(path, _)| path.display().to_string());
        let user = user_name.as_deref().zip(user.map(|(_, source)| source));
        let layers = load::load_layers(default_src, user, known_actions)?;
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
    pub fn defaults(known_actions: &[&str]) -> Result<Keymap, KeymapError> {
        Keymap::load(DEFAULT_KEYMAP, None, known_actions)
    }

    /// Feeds one key with `active` layers open (topmost first); [`Layer::Global`] is always
    /// consulted last. See [`resolve`] for how layers combine.
    pub fn feed(&self, active: &[Layer], pending: &mut Pending, key: KeyPress) -> KeyResult {
        let mut tries: Vec<&KeyTrie> = active
            .iter()
            .filter(|layer| **layer != Layer::Global)
            .map(|layer| self.trie(*layer))
            .collect();
        tries.push(self.trie(Layer::Global));
        resolve(&tries, pending, key)
    }

    /// The trie of one layer.
    pub fn trie(&self, layer: Layer) -> &KeyTrie {
        &self.layers[layer.index()].1
    }

    /// The bindings of a layer in file order, alternatives for the same action and
    /// description grouped into one row.
    pub fn bindings(&self, layer: Layer) -> Vec<BindingInfo> {
        let mut rows: Vec<BindingInfo> = Vec::new();
        for entry in self.entries(layer) {
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
                    action: entry.action.clone(),
                    desc: entry.desc.clone(),
                }),
            }
        }
        rows
    }

    /// Every key sequence bound to `action` in any layer (layers in [`Layer::ALL`] order,
    /// no repeats).
    pub fn keys_for(&self, action: &str) -> Vec<String> {
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
    pub fn keys_in(&self, layer: Layer, action: &str) -> Vec<String> {
        self.entries(layer)
            .iter()
            .filter(|entry| entry.action == action)
            .map(|entry| format_sequence(&entry.keys))
            .collect()
    }

    fn entries(&self, layer: Layer) -> &[Entry] {
        &self.layers[layer.index()].0
    }
}

fn build_trie(entries: &[Entry]) -> Result<KeyTrie, KeymapError> {
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
