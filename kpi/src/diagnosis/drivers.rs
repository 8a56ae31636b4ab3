//! The revenue drivers of one slice and the funnel identity they multiply to.

use serde::{Deserialize, Serialize};

use crate::metrics::Slice;
use crate::model::{DealStatus, Lead, Record};
use crate::money::Money;

/// What a slice (a period + a scope) sold and how it got there: the raw counts of the
/// funnel and the revenue, split into what came through deals and what did not.
///
/// Conventions (the same records the sales and customer families read):
/// - `leads`: live leads in scope (`owner_id`) with `created_on` in the period;
/// - `deals_opened`: live deals in scope (`rep_id`) with `created_on` in the period;
/// - `deals_closed`: live deals in scope won or lost with `closed_on` in the period
///   (the denominator of the win rate);
/// - `deals_won`: live deals in scope won with `closed_on` in the period;
/// - `deal_revenue`: Σ amount of those won deals;
/// - `other_revenue`: Σ amount of the period's orders not tied to a deal (an order
///   naming its deal is the deal's delivery, already in `deal_revenue`). They did not
///   go through the funnel, so they are a separate, additive driver.
///
/// [`Drivers::revenue`] = `deal_revenue + other_revenue` is the slice's revenue, the
/// same as [`SalesMetrics::revenue`](crate::metrics::sales::SalesMetrics).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Drivers {
    pub leads: u32,
    pub deals_opened: u32,
    pub deals_closed: u32,
    pub deals_won: u32,
    pub deal_revenue: Money,
    pub other_revenue: Money,
}

/// The five multiplicative drivers of deal revenue (see [`Drivers::factors`]). The
/// rates of observed drivers lie in 0–1; a target's plan may scale them beyond.
///
/// A ratio is `None` ("no data") when its denominator is 0: nothing reached that
/// step. The decomposition then takes it as unchanged (see
/// [`decompose`](super::decompose)), so the gap lands on the step where the funnel
/// emptied, never on the empty steps after it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Factors {
    /// Funnel leads L* (a count, see [`Drivers::factors`]).
    pub leads: f64,
    /// Conversion O* ÷ L*: deals opened per lead (0–1).
    pub conversion: Option<f64>,
    /// Throughput C* ÷ O*: deals closed per deal opened (0–1); falls when deals stay
    /// open longer (cycle-time slippage).
    pub throughput: Option<f64>,
    /// Win rate W* ÷ C*: deals won per deal closed (0–1).
    pub win_rate: Option<f64>,
    /// Average deal size R ÷ W*, in minor units.
    pub deal_size: Option<f64>,
}

impl Factors {
    /// The factors as an array in [`Driver`](super::Driver) order; `None` for no data.
    pub(super) fn to_array(self) -> [Option<f64>; 5] {
        [
            Some(self.leads),
            self.conversion,
            self.throughput,
            self.win_rate,
            self.deal_size,
        ]
    }

    /// Every factor multiplied by `scale` (no data stays no data).
    pub(super) fn scaled(self, scale: f64) -> Factors {
        Factors {
            leads: self.leads * scale,
            conversion: self.conversion.map(|x| x * scale),
            throughput: self.throughput.map(|x| x * scale),
            win_rate: self.win_rate.map(|x| x * scale),
            deal_size: self.deal_size.map(|x| x * scale),
        }
    }
}

impl Drivers {
    /// Counts the drivers of `slice` in one pass over the leads, one over the deals and
    /// one over the period's sales (see the struct conventions). Counts saturate at
    /// `u32::MAX`, sums at the i64 range (bad data only).
    pub fn of(slice: &Slice) -> Drivers {
        let period = slice.period;
        let leads = slice
            .data
            .live::<Lead>()
            .filter(|l| period.contains(l.created_on) && slice.has_rep(l.owner_id.as_deref()))
            .count();
        let (mut opened, mut lost) = (0_usize, 0_usize);
        for deal in slice.data.deals.iter().filter(|d| d.live()) {
            if !slice.has_rep(deal.rep_id.as_deref()) {
                continue;
            }
            if period.contains(deal.created_on) {
                opened += 1;
            }
            if deal.status == DealStatus::Lost && deal.closed_on.is_some_and(|c| period.contains(c))
            {
                lost += 1;
            }
        }
        let (mut won, mut deal_revenue, mut other_revenue) = (0_usize, Money::ZERO, Money::ZERO);
        for sale in slice.sales() {
            if sale.deal.is_some() {
                won += 1;
                deal_revenue = deal_revenue.saturating_add(sale.amount);
            } else {
                other_revenue = other_revenue.saturating_add(sale.amount);
            }
        }
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Drivers {
            leads: count(leads),
            deals_opened: count(opened),
            deals_closed: count(won.saturating_add(lost)),
            deals_won: count(won),
            deal_revenue,
            other_revenue,
        }
    }

    /// `deal_revenue + other_revenue` (saturating, bad data only).
    pub fn revenue(&self) -> Money {
        self.deal_revenue.saturating_add(self.other_revenue)
    }

    /// The funnel identity `deal_revenue = L* × (O*/L*) × (C*/O*) × (W*/C*) × (R/W*)`,
    /// which telescopes, so it is exact for every period. The counts are floored so
    /// that each step holds at least the one after it and no ratio divides a non-zero
    /// by zero:
    /// - W* = `deals_won`, or 1 if no deal was won but `deal_revenue` ≠ 0 (only
    ///   hand-made drivers can be so);
    /// - C* = max(`deals_closed`, W*);
    /// - O* = max(`deals_opened`, C*): a deal closed in the period but opened earlier
    ///   still passed through the pipeline;
    /// - L* = max(`leads`, O*): a deal opened without a recorded lead counts as its own
    ///   lead, so a rep who keeps no leads gets leads = deals opened and conversion 1.
    ///
    /// Conversion here is a flow in the period (deals opened ÷ leads of the same
    /// period), not the cohort lead conversion of
    /// [`CustomerMetrics`](crate::metrics::customers::CustomerMetrics): a cohort rate
    /// cannot be a factor of the period's revenue. Win rate and deal size are the sales
    /// family's (won ÷ closed, won amount ÷ won), unrounded.
    pub fn factors(&self) -> Factors {
        let revenue = self.deal_revenue.minor() as f64;
        let won = if self.deals_won == 0 && self.deal_revenue != Money::ZERO {
            1
        } else {
            self.deals_won
        };
        let closed = self.deals_closed.max(won);
        let opened = self.deals_opened.max(closed);
        let leads = self.leads.max(opened);
        let ratio = |part: f64, whole: u32| (whole > 0).then(|| part / f64::from(whole));
        Factors {
            leads: f64::from(leads),
            conversion: ratio(f64::from(opened), leads),
            throughput: ratio(f64::from(closed), opened),
            win_rate: ratio(f64::from(won), closed),
            deal_size: ratio(revenue, won),
        }
    }
}
