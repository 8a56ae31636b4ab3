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
