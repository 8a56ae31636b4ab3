//! Team import: a manager merges reps' exported files. Every row names its case; the
//! hours are `updated_at` times on 22 November 2026.

use chrono::{DateTime, TimeZone, Utc};
use kpi::team_merge::{Change, Conflict, FutureDated, MergeReport, RefusedFile};
use kpi::{Currency, Dataset, Deal, DealStatus, Lineage, RecordKind, Stage};

use crate::support::{deal, rep_in};

fn at(hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, hour, 0, 0).unwrap()
}

fn lineage(id: &str, hour: u32) -> Option<Lineage> {
    Some(Lineage {
        id: id.into(),
        started_at: at(hour),
    })
}

/// Deal `id` as last changed at `hour`, with this title.
fn d(id: &str, hour: u32, title: &str) -> Deal {
    let mut x = deal(DealStatus::Open, 100_000, "2026-11-01", "");
    x.id = id.into();
    x.updated_at = at(hour);
    x.title = title.into();
    x
}

/// Deal `id` deleted at `hour`.
fn gone(id: &str, hour: u32, title: &str) -> Deal {
    let mut x = d(id, hour, title);
    x.deleted_at = Some(at(hour));
    x
}

/// Every import in these tables runs late on the same day (the newest stamp is 12:00).
fn now() -> DateTime<Utc> {
    at(23)
}

fn import_files(base: &Dataset, files: &[Dataset]) -> MergeReport {
    kpi::team_merge::import_files(base, files, now())
}

/// A rep's exported file: its own lineage, these deals.
fn file(rep: &str, deals: Vec<Deal>) -> Dataset {
    Dataset {
        lineage: lineage(rep, 1),
        reps: vec![rep_in(rep, "")].into(),
        deals: deals.into(),
        ..Dataset::default()
    }
}

fn manager(deals: Vec<Deal>) -> Dataset {
    Dataset {
        lineage: lineage("manager", 0),
        deals: deals.into(),
        ..Dataset::default()
    }
}

/// (id, hour, title, deleted) of the merged deals, in order.
fn deals(report: &MergeReport) -> Vec<(String, u32, String, bool)> {
    use chrono::Timelike;
    report
        .merged
        .deals
        .iter()
        .map(|x| {
            (
                x.id.clone(),
                x.updated_at.hour(),
                x.title.clone(),
                x.deleted_at.is_some(),
            )
        })
        .collect()
}

fn row(id: &str, hour: u32, title: &str, deleted: bool) -> (String, u32, String, bool) {
    (id.into(), hour, title.into(), deleted)
}

fn conflict(id: &str, file: usize, kept: (u32, bool), dropped: (u32, bool)) -> Conflict {
    Conflict {
        kind: RecordKind::Deal,
        id: id.into(),
        file,
        kept_updated_at: at(kept.0),
        kept_deleted: kept.1,
        dropped_updated_at: at(dropped.0),
        dropped_deleted: dropped.1,
    }
}

fn deal_changes(changes: &[Change]) -> Vec<(&str, usize)> {
    changes
        .iter()
        .filter(|c| c.kind == RecordKind::Deal)
        .map(|c| (c.id.as_str(), c.file))
        .collect()
}

