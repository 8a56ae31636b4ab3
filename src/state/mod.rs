//! The one store: the dataset signal, the user-facing notices, and the commands that
//! change the dataset. Every change goes through [`Store::apply`], which validates,
//! applies and schedules a save. Views only read signals and call commands.

mod command;
mod indexed;
mod notice;
mod save_first;
mod undo;

pub use command::{Command, Pending, Replacement, StorageMode};
pub use indexed::listen_for_indexed_saves;
pub use notice::{Notice, NoticeId, NoticeKind};
use save_first::WholeChange;
use undo::UndoStep;
pub use undo::{UndoOffer, UndoWhat};

use crate::clock;
use crate::storage::{
    load_dataset, DataStore, IndexedStore, LoadProblem, LocalStore, MemoryStore, Saver,
    StorageError, LOCAL_BUDGET,
};
use chrono::NaiveDate;
use kpi::deal_input::FieldError;
use kpi::forms::AnyRecord;
use kpi::metrics::Facts;
use kpi::undo::Revert;
use kpi::{
    schema, Currency, Dataset, Deal, DealStatus, Lineage, LoadError, NumberLocale, RecordId,
    RecordKind,
};
use leptos::prelude::*;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

/// How long after the last change the dataset is written (off the input path).
const SAVE_DELAY: Duration = Duration::from_millis(250);
/// How long a confirmation such as "Backup restored" stays on screen.
const INFO_NOTICE_TIME: Duration = Duration::from_secs(8);
/// How long the undo toast stays after a delete or bulk change (Ctrl+Z works until
/// the next change).
const UNDO_WINDOW: Duration = Duration::from_secs(10);

#[derive(Clone, Copy)]
pub struct Store {
    pub data: RwSignal<Dataset>,
    /// The KPI facts of `data` (see `kpi::metrics::facts`): renewed on every change of
    /// the data (keeping the parts of untouched collections), each part made when a KPI
    /// first reads it and then shared by every slice read from it (e.g. the dashboard's
    /// periods and scopes).
    pub facts: Memo<Arc<Facts>>,
    pub notices: RwSignal<Vec<Notice>>,
    /// What undoes the last delete or bulk change, until the next change.
    pub undo: RwSignal<Option<UndoOffer>>,
    /// The undo toast is on screen (for `UNDO_WINDOW` after the change).
    pub undo_toast: RwSignal<bool>,
    undo_serial: StoredValue<u64, LocalStorage>,
    pub pending: RwSignal<Option<Pending>>,
    pub storage_mode: RwSignal<StorageMode>,
    /// A fixed "today" for tests; the app reads the clock each time (a tab left open
    /// past midnight must not close deals on yesterday's date).
    fixed_today: Option<NaiveDate>,
    /// How numbers are written: follows the UI language as the user switches it.
    number_locale: Signal<NumberLocale>,
    saver: StoredValue<Saver, LocalStorage>,
    /// The IndexedDB mirror the saver writes to, once the data has moved there.
    indexed: StoredValue<Option<Rc<IndexedStore>>, LocalStorage>,
    /// An IndexedDB transaction of this tab is in flight (one at a time).
    busy: StoredValue<bool, LocalStorage>,
    /// The saved JSON of each collection, so a save encodes only what changed.
    encoded: StoredValue<schema::EncodeCache, LocalStorage>,
    /// The collections the check before a save found sound, so it reads only what
    /// changed.
    checked: StoredValue<kpi::validate::CheckCache, LocalStorage>,
}

impl Store {
    /// Opens browser storage (or memory when the browser refuses), loads once, and
    /// reports any problem as a notice. Numbers follow `locale` (the UI language).
    pub fn start(locale: Signal<NumberLocale>) -> Self {
        let (backend, refused): (Box<dyn DataStore>, Option<StorageError>) =
            match LocalStore::open() {
                Ok(local) => (Box::new(local), None),
                Err(error) => (Box::new(MemoryStore::default()), Some(error)),
            };
        let store = Self::with_backend(backend, None, locale);
        if let Some(error) = refused {
            store.storage_mode.set(StorageMode::MemoryOnly);
            store.notify(NoticeId::StorageUnavailable, Some(error.to_string()), None);
        }
        store
    }

