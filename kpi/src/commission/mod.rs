//! Commission statements: what a rep earns under a [`CommissionPlan`] in a period, line
//! by line, and the what-if of closing some open deals.
//!
//! Conventions (decided once, used by every function here):
//!
//! - **Basis**: the rep's live deals won with `closed_on` in the period (orders do not
//!   count: the plan pays on deals). Won amount = Σ amount; margin = Σ (amount − cost),
//!   where a deal without a known cost counts its whole amount and is counted in
//!   [`Statement::uncosted_deals`] so the statement can say so. A margin can be
//!   negative; a negative basis earns no commission (no clawback) but is shown as is.
//! - **Quota**: the plan's monthly quota pro-rated to the period exactly as the sales
//!   target is ([`period_target`]: a month 1×, a quarter 3×, a week by days).
//!   **Attainment** = basis ÷ quota, shown as a fraction; `None` when the quota is 0
//!   (undefined). Thresholds compare exactly in integers (`basis × 10 000 ≥ bp ×
//!   quota`), so exactly 100 % reaches a tier starting at 100 %.
//! - **Rates** are basis points (1 bp = 0.01 %). Every line is computed exactly and
//!   rounded **once, half away from zero, to a minor unit** (0.005 € → 0.01 €); the
//!   total is the sum of the rounded lines, so the printed lines always add up.
//! - **Flat**: basis × rate. **Tiered**: the whole basis × the rate of the tier with the
//!   highest start not above the attainment; below the first tier nothing. **Marginal**:
//!   each slice of the basis between a bracket's start and the next one's × that
//!   bracket's rate (one line per slice), nothing below the lowest start; starts in %
//!   of quota are `quota × bp ÷ 10 000`, rounded to a minor unit.
//! - **Zero quota**: attainment is undefined, so tiers and %-of-quota brackets use the
//!   lowest tier/bracket for the whole basis, the accelerator never applies and a quota
//!   bonus is never earned.
//! - **Accelerator**: only strictly above 100 % (basis > quota > 0) and only on the part
//!   above quota. Extra rate: that part × the extra rate. Multiplier m: the commission
//!   earned on that part (at its tier or bracket rates) × (m − 1), the extra shown as
//!   its own line.
//! - **Goal bonus**: paid when its goal has reached its 100 % milestone on `today`
//!   ([`crate::goals::progress`]; a missing or deleted goal pays nothing), or, for a
//!   quota bonus, when attainment ≥ 100 % (quota > 0).
//! - **Per-deal bonus**: amount × the number of counted deals of that kind.
//! - **Cap**: variable pay (commission + accelerator + bonuses) above the cap is
//!   removed by a negative "cap" line; [`Statement::capped_by`] says how much.
//! - **Base salary**: the rep's monthly base salary pro-rated like the quota; 0 for an
//!   unknown rep. Total = base salary + variable pay after the cap.
//! - Sums are taken in i128 and clamped to the i64 range once, so nothing overflows or
//!   panics, whatever the input.

mod basis;
pub mod input;
mod plan;
mod rate;

pub use input::{multiplier_text, parse_multiplier, parse_percent, percent_text, PlanInput};
pub use plan::{effective_rate, plan_lines};
pub use rate::apply_rate;

use chrono::NaiveDate;
use serde::Serialize;

use crate::goals::progress;
use crate::metrics::pipeline::period_target;
use crate::model::{
    Accelerator, BonusTrigger, CommissionBasis, CommissionPlan, Dataset, DealKind, DealStatus,
    Goal, RecordId, Rep,
};
use crate::money::{Currency, Money, NumberLocale};
use crate::period::Period;

