use kpi::Currency::{self, *};
use kpi::Money;
use kpi::NumberLocale::{self, *};

type Row = (&'static str, i64, Currency, NumberLocale, &'static str);

// NBSP (U+00A0) separates number and trailing symbol, and groups digits in hu/cs.
#[rustfmt::skip]
const FORMAT: &[Row] = &[
    ("EUR en: symbol first", 123_456, Eur, En, "€1,234.56"),
    ("EUR de: symbol after NBSP", 123_456, Eur, De, "1.234,56\u{a0}€"),
    ("USD en", 123_456, Usd, En, "$1,234.56"),
    ("GBP vi", 123_456, Gbp, Vi, "1.234,56\u{a0}£"),
    ("HUF hu: whole forints without decimals", 123_500, Huf, Hu, "1\u{a0}235\u{a0}Ft"),
    ("HUF hu: stored fillér are shown, not rounded away", 123_450, Huf, Hu, "1\u{a0}234,50\u{a0}Ft"),
    ("HUF hu: 1.40 Ft is shown as stored (was: 1 Ft)", 140, Huf, Hu, "1,40\u{a0}Ft"),
    ("HUF en: letter symbol trails", 123_500, Huf, En, "1,235\u{a0}Ft"),
    ("VND vi", 1_234_567, Vnd, Vi, "1.234.567\u{a0}₫"),
    ("VND en: one-char symbol leads", 1_234_567, Vnd, En, "₫1,234,567"),
    ("CZK cs", 123_456, Czk, Cs, "1\u{a0}234,56\u{a0}Kč"),
    ("CZK en: letter symbol trails", 123_456, Czk, En, "1,234.56\u{a0}Kč"),
    ("zero", 0, Eur, En, "€0.00"),
    ("one cent", 5, Eur, En, "€0.05"),
    ("no group below a thousand", 99_999, Eur, En, "€999.99"),
    ("a million", 100_000_000, Eur, De, "1.000.000,00\u{a0}€"),
    ("negative difference en", -123_456, Eur, En, "-€1,234.56"),
    ("negative difference de", -123_456, Eur, De, "-1.234,56\u{a0}€"),
    ("largest amount", i64::MAX, Eur, En, "€92,233,720,368,547,758.07"),
    ("smallest amount", i64::MIN, Eur, En, "-€92,233,720,368,547,758.08"),
    ("largest HUF shows its fillér", i64::MAX, Huf, Hu,
        "92\u{a0}233\u{a0}720\u{a0}368\u{a0}547\u{a0}758,07\u{a0}Ft"),
];

#[test]
fn money_format_table() {
    for (case, minor, currency, locale, expected) in FORMAT {
        assert_eq!(
            Money(*minor).format(*currency, *locale),
            *expected,
            "case {case:?}"
        );
    }
}

#[rustfmt::skip]
const PLAIN: &[Row] = &[
    ("EUR en keeps cents", 123_450, Eur, En, "1234.50"),
    ("EUR de uses a comma", 123_450, Eur, De, "1234,50"),
    ("zero", 0, Eur, En, "0.00"),
    ("whole forints drop the decimals", 123_500, Huf, Hu, "1235"),
    ("fillér kept when present, so nothing is lost", 123_456, Huf, Hu, "1234,56"),
    ("VND has no decimals", 1_234_567, Vnd, Vi, "1234567"),
];

#[test]
fn money_format_plain_table() {
    for (case, minor, currency, locale, expected) in PLAIN {
        assert_eq!(
            Money(*minor).format_plain(*currency, *locale),
            *expected,
            "case {case:?}"
        );
    }
}

#[test]
fn money_mean_table() {
    // (case, total, count, expected)
    let rows: [(&str, i64, u64, Option<i64>); 8] = [
        ("no deals: no data", 1_000, 0, None),
        ("exact", 300, 3, Some(100)),
        ("half rounds away from zero", 5, 2, Some(3)),
        ("one third rounds down", 4, 3, Some(1)),
        ("two thirds round up", 5, 3, Some(2)),
        ("negative half rounds away from zero", -5, 2, Some(-3)),
        ("largest total over one", i64::MAX, 1, Some(i64::MAX)),
        (
            "largest total over two",
            i64::MAX,
            2,
            Some(4_611_686_018_427_387_904),
        ),
    ];
    for (case, total, count, expected) in rows {
        assert_eq!(
            Money::mean(Money(total), count).map(Money::minor),
            expected,
            "{case}"
        );
    }
}

#[test]
fn money_arithmetic_table() {
    let max = Money::MAX;
    assert_eq!(Money(150).checked_add(Money(50)), Some(Money(200)), "add");
    assert_eq!(max.checked_add(Money(1)), None, "add overflow");
    assert_eq!(
        Money(150).checked_sub(Money(200)),
        Some(Money(-50)),
        "sub below zero"
    );
    assert!(
        Money(-50).is_negative(),
        "difference below zero is negative"
    );
    assert_eq!(Money(i64::MIN).checked_sub(Money(1)), None, "sub overflow");
    assert_eq!(Money(150).checked_mul(3), Some(Money(450)), "mul");
    assert_eq!(max.checked_mul(2), None, "mul overflow");
    assert_eq!(max.saturating_add(Money(1)), max, "totals saturate");
    assert_eq!(
        Money::from_major(1_500, Eur),
        Some(Money(150_000)),
        "from major EUR"
    );
    assert_eq!(
        Money::from_major(1_500, Vnd),
        Some(Money(1_500)),
        "from major VND"
    );
    assert_eq!(
        Money::from_major(i64::MAX, Eur),
        None,
        "from major overflow"
    );
    assert_eq!(Money::ZERO.minor(), 0);
    assert_eq!(
        serde_json::to_string(&Money(123)).unwrap(),
        "123",
        "serde transparent"
    );
}

#[test]
fn money_to_major_table() {
    let rows = [
        ("EUR cents", 123_450, Eur, 1_234.5),
        ("HUF keeps fillér", 123_456, Huf, 1_234.56),
        ("VND is already major", 5, Vnd, 5.0),
        ("zero", 0, Usd, 0.0),
    ];
    for (case, minor, currency, expected) in rows {
        assert!(
            (Money(minor).to_major(currency) - expected).abs() < 1e-9,
            "{case}"
        );
    }
}
