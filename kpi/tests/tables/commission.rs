//! Commission statements, worked by hand. Amounts in euro cents; the period is
//! November 2026 unless a row says otherwise; the monthly quota is 10,000.00 €
//! (1,000,000 cents) unless a row says 0. Rates in basis points: 500 bp = 5 %.

use kpi::commission::{apply_rate, plans_for, statement, team_statements, what_if, LineKind};
use kpi::{
    Accelerator, BonusTrigger, Bracket, CommissionBasis, CommissionPlan, Currency, Dataset, Deal,
    DealBonus, DealKind, DealStatus, Goal, GoalBonus, KpiId, Measure, Money, NumberLocale, Owner,
    Period, PlanKind, Recurrence, Target, Threshold, Tier,
};

use crate::support::{day, deal, instant, owned_by, rep_in};

const QUOTA: i64 = 1_000_000;

fn november() -> Period {
    Period::month_of(day("2026-11-01"))
}

fn today() -> chrono::NaiveDate {
    day("2026-11-30")
}

fn plan(kind: PlanKind) -> CommissionPlan {
    CommissionPlan {
        id: "plan".into(),
        updated_at: instant(),
        deleted_at: None,
        title: "Standard".into(),
        basis: CommissionBasis::WonAmount,
        monthly_quota: Money(QUOTA),
        kind,
        accelerator: None,
        goal_bonuses: vec![],
        deal_bonuses: vec![],
        cap: None,
        rep_ids: vec![],
        created_on: day("2026-01-01"),
    }
}

fn flat(rate_bp: u32) -> PlanKind {
    PlanKind::Flat { rate_bp }
}

fn tiered() -> PlanKind {
    // Below 80 %: 2 %; 80 %: 5 %; 100 %: 8 %; 120 %: 10 %.
    PlanKind::Tiered {
        tiers: [(0, 200), (8_000, 500), (10_000, 800), (12_000, 1_000)]
            .into_iter()
            .map(|(from_attainment_bp, rate_bp)| Tier {
                from_attainment_bp,
                rate_bp,
            })
            .collect(),
    }
}

fn by_amount(brackets: &[(i64, u32)]) -> PlanKind {
    PlanKind::Marginal {
        brackets: brackets
            .iter()
            .map(|&(from, rate_bp)| Bracket {
                from: Threshold::Amount {
                    amount: Money(from),
                },
                rate_bp,
            })
            .collect(),
    }
}

fn by_attainment(brackets: &[(u32, u32)]) -> PlanKind {
    PlanKind::Marginal {
        brackets: brackets
            .iter()
            .map(|&(bp, rate_bp)| Bracket {
                from: Threshold::Attainment { bp },
                rate_bp,
            })
            .collect(),
    }
}

/// A deal of rep "ann" won in November (on the 10th), of this kind and cost.
fn won(id: &str, amount: i64, kind: DealKind, cost: Option<i64>) -> Deal {
    let mut d = owned_by(
        "ann",
        deal(DealStatus::Won, amount, "2026-10-01", "2026-11-10"),
    );
    d.id = id.into();
    d.kind = kind;
    d.cost = cost.map(Money);
    d
}

fn sales(amount: i64) -> Vec<Deal> {
    vec![won("d1", amount, DealKind::New, None)]
}

fn data(deals: Vec<Deal>) -> Dataset {
    let mut ann = rep_in("ann", "");
    ann.base_salary = Money(300_000);
    Dataset {
        reps: vec![ann].into(),
        deals: deals.into(),
        ..Dataset::default()
    }
}

fn with(mut p: CommissionPlan, change: impl FnOnce(&mut CommissionPlan)) -> CommissionPlan {
    change(&mut p);
    p
}

