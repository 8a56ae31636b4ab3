//! Each CRM's sample file (tests/fixtures/import/), imported end to end.

use kpi::import::Crm;
use kpi::{Dataset, Deal, DealKind, DealStatus, Money, NumberLocale, RecordKind};

use super::support::{fixture, run};

fn deal<'a>(data: &'a Dataset, title: &str) -> &'a Deal {
    data.deals
        .iter()
        .find(|d| d.title == title)
        .unwrap_or_else(|| panic!("no deal {title}"))
}

fn customer_of(data: &Dataset, deal: &Deal) -> String {
    data.customer_name(deal.customer_id.as_deref())
        .unwrap_or("")
        .to_owned()
}

fn rep_of(data: &Dataset, deal: &Deal) -> String {
    data.rep_name(deal.rep_id.as_deref())
        .unwrap_or("")
        .to_owned()
}

fn import(file: &str, crm: Crm) -> Dataset {
    let data = Dataset::default();
    let job = run(RecordKind::Deal, &fixture(file), &data, NumberLocale::En);
    assert_eq!(job.source(), crm, "{file}: detected source");
    assert_eq!(job.errors(), &[], "{file}: no errors");
    job.finish()
        .expect("finished")
        .candidate(&data)
        .expect("a sound dataset")
}

#[test]
fn hubspot_deals_import_with_stages_owners_and_companies() {
    let data = import("hubspot_deals.csv", Crm::HubSpot);
    assert_eq!(data.deals.len(), 4);
    let won = deal(&data, "Northwind renewal");
    assert_eq!(won.status, DealStatus::Won);
    assert_eq!(won.amount, Money(1_250_000));
    assert_eq!(won.closed_on.unwrap().to_string(), "2026-03-05");
    assert_eq!(won.created_on.to_string(), "2026-01-10");
    assert_eq!(won.kind, DealKind::Upsell);
    assert_eq!(
        won.stage, "negotiation",
        "a won deal without a stage of ours sits in the last one"
    );
    assert_eq!(customer_of(&data, won), "Northwind Traders");
    assert_eq!(rep_of(&data, won), "Anna Berg");
    let open = deal(&data, "Contoso pilot");
    assert_eq!(
        (open.status, open.stage.as_str()),
        (DealStatus::Open, "prospecting")
    );
    assert_eq!(open.expected_close.unwrap().to_string(), "2026-12-20");
    assert_eq!(open.closed_on, None);
    let lost = deal(&data, "Fabrikam rollout");
    assert_eq!(lost.status, DealStatus::Lost);
    assert_eq!(lost.amount, Money(123_450));
    assert!(lost.lost_reason.is_some());
    let blank = deal(&data, "Tailspin upgrade");
    assert_eq!(
        (blank.amount, blank.stage.as_str(), blank.rep_id.clone()),
        (Money::ZERO, "negotiation", None)
    );
    assert_eq!(data.customers.len(), 4);
    assert_eq!(data.reps.len(), 2);
    let northwind = data
        .customers
        .iter()
        .find(|c| c.name == "Northwind Traders")
        .unwrap();
    assert_eq!(
        northwind.acquired_on.unwrap().to_string(),
        "2026-03-05",
        "won deal makes a buyer"
    );
}

#[test]
fn pipedrive_deals_import_with_comma_decimals_and_times() {
    let data = import("pipedrive_deals.csv", Crm::Pipedrive);
    assert_eq!(data.deals.len(), 3);
    let won = deal(&data, "Acme website");
    assert_eq!((won.status, won.amount), (DealStatus::Won, Money(123_450)));
    assert_eq!(won.closed_on.unwrap().to_string(), "2026-03-05");
    assert_eq!(won.stage, "negotiation");
    let lost = deal(&data, "Globex CRM");
    assert_eq!(
        (lost.status, lost.amount),
        (DealStatus::Lost, Money(1_500_000))
    );
    assert_eq!(lost.lost_reason.as_deref(), Some("Too expensive"));
    assert_eq!(lost.closed_on.unwrap().to_string(), "2026-02-28");
    assert_eq!(lost.stage, "proposal");
    let open = deal(&data, "Initech support");
    assert_eq!(
        (open.status, open.amount, open.stage.as_str()),
        (DealStatus::Open, Money(250_075), "qualified")
    );
    assert_eq!(rep_of(&data, open), "Dan Weiss");
}

