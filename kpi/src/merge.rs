//! Merging two copies of a dataset — another tab's save, later a rep's exported file —
//! record by record, so that neither side's edits are lost.
//!
//! Convention: for each deal id the version with the later `updated_at` wins; a
//! tombstone is a version like any other, so a deletion newer than an edit wins and an
//! edit newer than a deletion brings the deal back. On equal `updated_at` the copy
//! being merged into is kept. Records only one side has are kept. The settings with the
//! later `updated_at` win (settings never changed count as oldest). Copies of different
//! lineages (an erase, restore or demo load in between) are not mixed: the copy whose
//! lineage started later is kept whole.

use crate::model::Dataset;
use std::collections::HashMap;

impl Dataset {
    /// Merges `other` into `self` (see the module docs); linear in the number of deals.
    /// Returns how many deals (and settings) of `self` were added or replaced.
    pub fn merge(&mut self, other: &Dataset) -> usize {
        if other.lineage != self.lineage {
            let started = |data: &Dataset| data.lineage.as_ref().map(|l| l.started_at);
            if started(other) > started(self) {
                *self = other.clone();
                return self.deals.len() + 1;
            }
            return 0;
        }
        let mut position: HashMap<&str, usize> = HashMap::with_capacity(self.deals.len());
        for (index, deal) in self.deals.iter().enumerate() {
            position.insert(deal.id.as_str(), index);
        }
        let mut replaced = Vec::new();
        let mut added = Vec::new();
        for theirs in &other.deals {
            match position.get(theirs.id.as_str()) {
                Some(&index) if theirs.updated_at > self.deals[index].updated_at => {
                    replaced.push((index, theirs.clone()))
                }
                Some(_) => {}
                None => added.push(theirs.clone()),
            }
        }
        let mut changed = replaced.len() + added.len();
        if other.settings.updated_at > self.settings.updated_at {
            self.settings = other.settings.clone();
            changed += 1;
        }
        for (index, deal) in replaced {
            self.deals[index] = deal;
        }
        self.deals.extend(added);
        changed
    }
}
