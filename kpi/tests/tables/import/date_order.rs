//! A date column whose values do not settle day/month order (issue 22 item 10): `kpi`
//! says so and nothing is imported until the user's answer is in the mapping.

use kpi::import::values::{ColumnEvidence, SlashOrder};
use kpi::import::{ImportFailure, ImportJob};
use kpi::{Dataset, NumberLocale, RecordKind};

use super::support::{ids, run};

#[test]
fn a_column_needs_the_users_order_only_when_its_dates_read_two_ways() {
    let table: &[(&str, &[&str], bool, Option<SlashOrder>)] = &[
        ("03/04/2026 alone", &["03/04/2026"], true, None),
        (
            "several two-way dates",
            &["3/4/2026", "1/2/2026"],
            true,
            None,
        ),
        (
            "a day above 12 settles it",
            &["03/04/2026", "25/04/2026"],
            false,
            Some(SlashOrder::DayFirst),
        ),
        (
            "a month-second above 12 settles it",
            &["03/04/2026", "04/25/2026"],
            false,
            Some(SlashOrder::MonthFirst),
        ),
        (
            "as many telling each way settle nothing",
            &["25/3/2026", "3/25/2026", "03/04/2026"],
            true,
            None,
        ),
        (
            "the same day either way",
            &["04/04/2026", "1/1/2026"],
            false,
            None,
        ),
        ("ISO dates", &["2026-03-04"], false, None),
        ("dotted dates are day first", &["03.04.2026"], false, None),
        ("a time after the date", &["03/04/2026 17:00"], true, None),
        ("two-digit years", &["03/04/26"], true, None),
        ("not a date", &["3/4/5"], false, None),
        ("blank", &[""], false, None),
    ];
    for (case, cells, needs, settled) in table {
        let mut evidence = ColumnEvidence::default();
        cells.iter().for_each(|c| evidence.observe(c));
        assert_eq!(evidence.needs_slash_order(), *needs, "{case}");
        assert_eq!(evidence.settled_slash_order(), *settled, "{case}");
        for chosen in [SlashOrder::DayFirst, SlashOrder::MonthFirst] {
            let format = evidence.decide_with(NumberLocale::En, Some(chosen));
            assert_eq!(
                format.slash_order,
                settled.unwrap_or(chosen),
                "{case}: the values win over a choice, a choice over the locale"
            );
        }
    }
}

fn created_on(job: &ImportJob) -> Vec<String> {
    job.finish()
        .expect("importable")
        .records
        .iter()
        .map(|r| match r {
            kpi::forms::AnyRecord::Deal(d) => d.created_on.to_string(),
            _ => unreachable!("deals"),
        })
        .collect()
}

#[test]
fn the_import_waits_for_the_users_order_and_reads_the_dates_by_it() {
    let data = Dataset::default();
    let text = "Deal Name,Create Date,Note\nA,03/04/2026,1/2/2026 call\nB,2026-05-01,\n";
    for locale in [NumberLocale::En, NumberLocale::De] {
        let mut job = run(RecordKind::Deal, text, &data, locale);
        assert_eq!(
            job.date_order_columns(),
            [(1, "03/04/2026".to_owned())],
            "{locale:?}: the date column is asked about, not the unmapped note"
        );
        assert_eq!(
            job.finish(),
            Err(ImportFailure::DateOrder(vec!["Create Date".to_owned()])),
            "{locale:?}: the locale does not answer for the user"
        );
        assert!(!job.can_finish());
        assert_eq!(job.error_count(), 0, "not a problem in the file");
        for (order, day) in [
            (SlashOrder::DayFirst, "2026-04-03"),
            (SlashOrder::MonthFirst, "2026-03-04"),
        ] {
            let mut mapping = job.mapping().clone();
            mapping.date_order = Some(order);
            job.set_mapping(mapping);
            job.run(&data, &mut ids());
            assert!(job.can_finish(), "{locale:?} {order:?}");
            assert_eq!(
                created_on(&job),
                [day, "2026-05-01"],
                "{locale:?} {order:?}"
            );
        }
    }
}

#[test]
fn a_settled_column_is_not_asked_about_and_keeps_its_order() {
    let data = Dataset::default();
    let text = "Deal Name,Create Date\nA,03/04/2026\nB,25/04/2026\n";
    let mut job = run(RecordKind::Deal, text, &data, NumberLocale::En);
    assert_eq!(job.date_order_columns(), []);
    assert_eq!(created_on(&job), ["2026-04-03", "2026-04-25"]);
    let mut mapping = job.mapping().clone();
    mapping.date_order = Some(SlashOrder::MonthFirst);
    job.set_mapping(mapping);
    job.run(&data, &mut ids());
    assert_eq!(
        created_on(&job),
        ["2026-04-03", "2026-04-25"],
        "a remembered answer does not overrule what the values settle"
    );
}
