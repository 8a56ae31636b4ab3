//! SMART goals: pacing and status for higher- and lower-is-better goals, baselines and
//! relative targets, activity goals, cascades, roll-ups, recurrence, the goal form.
//!
//! The month is November 2026: Sunday 1st to Monday 30th, 21 working days (2–6, 9–13,
//! 16–20, 23–27, 30). "Completed" working days are those before today.

use kpi::goals::{
    assess, attainment_history, burn_up, cascade, due_instances, instance_id, progress, roll_up,
    split_money, CascadeError, CascadePart, GoalError, GoalField, GoalInput, GoalStatus, Progress,
    TargetKind,
};
use kpi::{
    ActivityKind, Dataset, DealStatus, Goal, KpiId, Measure, Money, NumberLocale, Owner, Period,
    PeriodKind, Problem, Recurrence, Scope, Slice, Target,
};

use crate::support::{activity_of, day, deal, instant, owned_by, rep_in};

use GoalStatus::{AtRisk, OffTrack, OnTrack};

fn november() -> Period {
    Period::month_of(day("2026-11-01"))
}

fn goal(measure: Measure, target: Target, period: Period, owner: Owner) -> Goal {
    Goal {
        id: "goal".into(),
        updated_at: instant(),
        deleted_at: None,
        title: "Goal".into(),
        description: String::new(),
        measure,
        target,
        period,
        owner,
        parent_id: None,
        weight: None,
        recurrence: Recurrence::None,
        series_id: None,
        created_on: period.start,
    }
}

fn revenue_goal(target_minor: i64) -> Goal {
    goal(
        Measure::Kpi(KpiId::Revenue),
        Target::Amount {
            amount: Money(target_minor),
        },
        november(),
        Owner::Company,
    )
}

/// Two won deals in November: 5,000.00 on the 3rd and 7,000.00 on the 10th.
fn november_sales() -> Dataset {
    Dataset {
        deals: vec![
            deal(DealStatus::Won, 500_000, "2026-10-01", "2026-11-03"),
            deal(DealStatus::Won, 700_000, "2026-10-01", "2026-11-10"),
        ]
        .into(),
        ..Dataset::default()
    }
}

/// (case, sales cycles in days, status, attainment)
type CycleRow = (
    &'static str,
    &'static [i64],
    Option<GoalStatus>,
    Option<f64>,
);
/// (case, total, weights, parts)
type SplitRow = (&'static str, i64, &'static [u32], Option<Vec<i64>>);
/// (id, period label, parent id) of a due instance
type Due = (String, String, Option<String>);
/// (case, input, locale, target or errors)
type FormRow = (
    &'static str,
    GoalInput,
    NumberLocale,
    Result<Target, Vec<GoalError>>,
);

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-6 * b.abs().max(1.0),
        (None, None) => true,
        _ => false,
    }
}

/// (case, today, actual, expected, projection, needed per day, remaining, status)
type PaceRow = (
    &'static str,
    &'static str,
    Option<f64>,
    Option<f64>,
    Option<f64>,
    Option<f64>,
    i64,
    Option<GoalStatus>,
);

fn check_pace(rows: &[PaceRow], data: &Dataset, goal: &Goal) {
    for &(case, today, actual, expected, projection, needed, remaining, status) in rows {
        let p = progress(data, goal, day(today));
        assert!(close(p.actual, actual), "{case}: actual {:?}", p.actual);
        assert!(
            close(p.expected, expected),
            "{case}: expected {:?}",
            p.expected
        );
        assert!(
            close(p.projection, projection),
            "{case}: projection {:?}",
            p.projection
        );
        assert!(
            close(p.needed_per_day, needed),
            "{case}: needed {:?}",
            p.needed_per_day
        );
        assert_eq!(p.remaining_days, remaining, "{case}: remaining");
        assert_eq!(p.status, status, "{case}: status");
    }
}

#[test]
fn revenue_pacing_higher_is_better() {
    // Target 21,000.00 = 1,000.00 per working day.
    let goal = revenue_goal(2_100_000);
    #[rustfmt::skip]
    let rows: &[PaceRow] = &[
        ("before the period: nothing yet, the whole target ahead", "2026-10-20", None, None, None, Some(100_000.0), 21, None),
        ("first day (a Sunday): nothing expected, no run rate yet", "2026-11-01", Some(0.0), Some(0.0), None, Some(100_000.0), 21, Some(OnTrack)),
        ("first working day: still nothing completed", "2026-11-02", Some(0.0), Some(0.0), None, Some(100_000.0), 21, Some(OnTrack)),
        ("mid-period ahead: 12,000 vs 10 × 1,000 expected", "2026-11-16", Some(1_200_000.0), Some(1_000_000.0), Some(2_520_000.0), Some(900_000.0 / 11.0), 11, Some(OnTrack)),
        ("exactly on pace is on track", "2026-11-18", Some(1_200_000.0), Some(1_200_000.0), Some(2_100_000.0), Some(900_000.0 / 9.0), 9, Some(OnTrack)),
        ("7.7 % behind is at risk", "2026-11-19", Some(1_200_000.0), Some(1_300_000.0), Some(1_200_000.0 * 21.0 / 13.0), Some(900_000.0 / 8.0), 8, Some(AtRisk)),
        ("14 % behind is off track", "2026-11-20", Some(1_200_000.0), Some(1_400_000.0), Some(1_800_000.0), Some(900_000.0 / 7.0), 7, Some(OffTrack)),
        ("last day: one day left to find 9,000", "2026-11-30", Some(1_200_000.0), Some(2_000_000.0), Some(1_260_000.0), Some(900_000.0), 1, Some(OffTrack)),
        ("after the end: the projection is the actual", "2026-12-01", Some(1_200_000.0), Some(2_100_000.0), Some(1_200_000.0), None, 0, Some(OffTrack)),
    ];
    check_pace(rows, &november_sales(), &goal);
    // Empty data: nothing sold, off track mid-period, projection 0.
    #[rustfmt::skip]
    let empty: &[PaceRow] = &[
        ("empty data mid-period", "2026-11-16", Some(0.0), Some(1_000_000.0), Some(0.0), Some(2_100_000.0 / 11.0), 11, Some(OffTrack)),
    ];
    check_pace(empty, &Dataset::default(), &goal);
}

