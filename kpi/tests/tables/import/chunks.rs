//! A job run in small steps ends exactly where one run at once does.

use kpi::import::{ImportJob, Phase};
use kpi::{Dataset, NumberLocale, RecordKind};

use super::support::{counting_ids, fixture, ids, options};

#[test]
fn steps_of_any_size_give_the_same_records() {
    let data = Dataset::default();
    let text = fixture("hubspot_deals.csv");
    let mut whole =
        ImportJob::new(RecordKind::Deal, text.clone(), options(NumberLocale::En)).unwrap();
    whole.run(&data, &mut counting_ids());
    let expected = whole.finish().unwrap();
    for size in [1, 2, 3, 1000] {
        let mut job =
            ImportJob::new(RecordKind::Deal, text.clone(), options(NumberLocale::En)).unwrap();
        let mut new_id = counting_ids();
        let mut last = 0.0;
        let mut steps = 0;
        loop {
            let progress = job.step(&data, size, &mut new_id);
            assert!(
                progress.fraction() >= last,
                "size {size}: progress never goes back"
            );
            last = progress.fraction();
            steps += 1;
            if progress.is_done() {
                break;
            }
            assert!(steps < 100, "size {size}: ends");
        }
        assert_eq!(job.progress().phase, Phase::Done);
        assert_eq!(job.finish().unwrap(), expected, "size {size}");
        if size == 1 {
            assert!(steps >= 8, "one row per step: 4 to read, 4 to check");
        }
    }
}

#[test]
fn a_byte_order_mark_and_crlf_lines_are_read() {
    let data = Dataset::default();
    let text = "\u{feff}Deal Name;Amount\r\nA;1.234,50\r\nB;2,5\r\n".to_owned();
    let mut job = ImportJob::new(RecordKind::Deal, text, options(NumberLocale::En)).unwrap();
    job.run(&data, &mut ids());
    assert_eq!(job.headers(), ["Deal Name", "Amount"]);
    assert_eq!(job.errors(), &[]);
    let data = job.finish().unwrap().candidate(&data).unwrap();
    let amounts: Vec<i64> = data.deals.iter().map(|d| d.amount.minor()).collect();
    assert_eq!(
        amounts,
        [123_450, 250],
        "the column's decimal comma wins over the English locale"
    );
}

#[test]
fn the_preview_shows_rows_as_stored() {
    let data = Dataset::default();
    let mut job = ImportJob::new(
        RecordKind::Deal,
        fixture("pipedrive_deals.csv"),
        options(NumberLocale::En),
    )
    .unwrap();
    job.run(&data, &mut ids());
    let first = &job.preview()[0];
    assert_eq!(first.row, 2);
    let value = |field: kpi::import::Field| {
        first
            .values
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, v)| v.as_str())
    };
    use kpi::import::Field;
    assert_eq!(value(Field::Title), Some("Acme website"));
    assert_eq!(value(Field::Amount), Some("1234.50"));
    assert_eq!(value(Field::Status), Some("won"));
    assert_eq!(value(Field::Stage), Some("Negotiation"));
    assert_eq!(value(Field::ClosedOn), Some("2026-03-05"));
    assert_eq!(value(Field::Customer), Some("Acme GmbH"));
    assert_eq!(first.new_links, [Field::Owner, Field::Customer]);
    assert!(!first.has_errors);
    assert_eq!(job.preview().len(), 3);
}

