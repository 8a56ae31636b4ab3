//! Cell text → values, as CRMs and spreadsheets write them.
//!
//! Dates ([`parse_date`]): ISO `2026-03-05`, with a time after a space or `T`
//! (`2026-03-05 17:00`, `2026-03-05T17:00:00Z` — the time and any zone are ignored:
//! the day is the one written); `05.03.2026` and `05-03-2026` (day first);
//! `2026.03.05` and `2026/03/05` (year first); `3/5/2026` — month first (US) or day
//! first (UK/EU), decided for the whole column by [`ColumnEvidence`]. Two-digit years
//! are 2000–2099 (`3/5/26`). A time after the date, with or without AM/PM, is ignored.
//!
//! Amounts ([`parse_amount`]): [`Money::parse`] with the column's decimal separator
//! decided by [`ColumnEvidence`] (`1,234.50` and `1.234,50` both read 1234.50 anyway;
//! the column decides lone separators: `1,234` is 1234 in a dot-decimal column and
//! 1.234 — too many decimals — in a comma-decimal one). Any currency's symbol or code
//! may stand before or after the number; a currency other than the dataset's is an
//! error (Salesboard keeps one currency and converts nothing). A blank cell is unset.

use chrono::NaiveDate;

use super::report::ImportProblem;
use crate::model::{ActivityKind, DealKind, DealStatus, OrderKind, Source};
use crate::money::{Currency, Money, NumberLocale};

/// Which part a date written `a/b/yyyy` starts with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SlashOrder {
    /// `3/5/2026` is March 5 (US).
    MonthFirst,
    /// `3/5/2026` is 3 May (UK, most of Europe).
    DayFirst,
}

impl SlashOrder {
    /// Stable id, for remembering the user's answer: "day_first" or "month_first".
    pub fn id(self) -> &'static str {
        match self {
            SlashOrder::MonthFirst => "month_first",
            SlashOrder::DayFirst => "day_first",
        }
    }

    /// The order of an [`SlashOrder::id`].
    pub fn from_id(id: &str) -> Option<SlashOrder> {
        [SlashOrder::DayFirst, SlashOrder::MonthFirst]
            .into_iter()
            .find(|o| o.id() == id)
    }
}

/// The separator that marks decimals in a column's amounts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DecimalMark {
    /// `1,234.50`
    Dot,
    /// `1.234,50`
    Comma,
}

impl DecimalMark {
    /// The number locale whose decimal separator this is, for [`Money::parse`].
    pub fn locale(self) -> NumberLocale {
        match self {
            DecimalMark::Dot => NumberLocale::En,
            DecimalMark::Comma => NumberLocale::De,
        }
    }

    /// The user's locale's decimal mark: the fallback of an undecided column.
    pub fn of_locale(locale: NumberLocale) -> DecimalMark {
        if locale.decimal_separator() == '.' {
            DecimalMark::Dot
        } else {
            DecimalMark::Comma
        }
    }
}

/// How a column writes its dates and amounts, decided from all its cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ColumnFormat {
    pub slash_order: SlashOrder,
    pub decimal: DecimalMark,
}

impl ColumnFormat {
    /// The format of a column with no telling cell: the user's locale decides (English
    /// reads `3/5/2026` month first and `1,234` as 1234; the others day first and
    /// 1.234).
    pub fn of_locale(locale: NumberLocale) -> ColumnFormat {
        ColumnFormat {
            slash_order: if locale == NumberLocale::En {
                SlashOrder::MonthFirst
            } else {
                SlashOrder::DayFirst
            },
            decimal: DecimalMark::of_locale(locale),
        }
    }
}

/// What a column's cells tell about its format, counted over all its rows.
///
/// A slash date tells its order when one part is above 12 (`25/3/2026` is day first,
/// `3/25/2026` month first); an amount tells its decimal mark when the mark is
/// unambiguous (`1,234.50`, `12,5`, `1.234.567`). The majority of telling cells
/// decides. Cells written the other way then fail to read (`3/25/2026` in a day-first
/// column is no date) and are reported, rather than silently read wrong.
///
/// A column whose slash dates read two ways (`03/04/2026`: 3 April or March 4) and
/// whose cells settle no order (none tells, or as many tell each way) is not guessed:
/// [`ColumnEvidence::needs_slash_order`] says the user must choose, and the choice is
/// passed to [`ColumnEvidence::decide_with`]. Dates that read the same either way
/// (`4/4/2026`) need no choice. The decimal mark of a column with no telling amount is
/// the user's locale's.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ColumnEvidence {
    day_first: u32,
    month_first: u32,
    /// Slash dates that read as two different days.
    two_way: u32,
    comma: u32,
    dot: u32,
}

