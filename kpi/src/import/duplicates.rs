//! Which rows repeat a record, and what already exists to link names to.
//!
//! A row is a duplicate when
//! 1. its id is taken: the id cell (a Salesboard UUID, or the id derived from a CRM's
//!    record number by [`record_id`]) is the id of a record of the same type already
//!    in the dataset, live or deleted, or of an earlier row; or
//! 2. it has no id, and its natural key matches a live record of the same type or an
//!    earlier row (a row with an id names its record exactly: two deals may share a
//!    title, a customer and a day):
//!    - deal: title + customer name + created date;
//!    - customer: name;
//!    - lead: name + created date;
//!    - activity: kind + date + customer name + note;
//!    - order: customer name + date + amount.
//!
//! Names and titles compare trimmed and ignoring case, like typed names
//! ([`crate::Dataset::link_deal`]).

use std::collections::{BTreeMap, BTreeSet};

use super::report::DuplicateOf;
use crate::model::link::name_key;
use crate::model::{
    Activity, Customer, Dataset, Deal, Lead, Order, RecordId, RecordKind, Rep, Stored,
};
use crate::schema::name_based_id;

/// The record id for an id cell: a UUID (Salesboard's own export) is kept, in lower
/// case; any other text — a CRM's record number — becomes a UUID v8 derived from the
/// record type and the text, so the same CRM record always gets the same id.
pub fn record_id(kind: RecordKind, external: &str) -> RecordId {
    let external = external.trim();
    if is_uuid(external) {
        external.to_lowercase()
    } else {
        name_based_id(&format!("import:{}:{}", kind.id(), external))
    }
}

fn is_uuid(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// What the dataset holds, indexed once per import so that every row is looked up in
/// O(log n).
pub(crate) struct Index {
    pub customers: BTreeMap<String, RecordId>,
    pub reps: BTreeMap<String, RecordId>,
    pub deal_ids: BTreeSet<RecordId>,
    /// Live deals by title key; `None` when several share it.
    pub deal_titles: BTreeMap<String, Option<RecordId>>,
    /// Ids of every record of the imported type, deleted ones too.
    taken_ids: BTreeSet<RecordId>,
    /// Natural keys of live records of the imported type.
    keys: BTreeMap<String, RecordId>,
    file_ids: BTreeMap<RecordId, usize>,
    file_keys: BTreeMap<String, usize>,
    kind: RecordKind,
}

fn first_by_name<T: Stored>(data: &Dataset, name: fn(&T) -> &str) -> BTreeMap<String, RecordId> {
    let mut map = BTreeMap::new();
    for record in data.live::<T>() {
        map.entry(name_key(name(record)))
            .or_insert_with(|| record.id().to_owned());
    }
    map
}

impl Index {
    pub fn new(data: &Dataset, kind: RecordKind) -> Index {
        let customer_names: BTreeMap<&str, String> = data
            .customers
            .iter()
            .map(|c| (c.id.as_str(), name_key(&c.name)))
            .collect();
        let customer_of = |id: &Option<RecordId>| {
            id.as_deref()
                .and_then(|id| customer_names.get(id))
                .cloned()
                .unwrap_or_default()
        };
        let mut deal_titles: BTreeMap<String, Option<RecordId>> = BTreeMap::new();
        for deal in data.live::<Deal>() {
            deal_titles
                .entry(name_key(&deal.title))
                .and_modify(|slot| *slot = None)
                .or_insert_with(|| Some(deal.id.clone()));
        }
        let mut index = Index {
            customers: first_by_name::<Customer>(data, |c| &c.name),
            reps: first_by_name::<Rep>(data, |r| &r.name),
            deal_ids: data.live::<Deal>().map(|d| d.id.clone()).collect(),
            deal_titles,
            taken_ids: BTreeSet::new(),
            keys: BTreeMap::new(),
            file_ids: BTreeMap::new(),
            file_keys: BTreeMap::new(),
            kind,
        };
        fn fill<T: Stored>(index: &mut Index, data: &Dataset, key: impl Fn(&T) -> String) {
            for record in T::all(data) {
                index.taken_ids.insert(record.id().to_owned());
                if record.live() {
                    index
                        .keys
                        .entry(key(record))
                        .or_insert_with(|| record.id().to_owned());
                }
            }
        }
        match kind {
            RecordKind::Deal => fill::<Deal>(&mut index, data, |d| {
                format!(
                    "{}\u{1f}{}\u{1f}{}",
                    name_key(&d.title),
                    customer_of(&d.customer_id),
                    d.created_on
                )
            }),
            RecordKind::Customer => fill::<Customer>(&mut index, data, |c| name_key(&c.name)),
            RecordKind::Lead => fill::<Lead>(&mut index, data, |l| {
                format!("{}\u{1f}{}", name_key(&l.name), l.created_on)
            }),
            RecordKind::Activity => fill::<Activity>(&mut index, data, |a| {
                format!(
                    "{}\u{1f}{}\u{1f}{}\u{1f}{}",
                    a.kind.id(),
                    a.date,
                    customer_of(&a.customer_id),
                    name_key(&a.note)
                )
            }),
            RecordKind::Order => fill::<Order>(&mut index, data, |o| {
                format!(
                    "{}\u{1f}{}\u{1f}{}",
                    customer_of(&o.customer_id),
                    o.date,
                    o.amount.minor()
                )
            }),
            _ => {}
        }
        index
    }

    /// What the row with this id (if any) and natural key repeats, if anything.
    pub fn duplicate_of(&self, id: Option<&str>, key: &str) -> Option<DuplicateOf> {
        let existing = |id: &str| DuplicateOf::Existing {
            kind: self.kind,
            id: id.to_owned(),
        };
        if let Some(id) = id {
            if self.taken_ids.contains(id) {
                return Some(existing(id));
            }
            if let Some(&row) = self.file_ids.get(id) {
                return Some(DuplicateOf::Row(row));
            }
            return None;
        }
        if let Some(found) = self.keys.get(key) {
            return Some(existing(found));
        }
        self.file_keys.get(key).map(|&row| DuplicateOf::Row(row))
    }

    /// Whether an id is free for a new record of the imported type.
    pub fn id_is_free(&self, id: &str) -> bool {
        !self.taken_ids.contains(id) && !self.file_ids.contains_key(id)
    }

    /// Remembers an imported row's id and key, so later rows repeating it are found.
    pub fn note_row(&mut self, row: usize, id: &str, key: String) {
        self.file_ids.entry(id.to_owned()).or_insert(row);
        self.file_keys.entry(key).or_insert(row);
    }
}
