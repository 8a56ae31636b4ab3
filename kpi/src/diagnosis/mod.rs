//! Why a revenue goal was missed: the gap split over the drivers of the sales funnel.
//!
//! Revenue = deal revenue + other revenue, and deal revenue is the exact product
//! leads × conversion × throughput × win rate × deal size ([`Drivers::factors`]). The
//! gap to the previous period ([`decompose`]) and to a target ([`decompose_target`])
//! is split into one amount per [`Driver`] (Shapley value over the factors, other
//! revenue additively), summing exactly to the gap in minor units; the drivers are
//! ranked most negative first and each maps to a [`NextStep`] id the app translates.
//! Slipped deals, discounting and churn are reported beside it ([`SecondaryFactors`]),
//! not in the sum.
//!
//! Like every KPI here: plain data in, no clock (today is a parameter), no NaN, no
//! panic on any input.

mod decompose;
mod drivers;
mod secondary;
mod target;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::metrics::{Scope, Slice};
use crate::model::id_enum::id_enum;
use crate::model::Dataset;
use crate::money::Money;
use crate::period::Period;

pub use decompose::{decompose, Contribution, Decomposition};
pub use drivers::{Drivers, Factors};
pub use secondary::SecondaryFactors;
pub use target::{decompose_target, PlanBasis, TargetDecomposition};

id_enum! {
    /// A driver of revenue, in funnel order (see [`Drivers::factors`]).
    Driver {
        /// New leads (at least the deals opened).
        Leads = "leads",
        /// Deals opened ÷ leads.
        Conversion = "conversion",
        /// Deals closed ÷ deals opened: the pipeline moving (cycle time).
        Throughput = "throughput",
        /// Deals won ÷ deals closed.
        WinRate = "win_rate",
        /// Won amount ÷ deals won.
        DealSize = "deal_size",
        /// Orders not tied to a deal (repeat business, additive).
        OtherRevenue = "other_revenue",
    }
}

id_enum! {
    /// What to do about a driver or secondary factor: ids the app translates into
    /// plain-language advice.
    NextStep {
        /// Not enough leads: prospect more.
        MoreProspecting = "more_prospecting",
        /// Leads do not become deals: qualify leads and follow up faster.
        QualifyLeads = "qualify_leads",
        /// Deals stay open past their expected close: chase them, clean the pipeline.
        ChaseSlippedDeals = "chase_slipped_deals",
        /// Deals are lost: training, coaching and follow-up.
        TrainingAndFollowUp = "training_and_follow_up",
        /// Deals are smaller or discounted: pricing and discount discipline.
        PricingAndDiscountDiscipline = "pricing_and_discount_discipline",
        /// Repeat orders fell: stay in touch, repeat business, up- and cross-selling.
        RepeatBusiness = "repeat_business",
        /// Customers churned: retention work, resolve complaints.
        RetentionWork = "retention_work",
    }
}

impl Driver {
    /// The next step for a driver that cost revenue.
    pub fn next_step(self) -> NextStep {
        match self {
            Driver::Leads => NextStep::MoreProspecting,
            Driver::Conversion => NextStep::QualifyLeads,
            Driver::Throughput => NextStep::ChaseSlippedDeals,
            Driver::WinRate => NextStep::TrainingAndFollowUp,
            Driver::DealSize => NextStep::PricingAndDiscountDiscipline,
            Driver::OtherRevenue => NextStep::RepeatBusiness,
        }
    }
}

/// The explanation of a revenue goal for one slice: its drivers, the gap to the
/// previous period and to the target split over them, and the secondary factors.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Diagnosis {
    pub period: Period,
    /// The window compared with: [`comparable_previous`] of `period` on today.
    pub previous_period: Period,
    pub actual: Drivers,
    pub previous: Drivers,
    /// Actual against the previous period.
    pub vs_previous: Decomposition,
    /// Actual against the target; `None` without a target.
    pub vs_target: Option<TargetDecomposition>,
    pub secondary: SecondaryFactors,
}

impl Diagnosis {
    /// The next steps, most pressing first, each once: those of the drivers that cost
    /// revenue against the target (against the previous period without a target),
    /// most costly first, then those of the secondary factors that apply.
    pub fn next_steps(&self) -> Vec<NextStep> {
        let primary = match &self.vs_target {
            Some(target) => &target.decomposition,
            None => &self.vs_previous,
        };
        let mut steps: Vec<NextStep> = Vec::new();
        for step in primary
            .next_steps()
            .into_iter()
            .chain(self.secondary.next_steps())
        {
            if !steps.contains(&step) {
                steps.push(step);
            }
        }
        steps
    }
}

/// Diagnoses the revenue of `scope` in `period` on `today`: the drivers of the period
/// and of the comparable previous window ([`comparable_previous`]), the decomposition
/// of the gap between them, of the gap to `target` when given (the revenue target the
/// goal sets for `period`; for a period still running the caller passes the part due
/// by today if it wants to judge the pace), and the secondary factors. A few linear
/// passes over the data.
pub fn diagnose(
    data: &Dataset,
    period: Period,
    scope: &Scope,
    today: NaiveDate,
    target: Option<Money>,
) -> Diagnosis {
    let slice = Slice::new(data, period, scope, today);
    let previous_period = comparable_previous(period, today);
    let actual = Drivers::of(&slice);
    let previous = Drivers::of(&slice.with_period(previous_period));
    Diagnosis {
        period,
        previous_period,
        actual,
        previous,
        vs_previous: decompose(&actual, &previous),
        vs_target: target.map(|t| decompose_target(&actual, &previous, t)),
        secondary: SecondaryFactors::of(&slice),
    }
}

/// The previous window a period is compared with: [`Period::previous`] once the period
/// has ended (or has not started) by `today`; while it is running, only the same
/// number of days from the previous period's start (at most all of it), as a custom
/// period — like for like: the 15 days of November so far against October 1–15, not
/// against the whole of October.
pub fn comparable_previous(period: Period, today: NaiveDate) -> Period {
    let previous = period.previous();
    if today >= period.end || today < period.start {
        return previous;
    }
    let elapsed = (today - period.start).num_days();
    let end = previous
        .start
        .checked_add_days(chrono::Days::new(elapsed.unsigned_abs()))
        .map_or(previous.end, |day| day.min(previous.end));
    Period::custom(previous.start, end).unwrap_or(previous)
}
