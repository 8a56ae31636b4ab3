//! Names typed on a form → the records they mean. A rep types "Northwind" on a deal;
//! the deal then points at the customer of that name, or at a new one.

use chrono::{DateTime, Utc};

use super::{Customer, Dataset, Deal, RecordId, Rep, Source, Stored};
use crate::money::Money;

/// Names match when equal after trimming, ignoring case ("northwind " = "Northwind").
fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

impl Dataset {
    /// Points `deal` at the customer and rep with the typed names, adding a customer
    /// or rep record for a name not known yet (with `updated_at = now` and an id from
    /// `new_id`). A blank name clears the link. A new customer is owned by the deal's
    /// rep. Returns how many records were added.
    pub fn link_deal(
        &mut self,
        deal: &mut Deal,
        customer: &str,
        rep: &str,
        now: DateTime<Utc>,
        mut new_id: impl FnMut() -> RecordId,
    ) -> usize {
        let before = self.customers.len() + self.reps.len();
        deal.rep_id = self.named(
            rep,
            |r: &Rep| &r.name,
            &mut new_id,
            |id, name| Rep {
                id,
                updated_at: now,
                deleted_at: None,
                name,
                team_id: None,
                base_salary: Money::ZERO,
                hired_on: None,
                left_on: None,
            },
        );
        let owner = deal.rep_id.clone();
        deal.customer_id = self.named(
            customer,
            |c: &Customer| &c.name,
            &mut new_id,
            |id, name| Customer {
                id,
                updated_at: now,
                deleted_at: None,
                name,
                segment: String::new(),
                region: String::new(),
                source: Source::default(),
                acquired_on: None,
                churned_on: None,
                churn_reason: None,
                owner_id: owner,
            },
        );
        self.customers.len() + self.reps.len() - before
    }

    /// The id of the live record of type `T` with this name, or of a new one made by
    /// `make(id, trimmed name)` and added; `None` for a blank name.
    fn named<T: Stored>(
        &mut self,
        name: &str,
        name_of: fn(&T) -> &String,
        new_id: &mut impl FnMut() -> RecordId,
        make: impl FnOnce(RecordId, String) -> T,
    ) -> Option<RecordId> {
        if name.trim().is_empty() {
            return None;
        }
        if let Some(found) = self.live::<T>().find(|r| same_name(name_of(r), name)) {
            return Some(found.id().to_owned());
        }
        let id = new_id();
        T::all_mut(self).push(make(id.clone(), name.trim().to_owned()));
        Some(id)
    }
}
