//! Goals: invariants of splits, status, pacing and recurrence for any input.

use chrono::NaiveDate;
use kpi::goals::{
    cascade, classify, due_instances, progress, split_money, split_value, CascadePart, GoalInput,
    GoalStatus, TargetKind,
};
use kpi::{
    ActivityKind, Better, Dataset, Goal, KpiId, Measure, Money, Owner, Period, PeriodKind,
    Recurrence, Target,
};
use proptest::prelude::*;
use proptest::sample::select;

use crate::generate::{date, instant, locale, recent_date, valid_dataset};

/// Badness: on track < at risk < off track.
fn rank(status: GoalStatus) -> u8 {
    match status {
        GoalStatus::OnTrack => 0,
        GoalStatus::AtRisk => 1,
        GoalStatus::OffTrack => 2,
    }
}

fn measure() -> impl Strategy<Value = Measure> {
    prop_oneof![
        select(KpiId::ALL).prop_map(Measure::Kpi),
        select(ActivityKind::ALL).prop_map(Measure::Activities),
    ]
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        -1e6_f64..1e9,
        Just(0.0),
        Just(-0.0),
        Just(1e300),
        Just(-1e300),
        Just(f64::MIN_POSITIVE)
    ]
}

fn target() -> impl Strategy<Value = Target> {
    prop_oneof![
        (0_i64..=Money::MAX_AMOUNT.minor()).prop_map(|m| Target::Amount { amount: Money(m) }),
        number().prop_map(|value| Target::Value { value }),
        number().prop_map(|percent| Target::Change { percent }),
        number().prop_map(|value| Target::PerWorkingDay { value }),
    ]
}

fn period() -> impl Strategy<Value = Period> {
    (recent_date(), 0_u8..5, 0_i64..400).prop_map(|(day, kind, days)| match kind {
        0 => Period::week_of(day),
        1 => Period::month_of(day),
        2 => Period::quarter_of(day),
        3 => Period::year_of(day),
        _ => Period::custom(day, day + chrono::Days::new(days as u64)).unwrap(),
    })
}

fn goal(measure: Measure, target: Target, period: Period) -> Goal {
    Goal {
        id: "goal".into(),
        updated_at: chrono::DateTime::UNIX_EPOCH,
        deleted_at: None,
        title: "Goal".into(),
        description: String::new(),
        measure,
        target,
        period,
        owner: Owner::Company,
        parent_id: None,
        weight: None,
        recurrence: Recurrence::None,
        series_id: None,
        created_on: period.start,
    }
}

