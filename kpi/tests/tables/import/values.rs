//! Cell values as CRMs and spreadsheets write them, good and bad.

use chrono::NaiveDate;
use kpi::import::values::{
    parse_activity_kind, parse_amount, parse_bool, parse_date, parse_deal_kind, parse_minutes,
    parse_order_kind, parse_percent, parse_source, parse_status, ColumnEvidence, DecimalMark,
    SlashOrder,
};
use kpi::import::{resolve_stage, ImportProblem};
use kpi::{
    ActivityKind, Currency, DealKind, DealStatus, Money, NumberLocale, OrderKind, Settings, Source,
};

/// What a parser gives: a value, nothing (blank), or a problem.
type Parsed<T> = Result<Option<T>, ImportProblem>;

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn dates_in_every_accepted_form() {
    use SlashOrder::{DayFirst, MonthFirst};
    let table: &[(&str, &str, SlashOrder, Parsed<NaiveDate>)] = &[
        ("iso", "2026-03-05", MonthFirst, Ok(day(2026, 3, 5))),
        (
            "iso with time (HubSpot)",
            "2026-03-05 17:00",
            MonthFirst,
            Ok(day(2026, 3, 5)),
        ),
        (
            "iso with seconds (Pipedrive)",
            "2026-03-05 17:00:00",
            DayFirst,
            Ok(day(2026, 3, 5)),
        ),
        (
            "iso instant, zone ignored",
            "2026-03-05T23:30:00Z",
            MonthFirst,
            Ok(day(2026, 3, 5)),
        ),
        (
            "iso with offset",
            "2026-03-05T10:00:00+02:00",
            MonthFirst,
            Ok(day(2026, 3, 5)),
        ),
        ("us slash", "3/5/2026", MonthFirst, Ok(day(2026, 3, 5))),
        ("uk slash", "3/5/2026", DayFirst, Ok(day(2026, 5, 3))),
        (
            "us slash with time",
            "3/5/2026 5:00 PM",
            MonthFirst,
            Ok(day(2026, 3, 5)),
        ),
        ("two-digit year", "3/5/26", MonthFirst, Ok(day(2026, 3, 5))),
        ("german dots", "05.03.2026", MonthFirst, Ok(day(2026, 3, 5))),
        (
            "german dots with time",
            "05.03.2026 17:00",
            DayFirst,
            Ok(day(2026, 3, 5)),
        ),
        (
            "day-first dashes",
            "05-03-2026",
            MonthFirst,
            Ok(day(2026, 3, 5)),
        ),
        (
            "hungarian year first",
            "2026.03.05.",
            DayFirst,
            Ok(day(2026, 3, 5)),
        ),
        (
            "year-first slashes",
            "2026/03/05",
            DayFirst,
            Ok(day(2026, 3, 5)),
        ),
        (
            "surrounding spaces",
            "  2026-03-05  ",
            MonthFirst,
            Ok(day(2026, 3, 5)),
        ),
        ("blank", "", MonthFirst, Ok(None)),
        ("spaces only", "   ", MonthFirst, Ok(None)),
        (
            "31 april",
            "2026-04-31",
            MonthFirst,
            Err(ImportProblem::NotADate),
        ),
        (
            "month 13 in a us column",
            "13/5/2026",
            MonthFirst,
            Err(ImportProblem::NotADate),
        ),
        (
            "words",
            "next tuesday",
            MonthFirst,
            Err(ImportProblem::NotADate),
        ),
        (
            "two parts",
            "03/2026",
            MonthFirst,
            Err(ImportProblem::NotADate),
        ),
        (
            "mixed separators",
            "2026-03/05",
            MonthFirst,
            Err(ImportProblem::NotADate),
        ),
        (
            "year zero",
            "0000-01-01",
            MonthFirst,
            Err(ImportProblem::NotADate),
        ),
        (
            "junk after the date",
            "2026-03-05 soon",
            MonthFirst,
            Err(ImportProblem::NotADate),
        ),
        (
            "huge numbers",
            "99999999/1/1",
            MonthFirst,
            Err(ImportProblem::NotADate),
        ),
    ];
    for (case, cell, order, expected) in table {
        assert_eq!(parse_date(cell, *order), *expected, "{case}: {cell:?}");
    }
}

