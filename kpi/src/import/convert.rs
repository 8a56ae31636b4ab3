//! A row → a record draft of each importable type, with the names it links to.
//!
//! Defaults for what a CRM export often leaves blank, so real files import:
//! - a deal's created date: the earliest of its close date, its expected close date
//!   and today (the sales cycle then counts from there); a lead's: today;
//! - a deal's amount: 0; stage: the pipeline's last stage for a closed deal, its first
//!   for an open one; status: see [`deal_status`]; kind: new;
//! - a lost deal, churned customer or disqualified lead without a reason:
//!   [`super::Mapping::missing_reason`];
//! - a CRM's "Close Date" is the close date of a closed deal and the expected close
//!   date of an open one (an explicit closed/expected column wins).

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};

use super::fields::Field;
use super::report::ImportProblem;
use super::row::Row;
use super::values::{self, status_word, word_key};
use crate::forms::AnyRecord;
use crate::model::link::name_key;
use crate::model::{Activity, Customer, Deal, DealStatus, Lead, Order, RecordKind, Settings};
use crate::money::Money;

/// What a row needs from outside itself.
pub(crate) struct Context<'a> {
    pub settings: &'a Settings,
    pub stage_map: &'a BTreeMap<String, String>,
    pub today: NaiveDate,
    pub now: DateTime<Utc>,
    pub missing_reason: &'a str,
}

/// A row read into a record whose links (customer, owner, deal) are still names.
pub(crate) struct Draft {
    /// The record, with an empty id and no links yet.
    pub record: AnyRecord,
    pub customer: String,
    pub owner: String,
    pub deal: String,
    /// The row's id cell, if any.
    pub external_id: Option<String>,
    /// The natural key duplicates are found by (see [`super::duplicates`]).
    pub key: String,
    /// A short title for messages and previews.
    pub title: String,
}

/// Reads a row as a record of `kind` (one of [`super::IMPORT_KINDS`]).
pub(crate) fn draft(kind: RecordKind, row: &mut Row, ctx: &Context) -> Draft {
    let external_id = row.optional_text(Field::ExternalId);
    let customer = row.text(Field::Customer);
    let owner = row.text(Field::Owner);
    let deal = row.text(Field::Deal);
    let (record, key, title) = match kind {
        RecordKind::Customer => customer_draft(row, ctx),
        RecordKind::Lead => lead_draft(row, ctx),
        RecordKind::Activity => activity_draft(row, ctx, &customer),
        RecordKind::Order => order_draft(row, ctx, &customer),
        _ => deal_draft(row, ctx, &customer),
    };
    Draft {
        record,
        customer,
        owner,
        deal,
        external_id,
        key,
        title,
    }
}

/// The status of a deal row: its status column; else Salesforce's Closed/Won boxes
/// (closed and won → won, closed and not won → lost, not closed → open, won alone →
/// won); else what its stage says ("Closed Won"); else open.
pub(crate) fn deal_status(
    status: Option<DealStatus>,
    closed: Option<bool>,
    won: Option<bool>,
    from_stage: Option<DealStatus>,
) -> DealStatus {
    status
        .or(match (closed, won) {
            (Some(true), Some(true)) | (None, Some(true)) => Some(DealStatus::Won),
            (Some(true), _) => Some(DealStatus::Lost),
            (Some(false), _) => Some(DealStatus::Open),
            _ => None,
        })
        .or(from_stage)
        .unwrap_or(DealStatus::Open)
}

/// Stage names of the CRMs' default pipelines → Salesboard's default stage ids (used
/// when the pipeline has that id): HubSpot (internal and shown names), Pipedrive and
/// Salesforce.
const CRM_STAGES: &[(&str, &str)] = &[
    ("appointmentscheduled", "prospecting"),
    ("leadin", "prospecting"),
    ("new", "prospecting"),
    ("prospect", "prospecting"),
    ("qualifiedtobuy", "qualified"),
    ("qualification", "qualified"),
    ("contactmade", "qualified"),
    ("needsanalysis", "qualified"),
    ("presentationscheduled", "demo"),
    ("demoscheduled", "demo"),
    ("valueproposition", "demo"),
    ("iddecisionmakers", "demo"),
    ("perceptionanalysis", "demo"),
    ("decisionmakerboughtin", "proposal"),
    ("proposalmade", "proposal"),
    ("proposalpricequote", "proposal"),
    ("contractsent", "negotiation"),
    ("negotiationsstarted", "negotiation"),
    ("negotiationreview", "negotiation"),
];

