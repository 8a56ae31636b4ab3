//! Names typed on a form → the records they mean. A rep types "Northwind" on a deal;
//! the deal then points at the customer of that name, or at a new one.

use chrono::{DateTime, Utc};

use super::{Customer, Dataset, Deal, RecordId, Rep, Source};
use crate::money::Money;

/// Names match when equal after trimming, ignoring case ("northwind " = "Northwind").
fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

impl Dataset {
    /// Points `deal` at the customer and rep with the typed names, adding a customer
    /// or rep record for a name not known yet (with `updated_at = now` and an id from
    /// `new_id`). A blank name clears the link. Returns how many records were added.
    pub fn link_deal(
        &mut self,
        deal: &mut Deal,
        customer: &str,
        rep: &str,
        now: DateTime<Utc>,
        mut new_id: impl FnMut() -> RecordId,
    ) -> usize {
        let before = self.customers.len() + self.reps.len();
        deal.customer_id = self.customer_named(customer, now, &mut new_id);
        deal.rep_id = self.rep_named(rep, now, &mut new_id);
        if deal.customer_id.is_some() && deal.rep_id.is_some() {
            // A new customer is owned by the rep who brought the deal.
            if let Some(added) = self
                .customers
                .last_mut()
                .filter(|c| Some(&c.id) == deal.customer_id.as_ref() && c.owner_id.is_none())
            {
                added.owner_id = deal.rep_id.clone();
            }
        }
        self.customers.len() + self.reps.len() - before
    }

    /// The id of the live customer with this name, or of a new prospect added for it;
    /// `None` for a blank name.
    pub fn customer_named(
        &mut self,
        name: &str,
        now: DateTime<Utc>,
        new_id: &mut impl FnMut() -> RecordId,
    ) -> Option<RecordId> {
        if name.trim().is_empty() {
            return None;
        }
        if let Some(found) = self.live::<Customer>().find(|c| same_name(&c.name, name)) {
            return Some(found.id.clone());
        }
        let id = new_id();
        self.customers.push(Customer {
            id: id.clone(),
            updated_at: now,
            deleted_at: None,
            name: name.trim().to_owned(),
            segment: String::new(),
            region: String::new(),
            source: Source::default(),
            acquired_on: None,
            churned_on: None,
            churn_reason: None,
            owner_id: None,
        });
        Some(id)
    }

    /// The id of the live rep with this name, or of a new rep added for it; `None` for
    /// a blank name.
    pub fn rep_named(
        &mut self,
        name: &str,
        now: DateTime<Utc>,
        new_id: &mut impl FnMut() -> RecordId,
    ) -> Option<RecordId> {
        if name.trim().is_empty() {
            return None;
        }
        if let Some(found) = self.live::<Rep>().find(|r| same_name(&r.name, name)) {
            return Some(found.id.clone());
        }
        let id = new_id();
        self.reps.push(Rep {
            id: id.clone(),
            updated_at: now,
            deleted_at: None,
            name: name.trim().to_owned(),
            team_id: None,
            base_salary: Money::ZERO,
            hired_on: None,
            left_on: None,
        });
        Some(id)
    }
}
