//! Saved text in parts, so that no stored value nears a browser's cap on one value
//! (Chromium's IndexedDB refuses a value past 133,169,152 bytes serialized, and a
//! string with any character outside Latin-1 is stored at two bytes a character:
//! about 66 M characters of Vietnamese, Czech or Hungarian data).
//!
//! A text longer than [`PART_BYTES`] is stored as an **index** under its own key and
//! its **parts** under [`part_key`]`(key, i)`. The parts, joined in order, are the text
//! byte for byte. The index lists each part's length and a 64-bit sum of its bytes:
//! joining checks both, so a set of parts from two different saves (torn) is refused,
//! never loaded silently.
//!
//! Where a part ends is chosen by the text around the cut, not by its position: the
//! first `},{` (the end of one record and the start of the next in the JSON of a
//! collection) at or after [`PART_BYTES`] from the part's start. An edit then changes
//! the part it falls in, and the parts after it come out the same, so a save writes
//! only the parts whose sum changed. A saved envelope's head (`app`, `version`,
//! `revision`, `saved_at`), which changes on every save, is a part of its own.
//!
//! The index looks like an envelope of version [`SPLIT_VERSION`], far beyond any real
//! one: an app from before this format opens it read-only (a newer version's data)
//! instead of setting it aside as damaged and writing over it.
//!
//! ```json
//! {"app":"salesboard","version":1000000,"split":1,"revision":17,"parts":[[96,"9b1c…"],[4194310,"03fe…"]]}
//! ```

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{peek_revision, APP_ID};

/// The length (UTF-8 bytes) a part reaches before it looks for a record boundary to
/// end at; texts up to this length are stored whole, as before this format.
pub const PART_BYTES: usize = 4 << 20;

/// The version an index claims (see the module docs).
pub const SPLIT_VERSION: u32 = 1_000_000;

/// How far into the text the envelope head may end (past `"data":{`).
const HEAD_BYTES: usize = 200;

/// The key of part `i` of the text stored under `key`.
pub fn part_key(key: &str, i: usize) -> String {
    format!("{key}#{i}")
}

/// True for a key [`part_key`] makes (a part, never read as a text of its own).
pub fn is_part_key(key: &str) -> bool {
    key.rsplit_once('#')
        .is_some_and(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// True when `text` must be stored in parts.
pub fn needs_split(text: &str) -> bool {
    text.len() > PART_BYTES
}

/// The parts of `text` (see the module docs); one part when it is short.
pub fn split(text: &str) -> Vec<&str> {
    split_at_most(text, PART_BYTES)
}

/// [`split`] with another part length: the tests split small texts into many parts.
pub fn split_at_most(text: &str, part_bytes: usize) -> Vec<&str> {
    let part_bytes = part_bytes.max(1);
    let mut parts = Vec::new();
    let mut start = 0;
    if text.len() > part_bytes {
        if let Some(head) = head_end(text) {
            parts.push(&text[..head]);
            start = head;
        }
    }
    while text.len() - start > part_bytes {
        let end = cut(text, start, part_bytes);
        parts.push(&text[start..end]);
        start = end;
    }
    if start < text.len() || parts.is_empty() {
        parts.push(&text[start..]);
    }
    parts
}

/// The end of an envelope's head (just after `"data":{`), if `text` is an envelope.
fn head_end(text: &str) -> Option<usize> {
    const DATA: &str = "\"data\":{";
    if !text.starts_with("{\"app\":\"salesboard\"") {
        return None;
    }
    let window = floor_char_boundary(text, HEAD_BYTES.min(text.len()));
    text[..window].find(DATA).map(|at| at + DATA.len())
}

/// Where the part starting at `start` ends: just after the first `},` of a `},{` at
/// or after `part_bytes` into it; without one within twice that, at twice that (on a
/// character boundary: one record larger than a part is cut inside).
fn cut(text: &str, start: usize, part_bytes: usize) -> usize {
    let from = floor_char_boundary(text, start + part_bytes);
    let limit = floor_char_boundary(text, (start + 2 * part_bytes).min(text.len()));
    let boundary = text[from..limit].find("},{").map(|at| from + at + 2);
    let end = boundary.unwrap_or(limit);
    // Always move on, even when a character is longer than a part.
    match end > start {
        true => end,
        false => ceil_char_boundary(text, start + 1),
    }
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_char_boundary(text: &str, mut at: usize) -> usize {
    while at < text.len() && !text.is_char_boundary(at) {
        at += 1;
    }
    at.min(text.len())
}

/// A part as the index names it: its length in bytes and the sum of its bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartSum {
    pub len: usize,
    pub sum: u64,
}

impl PartSum {
    /// The length and sum of `part`.
    pub fn of(part: &str) -> Self {
        Self {
            len: part.len(),
            sum: checksum(part.as_bytes()),
        }
    }
}

/// A 64-bit sum of `bytes`, eight at a time (fast on megabytes). Not cryptographic:
/// it tells a part of another save from the one the index names. Each step is a
/// bijection of the running sum, so two texts of one length that differ in one
/// 8-byte word always differ in their sums.
pub fn checksum(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut sum = (bytes.len() as u64).wrapping_mul(K) ^ 0x2545_F491_4F6C_DD1D;
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let mut w = [0u8; 8];
        w.copy_from_slice(word);
        sum = (sum ^ u64::from_le_bytes(w)).wrapping_mul(K);
        sum ^= sum >> 29;
    }
    let mut tail = [0u8; 8];
    tail[..words.remainder().len()].copy_from_slice(words.remainder());
    sum = (sum ^ u64::from_le_bytes(tail)).wrapping_mul(K);
    sum ^ (sum >> 32)
}

/// What is stored under the key of a text kept in parts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartIndex {
    /// The envelope revision of the whole text, when it is an envelope: the revision
    /// check before a save reads the small index, not megabytes.
    pub revision: Option<u64>,
    pub parts: Vec<PartSum>,
}

