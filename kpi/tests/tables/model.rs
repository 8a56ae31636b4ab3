use kpi::{default_stages, Dataset, Deal, DealKind, DealStatus, Settings};

use crate::support::{deal, instant};

#[test]
fn default_pipeline() {
    let stages: Vec<(String, u8)> = default_stages()
        .into_iter()
        .map(|s| (s.id, s.probability))
        .collect();
    let expected = [
        ("prospecting", 10),
        ("qualified", 25),
        ("demo", 40),
        ("proposal", 60),
        ("negotiation", 80),
    ];
    assert_eq!(stages, expected.map(|(id, p)| (id.to_owned(), p)));
    let settings = Settings::default();
    assert_eq!(settings.currency, kpi::Currency::Eur);
    assert_eq!(
        settings.stage("demo").map(|s| s.name.as_str()),
        Some("Demo")
    );
    assert!(settings.stage("closing").is_none());
}

#[test]
fn enum_ids_match_serde() {
    for status in DealStatus::ALL {
        assert_eq!(
            serde_json::to_string(status).unwrap(),
            format!("\"{}\"", status.id())
        );
        assert_eq!(DealStatus::from_id(status.id()), Some(*status));
    }
    for kind in DealKind::ALL {
        assert_eq!(
            serde_json::to_string(kind).unwrap(),
            format!("\"{}\"", kind.id())
        );
        assert_eq!(DealKind::from_id(kind.id()), Some(*kind));
    }
    assert_eq!(DealKind::CrossSell.id(), "cross_sell");
    assert_eq!(DealKind::default(), DealKind::New);
}

fn two_deals() -> (Dataset, Deal, Deal) {
    let a = deal(DealStatus::Won, 100, "2026-11-01", "2026-11-02");
    let mut b = deal(DealStatus::Open, 200, "2026-11-03", "");
    b.id = "b".into();
    let data = Dataset {
        deals: vec![a.clone(), b.clone()].into(),
        ..Dataset::default()
    };
    (data, a, b)
}

#[test]
fn upsert_replaces_by_id_or_appends() {
    let (mut data, a, _) = two_deals();
    let mut edited = a.clone();
    edited.title = "Renamed".into();
    data.upsert_deal(edited.clone());
    assert_eq!(data.deals.len(), 2, "replace keeps the count");
    assert_eq!(data.deals[0], edited, "replace keeps the position");
    let mut new = a;
    new.id = "c".into();
    data.upsert_deal(new.clone());
    assert_eq!(data.deals.last(), Some(&new), "unknown id appends");
}

#[test]
fn delete_leaves_a_tombstone_and_restore_undoes_it() {
    let (mut data, a, b) = two_deals();
    let later = instant() + chrono::Duration::hours(1);
    let previous = data.delete_deal(&a.id, later);
    assert_eq!(
        previous,
        Some(a.clone()),
        "delete returns the version before"
    );
    assert_eq!(data.deals.len(), 2, "tombstone stays");
    assert_eq!(data.deals[0].deleted_at, Some(later));
    assert_eq!(data.deals[0].updated_at, later);
    assert!(data.find_deal(&a.id).is_none(), "deleted deal not found");
    assert_eq!(data.live_deals().collect::<Vec<_>>(), vec![&b]);
    assert_eq!(
        data.delete_deal(&a.id, later),
        None,
        "deleting twice does nothing"
    );
    assert_eq!(data.delete_deal("missing", later), None, "unknown id");

    data.restore_deal(a.clone());
    assert_eq!(
        data.find_deal(&a.id),
        Some(&a),
        "restored as given, updated_at kept"
    );
    assert_eq!(data.deals.len(), 2);
}

#[test]
fn deal_json_without_tombstone_field_loads() {
    let a = deal(DealStatus::Won, 100, "2026-11-01", "2026-11-02");
    let mut json = serde_json::to_value(&a).unwrap();
    json.as_object_mut().unwrap().remove("deleted_at");
    assert_eq!(serde_json::from_value::<Deal>(json).unwrap(), a);
}
