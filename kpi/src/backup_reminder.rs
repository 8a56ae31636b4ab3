//! When to remind the user to download a backup.
//!
//! Convention (what a rep expects): the reminder is about work that exists only in this
//! browser. It is due when
//! - the data holds the user's own changes: a record (tombstones count: a delete is a
//!   change) or the settings changed after the data's start (`Lineage::started_at`; data
//!   from before lineages counts whole). An empty dataset, the demo as loaded and a
//!   backup as restored hold none — they are in no danger or already in a file;
//! - and the last backup download is more than [`BACKUP_MAX_AGE_DAYS`] days before today
//!   with a change on or after its day; or, never backed up, the earliest of those
//!   changes is more than [`BACKUP_MAX_AGE_DAYS`] days before today (a first week of use
//!   is not nagged);
//! - and it was not dismissed in the last [`BACKUP_MAX_AGE_DAYS`] days (dismissing means
//!   "not now": it comes back a week later if still due).
//!
//! Dates are calendar days; a change's day is the UTC date of its `updated_at`.

use chrono::{DateTime, NaiveDate, Utc};

use crate::model::{for_each_kind, Dataset, Record, Stored};

/// A backup older than this many days is due for renewal.
pub const BACKUP_MAX_AGE_DAYS: i64 = 7;

/// Whether to show the backup reminder today (see the module's convention).
pub fn backup_reminder_due(
    data: &Dataset,
    last_backup: Option<NaiveDate>,
    dismissed_on: Option<NaiveDate>,
    today: NaiveDate,
) -> bool {
    let older_than_a_week = |day: NaiveDate| (today - day).num_days() > BACKUP_MAX_AGE_DAYS;
    if dismissed_on.is_some_and(|day| !older_than_a_week(day) && day <= today) {
        return false;
    }
    let changes = own_changes(data);
    match (last_backup, changes) {
        (_, None) => false,
        (Some(backup), Some((_, latest))) => older_than_a_week(backup) && latest >= backup,
        (None, Some((earliest, _))) => older_than_a_week(earliest),
    }
}

/// The days of the earliest and the latest of the user's own changes, if any.
fn own_changes(data: &Dataset) -> Option<(NaiveDate, NaiveDate)> {
    let start = data.lineage.as_ref().map(|l| l.started_at);
    let own = |at: DateTime<Utc>| start.is_none_or(|s| at > s);
    let mut span: Option<(NaiveDate, NaiveDate)> = None;
    let mut note = |at: DateTime<Utc>| {
        if own(at) {
            let day = at.date_naive();
            span = Some(match span {
                None => (day, day),
                Some((first, last)) => (first.min(day), last.max(day)),
            });
        }
    };
    if let Some(at) = data.settings.updated_at {
        note(at);
    }
    macro_rules! visit {
        ($type:ty) => {
            for record in <$type as Stored>::all(data) {
                note(record.updated_at());
            }
        };
    }
    for_each_kind!(visit);
    span
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lineage;
    use chrono::TimeZone;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn at(d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, d, 12, 0, 0).unwrap()
    }

    /// Data started on day `start` (a demo load or restore) whose settings were last
    /// changed on `changed` (`None`: nothing changed by the user).
    fn data(start: Option<u32>, changed: Option<u32>) -> Dataset {
        let mut data = Dataset {
            lineage: start.map(|d| Lineage {
                id: "l".into(),
                started_at: at(d),
            }),
            ..Dataset::default()
        };
        data.settings.updated_at = changed.map(at);
        data
    }

    #[test]
    fn reminder_table() {
        // (case, started, changed, last backup, dismissed, due on the 15th)
        let cases = [
            ("empty data: nothing to lose", None, None, None, None, false),
            (
                "demo as loaded: no own change",
                Some(1),
                None,
                None,
                None,
                false,
            ),
            (
                "restored backup unchanged",
                Some(1),
                None,
                Some(1),
                None,
                false,
            ),
            (
                "backed up 8 days ago, changed since",
                Some(1),
                Some(10),
                Some(7),
                None,
                true,
            ),
            (
                "backed up 7 days ago: not yet",
                Some(1),
                Some(10),
                Some(8),
                None,
                false,
            ),
            (
                "backed up 8 days ago, nothing changed since",
                Some(1),
                Some(5),
                Some(7),
                None,
                false,
            ),
            (
                "changed on the backup's day counts",
                Some(1),
                Some(7),
                Some(7),
                None,
                true,
            ),
            (
                "never backed up, changes for 8 days",
                None,
                Some(7),
                None,
                None,
                true,
            ),
            (
                "never backed up, first week of use",
                None,
                Some(8),
                None,
                None,
                false,
            ),
            (
                "dismissed 3 days ago",
                Some(1),
                Some(10),
                Some(1),
                Some(12),
                false,
            ),
            (
                "dismissed 8 days ago: back again",
                Some(1),
                Some(10),
                Some(1),
                Some(7),
                true,
            ),
            (
                "a change before the data's start is not the user's",
                Some(9),
                Some(5),
                None,
                None,
                false,
            ),
        ];
        for (case, start, changed, backup, dismissed, due) in cases {
            let data = data(start, changed);
            assert_eq!(
                backup_reminder_due(&data, backup.map(day), dismissed.map(day), day(15)),
                due,
                "{case}"
            );
        }
    }
}
