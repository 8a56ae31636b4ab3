//! The churn page's charts: the monthly churn rate as a line, and the cohort retention
//! heat map. The numbers come from `kpi::churn_chart`; here they are only placed.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::Palette;

/// A rate (0–1) per month; `None` where there is nothing to show (a gap in the line).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RateLine {
    pub labels: Vec<String>,
    pub values: Vec<Option<f64>>,
    /// How the axis writes numbers.
    pub locale: kpi::NumberLocale,
}

/// Rows of cells, each a share 0–1 or `None` (empty cohort, the future).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HeatMap {
    pub row_labels: Vec<String>,
    pub cells: Vec<Vec<Option<f64>>>,
}

fn percent_label(y: f64, locale: kpi::NumberLocale) -> String {
    format!("{}%", kpi::format_decimal(y * 100.0, 0, locale))
}

/// Draws the churn rate line with a dot per month; months without a rate break it.
pub fn draw_line<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &RateLine,
    scale: f64,
    palette: &Palette,
) -> Result<(), String> {
    let px = |n: f64| (n * scale).round() as u32;
    let points = data.values.len().max(1);
    let top = data.values.iter().flatten().copied().fold(0.0, f64::max);
    let top = if top > 0.0 { top * 1.15 } else { 0.1 };
    area.fill(&palette.background).map_err(|e| e.to_string())?;
    let mut chart = ChartBuilder::on(area)
        .margin(px(8.0))
        .x_label_area_size(px(26.0))
        .y_label_area_size(px(44.0))
        .build_cartesian_2d(-0.5f64..(points as f64 - 0.5), 0f64..top)
        .map_err(|e| e.to_string())?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(palette.grid)
        .axis_style(palette.axis)
        .x_labels(points)
        .x_label_formatter(&|x| {
            let index = x.round();
            if (x - index).abs() > 1e-6 || index < 0.0 {
                return String::new();
            }
            data.labels.get(index as usize).cloned().unwrap_or_default()
        })
        .y_labels(5)
        .y_label_formatter(&|y| percent_label(*y, data.locale))
        .label_style(("sans-serif", px(12.0)).into_font().color(&palette.axis))
        .draw()
        .map_err(|e| e.to_string())?;
    // One line piece per run of months with a rate.
    let mut run: Vec<(f64, f64)> = Vec::new();
    let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
    for (i, value) in data.values.iter().enumerate() {
        match value {
            Some(v) => run.push((i as f64, *v)),
            None if !run.is_empty() => runs.push(std::mem::take(&mut run)),
            None => {}
        }
    }
    if !run.is_empty() {
        runs.push(run);
    }
    for run in runs {
        chart
            .draw_series(LineSeries::new(
                run.clone(),
                palette.primary.stroke_width(px(2.0)),
            ))
            .map_err(|e| e.to_string())?;
        chart
            .draw_series(
                run.into_iter()
                    .map(|point| Circle::new(point, px(3.5), palette.primary.filled())),
            )
            .map_err(|e| e.to_string())?;
    }
    area.present().map_err(|e| e.to_string())
}

/// Draws the retention grid: a cell per cohort and month since, nearer `palette.primary`
/// for a higher share (darker on light, brighter on dark), `palette.empty` where there is
/// no value.
pub fn draw_heat_map<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &HeatMap,
    scale: f64,
    palette: &Palette,
) -> Result<(), String> {
    let px = |n: f64| (n * scale).round() as u32;
    let rows = data.cells.len().max(1);
    let columns = data.cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
    area.fill(&palette.background).map_err(|e| e.to_string())?;
    let mut chart = ChartBuilder::on(area)
        .margin(px(8.0))
        .x_label_area_size(px(22.0))
        .y_label_area_size(px(44.0))
        .build_cartesian_2d(0f64..columns as f64, rows as f64..0f64)
        .map_err(|e| e.to_string())?;
    chart
        .configure_mesh()
        .disable_mesh()
        .axis_style(palette.axis)
        .x_labels(columns)
        .x_label_formatter(&|x| {
            let at = x.round();
            if (x - at).abs() < 1e-6 && at < columns as f64 {
                format!("+{}", at as usize)
            } else {
                String::new()
            }
        })
        .y_labels(rows)
        .y_label_formatter(&|y| {
            let index = y.floor();
            if (y - index).abs() < 1e-6 {
                data.row_labels
                    .get(index as usize)
                    .cloned()
                    .unwrap_or_default()
            } else {
                String::new()
            }
        })
        .label_style(("sans-serif", px(11.0)).into_font().color(&palette.axis))
        .draw()
        .map_err(|e| e.to_string())?;
    let cells = data.cells.iter().enumerate().flat_map(|(r, row)| {
        row.iter().enumerate().map(move |(c, share)| {
            let colour = match share {
                Some(s) => {
                    let s = s.clamp(0.0, 1.0);
                    let mix = |low: u8, high: u8| {
                        (f64::from(low) + (f64::from(high) - f64::from(low)) * s).round() as u8
                    };
                    let (low, high) = (palette.low, palette.primary);
                    RGBColor(mix(low.0, high.0), mix(low.1, high.1), mix(low.2, high.2))
                }
                None => palette.empty,
            };
            let (x, y) = (c as f64, r as f64);
            Rectangle::new(
                [(x + 0.04, y + 0.04), (x + 0.96, y + 0.96)],
                colour.filled(),
            )
        })
    });
    chart.draw_series(cells).map_err(|e| e.to_string())?;
    area.present().map_err(|e| e.to_string())
}