    /// A store over any backend; used by `start` and by the browser tests.
    pub fn with_backend(
        backend: Box<dyn DataStore>,
        today: Option<NaiveDate>,
        locale: impl Into<Signal<NumberLocale>>,
    ) -> Self {
        let data = RwSignal::new(Dataset::default());
        let store = Self {
            data,
            // Always "changed": new data, new facts (comparing them would cost a scan);
            // the parts of collections the change did not touch are kept.
            facts: Memo::new_with_compare(
                move |previous: Option<&Arc<Facts>>| {
                    data.with(|d| Arc::new(Facts::renewed(previous.map(|p| &**p), d)))
                },
                |_, _| true,
            ),
            notices: RwSignal::new(Vec::new()),
            undo: RwSignal::new(None),
            undo_toast: RwSignal::new(false),
            undo_serial: StoredValue::new_local(0),
            pending: RwSignal::new(None),
            storage_mode: RwSignal::new(StorageMode::Loading),
            fixed_today: today,
            number_locale: locale.into(),
            // Replaced by `install` at once; held, so it never writes.
            saver: StoredValue::new_local(Saver::new(
                Box::new(MemoryStore::default()),
                true,
                None,
                None,
            )),
            indexed: StoredValue::new_local(None),
            busy: StoredValue::new_local(false),
            encoded: StoredValue::new_local(schema::EncodeCache::default()),
            checked: StoredValue::new_local(kpi::validate::CheckCache::default()),
        };
        store.install(backend);
        store
    }

    /// Loads the dataset from `backend` and saves to it from now on. Data that lives
    /// in IndexedDB is loaded from there in the background (see `indexed.rs`).
    fn install(&self, backend: Box<dyn DataStore>) {
        let stamp = clock::iso_now();
        let outcome = load_dataset(backend.as_ref(), &stamp);
        let mode = match (
            backend.is_persistent(),
            outcome.moved,
            outcome.hold_saves,
            outcome.read_only,
        ) {
            (false, ..) => StorageMode::MemoryOnly,
            (true, true, ..) => StorageMode::Loading,
            (true, false, _, true) => StorageMode::ReadOnly,
            (true, false, true, false) => StorageMode::Paused,
            (true, false, false, false) if self.indexed.with_value(Option::is_some) => {
                StorageMode::Indexed
            }
            (true, false, false, false) => StorageMode::Local,
        };
        self.data.set(outcome.data);
        self.storage_mode.set(mode);
        self.saver.set_value(Saver::new(
            backend,
            outcome.hold_saves,
            outcome.protected,
            outcome.loaded,
        ));
        if let Some(problem) = outcome.problem {
            self.report_load_problem(problem);
        }
        if outcome.moved {
            self.load_indexed();
        }
    }

    fn report_load_problem(&self, problem: LoadProblem) {
        match problem {
            LoadProblem::Damaged {
                key,
                reason,
                last_good,
            } => {
                let (id, detail) = match last_good {
                    Some(at) => (
                        NoticeId::Damaged,
                        format!(
                            "{reason} ({})",
                            clock::local_text(at, self.number_locale.get_untracked().tag())
                        ),
                    ),
                    None => (NoticeId::DamagedEmpty, reason),
                };
                self.notify(id, Some(detail), Some(key))
            }
            LoadProblem::QuarantineFailed { reason } => {
                self.notify(NoticeId::QuarantineFailed, Some(reason), None)
            }
            LoadProblem::NewerVersion { reason } => {
                self.notify(NoticeId::NewerVersion, Some(reason), None)
            }
            LoadProblem::Unreadable(error) => {
                self.notify(NoticeId::QuarantineFailed, Some(error.to_string()), None)
            }
        }
    }

    /// Today in the user's time zone (or the date a test fixed).
    pub fn today(&self) -> NaiveDate {
        self.fixed_today.unwrap_or_else(clock::today)
    }

    /// How numbers, amounts and dates are written now (tracked: a language switch
    /// re-renders what reads it).
    pub fn locale(&self) -> NumberLocale {
        self.number_locale.get()
    }

    /// [`Store::locale`] without tracking: for filling a form once, so that switching
    /// the language never refills (and wipes) what the user is typing.
    pub fn locale_untracked(&self) -> NumberLocale {
        self.number_locale.get_untracked()
    }

    pub fn currency(&self) -> Currency {
        self.data.with(|d| d.settings.currency)
    }

