use super::Palette;
use plotters::coord::Shift;
use plotters::prelude::*;

/// A contest's leaderboard ready to draw: one horizontal bar per ranked rep, best
/// first (top). `values` are in display units (`kpi::contest::Bar`), `shown` the same
/// values as the page writes them ("€6,500.50"), printed at the end of each bar.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LeaderboardSeries {
    pub names: Vec<String>,
    pub values: Vec<f64>,
    pub shown: Vec<String>,
    /// How the axis writes numbers.
    pub locale: kpi::NumberLocale,
}

/// The leader's gold, readable on the light and the dark background.
const LEADER: RGBColor = RGBColor(191, 128, 0);

/// Draws the leaderboard in `palette`'s colours: names on the left, the leader's bar in gold. Bars start at
/// zero (a measure where lower is better still shows its values as lengths; the order
/// and ranks come from `kpi`). `scale` is the device pixel ratio.
pub fn draw_leaderboard<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &LeaderboardSeries,
    scale: f64,
    palette: &Palette,
) -> Result<(), String> {
    let px = |n: f64| (n * scale).round() as u32;
    let rows = data.values.len().max(1);
    let top = data
        .values
        .iter()
        .copied()
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    // Room on the right for the value written after the longest bar.
    let top = if top > 0.0 { top * 1.3 } else { 1.0 };
    area.fill(&palette.background).map_err(|e| e.to_string())?;
    let mut chart = ChartBuilder::on(area)
        .margin(px(8.0))
        .x_label_area_size(px(22.0))
        .y_label_area_size(px(120.0))
        // Row 0 (the leader) at the top.
        .build_cartesian_2d(0f64..top, (rows as f64 - 0.5)..-0.5f64)
        .map_err(|e| e.to_string())?;
    let font = ("sans-serif", px(12.0)).into_font().color(&palette.axis);
    chart
        .configure_mesh()
        .disable_y_mesh()
        .light_line_style(palette.grid)
        .axis_style(palette.axis)
        .y_labels(rows)
        .y_label_formatter(&|y| row_label(&data.names, *y))
        .x_labels(5)
        .x_label_formatter(&|x| super::bars::compact(*x, data.locale))
        .label_style(font.clone())
        .draw()
        .map_err(|e| e.to_string())?;
    chart
        .draw_series(data.values.iter().enumerate().map(|(i, value)| {
            let y = i as f64;
            let colour = if i == 0 { LEADER } else { palette.primary };
            Rectangle::new(
                [(0.0, y - 0.35), (value.max(0.0), y + 0.35)],
                colour.filled(),
            )
        }))
        .map_err(|e| e.to_string())?;
    chart
        .draw_series(
            data.values
                .iter()
                .zip(&data.shown)
                .enumerate()
                .map(|(i, (value, shown))| {
                    Text::new(
                        shown.clone(),
                        (value.max(0.0) + top * 0.01, i as f64 + 0.1),
                        font.clone(),
                    )
                }),
        )
        .map_err(|e| e.to_string())?;
    area.present().map_err(|e| e.to_string())
}

/// The name of the row at whole-number `y`, blank between rows.
fn row_label(names: &[String], y: f64) -> String {
    let index = y.round();
    if (y - index).abs() > 1e-6 || index < 0.0 {
        return String::new();
    }
    names.get(index as usize).cloned().unwrap_or_default()
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::{draw_leaderboard, LeaderboardSeries};
    use crate::charts::LIGHT;
    use plotters::prelude::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

    fn svg_of(data: &LeaderboardSeries) -> String {
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (600, 240)).into_drawing_area();
            draw_leaderboard(&area, data, 1.0, &LIGHT).expect("drawn");
        }
        svg
    }

    #[wasm_bindgen_test]
    fn every_rep_gets_a_named_bar_and_its_value() {
        let data = LeaderboardSeries {
            names: vec!["Minh Nguyen".into(), "Anna Schmidt".into()],
            values: vec![6500.5, 4500.0],
            shown: vec!["€6,500.50".into(), "€4,500.00".into()],
            ..Default::default()
        };
        let svg = svg_of(&data);
        for text in ["Minh Nguyen", "Anna Schmidt", "€6,500.50", "€4,500.00"] {
            assert!(
                svg.lines().any(|line| line.trim() == text),
                "missing {text} in {svg}"
            );
        }
        // The background and one bar per rep, the leader's in gold.
        assert!(svg.matches("<rect").count() >= 3, "{svg}");
        assert!(svg.contains("#BF8000"), "the leader's bar is gold: {svg}");
    }

    #[wasm_bindgen_test]
    fn an_empty_board_and_zero_values_still_draw() {
        svg_of(&LeaderboardSeries::default());
        let zeros = LeaderboardSeries {
            names: vec!["A".into(), "B".into()],
            values: vec![0.0, 0.0],
            shown: vec!["0".into(), "0".into()],
            ..Default::default()
        };
        let svg = svg_of(&zeros);
        // plotters writes each text on a line of its own.
        assert!(svg.lines().any(|line| line.trim() == "A"), "{svg}");
    }
}
