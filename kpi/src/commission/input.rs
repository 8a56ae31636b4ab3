//! The commission plan form: text as typed → a validated [`CommissionPlan`], every
//! problem named by field (and row, for tiers, brackets and bonuses), in the style of
//! [`crate::goals::GoalInput`].
//!
//! Conventions:
//! - **Rates and attainment thresholds** are typed as percentages: "4.5", "4,5", "4,5 %"
//!   all mean 4.5 % = 450 bp, whatever the user's locale (a percentage is never
//!   grouped, so either mark is read as the decimal mark; see [`parse_percent`]). At
//!   most two decimals (1 bp); a text with more is refused, never rounded.
//! - A **multiplier** is typed as a factor: "1.5" or "1,5" (×) = 15 000 bp, at most two
//!   decimals ([`parse_multiplier`]).
//! - **Money** (quota, bracket amounts, bonuses, cap) is parsed by [`Money::parse`] in
//!   the user's locale.
//!
//! Rules: a title; a monthly quota (0 = no quota); a flat rate, or at least one tier or
//! bracket; rates of at most 100 %; tier and bracket starts strictly increasing down
//! the list (a start not above the one before is "out of range"); an accelerator
//! multiplier from 1× to 10×, an extra rate of at most 100 %; a goal bonus names the
//! quota or a live goal; one per-deal bonus per deal kind; a cap is optional; every
//! chosen rep is a live rep (none chosen = every rep). All problems are collected at
//! once, one per field, in form order; nothing is changed here.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::deal_input::{amount_problem, Problem};
use crate::model::id_enum::id_enum;
use crate::model::{
    Accelerator, BonusTrigger, Bracket, CommissionBasis, CommissionPlan, Dataset, DealBonus,
    DealKind, Goal, GoalBonus, PlanKind, RecordId, Rep, Threshold, Tier, FULL_BP,
};
use crate::money::{Currency, Money, NumberLocale};
use crate::rules::Rules;

id_enum! {
    /// Which kind of plan the form describes.
    PlanKindId { Flat = "flat", Tiered = "tiered", Marginal = "marginal" }
}

id_enum! {
    /// What a marginal plan's bracket starts are typed in.
    ThresholdUnit { Amount = "amount", Attainment = "attainment" }
}

id_enum! {
    /// The accelerator choice on the form.
    AcceleratorKind { None = "none", Multiplier = "multiplier", ExtraRate = "extra_rate" }
}

/// One tier or bracket row as typed: where it starts and its rate.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepInput {
    pub from: String,
    pub rate: String,
}

/// One goal bonus row: `trigger` is "quota" or a goal's id.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalBonusInput {
    pub trigger: String,
    pub amount: String,
}

/// One per-deal bonus row.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DealBonusInput {
    pub kind: DealKind,
    pub amount: String,
}

/// The goal bonus trigger id for the quota.
pub const QUOTA_TRIGGER: &str = "quota";

/// The plan form's fields as typed. Both the tiers and the brackets are kept, so
/// switching the kind back and forth loses nothing typed; only the chosen kind's list
/// is read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanInput {
    pub title: String,
    pub basis: CommissionBasis,
    pub monthly_quota: String,
    pub kind: PlanKindId,
    pub flat_rate: String,
    pub tiers: Vec<StepInput>,
    pub brackets: Vec<StepInput>,
    pub bracket_unit: ThresholdUnit,
    pub accelerator: AcceleratorKind,
    pub accelerator_value: String,
    pub goal_bonuses: Vec<GoalBonusInput>,
    pub deal_bonuses: Vec<DealBonusInput>,
    pub cap: String,
    pub rep_ids: Vec<RecordId>,
}

impl Default for PlanInput {
    /// A flat plan on the won amount for everyone, nothing typed yet; the tier and
    /// bracket lists start with one row from 0.
    fn default() -> Self {
        let first = || {
            vec![StepInput {
                from: "0".into(),
                rate: String::new(),
            }]
        };
        PlanInput {
            title: String::new(),
            basis: CommissionBasis::WonAmount,
            monthly_quota: String::new(),
            kind: PlanKindId::Flat,
            flat_rate: String::new(),
            tiers: first(),
            brackets: first(),
            bracket_unit: ThresholdUnit::Attainment,
            accelerator: AcceleratorKind::None,
            accelerator_value: String::new(),
            goal_bonuses: Vec::new(),
            deal_bonuses: Vec::new(),
            cap: String::new(),
            rep_ids: Vec::new(),
        }
    }
}

