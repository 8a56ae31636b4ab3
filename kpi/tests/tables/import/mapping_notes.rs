//! Columns the mapping step must say a word about (issue 22 item 9): a header repeated
//! word for word, a second column naming a field one column takes, two columns filling
//! one field. None of them is dropped or mapped twice in silence.

use kpi::import::{ColumnNote, Field, Mapping};
use kpi::RecordKind;

fn headers(line: &str) -> Vec<String> {
    line.split(',').map(str::to_owned).collect()
}

#[test]
fn repeated_and_competing_headers_are_named() {
    use ColumnNote::*;
    use Field::*;
    type Case<'a> = (
        &'a str,
        RecordKind,
        &'a str,
        &'a [Option<Field>],
        &'a [Option<ColumnNote>],
    );
    let table: &[Case] = &[
        (
            "distinct headers: nothing to say",
            RecordKind::Deal,
            "Deal Name,Amount",
            &[Some(Title), Some(Amount)],
            &[None, None],
        ),
        (
            "a header repeated: the first is mapped, the second named",
            RecordKind::Deal,
            "Deal Name,Amount,Amount",
            &[Some(Title), Some(Amount), None],
            &[None, None, Some(SameNameAs(1))],
        ),
        (
            "repeated after normalising (case, punctuation)",
            RecordKind::Deal,
            "Deal Name,Close Date,close_date",
            &[Some(Title), Some(CloseDate), None],
            &[None, None, Some(SameNameAs(1))],
        ),
        (
            "a repeated header of a joining field is not joined",
            RecordKind::Customer,
            "Name,Name",
            &[Some(Name), None],
            &[None, Some(SameNameAs(0))],
        ),
        (
            "a repeated unknown header is still named",
            RecordKind::Deal,
            "Deal Name,Notes 2,Notes 2",
            &[Some(Title), None, None],
            &[None, None, Some(SameNameAs(1))],
        ),
        (
            "two headers for one field: the second is named",
            RecordKind::Deal,
            "Deal Name,Opportunity Name",
            &[Some(Title), None],
            &[
                None,
                Some(FieldTakenBy {
                    field: Title,
                    column: 0,
                }),
            ],
        ),
        (
            "first and last name join: nothing to say",
            RecordKind::Lead,
            "First Name,Last Name",
            &[Some(Name), Some(Name)],
            &[None, None],
        ),
        (
            "blank headers repeat nothing",
            RecordKind::Deal,
            "Deal Name,,",
            &[Some(Title), None, None],
            &[None, None, None],
        ),
    ];
    for (case, kind, line, columns, notes) in table {
        let headers = headers(line);
        let mapping = Mapping::propose(*kind, &headers);
        assert_eq!(mapping.columns, *columns, "{case}: mapping");
        assert_eq!(mapping.column_notes(&headers), *notes, "{case}: notes");
    }
}

#[test]
fn notes_follow_the_users_mapping() {
    let headers = headers("Deal Name,Amount,Amount");
    let mut mapping = Mapping::propose(RecordKind::Deal, &headers);
    mapping.columns[2] = Some(Field::Amount);
    assert_eq!(
        mapping.column_notes(&headers)[2],
        Some(ColumnNote::SharesFieldWith(1)),
        "mapped to the same field by hand: a row takes the first filled cell, and says so"
    );
    mapping.columns[2] = Some(Field::Cost);
    assert_eq!(
        mapping.column_notes(&headers)[2],
        None,
        "mapped to a field of its own: nothing to say"
    );
}
