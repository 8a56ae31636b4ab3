//! A believable demo pipeline, identical for the same anchor date, so the app always has
//! a current month to show and tests can pin what it contains.

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use crate::model::{default_stages, Dataset, Deal, DealKind, DealStatus, Settings};
use crate::money::{Currency, Money};
use crate::period::{shift, Period};

/// How many deals the demo holds.
pub const DEMO_DEALS: usize = 80;
/// How many of them are won in the anchor's month, on or before the anchor.
pub const DEMO_WON_THIS_MONTH: usize = 6;

const OWNERS: [&str; 4] = ["Anna Schmidt", "Minh Nguyen", "Zsófia Kovács", "Petr Novák"];

const CUSTOMERS: [&str; 15] = [
    "Northwind Logistics",
    "Brightline Dental Group",
    "Alpenblick Hotels",
    "Saigon Fresh Foods",
    "Danube Freight Services",
    "Vltava Engineering",
    "Kestrel Manufacturing",
    "Harbor & Vine Retail",
    "Mekong Solar",
    "Bluefield Insurance",
    "Pilsen Precision Tools",
    "Balaton Wellness Resorts",
    "Orchard Lane Clinics",
    "Steelbridge Construction",
    "Lumen Software Partners",
];

const OFFERS: [&str; 8] = [
    "CRM licences",
    "Annual support plan",
    "Onboarding workshop",
    "Analytics add-on",
    "Fleet tracking rollout",
    "Data migration project",
    "Premium SLA upgrade",
    "Team training",
];

const LOST_REASONS: [&str; 5] = [
    "Price too high",
    "Chose a competitor",
    "No budget this year",
    "Project postponed",
    "No access to the decision maker",
];

/// The demo dataset for `anchor` ("today", passed in), with every `updated_at = now`.
///
/// [`DEMO_DEALS`] deals, EUR, default stages, 4 owners, 15 B2B customers, amounts
/// 500–50,000 EUR in steps of 50. Closed deals close within the 12 months up to and
/// including the anchor's month and never after the anchor; [`DEMO_WON_THIS_MONTH`] are
/// won in the anchor's month; each deal is created 7–120 days before it closes (open
/// deals: 0–90 days before the anchor, expected to close 5–90 days after it). Roughly
/// 45 % won, 30 % lost, 25 % open. Deterministic: a splitmix64 stream seeded from the
/// anchor also makes the UUID-v4-shaped ids.
pub fn demo_dataset(anchor: NaiveDate, now: DateTime<Utc>) -> Dataset {
    let mut random =
        SplitMix64(u64::from(anchor.num_days_from_ce().unsigned_abs()) ^ 0x5A1E_5B0A_4D00_0001);
    let stages = default_stages();
    let window = Period::trailing_months(anchor, 12);
    let window_start = window.first().map_or(anchor, |m| m.start);
    let this_month_start = Period::month_of(anchor).start;

    let deals = (0..DEMO_DEALS)
        .map(|index| {
            let status = if index < DEMO_WON_THIS_MONTH {
                DealStatus::Won
            } else {
                match random.below(100) {
                    0..=44 => DealStatus::Won,
                    45..=74 => DealStatus::Lost,
                    _ => DealStatus::Open,
                }
            };
            let _customer = CUSTOMERS[random.below(CUSTOMERS.len() as u64) as usize];
            let offer = OFFERS[random.below(OFFERS.len() as u64) as usize];
            let _owner = OWNERS[random.below(OWNERS.len() as u64) as usize];
            let amount_eur = 500 + 50 * random.below(991) as i64; // 500..=50,000
            let kind = match random.below(10) {
                0..=5 => DealKind::New,
                6..=7 => DealKind::Upsell,
                8 => DealKind::CrossSell,
                _ => DealKind::Renewal,
            };

            let (created_on, expected_close, closed_on, stage) = if status == DealStatus::Open {
                let created = shift(anchor, -(random.below(91) as i64));
                let expected = shift(anchor, 5 + random.below(86) as i64);
                let stage = &stages[random.below(stages.len() as u64) as usize];
                (created, Some(expected), None, stage)
            } else {
                let earliest = if index < DEMO_WON_THIS_MONTH {
                    this_month_start
                } else {
                    window_start
                };
                let span = (anchor - earliest).num_days().max(0) as u64;
                let closed = shift(earliest, random.below(span + 1) as i64);
                let created = shift(closed, -(7 + random.below(114) as i64));
                let slip = random.below(15) as i64;
                let expected = shift(closed, -slip).max(created);
                // Won deals were won from negotiation; lost ones fell out anywhere.
                let stage = match status {
                    DealStatus::Won => &stages[stages.len() - 1],
                    _ => &stages[random.below(stages.len() as u64) as usize],
                };
                (created, Some(expected), Some(closed), stage)
            };
            let lost_reason = (status == DealStatus::Lost)
                .then(|| LOST_REASONS[random.below(LOST_REASONS.len() as u64) as usize].to_owned());

            Deal {
                id: random.uuid_v4(),
                updated_at: now,
                deleted_at: None,
                title: format!("{offer} – {_customer}"),
                customer_id: None,
                rep_id: None,
                cost: None,
                discount: None,
                probability: None,
                stage: stage.id.clone(),
                status,
                amount: Money::from_major(amount_eur, Currency::Eur).unwrap_or(Money::ZERO),
                kind,
                created_on,
                expected_close,
                closed_on,
                lost_reason,
            }
        })
        .collect();

    Dataset {
        lineage: None,
        settings: Settings {
            currency: Currency::Eur,
            stages,
            ..Settings::default()
        },
        deals,
        ..Dataset::default()
    }
}

/// splitmix64 (Steele, Lea & Flood 2014): tiny, fast, and good enough for demo data.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform-enough in `0..bound` (modulo bias is irrelevant for demo data).
    fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound.max(1)
    }

    /// A UUID-v4-shaped id: random bits with the version (4) and variant (10xx) set.
    fn uuid_v4(&mut self) -> String {
        let (high, low) = (self.next(), self.next());
        let high = (high & !0xF000) | 0x4000;
        let low = (low & !(0b11 << 62)) | (0b10 << 62);
        format!(
            "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
            high >> 32,
            (high >> 16) & 0xFFFF,
            high & 0xFFFF,
            low >> 48,
            low & 0xFFFF_FFFF_FFFF
        )
    }
}