/// A stage cell → (stage id, status it implies). Tried in order: the mapping's own
/// translation (`stage_map`); a pipeline stage by id or name; a won/lost word ("Closed
/// Won": no stage, a status); a CRM default stage name ([`CRM_STAGES`]); else
/// [`ImportProblem::UnknownStage`]. Words are compared by [`word_key`].
pub fn resolve_stage(
    cell: &str,
    settings: &Settings,
    stage_map: &BTreeMap<String, String>,
) -> Result<(Option<String>, Option<DealStatus>), ImportProblem> {
    let key = word_key(cell);
    if key.is_empty() {
        return Ok((None, None));
    }
    let known = |id: &str| settings.stage(id).map(|s| s.id.clone());
    if let Some((_, id)) = stage_map.iter().find(|(from, _)| word_key(from) == key) {
        return known(id)
            .map(|id| (Some(id), None))
            .ok_or(ImportProblem::UnknownStage);
    }
    if let Some(stage) = settings
        .stages
        .iter()
        .find(|s| word_key(&s.id) == key || word_key(&s.name) == key)
    {
        return Ok((Some(stage.id.clone()), None));
    }
    if let Some(status) = status_word(&key).filter(|s| s.is_closed()) {
        return Ok((None, Some(status)));
    }
    CRM_STAGES
        .iter()
        .find(|(word, _)| *word == key)
        .and_then(|(_, id)| known(id))
        .map(|id| (Some(id), None))
        .ok_or(ImportProblem::UnknownStage)
}

fn deal_draft(row: &mut Row, ctx: &Context, customer: &str) -> (AnyRecord, String, String) {
    row.check_currency();
    // A blank title is reported; the rest is still read so every problem shows at once.
    row.require(Field::Title);
    let title = row.text(Field::Title);
    let stage_cell = row.text(Field::Stage);
    let (stage, stage_status) = match resolve_stage(&stage_cell, ctx.settings, ctx.stage_map) {
        Ok(found) => found,
        Err(problem) => {
            row.fail(row.column_of(Field::Stage), Some(Field::Stage), problem);
            (None, None)
        }
    };
    let status_cell = row.value(Field::Status, values::parse_status);
    let closed = row.value(Field::Closed, values::parse_bool);
    let won = row.value(Field::Won, values::parse_bool);
    let status = deal_status(status_cell, closed, won, stage_status);
    let stage = stage.unwrap_or_else(|| {
        let stages = &ctx.settings.stages;
        let pick = if status.is_closed() {
            stages.last()
        } else {
            stages.first()
        };
        pick.map(|s| s.id.clone()).unwrap_or_default()
    });
    let amount = row.amount(Field::Amount).unwrap_or(Money::ZERO);
    let cost = row.amount(Field::Cost);
    let discount = row.amount(Field::Discount);
    let probability = row.value(Field::Probability, values::parse_percent);
    let kind = row.choice(Field::Kind, values::parse_deal_kind);
    let close_date = row.date(Field::CloseDate);
    let closed_on = row
        .date(Field::ClosedOn)
        .or(close_date.filter(|_| status.is_closed()));
    let expected_close = row
        .date(Field::ExpectedClose)
        .or(close_date.filter(|_| !status.is_closed()));
    let created_on = row.date(Field::CreatedOn).unwrap_or_else(|| {
        [closed_on, expected_close]
            .into_iter()
            .flatten()
            .fold(ctx.today, NaiveDate::min)
    });
    let lost_reason = match status {
        DealStatus::Lost => Some(
            row.optional_text(Field::LostReason)
                .unwrap_or_else(|| ctx.missing_reason.to_owned()),
        ),
        _ => None,
    };
    let deal = Deal {
        id: String::new(),
        updated_at: ctx.now,
        deleted_at: None,
        title: title.clone(),
        customer_id: None,
        rep_id: None,
        stage,
        status,
        amount,
        cost,
        discount,
        probability,
        kind,
        created_on,
        expected_close,
        closed_on: closed_on.filter(|_| status.is_closed()),
        lost_reason,
    };
    let key = format!(
        "{}\u{1f}{}\u{1f}{}",
        name_key(&title),
        name_key(customer),
        created_on
    );
    (AnyRecord::Deal(deal), key, title)
}

