use kpi::DealInput;
use proptest::prelude::*;

use crate::generate::{currency, locale, valid_deal};

proptest! {
    #[test]
    fn editing_a_deal_without_changes_keeps_it(deal in valid_deal(), currency in currency(), locale in locale()) {
        prop_assert_eq!(deal.validate(), vec![]);
        let data = kpi::Dataset {
            settings: kpi::Settings { currency, ..kpi::Settings::default() }.into(),
            ..kpi::Dataset::default()
        };
        let form = DealInput::from_deal(&deal, &data, locale);
        let back = form.into_deal(deal.id.clone(), deal.updated_at, currency, locale);
        prop_assert_eq!(back, Ok(deal));
    }
}
