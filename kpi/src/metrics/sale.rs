//! A sale: the one shape revenue KPIs read, made from won deals and from orders.
//!
//! Convention: revenue is booked on the close date of a won deal and on the date of an
//! order. An order that names the deal it delivers (`deal_id`) is not a second sale —
//! the won deal already counts — so reps can log deliveries without double revenue.

use chrono::NaiveDate;

use crate::model::{Deal, DealKind, DealStatus, Order, OrderKind};
use crate::money::Money;
use crate::period::Period;

use super::Slice;

/// What kind of business a sale is, across deals and orders.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaleKind {
    /// A first purchase (a new deal, a "new" order).
    New,
    /// The same again: a renewal or a repeat order.
    Repeat,
    Upsell,
    CrossSell,
}

impl From<DealKind> for SaleKind {
    fn from(kind: DealKind) -> Self {
        match kind {
            DealKind::New => SaleKind::New,
            DealKind::Renewal => SaleKind::Repeat,
            DealKind::Upsell => SaleKind::Upsell,
            DealKind::CrossSell => SaleKind::CrossSell,
        }
    }
}

impl From<OrderKind> for SaleKind {
    fn from(kind: OrderKind) -> Self {
        match kind {
            OrderKind::New => SaleKind::New,
            OrderKind::Repeat => SaleKind::Repeat,
            OrderKind::Upsell => SaleKind::Upsell,
            OrderKind::CrossSell => SaleKind::CrossSell,
        }
    }
}

/// One booked sale.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sale<'a> {
    pub date: NaiveDate,
    pub amount: Money,
    pub cost: Option<Money>,
    pub kind: SaleKind,
    pub customer: Option<&'a str>,
    pub rep: Option<&'a str>,
    /// The won deal, when the sale is one.
    pub deal: Option<&'a Deal>,
}

impl<'a> Sale<'a> {
    fn of_deal(deal: &'a Deal) -> Option<Sale<'a>> {
        (deal.is_live() && deal.status == DealStatus::Won).then_some(())?;
        Some(Sale {
            date: deal.closed_on?,
            amount: deal.amount,
            cost: deal.cost,
            kind: deal.kind.into(),
            customer: deal.customer_id.as_deref(),
            rep: deal.rep_id.as_deref(),
            deal: Some(deal),
        })
    }

    fn of_order(order: &'a Order) -> Option<Sale<'a>> {
        (order.deleted_at.is_none() && order.deal_id.is_none()).then_some(())?;
        Some(Sale {
            date: order.date,
            amount: order.amount,
            cost: order.cost,
            kind: order.kind.into(),
            customer: order.customer_id.as_deref(),
            rep: order.rep_id.as_deref(),
            deal: None,
        })
    }
}

impl<'a> Slice<'a> {
    /// Every sale in scope, any date (see module docs). Linear in deals + orders.
    pub fn all_sales(&self) -> impl Iterator<Item = Sale<'a>> + '_ {
        let data = self.data;
        data.deals
            .iter()
            .filter_map(Sale::of_deal)
            .chain(data.orders.iter().filter_map(Sale::of_order))
            .filter(|sale| self.has_rep(sale.rep))
    }

    /// The sales in scope dated within the period, in the order of
    /// [`Slice::all_sales`].
    ///
    /// The sales of the slice's window (the period [`Slice::new`] was made for and the
    /// one before it, for growth and revenue churn) are gathered in one pass over the
    /// deals and orders on first use and shared with [`Slice::with_period`] slices, so
    /// every family reading this or the previous period's sales scans only those. A
    /// period outside the window is read straight from the deals and orders.
    pub fn sales(&self) -> Sales<'a, '_> {
        let period = self.period;
        if let Some(window) = self.sales_window() {
            return Sales(SalesInner::Window(window.iter(), period));
        }
        let data = self.data;
        let all = data
            .deals
            .iter()
            .filter_map(Sale::of_deal as fn(&'a Deal) -> Option<Sale<'a>>)
            .chain(
                data.orders
                    .iter()
                    .filter_map(Sale::of_order as fn(&'a Order) -> Option<Sale<'a>>),
            );
        Sales(SalesInner::Scan(all, self))
    }

    /// The cached sales of the window, if `self.period` lies within it.
    fn sales_window(&self) -> Option<&[Sale<'a>]> {
        let (start, end) = self.window();
        if self.period.start < start || self.period.end > end {
            return None;
        }
        Some(self.cached_sales(|| {
            let data = self.data;
            data.deals
                .iter()
                .filter_map(Sale::of_deal)
                .chain(data.orders.iter().filter_map(Sale::of_order))
                .filter(|sale| start <= sale.date && sale.date <= end && self.has_rep(sale.rep))
                .collect()
        }))
    }
}

type DealSales<'a> =
    std::iter::FilterMap<std::slice::Iter<'a, Deal>, fn(&'a Deal) -> Option<Sale<'a>>>;
type OrderSales<'a> =
    std::iter::FilterMap<std::slice::Iter<'a, Order>, fn(&'a Order) -> Option<Sale<'a>>>;

/// The iterator of [`Slice::sales`].
pub struct Sales<'a, 's>(SalesInner<'a, 's>);

enum SalesInner<'a, 's> {
    /// From the slice's cached window, filtered to the period.
    Window(std::slice::Iter<'s, Sale<'a>>, Period),
    /// Straight from the deals and orders, filtered to the slice's period and scope.
    Scan(
        std::iter::Chain<DealSales<'a>, OrderSales<'a>>,
        &'s Slice<'a>,
    ),
}

impl<'a> Iterator for Sales<'a, '_> {
    type Item = Sale<'a>;

    #[inline]
    fn next(&mut self) -> Option<Sale<'a>> {
        match &mut self.0 {
            SalesInner::Window(sales, period) => {
                sales.find(|sale| period.contains(sale.date)).copied()
            }
            SalesInner::Scan(all, slice) => {
                let period = slice.period;
                all.find(|sale| period.contains(sale.date) && slice.has_rep(sale.rep))
            }
        }
    }
}
