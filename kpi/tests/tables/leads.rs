//! Leads: qualify, disqualify, convert into a customer and a deal; quick log;
//! complaints.

use kpi::complaints::{days_to_resolve, open_age_days, reopen_complaint, resolve_complaint};
use kpi::deal_input::Problem;
use kpi::leads::{convert_lead, disqualify, qualify, ConvertInput, LeadStatus, NewIds};
use kpi::quick_log::{quick_activity, QuickLog};
use kpi::{
    ActivityKind, DealKind, DealStatus, Feedback, Lead, Money, NumberLocale, RecordError, Settings,
    Source,
};

use crate::support::{day, feedback_of, instant, lead_of};

fn err(field: &'static str, problem: Problem) -> RecordError {
    RecordError { field, problem }
}

fn open_lead() -> Lead {
    Lead {
        name: " Northwind ".into(),
        source: Source::Referral,
        ..lead_of("l1", "r1", "2026-11-01", "")
    }
}

#[test]
fn qualify_and_disqualify_table() {
    let lead = open_lead();
    let converted = lead_of("l2", "r1", "2026-11-01", "2026-11-10");
    let disqualified = Lead {
        disqualified_on: Some(day("2026-11-05")),
        disqualified_reason: Some("No budget".into()),
        ..open_lead()
    };
    let q = qualify(&lead, day("2026-11-02")).expect("qualified");
    assert_eq!(
        q.qualified_on,
        Some(day("2026-11-02")),
        "qualified on the day"
    );
    assert_eq!(LeadStatus::of(&q), LeadStatus::Qualified, "status");
    assert_eq!(
        qualify(&q, day("2026-11-09")).map(|l| l.qualified_on),
        Ok(Some(day("2026-11-02"))),
        "qualify twice keeps the first day"
    );
    for (case, got, expected) in [
        (
            "qualify before created",
            qualify(&lead, day("2026-10-31")).map(|_| ()),
            vec![err("qualified_on", Problem::DateOrder)],
        ),
        (
            "qualify a converted lead",
            qualify(&converted, day("2026-11-20")).map(|_| ()),
            vec![err("converted_on", Problem::Conflict)],
        ),
        (
            "qualify a disqualified lead",
            qualify(&disqualified, day("2026-11-20")).map(|_| ()),
            vec![err("disqualified_on", Problem::Conflict)],
        ),
        (
            "disqualify without a reason",
            disqualify(&lead, " ", day("2026-11-20")).map(|_| ()),
            vec![err("disqualified_reason", Problem::Required)],
        ),
        (
            "disqualify a converted lead before created, no reason: all named",
            disqualify(&converted, "", day("2026-10-01")).map(|_| ()),
            vec![
                err("converted_on", Problem::Conflict),
                err("disqualified_on", Problem::DateOrder),
                err("disqualified_reason", Problem::Required),
            ],
        ),
    ] {
        assert_eq!(got, Err(expected), "{case}");
    }
    let d = disqualify(&lead, "  No budget ", day("2026-11-20")).expect("disqualified");
    assert_eq!(
        (d.disqualified_on, d.disqualified_reason.as_deref()),
        (Some(day("2026-11-20")), Some("No budget"))
    );
    assert_eq!(LeadStatus::of(&d), LeadStatus::Disqualified);
    assert!(
        kpi::Rules::rule_errors(&d).is_empty(),
        "disqualified lead is valid"
    );
}

fn ids() -> NewIds {
    NewIds {
        customer: "cust-1".into(),
        deal: "deal-1".into(),
    }
}

fn input(amount: &str) -> ConvertInput {
    ConvertInput {
        amount: amount.into(),
        ..ConvertInput::from_lead(&open_lead())
    }
}

