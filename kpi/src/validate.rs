//! Whole-dataset checks, run on every load (see [`crate::schema::decode_envelope`]):
//! what a single deal's rules cannot see — unique ids, a usable pipeline, stages that
//! exist — plus the deal rules themselves for every live deal.
//!
//! Conventions:
//! - record ids are unique across all deals, tombstones included (merges and
//!   [`Dataset::upsert_deal`] match by id);
//! - live deals obey the deal rules of [`crate::deal_input`] (the same function as
//!   [`crate::model::Deal::validate`]) and name a stage of `settings.stages`;
//! - tombstones are checked for their id only: they keep whatever they had when
//!   deleted (possibly a stage removed since), and no KPI reads them;
//! - `settings.stages` is non-empty with unique ids; when it is empty, that one
//!   problem is reported instead of an unknown stage on every live deal.
//!
//! - every collection (teams, reps, customers…) has unique ids, and its live records
//!   obey [`crate::rules`].
//!
//! Problems come in document order: settings first, then each collection in
//! [`RecordKind::ALL`] order by index, and within a deal: duplicate id, broken rules,
//! unknown stage.

use std::collections::BTreeMap;

use crate::metrics::hash::FastMap;
use std::fmt;

use crate::deal_input::{validate_deal, FieldError};
use crate::model::{
    Activity, CommissionPlan, Contest, Customer, Dataset, Expense, Feedback, Goal, Lead, Order,
    RecordId, RecordKind, Rep, Stored, Team,
};
use crate::rules::{RecordError, Rules};

/// One thing wrong with a dataset, with its location. [`fmt::Display`] names the
/// location as in the saved JSON, e.g. `data.deals[3] (id "…"): amount: negative`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataProblem {
    /// `settings.stages` is empty: deals would have no stage to be in.
    NoStages,
    /// Stage `index` reuses the id of the earlier stage `first`.
    DuplicateStageId {
        index: usize,
        id: String,
        first: usize,
    },
    /// Record `index` of a collection (live or tombstoned) reuses the id of the
    /// earlier record `first` of the same collection.
    DuplicateId {
        kind: RecordKind,
        index: usize,
        id: RecordId,
        first: usize,
    },
    /// Live record `index` of a collection other than deals breaks its rules
    /// ([`crate::rules`]); every broken rule, in field order.
    InvalidRecord {
        kind: RecordKind,
        index: usize,
        id: RecordId,
        errors: Vec<RecordError>,
    },
    /// Live deal `index` breaks the deal rules; every broken rule, in form order.
    InvalidDeal {
        index: usize,
        id: RecordId,
        errors: Vec<FieldError>,
    },
    /// Live deal `index` is in a stage that `settings.stages` does not list.
    UnknownStage {
        index: usize,
        id: RecordId,
        stage: String,
    },
}

impl fmt::Display for DataProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Ids are user data: `{:?}` quotes them and escapes quotes and control
        // characters, so a message always reads as one line.
        match self {
            DataProblem::NoStages => {
                f.write_str("data.settings.stages: the list is empty; at least one stage is needed")
            }
            DataProblem::DuplicateStageId { index, id, first } => write!(
                f,
                "data.settings.stages[{index}] (id {id:?}): the id is also used by \
                 data.settings.stages[{first}]"
            ),
            DataProblem::DuplicateId {
                kind,
                index,
                id,
                first,
            } => {
                let kind = kind.id();
                write!(
                    f,
                    "data.{kind}[{index}] (id {id:?}): the id is also used by data.{kind}[{first}]"
                )
            }
            DataProblem::InvalidDeal { index, id, errors } => {
                write!(
                    f,
                    "data.deals[{index}] (id {id:?}): breaks the deal rules: "
                )?;
                write_list(f, errors)
            }
            DataProblem::InvalidRecord {
                kind,
                index,
                id,
                errors,
            } => {
                write!(
                    f,
                    "data.{}[{index}] (id {id:?}): breaks the rules: ",
                    kind.id()
                )?;
                write_list(f, errors)
            }
            DataProblem::UnknownStage { index, id, stage } => write!(
                f,
                "data.deals[{index}] (id {id:?}): stage {stage:?} is not in data.settings.stages"
            ),
        }
    }
}

impl std::error::Error for DataProblem {}

fn write_list<T: fmt::Display>(f: &mut fmt::Formatter<'_>, items: &[T]) -> fmt::Result {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{item}")?;
    }
    Ok(())
}

/// Duplicate ids within one collection, and the rules of its live records.
fn collection_problems<T: Stored + Rules>(data: &Dataset, problems: &mut Vec<DataProblem>) {
    // A hash map: this runs on every save and load over every record (a BTreeMap of
    // 80k ids cost ~50 ms at 10k deals); the deterministic hasher draws no seed.
    let mut ids: FastMap<&str, usize> = FastMap::default();
    ids.reserve(T::all(data).len());
    for (index, record) in T::all(data).iter().enumerate() {
        if let Some(&first) = ids.get(record.id()) {
            problems.push(DataProblem::DuplicateId {
                kind: T::KIND,
                index,
                id: record.id().to_owned(),
                first,
            });
        } else {
            ids.insert(record.id(), index);
        }
        if !record.live() {
            continue;
        }
        let errors = record.rule_errors();
        if !errors.is_empty() {
            problems.push(DataProblem::InvalidRecord {
                kind: T::KIND,
                index,
                id: record.id().to_owned(),
                errors,
            });
        }
    }
}

