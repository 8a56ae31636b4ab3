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

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend, TextStyle};

/// Room kept between two x-axis labels, in CSS px.
const LABEL_GAP: f64 = 8.0;

/// Every how many slots (bars, days) an x-axis label is drawn so that none runs into the
/// next, whatever the width or the language: the widest label as `font` measures it on
/// this backend, plus a gap, over the device pixels one slot gets (`slots` across
/// `plot_width`). A label that cannot be measured counts as 1 em per character.
pub(crate) fn label_every<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    labels: &[String],
    font: &TextStyle,
    plot_width: f64,
    slots: usize,
    scale: f64,
) -> usize {
    let widest = labels
        .iter()
        .map(|label| match area.estimate_text_size(label, font) {
            Ok((width, _)) => f64::from(width),
            Err(_) => label.chars().count() as f64 * 12.0 * scale,
        })
        .fold(0.0, f64::max);
    let slot = plot_width.max(1.0) / slots.max(1) as f64;
    ((widest + LABEL_GAP * scale) / slot).ceil().max(1.0) as usize
}
