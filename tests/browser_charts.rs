//! The revenue chart's drawing code on the SVG backend, in the browser (where plotters
//! measures text with the canvas font engine, as in the app).
#![cfg(target_arch = "wasm32")]

use plotters::prelude::*;
use salesboard::charts::{draw_bars, BarSeries};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn svg_of(data: &BarSeries, scale: f64) -> String {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (600, 260)).into_drawing_area();
        draw_bars(&area, data, scale).unwrap();
    }
    svg
}

fn year(amounts: Vec<f64>) -> BarSeries {
    let months = [
        "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
    ];
    BarSeries {
        labels: months.iter().map(|m| m.to_string()).collect(),
        values: amounts,
        percent: false,
    }
}

#[wasm_bindgen_test]
fn draws_one_bar_per_month_and_labels_them() {
    let svg = svg_of(&year((1..=12).map(|m| m as f64 * 1000.0).collect()), 1.0);
    // The background, the plot area and twelve bars at least.
    assert!(svg.matches("<rect").count() >= 13, "{svg}");
    for month in ["Dec", "Jun", "Nov"] {
        assert!(
            svg.lines().any(|line| line.trim() == month),
            "missing label {month} in {svg}"
        );
    }
}

#[wasm_bindgen_test]
fn an_empty_year_still_draws_axes_without_errors() {
    let svg = svg_of(&year(vec![0.0; 12]), 2.0);
    assert!(svg.contains("<line") || svg.contains("<polyline"), "{svg}");
}
