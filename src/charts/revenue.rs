use plotters::coord::ranged1d::SegmentValue;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Won revenue per month, ready to draw: labels and amounts in major units.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MonthlyRevenue {
    pub months: Vec<String>,
    pub amounts: Vec<f64>,
}

const BAR: RGBColor = RGBColor(31, 78, 121);
const AXIS: RGBColor = RGBColor(90, 98, 110);

/// Draws won revenue by month as bars. `scale` is the device pixel ratio: margins and
/// fonts grow with it so the chart is crisp and the same size on HiDPI screens.
pub fn draw_revenue_by_month<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &MonthlyRevenue,
    scale: f64,
) -> Result<(), String> {
    let px = |n: f64| (n * scale).round() as u32;
    let months = data.amounts.len().max(1) as i32;
    let top = data.amounts.iter().copied().fold(0.0, f64::max);
    // Head-room above the tallest bar; an all-zero year still gets a sensible axis.
    let top = if top > 0.0 { top * 1.1 } else { 1.0 };
    area.fill(&WHITE).map_err(|e| e.to_string())?;
    let mut chart = ChartBuilder::on(area)
        .margin(px(8.0))
        .x_label_area_size(px(26.0))
        .y_label_area_size(px(52.0))
        .build_cartesian_2d((0..months).into_segmented(), 0f64..top)
        .map_err(|e| e.to_string())?;
    let label_font = ("sans-serif", px(12.0)).into_font().color(&AXIS);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(RGBColor(230, 232, 236))
        .axis_style(AXIS)
        .x_labels(data.months.len())
        .x_label_formatter(&|x| match x {
            SegmentValue::CenterOf(i) => data.months.get(*i as usize).cloned().unwrap_or_default(),
            _ => String::new(),
        })
        .y_labels(5)
        .y_label_formatter(&|y| compact(*y))
        .label_style(label_font)
        .draw()
        .map_err(|e| e.to_string())?;
    chart
        .draw_series(data.amounts.iter().enumerate().map(|(i, amount)| {
            let i = i as i32;
            let mut bar = Rectangle::new(
                [
                    (SegmentValue::Exact(i), 0.0),
                    (SegmentValue::Exact(i + 1), *amount),
                ],
                BAR.filled(),
            );
            bar.set_margin(0, 0, px(4.0), px(4.0));
            bar
        }))
        .map_err(|e| e.to_string())?;
    area.present().map_err(|e| e.to_string())
}

/// Axis labels stay short: 12500 → "12.5k", 2000000 → "2M".
fn compact(value: f64) -> String {
    let (scaled, suffix) = match value.abs() {
        v if v >= 1_000_000.0 => (value / 1_000_000.0, "M"),
        v if v >= 1_000.0 => (value / 1_000.0, "k"),
        _ => (value, ""),
    };
    let text = format!("{scaled:.1}");
    format!("{}{suffix}", text.trim_end_matches(".0"))
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::compact;
    use wasm_bindgen_test::wasm_bindgen_test;

    wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn compact_axis_labels() {
        for (value, expected) in [
            (0.0, "0"),
            (950.0, "950"),
            (12_500.0, "12.5k"),
            (2_000_000.0, "2M"),
        ] {
            assert_eq!(compact(value), expected, "{value}");
        }
    }
}
