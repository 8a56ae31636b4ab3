use kpi::Currency::{self, *};
use kpi::Money;
use kpi::MoneyError::{self, *};
use kpi::NumberLocale::{self, *};

type Row = (
    &'static str,
    &'static str,
    Currency,
    NumberLocale,
    Result<i64, MoneyError>,
);

#[rustfmt::skip]
const ROWS: &[Row] = &[
    ("zero", "0", Eur, En, Ok(0)),
    ("zero with decimals in de", "0,00 €", Eur, De, Ok(0)),
    ("en grouping and decimals", "1,234.56", Eur, En, Ok(123_456)),
    ("de grouping and decimals", "1.234,56", Eur, De, Ok(123_456)),
    ("vi grouping and decimals", "1.234,56", Usd, Vi, Ok(123_456)),
    ("cs NBSP groups", "1\u{a0}234,56", Czk, Cs, Ok(123_456)),
    ("cs narrow NBSP groups", "1\u{202f}234,56", Czk, Cs, Ok(123_456)),
    ("cs plain space groups", "1 234,56", Czk, Cs, Ok(123_456)),
    ("cs with symbol after NBSP", "1\u{a0}234,56\u{a0}Kč", Czk, Cs, Ok(123_456)),
    ("hu forints with symbol", "1\u{a0}235\u{a0}Ft", Huf, Hu, Ok(123_500)),
    ("de single dot, not 3 digits after: decimal", "12.5", Eur, De, Ok(1_250)),
    ("de single dot, 3 digits after: thousands", "1.234", Eur, De, Ok(123_400)),
    ("de single comma, 3 digits after: too many decimals", "1,234", Eur, De, Err(TooManyDecimals)),
    ("en single comma, 3 digits after: thousands", "1,234", Eur, En, Ok(123_400)),
    ("en single dot, 3 digits after: too many decimals", "1.234", Eur, En, Err(TooManyDecimals)),
    ("hu single dot is a decimal, HUF rounds half up to whole forints", "1.5", Huf, Hu, Ok(200)),
    ("HUF 1,40 Ft is stored as 1 Ft", "1,40", Huf, Hu, Ok(100)),
    ("HUF 1,49 Ft rounds down", "1,49 Ft", Huf, Hu, Ok(100)),
    ("HUF 1 234,50 rounds half away from zero", "1\u{a0}234,50", Huf, Hu, Ok(123_500)),
    ("HUF whole forints unchanged", "1235", Huf, Hu, Ok(123_500)),
    ("EUR cents are not rounded", "1,49", Eur, De, Ok(149)),
    ("CZK haléř are not rounded", "1,49", Czk, Cs, Ok(149)),
    ("hu single dot, 3 digits after: too many decimals", "1.234", Huf, Hu, Err(TooManyDecimals)),
    ("leading zero is never a thousands group", "0.500", Eur, De, Err(TooManyDecimals)),
    ("4 digits before a lone dot: decimal", "1234.56", Eur, De, Ok(123_456)),
    ("plain dot decimal in en", "1234.56", Eur, En, Ok(123_456)),
    ("plain comma decimal in en", "1234,56", Eur, En, Ok(123_456)),
    ("plain comma decimal in de", "1234,56", Eur, De, Ok(123_456)),
    ("repeated dots group thousands", "1.234.567", Vnd, Vi, Ok(1_234_567)),
    ("single dot group in VND vi", "1.234", Vnd, Vi, Ok(1_234)),
    ("VND has no decimals", "12,5", Vnd, Vi, Err(TooManyDecimals)),
    ("en VND with symbol first", "₫1,234,567", Vnd, En, Ok(1_234_567)),
    ("symbol with a gap", "€ 5", Eur, En, Ok(500)),
    ("symbol before, no gap", "€1,234.56", Eur, En, Ok(123_456)),
    ("symbol after with NBSP", "1.234,56\u{a0}€", Eur, De, Ok(123_456)),
    ("symbol after, no gap", "5€", Eur, De, Ok(500)),
    ("ISO code before", "EUR 12.50", Eur, En, Ok(1_250)),
    ("ISO code after, lower case", "12,50 eur", Eur, De, Ok(1_250)),
    ("dollar", "$1,234.56", Usd, En, Ok(123_456)),
    ("pound", "£12.34", Gbp, En, Ok(1_234)),
    ("surrounding spaces of any kind", " \u{a0}\t42\u{202f} ", Eur, En, Ok(4_200)),
    ("leading decimal separator", ".5", Eur, En, Ok(50)),
    ("trailing decimal separator", "5.", Eur, En, Ok(500)),
    ("leading zeros", "007", Eur, En, Ok(700)),
    ("exactly the amount cap (10^15 minor units)", "10,000,000,000,000.00", Eur, En, Ok(1_000_000_000_000_000)),
    ("one cent past the amount cap", "10000000000000.01", Eur, En, Err(TooLarge)),
    ("exactly the cap in VND", "1.000.000.000.000.000", Vnd, Vi, Ok(1_000_000_000_000_000)),
    ("one đồng past the cap", "1000000000000001", Vnd, Vi, Err(TooLarge)),
    ("i64::MAX minor units: beyond the cap", "92233720368547758.07", Eur, En, Err(TooLarge)),
    ("beyond i64", "92233720368547758.08", Eur, En, Err(TooLarge)),
    ("huge", "99999999999999999999", Eur, En, Err(TooLarge)),
    ("huge VND", "9223372036854775808", Vnd, Vi, Err(TooLarge)),
    ("negative beats too large", "-99999999999999999999", Eur, En, Err(Negative)),
    ("three decimals", "0.001", Eur, En, Err(TooManyDecimals)),
    ("three decimals even if zero", "1.230", Eur, En, Err(TooManyDecimals)),
    ("empty", "", Eur, En, Err(Empty)),
    ("spaces only", "  \u{a0} ", Eur, En, Err(Empty)),
    ("symbol only", "€", Eur, En, Err(Empty)),
    ("minus", "-3", Eur, En, Err(Negative)),
    ("unicode minus", "−3", Eur, En, Err(Negative)),
    ("minus before symbol", "-€5", Eur, En, Err(Negative)),
    ("minus after symbol", "€ -5", Eur, En, Err(Negative)),
    ("minus beats too many decimals", "-0.001", Eur, En, Err(Negative)),
    ("minus alone", "-", Eur, En, Err(NotANumber)),
    ("minus before garbage", "-abc", Eur, En, Err(NotANumber)),
    ("garbage", "abc", Eur, En, Err(NotANumber)),
    ("broken groups in en", "1.2.3", Eur, En, Err(NotANumber)),
    ("broken groups in de", "1.2.3", Eur, De, Err(NotANumber)),
    ("space group of 2 digits", "12 34", Eur, Cs, Err(NotANumber)),
    ("first group of 4 digits", "1234,567,890", Vnd, En, Err(NotANumber)),
    ("4 digits before a lone comma: decimal", "1234,567", Vnd, En, Err(TooManyDecimals)),
    ("two decimal commas", "1.234,5,6", Eur, De, Err(NotANumber)),
    ("mixed space and dot grouping", "1 234.567,89", Eur, De, Err(NotANumber)),
    ("separator only", ".", Eur, En, Err(NotANumber)),
    ("plus sign", "+5", Eur, En, Err(NotANumber)),
    ("exponent notation", "1e5", Eur, En, Err(NotANumber)),
    ("another currency's symbol", "$5", Eur, En, Err(NotANumber)),
    ("another currency's code", "USD 5", Eur, En, Err(NotANumber)),
    ("non-ASCII digits", "١٢", Eur, En, Err(NotANumber)),
    ("space after the decimal separator", "1,5 6", Eur, De, Err(NotANumber)),
];

