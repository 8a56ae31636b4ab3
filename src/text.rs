//! Translated names for the domain's enums and the app's notices. Keeping the mapping
//! here means views never spell a user-visible string themselves.

use crate::state::NoticeId;
use chrono::{Datelike, NaiveDate};
use i18n::fill;
use kpi::deal_input::Problem;
use kpi::{DealKind, DealStatus, KpiId, Period, PeriodPreset};

pub use crate::lang::I18n;

/// The text of a notice (`notice_<id>` in the translations); `{{ key }}` names where
/// data was set aside.
pub fn notice(i18n: I18n, id: NoticeId, key: Option<&str>) -> String {
    let template = keyed(i18n, "notice_", id.id()).unwrap_or_default();
    fill(&template, &[("key", key.unwrap_or(""))])
}

pub fn problem(i18n: I18n, problem: Problem) -> String {
    match problem {
        Problem::Required => i18n.texts().error_required,
        Problem::NotANumber => i18n.texts().error_not_a_number,
        Problem::Negative => i18n.texts().error_negative,
        Problem::TooManyDecimals => i18n.texts().error_too_many_decimals,
        Problem::TooLarge => i18n.texts().error_too_large,
        Problem::NotADate => i18n.texts().error_not_a_date,
        Problem::CloseBeforeCreated => i18n.texts().error_close_before_created,
        Problem::ExpectedBeforeCreated => i18n.texts().error_expected_before_created,
        Problem::OutOfRange => i18n.texts().error_out_of_range,
        Problem::DateOrder => i18n.texts().error_date_order,
        Problem::Conflict => i18n.texts().error_conflict,
        Problem::ImplausibleDate => i18n.texts().error_implausible_date,
    }
    .to_string()
}

pub fn status(i18n: I18n, status: DealStatus) -> String {
    match status {
        DealStatus::Open => i18n.texts().status_open,
        DealStatus::Won => i18n.texts().status_won,
        DealStatus::Lost => i18n.texts().status_lost,
    }
    .to_string()
}

pub fn kind(i18n: I18n, kind: DealKind) -> String {
    match kind {
        DealKind::New => i18n.texts().kind_new,
        DealKind::Upsell => i18n.texts().kind_upsell,
        DealKind::CrossSell => i18n.texts().kind_cross_sell,
        DealKind::Renewal => i18n.texts().kind_renewal,
    }
    .to_string()
}

/// The default stages have translated names; a stage the user named keeps its name.
pub fn stage(i18n: I18n, id: &str, own_name: &str) -> String {
    match id {
        "prospecting" => i18n.texts().stage_prospecting.to_string(),
        "qualified" => i18n.texts().stage_qualified.to_string(),
        "demo" => i18n.texts().stage_demo.to_string(),
        "proposal" => i18n.texts().stage_proposal.to_string(),
        "negotiation" => i18n.texts().stage_negotiation.to_string(),
        _ => own_name.to_string(),
    }
}

pub fn period_preset(i18n: I18n, preset: PeriodPreset) -> String {
    label(i18n, "period_", preset.id())
}

/// A KPI's name: the translation if there is one, else the catalogue's English.
pub fn kpi_name(i18n: I18n, id: KpiId) -> String {
    keyed(i18n, "kpi_", id.id()).unwrap_or_else(|| id.def().name.to_string())
}

/// How a KPI is calculated: the translation if there is one, else the catalogue's
/// English formula.
pub fn kpi_formula(i18n: I18n, id: KpiId) -> String {
    keyed(i18n, "formula_", id.id()).unwrap_or_else(|| id.def().formula.to_string())
}

/// The text of `<prefix><id>`, if translated.
fn keyed(i18n: I18n, prefix: &str, id: &str) -> Option<String> {
    i18n.texts()
        .get(&format!("{prefix}{id}"))
        .map(str::to_string)
}

/// A label for a field or choice id: `<prefix><id>` if translated, else the id in
/// words ("cross_sell" → "Cross sell").
pub fn label(i18n: I18n, prefix: &str, id: &str) -> String {
    keyed(i18n, prefix, id).unwrap_or_else(|| {
        let words = id.trim_end_matches("_id").replace('_', " ");
        let mut chars = words.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
            .unwrap_or_default()
    })
}

