use kpi::list_window::rows_to_render;

/// The rows on screen and 20 either side, at least 100.
#[test]
fn the_rows_on_screen_and_a_margin_at_least_a_hundred() {
    // (case, total, row height, scrolled past the list's top, window height, rows)
    #[rustfmt::skip]
    let cases = [
        ("short list: all of it", 30, 50.0, 0.0, 800.0, 0..30),
        ("list below the fold", 10_000, 50.0, -2_000.0, 800.0, 0..100),
        ("top of a long list", 10_000, 50.0, 0.0, 800.0, 0..100),
        ("middle: screen ± 20", 10_000, 50.0, 100_000.0, 800.0, 1_980..2_080),
        ("tall window: more than 100", 10_000, 10.0, 50_000.0, 2_000.0, 4_980..5_220),
        ("end: the last 100", 10_000, 50.0, 499_500.0, 800.0, 9_900..10_000),
        ("scrolled past the end", 10_000, 50.0, 900_000.0, 800.0, 9_900..10_000),
        ("no height measured yet", 500, 0.0, 0.0, 800.0, 0..500),
        ("empty", 0, 50.0, 0.0, 800.0, 0..0),
    ];
    for (case, total, row_height, scrolled, height, expected) in cases {
        assert_eq!(
            rows_to_render(total, row_height, scrolled, height),
            expected,
            "{case}"
        );
    }
}
