//! Salesboard's translations. `locales/<tag>.json` holds one flat object of texts per
//! language; the build turns them into [`Texts`] tables, and refuses to build when a
//! language lacks a key. Placeholders are written `{{ name }}` and filled by [`fill`].
//!
//! A hand-written table instead of a runtime i18n framework: the strings are plain
//! `&'static str`, there is nothing to load, and the app's size budget stays in reach.

include!(concat!(env!("OUT_DIR"), "/texts.rs"));

impl Locale {
    /// The language whose tag is exactly `tag` ("de"), as remembered by the app.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        Locale::ALL.iter().copied().find(|l| l.tag() == tag)
    }

    /// The best language for the browser's preference list (`navigator.languages`),
    /// matching on the primary subtag ("de-AT" → German); English when none matches.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Locale {
        preferred
            .into_iter()
            .find_map(|tag| {
                let primary = tag
                    .split(['-', '_'])
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase();
                Locale::ALL.iter().copied().find(|l| l.tag() == primary)
            })
            .unwrap_or(Locale::En)
    }
}

/// Replaces each `{{ name }}` in `template` by its value from `args`. A placeholder
/// without a value stays as written, so a missing argument shows instead of vanishing.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find("{{") {
        let Some(close) = rest[open..].find("}}") else {
            break;
        };
        let name = rest[open + 2..open + close].trim();
        out.push_str(&rest[..open]);
        match args.iter().find(|(key, _)| *key == name) {
            Some((_, value)) => out.push_str(value),
            None => out.push_str(&rest[open..open + close + 2]),
        }
        rest = &rest[open + close + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_named_placeholders() {
        let cases = [
            ("no placeholder", "Hello", vec![], "Hello"),
            (
                "one",
                "{{ days }} days",
                vec![("days", "12.5")],
                "12.5 days",
            ),
            ("tight braces", "{{n}}×", vec![("n", "3")], "3×"),
            (
                "two",
                "{{ start }} – {{ end }}",
                vec![("start", "a"), ("end", "b")],
                "a – b",
            ),
            (
                "missing value kept",
                "Deal {{ title }}",
                vec![],
                "Deal {{ title }}",
            ),
            ("unclosed kept", "odd {{ x", vec![("x", "1")], "odd {{ x"),
        ];
        for (case, template, args, expected) in cases {
            assert_eq!(fill(template, &args), expected, "{case}");
        }
    }

    #[test]
    fn a_remembered_tag_is_read_back_exactly() {
        let cases = [
            ("German", "de", Some(Locale::De)),
            ("Czech", "cs", Some(Locale::Cs)),
            ("unknown", "fr", None),
            ("a region is not a remembered tag", "de-AT", None),
            ("empty", "", None),
        ];
        for (case, tag, expected) in cases {
            assert_eq!(Locale::from_tag(tag), expected, "{case}");
        }
        for locale in Locale::ALL {
            assert_eq!(Locale::from_tag(locale.tag()), Some(*locale));
        }
    }

    #[test]
    fn negotiation_matches_the_primary_subtag() {
        let cases = [
            ("exact", vec!["en"], Locale::En),
            ("region", vec!["en-GB"], Locale::En),
            ("German region", vec!["de-AT"], Locale::De),
            ("Czech with underscore", vec!["cs_CZ"], Locale::Cs),
            ("Vietnamese", vec!["vi"], Locale::Vi),
            ("Hungarian upper case", vec!["HU-hu"], Locale::Hu),
            (
                "first supported wins",
                vec!["fr-FR", "hu", "de"],
                Locale::Hu,
            ),
            ("unknown falls back", vec!["xx"], Locale::En),
            ("empty falls back", vec![], Locale::En),
        ];
        for (case, tags, expected) in cases {
            assert_eq!(Locale::negotiate(tags), expected, "{case}");
        }
    }
}
