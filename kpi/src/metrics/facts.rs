//! The facts the KPI families read, made once per version of the data and shared by
//! every slice: each record kept as a few plain numbers, with the rep and customer ids
//! replaced by small integers and the dated collections sorted by date.
//!
//! Why: the families used to scan the records themselves, comparing and hashing id
//! strings (36 bytes each) for every record of every slice. At 10k deals a dashboard
//! read ~80k records of ~300 bytes per slice, bound by memory and by string hashing.
//! From the facts a slice reads only its period's sales, leads, activities and
//! expenses (found by binary search) and compact arrays of deals, customers and
//! feedback, and tells whose a record is by an integer compare.
//!
//! The facts hold exactly what the families' conventions need (see each family's
//! module docs); every convention stays stated where the formula is. Each part (sales,
//! deals, customers, leads, activities, expenses, feedback) is made on first use, in
//! one pass over its collection plus a sort by date, so a slice that reads one family
//! (a goal's measure) pays only for the collections that family reads.
//!
//! After an edit, [`Facts::renewed`] keeps every part whose collections the edit did not
//! touch (told by their [`Tracked`](crate::model::Tracked) stamps): logging a call
//! remakes the activities only, a deal edit the sales and the deals.

use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use chrono::NaiveDate;

use crate::model::{ActivityKind, Dataset, DealStatus, ExpenseCategory, Record};
use crate::money::Money;

use super::hash::FastMap;
use super::SaleKind;

/// A rep or customer id as a small integer; [`NONE`] for a record without one.
pub(crate) type Ix = u32;

/// "No rep" / "no customer".
pub(crate) const NONE: Ix = Ix::MAX;

/// The facts of one version of a dataset (see the module docs), each part made on
/// first use. Owned: the app keeps them in a memo next to the data they are read from,
/// and renews them when the data changes. Every method takes the dataset: it must
/// be the same (unchanged) dataset every time.
#[derive(Debug, Default)]
pub struct Facts {
    /// Rep and customer ids → [`Ix`]: consistent across the parts, whatever order
    /// they are made in, and shared with the facts renewed from these.
    ids: Arc<Mutex<Interner>>,
    /// The stamps of the collections these facts are of; `None` when not known
    /// (facts made with `default`), so no part is ever carried over from them.
    made_from: Option<Sources>,
    sales: OnceLock<Arc<SalesPart>>,
    deals: OnceLock<Arc<DealsPart>>,
    customers: OnceLock<Arc<CustomerPart>>,
    leads: OnceLock<Arc<Vec<LeadFact>>>,
    activities: OnceLock<Arc<Vec<ActivityFact>>>,
    acquisition: OnceLock<Arc<Vec<(NaiveDate, Ix, Money)>>>,
    feedback: OnceLock<Arc<Vec<FeedbackFact>>>,
}

/// The [`Tracked`](crate::model::Tracked) stamps of the collections the parts read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Sources {
    settings: u64,
    customers: u64,
    leads: u64,
    deals: u64,
    orders: u64,
    activities: u64,
    expenses: u64,
    feedback: u64,
}

impl Sources {
    fn of(data: &Dataset) -> Self {
        Sources {
            settings: data.settings.stamp(),
            customers: data.customers.stamp(),
            leads: data.leads.stamp(),
            deals: data.deals.stamp(),
            orders: data.orders.stamp(),
            activities: data.activities.stamp(),
            expenses: data.expenses.stamp(),
            feedback: data.feedback.stamp(),
        }
    }
}

/// Puts `from`'s part into `to` when it is made and `same` (its collections unchanged).
fn carry<T>(from: &OnceLock<Arc<T>>, to: &OnceLock<Arc<T>>, same: bool) -> bool {
    match from.get() {
        Some(part) if same => to.set(Arc::clone(part)).is_ok(),
        _ => false,
    }
}

