use kpi::metrics::pipeline::{period_target, PipelineMetrics};
use kpi::DealStatus::{Lost, Open, Won};
use kpi::KpiValue::NoData;
use kpi::{Dataset, Deal, KpiId as K, KpiValue, Money, OrderKind, Period, Scope, Slice};

use crate::support::{day, deal, order, owned_by, rep_in, same_value, tombstoned};

fn november() -> Period {
    Period::month_of(day("2026-11-01"))
}

/// ann and bob are in team north, cid in team south.
fn dataset(deals: Vec<Deal>) -> Dataset {
    Dataset {
        reps: vec![
            rep_in("ann", "north"),
            rep_in("bob", "north"),
            rep_in("cid", "south"),
        ]
        .into(),
        deals: deals.into(),
        ..Dataset::default()
    }
}

fn with(deal: Deal, change: impl FnOnce(&mut Deal)) -> Deal {
    let mut deal = deal;
    change(&mut deal);
    deal
}

fn probability(percent: u8, deal: Deal) -> Deal {
    with(deal, |d| d.probability = Some(percent))
}

fn stage(id: &str, deal: Deal) -> Deal {
    with(deal, |d| d.stage = id.into())
}

/// Checks the listed KPIs of `PipelineMetrics` for one slice.
fn check(case: &str, slice: &Slice, expected: &[(K, KpiValue)]) {
    let metrics = PipelineMetrics::of(slice);
    for (id, want) in expected {
        let got = metrics.value(*id).expect("a pipeline KPI");
        assert!(
            same_value(&got, want),
            "case {case:?}, {}: got {got:?}, want {want:?}",
            id.id()
        );
    }
}

/// (case, today, deals, expected open pipeline, expected weighted pipeline)
type Row = (&'static str, &'static str, Vec<Deal>, i64, i64);

