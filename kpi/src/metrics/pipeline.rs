//! Open and weighted pipeline, pipeline coverage.
//!
//! Conventions (shared by every function here):
//! - the pipeline is read at one day, [`Slice::reached`]: the period's end, or today
//!   if the period is still running. A past period thus shows the pipeline as it stood
//!   at its end, rebuilt from the deals' dates rather than their current status;
//! - a deal is open at that day when it is live (not a tombstone), in scope (its
//!   `rep_id`), created on or before the day, and not closed by then: its status is
//!   open, or it was won/lost with `closed_on` after the day. A won/lost deal without a
//!   close date (invalid data) is not open: when it closed is unknown;
//! - the sales target is the single [`Settings::monthly_target`](crate::Settings) and
//!   applies to whatever scope is shown.

use crate::catalogue::{KpiId, KpiValue};
use crate::money::round_div;
use crate::money::Money;
use crate::period::Period;

use super::sales::period_revenue;
use super::Slice;

/// The pipeline KPIs of one slice (see the module conventions).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PipelineMetrics {
    /// Σ amount of the deals open at [`Slice::reached`].
    pub open_pipeline: Money,
    /// Σ amount × win probability of the same deals, in whole minor units.
    pub weighted_pipeline: Money,
    /// open pipeline ÷ (period target − revenue of the period); `None` without a
    /// monthly target or when the revenue already reaches the period target.
    pub pipeline_coverage: Option<f64>,
}

impl PipelineMetrics {
    /// Computes the family from the slice's [`Facts`](super::Facts): one pass over the
    /// live deals and one over the period's sales.
    ///
    /// - open_pipeline = Σ amount of the deals open at `slice.reached()`;
    /// - weighted_pipeline = Σ amount × p ÷ 100 over those deals, where p is the deal's
    ///   own `probability` (percent, capped at 100), else its stage's default from the
    ///   settings, else 0 (unknown stage). A deal closed since that day is still
    ///   weighted by this probability, not by its later outcome (won 100 %, lost 0 %):
    ///   the KPI shows what the pipeline was worth then. The sum is taken exactly and
    ///   rounded once, half away from zero, to a minor unit;
    /// - pipeline_coverage = open_pipeline ÷ ([`period_target`] − revenue), where
    ///   revenue is the Σ amount of the period's sales in scope (won deals on their
    ///   close date + orders not tied to a deal, as in the sales family). No data when
    ///   there is no monthly target or the revenue is at or above the period target.
    pub fn of(slice: &Slice) -> PipelineMetrics {
        let day = slice.reached();
        let settings = &slice.data.settings;
        let mut open = Money::ZERO;
        let mut weighted: i128 = 0; // Σ amount × percent
        for deal in slice.facts().deals().open_on(day) {
            if !slice.owns(deal.rep) {
                continue;
            }
            open = open.saturating_add(deal.amount);
            weighted += i128::from(deal.amount.minor()) * i128::from(deal.percent);
        }
        let weighted_pipeline = Money::saturating_from(round_div(weighted, 100));

        let pipeline_coverage = settings.monthly_target.and_then(|monthly| {
            let target = period_target(monthly, &slice.period);
            let revenue = period_revenue(slice, slice.period);
            let remaining = i128::from(target.minor()) - i128::from(revenue.minor());
            if remaining <= 0 {
                return None;
            }
            let coverage = open.minor() as f64 / remaining as f64;
            coverage.is_finite().then_some(coverage)
        });

        PipelineMetrics {
            open_pipeline: open,
            weighted_pipeline,
            pipeline_coverage,
        }
    }

    /// The value of `id`, or `None` if `id` is not of this family.
    pub fn value(&self, id: KpiId) -> Option<KpiValue> {
        Some(match id {
            KpiId::OpenPipeline => KpiValue::Money(self.open_pipeline),
            KpiId::WeightedPipeline => KpiValue::Money(self.weighted_pipeline),
            KpiId::PipelineCoverage => KpiValue::number(self.pipeline_coverage),
            _ => return None,
        })
    }
}

/// The sales target of `period`, pro-rated from a monthly target: for each calendar
/// month overlapping the period, `monthly × overlap days ÷ days in that month`, summed
/// exactly and rounded once, half away from zero, to a minor unit.
///
/// A whole month gets exactly `monthly`, a quarter 3 × `monthly`; the ISO week
/// 2026-06-29 … 2026-07-05 gets `monthly × 2/30 + monthly × 5/31`. Saturates at the
/// i64 range (only absurd targets over absurd ranges get there).
pub fn period_target(monthly: Money, period: &Period) -> Money {
    // A common denominator of every month length (28, 29, 30, 31) keeps the sum exact.
    const DENOMINATOR: i128 = 4 * 3 * 5 * 7 * 29 * 31;
    let monthly = i128::from(monthly.minor());
    let mut numerator: i128 = 0;
    for month in period.months() {
        let from = month.start.max(period.start);
        let to = month.end.min(period.end);
        let overlap = i128::from((to - from).num_days() + 1).max(0);
        let month_days = i128::from(month.days()).max(1);
        numerator = numerator.saturating_add(
            monthly
                .saturating_mul(overlap)
                .saturating_mul(DENOMINATOR / month_days),
        );
    }
    Money::saturating_from(round_div(numerator, DENOMINATOR))
}