/// A plan form field; list fields carry their row (0-based).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PlanField {
    Title,
    MonthlyQuota,
    FlatRate,
    /// The tier list as a whole (empty).
    Tiers,
    TierFrom(usize),
    TierRate(usize),
    Brackets,
    BracketFrom(usize),
    BracketRate(usize),
    AcceleratorValue,
    GoalBonusTrigger(usize),
    GoalBonusAmount(usize),
    DealBonusKind(usize),
    DealBonusAmount(usize),
    Cap,
    Reps,
}

impl PlanField {
    /// Stable id, e.g. "monthly_quota", "tier_rate_0" (rows are 0-based).
    pub fn id(self) -> String {
        let (name, row) = self.parts();
        match row {
            Some(row) => format!("{name}_{row}"),
            None => name.to_owned(),
        }
    }

    fn parts(self) -> (&'static str, Option<usize>) {
        use PlanField::*;
        match self {
            Title => ("title", None),
            MonthlyQuota => ("monthly_quota", None),
            FlatRate => ("flat_rate", None),
            Tiers => ("tiers", None),
            TierFrom(r) => ("tier_from", Some(r)),
            TierRate(r) => ("tier_rate", Some(r)),
            Brackets => ("brackets", None),
            BracketFrom(r) => ("bracket_from", Some(r)),
            BracketRate(r) => ("bracket_rate", Some(r)),
            AcceleratorValue => ("accelerator_value", None),
            GoalBonusTrigger(r) => ("goal_bonus_trigger", Some(r)),
            GoalBonusAmount(r) => ("goal_bonus_amount", Some(r)),
            DealBonusKind(r) => ("deal_bonus_kind", Some(r)),
            DealBonusAmount(r) => ("deal_bonus_amount", Some(r)),
            Cap => ("cap", None),
            Reps => ("reps", None),
        }
    }

    /// Position on the form: section, row, column (rows of a list field by field).
    fn form_order(self) -> (u8, usize, u8) {
        use PlanField::*;
        match self {
            Title => (0, 0, 0),
            MonthlyQuota => (1, 0, 0),
            FlatRate => (2, 0, 0),
            Tiers => (3, 0, 0),
            TierFrom(r) => (3, r, 1),
            TierRate(r) => (3, r, 2),
            Brackets => (4, 0, 0),
            BracketFrom(r) => (4, r, 1),
            BracketRate(r) => (4, r, 2),
            AcceleratorValue => (5, 0, 0),
            GoalBonusTrigger(r) => (6, r, 0),
            GoalBonusAmount(r) => (6, r, 1),
            DealBonusKind(r) => (7, r, 0),
            DealBonusAmount(r) => (7, r, 1),
            Cap => (8, 0, 0),
            Reps => (9, 0, 0),
        }
    }
}

/// One problem on one field of the plan form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PlanError {
    pub field: PlanField,
    pub problem: Problem,
}

/// A percentage as typed → basis points (hundredths of a percent): "4.5", "4,5",
/// "4,5 %", "+4.5" → 450; "0" → 0; "100" → 10 000.
///
/// Either '.' or ',' is the decimal mark (at most one mark, no grouping); spaces and a
/// trailing '%' are ignored. Blank → required; a leading minus (hyphen or U+2212) on a
/// number → negative; more than two decimals → too many decimals (never rounded);
/// beyond `u32` basis points → too large; anything else → not a number. No range
/// check: the caller knows whether 120 % makes sense (an attainment) or not (a rate).
pub fn parse_percent(text: &str) -> Result<u32, Problem> {
    let cleaned: String = text
        .trim()
        .trim_end_matches('%')
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}')
        .collect();
    parse_hundredths(&cleaned)
}

/// A multiplier as typed ("1.5", "1,5", "1,5×", "1.5x") → basis points of 1×
/// (15 000). Same reading as [`parse_percent`] (two decimals at most).
pub fn parse_multiplier(text: &str) -> Result<u32, Problem> {
    let cleaned: String = text
        .trim()
        .trim_end_matches(['×', 'x', 'X'])
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}')
        .collect();
    let hundredths = parse_hundredths(&cleaned)?;
    hundredths.checked_mul(100).ok_or(Problem::TooLarge)
}

