//! What an imported column can fill: the fields of each importable record type.
//!
//! Salesboard's own CSV uses the field ids as headers ([`Field::id`]); references to
//! other records are written as names ("customer", "owner", "deal") and linked on
//! import. A field id is also the key the app translates ("import.field.<id>").

use crate::model::id_enum::id_enum;
use crate::model::RecordKind;

id_enum! {
    /// A field an imported column can fill.
    Field {
        /// The record's id in the source: a Salesboard UUID is kept as the id; any
        /// other text (a CRM's record number) becomes a stable id derived from it, so
        /// importing the same file twice finds the first import's records.
        ExternalId = "id",
        /// A deal's title.
        Title = "title",
        /// A customer's or lead's name. Several columns mapped here (First Name, Last
        /// Name) are joined with a space.
        Name = "name",
        /// The customer's name, linked to a customer (made if new).
        Customer = "customer",
        /// The owning rep's name, linked to a rep (made if new).
        Owner = "owner",
        /// The deal an activity or order belongs to: its id or its (unique) title.
        Deal = "deal",
        Stage = "stage",
        Status = "status",
        /// Salesforce's "Won" checkbox (true/false).
        Won = "won",
        /// Salesforce's "Closed" checkbox (true/false).
        Closed = "closed",
        Amount = "amount",
        Cost = "cost",
        Discount = "discount",
        Probability = "probability",
        /// The currency the row's amounts are in; must be the dataset's.
        Currency = "currency",
        /// A deal's, order's or activity's kind.
        Kind = "kind",
        CreatedOn = "created_on",
        ExpectedClose = "expected_close",
        /// A CRM's "Close Date": the actual close date of a closed deal, the expected
        /// one of an open deal.
        CloseDate = "close_date",
        ClosedOn = "closed_on",
        LostReason = "lost_reason",
        Segment = "segment",
        Region = "region",
        Source = "source",
        AcquiredOn = "acquired_on",
        ChurnedOn = "churned_on",
        ChurnReason = "churn_reason",
        QualifiedOn = "qualified_on",
        ConvertedOn = "converted_on",
        DisqualifiedOn = "disqualified_on",
        DisqualifiedReason = "disqualified_reason",
        Date = "date",
        Minutes = "minutes",
        Note = "note",
    }
}

/// The record types a CSV file can be imported into.
pub const IMPORT_KINDS: &[RecordKind] = &[
    RecordKind::Deal,
    RecordKind::Customer,
    RecordKind::Lead,
    RecordKind::Activity,
    RecordKind::Order,
];

impl Field {
    /// The fields records of `kind` take, in Salesboard's CSV column order (the
    /// export writes exactly these, except the CRM-only ones: won, closed, currency,
    /// close_date). Empty for a kind that cannot be imported.
    pub fn for_kind(kind: RecordKind) -> &'static [Field] {
        use Field::*;
        match kind {
            RecordKind::Deal => &[
                ExternalId,
                Title,
                Customer,
                Owner,
                Stage,
                Status,
                Amount,
                Cost,
                Discount,
                Probability,
                Kind,
                CreatedOn,
                ExpectedClose,
                ClosedOn,
                LostReason,
                CloseDate,
                Won,
                Closed,
                Currency,
            ],
            RecordKind::Customer => &[
                ExternalId,
                Name,
                Segment,
                Region,
                Source,
                Owner,
                AcquiredOn,
                ChurnedOn,
                ChurnReason,
            ],
            RecordKind::Lead => &[
                ExternalId,
                Name,
                Source,
                Owner,
                CreatedOn,
                QualifiedOn,
                ConvertedOn,
                Customer,
                DisqualifiedOn,
                DisqualifiedReason,
            ],
            RecordKind::Activity => &[ExternalId, Kind, Date, Minutes, Customer, Deal, Owner, Note],
            RecordKind::Order => &[
                ExternalId, Customer, Date, Amount, Cost, Kind, Owner, Deal, Currency,
            ],
            _ => &[],
        }
    }

    /// Fields written by the export (Salesboard's CSV columns) for `kind`.
    pub fn exported(kind: RecordKind) -> impl Iterator<Item = Field> {
        Field::for_kind(kind).iter().copied().filter(|f| {
            !matches!(
                f,
                Field::CloseDate | Field::Won | Field::Closed | Field::Currency
            )
        })
    }

    /// Whether [`super::Mapping::propose`] maps several columns to this field: a name
    /// (first + last name), a note (subject + note), a close date (Pipedrive's won
    /// time and lost time, of which a row fills one).
    pub fn joins_columns(self) -> bool {
        matches!(self, Field::Name | Field::Note | Field::ClosedOn)
    }

    /// Whether the field holds a date (read with its column's slash order).
    pub fn is_date(self) -> bool {
        use Field::*;
        matches!(
            self,
            CreatedOn
                | ExpectedClose
                | CloseDate
                | ClosedOn
                | AcquiredOn
                | ChurnedOn
                | QualifiedOn
                | ConvertedOn
                | DisqualifiedOn
                | Date
        )
    }

    /// A row of `kind` cannot be stored without this field (a blank cell is an error).
    /// Dates that have a fallback (a deal's created date) are not required.
    pub fn required(self, kind: RecordKind) -> bool {
        matches!(
            (kind, self),
            (RecordKind::Deal, Field::Title)
                | (RecordKind::Customer | RecordKind::Lead, Field::Name)
                | (RecordKind::Activity | RecordKind::Order, Field::Date)
                | (RecordKind::Order, Field::Customer | Field::Amount)
        )
    }
}