    /// The one way to change the dataset: validates, applies, schedules a save.
    /// On a validation error nothing changes. A change refused as a whole (read-only
    /// data, saves paused) is told in a notice and returns an empty error list, so a
    /// form stays open with what the user typed.
    pub fn apply(&self, command: Command) -> Result<(), Vec<FieldError>> {
        if self.storage_mode.get_untracked() == StorageMode::ReadOnly {
            // A newer version's data: nothing may change it here (not even an erase).
            self.notify(NoticeId::ReadOnly, None, None);
            return Err(Vec::new());
        }
        match self.storage_mode.get_untracked() {
            StorageMode::Loading => {
                self.notify(NoticeId::StillLoading, None, None);
                return Err(Vec::new());
            }
            StorageMode::Unreadable => {
                // Not even a restore or an erase: it would replace data never read.
                self.notify(NoticeId::DataUnreadable, None, None);
                return Err(Vec::new());
            }
            _ => {}
        }
        if self.storage_mode.get_untracked() == StorageMode::Paused
            && !matches!(command, Command::Replace { .. } | Command::Erase)
        {
            // Saves wait for the user's choice about data that could not be read: an
            // edit now could never be saved, so it is refused (the form keeps it).
            self.notify(NoticeId::SavesPaused, None, None);
            return Err(Vec::new());
        }
        let now = clock::now();
        if command != Command::Undo {
            // Undo is offered for the last change only until the next one.
            self.drop_undo();
        }
        match command {
            Command::SaveDeal {
                mut deal,
                customer,
                owner,
            } => {
                deal.updated_at = now;
                check(&deal)?;
                self.data.update(|d| {
                    d.link_deal(&mut deal, &customer, &owner, now, clock::new_id);
                    let id = deal.id.clone();
                    d.upsert_deal(deal);
                    d.note_purchase(&id, now);
                });
            }
            Command::SaveRecord(record) => {
                self.data.update(|d| record.upsert_into(d));
            }
            Command::SaveRecords(records) => {
                if records.is_empty() {
                    return Ok(());
                }
                let touched: Vec<_> = records
                    .iter()
                    .map(|r| (r.kind(), r.id().to_owned()))
                    .collect();
                let revert = self.revert(&touched);
                let count = records.len();
                // One update: other views never see a half-applied batch.
                self.data.update(|d| {
                    for record in records {
                        record.upsert_into(d);
                    }
                });
                self.offer_undo(UndoWhat::Saved(count), UndoStep::Revert(revert));
            }
            Command::DeleteRecord { kind, id } => {
                let revert = self.revert(&[(kind, id.clone())]);
                let before = self
                    .data
                    .try_update(|d| d.delete_record(kind, &id, now))
                    .flatten();
                if let Some(before) = before {
                    self.offer_undo(UndoWhat::Deleted(before.title()), UndoStep::Revert(revert));
                }
            }
            Command::MoveDeal { id, to } => {
                // A move the board refuses (a closed deal, no next stage) changes nothing.
                let moved = self.data.with_untracked(|d| {
                    let deal = d.find_deal(&id)?;
                    kpi::pipeline_board::move_deal(deal, &to, &d.settings).ok()
                });
                let Some(mut moved) = moved else {
                    return Err(Vec::new());
                };
                moved.updated_at = now;
                let revert = self.revert(&[(RecordKind::Deal, id)]);
                let what = UndoWhat::Moved(moved.title.clone());
                self.data.update(|d| d.upsert_deal(moved));
                self.offer_undo(what, UndoStep::Revert(revert));
            }
            Command::MarkWon(id) => {
                let deal = self.closed_version(&id, DealStatus::Won, None)?;
                // Winning may make its customer a buyer (`note_purchase`): undo both.
                let mut touched = vec![(RecordKind::Deal, id.clone())];
                touched.extend(deal.customer_id.clone().map(|c| (RecordKind::Customer, c)));
                let revert = self.revert(&touched);
                let what = UndoWhat::Won(deal.title.clone());
                self.data.update(|d| {
                    d.upsert_deal(deal);
                    d.note_purchase(&id, now);
                });
                self.offer_undo(what, UndoStep::Revert(revert));
            }
            Command::MarkLost { id, reason } => {
                let deal = self.closed_version(&id, DealStatus::Lost, Some(reason))?;
                let revert = self.revert(&[(RecordKind::Deal, id)]);
                let what = UndoWhat::Lost(deal.title.clone());
                self.data.update(|d| d.upsert_deal(deal));
                self.offer_undo(what, UndoStep::Revert(revert));
            }
            Command::DeleteDeal(id) => {
                let revert = self.revert(&[(RecordKind::Deal, id.clone())]);
                let before = self.data.try_update(|d| d.delete_deal(&id, now)).flatten();
                if let Some(before) = before {
                    self.offer_undo(UndoWhat::Deleted(before.title), UndoStep::Revert(revert));
                }
            }
            Command::Import(outcome) => {
                // Undo removes what the import added and puts back the customers it
                // made buyers (a won deal sets `acquired_on`).
                let mut touched = outcome.added_ids();
                touched.extend(outcome.records.iter().filter_map(|r| match r {
                    AnyRecord::Deal(deal) if deal.status == DealStatus::Won => {
                        deal.customer_id.clone().map(|c| (RecordKind::Customer, c))
                    }
                    _ => None,
                }));
                let revert = self.revert(&touched);
                // All or nothing: the whole import is checked, then put in at once —
                // once it is saved (a failed write adds nothing).
                let mut imported = self.data.get_untracked();
                if let Err(problems) = outcome.apply(&mut imported) {
                    let detail = problems.first().map(ToString::to_string);
                    self.notify(NoticeId::ActionFailed, detail, None);
                    return Err(Vec::new());
                }
                let count = outcome.records.len();
                self.save_then_show(
                    imported,
                    WholeChange::Import,
                    Box::new(move |store, _| {
                        store.offer_undo(UndoWhat::Imported(count), UndoStep::Revert(revert));
                    }),
                );
                return Ok(());
            }
            Command::Undo => {
                let Some(offer) = self.undo.try_update(Option::take).flatten() else {
                    return Ok(());
                };
                self.undo_toast.set(false);
                match offer.step {
                    UndoStep::Revert(revert) => self.data.update(|d| revert.apply(d, now)),
                    UndoStep::Everything(before) => self.data.update(|d| {
                        *d = *before;
                        d.touch_all(now);
                    }),
                    UndoStep::StartOver(before) => {
                        if self.start_over(*before).is_none() {
                            return Ok(());
                        }
                    }
                }
            }
            Command::SetCurrency(currency) => {
                // Amounts keep their value in major units (see `Dataset::set_currency`);
                // a refusal (an amount too large) changes nothing and says why.
                let before = self.data.get_untracked();
                let result = self.data.try_update(|d| {
                    d.set_currency(currency)?;
                    // Every amount changed: another tab's older copy must not win a merge.
                    d.touch_all(now);
                    Ok::<(), kpi::CurrencyChangeError>(())
                });
                if let Some(Err(error)) = result {
                    self.notify(NoticeId::ActionFailed, Some(error.to_string()), None);
                    return Ok(());
                }
                self.offer_undo(
                    UndoWhat::CurrencyChanged,
                    UndoStep::Everything(Box::new(before)),
                );
            }
            Command::SetSettings(mut settings) => {
                settings.updated_at = Some(now);
                self.data.update(|d| *d.settings = settings);
            }
            Command::Replace { data, why } => {
                let Some(key) = self.release_saves() else {
                    return Ok(());
                };
                // Saved first, shown after: a failed write changes nothing.
                self.save_then_show(
                    new_lineage(*data),
                    WholeChange::Replace,
                    Box::new(move |store, before| {
                        store.started_over(key);
                        let (id, what) = match why {
                            Replacement::Restore => (NoticeId::Restored, UndoWhat::Restored),
                            Replacement::Demo => (NoticeId::DemoLoaded, UndoWhat::DemoLoaded),
                        };
                        store.notify(id, None, None);
                        store.offer_undo(what, UndoStep::StartOver(Box::new(before)));
                    }),
                );
                return Ok(());
            }
            Command::Erase => {
                let Some(before) = self.start_over(Dataset::default()) else {
                    return Ok(());
                };
                self.notify(NoticeId::Erased, None, None);
                self.offer_undo(UndoWhat::Erased, UndoStep::StartOver(Box::new(before)));
            }
            Command::ImportTeam(files) => {
                let import = self
                    .data
                    .with_untracked(|d| kpi::team_import::prepare(d, &files, clock::now()));
                if !import.can_commit() {
                    // The page offers the import only when it can be committed.
                    return Err(Vec::new());
                }
                let merged = import.report.merged;
                // Never keep what the next start would refuse to load.
                if let Some(problem) = merged.problems().into_iter().next() {
                    self.notify(NoticeId::ActionFailed, Some(problem.to_string()), None);
                    return Err(Vec::new());
                }
                self.data.set(merged);
                self.notify(NoticeId::TeamImported, None, None);
            }
            Command::UndoImport(before) => {
                if self.start_over(*before).is_none() {
                    return Ok(());
                }
                self.notify(NoticeId::ImportUndone, None, None);
            }
        }
        self.schedule_save();
        Ok(())
    }

