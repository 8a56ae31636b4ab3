//! Which rows of a long list to put in the page (the app's lists are virtualised):
//! those on screen and a margin either side, at least [`MIN_ROWS`], so a list of
//! 10k records costs what ~100 rows cost wherever the user scrolls to.

use std::ops::Range;

/// Rows rendered at least: a list up to this length is rendered whole.
pub const MIN_ROWS: usize = 100;

/// Rows rendered above and below the screen, so that scrolling never shows a gap.
pub const MARGIN_ROWS: usize = 20;

/// The rows of a list of `total` rows of `row_height` px to render when the page is
/// scrolled `scrolled` px past the list's top in a window `height` px tall: those on
/// screen and [`MARGIN_ROWS`] either side, at least [`MIN_ROWS`].
pub fn rows_to_render(total: usize, row_height: f64, scrolled: f64, height: f64) -> Range<usize> {
    let row_height = row_height.max(1.0);
    let first = (scrolled.max(0.0) / row_height).floor() as usize;
    let last = ((scrolled + height).max(0.0) / row_height).ceil() as usize;
    // Saturating: a scroll offset of any size (or not a number) gives a range.
    let end = last
        .saturating_add(MARGIN_ROWS)
        .max(first.saturating_sub(MARGIN_ROWS).saturating_add(MIN_ROWS))
        .min(total);
    let start = first
        .saturating_sub(MARGIN_ROWS)
        .min(end.saturating_sub(MIN_ROWS));
    start..end
}