#[test]
fn milestones_and_attainment() {
    // (case, target, today, attainment, milestones 50/90/100)
    #[rustfmt::skip]
    let rows = [
        ("12,000 of 21,000: 57 %, the first milestone", 2_100_000, "2026-12-01", Some(12.0 / 21.0), [true, false, false]),
        ("12,000 of 13,000: 92 %", 1_300_000, "2026-12-01", Some(12.0 / 13.0), [true, true, false]),
        ("12,000 of 12,000: all three", 1_200_000, "2026-12-01", Some(1.0), [true, true, true]),
        ("5,000 by the 5th of a 24,000 goal: 21 %", 2_400_000, "2026-11-05", Some(5.0 / 24.0), [false, false, false]),
        ("a zero target is met at once", 0, "2026-11-05", None, [true, true, true]),
    ];
    for (case, target, today, attainment, milestones) in rows {
        let p = progress(&november_sales(), &revenue_goal(target), day(today));
        assert!(
            close(p.attainment, attainment),
            "{case}: {:?}",
            p.attainment
        );
        let reached: Vec<bool> = p.milestones.iter().map(|m| m.reached).collect();
        assert_eq!(reached, milestones, "{case}");
        assert_eq!(
            p.milestones.iter().map(|m| m.percent).collect::<Vec<_>>(),
            [50, 90, 100]
        );
    }
}

/// Deals won in November with the given sales cycles (days), all created on a
/// day before November and closed on the 3rd.
fn won_with_cycles(cycles: &[i64]) -> Dataset {
    let closed = day("2026-11-03");
    Dataset {
        deals: cycles
            .iter()
            .enumerate()
            .map(|(i, &c)| {
                let created = closed - chrono::Days::new(c as u64);
                let mut d = deal(DealStatus::Won, 100_000, &created.to_string(), "2026-11-03");
                d.id = format!("deal-{i}");
                d
            })
            .collect(),
        ..Dataset::default()
    }
}

#[test]
fn sales_cycle_pacing_lower_is_better() {
    // A level measure: expected = the target from day one; projection = the actual.
    let goal = goal(
        Measure::Kpi(KpiId::AvgSalesCycle),
        Target::Value { value: 30.0 },
        november(),
        Owner::Company,
    );
    // (case, cycles, status, attainment)
    #[rustfmt::skip]
    let rows: [CycleRow; 6] = [
        ("at the target", &[30], Some(OnTrack), Some(1.0)),
        ("shorter is better", &[20], Some(OnTrack), Some(1.5)),
        ("10 % longer is at risk", &[33], Some(AtRisk), Some(30.0 / 33.0)),
        ("13 % longer is off track", &[34], Some(OffTrack), Some(30.0 / 34.0)),
        ("the mean counts: 25 and 45 average 35, off track", &[25, 45], Some(OffTrack), Some(30.0 / 35.0)),
        ("nothing won yet: no status", &[], None, None),
    ];
    for (case, cycles, status, attainment) in rows {
        let data = won_with_cycles(cycles);
        let p = progress(&data, &goal, day("2026-11-16"));
        assert_eq!(p.status, status, "{case}");
        assert!(
            close(p.attainment, attainment),
            "{case}: {:?}",
            p.attainment
        );
        assert_eq!(p.expected, Some(30.0), "{case}: a level is due in full");
        assert_eq!(p.projection, p.actual, "{case}");
        assert_eq!(p.needed_per_day, None, "{case}: not built day by day");
        assert!(!p.cumulative, "{case}");
    }
}

#[test]
fn win_rate_pacing_higher_is_better_ratio() {
    let goal = goal(
        Measure::Kpi(KpiId::WinRate),
        Target::Value { value: 0.5 },
        november(),
        Owner::Rep("anna".into()),
    );
    let closed = |won: usize, lost: usize| -> Dataset {
        let mut deals = Vec::new();
        for i in 0..won + lost {
            let status = if i < won {
                DealStatus::Won
            } else {
                DealStatus::Lost
            };
            let mut d = owned_by("anna", deal(status, 100_000, "2026-10-01", "2026-11-04"));
            d.id = format!("deal-{i}");
            deals.push(d);
        }
        Dataset {
            deals: deals.into(),
            ..Dataset::default()
        }
    };
    // (case, won, lost, status)
    #[rustfmt::skip]
    let rows = [
        ("1 of 2: at the target", 1, 1, Some(OnTrack)),
        ("9 of 20 = 45 %: 5 points short is within 10 % of 50 %", 9, 11, Some(AtRisk)),
        ("1 of 3: off track", 1, 2, Some(OffTrack)),
        ("3 of 4: beyond", 3, 1, Some(OnTrack)),
        ("nothing closed: no data", 0, 0, None),
    ];
    for (case, won, lost, status) in rows {
        let p = progress(&closed(won, lost), &goal, day("2026-11-05"));
        assert_eq!(p.status, status, "{case}");
        assert_eq!(p.expected, Some(0.5), "{case}");
    }
    // Another rep's deals do not count.
    let mut other = closed(0, 3);
    other
        .deals
        .iter_mut()
        .for_each(|d| d.rep_id = Some("minh".into()));
    assert_eq!(progress(&other, &goal, day("2026-11-05")).actual, None);
}

/// A won deal with a discount, closed on `closed`.
fn discounted(id: &str, amount: i64, discount: i64, closed: &str) -> kpi::Deal {
    let mut d = deal(DealStatus::Won, amount, "2026-09-01", closed);
    d.id = id.into();
    d.discount = Some(Money(discount));
    d
}

