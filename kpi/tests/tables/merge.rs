use chrono::Duration;
use kpi::{Dataset, Deal, DealStatus};

use crate::support::{deal, instant};

/// A version of the fixture deal `id`, edited `minutes` after the reference instant.
fn version(id: &str, minutes: i64, amount: i64, deleted: bool) -> Deal {
    let mut d = deal(DealStatus::Open, amount, "2026-11-02", "");
    d.id = id.to_owned();
    d.updated_at = instant() + Duration::minutes(minutes);
    d.deleted_at = deleted.then_some(d.updated_at);
    d
}

fn dataset(deals: Vec<Deal>) -> Dataset {
    Dataset {
        deals: deals.into(),
        ..Dataset::default()
    }
}

/// (id, amount, deleted) of each deal, sorted by id.
fn summary(data: &Dataset) -> Vec<(String, i64, bool)> {
    let mut rows: Vec<_> = data
        .deals
        .iter()
        .map(|d| (d.id.clone(), d.amount.minor(), d.deleted_at.is_some()))
        .collect();
    rows.sort();
    rows
}

#[test]
fn merge_keeps_the_newer_version_of_each_deal() {
    #[allow(clippy::type_complexity)]
    let cases: Vec<(&str, Vec<Deal>, Vec<Deal>, Vec<(&str, i64, bool)>, usize)> = vec![
        ("both empty", vec![], vec![], vec![], 0),
        (
            "theirs only is added",
            vec![],
            vec![version("a", 0, 100, false)],
            vec![("a", 100, false)],
            1,
        ),
        (
            "mine only is kept",
            vec![version("a", 0, 100, false)],
            vec![],
            vec![("a", 100, false)],
            0,
        ),
        (
            "their newer edit wins",
            vec![version("a", 0, 100, false)],
            vec![version("a", 5, 200, false)],
            vec![("a", 200, false)],
            1,
        ),
        (
            "my newer edit stays",
            vec![version("a", 5, 100, false)],
            vec![version("a", 0, 200, false)],
            vec![("a", 100, false)],
            0,
        ),
        (
            "a newer deletion wins over an older edit",
            vec![version("a", 0, 100, false)],
            vec![version("a", 5, 100, true)],
            vec![("a", 100, true)],
            1,
        ),
        (
            "a newer edit wins over an older deletion",
            vec![version("a", 0, 100, true)],
            vec![version("a", 5, 300, false)],
            vec![("a", 300, false)],
            1,
        ),
        (
            "a tie keeps mine",
            vec![version("a", 5, 100, false)],
            vec![version("a", 5, 200, false)],
            vec![("a", 100, false)],
            0,
        ),
        (
            "disjoint ids are all kept",
            vec![version("a", 0, 100, false), version("b", 0, 1, false)],
            vec![version("c", 0, 7, true), version("b", 1, 2, false)],
            vec![("a", 100, false), ("b", 2, false), ("c", 7, true)],
            2,
        ),
    ];
    for (case, mine, theirs, expected, changed) in cases {
        let mut merged = dataset(mine);
        assert_eq!(
            merged.merge(&dataset(theirs)),
            changed,
            "{case}: changed count"
        );
        let expected: Vec<_> = expected
            .into_iter()
            .map(|(id, a, d)| (id.to_owned(), a, d))
            .collect();
        assert_eq!(summary(&merged), expected, "{case}");
    }
}

#[test]
fn merge_keeps_the_newer_settings() {
    let at = |minutes| Some(instant() + Duration::minutes(minutes));
    let with = |currency, updated_at| Dataset {
        lineage: None,
        settings: kpi::Settings {
            currency,
            updated_at,
            ..kpi::Settings::default()
        }
        .into(),
        deals: vec![].into(),
        ..Dataset::default()
    };
    use kpi::Currency::{Eur, Vnd};
    let cases = [
        (
            "never changed on either side: mine",
            with(Eur, None),
            with(Vnd, None),
            Eur,
        ),
        (
            "theirs changed, mine never: theirs",
            with(Eur, None),
            with(Vnd, at(1)),
            Vnd,
        ),
        (
            "theirs newer: theirs",
            with(Eur, at(1)),
            with(Vnd, at(2)),
            Vnd,
        ),
        ("mine newer: mine", with(Eur, at(2)), with(Vnd, at(1)), Eur),
        ("a tie: mine", with(Eur, at(2)), with(Vnd, at(2)), Eur),
    ];
    for (case, mut mine, theirs, expected) in cases {
        mine.merge(&theirs);
        assert_eq!(mine.settings.currency, expected, "{case}");
    }
}

#[test]
fn touch_all_makes_every_record_newer() {
    let mut data = dataset(vec![version("a", 0, 1, false), version("b", 0, 2, true)]);
    let now = instant() + Duration::hours(1);
    data.touch_all(now);
    assert_eq!(data.settings.updated_at, Some(now));
    assert!(data.deals.iter().all(|d| d.updated_at == now));
}

