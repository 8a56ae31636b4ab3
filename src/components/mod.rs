//! Reusable view pieces. They read the store and call its commands; no formulas here.

mod confirm;
mod fields;
mod kpi_card;
mod modal;
mod notices;
mod quick_log;
mod show_more;
mod undo_toast;

pub use confirm::ConfirmDialog;
pub use fields::{DateField, SelectField, TextField};
pub use kpi_card::KpiCard;
pub use modal::Modal;
pub use notices::Notices;
pub use quick_log::QuickLogButton;
pub use show_more::{ShowMore, STEP};
pub use undo_toast::UndoToast;
