//! Counting tests in what the runners print: cargo's (and
//! wasm-bindgen-test-runner's) `test result:` lines and node's TAP summary.

use std::fmt;
use std::ops::AddAssign;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub passed: u64,
    pub failed: u64,
}

impl AddAssign for Tally {
    fn add_assign(&mut self, other: Tally) {
        self.passed += other.passed;
        self.failed += other.failed;
    }
}

/// The closing line of `cargo xtask test`: `N passed, N failed`.
impl fmt::Display for Tally {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} passed, {} failed", self.passed, self.failed)
    }
}

/// Adds up every `test result: ok. 12 passed; 0 failed; …` line (one per test
/// binary and one for doc-tests); lines of any other shape are ignored.
pub fn cargo_counts(output: &str) -> Tally {
    let mut tally = Tally::default();
    for line in output.lines().map(strip_ansi) {
        if let Some((_, rest)) = line.split_once("test result:") {
            tally += Tally {
                passed: count_before(rest, "passed").unwrap_or(0),
                failed: count_before(rest, "failed").unwrap_or(0),
            };
        }
    }
    tally
}

/// Fails a run whose runner reported no passed test at all: a suite that was
/// lost (not compiled, not found) or filtered out must not go green.
pub fn require_tests(step: &str, tally: Tally) -> Result<(), String> {
    if tally.passed == 0 {
        return Err(format!("no tests ran in {step} ({tally})"));
    }
    Ok(())
}

/// The summary node's TAP reporter writes at the end of a run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TapSummary {
    /// `# pass`, and `# fail` + `# cancelled`.
    pub tally: Tally,
    /// `# skipped`: tests marked `skip` (or calling `t.skip()`).
    pub skipped: u64,
    /// `# todo`: tests marked `todo`, whose failures do not count.
    pub todo: u64,
}

impl TapSummary {
    /// Fails a run that left any test skipped or todo (a test quietly marked
    /// `skip` must not pass), then one that passed no test at all.
    pub fn verdict(&self, step: &str) -> Result<(), String> {
        let mut unrun = Vec::new();
        if self.skipped > 0 {
            unrun.push(format!("{} skipped", tests(self.skipped)));
        }
        if self.todo > 0 {
            unrun.push(format!("{} marked todo", tests(self.todo)));
        }
        if !unrun.is_empty() {
            return Err(format!(
                "{} in {step}: every test must run (drop the skip/todo marker or the test)",
                unrun.join(" and ")
            ));
        }
        require_tests(step, self.tally)
    }
}

/// "1 test", "3 tests".
fn tests(n: u64) -> String {
    if n == 1 {
        "1 test".to_owned()
    } else {
        format!("{n} tests")
    }
}

/// Reads the summary node's TAP reporter writes at the end (`# pass 5`,
/// `# fail 1`, `# cancelled 0`, `# skipped 0`, `# todo 0`); a cancelled test
/// counts as failed. The last line of each kind wins, so that a test printing
/// `pass 0` (forwarded as a `#` comment) cannot override the closing summary.
/// `None` when there is no summary (the run never finished).
pub fn tap_counts(tap: &str) -> Option<TapSummary> {
    let (mut passed, mut failed, mut cancelled, mut skipped, mut todo) = (None, 0, 0, 0, 0);
    for line in tap.lines() {
        let Some(comment) = line.trim().strip_prefix('#') else {
            continue;
        };
        let mut words = comment.split_whitespace();
        let (Some(key), Some(value), None) = (words.next(), words.next(), words.next()) else {
            continue;
        };
        let Ok(value) = value.parse::<u64>() else {
            continue;
        };
        match key {
            "pass" => passed = Some(value),
            "fail" => failed = value,
            "cancelled" => cancelled = value,
            "skipped" => skipped = value,
            "todo" => todo = value,
            _ => {}
        }
    }
    passed.map(|passed| TapSummary {
        tally: Tally {
            passed,
            failed: failed + cancelled,
        },
        skipped,
        todo,
    })
}

/// In "ok. 12 passed; 0 failed; …", the number right before `word`.
fn count_before(text: &str, word: &str) -> Option<u64> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ';')
        .collect();
    let at = words.iter().position(|w| *w == word)?;
    words[..at]
        .iter()
        .rev()
        .find(|w| !w.is_empty())?
        .parse()
        .ok()
}

