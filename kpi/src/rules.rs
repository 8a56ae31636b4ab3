//! The rules every record other than a deal obeys, whether typed, imported or loaded
//! (deals have theirs in [`crate::deal_input`]). The record forms and
//! [`crate::Dataset::problems`] both call [`Rules::rule_errors`].
//!
//! - names (team, rep, customer, lead) are required;
//! - amounts are never negative and at most [`Money::MAX_AMOUNT`];
//! - a date that ends something is not before the one that starts it: left ≥ hired,
//!   churned ≥ acquired, qualified/converted/disqualified ≥ created, resolved ≥ date;
//! - a churned customer was acquired; a lost reason (churn, disqualification) goes with
//!   its date; a lead is not both converted and disqualified;
//! - an order and feedback name a customer; an activity lasts at most a day;
//! - CSAT is 1–5, NPS 0–10; feedback holds at least a score or a complaint, and only a
//!   complaint can be resolved.
//! - a goal has a title, a target that fits its measure (see
//!   [`crate::goals::target_problem`]), a period that does not end before it starts, a
//!   weight of at least 1, and is not its own parent.
//! - a commission plan has a title; its quota, bonuses, cap and amount thresholds are
//!   valid amounts; its tiers or brackets are not empty, start in increasing order and
//!   have rates of at most 100 % (10 000 bp); an accelerator multiplier is at least 1×
//!   and at most 10×, an extra rate at most 100 %.
//! - a contest has a title and a period that does not end before it starts.
//!
//! Typed and imported records also need visible names and plausible dates
//! ([`Rules::input_errors`], [`crate::plausible`]).

use std::fmt;

use chrono::NaiveDate;

use crate::deal_input::{amount_problem, Problem};
use crate::model::{
    Accelerator, Activity, CommissionPlan, Contest, Customer, PlanKind, Threshold, FULL_BP,
};
use crate::model::{Expense, Feedback, Goal, Lead, Order, Rep, Team};
use crate::money::Money;
use crate::plausible::{date_problem, is_blank};

/// One problem on one field of a record; `field` is the field's serialized name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RecordError {
    pub field: &'static str,
    pub problem: Problem,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.problem.id())
    }
}

/// A record type's rules (see module docs).
pub trait Rules {
    /// Every rule the record breaks, at most one per field, in field order.
    fn rule_errors(&self) -> Vec<RecordError>;

    /// The record's required names or titles, by field.
    fn names(&self) -> Vec<(&'static str, &str)> {
        Vec::new()
    }

    /// The record's dates, by field.
    fn dates(&self) -> Vec<(&'static str, Option<NaiveDate>)> {
        Vec::new()
    }

    /// What typed or imported input breaks: a name of only invisible characters
    /// (missing), a date outside 1970-01-01 ..= `today` + 10 years (see
    /// [`crate::plausible`]), then the record's rules; at most one per field. Loaded
    /// data is held to [`Rules::rule_errors`] only, so old backups still open.
    fn input_errors(&self, today: NaiveDate) -> Vec<RecordError> {
        let mut check = Check::default();
        for (field, text) in self.names() {
            if is_blank(text) {
                check.fail(field, Problem::Required);
            }
        }
        for (field, date) in self.dates() {
            if let Some(problem) = date.and_then(|d| date_problem(d, today)) {
                check.fail(field, problem);
            }
        }
        for error in self.rule_errors() {
            check.fail(error.field, error.problem);
        }
        check.0
    }
}

/// Collects at most one error per field.
#[derive(Default)]
struct Check(Vec<RecordError>);

impl Check {
    fn fail(&mut self, field: &'static str, problem: Problem) {
        if !self.0.iter().any(|e| e.field == field) {
            self.0.push(RecordError { field, problem });
        }
    }
    fn name(&mut self, field: &'static str, text: &str) {
        if text.trim().is_empty() {
            self.fail(field, Problem::Required);
        }
    }
    fn amount(&mut self, field: &'static str, amount: Option<Money>) {
        if let Some(problem) = amount.and_then(amount_problem) {
            self.fail(field, problem);
        }
    }
    /// `later` (named `field`) is not before `earlier`.
    fn order(&mut self, field: &'static str, earlier: Option<NaiveDate>, later: Option<NaiveDate>) {
        if let (Some(earlier), Some(later)) = (earlier, later) {
            if later < earlier {
                self.fail(field, Problem::DateOrder);
            }
        }
    }
    fn required<T>(&mut self, field: &'static str, value: &Option<T>) {
        if value.is_none() {
            self.fail(field, Problem::Required);
        }
    }
    /// A reason is given exactly when its date is.
    fn reason(&mut self, field: &'static str, date: Option<NaiveDate>, reason: &Option<String>) {
        let has_reason = reason.as_deref().is_some_and(|r| !r.trim().is_empty());
        if date.is_some() && !has_reason {
            self.fail(field, Problem::Required);
        }
    }
}

