//! Messages for the user: what they are about and how loud they are. Their text comes
//! from the translations (`text::notice`).

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Error,
    Warning,
    Info,
}

/// What a notice is about; its text comes from the translations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NoticeId {
    /// Unreadable data was set aside; the last good copy is shown, saves wait.
    Damaged,
    /// Unreadable data was set aside; there is no good copy, saves wait.
    DamagedEmpty,
    DamagedKept,
    /// The "moved to IndexedDB" marker is there but the data is not: saves wait.
    DataMissing,
    DamagedDiscarded,
    SavesPaused,
    StillLoading,
    DataUnreadable,
    QuarantineFailed,
    NewerVersion,
    SaveFailed,
    StorageUnavailable,
    Restored,
    RestoreFailed,
    /// An import could not be saved, so nothing was added.
    ImportNotSaved,
    DemoLoaded,
    Erased,
    SetAside,
    EditClosed,
    /// Two tabs changed the same field of a record at once: the newer change was kept.
    EditedTwice,
    ActionFailed,
    ExportFailed,
    SettingsSaved,
    UpdateReady,
    ReadOnly,
    TeamImported,
    ImportUndone,
}

impl NoticeId {
    pub fn id(self) -> &'static str {
        match self {
            NoticeId::Damaged => "damaged",
            NoticeId::DamagedEmpty => "damaged_empty",
            NoticeId::DamagedKept => "damaged_kept",
            NoticeId::DataMissing => "data_missing",
            NoticeId::DamagedDiscarded => "damaged_discarded",
            NoticeId::SavesPaused => "saves_paused",
            NoticeId::StillLoading => "still_loading",
            NoticeId::DataUnreadable => "data_unreadable",
            NoticeId::QuarantineFailed => "quarantine_failed",
            NoticeId::NewerVersion => "newer_version",
            NoticeId::SaveFailed => "save_failed",
            NoticeId::StorageUnavailable => "storage_unavailable",
            NoticeId::Restored => "restored",
            NoticeId::RestoreFailed => "restore_failed",
            NoticeId::ImportNotSaved => "import_not_saved",
            NoticeId::DemoLoaded => "demo_loaded",
            NoticeId::Erased => "erased",
            NoticeId::SetAside => "set_aside",
            NoticeId::EditClosed => "edit_closed",
            NoticeId::EditedTwice => "edited_twice",
            NoticeId::ActionFailed => "action_failed",
            NoticeId::ExportFailed => "export_failed",
            NoticeId::SettingsSaved => "settings_saved",
            NoticeId::UpdateReady => "update_ready",
            NoticeId::ReadOnly => "read_only",
            NoticeId::TeamImported => "team_imported",
            NoticeId::ImportUndone => "import_undone",
        }
    }

    pub fn kind(self) -> NoticeKind {
        match self {
            NoticeId::QuarantineFailed
            | NoticeId::SaveFailed
            | NoticeId::RestoreFailed
            | NoticeId::ImportNotSaved
            | NoticeId::ActionFailed
            | NoticeId::ExportFailed
            | NoticeId::ReadOnly
            | NoticeId::SavesPaused
            | NoticeId::StillLoading
            | NoticeId::DataUnreadable => NoticeKind::Error,
            NoticeId::Damaged
            | NoticeId::DamagedEmpty
            | NoticeId::DataMissing
            | NoticeId::DamagedKept
            | NoticeId::NewerVersion
            | NoticeId::StorageUnavailable
            | NoticeId::SetAside
            | NoticeId::EditClosed
            | NoticeId::EditedTwice
            | NoticeId::UpdateReady => NoticeKind::Warning,
            NoticeId::Restored
            | NoticeId::DamagedDiscarded
            | NoticeId::DemoLoaded
            | NoticeId::Erased
            | NoticeId::SettingsSaved
            | NoticeId::TeamImported
            | NoticeId::ImportUndone => NoticeKind::Info,
        }
    }
}

/// A message for the user; `detail` names what went wrong, `key` where data was set aside.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub id: NoticeId,
    pub detail: Option<String>,
    pub key: Option<String>,
}
