//! `cargo xtask test`: lint, host tests, browser tests, release build, size
//! budget, end-to-end tests. Stops at the first red step and always ends with
//! one line, `N passed, N failed`, over all three test runners.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::cmd;
use crate::couch;
use crate::dist::trunk_build;
use crate::error::{bail, Error, Result};
use crate::paths;
use crate::serve::{self, Log};
use crate::setup;
use crate::size;
use crate::step::Steps;
use crate::summary::{cargo_counts, require_tests, tap_counts, Tally};
use crate::Options;

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

pub fn run(options: &Options) -> Result {
    let mut steps = Steps::new();
    let mut tally = Tally::default();
    let outcome = all_steps(&mut steps, &mut tally, options);
    steps.recap();
    if let Err(err) = &outcome {
        println!("\nFAILED: {err}");
    }
    println!("{tally}");
    outcome.map_err(|_| Error::Reported)
}

/// Lint steps: a name and the cargo arguments.
const LINTS: &[(&str, &str)] = &[
    ("format (cargo fmt --check)", "fmt --all --check"),
    (
        "clippy: kpi + i18n + xtask",
        "clippy -p kpi -p i18n -p xtask --all-targets -- -D warnings",
    ),
    (
        "clippy: app (wasm32)",
        "clippy -p salesboard --target wasm32-unknown-unknown --all-targets -- -D warnings",
    ),
];

/// Test runs whose `test result:` lines are counted: a name and the cargo arguments.
const CARGO_TESTS: &[(&str, &str)] = &[
    (
        "host tests: kpi + i18n + xtask",
        "test -p kpi -p i18n -p xtask --no-fail-fast",
    ),
    (
        "browser tests: app in headless Chromium",
        "test -p salesboard --target wasm32-unknown-unknown --no-fail-fast",
    ),
];

fn all_steps(steps: &mut Steps, tally: &mut Tally, options: &Options) -> Result {
    if options.setup {
        setup::run_in(steps)?;
    }
    for (name, args) in LINTS {
        steps.run(name, || cmd::run(&mut cargo(args)).map(|()| String::new()))?;
    }
    for (name, args) in CARGO_TESTS {
        steps.run(name, || counted_cargo_test(tally, name, args))?;
    }
    steps.run("release build (trunk build --release)", trunk_build)?;
    steps.run("size budget (gzipped .wasm + .js + .css)", || {
        size::check(&paths::dist(), true)
    })?;
    steps.run(END_TO_END, || end_to_end(tally, &DESKTOP_RUN))?;
    steps.run(END_TO_END_PHONE, || end_to_end(tally, &PHONE_RUN))?;
    Ok(())
}

/// `cargo ARGS` (split on spaces) in the workspace root.
fn cargo(args: &str) -> Command {
    let args: Vec<&str> = args.split_whitespace().collect();
    cmd::new("cargo", &args, &paths::root())
}

/// Runs a `cargo test` command for step `name`, adds its counts to `tally`;
/// fails if it failed or if no test passed at all (a lost or filtered suite).
fn counted_cargo_test(tally: &mut Tally, name: &str, args: &str) -> Result<String> {
    let mut command = cargo(args);
    browser_driver(&mut command);
    let captured = cmd::run_captured(&mut command)?;
    let counts = cargo_counts(&captured.text);
    *tally += counts;
    if !captured.success {
        bail!("`{}` failed ({counts})", cmd::describe(&command));
    }
    require_tests(name, counts)?;
    Ok(counts.to_string())
}

/// wasm-bindgen-test-runner picks the first WebDriver it finds; name Chromium's
/// so that a geckodriver on PATH does not switch browsers.
fn browser_driver(command: &mut Command) {
    if std::env::var_os("CHROMEDRIVER").is_none() && Path::new(CHROMEDRIVER).is_file() {
        command.env("CHROMEDRIVER", CHROMEDRIVER);
    }
}

const END_TO_END: &str = "end-to-end tests: dist/ in headless Chromium";
const END_TO_END_PHONE: &str = "end-to-end flows again at phone size (360 x 740)";

/// One run of the end-to-end tests: the step's name, the `E2E_VIEWPORT` the harness
/// gets, the test files (none: all of them) and the TAP file's name.
struct E2eRun {
    step: &'static str,
    viewport: &'static str,
    files: &'static [&'static str],
    tap: &'static str,
}

const DESKTOP_RUN: E2eRun = E2eRun {
    step: END_TO_END,
    viewport: "desktop",
    files: &[],
    tap: "e2e.tap",
};

/// The flows of the earlier issues, at a phone's width: a user on the road must be able
/// to do all of them. (The layout, accessibility and screenshot tests set their own sizes.)
const PHONE_RUN: E2eRun = E2eRun {
    step: END_TO_END_PHONE,
    viewport: "phone",
    files: &[
        "add-deal.test.mjs",
        "deal-actions.test.mjs",
        "invalid-deal.test.mjs",
        "demo-data.test.mjs",
        "kpi-dashboard.test.mjs",
        "goals.test.mjs",
        "records.test.mjs",
        "rep-day.test.mjs",
        "keyboard.test.mjs",
        "routing.test.mjs",
        "backup-restore.test.mjs",
    ],
    tap: "e2e-phone.tap",
};

/// Serves `dist/` on a free port, starts pouchdb-server for the sync tests (its URL
/// and a one-run admin in `COUCH_URL`, `COUCH_ADMIN`, `COUCH_ADMIN_PASSWORD`), and runs node's test runner in tests/e2e:
/// the spec report streams to the terminal, the TAP report goes to a file
/// whose summary is counted. Skipped or todo tests fail the step, and so does
/// a run that passed no test.
fn end_to_end(tally: &mut Tally, e2e: &E2eRun) -> Result<String> {
    let addr = serve::start(paths::dist(), "127.0.0.1:0", Log::Quiet)?;
    let base_url = format!("http://{addr}");
    println!("Serving dist/ on {base_url}");
    let couch = couch::start(&base_url)?;
    println!("pouchdb-server (sync tests) on {}", couch.url);
    fs::create_dir_all(paths::scratch())?;
    let tap_file = paths::scratch().join(e2e.tap);
    let _ = fs::remove_file(&tap_file);
    let tap_destination = format!("--test-reporter-destination={}", tap_file.display());
    let mut args = vec![
        "--test",
        "--test-reporter=spec",
        "--test-reporter-destination=stdout",
        "--test-reporter=tap",
        &tap_destination,
    ];
    args.extend(e2e.files);
    let mut command = cmd::new("node", &args, &paths::e2e());
    command.env("BASE_URL", &base_url);
    command.env("E2E_VIEWPORT", e2e.viewport);
    command.env("COUCH_URL", &couch.url);
    command.env("COUCH_ADMIN", couch::ADMIN);
    command.env("COUCH_ADMIN_PASSWORD", &couch.admin_password);
    let run = cmd::run(&mut command);
    let summary = tap_counts(&fs::read_to_string(&tap_file).unwrap_or_default());
    *tally += summary.map(|s| s.tally).unwrap_or_default();
    match (run, summary) {
        (Ok(()), Some(summary)) => {
            summary.verdict(e2e.step)?;
            Ok(summary.tally.to_string())
        }
        (Ok(()), None) => bail!(
            "no tests ran in {}: node's test runner wrote no TAP summary to {}",
            e2e.step,
            tap_file.display()
        ),
        (Err(err), Some(summary)) => bail!("{err} ({})", summary.tally),
        (Err(err), None) => Err(err),
    }
}
