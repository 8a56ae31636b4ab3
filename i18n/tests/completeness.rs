//! The build's completeness check, run on the real translation files and on tampered
//! copies of them: a language that lacks a key, has an extra one, changes a
//! placeholder or leaves a text empty must be refused, naming the file and the key.

#[path = "../check.rs"]
mod check;

use check::{check, read_locales, Locales};
use std::path::Path;

fn real() -> Locales {
    read_locales(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales")).expect("locales/")
}

#[test]
fn the_real_translations_are_complete_in_all_five_languages() {
    let locales = real();
    let tags: Vec<&str> = locales.keys().map(String::as_str).collect();
    assert_eq!(tags, ["cs", "de", "en", "hu", "vi"]);
    assert_eq!(check(&locales), Ok(()));
}

#[test]
fn a_tampered_language_is_refused_with_the_file_and_key_named() {
    type Tamper = fn(&mut Locales);
    let cases: [(&str, Tamper, &str); 6] = [
        (
            "a key missing",
            |l| {
                l.get_mut("de").unwrap().remove("save");
            },
            "locales/de.json lacks the key \"save\"",
        ),
        (
            "an extra key",
            |l| {
                l.get_mut("vi")
                    .unwrap()
                    .insert("zz_extra".into(), "x".into());
            },
            "locales/vi.json has the key \"zz_extra\", which locales/en.json lacks",
        ),
        (
            "a placeholder renamed",
            |l| {
                l.get_mut("hu")
                    .unwrap()
                    .insert("days_value".into(), "{{ nap }} nap".into());
            },
            "locales/hu.json: \"days_value\" must use the same {{ placeholders }} as en",
        ),
        (
            "a placeholder dropped",
            |l| {
                l.get_mut("cs")
                    .unwrap()
                    .insert("confirm_replace_restore".into(), "Nahradit?".into());
            },
            "locales/cs.json: \"confirm_replace_restore\" must use the same {{ placeholders }} as en",
        ),
        (
            "an empty text",
            |l| {
                l.get_mut("cs").unwrap().insert("save".into(), " ".into());
            },
            "locales/cs.json: \"save\" is empty",
        ),
        (
            "no English file",
            |l| {
                l.remove("en");
            },
            "locales/en.json is missing",
        ),
    ];
    for (case, tamper, expected) in cases {
        let mut locales = real();
        tamper(&mut locales);
        assert_eq!(check(&locales), Err(expected.to_string()), "{case}");
    }
}
