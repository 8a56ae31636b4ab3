//! Names typed on a form → the records they mean. A rep types "Northwind" on a deal;
//! the deal then points at the customer of that name, or at a new one.

use chrono::{DateTime, Utc};

use super::{Customer, Dataset, Deal, Record, RecordId, Rep, Source, Stored};
use crate::money::Money;

/// Names match when equal after trimming, ignoring case ("northwind " = "Northwind").
fn same_name(a: &str, b: &str) -> bool {
    name_key(a) == name_key(b)
}

/// What typed names are compared by (see [`same_name`]): trimmed, lower case. An
/// import indexes names by this key so that linking 100k rows stays fast.
pub(crate) fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

impl Dataset {
    /// Points `deal` at the customer and rep with the typed names. A name that still
    /// matches the record the stored deal points at keeps that link (even if another
    /// record has the same name, or the linked one was deleted); a link to a record
    /// that is not in this dataset (a merged file's) is kept while the field is left
    /// blank. Otherwise the live record of that name is used, or a new one is added
    /// (with `updated_at = now` and an id from `new_id`; a new customer is owned by the
    /// deal's rep). A blank name clears the link. Returns how many records were added.
    pub fn link_deal(
        &mut self,
        deal: &mut Deal,
        customer: &str,
        rep: &str,
        now: DateTime<Utc>,
        mut new_id: impl FnMut() -> RecordId,
    ) -> usize {
        let before = self.customers.len() + self.reps.len();
        let stored = self.find_deal(&deal.id);
        let (current_customer, current_rep) = (
            stored.and_then(|d| d.customer_id.clone()),
            stored.and_then(|d| d.rep_id.clone()),
        );
        deal.rep_id = self.named(
            rep,
            current_rep,
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
            current_customer,
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

    /// The id for a typed name (see [`Dataset::link_deal`]): `current` if it still
    /// names that record (or points outside the dataset and the name is blank), else
    /// the live record of type `T` with this name, else a new one made by
    /// `make(id, trimmed name)` and added; `None` for a blank name.
    fn named<T: Stored>(
        &mut self,
        name: &str,
        current: Option<RecordId>,
        name_of: fn(&T) -> &String,
        new_id: &mut impl FnMut() -> RecordId,
        make: impl FnOnce(RecordId, String) -> T,
    ) -> Option<RecordId> {
        if let Some(current) = current {
            match T::all(self).iter().find(|r| r.id() == current) {
                Some(linked) if same_name(name_of(linked), name) => return Some(current),
                None if name.trim().is_empty() => return Some(current),
                _ => {}
            }
        }
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

impl Dataset {
    /// The name of the customer with this id, deleted or not (a form shows the name a
    /// deal still points at).
    pub fn any_customer_name(&self, id: Option<&str>) -> Option<&str> {
        let id = id?;
        self.customers
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.as_str())
    }

    /// The name of the rep with this id, deleted or not.
    pub fn any_rep_name(&self, id: Option<&str>) -> Option<&str> {
        let id = id?;
        self.reps
            .iter()
            .find(|r| r.id == id)
            .map(|r| r.name.as_str())
    }

    /// A won deal makes its customer a buyer: the customer's `acquired_on` (first
    /// purchase) becomes the deal's close date if that is earlier or unset, with
    /// `updated_at = now`. Nothing happens for other deals or unknown customers.
    pub fn note_purchase(&mut self, deal_id: &str, now: DateTime<Utc>) {
        let Some(deal) = self.find_deal(deal_id) else {
            return;
        };
        let (Some(customer_id), Some(closed_on)) = (deal.customer_id.clone(), deal.closed_on)
        else {
            return;
        };
        if deal.status != super::DealStatus::Won {
            return;
        }
        if let Some(customer) = self
            .customers
            .iter_mut()
            .find(|c| c.id == customer_id && c.deleted_at.is_none())
        {
            if customer.acquired_on.is_none_or(|a| closed_on < a) {
                customer.acquired_on = Some(closed_on);
                customer.updated_at = now;
            }
        }
    }

    /// How many live records all collections hold (not only deals): what the user
    /// would lose if the data were replaced.
    pub fn live_record_count(&self) -> usize {
        let mut count = 0;
        macro_rules! add {
            ($type:ty) => {
                count += <$type as Stored>::all(self)
                    .iter()
                    .filter(|r| r.live())
                    .count();
            };
        }
        super::for_each_kind!(add);
        count
    }
}
