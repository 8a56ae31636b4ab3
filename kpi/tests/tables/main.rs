//! Reference tables: every row names its case and carries a hand-computed expectation.

mod activity;
mod catalogue;
mod currency_change;
mod customer_view;
mod customers;
mod deal_input;
mod demo;
mod diagnosis;
mod forms;
mod goals;
mod leads;
mod link;
mod merge;
mod model;
mod money_format;
mod money_parse;
mod number_format;
mod period;
mod pipeline;
mod pipeline_board;
mod quality;
mod sales;
mod schema;
mod support;
mod team;
mod validate;
