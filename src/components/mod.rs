//! Reusable view pieces. They read the store and call its commands; no formulas here.

mod backup_reminder;
mod confirm;
mod empty_state;
mod fields;
mod focus;
mod goal_card;
mod kpi_card;
mod language_picker;
mod modal;
mod notices;
mod quick_log;
mod reason_dialog;
mod sync_status;
mod undo_toast;
mod virtual_rows;

pub use backup_reminder::BackupReminder;
pub use confirm::ConfirmDialog;
pub use empty_state::EmptyState;
pub use fields::{field_error, text_signal, DateField, SelectField, TextField};
pub use focus::focus_by_id;
pub use goal_card::{status_id, GoalCard};
pub use kpi_card::{KpiCard, ShownFormula};
pub use language_picker::LanguagePicker;
pub use modal::Modal;
pub use notices::Notices;
pub use quick_log::QuickLogButton;
pub use reason_dialog::{ReasonDialog, ReasonIds};
pub use sync_status::{problem_text, status_text, SyncStatus};
pub use undo_toast::UndoToast;
pub use virtual_rows::VirtualRows;
