use kpi::schema::{decode_envelope, EncodeCache};
use kpi::validate::CheckCache;
use kpi::{decode, encode, encode_revision, LoadError, CURRENT_VERSION};
use proptest::prelude::*;

use crate::generate::{any_dataset, instant, valid_dataset};

proptest! {
    #[test]
    fn encode_then_decode_is_identity(data in valid_dataset(), saved_at in instant()) {
        prop_assert_eq!(data.problems(), vec![]);
        let text = encode(&data, saved_at);
        prop_assert_eq!(decode(&text), Ok(data.clone()));
        let envelope = decode_envelope(&text).unwrap();
        prop_assert_eq!(envelope.saved_at, saved_at);
        prop_assert_eq!(envelope.version, CURRENT_VERSION);
    }

    #[test]
    fn decode_accepts_exactly_the_datasets_without_problems(data in any_dataset(), saved_at in instant()) {
        let problems = data.problems();
        match (decode(&encode(&data, saved_at)), problems.first()) {
            (Ok(decoded), None) => prop_assert_eq!(decoded, data),
            (Err(LoadError::Invalid(message)), Some(first)) => {
                prop_assert!(message.starts_with(&first.to_string()), "{}", message);
                let more = problems.len() - 1;
                prop_assert_eq!(message.ends_with(&format!(" (and {more} more)")), more > 0, "{}", message);
            }
            (result, first) => prop_assert!(false, "{:?} for problems {:?}", result, first),
        }
    }

    /// A save through the cache of each collection's JSON writes the same text as a
    /// whole encoding, for the first save and for one after another dataset (every
    /// collection changed) went through the same cache.
    #[test]
    fn a_cached_save_is_the_whole_encoding(
        first in any_dataset(),
        second in any_dataset(),
        saved_at in instant(),
        revision in any::<u64>(),
    ) {
        let mut cache = EncodeCache::default();
        for data in [&first, &second, &first] {
            prop_assert_eq!(
                cache.encode_revision(data, saved_at, revision),
                encode_revision(data, saved_at, revision)
            );
        }
    }

    /// The check before a save, reading only what changed since it last passed, finds
    /// the same first problem as the whole check: across datasets, and after an edit
    /// that breaks a collection it had seen sound.
    #[test]
    fn the_cached_check_finds_the_first_problem(any in any_dataset(), valid in valid_dataset()) {
        let mut cache = CheckCache::default();
        for data in [&valid, &any, &valid] {
            prop_assert_eq!(data.first_problem(&mut cache), data.problems().into_iter().next());
        }
        let mut edited = valid.clone();
        if let Some(deal) = edited.deals.first().cloned() {
            edited.deals.push(deal);
            let found = edited.first_problem(&mut cache);
            prop_assert!(found.is_some());
            prop_assert_eq!(found, edited.problems().into_iter().next());
        }
    }
}