/// [`Facts`] together with the dataset they are of: what a slice hands its families.
#[derive(Clone, Copy)]
pub(crate) struct FactsOf<'s> {
    pub facts: &'s Facts,
    pub data: &'s Dataset,
}

impl<'s> FactsOf<'s> {
    pub fn sales(self) -> &'s SalesPart {
        self.facts.sales(self.data)
    }
    pub fn deals(self) -> &'s DealsPart {
        self.facts.deals(self.data)
    }
    pub fn customers(self) -> &'s CustomerPart {
        self.facts.customers(self.data)
    }
    pub fn leads(self) -> &'s [LeadFact] {
        self.facts.leads(self.data)
    }
    pub fn acquisition(self) -> &'s [(NaiveDate, Ix, Money)] {
        self.facts.acquisition(self.data)
    }
    pub fn activities(self) -> &'s [ActivityFact] {
        self.facts.activities(self.data)
    }
    pub fn feedback(self) -> &'s [FeedbackFact] {
        self.facts.feedback(self.data)
    }
}

/// The sales and lost deals.
#[derive(Debug, Default)]
pub(crate) struct SalesPart {
    /// The sales (as [`Slice::sales`](super::Slice::sales) makes them), by date.
    pub sales: Vec<SaleFact>,
    /// The live lost deals' close dates and reps, by date.
    pub lost: Vec<(NaiveDate, Ix)>,
}

impl SalesPart {
    /// The sales dated from `start` to `end`, both included.
    pub fn between(&self, start: NaiveDate, end: NaiveDate) -> &[SaleFact] {
        between(&self.sales, start, end, |s| s.date)
    }
}

/// The customer records.
#[derive(Debug, Default)]
pub(crate) struct CustomerPart {
    /// The live customer records, by owner (see [`CustomerPart::owned_by`]).
    pub customers: Vec<CustomerFact>,
    /// By customer [`Ix`]: (acquired, churned) of the last live record with that id;
    /// `None` when there is none (deleted, or not merged yet). Ids interned after this
    /// part was made are past its end: no record.
    pub buyers: Vec<Option<(Option<NaiveDate>, Option<NaiveDate>)>>,
    /// By customer [`Ix`]: the owner of a record with that id (live or a tombstone),
    /// [`NONE`] without one; further distinct owners of the same id in `more_owners`.
    pub owner: Vec<Ix>,
    pub more_owners: Vec<(Ix, Ix)>,
}

impl CustomerPart {
    /// The live customer records owned by `owner`.
    pub fn owned_by(&self, owner: Ix) -> &[CustomerFact] {
        let from = self.customers.partition_point(|c| c.owner < owner);
        let to = self.customers.partition_point(|c| c.owner <= owner);
        &self.customers[from..to]
    }

    /// What the last live record with this customer id says, if there is one.
    pub fn buyer(&self, customer: Ix) -> Option<(Option<NaiveDate>, Option<NaiveDate>)> {
        self.buyers.get(customer as usize).copied().flatten()
    }
}

/// One sale: a won deal on its close date or an order not tied to a deal.
#[derive(Clone, Copy, Debug)]
pub(crate) struct SaleFact {
    pub date: NaiveDate,
    pub amount: Money,
    pub cost: Option<Money>,
    pub kind: SaleKind,
    pub rep: Ix,
    pub customer: Ix,
    /// For a won deal: its created date and its discount (0 without one).
    pub won: Option<(NaiveDate, Money)>,
}

/// The live deals as the pipeline reads them: split so that the deals open on a day
/// are found without reading the many closed long before it.
#[derive(Debug, Default)]
pub(crate) struct DealsPart {
    /// Neither won nor lost, in data order.
    pub open: Vec<DealFact>,
    /// Won or lost with a close date, by close date.
    pub closed: Vec<DealFact>,
}

