//! Rows that repeat records are reported and left out, never doubled.

use kpi::import::{DuplicateOf, DuplicatePolicy};
use kpi::{Dataset, NumberLocale, RecordKind};

use super::support::{fixture, ids, run};

fn imported(kind: RecordKind, file: &str, data: &Dataset) -> Dataset {
    let job = run(kind, &fixture(file), data, NumberLocale::En);
    job.finish()
        .expect("no problems")
        .candidate(data)
        .expect("sound")
}

#[test]
fn importing_the_same_crm_file_twice_adds_nothing() {
    let once = imported(RecordKind::Deal, "hubspot_deals.csv", &Dataset::default());
    let job = run(
        RecordKind::Deal,
        &fixture("hubspot_deals.csv"),
        &once,
        NumberLocale::En,
    );
    assert_eq!(job.duplicates().len(), 4);
    assert!(job.duplicates().iter().all(|d| matches!(
        &d.of,
        DuplicateOf::Existing {
            kind: RecordKind::Deal,
            ..
        }
    )));
    let outcome = job.finish().expect("duplicates are not errors");
    assert_eq!((outcome.records.len(), outcome.skipped), (0, 4));
    let twice = outcome.candidate(&once).expect("sound");
    assert_eq!(twice.deals.len(), 4, "not doubled");
    assert_eq!(twice.customers.len(), once.customers.len());
}

#[test]
fn same_title_customer_and_created_date_is_a_duplicate_without_ids() {
    let data = Dataset::default();
    let text = "Deal Name,Company,Create Date\n\
                Renewal,Acme,2026-01-10\n\
                renewal ,ACME,2026-01-10 09:00\n\
                Renewal,Acme,2026-01-11\n\
                Renewal,Globex,2026-01-10\n";
    let job = run(RecordKind::Deal, text, &data, NumberLocale::En);
    let duplicates: Vec<(usize, DuplicateOf)> = job
        .duplicates()
        .iter()
        .map(|d| (d.row, d.of.clone()))
        .collect();
    assert_eq!(
        duplicates,
        [(3, DuplicateOf::Row(2))],
        "case, spaces and time of day do not matter"
    );
    let once = job.finish().unwrap().candidate(&data).unwrap();
    assert_eq!(once.deals.len(), 3);
    let again = run(RecordKind::Deal, text, &once, NumberLocale::En);
    assert_eq!(again.duplicates().len(), 4, "all four now exist");
}

#[test]
fn same_id_twice_in_one_file() {
    let data = Dataset::default();
    let text = "Record ID,Deal Name\n7,First\n7,Second\n";
    let job = run(RecordKind::Deal, text, &data, NumberLocale::En);
    assert_eq!(job.duplicates()[0].row, 3);
    assert_eq!(job.duplicates()[0].of, DuplicateOf::Row(2));
    assert_eq!(job.duplicates()[0].title, "Second");
}

#[test]
fn the_import_anyway_policy_makes_new_records() {
    let once = imported(RecordKind::Deal, "hubspot_deals.csv", &Dataset::default());
    let mut job = run(
        RecordKind::Deal,
        &fixture("hubspot_deals.csv"),
        &once,
        NumberLocale::En,
    );
    let mut mapping = job.mapping().clone();
    mapping.duplicates = DuplicatePolicy::Import;
    job.set_mapping(mapping);
    job.run(&once, &mut ids());
    let twice = job
        .finish()
        .unwrap()
        .candidate(&once)
        .expect("ids are fresh, so sound");
    assert_eq!(twice.deals.len(), 8);
}

#[test]
fn customers_match_by_name() {
    let once = imported(
        RecordKind::Customer,
        "hubspot_companies.csv",
        &Dataset::default(),
    );
    let text = "Company name\nnorthwind traders\nNew Co\n";
    let job = run(RecordKind::Customer, text, &once, NumberLocale::En);
    assert_eq!(job.duplicates().len(), 1);
    assert_eq!(job.counts(), (1, 0, 0));
}
