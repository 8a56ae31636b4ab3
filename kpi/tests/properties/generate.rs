//! Strategies for generated sales data.

use chrono::{DateTime, Days, NaiveDate, Utc};
use kpi::{Currency, Dataset, Deal, DealKind, DealStatus, Money, NumberLocale, Settings, Stage};
use proptest::prelude::*;
use proptest::sample::select;

pub fn currency() -> impl Strategy<Value = Currency> {
    select(Currency::ALL)
}

pub fn locale() -> impl Strategy<Value = NumberLocale> {
    select(NumberLocale::ALL)
}

pub fn status() -> impl Strategy<Value = DealStatus> {
    select(DealStatus::ALL)
}

pub fn kind() -> impl Strategy<Value = DealKind> {
    select(DealKind::ALL)
}

/// A day between 1990 and 2039.
pub fn date() -> impl Strategy<Value = NaiveDate> {
    (1990_i32..2040, 1_u32..=365)
        .prop_map(|(year, ordinal)| NaiveDate::from_yo_opt(year, ordinal).unwrap())
}

/// A day in 2025–2027, so year and quarter periods catch many deals.
pub fn recent_date() -> impl Strategy<Value = NaiveDate> {
    (2025_i32..2028, 1_u32..=365)
        .prop_map(|(year, ordinal)| NaiveDate::from_yo_opt(year, ordinal).unwrap())
}

pub fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    (0_i64..4_000_000_000, 0_u32..1_000_000_000)
        .prop_map(|(secs, nanos)| DateTime::from_timestamp(secs, nanos).unwrap())
}

fn stage() -> impl Strategy<Value = Stage> {
    ("\\PC{0,12}", "\\PC{0,12}", any::<u8>()).prop_map(|(id, name, probability)| Stage {
        id,
        name,
        probability,
    })
}

/// Any deal, valid or not: the storage format must carry whatever the user has.
pub fn any_deal() -> impl Strategy<Value = Deal> {
    let who = (
        "\\PC{0,16}",
        instant(),
        proptest::option::of(instant()),
        "\\PC{0,24}",
        "\\PC{0,16}",
        "\\PC{0,16}",
    );
    let what = (
        "\\PC{0,12}",
        status(),
        any::<i64>(),
        kind(),
        date(),
        proptest::option::of(date()),
        proptest::option::of(date()),
        proptest::option::of("\\PC{0,24}"),
    );
    (who, what).prop_map(
        |(
            (id, updated_at, deleted_at, title, customer, owner),
            (stage, status, amount, kind, created_on, expected_close, closed_on, lost_reason),
        )| Deal {
            id,
            updated_at,
            deleted_at,
            title: format!("{title}{customer}{owner}"),
            customer_id: None,
            rep_id: None,
            cost: None,
            discount: None,
            probability: None,
            stage,
            status,
            amount: Money(amount),
            kind,
            created_on,
            expected_close,
            closed_on,
            lost_reason,
        },
    )
}

pub fn any_dataset() -> impl Strategy<Value = Dataset> {
    (
        currency(),
        prop::collection::vec(stage(), 0..6),
        prop::collection::vec(any_deal(), 0..12),
    )
        .prop_map(|(currency, stages, deals)| Dataset {
            lineage: None,
            settings: Settings {
                currency,
                stages,
                ..Settings::default()
            }
            .into(),
            deals: deals.into(),
            ..Dataset::default()
        })
}

/// A dataset that passes [`Dataset::problems`]: default stages, valid live deals with
/// unique ids, tombstones with anything at all (only their ids are checked).
pub fn valid_dataset() -> impl Strategy<Value = Dataset> {
    let entry = prop_oneof![
        valid_deal().prop_map(|d| (d, None)),
        (any_deal(), instant()).prop_map(|(d, deleted)| (d, Some(deleted))),
    ];
    (
        currency(),
        prop::collection::vec(entry, 0..12),
        select(vec![
            "prospecting",
            "qualified",
            "demo",
            "proposal",
            "negotiation",
        ]),
    )
        .prop_map(|(currency, entries, stage)| Dataset {
            lineage: None,
            settings: Settings {
                currency,
                stages: kpi::default_stages(),
                ..Settings::default()
            }
            .into(),
            deals: entries
                .into_iter()
                .enumerate()
                .map(|(index, (mut deal, deleted_at))| {
                    deal.id = format!("deal-{index}");
                    if deleted_at.is_some() {
                        deal.deleted_at = deleted_at;
                    } else {
                        deal.stage = stage.to_owned();
                    }
                    deal
                })
                .collect(),
            ..Dataset::default()
        })
}

/// Text as the form would keep it after trimming: no outer whitespace.
fn trimmed_text(required: bool) -> BoxedStrategy<String> {
    let word = "[A-Za-zÀ-žđư0-9&][A-Za-zÀ-žđư0-9&.,' –-]{0,20}[A-Za-zÀ-žđư0-9.]";
    if required {
        word.boxed()
    } else {
        prop_oneof![Just(String::new()), word].boxed()
    }
}

/// A deal that passes every form rule, with amount and dates a user can type, in a
/// default stage.
pub fn valid_deal() -> impl Strategy<Value = Deal> {
    let text = (
        trimmed_text(true),
        trimmed_text(false),
        trimmed_text(false),
        trimmed_text(true),
    );
    let facts = (
        status(),
        0_i64..=Money::MAX_AMOUNT.minor(),
        kind(),
        date(),
        proptest::option::of(0_u64..200),
        0_u64..400,
    );
    (text, facts, instant()).prop_map(
        |(
            (title, customer, owner, reason),
            (status, amount, kind, created_on, expected_in, close_in),
            updated_at,
        )| {
            let later = |days: u64| created_on.checked_add_days(Days::new(days)).unwrap();
            Deal {
                id: "generated".into(),
                updated_at,
                deleted_at: None,
                title: format!("{title}{customer}{owner}"),
                customer_id: None,
                rep_id: None,
                cost: None,
                discount: None,
                probability: None,
                stage: "proposal".into(),
                status,
                amount: Money(amount),
                kind,
                created_on,
                expected_close: expected_in.map(later),
                closed_on: status.is_closed().then(|| later(close_in)),
                lost_reason: (status == DealStatus::Lost).then_some(reason),
            }
        },
    )
}
