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

/// A live order not tied to a deal, without rep, customer or cost.
pub fn order(kind: kpi::OrderKind, amount_minor: i64, date: &str) -> kpi::Order {
    kpi::Order {
        id: format!("order-{amount_minor}-{date}"),
        updated_at: instant(),
        deleted_at: None,
        customer_id: None,
        rep_id: None,
        deal_id: None,
        date: day(date),
        amount: Money(amount_minor),
        cost: None,
        kind,
    }
}

/// A live rep with this id, in `team` ("" for none).
pub fn rep_in(id: &str, team: &str) -> kpi::Rep {
    kpi::Rep {
        id: id.into(),
        updated_at: instant(),
        deleted_at: None,
        name: id.into(),
        team_id: (!team.is_empty()).then(|| team.into()),
        base_salary: Money::ZERO,
        hired_on: None,
        left_on: None,
    }
}

/// A deal owned by the rep with this id.
pub fn owned_by(rep: &str, mut deal: Deal) -> Deal {
    deal.rep_id = Some(rep.into());
    deal
}

/// Equal KPI values, floats within 1e-12 (hand-computed ratios may differ in the last
/// bit from the formula's order of operations).
pub fn same_value(actual: &kpi::KpiValue, expected: &kpi::KpiValue) -> bool {
    use kpi::KpiValue::{Days, Number, Ratio};
    match (actual, expected) {
        (Ratio(a), Ratio(b)) | (Days(a), Days(b)) | (Number(a), Number(b)) => {
            (a - b).abs() <= 1e-12
        }
        _ => actual == expected,
    }
}

/// `Some(text)` for a non-empty test literal, `None` for "".
pub fn opt_id(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.into())
}

/// A date for a non-empty "yyyy-mm-dd" literal, `None` for "".
pub fn opt_day(text: &str) -> Option<NaiveDate> {
    (!text.is_empty()).then(|| day(text))
}

/// The same record, deleted (a tombstone), of any type.
pub fn deleted<T: kpi::Record>(mut record: T) -> T {
    record.stamp(instant(), Some(instant()));
    record
}

/// A live customer owned by `owner` ("" for none), acquired and churned on the given
/// days ("" for none).
pub fn customer_of(id: &str, owner: &str, acquired: &str, churned: &str) -> kpi::Customer {
    kpi::Customer {
        id: id.into(),
        updated_at: instant(),
        deleted_at: None,
        name: id.into(),
        segment: String::new(),
        region: String::new(),
        source: kpi::Source::Inbound,
        acquired_on: opt_day(acquired),
        churned_on: opt_day(churned),
        churn_reason: None,
        owner_id: opt_id(owner),
    }
}

/// A live lead owned by `owner`, created and converted ("" for not) on the given days.
pub fn lead_of(id: &str, owner: &str, created: &str, converted: &str) -> kpi::Lead {
    kpi::Lead {
        id: id.into(),
        updated_at: instant(),
        deleted_at: None,
        name: id.into(),
        source: kpi::Source::Inbound,
        owner_id: opt_id(owner),
        created_on: day(created),
        qualified_on: None,
        converted_on: opt_day(converted),
        customer_id: None,
        deal_id: None,
        disqualified_on: None,
        disqualified_reason: None,
    }
}

/// A live repeat order (not tied to a deal) to `customer` credited to `rep` ("" for
/// none), with a known cost in minor units when `cost` is `Some`.
pub fn order_to(
    customer: &str,
    rep: &str,
    amount_minor: i64,
    cost: Option<i64>,
    date: &str,
) -> kpi::Order {
    kpi::Order {
        id: format!("order-{customer}-{rep}-{amount_minor}-{date}"),
        customer_id: opt_id(customer),
        rep_id: opt_id(rep),
        cost: cost.map(Money),
        ..order(kpi::OrderKind::Repeat, amount_minor, date)
    }
}

/// A live expense attributed to `rep` ("" for company-wide).
pub fn expense_of(
    category: kpi::ExpenseCategory,
    amount_minor: i64,
    rep: &str,
    date: &str,
) -> kpi::Expense {
    kpi::Expense {
        id: format!("expense-{}-{amount_minor}-{rep}-{date}", category.id()),
        updated_at: instant(),
        deleted_at: None,
        date: day(date),
        category,
        amount: Money(amount_minor),
        rep_id: opt_id(rep),
        note: String::new(),
    }
}

/// A live activity by `rep` with `customer` ("" for none).
pub fn activity_of(
    kind: kpi::ActivityKind,
    date: &str,
    minutes: u32,
    rep: &str,
    customer: &str,
) -> kpi::Activity {
    kpi::Activity {
        id: format!("activity-{}-{date}-{minutes}-{rep}-{customer}", kind.id()),
        updated_at: instant(),
        deleted_at: None,
        kind,
        date: day(date),
        minutes,
        rep_id: opt_id(rep),
        customer_id: opt_id(customer),
        deal_id: None,
        note: String::new(),
    }
}

/// Live feedback from `customer` ("" for none) on `date`, with nothing in it yet.
pub fn feedback_of(customer: &str, date: &str) -> kpi::Feedback {
    kpi::Feedback {
        id: format!("feedback-{customer}-{date}"),
        updated_at: instant(),
        deleted_at: None,
        customer_id: opt_id(customer),
        date: day(date),
        csat: None,
        nps: None,
        complaint: None,
        resolved_on: None,
    }
}

/// A live rep in `team` ("" for none), hired and left on the given days ("" for
/// unknown / still employed).
pub fn rep_employed(id: &str, team: &str, hired: &str, left: &str) -> kpi::Rep {
    kpi::Rep {
        hired_on: opt_day(hired),
        left_on: opt_day(left),
        ..rep_in(id, team)
    }
}

/// One rep's scope.
pub fn rep(id: &str) -> kpi::Scope {
    kpi::Scope::Rep(id.into())
}

/// One team's scope.
pub fn team(id: &str) -> kpi::Scope {
    kpi::Scope::Team(id.into())
}
