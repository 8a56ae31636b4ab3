use plotters::coord::Shift;
use plotters::prelude::*;

use kpi::goals::{to_money, BurnUpPoint};
use kpi::{Currency, Unit};

use super::Palette;

/// A goal's burn-up chart ready to draw: one entry per day of the period, in chart
/// coordinates (money in major units, ratios 0–1, other units as they are).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BurnUpSeries {
    pub labels: Vec<String>,
    /// Cumulative actual (a level measure: its value so far), up to today.
    pub actual: Vec<Option<f64>>,
    /// The target line.
    pub target: Vec<Option<f64>>,
    /// The projection from today on.
    pub projection: Vec<Option<f64>>,
    /// The index of today, when it falls in the period.
    pub today: Option<usize>,
    /// How the axis writes numbers.
    pub locale: kpi::NumberLocale,
}

impl BurnUpSeries {
    /// The series of `points` (from `kpi::goals::burn_up`), money read in `currency`.
    pub fn new(
        points: &[BurnUpPoint],
        unit: Unit,
        currency: Currency,
        today: chrono::NaiveDate,
        label: impl Fn(chrono::NaiveDate) -> String,
    ) -> Self {
        let coord = |value: Option<f64>| match unit {
            Unit::Money => value.and_then(to_money).map(|m| m.to_major(currency)),
            _ => value.filter(|v| v.is_finite()),
        };
        BurnUpSeries {
            labels: points.iter().map(|p| label(p.date)).collect(),
            actual: points.iter().map(|p| coord(p.actual)).collect(),
            target: points.iter().map(|p| coord(p.target)).collect(),
            projection: points.iter().map(|p| coord(p.projection)).collect(),
            today: points.iter().position(|p| p.date == today),
            locale: kpi::NumberLocale::default(),
        }
    }
}

/// Draws the burn-up chart in `palette`'s colours: cumulative actual (solid), the target
/// line (grey), the projection (dashed) and today (a vertical red line). `scale` is the device pixel
/// ratio, as for the bar charts.
pub fn draw_burn_up<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &BurnUpSeries,
    scale: f64,
    palette: &Palette,
) -> Result<(), String> {
    let px = |n: f64| (n * scale).round() as u32;
    let days = data.labels.len().max(2);
    let top = [&data.actual, &data.target, &data.projection]
        .iter()
        .flat_map(|s| s.iter().flatten())
        .copied()
        .fold(0.0, f64::max);
    let top = if top > 0.0 { top * 1.1 } else { 1.0 };
    let label_font = ("sans-serif", px(12.0)).into_font().color(&palette.axis);
    let plot_width = f64::from(area.dim_in_pixel().0) - f64::from(px(52.0) + 2 * px(8.0));
    let every = super::label_every(
        &data.labels,
        f64::from(px(12.0)),
        plot_width,
        days - 1,
        scale,
    );
    area.fill(&palette.background).map_err(|e| e.to_string())?;
    let mut chart = ChartBuilder::on(area)
        .margin(px(8.0))
        .x_label_area_size(px(26.0))
        .y_label_area_size(px(52.0))
        .build_cartesian_2d(0f64..(days as f64 - 1.0), 0f64..top)
        .map_err(|e| e.to_string())?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(palette.grid)
        .axis_style(palette.axis)
        .x_labels(days)
        .x_label_formatter(&|x| label_at(data, *x, every))
        .y_labels(5)
        .y_label_formatter(&|y| super::bars::compact(*y, data.locale))
        .label_style(label_font)
        .draw()
        .map_err(|e| e.to_string())?;
    let points = |series: &[Option<f64>]| -> Vec<(f64, f64)> {
        series
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.map(|v| (i as f64, v)))
            .collect()
    };
    let line = |color: RGBColor| color.stroke_width(px(2.0).max(1));
    chart
        .draw_series(LineSeries::new(points(&data.target), line(palette.target)))
        .map_err(|e| e.to_string())?;
    chart
        .draw_series(DashedLineSeries::new(
            points(&data.projection),
            px(6.0).max(1),
            px(4.0).max(1),
            line(palette.projection),
        ))
        .map_err(|e| e.to_string())?;
    chart
        .draw_series(LineSeries::new(points(&data.actual), line(palette.primary)))
        .map_err(|e| e.to_string())?;
    if let Some(today) = data.today {
        let x = today as f64;
        chart
            .draw_series(LineSeries::new([(x, 0.0), (x, top)], line(palette.today)))
            .map_err(|e| e.to_string())?;
    }
    area.present().map_err(|e| e.to_string())
}

/// The label of the day at whole-number `x`, for every `every`-th day.
fn label_at(data: &BurnUpSeries, x: f64, every: usize) -> String {
    let index = x.round();
    if (x - index).abs() > 1e-6 || index < 0.0 || !(index as usize).is_multiple_of(every) {
        return String::new();
    }
    data.labels.get(index as usize).cloned().unwrap_or_default()
}