    /// Applies what sync pulled (merged by `kpi::sync`): no undo, saved like any
    /// change; views are told only when `changed` says the data changed. `None` (and
    /// nothing done) while the data may not change here: read-only, loading, paused.
    pub fn apply_synced<R>(
        &self,
        step: impl FnOnce(&mut Dataset) -> R,
        changed: impl Fn(&R) -> bool,
    ) -> Option<R> {
        let writable = matches!(
            self.storage_mode.get_untracked(),
            StorageMode::Local | StorageMode::Indexed | StorageMode::MemoryOnly
        );
        if !writable {
            return None;
        }
        let result = self.data.try_update_untracked(step)?;
        if changed(&result) {
            self.data.notify();
            self.schedule_save();
        }
        Some(result)
    }

    /// Recurring goals carry over by themselves: the instances due today are saved in
    /// one step. Skipped quietly while the data cannot change (loading, read-only,
    /// saves paused): the next start or visit of the goals page carries them over.
    pub fn carry_over_goals(&self) {
        if !matches!(
            self.storage_mode.get_untracked(),
            StorageMode::Local | StorageMode::Indexed | StorageMode::MemoryOnly
        ) {
            return;
        }
        let due = self
            .data
            .with_untracked(|d| kpi::goals::due_instances(d, self.today(), clock::now()));
        if !due.is_empty() {
            let records = due.into_iter().map(AnyRecord::Goal).collect();
            let _ = self.apply(Command::SaveRecords(records));
            // Made by the app, not the user: nothing to offer for undo.
            self.drop_undo();
        }
    }

