//! The commission plan form: percentages and multipliers as typed, and the plan made
//! from the form (or every problem, by field and row, in form order).

use kpi::commission::input::{
    AcceleratorKind, DealBonusInput, GoalBonusInput, PlanError, PlanField, PlanKindId, StepInput,
    ThresholdUnit,
};
use kpi::commission::{
    multiplier_text, open_deals, parse_multiplier, parse_percent, percent_text, PlanInput,
};
use kpi::{
    Accelerator, BonusTrigger, Bracket, CommissionBasis, CommissionPlan, Dataset, DealBonus,
    DealKind, DealStatus, GoalBonus, Money, NumberLocale, PlanKind, Problem, Threshold, Tier,
};

use crate::support::{day, deal, instant, owned_by, rep_in};

#[test]
fn percentages_as_typed() {
    use Problem::*;
    let rows: &[(&str, &str, Result<u32, Problem>)] = &[
        ("point as decimal mark", "4.5", Ok(450)),
        ("comma as decimal mark", "4,5", Ok(450)),
        ("with a percent sign and space", "4,5 %", Ok(450)),
        ("percent sign glued", "4.5%", Ok(450)),
        ("whole number", "7", Ok(700)),
        ("zero", "0", Ok(0)),
        ("a hundred percent", "100", Ok(10_000)),
        ("one basis point", "0.01", Ok(1)),
        ("leading decimal mark", ",5", Ok(50)),
        ("trailing decimal mark", "5.", Ok(500)),
        ("explicit plus", "+2.25", Ok(225)),
        ("surrounding spaces", "  12.5  ", Ok(1_250)),
        (
            "above a hundred is read (range is the caller's)",
            "120",
            Ok(12_000),
        ),
        ("blank", "  ", Err(Required)),
        ("only a percent sign", "%", Err(Required)),
        ("letters", "abc", Err(NotANumber)),
        (
            "three decimals are refused, not rounded",
            "4.555",
            Err(TooManyDecimals),
        ),
        (
            "a thousands group reads as three decimals",
            "1,000",
            Err(TooManyDecimals),
        ),
        ("two marks", "1.2.3", Err(NotANumber)),
        ("both marks", "1,5.2", Err(NotANumber)),
        ("hyphen minus", "-3", Err(Negative)),
        ("minus sign", "\u{2212}2,5", Err(Negative)),
        ("a lone mark", ".", Err(NotANumber)),
        ("a lone minus", "-", Err(NotANumber)),
        ("beyond u32 basis points", "99999999999", Err(TooLarge)),
    ];
    for (case, text, expected) in rows {
        assert_eq!(parse_percent(text), *expected, "{case}");
    }
}

#[test]
fn multipliers_as_typed() {
    let rows: &[(&str, &str, Result<u32, Problem>)] = &[
        ("one and a half", "1.5", Ok(15_000)),
        ("comma", "1,25", Ok(12_500)),
        ("times sign", "2×", Ok(20_000)),
        ("letter x", "1.5x", Ok(15_000)),
        ("blank", "", Err(Problem::Required)),
        ("three decimals", "1.125", Err(Problem::TooManyDecimals)),
    ];
    for (case, text, expected) in rows {
        assert_eq!(parse_multiplier(text), *expected, "{case}");
    }
}

#[test]
fn basis_points_as_typed_back() {
    let rows: &[(&str, u32, NumberLocale, &str)] = &[
        ("one decimal, English", 450, NumberLocale::En, "4.5"),
        ("one decimal, German", 450, NumberLocale::De, "4,5"),
        ("whole", 10_000, NumberLocale::En, "100"),
        ("one basis point", 1, NumberLocale::En, "0.01"),
        ("zero", 0, NumberLocale::Cs, "0"),
        ("two decimals", 1_275, NumberLocale::Hu, "12,75"),
    ];
    for (case, bp, locale, expected) in rows {
        assert_eq!(percent_text(*bp, *locale), *expected, "{case}");
    }
    assert_eq!(
        multiplier_text(15_000, NumberLocale::En),
        "1.5",
        "multiplier 1.5×"
    );
    assert_eq!(
        multiplier_text(12_500, NumberLocale::De),
        "1,25",
        "multiplier 1,25×"
    );
}

fn data() -> Dataset {
    let mut data = Dataset::default();
    data.reps.push(rep_in("ann", ""));
    data.reps.push(rep_in("bob", ""));
    data
}

fn step(from: &str, rate: &str) -> StepInput {
    StepInput {
        from: from.into(),
        rate: rate.into(),
    }
}

fn tiered_input() -> PlanInput {
    PlanInput {
        title: " Tiered 2026 ".into(),
        monthly_quota: "10,000.00".into(),
        kind: PlanKindId::Tiered,
        tiers: vec![step("0", "2"), step("80", "4,5"), step("100", "6.25")],
        rep_ids: vec!["ann".into()],
        ..PlanInput::default()
    }
}

