//! The generator's only source of randomness.
//!
//! Everything is derived from `next_u64` of a ChaCha8 stream, whose output is fixed by its
//! specification, so the data does not change when `rand` changes how it samples ranges.

use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};

/// Independent streams per part of the dataset: changing how meetings are drawn does not
/// change the cases or the contacts.
pub(super) mod stream {
    pub const CONTACTS: u64 = 1;
    pub const CASES: u64 = 2;
    pub const COURSES: u64 = 3;
    pub const MEDICAL: u64 = 4;
    pub const MEETINGS: u64 = 5;
    pub const FOLLOW_UPS: u64 = 6;
}

pub(super) struct Dice(ChaCha8Rng);

impl Dice {
    pub fn new(seed: u64, stream: u64) -> Self {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream(stream);
        Self(rng)
    }

    /// A number in `0..n` (0 when `n` is 0). Multiply-shift: a bias of at most n / 2^64.
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.0.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// An index into a collection of `n` elements.
    pub fn index(&mut self, n: usize) -> usize {
        self.below(n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + self.below((hi - lo + 1) as u64) as i64
    }

    /// True with a probability of `per_mille` / 1000.
    pub fn chance(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }

    /// A number in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.0.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.index(items.len())]
    }

    /// A value drawn by weight; the weights need not sum to anything in particular.
    pub fn weighted<T: Copy>(&mut self, items: &[(u64, T)]) -> T {
        let total: u64 = items.iter().map(|(w, _)| w).sum();
        let mut roll = self.below(total);
        for &(weight, value) in items {
            if roll < weight {
                return value;
            }
            roll -= weight;
        }
        items[items.len() - 1].1
    }

    /// `k` distinct indices out of `0..n` (all of them when `k >= n`), in drawn order.
    pub fn choose(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut all: Vec<usize> = (0..n).collect();
        let k = k.min(n);
        for i in 0..k {
            let j = i + self.index(n - i);
            all.swap(i, j);
        }
        all.truncate(k);
        all
    }

    /// A marker per element: exactly `k` of `n` are set.
    pub fn marks(&mut self, n: usize, k: usize) -> Vec<bool> {
        let mut out = vec![false; n];
        for i in self.choose(n, k) {
            out[i] = true;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_and_stream_give_the_same_numbers() {
        let a: Vec<u64> = {
            let mut d = Dice::new(7, stream::CASES);
            (0..20).map(|_| d.below(1000)).collect()
        };
        let mut d = Dice::new(7, stream::CASES);
        let b: Vec<u64> = (0..20).map(|_| d.below(1000)).collect();
        assert_eq!(a, b);
        let mut other = Dice::new(7, stream::MEETINGS);
        let c: Vec<u64> = (0..20).map(|_| other.below(1000)).collect();
        assert_ne!(a, c, "streams are independent");
    }

    #[test]
    fn ranges_stay_inside_their_bounds() {
        let mut d = Dice::new(1, 1);
        for _ in 0..2000 {
            let x = d.between(-3, 4);
            assert!((-3..=4).contains(&x));
            assert!(d.below(5) < 5);
            let u = d.unit();
            assert!((0.0..1.0).contains(&u));
        }
        assert_eq!(d.between(5, 5), 5);
        assert_eq!(d.below(0), 0);
    }

    #[test]
    fn choose_gives_distinct_indices_and_marks_count_exactly() {
        let mut d = Dice::new(3, 1);
        let mut picked = d.choose(50, 10);
        picked.sort_unstable();
        picked.dedup();
        assert_eq!(picked.len(), 10);
        assert!(picked.iter().all(|&i| i < 50));
        assert_eq!(d.choose(3, 10).len(), 3);
        assert_eq!(d.marks(40, 7).iter().filter(|m| **m).count(), 7);
    }
}
