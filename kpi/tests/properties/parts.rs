use kpi::schema::parts::{split_at_most, PartIndex, TornParts};
use kpi::{decode, encode_revision};
use proptest::prelude::*;

use crate::generate::{instant, valid_dataset};

proptest! {
    /// The parts joined are the text, byte for byte, whatever the text and part size.
    #[test]
    fn parts_joined_are_the_text(text in "\\PC{0,300}", part_bytes in 1_usize..64) {
        let parts = split_at_most(&text, part_bytes);
        prop_assert!(!parts.is_empty());
        let index = PartIndex::parse(&PartIndex::of(&text, &parts).encode()).unwrap();
        let stored: Vec<Option<&str>> = parts.iter().map(|p| Some(*p)).collect();
        prop_assert_eq!(index.join(&stored), Ok(text.clone()));
    }

    /// A saved dataset in parts loads as the same dataset (no record lost), and no
    /// record is whole in two parts (none duplicated). A record may be cut where a
    /// part's window holds no `},{` to end at (a lone record before a collection's end):
    /// joining is byte for byte, so that costs only a second part rewritten on an edit.
    #[test]
    fn a_part_boundary_never_loses_or_duplicates_a_record(
        data in valid_dataset(),
        saved_at in instant(),
        extra in 0_usize..400,
    ) {
        let text = encode_revision(&data, saved_at, 7);
        let records: Vec<String> = data.deals.iter().map(|d| serde_json::to_string(d).unwrap()).collect();
        let longest = records.iter().map(String::len).max().unwrap_or(0);
        let parts = split_at_most(&text, longest + 3 + extra);
        let index = PartIndex::of(&text, &parts);
        prop_assert_eq!(index.revision, Some(7));
        let stored: Vec<Option<&str>> = parts.iter().map(|p| Some(*p)).collect();
        let joined = index.join(&stored).unwrap();
        prop_assert_eq!(decode(&joined), Ok(data.clone()));
        for record in &records {
            let holding = parts.iter().filter(|p| p.contains(record.as_str())).count();
            prop_assert!(holding <= 1, "{} is in {} parts", record, holding);
        }
    }

    /// A part missing or from another save is refused, never joined silently.
    #[test]
    fn a_torn_set_is_refused(text in "[a-z{},]{40,200}", part_bytes in 4_usize..16, pick in any::<prop::sample::Index>()) {
        let parts = split_at_most(&text, part_bytes);
        let index = PartIndex::of(&text, &parts);
        let i = pick.index(parts.len());
        let mut stored: Vec<Option<String>> = parts.iter().map(|p| Some(p.to_string())).collect();
        stored[i] = None;
        fn view(s: &[Option<String>]) -> Vec<Option<&str>> {
            s.iter().map(|p| p.as_deref()).collect()
        }
        prop_assert_eq!(index.join(&view(&stored)), Err(TornParts::Missing { part: i, count: parts.len() }));
        // The same length, another byte: a part of another save.
        let mut other = parts[i].as_bytes().to_vec();
        other[0] = if other[0] == b'a' { b'b' } else { b'a' };
        stored[i] = Some(String::from_utf8(other).unwrap());
        prop_assert_eq!(index.join(&view(&stored)), Err(TornParts::OtherSave { part: i, count: parts.len() }));
    }
}