#[test]
fn import_table() {
    type Row = (
        &'static str,
        Dataset,
        Vec<Dataset>,
        Vec<(String, u32, String, bool)>,
        Vec<(&'static str, usize)>,
        Vec<(&'static str, usize)>,
        Vec<Conflict>,
    );
    #[rustfmt::skip]
    let cases: Vec<Row> = vec![
        // (case, base, files, merged deals, added deals, updated deals, conflicts)
        ("two reps, different deals: all added, new ones in id order",
            manager(vec![]), vec![file("ann", vec![d("z", 9, "Z")]), file("bob", vec![d("a", 9, "A")])],
            vec![row("a", 9, "A", false), row("z", 9, "Z", false)], vec![("a", 1), ("z", 0)], vec![], vec![]),
        ("the same deal in two files: one copy, no conflict",
            manager(vec![]), vec![file("ann", vec![d("x", 9, "X")]), file("bob", vec![d("x", 9, "X")])],
            vec![row("x", 9, "X", false)], vec![("x", 0)], vec![], vec![]),
        ("conflicting edits: the newer kept, the older reported",
            manager(vec![]), vec![file("ann", vec![d("x", 9, "Ann's")]), file("bob", vec![d("x", 10, "Bob's")])],
            vec![row("x", 10, "Bob's", false)], vec![("x", 1)], vec![], vec![conflict("x", 0, (10, false), (9, false))]),
        ("a tombstone wins over an older edit",
            manager(vec![]), vec![file("ann", vec![d("x", 9, "Edited")]), file("bob", vec![gone("x", 10, "X")])],
            vec![row("x", 10, "X", true)], vec![("x", 1)], vec![], vec![conflict("x", 0, (10, true), (9, false))]),
        ("an edit newer than the tombstone brings the deal back",
            manager(vec![gone("x", 9, "X")]), vec![file("ann", vec![d("x", 10, "Back")])],
            vec![row("x", 10, "Back", false)], vec![], vec![("x", 0)], vec![]),
        ("same time, tombstone and edit: the tombstone wins",
            manager(vec![]), vec![file("ann", vec![d("x", 9, "Edited")]), file("bob", vec![gone("x", 9, "X")])],
            vec![row("x", 9, "X", true)], vec![("x", 1)], vec![], vec![conflict("x", 0, (9, true), (9, false))]),
        ("same time, two edits: the same one wins whatever the file order (JSON order: B > A)",
            manager(vec![]), vec![file("ann", vec![d("x", 9, "B")]), file("bob", vec![d("x", 9, "A")])],
            vec![row("x", 9, "B", false)], vec![("x", 0)], vec![], vec![conflict("x", 1, (9, false), (9, false))]),
        ("… and reversed",
            manager(vec![]), vec![file("bob", vec![d("x", 9, "A")]), file("ann", vec![d("x", 9, "B")])],
            vec![row("x", 9, "B", false)], vec![("x", 1)], vec![], vec![conflict("x", 0, (9, false), (9, false))]),
        ("the file is older than the manager's copy: kept, reported",
            manager(vec![d("x", 10, "Manager's")]), vec![file("ann", vec![d("x", 9, "Ann's")])],
            vec![row("x", 10, "Manager's", false)], vec![], vec![], vec![conflict("x", 0, (10, false), (9, false))]),
        ("the file is newer than the manager's copy: updated in place",
            manager(vec![d("m", 8, "M"), d("x", 8, "Old")]), vec![file("ann", vec![d("x", 9, "New")])],
            vec![row("m", 8, "M", false), row("x", 9, "New", false)], vec![], vec![("x", 0)], vec![]),
        ("a rep who erased their copy brings nothing: the manager keeps the deals",
            manager(vec![d("x", 8, "X")]), vec![Dataset { lineage: lineage("ann-2", 12), ..Dataset::default() }],
            vec![row("x", 8, "X", false)], vec![], vec![], vec![]),
        ("a file holding one id twice: the older copy is reported",
            manager(vec![]), vec![file("ann", vec![d("x", 9, "Old"), d("x", 11, "New")])],
            vec![row("x", 11, "New", false)], vec![("x", 0)], vec![], vec![conflict("x", 0, (11, false), (9, false))]),
    ];
    for (case, base, files, merged, added, updated, conflicts) in cases {
        let report = import_files(&base, &files);
        assert_eq!(deals(&report), merged, "{case}: merged");
        assert_eq!(deal_changes(&report.added), added, "{case}: added");
        assert_eq!(deal_changes(&report.updated), updated, "{case}: updated");
        assert_eq!(report.conflicts, conflicts, "{case}: conflicts");
        assert_eq!(
            report.merged.lineage, base.lineage,
            "{case}: the manager's lineage"
        );
        // Nothing silently dropped: every record of every file is accounted for once.
        let in_files: usize = files.iter().map(Dataset::record_count).sum();
        let accounted =
            report.added.len() + report.updated.len() + report.unchanged + report.conflicts.len();
        assert_eq!(accounted, in_files, "{case}: accounted");
        // Importing the result's files again changes nothing.
        let again = import_files(&report.merged, &files);
        assert_eq!(again.merged, report.merged, "{case}: idempotent");
        assert!(
            again.is_noop(),
            "{case}: nothing added or updated the second time"
        );
    }
}

#[test]
fn updates_name_the_version_they_replaced() {
    let report = import_files(
        &manager(vec![d("x", 8, "Old")]),
        &[file("ann", vec![d("x", 9, "New")])],
    );
    assert_eq!(report.updated[0].replaced_updated_at, Some(at(8)));
    assert_eq!(
        report
            .added
            .iter()
            .map(|c| (c.kind, c.id.as_str()))
            .collect::<Vec<_>>(),
        vec![(RecordKind::Rep, "ann")]
    );
}

#[test]
fn different_lineages_merge_record_by_record() {
    // A two-tab merge would keep the later lineage whole; a team import merges.
    let base = manager(vec![d("m", 8, "M")]);
    let ann = file("ann", vec![d("a", 9, "A")]);
    let mut tab = base.clone();
    tab.merge(&Dataset {
        lineage: lineage("ann", 5),
        ..ann.clone()
    });
    assert_eq!(tab.deals.len(), 1, "the tab merge replaced the whole copy");
    let report = import_files(&base, &[ann]);
    assert_eq!(report.merged.deals.len(), 2);
    assert_eq!(report.merged.lineage, base.lineage);
}

#[test]
fn a_file_in_another_currency_is_refused_whole() {
    let mut usd = file("ann", vec![d("a", 9, "A")]);
    usd.settings.currency = Currency::Usd;
    let report = import_files(&manager(vec![]), &[file("bob", vec![d("b", 9, "B")]), usd]);
    assert_eq!(
        report.refused,
        vec![RefusedFile {
            file: 1,
            currency: Currency::Usd
        }]
    );
    let ids: Vec<&str> = report.merged.deals.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(ids, vec!["b"]);
}

#[test]
fn stages_used_by_imported_deals_are_kept() {
    let mut ann = file("ann", vec![d("a", 9, "A")]);
    ann.deals[0].stage = "pilot".into();
    ann.settings.stages.push(Stage {
        id: "pilot".into(),
        name: "Pilot".into(),
        probability: 50,
    });
    ann.settings.stages.push(Stage {
        id: "unused".into(),
        name: "Unused".into(),
        probability: 5,
    });
    let report = import_files(&manager(vec![]), &[ann]);
    let stages = &report.merged.settings.stages;
    assert!(stages.iter().any(|s| s.id == "pilot"));
    assert!(!stages.iter().any(|s| s.id == "unused"));
    assert_eq!(report.merged.problems(), vec![], "the merged data is valid");
}

#[test]
fn every_collection_is_merged() {
    let mut ann = file("ann", vec![]);
    ann.goals.push(kpi::Goal {
        id: "g".into(),
        updated_at: at(9),
        deleted_at: None,
        title: "Goal".into(),
        description: String::new(),
        measure: kpi::Measure::Kpi(kpi::KpiId::Revenue),
        target: kpi::Target::Value { value: 1.0 },
        period: kpi::Period::month_of(crate::support::day("2026-11-01")),
        owner: kpi::Owner::Rep("ann".into()),
        parent_id: None,
        weight: None,
        recurrence: kpi::Recurrence::None,
        series_id: None,
        created_on: crate::support::day("2026-11-01"),
    });
    let report = import_files(&manager(vec![]), &[ann]);
    let kinds: Vec<RecordKind> = report.added.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, vec![RecordKind::Rep, RecordKind::Goal]);
}

/// Deal `id` as a file with a wrong clock has it: stamped `stamp`.
fn stamped(id: &str, stamp: DateTime<Utc>, title: &str) -> Deal {
    let mut x = d(id, 0, title);
    x.updated_at = stamp;
    x
}

#[test]
fn a_stamp_from_the_future_does_not_beat_a_real_edit() {
    let year_2099 = Utc.with_ymd_and_hms(2099, 1, 1, 0, 0, 0).unwrap();
    let five_minutes_ahead = now() + chrono::TimeDelta::minutes(5);
    let an_hour_ahead = now() + chrono::TimeDelta::hours(1);
    // (case, base deals, file deals, kept (title, stamp), future-dated stamps reported)
    let cases = vec![
        (
            "a 2099 version does not overwrite the manager's newer edit",
            vec![d("x", 9, "Mine")],
            vec![stamped("x", year_2099, "Theirs")],
            ("Mine", at(9)),
            vec![year_2099],
        ),
        (
            "a new record dated 2099 is kept, dated at the import",
            vec![],
            vec![stamped("x", year_2099, "Theirs")],
            ("Theirs", now()),
            vec![year_2099],
        ),
        (
            "a clock an hour ahead is a wrong clock too",
            vec![d("x", 9, "Mine")],
            vec![stamped("x", an_hour_ahead, "Theirs")],
            ("Mine", at(9)),
            vec![an_hour_ahead],
        ),
        (
            "five minutes ahead is within the tolerance: a real, newer edit",
            vec![d("x", 9, "Mine")],
            vec![stamped("x", five_minutes_ahead, "Theirs")],
            ("Theirs", five_minutes_ahead),
            vec![],
        ),
        (
            "the base itself dated in the future loses to a real edit from a file",
            vec![stamped("x", year_2099, "Old import")],
            vec![d("x", 9, "Real edit")],
            ("Real edit", at(9)),
            vec![],
        ),
    ];
    for (case, base, file_deals, (title, stamp), reported) in cases {
        let files = [file("ann", file_deals)];
        let report = import_files(&manager(base), &files);
        let kept = &report.merged.deals[0];
        assert_eq!(
            (kept.title.as_str(), kept.updated_at),
            (title, stamp),
            "{case}: kept"
        );
        let future: Vec<DateTime<Utc>> = report.future_dated.iter().map(|f| f.updated_at).collect();
        assert_eq!(future, reported, "{case}: reported as dated in the future");
        if let Some(first) = report.future_dated.first() {
            let expected = FutureDated {
                kind: RecordKind::Deal,
                id: "x".into(),
                file: 0,
                updated_at: reported[0],
            };
            assert_eq!(first, &expected, "{case}: names the record and the file");
        }
        let again = import_files(&report.merged, &files);
        assert!(
            again.is_noop(),
            "{case}: importing the file again changes nothing"
        );
    }
}