#[test]
fn relative_targets_baselines_and_unusual_jumps() {
    // October: 9,000 + 1,000 discount → 10 % average discount, 9,000 revenue.
    // November: 9,200 + 800 discount → 8 %.
    let data = Dataset {
        deals: vec![
            discounted("oct", 900_000, 100_000, "2026-10-15"),
            discounted("nov", 920_000, 80_000, "2026-11-04"),
        ]
        .into(),
        ..Dataset::default()
    };
    let today = day("2026-11-16");
    let on = |measure, percent: f64| {
        goal(
            measure,
            Target::Change { percent },
            november(),
            Owner::Company,
        )
    };
    let discount = Measure::Kpi(KpiId::AvgDiscount);
    let revenue = Measure::Kpi(KpiId::Revenue);
    // (case, goal, baseline, target, unusual jump, status)
    #[rustfmt::skip]
    let rows = [
        ("−20 % discount: 10 % → 8 %, met", on(discount, -20.0), Some(0.1), Some(0.08), false, Some(OnTrack)),
        ("−25 % discount: 7.5 %, 8 % is within 10 %", on(discount, -25.0), Some(0.1), Some(0.075), false, Some(AtRisk)),
        ("−60 % discount is an unusual jump (flagged, not refused)", on(discount, -60.0), Some(0.1), Some(0.04), true, Some(OffTrack)),
        ("+60 % discount is a setback, not a jump", on(discount, 60.0), Some(0.1), Some(0.16), false, Some(OnTrack)),
        ("+50 % revenue is the threshold, not beyond it", on(revenue, 50.0), Some(900_000.0), Some(1_350_000.0), false, Some(OnTrack)),
        ("+60 % revenue is an unusual jump", on(revenue, 60.0), Some(900_000.0), Some(1_440_000.0), true, Some(OnTrack)),
    ];
    for (case, goal, baseline, target, jump, status) in rows {
        let a = assess(&data, &goal, today);
        assert_eq!(
            a.baseline_period,
            Period::month_of(day("2026-10-01")),
            "{case}"
        );
        assert!(
            close(a.baseline, baseline),
            "{case}: baseline {:?}",
            a.baseline
        );
        assert!(close(a.target, target), "{case}: target {:?}", a.target);
        assert_eq!(a.unusual_jump, jump, "{case}");
        let p = progress(&data, &goal, today);
        assert_eq!(p.status, status, "{case}");
        assert_eq!(p.assessment, a, "{case}");
    }
    // An absolute target far above the baseline is flagged too.
    let big = revenue_goal(2_000_000);
    assert!(assess(&data, &big, today).unusual_jump, "20,000 vs 9,000");
    // Zero baseline: a change against nothing is no target.
    let empty = Dataset::default();
    let zero = assess(&empty, &on(revenue, 10.0), today);
    assert_eq!(
        (zero.baseline, zero.target, zero.unusual_jump),
        (Some(0.0), None, false)
    );
    let p = progress(&empty, &on(revenue, 10.0), today);
    assert_eq!((p.expected, p.status, p.attainment), (None, None, None));
    // No baseline at all (a ratio without data): no target either.
    let none = assess(&empty, &on(discount, -10.0), today);
    assert_eq!((none.baseline, none.target), (None, None));
}

#[test]
fn activity_goals_pace_like_any_cumulative_measure() {
    use ActivityKind::{Prospecting, Visit};
    // 1 hour of prospecting per working day in November: 21 hours.
    let prospecting = goal(
        Measure::Kpi(KpiId::ProspectingHours),
        Target::PerWorkingDay { value: 1.0 },
        november(),
        Owner::Rep("anna".into()),
    );
    let data = Dataset {
        activities: vec![
            activity_of(Prospecting, "2026-11-02", 60, "anna", ""),
            activity_of(Prospecting, "2026-11-03", 120, "anna", ""),
            activity_of(Prospecting, "2026-11-04", 60, "anna", ""),
            activity_of(Prospecting, "2026-11-04", 600, "minh", ""),
            activity_of(Prospecting, "2026-11-09", 60, "anna", ""),
            activity_of(Visit, "2026-11-16", 30, "minh", "c1"),
            activity_of(Visit, "2026-11-16", 31, "minh", "c2"),
            activity_of(Visit, "2026-11-16", 32, "minh", "c3"),
            activity_of(Visit, "2026-11-16", 33, "minh", "c4"),
            activity_of(Visit, "2026-11-16", 34, "minh", "c5"),
            activity_of(Visit, "2026-11-17", 30, "minh", "c1"),
            activity_of(Visit, "2026-11-17", 31, "minh", "c2"),
            activity_of(Visit, "2026-11-17", 32, "minh", "c3"),
            activity_of(Visit, "2026-11-20", 30, "minh", "c9"),
        ]
        .into(),
        ..Dataset::default()
    };
    #[rustfmt::skip]
    let rows: &[PaceRow] = &[
        ("4 hours after 3 working days: ahead", "2026-11-05", Some(4.0), Some(3.0), Some(28.0), Some(17.0 / 18.0), 18, Some(OnTrack)),
        ("a planned block on the 9th does not count yet", "2026-11-06", Some(4.0), Some(4.0), Some(21.0), Some(17.0 / 17.0), 17, Some(OnTrack)),
    ];
    check_pace(rows, &data, &prospecting);
    assert_eq!(
        progress(&data, &prospecting, day("2026-11-05")).target,
        Some(21.0)
    );

    // 20 visits a week, Monday 16 to Sunday 22 November.
    let visits = goal(
        Measure::Activities(Visit),
        Target::Value { value: 20.0 },
        Period::week_of(day("2026-11-16")),
        Owner::Rep("minh".into()),
    );
    #[rustfmt::skip]
    let rows: &[PaceRow] = &[
        ("Wednesday: 8 visits in 2 days, on pace", "2026-11-18", Some(8.0), Some(8.0), Some(20.0), Some(4.0), 3, Some(OnTrack)),
        ("Saturday: 9 of 20, off track, the week is over for work", "2026-11-21", Some(9.0), Some(20.0), Some(9.0), None, 0, Some(OffTrack)),
    ];
    check_pace(rows, &data, &visits);
}