proptest! {
    #[test]
    fn money_cascade_parts_sum_to_the_whole(
        total in -Money::MAX_AMOUNT.minor()..=Money::MAX_AMOUNT.minor(),
        weights in prop::collection::vec(1_u32..10_000, 1..12),
    ) {
        let parts = split_money(Money(total), &weights).unwrap();
        prop_assert_eq!(parts.len(), weights.len());
        prop_assert_eq!(parts.iter().map(|m| i128::from(m.minor())).sum::<i128>(), i128::from(total));
        // Each part is its exact share, within one minor unit.
        let sum: i128 = weights.iter().map(|&w| i128::from(w)).sum();
        for (part, &w) in parts.iter().zip(&weights) {
            let exact = i128::from(total) * i128::from(w);
            let lower = exact.div_euclid(sum);
            prop_assert!(i128::from(part.minor()) == lower || i128::from(part.minor()) == lower + 1);
        }
    }

    #[test]
    fn value_cascade_parts_sum_to_the_whole(total in 0.0_f64..1e9, weights in prop::collection::vec(1_u32..100, 1..12)) {
        let parts = split_value(total, &weights).unwrap();
        prop_assert!((parts.iter().sum::<f64>() - total).abs() <= 1e-6 * total.max(1.0));
    }

    #[test]
    fn cascaded_goals_sum_to_the_parent(total in 0_i64..1_000_000_000, weights in prop::collection::vec(1_u32..50, 1..8)) {
        let parent = goal(Measure::Kpi(KpiId::Revenue), Target::Amount { amount: Money(total) }, Period::month_of(NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()));
        let parts: Vec<CascadePart> = weights.iter().enumerate()
            .map(|(i, &weight)| CascadePart { id: format!("c{i}"), owner: Owner::Rep(format!("r{i}")), weight })
            .collect();
        let children = cascade(&parent, &parts, chrono::DateTime::UNIX_EPOCH, parent.period.start).unwrap();
        let sum: i64 = children.iter().map(|c| match c.target { Target::Amount { amount } => amount.minor(), _ => 0 }).sum();
        prop_assert_eq!(sum, total);
    }

    #[test]
    fn status_is_monotone_in_the_actual(a in -1e9_f64..1e9, b in -1e9_f64..1e9, reference in -1e9_f64..1e9) {
        let (low, high) = if a <= b { (a, b) } else { (b, a) };
        // Higher is better: more is never worse.
        prop_assert!(rank(classify(high, reference, Better::Higher)) <= rank(classify(low, reference, Better::Higher)));
        // Lower is better: less is never worse.
        prop_assert!(rank(classify(low, reference, Better::Lower)) <= rank(classify(high, reference, Better::Lower)));
        // Meeting the reference is on track either way.
        prop_assert_eq!(classify(reference, reference, Better::Higher), GoalStatus::OnTrack);
        prop_assert_eq!(classify(reference, reference, Better::Lower), GoalStatus::OnTrack);
    }

    #[test]
    fn pacing_invariants(data in valid_dataset(), measure in measure(), target in target(), period in period(), today in recent_date()) {
        let goal = goal(measure, target, period);
        let p = progress(&data, &goal, today);
        prop_assert_eq!(p.days, p.elapsed_days + p.remaining_days);
        prop_assert!(p.elapsed_days >= 0 && p.remaining_days >= 0);
        if today > period.end {
            prop_assert_eq!(p.remaining_days, 0);
            prop_assert_eq!(p.projection, p.actual, "projection = actual at period end");
            if let (Some(e), Some(t)) = (p.expected, p.target) {
                prop_assert!((e - t).abs() <= 1e-9 * t.abs().max(1.0), "all of the target is due");
            }
        }
        if today < period.start {
            prop_assert_eq!(p.actual, None);
            prop_assert_eq!(p.status, None);
        }
        if p.cumulative {
            if let (Some(e), Some(t)) = (p.expected, p.target) {
                prop_assert!(e.abs() <= t.abs() * (1.0 + 1e-12), "expected never exceeds the target");
            }
            if let Some(n) = p.needed_per_day {
                prop_assert!(n >= 0.0);
            }
        } else {
            prop_assert_eq!(p.expected, p.target.filter(|_| today >= period.start));
        }
        for value in [p.actual, p.expected, p.projection, p.needed_per_day, p.attainment].into_iter().flatten() {
            prop_assert!(!value.is_nan());
        }
    }

    #[test]
    fn recurrence_is_idempotent(start in recent_date(), today in recent_date(), kind in 0_u8..4, now in instant()) {
        let period = match kind {
            0 => Period::week_of(start),
            1 => Period::month_of(start),
            2 => Period::quarter_of(start),
            _ => Period::year_of(start),
        };
        let mut template = goal(Measure::Activities(ActivityKind::Visit), Target::Value { value: 20.0 }, period);
        template.recurrence = Recurrence::EachPeriod;
        let mut data = Dataset { goals: vec![template].into(), ..Dataset::default() };
        let due = due_instances(&data, today, now);
        for g in &due {
            prop_assert!(g.period.start <= today && g.period.start > period.start);
            prop_assert_eq!(g.period.kind, period.kind);
        }
        for pair in due.windows(2) {
            prop_assert_eq!(pair[0].period.next(), pair[1].period, "consecutive periods");
        }
        due.into_iter().for_each(|g| data.upsert(g));
        prop_assert_eq!(due_instances(&data, today, now), vec![]);
        prop_assert_eq!(data.problems(), vec![]);
    }

    #[test]
    fn the_goal_form_never_panics(
        title in "\\PC{0,8}", target in "[0-9.,  \u{a0}+−-]{0,12}", start in prop_oneof![date().prop_map(|d| d.to_string()), "\\PC{0,10}"],
        end in prop_oneof![date().prop_map(|d| d.to_string()), "\\PC{0,10}"], measure in measure(),
        kind in select(TargetKind::ALL), period_kind in select(&[PeriodKind::Week, PeriodKind::Month, PeriodKind::Quarter, PeriodKind::Year, PeriodKind::Custom][..]),
        weight in "[0-9a]{0,4}", locale in locale(),
    ) {
        let input = GoalInput { title, target, start, end, measure, target_kind: kind, period_kind, weight, ..GoalInput::default() };
        let data = Dataset::default();
        if let Ok(goal) = input.into_goal(&data, None, "id".into(), chrono::DateTime::UNIX_EPOCH, NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(), locale) {
            // What the form accepts, the loader accepts.
            let mut with = data.clone();
            with.goals.push(goal);
            prop_assert_eq!(with.problems(), vec![]);
        }
    }
}