impl DealsPart {
    /// The deals open at the end of `day`: created by then and not yet won or lost
    /// (a deal closed on `day` is no longer open; one closed without a date never was).
    pub fn open_on(&self, day: NaiveDate) -> impl Iterator<Item = &DealFact> {
        let closed_after = self.closed.partition_point(|d| d.closed_on <= Some(day));
        self.open
            .iter()
            .chain(&self.closed[closed_after..])
            .filter(move |d| d.created <= day)
    }
}

/// A live deal as the pipeline reads it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct DealFact {
    pub created: NaiveDate,
    /// Won or lost.
    pub closed: bool,
    pub closed_on: Option<NaiveDate>,
    pub amount: Money,
    /// [`Deal::open_percent`](crate::model::Deal::open_percent).
    pub percent: u8,
    pub rep: Ix,
}

/// A live customer record.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CustomerFact {
    pub owner: Ix,
    pub acquired: Option<NaiveDate>,
    pub churned: Option<NaiveDate>,
}

impl CustomerFact {
    /// [`Customer::active_on`](crate::model::Customer::active_on).
    pub fn active_on(&self, day: NaiveDate) -> bool {
        self.acquired.is_some_and(|a| a <= day) && self.churned.is_none_or(|c| c > day)
    }
}

/// A live lead.
#[derive(Clone, Copy, Debug)]
pub(crate) struct LeadFact {
    pub created: NaiveDate,
    pub converted: Option<NaiveDate>,
    pub owner: Ix,
}

/// A live activity.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ActivityFact {
    pub date: NaiveDate,
    pub customer: Ix,
    pub rep: Ix,
    /// Its minutes if it is prospecting, else 0.
    pub prospecting_minutes: u32,
}

/// A live feedback record.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FeedbackFact {
    pub date: NaiveDate,
    pub customer: Ix,
    pub csat: Option<u8>,
    pub nps: Option<u8>,
    pub complaint: bool,
    pub resolved_on: Option<NaiveDate>,
}

impl FeedbackFact {
    /// [`Feedback::open_complaint_on`](crate::model::Feedback::open_complaint_on).
    pub fn open_complaint_on(&self, day: NaiveDate) -> bool {
        self.complaint && self.date <= day && self.resolved_on.is_none_or(|r| r > day)
    }
}

/// Interns ids as consecutive [`Ix`]s while the facts are built. A UUID in the app's
/// form (36 characters, lowercase hex) is keyed by its 128-bit value — equal values
/// are equal texts — so the table compares integers, not strings in the records'
/// memory; any other id is keyed by its text.
#[derive(Debug, Default)]
struct Interner {
    uuids: FastMap<u128, Ix>,
    others: FastMap<String, Ix>,
}

impl Interner {
    fn ix(&mut self, id: Option<&str>) -> Ix {
        let Some(id) = id else { return NONE };
        let next = Ix::try_from(self.len()).unwrap_or(NONE - 1);
        match uuid_value(id) {
            Some(value) => *self.uuids.entry(value).or_insert(next),
            None => match self.others.get(id) {
                Some(&ix) => ix,
                None => *self.others.entry(id.to_owned()).or_insert(next),
            },
        }
    }

    fn len(&self) -> usize {
        self.uuids.len() + self.others.len()
    }
}

/// The value of a UUID written as 36 characters of lowercase hex digits with dashes
/// after the 8th, 12th, 16th and 20th digit; `None` for any other text (uppercase
/// included, which is another text).
fn uuid_value(id: &str) -> Option<u128> {
    let b = id.as_bytes();
    if b.len() != 36 || b[8] != b'-' || b[13] != b'-' || b[18] != b'-' || b[23] != b'-' {
        return None;
    }
    let high = hex(&b[14..18], hex(&b[9..13], hex(&b[..8], 0)?)?)?;
    let low = hex(&b[24..], hex(&b[19..23], 0)?)?;
    Some(u128::from(high) << 64 | u128::from(low))
}