#[test]
fn a_period_without_working_days_paces_by_calendar_days() {
    let weekend = Period::custom(day("2026-11-21"), day("2026-11-22")).unwrap();
    let goal = goal(
        Measure::Activities(ActivityKind::Visit),
        Target::Value { value: 4.0 },
        weekend,
        Owner::Company,
    );
    let p = progress(&Dataset::default(), &goal, day("2026-11-22"));
    assert_eq!((p.days, p.elapsed_days, p.remaining_days), (2, 1, 1));
    assert_eq!(p.expected, Some(2.0));
}

#[test]
fn burn_up_chart() {
    let goal = revenue_goal(2_100_000);
    let points = burn_up(&november_sales(), &goal, day("2026-11-16"));
    assert_eq!(points.len(), 30);
    let at = |d: &str| points.iter().find(|p| p.date == day(d)).copied().unwrap();
    // (case, day, actual, target line, projection)
    #[rustfmt::skip]
    let rows = [
        ("Sunday the 1st: nothing due", "2026-11-01", Some(0.0), Some(0.0), None),
        ("Monday the 2nd: one day's share", "2026-11-02", Some(0.0), Some(100_000.0), None),
        ("the first deal on the 3rd", "2026-11-03", Some(500_000.0), Some(200_000.0), None),
        ("today: projection starts, 11 working days through", "2026-11-16", Some(1_200_000.0), Some(1_100_000.0), Some(2_520_000.0 * 11.0 / 21.0)),
        ("tomorrow: no actual yet", "2026-11-17", None, Some(1_200_000.0), Some(2_520_000.0 * 12.0 / 21.0)),
        ("the end: the whole target, the whole projection", "2026-11-30", None, Some(2_100_000.0), Some(2_520_000.0)),
    ];
    for (case, d, actual, target, projection) in rows {
        let p = at(d);
        assert!(close(p.actual, actual), "{case}: actual {:?}", p.actual);
        assert!(close(p.target, target), "{case}: target {:?}", p.target);
        assert!(
            close(p.projection, projection),
            "{case}: projection {:?}",
            p.projection
        );
    }
}

#[test]
fn attainment_history_of_past_periods() {
    let mut data = november_sales();
    data.deals.extend([
        deal(DealStatus::Won, 2_100_000, "2026-09-01", "2026-10-20"),
        deal(DealStatus::Won, 1_050_000, "2026-08-01", "2026-09-20"),
    ]);
    let history = attainment_history(&data, &revenue_goal(2_100_000), 3, day("2026-11-16"));
    // (case, period label, actual, attainment, status)
    #[rustfmt::skip]
    let rows = [
        ("August: nothing sold", "2026-08", Some(0.0), Some(0.0), Some(OffTrack)),
        ("September: half", "2026-09", Some(1_050_000.0), Some(0.5), Some(OffTrack)),
        ("October: met", "2026-10", Some(2_100_000.0), Some(1.0), Some(OnTrack)),
    ];
    assert_eq!(history.len(), rows.len());
    for ((case, label, actual, attainment, status), past) in rows.into_iter().zip(&history) {
        assert_eq!(past.period.label(), label, "{case}");
        assert!(close(past.actual, actual), "{case}");
        assert!(close(past.attainment, attainment), "{case}");
        assert_eq!(past.status, status, "{case}");
        assert_eq!(past.target, Some(2_100_000.0), "{case}");
    }
}

#[test]
fn money_splits_lose_no_cent() {
    // (case, total, weights, parts)
    #[rustfmt::skip]
    let rows: [SplitRow; 7] = [
        ("1,000.00 in three: the first part takes the cent", 100_000, &[1, 1, 1], Some(vec![33_334, 33_333, 33_333])),
        ("2 cents in three", 2, &[1, 1, 1], Some(vec![1, 1, 0])),
        ("3 : 2 of 10,000.01: the larger remainder gets the cent", 1_000_001, &[3, 2], Some(vec![600_001, 400_000])),
        ("1 : 3 of 1.00", 100, &[1, 3], Some(vec![25, 75])),
        ("nothing to split", 0, &[1, 2], Some(vec![0, 0])),
        ("no parts", 100, &[], None),
        ("only zero weights", 100, &[0, 0], None),
    ];
    for (case, total, weights, parts) in rows {
        let split =
            split_money(Money(total), weights).map(|p| p.iter().map(|m| m.minor()).collect());
        assert_eq!(split, parts, "{case}");
    }
}

