//! The customer list (search and filters) and a customer's page: one timeline of
//! orders, deals, activities, feedback and complaints; first-time vs repeat buyer;
//! marking churned with a reason, and winning back.
//!
//! Conventions:
//! - only live records count (tombstones never show);
//! - a *purchase* is a live order of the customer, or a live won deal of the customer
//!   that no live order delivers (an order naming the deal is the same purchase, as
//!   revenue counts it in `metrics/sale.rs`);
//! - the functions that change a customer return the changed copy and leave
//!   `updated_at` alone: the app's command stamps it.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::deal_input::Problem;
use crate::model::{
    Activity, ActivityKind, Customer, Dataset, Deal, DealStatus, Feedback, Order, OrderKind,
    RecordId, RecordKind, Rep,
};
use crate::money::Money;
use crate::record_ref::RecordRef;
use crate::rules::RecordError;

/// Where a customer stands on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CustomerStatus {
    /// Not bought yet (`acquired_on` unset or later).
    Prospect,
    /// Acquired and not churned ([`Customer::active_on`]).
    Active,
    /// Churned on or before the day.
    Churned,
}

impl CustomerStatus {
    /// The status of `customer` on `day`.
    pub fn of(customer: &Customer, day: NaiveDate) -> CustomerStatus {
        if customer.churned_on.is_some_and(|c| c <= day) {
            CustomerStatus::Churned
        } else if customer.active_on(day) {
            CustomerStatus::Active
        } else {
            CustomerStatus::Prospect
        }
    }
}

/// First-time or repeat buyer (see the module docs for what a purchase is).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BuyerKind {
    /// No purchase yet.
    None,
    /// Exactly one purchase.
    FirstTime,
    /// Two or more purchases.
    Repeat,
}

/// The list's filters; `None` (or blank text) = any.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerFilter {
    /// Segment, compared trimmed and ignoring case.
    pub segment: Option<String>,
    /// Region, compared trimmed and ignoring case.
    pub region: Option<String>,
    /// Owner rep id.
    pub owner: Option<RecordId>,
    /// Status on the list's `today`.
    pub status: Option<CustomerStatus>,
}

/// One row of the customer list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomerRow {
    pub id: RecordId,
    pub name: String,
    pub segment: String,
    pub region: String,
    pub owner_id: Option<RecordId>,
    /// The live owner's name.
    pub owner_name: Option<String>,
    pub status: CustomerStatus,
    pub buyer: BuyerKind,
    /// The latest live activity or order date on or before today.
    pub last_contact: Option<NaiveDate>,
}

/// The customer list: live customers matching `query` and `filter`, sorted by name
/// (accent- and case-insensitive), then id. Linear in the records (one pass over
/// orders, deals and activities for every row's buyer kind and last contact) plus
/// sorting.
///
/// Search: the query is split into words; every word must occur in the name, segment,
/// region or owner's name, compared with [`fold`] (lowercase, accents removed:
/// "Müller" ~ "muller", "Đà Nẵng" ~ "da nang"). A blank query matches everyone.
pub fn customer_rows(
    data: &Dataset,
    query: &str,
    filter: &CustomerFilter,
    today: NaiveDate,
) -> Vec<CustomerRow> {
    let words: Vec<String> = fold(query).split_whitespace().map(str::to_owned).collect();
    let same = |wanted: &Option<String>, value: &str| {
        wanted
            .as_deref()
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .is_none_or(|w| fold(w) == fold(value.trim()))
    };
    let seen = Seen::gather(data, today);
    let mut rows: Vec<(String, CustomerRow)> = data
        .live::<Customer>()
        .filter(|c| same(&filter.segment, &c.segment) && same(&filter.region, &c.region))
        .filter(|c| filter.owner.is_none() || filter.owner == c.owner_id)
        .filter(|c| {
            filter
                .status
                .is_none_or(|s| CustomerStatus::of(c, today) == s)
        })
        .filter_map(|c| {
            let owner_name = data.rep_name(c.owner_id.as_deref()).map(str::to_owned);
            if !words.is_empty() {
                let haystack = fold(&format!(
                    "{} {} {} {}",
                    c.name,
                    c.segment,
                    c.region,
                    owner_name.as_deref().unwrap_or("")
                ));
                if !words.iter().all(|w| haystack.contains(w.as_str())) {
                    return None;
                }
            }
            let (purchases, last_contact) = seen
                .get(c.id.as_str())
                .map_or((0, None), |s| (s.purchases, s.last_contact));
            let row = CustomerRow {
                id: c.id.clone(),
                name: c.name.clone(),
                segment: c.segment.clone(),
                region: c.region.clone(),
                owner_id: c.owner_id.clone(),
                owner_name,
                status: CustomerStatus::of(c, today),
                buyer: BuyerKind::of_count(purchases),
                last_contact,
            };
            Some((fold(&c.name), row))
        })
        .collect();
    rows.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.id.cmp(&b.1.id)));
    rows.into_iter().map(|(_, row)| row).collect()
}