#[test]
fn convert_lead_makes_linked_records() {
    let lead = open_lead();
    let today = day("2026-11-22");
    let input = ConvertInput {
        segment: " SMB ".into(),
        region: "Bavaria".into(),
        expected_close: Some(day("2026-12-31")),
        kind: DealKind::New,
        ..input("1.234,50")
    };
    let (lead_after, customer, deal) = convert_lead(
        &lead,
        &input,
        &ids(),
        &Settings::default(),
        NumberLocale::De,
        instant(),
        today,
    )
    .expect("converted");
    assert_eq!(lead_after.converted_on, Some(today), "lead converted today");
    assert_eq!(lead_after.qualified_on, Some(today), "converting qualifies");
    assert_eq!(
        lead_after.customer_id.as_deref(),
        Some("cust-1"),
        "lead → customer"
    );
    assert_eq!(lead_after.deal_id.as_deref(), Some("deal-1"), "lead → deal");
    assert_eq!(LeadStatus::of(&lead_after), LeadStatus::Converted);
    assert_eq!(customer.name, "Northwind", "name from the lead, trimmed");
    assert_eq!(
        (customer.segment.as_str(), customer.region.as_str()),
        ("SMB", "Bavaria")
    );
    assert_eq!(customer.source, Source::Referral, "source from the lead");
    assert_eq!(
        customer.owner_id.as_deref(),
        Some("r1"),
        "owner from the lead"
    );
    assert_eq!(
        customer.acquired_on, None,
        "not acquired until the first purchase"
    );
    assert_eq!(
        deal.customer_id.as_deref(),
        Some("cust-1"),
        "deal → customer"
    );
    assert_eq!(deal.rep_id.as_deref(), Some("r1"));
    assert_eq!(deal.stage, "prospecting", "the first stage");
    assert_eq!(deal.status, DealStatus::Open);
    assert_eq!(
        deal.amount,
        Money(123_450),
        "amount parsed in the user's locale"
    );
    assert_eq!(deal.created_on, today);
    assert_eq!(deal.title, "Northwind");
    assert!(deal.validate().is_empty(), "the deal is valid");
    assert!(
        kpi::Rules::rule_errors(&customer).is_empty()
            && kpi::Rules::rule_errors(&lead_after).is_empty(),
        "valid records"
    );
    assert!(
        [lead_after.updated_at, customer.updated_at, deal.updated_at]
            .iter()
            .all(|t| *t == instant()),
        "all stamped now"
    );
}

/// (case, lead, input, ids, settings, today, expected errors)
type ConvertRow = (
    &'static str,
    Lead,
    ConvertInput,
    NewIds,
    Settings,
    &'static str,
    Vec<RecordError>,
);

#[test]
fn convert_lead_errors_table() {
    let settings = Settings::default();
    let nameless = Lead {
        name: "  ".into(),
        ..open_lead()
    };
    let converted = lead_of("l2", "r1", "2026-11-01", "2026-11-10");
    let rows: Vec<ConvertRow> = vec![
        (
            "amount required",
            open_lead(),
            input(""),
            ids(),
            settings.clone(),
            "2026-11-22",
            vec![err("amount", Problem::Required)],
        ),
        (
            "amount not a number",
            open_lead(),
            input("lots"),
            ids(),
            settings.clone(),
            "2026-11-22",
            vec![err("amount", Problem::NotANumber)],
        ),
        (
            "negative amount",
            open_lead(),
            input("-5"),
            ids(),
            settings.clone(),
            "2026-11-22",
            vec![err("amount", Problem::Negative)],
        ),
        (
            "already converted",
            converted,
            input("5"),
            ids(),
            settings.clone(),
            "2026-11-22",
            vec![err("converted_on", Problem::Conflict)],
        ),
        (
            "before the lead was created",
            open_lead(),
            input("5"),
            ids(),
            settings.clone(),
            "2026-10-31",
            vec![err("converted_on", Problem::DateOrder)],
        ),
        (
            "no name anywhere",
            nameless.clone(),
            ConvertInput {
                amount: "5".into(),
                ..ConvertInput::from_lead(&nameless)
            },
            ids(),
            settings.clone(),
            "2026-11-22",
            vec![
                err("customer_name", Problem::Required),
                err("deal_title", Problem::Required),
            ],
        ),
        (
            "expected close in the past",
            open_lead(),
            ConvertInput {
                expected_close: Some(day("2026-11-21")),
                ..input("5")
            },
            ids(),
            settings.clone(),
            "2026-11-22",
            vec![err("expected_close", Problem::ExpectedBeforeCreated)],
        ),
        (
            "no stages",
            open_lead(),
            input("5"),
            ids(),
            Settings {
                stages: vec![],
                ..Settings::default()
            },
            "2026-11-22",
            vec![err("stage", Problem::Required)],
        ),
        (
            "blank ids",
            open_lead(),
            input("5"),
            NewIds {
                customer: " ".into(),
                deal: "".into(),
            },
            settings.clone(),
            "2026-11-22",
            vec![
                err("customer_id", Problem::Required),
                err("deal_id", Problem::Required),
            ],
        ),
        (
            "same id twice",
            open_lead(),
            input("5"),
            NewIds {
                customer: "x".into(),
                deal: "x".into(),
            },
            settings.clone(),
            "2026-11-22",
            vec![err("deal_id", Problem::Conflict)],
        ),
    ];
    for (case, lead, input, ids, settings, on, expected) in rows {
        let got = convert_lead(
            &lead,
            &input,
            &ids,
            &settings,
            NumberLocale::En,
            instant(),
            day(on),
        );
        assert_eq!(got.map(|_| ()), Err(expected), "{case}");
    }
}

