use plotters::coord::Shift;
use plotters::prelude::*;

use super::Palette;

/// A bar series ready to draw: one label and one value per bar — revenue in major
/// units per day or month, or (with `percent`) a rate 0–1 per month such as churn.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BarSeries {
    pub labels: Vec<String>,
    pub values: Vec<f64>,
    /// Values are fractions shown as percentages on the axis.
    pub percent: bool,
    /// How the axis writes numbers ("12.5k" en, "12,5k" de).
    pub locale: kpi::NumberLocale,
}

impl BarSeries {
    /// At most `max` bars: runs of consecutive bars merged into one, showing the run's
    /// highest value (peaks stay visible) under the label of its first bar. Drawing more
    /// bars than the canvas has pixel columns costs time and shows nothing more.
    pub fn decimated(&self, max: usize) -> BarSeries {
        let run = self.values.len().div_ceil(max.max(1)).max(1);
        BarSeries {
            labels: self.labels.iter().step_by(run).cloned().collect(),
            values: self
                .values
                .chunks(run)
                .map(|chunk| chunk.iter().copied().fold(f64::NEG_INFINITY, f64::max))
                .collect(),
            percent: self.percent,
            locale: self.locale,
        }
    }
}

/// The most bars drawn per CSS pixel of width: beyond it, bars are merged.
const BARS_PER_PIXEL: f64 = 0.5;

/// Draws a bar series (daily sales, monthly churn…) in `palette`'s colours. `scale` is the
/// device pixel ratio: margins and fonts grow with it so the chart is crisp and the same
/// size on HiDPI screens.
pub fn draw_bars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &BarSeries,
    scale: f64,
    palette: &Palette,
) -> Result<(), String> {
    let px = |n: f64| (n * scale).round() as u32;
    let width = f64::from(area.dim_in_pixel().0) / scale;
    let most = (width * BARS_PER_PIXEL).max(1.0) as usize;
    let merged;
    let data = if data.values.len() > most {
        merged = data.decimated(most);
        &merged
    } else {
        data
    };
    let bars = data.values.len().max(1);
    let label_font = ("sans-serif", px(12.0)).into_font().color(&palette.axis);
    // The plot is the width less the y labels and the margins.
    let plot_width = f64::from(area.dim_in_pixel().0) - f64::from(px(52.0) + 2 * px(8.0));
    let every = super::label_every(&data.labels, f64::from(px(12.0)), plot_width, bars, scale);
    let top = data.values.iter().copied().fold(0.0, f64::max);
    // Head-room above the tallest bar; an all-zero year still gets a sensible axis.
    let top = if top > 0.0 { top * 1.1 } else { 1.0 };
    area.fill(&palette.background).map_err(|e| e.to_string())?;
    let mut chart = ChartBuilder::on(area)
        .margin(px(8.0))
        .x_label_area_size(px(26.0))
        .y_label_area_size(px(52.0))
        // One unit per month, bars centred on whole numbers.
        .build_cartesian_2d(-0.5f64..(bars as f64 - 0.5), 0f64..top)
        .map_err(|e| e.to_string())?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(palette.grid)
        .axis_style(palette.axis)
        // A key point on every bar (the formatter keeps every `every`-th): fewer would
        // let plotters choose "nice" steps that miss the multiples of `every`.
        .x_labels(bars)
        .x_label_formatter(&|x| bar_label(data, *x, every))
        .y_labels(5)
        .y_label_formatter(&|y| {
            if data.percent {
                format!("{}%", kpi::format_decimal(*y * 100.0, 1, data.locale))
            } else {
                compact(*y, data.locale)
            }
        })
        .label_style(label_font)
        .draw()
        .map_err(|e| e.to_string())?;
    chart
        .draw_series(data.values.iter().enumerate().map(|(i, value)| {
            let x = i as f64;
            Rectangle::new(
                [(x - 0.38, 0.0), (x + 0.38, *value)],
                palette.primary.filled(),
            )
        }))
        .map_err(|e| e.to_string())?;
    area.present().map_err(|e| e.to_string())
}

/// The label of the bar at whole-number `x`, for every `every`-th bar.
fn bar_label(data: &BarSeries, x: f64, every: usize) -> String {
    let index = x.round();
    if (x - index).abs() > 1e-6 || index < 0.0 || !(index as usize).is_multiple_of(every) {
        return String::new();
    }
    data.labels.get(index as usize).cloned().unwrap_or_default()
}

/// Axis labels stay short: 12500 → "12.5k" ("12,5k" in German), 2000000 → "2M".
pub(super) fn compact(value: f64, locale: kpi::NumberLocale) -> String {
    let (scaled, suffix) = match value.abs() {
        v if v >= 1_000_000.0 => (value / 1_000_000.0, "M"),
        v if v >= 1_000.0 => (value / 1_000.0, "k"),
        _ => (value, ""),
    };
    format!("{}{suffix}", kpi::format_decimal(scaled, 1, locale))
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::{compact, BarSeries};
    use wasm_bindgen_test::wasm_bindgen_test;

    wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn decimation_merges_runs_keeping_their_peaks() {
        let series = BarSeries {
            labels: (1..=7).map(|d| format!("d{d}")).collect(),
            values: vec![1.0, 5.0, 2.0, 0.0, 3.0, 3.0, 9.0],
            percent: false,
            locale: kpi::NumberLocale::En,
        };
        let cases = [
            (
                "room for all: unchanged",
                7,
                vec![1.0, 5.0, 2.0, 0.0, 3.0, 3.0, 9.0],
                vec!["d1", "d2", "d3", "d4", "d5", "d6", "d7"],
            ),
            (
                "runs of two, the last one short",
                4,
                vec![5.0, 2.0, 3.0, 9.0],
                vec!["d1", "d3", "d5", "d7"],
            ),
            (
                "runs of three",
                3,
                vec![5.0, 3.0, 9.0],
                vec!["d1", "d4", "d7"],
            ),
            ("one bar for all", 1, vec![9.0], vec!["d1"]),
        ];
        for (case, max, values, labels) in cases {
            let merged = series.decimated(max);
            assert_eq!(merged.values, values, "{case}");
            assert_eq!(merged.labels, labels, "{case}");
        }
    }

    #[wasm_bindgen_test]
    fn compact_axis_labels() {
        use kpi::NumberLocale::{De, En};
        for (value, locale, expected) in [
            (0.0, En, "0"),
            (950.0, En, "950"),
            (12_500.0, En, "12.5k"),
            (12_500.0, De, "12,5k"),
            (2_000_000.0, En, "2M"),
        ] {
            assert_eq!(compact(value, locale), expected, "{value} {locale:?}");
        }
    }
}