/// Drops ANSI colour sequences (`ESC [ … letter`).
fn strip_ansi(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(passed: u64, failed: u64) -> Tally {
        Tally { passed, failed }
    }

    #[test]
    fn cargo_output_is_counted() {
        let cases = [
            ("no result lines", "   Compiling kpi v0.1.0\nerror[E0308]: mismatched types\n", tally(0, 0)),
            (
                "one binary",
                "running 3 tests\ntest a ... ok\ntest result: ok. 3 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s\n",
                tally(3, 0),
            ),
            (
                "unit, integration and doc-tests add up",
                "test result: ok. 10 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s\n\
                 test result: FAILED. 4 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.20s\n\
                 test result: ok. 0 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s\n",
                tally(14, 2),
            ),
            (
                "wasm-bindgen-test-runner's shape",
                "test result: ok. 5 passed; 0 failed; 0 ignored; 0 filtered out; finished in 0.31s\n",
                tally(5, 0),
            ),
            (
                "coloured output",
                "test result: \u{1b}[32mok\u{1b}[0m. 7 passed; 1 failed; 0 ignored\n",
                tally(7, 1),
            ),
            ("a test named like a result is not one", "test result_parsing ... ok\n", tally(0, 0)),
        ];
        for (case, output, expected) in cases {
            assert_eq!(cargo_counts(output), expected, "{case}");
        }
    }

    fn tap(passed: u64, failed: u64, skipped: u64, todo: u64) -> TapSummary {
        TapSummary {
            tally: tally(passed, failed),
            skipped,
            todo,
        }
    }

    #[test]
    fn tap_summary_is_counted() {
        let ok = "TAP version 13\n# Subtest: adds a deal\nok 1 - adds a deal\n1..1\n# tests 6\n# suites 0\n# pass 6\n# fail 0\n# cancelled 0\n# skipped 0\n# todo 0\n# duration_ms 5120.3\n";
        let failing = "not ok 2 - restore\n# tests 6\n# pass 4\n# fail 1\n# cancelled 1\n";
        let skipping = "ok 3 - restore # SKIP\nok 4 - later # TODO\n# tests 6\n# pass 4\n# fail 0\n# cancelled 0\n# skipped 1\n# todo 1\n";
        let chatty = "# Subtest: logs\n# pass 0\n# skipped 3\nok 1 - logs\n# tests 1\n# pass 1\n# fail 0\n# cancelled 0\n# skipped 0\n# todo 0\n";
        let cases = [
            ("all pass", ok, Some(tap(6, 0, 0, 0))),
            (
                "fail and cancelled both count as failed",
                failing,
                Some(tap(4, 2, 0, 0)),
            ),
            ("skipped and todo are read", skipping, Some(tap(4, 0, 1, 1))),
            (
                "the closing summary wins over a test's own output",
                chatty,
                Some(tap(1, 0, 0, 0)),
            ),
            (
                "no summary (the run died)",
                "TAP version 13\n# Subtest: x\n",
                None,
            ),
            ("empty file", "", None),
        ];
        for (case, text, expected) in cases {
            assert_eq!(tap_counts(text), expected, "{case}");
        }
    }

    #[test]
    fn a_run_without_passed_tests_fails() {
        let step = "host tests: kpi";
        assert_eq!(require_tests(step, tally(3, 0)), Ok(()));
        // Failures are the runner's to report; only an empty total is ours.
        assert_eq!(require_tests(step, tally(1, 2)), Ok(()));
        let cases = [
            ("nothing counted", ""),
            (
                "every binary empty or filtered",
                "test result: ok. 0 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s\n\
                 test result: ok. 0 passed; 0 failed; 2 ignored; 0 measured; 7 filtered out; finished in 0.00s\n",
            ),
        ];
        for (case, output) in cases {
            assert_eq!(
                require_tests(step, cargo_counts(output)),
                Err("no tests ran in host tests: kpi (0 passed, 0 failed)".to_owned()),
                "{case}"
            );
        }
    }

    #[test]
    fn skipped_or_todo_end_to_end_tests_fail() {
        let step = "end-to-end tests";
        let cases = [
            ("all ran", tap(6, 0, 0, 0), Ok(())),
            (
                "one skipped",
                tap(5, 0, 1, 0),
                Err("1 test skipped in end-to-end tests: every test must run (drop the skip/todo marker or the test)"),
            ),
            (
                "skipped and todo",
                tap(3, 0, 2, 1),
                Err("2 tests skipped and 1 test marked todo in end-to-end tests: every test must run (drop the skip/todo marker or the test)"),
            ),
            (
                "todo only",
                tap(3, 0, 0, 4),
                Err("4 tests marked todo in end-to-end tests: every test must run (drop the skip/todo marker or the test)"),
            ),
            (
                "everything skipped says so, not just that nothing ran",
                tap(0, 0, 6, 0),
                Err("6 tests skipped in end-to-end tests: every test must run (drop the skip/todo marker or the test)"),
            ),
            (
                "nothing ran",
                tap(0, 0, 0, 0),
                Err("no tests ran in end-to-end tests (0 passed, 0 failed)"),
            ),
        ];
        for (case, summary, expected) in cases {
            assert_eq!(
                summary.verdict(step),
                expected.map_err(str::to_owned),
                "{case}"
            );
        }
    }

    #[test]
    fn the_closing_line_has_the_agreed_shape() {
        assert_eq!(tally(12, 3).to_string(), "12 passed, 3 failed");
        let mut sum = tally(1, 0);
        sum += tally(2, 5);
        assert_eq!(sum, tally(3, 5));
    }
}
