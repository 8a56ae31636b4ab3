//! Saved text in parts (`kpi::schema::parts`): where parts end, and that an edit
//! rewrites only the parts around it.

use kpi::schema::parts::{
    is_index, needs_split, part_key, split, split_at_most, PartIndex, PartSum, TornParts,
    PART_BYTES,
};
use kpi::{decode, encode_revision, Dataset, DealStatus};

use crate::support::{deal, instant};

/// `count` open deals with Vietnamese titles (two bytes a character in a browser's store).
fn vietnamese_deals(count: usize) -> Dataset {
    let mut data = Dataset::default();
    data.deals.extend((0..count).map(|i| {
        let mut d = deal(DealStatus::Open, 1_000, "2026-10-01", "");
        d.id = format!("deal-{i:06}");
        d.title = format!("Hợp đồng Hà Nội – khách hàng số {i}");
        d
    }));
    data
}

#[test]
fn where_parts_end() {
    let envelope = r#"{"app":"salesboard","version":3,"revision":4,"saved_at":"2026-11-22T09:30:00Z","data":{"deals":[{"a":1},{"b":2},{"c":3}]}}"#;
    #[rustfmt::skip]
    let cases: [(&str, &str, usize, &[&str]); 5] = [
        ("a short text is one part", "short", 64, &["short"]),
        ("an empty text is one empty part", "", 4, &[""]),
        ("an envelope's head is a part of its own; the rest ends after a record",
            envelope, 20,
            &[r#"{"app":"salesboard","version":3,"revision":4,"saved_at":"2026-11-22T09:30:00Z","data":{"#,
              r#""deals":[{"a":1},{"b":2},"#, r#"{"c":3}]}}"#]),
        ("no record boundary within twice the length: cut there, on a character boundary",
            "Hà Nội Hà Nội", 4, &["Hà Nộ", "i Hà N", "ội"]),
        ("a text of exactly the part length is one part", "abcd", 4, &["abcd"]),
    ];
    for (case, text, part_bytes, expected) in cases {
        assert_eq!(split_at_most(text, part_bytes), expected, "{case}");
    }
}

#[test]
fn the_index_names_each_part_and_the_revision() {
    let text = encode_revision(&vietnamese_deals(3), instant(), 9);
    let parts = split_at_most(&text, 200);
    let index = PartIndex::of(&text, &parts);
    let encoded = index.encode();
    assert!(is_index(&encoded), "{encoded}");
    assert_eq!(
        kpi::schema::peek_revision(&encoded),
        Some(9),
        "the revision check reads the index"
    );
    assert_eq!(PartIndex::parse(&encoded), Some(index.clone()));
    assert_eq!(
        PartIndex::parse(&text),
        None,
        "a whole envelope is not an index"
    );
    assert_eq!(
        kpi::decode(&encoded).map(|_| ()).unwrap_err().to_string(),
        "the saved data is schema version 1000000, written by a newer Salesboard; this version reads up to 3",
        "an app from before parts opens the index read-only, never writes over it"
    );
    assert_eq!(
        PartIndex::of("not an envelope", &["not an envelope"]).revision,
        None
    );
    assert_eq!(part_key("salesboard.data", 3), "salesboard.data#3");
}

#[test]
fn a_torn_set_says_which_part() {
    let index = PartIndex {
        revision: Some(1),
        parts: vec![PartSum::of("ab"), PartSum::of("cd")],
    };
    type Case<'a> = (&'a str, &'a [Option<&'a str>], Result<String, TornParts>);
    #[rustfmt::skip]
    let cases: [Case; 4] = [
        ("every part as named", &[Some("ab"), Some("cd")], Ok("abcd".into())),
        ("the second part missing", &[Some("ab"), None], Err(TornParts::Missing { part: 1, count: 2 })),
        ("the first part of another save, same length", &[Some("ax"), Some("cd")], Err(TornParts::OtherSave { part: 0, count: 2 })),
        ("the second part of another save, longer", &[Some("ab"), Some("cde")], Err(TornParts::OtherSave { part: 1, count: 2 })),
    ];
    for (case, parts, expected) in cases {
        assert_eq!(index.join(parts), expected, "{case}");
    }
    assert_eq!(
        TornParts::OtherSave { part: 1, count: 2 }.to_string(),
        "the saved data is incomplete: part 2 of 2 belongs to another save"
    );
}

/// 60,000 Vietnamese deals (~10 MB): parts stay far below the cap, join back to the
/// dataset, and one edited title rewrites the head and the part it is in, not the rest.
#[test]
fn an_edit_rewrites_only_the_parts_around_it() {
    let mut data = vietnamese_deals(60_000);
    let before = encode_revision(&data, instant(), 1);
    assert!(needs_split(&before));
    let parts = split(&before);
    assert!(parts.len() >= 3, "{} parts", parts.len());
    assert!(parts.iter().all(|p| p.len() <= 2 * PART_BYTES));
    let index = PartIndex::of(&before, &parts);
    let joined = index
        .join(&parts.iter().map(|p| Some(*p)).collect::<Vec<_>>())
        .unwrap();
    assert_eq!(decode(&joined), Ok(data.clone()));

    data.deals[30_000].title.push_str(" (đã sửa)");
    let after = encode_revision(&data, instant(), 2);
    let changed = PartIndex::of(&after, &split(&after));
    assert_eq!(changed.parts.len(), index.parts.len());
    let rewritten: Vec<usize> = (0..index.parts.len())
        .filter(|&i| changed.parts[i] != index.parts[i])
        .collect();
    assert_eq!(
        rewritten.len(),
        2,
        "the head and the edited part: {rewritten:?}"
    );
    assert_eq!(rewritten[0], 0);
}
