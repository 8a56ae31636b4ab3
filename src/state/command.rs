//! The changes a user can make, and the ones that wait for confirmation.

use kpi::{Currency, Dataset, Deal, RecordId};

/// Where the data is kept right now, for the settings page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageMode {
    Local,
    MemoryOnly,
    Paused,
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
    DeleteDeal { id: RecordId, title: String },
    ChangeCurrency(Currency),
    Replace { data: Dataset, why: Replacement },
    Erase,
}

/// Every change to the dataset.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    SaveDeal(Deal),
    MarkWon(RecordId),
    MarkLost { id: RecordId, reason: String },
    DeleteDeal(RecordId),
    UndoDelete,
    SetCurrency(Currency),
    Replace { data: Dataset, why: Replacement },
    Erase,
}