/// 100k rows through the chunked job: run with
/// `cargo test --release -p kpi --test tables hundred_thousand -- --ignored --nocapture`.
#[test]
#[ignore]
fn hundred_thousand_rows() {
    let mut text = String::from("Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal owner,Associated Company\n");
    for i in 0..100_000 {
        text.push_str(&format!(
            "{i},Deal {i},{},\"{},{:03}.50\",2026-03-{:02} 17:00,2026-01-{:02} 09:00,Rep {},Customer {}\n",
            ["Closed Won", "closedlost", "Appointment Scheduled", "Contract Sent"][i % 4],
            1 + i % 90,
            i % 1000,
            1 + i % 28,
            1 + i % 28,
            i % 25,
            i % 3000
        ));
    }
    let data = Dataset::default();
    let started = std::time::Instant::now();
    let mut job = ImportJob::new(RecordKind::Deal, text, options(NumberLocale::En)).unwrap();
    let mut new_id = ids();
    let mut steps = 0;
    let mut slowest = std::time::Duration::ZERO;
    loop {
        let step = std::time::Instant::now();
        let done = job.step(&data, 2_000, &mut new_id).is_done();
        slowest = slowest.max(step.elapsed());
        steps += 1;
        if done {
            break;
        }
    }
    let checked = started.elapsed();
    let outcome = job.finish().expect("no problems");
    let candidate = outcome.candidate(&data).expect("sound");
    println!(
        "100k rows: {steps} steps of 2000, checked in {checked:?} (slowest step {slowest:?}), candidate in {:?} total",
        started.elapsed()
    );
    assert_eq!(candidate.deals.len(), 100_000);
    assert_eq!(candidate.customers.len(), 3000);
    assert_eq!(candidate.reps.len(), 25);
}

#[test]
fn file_bytes_become_text() {
    use kpi::import::{decode_text, FileError};
    let utf16le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("Name\tÁrok\r\n".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let utf16be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain("Name,Hà Nội".encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    let table: &[(&str, &[u8], Result<&str, FileError>)] = &[
        ("utf-8", "München €".as_bytes(), Ok("München €")),
        ("utf-8 with a byte-order mark", b"\xEF\xBB\xBFid", Ok("id")),
        (
            "windows-1252 from excel",
            b"M\xFCnchen \x80 \x93q\x94",
            Ok("München € “q”"),
        ),
        (
            "tabs, line breaks, a vertical tab and a form feed are text",
            b"a\tb\r\nc\x0bd\x0c",
            Ok("a\tb\r\nc\u{b}d\u{c}"),
        ),
        (
            "a DOS end-of-file mark at the end",
            b"id\r\n\x1A",
            Ok("id\r\n"),
        ),
        (
            "excel's unicode text: utf-16le",
            &utf16le,
            Ok("Name\tÁrok\r\n"),
        ),
        ("utf-16be", &utf16be, Ok("Name,Hà Nội")),
        (
            "a byte windows-1252 leaves undefined: not a known encoding",
            b"a\x81b\xFF",
            Err(FileError::UnknownEncoding),
        ),
        (
            "a png renamed .csv",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
            Err(FileError::Binary),
        ),
        (
            "a .wasm renamed .csv",
            b"\x00asm\x01\x00\x00\x00\x01\x07\x01`\x02\x7f\x7f\x01\x7f",
            Err(FileError::Binary),
        ),
        (
            "a zip (an .xlsx workbook)",
            b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00",
            Err(FileError::Binary),
        ),
        (
            "one NUL in valid utf-8",
            b"id,name\n1,A\x00\n",
            Err(FileError::Binary),
        ),
        (
            "a control byte in windows-1252 text",
            b"M\xFCnchen\x02",
            Err(FileError::Binary),
        ),
        (
            "a Ctrl-Z before the end",
            b"id\x1A\n2",
            Err(FileError::Binary),
        ),
        (
            "utf-16 of odd length",
            b"\xFF\xFEa\x00b",
            Err(FileError::UnknownEncoding),
        ),
        (
            "utf-16 holding NUL characters",
            b"\xFF\xFEa\x00\x00\x00",
            Err(FileError::Binary),
        ),
    ];
    for (case, bytes, expected) in table {
        assert_eq!(
            decode_text(bytes).as_deref().map_err(Clone::clone),
            *expected,
            "{case}"
        );
    }
}
