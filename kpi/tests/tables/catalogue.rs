use kpi::{Better, Currency, KpiGroup, KpiId, KpiValue, Money, Unit, CATALOGUE};

#[test]
fn catalogue_covers_every_kpi_in_order() {
    let ids: Vec<KpiId> = CATALOGUE.iter().map(|d| d.id).collect();
    assert_eq!(ids, KpiId::ALL);
    for id in KpiId::ALL {
        assert_eq!(id.def().id, *id);
        assert_eq!(KpiId::from_id(id.id()), Some(*id));
        assert_eq!(
            serde_json::to_string(id).unwrap(),
            format!("\"{}\"", id.id())
        );
        assert!(!id.def().name.is_empty() && !id.def().formula.is_empty());
    }
    let rows = [
        (
            KpiId::Revenue,
            "revenue",
            KpiGroup::Revenue,
            Unit::Money,
            Better::Higher,
        ),
        (
            KpiId::DealsLost,
            "deals_lost",
            KpiGroup::Revenue,
            Unit::Count,
            Better::Lower,
        ),
        (
            KpiId::WinRate,
            "win_rate",
            KpiGroup::Revenue,
            Unit::Ratio,
            Better::Higher,
        ),
        (
            KpiId::AvgSalesCycle,
            "avg_sales_cycle",
            KpiGroup::Revenue,
            Unit::Days,
            Better::Lower,
        ),
        (
            KpiId::WeightedPipeline,
            "weighted_pipeline",
            KpiGroup::Pipeline,
            Unit::Money,
            Better::Higher,
        ),
        (
            KpiId::Cac,
            "cac",
            KpiGroup::Customers,
            Unit::Money,
            Better::Lower,
        ),
        (
            KpiId::ChurnRate,
            "churn_rate",
            KpiGroup::Customers,
            Unit::Ratio,
            Better::Lower,
        ),
        (
            KpiId::ProspectingHours,
            "prospecting_hours",
            KpiGroup::Activity,
            Unit::Hours,
            Better::Higher,
        ),
        (
            KpiId::Nps,
            "nps",
            KpiGroup::Quality,
            Unit::Score,
            Better::Higher,
        ),
        (
            KpiId::TurnoverRate,
            "turnover_rate",
            KpiGroup::Team,
            Unit::Ratio,
            Better::Lower,
        ),
    ];
    for (id, text, group, unit, better) in rows {
        let def = id.def();
        assert_eq!(
            (id.id(), def.group, def.unit, def.better),
            (text, group, unit, better)
        );
    }
    // Every group has at least one KPI, and a group's KPIs are listed together.
    for group in KpiGroup::ALL {
        let positions: Vec<usize> = (0..CATALOGUE.len())
            .filter(|&i| CATALOGUE[i].group == *group)
            .collect();
        assert!(!positions.is_empty(), "{group:?}");
        assert_eq!(
            positions.last().unwrap() - positions[0] + 1,
            positions.len(),
            "{group:?}"
        );
    }
}

#[test]
fn data_values() {
    #[rustfmt::skip]
    let rows = [
        ("money in major units", KpiValue::Money(Money(123_450)), Some(1_234.5)),
        ("count", KpiValue::Count(3), Some(3.0)),
        ("ratio as a fraction", KpiValue::Ratio(0.75), Some(0.75)),
        ("days", KpiValue::Days(12.5), Some(12.5)),
        ("plain number", KpiValue::Number(-20.0), Some(-20.0)),
        ("no data", KpiValue::NoData, None),
        ("optional ratio, none", KpiValue::ratio(None), None),
        ("optional money, some", KpiValue::money(Some(Money(5))), Some(0.05)),
    ];
    for (case, value, data_value) in rows {
        assert_eq!(value.data_value(Currency::Eur), data_value, "{case}");
        assert_eq!(value.is_no_data(), data_value.is_none(), "{case}");
    }
}
