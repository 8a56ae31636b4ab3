//! Every parser of user files faces any input: CSV import, JSON restore, envelope load.
//! No input panics, a rejected file gives no records, an accepted one a sound dataset.
//!
//! Case counts are small in the test suite; a longer campaign runs the same properties
//! with more cases (the env var overrides every count here), e.g.
//! `PROPTEST_CASES=20000 cargo test --release -p kpi --test properties import::`.

use chrono::{NaiveDate, TimeZone, Utc};
use kpi::import::{decode_text, ImportJob, ImportOptions, IMPORT_KINDS};
use kpi::schema::decode_envelope;
use kpi::{decode, demo_dataset, encode, Dataset, NumberLocale, RecordKind};
use proptest::prelude::*;
use proptest::sample::select;

use crate::generate::{locale, valid_dataset};

/// The case count: `PROPTEST_CASES` if set, else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn options(locale: NumberLocale) -> ImportOptions {
    ImportOptions {
        today: NaiveDate::from_ymd_opt(2026, 11, 15).unwrap(),
        now: Utc.with_ymd_and_hms(2026, 11, 15, 12, 0, 0).unwrap(),
        locale,
    }
}

fn counting_ids() -> impl FnMut() -> String {
    let mut n = 0u64;
    move || {
        n += 1;
        format!("00000000-0000-4000-8000-{n:012}")
    }
}

/// Headers the recognisers know, plus noise.
const HEADERS: &[&str] = &[
    "Deal Name",
    "Deal - Title",
    "Opportunity Name",
    "title",
    "name",
    "First Name",
    "Last Name",
    "Company name",
    "Account Name",
    "Deal - Organization",
    "customer",
    "owner",
    "Deal owner",
    "Deal Stage",
    "Stage",
    "Deal - Status",
    "Won",
    "Closed",
    "Amount",
    "Deal - Value",
    "cost",
    "discount",
    "Probability (%)",
    "Deal - Currency",
    "Deal Type",
    "kind",
    "Create Date",
    "created_on",
    "Close Date",
    "Deal - Won time",
    "expected_close",
    "closed_on",
    "Closed Lost Reason",
    "segment",
    "region",
    "Lead Source",
    "acquired_on",
    "churned_on",
    "churn_reason",
    "qualified_on",
    "converted_on",
    "disqualified_on",
    "disqualified_reason",
    "date",
    "Activity - Duration",
    "Activity - Deal",
    "note",
    "Record ID",
    "id",
    "Pipeline",
    "",
];

/// Cells that reach the deeper branches: every date and amount form, words, quotes.
const CELLS: &[&str] = &[
    "",
    " ",
    "2026-03-05",
    "2026-03-05 17:00",
    "3/5/2026",
    "25/3/2026",
    "3/25/2026",
    "05.03.2026",
    "2026-02-30",
    "0000-01-01",
    "1,234.50",
    "1.234,50",
    "1,234",
    "15.000",
    "€5",
    "$5",
    "-5",
    "99999999999999999999",
    "Closed Won",
    "closedlost",
    "won",
    "lost",
    "open",
    "Appointment Scheduled",
    "Contract Sent",
    "Waiting",
    "TRUE",
    "0",
    "80 %",
    "120",
    "newbusiness",
    "Existing Customer - Upgrade",
    "Call",
    "01:30",
    "Acme",
    "acme ",
    "Anna",
    "'=cmd",
    "00000000-0000-4000-8000-000000000001",
    "7",
    "\"",
    "a\"b",
    "x\ny",
    ";",
    ",",
    "\t",
    "\u{feff}",
    "Ünïcødé ✓",
];

fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => select(CELLS).prop_map(str::to_owned),
        1 => "\\PC{0,12}",
    ]
}

