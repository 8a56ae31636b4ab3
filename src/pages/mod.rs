//! One file per route.

mod churn;
mod complaints;
mod customers;
mod dashboard;
mod dashboard_pickers;
mod deal_form;
mod deals;
mod goal_cascade;
mod goal_explain;
mod goal_form;
mod goals;
mod leads;
mod not_found;
mod pipeline;
mod records;
mod sales_settings;
mod set_aside;
mod settings;
mod theme_picker;
mod today;

pub use churn::Churn;
pub use complaints::Complaints;
pub use customers::{CustomerDetail, Customers};
pub use dashboard::Dashboard;
pub use deals::Deals;
pub use goals::Goals;
pub use leads::Leads;
pub use not_found::NotFound;
pub use pipeline::Pipeline;
pub use records::Records;
pub use settings::Settings;
pub use today::Today;
