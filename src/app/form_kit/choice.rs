//! Choices stepped with ←/→ (and space): one of a list, or yes/no. The cyclic step is written
//! here once; every list that wraps around uses [`step_index`] or [`step`].

/// `i` moved `delta` places through `len` items, wrapping around at both ends. 0 when empty.
pub fn step_index(len: usize, i: usize, delta: i32) -> usize {
    if len == 0 {
        return 0;
    }
    let len = i64::try_from(len).unwrap_or(i64::MAX);
    let i = i64::try_from(i).unwrap_or(0);
    usize::try_from((i + i64::from(delta)).rem_euclid(len)).unwrap_or(0)
}

/// The item `delta` places from `current` in `all`, wrapping around (the first when `current`
/// is not in `all`). `current` itself when `all` is empty.
pub fn step<T: Copy + PartialEq>(all: &[T], current: T, delta: i32) -> T {
    let i = all.iter().position(|x| *x == current).unwrap_or(0);
    all.get(step_index(all.len(), i, delta))
        .copied()
        .unwrap_or(current)
}

/// One of a list of options, each a (key, label): the key is what is saved (a configured
/// purpose, a target group), the label what is shown. Options of a Rust enum keep an empty key
/// and are read back by [`Choice::index`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    options: Vec<(String, String)>,
    index: usize,
}

impl Choice {
    /// The option whose key is `key`, else the first.
    pub fn new(options: Vec<(String, String)>, key: &str) -> Choice {
        let index = options.iter().position(|(k, _)| k == key).unwrap_or(0);
        Choice { options, index }
    }

    /// Options known by position (the labels of an enum's values in a fixed order).
    pub fn indexed(labels: impl IntoIterator<Item = String>, index: usize) -> Choice {
        let options: Vec<(String, String)> =
            labels.into_iter().map(|l| (String::new(), l)).collect();
        let index = index.min(options.len().saturating_sub(1));
        Choice { options, index }
    }

    /// Chooses the option `key`, adding it (as `label`) when it is not there: a purpose no
    /// longer configured, a meeting that must be a 3-partssamtale.
    pub fn select_or_add(&mut self, key: &str, label: &str) {
        match self.options.iter().position(|(k, _)| k == key) {
            Some(i) => self.index = i,
            None => {
                self.options.push((key.to_string(), label.to_string()));
                self.index = self.options.len() - 1;
            }
        }
    }

    pub fn step(&mut self, delta: i32) {
        self.index = step_index(self.options.len(), self.index, delta);
    }

    pub fn index(&self) -> usize {
        self.index
    }

    pub fn set_index(&mut self, index: usize) {
        if index < self.options.len() {
            self.index = index;
        }
    }

    /// The chosen option's key ("" when there are no options).
    pub fn key(&self) -> &str {
        self.options.get(self.index).map_or("", |(k, _)| k.as_str())
    }

    /// The chosen option's label ("" when there are no options).
    pub fn label(&self) -> &str {
        self.options.get(self.index).map_or("", |(_, l)| l.as_str())
    }

    /// The options' keys, in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.options.iter().map(|(k, _)| k.as_str())
    }

    pub fn len(&self) -> usize {
        self.options.len()
    }

    pub fn is_empty(&self) -> bool {
        self.options.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stepping_wraps_around_both_ends() {
        assert_eq!(step_index(3, 2, 1), 0);
        assert_eq!(step_index(3, 0, -1), 2);
        assert_eq!(step_index(3, 1, 4), 2);
        assert_eq!(step_index(0, 5, 1), 0, "an empty list stays at 0");
        assert_eq!(step(&['a', 'b', 'c'], 'c', 1), 'a');
        assert_eq!(
            step(&['a', 'b', 'c'], 'x', 1),
            'b',
            "unknown counts as the first"
        );
        assert_eq!(step::<char>(&[], 'x', 1), 'x');
    }

    #[test]
    fn a_choice_starts_at_its_key_and_steps_in_a_circle() {
        let options = vec![
            ("a".to_string(), "Alpha".to_string()),
            ("b".to_string(), "Beta".to_string()),
        ];
        let mut c = Choice::new(options.clone(), "b");
        assert_eq!((c.key(), c.label()), ("b", "Beta"));
        c.step(1);
        assert_eq!(c.key(), "a");
        c.step(-1);
        assert_eq!(c.key(), "b");
        assert_eq!(
            Choice::new(options.clone(), "zz").key(),
            "a",
            "an unknown key: the first"
        );
        let mut c = Choice::new(options, "a");
        c.select_or_add("b", "Beta");
        assert_eq!((c.key(), c.len()), ("b", 2));
        c.select_or_add("z", "Zeta");
        assert_eq!((c.key(), c.label(), c.len()), ("z", "Zeta", 3));
        let mut e = Choice::indexed(["x".to_string(), "y".to_string()], 9);
        assert_eq!(e.index(), 1, "clamped to the last");
        e.set_index(7);
        assert_eq!(e.index(), 1, "out of range is ignored");
        assert_eq!(Choice::indexed(Vec::new(), 0).label(), "");
    }
}