impl ColumnEvidence {
    /// Counts what one cell tells.
    pub fn observe(&mut self, cell: &str) {
        let cell = cell.trim();
        if cell.is_empty() {
            return;
        }
        match slash_hint(cell) {
            Some(SlashHint::Tells(SlashOrder::DayFirst)) => self.day_first += 1,
            Some(SlashHint::Tells(SlashOrder::MonthFirst)) => self.month_first += 1,
            Some(SlashHint::TwoWay) => self.two_way += 1,
            None => {}
        }
        match decimal_hint(cell) {
            Some(DecimalMark::Comma) => self.comma += 1,
            Some(DecimalMark::Dot) => self.dot += 1,
            None => {}
        }
    }

    /// The slash order the column's own cells settle: the majority of telling cells;
    /// `None` when no cell tells or as many tell each way.
    pub fn settled_slash_order(&self) -> Option<SlashOrder> {
        match self.day_first.cmp(&self.month_first) {
            std::cmp::Ordering::Greater => Some(SlashOrder::DayFirst),
            std::cmp::Ordering::Less => Some(SlashOrder::MonthFirst),
            std::cmp::Ordering::Equal => None,
        }
    }

    /// The column holds slash dates that read as two different days and its cells
    /// settle no order: only the user can say which order the file means.
    pub fn needs_slash_order(&self) -> bool {
        self.two_way > 0 && self.settled_slash_order().is_none()
    }

    /// The column's format with no choice from the user: the majority of telling
    /// cells, else the locale's (see [`ColumnEvidence::decide_with`]).
    pub fn decide(&self, locale: NumberLocale) -> ColumnFormat {
        self.decide_with(locale, None)
    }

    /// The column's format: the majority of telling cells; where they settle nothing,
    /// the user's `chosen` slash order, else the locale's order and decimal mark.
    pub fn decide_with(&self, locale: NumberLocale, chosen: Option<SlashOrder>) -> ColumnFormat {
        let fallback = ColumnFormat::of_locale(locale);
        ColumnFormat {
            slash_order: self
                .settled_slash_order()
                .or(chosen)
                .unwrap_or(fallback.slash_order),
            decimal: match self.comma.cmp(&self.dot) {
                std::cmp::Ordering::Greater => DecimalMark::Comma,
                std::cmp::Ordering::Less => DecimalMark::Dot,
                std::cmp::Ordering::Equal => fallback.decimal,
            },
        }
    }
}

/// What a slash date tells about its column's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SlashHint {
    /// A part above 12 shows the order.
    Tells(SlashOrder),
    /// Both parts could be the month and they differ: two different days.
    TwoWay,
}

/// Whether `cell` is a slash date that reads as two different days (`03/04/2026`),
/// one the user must settle the order of.
pub fn reads_two_ways(cell: &str) -> bool {
    slash_hint(cell.trim()) == Some(SlashHint::TwoWay)
}

/// What a slash date `a/b/yyyy` tells: its order by a part above 12, or that it reads
/// two ways (both parts 1–12 and different); `None` for other cells and for dates that
/// read the same either way.
fn slash_hint(cell: &str) -> Option<SlashHint> {
    let date = cell.split_whitespace().next()?;
    let parts: Vec<&str> = date.split('/').collect();
    if parts.len() != 3 || parts[0].len() > 2 {
        return None;
    }
    let first: u32 = parts[0].parse().ok()?;
    let second: u32 = parts[1].parse().ok()?;
    let year = parts[2];
    let is_year = matches!(year.len(), 2 | 4) && year.bytes().all(|b| b.is_ascii_digit());
    match (first > 12, second > 12) {
        (true, false) => Some(SlashHint::Tells(SlashOrder::DayFirst)),
        (false, true) => Some(SlashHint::Tells(SlashOrder::MonthFirst)),
        (false, false) if is_year && first != second && first > 0 && second > 0 => {
            Some(SlashHint::TwoWay)
        }
        _ => None,
    }
}

