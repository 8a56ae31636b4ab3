//! The KPI catalogue: what each metric is, how it is measured and which way is good, so
//! the app renders cards, `data-kpi` ids and trend arrows from data instead of code,
//! and goals can target any of them. No KPI exists only in the UI.

use crate::model::id_enum::id_enum;
use crate::money::{Currency, Money};

id_enum! {
    /// How a KPI's value is measured.
    Unit {
        Money = "money",
        Count = "count",
        /// A fraction 0–1, shown as a percentage.
        Ratio = "ratio",
        Days = "days",
        Hours = "hours",
        /// A count per working day.
        PerDay = "per_day",
        /// A score on its own scale (CSAT 1–5, NPS −100…100).
        Score = "score",
        /// A multiple such as 3.2× (LTV:CAC, pipeline coverage).
        Multiple = "multiple",
    }
}

id_enum! {
    /// Which direction of change is an improvement.
    Better { Higher = "higher", Lower = "lower" }
}

id_enum! {
    /// The dashboard's sections.
    KpiGroup {
        Revenue = "revenue",
        Pipeline = "pipeline",
        Customers = "customers",
        Activity = "activity",
        Quality = "quality",
        Team = "team",
    }
}

id_enum! {
    /// A KPI the app can show. Its id is the `data-kpi` attribute value. `ALL` is the
    /// dashboard order.
    KpiId {
        Revenue = "revenue",
        RevenueGrowth = "revenue_growth",
        CompoundMonthlyGrowth = "compound_monthly_growth",
        AvgOrderValue = "avg_order_value",
        AvgDealSize = "avg_deal_size",
        DealsWon = "deals_won",
        DealsLost = "deals_lost",
        WinRate = "win_rate",
        AvgSalesCycle = "avg_sales_cycle",
        MedianSalesCycle = "median_sales_cycle",
        ProfitMargin = "profit_margin",
        AvgDiscount = "avg_discount",
        DiscountedShare = "discounted_share",
        ExpansionCount = "expansion_count",
        ExpansionRevenue = "expansion_revenue",
        ExpansionShare = "expansion_share",
        OpenPipeline = "open_pipeline",
        WeightedPipeline = "weighted_pipeline",
        PipelineCoverage = "pipeline_coverage",
        NewCustomers = "new_customers",
        LeadConversion = "lead_conversion",
        RepeatCustomerRate = "repeat_customer_rate",
        ExistingRevenueShare = "existing_revenue_share",
        ChurnRate = "churn_rate",
        RevenueChurn = "revenue_churn",
        RetentionRate = "retention_rate",
        Cac = "cac",
        Ltv = "ltv",
        LtvToCac = "ltv_to_cac",
        ActivitiesPerDay = "activities_per_day",
        CustomersServedPerDay = "customers_served_per_day",
        ProspectingHours = "prospecting_hours",
        AvgCsat = "avg_csat",
        Nps = "nps",
        OpenComplaints = "open_complaints",
        AvgResolutionDays = "avg_resolution_days",
        TurnoverRate = "turnover_rate",
    }
}

impl KpiId {
    /// This KPI's catalogue entry.
    pub fn def(self) -> &'static KpiDef {
        // CATALOGUE lists every KpiId in ALL order (checked by a test).
        CATALOGUE
            .iter()
            .find(|d| d.id == self)
            .unwrap_or(&CATALOGUE[0])
    }
}

/// A catalogue entry: group, name, unit, direction and formula in English words (the
/// app translates by [`KpiId::id`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KpiDef {
    pub id: KpiId,
    pub group: KpiGroup,
    pub name: &'static str,
    pub unit: Unit,
    pub better: Better,
    pub formula: &'static str,
}

macro_rules! catalogue {
    ($($id:ident, $group:ident, $unit:ident, $better:ident, $name:literal, $formula:literal;)+) => {
        /// Every KPI, in [`KpiId::ALL`] order.
        pub const CATALOGUE: &[KpiDef] = &[$(KpiDef {
            id: KpiId::$id,
            group: KpiGroup::$group,
            name: $name,
            unit: Unit::$unit,
            better: Better::$better,
            formula: $formula,
        }),+];
    };
}