/// What a statement line is for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum LineKind {
    /// Commission on the slice `[from, to)` of the basis at `rate_bp` (flat: the whole
    /// basis; tiered: the whole basis at the tier's rate; marginal: one bracket).
    Commission {
        from: Money,
        to: Money,
        rate_bp: u32,
    },
    /// The accelerator on the `above` part of the basis beyond quota.
    Accelerator {
        above: Money,
        accelerator: Accelerator,
    },
    /// A goal bonus; `goal_id` `None` for the quota bonus.
    GoalBonus { goal_id: Option<RecordId> },
    /// `deals` won deals of `deal_kind` × `each`.
    DealBonus {
        deal_kind: DealKind,
        deals: u32,
        each: Money,
    },
    /// Variable pay above `cap` removed (a negative amount).
    Cap { cap: Money },
}

/// One line of a statement. `description_id` is a stable key for the UI's text
/// ("commission.flat", "commission.tier", "commission.bracket",
/// "commission.accelerator.extra_rate", "commission.accelerator.multiplier",
/// "commission.goal_bonus", "commission.quota_bonus", "commission.deal_bonus",
/// "commission.cap").
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Line {
    pub kind: LineKind,
    pub description_id: &'static str,
    pub amount: Money,
}

/// A rep's commission statement for one period under one plan.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Statement {
    pub plan_id: RecordId,
    pub rep_id: RecordId,
    pub period: Period,
    /// The monthly base salary pro-rated to the period.
    pub base_salary: Money,
    pub basis: CommissionBasis,
    pub basis_amount: Money,
    /// The won deals counted, by close date then id.
    pub deal_ids: Vec<RecordId>,
    /// Deals on a margin plan counted at full amount for lack of a cost.
    pub uncosted_deals: u32,
    /// The quota pro-rated to the period.
    pub quota: Money,
    /// basis ÷ quota as a fraction; `None` when the quota is 0.
    pub attainment: Option<f64>,
    pub lines: Vec<Line>,
    /// Variable pay removed by the cap; `None` when the cap did not bite.
    pub capped_by: Option<Money>,
    /// Σ lines (commission, accelerator, bonuses, cap adjustment).
    pub variable: Money,
    /// base salary + variable.
    pub total: Money,
}

/// The statement of `rep_id` under `plan` for `period`, as seen on `today` (see the
/// module docs for every convention). It is computed whether or not the plan
/// [applies](CommissionPlan::applies_to) to the rep; the UI picks the plans.
pub fn statement(
    data: &Dataset,
    plan: &CommissionPlan,
    rep_id: &str,
    period: Period,
    today: NaiveDate,
) -> Statement {
    let counted = basis::basis(data, plan.basis, rep_id, period);
    let quota = period_target(plan.monthly_quota, &period).max(Money::ZERO);
    let basis_amount = counted.amount;
    let attainment =
        (quota > Money::ZERO).then(|| basis_amount.minor() as f64 / quota.minor() as f64);
    let mut lines = plan_lines(&plan.kind, plan.accelerator, basis_amount, quota);

    for bonus in &plan.goal_bonuses {
        let (earned, goal_id, description_id) = match &bonus.trigger {
            BonusTrigger::Quota => (
                quota > Money::ZERO && basis_amount >= quota,
                None,
                "commission.quota_bonus",
            ),
            BonusTrigger::Goal(id) => (
                data.find::<Goal>(id)
                    .is_some_and(|goal| goal_reached(data, goal, today)),
                Some(id.clone()),
                "commission.goal_bonus",
            ),
        };
        if earned {
            lines.push(Line {
                kind: LineKind::GoalBonus { goal_id },
                description_id,
                amount: bonus.amount,
            });
        }
    }

    for bonus in &plan.deal_bonuses {
        let deals = counted
            .deals
            .iter()
            .filter(|d| d.kind == bonus.kind)
            .count();
        if deals > 0 {
            let deals = u32::try_from(deals).unwrap_or(u32::MAX);
            lines.push(Line {
                kind: LineKind::DealBonus {
                    deal_kind: bonus.kind,
                    deals,
                    each: bonus.amount,
                },
                description_id: "commission.deal_bonus",
                amount: rate::money(i128::from(bonus.amount.minor()) * i128::from(deals)),
            });
        }
    }

    let uncapped = sum(&lines);
    let mut capped_by = None;
    if let Some(cap) = plan.cap {
        let cap = cap.max(Money::ZERO);
        if uncapped > i128::from(cap.minor()) {
            let cut = rate::money(uncapped - i128::from(cap.minor()));
            capped_by = Some(cut);
            lines.push(Line {
                kind: LineKind::Cap { cap },
                description_id: "commission.cap",
                amount: rate::money(-i128::from(cut.minor())),
            });
        }
    }
    let variable = rate::money(sum(&lines));
    let monthly_base = data
        .find::<Rep>(rep_id)
        .map_or(Money::ZERO, |r| r.base_salary);
    let base_salary = period_target(monthly_base, &period);
    let total = rate::money(i128::from(base_salary.minor()) + i128::from(variable.minor()));
    Statement {
        plan_id: plan.id.clone(),
        rep_id: rep_id.to_owned(),
        period,
        base_salary,
        basis: plan.basis,
        basis_amount,
        deal_ids: basis::ids(&counted.deals),
        uncosted_deals: counted.uncosted,
        quota,
        attainment,
        lines,
        capped_by,
        variable,
        total,
    }
}