/// The decimal mark an amount shows unambiguously, if it does: the last of both marks
/// (`1,234.50`), a lone mark not followed by exactly three digits (`12,5`), or the
/// other mark of one repeated (`1.234.567`). Cells with letters other than a currency
/// (dates, names) tell nothing.
fn decimal_hint(cell: &str) -> Option<DecimalMark> {
    let number = strip_any_currency(cell).map_or(cell, |(_, rest)| rest);
    if !number
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '−') || c.is_whitespace())
    {
        return None;
    }
    let dots = number.matches('.').count();
    let commas = number.matches(',').count();
    let mark_of = |c: char| {
        if c == '.' {
            DecimalMark::Dot
        } else {
            DecimalMark::Comma
        }
    };
    match (dots, commas) {
        (0, 0) => None,
        (_, 0) | (0, _) => {
            let (mark, count) = if dots > 0 { ('.', dots) } else { (',', commas) };
            if count > 1 {
                return Some(mark_of(if mark == '.' { ',' } else { '.' }));
            }
            let after = number.rsplit(mark).next().unwrap_or("");
            let digits_after = after.chars().take_while(char::is_ascii_digit).count();
            (digits_after != 3).then(|| mark_of(mark))
        }
        _ => number
            .rfind(['.', ','])
            .and_then(|at| number[at..].chars().next())
            .map(mark_of),
    }
}

/// A currency's symbol or code at either end of `cell`: the currency and the rest.
fn strip_any_currency(cell: &str) -> Option<(Currency, &str)> {
    let text = cell.trim();
    // Longest affixes first, so "Kč" is not taken for something shorter.
    for &currency in Currency::ALL {
        for affix in [currency.code(), currency.symbol()] {
            let n = affix.len();
            if let Some(head) = text.get(..n) {
                if head.eq_ignore_ascii_case(affix) {
                    return Some((currency, text[n..].trim()));
                }
            }
            if text.len() >= n {
                if let Some(tail) = text.get(text.len() - n..) {
                    if tail.eq_ignore_ascii_case(affix) {
                        return Some((currency, text[..text.len() - n].trim()));
                    }
                }
            }
        }
    }
    None
}

/// A date cell (see the module docs); `Ok(None)` when blank.
pub fn parse_date(cell: &str, order: SlashOrder) -> Result<Option<NaiveDate>, ImportProblem> {
    let text = cell.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let split = text
        .char_indices()
        .find(|&(i, c)| c.is_whitespace() || (i >= 8 && (c == 'T' || c == 't')))
        .map_or(text.len(), |(i, _)| i);
    let (date, time) = (&text[..split], text[split..].trim_start_matches(['T', 't']));
    let time_ok = time
        .chars()
        .all(|c| c.is_ascii_digit() || c.is_whitespace() || ":.+-ZzAaPpMm".contains(c));
    if !time_ok {
        return Err(ImportProblem::NotADate);
    }
    let date = date.trim_end_matches('.');
    let separator = date
        .chars()
        .find(|c| matches!(c, '-' | '/' | '.'))
        .ok_or(ImportProblem::NotADate)?;
    let parts: Vec<&str> = date.split(separator).collect();
    let numeric = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    if parts.len() != 3 || !parts.iter().all(|p| numeric(p)) {
        return Err(ImportProblem::NotADate);
    }
    let n = |s: &str| s.parse::<u32>().unwrap_or(0);
    let (a, b, c) = (n(parts[0]), n(parts[1]), n(parts[2]));
    let (year, month, day) = if parts[0].len() == 4 {
        (a, b, c)
    } else if parts[0].len() <= 2 && parts[1].len() <= 2 && matches!(parts[2].len(), 2 | 4) {
        let year = if parts[2].len() == 2 { 2000 + c } else { c };
        match (separator, order) {
            ('/', SlashOrder::MonthFirst) => (year, a, b),
            _ => (year, b, a),
        }
    } else {
        return Err(ImportProblem::NotADate);
    };
    let year = i32::try_from(year).map_err(|_| ImportProblem::NotADate)?;
    if year < 1 {
        return Err(ImportProblem::NotADate);
    }
    NaiveDate::from_ymd_opt(year, month, day)
        .map(Some)
        .ok_or(ImportProblem::NotADate)
}