fn submit(input: &PlanInput, locale: NumberLocale) -> Result<CommissionPlan, Vec<PlanError>> {
    input.into_plan(
        &data(),
        None,
        "plan-1".into(),
        instant(),
        day("2026-11-15"),
        locale,
    )
}

fn tier(from_attainment_bp: u32, rate_bp: u32) -> Tier {
    Tier {
        from_attainment_bp,
        rate_bp,
    }
}

#[test]
fn a_tiered_plan_from_the_form() {
    let plan = submit(&tiered_input(), NumberLocale::En).expect("valid");
    assert_eq!(plan.title, "Tiered 2026", "title trimmed");
    assert_eq!(plan.monthly_quota, Money(1_000_000), "quota in cents");
    assert_eq!(
        plan.kind,
        PlanKind::Tiered {
            tiers: vec![tier(0, 200), tier(8_000, 450), tier(10_000, 625)]
        },
        "both decimal marks read in English"
    );
    assert_eq!(plan.rep_ids, vec!["ann".to_string()]);
    assert_eq!(plan.created_on, day("2026-11-15"));
    assert_eq!(plan.cap, None, "blank cap = none");
}

#[test]
fn a_marginal_plan_with_everything_from_the_form() {
    let input = PlanInput {
        title: "Brackets".into(),
        basis: CommissionBasis::Margin,
        monthly_quota: "5.000,00".into(),
        kind: PlanKindId::Marginal,
        bracket_unit: ThresholdUnit::Amount,
        brackets: vec![step("0", "3"), step("5.000", "5,5")],
        accelerator: AcceleratorKind::Multiplier,
        accelerator_value: "1,5".into(),
        goal_bonuses: vec![GoalBonusInput {
            trigger: "quota".into(),
            amount: "250".into(),
        }],
        deal_bonuses: vec![DealBonusInput {
            kind: DealKind::Upsell,
            amount: "100".into(),
        }],
        cap: "3.000".into(),
        ..PlanInput::default()
    };
    let plan = submit(&input, NumberLocale::De).expect("valid in German");
    assert_eq!(
        plan.kind,
        PlanKind::Marginal {
            brackets: vec![
                Bracket {
                    from: Threshold::Amount { amount: Money(0) },
                    rate_bp: 300
                },
                Bracket {
                    from: Threshold::Amount {
                        amount: Money(500_000)
                    },
                    rate_bp: 550
                },
            ]
        }
    );
    assert_eq!(plan.basis, CommissionBasis::Margin);
    assert_eq!(
        plan.accelerator,
        Some(Accelerator::Multiplier {
            multiplier_bp: 15_000
        })
    );
    assert_eq!(
        plan.goal_bonuses,
        vec![GoalBonus {
            amount: Money(25_000),
            trigger: BonusTrigger::Quota
        }]
    );
    assert_eq!(
        plan.deal_bonuses,
        vec![DealBonus {
            kind: DealKind::Upsell,
            amount: Money(10_000)
        }]
    );
    assert_eq!(plan.cap, Some(Money(300_000)));
    assert!(plan.rep_ids.is_empty(), "nobody chosen = everyone");

    // The form made from the stored plan gives the same plan back.
    let again = PlanInput::from_plan(&plan, kpi::Currency::Eur, NumberLocale::De);
    assert_eq!(submit(&again, NumberLocale::De), Ok(plan), "round trip");
}

#[test]
fn a_stored_tiered_plan_round_trips_through_the_form() {
    let plan = submit(&tiered_input(), NumberLocale::En).expect("valid");
    let input = PlanInput::from_plan(&plan, kpi::Currency::Eur, NumberLocale::En);
    assert_eq!(input.tiers[1], step("80", "4.5"), "rates as typed");
    assert_eq!(input.monthly_quota, "10000.00");
    assert_eq!(submit(&input, NumberLocale::En), Ok(plan));
}

/// The problems a row expects, by field, in form order.
type Expected = Vec<(PlanField, Problem)>;

