use crate::charts::{MonthlyRevenue, RevenueChart};
use crate::components::KpiCard;
use crate::lang::{set_page_title, use_i18n};
use crate::state::{Replacement, Store};
use crate::text;
use kpi::metrics::{deal_metrics, revenue_by_month};
use kpi::Period;
use kpi::{KpiId, PeriodPreset};
use leptos::prelude::*;

/// How many months the revenue chart shows, ending with the period's last month.
const CHART_MONTHS: usize = 12;

#[component]
pub fn Dashboard() -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    set_page_title(|t| t.dashboard_title);
    let preset = RwSignal::new(PeriodPreset::ThisMonth);
    let period = Memo::new(move |_| preset.get().resolve(store.today()));
    let metrics = Memo::new(move |_| {
        store
            .data
            .with(|d| deal_metrics(d.live_deals(), &period.get()))
    });
    let has_deals = Memo::new(move |_| store.data.with(|d| d.live_deals().next().is_some()));
    let months = Memo::new(move |_| Period::trailing_months(period.get().end, CHART_MONTHS));
    let revenue = Memo::new(move |_| {
        months.with(|m| store.data.with(|d| revenue_by_month(d.live_deals(), m)))
    });
    let chart = Memo::new(move |_| {
        let currency = store.currency();
        MonthlyRevenue {
            months: months.with(|m| m.iter().map(|m| text::month_short(i18n, m.start)).collect()),
            amounts: revenue.with(|r| r.iter().map(|amount| amount.to_major(currency)).collect()),
        }
    });
    // The axis shows bare numbers ("12.5k"): the title names the currency.
    let chart_title = move || {
        i18n::fill(
            i18n.texts().chart_revenue_title,
            &[("currency", store.currency().code())],
        )
    };
    let load_demo = move |_| store.offer_replacement(store.demo_data(), Replacement::Demo);

    view! {
        <section class="page dashboard">
            <div class="page-head">
                <h1>{i18n.t(|t| t.dashboard_title)}</h1>
                <label class="inline-field">
                    <span>{i18n.t(|t| t.period)}</span>
                    <select
                        data-testid="period-picker"
                        on:change=move |ev| {
                            if let Some(p) = PeriodPreset::from_id(&event_target_value(&ev)) {
                                preset.set(p);
                            }
                        }
                    >
                        {PeriodPreset::ALL
                            .iter()
                            .map(|p| {
                                let p = *p;
                                view! {
                                    <option value=p.id() selected=p == PeriodPreset::ThisMonth>
                                        {move || text::period_preset(i18n, p)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                <p class="period-label" data-testid="period-label">
                    {move || text::period_range(i18n, &period.get())}
                </p>
            </div>
            <Show when=move || !has_deals.get()>
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
            <div class="kpi-grid">
                {KpiId::ALL
                    .iter()
                    .map(|id| {
                        let id = *id;
                        view! { <KpiCard id=id value=Signal::derive(move || metrics.with(|m| m.value(id))) /> }
                    })
                    .collect_view()}
            </div>
            <section class="chart-panel">
                <h2>{chart_title}</h2>
                <RevenueChart data=chart label=Signal::derive(chart_title) />
                <Show when=move || revenue.with(|r| r.iter().all(|m| m.minor() == 0))>
                    <p class="hint" data-testid="revenue-chart-empty">{i18n.t(|t| t.chart_no_revenue)}</p>
                </Show>
                <details class="chart-table">
                    <summary>{i18n.t(|t| t.chart_as_table)}</summary>
                    <table data-testid="revenue-chart-table">
                        <thead>
                            <tr>
                                <th scope="col">{i18n.t(|t| t.chart_month)}</th>
                                <th scope="col">{i18n.t(|t| t.chart_revenue)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                let currency = store.currency();
                                months
                                    .get()
                                    .into_iter()
                                    .zip(revenue.get())
                                    .map(|(month, amount)| {
                                        view! {
                                            <tr>
                                                <th scope="row">{text::month_long(i18n, month.start)}</th>
                                                <td>{amount.format(currency, store.locale)}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </tbody>
                    </table>
                </details>
            </section>
        </section>
    }
}