#[test]
fn quick_activity_table() {
    let today = day("2026-11-22");
    let visit = |minutes: &str| QuickLog {
        kind: ActivityKind::Visit,
        minutes: minutes.into(),
        customer_id: Some("c1".into()),
        note: "  Met the buyer ".into(),
        ..QuickLog::default()
    };
    let ok =
        quick_activity(&visit("45"), Some("r1".into()), "a1", instant(), today).expect("logged");
    assert_eq!(
        (ok.minutes, ok.date, ok.note.as_str(), ok.kind),
        (45, today, "Met the buyer", ActivityKind::Visit)
    );
    assert_eq!(
        (
            ok.rep_id.as_deref(),
            ok.customer_id.as_deref(),
            ok.id.as_str()
        ),
        (Some("r1"), Some("c1"), "a1")
    );
    assert!(kpi::Rules::rule_errors(&ok).is_empty());
    let prospecting = QuickLog {
        kind: ActivityKind::Prospecting,
        minutes: "120".into(),
        ..QuickLog::default()
    };
    assert!(
        quick_activity(&prospecting, None, "a2", instant(), today).is_ok(),
        "prospecting block without a customer"
    );
    let full_day = quick_activity(&visit("1440"), None, "a3", instant(), today);
    assert_eq!(
        full_day.map(|a| a.minutes),
        Ok(1_440),
        "a whole day is the limit"
    );
    let yesterday = QuickLog {
        date: Some(day("2026-11-21")),
        ..visit("30")
    };
    assert_eq!(
        quick_activity(&yesterday, None, "a4", instant(), today).map(|a| a.date),
        Ok(day("2026-11-21")),
        "logged for yesterday"
    );
    let rows: Vec<(&str, QuickLog, &str, Vec<RecordError>)> = vec![
        (
            "zero minutes",
            visit("0"),
            "a",
            vec![err("minutes", Problem::OutOfRange)],
        ),
        (
            "more than a day",
            visit("1441"),
            "a",
            vec![err("minutes", Problem::OutOfRange)],
        ),
        (
            "huge number",
            visit("99999999999999999999999"),
            "a",
            vec![err("minutes", Problem::NotANumber)],
        ),
        (
            "blank minutes",
            visit(" "),
            "a",
            vec![err("minutes", Problem::Required)],
        ),
        (
            "fractional minutes",
            visit("1.5"),
            "a",
            vec![err("minutes", Problem::NotANumber)],
        ),
        (
            "negative minutes",
            visit("-5"),
            "a",
            vec![err("minutes", Problem::NotANumber)],
        ),
        (
            "a visit needs a customer",
            QuickLog {
                customer_id: Some(" ".into()),
                ..visit("30")
            },
            "a",
            vec![err("customer_id", Problem::Required)],
        ),
        (
            "in the future",
            QuickLog {
                date: Some(day("2026-11-23")),
                ..visit("30")
            },
            "a",
            vec![err("date", Problem::DateOrder)],
        ),
        (
            "no id",
            visit("30"),
            " ",
            vec![err("id", Problem::Required)],
        ),
        (
            "several at once",
            QuickLog {
                customer_id: None,
                ..visit("")
            },
            "a",
            vec![
                err("minutes", Problem::Required),
                err("customer_id", Problem::Required),
            ],
        ),
    ];
    for (case, input, id, expected) in rows {
        assert_eq!(
            quick_activity(&input, None, id, instant(), today).map(|_| ()),
            Err(expected),
            "{case}"
        );
    }
}

