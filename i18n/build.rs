//! Turns `locales/<tag>.json` (flat `"key": "text"` objects) into one `Texts` struct
//! with a field per key and one static table per language. A language that lacks a
//! key, or has one the default language does not, fails the build with a message
//! naming the file and the key: a translation can never be silently missing.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// The language every other one is checked against.
const DEFAULT: &str = "en";

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales");
    println!("cargo::rerun-if-changed={}", dir.display());
    let locales = read_locales(&dir);
    let default = locales
        .get(DEFAULT)
        .unwrap_or_else(|| panic!("locales/{DEFAULT}.json is missing"));
    for (tag, texts) in &locales {
        if let Some(key) = default.keys().find(|k| !texts.contains_key(*k)) {
            panic!("locales/{tag}.json lacks the key \"{key}\"");
        }
        if let Some(key) = default
            .keys()
            .find(|k| placeholders(&default[*k]) != placeholders(&texts[*k]))
        {
            panic!("locales/{tag}.json: \"{key}\" must use the same {{{{ placeholders }}}} as {DEFAULT}");
        }
        if let Some(key) = texts.keys().find(|k| !default.contains_key(*k)) {
            panic!("locales/{tag}.json has the key \"{key}\", which locales/{DEFAULT}.json lacks");
        }
    }
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("texts.rs");
    std::fs::write(out, generate(&locales, default)).expect("write texts.rs");
}

/// The sorted names of the `{{ name }}` placeholders in a text.
fn placeholders(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = text
        .split("{{")
        .skip(1)
        .filter_map(|part| part.split("}}").next())
        .map(str::trim)
        .collect();
    names.sort_unstable();
    names
}

fn read_locales(dir: &Path) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut locales = BTreeMap::new();
    for entry in std::fs::read_dir(dir).expect("read locales/") {
        let path = entry.expect("locales/ entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let tag = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("file name")
            .to_string();
        let text = std::fs::read_to_string(&path).expect("read locale file");
        let texts: BTreeMap<String, String> = serde_json::from_str(&text).unwrap_or_else(|e| {
            panic!(
                "{} is not a flat JSON object of strings: {e}",
                path.display()
            )
        });
        locales.insert(tag, texts);
    }
    locales
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
