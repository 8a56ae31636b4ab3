//! Working leads: qualify, disqualify with a reason, and convert into a customer and a
//! deal in one step.
//!
//! Conventions:
//! - a lead is *closed* once converted or disqualified; a closed lead cannot be
//!   qualified, disqualified or converted again (errors name the field `converted_on`
//!   or `disqualified_on` with [`Problem::Conflict`]);
//! - a day before the lead's `created_on` is a [`Problem::DateOrder`] on the field it
//!   would set;
//! - the functions return changed copies; `updated_at` of a changed lead is left to
//!   the app's command, except in [`convert_lead`], which makes new records and stamps
//!   all three with `now`.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::customer_view::error;
use crate::deal_input::Problem;
use crate::metrics::{Scope, Slice};
use crate::model::{
    Customer, Dataset, Deal, DealKind, DealStatus, Lead, RecordId, Settings, Source,
};
use crate::money::{Money, NumberLocale};
use crate::period::Period;
use crate::rules::RecordError;

/// Where a lead stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeadStatus {
    New,
    Qualified,
    Converted,
    Disqualified,
}

impl LeadStatus {
    /// Converted wins over disqualified (both set only in invalid data), then
    /// qualified, else new.
    pub fn of(lead: &Lead) -> LeadStatus {
        if lead.converted_on.is_some() {
            LeadStatus::Converted
        } else if lead.disqualified_on.is_some() {
            LeadStatus::Disqualified
        } else if lead.qualified_on.is_some() {
            LeadStatus::Qualified
        } else {
            LeadStatus::New
        }
    }
}

/// The live leads of `scope` (by `owner_id`), optionally of one status and one source:
/// newest first by created day, then by id.
pub fn lead_list<'a>(
    data: &'a Dataset,
    scope: &Scope,
    status: Option<LeadStatus>,
    source: Option<Source>,
) -> Vec<&'a Lead> {
    let any_day = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default();
    let slice = Slice::new(data, Period::month_of(any_day), scope, any_day);
    let mut leads: Vec<&Lead> = data
        .live::<Lead>()
        .filter(|l| slice.has_rep(l.owner_id.as_deref()))
        .filter(|l| status.is_none_or(|s| LeadStatus::of(l) == s))
        .filter(|l| source.is_none_or(|s| l.source == s))
        .collect();
    leads.sort_by(|a, b| b.created_on.cmp(&a.created_on).then(a.id.cmp(&b.id)));
    leads
}

/// Errors when the lead is closed, on the field that closed it.
fn closed_errors(lead: &Lead) -> Vec<RecordError> {
    let mut errors = Vec::new();
    if lead.converted_on.is_some() {
        errors.push(error("converted_on", Problem::Conflict));
    }
    if lead.disqualified_on.is_some() {
        errors.push(error("disqualified_on", Problem::Conflict));
    }
    errors
}

/// The lead qualified on `day` (an already qualified lead keeps its first day).
pub fn qualify(lead: &Lead, day: NaiveDate) -> Result<Lead, Vec<RecordError>> {
    let mut errors = closed_errors(lead);
    if day < lead.created_on {
        errors.push(error("qualified_on", Problem::DateOrder));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut qualified = lead.clone();
    qualified.qualified_on.get_or_insert(day);
    Ok(qualified)
}

/// The lead disqualified on `day` with `reason` (trimmed, required).
pub fn disqualify(lead: &Lead, reason: &str, day: NaiveDate) -> Result<Lead, Vec<RecordError>> {
    let mut errors = closed_errors(lead);
    if day < lead.created_on {
        errors.push(error("disqualified_on", Problem::DateOrder));
    }
    let reason = reason.trim();
    if reason.is_empty() {
        errors.push(error("disqualified_reason", Problem::Required));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut out = lead.clone();
    out.disqualified_on = Some(day);
    out.disqualified_reason = Some(reason.to_owned());
    Ok(out)
}

/// What the convert form asks for. Blank names default to the lead's name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConvertInput {
    /// The new customer's name; blank = the lead's name.
    pub customer_name: String,
    pub segment: String,
    pub region: String,
    /// The new deal's title; blank = the lead's name.
    pub deal_title: String,
    /// The deal amount as typed, parsed by [`Money::parse`] in the user's locale;
    /// required.
    pub amount: String,
    pub expected_close: Option<NaiveDate>,
    pub kind: DealKind,
}

impl ConvertInput {
    /// The form prefilled from the lead: its name as customer and deal title.
    pub fn from_lead(lead: &Lead) -> ConvertInput {
        ConvertInput {
            customer_name: lead.name.trim().to_owned(),
            deal_title: lead.name.trim().to_owned(),
            ..ConvertInput::default()
        }
    }
}

/// The ids of the records a conversion makes (made by the app).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewIds {
    pub customer: RecordId,
    pub deal: RecordId,
}

