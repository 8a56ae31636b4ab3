//! Typed names → records: an imported row's customer, owner and deal, linked like a
//! name typed on a form ([`crate::model::link`]: trimmed, ignoring case), with one new
//! customer or rep per name the dataset does not have.

use chrono::{DateTime, Utc};

use super::convert::Draft;
use super::duplicates::Index;
use super::fields::Field;
use super::report::ImportProblem;
use super::row::Row;
use crate::forms::AnyRecord;
use crate::model::link::name_key;
use crate::model::{Customer, RecordId, Rep, Source};
use crate::money::Money;

/// The customers and reps an import makes for names it does not find.
pub(crate) struct NewRecords<'a> {
    pub customers: &'a mut Vec<Customer>,
    pub reps: &'a mut Vec<Rep>,
    pub now: DateTime<Utc>,
}

/// Sets the record's id and links its typed names to records, making new customers
/// and reps for names not found (one per distinct name, compared like typed names).
#[allow(clippy::too_many_arguments)]
pub(crate) fn link(
    mut record: AnyRecord,
    id: RecordId,
    draft: &Draft,
    row: &mut Row,
    index: &mut Index,
    new_id: &mut dyn FnMut() -> RecordId,
    made: &mut NewRecords,
    new_links: &mut Vec<Field>,
) -> AnyRecord {
    let now = made.now;
    let mut rep = |name: &str, links: &mut Vec<Field>| -> Option<RecordId> {
        if name.is_empty() {
            return None;
        }
        let key = name_key(name);
        if let Some(id) = index.reps.get(&key) {
            return Some(id.clone());
        }
        let id = new_id();
        index.reps.insert(key, id.clone());
        made.reps.push(new_rep(id.clone(), name, now));
        links.push(Field::Owner);
        Some(id)
    };
    let owner = rep(&draft.owner, new_links);
    let mut customer = |name: &str, owner: &Option<RecordId>, links: &mut Vec<Field>| {
        if name.is_empty() {
            return None;
        }
        let key = name_key(name);
        if let Some(id) = index.customers.get(&key) {
            return Some(id.clone());
        }
        let id = new_id();
        index.customers.insert(key, id.clone());
        made.customers
            .push(new_customer(id.clone(), name, owner.clone(), now));
        links.push(Field::Customer);
        Some(id)
    };
    let customer_id = customer(&draft.customer, &owner, new_links);
    let deal_id = if draft.deal.is_empty() {
        None
    } else if index.deal_ids.contains(draft.deal.trim()) {
        Some(draft.deal.trim().to_owned())
    } else {
        match index.deal_titles.get(&name_key(&draft.deal)) {
            Some(Some(id)) => Some(id.clone()),
            found => {
                let problem = if found.is_some() {
                    ImportProblem::AmbiguousDeal
                } else {
                    ImportProblem::UnknownDeal
                };
                row.fail(row.column_of(Field::Deal), Some(Field::Deal), problem);
                None
            }
        }
    };
    match &mut record {
        AnyRecord::Deal(d) => {
            d.id = id;
            d.customer_id = customer_id;
            d.rep_id = owner;
        }
        AnyRecord::Customer(c) => {
            c.id = id;
            c.owner_id = owner;
        }
        AnyRecord::Lead(l) => {
            l.id = id;
            l.owner_id = owner;
            l.customer_id = customer_id;
        }
        AnyRecord::Activity(a) => {
            a.id = id;
            a.rep_id = owner;
            a.customer_id = customer_id;
            a.deal_id = deal_id;
        }
        AnyRecord::Order(o) => {
            o.id = id;
            o.rep_id = owner;
            o.customer_id = customer_id;
            o.deal_id = deal_id;
        }
        _ => {}
    }
    record
}

fn new_rep(id: RecordId, name: &str, now: DateTime<Utc>) -> Rep {
    Rep {
        id,
        updated_at: now,
        deleted_at: None,
        name: name.trim().to_owned(),
        team_id: None,
        base_salary: Money::ZERO,
        hired_on: None,
        left_on: None,
    }
}

fn new_customer(id: RecordId, name: &str, owner: Option<RecordId>, now: DateTime<Utc>) -> Customer {
    Customer {
        id,
        updated_at: now,
        deleted_at: None,
        name: name.trim().to_owned(),
        segment: String::new(),
        region: String::new(),
        source: Source::default(),
        acquired_on: None,
        churned_on: None,
        churn_reason: None,
        owner_id: owner,
    }
}
