//! Why a revenue goal is behind: the gap split over the funnel drivers (against the
//! target and against the previous period), the secondary factors, and next steps —
//! all from `kpi::diagnosis`. Only revenue has a driver decomposition; a goal on any
//! other measure shows its status on its card and nothing here.

use crate::lang::use_i18n;
use crate::state::Store;
use crate::text;
use kpi::diagnosis::{diagnose, Decomposition, Diagnosis};
use kpi::goals::{roll_up, to_money, GoalStatus};
use kpi::{Goal, KpiId, Measure, Money};
use leptos::prelude::*;

/// The diagnosis of `goal` on today, if it is a revenue goal at risk, off track or
/// missed. The target judged is what was due by today (the whole target once the
/// period has ended).
fn diagnosis_of(store: &Store, goal: &Goal) -> Option<Diagnosis> {
    if goal.measure != Measure::Kpi(KpiId::Revenue) {
        return None;
    }
    let today = store.today();
    store.data.with(|d| {
        let progress = roll_up(d, goal, today);
        let behind = matches!(
            progress.status,
            Some(GoalStatus::AtRisk | GoalStatus::OffTrack)
        );
        if !behind {
            return None;
        }
        let due = if progress.ended() {
            progress.target
        } else {
            progress.expected
        };
        Some(diagnose(
            d,
            goal.period,
            &goal.owner.scope(),
            today,
            due.and_then(to_money),
        ))
    })
}

#[component]
pub fn GoalExplanation(goal: Goal) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let diagnosis = Memo::new(move |_| diagnosis_of(&store, &goal));
    move || {
        diagnosis.get().map(|diagnosis| {
            let money = move |m: Money| m.format(store.currency(), store.locale());
            let steps = diagnosis
                .next_steps()
                .into_iter()
                .map(|step| {
                    view! {
                        <li data-testid="next-step" data-step=step.id()>{text::label(i18n, "next_step_", step.id())}</li>
                    }
                })
                .collect_view();
            let s = diagnosis.secondary;
            let mut secondary = vec![];
            if s.slipped_deals > 0 {
                secondary.push(("slipped_deals", i18n::fill(i18n.texts().explain_slipped, &[("count", &s.slipped_deals.to_string()), ("amount", &money(s.slipped_amount))])));
            }
            if let Some(extra) = s.extra_discount.filter(|m| *m > Money::ZERO) {
                secondary.push(("extra_discount", i18n::fill(i18n.texts().explain_extra_discount, &[("amount", &money(extra))])));
            }
            if s.churned_revenue > Money::ZERO {
                secondary.push(("churned_revenue", i18n::fill(i18n.texts().explain_churned, &[("amount", &money(s.churned_revenue))])));
            }
            view! {
                <section class="goal-explanation" data-testid="goal-explanation">
                    <h4>{i18n.t(|t| t.explain_title)}</h4>
                    {diagnosis.vs_target.as_ref().map(|t| view! {
                        <DriverTable testid="explain-vs-target" caption=i18n.texts().explain_vs_target decomposition=t.decomposition.clone() />
                    })}
                    <DriverTable testid="explain-vs-previous" caption=i18n.texts().explain_vs_previous decomposition=diagnosis.vs_previous.clone() />
                    {(!secondary.is_empty()).then(|| view! {
                        <h5>{i18n.t(|t| t.explain_secondary)}</h5>
                        <ul class="secondary-factors">
                            {secondary.into_iter().map(|(id, line)| view! { <li data-testid="secondary-factor" data-factor=id>{line}</li> }).collect_view()}
                        </ul>
                    })}
                    <h5>{i18n.t(|t| t.explain_next_steps)}</h5>
                    <ul class="next-steps">{steps}</ul>
                </section>
            }
        })
    }
}

/// One decomposition: the gap and each driver's share, most costly first.
#[component]
fn DriverTable(
    testid: &'static str,
    caption: &'static str,
    decomposition: Decomposition,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let currency = store.currency();
    let money = move |m: Money| m.format(currency, store.locale());
    let gap = i18n::fill(
        i18n.texts().explain_gap,
        &[("amount", &money(decomposition.gap))],
    );
    view! {
        <table class="records-table driver-table" data-testid=testid data-gap=decomposition.gap.to_major(currency).to_string()>
            <caption>{caption}" — "{gap}</caption>
            <thead>
                <tr>
                    <th scope="col">{i18n.t(|t| t.explain_driver)}</th>
                    <th scope="col">{i18n.t(|t| t.explain_amount)}</th>
                </tr>
            </thead>
            <tbody>
                {decomposition
                    .contributions
                    .iter()
                    .map(|c| view! {
                        <tr data-testid="driver-row" data-driver=c.driver.id() data-value=c.amount.to_major(currency).to_string()>
                            <th scope="row">{text::label(i18n, "driver_", c.driver.id())}</th>
                            <td>{money(c.amount)}</td>
                        </tr>
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
