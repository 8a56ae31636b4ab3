//! Column headers → the field they hold, for the CSV exports of HubSpot, Pipedrive and
//! Salesforce and Salesboard's own CSV.
//!
//! A header is compared after [`normalize_header`]: lower case, every run of
//! characters other than letters and digits turned into one space, trimmed — so
//! "Deal - Title", "deal_title" and "  DEAL TITLE " are all "deal title". If the whole
//! header is not known, a leading record word ("deal", "deals", "opportunity",
//! "organization", "company", "account", "lead", "contact", "person", "activity",
//! "order") is dropped and the rest tried again ("Deal - Won time" → "won time").

use super::fields::Field;
use crate::model::RecordKind;

/// Where a CSV file most likely comes from, judged by its headers (see [`detect_source`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Crm {
    HubSpot,
    Pipedrive,
    Salesforce,
    Salesboard,
    /// No known export: a spreadsheet of the user's own.
    Other,
}

impl Crm {
    /// Stable id, e.g. "hubspot".
    pub fn id(self) -> &'static str {
        match self {
            Crm::HubSpot => "hubspot",
            Crm::Pipedrive => "pipedrive",
            Crm::Salesforce => "salesforce",
            Crm::Salesboard => "salesboard",
            Crm::Other => "other",
        }
    }
}

/// "Deal - Won time" → "deal won time": lower case, runs of non-alphanumerics → one space.
pub fn normalize_header(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    for c in header.trim_start_matches('\u{feff}').chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Record words a CRM puts before a field's name ("Deal - Title", "Opportunity Name").
const PREFIXES: &[&str] = &[
    "deal ",
    "deals ",
    "opportunity ",
    "organization ",
    "organisation ",
    "company ",
    "account ",
    "lead ",
    "contact ",
    "person ",
    "activity ",
    "order ",
    "customer ",
];

/// The field a header names for records of `kind`, if any (see the module docs).
pub fn recognize(kind: RecordKind, header: &str) -> Option<Field> {
    let normal = normalize_header(header);
    lookup(kind, &normal).or_else(|| {
        PREFIXES
            .iter()
            .find_map(|prefix| normal.strip_prefix(prefix))
            .and_then(|rest| lookup(kind, rest))
    })
}

fn lookup(kind: RecordKind, normal: &str) -> Option<Field> {
    let own = Field::for_kind(kind)
        .iter()
        .copied()
        .find(|f| normalize_header(f.id()) == normal);
    own.or_else(|| {
        aliases(kind)
            .iter()
            .find(|(alias, _)| *alias == normal)
            .map(|&(_, field)| field)
    })
}

/// Known header names (normalized) per record type, beyond Salesboard's own field ids.
fn aliases(kind: RecordKind) -> &'static [(&'static str, Field)] {
    use Field::*;
    match kind {
        RecordKind::Deal => &[
            // HubSpot
            ("record id", ExternalId),
            ("deal id", ExternalId),
            ("deal name", Title),
            ("deal stage", Stage),
            ("close date", CloseDate),
            ("create date", CreatedOn),
            ("deal owner", Owner),
            ("associated company", Customer),
            ("associated company primary", Customer),
            ("company name", Customer),
            ("deal type", Kind),
            ("closed lost reason", LostReason),
            ("deal probability", Probability),
            // Pipedrive ("Deal - " dropped)
            ("value", Amount),
            ("won time", ClosedOn),
            ("lost time", ClosedOn),
            ("close time", ClosedOn),
            ("expected close date", ExpectedClose),
            ("deal created", CreatedOn),
            ("created", CreatedOn),
            ("add time", CreatedOn),
            ("organization", Customer),
            ("organisation", Customer),
            ("organization name", Customer),
            ("lost reason", LostReason),
            // Salesforce
            ("opportunity id", ExternalId),
            ("opportunity name", Title),
            ("name", Title),
            ("created date", CreatedOn),
            ("account name", Customer),
            ("account", Customer),
            ("opportunity owner", Owner),
            ("owner name", Owner),
            ("type", Kind),
            ("probability", Probability),
            ("probability %", Probability),
            ("loss reason", LostReason),
            ("opportunity currency", Currency),
            ("amount currency", Currency),
            // Generic
            ("company", Customer),
            ("client", Customer),
            ("rep", Owner),
            ("sales rep", Owner),
            ("expected close", ExpectedClose),
            ("closed on", ClosedOn),
            ("created on", CreatedOn),
        ],
        RecordKind::Customer => &[
            ("record id", ExternalId),
            ("company id", ExternalId),
            ("account id", ExternalId),
            ("company name", Name),
            ("account name", Name),
            ("organization", Name),
            ("organization name", Name),
            ("company", Name),
            ("company owner", Owner),
            ("account owner", Owner),
            ("industry", Segment),
            ("type", Segment),
            ("country region", Region),
            ("country", Region),
            ("state region", Region),
            ("billing country", Region),
            ("billing state province", Region),
            ("address country", Region),
            ("original source", Source),
            ("lead source", Source),
            ("account source", Source),
            ("became a customer date", AcquiredOn),
            ("customer since", AcquiredOn),
        ],
        RecordKind::Lead => &[
            ("record id", ExternalId),
            ("lead id", ExternalId),
            ("contact id", ExternalId),
            ("title", Name),
            ("full name", Name),
            ("first name", Name),
            ("last name", Name),
            ("contact owner", Owner),
            ("lead owner", Owner),
            ("original source", Source),
            ("lead source", Source),
            ("source", Source),
            ("create date", CreatedOn),
            ("created date", CreatedOn),
            ("add time", CreatedOn),
            ("lead created", CreatedOn),
            ("converted date", ConvertedOn),
            ("became a customer date", ConvertedOn),
            ("company", Customer),
            ("company name", Customer),
            ("company account", Customer),
            ("organization", Customer),
        ],
        RecordKind::Activity => &[
            ("record id", ExternalId),
            ("activity id", ExternalId),
            ("activity date", Date),
            ("due date", Date),
            ("activity type", Kind),
            ("type", Kind),
            ("activity assigned to", Owner),
            ("assigned to", Owner),
            ("assigned to user", Owner),
            ("assigned", Owner),
            ("activity owner", Owner),
            ("duration", Minutes),
            ("call duration", Minutes),
            ("organization", Customer),
            ("company", Customer),
            ("associated company", Customer),
            ("account", Customer),
            ("related to", Customer),
            ("associated deal", Deal),
            ("subject", Note),
            ("comments", Note),
            ("description", Note),
            ("body", Note),
        ],
        RecordKind::Order => &[
            ("record id", ExternalId),
            ("order id", ExternalId),
            ("order number", ExternalId),
            ("order date", Date),
            ("total", Amount),
            ("order amount", Amount),
            ("value", Amount),
            ("account name", Customer),
            ("company", Customer),
            ("organization", Customer),
            ("order type", Kind),
            ("sales rep", Owner),
            ("opportunity name", Deal),
        ],
        _ => &[],
    }
}