#[test]
fn cascade_splits_cumulative_targets_and_copies_levels() {
    let parts = |weights: &[u32]| -> Vec<CascadePart> {
        weights
            .iter()
            .enumerate()
            .map(|(i, &weight)| CascadePart {
                id: format!("child-{i}"),
                owner: Owner::Rep(format!("rep-{i}")),
                weight,
            })
            .collect()
    };
    let mut team_revenue = revenue_goal(100_000);
    team_revenue.owner = Owner::Team("berlin".into());
    let children = cascade(
        &team_revenue,
        &parts(&[1, 1, 1]),
        instant(),
        day("2026-11-02"),
    )
    .unwrap();
    let amounts: Vec<Target> = children.iter().map(|c| c.target).collect();
    assert_eq!(
        amounts,
        [33_334, 33_333, 33_333].map(|m| Target::Amount { amount: Money(m) })
    );
    let child = &children[1];
    assert_eq!(
        (
            child.id.as_str(),
            &child.owner,
            child.parent_id.as_deref(),
            child.weight,
            child.period,
            child.created_on
        ),
        (
            "child-1",
            &Owner::Rep("rep-1".into()),
            Some("goal"),
            Some(1),
            november(),
            day("2026-11-02")
        )
    );

    // (case, target, weights, children's targets)
    #[rustfmt::skip]
    let rows = [
        ("visits 3 : 1", Measure::Activities(ActivityKind::Visit), Target::Value { value: 20.0 }, vec![3, 1],
            vec![Target::Value { value: 15.0 }, Target::Value { value: 5.0 }]),
        ("prospecting per day 1 : 1", Measure::Kpi(KpiId::ProspectingHours), Target::PerWorkingDay { value: 2.0 }, vec![1, 1],
            vec![Target::PerWorkingDay { value: 1.0 }, Target::PerWorkingDay { value: 1.0 }]),
        ("a win rate is not divided", Measure::Kpi(KpiId::WinRate), Target::Value { value: 0.3 }, vec![2, 1],
            vec![Target::Value { value: 0.3 }, Target::Value { value: 0.3 }]),
        ("a CAC cut applies to each rep's own CAC", Measure::Kpi(KpiId::Cac), Target::Change { percent: -15.0 }, vec![1, 1],
            vec![Target::Change { percent: -15.0 }, Target::Change { percent: -15.0 }]),
        ("a revenue change applies to each baseline", Measure::Kpi(KpiId::Revenue), Target::Change { percent: 5.0 }, vec![1, 4],
            vec![Target::Change { percent: 5.0 }, Target::Change { percent: 5.0 }]),
    ];
    for (case, measure, target, weights, expected) in rows {
        let parent = goal(measure, target, november(), Owner::Company);
        let split: Vec<Target> = cascade(&parent, &parts(&weights), instant(), day("2026-11-02"))
            .unwrap()
            .iter()
            .map(|c| c.target)
            .collect();
        assert_eq!(split, expected, "{case}");
    }

    // (case, parent owner, weights, error)
    #[rustfmt::skip]
    let errors = [
        ("a rep goal", Owner::Rep("anna".into()), vec![1], CascadeError::RepGoal),
        ("no parts", Owner::Company, vec![], CascadeError::NoParts),
        ("a zero weight", Owner::Company, vec![1, 0], CascadeError::ZeroWeight { index: 1 }),
    ];
    for (case, owner, weights, error) in errors {
        let mut parent = revenue_goal(100);
        parent.owner = owner;
        assert_eq!(
            cascade(&parent, &parts(&weights), instant(), day("2026-11-02")),
            Err(error),
            "{case}"
        );
    }
    let company_part = [CascadePart {
        id: "x".into(),
        owner: Owner::Company,
        weight: 1,
    }];
    assert_eq!(
        cascade(
            &revenue_goal(100),
            &company_part,
            instant(),
            day("2026-11-02")
        ),
        Err(CascadeError::CompanyPart { index: 0 })
    );
}

#[test]
fn roll_up_sums_cumulative_children_and_recomputes_ratios() {
    let mut data = Dataset {
        reps: vec![rep_in("a", "berlin"), rep_in("b", "berlin")].into(),
        deals: vec![
            owned_by(
                "a",
                deal(DealStatus::Won, 300_000, "2026-10-01", "2026-11-03"),
            ),
            owned_by(
                "b",
                deal(DealStatus::Won, 200_000, "2026-10-02", "2026-11-04"),
            ),
            owned_by(
                "b",
                deal(DealStatus::Lost, 50_000, "2026-10-03", "2026-11-04"),
            ),
            deal(DealStatus::Won, 1_000_000, "2026-10-04", "2026-11-05"),
        ]
        .into(),
        ..Dataset::default()
    };
    let parent = revenue_goal(1_000_000);
    let parts: Vec<CascadePart> = ["a", "b"]
        .iter()
        .map(|r| CascadePart {
            id: format!("goal-{r}"),
            owner: Owner::Rep((*r).into()),
            weight: 1,
        })
        .collect();
    *data.goals = cascade(&parent, &parts, instant(), day("2026-11-02")).unwrap();
    data.goals.push(parent.clone());
    let today = day("2026-11-16");
    let rolled = roll_up(&data, &parent, today);
    assert_eq!(
        rolled.actual,
        Some(500_000.0),
        "the children's 3,000 + 2,000"
    );
    assert_eq!(rolled.target, Some(1_000_000.0));
    assert_eq!(
        progress(&data, &parent, today).actual,
        Some(1_500_000.0),
        "own scope"
    );
    // A deleted child no longer counts.
    data.goals[0].deleted_at = Some(instant());
    assert_eq!(roll_up(&data, &parent, today).actual, Some(200_000.0));

    // A win rate is recomputed over the parent's scope: 2 won of 3 closed.
    let win_rate = goal(
        Measure::Kpi(KpiId::WinRate),
        Target::Value { value: 0.5 },
        november(),
        Owner::Team("berlin".into()),
    );
    *data.goals = cascade(&win_rate, &parts, instant(), day("2026-11-02")).unwrap();
    let rolled: Progress = roll_up(&data, &win_rate, today);
    assert!(close(rolled.actual, Some(2.0 / 3.0)));
    assert_eq!(rolled.status, Some(OnTrack));
}

