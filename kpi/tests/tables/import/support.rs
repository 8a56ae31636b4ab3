//! Running an import in tests.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use kpi::import::{ImportJob, ImportOptions};
use kpi::{Dataset, NumberLocale, RecordKind};

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 15).unwrap()
}

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 15, 12, 0, 0).unwrap()
}

pub fn options(locale: NumberLocale) -> ImportOptions {
    ImportOptions {
        today: today(),
        now: now(),
        locale,
    }
}

/// Fresh UUID-shaped ids, unique across every call in the test run (as the app's are).
pub fn ids() -> impl FnMut() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    || {
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        format!("00000000-0000-4000-8000-{n:012}")
    }
}

pub fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A job on `text` run to the end against `data`.
pub fn run(kind: RecordKind, text: &str, data: &Dataset, locale: NumberLocale) -> ImportJob {
    let mut job = ImportJob::new(kind, text.to_owned(), options(locale)).expect("a header row");
    let mut new_id = ids();
    job.run(data, &mut new_id);
    job
}

/// Ids counting from 1 again at each call, for comparing two runs of one file.
pub fn counting_ids() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("00000000-0000-4000-9000-{n:012}")
    }
}

/// Every problem of a job as (row, column, problem id), in the job's order.
pub fn problems(job: &ImportJob) -> Vec<(usize, Option<&str>, &'static str)> {
    job.errors()
        .iter()
        .map(|e| (e.row, e.column.as_deref(), e.problem.id()))
        .collect()
}