#[test]
fn open_and_weighted_pipeline_table() {
    // November 2026 viewed on 2026-12-15 is read at its end, 2026-11-30, unless the
    // row's "today" falls inside November. deal() uses the stage "negotiation" (80 %).
    let past = "2026-12-15";
    let rows: Vec<Row> = vec![
        ("empty: zero pipeline, not no data", past, vec![], 0, 0),
        (
            "one open deal at its stage's probability",
            past,
            vec![deal(Open, 100_000, "2026-11-10", "")],
            100_000,
            80_000,
        ),
        (
            "created before the period and still open",
            past,
            vec![stage("prospecting", deal(Open, 100_000, "2025-01-10", ""))],
            100_000,
            10_000,
        ),
        (
            "created on the period's last day: open at its end",
            past,
            vec![deal(Open, 100_000, "2026-11-30", "")],
            100_000,
            80_000,
        ),
        (
            "created the day after the period: not yet in that pipeline",
            past,
            vec![deal(Open, 100_000, "2026-12-01", "")],
            0,
            0,
        ),
        (
            "won after the period: open at its end, weighted by stage, not outcome",
            past,
            vec![deal(Won, 100_000, "2026-11-01", "2026-12-05")],
            100_000,
            80_000,
        ),
        (
            "lost the day after the period: weighted by its own probability",
            past,
            vec![probability(
                30,
                deal(Lost, 100_000, "2026-11-01", "2026-12-01"),
            )],
            100_000,
            30_000,
        ),
        (
            "closed on the period's last day: no longer open",
            past,
            vec![
                deal(Won, 100_000, "2026-11-01", "2026-11-30"),
                deal(Lost, 100_000, "2026-11-01", "2026-11-30"),
            ],
            0,
            0,
        ),
        (
            "closed before the period",
            past,
            vec![deal(Lost, 100_000, "2026-09-01", "2026-10-31")],
            0,
            0,
        ),
        (
            "won without a close date (bad data): when it closed is unknown, not open",
            past,
            vec![deal(Won, 100_000, "2026-09-01", "")],
            0,
            0,
        ),
        (
            "an open deal with a stray close date is still open",
            past,
            vec![deal(Open, 100_000, "2026-09-01", "2026-10-01")],
            100_000,
            80_000,
        ),
        (
            "tombstoned deals excluded",
            past,
            vec![tombstoned(deal(Open, 100_000, "2026-11-01", ""))],
            0,
            0,
        ),
        (
            "own probability overrides the stage's",
            past,
            vec![probability(35, deal(Open, 100_000, "2026-11-01", ""))],
            100_000,
            35_000,
        ),
        (
            "own probability of 0 is kept, not replaced by the stage's",
            past,
            vec![probability(0, deal(Open, 100_000, "2026-11-01", ""))],
            100_000,
            0,
        ),
        (
            "unknown stage without own probability weighs 0",
            past,
            vec![stage("gone", deal(Open, 100_000, "2026-11-01", ""))],
            100_000,
            0,
        ),
        (
            "a probability above 100 (bad data) counts as 100",
            past,
            vec![probability(250, deal(Open, 100_000, "2026-11-01", ""))],
            100_000,
            100_000,
        ),
        (
            "weighted sum rounds once: 3 × (1 cent × 50 %) = 1.5 → 2",
            past,
            vec![
                probability(50, deal(Open, 1, "2026-11-01", "")),
                probability(50, deal(Open, 1, "2026-11-02", "")),
                probability(50, deal(Open, 1, "2026-11-03", "")),
            ],
            3,
            2,
        ),
        (
            "mixed stages",
            past,
            vec![
                stage("qualified", deal(Open, 40_000, "2026-11-01", "")), // 25 %
                stage("demo", deal(Open, 10_000, "2026-11-01", "")),      // 40 %
                stage("proposal", deal(Open, 5_000, "2026-11-01", "")),   // 60 %
            ],
            55_000,
            17_000,
        ),
        (
            "running period: read at today, deals closed by today are out",
            "2026-11-22",
            vec![
                deal(Open, 1_000, "2026-11-01", ""),
                deal(Won, 2_000, "2026-11-01", "2026-11-21"),
                deal(Won, 4_000, "2026-11-01", "2026-11-22"),
                // created after today (a planned deal entered early): not yet open
                deal(Open, 8_000, "2026-11-23", ""),
            ],
            1_000,
            800,
        ),
        (
            "future period: read at its first day",
            "2026-10-15",
            vec![
                deal(Open, 1_000, "2026-10-01", ""),
                deal(Open, 2_000, "2026-11-02", ""),
            ],
            1_000,
            800,
        ),
    ];
    for (case, today, deals, open, weighted) in rows {
        let data = dataset(deals);
        let slice = Slice::new(&data, november(), &Scope::Everyone, day(today));
        check(
            case,
            &slice,
            &[
                (K::OpenPipeline, KpiValue::Money(Money(open))),
                (K::WeightedPipeline, KpiValue::Money(Money(weighted))),
            ],
        );
    }
}

#[test]
fn pipeline_at_a_past_period_end() {
    // One deal's life: created 2026-08-20, won 2026-10-10. Viewed on 2026-12-15.
    let data = dataset(vec![deal(Won, 50_000, "2026-08-20", "2026-10-10")]);
    let rows = [
        ("July: not created yet", "2026-07-01", 0),
        ("August: created in it", "2026-08-01", 50_000),
        ("September: still open at its end", "2026-09-01", 50_000),
        ("October: won in it", "2026-10-01", 0),
        ("November: long won", "2026-11-01", 0),
    ];
    for (case, month, open) in rows {
        let slice = Slice::new(
            &data,
            Period::month_of(day(month)),
            &Scope::Everyone,
            day("2026-12-15"),
        );
        check(
            case,
            &slice,
            &[(K::OpenPipeline, KpiValue::Money(Money(open)))],
        );
    }
}

#[test]
fn pipeline_scope_table() {
    let data = dataset(vec![
        owned_by("ann", deal(Open, 1_000, "2026-11-01", "")),
        owned_by("bob", deal(Open, 2_000, "2026-11-01", "")),
        owned_by("cid", deal(Open, 4_000, "2026-11-01", "")),
        deal(Open, 8_000, "2026-11-01", ""), // unassigned
    ]);
    let rows = [
        ("one rep: ann's deals only", Scope::Rep("ann".into()), 1_000),
        (
            "team north: ann and bob",
            Scope::Team("north".into()),
            3_000,
        ),
        ("team south: cid", Scope::Team("south".into()), 4_000),
        ("a team without reps", Scope::Team("east".into()), 0),
        ("everyone, unassigned included", Scope::Everyone, 15_000),
    ];
    for (case, scope, open) in rows {
        let slice = Slice::new(&data, november(), &scope, day("2026-12-15"));
        check(
            case,
            &slice,
            &[
                (K::OpenPipeline, KpiValue::Money(Money(open))),
                (K::WeightedPipeline, KpiValue::Money(Money(open * 8 / 10))),
            ],
        );
    }
}