/// `acc` followed by the lowercase hex digits `digits`; `None` if one is not one.
#[inline]
fn hex(digits: &[u8], mut acc: u64) -> Option<u64> {
    for &c in digits {
        let digit = match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'f' => c - b'a' + 10,
            _ => return None,
        };
        acc = acc << 4 | u64::from(digit);
    }
    Some(acc)
}

impl Facts {
    /// The facts of `data` after a change from the data `previous` was of: the parts
    /// of `previous` whose collections have the same stamps now are kept (shared, not
    /// copied), the others are made anew on first use. Without `previous` (or when
    /// nothing can be kept) these are new facts.
    pub fn renewed(previous: Option<&Facts>, data: &Dataset) -> Facts {
        let now = Sources::of(data);
        let mut facts = Facts {
            made_from: Some(now),
            ..Facts::default()
        };
        let Some((previous, before)) = previous.and_then(|p| Some((p, p.made_from?))) else {
            return facts;
        };
        let sales = before.deals == now.deals && before.orders == now.orders;
        let deals = before.deals == now.deals && before.settings == now.settings;
        let kept = [
            carry(&previous.sales, &facts.sales, sales),
            carry(&previous.deals, &facts.deals, deals),
            carry(
                &previous.customers,
                &facts.customers,
                before.customers == now.customers,
            ),
            carry(&previous.leads, &facts.leads, before.leads == now.leads),
            carry(
                &previous.activities,
                &facts.activities,
                before.activities == now.activities,
            ),
            carry(
                &previous.acquisition,
                &facts.acquisition,
                before.expenses == now.expenses,
            ),
            carry(
                &previous.feedback,
                &facts.feedback,
                before.feedback == now.feedback,
            ),
        ];
        if kept.contains(&true) {
            // The kept parts name reps and customers by the previous facts' numbers.
            facts.ids = Arc::clone(&previous.ids);
        }
        facts
    }

    /// Whether these are (or may be) facts of `data` as it is now.
    pub(crate) fn may_be_of(&self, data: &Dataset) -> bool {
        self.made_from.is_none_or(|made| made == Sources::of(data))
    }

    /// Interns ids (see [`Interner`]) for the duration of `work`.
    fn with_ids<R>(&self, work: impl FnOnce(&mut Interner) -> R) -> R {
        // Interning never panics midway, so a poisoned lock still holds a sound table.
        work(&mut self.ids.lock().unwrap_or_else(PoisonError::into_inner))
    }

    /// The [`Ix`] of a rep id (interned now if no part named it yet, so that it is
    /// the same in every part made later).
    pub(crate) fn rep(&self, id: &str) -> Ix {
        self.with_ids(|ids| ids.ix(Some(id)))
    }

    /// The sales and lost deals of `data`.
    pub(crate) fn sales(&self, data: &Dataset) -> &SalesPart {
        self.sales.get_or_init(|| {
            Arc::new({
                self.with_ids(|ids| {
                    let mut part = SalesPart::default();
                    for deal in data.deals.iter().filter(|d| d.live()) {
                        match (deal.status, deal.closed_on) {
                            (DealStatus::Won, Some(date)) => part.sales.push(SaleFact {
                                date,
                                amount: deal.amount,
                                cost: deal.cost,
                                kind: deal.kind.into(),
                                rep: ids.ix(deal.rep_id.as_deref()),
                                customer: ids.ix(deal.customer_id.as_deref()),
                                won: Some((deal.created_on, deal.discount.unwrap_or(Money::ZERO))),
                            }),
                            (DealStatus::Lost, Some(date)) => {
                                part.lost.push((date, ids.ix(deal.rep_id.as_deref())));
                            }
                            _ => {}
                        }
                    }
                    for order in data
                        .orders
                        .iter()
                        .filter(|o| o.live() && o.deal_id.is_none())
                    {
                        part.sales.push(SaleFact {
                            date: order.date,
                            amount: order.amount,
                            cost: order.cost,
                            kind: order.kind.into(),
                            rep: ids.ix(order.rep_id.as_deref()),
                            customer: ids.ix(order.customer_id.as_deref()),
                            won: None,
                        });
                    }
                    part.sales.sort_by_key(|s| s.date);
                    part.lost.sort_unstable_by_key(|l| l.0);
                    part
                })
            })
        })
    }

