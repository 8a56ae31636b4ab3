//! The colours a chart is drawn in, one palette per theme (light and dark), so that a
//! chart reads as well on a dark page as on a light one. The canvas components pick the
//! palette of the current theme ([`current`]) and redraw when it changes.

use plotters::style::RGBColor;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    /// The chart's background (the page's card colour).
    pub background: RGBColor,
    /// Axis lines and labels.
    pub axis: RGBColor,
    /// Light grid lines.
    pub grid: RGBColor,
    /// The main series: bars, the churn line, a goal's actual.
    pub primary: RGBColor,
    /// A goal's target line.
    pub target: RGBColor,
    /// A goal's projection.
    pub projection: RGBColor,
    /// The "today" marker.
    pub today: RGBColor,
    /// A heat-map cell without a value.
    pub empty: RGBColor,
    /// A heat-map cell at share 0; share 1 is `primary`.
    pub low: RGBColor,
}

/// On white: the app's brand blue, axis text at 5.9:1.
pub const LIGHT: Palette = Palette {
    background: RGBColor(255, 255, 255),
    axis: RGBColor(90, 98, 110),
    grid: RGBColor(230, 232, 236),
    primary: RGBColor(31, 78, 121),
    target: RGBColor(120, 128, 140),
    projection: RGBColor(196, 98, 16),
    today: RGBColor(178, 34, 34),
    empty: RGBColor(240, 241, 244),
    low: RGBColor(222, 235, 247),
};

/// On the dark card colour (#1c2128): lighter lines, axis text at 8:1.
pub const DARK: Palette = Palette {
    background: RGBColor(28, 33, 40),
    axis: RGBColor(176, 184, 196),
    grid: RGBColor(52, 59, 69),
    primary: RGBColor(110, 176, 240),
    target: RGBColor(150, 158, 170),
    projection: RGBColor(240, 163, 94),
    today: RGBColor(255, 123, 114),
    empty: RGBColor(40, 46, 55),
    low: RGBColor(36, 52, 70),
};

thread_local! {
    /// True between the window's `beforeprint` and `afterprint`: paper is light.
    static PRINTING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Notes that the page is being printed (or no longer is); the charts redraw then.
pub(crate) fn set_printing(printing: bool) {
    PRINTING.with(|p| p.set(printing));
}

/// The palette of the current theme (tracked: a chart effect that calls it redraws when
/// the theme changes). Light where no theme is provided, and while printing: a printout
/// is always light, charts included.
pub fn current() -> &'static Palette {
    let dark = matches!(crate::theme::use_theme(), Some(theme) if theme.is_dark());
    match dark && !PRINTING.with(|p| p.get()) {
        true => &DARK,
        false => &LIGHT,
    }
}
