//! A full dashboard recompute — every KPI of the current and the previous month, for
//! everyone and for one rep ("me") — on generated data of 1k to 1M deals: `recompute`
//! after a change of the data (the facts made anew), `recompute_kept` from facts
//! already made (a change of scope or period), `recompute_after_edit` after one deal
//! edited (the facts renewed: only the parts that read deals made anew).
//!
//! `cargo bench -p kpi --bench recompute` (add `-- --measurement-time 2` for a quick
//! run). Growth should be linear: the facts are one pass per collection and a sort.

use std::hint::black_box;
use std::time::Duration;

use chrono::{DateTime, NaiveDate};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use kpi::demo::{generate, DemoSize};
use kpi::metrics::Facts;
use kpi::workload::{dashboard_after_deal_edit, dashboard_from_facts, dashboard_recompute};

const SIZES: [usize; 4] = [1_000, 10_000, 100_000, 1_000_000];

fn bench(c: &mut Criterion) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let now = DateTime::from_timestamp(1_795_000_000, 0).unwrap();
    let mut group = c.benchmark_group("recompute");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    for deals in SIZES {
        let data = generate(1, today, now, DemoSize { deals });
        group.throughput(Throughput::Elements(deals as u64));
        group.bench_with_input(BenchmarkId::from_parameter(deals), &data, |b, data| {
            b.iter(|| dashboard_recompute(black_box(data), today))
        });
    }
    group.finish();
    let mut group = c.benchmark_group("recompute_kept");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    for deals in SIZES {
        let data = generate(1, today, now, DemoSize { deals });
        let facts = std::sync::Arc::default();
        group.throughput(Throughput::Elements(deals as u64));
        group.bench_with_input(BenchmarkId::from_parameter(deals), &data, |b, data| {
            b.iter(|| dashboard_from_facts(black_box(data), &facts, today))
        });
    }
    group.finish();
    let mut group = c.benchmark_group("recompute_after_edit");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    for deals in SIZES {
        let mut data = generate(1, today, now, DemoSize { deals });
        let mut facts = std::sync::Arc::new(Facts::renewed(None, &data));
        dashboard_from_facts(&data, &facts, today);
        group.throughput(Throughput::Elements(deals as u64));
        group.bench_function(BenchmarkId::from_parameter(deals), |b| {
            b.iter(|| {
                let (renewed, values) =
                    dashboard_after_deal_edit(black_box(&mut data), &facts, today);
                facts = renewed;
                values
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
