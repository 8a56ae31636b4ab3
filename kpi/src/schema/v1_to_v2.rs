//! Version 1 → 2: deals named their customer and owner as free text; version 2 has
//! customer and rep records that deals point at by id, and the other collections.
//!
//! - Each distinct customer name (trimmed; case-insensitive, the first spelling wins)
//!   becomes a customer; each distinct owner name a rep. Blank names link nothing.
//! - Their ids are name-based UUIDs (version 8, RFC 9562) hashed from the lineage id,
//!   the collection and the lower-cased name, and their `updated_at` is that of the
//!   first deal naming them: two tabs migrating the same copy make identical records,
//!   which then merge without duplicates.
//! - A customer's `acquired_on` is the earliest close date of their won deals (none:
//!   a prospect); its owner is the rep of its first deal.
//! - Tombstoned deals get the same name-based ids, but only live deals make records:
//!   a customer known only from a deleted deal would count in the customer KPIs.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

/// The migration step registered in [`super::MIGRATIONS`].
pub(super) fn migrate(mut data: Value) -> Result<Value, String> {
    let Value::Object(object) = &mut data else {
        return Err("\"data\" is not an object".into());
    };
    let lineage = object
        .get("lineage")
        .and_then(|l| l.get("id"))
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    let mut deals = match object.remove("deals") {
        Some(Value::Array(deals)) => deals,
        Some(_) => return Err("\"data.deals\" is not a list".into()),
        None => Vec::new(),
    };

    let mut customers = Named::new(&lineage, "customers");
    let mut reps = Named::new(&lineage, "reps");
    for (index, deal) in deals.iter_mut().enumerate() {
        let Value::Object(deal) = deal else {
            return Err(format!("\"data.deals[{index}]\" is not an object"));
        };
        let updated_at = deal.get("updated_at").cloned().unwrap_or(Value::Null);
        let live = deal.get("deleted_at").is_none_or(Value::is_null);
        let rep_id = reps.link(deal.remove("owner"), &updated_at, live);
        let customer_id = customers.link(deal.remove("customer"), &updated_at, live);
        if let Some(customer) = customer_id
            .as_ref()
            .filter(|_| live)
            .and_then(|id| customers.records.get_mut(id))
        {
            let owner = customer.entry("owner_id").or_insert(Value::Null);
            if owner.is_null() {
                *owner = rep_id.clone().map_or(Value::Null, Value::String);
            }
            let won = deal.get("status").and_then(Value::as_str) == Some("won");
            let closed = deal.get("closed_on").and_then(Value::as_str);
            if let (true, Some(closed)) = (won, closed) {
                let acquired = customer.entry("acquired_on").or_insert(Value::Null);
                if acquired.as_str().is_none_or(|a| closed < a) {
                    *acquired = Value::String(closed.to_owned());
                }
            }
        }
        deal.insert(
            "customer_id".into(),
            customer_id.map_or(Value::Null, Value::String),
        );
        deal.insert("rep_id".into(), rep_id.map_or(Value::Null, Value::String));
    }

    object.insert("teams".into(), json!([]));
    object.insert("reps".into(), reps.into_list());
    object.insert("customers".into(), customers.into_list());
    object.insert("leads".into(), json!([]));
    object.insert("deals".into(), Value::Array(deals));
    for empty in ["orders", "activities", "expenses", "feedback"] {
        object.insert(empty.into(), json!([]));
    }
    Ok(data)
}

/// Records made from names, in order of first mention.
struct Named<'a> {
    lineage: &'a str,
    collection: &'static str,
    /// lower-cased name → id, for names with a record
    ids: BTreeMap<String, String>,
    /// id → record, plus the order of ids
    records: BTreeMap<String, Map<String, Value>>,
    order: Vec<String>,
}

impl<'a> Named<'a> {
    fn new(lineage: &'a str, collection: &'static str) -> Self {
        Named {
            lineage,
            collection,
            ids: BTreeMap::new(),
            records: BTreeMap::new(),
            order: Vec::new(),
        }
    }

    /// The id for a name; `None` for a blank or missing name. The record itself is
    /// made on the first mention by a live deal (`create`): a name only a deleted deal
    /// used keeps its id on that tombstone but makes no record.
    fn link(&mut self, name: Option<Value>, updated_at: &Value, create: bool) -> Option<String> {
        let name = name.as_ref().and_then(Value::as_str)?.trim().to_owned();
        if name.is_empty() {
            return None;
        }
        let key = name.to_lowercase();
        let id = name_based_id(&format!(
            "{}\u{0}{}\u{0}{}",
            self.lineage, self.collection, key
        ));
        if !create || self.ids.contains_key(&key) {
            return Some(id);
        }
        let mut record = Map::new();
        record.insert("id".into(), Value::String(id.clone()));
        record.insert("updated_at".into(), updated_at.clone());
        record.insert("name".into(), Value::String(name));
        self.ids.insert(key, id.clone());
        self.records.insert(id.clone(), record);
        self.order.push(id.clone());
        Some(id)
    }

    fn into_list(mut self) -> Value {
        let list = self
            .order
            .iter()
            .filter_map(|id| self.records.remove(id))
            .map(Value::Object)
            .collect();
        Value::Array(list)
    }
}

/// A UUID version 8 (RFC 9562, vendor-specific) from two FNV-1a 64-bit hashes of `name`.
pub(crate) fn name_based_id(name: &str) -> String {
    let fnv = |seed: u64| {
        name.bytes().fold(seed, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        })
    };
    crate::model::uuid_from_bits(8, fnv(0xcbf2_9ce4_8422_2325), fnv(0x6c62_272e_07bb_0142))
}
