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
//! module docs); every convention stays stated where the formula is. Building them is
//! one pass over each collection plus a sort of the dated ones.

use chrono::NaiveDate;

use crate::model::{ActivityKind, Dataset, DealStatus, ExpenseCategory, Record};
use crate::money::Money;

use super::hash::FastMap;
use super::SaleKind;

/// A rep or customer id as a small integer; [`NONE`] for a record without one.
pub(crate) type Ix = u32;

/// "No rep" / "no customer".
pub(crate) const NONE: Ix = Ix::MAX;

/// The facts of one dataset (see the module docs). Owned: the app keeps them in a memo
/// next to the data they were made from.
#[derive(Debug, Default)]
pub struct Facts {
    /// Rep id → its [`Ix`] (every rep id named by a rep or any record).
    rep_ix: FastMap<String, Ix>,
    /// The sales (as [`Slice::sales`](super::Slice::sales) makes them), by date.
    pub(crate) sales: Vec<SaleFact>,
    /// The live lost deals' close dates and reps, by date.
    pub(crate) lost: Vec<(NaiveDate, Ix)>,
    /// The live deals, for the pipeline.
    pub(crate) deals: Vec<DealFact>,
    /// The live customer records, in data order.
    pub(crate) customers: Vec<CustomerFact>,
    /// By customer [`Ix`]: (acquired, churned) of the last live record with that id;
    /// `None` when there is none (deleted, or not merged yet).
    pub(crate) buyers: Vec<Option<(Option<NaiveDate>, Option<NaiveDate>)>>,
    /// By customer [`Ix`]: the owner of a record with that id (live or a tombstone),
    /// [`NONE`] without one; further distinct owners of the same id in `more_owners`.
    pub(crate) owner: Vec<Ix>,
    pub(crate) more_owners: Vec<(Ix, Ix)>,
    /// The live leads, by created date.
    pub(crate) leads: Vec<LeadFact>,
    /// The live activities, by (date, customer).
    pub(crate) activities: Vec<ActivityFact>,
    /// The live expenses of the acquisition categories (marketing, sales, salaries,
    /// commission), by date.
    pub(crate) acquisition: Vec<(NaiveDate, Ix, Money)>,
    /// The live feedback, in data order.
    pub(crate) feedback: Vec<FeedbackFact>,
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

/// Interns ids as consecutive [`Ix`]s while the facts are built.
#[derive(Default)]
struct Interner<'d>(FastMap<&'d str, Ix>);

impl<'d> Interner<'d> {
    fn ix(&mut self, id: Option<&'d str>) -> Ix {
        let Some(id) = id else { return NONE };
        let next = Ix::try_from(self.0.len()).unwrap_or(NONE - 1);
        *self.0.entry(id).or_insert(next)
    }
}

