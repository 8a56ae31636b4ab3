use kpi::Money;
use proptest::prelude::*;

use crate::generate::{currency, valid_dataset};

proptest! {
    #[test]
    fn a_currency_change_is_all_or_nothing(data in valid_dataset(), to in currency()) {
        let mut changed = data.clone();
        match changed.set_currency(to) {
            Ok(()) => {
                prop_assert_eq!(changed.settings.currency, to);
                prop_assert_eq!(changed.deals.len(), data.deals.len());
                for (after, before) in changed.deals.iter().zip(&data.deals) {
                    // Same exponent: amounts untouched, even a tombstone's beyond the cap.
                    let rescaled = data.settings.currency.exponent() != to.exponent();
                    prop_assert!(!rescaled || after.amount.minor().unsigned_abs() <= Money::MAX_AMOUNT.minor().unsigned_abs());
                    let kept = before.amount.rescale(data.settings.currency, to);
                    prop_assert_eq!(Some(after.amount), kept);
                }
                // Live deals stay valid; tombstones were never checked.
                prop_assert_eq!(changed.problems(), vec![]);
            }
            Err(error) => {
                prop_assert_eq!(&changed, &data, "nothing changed");
                prop_assert_eq!(&data.deals[error.index].id, &error.id);
            }
        }
    }

    #[test]
    fn more_decimals_and_back_is_the_identity(data in valid_dataset(), to in currency()) {
        let from = data.settings.currency;
        prop_assume!(to.exponent() >= from.exponent());
        let mut changed = data.clone();
        if changed.set_currency(to).is_ok() {
            prop_assert_eq!(changed.set_currency(from), Ok(()));
            prop_assert_eq!(changed, data);
        }
    }
}