    /// The deal `id` closed today as won or lost, validated.
    fn closed_version(
        &self,
        id: &str,
        status: DealStatus,
        reason: Option<String>,
    ) -> Result<Deal, Vec<FieldError>> {
        let mut deal = self
            .data
            .with_untracked(|d| d.find_deal(id).cloned())
            .ok_or_else(Vec::new)?;
        deal.status = status;
        deal.closed_on = Some(self.today());
        deal.lost_reason = reason
            .map(|r| r.trim().to_string())
            .filter(|r| !r.is_empty());
        deal.updated_at = clock::now();
        check(&deal)?;
        Ok(deal)
    }

    /// Replacing everything is the user's explicit choice, so held saves may resume —
    /// but only once the data they protected is copied aside. If that copy fails,
    /// nothing is replaced and the user is told (returns `None`); otherwise returns the
    /// data replaced, for undo.
    fn start_over(&self, data: Dataset) -> Option<Dataset> {
        let key = self.release_saves()?;
        let before = self
            .data
            .try_update(|d| std::mem::replace(d, new_lineage(data)))
            .unwrap_or_default();
        self.started_over(key);
        Some(before)
    }

    /// Lets held saves resume for a replacement (the protected text copied aside
    /// first): `None` when that copy failed (told), else the key it went to, if any.
    fn release_saves(&self) -> Option<Option<String>> {
        let stamp = clock::iso_now();
        match self.saver.try_update_value(|s| s.release(&stamp))? {
            Ok(key) => Some(key),
            Err(error) => {
                self.notify(NoticeId::QuarantineFailed, Some(error.to_string()), None);
                None
            }
        }
    }

    /// After a replacement: saves run again, and the notices about what it replaced
    /// go (`key`: where held data was set aside).
    fn started_over(&self, key: Option<String>) {
        if matches!(
            self.storage_mode.get_untracked(),
            StorageMode::Paused | StorageMode::Loading
        ) {
            self.storage_mode.set(self.saving_mode());
        }
        self.notices.update(|list| {
            list.retain(|n| {
                !matches!(
                    n.id,
                    NoticeId::QuarantineFailed
                        | NoticeId::NewerVersion
                        | NoticeId::Damaged
                        | NoticeId::DamagedEmpty
                        | NoticeId::DataMissing
                        | NoticeId::SavesPaused
                )
            })
        });
        if let Some(key) = key {
            self.notify(NoticeId::SetAside, None, Some(key));
        }
    }