impl Rules for crate::model::Deal {
    fn names(&self) -> Vec<(&'static str, &str)> {
        vec![("title", self.title.as_str())]
    }
    fn dates(&self) -> Vec<(&'static str, Option<NaiveDate>)> {
        vec![
            ("created_on", Some(self.created_on)),
            ("expected_close", self.expected_close),
            ("closed_on", self.closed_on),
        ]
    }
    fn rule_errors(&self) -> Vec<RecordError> {
        crate::deal_input::validate_deal(self)
            .into_iter()
            .map(|e| RecordError {
                field: e.field.id(),
                problem: e.problem,
            })
            .collect()
    }
}

impl Rules for Team {
    fn names(&self) -> Vec<(&'static str, &str)> {
        vec![("name", self.name.as_str())]
    }
    fn rule_errors(&self) -> Vec<RecordError> {
        let mut check = Check::default();
        check.name("name", &self.name);
        check.0
    }
}

impl Rules for Rep {
    fn names(&self) -> Vec<(&'static str, &str)> {
        vec![("name", self.name.as_str())]
    }
    fn dates(&self) -> Vec<(&'static str, Option<NaiveDate>)> {
        vec![("hired_on", self.hired_on), ("left_on", self.left_on)]
    }
    fn rule_errors(&self) -> Vec<RecordError> {
        let mut check = Check::default();
        check.name("name", &self.name);
        check.amount("base_salary", Some(self.base_salary));
        check.order("left_on", self.hired_on, self.left_on);
        check.0
    }
}

impl Rules for Customer {
    fn names(&self) -> Vec<(&'static str, &str)> {
        vec![("name", self.name.as_str())]
    }
    fn dates(&self) -> Vec<(&'static str, Option<NaiveDate>)> {
        vec![
            ("acquired_on", self.acquired_on),
            ("churned_on", self.churned_on),
        ]
    }
    fn rule_errors(&self) -> Vec<RecordError> {
        let mut check = Check::default();
        check.name("name", &self.name);
        if self.churned_on.is_some() {
            check.required("acquired_on", &self.acquired_on);
        }
        check.order("churned_on", self.acquired_on, self.churned_on);
        check.reason("churn_reason", self.churned_on, &self.churn_reason);
        check.0
    }
}

impl Rules for Lead {
    fn names(&self) -> Vec<(&'static str, &str)> {
        vec![("name", self.name.as_str())]
    }
    fn dates(&self) -> Vec<(&'static str, Option<NaiveDate>)> {
        vec![
            ("created_on", Some(self.created_on)),
            ("qualified_on", self.qualified_on),
            ("converted_on", self.converted_on),
            ("disqualified_on", self.disqualified_on),
        ]
    }
    fn rule_errors(&self) -> Vec<RecordError> {
        let mut check = Check::default();
        check.name("name", &self.name);
        let created = Some(self.created_on);
        check.order("qualified_on", created, self.qualified_on);
        check.order("converted_on", created, self.converted_on);
        check.order("disqualified_on", created, self.disqualified_on);
        if self.converted_on.is_some() && self.disqualified_on.is_some() {
            check.fail("disqualified_on", Problem::Conflict);
        }
        check.reason(
            "disqualified_reason",
            self.disqualified_on,
            &self.disqualified_reason,
        );
        check.0
    }
}

impl Rules for Order {
    fn dates(&self) -> Vec<(&'static str, Option<NaiveDate>)> {
        vec![("date", Some(self.date))]
    }
    fn rule_errors(&self) -> Vec<RecordError> {
        let mut check = Check::default();
        check.required("customer_id", &self.customer_id);
        check.amount("amount", Some(self.amount));
        check.amount("cost", self.cost);
        check.0
    }
}

impl Rules for Activity {
    fn dates(&self) -> Vec<(&'static str, Option<NaiveDate>)> {
        vec![("date", Some(self.date))]
    }
    fn rule_errors(&self) -> Vec<RecordError> {
        let mut check = Check::default();
        if self.minutes > 24 * 60 {
            check.fail("minutes", Problem::OutOfRange);
        }
        check.0
    }
}

impl Rules for Expense {
    fn dates(&self) -> Vec<(&'static str, Option<NaiveDate>)> {
        vec![("date", Some(self.date))]
    }
    fn rule_errors(&self) -> Vec<RecordError> {
        let mut check = Check::default();
        check.amount("amount", Some(self.amount));
        check.0
    }
}