/// Digits with at most one decimal mark ('.' or ','), at most two decimals, as
/// hundredths; see [`parse_percent`].
fn parse_hundredths(cleaned: &str) -> Result<u32, Problem> {
    if cleaned.is_empty() {
        return Err(Problem::Required);
    }
    let (negative, unsigned) = match cleaned.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => (true, rest),
        None => (false, cleaned.strip_prefix('+').unwrap_or(cleaned)),
    };
    let mut parts = unsigned.split(['.', ',']);
    let whole = parts.next().unwrap_or("");
    let fraction = parts.next();
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    let shape_ok = parts.next().is_none()
        && digits(whole)
        && fraction.is_none_or(digits)
        && !(whole.is_empty() && fraction.is_none_or(str::is_empty));
    if !shape_ok {
        return Err(Problem::NotANumber);
    }
    if negative {
        return Err(Problem::Negative);
    }
    let fraction = fraction.unwrap_or("");
    if fraction.len() > 2 {
        return Err(Problem::TooManyDecimals);
    }
    let whole: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| Problem::TooLarge)?
    };
    let cents: u64 = format!("{fraction:0<2}").parse().unwrap_or(0);
    whole
        .checked_mul(100)
        .and_then(|w| w.checked_add(cents))
        .and_then(|v| u32::try_from(v).ok())
        .ok_or(Problem::TooLarge)
}

/// Basis points as a percentage number, as the form shows and takes it: at most two
/// decimals, trailing zeros dropped, the locale's decimal mark, no '%': 450 → "4.5"
/// (en), "4,5" (de); 10 000 → "100"; 1 → "0.01".
pub fn percent_text(bp: u32, locale: NumberLocale) -> String {
    let (whole, fraction) = (bp / 100, bp % 100);
    if fraction == 0 {
        return whole.to_string();
    }
    let fraction = format!("{fraction:02}");
    format!(
        "{whole}{}{}",
        locale.decimal_separator(),
        fraction.trim_end_matches('0')
    )
}

/// A multiplier in basis points of 1× as typed: 15 000 → "1.5", 12 500 → "1.25"
/// (hundredths of 1×; a finer multiplier shows its first two decimals).
pub fn multiplier_text(bp: u32, locale: NumberLocale) -> String {
    percent_text(bp / 100, locale)
}

impl PlanInput {
    /// The form prefilled from a stored plan (money as typed in `locale`, rates as
    /// percentages). The list of the other kind keeps its default first row.
    pub fn from_plan(plan: &CommissionPlan, currency: Currency, locale: NumberLocale) -> Self {
        let money = |m: Money| m.format_plain(currency, locale);
        let rate = |bp: u32| percent_text(bp, locale);
        let mut input = PlanInput {
            title: plan.title.clone(),
            basis: plan.basis,
            monthly_quota: money(plan.monthly_quota),
            cap: plan.cap.map(money).unwrap_or_default(),
            rep_ids: plan.rep_ids.clone(),
            ..PlanInput::default()
        };
        match &plan.kind {
            PlanKind::Flat { rate_bp } => input.flat_rate = rate(*rate_bp),
            PlanKind::Tiered { tiers } => {
                input.kind = PlanKindId::Tiered;
                input.tiers = tiers
                    .iter()
                    .map(|t| StepInput {
                        from: rate(t.from_attainment_bp),
                        rate: rate(t.rate_bp),
                    })
                    .collect();
            }
            PlanKind::Marginal { brackets } => {
                input.kind = PlanKindId::Marginal;
                if let Some(Threshold::Amount { .. }) = brackets.first().map(|b| b.from) {
                    input.bracket_unit = ThresholdUnit::Amount;
                }
                input.brackets = brackets
                    .iter()
                    .map(|b| StepInput {
                        from: match b.from {
                            Threshold::Amount { amount } => money(amount),
                            Threshold::Attainment { bp } => rate(bp),
                        },
                        rate: rate(b.rate_bp),
                    })
                    .collect();
            }
        }
        match plan.accelerator {
            None => {}
            Some(Accelerator::Multiplier { multiplier_bp }) => {
                input.accelerator = AcceleratorKind::Multiplier;
                input.accelerator_value = multiplier_text(multiplier_bp, locale);
            }
            Some(Accelerator::ExtraRate { rate_bp }) => {
                input.accelerator = AcceleratorKind::ExtraRate;
                input.accelerator_value = rate(rate_bp);
            }
        }
        input.goal_bonuses = plan
            .goal_bonuses
            .iter()
            .map(|b| GoalBonusInput {
                trigger: match &b.trigger {
                    BonusTrigger::Quota => QUOTA_TRIGGER.to_owned(),
                    BonusTrigger::Goal(id) => id.clone(),
                },
                amount: money(b.amount),
            })
            .collect();
        input.deal_bonuses = plan
            .deal_bonuses
            .iter()
            .map(|b| DealBonusInput {
                kind: b.kind,
                amount: money(b.amount),
            })
            .collect();
        input
    }

