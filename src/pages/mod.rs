//! One file per route.

mod dashboard;
mod deal_form;
mod deals;
mod not_found;
mod settings;

pub use dashboard::Dashboard;
pub use deals::Deals;
pub use not_found::NotFound;
pub use settings::Settings;
