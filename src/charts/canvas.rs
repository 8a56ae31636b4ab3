use super::{draw_bars, BarSeries};
use leptos::ev;
use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

/// A bar chart on a `<canvas>`: this component only wires the node and
/// redraws when the data or the size changes; drawing lives in `draw_bars`.
#[component]
pub fn BarChart(
    data: Memo<BarSeries>,
    #[prop(into)] label: Signal<String>,
    /// The canvas's test id (several charts on one page).
    #[prop(optional)]
    testid: Option<&'static str>,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    let resized = RwSignal::new(0u32);
    let listener = window_event_listener(ev::resize, move |_| resized.update(|n| *n += 1));
    on_cleanup(move || listener.remove());
    Effect::new(move |_| {
        resized.track();
        let data = data.get();
        if let Some(canvas) = canvas.get() {
            render(&canvas, &data);
        }
    });
    view! {
        <canvas
            node_ref=canvas
            class="chart"
            data-testid=testid.unwrap_or("revenue-chart")
            role="img"
            aria-label=move || label.get()
        ></canvas>
    }
}

/// Sizes the backing store to CSS size × devicePixelRatio (sharp on HiDPI), then draws.
fn render(canvas: &HtmlCanvasElement, data: &BarSeries) {
    paint(canvas, |area, scale| draw_bars(area, data, scale));
}

/// Sizes `canvas` to its CSS size × devicePixelRatio and draws on it with `draw`
/// (any `draw_*` function); a chart that cannot be drawn is told as a warning.
pub(crate) fn paint(
    canvas: &HtmlCanvasElement,
    draw: impl FnOnce(&DrawingArea<CanvasBackend, Shift>, f64) -> Result<(), String>,
) {
    let scale = web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .filter(|ratio| *ratio > 0.0)
        .unwrap_or(1.0);
    let rect = canvas.get_bounding_client_rect();
    let (width, height) = (
        (rect.width() * scale).round() as u32,
        (rect.height() * scale).round() as u32,
    );
    if width == 0 || height == 0 {
        return;
    }
    canvas.set_width(width);
    canvas.set_height(height);
    if let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) {
        if let Err(error) = draw(&backend.into_drawing_area(), scale) {
            leptos::logging::warn!("chart not drawn: {error}");
        }
    }
}

/// A canvas redrawn by `draw` whenever what it reads or the window size changes.
#[component]
pub fn CanvasChart(
    draw: Callback<(HtmlCanvasElement,)>,
    #[prop(into)] label: Signal<String>,
    testid: &'static str,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    let resized = RwSignal::new(0u32);
    let listener = window_event_listener(ev::resize, move |_| resized.update(|n| *n += 1));
    on_cleanup(move || listener.remove());
    Effect::new(move |_| {
        resized.track();
        if let Some(canvas) = canvas.get() {
            draw.run((canvas,));
        }
    });
    view! {
        <canvas node_ref=canvas class="chart" data-testid=testid role="img" aria-label=move || label.get()></canvas>
    }
}
