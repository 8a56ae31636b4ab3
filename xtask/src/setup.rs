//! `cargo xtask setup`: installs the pinned tools, skipping each one that is
//! already present at the right version. Safe to run again and again.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::cmd;
use crate::error::{bail, Result};
use crate::paths;
use crate::step::Steps;
use crate::versions::{locked_versions, reports_version};

pub const TRUNK_VERSION: &str = "0.21.14";
pub const BINARYEN_VERSION: &str = "132";
const WASM_TARGET: &str = "wasm32-unknown-unknown";
const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

type SetupStep = (&'static str, fn() -> Result<String>);

const STEPS: &[SetupStep] = &[
    ("setup: wasm32-unknown-unknown target", wasm_target),
    ("setup: Chromium + chromedriver (apt)", chromium),
    ("setup: Trunk 0.21.14", trunk),
    (
        "setup: wasm-bindgen-cli (the version in Cargo.lock)",
        wasm_bindgen,
    ),
    ("setup: wasm-opt 132 (npm binaryen, in .tools/)", wasm_opt),
    ("setup: end-to-end test packages (npm ci)", e2e_packages),
    ("setup: cargo fetch (Trunk builds offline)", cargo_fetch),
];

pub fn run() -> Result {
    let mut steps = Steps::new();
    run_in(&mut steps)?;
    steps.recap();
    Ok(())
}

/// The set-up steps, as part of a larger run (`test`, `serve`, `dist`).
pub fn run_in(steps: &mut Steps) -> Result {
    println!(
        "Setting up Salesboard's tools; anything already present at the right version is skipped."
    );
    for (name, body) in STEPS {
        steps.run(name, body)?;
    }
    Ok(())
}

const PRESENT: &str = "already present";

fn wasm_target() -> Result<String> {
    let installed = cmd::probe("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        return Ok(PRESENT.into());
    }
    cmd::run(&mut cmd::new(
        "rustup",
        &["target", "add", WASM_TARGET],
        &paths::root(),
    ))?;
    Ok("installed".into())
}

fn chromium() -> Result<String> {
    if Path::new(CHROMIUM).is_file() && Path::new(CHROMEDRIVER).is_file() {
        return Ok(PRESENT.into());
    }
    apt(&["update"])?;
    apt(&["install", "-y", "chromium", "chromium-driver"])?;
    Ok("installed".into())
}

/// `apt-get ARGS`, through sudo unless we are root, never asking questions.
fn apt(args: &[&str]) -> Result {
    let mut command = if is_root() {
        Command::new("apt-get")
    } else {
        let mut sudo = Command::new("sudo");
        sudo.args(["--preserve-env=DEBIAN_FRONTEND", "apt-get"]);
        sudo
    };
    command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
    cmd::run(&mut command)
}

fn is_root() -> bool {
    cmd::probe("id", &["-u"]).is_some_and(|uid| uid.trim() == "0")
}

fn trunk() -> Result<String> {
    if cmd::probe("trunk", &["--version"]).is_some_and(|v| reports_version(&v, TRUNK_VERSION)) {
        return Ok(PRESENT.into());
    }
    println!("Building Trunk from source: about 14 minutes on 2 cores.");
    cargo_install(&["trunk", "--version", TRUNK_VERSION, "--locked"])?;
    Ok("installed".into())
}

fn wasm_bindgen() -> Result<String> {
    let wanted = locked_wasm_bindgen()?;
    if cmd::probe("wasm-bindgen", &["--version"]).is_some_and(|v| reports_version(&v, &wanted)) {
        return Ok(format!("{PRESENT}: {wanted}"));
    }
    println!("Building wasm-bindgen-cli {wanted} from source: about 3 minutes on 2 cores.");
    // No --locked: the CLI's own lock file pins versions that may no longer build.
    cargo_install(&["wasm-bindgen-cli", "--version", &wanted])?;
    Ok(format!("installed {wanted}"))
}

/// The one `wasm-bindgen` version in Cargo.lock (the CLI must match it exactly).
fn locked_wasm_bindgen() -> Result<String> {
    let lock_path = paths::root().join("Cargo.lock");
    if !lock_path.is_file() {
        println!("No Cargo.lock yet: creating it.");
        cmd::run(&mut cmd::new(
            "cargo",
            &["generate-lockfile"],
            &paths::root(),
        ))?;
    }
    let lock = fs::read_to_string(&lock_path)?;
    match locked_versions(&lock, "wasm-bindgen").as_slice() {
        [one] => Ok(one.clone()),
        [] => bail!("Cargo.lock has no wasm-bindgen package; the app must depend on it"),
        many => bail!(
            "Cargo.lock has several wasm-bindgen versions ({}); pin one with `wasm-bindgen = \"=X\"`",
            many.join(", ")
        ),
    }
}

fn cargo_install(args: &[&str]) -> Result {
    let mut command = cmd::new("cargo", &["install"], &paths::root());
    command.args(args);
    cmd::run(&mut command)
}

fn wasm_opt() -> Result<String> {
    let local = paths::tools_bin().join("wasm-opt");
    let local = local.to_string_lossy();
    if cmd::probe(&local, &["--version"]).is_some_and(|v| reports_version(&v, BINARYEN_VERSION)) {
        return Ok(PRESENT.into());
    }
    fs::create_dir_all(paths::tools())?;
    let package = format!("binaryen@{BINARYEN_VERSION}.0.0");
    let tools = paths::tools();
    let tools = tools.to_string_lossy();
    let args = [
        "install",
        "--prefix",
        &tools,
        "--no-save",
        "--no-audit",
        "--no-fund",
        &package,
    ];
    cmd::run(&mut cmd::new("npm", &args, &paths::root()))?;
    Ok("installed".into())
}

fn e2e_packages() -> Result<String> {
    let dir = paths::e2e();
    if !dir.join("package-lock.json").is_file() {
        bail!("tests/e2e/package-lock.json is missing: it must be committed");
    }
    if node_modules_in_sync(&dir) {
        return Ok(PRESENT.into());
    }
    cmd::run(&mut cmd::new(
        "npm",
        // pouchdb-server's optional sqlite3 does not build on Node 20 (and is not used).
        &["ci", "--omit=optional", "--no-audit", "--no-fund"],
        &dir,
    ))?;
    Ok("installed".into())
}

/// npm's own test: `npm ci` writes `node_modules/.package-lock.json` after the
/// lock file was read, so it is newer than `package-lock.json` unless the lock
/// changed since (an edit or a checkout touches it).
fn node_modules_in_sync(dir: &Path) -> bool {
    let modified = |path: &Path| fs::metadata(path).and_then(|m| m.modified()).ok();
    let installed = modified(&dir.join("node_modules").join(".package-lock.json"));
    let locked = modified(&dir.join("package-lock.json"));
    let installed_package = |name: &str| {
        dir.join("node_modules")
            .join(name)
            .join("package.json")
            .is_file()
    };
    matches!((installed, locked), (Some(i), Some(l)) if i >= l)
        && installed_package("playwright-core")
        && installed_package("pouchdb-server")
}

fn cargo_fetch() -> Result<String> {
    cmd::run(&mut cmd::new("cargo", &["fetch"], &paths::root()))?;
    Ok(String::new())
}
