use crate::charts::{BarSeries, ChartPanel, ChartRow};
use crate::components::{GoalCard, KpiCard, ShownFormula};
use crate::lang::{set_page_title, use_i18n};
use crate::pages::dashboard_pickers::{PeriodPicker, ScopePicker};
use crate::state::{Replacement, StorageMode, Store};
use crate::text;
use kpi::metrics::activity::activities_by_kind;
use kpi::metrics::customers::monthly_churn;
use kpi::metrics::sales::daily_sales;
use kpi::{
    format_percent, kpi_values, KpiGroup, KpiId, KpiValue, Period, PeriodPreset, Scope, Slice,
    CATALOGUE,
};

/// How many months the churn chart shows, ending with the period's last month.
const CHURN_MONTHS: usize = 12;
use leptos::prelude::*;

/// The dashboard: every KPI of the catalogue for the chosen scope and period, grouped,
/// each against the previous equivalent period, and the daily sales trend.
#[component]
pub fn Dashboard() -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    set_page_title(|t| t.dashboard_title);
    provide_context(ShownFormula::default());
    let period = RwSignal::new(PeriodPreset::ThisMonth.resolve(store.today()));
    // True while the typed custom dates cannot be used (the numbers are the last range's).
    let stale = RwSignal::new(false);
    let scope = RwSignal::new(Scope::Everyone);
    // All KPIs for this period and the previous one, read from the store's facts of
    // the data (made once per change of the data, shared across periods and scopes).
    let values = Memo::new(move |_| {
        let (period, scope) = (period.get(), scope.get());
        let facts = store.facts.get();
        store.data.with(|d| {
            let today = store.today();
            let slice = |period| Slice::new(d, period, &scope, today).with_facts(facts.clone());
            let current = kpi_values(&slice(period));
            let before = kpi_values(&slice(period.previous()));
            current
                .into_iter()
                .zip(before)
                .map(|((id, value), (_, previous))| (id, (value, previous)))
                .collect::<Vec<(KpiId, (KpiValue, KpiValue))>>()
        })
    });
    let value_of = move |id: KpiId, previous: bool| {
        Signal::derive(move || {
            values.with(|all| {
                all.iter()
                    .find(|(k, _)| *k == id)
                    .map_or(
                        KpiValue::NoData,
                        |(_, (v, p))| if previous { *p } else { *v },
                    )
            })
        })
    };
    let has_records = Memo::new(move |_| store.data.with(|d| d.live_record_count() > 0));
    // While the data is read from IndexedDB the dataset is still empty: say it is
    // loading instead of "no deals yet" and zeros.
    let loading = move || store.storage_mode.get() == StorageMode::Loading;
    let daily = Memo::new(move |_| {
        let (period, scope) = (period.get(), scope.get());
        store
            .data
            .with(|d| daily_sales(&Slice::new(d, period, &scope, store.today())))
    });
    let chart = Memo::new(move |_| {
        let currency = store.currency();
        daily.with(|days| BarSeries {
            labels: days
                .iter()
                .map(|(day, _)| text::day_short(i18n, *day))
                .collect(),
            values: days
                .iter()
                .map(|(_, amount)| amount.to_major(currency))
                .collect(),
            percent: false,
            locale: store.locale(),
        })
    });
    // Churn by month over the twelve months ending with the period's last month.
    let churn_months = Memo::new(move |_| Period::trailing_months(period.get().end, CHURN_MONTHS));
    let churn = Memo::new(move |_| {
        let scope = scope.get();
        churn_months.with(|months| {
            store
                .data
                .with(|d| monthly_churn(d, &scope, months, store.today()))
        })
    });
    let churn_chart = Memo::new(move |_| BarSeries {
        labels: churn_months.with(|m| m.iter().map(|m| text::month_short(i18n, m.start)).collect()),
        values: churn.with(|c| c.iter().map(|rate| rate.unwrap_or(0.0)).collect()),
        percent: true,
        locale: store.locale(),
    });
    let churn_title = Signal::derive(move || i18n.texts().chart_churn_title.to_string());
    // The charts' text alternatives: days with sales, and every month's churn.
    let daily_rows = Signal::derive(move || {
        let currency = store.currency();
        daily.with(|days| {
            days.iter()
                .filter(|(_, amount)| amount.minor() != 0)
                .map(|(day, amount)| {
                    (
                        text::date(i18n, *day),
                        amount.format(currency, store.locale()),
                        None,
                    )
                })
                .collect::<Vec<ChartRow>>()
        })
    });
    let churn_rows = Signal::derive(move || {
        churn_months.with(|months| {
            churn.with(|rates| {
                months
                    .iter()
                    .zip(rates)
                    .map(|(month, rate)| {
                        let shown = rate.map_or_else(
                            || i18n.texts().no_data.to_string(),
                            |r| format_percent(r, store.locale()),
                        );
                        (
                            text::month_long(i18n, month.start),
                            shown,
                            rate.map(|r| r.to_string()),
                        )
                    })
                    .collect::<Vec<ChartRow>>()
            })
        })
    });
    // The axis shows bare numbers ("12.5k"): the title names the currency.
    let chart_title = move || {
        i18n::fill(
            i18n.texts().chart_daily_title,
            &[("currency", store.currency().code())],
        )
    };
    // The goals of the chosen scope whose period overlaps the chosen period.
    let goals = Memo::new(move |_| {
        let (period, scope) = (period.get(), scope.get());
        store.data.with(|d| {
            d.live::<kpi::Goal>()
                .filter(|g| g.owner.scope() == scope)
                .filter(|g| g.period.start <= period.end && period.start <= g.period.end)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let load_demo = move |_| store.offer_replacement(store.demo_data(), Replacement::Demo);

    view! {
        <section class="page dashboard">
            <div class="page-head">
                <h1>{i18n.t(|t| t.dashboard_title)}</h1>
                <ScopePicker scope=scope />
                <PeriodPicker period=period stale=stale />
                <p class="period-label" data-testid="period-label" data-stale=move || stale.get().then_some("true")>
                    {move || {
                        let range = text::period_range(i18n, &period.get());
                        if stale.get() {
                            i18n::fill(i18n.texts().period_range_stale, &[("range", &range)])
                        } else {
                            range
                        }
                    }}
                </p>
            </div>
            <Show when=loading>
                <p class="loading" role="status" data-testid="dashboard-loading">
                    {i18n.t(|t| t.storage_loading)}
                </p>
            </Show>
            <Show when=move || !loading() && !has_records.get()>
                <div class="empty" data-testid="dashboard-empty">
                    <h2>{i18n.t(|t| t.dashboard_empty_title)}</h2>
                    <p>{i18n.t(|t| t.dashboard_empty_body)}</p>
                    <div class="actions">
                        <button class="primary" data-testid="empty-load-demo" on:click=load_demo>
                            {i18n.t(|t| t.load_demo)}
                        </button>
                        <a class="button" href="/deals?new=1">{i18n.t(|t| t.add_first_deal)}</a>
                    </div>
                </div>
            </Show>
            <Show when=move || goals.with(|g| !g.is_empty())>
                <section class="dashboard-goals" data-testid="dashboard-goals">
                    <h2>{i18n.t(|t| t.goals_title)}</h2>
                    <div class="goal-grid">
                        <For each=move || goals.get() key=|g| (g.id.clone(), g.updated_at) let(goal)>
                            <GoalCard goal=goal.clone()>
                                <a href=format!("/goals?goal={}", goal.id) data-testid="goal-open">{i18n.t(|t| t.goal_open)}</a>
                            </GoalCard>
                        </For>
                    </div>
                </section>
            </Show>
            <Show when=move || !loading()>
            {KpiGroup::ALL
                .iter()
                .map(|group| {
                    let group = *group;
                    view! {
                        <section class="kpi-group" data-group=group.id()>
                            <h2>{move || text::label(i18n, "group_", group.id())}</h2>
                            <div class="kpi-grid">
                                {CATALOGUE
                                    .iter()
                                    .filter(|def| def.group == group)
                                    .map(|def| {
                                        view! { <KpiCard id=def.id value=value_of(def.id, false) previous=value_of(def.id, true) /> }
                                    })
                                    .collect_view()}
                            </div>
                            {(group == KpiGroup::Activity).then(|| view! { <ActivityBreakdown period=period scope=scope /> })}
                        </section>
                    }
                })
                .collect_view()}
            <ChartPanel
                title=Signal::derive(chart_title)
                data=chart
                chart_testid="revenue-chart"
                table_testid="daily-sales-table"
                heads=Signal::derive(move || (i18n.texts().chart_day.to_string(), i18n.texts().chart_revenue.to_string()))
                rows=daily_rows
            />
            <ChartPanel
                title=churn_title
                data=churn_chart
                chart_testid="churn-chart"
                table_testid="churn-table"
                heads=Signal::derive(move || (i18n.texts().chart_month.to_string(), i18n.texts().chart_churn.to_string()))
                rows=churn_rows
            />
            </Show>
        </section>
    }
}

/// Activities per type: how many in the period and how many per working day.
#[component]
fn ActivityBreakdown(period: RwSignal<kpi::Period>, scope: RwSignal<Scope>) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let rows = Memo::new(move |_| {
        let (period, scope) = (period.get(), scope.get());
        store
            .data
            .with(|d| activities_by_kind(&Slice::new(d, period, &scope, store.today())))
    });
    view! {
        <table class="records-table activity-breakdown" data-testid="activity-breakdown">
            <caption>{i18n.t(|t| t.activity_breakdown)}</caption>
            <thead>
                <tr>
                    <th scope="col">{i18n.t(|t| t.activity_type)}</th>
                    <th scope="col">{i18n.t(|t| t.activity_count)}</th>
                    <th scope="col">{i18n.t(|t| t.activity_per_day)}</th>
                </tr>
            </thead>
            <tbody>
                {move || {
                    rows.get()
                        .into_iter()
                        .map(|(kind, count, per_day)| {
                            view! {
                                <tr data-kind=kind.id()>
                                    <th scope="row">{text::label(i18n, "choice_", kind.id())}</th>
                                    <td>{count}</td>
                                    <td data-value=per_day.to_string()>{kpi::format_decimal(per_day, 2, store.locale())}</td>
                                </tr>
                            }
                        })
                        .collect_view()
                }}
            </tbody>
        </table>
    }
}
