//! `cargo xtask dist`: the release build of the app into `dist/`.

use crate::cmd;
use crate::error::Result;
use crate::paths;
use crate::setup;
use crate::size;
use crate::step::Steps;
use crate::Options;

pub fn run(options: &Options) -> Result {
    let mut steps = Steps::new();
    build(&mut steps, options)?;
    steps.recap();
    println!(
        "\ndist/ is ready: static files for any host that answers unknown paths with index.html."
    );
    Ok(())
}

/// Set-up (unless skipped), `trunk build --release`, and the size table.
pub fn build(steps: &mut Steps, options: &Options) -> Result {
    if options.setup {
        setup::run_in(steps)?;
    }
    steps.run("release build (trunk build --release)", trunk_build)?;
    steps.run("size of dist/ (gzipped .wasm + .js + .css)", || {
        size::check(&paths::dist(), false)
    })?;
    Ok(())
}

/// `trunk build --release` (Trunk.toml: offline, pinned wasm-bindgen and wasm-opt).
pub fn trunk_build() -> Result<String> {
    cmd::run(&mut cmd::new(
        "trunk",
        &["build", "--release"],
        &paths::root(),
    ))?;
    Ok(String::new())
}
