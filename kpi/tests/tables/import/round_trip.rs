//! Export → import gives back the same records; the JSON backup round-trips exactly.

use chrono::NaiveDate;
use kpi::import::{export_csv, protect_formula, unprotect_formula, IMPORT_KINDS};
use kpi::{decode, demo_dataset, encode, Dataset, NumberLocale, RecordKind};

use super::support::{now, run};

fn demo() -> Dataset {
    demo_dataset(NaiveDate::from_ymd_opt(2026, 11, 15).unwrap(), now())
}

#[test]
fn every_importable_kind_exports_and_imports_back_unchanged() {
    let source = demo();
    let mut target = Dataset {
        settings: source.settings.clone(),
        ..Dataset::default()
    };
    // Reps first (by name via the owner columns), customers before what points at them.
    for kind in [
        RecordKind::Customer,
        RecordKind::Deal,
        RecordKind::Lead,
        RecordKind::Activity,
        RecordKind::Order,
    ] {
        let csv = export_csv(&source, kind);
        let job = run(kind, &csv, &target, NumberLocale::De);
        assert_eq!(job.errors(), &[], "{kind:?}: re-imports without problems");
        assert_eq!(job.duplicates(), &[], "{kind:?}: nothing repeats");
        target = job.finish().unwrap().candidate(&target).expect("sound");
        assert_eq!(
            export_csv(&target, kind),
            csv,
            "{kind:?}: the same file again"
        );
    }
    assert!(source.deals.len() > 50, "the demo has plenty of deals");
}

#[test]
fn importing_an_export_into_its_own_dataset_finds_only_duplicates() {
    let data = demo();
    for &kind in IMPORT_KINDS {
        let job = run(kind, &export_csv(&data, kind), &data, NumberLocale::En);
        let outcome = job.finish().expect("no problems");
        assert_eq!(outcome.records.len(), 0, "{kind:?}");
        assert!(outcome.skipped > 0, "{kind:?}: the demo has some");
    }
}

#[test]
fn every_record_type_exports_with_a_header() {
    let data = demo();
    for &kind in RecordKind::ALL {
        let csv = export_csv(&data, kind);
        let header = csv.lines().next().unwrap_or("");
        assert!(header.starts_with("id,"), "{kind:?}: {header}");
    }
    let reps = export_csv(&data, RecordKind::Rep);
    assert_eq!(
        reps.lines().count(),
        data.reps.iter().filter(|r| r.deleted_at.is_none()).count() + 1
    );
}

#[test]
fn cells_are_quoted_and_formulas_defused() {
    let mut data = Dataset::default();
    data.customers.push(kpi::Customer {
        id: "c1".into(),
        updated_at: now(),
        deleted_at: None,
        name: "Fabrikam, \"the best\"\nInc.".into(),
        segment: "=HYPERLINK(\"x\")".into(),
        region: String::new(),
        source: kpi::Source::Inbound,
        acquired_on: None,
        churned_on: None,
        churn_reason: None,
        owner_id: None,
    });
    let csv = export_csv(&data, RecordKind::Customer);
    assert!(
        csv.contains("\"Fabrikam, \"\"the best\"\"\nInc.\""),
        "{csv}"
    );
    assert!(csv.contains("'=HYPERLINK"), "{csv}");
    assert_eq!(protect_formula("-5% off"), "'-5% off");
    assert_eq!(unprotect_formula("'-5% off"), "-5% off");
    assert_eq!(
        unprotect_formula("'quoted"),
        "'quoted",
        "a plain apostrophe stays"
    );
    let back = run(
        RecordKind::Customer,
        &csv,
        &Dataset::default(),
        NumberLocale::En,
    );
    let back = back
        .finish()
        .unwrap()
        .candidate(&Dataset::default())
        .unwrap();
    assert_eq!(back.customers[0].name, data.customers[0].name);
    assert_eq!(back.customers[0].segment, data.customers[0].segment);
}

#[test]
fn the_json_backup_round_trips_byte_for_byte() {
    let data = demo();
    let first = encode(&data, now());
    let restored = decode(&first).expect("its own backup loads");
    assert_eq!(restored, data);
    assert_eq!(encode(&restored, now()), first);
}