/// The live plans that apply to `rep_id` ([`CommissionPlan::applies_to`]), by title
/// then id: the statement page's plan picker.
pub fn plans_for<'a>(data: &'a Dataset, rep_id: &str) -> Vec<&'a CommissionPlan> {
    let mut plans: Vec<&CommissionPlan> = data
        .live::<CommissionPlan>()
        .filter(|p| p.applies_to(rep_id))
        .collect();
    plans.sort_by(|a, b| (&a.title, &a.id).cmp(&(&b.title, &b.id)));
    plans
}

/// The statements of every live rep the plan applies to, by rep name then id: the
/// manager's team view (e.g. on a merged team dataset).
pub fn team_statements(
    data: &Dataset,
    plan: &CommissionPlan,
    period: Period,
    today: NaiveDate,
) -> Vec<Statement> {
    let mut reps: Vec<&Rep> = data
        .live::<Rep>()
        .filter(|r| plan.applies_to(&r.id))
        .collect();
    reps.sort_by(|a, b| (&a.name, &a.id).cmp(&(&b.name, &b.id)));
    reps.iter()
        .map(|r| statement(data, plan, &r.id, period, today))
        .collect()
}

fn sum(lines: &[Line]) -> i128 {
    lines.iter().map(|l| i128::from(l.amount.minor())).sum()
}

/// The goal has reached its 100 % milestone on `today`.
fn goal_reached(data: &Dataset, goal: &Goal, today: NaiveDate) -> bool {
    progress(data, goal, today)
        .milestones
        .iter()
        .any(|m| m.percent == 100 && m.reached)
}

/// The what-if: the statement now, and the statement if the chosen deals were won.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WhatIf {
    pub before: Statement,
    pub after: Statement,
    /// after.total − before.total.
    pub difference: Money,
    /// Chosen ids that are not live open deals of the rep, and were left out.
    pub ignored: Vec<RecordId>,
}

/// "If I close these open deals, my commission becomes …": the chosen live open deals
/// of `rep_id` are treated as won on `today` (clamped into `period`, so a what-if for
/// another period still counts them there), at their current amount and cost; every
/// other id is listed in [`WhatIf::ignored`] (a repeated id counts once). The dataset itself is not changed.
pub fn what_if(
    data: &Dataset,
    plan: &CommissionPlan,
    rep_id: &str,
    period: Period,
    today: NaiveDate,
    deal_ids_to_close: &[RecordId],
) -> WhatIf {
    let before = statement(data, plan, rep_id, period, today);
    let close_on = today.clamp(period.start, period.end.max(period.start));
    let mut assumed = data.clone();
    let mut ignored = Vec::new();
    let mut closed: Vec<&RecordId> = Vec::new();
    for id in deal_ids_to_close {
        if closed.contains(&id) {
            continue;
        }
        let deal = assumed.deals.iter_mut().find(|d| {
            &d.id == id
                && d.is_live()
                && d.status == DealStatus::Open
                && d.rep_id.as_deref() == Some(rep_id)
        });
        match deal {
            Some(deal) => {
                deal.status = DealStatus::Won;
                deal.closed_on = Some(close_on);
                deal.lost_reason = None;
                closed.push(id);
            }
            None if !ignored.contains(id) => ignored.push(id.clone()),
            None => {}
        }
    }
    let after = statement(&assumed, plan, rep_id, period, today);
    let difference =
        rate::money(i128::from(after.total.minor()) - i128::from(before.total.minor()));
    WhatIf {
        before,
        after,
        difference,
        ignored,
    }
}

