//! Every text the app builds from a domain value's id (`kpi_<id>`, `formula_<id>`,
//! `field_<id>`, `choice_<id>`…) has a key. The app would otherwise fall back to
//! English words made from the id, unnoticed by the build's completeness check.
//! Keys present in English are present in every language (the build checks that).

use i18n::Locale;
use kpi::diagnosis::{Driver, NextStep};
use kpi::forms::{fields, FieldKind};
use kpi::goals::TargetKind;
use kpi::{
    ActivityKind, DealKind, DealStatus, GoalStatus, KpiGroup, KpiId, PeriodPreset, RecordKind,
    Recurrence, Source,
};

/// Every `(prefix, id)` pair a view turns into a key.
fn domain_keys() -> Vec<String> {
    let mut keys = Vec::new();
    let mut add = |prefix: &str, ids: &mut dyn Iterator<Item = &str>| {
        keys.extend(ids.map(|id| format!("{prefix}{id}")));
    };
    add("kpi_", &mut KpiId::ALL.iter().map(|k| k.id()));
    add("formula_", &mut KpiId::ALL.iter().map(|k| k.id()));
    add("group_", &mut KpiGroup::ALL.iter().map(|g| g.id()));
    add("period_", &mut PeriodPreset::ALL.iter().map(|p| p.id()));
    add("status_", &mut DealStatus::ALL.iter().map(|s| s.id()));
    add("kind_", &mut DealKind::ALL.iter().map(|k| k.id()));
    add("driver_", &mut Driver::ALL.iter().map(|d| d.id()));
    add("next_step_", &mut NextStep::ALL.iter().map(|s| s.id()));
    add("goal_status_", &mut GoalStatus::ALL.iter().map(|s| s.id()));
    add(
        "goal_target_kind_",
        &mut TargetKind::ALL.iter().map(|k| k.id()),
    );
    add(
        "goal_recurrence_",
        &mut Recurrence::ALL.iter().map(|r| r.id()),
    );
    add("choice_", &mut ActivityKind::ALL.iter().map(|k| k.id()));
    add("choice_", &mut Source::ALL.iter().map(|s| s.id()));
    for kind in RecordKind::ALL {
        add("records_", &mut std::iter::once(kind.id()));
        for spec in fields(*kind) {
            add("field_", &mut std::iter::once(spec.id));
            if let FieldKind::Choice(ids) = spec.kind {
                add("choice_", &mut ids.iter().copied());
            }
        }
    }
    keys.sort();
    keys.dedup();
    keys
}

#[test]
fn every_domain_value_has_a_text_in_every_language() {
    let missing: Vec<String> = domain_keys()
        .into_iter()
        .filter(|key| Locale::En.texts().get(key).is_none())
        .collect();
    assert!(
        missing.is_empty(),
        "keys missing from locales/en.json: {missing:#?}"
    );
    for locale in Locale::ALL {
        for key in domain_keys() {
            let text = locale.texts().get(&key).unwrap_or_default();
            assert!(
                !text.trim().is_empty(),
                "{}: \"{key}\" is empty",
                locale.tag()
            );
        }
    }
}
