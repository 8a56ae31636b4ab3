//! The rows a virtualised list renders: always a range of the list, every row on
//! screen among them, and at least a hundred (or the whole list).

use kpi::list_window::{rows_to_render, MIN_ROWS};
use proptest::prelude::*;

proptest! {
    #[test]
    fn the_rows_on_screen_are_rendered_and_never_fewer_than_a_hundred(
        total in 0_usize..50_000,
        row_height in prop_oneof![Just(0.0), 1.0_f64..400.0],
        scrolled in prop_oneof![Just(f64::NAN), Just(f64::INFINITY), -1e6_f64..2e7],
        height in 0.0_f64..4_000.0,
    ) {
        let range = rows_to_render(total, row_height, scrolled, height);
        prop_assert!(range.start <= range.end && range.end <= total, "{range:?}");
        prop_assert!(range.len() >= total.min(MIN_ROWS), "{range:?}");
        if scrolled.is_finite() && row_height >= 1.0 {
            // Rows at least partly on screen: from the one at the window's top edge
            // to the one at its bottom edge.
            let first = (scrolled.max(0.0) / row_height) as usize;
            let last = ((scrolled + height).max(0.0) / row_height) as usize;
            for row in [first, last] {
                if row < total {
                    prop_assert!(range.contains(&row), "row {row} not in {range:?}");
                }
            }
        }
    }
}
