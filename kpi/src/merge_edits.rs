//! Merging another tab's save into this tab's data when both tabs may have changed the
//! same record since this tab last saved. [`Dataset::merge`] keeps the newer version
//! of a record whole, so of two tabs that edit one deal within a moment (one its
//! amount, the other its stage) the first edit was silently lost.
//!
//! Convention: `base` is the saved copy this tab last wrote or took in — the version
//! both edits started from. A record changed on one side only is taken from that side.
//! A record changed on both sides is merged field by field: each field takes the side
//! that changed it; a field both changed to different values takes the newer record's
//! value and is reported as a [`Clash`], so the user can be told. The merged record's
//! `updated_at` is one millisecond after the later of the two, so that it supersedes
//! both copies in every tab (two edits in one millisecond would otherwise tie, and a
//! tie keeps each tab's own). Everything else (settings, lineages, records one side lacks,
//! tombstones against a base that had the record live or not at all) follows
//! [`Dataset::merge`].

use std::collections::HashMap;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::model::{for_each_kind, Dataset, Record, RecordId, RecordKind, Stored};

/// A field two tabs changed to different values in one record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clash {
    pub kind: RecordKind,
    pub id: RecordId,
    /// The fields (as saved, e.g. `amount`) both sides changed differently.
    pub fields: Vec<String>,
}

impl Dataset {
    /// Merges `theirs` into `self`, field by field where both changed a record since
    /// `base` (see the module docs). Returns how many records (and settings) of `self`
    /// changed, and the clashes.
    pub fn merge_edits(&mut self, theirs: &Dataset, base: &Dataset) -> (usize, Vec<Clash>) {
        if theirs.lineage != self.lineage || base.lineage != self.lineage {
            return (self.merge(theirs), Vec::new());
        }
        let mut changed = 0;
        let mut clashes = Vec::new();
        // Records both sides changed are merged first; what is left is the record rule.
        macro_rules! both_changed {
            ($type:ty) => {
                changed += merge_collection(
                    <$type as Stored>::all_mut(self),
                    <$type as Stored>::all(theirs),
                    <$type as Stored>::all(base),
                    <$type as Stored>::KIND,
                    &mut clashes,
                );
            };
        }
        for_each_kind!(both_changed);
        (changed + self.merge(theirs), clashes)
    }
}

fn merge_collection<T: Stored + Serialize + DeserializeOwned + PartialEq>(
    ours: &mut [T],
    theirs: &[T],
    base: &[T],
    kind: RecordKind,
    clashes: &mut Vec<Clash>,
) -> usize {
    if theirs.is_empty() || ours.is_empty() {
        return 0;
    }
    let base: HashMap<&str, &T> = base.iter().map(|r| (r.id(), r)).collect();
    let position: HashMap<String, usize> = ours
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id().to_owned(), i))
        .collect();
    let mut changed = 0;
    for their in theirs {
        let (Some(&i), Some(&before)) = (position.get(their.id()), base.get(their.id())) else {
            continue;
        };
        let our = &ours[i];
        if our == their || our == before || their == before {
            // One side (or neither) changed it: the record rule decides.
            continue;
        }
        if let Some((merged, fields)) = merge_fields(before, our, their) {
            if !fields.is_empty() {
                clashes.push(Clash {
                    kind,
                    id: their.id().to_owned(),
                    fields,
                });
            }
            if merged != ours[i] {
                ours[i] = merged;
                changed += 1;
            }
        }
    }
    changed
}