    /// The live deals of `data`, for the pipeline.
    pub(crate) fn deals(&self, data: &Dataset) -> &DealsPart {
        self.deals.get_or_init(|| {
            let facts: Vec<DealFact> = self.with_ids(|ids| {
                data.deals
                    .iter()
                    .filter(|d| d.live())
                    .map(|deal| DealFact {
                        created: deal.created_on,
                        closed: deal.status.is_closed(),
                        closed_on: deal.closed_on,
                        amount: deal.amount,
                        percent: deal.open_percent(&data.settings),
                        rep: ids.ix(deal.rep_id.as_deref()),
                    })
                    .collect()
            });
            let (mut closed, open): (Vec<DealFact>, Vec<DealFact>) =
                facts.into_iter().partition(|d| d.closed);
            // A closed deal without a close date is never open (see `open_on`).
            closed.retain(|d| d.closed_on.is_some());
            closed.sort_unstable_by_key(|d| d.closed_on);
            Arc::new(DealsPart { open, closed })
        })
    }

    /// The customer records of `data`.
    pub(crate) fn customers(&self, data: &Dataset) -> &CustomerPart {
        self.customers.get_or_init(|| {
            Arc::new({
                self.with_ids(|ids| {
                    let mut part = CustomerPart::default();
                    let mut records = Vec::with_capacity(data.customers.len());
                    for record in &data.customers {
                        let owner = ids.ix(record.owner_id.as_deref());
                        records.push((ids.ix(Some(&record.id)), owner));
                        if record.live() {
                            part.customers.push(CustomerFact {
                                owner,
                                acquired: record.acquired_on,
                                churned: record.churned_on,
                            });
                        }
                    }
                    // By owner, so a rep's slice reads only that rep's customers.
                    part.customers.sort_by_key(|c| c.owner);
                    part.buyers.resize(ids.len(), None);
                    part.owner.resize(ids.len(), NONE);
                    for (record, (c, owner)) in data.customers.iter().zip(records) {
                        let at = c as usize;
                        if record.live() {
                            part.buyers[at] = Some((record.acquired_on, record.churned_on));
                        }
                        if part.owner[at] == NONE {
                            part.owner[at] = owner;
                        } else if owner != NONE && owner != part.owner[at] {
                            part.more_owners.push((c, owner));
                        }
                    }
                    part
                })
            })
        })
    }

    /// The live leads of `data`, by created date.
    pub(crate) fn leads(&self, data: &Dataset) -> &[LeadFact] {
        self.leads.get_or_init(|| {
            Arc::new({
                let mut leads: Vec<LeadFact> = self.with_ids(|ids| {
                    data.leads
                        .iter()
                        .filter(|l| l.live())
                        .map(|lead| LeadFact {
                            created: lead.created_on,
                            converted: lead.converted_on,
                            owner: ids.ix(lead.owner_id.as_deref()),
                        })
                        .collect()
                });
                leads.sort_by_key(|l| l.created);
                leads
            })
        })
    }

    /// The live expenses of `data` of the acquisition categories (marketing, sales,
    /// salaries, commission) as (date, rep, amount), by date.
    pub(crate) fn acquisition(&self, data: &Dataset) -> &[(NaiveDate, Ix, Money)] {
        self.acquisition.get_or_init(|| {
            Arc::new({
                let mut spend: Vec<(NaiveDate, Ix, Money)> = self.with_ids(|ids| {
                    data.expenses
                        .iter()
                        .filter(|e| e.live())
                        .filter(|e| {
                            matches!(
                                e.category,
                                ExpenseCategory::Marketing
                                    | ExpenseCategory::Sales
                                    | ExpenseCategory::Salaries
                                    | ExpenseCategory::Commission
                            )
                        })
                        .map(|e| (e.date, ids.ix(e.rep_id.as_deref()), e.amount))
                        .collect()
                });
                spend.sort_by_key(|e| e.0);
                spend
            })
        })
    }

