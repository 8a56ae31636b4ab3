//! Long lists are virtualised: only the rows near the screen are in the page, between
//! two spacers as tall as the rows left out, so the scrollbar and the page keep the
//! whole list's height. A list of 10k deals costs what ~100 rows cost, wherever the
//! rep scrolls to, and an edit re-renders only those rows.
//!
//! Which rows is `kpi::list_window` (at least 100, so a short list is whole). The row
//! height is measured from the rows rendered (rows of different heights read as
//! their average), so the spacers follow the real layout, phone or desktop. A printed
//! list shows the rows rendered, without the spacers (hidden in print).

use kpi::list_window::rows_to_render;
use leptos::ev;
use leptos::prelude::*;
use leptos::tachys::html::element::ElementType;
use std::ops::Range;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// The row height assumed before one is measured (CSS px).
const FIRST_GUESS: f64 = 56.0;

/// Which rows of a list of `total` are rendered; see the module docs. A page gives
/// it the list element (`tbody`, `ul`) with [`VirtualRows::follow`] and renders the
/// rows of [`VirtualRows::range`] between two spacers sized by [`VirtualRows::top`]
/// and [`VirtualRows::bottom`].
#[derive(Clone, Copy)]
pub struct VirtualRows {
    /// The list element, to measure where it is on screen.
    list: StoredValue<Option<Element>, LocalStorage>,
    total: Signal<usize>,
    /// The average height of a rendered row (CSS px).
    row_height: RwSignal<f64>,
    /// How far the page is scrolled past the list's top (CSS px, may be negative)
    /// and the window's height.
    view: RwSignal<(f64, f64)>,
    /// A measure is asked for the next animation frame.
    queued: StoredValue<bool, LocalStorage>,
}

impl VirtualRows {
    /// Follows the window's scroll and size for a list of `total` rows.
    pub fn new(total: impl Into<Signal<usize>>) -> Self {
        let rows = VirtualRows {
            list: StoredValue::new_local(None),
            total: total.into(),
            row_height: RwSignal::new(FIRST_GUESS),
            view: RwSignal::new((0.0, 900.0)),
            queued: StoredValue::new_local(false),
        };
        let scroll = window_event_listener(ev::scroll, move |_| rows.measure_soon());
        let resize = window_event_listener(ev::resize, move |_| rows.measure_soon());
        on_cleanup(move || {
            scroll.remove();
            resize.remove();
        });
        // A change of the list (an edit, a filter) may change the rows' layout.
        Effect::new(move |_| {
            rows.total.track();
            rows.measure_soon();
        });
        rows
    }

    /// Measures the list element `list` refers to, once it is in the page.
    pub fn follow<E>(&self, list: NodeRef<E>)
    where
        E: ElementType,
        E::Output: JsCast + Clone + 'static,
    {
        let rows = *self;
        Effect::new(move |_| {
            if let Some(element) = list.get() {
                rows.list.set_value(Some(element.unchecked_into()));
                rows.measure_soon();
            }
        });
    }

    /// Measures on the next frame (once, however many events come before it).
    fn measure_soon(&self) {
        if self.queued.get_value() {
            return;
        }
        self.queued.set_value(true);
        let rows = *self;
        request_animation_frame(move || {
            // `None`: the list is gone (the page changed) before the frame.
            if rows
                .queued
                .try_update_value(|queued| *queued = false)
                .is_some()
            {
                rows.measure();
            }
        });
    }

    fn measure(&self) {
        let Some(list) = self.list.get_value() else {
            return;
        };
        let height = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(900.0);
        let rect = list.get_bounding_client_rect();
        let range = self.range_untracked();
        let rendered = range.len();
        if rendered > 0 {
            let spacers = self.top_height(range.start) + self.bottom_height(range.end);
            let average = (rect.height() - spacers) / rendered as f64;
            // Ignore a list not laid out (hidden) or a measure within a pixel.
            if average > 1.0 && (average - self.row_height.get_untracked()).abs() > 1.0 {
                self.row_height.set(average);
            }
        }
        let view = (-rect.top(), height);
        if self.view.get_untracked() != view {
            self.view.set(view);
        }
    }

    /// The rows to render (tracked: follows scrolling, resizing and the list's length).
    pub fn range(&self) -> Range<usize> {
        let (scrolled, height) = self.view.get();
        rows_to_render(self.total.get(), self.row_height.get(), scrolled, height)
    }

    fn range_untracked(&self) -> Range<usize> {
        let (scrolled, height) = self.view.get_untracked();
        rows_to_render(
            self.total.get_untracked(),
            self.row_height.get_untracked(),
            scrolled,
            height,
        )
    }

    /// The height of the top spacer for rows from `start` on (CSS px).
    fn top_height(&self, start: usize) -> f64 {
        start as f64 * self.row_height.get_untracked()
    }

    fn bottom_height(&self, end: usize) -> f64 {
        self.total.get_untracked().saturating_sub(end) as f64 * self.row_height.get_untracked()
    }

    /// The height of the top spacer (tracked): the rows above the range.
    pub fn top(&self) -> Spacer {
        Spacer(self.range().start as f64 * self.row_height.get())
    }

    /// The height of the bottom spacer (tracked): the rows below the range.
    pub fn bottom(&self) -> Spacer {
        let left = self.total.get().saturating_sub(self.range().end);
        Spacer(left as f64 * self.row_height.get())
    }
}

/// A spacer's height in CSS px, set through the element's style object (`style:`,
/// which the Content Security Policy allows; a `style` attribute it blocks).
#[derive(Clone, Copy, PartialEq)]
pub struct Spacer(f64);

impl Spacer {
    pub fn height(self) -> String {
        format!("{}px", self.0)
    }

    /// No spacer at all when nothing is left out, so that it adds no gap in a grid.
    pub fn display(self) -> &'static str {
        if self.0 > 0.0 {
            ""
        } else {
            "none"
        }
    }
}