#[derive(Serialize, Deserialize)]
struct IndexText {
    app: String,
    version: u32,
    split: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    revision: Option<u64>,
    parts: Vec<(usize, String)>,
}

impl PartIndex {
    /// The index of `text` split into `parts`.
    pub fn of(text: &str, parts: &[&str]) -> Self {
        Self {
            revision: peek_revision(text),
            parts: parts.iter().map(|part| PartSum::of(part)).collect(),
        }
    }

    /// The index's text (fields in a fixed order: `revision` within the first bytes).
    pub fn encode(&self) -> String {
        let text = IndexText {
            app: APP_ID.into(),
            version: SPLIT_VERSION,
            split: 1,
            revision: self.revision,
            parts: self
                .parts
                .iter()
                .map(|p| (p.len, format!("{:016x}", p.sum)))
                .collect(),
        };
        // Plain data with string keys cannot fail to serialize.
        serde_json::to_string(&text).unwrap_or_default()
    }

    /// The index in `text`, or `None` when `text` is not one (a text stored whole).
    pub fn parse(text: &str) -> Option<Self> {
        if !is_index(text) {
            return None;
        }
        let index: IndexText = serde_json::from_str(text).ok()?;
        let parts = index
            .parts
            .into_iter()
            .map(|(len, sum)| {
                Some(PartSum {
                    len,
                    sum: u64::from_str_radix(&sum, 16).ok()?,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Self {
            revision: index.revision,
            parts,
        })
    }

    /// The whole text from its parts, each checked against this index. `parts[i]` is
    /// what is stored under part `i`'s key (`None`: nothing is).
    pub fn join(&self, parts: &[Option<&str>]) -> Result<String, TornParts> {
        let count = self.parts.len();
        let mut text = String::with_capacity(self.parts.iter().map(|p| p.len).sum());
        for (i, expected) in self.parts.iter().enumerate() {
            let part = parts
                .get(i)
                .copied()
                .flatten()
                .ok_or(TornParts::Missing { part: i, count })?;
            if PartSum::of(part) != *expected {
                return Err(TornParts::OtherSave { part: i, count });
            }
            text.push_str(part);
        }
        Ok(text)
    }
}

/// True for text [`PartIndex::encode`] writes (cheap: the head only).
pub fn is_index(text: &str) -> bool {
    text.starts_with("{\"app\":\"salesboard\",\"version\":1000000,\"split\":")
}

/// Why the parts of a text do not make it whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TornParts {
    /// Part `part` (counted from 0) of `count` is not stored.
    Missing { part: usize, count: usize },
    /// Part `part` is not the one the index names: it belongs to another save.
    OtherSave { part: usize, count: usize },
}

impl fmt::Display for TornParts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TornParts::Missing { part, count } => write!(
                f,
                "the saved data is incomplete: part {} of {count} is missing",
                part + 1
            ),
            TornParts::OtherSave { part, count } => write!(
                f,
                "the saved data is incomplete: part {} of {count} belongs to another save",
                part + 1
            ),
        }
    }
}

impl std::error::Error for TornParts {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_key_is_told_from_a_key() {
        assert!(is_part_key(&part_key("salesboard.data", 12)));
        assert!(!is_part_key("salesboard.data"));
        assert!(!is_part_key("salesboard.quarantine.2026-11-15T10:00:00Z"));
        assert!(!is_part_key("a#"));
    }
}