/// Per customer id: purchase count (all dates) and last contact (on or before today).
#[derive(Default)]
struct Seen {
    purchases: usize,
    last_contact: Option<NaiveDate>,
}

impl Seen {
    fn gather(data: &Dataset, today: NaiveDate) -> HashMap<&str, Seen> {
        let mut seen: HashMap<&str, Seen> = HashMap::new();
        let mut delivered: BTreeSet<&str> = BTreeSet::new();
        let contact = |s: &mut Seen, date: NaiveDate| {
            if date <= today {
                s.last_contact = s.last_contact.max(Some(date));
            }
        };
        for o in data.live::<Order>() {
            delivered.extend(o.deal_id.as_deref());
            if let Some(id) = o.customer_id.as_deref() {
                let s = seen.entry(id).or_default();
                s.purchases += 1;
                contact(s, o.date);
            }
        }
        for a in data.live::<Activity>() {
            if let Some(id) = a.customer_id.as_deref() {
                contact(seen.entry(id).or_default(), a.date);
            }
        }
        for d in data.live_deals() {
            if let Some(id) = d.customer_id.as_deref() {
                if d.status == DealStatus::Won
                    && d.closed_on.is_some()
                    && !delivered.contains(d.id.as_str())
                {
                    seen.entry(id).or_default().purchases += 1;
                }
            }
        }
        seen
    }
}

/// The distinct segments, regions of the live customers (trimmed, non-empty, sorted),
/// for the filter pickers.
pub fn segments_and_regions(data: &Dataset) -> (Vec<String>, Vec<String>) {
    let mut segments = BTreeSet::new();
    let mut regions = BTreeSet::new();
    for c in data.live::<Customer>() {
        if !c.segment.trim().is_empty() {
            segments.insert(c.segment.trim().to_owned());
        }
        if !c.region.trim().is_empty() {
            regions.insert(c.region.trim().to_owned());
        }
    }
    (
        segments.into_iter().collect(),
        regions.into_iter().collect(),
    )
}

/// Text for search: lowercase with the accents of Latin letters removed (Latin-1,
/// Latin Extended-A, Vietnamese) and ß → ss, đ → d. Other characters stay as they are.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'ß' => out.push_str("ss"),
            _ => out.push(base_letter(c)),
        }
    }
    out
}

/// The unaccented base of a lowercase Latin letter.
fn base_letter(c: char) -> char {
    const TABLE: &[(&str, char)] = &[
        ("àáâãäåāăą", 'a'),
        ("çćĉċč", 'c'),
        ("ďđ", 'd'),
        ("èéêëēĕėęě", 'e'),
        ("ĝğġģ", 'g'),
        ("ĥħ", 'h'),
        ("ìíîïĩīĭįı", 'i'),
        ("ĵ", 'j'),
        ("ķ", 'k'),
        ("ĺļľŀł", 'l'),
        ("ñńņňŉ", 'n'),
        ("òóôõöøōŏőơ", 'o'),
        ("ŕŗř", 'r'),
        ("śŝşš", 's'),
        ("ţťŧ", 't'),
        ("ùúûüũūŭůűųư", 'u'),
        ("ŵ", 'w'),
        ("ýÿŷ", 'y'),
        ("źżž", 'z'),
    ];
    if c.is_ascii() {
        return c;
    }
    // Vietnamese letters with tone marks: U+1EA0–U+1EF9 (pairs upper/lower).
    if let 'ạ'..='ỹ' = c {
        return match c as u32 {
            0x1EA0..=0x1EB7 => 'a',
            0x1EB8..=0x1EC7 => 'e',
            0x1EC8..=0x1ECB => 'i',
            0x1ECC..=0x1EE3 => 'o',
            0x1EE4..=0x1EF1 => 'u',
            0x1EF2..=0x1EF9 => 'y',
            _ => c,
        };
    }
    TABLE
        .iter()
        .find(|(letters, _)| letters.contains(c))
        .map_or(c, |(_, base)| *base)
}

