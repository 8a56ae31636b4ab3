use super::{BarChart, BarSeries};
use crate::lang::use_i18n;
use leptos::prelude::*;

/// One row of a chart's text alternative: the label, the value as shown, and the
/// unrounded value for machines (`data-value`), if any.
pub type ChartRow = (String, String, Option<String>);

/// A chart with its title and its numbers as a table (the text alternative every
/// chart has): `heads` names the table's two columns.
#[component]
pub fn ChartPanel(
    #[prop(into)] title: Signal<String>,
    data: Memo<BarSeries>,
    chart_testid: &'static str,
    table_testid: &'static str,
    #[prop(into)] heads: Signal<(String, String)>,
    #[prop(into)] rows: Signal<Vec<ChartRow>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="chart-panel">
            <h2>{move || title.get()}</h2>
            <BarChart data=data label=title testid=chart_testid />
            <details class="chart-table">
                <summary>{i18n.t(|t| t.chart_as_table)}</summary>
                <table data-testid=table_testid>
                    <thead>
                        <tr>
                            <th scope="col">{move || heads.get().0}</th>
                            <th scope="col">{move || heads.get().1}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            rows.get()
                                .into_iter()
                                .map(|(label, shown, value)| {
                                    view! {
                                        <tr>
                                            <th scope="row">{label}</th>
                                            <td data-value=value>{shown}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </details>
        </section>
    }
}
