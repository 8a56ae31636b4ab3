use std::collections::HashMap;

use kpi::Dataset;
use proptest::prelude::*;

use crate::generate::any_dataset;

/// The newest `updated_at` per id across both datasets.
fn newest(a: &Dataset, b: &Dataset) -> HashMap<String, chrono::DateTime<chrono::Utc>> {
    let mut newest = HashMap::new();
    for deal in a.deals.iter().chain(&b.deals) {
        let at = newest.entry(deal.id.clone()).or_insert(deal.updated_at);
        *at = (*at).max(deal.updated_at);
    }
    newest
}

/// One record per id, as validated data has.
fn unique_ids(mut data: Dataset) -> Dataset {
    let mut seen = std::collections::HashSet::new();
    data.deals.retain(|d| seen.insert(d.id.clone()));
    data
}

proptest! {
    #[test]
    fn merging_twice_changes_nothing(a in any_dataset(), b in any_dataset()) {
        let (a, b) = (unique_ids(a), unique_ids(b));
        let mut once = a.clone();
        once.merge(&b);
        let mut twice = once.clone();
        prop_assert_eq!(twice.merge(&b), 0);
        prop_assert_eq!(twice, once);
    }

    #[test]
    fn nothing_is_dropped_and_the_newest_version_wins(a in any_dataset(), b in any_dataset()) {
        let (a, b) = (unique_ids(a), unique_ids(b));
        let mut merged = a.clone();
        merged.merge(&b);
        let expected = newest(&a, &b);
        prop_assert_eq!(merged.deals.len(), expected.len());
        for deal in &merged.deals {
            prop_assert_eq!(Some(&deal.updated_at), expected.get(&deal.id));
        }
    }

    #[test]
    fn merge_order_does_not_change_which_versions_win(a in any_dataset(), b in any_dataset()) {
        let (a, b) = (unique_ids(a), unique_ids(b));
        let (mut ab, mut ba) = (a.clone(), b.clone());
        ab.merge(&b);
        ba.merge(&a);
        let stamps = |d: &Dataset| {
            let mut v: Vec<_> = d.deals.iter().map(|x| (x.id.clone(), x.updated_at)).collect();
            v.sort();
            v
        };
        prop_assert_eq!(stamps(&ab), stamps(&ba));
    }
}
