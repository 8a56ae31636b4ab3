use kpi::{Better, Currency, DealMetrics, KpiId, KpiValue, Money, Unit, CATALOGUE};

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
            KpiId::RevenueWon,
            "revenue_won",
            Unit::Money,
            Better::Higher,
        ),
        (KpiId::DealsWon, "deals_won", Unit::Count, Better::Higher),
        (KpiId::DealsLost, "deals_lost", Unit::Count, Better::Lower),
        (KpiId::WinRate, "win_rate", Unit::Ratio, Better::Higher),
        (
            KpiId::AvgDealSize,
            "avg_deal_size",
            Unit::Money,
            Better::Higher,
        ),
        (
            KpiId::AvgSalesCycle,
            "avg_sales_cycle",
            Unit::Days,
            Better::Lower,
        ),
    ];
    for (id, text, unit, better) in rows {
        assert_eq!(
            (id.id(), id.def().unit, id.def().better),
            (text, unit, better)
        );
    }
}

#[test]
fn values_and_data_values() {
    let full = DealMetrics {
        revenue_won: Money(123_450),
        deals_won: 3,
        deals_lost: 1,
        win_rate: Some(0.75),
        avg_deal_size: Some(Money(41_150)),
        avg_sales_cycle_days: Some(12.5),
    };
    let empty = DealMetrics::default();
    #[rustfmt::skip]
    let rows = [
        ("revenue in major units", full.value(KpiId::RevenueWon), KpiValue::Money(Money(123_450)), Some(1_234.5)),
        ("won count", full.value(KpiId::DealsWon), KpiValue::Count(3), Some(3.0)),
        ("lost count", full.value(KpiId::DealsLost), KpiValue::Count(1), Some(1.0)),
        ("win rate as a fraction", full.value(KpiId::WinRate), KpiValue::Ratio(0.75), Some(0.75)),
        ("average deal size", full.value(KpiId::AvgDealSize), KpiValue::Money(Money(41_150)), Some(411.5)),
        ("sales cycle in days", full.value(KpiId::AvgSalesCycle), KpiValue::Days(12.5), Some(12.5)),
        ("empty period: revenue is zero", empty.value(KpiId::RevenueWon), KpiValue::Money(Money::ZERO), Some(0.0)),
        ("empty period: win rate has no data", empty.value(KpiId::WinRate), KpiValue::NoData, None),
        ("empty period: deal size has no data", empty.value(KpiId::AvgDealSize), KpiValue::NoData, None),
        ("empty period: cycle has no data", empty.value(KpiId::AvgSalesCycle), KpiValue::NoData, None),
    ];
    for (case, got, expected, data_value) in rows {
        assert_eq!(got, expected, "{case}");
        assert_eq!(got.data_value(Currency::Eur), data_value, "{case}");
        assert_eq!(got.is_no_data(), data_value.is_none(), "{case}");
    }
}
