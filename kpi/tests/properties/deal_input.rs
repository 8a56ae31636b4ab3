use kpi::DealInput;
use proptest::prelude::*;

use crate::generate::{currency, locale, valid_deal};

proptest! {
    #[test]
    fn editing_a_deal_without_changes_keeps_it(deal in valid_deal(), currency in currency(), locale in locale()) {
        prop_assert_eq!(deal.validate(), vec![]);
        // Typed amounts are whole input steps (HUF: whole forints), and typed dates
        // plausible on the day of the edit: 2036, ten years or less from every date here.
        let step = currency.input_step();
        let deal = kpi::Deal {
            amount: kpi::Money(deal.amount.minor() / step * step),
            updated_at: chrono::DateTime::from_timestamp(2_082_758_400, 0).unwrap(),
            ..deal
        };
        let data = kpi::Dataset {
            settings: kpi::Settings { currency, ..kpi::Settings::default() }.into(),
            ..kpi::Dataset::default()
        };
        let form = DealInput::from_deal(&deal, &data, locale);
        let back = form.into_deal(deal.id.clone(), deal.updated_at, currency, locale);
        prop_assert_eq!(back, Ok(deal));
    }
}