#[test]
fn salesforce_opportunities_import_with_us_dates_and_checkboxes() {
    let data = import("salesforce_opportunities.csv", Crm::Salesforce);
    assert_eq!(data.deals.len(), 4);
    let won = deal(&data, "Umbrella expansion");
    assert_eq!(
        (won.status, won.amount, won.kind),
        (DealStatus::Won, Money(800_000), DealKind::Upsell)
    );
    assert_eq!(
        won.closed_on.unwrap().to_string(),
        "2026-03-05",
        "3/5/2026 is March 5 in a US file"
    );
    assert_eq!(won.created_on.to_string(), "2026-01-15");
    let lost = deal(&data, "Stark pilot");
    assert_eq!(lost.status, DealStatus::Lost);
    let open = deal(&data, "Wayne analytics");
    assert_eq!(
        (open.status, open.stage.as_str(), open.probability),
        (DealStatus::Open, "negotiation", Some(80))
    );
    assert_eq!(open.expected_close.unwrap().to_string(), "2026-12-28");
    assert_eq!(deal(&data, "Oscorp CRM").stage, "qualified");
    assert_eq!(customer_of(&data, open), "Wayne Enterprises");
}

fn import_kind(kind: RecordKind, file: &str, data: &Dataset, locale: NumberLocale) -> Dataset {
    let job = run(kind, &fixture(file), data, locale);
    assert_eq!(job.errors(), &[], "{file}: no errors");
    job.finish()
        .expect("finished")
        .candidate(data)
        .expect("a sound dataset")
}

#[test]
fn hubspot_companies_import_as_customers() {
    let data = import_kind(
        RecordKind::Customer,
        "hubspot_companies.csv",
        &Dataset::default(),
        NumberLocale::En,
    );
    let names: Vec<&str> = data.customers.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Northwind Traders", "Contoso", "Fabrikam, Inc."]);
    let fabrikam = &data.customers[2];
    assert_eq!(
        (fabrikam.segment.as_str(), fabrikam.region.as_str()),
        ("Manufacturing", "Austria")
    );
    assert_eq!(fabrikam.source, kpi::Source::Referral);
    assert_eq!(data.customers[1].source, kpi::Source::Outbound);
    assert_eq!(
        data.rep_name(fabrikam.owner_id.as_deref()),
        Some("Anna Berg")
    );
    assert_eq!(data.reps.len(), 2, "Anna Berg is made once");
}

#[test]
fn salesforce_leads_join_first_and_last_names() {
    let data = import_kind(
        RecordKind::Lead,
        "salesforce_leads.csv",
        &Dataset::default(),
        NumberLocale::En,
    );
    let names: Vec<&str> = data.leads.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["Maria Garcia", "Tom Novak", "Lena Horvath"]);
    let tom = &data.leads[1];
    assert_eq!(tom.created_on.to_string(), "2026-09-14");
    assert_eq!(
        tom.converted_on.map(|d| d.to_string()).as_deref(),
        Some("2026-10-20")
    );
    assert_eq!(tom.source, kpi::Source::Referral);
    assert_eq!(
        data.leads[0].created_on.to_string(),
        "2026-10-02",
        "10/02/2026 is October 2 in a US column"
    );
    assert_eq!(
        data.customer_name(tom.customer_id.as_deref()),
        Some("Initech")
    );
    assert_eq!(
        data.leads[2].customer_id, None,
        "a blank company links nothing"
    );
}

#[test]
fn pipedrive_activities_with_semicolons_and_durations() {
    let data = import_kind(
        RecordKind::Activity,
        "pipedrive_activities.csv",
        &Dataset::default(),
        NumberLocale::De,
    );
    assert_eq!(data.activities.len(), 3);
    let review = &data.activities[1];
    assert_eq!(
        (review.kind, review.minutes),
        (kpi::ActivityKind::Meeting, 90)
    );
    assert_eq!(review.date.to_string(), "2026-11-12");
    assert_eq!(
        data.activities[0].note, "Intro call — Talked budget",
        "subject and note are joined"
    );
    assert_eq!(
        data.activities[2].note,
        "Follow-up mail — Sent offer; waiting"
    );
    assert_eq!(
        data.customer_name(review.customer_id.as_deref()),
        Some("Acme GmbH")
    );
    assert_eq!(data.customers.len(), 2);
}

#[test]
fn salesboard_orders_link_existing_customers() {
    let mut start = Dataset::default();
    start.customers.push(kpi::Customer {
        id: "c-northwind".into(),
        updated_at: super::support::now(),
        deleted_at: None,
        name: "Northwind Traders".into(),
        segment: String::new(),
        region: String::new(),
        source: kpi::Source::Inbound,
        acquired_on: None,
        churned_on: None,
        churn_reason: None,
        owner_id: None,
    });
    let data = import_kind(
        RecordKind::Order,
        "salesboard_orders.csv",
        &start,
        NumberLocale::En,
    );
    assert_eq!(data.orders.len(), 3);
    assert_eq!(data.orders[0].customer_id.as_deref(), Some("c-northwind"));
    assert_eq!(data.orders[2].customer_id.as_deref(), Some("c-northwind"));
    assert_eq!(
        (data.orders[0].amount, data.orders[0].cost),
        (Money(123_450), Some(Money(40_000)))
    );
    assert_eq!(data.orders[0].kind, kpi::OrderKind::Repeat);
    assert_eq!(data.customers.len(), 2, "only Contoso is new");
}
