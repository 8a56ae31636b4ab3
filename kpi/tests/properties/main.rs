//! Property tests: invariants that must hold for every input, not just the table rows.

mod currency_change;
mod day;
mod deal_input;
mod demo_data;
mod diagnosis;
mod facts;
mod generate;
mod goals;
mod import;
mod kpis;
mod list_window;
mod merge;
mod merge_edits;
mod money;
mod no_panic;
mod number_format;
mod parts;
mod period;
mod schema;
mod sync;
mod team;
