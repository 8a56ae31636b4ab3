//! The churn page's chart data: line and heat map over the same months.

use kpi::churn_chart::churn_chart;
use kpi::{Dataset, Scope};

use crate::support::{customer_of, day};

#[test]
fn churn_chart_shapes_and_values() {
    // Cohorts: September (a, b), October (c), November (none). b churns 2026-10-15,
    // c churns 2026-11-03.
    let data = Dataset {
        customers: vec![
            customer_of("a", "r1", "2026-09-05", ""),
            customer_of("b", "r1", "2026-09-20", "2026-10-15"),
            customer_of("c", "r2", "2026-10-01", "2026-11-03"),
        ]
        .into(),
        ..Dataset::default()
    };
    let chart = churn_chart(&data, &Scope::Everyone, day("2026-11-22"), 3);
    let starts: Vec<String> = chart.months.iter().map(|m| m.start.to_string()).collect();
    assert_eq!(
        starts,
        ["2026-09-01", "2026-10-01", "2026-11-01"],
        "three months up to today's"
    );
    // September: nobody at its start → None. October: a, b at the start, b lost → 1/2.
    // November: a, c at the start (b churned), c lost → 1/2.
    assert_eq!(chart.churn, vec![None, Some(0.5), Some(0.5)], "churn line");
    assert_eq!(chart.cohort_sizes, vec![2, 1, 0], "cohort sizes");
    assert_eq!(
        chart.retention,
        vec![
            // September cohort: both at the end of September, a only from October on.
            vec![Some(1.0), Some(0.5), Some(0.5)],
            // October cohort: c active at October's end, gone in November; then future.
            vec![Some(1.0), Some(0.0), None],
            // Empty November cohort: no shares.
            vec![None, None, None],
        ],
        "square heat map, None for the future and empty cohorts"
    );
    let none = churn_chart(&data, &Scope::Everyone, day("2026-11-22"), 0);
    assert!(
        none.months.is_empty() && none.churn.is_empty() && none.retention.is_empty(),
        "no months"
    );
}
