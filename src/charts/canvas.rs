use super::{current_palette, draw_bars, draw_burn_up, BarSeries, BurnUpSeries};
use crate::lang::{use_i18n, I18n};
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
    let i18n = use_i18n();
    let canvas = redraw_on_change(move |canvas| {
        let data = data.get();
        let palette = current_palette();
        paint(canvas, |area, scale| draw_bars(area, &data, scale, palette));
    });
    view! {
        <canvas
            node_ref=canvas
            class="chart"
            data-testid=testid.unwrap_or("revenue-chart")
            role="img"
            aria-label=move || name(i18n, &label.get())
        ></canvas>
    }
}

/// A goal's burn-up chart on a `<canvas>`; drawing lives in `draw_burn_up`.
#[component]
pub fn BurnUpChart(data: Memo<BurnUpSeries>, #[prop(into)] label: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let canvas = redraw_on_change(move |canvas| {
        let data = data.get();
        let palette = current_palette();
        paint(canvas, |area, scale| {
            draw_burn_up(area, &data, scale, palette)
        });
    });
    view! {
        <canvas
            node_ref=canvas
            class="chart burn-up"
            data-testid="goal-burnup"
            role="img"
            aria-label=move || name(i18n, &label.get())
        ></canvas>
    }
}

/// A chart's accessible name: its title, and that its numbers are in the table with it
/// (every chart has one: the text alternative).
fn name(i18n: I18n, title: &str) -> String {
    i18n::fill(i18n.texts().a11y_chart_name, &[("title", title)])
}

/// A canvas node that is redrawn by `draw` whenever what `draw` reads (the data, the
/// theme's palette) or the window size changes, and in the light palette for printing.
fn redraw_on_change(draw: impl Fn(&HtmlCanvasElement) + 'static) -> NodeRef<Canvas> {
    let canvas = NodeRef::<Canvas>::new();
    let resized = RwSignal::new(0u32);
    let redraw = move || resized.update(|n| *n += 1);
    let listeners = [
        window_event_listener(ev::resize, move |_| redraw()),
        window_event_listener(ev::beforeprint, move |_| {
            super::palette::set_printing(true);
            redraw();
        }),
        window_event_listener(ev::afterprint, move |_| {
            super::palette::set_printing(false);
            redraw();
        }),
    ];
    on_cleanup(move || listeners.into_iter().for_each(|listener| listener.remove()));
    Effect::new(move |_| {
        resized.track();
        if let Some(canvas) = canvas.get() {
            draw(&canvas);
        }
    });
    canvas
}

/// Sizes `canvas` to its CSS size × devicePixelRatio (sharp on HiDPI) and draws on it
/// with `draw` (any `draw_*` function); a chart that cannot be drawn is told as a warning.
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
    let i18n = use_i18n();
    let canvas = redraw_on_change(move |canvas| draw.run((canvas.clone(),)));
    view! {
        <canvas node_ref=canvas class="chart" data-testid=testid role="img" aria-label=move || name(i18n, &label.get())></canvas>
    }
}
