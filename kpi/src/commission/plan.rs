//! The commission and accelerator lines of a plan for a basis and a quota — pure
//! arithmetic, no dataset (see the module docs of [`super`] for the conventions).

use super::rate::{apply_rate, money, reaches, round_div, share_of, BP};
use super::{Line, LineKind};
use crate::model::{Accelerator, PlanKind, Threshold};
use crate::money::Money;

/// One slice of the basis at one rate: `[from, to)`.
#[derive(Clone, Copy)]
struct Slice {
    from: Money,
    to: Money,
    rate_bp: u32,
}

/// The commission lines and, when the basis is above a positive quota, the
/// accelerator line, of `kind` + `accelerator` for `basis` against `quota`.
pub fn plan_lines(
    kind: &PlanKind,
    accelerator: Option<Accelerator>,
    basis: Money,
    quota: Money,
) -> Vec<Line> {
    let (description_id, slices) = slices(kind, basis, quota);
    let mut lines: Vec<Line> = slices
        .iter()
        .map(|s| Line {
            kind: LineKind::Commission {
                from: s.from,
                to: s.to,
                rate_bp: s.rate_bp,
            },
            description_id,
            amount: apply_rate(money(width(s.from, s.to)), s.rate_bp),
        })
        .collect();
    if let Some(accelerator) = accelerator {
        if quota > Money::ZERO && basis > quota {
            let above = money(width(quota, basis));
            let amount = match accelerator {
                Accelerator::ExtraRate { rate_bp } => apply_rate(above, rate_bp),
                Accelerator::Multiplier { multiplier_bp } => {
                    // Σ (slice part above quota × rate) × (multiplier − 1), rounded once.
                    // Saturating: only absurd, unvalidated plans get near i128's range.
                    let earned: i128 = slices
                        .iter()
                        .map(|s| width(s.from.max(quota), s.to) * i128::from(s.rate_bp))
                        .fold(0, i128::saturating_add);
                    let extra = i128::from(multiplier_bp) - BP;
                    money(round_div(earned.saturating_mul(extra), BP * BP))
                }
            };
            let description_id = match accelerator {
                Accelerator::ExtraRate { .. } => "commission.accelerator.extra_rate",
                Accelerator::Multiplier { .. } => "commission.accelerator.multiplier",
            };
            lines.push(Line {
                kind: LineKind::Accelerator { above, accelerator },
                description_id,
                amount,
            });
        }
    }
    lines
}

/// `to − from` when positive, else 0, in i128.
fn width(from: Money, to: Money) -> i128 {
    (i128::from(to.minor()) - i128::from(from.minor())).max(0)
}

/// The slices of the basis a plan pays on, with the line description id.
fn slices(kind: &PlanKind, basis: Money, quota: Money) -> (&'static str, Vec<Slice>) {
    let whole = |rate_bp| Slice {
        from: Money::ZERO,
        to: basis.max(Money::ZERO),
        rate_bp,
    };
    match kind {
        PlanKind::Flat { rate_bp } => ("commission.flat", vec![whole(*rate_bp)]),
        PlanKind::Tiered { tiers } => {
            let mut tiers = tiers.clone();
            tiers.sort_by_key(|t| t.from_attainment_bp);
            let rate = if quota <= Money::ZERO {
                // No quota, no attainment: the lowest tier.
                tiers.first().map(|t| t.rate_bp)
            } else {
                tiers
                    .iter()
                    .rev()
                    .find(|t| reaches(basis, quota, t.from_attainment_bp))
                    .map(|t| t.rate_bp)
            };
            ("commission.tier", vec![whole(rate.unwrap_or(0))])
        }
        PlanKind::Marginal { brackets } => {
            let by_attainment = brackets
                .iter()
                .any(|b| matches!(b.from, Threshold::Attainment { .. }));
            if by_attainment && quota <= Money::ZERO {
                // No quota: thresholds in % of it mean nothing; the lowest bracket.
                let lowest = brackets.iter().min_by_key(|b| match b.from {
                    Threshold::Attainment { bp } => i128::from(bp),
                    Threshold::Amount { amount } => i128::from(amount.minor()) * BP,
                });
                let rate = lowest.map_or(0, |b| b.rate_bp);
                return ("commission.bracket", vec![whole(rate)]);
            }
            let mut starts: Vec<(Money, u32)> = brackets
                .iter()
                .map(|b| {
                    let start = match b.from {
                        Threshold::Amount { amount } => amount,
                        Threshold::Attainment { bp } => share_of(quota, bp),
                    };
                    (start.max(Money::ZERO), b.rate_bp)
                })
                .collect();
            starts.sort_by_key(|&(start, _)| start);
            let mut slices = Vec::with_capacity(starts.len());
            for (index, &(from, rate_bp)) in starts.iter().enumerate() {
                let next = starts.get(index + 1).map(|&(start, _)| start);
                let to = next.map_or(basis, |n| n.min(basis));
                if to > from {
                    slices.push(Slice { from, to, rate_bp });
                }
            }
            ("commission.bracket", slices)
        }
    }
}

/// The plan's rate at this attainment for a tiered plan, or its flat rate; for the
/// UI's explanation ("you are in the 100 % tier"). `None` for marginal plans.
pub fn effective_rate(kind: &PlanKind, basis: Money, quota: Money) -> Option<u32> {
    match kind {
        PlanKind::Marginal { .. } => None,
        _ => match slices(kind, basis, quota).1.first() {
            Some(s) => Some(s.rate_bp),
            None => Some(0),
        },
    }
}
