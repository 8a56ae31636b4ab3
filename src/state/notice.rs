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
    Quarantined,
    QuarantineFailed,
    NewerVersion,
    SaveFailed,
    StorageUnavailable,
    Restored,
    RestoreFailed,
    DemoLoaded,
    Erased,
    SetAside,
    EditClosed,
    ActionFailed,
    ExportFailed,
    SettingsSaved,
    UpdateReady,
    ReadOnly,
}

impl NoticeId {
    pub fn id(self) -> &'static str {
        match self {
            NoticeId::Quarantined => "quarantined",
            NoticeId::QuarantineFailed => "quarantine_failed",
            NoticeId::NewerVersion => "newer_version",
            NoticeId::SaveFailed => "save_failed",
            NoticeId::StorageUnavailable => "storage_unavailable",
            NoticeId::Restored => "restored",
            NoticeId::RestoreFailed => "restore_failed",
            NoticeId::DemoLoaded => "demo_loaded",
            NoticeId::Erased => "erased",
            NoticeId::SetAside => "set_aside",
            NoticeId::EditClosed => "edit_closed",
            NoticeId::ActionFailed => "action_failed",
            NoticeId::ExportFailed => "export_failed",
            NoticeId::SettingsSaved => "settings_saved",
            NoticeId::UpdateReady => "update_ready",
            NoticeId::ReadOnly => "read_only",
        }
    }

    pub fn kind(self) -> NoticeKind {
        match self {
            NoticeId::QuarantineFailed
            | NoticeId::SaveFailed
            | NoticeId::RestoreFailed
            | NoticeId::ActionFailed
            | NoticeId::ExportFailed
            | NoticeId::ReadOnly => NoticeKind::Error,
            NoticeId::Quarantined
            | NoticeId::NewerVersion
            | NoticeId::StorageUnavailable
            | NoticeId::SetAside
            | NoticeId::EditClosed
            | NoticeId::UpdateReady => NoticeKind::Warning,
            NoticeId::Restored
            | NoticeId::DemoLoaded
            | NoticeId::Erased
            | NoticeId::SettingsSaved => NoticeKind::Info,
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
