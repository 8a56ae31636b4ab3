//! Money in and out beyond the pipeline: customers' orders and the company's expenses.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::id_enum::id_enum;
use super::{record, RecordId};
use crate::money::Money;

id_enum! {
    /// Why a customer bought: first purchase, the same again, more of it, or something
    /// related.
    OrderKind { New = "new", Repeat = "repeat", Upsell = "upsell", CrossSell = "cross_sell" }
}

/// A purchase by a customer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Order {
    pub id: RecordId,
    pub updated_at: DateTime<Utc>,
    #[serde(default)]
    pub deleted_at: Option<DateTime<Utc>>,
    pub customer_id: Option<RecordId>,
    /// The rep credited with the order.
    #[serde(default)]
    pub rep_id: Option<RecordId>,
    /// The won deal this order delivers; such an order is not counted as revenue a
    /// second time (the deal already is).
    #[serde(default)]
    pub deal_id: Option<RecordId>,
    pub date: NaiveDate,
    pub amount: Money,
    #[serde(default)]
    pub cost: Option<Money>,
    pub kind: OrderKind,
}
record!(Order, |r| {
    let mut amounts = vec![&mut r.amount];
    amounts.extend(r.cost.as_mut());
    amounts
});

id_enum! {
    /// What money was spent on. CAC counts marketing, sales, salaries and commission.
    ExpenseCategory {
        Marketing = "marketing",
        Sales = "sales",
        Tools = "tools",
        Salaries = "salaries",
        Commission = "commission",
    }
}

/// Money spent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Expense {
    pub id: RecordId,
    pub updated_at: DateTime<Utc>,
    #[serde(default)]
    pub deleted_at: Option<DateTime<Utc>>,
    pub date: NaiveDate,
    pub category: ExpenseCategory,
    pub amount: Money,
    /// The rep the spend is attributed to; `None` for company-wide spend.
    #[serde(default)]
    pub rep_id: Option<RecordId>,
    #[serde(default)]
    pub note: String,
}
record!(Expense, |r| vec![&mut r.amount]);
