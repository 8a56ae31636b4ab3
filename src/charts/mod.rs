//! Charts: `draw_*` functions generic over any plotters `DrawingBackend` (tested on the
//! SVG backend), and canvas components that only size the canvas and call them.

mod canvas;
mod panel;
mod revenue;

pub use canvas::RevenueChart;
pub use panel::{ChartPanel, ChartRow};
pub use revenue::{draw_revenue_by_month, MonthlyRevenue};