impl Facts {
    /// The facts of `data`: one pass over each collection, then the dated ones sorted.
    pub fn of(data: &Dataset) -> Facts {
        let mut reps = Interner::default();
        let mut customers = Interner::default();
        for rep in &data.reps {
            reps.ix(Some(&rep.id));
        }
        for customer in &data.customers {
            customers.ix(Some(&customer.id));
        }
        let settings = &data.settings;
        let mut facts = Facts::default();
        for deal in data.deals.iter().filter(|d| d.live()) {
            let rep = reps.ix(deal.rep_id.as_deref());
            facts.deals.push(DealFact {
                created: deal.created_on,
                closed: deal.status.is_closed(),
                closed_on: deal.closed_on,
                amount: deal.amount,
                percent: deal.open_percent(settings),
                rep,
            });
            match (deal.status, deal.closed_on) {
                (DealStatus::Won, Some(date)) => facts.sales.push(SaleFact {
                    date,
                    amount: deal.amount,
                    cost: deal.cost,
                    kind: deal.kind.into(),
                    rep,
                    customer: customers.ix(deal.customer_id.as_deref()),
                    won: Some((deal.created_on, deal.discount.unwrap_or(Money::ZERO))),
                }),
                (DealStatus::Lost, Some(date)) => facts.lost.push((date, rep)),
                _ => {}
            }
        }
        for order in data.orders.iter().filter(|o| o.live() && o.deal_id.is_none()) {
            facts.sales.push(SaleFact {
                date: order.date,
                amount: order.amount,
                cost: order.cost,
                kind: order.kind.into(),
                rep: reps.ix(order.rep_id.as_deref()),
                customer: customers.ix(order.customer_id.as_deref()),
                won: None,
            });
        }
        facts.collect_customers(data, &mut reps);
        facts.collect_engagement(data, &mut reps, &mut customers);
        facts.sales.sort_by_key(|s| s.date);
        facts.lost.sort_unstable_by_key(|l| l.0);
        facts.leads.sort_by_key(|l| l.created);
        facts.activities.sort_unstable_by_key(|a| (a.date, a.customer));
        facts.acquisition.sort_unstable_by_key(|e| e.0);
        let count = customers.0.len();
        facts.buyers.resize(count, None);
        facts.owner.resize(count, NONE);
        for record in &data.customers {
            let c = customers.ix(Some(&record.id)) as usize;
            if record.live() {
                facts.buyers[c] = Some((record.acquired_on, record.churned_on));
            }
            let owner = reps.ix(record.owner_id.as_deref());
            if facts.owner[c] == NONE {
                facts.owner[c] = owner;
            } else if owner != NONE && owner != facts.owner[c] {
                facts.more_owners.push((c as Ix, owner));
            }
        }
        facts.rep_ix = reps.0.into_iter().map(|(id, ix)| (id.to_owned(), ix)).collect();
        facts
    }

    /// The live customers, leads and acquisition expenses.
    fn collect_customers<'d>(&mut self, data: &'d Dataset, reps: &mut Interner<'d>) {
        for customer in data.customers.iter().filter(|c| c.live()) {
            self.customers.push(CustomerFact {
                owner: reps.ix(customer.owner_id.as_deref()),
                acquired: customer.acquired_on,
                churned: customer.churned_on,
            });
        }
        for lead in data.leads.iter().filter(|l| l.live()) {
            self.leads.push(LeadFact {
                created: lead.created_on,
                converted: lead.converted_on,
                owner: reps.ix(lead.owner_id.as_deref()),
            });
        }
        for expense in data.expenses.iter().filter(|e| e.live()) {
            if matches!(
                expense.category,
                ExpenseCategory::Marketing
                    | ExpenseCategory::Sales
                    | ExpenseCategory::Salaries
                    | ExpenseCategory::Commission
            ) {
                let rep = reps.ix(expense.rep_id.as_deref());
                self.acquisition.push((expense.date, rep, expense.amount));
            }
        }
    }

    /// The live activities and feedback.
    fn collect_engagement<'d>(
        &mut self,
        data: &'d Dataset,
        reps: &mut Interner<'d>,
        customers: &mut Interner<'d>,
    ) {
        for activity in data.activities.iter().filter(|a| a.live()) {
            self.activities.push(ActivityFact {
                date: activity.date,
                customer: customers.ix(activity.customer_id.as_deref()),
                rep: reps.ix(activity.rep_id.as_deref()),
                prospecting_minutes: if activity.kind == ActivityKind::Prospecting {
                    activity.minutes
                } else {
                    0
                },
            });
        }
        for feedback in data.feedback.iter().filter(|f| f.live()) {
            self.feedback.push(FeedbackFact {
                date: feedback.date,
                customer: customers.ix(feedback.customer_id.as_deref()),
                csat: feedback.csat,
                nps: feedback.nps,
                complaint: feedback.complaint.is_some(),
                resolved_on: feedback.resolved_on,
            });
        }
    }

    /// The [`Ix`] of a rep id, if any record names it.
    pub(crate) fn rep(&self, id: &str) -> Option<Ix> {
        self.rep_ix.get(id).copied()
    }

    /// How many distinct rep ids the data names.
    pub(crate) fn rep_count(&self) -> usize {
        self.rep_ix.len()
    }

    /// The sales dated from `start` to `end`, both included.
    pub(crate) fn sales_between(&self, start: NaiveDate, end: NaiveDate) -> &[SaleFact] {
        between(&self.sales, start, end, |s| s.date)
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