    /// The live activities of `data`, by (date, customer).
    pub(crate) fn activities(&self, data: &Dataset) -> &[ActivityFact] {
        self.activities.get_or_init(|| {
            Arc::new({
                let mut activities: Vec<ActivityFact> = self.with_ids(|ids| {
                    data.activities
                        .iter()
                        .filter(|a| a.live())
                        .map(|activity| ActivityFact {
                            date: activity.date,
                            customer: ids.ix(activity.customer_id.as_deref()),
                            rep: ids.ix(activity.rep_id.as_deref()),
                            prospecting_minutes: if activity.kind == ActivityKind::Prospecting {
                                activity.minutes
                            } else {
                                0
                            },
                        })
                        .collect()
                });
                activities.sort_unstable_by_key(|a| (a.date, a.customer));
                activities
            })
        })
    }

    /// The live feedback of `data`, in data order.
    pub(crate) fn feedback(&self, data: &Dataset) -> &[FeedbackFact] {
        self.feedback.get_or_init(|| {
            Arc::new({
                self.with_ids(|ids| {
                    data.feedback
                        .iter()
                        .filter(|f| f.live())
                        .map(|feedback| FeedbackFact {
                            date: feedback.date,
                            customer: ids.ix(feedback.customer_id.as_deref()),
                            csat: feedback.csat,
                            nps: feedback.nps,
                            complaint: feedback.complaint.is_some(),
                            resolved_on: feedback.resolved_on,
                        })
                        .collect()
                })
            })
        })
    }
}

/// The part of `items` (sorted by `date`) dated from `start` to `end`, both included.
pub(crate) fn between<T>(
    items: &[T],
    start: NaiveDate,
    end: NaiveDate,
    date: impl Fn(&T) -> NaiveDate,
) -> &[T] {
    let from = items.partition_point(|i| date(i) < start);
    let to = items.partition_point(|i| date(i) <= end).max(from);
    &items[from..to]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuid_values_round_trip_and_other_texts_are_not_uuids() {
        let id = "0f8fad5b-d9cb-469f-a165-70867728950e";
        assert_eq!(uuid_value(id), Some(0x0f8fad5b_d9cb_469f_a165_70867728950e));
        for (case, text) in [
            ("uppercase", "0F8FAD5B-D9CB-469F-A165-70867728950E"),
            ("short id", "r1"),
            ("dash misplaced", "0f8fad5bd-9cb-469f-a165-70867728950e"),
            ("digit for a dash", "0f8fad5b0d9cb-469f-a165-70867728950e"),
            ("not hex", "0f8fad5b-d9cb-469f-a165-70867728950g"),
        ] {
            assert_eq!(uuid_value(text), None, "{case}");
        }
    }

    #[test]
    fn interned_ids_are_equal_exactly_when_their_texts_are() {
        let mut interner = Interner::default();
        let ids = [
            "0f8fad5b-d9cb-469f-a165-70867728950e",
            "0F8FAD5B-D9CB-469F-A165-70867728950E",
            "r1",
            "0f8fad5b-d9cb-469f-a165-70867728950f",
        ];
        let first: Vec<Ix> = ids.iter().map(|id| interner.ix(Some(id))).collect();
        let again: Vec<Ix> = ids.iter().map(|id| interner.ix(Some(id))).collect();
        assert_eq!(first, vec![0, 1, 2, 3]);
        assert_eq!(again, first);
        assert_eq!(interner.ix(None), NONE);
        assert_eq!(interner.len(), 4);
    }
}
