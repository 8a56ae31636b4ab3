//! A checked import's records, and the candidate dataset they make.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};

use crate::forms::AnyRecord;
use crate::model::{Customer, Dataset, DealStatus, RecordId, RecordKind, Rep};
use crate::validate::DataProblem;

/// The records a file adds: nothing is in the dataset until the app commits
/// [`ImportOutcome::candidate`] (or [`ImportOutcome::apply`]) in one command.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportOutcome {
    pub kind: RecordKind,
    /// One record per imported row, in file order (duplicates left out).
    pub records: Vec<AnyRecord>,
    /// Customers made for names the dataset did not have.
    pub new_customers: Vec<Customer>,
    /// Reps made for owner names the dataset did not have.
    pub new_reps: Vec<Rep>,
    /// Rows left out as duplicates.
    pub skipped: usize,
    /// `updated_at` of everything the import adds or changes.
    pub now: DateTime<Utc>,
}

impl ImportOutcome {
    /// Every id the import adds (records, customers, reps): what undo removes.
    pub fn added_ids(&self) -> Vec<(RecordKind, RecordId)> {
        let customers = self
            .new_customers
            .iter()
            .map(|c| (RecordKind::Customer, c.id.clone()));
        let reps = self
            .new_reps
            .iter()
            .map(|r| (RecordKind::Rep, r.id.clone()));
        let records = self.records.iter().map(|r| (r.kind(), r.id().to_owned()));
        customers.chain(reps).chain(records).collect()
    }

    /// `data` with the import added: new reps, new customers, then the records; a won
    /// deal makes its customer a buyer from its close date (like
    /// [`Dataset::note_purchase`]: `acquired_on` set if unset or later, unless the
    /// customer churned before that date). `Err` with
    /// the problems if the result would break a rule of [`Dataset::problems`] (e.g.
    /// the pipeline changed since the file was checked) — `data` is not touched.
    pub fn candidate(&self, data: &Dataset) -> Result<Dataset, Vec<DataProblem>> {
        let mut candidate = data.clone();
        candidate.reps.extend(self.new_reps.iter().cloned());
        candidate
            .customers
            .extend(self.new_customers.iter().cloned());
        let mut first_purchase: BTreeMap<&str, NaiveDate> = BTreeMap::new();
        for record in &self.records {
            if let AnyRecord::Deal(deal) = record {
                if let (DealStatus::Won, Some(customer), Some(closed)) =
                    (deal.status, deal.customer_id.as_deref(), deal.closed_on)
                {
                    first_purchase
                        .entry(customer)
                        .and_modify(|d| *d = (*d).min(closed))
                        .or_insert(closed);
                }
            }
            push(&mut candidate, record.clone());
        }
        for customer in candidate
            .customers
            .iter_mut()
            .filter(|c| c.deleted_at.is_none())
        {
            if let Some(&closed) = first_purchase.get(customer.id.as_str()) {
                // A churned customer keeps its dates rather than break churned ≥ acquired.
                let fits = customer.churned_on.is_none_or(|churned| closed <= churned);
                if fits && customer.acquired_on.is_none_or(|a| closed < a) {
                    customer.acquired_on = Some(closed);
                    customer.updated_at = self.now;
                }
            }
        }
        let problems = candidate.problems();
        if problems.is_empty() {
            Ok(candidate)
        } else {
            Err(problems)
        }
    }

    /// Replaces `data` by [`ImportOutcome::candidate`]; all or nothing.
    pub fn apply(&self, data: &mut Dataset) -> Result<(), Vec<DataProblem>> {
        *data = self.candidate(data)?;
        Ok(())
    }
}

/// Appends a record whose id is new (the import checked it), without a search.
fn push(data: &mut Dataset, record: AnyRecord) {
    match record {
        AnyRecord::Team(r) => data.teams.push(r),
        AnyRecord::Rep(r) => data.reps.push(r),
        AnyRecord::Customer(r) => data.customers.push(r),
        AnyRecord::Lead(r) => data.leads.push(r),
        AnyRecord::Deal(r) => data.deals.push(r),
        AnyRecord::Order(r) => data.orders.push(r),
        AnyRecord::Activity(r) => data.activities.push(r),
        AnyRecord::Expense(r) => data.expenses.push(r),
        AnyRecord::Feedback(r) => data.feedback.push(r),
        AnyRecord::Goal(r) => data.goals.push(r),
        AnyRecord::CommissionPlan(r) => data.commission_plans.push(r),
        AnyRecord::Contest(r) => data.contests.push(r),
    }
}