#[test]
fn complaints_table() {
    let complaint = Feedback {
        complaint: Some("Late".into()),
        ..feedback_of("c1", "2026-11-10")
    };
    let score = Feedback {
        csat: Some(3),
        ..feedback_of("c1", "2026-11-10")
    };
    let resolved = resolve_complaint(&complaint, day("2026-11-13")).expect("resolved");
    assert_eq!(resolved.resolved_on, Some(day("2026-11-13")));
    assert_eq!(days_to_resolve(&resolved), Some(3), "10th → 13th: 3 days");
    assert_eq!(
        days_to_resolve(&resolve_complaint(&complaint, day("2026-11-10")).unwrap()),
        Some(0),
        "same day: 0"
    );
    assert_eq!(days_to_resolve(&complaint), None, "open: none");
    assert_eq!(days_to_resolve(&score), None, "not a complaint");
    assert_eq!(
        open_age_days(&complaint, day("2026-11-22")),
        Some(12),
        "open 12 days"
    );
    assert_eq!(
        open_age_days(&resolved, day("2026-11-22")),
        None,
        "resolved: not open"
    );
    assert_eq!(
        open_age_days(&complaint, day("2026-11-09")),
        None,
        "not made yet"
    );
    for (case, got, expected) in [
        (
            "not a complaint",
            resolve_complaint(&score, day("2026-11-12")).map(|_| ()),
            vec![err("complaint", Problem::Required)],
        ),
        (
            "resolved twice",
            resolve_complaint(&resolved, day("2026-11-20")).map(|_| ()),
            vec![err("resolved_on", Problem::Conflict)],
        ),
        (
            "before it was made",
            resolve_complaint(&complaint, day("2026-11-09")).map(|_| ()),
            vec![err("resolved_on", Problem::DateOrder)],
        ),
        (
            "reopen an open one",
            reopen_complaint(&complaint).map(|_| ()),
            vec![err("resolved_on", Problem::Required)],
        ),
    ] {
        assert_eq!(got, Err(expected), "{case}");
    }
    assert_eq!(
        reopen_complaint(&resolved),
        Ok(complaint),
        "reopen undoes the resolution"
    );
}

/// (case, scope, status, source, expected ids)
type LeadListRow = (
    &'static str,
    kpi::Scope,
    Option<LeadStatus>,
    Option<Source>,
    Vec<&'static str>,
);

#[test]
fn lead_list_table() {
    use kpi::leads::lead_list;
    use kpi::{Dataset, Scope};
    let data = Dataset {
        leads: vec![
            lead_of("new", "r1", "2026-11-01", ""),
            Lead {
                qualified_on: Some(day("2026-11-03")),
                source: Source::Outbound,
                ..lead_of("qualified", "r1", "2026-11-02", "")
            },
            lead_of("converted", "r2", "2026-11-02", "2026-11-04"),
            Lead {
                disqualified_on: Some(day("2026-11-05")),
                disqualified_reason: Some("No budget".into()),
                ..lead_of("disqualified", "r1", "2026-10-01", "")
            },
            crate::support::deleted(lead_of("gone", "r1", "2026-11-20", "")),
        ]
        .into(),
        ..Dataset::default()
    };
    let ids = |leads: Vec<&Lead>| leads.iter().map(|l| l.id.clone()).collect::<Vec<_>>();
    let rows: Vec<LeadListRow> = vec![
        (
            "everyone: newest first, ties by id, deleted left out",
            Scope::Everyone,
            None,
            None,
            vec!["converted", "qualified", "new", "disqualified"],
        ),
        (
            "rep r1",
            crate::support::rep("r1"),
            None,
            None,
            vec!["qualified", "new", "disqualified"],
        ),
        (
            "qualified only",
            Scope::Everyone,
            Some(LeadStatus::Qualified),
            None,
            vec!["qualified"],
        ),
        (
            "converted only",
            Scope::Everyone,
            Some(LeadStatus::Converted),
            None,
            vec!["converted"],
        ),
        (
            "new only",
            Scope::Everyone,
            Some(LeadStatus::New),
            None,
            vec!["new"],
        ),
        (
            "outbound only",
            Scope::Everyone,
            None,
            Some(Source::Outbound),
            vec!["qualified"],
        ),
    ];
    for (case, scope, status, source, expected) in rows {
        assert_eq!(
            ids(lead_list(&data, &scope, status, source)),
            expected,
            "{case}"
        );
    }
}
