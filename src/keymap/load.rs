//! Reading keymap files and merging a user file over the built-in defaults.
//!
//! Files are walked as a spanned TOML tree (`toml::de::DeTable`) rather than through serde
//! structs, so that every error can point at the exact key, value or key name in the file.

use std::borrow::Cow;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::ActionName;
use super::error::{KeyHint, KeymapError, KeymapErrorKind, Suggestion, line_column};
use super::key::{KeyParseError, KeyPress, format_sequence};
use super::layer::Layer;

/// The action name that removes a binding instead of adding one.
pub const NOOP: &str = "noop";

/// Where a binding was written; `rank` orders positions across files (defaults first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Place {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub rank: (usize, usize),
}

impl Place {
    fn error(&self, kind: KeymapErrorKind) -> KeymapError {
        KeymapError {
            file: self.file.clone(),
            line: self.line,
            column: self.column,
            kind,
        }
    }
}

/// One key sequence bound to an action, after parsing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry<A> {
    pub keys: Vec<KeyPress>,
    pub action: A,
    pub desc: String,
    pub place: Place,
}

/// What one file says about one layer.
#[derive(Debug)]
struct FileLayer<A> {
    /// Bindings in file order, one entry per alternative; `noop` entries (`None`) included.
    entries: Vec<Entry<Option<A>>>,
    unbind: Vec<Vec<KeyPress>>,
}

impl<A> Default for FileLayer<A> {
    fn default() -> Self {
        FileLayer {
            entries: Vec::new(),
            unbind: Vec::new(),
        }
    }
}

/// Parses the default file and an optional user file and merges them, giving the entries of
/// every layer (indexed by [`Layer::index`]) in file order.
pub(crate) fn load_layers<A: ActionName>(
    default_src: &str,
    user: Option<(&str, &str)>,
) -> Result<Vec<Vec<Entry<A>>>, KeymapError> {
    let mut layers: Vec<Vec<Entry<A>>> = vec![Vec::new(); Layer::ALL.len()];
    let files = std::iter::once(("default.toml", default_src)).chain(user);
    for (rank, (file, source)) in files.enumerate() {
        let parser = FileParser { file, source, rank };
        for (layer, file_layer) in parser.parse()? {
            merge(&mut layers[layer.index()], file_layer);
        }
    }
    for layer in Layer::ALL {
        check_prefixes(layer, &layers[layer.index()])?;
    }
    Ok(layers)
}

/// Applies one file's layer over what earlier files bound: unbinds first, then each binding
/// replaces the binding of the same keys in place (or is appended); `noop` removes it.
fn merge<A>(entries: &mut Vec<Entry<A>>, file_layer: FileLayer<A>) {
    entries.retain(|entry| !file_layer.unbind.contains(&entry.keys));
    for entry in file_layer.entries {
        let existing = entries.iter().position(|e| e.keys == entry.keys);
        let Some(action) = entry.action else {
            if let Some(index) = existing {
                entries.remove(index);
            }
            continue;
        };
        let entry = Entry {
            keys: entry.keys,
            action,
            desc: entry.desc,
            place: entry.place,
        };
        match existing {
            Some(index) => entries[index] = entry,
            None => entries.push(entry),
        }
    }
}

/// A sequence may not be both bound and the start of a longer one (`g` and `g t`): the
/// later of the two in file order is reported.
fn check_prefixes<A>(layer: Layer, entries: &[Entry<A>]) -> Result<(), KeymapError> {
    let mut worst: Option<(&Place, KeymapErrorKind)> = None;
    for short in entries {
        for long in entries {
            if long.keys.len() > short.keys.len() && long.keys.starts_with(&short.keys) {
                let place = if short.place.rank > long.place.rank {
                    &short.place
                } else {
                    &long.place
                };
                if worst.as_ref().is_none_or(|(p, _)| place.rank < p.rank) {
                    let kind = KeymapErrorKind::PrefixConflict {
                        keys: format_sequence(&short.keys),
                        longer: format_sequence(&long.keys),
                        layer: layer.name().to_string(),
                    };
                    worst = Some((place, kind));
                }
            }
        }
    }
    match worst {
        Some((place, kind)) => Err(place.error(kind)),
        None => Ok(()),
    }
}

struct FileParser<'a> {
    file: &'a str,
    source: &'a str,
    rank: usize,
}

type Item<'i> = (&'i Spanned<Cow<'i, str>>, &'i Spanned<DeValue<'i>>);