#[test]
fn recurring_goals_carry_over() {
    let today = day("2026-11-22");
    let september = Period::month_of(day("2026-09-01"));
    let mut monthly = revenue_goal(100_000);
    monthly.id = "monthly".into();
    monthly.period = september;
    monthly.recurrence = Recurrence::EachPeriod;
    let october = september.next();
    let due_for = |goals: Vec<Goal>| -> Vec<Due> {
        let data = Dataset {
            goals: goals.into(),
            ..Dataset::default()
        };
        due_instances(&data, today, instant())
            .into_iter()
            .map(|g| (g.id, g.period.label(), g.parent_id))
            .collect()
    };
    let id = |period: Period| instance_id("monthly", period);
    // (case, goals, due: (id, period, parent))
    #[rustfmt::skip]
    let rows: Vec<(&str, Vec<Goal>, Vec<Due>)> = vec![
        ("two months missed: October and November, not December", vec![monthly.clone()],
            vec![(id(october), "2026-10".into(), None), (id(november()), "2026-11".into(), None)]),
        ("a one-off goal does not recur", vec![Goal { recurrence: Recurrence::None, ..monthly.clone() }], vec![]),
        ("a deleted instance still covers its month", vec![monthly.clone(), Goal {
            id: id(october), period: october, series_id: Some("monthly".into()), deleted_at: Some(instant()), ..monthly.clone() }],
            vec![(id(november()), "2026-11".into(), None)]),
        ("the latest live instance stopped recurring: the series ends", vec![monthly.clone(), Goal {
            id: id(october), period: october, series_id: Some("monthly".into()), recurrence: Recurrence::None, ..monthly.clone() }],
            vec![]),
        ("up to date: nothing due", vec![Goal { period: november(), ..monthly.clone() }], vec![]),
    ];
    for (case, goals, due) in rows {
        assert_eq!(due_for(goals), due, "{case}");
    }

    // An instance copies the template and joins its series; a cascaded child points at
    // its parent's instance of the same period.
    let mut child = monthly.clone();
    child.id = "child".into();
    child.parent_id = Some("monthly".into());
    child.owner = Owner::Rep("anna".into());
    let data = Dataset {
        goals: vec![monthly.clone(), child].into(),
        ..Dataset::default()
    };
    let due = due_instances(&data, day("2026-10-05"), instant());
    assert_eq!(due.len(), 2);
    let child_october = due.iter().find(|g| g.series() == "child").unwrap();
    assert_eq!(child_october.id, instance_id("child", october));
    assert_eq!(child_october.parent_id, Some(id(october)));
    assert_eq!(child_october.created_on, day("2026-10-01"));
    assert_eq!(child_october.owner, Owner::Rep("anna".into()));
    assert_eq!(child_october.recurrence, Recurrence::EachPeriod);
    assert_eq!(
        due_instances(&data, day("2026-10-05"), instant()),
        due,
        "deterministic"
    );
    let mut carried = data.clone();
    due.into_iter().for_each(|g| carried.upsert(g));
    assert_eq!(
        due_instances(&carried, day("2026-10-05"), instant()),
        vec![],
        "once only"
    );
    assert_eq!(carried.problems(), vec![]);

    // The series' history: the instances whose month has ended, each against its own
    // target (September 1,000.00, October 3,000.00; November is still running).
    let mut sold = november_sales();
    sold.deals
        .push(deal(DealStatus::Won, 150_000, "2026-09-01", "2026-10-07"));
    *sold.goals = vec![
        monthly.clone(),
        Goal {
            id: id(october),
            period: october,
            series_id: Some("monthly".into()),
            target: Target::Amount {
                amount: Money(300_000),
            },
            ..monthly.clone()
        },
        Goal {
            id: id(november()),
            period: november(),
            series_id: Some("monthly".into()),
            ..monthly.clone()
        },
    ];
    let history = kpi::goals::series_history(&sold, &sold.goals[2], today);
    let rows: Vec<(String, Option<f64>, Option<GoalStatus>)> = history
        .iter()
        .map(|h| (h.period.label(), h.attainment, h.status))
        .collect();
    assert_eq!(
        rows,
        [
            ("2026-09".to_string(), Some(0.0), Some(OffTrack)),
            ("2026-10".to_string(), Some(0.5), Some(OffTrack)),
        ]
    );
}

fn form() -> GoalInput {
    GoalInput {
        title: "Q4 revenue".into(),
        target: "21000".into(),
        start: "2026-11-16".into(),
        ..GoalInput::default()
    }
}