    /// The user's choice about damaged data: saves resume with the data shown (the
    /// last good copy, or nothing); `discard` also deletes the set-aside copy. A
    /// failure leaves saves paused and says why.
    pub fn resolve_damaged(&self, discard: bool) {
        let key = self.notices.with_untracked(|list| {
            list.iter()
                .find(|n| matches!(n.id, NoticeId::Damaged | NoticeId::DamagedEmpty))
                .and_then(|n| n.key.clone())
        });
        match self.saver.try_update_value(|s| s.resolve_damaged(discard)) {
            Some(Ok(())) => {}
            Some(Err(error)) => {
                self.notify(NoticeId::ActionFailed, Some(error.to_string()), None);
                return;
            }
            None => return,
        }
        self.dismiss(NoticeId::Damaged);
        self.dismiss(NoticeId::DamagedEmpty);
        self.dismiss(NoticeId::SavesPaused);
        if !self.saves_held() {
            self.storage_mode.set(self.saving_mode());
        }
        let told = if discard {
            NoticeId::DamagedDiscarded
        } else {
            NoticeId::DamagedKept
        };
        self.notify(told, None, key);
        self.schedule_save();
    }

    /// The user's deliberate choice, after the saved data went missing, to start with
    /// no data (saves resume).
    pub fn start_fresh(&self) {
        let _ = self.apply(Command::Erase);
    }

    /// Copies of data set aside (quarantine keys) with their sizes in bytes.
    pub fn set_aside_copies(&self) -> Vec<(String, usize)> {
        self.saver
            .try_with_value(|s| s.set_aside())
            .and_then(Result::ok)
            .unwrap_or_default()
    }

    /// The text of one set-aside copy, to download.
    pub fn set_aside_text(&self, key: &str) -> Option<String> {
        self.saver
            .try_with_value(|s| s.set_aside_text(key))
            .and_then(Result::ok)
            .flatten()
    }

    /// Deletes a set-aside copy (asked first, see `Pending::DeleteSetAside`); deleting
    /// the damaged data still awaiting a choice is that choice: discard it.
    fn delete_set_aside(&self, key: &str) {
        match self.saver.try_update_value(|s| s.delete_set_aside(key)) {
            Some(Ok(true)) => self.resolve_damaged(true),
            Some(Ok(false)) => self.pump(),
            Some(Err(error)) => self.notify(NoticeId::ActionFailed, Some(error.to_string()), None),
            None => {}
        }
    }

    /// The set-aside text of damaged data awaiting the user's choice, to download.
    pub fn damaged_text(&self) -> Option<String> {
        self.saver
            .try_with_value(|s| s.damaged_text())
            .and_then(Result::ok)
            .flatten()
    }

    /// What undoes a change to `touched`, taken before it.
    fn revert(&self, touched: &[(RecordKind, RecordId)]) -> Revert {
        self.data.with_untracked(|d| Revert::capture(d, touched))
    }

    /// Keeps `step` as the undo of the last change and shows the toast for a while.
    fn offer_undo(&self, what: UndoWhat, step: UndoStep) {
        let serial = self.undo_serial.get_value() + 1;
        self.undo_serial.set_value(serial);
        self.undo.set(Some(UndoOffer { what, step, serial }));
        self.undo_toast.set(true);
        let (undo, toast) = (self.undo, self.undo_toast);
        set_timeout(
            move || {
                // Only this offer's toast goes: not a newer one's.
                let same =
                    undo.try_with_untracked(|u| u.as_ref().map(|o| o.serial) == Some(serial));
                if same == Some(true) {
                    toast.set(false);
                }
            },
            UNDO_WINDOW,
        );
    }

    /// The last change can no longer be undone (another change came after it).
    fn drop_undo(&self) {
        if self.undo.with_untracked(Option::is_some) {
            self.undo.set(None);
        }
        self.undo_toast.set(false);
    }

    /// Demo data for today, with ids made here: the demo is the same for everyone on a
    /// given day, but ids must be globally unique, or two reps' demo records would
    /// merge as one. `renew_ids` renames every record and every reference to it.
    pub fn demo_data(&self) -> Dataset {
        let mut data = kpi::demo::demo_dataset(self.today(), clock::now());
        kpi::demo::renew_ids(&mut data, clock::new_id);
        data
    }

    /// Replaces everything: at once when there is nothing to lose (a first run trying
    /// the demo), otherwise only after the user confirms.
    pub fn offer_replacement(&self, data: Dataset, why: Replacement) {
        let has_records = self.data.with_untracked(|d| d.live_record_count() > 0);
        // Held saves protect data the app could not show: always ask before replacing it.
        if has_records || why == Replacement::Restore || self.saves_held() {
            self.ask(Pending::Replace {
                data: Box::new(data),
                why,
            });
        } else {
            let _ = self.apply(Command::Replace {
                data: Box::new(data),
                why,
            });
        }
    }

