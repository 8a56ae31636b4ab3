//! The size budget: what a first visit downloads, gzipped.

use std::fs;
use std::io::Write;
use std::path::Path;

use flate2::write::GzEncoder;
use flate2::Compression;

use crate::error::{bail, Result};

/// The first-load budget of issue 2: gzipped .wasm + .js + .css of a release build.
/// NOT MET: the app measures about 477 KB with the KPI engine (see README, "Size");
/// one Leptos wasm module cannot be split by Trunk 0.21, so going over it is reported
/// loudly but does not fail the run.
pub const BUDGET: u64 = 150 * 1024;

/// A ratchet a little above today's measured size: growth beyond it fails the run, so
/// new screens must be paid for by savings elsewhere or raise it knowingly. History:
/// 477 KB with issue 3's dashboard, record forms, sales settings and demo generator;
/// 525 KB with issue 4's IndexedDB store and damaged-data choices plus issue 5's goal
/// model, pacing and miss diagnosis (ceiling raised from 490 KB); 628 KB with issue 5's
/// goals screens (+98 KB, mostly view and reactive code); about 755 KB with issue 6's
/// rep's-day screens as well (quick log, pipeline board, customers, leads, complaints,
/// churn charts, follow-ups: about 18 KB per screen, all monomorphised view code) —
/// raised to 800 KB while issue 2's decision on the budget is pending. Measured on their
/// own over main's ~795 KB: issue 9's four translations (de, vi, hu, cs: 550 texts each,
/// every one a static string in the wasm), the language picker and locale dates 832 KB;
/// issue 7's commissions screens (plan editor, printable statement, what-if) 858 KB;
/// issue 7's contests (form, leaderboard chart, badges) and team import 861 KB; issue 8's
/// CSV import (the `csv` crate, `kpi::import`, the import page), CSV export, undo of every
/// bulk change and the backup reminder 881 KB; issue 9's accessibility and layout (phone
/// navigation, colour theme and chart palettes, empty states, the formula toggle) 801 KB.
/// All of them together (with the KPI facts of issue 10): 1130 KB, ceiling 1140 KB. The
/// parts cost more together than apart (shared generic code is instantiated for more
/// types). Issue 10's change tracking, cached save and check and virtualised lists:
/// 1142.4 KB (+12 KB; making the list code non-generic paid back ~15 KB of its first
/// cost — the optimised wasm is now smaller raw than before, but compresses less
/// well), so the ceiling was raised knowingly to 1145 KB. Issue 22's storage items (data
/// in checked parts, the field-by-field merge of two tabs' edits, save-first restores
/// and imports, the missing-data notice): 1166.9 KB (+24.7 KB; a first build was
/// 1170.9 KB — one merge function for every record kind and one boxed save callback
/// paid back 4 KB). Issue 22's items 11–15 (restore problems placed by record and field
/// with their texts in five languages, the plausibility rules of typed input, the
/// custom-range check, the loading state): 1156.4 KB on their own (+14.2 KB).
/// All of this session together — issue 22 (storage parts, field merge, save-first,
/// import checks and date questions, restore sentences, plausibility rules), issue 17's
/// sync client and screens (~35 KB of its own), issue 18's frame and issue 19's rough
/// edges: 1253.2 KB (+111 KB; the wasm is 899 KB as brotli, which is what a host that
/// sends the build's `.br` copies delivers). Ceiling raised knowingly to 1260 KB.
/// This is the ratchet only; the 150 KB budget needs route splitting (issue 2).
pub const CEILING: u64 = 1260 * 1024;

#[derive(Debug, PartialEq, Eq)]
pub struct Asset {
    pub name: String,
    pub raw: u64,
    pub gzipped: u64,
}

/// Every .wasm, .js and .css file under `dir`, with its size raw and gzipped
/// at the best compression, sorted by name.
pub fn measure(dir: &Path) -> Result<Vec<Asset>> {
    let mut assets = Vec::new();
    collect(dir, dir, &mut assets)?;
    assets.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(assets)
}

