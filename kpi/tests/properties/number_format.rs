use kpi::{format_decimal, format_percent, NumberLocale};
use proptest::prelude::*;

use crate::generate::locale;

/// The reference: Rust's shortest round-trip decimal of `value` (float formatting is
/// fine in tests), rounded as a digit string, half away from zero.
fn reference(value: f64, digits: usize) -> String {
    let written = format!("{}", value.abs());
    let (whole, fraction) = written.split_once('.').unwrap_or((&written, ""));
    let mut kept: Vec<u8> = whole.bytes().chain(fraction.bytes().take(digits)).collect();
    kept.extend(std::iter::repeat_n(
        b'0',
        digits.saturating_sub(fraction.len()),
    ));
    if fraction.as_bytes().get(digits).is_some_and(|&d| d >= b'5') {
        let mut at = kept.len();
        loop {
            if at == 0 {
                kept.insert(0, b'1');
                break;
            }
            at -= 1;
            if kept[at] == b'9' {
                kept[at] = b'0';
            } else {
                kept[at] += 1;
                break;
            }
        }
    }
    let split = kept.len() - digits;
    let whole = String::from_utf8(kept[..split].to_vec()).unwrap();
    let fraction = String::from_utf8(kept[split..].to_vec()).unwrap();
    let fraction = fraction.trim_end_matches('0');
    let zero = whole.bytes().all(|b| b == b'0') && fraction.is_empty();
    let sign = if value < 0.0 && !zero { "-" } else { "" };
    if fraction.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction}")
    }
}

proptest! {
    #[test]
    fn rounds_decimals_as_written(units in -10_000_000_000_i64..10_000_000_000, scale in 0_u32..7, digits in 0_u32..7) {
        // A decimal such as 4.35 or -0.125, as the nearest double: many exact halves.
        let value: f64 = format!("{units}e-{scale}").parse().unwrap();
        prop_assert_eq!(format_decimal(value, digits, NumberLocale::En), reference(value, digits as usize), "{}", value);
    }

    #[test]
    fn rounds_any_moderate_double_as_written(value in -1e7_f64..1e7, digits in 0_u32..7) {
        prop_assert_eq!(format_decimal(value, digits, NumberLocale::En), reference(value, digits as usize), "{}", value);
    }

    #[test]
    fn any_double_gives_a_plain_number_or_nothing(value in any::<f64>(), digits in 0_u32..40, locale in locale()) {
        let text = format_decimal(value, digits, locale);
        prop_assert_eq!(text.is_empty(), !value.is_finite());
        if value.is_finite() {
            let body = text.strip_prefix('-').unwrap_or(&text);
            let (whole, fraction) = body.split_once(locale.decimal_separator()).unwrap_or((body, ""));
            prop_assert!(!whole.is_empty() && whole.bytes().all(|b| b.is_ascii_digit()), "{}", text);
            prop_assert!(fraction.bytes().all(|b| b.is_ascii_digit()) && !fraction.ends_with('0'), "{}", text);
            prop_assert!(fraction.len() <= digits.min(15) as usize, "{}", text);
            prop_assert!(whole == "0" || !whole.starts_with('0'), "{}", text);
            prop_assert!(text != "-0", "{}", text);
            if value.abs() < 1e15 {
                let back: f64 = body.replace(locale.decimal_separator(), ".").parse().unwrap();
                let step = 10_f64.powi(-(digits.min(15) as i32));
                prop_assert!((back - value.abs()).abs() <= step / 2.0 + value.abs() * 1e-15, "{} → {}", value, text);
            }
        }
    }

    #[test]
    fn percent_is_the_ratio_times_100_with_one_decimal(ratio in -2.0_f64..2.0, locale in locale()) {
        let expected = format!("{}%", format_decimal(ratio * 100.0, 1, locale));
        prop_assert_eq!(format_percent(ratio, locale), expected);
    }
}