impl Rules for Feedback {
    fn dates(&self) -> Vec<(&'static str, Option<NaiveDate>)> {
        vec![("date", Some(self.date)), ("resolved_on", self.resolved_on)]
    }
    fn rule_errors(&self) -> Vec<RecordError> {
        let mut check = Check::default();
        check.required("customer_id", &self.customer_id);
        if self.csat.is_some_and(|s| !(1..=5).contains(&s)) {
            check.fail("csat", Problem::OutOfRange);
        }
        if self.nps.is_some_and(|s| s > 10) {
            check.fail("nps", Problem::OutOfRange);
        }
        let complaint = self
            .complaint
            .as_deref()
            .is_some_and(|c| !c.trim().is_empty());
        if self.csat.is_none() && self.nps.is_none() && !complaint {
            check.fail("csat", Problem::Required);
        }
        if self.resolved_on.is_some() && !complaint {
            check.fail("complaint", Problem::Required);
        }
        check.order("resolved_on", Some(self.date), self.resolved_on);
        check.0
    }
}

impl Rules for Goal {
    fn names(&self) -> Vec<(&'static str, &str)> {
        vec![("title", self.title.as_str())]
    }
    fn dates(&self) -> Vec<(&'static str, Option<NaiveDate>)> {
        vec![
            ("period", Some(self.period.start)),
            ("period", Some(self.period.end)),
        ]
    }
    fn rule_errors(&self) -> Vec<RecordError> {
        let mut check = Check::default();
        check.name("title", &self.title);
        if let Some(problem) = crate::goals::target_problem(self.measure, self.target) {
            check.fail("target", problem);
        }
        if self.period.end < self.period.start {
            check.fail("period", Problem::DateOrder);
        }
        if self.parent_id.as_deref() == Some(self.id.as_str()) {
            check.fail("parent_id", Problem::Conflict);
        }
        if self.weight == Some(0) {
            check.fail("weight", Problem::OutOfRange);
        }
        check.0
    }
}

impl Rules for CommissionPlan {
    fn names(&self) -> Vec<(&'static str, &str)> {
        vec![("title", self.title.as_str())]
    }
    fn rule_errors(&self) -> Vec<RecordError> {
        let mut check = Check::default();
        check.name("title", &self.title);
        check.amount("monthly_quota", Some(self.monthly_quota));
        let rates_ok = |rates: &mut dyn Iterator<Item = u32>| rates.max().unwrap_or(0) <= FULL_BP;
        match &self.kind {
            PlanKind::Flat { rate_bp } => {
                if *rate_bp > FULL_BP {
                    check.fail("kind", Problem::OutOfRange);
                }
            }
            PlanKind::Tiered { tiers } => {
                let increasing = tiers
                    .windows(2)
                    .all(|w| w[0].from_attainment_bp < w[1].from_attainment_bp);
                if tiers.is_empty() {
                    check.fail("kind", Problem::Required);
                } else if !increasing || !rates_ok(&mut tiers.iter().map(|t| t.rate_bp)) {
                    check.fail("kind", Problem::OutOfRange);
                }
            }
            PlanKind::Marginal { brackets } => {
                let key = |t: Threshold| match t {
                    Threshold::Amount { amount } => (0, amount.minor()),
                    Threshold::Attainment { bp } => (1, i64::from(bp)),
                };
                let same_kind = brackets
                    .windows(2)
                    .all(|w| key(w[0].from).0 == key(w[1].from).0);
                let increasing = brackets.windows(2).all(|w| key(w[0].from) < key(w[1].from));
                let amounts_ok = brackets.iter().all(|b| match b.from {
                    Threshold::Amount { amount } => amount_problem(amount).is_none(),
                    Threshold::Attainment { .. } => true,
                });
                if brackets.is_empty() {
                    check.fail("kind", Problem::Required);
                } else if !same_kind
                    || !increasing
                    || !amounts_ok
                    || !rates_ok(&mut brackets.iter().map(|b| b.rate_bp))
                {
                    check.fail("kind", Problem::OutOfRange);
                }
            }
        }
        match self.accelerator {
            Some(Accelerator::Multiplier { multiplier_bp })
                if !(FULL_BP..=10 * FULL_BP).contains(&multiplier_bp) =>
            {
                check.fail("accelerator", Problem::OutOfRange)
            }
            Some(Accelerator::ExtraRate { rate_bp }) if rate_bp > FULL_BP => {
                check.fail("accelerator", Problem::OutOfRange)
            }
            _ => {}
        }
        for bonus in &self.goal_bonuses {
            check.amount("goal_bonuses", Some(bonus.amount));
        }
        for bonus in &self.deal_bonuses {
            check.amount("deal_bonuses", Some(bonus.amount));
        }
        check.amount("cap", self.cap);
        check.0
    }
}

impl Rules for Contest {
    fn names(&self) -> Vec<(&'static str, &str)> {
        vec![("title", self.title.as_str())]
    }
    fn dates(&self) -> Vec<(&'static str, Option<NaiveDate>)> {
        vec![
            ("period", Some(self.period.start)),
            ("period", Some(self.period.end)),
        ]
    }
    fn rule_errors(&self) -> Vec<RecordError> {
        let mut check = Check::default();
        check.name("title", &self.title);
        if self.period.end < self.period.start {
            check.fail("period", Problem::DateOrder);
        }
        check.0
    }
}
