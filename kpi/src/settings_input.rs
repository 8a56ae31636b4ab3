//! The sales settings form: who "me" is, the monthly sales target, and the pipeline's
//! stages with their default win probabilities — text as typed → validated
//! [`Settings`], every problem named by field.
//!
//! Rules: "me" is blank or a rep of the dataset; the target is blank or an amount
//! ([`Money::parse`] in the user's locale, ≥ 0, ≤ [`Money::MAX_AMOUNT`]); every stage
//! has a name and a whole probability 0–100; at least one stage. Existing stages keep
//! their ids (deals point at them); a new stage gets the id passed in.

use serde::{Deserialize, Serialize};

use crate::deal_input::Problem;
use crate::model::{Dataset, RecordId, Rep, Settings, Stage};
use crate::money::{Money, NumberLocale};

/// One stage row as typed; `id` is empty for a stage added on the form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageInput {
    pub id: String,
    pub name: String,
    pub probability: String,
}

/// The form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SalesSettingsInput {
    /// A rep id, or empty for nobody.
    pub me: String,
    pub monthly_target: String,
    pub stages: Vec<StageInput>,
}

/// A problem on one field: `me`, `monthly_target`, `stages`, or `stage-<i>-name` /
/// `stage-<i>-probability` for row `i`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingsError {
    pub field: String,
    pub problem: Problem,
}

impl SalesSettingsInput {
    /// The form filled from the dataset's settings.
    pub fn from_data(data: &Dataset, locale: NumberLocale) -> SalesSettingsInput {
        let settings = &data.settings;
        SalesSettingsInput {
            // A "me" whose rep was deleted since reads as nobody.
            me: settings
                .me
                .clone()
                .filter(|id| data.find::<Rep>(id).is_some())
                .unwrap_or_default(),
            monthly_target: settings
                .monthly_target
                .map(|m| m.format_plain(settings.currency, locale))
                .unwrap_or_default(),
            stages: settings
                .stages
                .iter()
                .map(|s| StageInput {
                    id: s.id.clone(),
                    name: s.name.clone(),
                    probability: s.probability.to_string(),
                })
                .collect(),
        }
    }

    /// The settings this form makes from `data`'s, or every problem. `new_id` names
    /// stages added on the form. `updated_at` is left to the caller.
    pub fn apply(
        &self,
        data: &Dataset,
        locale: NumberLocale,
        mut new_id: impl FnMut() -> RecordId,
    ) -> Result<Settings, Vec<SettingsError>> {
        let mut errors = Vec::new();
        let mut fail = |field: String, problem| errors.push(SettingsError { field, problem });
        let me = Some(self.me.trim().to_owned()).filter(|m| !m.is_empty());
        if me
            .as_deref()
            .is_some_and(|id| data.find::<Rep>(id).is_none())
        {
            fail("me".into(), Problem::Required);
        }
        let currency = data.settings.currency;
        let monthly_target = match self.monthly_target.trim() {
            "" => None,
            text => match Money::parse(text, currency, locale) {
                Ok(amount) => Some(amount),
                Err(e) => {
                    fail("monthly_target".into(), e.into());
                    None
                }
            },
        };
        if self.stages.is_empty() {
            fail("stages".into(), Problem::Required);
        }
        let mut stages = Vec::with_capacity(self.stages.len());
        for (i, row) in self.stages.iter().enumerate() {
            if row.name.trim().is_empty() {
                fail(format!("stage-{i}-name"), Problem::Required);
            }
            let probability = match row.probability.trim().parse::<u32>() {
                Ok(p) if p <= 100 => p as u8,
                Ok(_) => {
                    fail(format!("stage-{i}-probability"), Problem::OutOfRange);
                    0
                }
                Err(_) => {
                    let problem = if row.probability.trim().is_empty() {
                        Problem::Required
                    } else {
                        Problem::NotANumber
                    };
                    fail(format!("stage-{i}-probability"), problem);
                    0
                }
            };
            let id = if row.id.is_empty() {
                new_id()
            } else {
                row.id.clone()
            };
            stages.push(Stage {
                id,
                name: row.name.trim().to_owned(),
                probability,
            });
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Settings {
            me,
            monthly_target,
            stages,
            ..Settings::clone(&data.settings)
        })
    }
}
