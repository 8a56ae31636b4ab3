//! CSV import and export: headers, values, whole files, errors, duplicates, round trips.

mod crm_files;
mod support;
