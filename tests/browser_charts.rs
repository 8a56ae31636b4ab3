//! The revenue chart's drawing code on the SVG backend, in the browser (where plotters
//! measures text with the canvas font engine, as in the app).
#![cfg(target_arch = "wasm32")]

use plotters::prelude::*;
use salesboard::charts::{draw_bars, BarSeries, DARK, LIGHT};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn svg_of(data: &BarSeries, scale: f64) -> String {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (600, 260)).into_drawing_area();
        draw_bars(&area, data, scale, &LIGHT).unwrap();
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
        locale: kpi::NumberLocale::En,
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
fn the_dark_palette_draws_light_ink_on_the_dark_card_colour() {
    let data = year((1..=12).map(|m| m as f64 * 1000.0).collect());
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (600, 260)).into_drawing_area();
        draw_bars(&area, &data, 1.0, &DARK).unwrap();
    }
    let has = |colour: RGBColor| {
        let hex = format!("#{:02X}{:02X}{:02X}", colour.0, colour.1, colour.2);
        svg.contains(&hex) || svg.contains(&hex.to_lowercase())
    };
    assert!(
        has(DARK.background) && has(DARK.primary) && has(DARK.axis),
        "{svg}"
    );
    assert!(!has(LIGHT.background), "no white in a dark chart: {svg}");
}

#[wasm_bindgen_test]
fn an_empty_year_still_draws_axes_without_errors() {
    let svg = svg_of(&year(vec![0.0; 12]), 2.0);
    assert!(svg.contains("<line") || svg.contains("<polyline"), "{svg}");
}

/// The churn page's charts on the SVG backend.
mod churn {
    use plotters::prelude::*;
    use salesboard::charts::{draw_heat_map, draw_line, HeatMap, RateLine, LIGHT};
    use wasm_bindgen_test::*;

    fn months() -> Vec<String> {
        ["Jun", "Jul", "Aug", "Sep", "Oct", "Nov"]
            .iter()
            .map(|m| m.to_string())
            .collect()
    }

    #[wasm_bindgen_test]
    fn the_churn_line_breaks_where_a_month_has_no_rate() {
        let line = RateLine {
            labels: months(),
            values: vec![None, Some(0.1), Some(0.2), None, Some(0.0), Some(1.0 / 3.0)],
            locale: kpi::NumberLocale::En,
        };
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (600, 260)).into_drawing_area();
            draw_line(&area, &line, 1.0, &LIGHT).unwrap();
        }
        // Two runs of two months: (at least) two line pieces, one dot per month with a rate.
        assert!(svg.matches("<polyline").count() >= 2, "{svg}");
        assert_eq!(svg.matches("<circle").count(), 4, "{svg}");
        assert!(svg.lines().any(|l| l.trim() == "Nov"), "{svg}");
    }

    #[wasm_bindgen_test]
    fn the_heat_map_draws_a_cell_per_cohort_and_month_since() {
        let heat = HeatMap {
            row_labels: months(),
            cells: vec![
                vec![None; 6],
                vec![None; 6],
                vec![Some(1.0), Some(1.0), Some(0.5), Some(0.5), None, None],
                vec![Some(1.0), Some(1.0), Some(0.0), None, None, None],
                vec![Some(1.0), Some(1.0), None, None, None, None],
                vec![None; 6],
            ],
        };
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (600, 260)).into_drawing_area();
            draw_heat_map(&area, &heat, 2.0, &LIGHT).unwrap();
        }
        // The background plus 36 cells at least.
        assert!(svg.matches("<rect").count() >= 37, "{svg}");
        // Full retention is the darkest colour, none the lightest.
        assert!(svg.contains("#1F4E79") || svg.contains("#1f4e79"), "{svg}");
        assert!(svg.contains("#DEEBF7") || svg.contains("#deebf7"), "{svg}");
    }
}

/// Daily labels of a language: English "1 Nov", Vietnamese "1 thg 11", German "1. Nov.".
fn daily(days: usize, label: fn(usize) -> String) -> BarSeries {
    BarSeries {
        labels: (0..days).map(label).collect(),
        values: (0..days).map(|d| (d % 7) as f64 * 100.0 + 50.0).collect(),
        percent: false,
        locale: kpi::NumberLocale::En,
    }
}

/// The x-axis labels drawn in `svg` (texts whose content is one of `labels`), with the
/// x of their anchor (plotters centres them under their bar), left to right.
fn drawn_labels(svg: &str, labels: &[String]) -> Vec<(f64, String)> {
    let lines: Vec<&str> = svg.lines().collect();
    let mut drawn: Vec<(f64, String)> = lines
        .windows(2)
        .filter_map(|pair| {
            let tag = pair[0].trim();
            let text = pair[1].trim();
            if !tag.starts_with("<text") || !labels.iter().any(|l| l == text) {
                return None;
            }
            let x = tag.split("x=\"").nth(1)?.split('"').next()?.parse().ok()?;
            Some((x, text.to_string()))
        })
        .collect();
    drawn.sort_by(|a, b| a.0.total_cmp(&b.0));
    drawn
}

#[wasm_bindgen_test]
fn axis_labels_never_run_into_each_other_at_any_width_or_language() {
    type Label = fn(usize) -> String;
    let languages: [(&str, Label); 3] = [
        ("en", |d| format!("{} Nov", d % 30 + 1)),
        ("vi", |d| format!("{} thg {}", d % 28 + 1, d / 28 % 12 + 1)),
        ("de", |d| format!("{}. Dez.", d % 31 + 1)),
    ];
    let font: TextStyle = ("sans-serif", 12).into_font().into();
    for days in [30, 90, 365] {
        for width in [320_u32, 1200] {
            for (language, label) in languages {
                let case = format!("{days} days at {width} px in {language}");
                let data = daily(days, label);
                let mut svg = String::new();
                let widths: Vec<f64> = {
                    let area = SVGBackend::with_string(&mut svg, (width, 260)).into_drawing_area();
                    draw_bars(&area, &data, 1.0, &LIGHT).unwrap();
                    data.labels
                        .iter()
                        .map(|l| f64::from(area.estimate_text_size(l, &font).unwrap().0))
                        .collect()
                };
                let width_of = |text: &str| {
                    let index = data.labels.iter().position(|l| l == text).unwrap();
                    widths[index]
                };
                let drawn = drawn_labels(&svg, &data.labels);
                assert!(
                    drawn.len() >= 2,
                    "{case}: at least two dates shown: {drawn:?}"
                );
                for pair in drawn.windows(2) {
                    let ((x1, a), (x2, b)) = (&pair[0], &pair[1]);
                    let room = (width_of(a) + width_of(b)) / 2.0;
                    assert!(
                        x2 - x1 >= room,
                        "{case}: {a:?} at {x1} runs into {b:?} at {x2}"
                    );
                }
            }
        }
    }
}
