//! Salesboard, the app: a Leptos client-side shell over the pure `kpi` engine.
//! Formulas live in `kpi`; this crate wires data, storage and views.

pub mod app;
#[cfg(feature = "bench")]
pub mod bench;
pub mod charts;
pub mod clock;
pub mod components;
pub mod files;
pub mod format;
pub mod lang;
pub mod nav;
pub mod pages;
pub mod state;
pub mod storage;
pub mod sync;
pub mod text;
pub mod theme;
