//! Imported rows are held to the rules of typed input: visible names, plausible dates
//! (see `kpi::plausible`); today is 2026-11-15 here.

use kpi::{Dataset, NumberLocale, RecordKind};

use super::support::run;

/// (case, kind, file, the one problem: row, column, id)
type Row = (
    &'static str,
    RecordKind,
    &'static str,
    (usize, &'static str, &'static str),
);

#[test]
fn implausible_dates_and_invisible_names_are_row_problems() {
    let data = Dataset::default();
    #[rustfmt::skip]
    let table: &[Row] = &[
        ("deal created in year 1", RecordKind::Deal,
            "Deal Name,Create Date\nA,0001-01-01\n", (2, "Create Date", "implausible_date")),
        ("deal expected to close over ten years ahead", RecordKind::Deal,
            "Deal Name,Create Date,Expected close date\nA,2026-05-01,2036-11-16\n", (2, "Expected close date", "implausible_date")),
        ("deal titled with a zero-width space", RecordKind::Deal,
            "Deal Name,Amount\n\u{200B},5\n", (2, "Deal Name", "required")),
        ("customer named with a BOM and a no-break space", RecordKind::Customer,
            "Name,Region\n\u{FEFF}\u{A0},North\n", (2, "Name", "required")),
        ("order dated 1969", RecordKind::Order,
            "customer,date,amount\nAcme,1969-12-31,5\n", (2, "date", "implausible_date")),
    ];
    for (case, kind, text, (row, column, id)) in table {
        let job = run(*kind, text, &data, NumberLocale::En);
        let found: Vec<(usize, Option<&str>, &str)> = job
            .errors()
            .iter()
            .map(|e| (e.row, e.column.as_deref(), e.problem.id()))
            .collect();
        assert_eq!(found, [(*row, Some(*column), *id)], "{case}");
        assert!(job.finish().is_err(), "{case}: nothing imported");
    }
    let job = run(
        RecordKind::Deal,
        "Deal Name,Create Date,Expected close date\nA,1970-01-01,2036-11-15\n",
        &data,
        NumberLocale::En,
    );
    assert!(
        job.errors().is_empty(),
        "the edges are plausible: {:?}",
        job.errors()
    );
}