#[test]
fn every_problem_is_named_by_field_and_row_in_form_order() {
    use PlanField::*;
    use Problem::*;
    let with = |f: fn(&mut PlanInput)| {
        let mut input = tiered_input();
        f(&mut input);
        input
    };
    let rows: Vec<(&str, PlanInput, Expected)> = vec![
        (
            "no title",
            with(|i| i.title = "  ".into()),
            vec![(Title, Required)],
        ),
        (
            "no quota",
            with(|i| i.monthly_quota.clear()),
            vec![(MonthlyQuota, Required)],
        ),
        (
            "negative quota",
            with(|i| i.monthly_quota = "-5".into()),
            vec![(MonthlyQuota, Negative)],
        ),
        (
            "rate not a number",
            with(|i| i.tiers[1].rate = "abc".into()),
            vec![(TierRate(1), NotANumber)],
        ),
        (
            "rate above 100 %",
            with(|i| i.tiers[2].rate = "150".into()),
            vec![(TierRate(2), OutOfRange)],
        ),
        (
            "rate with three decimals",
            with(|i| i.tiers[0].rate = "2.125".into()),
            vec![(TierRate(0), TooManyDecimals)],
        ),
        (
            "tier starts not increasing",
            with(|i| i.tiers[2].from = "80".into()),
            vec![(TierFrom(2), OutOfRange)],
        ),
        (
            "no tiers",
            with(|i| i.tiers.clear()),
            vec![(Tiers, Required)],
        ),
        (
            "flat rate blank",
            with(|i| i.kind = PlanKindId::Flat),
            vec![(FlatRate, Required)],
        ),
        (
            "brackets starting in % of quota, not increasing",
            with(|i| {
                i.kind = PlanKindId::Marginal;
                i.brackets = vec![step("50", "2"), step("50", "4")];
            }),
            vec![(BracketFrom(1), OutOfRange)],
        ),
        (
            "multiplier below 1×",
            with(|i| {
                i.accelerator = AcceleratorKind::Multiplier;
                i.accelerator_value = "0.5".into();
            }),
            vec![(AcceleratorValue, OutOfRange)],
        ),
        (
            "extra rate blank",
            with(|i| i.accelerator = AcceleratorKind::ExtraRate),
            vec![(AcceleratorValue, Required)],
        ),
        (
            "bonus for an unknown goal, and no amount",
            with(|i| {
                i.goal_bonuses = vec![GoalBonusInput {
                    trigger: "goal-gone".into(),
                    amount: String::new(),
                }]
            }),
            vec![
                (GoalBonusTrigger(0), Required),
                (GoalBonusAmount(0), Required),
            ],
        ),
        (
            "two bonuses for the same deal kind",
            with(|i| {
                let upsell = DealBonusInput {
                    kind: DealKind::Upsell,
                    amount: "100".into(),
                };
                i.deal_bonuses = vec![upsell.clone(), upsell];
            }),
            vec![(DealBonusKind(1), Conflict)],
        ),
        (
            "cap not a number",
            with(|i| i.cap = "lots".into()),
            vec![(Cap, NotANumber)],
        ),
        (
            "an unknown rep",
            with(|i| i.rep_ids.push("zoe".into())),
            vec![(Reps, Conflict)],
        ),
        (
            "several at once, in form order",
            with(|i| {
                i.cap = "x".into();
                i.tiers[1].rate = "x".into();
                i.tiers[0].from = "x".into();
                i.title.clear();
            }),
            vec![
                (Title, Required),
                (TierFrom(0), NotANumber),
                (TierRate(1), NotANumber),
                (Cap, NotANumber),
            ],
        ),
    ];
    for (case, input, expected) in rows {
        let errors = submit(&input, NumberLocale::En).expect_err(case);
        let got: Vec<(PlanField, Problem)> = errors.iter().map(|e| (e.field, e.problem)).collect();
        assert_eq!(got, expected, "{case}");
    }
    assert_eq!(TierRate(1).id(), "tier_rate_1", "row ids");
    assert_eq!(MonthlyQuota.id(), "monthly_quota");
}

#[test]
fn editing_keeps_the_id_and_created_date() {
    let mut data = data();
    let mut stored = submit(&tiered_input(), NumberLocale::En).expect("valid");
    stored.created_on = day("2026-01-01");
    data.commission_plans.push(stored.clone());
    let mut input = PlanInput::from_plan(&stored, kpi::Currency::Eur, NumberLocale::En);
    input.title = "Renamed".into();
    let edited = input
        .into_plan(
            &data,
            Some("plan-1"),
            "other".into(),
            instant(),
            day("2026-11-20"),
            NumberLocale::En,
        )
        .expect("valid");
    assert_eq!(
        (edited.id.as_str(), edited.created_on),
        ("plan-1", day("2026-01-01"))
    );
    assert_eq!(edited.title, "Renamed");
}

#[test]
fn open_deals_of_a_rep_for_the_what_if() {
    let mut data = data();
    let mut late = owned_by("ann", deal(DealStatus::Open, 100, "2026-11-01", ""));
    late.id = "late".into();
    late.expected_close = Some(day("2026-12-20"));
    let mut soon = owned_by("ann", deal(DealStatus::Open, 200, "2026-11-01", ""));
    soon.id = "soon".into();
    soon.expected_close = Some(day("2026-11-30"));
    let mut undated = owned_by("ann", deal(DealStatus::Open, 300, "2026-11-01", ""));
    undated.id = "undated".into();
    let mut won = owned_by(
        "ann",
        deal(DealStatus::Won, 400, "2026-11-01", "2026-11-02"),
    );
    won.id = "won".into();
    let mut bobs = owned_by("bob", deal(DealStatus::Open, 500, "2026-11-01", ""));
    bobs.id = "bobs".into();
    let mut gone = soon.clone();
    gone.id = "gone".into();
    gone.deleted_at = Some(instant());
    *data.deals = vec![undated, late, won, bobs, gone, soon];
    let ids: Vec<&str> = open_deals(&data, "ann")
        .iter()
        .map(|d| d.id.as_str())
        .collect();
    assert_eq!(
        ids,
        ["soon", "late", "undated"],
        "expected close first, undated last; only Ann's live open deals"
    );
}