#[test]
fn amounts_in_every_accepted_form() {
    use DecimalMark::{Comma, Dot};
    let eur = Currency::Eur;
    let table: &[(&str, &str, Currency, DecimalMark, Parsed<Money>)] = &[
        (
            "us grouping",
            "1,234.50",
            eur,
            Dot,
            Ok(Some(Money(123_450))),
        ),
        (
            "german grouping",
            "1.234,50",
            eur,
            Comma,
            Ok(Some(Money(123_450))),
        ),
        (
            "both marks read right in either column",
            "1.234,50",
            eur,
            Dot,
            Ok(Some(Money(123_450))),
        ),
        ("plain", "4000", eur, Dot, Ok(Some(Money(400_000)))),
        (
            "lone comma in a dot column groups",
            "1,234",
            eur,
            Dot,
            Ok(Some(Money(123_400))),
        ),
        (
            "lone dot in a comma column groups",
            "15.000",
            eur,
            Comma,
            Ok(Some(Money(1_500_000))),
        ),
        (
            "lone comma in a comma column is decimal",
            "12,5",
            eur,
            Comma,
            Ok(Some(Money(1_250))),
        ),
        (
            "euro sign before",
            "€1,234.50",
            eur,
            Dot,
            Ok(Some(Money(123_450))),
        ),
        (
            "euro sign after",
            "1.234,50 €",
            eur,
            Comma,
            Ok(Some(Money(123_450))),
        ),
        ("iso code", "EUR 99", eur, Dot, Ok(Some(Money(9_900)))),
        (
            "dollar in a usd dataset",
            "$12,500.00",
            Currency::Usd,
            Dot,
            Ok(Some(Money(1_250_000))),
        ),
        (
            "dong without decimals",
            "25.000.000 ₫",
            Currency::Vnd,
            Comma,
            Ok(Some(Money(25_000_000))),
        ),
        ("blank", "", eur, Dot, Ok(None)),
        (
            "dollar in a euro dataset",
            "$5",
            eur,
            Dot,
            Err(ImportProblem::OtherCurrency(Currency::Usd)),
        ),
        (
            "usd code in a euro dataset",
            "5 USD",
            eur,
            Dot,
            Err(ImportProblem::OtherCurrency(Currency::Usd)),
        ),
        ("negative", "-5", eur, Dot, Err(ImportProblem::Negative)),
        (
            "three decimals",
            "1.2345",
            eur,
            Dot,
            Err(ImportProblem::TooManyDecimals),
        ),
        (
            "lone comma with 3 digits in a comma column",
            "1,234",
            eur,
            Comma,
            Err(ImportProblem::TooManyDecimals),
        ),
        ("words", "a lot", eur, Dot, Err(ImportProblem::NotANumber)),
        (
            "too large",
            "99999999999999999",
            eur,
            Dot,
            Err(ImportProblem::TooLarge),
        ),
    ];
    for (case, cell, currency, mark, expected) in table {
        assert_eq!(
            parse_amount(cell, *currency, *mark),
            *expected,
            "{case}: {cell:?}"
        );
    }
}

