//! Undo of the last delete or bulk change: the store keeps what undoes it until the next
//! change; the toast (components/undo_toast.rs) offers it for a while, Ctrl+Z (⌘Z) any
//! time until then, and the import page after an import.

use kpi::undo::Revert;
use kpi::Dataset;

/// What the change was, for the toast's text.
#[derive(Clone, Debug, PartialEq)]
pub enum UndoWhat {
    /// A record deleted (its title).
    Deleted(String),
    /// A deal moved to another stage on the board.
    Moved(String),
    Won(String),
    Lost(String),
    /// Several records saved at once (a converted lead, a cascade).
    Saved(usize),
    /// Records added by a CSV import.
    Imported(usize),
    CurrencyChanged,
    Restored,
    DemoLoaded,
    Erased,
}

impl UndoWhat {
    /// Whatever had the focus is gone with the change: Undo takes the focus.
    pub fn removes_focus(&self) -> bool {
        matches!(
            self,
            UndoWhat::Deleted(_) | UndoWhat::Erased | UndoWhat::Restored | UndoWhat::DemoLoaded
        )
    }
}

/// How the change is undone.
pub(super) enum UndoStep {
    /// Records (and settings) put back, added records tombstoned.
    Revert(Revert),
    /// Every record as it was, stamped now (a currency change rescaled them all).
    Everything(Box<Dataset>),
    /// The data before a restore, a demo load or an erase: a new start with it.
    StartOver(Box<Dataset>),
}

/// The last change, while it can be undone.
pub struct UndoOffer {
    pub what: UndoWhat,
    pub(super) step: UndoStep,
    /// Tells this offer from a later one (for the toast's timer).
    pub(super) serial: u64,
}
