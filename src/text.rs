//! Translated names for the domain's enums and the app's notices. Keeping the mapping
//! here means views never spell a user-visible string themselves.

use crate::i18n::*;
use crate::state::NoticeId;
use kpi::deal_input::Problem;
use chrono::{Datelike, NaiveDate};
use kpi::{DealKind, DealStatus, KpiId, Period, PeriodPreset};

pub type I18n = leptos_i18n::I18nContext<Locale>;

pub fn notice(i18n: I18n, id: NoticeId, key: Option<&str>) -> String {
    match id {
        NoticeId::Quarantined => t_string!(i18n, notice_quarantined, key = key.unwrap_or("")).to_string(),
        NoticeId::QuarantineFailed => t_string!(i18n, notice_quarantine_failed).to_string(),
        NoticeId::NewerVersion => t_string!(i18n, notice_newer_version).to_string(),
        NoticeId::SaveFailed => t_string!(i18n, notice_save_failed).to_string(),
        NoticeId::StorageUnavailable => t_string!(i18n, notice_storage_unavailable).to_string(),
        NoticeId::Restored => t_string!(i18n, notice_restored).to_string(),
        NoticeId::RestoreFailed => t_string!(i18n, notice_restore_failed).to_string(),
        NoticeId::DemoLoaded => t_string!(i18n, notice_demo_loaded).to_string(),
        NoticeId::Erased => t_string!(i18n, notice_erased).to_string(),
    }
}

pub fn problem(i18n: I18n, problem: Problem) -> String {
    match problem {
        Problem::Required => t_string!(i18n, error_required),
        Problem::NotANumber => t_string!(i18n, error_not_a_number),
        Problem::Negative => t_string!(i18n, error_negative),
        Problem::TooManyDecimals => t_string!(i18n, error_too_many_decimals),
        Problem::TooLarge => t_string!(i18n, error_too_large),
        Problem::NotADate => t_string!(i18n, error_not_a_date),
        Problem::CloseBeforeCreated => t_string!(i18n, error_close_before_created),
        Problem::ExpectedBeforeCreated => t_string!(i18n, error_expected_before_created),
    }
    .to_string()
}

pub fn status(i18n: I18n, status: DealStatus) -> String {
    match status {
        DealStatus::Open => t_string!(i18n, status_open),
        DealStatus::Won => t_string!(i18n, status_won),
        DealStatus::Lost => t_string!(i18n, status_lost),
    }
    .to_string()
}

pub fn kind(i18n: I18n, kind: DealKind) -> String {
    match kind {
        DealKind::New => t_string!(i18n, kind_new),
        DealKind::Upsell => t_string!(i18n, kind_upsell),
        DealKind::CrossSell => t_string!(i18n, kind_cross_sell),
        DealKind::Renewal => t_string!(i18n, kind_renewal),
    }
    .to_string()
}

/// The default stages have translated names; a stage the user named keeps its name.
pub fn stage(i18n: I18n, id: &str, own_name: &str) -> String {
    match id {
        "prospecting" => t_string!(i18n, stage_prospecting).to_string(),
        "qualified" => t_string!(i18n, stage_qualified).to_string(),
        "demo" => t_string!(i18n, stage_demo).to_string(),
        "proposal" => t_string!(i18n, stage_proposal).to_string(),
        "negotiation" => t_string!(i18n, stage_negotiation).to_string(),
        _ => own_name.to_string(),
    }
}

pub fn period_preset(i18n: I18n, preset: PeriodPreset) -> String {
    match preset {
        PeriodPreset::ThisMonth => t_string!(i18n, period_this_month),
        PeriodPreset::LastMonth => t_string!(i18n, period_last_month),
        PeriodPreset::ThisQuarter => t_string!(i18n, period_this_quarter),
        PeriodPreset::LastQuarter => t_string!(i18n, period_last_quarter),
        PeriodPreset::ThisYear => t_string!(i18n, period_this_year),
        PeriodPreset::LastYear => t_string!(i18n, period_last_year),
    }
    .to_string()
}

pub fn kpi_name(i18n: I18n, id: KpiId) -> String {
    match id {
        KpiId::RevenueWon => t_string!(i18n, kpi_revenue_won),
        KpiId::DealsWon => t_string!(i18n, kpi_deals_won),
        KpiId::DealsLost => t_string!(i18n, kpi_deals_lost),
        KpiId::WinRate => t_string!(i18n, kpi_win_rate),
        KpiId::AvgDealSize => t_string!(i18n, kpi_avg_deal_size),
        KpiId::AvgSalesCycle => t_string!(i18n, kpi_avg_sales_cycle),
    }
    .to_string()
}

pub fn kpi_formula(i18n: I18n, id: KpiId) -> String {
    match id {
        KpiId::RevenueWon => t_string!(i18n, formula_revenue_won),
        KpiId::DealsWon => t_string!(i18n, formula_deals_won),
        KpiId::DealsLost => t_string!(i18n, formula_deals_lost),
        KpiId::WinRate => t_string!(i18n, formula_win_rate),
        KpiId::AvgDealSize => t_string!(i18n, formula_avg_deal_size),
        KpiId::AvgSalesCycle => t_string!(i18n, formula_avg_sales_cycle),
    }
    .to_string()
}

/// "Nov" for the month of `date`.
pub fn month_short(i18n: I18n, date: NaiveDate) -> String {
    month_name(i18n, date.month(), true)
}

/// "November 2026" for the month of `date`.
pub fn month_long(i18n: I18n, date: NaiveDate) -> String {
    format!("{} {}", month_name(i18n, date.month(), false), date.year())
}

fn month_name(i18n: I18n, month: u32, short: bool) -> String {
    let (s, l) = match month {
        1 => (t_string!(i18n, month_short_1), t_string!(i18n, month_long_1)),
        2 => (t_string!(i18n, month_short_2), t_string!(i18n, month_long_2)),
        3 => (t_string!(i18n, month_short_3), t_string!(i18n, month_long_3)),
        4 => (t_string!(i18n, month_short_4), t_string!(i18n, month_long_4)),
        5 => (t_string!(i18n, month_short_5), t_string!(i18n, month_long_5)),
        6 => (t_string!(i18n, month_short_6), t_string!(i18n, month_long_6)),
        7 => (t_string!(i18n, month_short_7), t_string!(i18n, month_long_7)),
        8 => (t_string!(i18n, month_short_8), t_string!(i18n, month_long_8)),
        9 => (t_string!(i18n, month_short_9), t_string!(i18n, month_long_9)),
        10 => (t_string!(i18n, month_short_10), t_string!(i18n, month_long_10)),
        11 => (t_string!(i18n, month_short_11), t_string!(i18n, month_long_11)),
        _ => (t_string!(i18n, month_short_12), t_string!(i18n, month_long_12)),
    };
    if short { s } else { l }.to_string()
}

/// The period's first and last day, e.g. "2026-11-01 – 2026-11-30".
pub fn period_range(i18n: I18n, period: &Period) -> String {
    t_string!(i18n, period_range, start = period.start.to_string(), end = period.end.to_string()).to_string()
}
