//! The deal form: text as typed → a validated [`Deal`], with every problem named by
//! field, so components only bind inputs and show messages.
//!
//! Rules (shared with [`Deal::validate`]):
//! - title required (trimmed; text of only invisible characters is blank, see
//!   [`crate::plausible`]); stage required; customer and owner optional (trimmed
//!   names, linked to records by [`crate::Dataset::link_deal`]);
//! - amount required, cost and discount optional, each parsed by [`Money::parse`] in
//!   the user's locale; never negative and at most [`Money::MAX_AMOUNT`];
//! - probability optional, a whole percent 0–100 (blank: the stage's default);
//! - created_on required (`yyyy-mm-dd`, as an `<input type="date">` gives it);
//! - every date plausible: 1970-01-01 ..= today + 10 years, today being `now`'s date
//!   ([`crate::plausible`]; typed and imported deals only, not loaded ones);
//! - expected_close optional, not before created_on;
//! - won or lost → closed_on required, not before created_on (same day allowed);
//! - lost → lost_reason required; open → closed_on and lost_reason cleared; won →
//!   lost_reason cleared.
//!
//! All problems are collected at once, one per field, in form order.

use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::model::{Dataset, Deal, DealKind, DealStatus, RecordId};
use crate::money::{Currency, Money, MoneyError, NumberLocale};

/// The deal form's fields as typed (dates as `yyyy-mm-dd`, empty when unset).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DealInput {
    pub title: String,
    pub customer: String,
    pub owner: String,
    pub stage: String,
    pub status: DealStatus,
    pub amount: String,
    pub cost: String,
    pub discount: String,
    pub probability: String,
    pub kind: DealKind,
    pub created_on: String,
    pub expected_close: String,
    pub closed_on: String,
    pub lost_reason: String,
}

/// A deal form field. Ordered as on the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DealField {
    Title,
    Customer,
    Owner,
    Stage,
    Amount,
    Cost,
    Discount,
    Probability,
    CreatedOn,
    ExpectedClose,
    ClosedOn,
    LostReason,
}

impl DealField {
    /// Every field, in form order.
    pub const ALL: &'static [DealField] = &[
        DealField::Title,
        DealField::Customer,
        DealField::Owner,
        DealField::Stage,
        DealField::Amount,
        DealField::Cost,
        DealField::Discount,
        DealField::Probability,
        DealField::CreatedOn,
        DealField::ExpectedClose,
        DealField::ClosedOn,
        DealField::LostReason,
    ];

    /// Stable id, also the serialized form, e.g. "created_on".
    pub fn id(self) -> &'static str {
        match self {
            DealField::Title => "title",
            DealField::Customer => "customer",
            DealField::Owner => "owner",
            DealField::Stage => "stage",
            DealField::Amount => "amount",
            DealField::Cost => "cost",
            DealField::Discount => "discount",
            DealField::Probability => "probability",
            DealField::CreatedOn => "created_on",
            DealField::ExpectedClose => "expected_close",
            DealField::ClosedOn => "closed_on",
            DealField::LostReason => "lost_reason",
        }
    }
}

/// What is wrong with a field's value. The app maps [`Problem::id`] to a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    Required,
    NotANumber,
    Negative,
    TooManyDecimals,
    TooLarge,
    NotADate,
    CloseBeforeCreated,
    ExpectedBeforeCreated,
    /// A number outside its allowed range (a percentage above 100, a score above 5…).
    OutOfRange,
    /// A date before the one it must follow (left before hired, resolved before
    /// reported…).
    DateOrder,
    /// Two choices that exclude each other (a lead both converted and disqualified).
    Conflict,
    /// A date no sales record can have (before 1970, or over ten years ahead; see
    /// [`crate::plausible`]).
    ImplausibleDate,
}

impl Problem {
    /// Stable snake_case id, e.g. "close_before_created".
    pub fn id(self) -> &'static str {
        match self {
            Problem::Required => "required",
            Problem::NotANumber => "not_a_number",
            Problem::Negative => "negative",
            Problem::TooManyDecimals => "too_many_decimals",
            Problem::TooLarge => "too_large",
            Problem::NotADate => "not_a_date",
            Problem::CloseBeforeCreated => "close_before_created",
            Problem::ExpectedBeforeCreated => "expected_before_created",
            Problem::OutOfRange => "out_of_range",
            Problem::DateOrder => "date_order",
            Problem::Conflict => "conflict",
            Problem::ImplausibleDate => "implausible_date",
        }
    }
}

