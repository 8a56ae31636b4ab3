//! Whose numbers a KPI reads: one rep, a team, or everyone — and the [`Slice`] of the
//! dataset (period, scope, today) every KPI function takes.
//!
//! Attribution conventions (documented once, used by every family):
//! - deals, orders, activities and expenses count for their `rep_id`; leads for their
//!   `owner_id`; customers for their `owner_id`; feedback for its customer's owner;
//! - a record without a rep counts only for "everyone" (company-wide spend, an
//!   unassigned deal);
//! - a team's scope is the reps whose `team_id` is that team, deleted reps included
//!   (their past numbers still belong to the team).

use std::collections::BTreeSet;
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{Dataset, RecordId};
use crate::period::Period;

use super::facts::{Facts, FactsOf, Ix, NONE};
use super::hash::FastSet;
use super::Sale;

/// Whose numbers: one rep, a team, or everyone.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "scope", content = "id", rename_all = "snake_case")]
pub enum Scope {
    #[default]
    Everyone,
    Rep(RecordId),
    Team(RecordId),
}

/// The part of a dataset one KPI reads: a period, a scope, and "today" (passed in:
/// `kpi` never reads the clock), with the scope's lookups built at most once.
///
/// Making a slice is cheap (constant time for everyone and a rep, linear in reps for a
/// team); a lookup a KPI family needs is built on first use, in one linear pass, and
/// shared with every slice made from this one by [`Slice::with_period`].
pub struct Slice<'a> {
    pub data: &'a Dataset,
    pub period: Period,
    pub today: NaiveDate,
    /// `None` = everyone; else the rep ids in scope.
    reps: Option<BTreeSet<&'a str>>,
    /// The same ids as a list when there are at most [`FEW_REPS`] (a rep, a team):
    /// scanned with [`same_id`], faster than a tree of strings. Empty otherwise.
    few_reps: Vec<&'a str>,
    /// Lookups over the whole dataset (independent of the period), built on demand.
    shared: Arc<Shared<'a>>,
}

/// The lookups of a slice, shared by its [`Slice::with_period`]s.
struct Shared<'a> {
    /// Ids of the customers (tombstones included) whose owner is in scope; only built
    /// for a rep or team scope.
    customers_in_scope: OnceLock<FastSet<&'a str>>,
    /// First and last day of the window whose sales are cached: the period the slice
    /// was made for and the one before it.
    window: (NaiveDate, NaiveDate),
    /// The sales in scope dated in `window`, in the order of [`Slice::all_sales`].
    sales: OnceLock<Vec<Sale<'a>>>,
    /// The facts of the data: given ([`Slice::with_facts`]) or made on first use.
    facts: OnceLock<Arc<Facts>>,
    /// The reps in scope as [`Ix`]s of the facts: by Ix whether that rep is in scope,
    /// and their list; `None` for everyone.
    rep_ixs: OnceLock<Option<(Vec<bool>, Vec<Ix>)>>,
}

impl Shared<'_> {
    fn new(window: (NaiveDate, NaiveDate), facts: OnceLock<Arc<Facts>>) -> Self {
        Shared {
            customers_in_scope: OnceLock::new(),
            window,
            sales: OnceLock::new(),
            facts,
            rep_ixs: OnceLock::new(),
        }
    }
}

