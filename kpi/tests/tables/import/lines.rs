//! How a file's lines make rows: row numbers as a spreadsheet shows them whatever the
//! line ends (issue 22 item 7), and a quote that never closes reported where it opened
//! instead of swallowing the rows after it (item 2).

use kpi::import::{ImportFailure, ImportJob};
use kpi::{Dataset, NumberLocale, RecordKind};

use super::support::{problems, run};

/// The same four lines (header, two good rows, a bad amount on line 4) with each kind
/// of line end, and with blank lines and quoted line breaks in between.
#[test]
fn a_bad_amount_is_reported_at_its_spreadsheet_row_whatever_the_line_ends() {
    let data = Dataset::default();
    let table: &[(&str, &str, usize)] = &[
        ("LF", "Deal Name,Amount\nA,1\nB,2\nBad,lots\nC,3\n", 4),
        (
            "CRLF (Excel, Salesforce, our own export)",
            "Deal Name,Amount\r\nA,1\r\nB,2\r\nBad,lots\r\nC,3\r\n",
            4,
        ),
        (
            "CR only (old Mac)",
            "Deal Name,Amount\rA,1\rB,2\rBad,lots\rC,3\r",
            4,
        ),
        (
            "mixed CRLF and LF",
            "Deal Name,Amount\r\nA,1\nB,2\r\nBad,lots\nC,3\r\n",
            4,
        ),
        (
            "CRLF without a line end after the last row",
            "Deal Name,Amount\r\nA,1\r\nB,2\r\nBad,lots",
            4,
        ),
        (
            "CRLF with a blank line: a row of its own",
            "Deal Name,Amount\r\nA,1\r\n\r\nBad,lots\r\n",
            4,
        ),
        (
            "CRLF with two blank lines",
            "Deal Name,Amount\r\nA,1\r\n\r\n\r\nBad,lots\r\n",
            5,
        ),
        (
            "LF with a blank line",
            "Deal Name,Amount\nA,1\n\nBad,lots\n",
            4,
        ),
        (
            "CRLF, a quoted line break in a cell: still one row",
            "Deal Name,Amount\r\n\"Two\r\nlines\",1\r\nB,2\r\nBad,lots\r\n",
            4,
        ),
        (
            "LF, a quoted line break in a cell: still one row",
            "Deal Name,Amount\n\"Two\nlines\",1\nB,2\nBad,lots\n",
            4,
        ),
        (
            "CRLF, three lines in one cell",
            "Deal Name,Amount\r\n\"One\r\ntwo\r\nthree\",1\r\nBad,lots\r\n",
            3,
        ),
    ];
    for (case, text, row) in table {
        let job = run(RecordKind::Deal, text, &data, NumberLocale::En);
        assert_eq!(
            problems(&job),
            [(*row, Some("Amount"), "not_a_number")],
            "{case}"
        );
    }
}

#[test]
fn preview_rows_are_numbered_alike_for_crlf_and_lf() {
    let data = Dataset::default();
    let lf = "Deal Name,Amount\nA,1\nB,2\n\nC,3\n";
    let crlf = lf.replace('\n', "\r\n");
    let rows = |text: &str| -> Vec<usize> {
        run(RecordKind::Deal, text, &data, NumberLocale::En)
            .preview()
            .iter()
            .map(|r| r.row)
            .collect()
    };
    assert_eq!(rows(lf), [2, 3, 5]);
    assert_eq!(rows(&crlf), [2, 3, 5], "CRLF");
}