impl From<MoneyError> for Problem {
    fn from(error: MoneyError) -> Self {
        match error {
            MoneyError::Empty => Problem::Required,
            MoneyError::NotANumber => Problem::NotANumber,
            MoneyError::Negative => Problem::Negative,
            MoneyError::TooManyDecimals => Problem::TooManyDecimals,
            MoneyError::TooLarge => Problem::TooLarge,
        }
    }
}

/// One problem on one field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FieldError {
    pub field: DealField,
    pub problem: Problem,
}

impl FieldError {
    pub fn new(field: DealField, problem: Problem) -> Self {
        FieldError { field, problem }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field.id(), self.problem.id())
    }
}

impl std::error::Error for FieldError {}

impl DealInput {
    /// The form prefilled from a stored deal, customer and owner named as in `data`.
    /// Amounts are written as typed — no symbol, no grouping, the locale's decimal
    /// separator ("1234.50" en, "1234,50" de) — see [`Money::format_plain`]; unset
    /// dates, amounts and reasons are empty.
    pub fn from_deal(deal: &Deal, data: &Dataset, locale: NumberLocale) -> DealInput {
        let currency = data.settings.currency;
        let date = |d: Option<NaiveDate>| d.map(|d| d.to_string());
        let money = |m: Option<Money>| m.map(|m| m.format_plain(currency, locale));
        DealInput {
            title: deal.title.clone(),
            customer: data
                .any_customer_name(deal.customer_id.as_deref())
                .unwrap_or_default()
                .to_owned(),
            owner: data
                .any_rep_name(deal.rep_id.as_deref())
                .unwrap_or_default()
                .to_owned(),
            stage: deal.stage.clone(),
            status: deal.status,
            amount: deal.amount.format_plain(currency, locale),
            cost: money(deal.cost).unwrap_or_default(),
            discount: money(deal.discount).unwrap_or_default(),
            probability: deal.probability.map(|p| p.to_string()).unwrap_or_default(),
            kind: deal.kind,
            created_on: date(Some(deal.created_on)).unwrap_or_default(),
            expected_close: date(deal.expected_close).unwrap_or_default(),
            closed_on: date(deal.closed_on).unwrap_or_default(),
            lost_reason: deal.lost_reason.clone().unwrap_or_default(),
        }
    }

    /// Parses and validates the form into a deal with the given id and
    /// `updated_at = now` (no tombstone). Returns every problem, one per field, in form
    /// order; never panics on any text. Customer and rep ids are left `None`: link the
    /// typed names with [`crate::Dataset::link_deal`].
    pub fn into_deal(
        &self,
        id: RecordId,
        now: DateTime<Utc>,
        currency: Currency,
        locale: NumberLocale,
    ) -> Result<Deal, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut fail = |field, problem| errors.push(FieldError::new(field, problem));

        let amount = Money::parse(&self.amount, currency, locale).unwrap_or_else(|e| {
            fail(DealField::Amount, e.into());
            Money::ZERO
        });
        let mut optional_money = |text: &str, field: DealField| {
            if text.trim().is_empty() {
                return None;
            }
            Money::parse(text, currency, locale)
                .map_err(|e| fail(field, e.into()))
                .ok()
        };
        let cost = optional_money(&self.cost, DealField::Cost);
        let discount = optional_money(&self.discount, DealField::Discount);
        let probability = match self.probability.trim() {
            "" => None,
            text => match text.parse::<u32>() {
                Ok(p) if p <= 100 => Some(p as u8),
                Ok(_) => {
                    fail(DealField::Probability, Problem::OutOfRange);
                    None
                }
                Err(_) => {
                    fail(DealField::Probability, Problem::NotANumber);
                    None
                }
            },
        };
        // Placeholders for unparsable dates are chosen so that the shared rules below
        // add no second, misleading error (e.g. "close before created").
        let created_on = match parse_date(&self.created_on) {
            Ok(Some(day)) => day,
            Ok(None) => {
                fail(DealField::CreatedOn, Problem::Required);
                NaiveDate::MIN
            }
            Err(problem) => {
                fail(DealField::CreatedOn, problem);
                NaiveDate::MIN
            }
        };
        let expected_close = parse_date(&self.expected_close).unwrap_or_else(|problem| {
            fail(DealField::ExpectedClose, problem);
            None
        });
        let closed_on = if self.status.is_closed() {
            parse_date(&self.closed_on).unwrap_or_else(|problem| {
                fail(DealField::ClosedOn, problem);
                Some(created_on)
            })
        } else {
            None
        };
        let lost_reason = match self.status {
            DealStatus::Lost => Some(self.lost_reason.trim().to_owned()).filter(|r| !r.is_empty()),
            _ => None,
        };