#[test]
fn a_column_format_is_decided_by_its_telling_cells() {
    let table: &[(&str, &[&str], NumberLocale, SlashOrder, DecimalMark)] = &[
        (
            "a day above 12 makes the column day first",
            &["3/5/2026", "25/3/2026"],
            NumberLocale::En,
            SlashOrder::DayFirst,
            DecimalMark::Dot,
        ),
        (
            "a month-second above 12 makes it month first",
            &["3/5/2026", "3/25/2026"],
            NumberLocale::De,
            SlashOrder::MonthFirst,
            DecimalMark::Comma,
        ),
        (
            "nothing telling: english reads month first",
            &["3/5/2026", "1/2/2026"],
            NumberLocale::En,
            SlashOrder::MonthFirst,
            DecimalMark::Dot,
        ),
        (
            "nothing telling: german reads day first",
            &["3/5/2026"],
            NumberLocale::De,
            SlashOrder::DayFirst,
            DecimalMark::Comma,
        ),
        (
            "the majority decides",
            &["25/3/2026", "26/3/2026", "3/25/2026"],
            NumberLocale::En,
            SlashOrder::DayFirst,
            DecimalMark::Dot,
        ),
        (
            "a decimal comma",
            &["1.234,50", "1.000"],
            NumberLocale::En,
            SlashOrder::MonthFirst,
            DecimalMark::Comma,
        ),
        (
            "a decimal dot",
            &["1,234.50", "1,000"],
            NumberLocale::De,
            SlashOrder::DayFirst,
            DecimalMark::Dot,
        ),
        (
            "repeated dots group thousands",
            &["1.234.567"],
            NumberLocale::En,
            SlashOrder::MonthFirst,
            DecimalMark::Comma,
        ),
        (
            "ambiguous 1,234 only: the locale",
            &["1,234", "5,000"],
            NumberLocale::En,
            SlashOrder::MonthFirst,
            DecimalMark::Dot,
        ),
        (
            "names tell nothing",
            &["Acme, Inc."],
            NumberLocale::De,
            SlashOrder::DayFirst,
            DecimalMark::Comma,
        ),
    ];
    for (case, cells, locale, order, mark) in table {
        let mut evidence = ColumnEvidence::default();
        cells.iter().for_each(|c| evidence.observe(c));
        let format = evidence.decide(*locale);
        assert_eq!(
            (format.slash_order, format.decimal),
            (*order, *mark),
            "{case}"
        );
    }
}

#[test]
fn status_words() {
    let table: &[(&str, &str, Parsed<DealStatus>)] = &[
        ("pipedrive open", "open", Ok(Some(DealStatus::Open))),
        ("pipedrive won", "won", Ok(Some(DealStatus::Won))),
        ("pipedrive lost", "lost", Ok(Some(DealStatus::Lost))),
        ("capitalised", "Won", Ok(Some(DealStatus::Won))),
        (
            "salesforce closed won",
            "Closed Won",
            Ok(Some(DealStatus::Won)),
        ),
        ("hubspot internal", "closedlost", Ok(Some(DealStatus::Lost))),
        ("blank", " ", Ok(None)),
        (
            "pipedrive deleted",
            "deleted",
            Err(ImportProblem::UnknownValue),
        ),
    ];
    for (case, cell, expected) in table {
        assert_eq!(parse_status(cell), *expected, "{case}");
    }
}

#[test]
fn stages_resolve_to_the_pipeline() {
    let settings = Settings::default();
    let mut map = std::collections::BTreeMap::new();
    map.insert("Discovery call".to_string(), "qualified".to_string());
    map.insert("Bad target".to_string(), "no-such-stage".to_string());
    type Expected = Result<(Option<String>, Option<DealStatus>), ImportProblem>;
    let stage = |id: &str| -> Expected { Ok((Some(id.into()), None)) };
    let table: Vec<(&str, &str, Expected)> = vec![
        ("our id", "proposal", stage("proposal")),
        ("our name in capitals", "NEGOTIATION", stage("negotiation")),
        ("the user's map", "discovery call", stage("qualified")),
        (
            "a map to a missing stage",
            "Bad target",
            Err(ImportProblem::UnknownStage),
        ),
        (
            "closed won: a status, no stage",
            "Closed Won",
            Ok((None, Some(DealStatus::Won))),
        ),
        (
            "hubspot closedlost",
            "closedlost",
            Ok((None, Some(DealStatus::Lost))),
        ),
        (
            "hubspot appointment",
            "appointmentscheduled",
            stage("prospecting"),
        ),
        ("hubspot shown name", "Qualified To Buy", stage("qualified")),
        (
            "hubspot contract sent",
            "Contract Sent",
            stage("negotiation"),
        ),
        (
            "pipedrive proposal made",
            "Proposal Made",
            stage("proposal"),
        ),
        ("pipedrive demo scheduled", "Demo Scheduled", stage("demo")),
        (
            "salesforce qualification",
            "Qualification",
            stage("qualified"),
        ),
        (
            "salesforce proposal/price quote",
            "Proposal/Price Quote",
            stage("proposal"),
        ),
        (
            "salesforce negotiation/review",
            "Negotiation/Review",
            stage("negotiation"),
        ),
        ("blank", "", Ok((None, None))),
        (
            "unknown",
            "Waiting for Godot",
            Err(ImportProblem::UnknownStage),
        ),
    ];
    for (case, cell, expected) in table {
        assert_eq!(resolve_stage(cell, &settings, &map), expected, "{case}");
    }
}

