//! In-browser benchmarks, compiled only with `--features bench` (`cargo xtask bench`
//! builds them into `dist-bench/`): the page calls these through `window.wasmBindings`
//! and times the same workloads as the native bench (`kpi::workload`). Each returns
//! the milliseconds of every repeat, measured with `performance.now()`.

use chrono::{DateTime, NaiveDate};
use kpi::demo::{generate, DemoSize};
use kpi::metrics::Facts;
use kpi::{schema, Dataset};
use plotters::prelude::IntoDrawingArea;
use std::cell::RefCell;
use std::hint::black_box;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    static DATA: RefCell<Dataset> = RefCell::new(Dataset::default());
    /// The facts of `DATA`, kept as the app keeps them (new ones with new data).
    static FACTS: RefCell<Arc<Facts>> = RefCell::new(Arc::default());
}

/// The day the bench data is generated for (the native bench uses the same).
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default()
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_default()
}

/// Runs `work` `repeats` times and returns each run's milliseconds.
fn timed(repeats: u32, mut work: impl FnMut()) -> Vec<f64> {
    (0..repeats.max(1))
        .map(|_| {
            let start = now_ms();
            work();
            now_ms() - start
        })
        .collect()
}

/// Generates the demo year with `deals` deals (as the native bench) and keeps it.
#[wasm_bindgen]
pub fn bench_generate(deals: u32) -> usize {
    let now = DateTime::from_timestamp(1_795_000_000, 0).unwrap_or_default();
    let data = generate(
        1,
        today(),
        now,
        DemoSize {
            deals: deals as usize,
        },
    );
    let count = data.deals.len();
    FACTS.with(|f| *f.borrow_mut() = Arc::new(Facts::renewed(None, &data)));
    DATA.with(|d| *d.borrow_mut() = data);
    count
}

/// Keeps only the deals of the kept dataset with what they name (customers, reps,
/// teams, settings): "10k deals" as the budgets count them, without the demo's
/// orders, activities, leads, expenses and feedback around them.
#[wasm_bindgen]
pub fn bench_deals_only() -> usize {
    DATA.with(|d| {
        let mut data = d.borrow_mut();
        data.orders.clear();
        data.activities.clear();
        data.leads.clear();
        data.expenses.clear();
        data.feedback.clear();
        FACTS.with(|f| *f.borrow_mut() = Arc::new(Facts::renewed(None, &data)));
        data.deals.len()
    })
}

/// The kept dataset as a saved envelope (to seed storage, and for the JS baseline).
#[wasm_bindgen]
pub fn bench_envelope() -> String {
    DATA.with(|d| schema::encode(&d.borrow(), chrono::DateTime::UNIX_EPOCH))
}

/// A full dashboard recompute (every KPI, four slices) on the kept dataset, its facts
/// made anew each time (as after an edit).
#[wasm_bindgen]
pub fn bench_recompute(repeats: u32) -> Vec<f64> {
    DATA.with(|d| {
        let data = d.borrow();
        timed(repeats, || {
            black_box(kpi::workload::dashboard_recompute(&data, today()));
        })
    })
}

/// The same recompute from the kept facts (as after a change of scope or period).
#[wasm_bindgen]
pub fn bench_recompute_kept(repeats: u32) -> Vec<f64> {
    DATA.with(|d| {
        FACTS.with(|f| {
            let (data, facts) = (d.borrow(), f.borrow());
            timed(repeats, || {
                black_box(kpi::workload::dashboard_from_facts(&data, &facts, today()));
            })
        })
    })
}

/// One deal edited, then the dashboard from the facts renewed from the kept ones (the
/// parts of untouched collections kept): what an edit costs the dashboard.
#[wasm_bindgen]
pub fn bench_recompute_after_edit(repeats: u32) -> Vec<f64> {
    DATA.with(|d| {
        FACTS.with(|f| {
            let (mut data, mut facts) = (d.borrow_mut(), f.borrow_mut());
            kpi::workload::dashboard_from_facts(&data, &facts, today());
            timed(repeats, || {
                let (renewed, values) =
                    kpi::workload::dashboard_after_deal_edit(&mut data, &facts, today());
                *facts = renewed;
                black_box(values);
            })
        })
    })
}

