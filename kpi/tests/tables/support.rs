//! Small builders shared by the tables.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use kpi::{Deal, DealKind, DealStatus, Money};

/// A date from "yyyy-mm-dd" (test literals only).
pub fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date literal")
}

/// A fixed instant for `updated_at`/`saved_at`.
pub fn instant() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 9, 30, 0).unwrap()
}

/// A live deal; `closed` is "" for none.
pub fn deal(status: DealStatus, amount_minor: i64, created: &str, closed: &str) -> Deal {
    Deal {
        id: format!("deal-{amount_minor}-{created}-{closed}"),
        updated_at: instant(),
        deleted_at: None,
        title: "CRM licences".into(),
        customer_id: None,
        rep_id: None,
        cost: None,
        discount: None,
        probability: None,
        stage: "negotiation".into(),
        status,
        amount: Money(amount_minor),
        kind: DealKind::New,
        created_on: day(created),
        expected_close: None,
        closed_on: (!closed.is_empty()).then(|| day(closed)),
        lost_reason: (status == DealStatus::Lost).then(|| "Price too high".into()),
    }
}

/// The same deal, deleted.
pub fn tombstoned(mut deal: Deal) -> Deal {
    deal.deleted_at = Some(instant());
    deal
}
