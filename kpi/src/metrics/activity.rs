//! Activities and customers served per working day, prospecting hours.

use crate::catalogue::{KpiId, KpiValue};

use super::Slice;

/// The KPIs of this family for one slice.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ActivityMetrics {}

impl ActivityMetrics {
    /// Computes the family in one pass over the slice.
    pub fn of(_slice: &Slice) -> ActivityMetrics {
        ActivityMetrics {}
    }

    /// The value of `id`, or `None` if `id` is not of this family.
    pub fn value(&self, _id: KpiId) -> Option<KpiValue> {
        None
    }
}
