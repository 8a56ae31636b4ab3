//! Reference tables: every row names its case and carries a hand-computed expectation.

mod catalogue;
mod currency_change;
mod deal_input;
mod deal_metrics;
mod demo;
mod merge;
mod model;
mod money_format;
mod money_parse;
mod number_format;
mod period;
mod revenue_by_month;
mod schema;
mod support;
mod validate;