/// A part of the check, in document order: the settings, then one collection.
#[derive(Clone, Copy)]
enum Part {
    Settings,
    Collection(RecordKind),
}

/// What checks a part, and the stamps that tell whether it changed.
type Checker = fn(&Dataset, &mut Vec<DataProblem>);

/// The parts a dataset passed at their stamps, so that the check before every save
/// ([`Dataset::first_problem`]) reads only what changed since: at 10k deals the whole
/// check reads ~80k records (~20 ms in the browser), an edit changes one collection.
#[derive(Debug, Default)]
pub struct CheckCache {
    /// (settings stamp, collection stamp) each part was sound at, by part position.
    sound: Vec<Option<(u64, u64)>>,
}

impl Dataset {
    /// Everything wrong with this dataset, in document order (see module docs); empty
    /// when it is sound. Loading refuses a dataset with any problem.
    pub fn problems(&self) -> Vec<DataProblem> {
        let mut problems = Vec::new();
        for part in parts() {
            (self.part(part).1)(self, &mut problems);
        }
        problems
    }

    /// The first of [`Dataset::problems`], reading only the parts that changed since
    /// `cache` saw them sound (see [`CheckCache`]).
    pub fn first_problem(&self, cache: &mut CheckCache) -> Option<DataProblem> {
        for (at, part) in parts().enumerate() {
            let (stamps, check) = self.part(part);
            if cache.sound.get(at).copied().flatten() == Some(stamps) {
                continue;
            }
            let mut found = Vec::new();
            check(self, &mut found);
            if let Some(problem) = found.into_iter().next() {
                return Some(problem);
            }
            if cache.sound.len() <= at {
                cache.sound.resize(at + 1, None);
            }
            cache.sound[at] = Some(stamps);
        }
        None
    }

    /// The stamps a part is read from (the settings too for deals, whose stages must
    /// exist) and its check.
    fn part(&self, part: Part) -> ((u64, u64), Checker) {
        macro_rules! collection {
            ($type:ty) => {
                (
                    (0, <$type as Stored>::stamp(self)),
                    collection_problems::<$type>,
                )
            };
        }
        let settings = self.settings.stamp();
        match part {
            Part::Settings => ((settings, 0), settings_problems),
            Part::Collection(kind) => match kind {
                RecordKind::Deal => ((settings, self.deals.stamp()), deal_problems),
                RecordKind::Team => collection!(Team),
                RecordKind::Rep => collection!(Rep),
                RecordKind::Customer => collection!(Customer),
                RecordKind::Lead => collection!(Lead),
                RecordKind::Order => collection!(Order),
                RecordKind::Activity => collection!(Activity),
                RecordKind::Expense => collection!(Expense),
                RecordKind::Feedback => collection!(Feedback),
                RecordKind::Goal => collection!(Goal),
                RecordKind::CommissionPlan => collection!(CommissionPlan),
                RecordKind::Contest => collection!(Contest),
            },
        }
    }
}

/// The parts in document order: the settings, then the collections in
/// [`RecordKind::ALL`] order.
fn parts() -> impl Iterator<Item = Part> {
    std::iter::once(Part::Settings).chain(RecordKind::ALL.iter().map(|&k| Part::Collection(k)))
}

/// The stage ids of the pipeline with their first position.
fn stage_ids(data: &Dataset) -> BTreeMap<&str, usize> {
    // BTreeMap, not HashMap: `kpi` draws no random numbers, not even hash seeds.
    let mut ids: BTreeMap<&str, usize> = BTreeMap::new();
    for (index, stage) in data.settings.stages.iter().enumerate() {
        ids.entry(&stage.id).or_insert(index);
    }
    ids
}

/// An empty pipeline, duplicate stage ids.
fn settings_problems(data: &Dataset, problems: &mut Vec<DataProblem>) {
    let stages = &data.settings.stages;
    if stages.is_empty() {
        problems.push(DataProblem::NoStages);
    }
    let first_of = stage_ids(data);
    for (index, stage) in stages.iter().enumerate() {
        let first = first_of[stage.id.as_str()];
        if first != index {
            problems.push(DataProblem::DuplicateStageId {
                index,
                id: stage.id.clone(),
                first,
            });
        }
    }
}

/// Duplicate deal ids, live deals breaking the deal rules or in an unknown stage.
fn deal_problems(data: &Dataset, problems: &mut Vec<DataProblem>) {
    let stages = stage_ids(data);
    let mut deal_ids: FastMap<&str, usize> = FastMap::default();
    deal_ids.reserve(data.deals.len());
    for (index, deal) in data.deals.iter().enumerate() {
        if let Some(&first) = deal_ids.get(deal.id.as_str()) {
            problems.push(DataProblem::DuplicateId {
                kind: RecordKind::Deal,
                index,
                id: deal.id.clone(),
                first,
            });
        } else {
            deal_ids.insert(&deal.id, index);
        }
        if !deal.is_live() {
            continue;
        }
        let errors = validate_deal(deal);
        if !errors.is_empty() {
            problems.push(DataProblem::InvalidDeal {
                index,
                id: deal.id.clone(),
                errors,
            });
        }
        // A blank stage is already a broken rule; no pipeline is already reported.
        let unknown = !deal.stage.trim().is_empty()
            && !stages.is_empty()
            && !stages.contains_key(deal.stage.as_str());
        if unknown {
            problems.push(DataProblem::UnknownStage {
                index,
                id: deal.id.clone(),
                stage: deal.stage.clone(),
            });
        }
    }
}