/// `our` and `their` merged field by field against `before`, with the fields both
/// changed differently; `None` when a record is not a JSON object or the merged one
/// does not read back (the record rule then decides).
fn merge_fields<T: Record + Serialize + DeserializeOwned>(
    before: &T,
    our: &T,
    their: &T,
) -> Option<(T, Vec<String>)> {
    // Through JSON text: the records' text (de)serializers are in the app already
    // (saving and loading use them), and the merge itself is one function for all
    // kinds, not one copy per record type (measured: 2 KB of gzipped wasm each way).
    let text = |record: &T| serde_json::to_string(record).ok();
    let ours_newer = our.updated_at() > their.updated_at();
    let (merged, fields) = merge_json(&text(before)?, &text(our)?, &text(their)?, ours_newer)?;
    let mut record: T = serde_json::from_str(&merged).ok()?;
    let later = our.updated_at().max(their.updated_at()) + chrono::Duration::milliseconds(1);
    let deleted = record.deleted_at();
    record.stamp(later, deleted);
    Some((record, fields))
}

/// The field merge of three JSON objects (see the module docs): `their` with each
/// field `our` changed since `before`, unless `their` changed it too (a clash: the
/// newer side's value). `updated_at` is left to the caller.
fn merge_json(
    before: &str,
    our: &str,
    their: &str,
    ours_newer: bool,
) -> Option<(String, Vec<String>)> {
    let object = |text: &str| serde_json::from_str::<Map<String, Value>>(text).ok();
    let (before_map, our_map, their_map) = (object(before)?, object(our)?, object(their)?);
    let mut merged: Map<String, Value> = their_map.clone();
    let mut fields = Vec::new();
    let keys: std::collections::BTreeSet<&String> =
        before_map.keys().chain(our_map.keys()).collect();
    for key in keys {
        if key == "updated_at" {
            continue;
        }
        let (was, mine, theirs) = (before_map.get(key), our_map.get(key), their_map.get(key));
        if mine == was || mine == theirs {
            continue;
        }
        if theirs != was {
            fields.push(key.clone());
            if !ours_newer {
                continue;
            }
        }
        match mine {
            Some(value) => merged.insert(key.clone(), value.clone()),
            None => merged.remove(key),
        };
    }
    let text = serde_json::to_string(&Value::Object(merged)).ok()?;
    Some((text, fields))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_dataset;
    use chrono::{DateTime, Duration, NaiveDate};

    fn demo() -> (Dataset, DateTime<chrono::Utc>) {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default();
        let now = DateTime::from_timestamp(1_795_000_000, 0).unwrap_or_default();
        (demo_dataset(today, now), now)
    }

    #[test]
    fn two_tabs_editing_one_deal() {
        let (base, now) = demo();
        let (first, second) = (now + Duration::seconds(1), now + Duration::seconds(2));
        type Edit = fn(&mut crate::Deal);
        type Case = (&'static str, Edit, Edit, &'static str, i64, Vec<String>);
        #[rustfmt::skip]
        let cases: [Case; 3] = [
            ("different fields: both kept", |d| d.title = "Ours".into(), |d| d.amount.0 = 777, "Ours", 777, vec![]),
            ("the same field alike: no clash", |d| d.amount.0 = 5, |d| d.amount.0 = 5, "", 5, vec![]),
            ("the same field differently: the newer (theirs) wins, told", |d| d.amount.0 = 1, |d| d.amount.0 = 2, "", 2, vec!["amount".to_string()]),
        ];
        for (case, edit_ours, edit_theirs, title, amount, clash) in cases {
            let mut ours = base.clone();
            let mut theirs = base.clone();
            edit_ours(&mut ours.deals[0]);
            ours.deals[0].updated_at = first;
            edit_theirs(&mut theirs.deals[0]);
            theirs.deals[0].updated_at = second;
            let (_, clashes) = ours.merge_edits(&theirs, &base);
            let deal = &ours.deals[0];
            let expected_title = if title.is_empty() {
                base.deals[0].title.as_str()
            } else {
                title
            };
            assert_eq!(deal.title, expected_title, "{case}");
            assert_eq!(deal.amount.0, amount, "{case}");
            assert_eq!(
                deal.updated_at,
                second + Duration::milliseconds(1),
                "{case}"
            );
            let fields: Vec<String> = clashes.into_iter().flat_map(|c| c.fields).collect();
            assert_eq!(fields, clash, "{case}");
        }
    }
}
