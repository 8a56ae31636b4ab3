//! Churn: the monthly churn rate line and the cohort retention heat map, on canvas,
//! each with the same numbers as a table. The numbers are `kpi::churn_chart`.

use crate::charts::{
    current_palette, draw_heat_map, draw_line, paint, CanvasChart, HeatMap, RateLine,
};
use crate::lang::{set_page_title, use_i18n};
use crate::state::Store;
use crate::text;
use i18n::fill;
use kpi::churn_chart::churn_chart;
use kpi::{format_percent, Scope};
use leptos::prelude::*;

/// Months shown: half a year fits a phone's width.
const MONTHS: usize = 6;

#[component]
pub fn Churn() -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    set_page_title(|t| t.churn_title);
    let chart = Memo::new(move |_| {
        store
            .data
            .with(|d| churn_chart(d, &Scope::Everyone, store.today(), MONTHS))
    });
    let labels = Memo::new(move |_| {
        chart.with(|c| {
            c.months
                .iter()
                .map(|m| text::month_short(i18n, m.start))
                .collect::<Vec<_>>()
        })
    });
    let line = Memo::new(move |_| RateLine {
        labels: labels.get(),
        values: chart.with(|c| c.churn.clone()),
        locale: store.locale(),
    });
    let heat = Memo::new(move |_| HeatMap {
        row_labels: labels.get(),
        cells: chart.with(|c| c.retention.clone()),
    });
    let no_data = move || i18n.texts().no_data.to_string();
    let shown = move |value: Option<f64>| {
        value
            .map(|v| format_percent(v, store.locale()))
            .unwrap_or_else(no_data)
    };
    let draw_churn = Callback::new(move |(canvas,): (web_sys::HtmlCanvasElement,)| {
        let palette = current_palette();
        line.with(|data| paint(&canvas, |area, scale| draw_line(area, data, scale, palette)))
    });
    let draw_cohorts = Callback::new(move |(canvas,): (web_sys::HtmlCanvasElement,)| {
        let palette = current_palette();
        heat.with(|data| {
            paint(&canvas, |area, scale| {
                draw_heat_map(area, data, scale, palette)
            })
        })
    });
    view! {
        <section class="page churn">
            <div class="page-head">
                <h1>{i18n.t(|t| t.churn_title)}</h1>
            </div>
            <section class="chart-panel">
                <h2>{i18n.t(|t| t.chart_churn_title)}</h2>
                <CanvasChart draw=draw_churn label=Signal::derive(move || i18n.texts().chart_churn_title.to_string()) testid="churn-line-chart" />
                <table class="churn-table" data-testid="churn-rate-table">
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t(|t| t.chart_month)}</th>
                            <th scope="col">{i18n.t(|t| t.chart_churn)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            chart.with(|c| {
                                c.months
                                    .iter()
                                    .zip(&c.churn)
                                    .map(|(month, rate)| {
                                        let value = rate.map(|r| r.to_string());
                                        view! {
                                            <tr data-month=month.start.format("%Y-%m").to_string()>
                                                <th scope="row">{text::month_long(i18n, month.start)}</th>
                                                <td data-value=value>{shown(*rate)}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()
                            })
                        }}
                    </tbody>
                </table>
            </section>
            <section class="chart-panel">
                <h2>{i18n.t(|t| t.cohort_title)}</h2>
                <p class="hint">{i18n.t(|t| t.cohort_hint)}</p>
                <CanvasChart draw=draw_cohorts label=Signal::derive(move || i18n.texts().cohort_title.to_string()) testid="cohort-heat-map" />
                // It scrolls sideways on a phone: focusable, so a keyboard can scroll it.
                <div class="table-scroll" tabindex="0" role="region" aria-label=move || i18n.texts().cohort_title>
                    <table class="cohort-table" data-testid="cohort-table">
                        <thead>
                            <tr>
                                <th scope="col">{i18n.t(|t| t.cohort_month)}</th>
                                <th scope="col">{i18n.t(|t| t.cohort_size)}</th>
                                {move || {
                                    chart.with(|c| {
                                        (0..c.months.len())
                                            .map(|k| view! { <th scope="col">{fill(i18n.texts().cohort_months_since, &[("months", &k.to_string())])}</th> })
                                            .collect_view()
                                    })
                                }}
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                chart.with(|c| {
                                    c.months
                                        .iter()
                                        .zip(&c.retention)
                                        .zip(&c.cohort_sizes)
                                        .map(|((month, row), size)| {
                                            view! {
                                                <tr data-testid="cohort-row" data-month=month.start.format("%Y-%m").to_string()>
                                                    <th scope="row">{text::month_long(i18n, month.start)}</th>
                                                    <td data-testid="cohort-size" data-value=size.to_string()>{size.to_string()}</td>
                                                    {row
                                                        .iter()
                                                        .map(|share| {
                                                            view! {
                                                                <td data-testid="cohort-cell" data-value=share.map(|s| s.to_string())>{shown(*share)}</td>
                                                            }
                                                        })
                                                        .collect_view()}
                                                </tr>
                                            }
                                        })
                                        .collect_view()
                                })
                            }}
                        </tbody>
                    </table>
                </div>
            </section>
        </section>
    }
}
