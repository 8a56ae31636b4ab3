//! A small, fast, deterministic hasher for the KPI lookups (ids → facts).
//!
//! `std`'s default hasher draws a random seed per map; `kpi` never draws random numbers
//! (rule 11) and does not need DoS resistance (the data is the user's own), so the
//! lookups use this small hasher: one xor and one folded multiply (the 128-bit product's
//! halves xor-ed, as in wyhash/foldhash) per 8 bytes, so every output bit depends on
//! every input bit — ids that differ only in their last characters spread over the
//! whole table. Iteration order of these maps is never observable in a KPI.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A hash map with [`FastHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// A hash set with [`FastHasher`].
pub(crate) type FastSet<T> = HashSet<T, BuildHasherDefault<FastHasher>>;

/// Word-at-a-time folded-multiply hasher (see the module docs). Deterministic: the same
/// input always hashes the same, on every run and platform.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FastHasher {
    hash: u64,
}

/// The start state: the fractional digits of π (any odd, well-mixed constant does).
const INIT: u64 = 0x243f_6a88_85a3_08d3;
/// The multiplier: the fractional digits of the golden ratio, odd.
const MUL: u64 = 0x9e37_79b9_7f4a_7c15;

impl Default for FastHasher {
    fn default() -> Self {
        FastHasher { hash: INIT }
    }
}

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        let product = u128::from(self.hash ^ word) * u128::from(MUL);
        self.hash = (product as u64) ^ ((product >> 64) as u64);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0_u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0_u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            // The length keeps "ab" and "ab\0" apart.
            self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u16(&mut self, i: u16) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{BuildHasher, Hash};

    fn hash<T: Hash>(value: T) -> u64 {
        BuildHasherDefault::<FastHasher>::default().hash_one(value)
    }

    #[test]
    fn same_input_same_hash() {
        let id = "0f8fad5b-d9cb-469f-a165-70867728950e";
        // No random seed: two maps (or two runs) hash alike.
        assert_eq!(hash(id), hash(String::from(id).as_str()));
        assert_eq!(hash((id, 7_i32)), hash((String::from(id).as_str(), 7_i32)));
    }

    #[test]
    fn different_ids_differ() {
        let ids: Vec<String> = (0..10_000).map(|i| format!("id-{i:06}")).collect();
        let hashes: FastSet<u64> = ids.iter().map(|id| hash(id.as_str())).collect();
        assert_eq!(hashes.len(), ids.len());
        assert_ne!(hash("ab"), hash("ab\0"));
        assert_ne!(hash(("a", 1_u32)), hash(("a", 2_u32)));
    }
}
