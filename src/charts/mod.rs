//! Charts: `draw_*` functions generic over any plotters `DrawingBackend` (tested on the
//! SVG backend), and canvas components that only size the canvas and call them.

mod bars;
mod canvas;
mod panel;

pub use bars::{draw_bars, BarSeries};
pub use canvas::BarChart;
pub use panel::{ChartPanel, ChartRow};