#[test]
fn goal_form_validation() {
    let data = Dataset {
        reps: vec![rep_in("anna", "")].into(),
        goals: vec![Goal {
            id: "parent".into(),
            ..revenue_goal(1)
        }]
        .into(),
        ..Dataset::default()
    };
    let read = |input: GoalInput, locale| {
        input.into_goal(
            &data,
            None,
            "new".into(),
            instant(),
            day("2026-11-16"),
            locale,
        )
    };
    let ok = read(form(), NumberLocale::En).unwrap();
    assert_eq!(ok.period, november(), "the month containing the start date");
    assert_eq!(
        ok.target,
        Target::Amount {
            amount: Money(2_100_000)
        }
    );
    assert_eq!((ok.id.as_str(), ok.created_on), ("new", day("2026-11-16")));
    let err = |field, problem| Err(vec![GoalError { field, problem }]);
    use GoalField as F;
    let win_rate = Measure::Kpi(KpiId::WinRate);
    // (case, input, locale, result)
    #[rustfmt::skip]
    let rows: Vec<FormRow> = vec![
        ("blank title", GoalInput { title: " ".into(), ..form() }, NumberLocale::En, err(F::Title, Problem::Required)),
        ("blank target", GoalInput { target: "".into(), ..form() }, NumberLocale::En, err(F::Target, Problem::Required)),
        ("target not a number", GoalInput { target: "lots".into(), ..form() }, NumberLocale::En, err(F::Target, Problem::NotANumber)),
        ("negative revenue", GoalInput { target: "-5".into(), ..form() }, NumberLocale::En, err(F::Target, Problem::Negative)),
        ("German money", GoalInput { target: "21.000,50".into(), ..form() }, NumberLocale::De, Ok(Target::Amount { amount: Money(2_100_050) })),
        ("a win rate in percent", GoalInput { measure: win_rate, target: "35".into(), ..form() }, NumberLocale::En, Ok(Target::Value { value: 0.35 })),
        ("a win rate over 100 %", GoalInput { measure: win_rate, target: "135".into(), ..form() }, NumberLocale::En, err(F::Target, Problem::OutOfRange)),
        ("−15 % CAC", GoalInput { measure: Measure::Kpi(KpiId::Cac), target_kind: TargetKind::Change, target: "−15".into(), ..form() }, NumberLocale::En, Ok(Target::Change { percent: -15.0 })),
        ("a cut of 100 % or more", GoalInput { target_kind: TargetKind::Change, target: "-100".into(), ..form() }, NumberLocale::En, err(F::Target, Problem::OutOfRange)),
        ("1,5 hours a working day in German", GoalInput { measure: Measure::Kpi(KpiId::ProspectingHours), target_kind: TargetKind::PerWorkingDay, target: "1,5".into(), ..form() }, NumberLocale::De, Ok(Target::PerWorkingDay { value: 1.5 })),
        ("per working day for a ratio", GoalInput { measure: win_rate, target_kind: TargetKind::PerWorkingDay, target: "1".into(), ..form() }, NumberLocale::En, err(F::TargetKind, Problem::Conflict)),
        ("per working day for money", GoalInput { target_kind: TargetKind::PerWorkingDay, target: "1000".into(), ..form() }, NumberLocale::En, err(F::TargetKind, Problem::Conflict)),
        ("CSAT above 5", GoalInput { measure: Measure::Kpi(KpiId::AvgCsat), target: "6".into(), ..form() }, NumberLocale::En, err(F::Target, Problem::OutOfRange)),
        ("NPS may be negative", GoalInput { measure: Measure::Kpi(KpiId::Nps), target: "-10".into(), ..form() }, NumberLocale::En, Ok(Target::Value { value: -10.0 })),
        ("blank start", GoalInput { start: "".into(), ..form() }, NumberLocale::En, err(F::Start, Problem::Required)),
        ("bad start", GoalInput { start: "16.11.2026".into(), ..form() }, NumberLocale::En, err(F::Start, Problem::NotADate)),
        ("custom without end", GoalInput { period_kind: PeriodKind::Custom, ..form() }, NumberLocale::En, err(F::End, Problem::Required)),
        ("custom ending before it starts", GoalInput { period_kind: PeriodKind::Custom, end: "2026-11-15".into(), ..form() }, NumberLocale::En, err(F::End, Problem::DateOrder)),
        ("a month of year 1 (today is 2026-11-16)", GoalInput { start: "0001-01-15".into(), ..form() }, NumberLocale::En, err(F::Start, Problem::ImplausibleDate)),
        ("a month over ten years ahead: on the start, the field shown", GoalInput { start: "2036-11-20".into(), ..form() }, NumberLocale::En, err(F::Start, Problem::ImplausibleDate)),
        ("a custom range ending in 9999", GoalInput { period_kind: PeriodKind::Custom, end: "9999-12-31".into(), ..form() }, NumberLocale::En, err(F::End, Problem::ImplausibleDate)),
        ("a title of a zero-width space", GoalInput { title: "\u{200B}".into(), ..form() }, NumberLocale::En, err(F::Title, Problem::Required)),
        ("unknown rep", GoalInput { owner: Owner::Rep("ghost".into()), ..form() }, NumberLocale::En, err(F::Owner, Problem::Required)),
        ("known rep", GoalInput { owner: Owner::Rep("anna".into()), ..form() }, NumberLocale::En, Ok(Target::Amount { amount: Money(2_100_000) })),
        ("unknown parent", GoalInput { parent_id: "nope".into(), ..form() }, NumberLocale::En, err(F::ParentId, Problem::Conflict)),
        ("weight 0", GoalInput { weight: "0".into(), ..form() }, NumberLocale::En, err(F::Weight, Problem::OutOfRange)),
        ("weight not a number", GoalInput { weight: "two".into(), ..form() }, NumberLocale::En, err(F::Weight, Problem::NotANumber)),
        ("every problem at once, in form order", GoalInput { title: "".into(), target: "x".into(), start: "".into(), ..form() }, NumberLocale::En,
            Err(vec![GoalError { field: F::Title, problem: Problem::Required }, GoalError { field: F::Target, problem: Problem::NotANumber }, GoalError { field: F::Start, problem: Problem::Required }])),
    ];
    for (case, input, locale, expected) in rows {
        assert_eq!(read(input, locale).map(|g| g.target), expected, "{case}");
    }

    // Editing keeps the id, created date and series; a goal cannot be its own parent
    // or its descendant's child.
    let stored = Goal {
        id: "parent".into(),
        ..revenue_goal(1)
    };
    let edit = GoalInput::from_goal(&stored, &data, NumberLocale::De);
    assert_eq!(
        (edit.target.as_str(), edit.start.as_str()),
        ("0,01", "2026-11-01")
    );
    let child_data = Dataset {
        goals: vec![
            stored.clone(),
            Goal {
                id: "kid".into(),
                parent_id: Some("parent".into()),
                ..revenue_goal(1)
            },
        ]
        .into(),
        ..data.clone()
    };
    let own = |parent: &str| {
        GoalInput {
            parent_id: parent.into(),
            ..edit.clone()
        }
        .into_goal(
            &child_data,
            Some("parent"),
            "unused".into(),
            instant(),
            day("2026-12-01"),
            NumberLocale::De,
        )
    };
    assert_eq!(own("parent").unwrap_err()[0].field, F::ParentId, "itself");
    assert_eq!(own("kid").unwrap_err()[0].field, F::ParentId, "a cycle");
    let kept = own("").unwrap();
    assert_eq!(
        (kept.id.as_str(), kept.created_on),
        ("parent", day("2026-11-01"))
    );
    assert_eq!(
        kept,
        Goal {
            updated_at: instant(),
            ..stored
        },
        "the round trip keeps the goal"
    );
}