/// The sales family only, from the kept facts: what the plain-JavaScript baseline
/// repeats (on records it prepared before timing).
#[wasm_bindgen]
pub fn bench_sales_scan(repeats: u32) -> Vec<f64> {
    DATA.with(|d| {
        FACTS.with(|f| {
            let (data, facts) = (d.borrow(), f.borrow());
            timed(repeats, || {
                black_box(kpi::workload::sales_scan(&data, &facts, today()));
            })
        })
    })
}

/// The main-thread half of a save: encoding the envelope (at 10k deals the text is
/// past the localStorage budget, so the app then writes it to IndexedDB, asynchronously).
#[wasm_bindgen]
pub fn bench_encode(repeats: u32) -> Vec<f64> {
    DATA.with(|d| {
        let data = d.borrow();
        timed(repeats, || {
            black_box(schema::encode_revision(
                &data,
                chrono::DateTime::UNIX_EPOCH,
                1,
            ));
        })
    })
}

/// The encoding of a save after one deal was edited, as the app saves: through the
/// cache of each collection's JSON (filled by a first save before timing).
#[wasm_bindgen]
pub fn bench_encode_after_edit(repeats: u32) -> Vec<f64> {
    DATA.with(|d| {
        let mut data = d.borrow_mut();
        let mut cache = schema::EncodeCache::default();
        black_box(cache.encode_revision(&data, chrono::DateTime::UNIX_EPOCH, 1));
        timed(repeats, || {
            kpi::workload::edit_one_deal(&mut data);
            black_box(cache.encode_revision(&data, chrono::DateTime::UNIX_EPOCH, 2));
        })
    })
}

/// The check that runs before every save, after one deal was edited: through the
/// cache of the parts found sound (filled by a first check before timing).
#[wasm_bindgen]
pub fn bench_check_after_edit(repeats: u32) -> Vec<f64> {
    DATA.with(|d| {
        let mut data = d.borrow_mut();
        let mut cache = kpi::validate::CheckCache::default();
        black_box(data.first_problem(&mut cache));
        timed(repeats, || {
            kpi::workload::edit_one_deal(&mut data);
            black_box(data.first_problem(&mut cache));
        })
    })
}

/// The whole check (on load, and before the first save).
#[wasm_bindgen]
pub fn bench_check(repeats: u32) -> Vec<f64> {
    DATA.with(|d| {
        let data = d.borrow();
        timed(repeats, || {
            black_box(data.problems());
        })
    })
}

/// The main-thread half of a load: decoding the envelope with every rule checked.
#[wasm_bindgen]
pub fn bench_decode(repeats: u32) -> Result<Vec<f64>, JsValue> {
    let text = bench_envelope();
    let mut failure = None;
    let times = timed(repeats, || {
        if let Err(e) = schema::decode(&text) {
            failure = Some(JsValue::from_str(&e.to_string()));
        }
    });
    failure.map_or(Ok(times), Err)
}

/// Redraws the bar chart with `points` bars on the canvas with id `canvas_id`.
#[wasm_bindgen]
pub fn bench_chart(canvas_id: &str, points: u32, repeats: u32) -> Result<Vec<f64>, JsValue> {
    let canvas: web_sys::HtmlCanvasElement = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(canvas_id))
        .ok_or("no such canvas")?
        .dyn_into()?;
    let series = crate::charts::BarSeries {
        labels: (0..points).map(|i| i.to_string()).collect(),
        values: (0..points).map(|i| f64::from(i % 97)).collect(),
        percent: false,
        locale: kpi::NumberLocale::En,
    };
    let scale = web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .unwrap_or(1.0);
    let mut failure = None;
    let times = timed(repeats, || {
        let Some(backend) = plotters_canvas::CanvasBackend::with_canvas_object(canvas.clone())
        else {
            failure = Some(JsValue::from_str("no 2d context"));
            return;
        };
        if let Err(e) = crate::charts::draw_bars(
            &backend.into_drawing_area(),
            &series,
            scale,
            &crate::charts::LIGHT,
        ) {
            failure = Some(JsValue::from_str(&e));
        }
    });
    failure.map_or(Ok(times), Err)
}
