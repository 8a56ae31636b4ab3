use chrono::Duration;
use kpi::Money;
use proptest::prelude::*;

use crate::generate::valid_dataset;

proptest! {
    /// Two tabs change different fields of the same deals (one the titles, the other
    /// the amounts) from one saved copy: whichever merges the other's save, every
    /// deal keeps both changes, and both tabs end with the same deals.
    #[test]
    fn edits_of_different_fields_both_survive_and_both_tabs_agree(
        base in valid_dataset(),
        edited in prop::collection::vec(any::<bool>(), 12),
        later in 0_i64..3,
    ) {
        let mut ours = base.clone();
        let mut theirs = base.clone();
        for (i, &edit) in edited.iter().enumerate().take(base.deals.len()) {
            if !edit { continue; }
            let stamp = base.deals[i].updated_at + Duration::seconds(1);
            ours.deals[i].title.push_str(" (ours)");
            ours.deals[i].updated_at = stamp;
            theirs.deals[i].amount = Money(theirs.deals[i].amount.0 / 2);
            theirs.deals[i].updated_at = stamp + Duration::seconds(later);
        }
        let mut here = ours.clone();
        let (_, clashes) = here.merge_edits(&theirs, &base);
        prop_assert!(clashes.iter().all(|c| c.fields.is_empty() || c.fields == ["amount"]), "{:?}", clashes);
        let mut there = theirs.clone();
        there.merge_edits(&ours, &base);
        for (i, deal) in here.deals.iter().enumerate() {
            prop_assert_eq!(&deal.title, &ours.deals[i].title);
            prop_assert_eq!(deal.amount, theirs.deals[i].amount);
        }
        prop_assert_eq!(&here.deals[..], &there.deals[..]);
    }

    /// With no edits of its own (the base is this copy), merging is the record rule.
    #[test]
    fn without_own_edits_it_is_the_plain_merge(base in valid_dataset(), theirs in valid_dataset()) {
        let mut plain = base.clone();
        plain.merge(&theirs);
        let mut edits = base.clone();
        let (_, clashes) = edits.merge_edits(&theirs, &base);
        prop_assert_eq!(edits, plain);
        prop_assert!(clashes.is_empty());
    }
}