/// Guesses the CRM a file comes from by marks only its exports have: Pipedrive prefixes
/// headers with "Deal - "/"Organization - "…; Salesforce names "Opportunity …",
/// "Account Name"; HubSpot "Record ID", "Deal Stage", "Deal owner", "Create Date";
/// Salesboard's own CSV has "id" and its field ids ("created_on"). Else [`Crm::Other`].
pub fn detect_source(headers: &[String]) -> Crm {
    let normal: Vec<String> = headers.iter().map(|h| normalize_header(h)).collect();
    let raw_has = |test: &dyn Fn(&str) -> bool| headers.iter().any(|h| test(h.trim()));
    let has = |names: &[&str]| normal.iter().any(|h| names.contains(&h.as_str()));
    if raw_has(&|h| {
        [
            "Deal - ",
            "Organization - ",
            "Person - ",
            "Activity - ",
            "Lead - ",
        ]
        .iter()
        .any(|p| h.starts_with(p))
    }) {
        Crm::Pipedrive
    } else if has(&[
        "opportunity name",
        "opportunity owner",
        "opportunity id",
        "account name",
        "account owner",
        "lead owner",
    ]) {
        Crm::Salesforce
    } else if has(&[
        "record id",
        "deal stage",
        "deal owner",
        "create date",
        "company owner",
        "contact owner",
    ]) {
        Crm::HubSpot
    } else if raw_has(&|h| h == "id")
        && raw_has(&|h| h == "created_on" || h == "date" || h == "name")
    {
        Crm::Salesboard
    } else {
        Crm::Other
    }
}
