//! The rep's "today" list: who and what needs a follow-up, each entry linking to the
//! record where the rep acts on it.
//!
//! Conventions:
//! - only live records are read and listed; an entry's `customer_id` is set only when
//!   that customer is live;
//! - scope: customers by `owner_id`, deals by `rep_id`, complaints by their customer's
//!   owner (as in the KPIs, see [`crate::metrics::scope`]);
//! - a *purchase* is as in [`crate::customer_view`] (orders, and won deals no order
//!   delivers); only purchases and contacts dated on or before `today` count;
//! - the list is grouped by kind, in the order of [`FollowUpKind`]'s variants, each
//!   group sorted as its variant says, ties by id: the same data gives the same list.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Months, NaiveDate};

use crate::metrics::{Scope, Slice};
use crate::model::{
    Activity, Customer, Dataset, DealStatus, Feedback, Order, OrderKind, RecordId, RecordKind,
    Settings,
};
use crate::money::Money;
use crate::period::Period;
use crate::record_ref::RecordRef;

/// Months after the first purchase before a customer who bought no upsell or
/// cross-sell becomes a candidate.
pub const CROSS_SELL_AFTER_MONTHS: u32 = 3;

/// Orders compared for a dropping order value: the last this many against as many
/// before them.
pub const DROP_WINDOW: usize = 3;

/// The recent average is "dropping" below this share of the previous one, in percent.
pub const DROP_BELOW_PERCENT: i128 = 75;

/// Why an entry is on the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FollowUpKind {
    /// An active customer (acquired, not churned, on `today`) whose last contact — the
    /// latest live activity or order with them — is at least N days ago (N =
    /// [`Settings::follow_up_after_days`]); never contacted counts from `acquired_on`.
    /// Longest silence first.
    NotContacted {
        customer_id: RecordId,
        last_contact: Option<NaiveDate>,
        days: i64,
    },
    /// A complaint open at the end of `today`; `age_days` = today − its date. Oldest
    /// first.
    OpenComplaint {
        feedback_id: RecordId,
        customer_id: Option<RecordId>,
        age_days: i64,
    },
    /// An open deal whose expected close is before `today`; most overdue first.
    OverdueDeal {
        deal_id: RecordId,
        customer_id: Option<RecordId>,
        days_overdue: i64,
    },
    /// An active customer acquired at least [`CROSS_SELL_AFTER_MONTHS`] months ago, with
    /// a purchase, lacking an upsell or a cross-sell (no such purchase and no such open
    /// deal). The model has no product catalogue, so the "related product" is the next
    /// rung of the ladder new → repeat → upsell → cross-sell: `has_kind` is the highest
    /// kind bought (a renewal counts as repeat), `missing_kind` the first of upsell,
    /// cross-sell they lack. Longest-standing customer first.
    CrossSell {
        customer_id: RecordId,
        has_kind: OrderKind,
        missing_kind: OrderKind,
    },
    /// An active customer with at least 2 × [`DROP_WINDOW`] purchases whose last
    /// [`DROP_WINDOW`] average less than [`DROP_BELOW_PERCENT`] % of the
    /// [`DROP_WINDOW`] before them (purchases ordered by date, then amount); averages
    /// rounded to a minor unit. Steepest drop first.
    DroppingOrders {
        customer_id: RecordId,
        previous_avg: Money,
        recent_avg: Money,
    },
}

impl FollowUpKind {
    /// Stable id of the kind, for tabs and tests.
    pub fn id(&self) -> &'static str {
        match self {
            FollowUpKind::NotContacted { .. } => "not_contacted",
            FollowUpKind::OpenComplaint { .. } => "open_complaint",
            FollowUpKind::OverdueDeal { .. } => "overdue_deal",
            FollowUpKind::CrossSell { .. } => "cross_sell",
            FollowUpKind::DroppingOrders { .. } => "dropping_orders",
        }
    }
}

/// One entry of the list: why, and where the rep acts (the customer, the complaint's
/// feedback, the deal).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FollowUp {
    pub kind: FollowUpKind,
    pub target: RecordRef,
}