#[test]
fn period_target_table() {
    let rows: Vec<(&str, i64, Period, i64)> = vec![
        ("a whole month", 3_000_000, november(), 3_000_000),
        (
            "a whole February",
            3_000_000,
            Period::month_of(day("2027-02-01")),
            3_000_000,
        ),
        (
            "a quarter: three months",
            1_000_000,
            Period::quarter_of(day("2026-11-01")),
            3_000_000,
        ),
        (
            "a year: twelve months",
            1_000_000,
            Period::year_of(day("2026-11-01")),
            12_000_000,
        ),
        (
            "a week inside a 30-day month: 7/30",
            3_000_000,
            Period::week_of(day("2026-11-18")),
            700_000,
        ),
        (
            // 3,000,000 × 2/30 + 3,000,000 × 5/31 = 200,000 + 483,870.97
            "a week spanning June (2 days of 30) and July (5 days of 31)",
            3_000_000,
            Period::week_of(day("2026-07-01")),
            683_871,
        ),
        (
            "a week spanning two 31-day months and two years: 4/31 + 3/31",
            3_100_000,
            Period::week_of(day("2026-12-31")),
            700_000,
        ),
        (
            "half of a leap February: 14/29",
            2_900_000,
            Period::custom(day("2028-02-01"), day("2028-02-14")).unwrap(),
            1_400_000,
        ),
        (
            "half of a common February: 14/28",
            2_900_000,
            Period::custom(day("2027-02-01"), day("2027-02-14")).unwrap(),
            1_450_000,
        ),
        (
            "a custom range over three months: 17/31 + 30/30 + 15/31",
            3_100_000,
            Period::custom(day("2026-10-15"), day("2026-12-15")).unwrap(),
            6_300_000,
        ),
        (
            "exactly half a minor unit rounds up: 1 × 15/30",
            1,
            Period::custom(day("2026-11-01"), day("2026-11-15")).unwrap(),
            1,
        ),
        (
            "just under half rounds down: 1 × 14/30",
            1,
            Period::custom(day("2026-11-01"), day("2026-11-14")).unwrap(),
            0,
        ),
        (
            // Rounding each month would give 0.2 → 0 and 0.48 → 0.
            "the sum is rounded once: 3 × 2/30 + 3 × 5/31 = 0.68 → 1",
            3,
            Period::week_of(day("2026-07-01")),
            1,
        ),
        ("a zero target", 0, november(), 0),
        (
            "a single day",
            3_100_000,
            Period::custom(day("2026-12-25"), day("2026-12-25")).unwrap(),
            100_000,
        ),
    ];
    for (case, monthly, period, expected) in rows {
        assert_eq!(
            period_target(Money(monthly), &period),
            Money(expected),
            "case {case:?}"
        );
    }
}

