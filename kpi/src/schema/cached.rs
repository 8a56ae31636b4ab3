//! Saving after an edit without encoding the whole dataset again: the JSON of each
//! collection (and of the settings) is kept with its [`Tracked`](crate::Tracked) stamp,
//! and only the collections whose stamp changed are encoded anew. The text is the
//! same, byte for byte, as [`encode_revision`](super::encode_revision) writes (tested).
//!
//! Why: at 10k deals with their orders, activities and leads the envelope is ~25 MB
//! and encoding it whole took ~100 ms of the main thread on every save; an edit
//! touches one or two collections.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::model::{for_each_kind, Dataset, Stored};

use super::{APP_ID, CURRENT_VERSION};

/// The kept JSON of the settings and of each collection, in the order they are
/// written; see the module docs.
#[derive(Debug, Default)]
pub struct EncodeCache {
    /// (stamp, JSON) by position: the settings first, then [`RecordKind::ALL`](crate::RecordKind::ALL).
    parts: Vec<(u64, String)>,
}

/// The envelope's members before `data`, in the order [`super::EnvelopeRef`] writes them.
#[derive(Serialize)]
struct Head<'a> {
    app: &'a str,
    version: u32,
    revision: u64,
    saved_at: DateTime<Utc>,
}

impl EncodeCache {
    /// The JSON of `value` kept at `slot` for `stamp`, encoded anew if the stamp changed.
    fn part<T: Serialize + ?Sized>(&mut self, slot: usize, stamp: u64, value: &T) -> &str {
        if self.parts.len() <= slot {
            self.parts.resize_with(slot + 1, || (0, String::new()));
        }
        let part = &mut self.parts[slot];
        if part.0 != stamp || part.1.is_empty() {
            // Plain data with string keys cannot fail to serialize (see `encode_revision`).
            part.1 = serde_json::to_string(value).unwrap_or_default();
            part.0 = stamp;
        }
        &part.1
    }

    /// [`encode_revision`](super::encode_revision) of `data`, encoding only what changed
    /// since the last call.
    pub fn encode_revision(
        &mut self,
        data: &Dataset,
        saved_at: DateTime<Utc>,
        revision: u64,
    ) -> String {
        let head = Head {
            app: APP_ID,
            version: CURRENT_VERSION,
            revision,
            saved_at,
        };
        let head = serde_json::to_string(&head).unwrap_or_default();
        let mut members: Vec<(&'static str, usize)> = Vec::with_capacity(13);
        // Encode first (filling the cache), then measure and join.
        self.part(0, data.settings.stamp(), &*data.settings);
        members.push(("settings", 0));
        macro_rules! collection {
            ($type:ty) => {
                let slot = members.len();
                self.part(
                    slot,
                    <$type as Stored>::stamp(data),
                    <$type as Stored>::all(data),
                );
                members.push((<$type as Stored>::KIND.id(), slot));
            };
        }
        for_each_kind!(collection);
        let lineage = data
            .lineage
            .as_ref()
            .map(|l| serde_json::to_string(l).unwrap_or_default());
        let size: usize = head.len()
            + lineage.as_ref().map_or(0, |l| l.len() + 12)
            + members
                .iter()
                .map(|(name, slot)| name.len() + 4 + self.parts[*slot].1.len())
                .sum::<usize>()
            + 16;
        let mut text = String::with_capacity(size);
        text.push_str(head.strip_suffix('}').unwrap_or(&head));
        text.push_str(",\"data\":{");
        if let Some(lineage) = &lineage {
            text.push_str("\"lineage\":");
            text.push_str(lineage);
            text.push(',');
        }
        for (i, (name, slot)) in members.iter().enumerate() {
            if i > 0 {
                text.push(',');
            }
            text.push('"');
            text.push_str(name);
            text.push_str("\":");
            text.push_str(&self.parts[*slot].1);
        }
        text.push_str("}}");
        text
    }
}

#[cfg(test)]
mod tests {
    use super::EncodeCache;
    use crate::demo::demo_dataset;
    use crate::model::Lineage;
    use crate::schema::encode_revision;
    use chrono::{DateTime, NaiveDate};

    #[test]
    fn the_cached_text_is_the_whole_encoding_before_and_after_edits() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default();
        let now = DateTime::from_timestamp(1_795_000_000, 0).unwrap_or_default();
        let mut data = demo_dataset(today, now);
        let mut cache = EncodeCache::default();
        let same = |cache: &mut EncodeCache, data: &crate::Dataset, revision| {
            assert_eq!(
                cache.encode_revision(data, now, revision),
                encode_revision(data, now, revision)
            );
        };
        same(&mut cache, &data, 1);
        data.deals[0].title.push_str(" (edited)");
        same(&mut cache, &data, 2);
        data.lineage = Some(Lineage {
            id: "l1".into(),
            started_at: now,
        });
        data.settings.monthly_target = None;
        same(&mut cache, &data, 3);
        data.customers.clear();
        same(&mut cache, &data, 4);
        same(&mut cache, &crate::Dataset::default(), 5);
    }
}
