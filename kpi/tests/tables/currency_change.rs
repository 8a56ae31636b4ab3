use kpi::Currency::{self, *};
use kpi::{CurrencyChangeError, Dataset, DealStatus, Money, Settings};

use crate::support::{deal, tombstoned};

/// A dataset in `currency` with one live deal per amount, then one tombstone with
/// `deleted`, ids "d0", "d1", … in order.
fn dataset(currency: Currency, amounts: &[i64], deleted: i64) -> Dataset {
    let mut deals: Vec<_> = amounts
        .iter()
        .map(|&a| deal(DealStatus::Open, a, "2026-11-01", ""))
        .collect();
    deals.push(tombstoned(deal(
        DealStatus::Open,
        deleted,
        "2026-11-01",
        "",
    )));
    for (i, d) in deals.iter_mut().enumerate() {
        d.id = format!("d{i}");
    }
    Dataset {
        lineage: None,
        settings: Settings {
            currency,
            ..Settings::default()
        }
        .into(),
        deals: deals.into(),
        ..Dataset::default()
    }
}

fn amounts(data: &Dataset) -> Vec<i64> {
    data.deals.iter().map(|d| d.amount.minor()).collect()
}

/// (case, from, live amounts, tombstone amount, to, expected amounts incl. tombstone)
type Row = (
    &'static str,
    Currency,
    &'static [i64],
    i64,
    Currency,
    &'static [i64],
);

#[test]
fn set_currency_keeps_major_units() {
    #[rustfmt::skip]
    let rows: &[Row] = &[
        ("EUR → USD: same exponent, unchanged (1,234.50 stays 1,234.50)", Eur, &[123_450, 1], 7, Usd, &[123_450, 1, 7]),
        ("EUR → EUR: no-op", Eur, &[123_450], 7, Eur, &[123_450, 7]),
        ("EUR → VND: 1,234.50 rounds half away from zero to 1,235", Eur, &[123_450], 50, Vnd, &[1_235, 1]),
        ("EUR → VND: 1,234.49 rounds down", Eur, &[123_449], 49, Vnd, &[1_234, 0]),
        ("EUR → VND: 1,234.51 rounds up, 0.00 stays 0", Eur, &[123_451, 0], 0, Vnd, &[1_235, 0, 0]),
        ("EUR → VND: a negative tombstone rounds away from zero too", Eur, &[100], -150, Vnd, &[1, -2]),
        ("VND → EUR: × 100 (1,235 → 1,235.00)", Vnd, &[1_235, 0], 9, Eur, &[123_500, 0, 900]),
        ("VND → EUR: the cap in EUR is reached exactly", Vnd, &[10_000_000_000_000], 1, Eur, &[1_000_000_000_000_000, 100]),
        ("HUF → CZK: both keep 2 stored decimals, fillér included", Huf, &[123_456], 50, Czk, &[123_456, 50]),
        ("GBP → HUF: unchanged", Gbp, &[99], 1, Huf, &[99, 1]),
        ("EUR → CZK: same exponent leaves even a tombstone beyond the cap alone", Eur, &[1], i64::MAX, Czk, &[1, i64::MAX]),
        ("VND → VND: no-op", Vnd, &[1_000_000_000_000_000], 3, Vnd, &[1_000_000_000_000_000, 3]),
    ];
    for (case, from, live, deleted, to, expected) in rows {
        let mut data = dataset(*from, live, *deleted);
        assert_eq!(data.set_currency(*to), Ok(()), "case {case:?}");
        assert_eq!(data.settings.currency, *to, "case {case:?}");
        assert_eq!(amounts(&data), *expected, "case {case:?}");
    }
}

/// (case, from, live amounts, tombstone amount, to, index and amount of the refused deal)
type Refused = (
    &'static str,
    Currency,
    &'static [i64],
    i64,
    Currency,
    usize,
    i64,
);

#[test]
fn set_currency_refuses_amounts_that_do_not_fit() {
    #[rustfmt::skip]
    let rows: &[Refused] = &[
        ("VND → EUR above the cap", Vnd, &[5, 10_000_000_000_001], 1, Eur, 1, 10_000_000_000_001),
        ("VND → EUR at the VND cap: 10^17 minor units", Vnd, &[1_000_000_000_000_000], 1, Eur, 0, 1_000_000_000_000_000),
        ("VND → USD overflowing i64 in a tombstone", Vnd, &[5], i64::MAX / 10, Usd, 1, i64::MAX / 10),
        ("VND → EUR: a very negative tombstone", Vnd, &[5], -10_000_000_000_001, Eur, 1, -10_000_000_000_001),
        ("EUR → VND of an amount still above the cap", Eur, &[5], i64::MAX, Vnd, 1, i64::MAX),
    ];
    for &(case, from, live, deleted, to, index, amount) in rows {
        let mut data = dataset(from, live, deleted);
        let before = data.clone();
        let expected = CurrencyChangeError {
            kind: kpi::RecordKind::Deal,
            index,
            id: format!("d{index}"),
            amount: Money(amount),
            from,
            to,
        };
        assert_eq!(data.set_currency(to), Err(expected), "case {case:?}");
        assert_eq!(data, before, "case {case:?}: nothing changed");
    }
}

#[test]
fn currency_change_error_names_the_deal() {
    let error = CurrencyChangeError {
        kind: kpi::RecordKind::Deal,
        index: 1,
        id: "d1".into(),
        amount: Money(10_000_000_000_001),
        from: Vnd,
        to: Eur,
    };
    assert_eq!(
        error.to_string(),
        "data.deals[1] (id \"d1\"): the amount 10000000000001 VND would exceed the largest \
         amount in EUR (10000000000000.00 EUR)"
    );
}

#[test]
fn money_rescale_table() {
    // (case, minor, from, to, expected)
    #[rustfmt::skip]
    let rows: &[(&str, i64, Currency, Currency, Option<i64>)] = &[
        ("same exponent", 123_456, Eur, Czk, Some(123_456)),
        ("to fewer decimals: half rounds up", 150, Eur, Vnd, Some(2)),
        ("to fewer decimals: below half rounds down", 149, Eur, Vnd, Some(1)),
        ("to fewer decimals: negative half rounds away from zero", -150, Eur, Vnd, Some(-2)),
        ("to more decimals", 7, Vnd, Gbp, Some(700)),
        ("to more decimals: overflow", i64::MAX / 100 + 1, Vnd, Eur, None),
        ("to more decimals: largest that fits", i64::MAX / 100, Vnd, Eur, Some(i64::MAX / 100 * 100)),
        ("smallest i64 to fewer decimals", i64::MIN, Eur, Vnd, Some(-92_233_720_368_547_758)),
        ("largest i64 to fewer decimals", i64::MAX, Eur, Vnd, Some(92_233_720_368_547_758)),
    ];
    for &(case, minor, from, to, expected) in rows {
        assert_eq!(
            Money(minor).rescale(from, to).map(Money::minor),
            expected,
            "case {case:?}"
        );
    }
}
