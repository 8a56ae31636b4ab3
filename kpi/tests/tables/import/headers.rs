//! Header recognition for each CRM's export, and the source guess.

use kpi::import::{detect_source, normalize_header, recognize, Crm, Field};
use kpi::RecordKind;

use RecordKind::{Activity, Customer, Deal, Lead, Order};

#[test]
fn headers_map_to_fields_per_crm() {
    let table: &[(&str, RecordKind, &str, Option<Field>)] = &[
        // HubSpot deals
        (
            "hubspot record id",
            Deal,
            "Record ID",
            Some(Field::ExternalId),
        ),
        ("hubspot deal name", Deal, "Deal Name", Some(Field::Title)),
        ("hubspot deal stage", Deal, "Deal Stage", Some(Field::Stage)),
        ("hubspot amount", Deal, "Amount", Some(Field::Amount)),
        (
            "hubspot close date",
            Deal,
            "Close Date",
            Some(Field::CloseDate),
        ),
        (
            "hubspot create date",
            Deal,
            "Create Date",
            Some(Field::CreatedOn),
        ),
        ("hubspot deal owner", Deal, "Deal owner", Some(Field::Owner)),
        (
            "hubspot associated company",
            Deal,
            "Associated Company",
            Some(Field::Customer),
        ),
        (
            "hubspot primary company",
            Deal,
            "Associated Company (Primary)",
            Some(Field::Customer),
        ),
        ("hubspot deal type", Deal, "Deal Type", Some(Field::Kind)),
        (
            "hubspot lost reason",
            Deal,
            "Closed Lost Reason",
            Some(Field::LostReason),
        ),
        ("hubspot pipeline ignored", Deal, "Pipeline", None),
        // Pipedrive deals
        ("pipedrive id", Deal, "Deal - ID", Some(Field::ExternalId)),
        ("pipedrive title", Deal, "Deal - Title", Some(Field::Title)),
        ("pipedrive value", Deal, "Deal - Value", Some(Field::Amount)),
        (
            "pipedrive currency",
            Deal,
            "Deal - Currency",
            Some(Field::Currency),
        ),
        (
            "pipedrive status",
            Deal,
            "Deal - Status",
            Some(Field::Status),
        ),
        ("pipedrive stage", Deal, "Deal - Stage", Some(Field::Stage)),
        (
            "pipedrive won time",
            Deal,
            "Deal - Won time",
            Some(Field::ClosedOn),
        ),
        (
            "pipedrive lost time",
            Deal,
            "Deal - Lost time",
            Some(Field::ClosedOn),
        ),
        (
            "pipedrive created",
            Deal,
            "Deal - Deal created",
            Some(Field::CreatedOn),
        ),
        (
            "pipedrive expected close",
            Deal,
            "Deal - Expected close date",
            Some(Field::ExpectedClose),
        ),
        (
            "pipedrive organization",
            Deal,
            "Deal - Organization",
            Some(Field::Customer),
        ),
        ("pipedrive owner", Deal, "Deal - Owner", Some(Field::Owner)),
        (
            "pipedrive lost reason",
            Deal,
            "Deal - Lost reason",
            Some(Field::LostReason),
        ),
        (
            "pipedrive probability",
            Deal,
            "Deal - Probability",
            Some(Field::Probability),
        ),
        // Salesforce opportunities
        (
            "salesforce opportunity id",
            Deal,
            "Opportunity ID",
            Some(Field::ExternalId),
        ),
        (
            "salesforce name",
            Deal,
            "Opportunity Name",
            Some(Field::Title),
        ),
        ("salesforce stage", Deal, "Stage", Some(Field::Stage)),
        ("salesforce amount", Deal, "Amount", Some(Field::Amount)),
        (
            "salesforce close date",
            Deal,
            "Close Date",
            Some(Field::CloseDate),
        ),
        (
            "salesforce created date",
            Deal,
            "Created Date",
            Some(Field::CreatedOn),
        ),
        (
            "salesforce account",
            Deal,
            "Account Name",
            Some(Field::Customer),
        ),
        (
            "salesforce owner",
            Deal,
            "Opportunity Owner",
            Some(Field::Owner),
        ),
        ("salesforce won box", Deal, "Won", Some(Field::Won)),
        ("salesforce closed box", Deal, "Closed", Some(Field::Closed)),
        (
            "salesforce probability %",
            Deal,
            "Probability (%)",
            Some(Field::Probability),
        ),
        ("salesforce type", Deal, "Type", Some(Field::Kind)),
        // Salesboard's own CSV
        ("own id", Deal, "id", Some(Field::ExternalId)),
        ("own created_on", Deal, "created_on", Some(Field::CreatedOn)),
        (
            "own lost_reason",
            Deal,
            "lost_reason",
            Some(Field::LostReason),
        ),
        (
            "own expected_close",
            Deal,
            "expected_close",
            Some(Field::ExpectedClose),
        ),
        // Tolerance
        ("upper case", Deal, "DEAL NAME", Some(Field::Title)),
        ("extra spaces", Deal, "  Deal   Name  ", Some(Field::Title)),
        ("underscores", Deal, "deal_name", Some(Field::Title)),
        (
            "byte-order mark",
            Deal,
            "\u{feff}Deal Name",
            Some(Field::Title),
        ),
        (
            "prefix without dash",
            Deal,
            "Deal Value",
            Some(Field::Amount),
        ),
        ("unknown header", Deal, "Favourite colour", None),
        ("field of another record type", Deal, "Segment", None),
        // Other record types
        (
            "hubspot company name",
            Customer,
            "Company name",
            Some(Field::Name),
        ),
        (
            "salesforce account name",
            Customer,
            "Account Name",
            Some(Field::Name),
        ),
        (
            "pipedrive organization name",
            Customer,
            "Organization - Name",
            Some(Field::Name),
        ),
        (
            "customer industry",
            Customer,
            "Industry",
            Some(Field::Segment),
        ),
        (
            "customer country",
            Customer,
            "Country/Region",
            Some(Field::Region),
        ),
        (
            "customer owner",
            Customer,
            "Company owner",
            Some(Field::Owner),
        ),
        ("lead first name", Lead, "First Name", Some(Field::Name)),
        ("lead last name", Lead, "Last Name", Some(Field::Name)),
        ("lead source", Lead, "Lead Source", Some(Field::Source)),
        ("lead owner", Lead, "Lead Owner", Some(Field::Owner)),
        ("lead created", Lead, "Create Date", Some(Field::CreatedOn)),
        (
            "lead converted",
            Lead,
            "Converted Date",
            Some(Field::ConvertedOn),
        ),
        (
            "pipedrive activity type",
            Activity,
            "Activity - Type",
            Some(Field::Kind),
        ),
        (
            "pipedrive activity due date",
            Activity,
            "Activity - Due date",
            Some(Field::Date),
        ),
        (
            "pipedrive activity duration",
            Activity,
            "Activity - Duration",
            Some(Field::Minutes),
        ),
        (
            "pipedrive activity deal",
            Activity,
            "Activity - Deal",
            Some(Field::Deal),
        ),
        (
            "pipedrive activity note",
            Activity,
            "Activity - Note",
            Some(Field::Note),
        ),
        (
            "salesforce task subject",
            Activity,
            "Subject",
            Some(Field::Note),
        ),
        ("order date", Order, "Order Date", Some(Field::Date)),
        ("order total", Order, "Total", Some(Field::Amount)),
        ("order customer", Order, "Customer", Some(Field::Customer)),
    ];
    for (case, kind, header, expected) in table {
        assert_eq!(recognize(*kind, header), *expected, "{case}: {header:?}");
    }
}

