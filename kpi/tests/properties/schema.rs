use kpi::schema::decode_envelope;
use kpi::{decode, encode, CURRENT_VERSION};
use proptest::prelude::*;

use crate::generate::{any_dataset, instant};

proptest! {
    #[test]
    fn encode_then_decode_is_identity(data in any_dataset(), saved_at in instant()) {
        let text = encode(&data, saved_at);
        prop_assert_eq!(decode(&text), Ok(data.clone()));
        let envelope = decode_envelope(&text).unwrap();
        prop_assert_eq!(envelope.saved_at, saved_at);
        prop_assert_eq!(envelope.version, CURRENT_VERSION);
    }
}