    /// Validates the form into a plan: the live plan `id` edited (its id and created
    /// date kept), or a new one with `new_id` created `today`; `updated_at = now`.
    /// Every problem is returned, one per field, in form order.
    pub fn into_plan(
        &self,
        data: &Dataset,
        id: Option<&str>,
        new_id: RecordId,
        now: DateTime<Utc>,
        today: NaiveDate,
        locale: NumberLocale,
    ) -> Result<CommissionPlan, Vec<PlanError>> {
        let currency = data.settings.currency;
        let mut errors: Vec<PlanError> = Vec::new();
        let mut fail = |field, problem| {
            if !errors.iter().any(|e: &PlanError| e.field == field) {
                errors.push(PlanError { field, problem });
            }
        };
        let amount = |text: &str| -> Result<Money, Problem> {
            let money = Money::parse(text, currency, locale).map_err(Problem::from)?;
            amount_problem(money).map_or(Ok(money), Err)
        };
        let rate = |text: &str| -> Result<u32, Problem> {
            parse_percent(text).and_then(|bp| {
                if bp > FULL_BP {
                    Err(Problem::OutOfRange)
                } else {
                    Ok(bp)
                }
            })
        };

        if crate::plausible::is_blank(&self.title) {
            fail(PlanField::Title, Problem::Required);
        }
        let quota = amount(&self.monthly_quota)
            .map_err(|p| fail(PlanField::MonthlyQuota, p))
            .unwrap_or(Money::ZERO);

        let kind = match self.kind {
            PlanKindId::Flat => match rate(&self.flat_rate) {
                Ok(rate_bp) => PlanKind::Flat { rate_bp },
                Err(p) => {
                    fail(PlanField::FlatRate, p);
                    PlanKind::default()
                }
            },
            PlanKindId::Tiered => {
                if self.tiers.is_empty() {
                    fail(PlanField::Tiers, Problem::Required);
                }
                let mut tiers = Vec::new();
                let mut previous: Option<u32> = None;
                for (row, step) in self.tiers.iter().enumerate() {
                    let from = parse_percent(&step.from);
                    let rate_bp = rate(&step.rate);
                    match from {
                        Ok(from) if previous.is_some_and(|p| from <= p) => {
                            fail(PlanField::TierFrom(row), Problem::OutOfRange)
                        }
                        Ok(_) => {}
                        Err(p) => fail(PlanField::TierFrom(row), p),
                    }
                    if let Err(p) = rate_bp {
                        fail(PlanField::TierRate(row), p);
                    }
                    if let Ok(from) = from {
                        previous = Some(previous.map_or(from, |p| p.max(from)));
                    }
                    if let (Ok(from_attainment_bp), Ok(rate_bp)) = (from, rate_bp) {
                        tiers.push(Tier {
                            from_attainment_bp,
                            rate_bp,
                        });
                    }
                }
                PlanKind::Tiered { tiers }
            }
            PlanKindId::Marginal => {
                if self.brackets.is_empty() {
                    fail(PlanField::Brackets, Problem::Required);
                }
                let mut brackets = Vec::new();
                let mut previous: Option<i64> = None;
                for (row, step) in self.brackets.iter().enumerate() {
                    let from = match self.bracket_unit {
                        ThresholdUnit::Amount => {
                            amount(&step.from).map(|amount| Threshold::Amount { amount })
                        }
                        ThresholdUnit::Attainment => {
                            parse_percent(&step.from).map(|bp| Threshold::Attainment { bp })
                        }
                    };
                    let start = |t: &Threshold| match *t {
                        Threshold::Amount { amount } => amount.minor(),
                        Threshold::Attainment { bp } => i64::from(bp),
                    };
                    let rate_bp = rate(&step.rate);
                    match &from {
                        Ok(t) if previous.is_some_and(|p| start(t) <= p) => {
                            fail(PlanField::BracketFrom(row), Problem::OutOfRange)
                        }
                        Ok(_) => {}
                        Err(p) => fail(PlanField::BracketFrom(row), *p),
                    }
                    if let Err(p) = rate_bp {
                        fail(PlanField::BracketRate(row), p);
                    }
                    if let Ok(t) = &from {
                        previous = Some(previous.map_or(start(t), |p| p.max(start(t))));
                    }
                    if let (Ok(from), Ok(rate_bp)) = (from, rate_bp) {
                        brackets.push(Bracket { from, rate_bp });
                    }
                }
                PlanKind::Marginal { brackets }
            }
        };

        let accelerator = match self.accelerator {
            AcceleratorKind::None => None,
            AcceleratorKind::Multiplier => match parse_multiplier(&self.accelerator_value) {
                Ok(m) if (FULL_BP..=10 * FULL_BP).contains(&m) => {
                    Some(Accelerator::Multiplier { multiplier_bp: m })
                }
                Ok(_) => {
                    fail(PlanField::AcceleratorValue, Problem::OutOfRange);
                    None
                }
                Err(p) => {
                    fail(PlanField::AcceleratorValue, p);
                    None
                }
            },
            AcceleratorKind::ExtraRate => match rate(&self.accelerator_value) {
                Ok(rate_bp) => Some(Accelerator::ExtraRate { rate_bp }),
                Err(p) => {
                    fail(PlanField::AcceleratorValue, p);
                    None
                }
            },
        };

        let mut goal_bonuses = Vec::new();
        for (row, bonus) in self.goal_bonuses.iter().enumerate() {
            let trigger = match bonus.trigger.trim() {
                QUOTA_TRIGGER => Some(BonusTrigger::Quota),
                id if data.find::<Goal>(id).is_some() => Some(BonusTrigger::Goal(id.to_owned())),
                _ => {
                    fail(PlanField::GoalBonusTrigger(row), Problem::Required);
                    None
                }
            };
            let amount = amount(&bonus.amount)
                .map_err(|p| fail(PlanField::GoalBonusAmount(row), p))
                .ok();
            if let (Some(trigger), Some(amount)) = (trigger, amount) {
                goal_bonuses.push(GoalBonus { amount, trigger });
            }
        }

        let mut deal_bonuses = Vec::new();
        for (row, bonus) in self.deal_bonuses.iter().enumerate() {
            if self.deal_bonuses[..row]
                .iter()
                .any(|b| b.kind == bonus.kind)
            {
                fail(PlanField::DealBonusKind(row), Problem::Conflict);
            }
            match amount(&bonus.amount) {
                Ok(amount) => deal_bonuses.push(DealBonus {
                    kind: bonus.kind,
                    amount,
                }),
                Err(p) => fail(PlanField::DealBonusAmount(row), p),
            }
        }

        let cap = match self.cap.trim() {
            "" => None,
            text => amount(text).map_err(|p| fail(PlanField::Cap, p)).ok(),
        };

        let mut rep_ids: Vec<RecordId> = Vec::new();
        for rep in &self.rep_ids {
            if data.find::<Rep>(rep).is_none() {
                fail(PlanField::Reps, Problem::Conflict);
            } else if !rep_ids.contains(rep) {
                rep_ids.push(rep.clone());
            }
        }

        let existing = id.and_then(|id| data.find::<CommissionPlan>(id));
        let plan = CommissionPlan {
            id: existing.map_or(new_id, |p| p.id.clone()),
            updated_at: now,
            deleted_at: None,
            title: self.title.trim().to_owned(),
            basis: self.basis,
            monthly_quota: quota,
            kind,
            accelerator,
            goal_bonuses,
            deal_bonuses,
            cap,
            rep_ids,
            created_on: existing.map_or(today, |p| p.created_on),
        };
        if errors.is_empty() {
            // The stored rules are the last word (they are checked on every load too).
            for e in plan.rule_errors() {
                let field = match e.field {
                    "title" => PlanField::Title,
                    "monthly_quota" => PlanField::MonthlyQuota,
                    "kind" => match self.kind {
                        PlanKindId::Flat => PlanField::FlatRate,
                        PlanKindId::Tiered => PlanField::Tiers,
                        PlanKindId::Marginal => PlanField::Brackets,
                    },
                    "accelerator" => PlanField::AcceleratorValue,
                    "goal_bonuses" => PlanField::GoalBonusAmount(0),
                    "deal_bonuses" => PlanField::DealBonusAmount(0),
                    "cap" => PlanField::Cap,
                    _ => PlanField::Title,
                };
                if !errors.iter().any(|known| known.field == field) {
                    errors.push(PlanError {
                        field,
                        problem: e.problem,
                    });
                }
            }
        }
        if errors.is_empty() {
            Ok(plan)
        } else {
            errors.sort_by_key(|e| e.field.form_order());
            Err(errors)
        }
    }
}
