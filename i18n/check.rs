//! The completeness check of the translations, shared by the build script (which
//! refuses to build on a problem) and the tests (which run it on tampered copies).

use std::collections::BTreeMap;
use std::path::Path;

/// The language every other one is checked against.
pub const DEFAULT: &str = "en";

/// Texts by language tag, then by key.
pub type Locales = BTreeMap<String, BTreeMap<String, String>>;

/// Every language against [`DEFAULT`]: each must have exactly its keys, and each text
/// the same `{{ placeholders }}`. The error names the file and the key.
pub fn check(locales: &Locales) -> Result<(), String> {
    let default = locales
        .get(DEFAULT)
        .ok_or_else(|| format!("locales/{DEFAULT}.json is missing"))?;
    for (tag, texts) in locales {
        if let Some(key) = default.keys().find(|k| !texts.contains_key(*k)) {
            return Err(format!("locales/{tag}.json lacks the key \"{key}\""));
        }
        if let Some(key) = default
            .keys()
            .find(|k| placeholders(&default[*k]) != placeholders(&texts[*k]))
        {
            return Err(format!(
                "locales/{tag}.json: \"{key}\" must use the same {{{{ placeholders }}}} as {DEFAULT}"
            ));
        }
        if let Some(key) = texts.keys().find(|k| !default.contains_key(*k)) {
            return Err(format!(
                "locales/{tag}.json has the key \"{key}\", which locales/{DEFAULT}.json lacks"
            ));
        }
        if let Some(key) = texts.keys().find(|k| texts[*k].trim().is_empty()) {
            return Err(format!("locales/{tag}.json: \"{key}\" is empty"));
        }
    }
    Ok(())
}

/// The sorted names of the `{{ name }}` placeholders in a text.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = text
        .split("{{")
        .skip(1)
        .filter_map(|part| part.split("}}").next())
        .map(str::trim)
        .collect();
    names.sort_unstable();
    names
}

/// Reads every `<tag>.json` in `dir`, each a flat JSON object of strings.
pub fn read_locales(dir: &Path) -> Result<Locales, String> {
    let mut locales = BTreeMap::new();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("read {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| format!("locales/ entry: {e}"))?.path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let tag = path
            .file_stem()
            .and_then(|s| s.to_str())
            .ok_or_else(|| format!("{}: odd file name", path.display()))?
            .to_string();
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("read {}: {e}", path.display()))?;
        let texts: BTreeMap<String, String> = serde_json::from_str(&text).map_err(|e| {
            format!(
                "{} is not a flat JSON object of strings: {e}",
                path.display()
            )
        })?;
        locales.insert(tag, texts);
    }
    Ok(locales)
}
