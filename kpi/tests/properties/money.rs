use kpi::{Currency, Money, MoneyError, NumberLocale};
use proptest::prelude::*;

use crate::generate::{currency, locale};

/// The largest valid amount, [`Money::MAX_AMOUNT`], in minor units.
const CAP: i64 = Money::MAX_AMOUNT.0;

/// The amount as a parse stores it: rounded half away from zero to the currency's
/// input step (HUF whole forints; every other currency unchanged). `format` and
/// `format_plain` show every stored decimal, so this is also what reading either back
/// gives.
fn as_stored(amount: i64, currency: Currency) -> i64 {
    let step = i128::from(currency.input_step());
    let rounded = (i128::from(amount) + step / 2) / step * step;
    i64::try_from(rounded).unwrap()
}

proptest! {
    #[test]
    fn format_then_parse_gives_the_displayed_amount(amount in 0_i64..=CAP, currency in currency(), locale in locale()) {
        let text = Money(amount).format(currency, locale);
        prop_assert_eq!(Money::parse(&text, currency, locale), Ok(Money(as_stored(amount, currency))), "{:?}", text);
    }

    #[test]
    fn format_with_plain_spaces_still_parses(amount in 0_i64..=CAP, currency in currency(), locale in locale()) {
        let text = Money(amount).format(currency, locale).replace('\u{a0}', " ");
        prop_assert_eq!(Money::parse(&text, currency, locale), Ok(Money(as_stored(amount, currency))), "{:?}", text);
    }

    #[test]
    fn form_text_round_trips_exactly(amount in 0_i64..=CAP, currency in currency(), locale in locale()) {
        let amount = as_stored(amount, currency);
        let text = Money(amount).format_plain(currency, locale);
        prop_assert_eq!(Money::parse(&text, currency, locale), Ok(Money(amount)), "{:?}", text);
    }

    #[test]
    fn a_parsed_amount_is_a_whole_input_step(amount in 0_i64..=CAP, currency in currency(), locale in locale()) {
        let text = Money(amount).format_plain(currency, locale);
        let parsed = Money::parse(&text, currency, locale).unwrap();
        prop_assert_eq!(parsed.minor() % currency.input_step(), 0, "{:?}", text);
    }

    #[test]
    fn everyday_amounts_round_trip_exactly_where_no_decimals_are_hidden(amount in 0_i64..1_000_000_000, locale in locale()) {
        for currency in [Currency::Eur, Currency::Usd, Currency::Gbp, Currency::Czk, Currency::Vnd] {
            let text = Money(amount).format(currency, locale);
            prop_assert_eq!(Money::parse(&text, currency, locale), Ok(Money(amount)), "{:?}", text);
        }
    }

    #[test]
    fn amounts_above_the_cap_are_too_large(amount in (CAP + 1)..=i64::MAX, currency in currency(), locale in locale()) {
        let text = Money(amount).format_plain(currency, locale);
        prop_assert_eq!(Money::parse(&text, currency, locale), Err(MoneyError::TooLarge), "{:?}", text);
    }

    #[test]
    fn mean_lies_between_floor_and_ceiling(total in any::<i64>(), count in 1_u64..1_000_000) {
        let mean = Money::mean(Money(total), count).unwrap().minor() as f64;
        let exact = total as f64 / count as f64;
        prop_assert!((mean - exact).abs() <= 0.5 + exact.abs() * 1e-12);
    }
}

#[test]
fn every_currency_and_locale_round_trips_the_spec_examples() {
    for &currency in Currency::ALL {
        for &locale in NumberLocale::ALL {
            for amount in [0, 1, 99, 100, 123_456, 100_000_000, CAP - 1, CAP] {
                let text = Money(amount).format(currency, locale);
                assert_eq!(
                    Money::parse(&text, currency, locale),
                    Ok(Money(as_stored(amount, currency))),
                    "{text:?}"
                );
            }
        }
    }
}
