//! One file per route.

mod dashboard;
mod dashboard_pickers;
mod deal_form;
mod deals;
mod goal_cascade;
mod goal_explain;
mod goal_form;
mod goals;
mod not_found;
mod records;
mod sales_settings;
mod set_aside;
mod settings;

pub use dashboard::Dashboard;
pub use deals::Deals;
pub use goals::Goals;
pub use not_found::NotFound;
pub use records::Records;
pub use settings::Settings;