fn customer_draft(row: &mut Row, ctx: &Context) -> (AnyRecord, String, String) {
    row.require(Field::Name);
    let name = row.text(Field::Name);
    let churned_on = row.date(Field::ChurnedOn);
    let churn_reason = row
        .optional_text(Field::ChurnReason)
        .or_else(|| churned_on.map(|_| ctx.missing_reason.to_owned()));
    let customer = Customer {
        id: String::new(),
        updated_at: ctx.now,
        deleted_at: None,
        name: name.clone(),
        segment: row.text(Field::Segment),
        region: row.text(Field::Region),
        source: values::parse_source(&row.text(Field::Source)),
        acquired_on: row.date(Field::AcquiredOn),
        churned_on,
        churn_reason,
        owner_id: None,
    };
    (AnyRecord::Customer(customer), name_key(&name), name)
}

fn lead_draft(row: &mut Row, ctx: &Context) -> (AnyRecord, String, String) {
    row.require(Field::Name);
    let name = row.text(Field::Name);
    let created_on = row.date(Field::CreatedOn).unwrap_or(ctx.today);
    let disqualified_on = row.date(Field::DisqualifiedOn);
    let disqualified_reason = row
        .optional_text(Field::DisqualifiedReason)
        .or_else(|| disqualified_on.map(|_| ctx.missing_reason.to_owned()));
    let lead = Lead {
        id: String::new(),
        updated_at: ctx.now,
        deleted_at: None,
        name: name.clone(),
        source: values::parse_source(&row.text(Field::Source)),
        owner_id: None,
        created_on,
        qualified_on: row.date(Field::QualifiedOn),
        converted_on: row.date(Field::ConvertedOn),
        customer_id: None,
        deal_id: None,
        disqualified_on,
        disqualified_reason,
    };
    let key = format!("{}\u{1f}{}", name_key(&name), created_on);
    (AnyRecord::Lead(lead), key, name)
}

fn activity_draft(row: &mut Row, ctx: &Context, customer: &str) -> (AnyRecord, String, String) {
    row.require(Field::Date);
    let date = row.date(Field::Date).unwrap_or(ctx.today);
    let kind = row.choice(Field::Kind, values::parse_activity_kind);
    let minutes = match row.first_cell(Field::Minutes) {
        Some((column, cell)) => values::parse_minutes(cell).unwrap_or_else(|problem| {
            row.fail(Some(column), Some(Field::Minutes), problem);
            0
        }),
        None => 0,
    };
    let note = row.text(Field::Note);
    let activity = Activity {
        id: String::new(),
        updated_at: ctx.now,
        deleted_at: None,
        kind,
        date,
        minutes,
        rep_id: None,
        customer_id: None,
        deal_id: None,
        note: note.clone(),
    };
    let key = format!(
        "{}\u{1f}{}\u{1f}{}\u{1f}{}",
        kind.id(),
        date,
        name_key(customer),
        name_key(&note)
    );
    (
        AnyRecord::Activity(activity),
        key,
        format!("{} {}", kind.id(), date),
    )
}

fn order_draft(row: &mut Row, ctx: &Context, customer: &str) -> (AnyRecord, String, String) {
    row.check_currency();
    row.require(Field::Date);
    row.require(Field::Customer);
    let date = row.date(Field::Date).unwrap_or(ctx.today);
    row.require(Field::Amount);
    let amount = row.amount(Field::Amount).unwrap_or(Money::ZERO);
    let order = Order {
        id: String::new(),
        updated_at: ctx.now,
        deleted_at: None,
        customer_id: None,
        rep_id: None,
        deal_id: None,
        date,
        amount,
        cost: row.amount(Field::Cost),
        kind: row.choice(Field::Kind, values::parse_order_kind),
    };
    let key = format!(
        "{}\u{1f}{}\u{1f}{}",
        name_key(customer),
        date,
        amount.minor()
    );
    (AnyRecord::Order(order), key, format!("{customer} {date}"))
}