#[test]
fn normalized_headers() {
    let table = [
        ("dash prefix", "Deal - Won time", "deal won time"),
        ("case and spaces", "  Close   DATE ", "close date"),
        ("punctuation", "Probability (%)", "probability"),
        ("underscores", "created_on", "created on"),
        ("byte-order mark", "\u{feff}id", "id"),
        ("empty", "", ""),
    ];
    for (case, header, expected) in table {
        assert_eq!(normalize_header(header), expected, "{case}");
    }
}

#[test]
fn the_source_crm_is_guessed_from_the_headers() {
    let table: &[(&str, &[&str], Crm)] = &[
        (
            "hubspot",
            &["Record ID", "Deal Name", "Deal Stage", "Amount"],
            Crm::HubSpot,
        ),
        (
            "pipedrive",
            &["Deal - Title", "Deal - Value"],
            Crm::Pipedrive,
        ),
        (
            "salesforce",
            &["Opportunity Name", "Account Name", "Stage"],
            Crm::Salesforce,
        ),
        (
            "salesboard",
            &["id", "title", "created_on"],
            Crm::Salesboard,
        ),
        ("a spreadsheet", &["Title", "Value"], Crm::Other),
    ];
    for (case, headers, expected) in table {
        let headers: Vec<String> = headers.iter().map(|h| h.to_string()).collect();
        assert_eq!(detect_source(&headers), *expected, "{case}");
    }
}
