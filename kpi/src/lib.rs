//! Salesboard's KPI engine: the data model and every formula, as plain functions over
//! plain data.
//!
//! Pure Rust with no browser dependency: it never reads the clock or draws random
//! numbers — "today", "now", ids and seeds are always parameters — so every result is
//! reproducible on the host with `cargo test -p kpi`.

pub mod backup_problem;
pub mod backup_reminder;
pub mod catalogue;
pub mod churn_chart;
pub mod commission;
pub mod complaints;
pub mod contest;
pub mod contest_input;
pub mod custom_range;
pub mod customer_view;
pub mod date_format;
pub mod deal_input;
pub mod demo;
pub mod diagnosis;
pub mod follow_ups;
pub mod forms;
pub mod goals;
pub mod import;
pub mod leads;
pub mod list_window;
pub mod merge;
pub mod merge_edits;
pub mod metrics;
pub mod model;
pub mod money;
pub mod number;
pub mod period;
pub mod pipeline_board;
pub mod plausible;
pub mod quick_log;
pub mod record_ref;
pub mod rules;
pub mod schema;
pub mod settings_input;
pub mod sync;
pub mod team_import;
pub mod team_merge;
pub mod undo;
pub mod validate;
pub mod workload;

pub use catalogue::{Better, Direction, KpiDef, KpiGroup, KpiId, KpiValue, Trend, Unit, CATALOGUE};
pub use date_format::{format_date, format_day_month, format_month_year};
pub use deal_input::{DealField, DealInput, FieldError, Problem};
pub use demo::demo_dataset;
pub use goals::{GoalInput, GoalStatus, Progress};
pub use metrics::{kpi_values, working_days, Sale, SaleKind, Scope, Slice};
pub use model::{
    default_stages, Accelerator, Activity, ActivityKind, BonusTrigger, Bracket, CommissionBasis,
    CommissionPlan, Contest, CurrencyChangeError, Customer, Dataset, Deal, DealBonus, DealKind,
    DealStatus, Expense, ExpenseCategory, Feedback, Goal, GoalBonus, Lead, Lineage, Measure, Order,
    OrderKind, Owner, PlanKind, Record, RecordId, RecordKind, Recurrence, Rep, Settings, Source,
    Stage, Stored, Target, Team, Threshold, Tier,
};
pub use money::{Currency, Money, MoneyError, NumberLocale};
pub use number::{format_decimal, format_percent};
pub use period::{Period, PeriodError, PeriodKind, PeriodPreset};
pub use record_ref::RecordRef;
pub use rules::{RecordError, Rules};
pub use schema::{
    decode, encode, encode_revision, peek_revision, Envelope, LoadError, APP_ID, CURRENT_VERSION,
};
pub use validate::DataProblem;
