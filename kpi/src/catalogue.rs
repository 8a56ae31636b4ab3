//! The KPI catalogue: what each metric is, how it is measured and which way is good, so
//! the app renders cards, `data-kpi` ids and trend arrows from data instead of code.

use serde::{Deserialize, Serialize};

use crate::metrics::DealMetrics;
use crate::money::{Currency, Money};

/// How a KPI's value is measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Money,
    Count,
    /// A fraction 0–1, shown as a percentage.
    Ratio,
    Days,
}

/// Which direction of change is an improvement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Better {
    Higher,
    Lower,
}

/// A KPI the app can show. Its [`KpiId::id`] is the `data-kpi` attribute value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KpiId {
    RevenueWon,
    DealsWon,
    DealsLost,
    WinRate,
    AvgDealSize,
    AvgSalesCycle,
}

impl KpiId {
    /// Every KPI, in dashboard order.
    pub const ALL: &'static [KpiId] = &[
        KpiId::RevenueWon,
        KpiId::DealsWon,
        KpiId::DealsLost,
        KpiId::WinRate,
        KpiId::AvgDealSize,
        KpiId::AvgSalesCycle,
    ];

    /// Stable snake_case id, e.g. "win_rate" (the serialized form too).
    pub fn id(self) -> &'static str {
        match self {
            KpiId::RevenueWon => "revenue_won",
            KpiId::DealsWon => "deals_won",
            KpiId::DealsLost => "deals_lost",
            KpiId::WinRate => "win_rate",
            KpiId::AvgDealSize => "avg_deal_size",
            KpiId::AvgSalesCycle => "avg_sales_cycle",
        }
    }

    /// The KPI with this id.
    pub fn from_id(id: &str) -> Option<KpiId> {
        KpiId::ALL.iter().copied().find(|k| k.id() == id)
    }

    /// This KPI's catalogue entry.
    pub fn def(self) -> &'static KpiDef {
        // CATALOGUE lists every KpiId (checked by a test); the fallback is unreachable.
        CATALOGUE
            .iter()
            .find(|d| d.id == self)
            .unwrap_or(&CATALOGUE[0])
    }
}

/// A catalogue entry: name, unit, direction and formula in English words (the app
/// translates by [`KpiId::id`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KpiDef {
    pub id: KpiId,
    pub name: &'static str,
    pub unit: Unit,
    pub better: Better,
    pub formula: &'static str,
}

/// Every KPI, in [`KpiId::ALL`] order.
pub const CATALOGUE: &[KpiDef] = &[
    KpiDef {
        id: KpiId::RevenueWon,
        name: "Revenue won",
        unit: Unit::Money,
        better: Better::Higher,
        formula: "Sum of the amounts of deals won, counted in the period of their close date",
    },
    KpiDef {
        id: KpiId::DealsWon,
        name: "Deals won",
        unit: Unit::Count,
        better: Better::Higher,
        formula: "Number of deals won with a close date in the period",
    },
    KpiDef {
        id: KpiId::DealsLost,
        name: "Deals lost",
        unit: Unit::Count,
        better: Better::Lower,
        formula: "Number of deals lost with a close date in the period",
    },
    KpiDef {
        id: KpiId::WinRate,
        name: "Win rate",
        unit: Unit::Ratio,
        better: Better::Higher,
        formula: "Deals won divided by deals closed (won + lost) in the period",
    },
    KpiDef {
        id: KpiId::AvgDealSize,
        name: "Average deal size",
        unit: Unit::Money,
        better: Better::Higher,
        formula: "Revenue won divided by the number of deals won in the period",
    },
    KpiDef {
        id: KpiId::AvgSalesCycle,
        name: "Average sales cycle",
        unit: Unit::Days,
        better: Better::Lower,
        formula: "Mean calendar days from creation to close of the deals won in the period",
    },
];

/// One KPI's value, or no data for an empty period.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum KpiValue {
    Money(Money),
    Count(u32),
    /// A fraction 0–1.
    Ratio(f64),
    Days(f64),
    NoData,
}

impl KpiValue {
    /// The unrounded number for the `data-value` attribute: money in major units
    /// (1234.5), ratios as fractions 0–1, durations in days, counts as is; `None` for
    /// no data.
    pub fn data_value(&self, currency: Currency) -> Option<f64> {
        match *self {
            KpiValue::Money(amount) => Some(amount.to_major(currency)),
            KpiValue::Count(count) => Some(f64::from(count)),
            KpiValue::Ratio(ratio) => Some(ratio),
            KpiValue::Days(days) => Some(days),
            KpiValue::NoData => None,
        }
    }

    /// True for [`KpiValue::NoData`].
    pub fn is_no_data(&self) -> bool {
        matches!(self, KpiValue::NoData)
    }
}

impl DealMetrics {
    /// The value of one KPI from these metrics.
    pub fn value(&self, id: KpiId) -> KpiValue {
        match id {
            KpiId::RevenueWon => KpiValue::Money(self.revenue_won),
            KpiId::DealsWon => KpiValue::Count(self.deals_won),
            KpiId::DealsLost => KpiValue::Count(self.deals_lost),
            KpiId::WinRate => self.win_rate.map_or(KpiValue::NoData, KpiValue::Ratio),
            KpiId::AvgDealSize => self.avg_deal_size.map_or(KpiValue::NoData, KpiValue::Money),
            KpiId::AvgSalesCycle => self
                .avg_sales_cycle_days
                .map_or(KpiValue::NoData, KpiValue::Days),
        }
    }
}
