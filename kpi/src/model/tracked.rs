//! [`Tracked`]: a value that knows whether it may have changed, so work derived from a
//! dataset's collections (the KPI facts, the saved JSON of each collection) is redone
//! only for the collections an edit touched.
//!
//! Why a wrapper and not a list of "touched" collections kept by each command: every
//! way to change the value — a method of `Vec`, an assignment through `*`, a `&mut`
//! handed to a helper — goes through [`DerefMut`], so no edit can forget to say so.
//! The price is being conservative: a `&mut` that changes nothing still counts.

use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A value with a stamp that is new after every mutable access.
///
/// Stamps come from one counter for the whole program, so two `Tracked` with the same
/// stamp hold equal values: one is a clone of the other, and neither was touched since.
/// (A clone keeps its original's stamp; creating, deserializing or touching takes a new
/// one.) Equality, order of fields in JSON and `Debug` are those of the value alone.
pub struct Tracked<T> {
    value: T,
    stamp: u64,
}

/// A stamp no other `Tracked` has had.
fn fresh_stamp() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl<T> Tracked<T> {
    pub fn new(value: T) -> Self {
        Tracked {
            value,
            stamp: fresh_stamp(),
        }
    }

    /// Equal stamps mean equal values (see the type's docs).
    pub fn stamp(&self) -> u64 {
        self.stamp
    }

    pub fn into_inner(self) -> T {
        self.value
    }
}

impl<T> Deref for Tracked<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T> DerefMut for Tracked<T> {
    // Not inlined: there are hundreds of `&mut` sites, and each would carry the stamp's
    // update (wasm size); a call costs nothing next to the edit that follows it.
    #[inline(never)]
    fn deref_mut(&mut self) -> &mut T {
        self.stamp = fresh_stamp();
        &mut self.value
    }
}

impl<T: Clone> Clone for Tracked<T> {
    fn clone(&self) -> Self {
        Tracked {
            value: self.value.clone(),
            stamp: self.stamp,
        }
    }
}

impl<T: Default> Default for Tracked<T> {
    fn default() -> Self {
        Tracked::new(T::default())
    }
}

impl<T> From<T> for Tracked<T> {
    fn from(value: T) -> Self {
        Tracked::new(value)
    }
}

impl<T: PartialEq> PartialEq for Tracked<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<T: Eq> Eq for Tracked<T> {}

impl<T: std::fmt::Debug> std::fmt::Debug for Tracked<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.value.fmt(f)
    }
}

impl<T: Serialize> Serialize for Tracked<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Tracked<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(Tracked::new)
    }
}

impl<T> FromIterator<T> for Tracked<Vec<T>> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        Tracked::new(iter.into_iter().collect())
    }
}

impl<T> IntoIterator for Tracked<Vec<T>> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.value.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a Tracked<Vec<T>> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.value.iter()
    }
}

impl<'a, T> IntoIterator for &'a mut Tracked<Vec<T>> {
    type Item = &'a mut T;
    type IntoIter = std::slice::IterMut<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.deref_mut().iter_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::Tracked;

    #[test]
    fn every_way_of_changing_the_value_takes_a_new_stamp() {
        let mut list: Tracked<Vec<u32>> = vec![1, 2].into();
        let mut seen = vec![list.stamp()];
        let mut note = |list: &Tracked<Vec<u32>>| {
            assert!(!seen.contains(&list.stamp()), "a stamp came back");
            seen.push(list.stamp());
        };
        list.push(3);
        note(&list);
        list[0] = 7;
        note(&list);
        for x in &mut list {
            *x += 1;
        }
        note(&list);
        *list = vec![9];
        note(&list);
        fn helper(v: &mut Vec<u32>) {
            v.clear();
        }
        helper(&mut list);
        note(&list);
        assert!(list.is_empty());
    }

    #[test]
    fn reading_and_cloning_keep_the_stamp_and_new_values_take_their_own() {
        let list: Tracked<Vec<u32>> = vec![1, 2].into();
        let stamp = list.stamp();
        assert_eq!(list.iter().sum::<u32>(), 3);
        assert_eq!((&list).into_iter().count(), 2);
        let copy = list.clone();
        assert_eq!(copy.stamp(), stamp);
        assert_eq!(list.stamp(), stamp);
        let other: Tracked<Vec<u32>> = vec![1, 2].into();
        assert_ne!(other.stamp(), stamp);
        assert_eq!(other, list, "equality is the value's");
        let read: Tracked<Vec<u32>> = serde_json::from_str("[1,2]").unwrap_or_default();
        assert_ne!(read.stamp(), stamp);
        assert_eq!(serde_json::to_string(&read).ok().as_deref(), Some("[1,2]"));
    }
}