/// (case, plan, deals, line amounts, variable pay)
type Row = (&'static str, CommissionPlan, Vec<Deal>, Vec<i64>, i64);

#[test]
fn statement_table() {
    #[rustfmt::skip]
    let cases: Vec<Row> = vec![
        // (case, plan, deals, line amounts, variable pay)
        ("flat 5 % of 12,345.67 = 617.2835 → 617.28", plan(flat(500)), sales(1_234_567), vec![61_728], 61_728),
        ("flat with nothing won: one zero line", plan(flat(500)), vec![], vec![0], 0),
        ("tiered at 79.99 %: 2 % tier", plan(tiered()), sales(799_900), vec![15_998], 15_998),
        ("tiered at exactly 80 %: 5 % on everything", plan(tiered()), sales(800_000), vec![40_000], 40_000),
        ("tiered at exactly 100 %: 8 % on everything", plan(tiered()), sales(1_000_000), vec![80_000], 80_000),
        ("tiered at 120 %: 10 % on everything", plan(tiered()), sales(1_200_000), vec![120_000], 120_000),
        ("tiered, zero quota: lowest tier (2 %)", with(plan(tiered()), |p| p.monthly_quota = Money::ZERO), sales(1_500_000), vec![30_000], 30_000),
        ("tiered without a 0 % tier, below the first: nothing",
            plan(PlanKind::Tiered { tiers: vec![Tier { from_attainment_bp: 5_000, rate_bp: 500 }] }), sales(400_000), vec![0], 0),
        ("marginal by amount: 5,000 × 3 % + 5,000 × 6 % + 2,000 × 9 %",
            plan(by_amount(&[(0, 300), (500_000, 600), (1_000_000, 900)])), sales(1_200_000), vec![15_000, 30_000, 18_000], 63_000),
        ("marginal ending exactly on a bracket start: no empty slice",
            plan(by_amount(&[(0, 300), (500_000, 600)])), sales(500_000), vec![15_000], 15_000),
        ("marginal, lowest bracket from 2,000: 1,000 × 5 %",
            plan(by_amount(&[(200_000, 500)])), sales(300_000), vec![5_000], 5_000),
        ("marginal by attainment: 10,000 × 2 % + 5,000 × 10 %",
            plan(by_attainment(&[(0, 200), (10_000, 1_000)])), sales(1_500_000), vec![20_000, 50_000], 70_000),
        ("marginal by attainment, zero quota: all at the lowest bracket",
            with(plan(by_attainment(&[(0, 200), (10_000, 1_000)])), |p| p.monthly_quota = Money::ZERO), sales(1_500_000), vec![30_000], 30_000),
        ("accelerator extra 5 % above quota: 13,000 × 5 % + 3,000 × 5 %",
            with(plan(flat(500)), |p| p.accelerator = Some(Accelerator::ExtraRate { rate_bp: 500 })), sales(1_300_000), vec![65_000, 15_000], 80_000),
        ("accelerator at exactly 100 %: none",
            with(plan(flat(500)), |p| p.accelerator = Some(Accelerator::ExtraRate { rate_bp: 500 })), sales(1_000_000), vec![50_000], 50_000),
        ("accelerator with zero quota: never",
            with(plan(flat(500)), |p| { p.accelerator = Some(Accelerator::ExtraRate { rate_bp: 500 }); p.monthly_quota = Money::ZERO; }), sales(1_300_000), vec![65_000], 65_000),
        ("multiplier 1.5× on the 120 % tier: 2,000 above × 10 % × 0.5",
            with(plan(tiered()), |p| p.accelerator = Some(Accelerator::Multiplier { multiplier_bp: 15_000 })), sales(1_200_000), vec![120_000, 10_000], 130_000),
        ("multiplier 1.5×, marginal, quota 8,000: (2,000 × 6 % + 2,000 × 9 %) × 0.5",
            with(plan(by_amount(&[(0, 300), (500_000, 600), (1_000_000, 900)])), |p| {
                p.accelerator = Some(Accelerator::Multiplier { multiplier_bp: 15_000 }); p.monthly_quota = Money(800_000); }),
            sales(1_200_000), vec![15_000, 30_000, 18_000, 15_000], 78_000),
        ("quota bonus at exactly 100 %",
            with(plan(flat(500)), |p| p.goal_bonuses = vec![GoalBonus { amount: Money(100_000), trigger: BonusTrigger::Quota }]), sales(1_000_000), vec![50_000, 100_000], 150_000),
        ("quota bonus one cent short: none; 49,999.95 cents round to 50,000",
            with(plan(flat(500)), |p| p.goal_bonuses = vec![GoalBonus { amount: Money(100_000), trigger: BonusTrigger::Quota }]), sales(999_999), vec![50_000], 50_000),
        ("quota bonus with zero quota: never",
            with(plan(flat(500)), |p| { p.goal_bonuses = vec![GoalBonus { amount: Money(100_000), trigger: BonusTrigger::Quota }]; p.monthly_quota = Money::ZERO; }), sales(1_000_000), vec![50_000], 50_000),
        ("per-deal upsell bonus: 2 upsells × 200.00, the new deal earns none",
            with(plan(flat(500)), |p| p.deal_bonuses = vec![DealBonus { kind: DealKind::Upsell, amount: Money(20_000) }]),
            vec![won("a", 100_000, DealKind::Upsell, None), won("b", 100_000, DealKind::Upsell, None), won("c", 100_000, DealKind::New, None)],
            vec![15_000, 40_000], 55_000),
        ("cap below the commission: 10 % of 50,000 capped at 3,000",
            with(plan(flat(1_000)), |p| p.cap = Some(Money(300_000))), sales(5_000_000), vec![500_000, -200_000], 300_000),
        ("cap above the commission: no line",
            with(plan(flat(1_000)), |p| p.cap = Some(Money(600_000))), sales(5_000_000), vec![500_000], 500_000),
        ("cap exactly the commission: no line",
            with(plan(flat(1_000)), |p| p.cap = Some(Money(500_000))), sales(5_000_000), vec![500_000], 500_000),
        ("cap counts bonuses too",
            with(plan(flat(500)), |p| { p.cap = Some(Money(120_000)); p.goal_bonuses = vec![GoalBonus { amount: Money(100_000), trigger: BonusTrigger::Quota }]; }),
            sales(1_000_000), vec![50_000, 100_000, -30_000], 120_000),
        ("margin basis: (10,000 − 6,000) + 2,000 uncosted = 6,000 × 10 %",
            with(plan(flat(1_000)), |p| p.basis = CommissionBasis::Margin),
            vec![won("a", 1_000_000, DealKind::New, Some(600_000)), won("b", 200_000, DealKind::New, None)], vec![60_000], 60_000),
        ("negative margin: no commission, no clawback",
            with(plan(flat(1_000)), |p| p.basis = CommissionBasis::Margin), vec![won("a", 100_000, DealKind::New, Some(150_000))], vec![0], 0),
        ("negative margin on a marginal plan: no slice",
            with(plan(by_amount(&[(0, 300)])), |p| p.basis = CommissionBasis::Margin), vec![won("a", 100_000, DealKind::New, Some(150_000))], vec![], 0),
        ("rounding: 1,234.55 × 2.5 % = 30.86375 → 30.86", plan(flat(250)), sales(123_455), vec![3_086], 3_086),
        ("rounding half away from zero: 0.02 × 25 % = 0.005 → 0.01", plan(flat(2_500)), sales(2), vec![1], 1),
        ("rounding below half: 0.01 × 49.99 % → 0", plan(flat(4_999)), sales(1), vec![0], 0),
    ];
    for (case, plan, deals, lines, variable) in cases {
        let data = data(deals);
        let s = statement(&data, &plan, "ann", november(), today());
        let amounts: Vec<i64> = s.lines.iter().map(|l| l.amount.minor()).collect();
        assert_eq!(amounts, lines, "{case}: lines");
        assert_eq!(s.variable, Money(variable), "{case}: variable");
        assert_eq!(s.base_salary, Money(300_000), "{case}: base");
        assert_eq!(s.total, Money(300_000 + variable), "{case}: total");
        let sum: i64 = amounts.iter().sum();
        assert_eq!(sum, variable, "{case}: the lines add up");
    }
}

#[test]
fn statement_details() {
    // Exactly 100 %: attainment 1.0, the 100 % tier, the 8 % rate on the line.
    let s = statement(
        &data(sales(1_000_000)),
        &plan(tiered()),
        "ann",
        november(),
        today(),
    );
    assert_eq!(s.attainment, Some(1.0));
    assert_eq!(s.quota, Money(QUOTA));
    assert_eq!(
        s.lines[0].kind,
        LineKind::Commission {
            from: Money::ZERO,
            to: Money(1_000_000),
            rate_bp: 800
        }
    );
    assert_eq!(s.lines[0].description_id, "commission.tier");
    assert_eq!(s.deal_ids, vec!["d1".to_owned()]);

    // Zero quota: attainment undefined.
    let no_quota = with(plan(tiered()), |p| p.monthly_quota = Money::ZERO);
    let s = statement(&data(sales(500_000)), &no_quota, "ann", november(), today());
    assert_eq!((s.attainment, s.quota), (None, Money::ZERO));

    // The cap reports how much it took.
    let capped = with(plan(flat(1_000)), |p| p.cap = Some(Money(300_000)));
    let s = statement(&data(sales(5_000_000)), &capped, "ann", november(), today());
    assert_eq!(s.capped_by, Some(Money(200_000)));
    assert_eq!(
        s.lines[1].kind,
        LineKind::Cap {
            cap: Money(300_000)
        }
    );

    // Margin: the uncosted deal is flagged; a negative margin shows as is.
    let margin = with(plan(flat(1_000)), |p| p.basis = CommissionBasis::Margin);
    let deals = vec![
        won("a", 100_000, DealKind::New, Some(150_000)),
        won("b", 10_000, DealKind::New, None),
    ];
    let s = statement(&data(deals), &margin, "ann", november(), today());
    assert_eq!((s.basis_amount, s.uncosted_deals), (Money(-40_000), 1));
    assert_eq!(s.attainment, Some(-0.04));

    // Only the rep's deals won in the period count: another rep's, an open one, one
    // won in October, a lost one and a deleted one do not.
    let mut other = won("other", 1_000_000, DealKind::New, None);
    other.rep_id = Some("bob".into());
    let mut october = won("october", 1_000_000, DealKind::New, None);
    october.closed_on = Some(day("2026-10-31"));
    let mut deleted = won("deleted", 1_000_000, DealKind::New, None);
    deleted.deleted_at = Some(instant());
    let open = owned_by("ann", deal(DealStatus::Open, 1_000_000, "2026-10-01", ""));
    let lost = owned_by(
        "ann",
        deal(DealStatus::Lost, 1_000_000, "2026-10-01", "2026-11-05"),
    );
    let deals = vec![
        won("mine", 100_000, DealKind::New, None),
        other,
        october,
        deleted,
        open,
        lost,
    ];
    let s = statement(&data(deals), &plan(flat(500)), "ann", november(), today());
    assert_eq!(s.basis_amount, Money(100_000));
    assert_eq!(s.deal_ids, vec!["mine".to_owned()]);

    // A quarter: quota and base salary 3 × monthly.
    let q4 = Period::quarter_of(day("2026-11-01"));
    let s = statement(&data(sales(1_500_000)), &plan(tiered()), "ann", q4, today());
    assert_eq!((s.quota, s.base_salary), (Money(3 * QUOTA), Money(900_000)));
    assert_eq!(
        s.lines[0].amount,
        Money(30_000),
        "50 % of the quarter's quota: 2 %"
    );

    // An unknown rep has no base salary.
    let s = statement(
        &data(vec![]),
        &plan(flat(500)),
        "nobody",
        november(),
        today(),
    );
    assert_eq!((s.base_salary, s.total), (Money::ZERO, Money::ZERO));
}

#[test]
fn goal_bonus_follows_the_goal() {
    let goal = |target: i64| Goal {
        id: "g".into(),
        updated_at: instant(),
        deleted_at: None,
        title: "November revenue".into(),
        description: String::new(),
        measure: Measure::Kpi(KpiId::Revenue),
        target: Target::Amount {
            amount: Money(target),
        },
        period: november(),
        owner: Owner::Rep("ann".into()),
        parent_id: None,
        weight: None,
        recurrence: Recurrence::None,
        series_id: None,
        created_on: day("2026-11-01"),
    };
    let bonus = with(plan(flat(500)), |p| {
        p.goal_bonuses = vec![GoalBonus {
            amount: Money(50_000),
            trigger: BonusTrigger::Goal("g".into()),
        }]
    });
    #[rustfmt::skip]
    let cases: Vec<(&str, Option<Goal>, Vec<i64>)> = vec![
        ("goal exceeded: bonus", Some(goal(500_000)), vec![30_000, 50_000]),
        ("goal reached exactly: bonus", Some(goal(600_000)), vec![30_000, 50_000]),
        ("goal missed: none", Some(goal(600_001)), vec![30_000]),
        ("goal deleted: none", Some(Goal { deleted_at: Some(instant()), ..goal(1) }), vec![30_000]),
        ("goal missing: none", None, vec![30_000]),
    ];
    for (case, goal, lines) in cases {
        let mut data = data(sales(600_000));
        data.goals.extend(goal);
        let s = statement(&data, &bonus, "ann", november(), today());
        let amounts: Vec<i64> = s.lines.iter().map(|l| l.amount.minor()).collect();
        assert_eq!(amounts, lines, "{case}");
    }
}

#[test]
fn what_if_closes_open_deals() {
    let mut open = owned_by("ann", deal(DealStatus::Open, 300_000, "2026-10-01", ""));
    open.id = "open".into();
    let mut bobs = open.clone();
    bobs.id = "bobs".into();
    bobs.rep_id = Some("bob".into());
    let mut lost = owned_by(
        "ann",
        deal(DealStatus::Lost, 300_000, "2026-10-01", "2026-11-02"),
    );
    lost.id = "lost".into();
    let mut deals = sales(1_000_000);
    deals.extend([open, bobs, lost]);
    let data = data(deals);
    let plan = with(plan(flat(500)), |p| {
        p.accelerator = Some(Accelerator::ExtraRate { rate_bp: 500 })
    });
    let ids: Vec<String> = ["open", "bobs", "lost", "unknown", "open"]
        .map(String::from)
        .to_vec();
    let w = what_if(&data, &plan, "ann", november(), day("2026-11-20"), &ids);
    // Before: 10,000 × 5 %, no accelerator at exactly 100 %.
    assert_eq!(w.before.variable, Money(50_000));
    // After: 13,000 × 5 % + 3,000 × 5 %.
    assert_eq!(w.after.variable, Money(80_000));
    assert_eq!(w.difference, Money(30_000));
    assert_eq!(
        w.ignored,
        ["bobs", "lost", "unknown"].map(String::from).to_vec()
    );
    assert_eq!(w.after.deal_ids, vec!["d1".to_owned(), "open".to_owned()]);
    // The dataset itself is untouched.
    assert_eq!(
        data.find_deal("open").map(|d| d.status),
        Some(DealStatus::Open)
    );
    // A what-if for a past period still counts the deals in it.
    let october = Period::month_of(day("2026-10-01"));
    let w = what_if(&data, &plan, "ann", october, day("2026-11-20"), &ids[..1]);
    assert_eq!(
        (w.before.variable, w.after.variable),
        (Money::ZERO, Money(15_000))
    );
}

#[test]
fn apply_rate_table() {
    #[rustfmt::skip]
    let cases = [
        ("zero rate", 1_000, 0, 0),
        ("100 %", 1_000, 10_000, 1_000),
        ("half a cent rounds up", 1, 5_000, 1),
        ("just under half rounds down", 1, 4_999, 0),
        ("negative half rounds away from zero", -1, 5_000, -1),
        ("largest amount × 100 % is exact", Money::MAX_AMOUNT.minor(), 10_000, Money::MAX_AMOUNT.minor()),
        ("i64::MAX × 100 %: no overflow", i64::MAX, 10_000, i64::MAX),
        ("i64::MAX × 250 %: clamped", i64::MAX, 25_000, i64::MAX),
    ];
    for (case, amount, rate, expected) in cases {
        assert_eq!(apply_rate(Money(amount), rate), Money(expected), "{case}");
    }
}

#[test]
fn printable_statement() {
    let p = with(plan(by_amount(&[(0, 300), (500_000, 600)])), |p| {
        p.deal_bonuses = vec![DealBonus {
            kind: DealKind::New,
            amount: Money(1_000),
        }];
        p.cap = Some(Money(30_000));
    });
    let s = statement(&data(sales(1_000_000)), &p, "ann", november(), today());
    let text = s.to_text(&data(vec![]), Currency::Eur, NumberLocale::En);
    for expected in [
        "Rep: ann",
        "Plan: plan",
        "Period: 2026-11",
        "Quota: €10,000.00",
        "Attainment: 100",
        "Base salary: €3,000.00",
        "Deals counted: 1",
        "Commission 3 % on €0.00 – €5,000.00: €150.00",
        "Commission 6 % on €5,000.00 – €10,000.00: €300.00",
        "1 × new bonus of €10.00: €10.00",
        "Cap at €300.00: -€160.00",
        "Total: €3,300.00",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}

#[test]
fn plans_and_contests_are_stored_in_version_3() {
    let mut p = with(plan(by_amount(&[(0, 300), (500_000, 600)])), |p| {
        p.accelerator = Some(Accelerator::ExtraRate { rate_bp: 100 });
        p.goal_bonuses = vec![GoalBonus {
            amount: Money(10_050),
            trigger: BonusTrigger::Quota,
        }];
        p.deal_bonuses = vec![DealBonus {
            kind: DealKind::Upsell,
            amount: Money(20_000),
        }];
        p.cap = Some(Money(99_950));
    });
    p.id = "00000000-0000-4000-8000-000000000001".into();
    let contest = kpi::Contest {
        id: "00000000-0000-4000-8000-000000000002".into(),
        updated_at: instant(),
        deleted_at: None,
        title: "Sprint".into(),
        measure: Measure::Kpi(KpiId::Revenue),
        period: november(),
        participants: vec!["ann".into()],
        reward: "Dinner".into(),
        created_on: day("2026-11-01"),
    };
    let mut data = data(vec![]);
    data.commission_plans.push(p);
    data.contests.push(contest);
    let text = kpi::encode(&data, instant());
    assert_eq!(kpi::decode(&text), Ok(data.clone()), "round trip");

    // Version-3 data saved before the collections existed still loads, with none.
    let mut older = data.clone();
    older.commission_plans.clear();
    older.contests.clear();
    let without = kpi::encode(&older, instant())
        .replace(",\"commission_plans\":[]", "")
        .replace(",\"contests\":[]", "");
    assert!(!without.contains("contests"));
    assert_eq!(kpi::decode(&without), Ok(older));

    // A currency change rescales every amount of the plan (EUR → VND: whole units,
    // half away from zero).
    data.set_currency(Currency::Vnd).unwrap();
    let p = &data.commission_plans[0];
    assert_eq!(p.monthly_quota, Money(10_000));
    assert_eq!(p.goal_bonuses[0].amount, Money(101));
    assert_eq!(p.deal_bonuses[0].amount, Money(200));
    assert_eq!(p.cap, Some(Money(1_000)));
    let PlanKind::Marginal { brackets } = &p.kind else {
        panic!("marginal")
    };
    assert_eq!(
        brackets[1].from,
        Threshold::Amount {
            amount: Money(5_000)
        }
    );
}

#[test]
fn plan_rules_table() {
    use kpi::{Problem, RecordError, Rules};
    let error = |field, problem| vec![RecordError { field, problem }];
    #[rustfmt::skip]
    let cases: Vec<(&str, CommissionPlan, Vec<RecordError>)> = vec![
        ("a valid tiered plan", plan(tiered()), vec![]),
        ("no title", with(plan(flat(500)), |p| p.title = " ".into()), error("title", Problem::Required)),
        ("a rate above 100 %", plan(flat(10_001)), error("kind", Problem::OutOfRange)),
        ("no tiers", plan(PlanKind::Tiered { tiers: vec![] }), error("kind", Problem::Required)),
        ("tiers out of order", plan(PlanKind::Tiered { tiers: vec![Tier { from_attainment_bp: 10_000, rate_bp: 1 }, Tier { from_attainment_bp: 0, rate_bp: 1 }] }), error("kind", Problem::OutOfRange)),
        ("brackets mixing amounts and attainment", plan(PlanKind::Marginal { brackets: vec![
            Bracket { from: Threshold::Amount { amount: Money::ZERO }, rate_bp: 1 },
            Bracket { from: Threshold::Attainment { bp: 10_000 }, rate_bp: 1 }] }), error("kind", Problem::OutOfRange)),
        ("a negative bracket start", plan(by_amount(&[(-1, 100)])), error("kind", Problem::OutOfRange)),
        ("a multiplier below 1×", with(plan(flat(500)), |p| p.accelerator = Some(Accelerator::Multiplier { multiplier_bp: 9_999 })), error("accelerator", Problem::OutOfRange)),
        ("a negative quota", with(plan(flat(500)), |p| p.monthly_quota = Money(-1)), error("monthly_quota", Problem::Negative)),
        ("a negative cap", with(plan(flat(500)), |p| p.cap = Some(Money(-1))), error("cap", Problem::Negative)),
        ("a negative bonus", with(plan(flat(500)), |p| p.deal_bonuses = vec![DealBonus { kind: DealKind::New, amount: Money(-1) }]), error("deal_bonuses", Problem::Negative)),
    ];
    for (case, plan, expected) in cases {
        assert_eq!(plan.rule_errors(), expected, "{case}");
    }
}

#[test]
fn plans_for_a_rep_and_team_statements() {
    let everyone = with(plan(flat(500)), |p| {
        p.id = "b".into();
        p.title = "Base".into();
    });
    let bobs = with(plan(flat(900)), |p| {
        p.id = "a".into();
        p.title = "Accelerated".into();
        p.rep_ids = vec!["bob".into()];
    });
    let deleted = with(plan(flat(100)), |p| {
        p.id = "c".into();
        p.deleted_at = Some(instant());
    });
    let mut data = data(sales(1_000_000));
    data.reps.push(rep_in("bob", ""));
    *data.commission_plans = vec![everyone.clone(), bobs.clone(), deleted];
    let ids = |plans: Vec<&CommissionPlan>| plans.iter().map(|p| p.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(plans_for(&data, "ann")), vec!["b"]);
    assert_eq!(ids(plans_for(&data, "bob")), vec!["a", "b"], "by title");
    let team = team_statements(&data, &everyone, november(), today());
    let rows: Vec<(&str, i64)> = team
        .iter()
        .map(|s| (s.rep_id.as_str(), s.variable.minor()))
        .collect();
    assert_eq!(rows, vec![("ann", 50_000), ("bob", 0)]);
    assert_eq!(team_statements(&data, &bobs, november(), today()).len(), 1);
}