/// Quotes a cell as a CSV writer would (or sometimes not at all, to make bad CSV).
fn write_cell(text: &str, delimiter: char, quote_all: bool) -> String {
    if quote_all || text.contains([delimiter, '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// A CSV-like file: known and unknown headers, rows of tricky cells of ragged length.
fn csv_file() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(
            prop_oneof![4 => select(HEADERS).prop_map(str::to_owned), 1 => "\\PC{0,10}"],
            1..10,
        ),
        prop::collection::vec(prop::collection::vec(cell(), 0..12), 0..12),
        select(vec![',', ';', '\t']),
        any::<bool>(),
        select(vec!["\n", "\r\n"]),
    )
        .prop_map(|(headers, rows, delimiter, quote_all, newline)| {
            let line = |cells: &[String]| {
                cells
                    .iter()
                    .map(|c| write_cell(c, delimiter, quote_all))
                    .collect::<Vec<_>>()
                    .join(&delimiter.to_string())
            };
            let mut text = line(&headers);
            for row in &rows {
                text.push_str(newline);
                text.push_str(&line(row));
            }
            text
        })
}

/// Runs a whole import in steps of `step` rows; checks the all-or-nothing contract.
fn check_import(
    kind: RecordKind,
    text: &str,
    data: &Dataset,
    locale: NumberLocale,
    step: usize,
) -> Result<(), TestCaseError> {
    let Ok(mut job) = ImportJob::new(kind, text.to_owned(), options(locale)) else {
        return Ok(());
    };
    let mut new_id = counting_ids();
    let mut steps = 0usize;
    while !job.step(data, step, &mut new_id).is_done() {
        steps += 1;
        prop_assert!(steps <= text.len() + 10, "a job ends");
    }
    let _ = job.preview();
    // A file whose dates read two ways waits for the user's answer: give one, so the
    // soundness of what is accepted is still checked.
    if let Err(kpi::import::ImportFailure::DateOrder(_)) = job.finish() {
        let mut mapping = job.mapping().clone();
        mapping.date_order = Some(kpi::import::values::SlashOrder::DayFirst);
        job.set_mapping(mapping);
        job.run(data, &mut new_id);
        prop_assert!(
            !matches!(job.finish(), Err(kpi::import::ImportFailure::DateOrder(_))),
            "an answer settles the date order"
        );
    }
    let outcome = job.finish();
    if job.error_count() > 0 {
        prop_assert!(outcome.is_err(), "a file with problems gives no records");
        return Ok(());
    }
    if let Ok(outcome) = outcome {
        let candidate = outcome.candidate(data);
        prop_assert!(
            candidate.is_ok(),
            "an accepted file makes a sound dataset: {:?}",
            candidate.err()
        );
        let candidate = candidate.unwrap();
        let added = outcome.records.len() + outcome.new_customers.len() + outcome.new_reps.len();
        prop_assert_eq!(
            candidate.live_record_count(),
            data.live_record_count() + added
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(64)))]

    #[test]
    fn csv_import_never_panics_on_any_text(
        text in "\\PC{0,300}",
        kind in select(IMPORT_KINDS),
        locale in locale(),
    ) {
        check_import(kind, &text, &Dataset::default(), locale, 3)?;
    }

    #[test]
    fn csv_import_never_panics_on_csv_like_files(
        text in csv_file(),
        kind in select(IMPORT_KINDS),
        locale in locale(),
        step in 1usize..6,
    ) {
        check_import(kind, &text, &Dataset::default(), locale, step)?;
    }

    #[test]
    fn csv_import_into_a_full_dataset_keeps_it_sound(
        text in csv_file(),
        kind in select(IMPORT_KINDS),
        locale in locale(),
    ) {
        let data = demo();
        check_import(kind, &text, &data, locale, 1000)?;
    }

    #[test]
    fn steps_of_any_size_end_alike(text in csv_file(), kind in select(IMPORT_KINDS), step in 1usize..5) {
        let data = Dataset::default();
        let run = |size: usize| {
            let mut job = ImportJob::new(kind, text.clone(), options(NumberLocale::En)).ok()?;
            let mut new_id = counting_ids();
            while !job.step(&data, size, &mut new_id).is_done() {}
            Some((job.errors().to_vec(), job.duplicates().to_vec(), job.finish().ok()))
        };
        prop_assert_eq!(run(step), run(10_000));
    }

    /// Issue 22 item 7: a row is the same row whatever ends the lines (Excel and our
    /// own export write CRLF, most tools LF).
    #[test]
    fn a_file_and_its_crlf_copy_number_rows_alike(text in csv_file(), kind in select(IMPORT_KINDS)) {
        let data = Dataset::default();
        let lf = text.replace("\r\n", "\n");
        let crlf = lf.replace('\n', "\r\n");
        let rows = |text: &str| {
            let mut job = ImportJob::new(kind, text.to_owned(), options(NumberLocale::En)).ok()?;
            job.run(&data, &mut counting_ids());
            let problems: Vec<(usize, &str)> =
                job.errors().iter().map(|e| (e.row, e.problem.id())).collect();
            let preview: Vec<usize> = job.preview().iter().map(|r| r.row).collect();
            Some((problems, preview, job.spanning_rows().to_vec(), job.row_count()))
        };
        prop_assert_eq!(rows(&lf), rows(&crlf));
    }

    #[test]
    fn decoding_file_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = decode_text(&bytes);
    }

    /// Text without control characters (what a CSV export holds) comes back unchanged
    /// from its UTF-8 bytes, and from UTF-16 with a byte-order mark.
    #[test]
    fn text_files_decode_to_their_text(text in "[\\PC\t\r\n]{0,200}") {
        prop_assert_eq!(decode_text(text.as_bytes()), Ok(text.clone()));
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        prop_assert_eq!(decode_text(&utf16), Ok(text));
    }

    #[test]
    fn envelope_load_never_panics_on_damaged_saves(
        data in valid_dataset(),
        at in any::<prop::sample::Index>(),
        byte in any::<u8>(),
    ) {
        let mut bytes = encode(&data, Utc.with_ymd_and_hms(2026, 11, 15, 12, 0, 0).unwrap()).into_bytes();
        let i = at.index(bytes.len());
        bytes[i] = byte;
        if let Ok(text) = String::from_utf8(bytes) {
            let _ = decode_envelope(&text);
            let _ = kpi::peek_revision(&text);
        }
    }

    #[test]
    fn the_json_backup_round_trips_byte_for_byte(data in valid_dataset()) {
        let saved_at = Utc.with_ymd_and_hms(2026, 11, 15, 12, 0, 0).unwrap();
        let first = encode(&data, saved_at);
        let restored = decode(&first).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(encode(&restored, saved_at), first);
    }
}

fn demo() -> Dataset {
    use std::sync::OnceLock;
    static DEMO: OnceLock<Dataset> = OnceLock::new();
    DEMO.get_or_init(|| {
        demo_dataset(
            NaiveDate::from_ymd_opt(2026, 11, 15).unwrap(),
            Utc.with_ymd_and_hms(2026, 11, 15, 12, 0, 0).unwrap(),
        )
    })
    .clone()
}
