//! The KPI facts kept across edits (`Facts::renewed`) read exactly what facts made
//! anew read: an edit of any collection must never leave a stale part behind.

use std::sync::Arc;

use kpi::metrics::Facts;
use kpi::{kpi_values, Dataset, KpiId, KpiValue, Money, Period, Scope, Slice};
use proptest::prelude::*;

use crate::demo_data::{demo, now, rep_scopes, Demo};

/// One edit of one collection (or of the settings), at record `at` (modulo its size).
#[derive(Clone, Copy, Debug)]
enum Edit {
    DealAmount,
    DealReassigned,
    CustomerDeleted,
    CustomerOwner,
    ActivityAdded,
    StageProbability,
    OrderDeleted,
    LeadUnconverted,
    ExpenseAmount,
    FeedbackScore,
    DealWithNewCustomer,
}

const EDITS: [Edit; 11] = [
    Edit::DealAmount,
    Edit::DealReassigned,
    Edit::CustomerDeleted,
    Edit::CustomerOwner,
    Edit::ActivityAdded,
    Edit::StageProbability,
    Edit::OrderDeleted,
    Edit::LeadUnconverted,
    Edit::ExpenseAmount,
    Edit::FeedbackScore,
    Edit::DealWithNewCustomer,
];

fn apply(data: &mut Dataset, edit: Edit, at: usize, serial: usize) {
    let other_rep = data
        .reps
        .get(at % data.reps.len().max(1))
        .map(|r| r.id.clone());
    match edit {
        Edit::DealAmount => {
            let i = at % data.deals.len();
            data.deals[i].amount = Money(data.deals[i].amount.0 + 12_345);
        }
        Edit::DealReassigned => {
            let i = at % data.deals.len();
            data.deals[i].rep_id = other_rep;
        }
        Edit::CustomerDeleted if !data.customers.is_empty() => {
            let i = at % data.customers.len();
            data.customers[i].deleted_at = Some(now());
        }
        Edit::CustomerOwner if !data.customers.is_empty() => {
            let i = at % data.customers.len();
            data.customers[i].owner_id = other_rep;
        }
        Edit::ActivityAdded if !data.activities.is_empty() => {
            let mut copy = data.activities[at % data.activities.len()].clone();
            copy.id = format!("added-activity-{serial}");
            copy.rep_id = other_rep;
            data.activities.push(copy);
        }
        Edit::StageProbability => {
            let stage = at % data.settings.stages.len();
            data.settings.stages[stage].probability = (at % 101) as u8;
        }
        Edit::OrderDeleted if !data.orders.is_empty() => {
            let i = at % data.orders.len();
            data.orders[i].deleted_at = Some(now());
        }
        Edit::LeadUnconverted if !data.leads.is_empty() => {
            let i = at % data.leads.len();
            data.leads[i].converted_on = None;
        }
        Edit::ExpenseAmount if !data.expenses.is_empty() => {
            let i = at % data.expenses.len();
            data.expenses[i].amount = Money(data.expenses[i].amount.0 * 2 + 1);
        }
        Edit::FeedbackScore if !data.feedback.is_empty() => {
            let i = at % data.feedback.len();
            data.feedback[i].csat = Some((at % 5) as u8 + 1);
        }
        Edit::DealWithNewCustomer => {
            let mut copy = data.deals[at % data.deals.len()].clone();
            copy.id = format!("added-deal-{serial}");
            copy.customer_id = Some(format!("new-customer-{serial}"));
            data.deals.push(copy);
        }
        _ => {}
    }
}

/// Every KPI of every rep and of everyone, this month and the month before, read
/// through `facts`.
fn all_kpis(data: &Dataset, facts: &Arc<Facts>, demo: &Demo) -> Vec<Vec<(KpiId, KpiValue)>> {
    let mut scopes = vec![Scope::Everyone];
    scopes.extend(rep_scopes(data));
    let month = Period::month_of(demo.anchor);
    let mut values = Vec::new();
    for scope in &scopes {
        for period in [month, month.previous()] {
            let slice = Slice::new(data, period, scope, demo.anchor).with_facts(Arc::clone(facts));
            values.push(kpi_values(&slice));
        }
    }
    values
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 48,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn facts_kept_across_edits_read_as_facts_made_anew(
        demo in demo(),
        edits in prop::collection::vec((0..EDITS.len(), any::<usize>()), 1..6),
    ) {
        let mut data = demo.data.clone();
        let mut facts = Arc::new(Facts::renewed(None, &data));
        all_kpis(&data, &facts, &demo);
        for (serial, (edit, at)) in edits.into_iter().enumerate() {
            apply(&mut data, EDITS[edit], at, serial);
            facts = Arc::new(Facts::renewed(Some(&facts), &data));
            let kept = all_kpis(&data, &facts, &demo);
            let anew = all_kpis(&data, &Arc::default(), &demo);
            prop_assert_eq!(kept, anew, "after {:?} at {}", EDITS[edit], at);
        }
    }
}