/// Converts a lead in one step into (the lead, a new customer, a new deal):
/// - the lead gets `converted_on = today`, `qualified_on` (kept, else today),
///   `customer_id` and `deal_id` pointing at the new records;
/// - the customer: the given (or lead's) name, segment and region, the lead's source and
///   owner, not yet acquired (`acquired_on` is the first purchase, e.g. when the deal
///   is won);
/// - the deal: open, in the first stage of `settings`, the given title (or the lead's
///   name), amount, expected close and kind, owned by the lead's owner, with the new
///   customer, created today;
/// - all three stamped `updated_at = now`.
///
/// All problems at once, by field: `converted_on`/`disqualified_on` conflict (lead
/// closed), `converted_on` date order (today before created), `customer_name` /
/// `deal_title` required (blank and the lead has no name), `amount` (parse problem),
/// `expected_close` [`Problem::ExpectedBeforeCreated`] (before today), `stage` required
/// (no stages in the settings), `customer_id` / `deal_id` required (blank id) or
/// conflict (the two ids equal).
pub fn convert_lead(
    lead: &Lead,
    input: &ConvertInput,
    ids: &NewIds,
    settings: &Settings,
    locale: NumberLocale,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<(Lead, Customer, Deal), Vec<RecordError>> {
    let mut errors = closed_errors(lead);
    if today < lead.created_on {
        errors.push(error("converted_on", Problem::DateOrder));
    }
    let or_lead = |text: &str| {
        let text = text.trim();
        if text.is_empty() {
            lead.name.trim().to_owned()
        } else {
            text.to_owned()
        }
    };
    let customer_name = or_lead(&input.customer_name);
    if customer_name.is_empty() {
        errors.push(error("customer_name", Problem::Required));
    }
    let deal_title = or_lead(&input.deal_title);
    if deal_title.is_empty() {
        errors.push(error("deal_title", Problem::Required));
    }
    let amount = match Money::parse(&input.amount, settings.currency, locale) {
        Ok(amount) => amount,
        Err(problem) => {
            errors.push(error("amount", problem.into()));
            Money::ZERO
        }
    };
    if input.expected_close.is_some_and(|e| e < today) {
        errors.push(error("expected_close", Problem::ExpectedBeforeCreated));
    }
    let stage = settings.stages.first();
    if stage.is_none() {
        errors.push(error("stage", Problem::Required));
    }
    let (customer_id, deal_id) = (ids.customer.trim(), ids.deal.trim());
    if customer_id.is_empty() {
        errors.push(error("customer_id", Problem::Required));
    }
    if deal_id.is_empty() {
        errors.push(error("deal_id", Problem::Required));
    } else if deal_id == customer_id {
        errors.push(error("deal_id", Problem::Conflict));
    }
    let Some(stage) = stage.filter(|_| errors.is_empty()) else {
        return Err(errors);
    };

    let customer = Customer {
        id: customer_id.to_owned(),
        updated_at: now,
        deleted_at: None,
        name: customer_name,
        segment: input.segment.trim().to_owned(),
        region: input.region.trim().to_owned(),
        source: lead.source,
        acquired_on: None,
        churned_on: None,
        churn_reason: None,
        owner_id: lead.owner_id.clone(),
    };
    let deal = Deal {
        id: deal_id.to_owned(),
        updated_at: now,
        deleted_at: None,
        title: deal_title,
        customer_id: Some(customer.id.clone()),
        rep_id: lead.owner_id.clone(),
        stage: stage.id.clone(),
        status: DealStatus::Open,
        amount,
        cost: None,
        discount: None,
        probability: None,
        kind: input.kind,
        created_on: today,
        expected_close: input.expected_close,
        closed_on: None,
        lost_reason: None,
    };
    let mut converted = lead.clone();
    converted.updated_at = now;
    converted.converted_on = Some(today);
    converted.qualified_on.get_or_insert(today);
    converted.customer_id = Some(customer.id.clone());
    converted.deal_id = Some(deal.id.clone());
    Ok((converted, customer, deal))
}
