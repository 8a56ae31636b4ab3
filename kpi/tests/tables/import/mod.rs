//! CSV import and export: headers, values, whole files, errors, duplicates, round trips.

mod chunks;
mod crm_files;
mod date_order;
mod duplicates;
mod errors;
mod forints;
mod headers;
mod lines;
mod mapping_notes;
mod plausible;
mod round_trip;
mod support;
mod values;
