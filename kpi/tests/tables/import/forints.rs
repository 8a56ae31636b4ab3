//! Imported forint amounts are rounded once, to whole forints, like typed ones
//! (`Currency::input_step`).

use kpi::{Currency, Dataset, Money, NumberLocale, RecordKind, Settings};

use super::support::run;

#[test]
fn forint_amounts_are_imported_in_whole_forints() {
    let data = Dataset {
        settings: Settings {
            currency: Currency::Huf,
            ..Settings::default()
        }
        .into(),
        ..Dataset::default()
    };
    let csv = "Deal Name,Amount\n0.70 Ft,0.70\n1.49 Ft,1.49\n1234.50 Ft,1234.50\n";
    let job = run(RecordKind::Deal, csv, &data, NumberLocale::En);
    assert_eq!(job.errors(), &[]);
    let imported = job.finish().unwrap().candidate(&data).expect("sound");
    let amounts: Vec<(String, Money)> = imported
        .deals
        .iter()
        .map(|d| (d.title.clone(), d.amount))
        .collect();
    assert_eq!(
        amounts,
        [
            ("0.70 Ft".to_owned(), Money(100)),
            ("1.49 Ft".to_owned(), Money(100)),
            ("1234.50 Ft".to_owned(), Money(123_500)),
        ]
    );
}
