//! A rep's commission statement (printable on its own) and the what-if of closing
//! some open deals. The figures are `kpi::commission::statement` and `what_if`; this
//! only words and formats them.

use crate::lang::use_i18n;
use crate::state::Store;
use crate::text::{self, I18n};
use i18n::fill;
use kpi::commission::{
    multiplier_text, open_deals, percent_text, statement, what_if, Line, LineKind,
};
use kpi::{Accelerator, CommissionPlan, Goal, Money, Period, RecordId};
use leptos::prelude::*;

/// The plan id, rep id and period a statement is for.
pub type Chosen = Signal<Option<(String, String, Period)>>;

/// Money as shown, and in major units for `data-value`.
fn shown(store: Store, amount: Money) -> (String, String) {
    let currency = store.currency();
    (
        amount.format(currency, store.locale()),
        amount.to_major(currency).to_string(),
    )
}

#[component]
pub fn StatementView(chosen: Chosen) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let current = Memo::new(move |_| {
        let (plan_id, rep, period) = chosen.get()?;
        store.data.with(|d| {
            let plan = d.find::<CommissionPlan>(&plan_id)?;
            Some(statement(d, plan, &rep, period, store.today()))
        })
    });
    let print = move |_| {
        let _ = window().print();
    };
    move || {
        current.get().map(|s| {
            let (rep, plan) = store.data.with(|d| {
                (
                    d.rep_name(Some(&s.rep_id)).unwrap_or_default().to_string(),
                    d.find::<CommissionPlan>(&s.plan_id)
                        .map(|p| p.title.clone())
                        .unwrap_or_default(),
                )
            });
            let (basis_text, basis_value) = shown(store, s.basis_amount);
            let (quota_text, _) = shown(store, s.quota);
            let (salary_text, salary_value) = shown(store, s.base_salary);
            let (total_text, total_value) = shown(store, s.total);
            let (variable_text, variable_value) = shown(store, s.variable);
            let attainment = s
                .attainment
                .map(|a| kpi::format_percent(a, store.locale()))
                .unwrap_or_else(|| i18n.texts().commission_no_quota.to_string());
            let basis_name = text::label(i18n, "commission_basis_", s.basis.id());
            let uncosted = (s.uncosted_deals > 0).then(|| {
                let note = fill(
                    i18n.texts().commission_uncosted,
                    &[("count", &s.uncosted_deals.to_string())],
                );
                view! { <p class="hint" data-testid="statement-uncosted">{note}</p> }
            });
            let lines = s
                .lines
                .iter()
                .map(|line| {
                    let (amount, value) = shown(store, line.amount);
                    view! {
                        <tr data-testid="statement-line" data-kind=line.description_id data-value=value>
                            <th scope="row">{line_text(i18n, store, line)}</th>
                            <td class="amount">{amount}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <article class="statement" data-testid="statement">
                    <header class="statement-head">
                        <h3>{i18n.t(|t| t.commission_statement)}</h3>
                        <dl class="statement-facts">
                            <dt>{i18n.t(|t| t.commission_rep)}</dt><dd data-testid="statement-rep-name">{rep}</dd>
                            <dt>{i18n.t(|t| t.commission_plan)}</dt><dd data-testid="statement-plan-name">{plan}</dd>
                            <dt>{i18n.t(|t| t.period)}</dt><dd>{text::period_range(i18n, &s.period)}</dd>
                            <dt>{move || fill(i18n.texts().commission_basis_of, &[("basis", &basis_name)])}</dt>
                            <dd data-testid="statement-basis" data-value=basis_value>{basis_text}</dd>
                            <dt>{i18n.t(|t| t.commission_deals_counted)}</dt><dd data-testid="statement-deals">{s.deal_ids.len()}</dd>
                            <dt>{i18n.t(|t| t.commission_quota)}</dt><dd data-testid="statement-quota">{quota_text}</dd>
                            <dt>{i18n.t(|t| t.commission_attainment)}</dt>
                            <dd data-testid="statement-attainment" data-value=s.attainment.map(|a| a.to_string())>{attainment}</dd>
                        </dl>
                    </header>
                    {uncosted}
                    <table class="statement-lines">
                        <tbody>
                            <tr data-testid="statement-base-salary" data-value=salary_value>
                                <th scope="row">{i18n.t(|t| t.commission_base_salary)}</th>
                                <td class="amount">{salary_text}</td>
                            </tr>
                            {lines}
                        </tbody>
                        <tfoot>
                            <tr data-testid="statement-variable" data-value=variable_value>
                                <th scope="row">{i18n.t(|t| t.commission_variable)}</th>
                                <td class="amount">{variable_text}</td>
                            </tr>
                            <tr class="total" data-testid="statement-total" data-value=total_value>
                                <th scope="row">{i18n.t(|t| t.commission_total)}</th>
                                <td class="amount">{total_text}</td>
                            </tr>
                        </tfoot>
                    </table>
                    <div class="actions no-print">
                        <button type="button" data-testid="statement-print" on:click=print>
                            {i18n.t(|t| t.commission_print)}
                        </button>
                    </div>
                </article>
            }
        })
    }
}

/// The words of one statement line, with its rates and amounts filled in.
fn line_text(i18n: I18n, store: Store, line: &Line) -> String {
    let t = i18n.texts();
    let money = |m: Money| m.format(store.currency(), store.locale());
    let rate = |bp: u32| percent_text(bp, store.locale());
    match &line.kind {
        LineKind::Commission { from, to, rate_bp } => {
            let template = match line.description_id {
                "commission.bracket" => t.commission_line_bracket,
                "commission.tier" => t.commission_line_tier,
                _ => t.commission_line_flat,
            };
            fill(
                template,
                &[
                    ("rate", &rate(*rate_bp)),
                    ("from", &money(*from)),
                    ("to", &money(*to)),
                ],
            )
        }
        LineKind::Accelerator { above, accelerator } => match accelerator {
            Accelerator::Multiplier { multiplier_bp } => fill(
                t.commission_line_multiplier,
                &[
                    (
                        "multiplier",
                        &multiplier_text(*multiplier_bp, store.locale()),
                    ),
                    ("above", &money(*above)),
                ],
            ),
            Accelerator::ExtraRate { rate_bp } => fill(
                t.commission_line_extra_rate,
                &[("rate", &rate(*rate_bp)), ("above", &money(*above))],
            ),
        },
        LineKind::GoalBonus { goal_id: None } => t.commission_line_quota_bonus.to_string(),
        LineKind::GoalBonus { goal_id: Some(id) } => {
            let goal = store.data.with(|d| {
                d.find::<Goal>(id)
                    .map_or_else(|| id.clone(), |g| g.title.clone())
            });
            fill(t.commission_line_goal_bonus, &[("goal", &goal)])
        }
        LineKind::DealBonus {
            deal_kind,
            deals,
            each,
        } => fill(
            t.commission_line_deal_bonus,
            &[
                ("count", &deals.to_string()),
                ("kind", &text::kind(i18n, *deal_kind)),
                ("each", &money(*each)),
            ],
        ),
        LineKind::Cap { cap } => fill(t.commission_line_cap, &[("cap", &money(*cap))]),
    }
}

/// "If I close these open deals, my commission becomes …".
#[component]
pub fn WhatIfView(chosen: Chosen) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let picked = RwSignal::new(Vec::<RecordId>::new());
    let rep = Memo::new(move |_| chosen.with(|c| c.as_ref().map(|c| c.1.clone())));
    // Another rep: nothing of theirs is picked.
    Effect::new(move |_| {
        rep.track();
        picked.set(Vec::new());
    });
    let deals = Memo::new(move |_| {
        let rep = rep.get().unwrap_or_default();
        store.data.with(|d| {
            open_deals(d, &rep)
                .into_iter()
                .map(|deal| (deal.id.clone(), deal.title.clone(), deal.amount))
                .collect::<Vec<_>>()
        })
    });
    let result = Memo::new(move |_| {
        let (plan_id, rep, period) = chosen.get()?;
        let ids = picked.get();
        store.data.with(|d| {
            let plan = d.find::<CommissionPlan>(&plan_id)?;
            Some(what_if(d, plan, &rep, period, store.today(), &ids))
        })
    });
    let outcome = move || {
        result.get().map(|w| {
            let (after, after_value) = shown(store, w.after.variable);
            let (total, total_value) = shown(store, w.after.total);
            let (difference, difference_value) = shown(store, w.difference);
            let difference = if w.difference.is_negative() {
                difference
            } else {
                format!("+{difference}")
            };
            view! {
                <p class="whatif-result" data-testid="whatif-result" data-value=after_value data-total=total_value>
                    {fill(i18n.texts().commission_whatif_result, &[("commission", &after), ("total", &total)])}
                </p>
                <p data-testid="whatif-difference" data-value=difference_value>
                    {fill(i18n.texts().commission_whatif_difference, &[("difference", &difference)])}
                </p>
            }
        })
    };
    view! {
        <section class="whatif no-print" data-testid="whatif" aria-labelledby="whatif-heading">
            <h3 id="whatif-heading">{i18n.t(|t| t.commission_whatif)}</h3>
            <Show
                when=move || deals.with(|d| !d.is_empty())
                fallback=move || view! { <p class="hint" data-testid="whatif-none">{i18n.t(|t| t.commission_whatif_none)}</p> }
            >
                <ul class="whatif-deals">
                    <For each=move || deals.get() key=|d| d.clone() let((id, title, amount))>
                        {
                            let (check_id, toggle_id, testid_id) = (id.clone(), id.clone(), id.clone());
                            let amount = amount.format(store.currency(), store.locale());
                            view! {
                                <li>
                                    <label class="check">
                                        <input type="checkbox" data-testid="whatif-deal" data-deal-id=testid_id
                                            prop:checked=move || picked.with(|p| p.contains(&check_id))
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                picked.update(|p| {
                                                    p.retain(|x| x != &toggle_id);
                                                    if on { p.push(toggle_id.clone()); }
                                                });
                                            }
                                        />
                                        <span>{title}</span>
                                        <span class="deal-amount">{amount}</span>
                                    </label>
                                </li>
                            }
                        }
                    </For>
                </ul>
                <div aria-live="polite">{outcome}</div>
            </Show>
        </section>
    }
}
