//! The team import page's report, on the two reps' files the end-to-end test imports
//! (tests/e2e/fixtures/team-*.json): the same hand-computed figures, checked on the host.
//!
//! Anna's file: team North, Anna, Mekong Solar (edited 11-10), deals d1 3,000.00 and
//! d2 1,500.00 won, d3 2,000.00 won (11-12), the November revenue contest.
//! Minh's file: team North and Anna (the same versions), Minh, Mekong Solar (edited
//! 11-12: newer), d3 deleted on 11-13 (newer than Anna's edit), d4 4,000.00 and d5
//! 2,500.50 won.

use chrono::{TimeZone, Utc};
use kpi::contest::leaderboard_bars;
use kpi::team_import::{FileSummary, Refusal, TeamImport, Version};
use kpi::{Contest, Currency, Dataset, KpiId, Measure, RecordKind, Scope};

use crate::support::day;

const ANNA: &str = include_str!("../../../tests/e2e/fixtures/team-anna.json");
const MINH: &str = include_str!("../../../tests/e2e/fixtures/team-minh.json");

fn files(names: &[(&str, &str)]) -> Vec<(String, String)> {
    names
        .iter()
        .map(|(name, text)| (name.to_string(), text.to_string()))
        .collect()
}

fn summary(
    name: &str,
    added: usize,
    updated: usize,
    unchanged: usize,
    conflicts: usize,
) -> FileSummary {
    FileSummary {
        name: name.into(),
        added,
        updated,
        unchanged,
        conflicts,
        future_dated: 0,
    }
}

/// The files were written on 2026-11-13 at the latest; the manager imports them later.
fn prepare(base: &Dataset, files: &[(String, String)]) -> TeamImport {
    kpi::team_import::prepare(
        base,
        files,
        Utc.with_ymd_and_hms(2026, 11, 15, 9, 0, 0).unwrap(),
    )
}

fn id(n: &str) -> String {
    format!("5b0c2f1e-0a11-4a8e-9a51-{n}")
}

fn revenue(data: &Dataset, scope: Scope) -> Option<f64> {
    let period = kpi::Period::month_of(day("2026-11-15"));
    kpi::goals::measure_value(
        data,
        Measure::Kpi(KpiId::Revenue),
        &scope,
        period,
        day("2026-11-15"),
    )
}

#[test]
fn two_reps_files_merge_into_one_team_view() {
    let import = prepare(
        &Dataset::default(),
        &files(&[("team-anna.json", ANNA), ("team-minh.json", MINH)]),
    );
    assert!(import.refused.is_empty(), "{:?}", import.refused);
    assert_eq!(
        import.files,
        vec![
            // team, Anna, d1, d2, the contest; Mekong and d3 lost to newer versions.
            summary("team-anna.json", 5, 0, 0, 2),
            // Minh, Mekong, d3's deletion, d4, d5; team and Anna were already taken.
            summary("team-minh.json", 5, 0, 2, 0),
        ]
    );
    assert!(import.can_commit());
    assert_eq!(import.totals(), (10, 0));
    let at = |d: u32, h: u32| Utc.with_ymd_and_hms(2026, 11, d, h, 0, 0).unwrap();
    let rows: Vec<_> = import
        .conflicts
        .iter()
        .map(|c| {
            (
                c.kind,
                c.title.as_deref(),
                c.kept.clone(),
                c.dropped.clone(),
            )
        })
        .collect();
    let version = |file: &str, updated_at, deleted| Version {
        file: Some(file.into()),
        updated_at,
        deleted,
    };
    assert_eq!(
        rows,
        vec![
            (
                RecordKind::Customer,
                Some("Mekong Solar"),
                version("team-minh.json", at(12, 9), false),
                version("team-anna.json", at(10, 9), false),
            ),
            (
                RecordKind::Deal,
                Some("Inverter upgrade"),
                version("team-minh.json", at(13, 10), true),
                version("team-anna.json", at(12, 10), false),
            ),
        ]
    );
    let merged = &import.report.merged;
    assert_eq!(
        revenue(merged, Scope::Rep(id("000000000a01"))),
        Some(450_000.0)
    );
    assert_eq!(
        revenue(merged, Scope::Rep(id("000000000a02"))),
        Some(650_050.0)
    );
    assert_eq!(
        revenue(merged, Scope::Team(id("0000000000e1"))),
        Some(1_100_050.0)
    );
    let contest = merged.find::<Contest>(&id("0000000000f1")).unwrap();
    let board: Vec<_> = leaderboard_bars(merged, contest, day("2026-11-15"))
        .into_iter()
        .map(|b| (b.label, b.value, b.rank))
        .collect();
    assert_eq!(
        board,
        vec![
            ("Minh Nguyen".into(), 6500.5, 1),
            ("Anna Schmidt".into(), 4500.0, 2)
        ]
    );

    // The same files again: nothing changes, and the page can say so.
    let again = prepare(
        merged,
        &files(&[("team-anna.json", ANNA), ("team-minh.json", MINH)]),
    );
    assert!(again.changes_nothing() && !again.can_commit());
    assert_eq!(&again.report.merged, merged);
    assert_eq!(
        again.files,
        vec![
            summary("team-anna.json", 0, 0, 5, 2),
            summary("team-minh.json", 0, 0, 7, 0)
        ]
    );
}

#[test]
fn a_file_that_cannot_be_used_blocks_the_whole_import() {
    let usd = ANNA.replace("\"EUR\"", "\"USD\"");
    let cases = [
        ("not JSON", "{ broken", "the saved data is not valid JSON"),
        (
            "not a Salesboard file",
            "{\"app\": \"other\"}",
            "not a Salesboard file",
        ),
        (
            "a newer version",
            "{\"app\": \"salesboard\", \"version\": 99, \"data\": {}}",
            "newer Salesboard",
        ),
        ("another currency", usd.as_str(), ""),
    ];
    for (case, text, reason) in cases {
        let import = prepare(
            &Dataset::default(),
            &files(&[("team-minh.json", MINH), ("broken.json", text)]),
        );
        assert!(!import.can_commit(), "{case}");
        assert_eq!(import.refused.len(), 1, "{case}");
        assert_eq!(import.refused[0].name, "broken.json", "{case}");
        match &import.refused[0].refusal {
            Refusal::Unreadable { reason: found } => {
                assert!(found.contains(reason), "{case}: {found}")
            }
            Refusal::OtherCurrency { file, ours } => {
                assert_eq!(
                    (file.as_str(), ours.as_str()),
                    (Currency::Usd.code(), "EUR"),
                    "{case}"
                )
            }
        }
        assert_eq!(
            import.files.len(),
            1,
            "{case}: only the readable file is summed up"
        );
    }
}
