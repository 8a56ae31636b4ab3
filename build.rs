//! Generates the `i18n` module from `locales/*.json` (leptos_i18n 0.6 does its codegen here).
use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::error::Error;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=Cargo.toml");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR not set")?).join("i18n");
    let translations = TranslationsInfos::parse(
        // `interpolate_display` lets `t_string!` fill placeholders for attributes and messages.
        Config::new("en")?.parse_options(ParseOptions::default().interpolate_display(true)),
    )?;
    translations.emit_diagnostics();
    translations.rerun_if_locales_changed();
    translations.generate_i18n_module(out)?;
    Ok(())
}