fn collect(root: &Path, dir: &Path, assets: &mut Vec<Asset>) -> Result {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(root, &path, assets)?;
        } else if counts(&path) {
            let bytes = fs::read(&path)?;
            let name = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .to_string_lossy()
                .into_owned();
            assets.push(Asset {
                name,
                raw: bytes.len() as u64,
                gzipped: gzip_len(&bytes)?,
            });
        }
    }
    Ok(())
}

fn counts(path: &Path) -> bool {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default();
    matches!(extension, "wasm" | "js" | "css")
}

fn gzip_len(bytes: &[u8]) -> Result<u64> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len() as u64)
}

/// The gzipped total.
pub fn total(assets: &[Asset]) -> u64 {
    assets.iter().map(|a| a.gzipped).sum()
}

/// A table: one row per file, then the totals and the budget.
pub fn table(assets: &[Asset]) -> String {
    let width = assets
        .iter()
        .map(|a| a.name.len())
        .chain([5])
        .max()
        .unwrap_or(5);
    let row =
        |name: &str, raw: String, gz: String| format!("  {name:<width$}  {raw:>10}  {gz:>10}\n");
    let mut out = row("file", "raw".into(), "gzipped".into());
    for asset in assets {
        out += &row(&asset.name, kb(asset.raw), kb(asset.gzipped));
    }
    let raw_total = assets.iter().map(|a| a.raw).sum();
    out += &row("total", kb(raw_total), kb(total(assets)));
    out += &row("budget", String::new(), kb(BUDGET));
    out += &row("ceiling", String::new(), kb(CEILING));
    out
}

fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

/// Prints the table; fails when the gzipped total is over the ceiling and `enforce`
/// is set; warns when it is over the budget.
pub fn check(dist: &Path, enforce: bool) -> Result<String> {
    let assets = measure(dist)?;
    if assets.is_empty() {
        bail!(
            "no .wasm, .js or .css in {}: did the build run?",
            dist.display()
        );
    }
    print!("{}", table(&assets));
    let gz = total(&assets);
    let note = format!(
        "{} gzipped of {} (ceiling {})",
        kb(gz),
        kb(BUDGET),
        kb(CEILING)
    );
    if gz > CEILING && enforce {
        bail!("over the size ceiling: {note}");
    }
    if gz > BUDGET {
        println!(
            "WARNING: over the size budget by {}: {note}",
            kb(gz - BUDGET)
        );
    }
    Ok(note)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_wasm_js_and_css_count_and_they_are_gzipped() {
        let dir = std::env::temp_dir().join(format!("xtask-size-test-{}", std::process::id()));
        fs::create_dir_all(dir.join("nested")).unwrap();
        let text = "let revenue = 0;\n".repeat(500);
        fs::write(dir.join("app.js"), &text).unwrap();
        fs::write(dir.join("nested").join("sw.js"), "self;").unwrap();
        fs::write(dir.join("index.html"), &text).unwrap();
        fs::write(dir.join("icon.png"), [0u8; 100]).unwrap();

        let assets = measure(&dir).unwrap();
        let names: Vec<&str> = assets.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["app.js", "nested/sw.js"]);
        assert_eq!(assets[0].raw, text.len() as u64);
        assert!(
            assets[0].gzipped < assets[0].raw / 10,
            "repetitive text compresses well"
        );
        assert!(check(&dir, true).is_ok());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_budget_is_checked_on_the_gzipped_total() {
        let asset = |gzipped| Asset {
            name: "app.wasm".into(),
            raw: 500_000,
            gzipped,
        };
        assert_eq!(total(&[asset(BUDGET - 1), asset(1)]), BUDGET);
        let table = table(&[asset(96_256)]);
        assert!(
            table.contains("app.wasm") && table.contains("94.0 KB") && table.contains("150.0 KB"),
            "{table}"
        );
    }
}