catalogue! {
    Revenue, Revenue, Money, Higher, "Revenue",
        "Sum of won deals (on their close date) and of orders not tied to a deal (on their date) in the period";
    RevenueGrowth, Revenue, Ratio, Higher, "Revenue growth",
        "(Revenue − revenue of the previous equivalent period) ÷ revenue of the previous period";
    CompoundMonthlyGrowth, Revenue, Ratio, Higher, "Compound monthly growth",
        "(Revenue of the last complete month ÷ revenue of the first month)^(1 ÷ (months − 1)) − 1, over the period's complete months";
    AvgOrderValue, Revenue, Money, Higher, "Average order value",
        "Revenue ÷ number of sales (won deals + orders not tied to a deal) in the period";
    AvgDealSize, Revenue, Money, Higher, "Average deal size",
        "Amount of deals won ÷ number of deals won in the period";
    DealsWon, Revenue, Count, Higher, "Deals won",
        "Number of deals won with a close date in the period";
    DealsLost, Revenue, Count, Lower, "Deals lost",
        "Number of deals lost with a close date in the period";
    WinRate, Revenue, Ratio, Higher, "Win rate",
        "Deals won ÷ deals closed (won + lost) in the period";
    AvgSalesCycle, Revenue, Days, Lower, "Average sales cycle",
        "Mean calendar days from creation to close of the deals won in the period";
    MedianSalesCycle, Revenue, Days, Lower, "Median sales cycle",
        "Median calendar days from creation to close of the deals won in the period";
    ProfitMargin, Revenue, Ratio, Higher, "Profit margin",
        "(Revenue − cost) ÷ revenue, over the sales of the period whose cost is known";
    AvgDiscount, Revenue, Ratio, Lower, "Average discount",
        "Discounts granted ÷ list price (amount + discount) of the deals won in the period";
    DiscountedShare, Revenue, Ratio, Lower, "Deals closed with a discount",
        "Deals won with a discount ÷ deals won in the period";
    ExpansionCount, Revenue, Count, Higher, "Upsells and cross-sells",
        "Number of upsell and cross-sell sales in the period";
    ExpansionRevenue, Revenue, Money, Higher, "Upsell and cross-sell revenue",
        "Revenue of upsell and cross-sell sales in the period";
    ExpansionShare, Revenue, Ratio, Higher, "Upsell and cross-sell share",
        "Upsell and cross-sell revenue ÷ revenue in the period";
    OpenPipeline, Pipeline, Money, Higher, "Open pipeline",
        "Sum of the amounts of deals open at the end of the period (or today, if sooner)";
    WeightedPipeline, Pipeline, Money, Higher, "Weighted pipeline",
        "Sum of amount × win probability (the deal's, else its stage's) of those open deals";
    PipelineCoverage, Pipeline, Multiple, Higher, "Pipeline coverage",
        "Open pipeline ÷ the part of the period's sales target not yet reached";
    NewCustomers, Customers, Count, Higher, "New customers",
        "Customers whose first purchase falls in the period";
    LeadConversion, Customers, Ratio, Higher, "Lead conversion rate",
        "Leads created in the period that became customers (by today) ÷ leads created in the period";
    RepeatCustomerRate, Customers, Ratio, Higher, "Repeat customer rate",
        "Customers buying in the period who had bought before it ÷ customers buying in the period";
    ExistingRevenueShare, Customers, Ratio, Higher, "Revenue from existing customers",
        "Revenue from customers acquired before the period ÷ revenue in the period";
    ChurnRate, Customers, Ratio, Lower, "Customer churn rate",
        "Customers at the period start who churned in the period ÷ customers at the period start";
    RevenueChurn, Customers, Ratio, Lower, "Revenue churn",
        "Previous period's revenue from customers who churned in this period ÷ previous period's revenue";
    RetentionRate, Customers, Ratio, Higher, "Customer retention rate",
        "(Customers at the end − new customers of the period still active at its end) ÷ customers at the start";
    Cac, Customers, Money, Lower, "Customer acquisition cost",
        "Marketing, sales, salary and commission spend in the period ÷ new customers in the period";
    Ltv, Customers, Money, Higher, "Customer lifetime value",
        "Revenue per buying customer × profit margin ÷ churn rate, for the period";
    LtvToCac, Customers, Multiple, Higher, "LTV : CAC",
        "Customer lifetime value ÷ customer acquisition cost";
    ActivitiesPerDay, Activity, PerDay, Higher, "Activities per day",
        "Activities logged in the period ÷ working days of the period so far";
    CustomersServedPerDay, Activity, PerDay, Higher, "Customers served per day",
        "Distinct customer-days with an activity ÷ working days of the period so far";
    ProspectingHours, Activity, Hours, Higher, "Prospecting hours",
        "Sum of the duration of prospecting activities in the period";
    AvgCsat, Quality, Score, Higher, "Customer satisfaction (CSAT)",
        "Mean CSAT score (1–5) of the feedback given in the period";
    Nps, Quality, Score, Higher, "Net Promoter Score",
        "% promoters (9–10) − % detractors (0–6) of the NPS answers given in the period";
    OpenComplaints, Quality, Count, Lower, "Open complaints",
        "Complaints made by the end of the period and not resolved by then";
    AvgResolutionDays, Quality, Days, Lower, "Time to resolve a complaint",
        "Mean days from complaint to resolution of the complaints resolved in the period";
    TurnoverRate, Team, Ratio, Lower, "Sales force turnover",
        "Reps who left in the period ÷ average headcount ((start + end) ÷ 2)";
}

