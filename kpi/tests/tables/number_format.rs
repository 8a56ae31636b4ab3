use kpi::NumberLocale::{self, *};
use kpi::{format_decimal, format_percent};

/// (case, value, digits, locale, expected)
type Row = (&'static str, f64, u32, NumberLocale, &'static str);

#[rustfmt::skip]
const DECIMAL: &[Row] = &[
    ("one decimal, exact half rounds up", 12.25, 1, En, "12.3"),
    ("German decimal comma", 12.25, 1, De, "12,3"),
    ("Vietnamese decimal comma", 12.25, 1, Vi, "12,3"),
    ("whole number: no separator", 60.0, 1, En, "60"),
    ("trailing zeros dropped", 1.5, 3, En, "1.5"),
    ("rounds to a whole: separator dropped", 2.96, 1, En, "3"),
    ("no digits: half rounds away from zero", 2.5, 0, En, "3"),
    ("no digits: negative half rounds away from zero", -2.5, 0, En, "-3"),
    ("no digits: below half rounds down", 2.4999, 0, En, "2"),
    ("0.5 to a whole", 0.5, 0, En, "1"),
    ("4.35 rounds as written, though stored just below", 4.35, 1, En, "4.4"),
    ("1.005 rounds as written", 1.005, 2, En, "1.01"),
    ("0.285 rounds as written", 0.285, 2, En, "0.29"),
    ("a double just below 4.35 rounds down", 4.349_999_999_999_999, 1, En, "4.3"),
    ("mean of 87 days over 20 deals", 87.0 / 20.0, 1, En, "4.4"),
    ("two thirds", 2.0 / 3.0, 2, En, "0.67"),
    ("sales cycle of 15.5 days", 15.5, 1, Cs, "15,5"),
    ("no thousands grouping", 1_234_567.891, 2, De, "1234567,89"),
    ("leading zero kept", 0.25, 2, En, "0.25"),
    ("rounds to zero: no minus", -0.04, 1, En, "0"),
    ("negative zero", -0.0, 1, En, "0"),
    ("zero", 0.0, 3, Hu, "0"),
    ("small negative rounds away from zero", -0.05, 1, En, "-0.1"),
    ("negative", -1234.5, 1, De, "-1234,5"),
    ("digits above 15 act as 15", 0.1, 40, En, "0.1"),
    ("a third to 15 digits", 1.0 / 3.0, 15, En, "0.333333333333333"),
    ("smallest subnormal", 5e-324, 15, En, "0"),
    ("tiny negative", -1e-300, 2, En, "0"),
    ("beyond 2^45 units: the fraction of the exact binary value", 114_741_075_775_452.2, 3, En, "114741075775452.203"),
    ("beyond 2^45 units: fraction carries into the whole part", 35_184_372_088_831.96, 1, En, "35184372088832"),
    ("just below 2^53", 9_007_199_254_740_991.0, 1, En, "9007199254740991"),
    ("2^53: every digit", 9_007_199_254_740_992.0, 2, En, "9007199254740992"),
    ("10^20: every digit", 1e20, 1, En, "100000000000000000000"),
    ("2^70 exactly", 1_180_591_620_717_411_303_424.0, 0, En, "1180591620717411303424"),
    ("-10^20", -1e20, 1, De, "-100000000000000000000"),
    ("NaN is empty", f64::NAN, 1, En, ""),
    ("infinity is empty", f64::INFINITY, 1, En, ""),
    ("minus infinity is empty", f64::NEG_INFINITY, 0, En, ""),
];

#[test]
fn format_decimal_table() {
    for (case, value, digits, locale, expected) in DECIMAL {
        assert_eq!(
            format_decimal(*value, *digits, *locale),
            *expected,
            "case {case:?}"
        );
    }
}

#[test]
fn format_decimal_writes_the_largest_double_in_full() {
    let text = format_decimal(f64::MAX, 1, En);
    assert_eq!(text.len(), 309, "{text}");
    assert!(
        text.starts_with("17976931348623157081452742373170435679"),
        "{text}"
    );
    assert!(text.ends_with("858368"), "{text}");
    assert_eq!(format_decimal(f64::MIN, 0, En), format!("-{text}"));
}

/// (case, ratio, locale, expected)
type PercentRow = (&'static str, f64, NumberLocale, &'static str);

#[rustfmt::skip]
const PERCENT: &[PercentRow] = &[
    ("one eighth", 0.125, En, "12.5%"),
    ("two thirds", 2.0 / 3.0, En, "66.7%"),
    ("two thirds in German", 2.0 / 3.0, De, "66,7%"),
    ("one third", 1.0 / 3.0, En, "33.3%"),
    ("all", 1.0, En, "100%"),
    ("nothing", 0.0, En, "0%"),
    ("a half", 0.5, Hu, "50%"),
    ("1 in 80: 1.25 % rounds up", 1.0 / 80.0, En, "1.3%"),
    ("0.05 % rounds up", 0.0005, En, "0.1%"),
    ("below 0.05 % is 0", 0.000_49, En, "0%"),
    ("almost all rounds to 100", 0.999_99, En, "100%"),
    ("29 won of 200 closed", 29.0 / 200.0, Cs, "14,5%"),
    ("a negative change", -0.25, En, "-25%"),
    ("NaN is empty", f64::NAN, En, ""),
    ("infinity is empty", f64::INFINITY, En, ""),
    ("overflowing × 100 is empty", f64::MAX, En, ""),
];

#[test]
fn format_percent_table() {
    for (case, ratio, locale, expected) in PERCENT {
        assert_eq!(format_percent(*ratio, *locale), *expected, "case {case:?}");
    }
}