/// Table entries in the order they appear in the file.
fn in_file_order<'i>(table: &'i DeTable<'i>) -> Vec<Item<'i>> {
    let mut items: Vec<Item<'i>> = table.iter().collect();
    items.sort_by_key(|(key, _)| key.span().start);
    items
}

impl FileParser<'_> {
    fn place(&self, offset: usize) -> Place {
        let (line, column) = line_column(self.source, offset);
        Place {
            file: self.file.to_string(),
            line,
            column,
            rank: (self.rank, offset),
        }
    }

    fn error(&self, offset: usize, kind: KeymapErrorKind) -> KeymapError {
        self.place(offset).error(kind)
    }

    fn wrong_type(&self, span: Range<usize>, what: &str, expected: &str) -> KeymapError {
        self.error(
            span.start,
            KeymapErrorKind::WrongType {
                what: what.to_string(),
                expected: expected.to_string(),
            },
        )
    }

    fn parse<A: ActionName>(&self) -> Result<Vec<(Layer, FileLayer<A>)>, KeymapError> {
        let document = DeTable::parse(self.source).map_err(|e| {
            let offset = e.span().map_or(0, |span| span.start);
            self.error(
                offset,
                KeymapErrorKind::Syntax(e.message().trim().to_string()),
            )
        })?;
        let mut layers = Vec::new();
        for (name, value) in in_file_order(document.get_ref()) {
            let Some(layer) = Layer::from_name(name.get_ref()) else {
                let names = Layer::ALL.map(Layer::name);
                return Err(self.error(
                    name.span().start,
                    KeymapErrorKind::UnknownLayer {
                        layer: name.get_ref().to_string(),
                        suggestion: Suggestion::closest(name.get_ref(), names),
                        known: names.join(", "),
                    },
                ));
            };
            let DeValue::Table(table) = value.get_ref() else {
                return Err(self.wrong_type(value.span(), &format!("[{layer}]"), "a table"));
            };
            layers.push((layer, self.parse_layer(layer, table)?));
        }
        Ok(layers)
    }

    fn parse_layer<A: ActionName>(
        &self,
        layer: Layer,
        table: &DeTable<'_>,
    ) -> Result<FileLayer<A>, KeymapError> {
        let mut file_layer = FileLayer::default();
        for (field, value) in in_file_order(table) {
            match field.get_ref().as_ref() {
                "keys" => {
                    let DeValue::Array(items) = value.get_ref() else {
                        let what = format!("[{layer}] keys");
                        return Err(self.wrong_type(value.span(), &what, "an array of bindings"));
                    };
                    for item in items.iter() {
                        self.parse_binding(item, &mut file_layer.entries)?;
                    }
                }
                "unbind" => {
                    for (keys, _) in self.parse_on(value, "unbind")? {
                        file_layer.unbind.push(keys);
                    }
                }
                other => {
                    return Err(self.error(
                        field.span().start,
                        KeymapErrorKind::UnknownField {
                            field: other.to_string(),
                            suggestion: Suggestion::closest(other, ["keys", "unbind"]),
                        },
                    ));
                }
            }
        }
        let mut seen: Vec<&Entry<Option<A>>> = Vec::new();
        for entry in &file_layer.entries {
            if seen.iter().any(|e| e.keys == entry.keys) {
                return Err(entry.place.error(KeymapErrorKind::DuplicateKey {
                    keys: format_sequence(&entry.keys),
                    layer: layer.name().to_string(),
                }));
            }
            seen.push(entry);
        }
        Ok(file_layer)
    }

    /// One `{ on = …, run = …, desc = … }`, pushed as one entry per alternative in `on`.
    fn parse_binding<A: ActionName>(
        &self,
        item: &Spanned<DeValue<'_>>,
        entries: &mut Vec<Entry<Option<A>>>,
    ) -> Result<(), KeymapError> {
        let DeValue::Table(table) = item.get_ref() else {
            let expected = "a table like { on = \"j\", run = \"select_next\", desc = \"…\" }";
            return Err(self.wrong_type(item.span(), "a binding", expected));
        };
        let mut on = None;
        let mut run = None;
        let mut desc = None;
        for (field, value) in in_file_order(table) {
            match field.get_ref().as_ref() {
                "on" => on = Some(self.parse_on(value, "on")?),
                "run" => run = Some(self.string(value, "run")?),
                "desc" => desc = Some(self.string(value, "desc")?),
                other => {
                    return Err(self.error(
                        field.span().start,
                        KeymapErrorKind::UnknownField {
                            field: other.to_string(),
                            suggestion: Suggestion::closest(other, ["on", "run", "desc"]),
                        },
                    ));
                }
            }
        }
        let missing = |field: &str| {
            self.error(
                item.span().start,
                KeymapErrorKind::MissingField {
                    field: field.to_string(),
                },
            )
        };
        let on = on.ok_or_else(|| missing("on"))?;
        let (name, action_offset) = run.ok_or_else(|| missing("run"))?;
        // The name is resolved here, once: the trie holds the action itself.
        let action = match A::from_name(&name) {
            Some(action) => Some(action),
            None if name == NOOP => None,
            None => {
                return Err(self.error(
                    action_offset,
                    KeymapErrorKind::UnknownAction {
                        suggestion: Suggestion::closest(&name, A::ALL.iter().map(|a| a.name())),
                        action: name,
                    },
                ));
            }
        };
        let desc = match desc {
            Some((desc, _)) if !desc.trim().is_empty() => desc,
            _ if action.is_none() => String::new(),
            _ => {
                let keys = on
                    .first()
                    .map(|(k, _)| format_sequence(k))
                    .unwrap_or_default();
                return Err(self.error(item.span().start, KeymapErrorKind::MissingDesc { keys }));
            }
        };
        for (keys, offset) in on {
            entries.push(Entry {
                keys,
                action,
                desc: desc.clone(),
                place: self.place(offset),
            });
        }
        Ok(())
    }

    fn string(
        &self,
        value: &Spanned<DeValue<'_>>,
        field: &str,
    ) -> Result<(String, usize), KeymapError> {
        match value.get_ref() {
            DeValue::String(text) => Ok((text.to_string(), value.span().start)),
            _ => Err(self.wrong_type(value.span(), &format!("\"{field}\""), "a string")),
        }
    }

    /// A key sequence or an array of alternative sequences, each with its offset.
    fn parse_on(
        &self,
        value: &Spanned<DeValue<'_>>,
        field: &str,
    ) -> Result<Vec<(Vec<KeyPress>, usize)>, KeymapError> {
        let expected = "a key sequence or an array of key sequences";
        match value.get_ref() {
            DeValue::String(_) => Ok(vec![self.sequence(value)?]),
            DeValue::Array(items) if !items.is_empty() => items
                .iter()
                .map(|item| match item.get_ref() {
                    DeValue::String(_) => self.sequence(item),
                    _ => Err(self.wrong_type(item.span(), &format!("\"{field}\""), expected)),
                })
                .collect(),
            _ => Err(self.wrong_type(value.span(), &format!("\"{field}\""), expected)),
        }
    }

    /// Parses a string value as a key sequence, pointing errors at the offending key name.
    fn sequence(
        &self,
        value: &Spanned<DeValue<'_>>,
    ) -> Result<(Vec<KeyPress>, usize), KeymapError> {
        let span = value.span();
        let DeValue::String(text) = value.get_ref() else {
            return Err(self.wrong_type(span, "a key sequence", "a string"));
        };
        // Offsets inside the string are exact only when the source spells it without
        // escapes; otherwise errors point at the opening quote.
        let raw = self.source.get(span.clone()).unwrap_or_default();
        let plain = raw.len() == text.len() + 2 && raw.get(1..raw.len() - 1) == Some(text.as_ref());
        let mut keys = Vec::new();
        for token in text.split_whitespace() {
            let within = token.as_ptr() as usize - text.as_ptr() as usize;
            let offset = if plain {
                span.start + 1 + within
            } else {
                span.start
            };
            match token.parse::<KeyPress>() {
                Ok(key) => keys.push(key),
                Err(KeyParseError::Empty) => {
                    return Err(self.error(offset, KeymapErrorKind::EmptySequence));
                }
                Err(KeyParseError::UnknownKey(key)) => {
                    return Err(self.error(
                        offset,
                        KeymapErrorKind::UnknownKey {
                            hint: spaced_hint(&key),
                            key,
                        },
                    ));
                }
            }
        }
        if keys.is_empty() {
            return Err(self.error(span.start, KeymapErrorKind::EmptySequence));
        }
        Ok((keys, span.start))
    }
}

/// For `gg`-style names made of single keys, the same keys written as a sequence.
fn spaced_hint(key: &str) -> KeyHint {
    let chars: Vec<String> = key.chars().map(String::from).collect();
    let all_keys = chars.iter().all(|c| c.parse::<KeyPress>().is_ok());
    KeyHint((chars.len() > 1 && chars.len() <= 4 && all_keys).then(|| chars.join(" ")))
}
