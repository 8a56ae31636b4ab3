//! Charts: `draw_*` functions generic over any plotters `DrawingBackend` (tested on the
//! SVG backend), and canvas components that only size the canvas and call them.

mod bars;
mod burn_up;
mod canvas;
mod panel;

pub use bars::{draw_bars, BarSeries};
pub use burn_up::{draw_burn_up, BurnUpSeries};
pub use canvas::{BarChart, BurnUpChart};
pub use panel::{ChartPanel, ChartRow};