impl<'a> Slice<'a> {
    /// The slice of `data` for `period` and `scope` on `today`. Constant time for
    /// everyone and a rep, linear in reps for a team.
    pub fn new(data: &'a Dataset, period: Period, scope: &'a Scope, today: NaiveDate) -> Slice<'a> {
        let reps = match scope {
            Scope::Everyone => None,
            Scope::Rep(id) => Some(BTreeSet::from([id.as_str()])),
            Scope::Team(team) => Some(
                data.reps
                    .iter()
                    .filter(|r| r.team_id.as_deref() == Some(team.as_str()))
                    .map(|r| r.id.as_str())
                    .collect(),
            ),
        };
        let few_reps = match &reps {
            Some(ids) if ids.len() <= FEW_REPS => ids.iter().copied().collect(),
            _ => Vec::new(),
        };
        Slice {
            data,
            period,
            today,
            reps,
            few_reps,
            shared: Arc::new(Shared::new(
                (period.previous().start.min(period.start), period.end),
                OnceLock::new(),
            )),
        }
    }

    /// This slice reading `facts` — which must be facts of this slice's data as it is
    /// now, used with no other dataset — instead of making its own: an app that keeps
    /// the facts of its data (renewed on every change) computes any number of slices
    /// from them, each part of the facts made once.
    pub fn with_facts(self, facts: Arc<Facts>) -> Slice<'a> {
        Slice {
            shared: Arc::new(Shared::new(self.shared.window, OnceLock::from(facts))),
            ..self
        }
    }

    /// The facts of the data (see `facts.rs`), shared by every slice made from this one.
    pub(crate) fn facts(&self) -> FactsOf<'_> {
        let facts = self.shared.facts.get_or_init(Arc::default);
        debug_assert!(facts.may_be_of(self.data), "facts of other data");
        FactsOf {
            facts,
            data: self.data,
        }
    }

    /// Whether a fact attributed to rep `rep` (an [`Ix`] of [`Slice::facts`]) is in
    /// scope: the same rule as [`Slice::has_rep`]. Inlined into the families' loops
    /// (it runs once per fact read); the mask is made once per slice, out of line.
    #[inline]
    pub(crate) fn owns(&self, rep: Ix) -> bool {
        let mask = match self.shared.rep_ixs.get() {
            Some(mask) => mask,
            None => self.rep_mask(),
        };
        match mask {
            None => true,
            Some((reps, _)) => rep != NONE && reps.get(rep as usize).copied().unwrap_or(false),
        }
    }

    /// The reps in scope as [`Ix`]s of the facts (each once); `None` for everyone.
    pub(crate) fn rep_list(&self) -> Option<&[Ix]> {
        let mask = match self.shared.rep_ixs.get() {
            Some(mask) => mask,
            None => self.rep_mask(),
        };
        mask.as_ref().map(|(_, list)| list.as_slice())
    }

    /// See [`Shared::rep_ixs`].
    #[cold]
    #[inline(never)]
    fn rep_mask(&self) -> &Option<(Vec<bool>, Vec<Ix>)> {
        self.shared.rep_ixs.get_or_init(|| {
            // Interned now, so that records naming these reps get the same Ix.
            let ixs: Vec<Ix> = self
                .reps
                .as_ref()?
                .iter()
                .map(|id| self.facts().facts.rep(id))
                .collect();
            let mut in_scope = vec![false; ixs.iter().max().map_or(0, |&m| m as usize + 1)];
            for &ix in &ixs {
                in_scope[ix as usize] = true;
            }
            Some((in_scope, ixs))
        })
    }

    /// Whether a fact attributed through customer `customer` (an [`Ix`] of
    /// [`Slice::facts`]) is in scope: the same rule as [`Slice::has_customer`].
    pub(crate) fn owns_customer(&self, customer: Ix) -> bool {
        if self.reps.is_none() {
            return true;
        }
        let customers = self.facts().customers();
        let Some(&owner) = customers.owner.get(customer as usize) else {
            return false;
        };
        self.owns(owner)
            || customers
                .more_owners
                .iter()
                .any(|&(c, owner)| c == customer && self.owns(owner))
    }

    /// The same scope and today over another period (e.g. the previous one, for growth).
    /// Shares this slice's lookups: constant time for everyone and a rep.
    pub fn with_period(&self, period: Period) -> Slice<'a> {
        Slice {
            data: self.data,
            period,
            today: self.today,
            reps: self.reps.clone(),
            few_reps: self.few_reps.clone(),
            shared: Arc::clone(&self.shared),
        }
    }

    /// Whether a record attributed to this rep is in scope.
    #[inline]
    pub fn has_rep(&self, rep: Option<&str>) -> bool {
        match &self.reps {
            None => true,
            Some(reps) => rep.is_some_and(|r| match self.few_reps.as_slice() {
                [] if reps.len() > FEW_REPS => reps.contains(r),
                few => few.iter().any(|id| same_id(id, r)),
            }),
        }
    }

    /// Whether a record attributed through this customer (to its owner) is in scope:
    /// always for everyone; else when the customer record with this id (live or a
    /// tombstone) has an owner in scope. Ids are unique (a dataset never holds two
    /// records of one kind with the same id); should two customers share an id anyway,
    /// the id is in scope when either owner is. The first call for a rep or team scope
    /// makes the set of the scope's customer ids in one pass over the customers.
    pub fn has_customer(&self, customer: Option<&str>) -> bool {
        if self.reps.is_none() {
            return true;
        }
        customer.is_some_and(|c| self.customers_in_scope().contains(c))
    }

    /// Ids of the customers owned in scope (see [`Slice::has_customer`]); built once.
    fn customers_in_scope(&self) -> &FastSet<&'a str> {
        self.shared.customers_in_scope.get_or_init(|| {
            self.data
                .customers
                .iter()
                .filter(|c| c.owner_id.is_some() && self.has_rep(c.owner_id.as_deref()))
                .map(|c| c.id.as_str())
                .collect()
        })
    }

    /// The first and last day whose sales [`Slice::sales`] keeps once read.
    pub(super) fn window(&self) -> (NaiveDate, NaiveDate) {
        self.shared.window
    }

    /// The sales of the window, gathered by `gather` on first use.
    pub(super) fn cached_sales(&self, gather: impl FnOnce() -> Vec<Sale<'a>>) -> &[Sale<'a>] {
        self.shared.sales.get_or_init(gather)
    }

    /// The rep ids in scope; `None` for everyone.
    pub fn rep_ids(&self) -> Option<&BTreeSet<&'a str>> {
        self.reps.as_ref()
    }

    /// The last day the period has reached: its end, or today if the period is still
    /// running (for "per day" rates and "at period end" counts).
    pub fn reached(&self) -> NaiveDate {
        self.period.end.min(self.today).max(self.period.start)
    }
}

/// Up to this many reps in scope, [`Slice::has_rep`] scans a list.
const FEW_REPS: usize = 16;

/// Whether two ids are equal, comparing the length and the first 8 bytes inline
/// before the rest: ids of different records (UUIDs) almost always differ there, so
/// the common "not this rep" answer costs no call to `memcmp`.
#[inline]
fn same_id(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len() && a.first_chunk::<8>() == b.first_chunk::<8>() && a == b
}

/// Working days (Monday–Friday) from `start` to `end`, both included; 0 if `end` is
/// before `start`. Constant time.
pub fn working_days(start: NaiveDate, end: NaiveDate) -> i64 {
    use chrono::Datelike;
    if end < start {
        return 0;
    }
    let days = (end - start).num_days() + 1;
    let (weeks, rest) = (days / 7, days % 7);
    let first = i64::from(start.weekday().num_days_from_monday()); // 0 = Monday
    let extra = (0..rest).filter(|i| (first + i) % 7 < 5).count() as i64;
    weeks * 5 + extra
}
