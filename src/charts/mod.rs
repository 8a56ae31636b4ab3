//! Charts: `draw_*` functions generic over any plotters `DrawingBackend` (tested on the
//! SVG backend), and canvas components that only size the canvas and call them.

mod bars;
mod burn_up;
mod canvas;
mod churn;
mod leaderboard;
mod palette;
mod panel;

pub use bars::{draw_bars, BarSeries};
pub use burn_up::{draw_burn_up, BurnUpSeries};
pub(crate) use canvas::paint;
pub use canvas::{BarChart, BurnUpChart, CanvasChart};
pub use churn::{draw_heat_map, draw_line, HeatMap, RateLine};
pub use leaderboard::{draw_leaderboard, LeaderboardSeries};
pub(crate) use palette::current as current_palette;
pub use palette::{Palette, DARK, LIGHT};
pub use panel::{ChartPanel, ChartRow};

/// Room kept between two x-axis labels, in CSS px.
const LABEL_GAP: f64 = 8.0;

/// The width a label may take, in ems of its font: more than sans-serif's widest
/// letters and digits on average (about 0.55 em), so a label is never wider than this.
/// Not measured with the backend: plotters measures text in the browser through an
/// element with an inline style, which the CSP refuses.
const EMS_PER_CHAR: f64 = 0.65;

/// Every how many slots (bars, days) an x-axis label is drawn so that none runs into the
/// next, whatever the width or the language: the longest label at [`EMS_PER_CHAR`] of
/// `font_px` a character, plus a gap, over the device pixels one slot gets (`slots`
/// across `plot_width`).
pub(crate) fn label_every(
    labels: &[String],
    font_px: f64,
    plot_width: f64,
    slots: usize,
    scale: f64,
) -> usize {
    let longest = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let widest = longest as f64 * EMS_PER_CHAR * font_px;
    let slot = plot_width.max(1.0) / slots.max(1) as f64;
    ((widest + LABEL_GAP * scale) / slot).ceil().max(1.0) as usize
}