#[test]
fn pipeline_coverage_table() {
    // (case, monthly target, period, sales (date, amount), open deals, expected)
    type Row = (
        &'static str,
        Option<i64>,
        Period,
        Vec<(&'static str, i64)>,
        Vec<Deal>,
        KpiValue,
    );
    let open = |amount| deal(Open, amount, "2026-06-01", "");
    let rows: Vec<Row> = vec![
        (
            "no target: no data",
            None,
            november(),
            vec![],
            vec![open(1_000)],
            NoData,
        ),
        (
            "month: pipeline ÷ (target − revenue)",
            Some(1_000_000),
            november(),
            vec![("2026-11-10", 400_000)],
            vec![open(1_200_000)],
            KpiValue::Number(2.0),
        ),
        (
            "revenue outside the period does not reduce the gap",
            Some(1_000_000),
            november(),
            vec![("2026-10-31", 400_000), ("2026-12-01", 400_000)],
            vec![open(500_000)],
            KpiValue::Number(0.5),
        ),
        (
            "no open deals: 0 coverage",
            Some(1_000_000),
            november(),
            vec![],
            vec![],
            KpiValue::Number(0.0),
        ),
        (
            "target reached exactly: no data",
            Some(1_000_000),
            november(),
            vec![("2026-11-10", 1_000_000)],
            vec![open(1_000)],
            NoData,
        ),
        (
            "target exceeded: no data",
            Some(1_000_000),
            november(),
            vec![("2026-11-10", 1_500_000)],
            vec![open(1_000)],
            NoData,
        ),
        (
            "a zero target is always reached: no data",
            Some(0),
            november(),
            vec![],
            vec![open(1_000)],
            NoData,
        ),
        (
            // target 3,000,000 × 2/30 + 3,000,000 × 5/31 = 683,871; gap 683,871 − 183,871
            "a week spanning June and July is pro-rated per month",
            Some(3_000_000),
            Period::week_of(day("2026-07-01")),
            vec![("2026-06-29", 100_000), ("2026-07-05", 83_871)],
            vec![open(1_000_000)],
            KpiValue::Number(2.0),
        ),
        (
            "a quarter: three monthly targets",
            Some(1_000_000),
            Period::quarter_of(day("2026-11-01")),
            vec![("2026-10-01", 500_000), ("2026-12-31", 500_000)],
            vec![open(6_000_000)],
            KpiValue::Number(3.0),
        ),
    ];
    for (case, target, period, sales, deals, expected) in rows {
        let mut data = dataset(deals);
        data.settings.monthly_target = target.map(Money);
        data.orders = sales
            .into_iter()
            .map(|(date, amount)| order(OrderKind::New, amount, date))
            .collect();
        let slice = Slice::new(&data, period, &Scope::Everyone, day("2026-12-31"));
        check(case, &slice, &[(K::PipelineCoverage, expected)]);
    }
}

#[test]
fn coverage_counts_the_scope_s_revenue() {
    let mut data = dataset(vec![owned_by("ann", deal(Open, 300_000, "2026-11-01", ""))]);
    data.settings.monthly_target = Some(Money(1_000_000));
    data.deals.push(owned_by(
        "ann",
        deal(Won, 400_000, "2026-11-01", "2026-11-05"),
    ));
    data.deals.push(owned_by(
        "cid",
        deal(Won, 900_000, "2026-11-01", "2026-11-05"),
    ));
    let rows = [
        // 300,000 ÷ (1,000,000 − 400,000)
        (
            "ann: her own revenue",
            Scope::Rep("ann".into()),
            KpiValue::Number(0.5),
        ),
        // 0 ÷ (1,000,000 − 0): bob has no open deals
        (
            "bob: no revenue",
            Scope::Rep("bob".into()),
            KpiValue::Number(0.0),
        ),
        ("everyone: 1,300,000 ≥ target", Scope::Everyone, NoData),
    ];
    for (case, scope, expected) in rows {
        let slice = Slice::new(&data, november(), &scope, day("2026-12-15"));
        check(case, &slice, &[(K::PipelineCoverage, expected)]);
    }
}

#[test]
fn families_answer_only_their_own_ids() {
    let data = dataset(vec![]);
    let scope = Scope::Everyone;
    let slice = Slice::new(&data, november(), &scope, day("2026-12-15"));
    let pipeline = PipelineMetrics::of(&slice);
    let sales = kpi::metrics::sales::SalesMetrics::of(&slice);
    for &id in K::ALL {
        let is_pipeline = matches!(
            id,
            K::OpenPipeline | K::WeightedPipeline | K::PipelineCoverage
        );
        assert_eq!(pipeline.value(id).is_some(), is_pipeline, "{}", id.id());
        if is_pipeline {
            assert!(sales.value(id).is_none(), "{}", id.id());
        }
    }
    let revenue_group = K::ALL
        .iter()
        .filter(|id| id.def().group == kpi::KpiGroup::Revenue);
    for &id in revenue_group {
        assert!(sales.value(id).is_some(), "{}", id.id());
    }
}

#[test]
fn kpi_values_of_an_empty_dataset_have_no_nan() {
    let data = Dataset::default();
    let scope = Scope::Everyone;
    let slice = Slice::new(&data, november(), &scope, day("2026-12-15"));
    for (id, value) in kpi::kpi_values(&slice) {
        let number = value.data_value(data.settings.currency);
        assert!(number.is_none_or(f64::is_finite), "{}: {value:?}", id.id());
    }
}