/// A `"` that opens a cell and never closes: the reader takes every later line into
/// that cell. It is a problem at the row (and column) where the quote opened, and
/// nothing is imported.
#[test]
fn an_unclosed_quote_is_a_problem_where_it_opened() {
    let data = Dataset::default();
    let table: &[(&str, &str, usize, &str, &str)] = &[
        (
            "in the third data line's title, LF",
            "Deal Name,Amount\nA,1\nB,2\n\"C oops,3\nD,4\nE,5\n",
            4,
            "Deal Name",
            "C oops,3",
        ),
        (
            "in the third data line's title, CRLF",
            "Deal Name,Amount\r\nA,1\r\nB,2\r\n\"C oops,3\r\nD,4\r\nE,5\r\n",
            4,
            "Deal Name",
            "C oops,3",
        ),
        (
            "in the second column",
            "Deal Name,Amount\nA,1\nB,\"2\nC,3\n",
            3,
            "Amount",
            "2",
        ),
        (
            "on the last line",
            "Deal Name,Amount\nA,1\nB,\"2",
            3,
            "Amount",
            "2",
        ),
        (
            "after a closed multi-line cell and a blank line",
            "Deal Name,Amount\n\"Two\nlines\",1\n\n\"Open,2\nC,3\n",
            4,
            "Deal Name",
            "Open,2",
        ),
        (
            "a doubled quote inside does not close it",
            "Deal Name,Amount\nA,1\n\"Say \"\"hi\"\",2\nC,3\n",
            3,
            "Deal Name",
            "Say \"hi\",2",
        ),
    ];
    for (case, text, row, column, value) in table {
        let job = run(RecordKind::Deal, text, &data, NumberLocale::En);
        let unclosed: Vec<_> = job
            .errors()
            .iter()
            .filter(|e| e.problem.id() == "unclosed_quote")
            .map(|e| (e.row, e.column.as_deref(), e.value.as_str()))
            .collect();
        assert_eq!(unclosed, [(*row, Some(*column), *value)], "{case}");
        assert!(
            matches!(job.finish(), Err(ImportFailure::Errors(_))),
            "{case}: nothing imported"
        );
        assert!(!job.can_finish(), "{case}");
    }
    let job = run(
        RecordKind::Deal,
        "Deal Name,Amount\nA,1\nB,2\n\"C oops,3\nD,4\nE,5\n",
        &data,
        NumberLocale::En,
    );
    assert_eq!(
        job.errors()[0].to_string(),
        "row 4, column \"Deal Name\": \"C oops,3\" opens a quote that never closes: the lines after it are in this cell"
    );
}

/// Quotes that close are CSV as it should be, even across lines: no problem, but a
/// record spanning lines is named so the user can see the count of rows differ from
/// the count of lines.
#[test]
fn quotes_that_close_are_no_problem_and_spanning_rows_are_named() {
    let data = Dataset::default();
    let table: &[(&str, &str, &[usize])] = &[
        ("no quotes", "Deal Name,Amount\nA,1\nB,2\n", &[]),
        (
            "a quote inside an unquoted cell is a character",
            "Deal Name,Amount\n5\" screen,1\nB,2\n",
            &[],
        ),
        (
            "a quoted cell on one line",
            "Deal Name,Amount\n\"A, Inc.\",1\nB,2\n",
            &[],
        ),
        (
            "a quoted line break",
            "Deal Name,Amount\nA,1\n\"Two\nlines\",2\nC,3\n",
            &[3],
        ),
        (
            "a quoted CRLF line break on the last row",
            "Deal Name,Amount\r\nA,1\r\n\"Two\r\nlines\",2",
            &[3],
        ),
        (
            "two spanning rows",
            "Deal Name,Amount\n\"a\nb\",1\nB,2\n\"c\nd\",3\n",
            &[2, 4],
        ),
    ];
    for (case, text, spanning) in table {
        let job = run(RecordKind::Deal, text, &data, NumberLocale::En);
        assert_eq!(problems(&job), [], "{case}");
        assert_eq!(job.spanning_rows(), *spanning, "{case}");
        assert_eq!(job.spanning_count(), spanning.len(), "{case}");
        assert!(job.finish().is_ok(), "{case}");
    }
}

#[test]
fn a_header_whose_quote_never_closes_is_not_readable() {
    let new = |text: &str| {
        ImportJob::new(
            RecordKind::Deal,
            text.to_owned(),
            super::support::options(NumberLocale::En),
        )
        .err()
    };
    assert_eq!(
        new("Deal Name,\"Amount\nA,1\nB,2\n"),
        Some(kpi::import::FileError::Malformed),
        "the header took every row"
    );
    assert_eq!(new("Deal Name,\"Amount\"\nA,1\n"), None, "closed: fine");
}
