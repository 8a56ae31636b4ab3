//! The commission basis of a rep in a period: which deals count and what they add.

use crate::model::{CommissionBasis, Dataset, Deal, DealStatus, RecordId};
use crate::money::Money;
use crate::period::Period;

/// The deals a statement pays on and the basis they make.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Basis<'a> {
    pub deals: Vec<&'a Deal>,
    pub amount: Money,
    /// Deals counted at full amount on a margin plan because their cost is unknown.
    pub uncosted: u32,
}

/// The live deals of `rep_id` won with `closed_on` in `period`, and their Σ amount
/// (won amount) or Σ (amount − cost) (margin; an unknown cost counts as 0 and is
/// counted in `uncosted`). Summed in i128 and clamped once, so it never overflows.
pub(super) fn basis<'a>(
    data: &'a Dataset,
    basis: CommissionBasis,
    rep_id: &str,
    period: Period,
) -> Basis<'a> {
    let mut deals: Vec<&Deal> = data
        .live_deals()
        .filter(|d| d.status == DealStatus::Won && d.rep_id.as_deref() == Some(rep_id))
        .filter(|d| d.closed_on.is_some_and(|c| period.contains(c)))
        .collect();
    deals.sort_by(|a, b| (a.closed_on, &a.id).cmp(&(b.closed_on, &b.id)));
    let mut total: i128 = 0;
    let mut uncosted = 0;
    for deal in &deals {
        let amount = i128::from(deal.amount.minor());
        total += match basis {
            CommissionBasis::WonAmount => amount,
            CommissionBasis::Margin => match deal.cost {
                Some(cost) => amount - i128::from(cost.minor()),
                None => {
                    uncosted += 1;
                    amount
                }
            },
        };
    }
    Basis {
        deals,
        amount: super::rate::money(total),
        uncosted,
    }
}

/// The ids of the deals, for the statement.
pub(super) fn ids(deals: &[&Deal]) -> Vec<RecordId> {
    deals.iter().map(|d| d.id.clone()).collect()
}