#[test]
fn measure_values_match_the_dashboard_for_every_kpi() {
    let anchor = day("2026-11-22");
    let data = kpi::demo_dataset(anchor, instant());
    for scope in [Scope::Everyone, Scope::Team(data.teams[0].id.clone())] {
        let period = Period::quarter_of(anchor);
        let values = kpi::kpi_values(&Slice::new(&data, period, &scope, anchor));
        for (id, value) in values {
            let ours = kpi::goals::measure_value(&data, Measure::Kpi(id), &scope, period, anchor);
            let theirs = value.data_value(kpi::Currency::Eur).map(|v| match value {
                kpi::KpiValue::Money(m) => m.minor() as f64,
                _ => v,
            });
            assert_eq!(ours, theirs, "{}", id.id());
        }
    }
}

#[test]
fn demo_goals_all_show_progress() {
    let anchor = day("2026-11-22");
    let data = kpi::demo_dataset(anchor, instant());
    assert_eq!(data.goals.len(), 8);
    assert!(data
        .goals
        .iter()
        .any(|g| g.measure.better() == kpi::Better::Lower));
    assert!(data
        .goals
        .iter()
        .any(|g| g.recurrence == Recurrence::EachPeriod));
    assert!(data.goals.iter().any(|g| g.parent_id.is_some()));
    for goal in &data.goals {
        let p = progress(&data, goal, anchor);
        assert!(p.target.is_some(), "{}: target", goal.title);
        assert!(p.actual.is_some(), "{}: actual", goal.title);
        assert!(p.status.is_some(), "{}: status", goal.title);
    }
    let parent = data
        .goals
        .iter()
        .find(|g| g.recurrence == Recurrence::EachPeriod)
        .unwrap();
    let children: Vec<&Goal> = data
        .goals
        .iter()
        .filter(|g| g.parent_id.as_deref() == Some(&parent.id))
        .collect();
    let Target::Amount { amount } = parent.target else {
        panic!("money target")
    };
    let sum = children.iter().fold(0, |s, c| match c.target {
        Target::Amount { amount } => s + amount.minor(),
        _ => s,
    });
    assert_eq!(
        sum,
        amount.minor(),
        "the teams' targets add up to the company's"
    );
    // Renewed ids keep the goals' relations.
    let mut renewed = data.clone();
    let mut n = 0_u64;
    kpi::demo::renew_ids(&mut renewed, || {
        n += 1;
        format!("{n:08}-0000-4000-8000-000000000000")
    });
    for (old, new) in data.goals.iter().zip(&renewed.goals) {
        assert_ne!(old.id, new.id);
        assert_eq!(
            progress(&renewed, new, anchor),
            progress(&data, old, anchor),
            "{}",
            old.title
        );
    }
    assert!(renewed
        .goals
        .iter()
        .filter(|g| g.parent_id.is_some())
        .all(|g| renewed
            .find::<Goal>(g.parent_id.as_deref().unwrap())
            .is_some()));
}

#[test]
fn goals_are_records_like_any_other() {
    use kpi::{Currency, RecordKind};
    let mut data = Dataset {
        goals: vec![revenue_goal(123_450)].into(),
        ..Dataset::default()
    };
    // (case, currency, target after the change)
    #[rustfmt::skip]
    let rows = [
        ("EUR → VND: 1,234.50 becomes 1,235", Currency::Vnd, 1_235),
        ("VND → USD: 1,235 becomes 1,235.00", Currency::Usd, 123_500),
    ];
    for (case, currency, minor) in rows {
        data.set_currency(currency).unwrap();
        assert_eq!(
            data.goals[0].target,
            Target::Amount {
                amount: Money(minor)
            },
            "{case}"
        );
    }
    // Merge: the newer version of a goal wins, a deletion is a version like any other.
    let mut newer = data.clone();
    newer.goals[0].title = "Renamed".into();
    newer.goals[0].updated_at = instant() + chrono::Duration::hours(1);
    assert_eq!(data.merge(&newer), 1);
    assert_eq!(data.goals[0].title, "Renamed");
    assert_eq!(
        data.title_of(RecordKind::Goal, "goal").as_deref(),
        Some("Renamed")
    );
    let later = instant() + chrono::Duration::hours(2);
    let before = data.delete_record(RecordKind::Goal, "goal", later).unwrap();
    assert_eq!(before.kind(), RecordKind::Goal);
    assert!(data.find::<Goal>("goal").is_none(), "tombstoned");
    // Loading refuses a goal that breaks the rules, naming it.
    let mut bad = Dataset::default();
    bad.goals.push(Goal {
        title: " ".into(),
        weight: Some(0),
        ..revenue_goal(-1)
    });
    let problems: Vec<String> = bad.problems().iter().map(|p| p.to_string()).collect();
    assert_eq!(
        problems,
        ["data.goals[0] (id \"goal\"): breaks the rules: title: required, target: negative, weight: out_of_range"]
    );
}

#[test]
fn linear_burn_up_matches_one_pass_per_day_on_the_demo() {
    let anchor = day("2026-11-22");
    let data = kpi::demo_dataset(anchor, instant());
    let mut goals = data.goals.clone();
    let rep = data.reps[0].id.clone();
    let team = data.teams[0].id.clone();
    for (measure, owner) in [
        (Measure::Kpi(KpiId::Revenue), Owner::Company),
        (Measure::Kpi(KpiId::Revenue), Owner::Team(team.clone())),
        (Measure::Kpi(KpiId::Revenue), Owner::Rep(rep.clone())),
        (Measure::Activities(ActivityKind::Call), Owner::Company),
        (
            Measure::Activities(ActivityKind::Visit),
            Owner::Rep(rep.clone()),
        ),
    ] {
        for period in [
            Period::year_of(anchor),
            Period::month_of(anchor),
            Period::month_of(day("2026-08-10")),
        ] {
            goals.push(goal(
                measure,
                Target::Value { value: 1.0 },
                period,
                owner.clone(),
            ));
        }
    }
    for goal in &goals {
        let now = progress(&data, goal, anchor);
        let linear = burn_up(&data, goal, anchor);
        let per_day = kpi::goals::burn_up_per_day(&data, goal, anchor, &now);
        assert_eq!(linear, per_day, "{} {:?}", goal.title, goal.measure);
    }
}