/// An amount cell (see the module docs); `Ok(None)` when blank.
pub fn parse_amount(
    cell: &str,
    currency: Currency,
    decimal: DecimalMark,
) -> Result<Option<Money>, ImportProblem> {
    let text = cell.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let number = match strip_any_currency(text) {
        Some((found, _)) if found != currency => return Err(ImportProblem::OtherCurrency(found)),
        Some((_, rest)) => rest,
        None => text,
    };
    Money::parse(number, currency, decimal.locale())
        .map(Some)
        .map_err(|e| ImportProblem::from(crate::deal_input::Problem::from(e)))
}

/// A currency cell: the dataset's currency by ISO code or symbol; `Ok(())` when blank.
pub fn check_currency(cell: &str, currency: Currency) -> Result<(), ImportProblem> {
    let text = cell.trim();
    if text.is_empty() {
        return Ok(());
    }
    let found = Currency::ALL
        .iter()
        .copied()
        .find(|c| text.eq_ignore_ascii_case(c.code()) || text == c.symbol());
    match found {
        Some(c) if c == currency => Ok(()),
        Some(c) => Err(ImportProblem::OtherCurrency(c)),
        None => Err(ImportProblem::UnknownValue),
    }
}

/// A word compared loosely: lower case letters and digits only ("Closed Won" →
/// "closedwon").
pub fn word_key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A status word: open ("open", "in progress"), won ("won", "closed won",
/// "closedwon"), lost ("lost", "closed lost"). `Ok(None)` when blank.
pub fn parse_status(cell: &str) -> Result<Option<DealStatus>, ImportProblem> {
    let key = word_key(cell);
    if key.is_empty() {
        return Ok(None);
    }
    status_word(&key)
        .map(Some)
        .ok_or(ImportProblem::UnknownValue)
}

/// The status a (normalized) status or stage word names, if it names one.
pub fn status_word(key: &str) -> Option<DealStatus> {
    match key {
        "open" | "inprogress" | "active" | "pending" => Some(DealStatus::Open),
        "won" | "closedwon" | "win" | "gewonnen" | "dealwon" => Some(DealStatus::Won),
        "lost" | "closedlost" | "verloren" | "deallost" => Some(DealStatus::Lost),
        _ => None,
    }
}

/// A yes/no cell (Salesforce's checkboxes): true/false, yes/no, 1/0, x. `Ok(None)`
/// when blank.
pub fn parse_bool(cell: &str) -> Result<Option<bool>, ImportProblem> {
    match word_key(cell).as_str() {
        "" => Ok(None),
        "true" | "yes" | "y" | "1" | "x" | "checked" | "ja" | "wahr" => Ok(Some(true)),
        "false" | "no" | "n" | "0" | "unchecked" | "nein" | "falsch" => Ok(Some(false)),
        _ => Err(ImportProblem::UnknownValue),
    }
}

/// A win probability in whole percent 0–100: "25", "25 %", "25.4" (rounded half up).
/// `Ok(None)` when blank.
pub fn parse_percent(cell: &str) -> Result<Option<u8>, ImportProblem> {
    let text = cell.trim().trim_end_matches('%').trim();
    if text.is_empty() {
        return Ok(None);
    }
    let text = text.replace(',', ".");
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(fraction) || whole.len() > 3 {
        return Err(ImportProblem::NotANumber);
    }
    let mut value: u32 = whole.parse().map_err(|_| ImportProblem::NotANumber)?;
    if fraction.bytes().next().is_some_and(|b| b >= b'5') {
        value += 1;
    }
    u8::try_from(value)
        .ok()
        .filter(|&v| v <= 100)
        .map(Some)
        .ok_or(ImportProblem::OutOfRange)
}

/// A duration in minutes: "30", "30 min", "1:30" (h:mm), "01:30:00" (h:mm:ss, seconds
/// rounded down). Blank is 0.
pub fn parse_minutes(cell: &str) -> Result<u32, ImportProblem> {
    let lower = cell.trim().to_lowercase();
    let text = lower
        .trim_end_matches("minutes")
        .trim_end_matches("mins")
        .trim_end_matches("min")
        .trim_end_matches('m')
        .trim();
    if text.is_empty() {
        return Ok(0);
    }
    let parts: Vec<&str> = text.split(':').collect();
    let numbers: Option<Vec<u32>> = parts
        .iter()
        .map(|p| {
            (!p.is_empty() && p.len() <= 6 && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        })
        .collect();
    match numbers.as_deref() {
        Some([minutes]) => Ok(*minutes),
        Some([hours, minutes] | [hours, minutes, _]) if *minutes < 60 => Ok(hours * 60 + minutes),
        Some(_) => Err(ImportProblem::NotANumber),
        None => Err(ImportProblem::NotANumber),
    }
}

/// A deal kind: new ("new", "new business", HubSpot's "newbusiness", Salesforce's
/// "New Customer"), upsell ("existing business", "upgrade", "Existing Customer -
/// Upgrade"), cross-sell, renewal ("Existing Customer - Replacement"). Blank is new.
pub fn parse_deal_kind(cell: &str) -> Result<DealKind, ImportProblem> {
    Ok(match word_key(cell).as_str() {
        "" | "new" | "newbusiness" | "newcustomer" => DealKind::New,
        "upsell" | "existingbusiness" | "upgrade" | "existingcustomerupgrade" | "expansion" => {
            DealKind::Upsell
        }
        "crosssell" | "existingcustomercrosssell" => DealKind::CrossSell,
        "renewal" | "existingcustomerreplacement" | "existingcustomerrenewal" => DealKind::Renewal,
        _ => return Err(ImportProblem::UnknownValue),
    })
}

/// An order kind: new, repeat ("reorder"), upsell, cross-sell. Blank is new.
pub fn parse_order_kind(cell: &str) -> Result<OrderKind, ImportProblem> {
    Ok(match word_key(cell).as_str() {
        "" | "new" | "neworder" | "first" => OrderKind::New,
        "repeat" | "reorder" | "repeatorder" => OrderKind::Repeat,
        "upsell" | "upgrade" => OrderKind::Upsell,
        "crosssell" => OrderKind::CrossSell,
        _ => return Err(ImportProblem::UnknownValue),
    })
}

/// An activity kind: call ("phone call"), email, meeting ("lunch"), demo
/// ("presentation"), visit, prospecting. Blank is a call.
pub fn parse_activity_kind(cell: &str) -> Result<ActivityKind, ImportProblem> {
    Ok(match word_key(cell).as_str() {
        "" | "call" | "calls" | "phonecall" | "phone" | "loggedcall" => ActivityKind::Call,
        "email" | "emails" | "mail" | "loggedemail" => ActivityKind::Email,
        "meeting" | "meetings" | "lunch" => ActivityKind::Meeting,
        "demo" | "presentation" => ActivityKind::Demo,
        "visit" | "sitevisit" | "onsite" => ActivityKind::Visit,
        "prospecting" | "coldcall" | "research" => ActivityKind::Prospecting,
        _ => return Err(ImportProblem::UnknownValue),
    })
}

/// Where a customer or lead came from. Referral for anything naming a referral or
/// partner or word of mouth; outbound for outbound, cold calls, purchased lists,
/// trade shows and offline sources; inbound for the rest (web, organic or paid
/// search, social media, email marketing, direct traffic, advertisement, "Other…"),
/// since a CRM's source field records how a lead found *us*. Blank is inbound.
pub fn parse_source(cell: &str) -> Source {
    let key = word_key(cell);
    let any = |words: &[&str]| words.iter().any(|w| key.contains(w));
    if any(&["referral", "referred", "partner", "wordofmouth"]) {
        Source::Referral
    } else if any(&[
        "outbound",
        "cold",
        "purchased",
        "tradeshow",
        "offline",
        "event",
    ]) {
        Source::Outbound
    } else {
        Source::Inbound
    }
}