#[test]
fn money_parse_table() {
    for (case, input, currency, locale, expected) in ROWS {
        let got = Money::parse(input, *currency, *locale).map(Money::minor);
        assert_eq!(
            got, *expected,
            "case {case:?}: {input:?} {currency:?} {locale:?}"
        );
    }
}

#[test]
fn money_error_ids_and_messages() {
    let rows = [
        (Empty, "empty"),
        (NotANumber, "not_a_number"),
        (Negative, "negative"),
        (TooManyDecimals, "too_many_decimals"),
        (TooLarge, "too_large"),
    ];
    for (error, id) in rows {
        assert_eq!(error.id(), id);
        assert!(!error.to_string().is_empty(), "{id} has a message");
    }
}

#[test]
fn currency_codes_and_exponents() {
    // (case, currency, code, symbol, exponent, display decimals)
    let rows = [
        ("euro", Eur, "EUR", "€", 2, 2),
        ("US dollar", Usd, "USD", "$", 2, 2),
        ("pound", Gbp, "GBP", "£", 2, 2),
        ("koruna", Czk, "CZK", "Kč", 2, 2),
        ("forint: 2 stored, 0 shown", Huf, "HUF", "Ft", 2, 0),
        ("dong: no minor unit", Vnd, "VND", "₫", 0, 0),
    ];
    for (case, currency, code, symbol, exponent, shown) in rows {
        assert_eq!(currency.code(), code, "{case}");
        assert_eq!(currency.symbol(), symbol, "{case}");
        assert_eq!(currency.exponent(), exponent, "{case}");
        assert_eq!(currency.display_decimals(), shown, "{case}");
        assert_eq!(Currency::from_code(code), Some(currency), "{case}");
        assert_eq!(
            serde_json::to_string(&currency).unwrap(),
            format!("\"{code}\""),
            "{case}"
        );
    }
    assert_eq!(Currency::ALL.len(), 6);
    assert_eq!(Currency::default(), Eur);
    assert_eq!(Currency::from_code(" czk "), Some(Czk));
    assert_eq!(Currency::from_code("XYZ"), None);
}

#[test]
fn locale_from_language_tag() {
    let rows = [
        ("German in Austria", "de-AT", De),
        ("Czech with underscore", "cs_CZ", Cs),
        ("upper-case Hungarian", "HU", Hu),
        ("bare Vietnamese", "vi", Vi),
        ("British English", "en-GB", En),
        ("unsupported French falls back", "fr-FR", En),
        ("empty falls back", "", En),
    ];
    for (case, tag, expected) in rows {
        assert_eq!(NumberLocale::from_language_tag(tag), expected, "{case}");
    }
}

#[test]
fn locale_separators() {
    let rows = [
        ("en", En, '.', ','),
        ("de", De, ',', '.'),
        ("vi", Vi, ',', '.'),
        ("hu", Hu, ',', '\u{a0}'),
        ("cs", Cs, ',', '\u{a0}'),
    ];
    for (case, locale, decimal, group) in rows {
        assert_eq!(locale.decimal_separator(), decimal, "{case}");
        assert_eq!(locale.group_separator(), group, "{case}");
    }
}
