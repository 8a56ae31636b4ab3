//! `cargo xtask bench`: every figure of issue 10 in one go. The native criterion bench
//! of a dashboard recompute (1k → 1M deals), the bundle sizes of the release build, and
//! the in-browser figures of the bench build (`--features bench`, in `dist-bench/`)
//! measured by `tests/e2e/bench.mjs`, which writes `bench/bench.json` and
//! `BENCHMARKS.md`.

use std::fs;
use std::path::{Path, PathBuf};

use crate::cmd;
use crate::dist;
use crate::error::{bail, Result};
use crate::paths;
use crate::serve::{self, Log};
use crate::setup;
use crate::size;
use crate::step::Steps;
use crate::Options;

/// The deal counts of the native bench (`kpi/benches/recompute.rs`).
const DEALS: [u64; 4] = [1_000, 10_000, 100_000, 1_000_000];

pub fn run(options: &Options) -> Result {
    let mut steps = Steps::new();
    if options.setup {
        setup::run_in(&mut steps)?;
    }
    let scratch = paths::scratch();
    fs::create_dir_all(&scratch)?;
    fs::create_dir_all(paths::root().join("bench"))?;
    let native_json = scratch.join("bench-native.json");
    let sizes_json = scratch.join("bench-sizes.json");
    steps.run("native recompute bench (criterion)", || {
        native_bench(&native_json)
    })?;
    steps.run("release build (trunk build --release)", dist::trunk_build)?;
    steps.run("bundle sizes", || write_sizes(&paths::dist(), &sizes_json))?;
    steps.run(
        "bench build (trunk build --release --features bench)",
        || {
            cmd::run(&mut cmd::new(
                "trunk",
                &[
                    "build",
                    "--release",
                    "--features",
                    "bench",
                    "--dist",
                    "dist-bench",
                ],
                &paths::root(),
            ))?;
            Ok(String::new())
        },
    )?;
    steps.run("browser bench (headless Chromium)", || {
        let addr = serve::start(paths::root().join("dist-bench"), "127.0.0.1:0", Log::Quiet)?;
        let mut command = cmd::new("node", &["bench.mjs"], &paths::e2e());
        command
            .env("BASE_URL", format!("http://{addr}"))
            .env("NATIVE_JSON", &native_json)
            .env("SIZES_JSON", &sizes_json);
        cmd::run(&mut command)?;
        Ok("bench/bench.json and BENCHMARKS.md written".into())
    })?;
    steps.recap();
    Ok(())
}

/// Runs the criterion bench and writes `{"1000": ms, …}` from its mean estimates.
fn native_bench(out: &Path) -> Result<String> {
    cmd::run(&mut cmd::new(
        "cargo",
        &["bench", "-p", "kpi", "--bench", "recompute"],
        &paths::root(),
    ))?;
    let mut entries = Vec::new();
    // "1000": facts made anew; "kept_1000": from the facts already made; "edit_1000":
    // after one deal edited (facts renewed).
    for (group, prefix) in [
        ("recompute", ""),
        ("recompute_kept", "kept_"),
        ("recompute_after_edit", "edit_"),
    ] {
        for deals in DEALS {
            let file = criterion_dir().join(format!("{group}/{deals}/new/estimates.json"));
            let text = fs::read_to_string(&file)
                .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
            let Some(ns) = mean_estimate(&text) else {
                bail!("no mean estimate in {}", file.display());
            };
            entries.push(format!("\"{prefix}{deals}\": {}", ns / 1e6));
        }
    }
    fs::write(out, format!("{{{}}}\n", entries.join(", ")))?;
    Ok(String::new())
}

fn criterion_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| paths::root().join("target"))
        .join("criterion")
}

/// The mean's point estimate (ns) in criterion's estimates.json (std only: no JSON
/// parser in xtask).
pub fn mean_estimate(text: &str) -> Option<f64> {
    let mean = &text[text.find("\"mean\"")?..];
    let value = &mean[mean.find("\"point_estimate\"")? + "\"point_estimate\"".len()..];
    let value = value.trim_start().strip_prefix(':')?.trim_start();
    let end = value
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '-' | '+')))
        .unwrap_or(value.len());
    value[..end].parse().ok()
}

/// The release build's assets as JSON for the bench report.
fn write_sizes(dist: &Path, out: &Path) -> Result<String> {
    let assets = size::measure(dist)?;
    let kb = |bytes: u64| format!("{:.1}", bytes as f64 / 1024.0);
    let rows: Vec<String> = assets
        .iter()
        .map(|a| {
            format!(
                "{{\"name\": \"{}\", \"raw_kb\": {}, \"gzipped_kb\": {}}}",
                a.name.replace('\\', "/"),
                kb(a.raw),
                kb(a.gzipped)
            )
        })
        .collect();
    let raw: u64 = assets.iter().map(|a| a.raw).sum();
    fs::write(
        out,
        format!(
            "{{\"assets\": [{}], \"total_raw_kb\": {}, \"total_gzipped_kb\": {}}}\n",
            rows.join(", "),
            kb(raw),
            kb(size::total(&assets))
        ),
    )?;
    Ok(format!("{} KB gzipped", kb(size::total(&assets))))
}

#[cfg(test)]
mod tests {
    use super::mean_estimate;

    #[test]
    fn mean_estimate_cases() {
        let criterion = r#"{"mean":{"confidence_interval":{"confidence_level":0.95,"lower_bound":1.0,"upper_bound":2.0},"point_estimate":11534612.5,"standard_error":3.0},"median":{"point_estimate":9.0}}"#;
        assert_eq!(mean_estimate(criterion), Some(11_534_612.5));
        assert_eq!(
            mean_estimate(r#"{"mean": {"point_estimate" : 4.2e5}}"#),
            Some(420_000.0)
        );
        assert_eq!(mean_estimate(r#"{"median":{"point_estimate":1}}"#), None);
        assert_eq!(mean_estimate(""), None);
    }
}