/// One KPI's value, or no data (an empty period, a zero denominator).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum KpiValue {
    Money(Money),
    Count(u32),
    /// A fraction 0–1 (may exceed 1 for growth, or be negative).
    Ratio(f64),
    Days(f64),
    /// Hours, per-day rates, scores and multiples: the unit is in the catalogue.
    Number(f64),
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
            KpiValue::Ratio(x) | KpiValue::Days(x) | KpiValue::Number(x) => Some(x),
            KpiValue::NoData => None,
        }
    }

    /// True for [`KpiValue::NoData`].
    pub fn is_no_data(&self) -> bool {
        matches!(self, KpiValue::NoData)
    }

    /// A value from an optional ratio.
    pub fn ratio(value: Option<f64>) -> KpiValue {
        value.map_or(KpiValue::NoData, KpiValue::Ratio)
    }

    /// A value from an optional amount.
    pub fn money(value: Option<Money>) -> KpiValue {
        value.map_or(KpiValue::NoData, KpiValue::Money)
    }

    /// A value from an optional number of days.
    pub fn days(value: Option<f64>) -> KpiValue {
        value.map_or(KpiValue::NoData, KpiValue::Days)
    }

    /// A value from an optional plain number (hours, per day, score, multiple).
    pub fn number(value: Option<f64>) -> KpiValue {
        value.map_or(KpiValue::NoData, KpiValue::Number)
    }
}

/// Which way a KPI moved against the previous period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Flat,
}

/// A KPI's change against the previous period, read with its [`Better`] direction.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Trend {
    pub direction: Direction,
    /// Whether the change is an improvement (a lower churn is); `None` when flat.
    pub improved: Option<bool>,
    /// The size of the change in the KPI's own unit (ratios in points: 0.40 → 0.45 is
    /// 0.05), always ≥ 0.
    pub delta: KpiValue,
}

impl KpiId {
    /// The change from `previous` to `current`; `None` when either has no data or the
    /// two are of different kinds.
    pub fn trend(self, current: KpiValue, previous: KpiValue) -> Option<Trend> {
        use KpiValue as V;
        let (sign, delta) = match (current, previous) {
            (V::Money(a), V::Money(b)) => {
                let diff = a.minor().saturating_sub(b.minor());
                (diff.signum() as f64, V::Money(Money(diff.saturating_abs())))
            }
            (V::Count(a), V::Count(b)) => ((a.cmp(&b) as i8) as f64, V::Count(a.abs_diff(b))),
            (V::Ratio(a), V::Ratio(b)) => ((a - b).signum_or_zero(), V::Ratio((a - b).abs())),
            (V::Days(a), V::Days(b)) => ((a - b).signum_or_zero(), V::Days((a - b).abs())),
            (V::Number(a), V::Number(b)) => ((a - b).signum_or_zero(), V::Number((a - b).abs())),
            _ => return None,
        };
        let direction = if sign > 0.0 {
            Direction::Up
        } else if sign < 0.0 {
            Direction::Down
        } else {
            Direction::Flat
        };
        let improved = match (direction, self.def().better) {
            (Direction::Flat, _) => None,
            (Direction::Up, Better::Higher) | (Direction::Down, Better::Lower) => Some(true),
            _ => Some(false),
        };
        Some(Trend {
            direction,
            improved,
            delta,
        })
    }
}

/// `f64::signum` but 0 for a difference within float noise (equal ratios computed
/// from different counts).
trait SignumOrZero {
    fn signum_or_zero(self) -> f64;
}

impl SignumOrZero for f64 {
    fn signum_or_zero(self) -> f64 {
        if self.abs() < 1e-12 {
            0.0
        } else {
            self.signum()
        }
    }
}
