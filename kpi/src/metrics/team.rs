//! Sales force turnover.

use crate::catalogue::{KpiId, KpiValue};

use super::Slice;

/// The KPIs of this family for one slice.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TeamMetrics {}

impl TeamMetrics {
    /// Computes the family in one pass over the slice.
    pub fn of(_slice: &Slice) -> TeamMetrics {
        TeamMetrics {}
    }

    /// The value of `id`, or `None` if `id` is not of this family.
    pub fn value(&self, _id: KpiId) -> Option<KpiValue> {
        None
    }
}
