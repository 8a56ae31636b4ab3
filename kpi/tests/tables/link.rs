use kpi::{Customer, Dataset, DealStatus, Source};

use crate::support::{day, deal, instant};

fn customer(id: &str, name: &str) -> Customer {
    Customer {
        id: id.into(),
        updated_at: instant(),
        deleted_at: None,
        name: name.into(),
        segment: String::new(),
        region: String::new(),
        source: Source::Inbound,
        acquired_on: None,
        churned_on: None,
        churn_reason: None,
        owner_id: None,
    }
}

/// A dataset with two customers called "Northwind" (c1, c2) and a deal linked to c2.
fn two_northwinds() -> Dataset {
    let mut linked = deal(DealStatus::Open, 100, "2026-11-01", "");
    linked.id = "d1".into();
    linked.customer_id = Some("c2".into());
    Dataset {
        customers: vec![customer("c1", "Northwind"), customer("c2", "Northwind")].into(),
        deals: vec![linked].into(),
        ..Dataset::default()
    }
}

#[test]
fn linking_typed_names_to_records() {
    #[rustfmt::skip]
    let rows: Vec<(&str, &str, Option<&str>, usize)> = vec![
        ("the same name keeps the linked record, not the first of that name", "Northwind", Some("c2"), 0),
        ("case and spaces do not matter", "  northwind ", Some("c2"), 0),
        ("a new name adds a customer", "Mekong Solar", Some("new-1"), 1),
        ("a blank name clears the link", "  ", None, 0),
    ];
    for (case, typed, expected, added) in rows {
        let mut data = two_northwinds();
        let mut edited = data.deals[0].clone();
        edited.customer_id = None; // as the form gives it
        let mut counter = 0;
        let ids = || {
            counter += 1;
            format!("new-{counter}")
        };
        let count = data.link_deal(&mut edited, typed, "", instant(), ids);
        assert_eq!(edited.customer_id.as_deref(), expected, "{case}");
        assert_eq!(count, added, "{case}");
    }
}

#[test]
fn a_link_outside_the_dataset_survives_an_edit_with_the_field_blank() {
    let mut data = two_northwinds();
    data.deals[0].customer_id = Some("from-a-merged-file".into());
    let mut edited = data.deals[0].clone();
    edited.customer_id = None;
    data.link_deal(&mut edited, "", "", instant(), || "unused".into());
    assert_eq!(edited.customer_id.as_deref(), Some("from-a-merged-file"));
}

#[test]
fn a_won_deal_makes_its_customer_a_buyer_on_the_earliest_close() {
    #[rustfmt::skip]
    let rows = [
        ("no purchase yet", None, "2026-11-05", DealStatus::Won, Some("2026-11-05")),
        ("an earlier purchase is kept", Some("2026-03-01"), "2026-11-05", DealStatus::Won, Some("2026-03-01")),
        ("a later first purchase moves back", Some("2026-12-01"), "2026-11-05", DealStatus::Won, Some("2026-11-05")),
        ("a lost deal buys nothing", None, "2026-11-05", DealStatus::Lost, None),
    ];
    for (case, acquired, closed, status, expected) in rows {
        let mut data = two_northwinds();
        data.customers[1].acquired_on = acquired.map(day);
        data.deals[0] = {
            let mut d = deal(status, 100, "2026-10-01", closed);
            d.id = "d1".into();
            d.customer_id = Some("c2".into());
            d
        };
        data.note_purchase("d1", instant());
        assert_eq!(data.customers[1].acquired_on, expected.map(day), "{case}");
    }
}

#[test]
fn live_records_are_counted_in_every_collection() {
    let mut data = two_northwinds();
    assert_eq!(data.live_record_count(), 3);
    data.customers[0].deleted_at = Some(instant());
    assert_eq!(data.live_record_count(), 2, "a tombstone is not counted");
    assert_eq!(Dataset::default().live_record_count(), 0);
}