/// The purchases of a customer (see module docs): its live orders and its live won deals
/// no live order delivers, as (date, amount, kind).
pub fn purchases(data: &Dataset, customer_id: &str) -> Vec<(NaiveDate, Money, OrderKind)> {
    let mine = |c: &Option<RecordId>| c.as_deref() == Some(customer_id);
    let orders: Vec<&Order> = data
        .live::<Order>()
        .filter(|o| mine(&o.customer_id))
        .collect();
    let delivered: BTreeSet<&str> = orders.iter().filter_map(|o| o.deal_id.as_deref()).collect();
    let mut all: Vec<(NaiveDate, Money, OrderKind)> =
        orders.iter().map(|o| (o.date, o.amount, o.kind)).collect();
    for deal in data.live_deals() {
        if mine(&deal.customer_id)
            && deal.status == DealStatus::Won
            && !delivered.contains(deal.id.as_str())
        {
            if let Some(closed) = deal.closed_on {
                all.push((closed, deal.amount, order_kind(deal)));
            }
        }
    }
    all.sort();
    all
}

/// A deal's kind as the order kind of the same business (renewal = repeat).
pub(crate) fn order_kind(deal: &Deal) -> OrderKind {
    match deal.kind {
        crate::model::DealKind::New => OrderKind::New,
        crate::model::DealKind::Renewal => OrderKind::Repeat,
        crate::model::DealKind::Upsell => OrderKind::Upsell,
        crate::model::DealKind::CrossSell => OrderKind::CrossSell,
    }
}

/// First-time or repeat buyer: by the number of [`purchases`] (0, 1, 2 or more).
pub fn buyer_kind(data: &Dataset, customer_id: &str) -> BuyerKind {
    BuyerKind::of_count(purchases(data, customer_id).len())
}

impl BuyerKind {
    /// 0 → none, 1 → first-time, more → repeat.
    pub fn of_count(purchases: usize) -> BuyerKind {
        match purchases {
            0 => BuyerKind::None,
            1 => BuyerKind::FirstTime,
            _ => BuyerKind::Repeat,
        }
    }
}

/// The latest date on or before `today` of a live activity or order with this customer.
pub fn last_contact(data: &Dataset, customer_id: &str, today: NaiveDate) -> Option<NaiveDate> {
    let mine = |c: &Option<RecordId>| c.as_deref() == Some(customer_id);
    let activities = data
        .live::<Activity>()
        .filter(|a| mine(&a.customer_id))
        .map(|a| a.date);
    let orders = data
        .live::<Order>()
        .filter(|o| mine(&o.customer_id))
        .map(|o| o.date);
    activities.chain(orders).filter(|d| *d <= today).max()
}

/// What happened, on a customer's timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TimelineEvent {
    Order {
        amount: Money,
        kind: OrderKind,
    },
    /// A deal, dated on its close day if closed, else its created day.
    Deal {
        title: String,
        stage: String,
        status: DealStatus,
        amount: Money,
        lost_reason: Option<String>,
    },
    Activity {
        kind: ActivityKind,
        minutes: u32,
        note: String,
    },
    /// Scores without a complaint.
    Feedback {
        csat: Option<u8>,
        nps: Option<u8>,
    },
    /// Feedback with a complaint (and maybe scores).
    Complaint {
        text: String,
        resolved_on: Option<NaiveDate>,
        csat: Option<u8>,
        nps: Option<u8>,
    },
}

/// One entry of a customer's timeline, linking to its record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelineEntry {
    pub date: NaiveDate,
    pub target: RecordRef,
    pub event: TimelineEvent,
}

