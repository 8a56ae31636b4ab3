//! The merge rule a pulled or conflicting version is judged by.
//!
//! Stand-in with the signature of `kpi::merge::wins` (issue 22 item 6), which the lead
//! lands on main: sync switches to it on the next merge of main.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use crate::model::Stored;

/// How far ahead of "now" a stamp may be and still count as a sane clock.
pub const CLOCK_TOLERANCE: Duration = Duration::minutes(5);

/// True when version `a` of a record beats version `b`: the newer `updated_at` wins,
/// but a stamp later than `now + CLOCK_TOLERANCE` never beats one that is not (a wrong
/// clock must not win forever); equal stamps: a tombstone beats a live version, then the
/// greater JSON text, so every device picks the same version. A strict total order.
pub fn wins<T: Stored + Serialize>(a: &T, b: &T, now: DateTime<Utc>) -> bool {
    let limit = now + CLOCK_TOLERANCE;
    let (a_wild, b_wild) = (a.updated_at() > limit, b.updated_at() > limit);
    if a_wild != b_wild {
        return b_wild;
    }
    if a.updated_at() != b.updated_at() {
        return a.updated_at() > b.updated_at();
    }
    if a.live() != b.live() {
        return !a.live();
    }
    let text = |r: &T| serde_json::to_string(r).unwrap_or_default();
    text(a) > text(b)
}