#[test]
fn small_values() {
    assert_eq!(parse_bool("TRUE"), Ok(Some(true)), "salesforce true");
    assert_eq!(parse_bool("0"), Ok(Some(false)), "salesforce 0");
    assert_eq!(parse_bool(""), Ok(None), "blank box");
    assert_eq!(
        parse_bool("maybe"),
        Err(ImportProblem::UnknownValue),
        "not a box"
    );
    let percents: &[(&str, &str, Parsed<u8>)] = &[
        ("whole", "25", Ok(Some(25))),
        ("with a sign", "80 %", Ok(Some(80))),
        ("rounded up", "33.5", Ok(Some(34))),
        ("decimal comma", "33,4", Ok(Some(33))),
        ("blank", "", Ok(None)),
        ("above 100", "120", Err(ImportProblem::OutOfRange)),
        ("words", "high", Err(ImportProblem::NotANumber)),
        ("negative", "-5", Err(ImportProblem::NotANumber)),
    ];
    for (case, cell, expected) in percents {
        assert_eq!(parse_percent(cell), *expected, "percent {case}");
    }
    let minutes: &[(&str, &str, Result<u32, ImportProblem>)] = &[
        ("plain", "30", Ok(30)),
        ("with unit", "45 min", Ok(45)),
        ("h:mm (pipedrive)", "01:30", Ok(90)),
        ("h:mm:ss", "00:20:59", Ok(20)),
        ("blank", "", Ok(0)),
        ("bad minutes", "1:75", Err(ImportProblem::NotANumber)),
        ("words", "long", Err(ImportProblem::NotANumber)),
    ];
    for (case, cell, expected) in minutes {
        assert_eq!(parse_minutes(cell), *expected, "minutes {case}");
    }
}

#[test]
fn kind_and_source_words() {
    assert_eq!(
        parse_deal_kind("newbusiness"),
        Ok(DealKind::New),
        "hubspot new"
    );
    assert_eq!(
        parse_deal_kind("existingbusiness"),
        Ok(DealKind::Upsell),
        "hubspot existing"
    );
    assert_eq!(
        parse_deal_kind("Existing Customer - Upgrade"),
        Ok(DealKind::Upsell),
        "salesforce upgrade"
    );
    assert_eq!(
        parse_deal_kind("Existing Customer - Replacement"),
        Ok(DealKind::Renewal),
        "salesforce replacement"
    );
    assert_eq!(
        parse_deal_kind("cross_sell"),
        Ok(DealKind::CrossSell),
        "our id"
    );
    assert_eq!(parse_deal_kind(""), Ok(DealKind::New), "blank is new");
    assert_eq!(
        parse_deal_kind("barter"),
        Err(ImportProblem::UnknownValue),
        "unknown"
    );
    assert_eq!(
        parse_order_kind("Repeat"),
        Ok(OrderKind::Repeat),
        "order repeat"
    );
    assert_eq!(
        parse_order_kind("gift"),
        Err(ImportProblem::UnknownValue),
        "order unknown"
    );
    assert_eq!(
        parse_activity_kind("Call"),
        Ok(ActivityKind::Call),
        "pipedrive call"
    );
    assert_eq!(
        parse_activity_kind("lunch"),
        Ok(ActivityKind::Meeting),
        "pipedrive lunch"
    );
    assert_eq!(
        parse_activity_kind("EMAIL"),
        Ok(ActivityKind::Email),
        "hubspot email"
    );
    assert_eq!(
        parse_activity_kind("deadline"),
        Err(ImportProblem::UnknownValue),
        "pipedrive deadline"
    );
    assert_eq!(
        parse_source("Partner Referral"),
        Source::Referral,
        "salesforce partner referral"
    );
    assert_eq!(
        parse_source("Cold Call"),
        Source::Outbound,
        "salesforce cold call"
    );
    assert_eq!(
        parse_source("ORGANIC_SEARCH"),
        Source::Inbound,
        "hubspot organic"
    );
    assert_eq!(parse_source(""), Source::Inbound, "blank");
}