    /// Asks for confirmation; the change happens in [`Store::confirm`].
    pub fn ask(&self, pending: Pending) {
        self.pending.set(Some(pending));
    }

    pub fn confirm(&self) {
        let Some(pending) = self.pending.get_untracked() else {
            return;
        };
        self.pending.set(None);
        let command = match pending {
            Pending::DeleteDeal { id, .. } => Command::DeleteDeal(id),
            Pending::DeleteRecord { kind, id, .. } => Command::DeleteRecord { kind, id },
            Pending::ChangeCurrency(currency) => Command::SetCurrency(currency),
            Pending::Replace { data, why } => Command::Replace { data, why },
            Pending::Erase => Command::Erase,
            Pending::DiscardDamaged => {
                self.resolve_damaged(true);
                return;
            }
            Pending::DeleteSetAside(key) => {
                self.delete_set_aside(&key);
                return;
            }
        };
        // These commands carry no user-typed fields, so they cannot fail validation.
        let _ = self.apply(command);
    }

    pub fn cancel(&self) {
        self.pending.set(None);
    }

    /// Shows a notice (replacing an older one of the same kind). Confirmations go away
    /// by themselves; warnings and errors stay until dismissed.
    pub fn notify(&self, id: NoticeId, detail: Option<String>, key: Option<String>) {
        let notice = Notice { id, detail, key };
        self.notices.update(|list| {
            list.retain(|n| n.id != id);
            list.push(notice.clone());
        });
        if id.kind() == NoticeKind::Info {
            let notices = self.notices;
            set_timeout(
                move || notices.update(|list| list.retain(|n| *n != notice)),
                INFO_NOTICE_TIME,
            );
        }
    }

    pub fn dismiss(&self, id: NoticeId) {
        self.notices.update(|list| list.retain(|n| n.id != id));
    }

    fn schedule_save(&self) {
        let start_timer = self
            .saver
            .try_update_value(|s| s.mark_dirty())
            .unwrap_or(false);
        if start_timer {
            let store = *self;
            let timer = set_timeout_with_handle(move || store.flush(), SAVE_DELAY).ok();
            self.saver.update_value(|s| s.set_timer(timer));
        }
    }

    /// Writes pending changes now (timer, `pagehide`, hidden tab). A failure keeps the
    /// data in memory and tells the user; the previously saved copy stays intact.
    pub fn flush(&self) {
        // The timer has fired (or we are leaving): a later change must start a new one.
        let wants_write = self.saver.try_update_value(|s| {
            s.take_timer();
            s.wants_write()
        });
        if wants_write != Some(true) {
            return;
        }
        // Another tab may have saved since: take its records in first, so that this
        // write keeps its edits (record by record, the newer version wins).
        if let Some(Ok(Some(theirs))) = self.saver.try_with_value(|s| s.changed_elsewhere()) {
            if crate::storage::is_moved_marker(&theirs) {
                // Another tab moved the data to IndexedDB: writing here now would hide
                // its saves. This change is written there once the move is followed.
                self.follow_move();
                return;
            }
            self.absorb(&theirs);
            if self.saves_held() {
                return;
            }
        }
        // Never write what the next start would refuse to load (and set aside): keep it
        // in memory and say what is wrong instead.
        let problem = self.data.with_untracked(|d| {
            self.checked
                .try_update_value(|cache| d.first_problem(cache))
                .unwrap_or_else(|| d.problems().into_iter().next())
        });
        if let Some(problem) = problem {
            self.notify(NoticeId::SaveFailed, Some(problem.to_string()), None);
            return;
        }
        let revision = self.saver.try_with_value(Saver::next_revision).unwrap_or(1);
        let now = clock::now();
        let text = self.data.with_untracked(|d| {
            self.encoded
                .try_update_value(|cache| cache.encode_revision(d, now, revision))
                .unwrap_or_else(|| schema::encode_revision(d, now, revision))
        });
        if text.len() > LOCAL_BUDGET && self.indexed.with_value(Option::is_none) {
            self.move_to_indexed(text);
            return;
        }
        match self.saver.try_update_value(|s| s.write(&text)) {
            Some(Err(StorageError::QuotaExceeded))
                if self.indexed.with_value(Option::is_none)
                    && self.saver.with_value(Saver::is_persistent) =>
            {
                // localStorage is full (another key's data may fill it) while IndexedDB
                // has room: a reason to move there, not to fail.
                self.move_to_indexed(text);
            }
            Some(Err(error)) => self.notify(NoticeId::SaveFailed, Some(error.to_string()), None),
            Some(Ok(())) => {
                if self.indexed.with_value(Option::is_none) {
                    self.dismiss(NoticeId::SaveFailed);
                }
                // In IndexedDB the write so far only reached the mirror: commit it
                // (and only a commit clears an earlier failure).
                self.pump();
            }
            None => {}
        }
    }