/// The live open deals of `rep_id` a what-if can assume won, by expected close (none
/// last), then title, then id.
pub fn open_deals<'a>(data: &'a Dataset, rep_id: &str) -> Vec<&'a crate::model::Deal> {
    let mut deals: Vec<&crate::model::Deal> = data
        .live_deals()
        .filter(|d| d.status == DealStatus::Open && d.rep_id.as_deref() == Some(rep_id))
        .collect();
    deals.sort_by(|a, b| {
        let close = |d: &crate::model::Deal| (d.expected_close.is_none(), d.expected_close);
        (close(a), &a.title, &a.id).cmp(&(close(b), &b.title, &b.id))
    });
    deals
}

impl Statement {
    /// A plain-text statement for printing or a file, in English with amounts in the
    /// user's number format (the app translates the `description_id`s for the page).
    pub fn to_text(&self, data: &Dataset, currency: Currency, locale: NumberLocale) -> String {
        let money = |m: Money| m.format(currency, locale);
        let rate = |bp: u32| crate::number::format_decimal(f64::from(bp) / 100.0, 2, locale);
        let rep = data.rep_name(Some(&self.rep_id)).unwrap_or(&self.rep_id);
        let plan = data
            .find::<CommissionPlan>(&self.plan_id)
            .map_or(self.plan_id.as_str(), |p| p.title.as_str());
        let mut out = format!(
            "Commission statement\nRep: {rep}\nPlan: {plan}\nPeriod: {}\n\n",
            self.period.label()
        );
        let basis = match self.basis {
            CommissionBasis::WonAmount => "won amount",
            CommissionBasis::Margin => "margin",
        };
        out += &format!(
            "Basis ({basis}): {}\nDeals counted: {}\n",
            money(self.basis_amount),
            self.deal_ids.len()
        );
        out += &format!("Quota: {}\n", money(self.quota));
        match self.attainment {
            Some(a) => {
                out += &format!(
                    "Attainment: {}\n\n",
                    crate::number::format_percent(a, locale)
                )
            }
            None => out += "Attainment: – (no quota)\n\n",
        }
        out += &format!("Base salary: {}\n", money(self.base_salary));
        for line in &self.lines {
            let label = match &line.kind {
                LineKind::Commission { from, to, rate_bp } => format!(
                    "Commission {} % on {} – {}",
                    rate(*rate_bp),
                    money(*from),
                    money(*to)
                ),
                LineKind::Accelerator { above, .. } => {
                    format!("Accelerator on {} above quota", money(*above))
                }
                LineKind::GoalBonus { goal_id: None } => "Quota bonus".to_owned(),
                LineKind::GoalBonus { goal_id: Some(id) } => {
                    let title = data
                        .find::<Goal>(id)
                        .map_or(id.as_str(), |g| g.title.as_str());
                    format!("Goal bonus: {title}")
                }
                LineKind::DealBonus {
                    deal_kind,
                    deals,
                    each,
                } => format!("{deals} × {} bonus of {}", deal_kind.id(), money(*each)),
                LineKind::Cap { cap } => format!("Cap at {}", money(*cap)),
            };
            out += &format!("{label}: {}\n", money(line.amount));
        }
        if self.uncosted_deals > 0 {
            out += &format!(
                "Note: {} deals without a cost counted at full amount\n",
                self.uncosted_deals
            );
        }
        out += &format!("\nTotal: {}\n", money(self.total));
        out
    }
}