/// Everything live about one customer on one timeline, newest first; on the same day
/// deals, then orders, activities, feedback ([`RecordKind`] order), then by id.
pub fn timeline(data: &Dataset, customer_id: &str) -> Vec<TimelineEntry> {
    let mine = |c: &Option<RecordId>| c.as_deref() == Some(customer_id);
    let mut entries = Vec::new();
    for o in data.live::<Order>().filter(|o| mine(&o.customer_id)) {
        entries.push(TimelineEntry {
            date: o.date,
            target: RecordRef::new(RecordKind::Order, &o.id),
            event: TimelineEvent::Order {
                amount: o.amount,
                kind: o.kind,
            },
        });
    }
    for d in data.live_deals().filter(|d| mine(&d.customer_id)) {
        let date = match d.status {
            DealStatus::Open => d.created_on,
            _ => d.closed_on.unwrap_or(d.created_on),
        };
        entries.push(TimelineEntry {
            date,
            target: RecordRef::new(RecordKind::Deal, &d.id),
            event: TimelineEvent::Deal {
                title: d.title.clone(),
                stage: d.stage.clone(),
                status: d.status,
                amount: d.amount,
                lost_reason: d.lost_reason.clone(),
            },
        });
    }
    for a in data.live::<Activity>().filter(|a| mine(&a.customer_id)) {
        entries.push(TimelineEntry {
            date: a.date,
            target: RecordRef::new(RecordKind::Activity, &a.id),
            event: TimelineEvent::Activity {
                kind: a.kind,
                minutes: a.minutes,
                note: a.note.clone(),
            },
        });
    }
    for f in data.live::<Feedback>().filter(|f| mine(&f.customer_id)) {
        let event = match &f.complaint {
            Some(text) => TimelineEvent::Complaint {
                text: text.clone(),
                resolved_on: f.resolved_on,
                csat: f.csat,
                nps: f.nps,
            },
            None => TimelineEvent::Feedback {
                csat: f.csat,
                nps: f.nps,
            },
        };
        entries.push(TimelineEntry {
            date: f.date,
            target: RecordRef::new(RecordKind::Feedback, &f.id),
            event,
        });
    }
    entries.sort_by(|a, b| b.date.cmp(&a.date).then(a.target.cmp(&b.target)));
    entries
}

/// The customer marked churned on `day` with `reason` (trimmed, required). Errors, by
/// field: `churn_reason` required; `acquired_on` required (a prospect cannot churn);
/// `churned_on` conflict when already churned, date order when `day` is before
/// `acquired_on`.
pub fn mark_churned(
    customer: &Customer,
    reason: &str,
    day: NaiveDate,
) -> Result<Customer, Vec<RecordError>> {
    let mut errors = Vec::new();
    let reason = reason.trim();
    if customer.churned_on.is_some() {
        errors.push(error("churned_on", Problem::Conflict));
    }
    match customer.acquired_on {
        None => errors.push(error("acquired_on", Problem::Required)),
        Some(acquired) if day < acquired && customer.churned_on.is_none() => {
            errors.push(error("churned_on", Problem::DateOrder));
        }
        Some(_) => {}
    }
    if reason.is_empty() {
        errors.push(error("churn_reason", Problem::Required));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut churned = customer.clone();
    churned.churned_on = Some(day);
    churned.churn_reason = Some(reason.to_owned());
    Ok(churned)
}

/// The churned customer won back on `day`: `churned_on` and `churn_reason` cleared.
/// Errors: `churned_on` required (not churned), date order (`day` before the churn).
///
/// Convention (a limit of the model, which keeps one acquisition and one churn day per
/// customer, no history): after a win-back the customer reads as active since
/// `acquired_on`, so the past churn no longer counts in the churn rate and cohort
/// retention of its month.
pub fn win_back(customer: &Customer, day: NaiveDate) -> Result<Customer, Vec<RecordError>> {
    match customer.churned_on {
        None => Err(vec![error("churned_on", Problem::Required)]),
        Some(churned) if day < churned => Err(vec![error("churned_on", Problem::DateOrder)]),
        Some(_) => {
            let mut back = customer.clone();
            back.churned_on = None;
            back.churn_reason = None;
            Ok(back)
        }
    }
}

pub(crate) fn error(field: &'static str, problem: Problem) -> RecordError {
    RecordError { field, problem }
}

/// The live reps, for the owner filter: (id, name) sorted by name, then id.
pub fn owners(data: &Dataset) -> Vec<(RecordId, String)> {
    let mut reps: Vec<(RecordId, String)> = data
        .live::<Rep>()
        .map(|r| (r.id.clone(), r.name.clone()))
        .collect();
    reps.sort_by(|a, b| fold(&a.1).cmp(&fold(&b.1)).then(a.0.cmp(&b.0)));
    reps
}