/// The short month names of the current language, January first.
fn short_months(i18n: I18n) -> [&'static str; 12] {
    let t = i18n.texts();
    [
        t.month_short_1,
        t.month_short_2,
        t.month_short_3,
        t.month_short_4,
        t.month_short_5,
        t.month_short_6,
        t.month_short_7,
        t.month_short_8,
        t.month_short_9,
        t.month_short_10,
        t.month_short_11,
        t.month_short_12,
    ]
}

/// "Nov" for the month of `date`.
pub fn month_short(i18n: I18n, date: NaiveDate) -> String {
    short_months(i18n)[date.month0() as usize].to_string()
}

/// "November 2026" ("2026. november" in Hungarian) for the month of `date`.
pub fn month_long(i18n: I18n, date: NaiveDate) -> String {
    let t = i18n.texts();
    let long = [
        t.month_long_1,
        t.month_long_2,
        t.month_long_3,
        t.month_long_4,
        t.month_long_5,
        t.month_long_6,
        t.month_long_7,
        t.month_long_8,
        t.month_long_9,
        t.month_long_10,
        t.month_long_11,
        t.month_long_12,
    ];
    kpi::format_month_year(
        date.year(),
        long[date.month0() as usize],
        i18n.number_locale(),
    )
}

/// A date as the user's language writes it: "15 Nov 2026", "15.11.2026", …
pub fn date(i18n: I18n, day: NaiveDate) -> String {
    kpi::format_date(day, i18n.number_locale(), &short_months(i18n))
}

/// A stored `yyyy-mm-dd` date as [`date`] writes it; other text is shown as it is.
pub fn date_text(i18n: I18n, text: &str) -> String {
    text.parse::<NaiveDate>()
        .map_or_else(|_| text.to_string(), |day| date(i18n, day))
}

/// The period's first and last day, e.g. "1 Nov 2026 – 30 Nov 2026".
pub fn period_range(i18n: I18n, period: &Period) -> String {
    fill(
        i18n.texts().period_range,
        &[
            ("start", &date(i18n, period.start)),
            ("end", &date(i18n, period.end)),
        ],
    )
}

/// "5 Nov", "05.11." for a day on a chart axis (short and unambiguous in a period).
pub fn day_short(i18n: I18n, day: NaiveDate) -> String {
    kpi::format_day_month(day, i18n.number_locale(), &short_months(i18n))
}

/// What a goal measures: the KPI's name, or "Visits" for a count of an activity kind.
pub fn measure(i18n: I18n, measure: kpi::Measure) -> String {
    match measure {
        kpi::Measure::Kpi(id) => kpi_name(i18n, id),
        kpi::Measure::Activities(kind) => label(i18n, "choice_", kind.id()),
    }
}

/// Every measure a goal or a contest can use, as select options (key, name): the
/// catalogue's KPIs, then "Activities: …" per activity kind.
pub fn measure_options(i18n: I18n) -> Vec<(String, String)> {
    let kpis = kpi::CATALOGUE.iter().map(|def| kpi::Measure::Kpi(def.id));
    let activities = kpi::ActivityKind::ALL
        .iter()
        .map(|k| kpi::Measure::Activities(*k));
    kpis.chain(activities)
        .map(|m| {
            let name = match m {
                kpi::Measure::Kpi(_) => measure(i18n, m),
                kpi::Measure::Activities(_) => fill(
                    i18n.texts().goal_measure_activities,
                    &[("kind", &measure(i18n, m))],
                ),
            };
            (measure_key(m), name)
        })
        .collect()
}

/// The value of a measure select option: "kpi:revenue", "activities:visit".
pub fn measure_key(measure: kpi::Measure) -> String {
    match measure {
        kpi::Measure::Kpi(id) => format!("kpi:{}", id.id()),
        kpi::Measure::Activities(kind) => format!("activities:{}", kind.id()),
    }
}

pub fn measure_from_key(key: &str) -> Option<kpi::Measure> {
    match key.split_once(':')? {
        ("kpi", id) => KpiId::from_id(id).map(kpi::Measure::Kpi),
        ("activities", id) => kpi::ActivityKind::from_id(id).map(kpi::Measure::Activities),
        _ => None,
    }
}

/// The value of an owner select option: "company", "team:<id>", "rep:<id>".
pub fn owner_key(owner: &kpi::Owner) -> String {
    match owner {
        kpi::Owner::Company => "company".to_string(),
        kpi::Owner::Team(id) => format!("team:{id}"),
        kpi::Owner::Rep(id) => format!("rep:{id}"),
    }
}

