//! The changes a user can make, and the ones that wait for confirmation.

use kpi::forms::AnyRecord;
use kpi::{Currency, Dataset, Deal, RecordId, RecordKind};

/// Where the data is kept right now, for the settings page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageMode {
    Local,
    /// Past the localStorage budget: saved in IndexedDB.
    Indexed,
    /// The data is being read from IndexedDB; nothing can change yet.
    Loading,
    /// The saved data could not be read at all (IndexedDB would not open): nothing
    /// may change or be written, not even a restore, until a reload reads it.
    Unreadable,
    MemoryOnly,
    Paused,
    /// Data of a newer app version: shown, never changed or written.
    ReadOnly,
}

/// Why the whole dataset is being replaced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Replacement {
    Restore,
    Demo,
}

/// A change waiting for the user's confirmation.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    DeleteDeal {
        id: RecordId,
        title: String,
    },
    DeleteRecord {
        kind: RecordKind,
        id: RecordId,
        title: String,
    },
    ChangeCurrency(Currency),
    /// Delete the set-aside copy of damaged data (see `Store::resolve_damaged`).
    DiscardDamaged,
    /// Delete one set-aside copy (a quarantine key) from Settings.
    DeleteSetAside(String),
    Replace {
        /// Boxed: a dataset is far larger than the other variants.
        data: Box<Dataset>,
        why: Replacement,
    },
    Erase,
}

/// Every change to the dataset.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// A deal from its form, with the customer and owner names as typed (linked to
    /// their records, which are added when new).
    SaveDeal {
        deal: Deal,
        customer: String,
        owner: String,
    },
    /// Any other record from its form (validated by `kpi::forms`).
    SaveRecord(AnyRecord),
    /// Several records saved together or not at all (a lead converted into a customer
    /// and a deal, a cascade's rep goals, recurring goals carried over), each already
    /// validated by `kpi`: one change, one save.
    SaveRecords(Vec<AnyRecord>),
    DeleteRecord {
        kind: RecordKind,
        id: RecordId,
    },
    /// An open deal to another stage of the board (`kpi::pipeline_board::move_deal`).
    MoveDeal {
        id: RecordId,
        to: kpi::pipeline_board::MoveTo,
    },
    MarkWon(RecordId),
    MarkLost {
        id: RecordId,
        reason: String,
    },
    DeleteDeal(RecordId),
    /// Records read from a CSV file and checked by `kpi::import`: added all together
    /// or not at all, undone as a whole. Boxed: it can hold 100k records.
    Import(Box<kpi::import::ImportOutcome>),
    /// Undoes the last delete or bulk change (see `Store::undo`).
    Undo,
    SetCurrency(Currency),
    /// "Me", the monthly target and the stages (validated by `kpi::settings_input`).
    SetSettings(kpi::Settings),
    Replace {
        /// Boxed: a dataset is far larger than the other variants.
        data: Box<Dataset>,
        why: Replacement,
    },
    Erase,
    /// Reps' exported files (name, text) merged into the data by
    /// `kpi::team_import::prepare`: all of them or nothing.
    ImportTeam(Vec<(String, String)>),
    /// Back to the data as it was before an import: a new lineage, like a restore, so
    /// other tabs take it whole instead of merging the import back in.
    UndoImport(Box<Dataset>),
}