        let deal = Deal {
            id,
            updated_at: now,
            deleted_at: None,
            title: self.title.trim().to_owned(),
            customer_id: None,
            rep_id: None,
            stage: self.stage.trim().to_owned(),
            status: self.status,
            amount,
            cost,
            discount,
            probability,
            kind: self.kind,
            created_on,
            expected_close,
            closed_on,
            lost_reason,
        };
        let today = now.date_naive();
        for input_error in crate::rules::Rules::input_errors(&deal, today) {
            let field = DealField::ALL
                .iter()
                .copied()
                .find(|f| f.id() == input_error.field);
            if let Some(field) = field {
                if !errors.iter().any(|e| e.field == field) {
                    errors.push(FieldError::new(field, input_error.problem));
                }
            }
        }
        if errors.is_empty() {
            Ok(deal)
        } else {
            errors.sort_by_key(|e| e.field);
            Err(errors)
        }
    }
}

/// The rules every deal obeys, whether typed, imported or loaded (see module docs).
pub(crate) fn validate_deal(deal: &Deal) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut fail = |field, problem| errors.push(FieldError::new(field, problem));
    if deal.title.trim().is_empty() {
        fail(DealField::Title, Problem::Required);
    }
    if deal.stage.trim().is_empty() {
        fail(DealField::Stage, Problem::Required);
    }
    for (field, amount) in [
        (DealField::Amount, Some(deal.amount)),
        (DealField::Cost, deal.cost),
        (DealField::Discount, deal.discount),
    ] {
        if let Some(problem) = amount.and_then(amount_problem) {
            fail(field, problem);
        }
    }
    if deal.probability.is_some_and(|p| p > 100) {
        fail(DealField::Probability, Problem::OutOfRange);
    }
    if deal.expected_close.is_some_and(|d| d < deal.created_on) {
        fail(DealField::ExpectedClose, Problem::ExpectedBeforeCreated);
    }
    if deal.status.is_closed() {
        match deal.closed_on {
            None => fail(DealField::ClosedOn, Problem::Required),
            Some(d) if d < deal.created_on => {
                fail(DealField::ClosedOn, Problem::CloseBeforeCreated)
            }
            Some(_) => {}
        }
    }
    let has_reason = deal
        .lost_reason
        .as_deref()
        .is_some_and(|r| !r.trim().is_empty());
    if deal.status == DealStatus::Lost && !has_reason {
        fail(DealField::LostReason, Problem::Required);
    }
    errors
}

/// What is wrong with a stored amount: negative, or above [`Money::MAX_AMOUNT`].
pub(crate) fn amount_problem(amount: Money) -> Option<Problem> {
    if amount.is_negative() {
        Some(Problem::Negative)
    } else if amount > Money::MAX_AMOUNT {
        Some(Problem::TooLarge)
    } else {
        None
    }
}

/// A `yyyy-mm-dd` date (years 0001–9999, as `<input type="date">` produces);
/// `Ok(None)` when blank.
pub(crate) fn parse_date(text: &str) -> Result<Option<NaiveDate>, Problem> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let b = text.as_bytes();
    let shape_ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape_ok {
        return Err(Problem::NotADate);
    }
    let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().ok();
    let (year, month, day) = match (number(0..4), number(5..7), number(8..10)) {
        (Some(y), Some(m), Some(d)) if y >= 1 => (y as i32, m, d),
        _ => return Err(Problem::NotADate),
    };
    NaiveDate::from_ymd_opt(year, month, day)
        .map(Some)
        .ok_or(Problem::NotADate)
}