pub fn owner_from_key(key: &str) -> kpi::Owner {
    match key.split_once(':') {
        Some(("team", id)) => kpi::Owner::Team(id.to_string()),
        Some(("rep", id)) => kpi::Owner::Rep(id.to_string()),
        _ => kpi::Owner::Company,
    }
}

/// The owner's name: "Company", the team's or the rep's name (a gone one by its id).
pub fn owner(i18n: I18n, data: &kpi::Dataset, owner: &kpi::Owner) -> String {
    match owner {
        kpi::Owner::Company => i18n.texts().goal_owner_company.to_string(),
        kpi::Owner::Team(id) => data
            .find::<kpi::Team>(id)
            .map_or_else(|| id.clone(), |t| t.name.clone()),
        kpi::Owner::Rep(id) => data
            .find::<kpi::Rep>(id)
            .map_or_else(|| id.clone(), |r| r.name.clone()),
    }
}

/// Why a backup cannot be restored, in the user's words: not a backup, from a newer
/// version, or the record and field that are wrong when
/// [`kpi::backup_problem::explain`] can place the problem; else the decoder's message.
pub fn restore_problem(i18n: I18n, text: &str, error: &kpi::LoadError) -> String {
    use kpi::backup_problem::{explain, Place, Wrong};
    let t = i18n.texts();
    match error {
        kpi::LoadError::NotJson(_) => return t.restore_not_json.to_string(),
        kpi::LoadError::NotSalesboard => return t.restore_not_salesboard.to_string(),
        kpi::LoadError::NewerVersion { found, supported } => {
            return fill(
                t.restore_newer_version,
                &[
                    ("found", &found.to_string()),
                    ("supported", &supported.to_string()),
                ],
            )
        }
        kpi::LoadError::MigrationFailed { .. } | kpi::LoadError::Invalid(_) => {}
    }
    let Some(problem) = explain(text) else {
        return error.to_string();
    };
    let place = match &problem.place {
        Place::Settings => t.restore_place_settings.to_string(),
        Place::Record {
            kind,
            position,
            title,
        } => {
            let kind = label(i18n, "records_", kind.id());
            let position = position.to_string();
            match title {
                Some(title) => fill(
                    t.restore_place_record,
                    &[("kind", &kind), ("position", &position), ("title", title)],
                ),
                None => fill(
                    t.restore_place_record_untitled,
                    &[("kind", &kind), ("position", &position)],
                ),
            }
        }
    };
    let with_value = |template: &str, value: &str| fill(template, &[("value", value)]);
    let wrong = match &problem.wrong {
        Wrong::Missing => t.restore_wrong_missing.to_string(),
        Wrong::NotAnAmount { value } => with_value(t.restore_wrong_not_an_amount, value),
        Wrong::NotAWholeNumber { value } => with_value(t.restore_wrong_not_a_whole_number, value),
        Wrong::NotADate { value } => with_value(t.restore_wrong_not_a_date, value),
        Wrong::NotATime { value } => with_value(t.restore_wrong_not_a_time, value),
        Wrong::NotText { value } => with_value(t.restore_wrong_not_text, value),
        Wrong::UnknownChoice { value } => with_value(t.restore_wrong_unknown_choice, value),
        Wrong::Unreadable { value } => with_value(t.restore_wrong_unreadable, value),
        Wrong::Rule(rule) => self::problem(i18n, *rule),
        Wrong::DuplicateId { first } => fill(
            t.restore_wrong_duplicate_id,
            &[("first", &first.to_string())],
        ),
        Wrong::UnknownStage { value } => with_value(t.restore_wrong_unknown_stage, value),
        Wrong::DuplicateStage { value } => with_value(t.restore_wrong_duplicate_stage, value),
        Wrong::NoStages => t.restore_wrong_no_stages.to_string(),
    };
    let sentence = match &problem.field {
        Some(field) => {
            let field = keyed(i18n, "field_", field)
                .or_else(|| keyed(i18n, "import_field_", field))
                .unwrap_or_else(|| label(i18n, "field_", field));
            fill(
                t.restore_problem_field,
                &[("place", &place), ("field", &field), ("wrong", &wrong)],
            )
        }
        None => format!("{place}: {wrong}"),
    };
    match problem.more {
        0 => sentence,
        more => fill(
            t.restore_problem_more,
            &[("problem", &sentence), ("count", &more.to_string())],
        ),
    }
}
