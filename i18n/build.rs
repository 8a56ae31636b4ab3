//! Turns `locales/<tag>.json` (flat `"key": "text"` objects) into one `Texts` struct
//! with a field per key and one static table per language. A language that lacks a
//! key, or has one the default language does not, fails the build with a message
//! naming the file and the key: a translation can never be silently missing.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

#[path = "check.rs"]
mod check;

use check::{check, read_locales, DEFAULT};

fn main() {
    // Read at run time: a build script compiled in another checkout must not read its locales.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest).join("../locales");
    println!("cargo::rerun-if-changed={}", dir.display());
    println!("cargo::rerun-if-changed=check.rs");
    println!("cargo::rerun-if-changed=build.rs");
    let locales = read_locales(&dir).unwrap_or_else(|e| panic!("{e}"));
    if let Err(problem) = check(&locales) {
        panic!("{problem}");
    }
    let default = &locales[DEFAULT];
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("texts.rs");
    std::fs::write(out, generate(&locales, default)).expect("write texts.rs");
}

fn generate(
    locales: &BTreeMap<String, BTreeMap<String, String>>,
    default: &BTreeMap<String, String>,
) -> String {
    let mut code =
        String::from("/// Every user-visible text, one field per key of `locales/*.json`.\n");
    code.push_str("#[allow(non_snake_case)]\n#[derive(Debug)]\npub struct Texts {\n");
    for key in default.keys() {
        writeln!(code, "    pub {key}: &'static str,").unwrap();
    }
    code.push_str("}\n\nimpl Texts {\n    /// The text of a key built at run time (`kpi_<id>`, `field_<id>`…); `None` if no\n    /// such key exists.\n    pub fn get(&self, key: &str) -> Option<&'static str> {\n        Some(match key {\n");
    for key in default.keys() {
        writeln!(code, "            {key:?} => self.{key},").unwrap();
    }
    code.push_str("            _ => return None,\n        })\n    }\n}\n\n/// The languages with a translation file.\n#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum Locale {\n");
    for tag in locales.keys() {
        writeln!(code, "    {},", variant(tag)).unwrap();
    }
    code.push_str("}\n\nimpl Locale {\n    pub const ALL: &'static [Locale] = &[");
    for tag in locales.keys() {
        write!(code, "Locale::{}, ", variant(tag)).unwrap();
    }
    code.push_str("];\n\n    /// The BCP 47 tag, as in the file name (`de`, `vi`, …).\n    pub fn tag(self) -> &'static str {\n        match self {\n");
    for tag in locales.keys() {
        writeln!(code, "            Locale::{} => {tag:?},", variant(tag)).unwrap();
    }
    code.push_str(
        "        }\n    }\n\n    pub fn texts(self) -> &'static Texts {\n        match self {\n",
    );
    for tag in locales.keys() {
        writeln!(
            code,
            "            Locale::{} => &{},",
            variant(tag),
            tag.to_uppercase()
        )
        .unwrap();
    }
    code.push_str("        }\n    }\n}\n\n");
    for (tag, texts) in locales {
        writeln!(code, "static {}: Texts = Texts {{", tag.to_uppercase()).unwrap();
        for (key, text) in texts {
            writeln!(code, "    {key}: {text:?},").unwrap();
        }
        code.push_str("};\n\n");
    }
    code
}

fn variant(tag: &str) -> String {
    let mut chars = tag.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}
