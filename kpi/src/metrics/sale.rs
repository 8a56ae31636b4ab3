//! A sale: the one shape revenue KPIs read, made from won deals and from orders.
//!
//! Convention: revenue is booked on the close date of a won deal and on the date of an
//! order. An order that names the deal it delivers (`deal_id`) is not a second sale —
//! the won deal already counts — so reps can log deliveries without double revenue.

use chrono::NaiveDate;

use crate::model::{Deal, DealKind, DealStatus, Order, OrderKind};
use crate::money::Money;

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

    /// The sales in scope dated within the period.
    pub fn sales(&self) -> impl Iterator<Item = Sale<'a>> + '_ {
        self.all_sales()
            .filter(|sale| self.period.contains(sale.date))
    }
}