    /// Where saves go while they are allowed.
    fn saving_mode(&self) -> StorageMode {
        match self.indexed.with_value(Option::is_some) {
            true => StorageMode::Indexed,
            false => StorageMode::Local,
        }
    }

    /// Takes in what another tab saved (its `storage` event, or found before a write):
    /// merged record by record, the newer version of each deal wins. Data from a newer
    /// app version holds this tab's saves instead; unreadable text is left to the next
    /// start-up's quarantine.
    pub fn absorb(&self, text: &str) {
        if crate::storage::is_moved_marker(text) {
            // Another tab moved the data to IndexedDB: read it from there.
            self.follow_move();
            return;
        }
        match schema::decode(text) {
            Ok(theirs) => {
                // Edits of this tab that `theirs` lacks are merged field by field
                // against the copy both started from, so two tabs editing one deal
                // keep both changes (see `kpi::merge_edits`).
                let (raced, base) = self
                    .saver
                    .try_with_value(|s| {
                        let (raced, base) = s.merge_base(text);
                        (raced, base.and_then(|b| schema::decode(b).ok()))
                    })
                    .unwrap_or((false, None));
                let (changed, clashes) = self
                    .data
                    .try_update(|d| match &base {
                        Some(base) => d.merge_edits(&theirs, base),
                        None => (d.merge(&theirs), Vec::new()),
                    })
                    .unwrap_or_default();
                if changed > 0 {
                    // A kept "before" version may predate what just came in (e.g. a
                    // currency change): no undo across another tab's change.
                    self.drop_undo();
                }
                self.saver.update_value(|s| s.set_known(text));
                self.tell_clashes(&clashes);
                // Their write replaced this tab's without seeing it: what only this
                // tab has must be written again (once: equal data writes nothing).
                if raced && self.data.with_untracked(|d| *d != theirs) {
                    self.schedule_save();
                }
            }
            Err(error @ LoadError::NewerVersion { .. }) => {
                self.saver.update_value(|s| s.hold(text));
                // Another tab runs a newer version: this older one goes read-only.
                self.storage_mode.set(StorageMode::ReadOnly);
                self.notify(NoticeId::NewerVersion, Some(error.to_string()), None);
            }
            Err(_) => {
                // Another writer left text this version cannot read: set it aside
                // before this tab's next write replaces it.
                let stamp = clock::iso_now();
                match self
                    .saver
                    .try_update_value(|s| s.set_aside_foreign(text, &stamp))
                {
                    Some(Ok(key)) => self.notify(NoticeId::SetAside, None, Some(key)),
                    Some(Err(error)) => {
                        self.saver.update_value(|s| s.hold(text));
                        self.storage_mode.set(StorageMode::Paused);
                        self.notify(NoticeId::QuarantineFailed, Some(error.to_string()), None)
                    }
                    None => {}
                }
            }
        }
    }

    /// Fields both tabs changed differently in one record: the newer change was kept;
    /// the user is told which records to check.
    fn tell_clashes(&self, clashes: &[kpi::merge_edits::Clash]) {
        if clashes.is_empty() {
            return;
        }
        let detail = self.data.with_untracked(|d| {
            clashes
                .iter()
                .map(|c| {
                    let title = d.title_of(c.kind, &c.id).unwrap_or_else(|| c.id.clone());
                    format!("“{title}” ({})", c.fields.join(", "))
                })
                .collect::<Vec<_>>()
                .join("; ")
        });
        self.notify(NoticeId::EditedTwice, Some(detail), None);
    }

    pub fn saves_held(&self) -> bool {
        self.saver.try_with_value(|s| s.is_held()).unwrap_or(false)
    }
}

/// `data` as a new start: other tabs' older copies must not be merged back into it.
fn new_lineage(mut data: Dataset) -> Dataset {
    data.lineage = Some(Lineage {
        id: clock::new_id(),
        started_at: clock::now(),
    });
    data
}

fn check(deal: &Deal) -> Result<(), Vec<FieldError>> {
    let errors = deal.validate();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}