#[test]
fn a_later_lineage_replaces_an_older_one_whole() {
    let lineage = |id: &str, minutes| {
        Some(kpi::Lineage {
            id: id.to_owned(),
            started_at: instant() + Duration::minutes(minutes),
        })
    };
    let with = |lineage: Option<kpi::Lineage>, deals| Dataset {
        lineage,
        ..dataset(deals)
    };
    let old = vec![version("a", 0, 100, false)];
    let fresh = vec![version("b", 9, 5, false)];
    #[allow(clippy::type_complexity)]
    let cases: Vec<(&str, Dataset, Dataset, Vec<(&str, i64, bool)>)> = vec![
        (
            "their later start (an erase elsewhere) replaces mine",
            with(None, old.clone()),
            with(lineage("erase", 5), vec![]),
            vec![],
        ),
        (
            "my later start ignores their older copy",
            with(lineage("restore", 5), fresh.clone()),
            with(None, old.clone()),
            vec![("b", 5, false)],
        ),
        (
            "the same lineage merges deal by deal",
            with(lineage("x", 1), old.clone()),
            with(lineage("x", 1), fresh.clone()),
            vec![("a", 100, false), ("b", 5, false)],
        ),
    ];
    for (case, mut mine, theirs, expected) in cases {
        mine.merge(&theirs);
        let expected: Vec<_> = expected
            .into_iter()
            .map(|(id, a, d)| (id.to_owned(), a, d))
            .collect();
        assert_eq!(summary(&mine), expected, "{case}");
    }
}

#[test]
fn a_stage_a_kept_deal_is_in_survives_older_settings() {
    use kpi::Stage;
    let at = |minutes| Some(instant() + Duration::minutes(minutes));
    let pilot = Stage {
        id: "pilot".into(),
        name: "Pilot".into(),
        probability: 70,
    };
    // Tab A added the stage "pilot" and a deal in it; tab B saved other settings later.
    let mut in_pilot = deal(DealStatus::Open, 100, "2026-11-01", "");
    in_pilot.id = "dx".into();
    in_pilot.stage = "pilot".into();
    let mut tab_a = Dataset {
        settings: kpi::Settings {
            updated_at: at(1),
            ..kpi::Settings::default()
        }
        .into(),
        deals: vec![in_pilot].into(),
        ..Dataset::default()
    };
    tab_a.settings.stages.push(pilot.clone());
    let tab_b = Dataset {
        settings: kpi::Settings {
            updated_at: at(2),
            monthly_target: Some(kpi::Money(500_000)),
            ..kpi::Settings::default()
        }
        .into(),
        ..Dataset::default()
    };
    for (case, mut mine, theirs) in [
        (
            "their newer settings merged into mine",
            tab_a.clone(),
            tab_b.clone(),
        ),
        (
            "my deal merged into their newer settings",
            tab_b.clone(),
            tab_a.clone(),
        ),
    ] {
        mine.merge(&theirs);
        assert_eq!(
            mine.settings.monthly_target,
            Some(kpi::Money(500_000)),
            "{case}: newer settings"
        );
        assert_eq!(
            mine.settings.stage("pilot"),
            Some(&pilot),
            "{case}: stage kept"
        );
        assert_eq!(mine.problems(), vec![], "{case}: the merged data loads");
    }
}

#[test]
fn the_rule_of_other_devices_breaks_ties_and_distrusts_future_clocks() {
    use chrono::{TimeZone, Utc};
    use kpi::merge::wins;
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap();
    let version = |minutes: i64, title: &str, deleted: bool| {
        let mut deal = crate::support::deal(DealStatus::Open, 1_000, "2026-11-01", "");
        deal.title = title.into();
        deal.id = "x".into();
        deal.updated_at = now + chrono::TimeDelta::minutes(minutes);
        deal.deleted_at = deleted.then_some(deal.updated_at);
        deal
    };
    // (case, a, b, a wins)
    let cases = vec![
        (
            "newer wins",
            version(-5, "A", false),
            version(-10, "B", false),
            true,
        ),
        (
            "older loses",
            version(-10, "A", false),
            version(-5, "B", false),
            false,
        ),
        (
            "on a tie a tombstone wins",
            version(-5, "A", true),
            version(-5, "B", false),
            true,
        ),
        (
            "on a tie without tombstones the JSON sorting last wins",
            version(-5, "B", false),
            version(-5, "A", false),
            true,
        ),
        (
            "a year ahead never beats a real stamp",
            version(525_600, "A", false),
            version(-60, "B", false),
            false,
        ),
        (
            "a real stamp beats one from the future",
            version(-60, "A", false),
            version(60, "B", false),
            true,
        ),
        (
            "nine minutes ahead is within the tolerance",
            version(9, "A", false),
            version(-60, "B", false),
            true,
        ),
        (
            "eleven minutes ahead is not",
            version(11, "A", false),
            version(-60, "B", false),
            false,
        ),
        (
            "two from the future: the newer wins",
            version(120, "A", false),
            version(60, "B", false),
            true,
        ),
        (
            "equal versions: neither wins",
            version(-5, "A", false),
            version(-5, "A", false),
            false,
        ),
    ];
    for (case, a, b, expected) in cases {
        assert_eq!(wins(&a, &b, now), expected, "{case}");
        if a != b {
            assert_eq!(
                wins(&b, &a, now),
                !expected,
                "{case}: exactly one of two versions wins"
            );
        }
    }
}
