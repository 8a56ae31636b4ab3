//! Parsers face whatever a user types or a file holds: they return errors, never panic.

use kpi::{decode, encode, DealInput, Money};
use proptest::prelude::*;

use crate::generate::{any_dataset, currency, instant, kind, locale, status};

/// Text made of the characters amounts are written with, so the parser's deeper
/// branches get exercised, not just the first "not a digit" exit.
const AMOUNT_CHARS: &str = "[0-9.,  \u{a0}\u{202f}€$£₫KčFtEURusd+−-]{0,24}";

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::String),
        Just(Value::String("2026-11-22".into())),
        Just(Value::String("2026-11-22T09:30:00Z".into())),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    "\\PC{0,8}",
                    prop::sample::select(vec![
                        "settings",
                        "deals",
                        "currency",
                        "stages",
                        "id",
                        "amount",
                        "status",
                        "created_on",
                        "closed_on"
                    ])
                    .prop_map(String::from),
                ],
                inner,
                0..6,
            )
            .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn money_parse_never_panics(text in "\\PC{0,40}", currency in currency(), locale in locale()) {
        if let Ok(amount) = Money::parse(&text, currency, locale) {
            prop_assert!(!amount.is_negative());
        }
    }

    #[test]
    fn money_parse_never_panics_on_amount_like_text(text in AMOUNT_CHARS, currency in currency(), locale in locale()) {
        if let Ok(amount) = Money::parse(&text, currency, locale) {
            prop_assert!(!amount.is_negative());
        }
    }

    #[test]
    fn deal_input_never_panics(
        text in prop::collection::vec("\\PC{0,16}", 9),
        amount in AMOUNT_CHARS,
        dates in prop::collection::vec(prop_oneof!["\\PC{0,12}", "[0-9]{4}-[0-9]{2}-[0-9]{2}"], 3),
        status in status(), kind in kind(), currency in currency(), locale in locale(), now in instant(),
    ) {
        let input = DealInput {
            title: text[0].clone(), customer: text[1].clone(), owner: text[2].clone(), stage: text[3].clone(),
            status, amount, kind,
            created_on: dates[0].clone(), expected_close: dates[1].clone(), closed_on: dates[2].clone(),
            lost_reason: text[4].clone(),
            ..DealInput::default()
        };
        match input.into_deal("id".into(), now, currency, locale) {
            Ok(deal) => prop_assert!(deal.validate().is_empty(), "accepted an invalid deal: {:?}", deal),
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                prop_assert!(errors.windows(2).all(|w| w[0].field < w[1].field), "one error per field, in form order");
            }
        }
    }

    #[test]
    fn decode_never_panics_on_any_text(text in "\\PC{0,200}") {
        let _ = decode(&text);
    }

    #[test]
    fn decode_never_panics_on_any_envelope_content(data in json_value(), version in prop_oneof![Just(1_i64), any::<i64>()]) {
        let text = serde_json::json!({"app": "salesboard", "version": version, "saved_at": "2026-11-22T09:30:00Z", "data": data}).to_string();
        let _ = decode(&text);
    }

    #[test]
    fn decode_never_panics_on_truncated_saves(data in any_dataset(), saved_at in instant(), cut in any::<prop::sample::Index>()) {
        let text = encode(&data, saved_at);
        let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let at = boundaries[cut.index(boundaries.len())];
        prop_assert!(decode(&text[..at]).is_err(), "a cut save is never mistaken for a whole one");
    }
}