/// What one customer's records tell the list, gathered in one pass per collection.
#[derive(Default)]
struct Seen {
    last_contact: Option<NaiveDate>,
    /// Purchases on or before today: (date, amount, kind).
    purchases: Vec<(NaiveDate, Money, OrderKind)>,
    /// Kinds of the open deals.
    open_kinds: BTreeSet<OrderKind>,
}

/// The follow-up list of `scope` on `today` (see the module docs and [`FollowUpKind`]).
/// Linear in the records plus sorting.
pub fn follow_ups(
    data: &Dataset,
    scope: &Scope,
    today: NaiveDate,
    settings: &Settings,
) -> Vec<FollowUp> {
    let slice = Slice::new(data, Period::month_of(today), scope, today);
    let live_customers: BTreeMap<&str, &Customer> = data
        .live::<Customer>()
        .map(|c| (c.id.as_str(), c))
        .collect();
    let live_customer = |id: &Option<RecordId>| {
        id.as_deref()
            .filter(|id| live_customers.contains_key(id))
            .map(str::to_owned)
    };

    let mut seen: BTreeMap<&str, Seen> = BTreeMap::new();
    let mut delivered: BTreeSet<&str> = BTreeSet::new();
    for a in data.live::<Activity>().filter(|a| a.date <= today) {
        if let Some(id) = a.customer_id.as_deref() {
            let s = seen.entry(id).or_default();
            s.last_contact = s.last_contact.max(Some(a.date));
        }
    }
    for o in data.live::<Order>() {
        delivered.extend(o.deal_id.as_deref());
        if o.date > today {
            continue;
        }
        if let Some(id) = o.customer_id.as_deref() {
            let s = seen.entry(id).or_default();
            s.last_contact = s.last_contact.max(Some(o.date));
            s.purchases.push((o.date, o.amount, o.kind));
        }
    }
    let mut overdue = Vec::new();
    for d in data.live_deals() {
        let kind = crate::customer_view::order_kind(d);
        match d.status {
            DealStatus::Won => {
                let Some(id) = d.customer_id.as_deref() else {
                    continue;
                };
                if let Some(closed) = d.closed_on.filter(|c| *c <= today) {
                    if !delivered.contains(d.id.as_str()) {
                        seen.entry(id)
                            .or_default()
                            .purchases
                            .push((closed, d.amount, kind));
                    }
                }
            }
            DealStatus::Open => {
                if let Some(id) = d.customer_id.as_deref() {
                    seen.entry(id).or_default().open_kinds.insert(kind);
                }
                if !slice.has_rep(d.rep_id.as_deref()) {
                    continue;
                }
                if let Some(expected) = d.expected_close.filter(|e| *e < today) {
                    overdue.push(FollowUp {
                        kind: FollowUpKind::OverdueDeal {
                            deal_id: d.id.clone(),
                            customer_id: live_customer(&d.customer_id),
                            days_overdue: (today - expected).num_days(),
                        },
                        target: RecordRef::new(RecordKind::Deal, &d.id),
                    });
                }
            }
            DealStatus::Lost => {}
        }
    }

    let threshold = i64::from(settings.follow_up_after_days());
    let cross_sell_since = today.checked_sub_months(Months::new(CROSS_SELL_AFTER_MONTHS));
    let mut not_contacted = Vec::new();
    let mut cross_sell = Vec::new();
    let mut dropping = Vec::new();
    let empty = Seen::default();
    for (id, customer) in &live_customers {
        if !customer.active_on(today) || !slice.has_rep(customer.owner_id.as_deref()) {
            continue;
        }
        let s = seen.get(id).unwrap_or(&empty);
        let target = RecordRef::new(RecordKind::Customer, id);

        let since = s.last_contact.or(customer.acquired_on);
        if let Some(since) = since {
            let days = (today - since).num_days();
            if days >= threshold {
                not_contacted.push(FollowUp {
                    kind: FollowUpKind::NotContacted {
                        customer_id: (*id).to_owned(),
                        last_contact: s.last_contact,
                        days,
                    },
                    target: target.clone(),
                });
            }
        }

        let long_enough = cross_sell_since
            .zip(customer.acquired_on)
            .is_some_and(|(since, acquired)| acquired <= since);
        if let Some(has_kind) = s
            .purchases
            .iter()
            .map(|p| p.2)
            .max()
            .filter(|_| long_enough)
        {
            let has = |k: OrderKind| {
                has_kind == k || s.open_kinds.contains(&k) || s.purchases.iter().any(|p| p.2 == k)
            };
            let missing = [OrderKind::Upsell, OrderKind::CrossSell]
                .into_iter()
                .find(|k| !has(*k));
            if let Some(missing_kind) = missing {
                cross_sell.push((
                    customer.acquired_on,
                    FollowUp {
                        kind: FollowUpKind::CrossSell {
                            customer_id: (*id).to_owned(),
                            has_kind,
                            missing_kind,
                        },
                        target: target.clone(),
                    },
                ));
            }
        }

        if s.purchases.len() >= 2 * DROP_WINDOW {
            let mut purchases = s.purchases.clone();
            purchases.sort();
            let sum = |part: &[(NaiveDate, Money, OrderKind)]| {
                part.iter().map(|p| i128::from(p.1.minor())).sum::<i128>()
            };
            let n = purchases.len();
            let recent = sum(&purchases[n - DROP_WINDOW..]);
            let previous = sum(&purchases[n - 2 * DROP_WINDOW..n - DROP_WINDOW]);
            if previous > 0 && recent * 100 < previous * DROP_BELOW_PERCENT {
                let mean = |total: i128| {
                    let total = Money(i64::try_from(total).unwrap_or(i64::MAX));
                    Money::mean(total, DROP_WINDOW as u64).unwrap_or_default()
                };
                dropping.push((
                    (recent, previous),
                    FollowUp {
                        kind: FollowUpKind::DroppingOrders {
                            customer_id: (*id).to_owned(),
                            previous_avg: mean(previous),
                            recent_avg: mean(recent),
                        },
                        target,
                    },
                ));
            }
        }
    }

    let mut complaints = Vec::new();
    for f in data.live::<Feedback>() {
        if !f.open_complaint_on(today) || !slice.has_customer(f.customer_id.as_deref()) {
            continue;
        }
        complaints.push(FollowUp {
            kind: FollowUpKind::OpenComplaint {
                feedback_id: f.id.clone(),
                customer_id: live_customer(&f.customer_id),
                age_days: (today - f.date).num_days(),
            },
            target: RecordRef::new(RecordKind::Feedback, &f.id),
        });
    }

    // Customers come from a BTreeMap (by id), so a stable sort keeps ties by id.
    let days = |f: &FollowUp| match f.kind {
        FollowUpKind::NotContacted { days, .. } => days,
        FollowUpKind::OpenComplaint { age_days, .. } => age_days,
        FollowUpKind::OverdueDeal { days_overdue, .. } => days_overdue,
        _ => 0,
    };
    not_contacted.sort_by_key(|f| std::cmp::Reverse(days(f)));
    for list in [&mut complaints, &mut overdue] {
        list.sort_by(|a, b| days(b).cmp(&days(a)).then(a.target.id.cmp(&b.target.id)));
    }
    cross_sell.sort_by_key(|c| c.0);
    // recent_a / previous_a < recent_b / previous_b, cross-multiplied (previous > 0).
    dropping.sort_by(|a, b| {
        let ((ra, pa), (rb, pb)) = (a.0, b.0);
        (ra.saturating_mul(pb)).cmp(&rb.saturating_mul(pa))
    });

    let mut list = not_contacted;
    list.extend(complaints);
    list.extend(overdue);
    list.extend(cross_sell.into_iter().map(|(_, f)| f));
    list.extend(dropping.into_iter().map(|(_, f)| f));
    list
}
