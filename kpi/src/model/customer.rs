//! Customers and the leads that may become customers.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::id_enum::id_enum;
use super::{record, RecordId};

id_enum! {
    /// How a customer or lead found us.
    Source { Inbound = "inbound", Outbound = "outbound", Referral = "referral" }
}

/// A company or person that buys (or is being sold to).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Customer {
    pub id: RecordId,
    pub updated_at: DateTime<Utc>,
    #[serde(default)]
    pub deleted_at: Option<DateTime<Utc>>,
    pub name: String,
    /// Free text, e.g. "SMB", "Enterprise".
    #[serde(default)]
    pub segment: String,
    /// Free text, e.g. "Bavaria", "Hanoi".
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub source: Source,
    /// The day of the first purchase; `None` for a prospect who has not bought yet.
    #[serde(default)]
    pub acquired_on: Option<NaiveDate>,
    /// The day the customer was lost; requires `acquired_on`.
    #[serde(default)]
    pub churned_on: Option<NaiveDate>,
    #[serde(default)]
    pub churn_reason: Option<String>,
    /// The [`super::Rep`] who owns the account.
    #[serde(default)]
    pub owner_id: Option<RecordId>,
}
record!(Customer, |_r| vec![]);

impl Customer {
    /// A customer on `day`: acquired on or before it and not churned on or before it
    /// (the churn day is the first day without the customer).
    pub fn active_on(&self, day: NaiveDate) -> bool {
        self.acquired_on.is_some_and(|a| a <= day) && self.churned_on.is_none_or(|c| c > day)
    }
}

/// A potential customer, from first contact to converted or disqualified.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lead {
    pub id: RecordId,
    pub updated_at: DateTime<Utc>,
    #[serde(default)]
    pub deleted_at: Option<DateTime<Utc>>,
    /// Who the lead is: a company or a contact.
    pub name: String,
    #[serde(default)]
    pub source: Source,
    /// The [`super::Rep`] working the lead.
    #[serde(default)]
    pub owner_id: Option<RecordId>,
    pub created_on: NaiveDate,
    #[serde(default)]
    pub qualified_on: Option<NaiveDate>,
    /// The day it became a customer (and usually a deal).
    #[serde(default)]
    pub converted_on: Option<NaiveDate>,
    #[serde(default)]
    pub customer_id: Option<RecordId>,
    #[serde(default)]
    pub deal_id: Option<RecordId>,
    #[serde(default)]
    pub disqualified_on: Option<NaiveDate>,
    #[serde(default)]
    pub disqualified_reason: Option<String>,
}
record!(Lead, |_r| vec![]);
