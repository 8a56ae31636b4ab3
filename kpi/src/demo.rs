//! A believable year of sales for a small team, identical for the same inputs, so the
//! app always has a current month to show, tests can pin what it contains, and benches
//! can scale it up.
//!
//! What [`generate`] makes (counts for `size.deals = n`; the default is [`DEMO_DEALS`]):
//! - 2 teams (Berlin, Budapest) and 5 reps: Anna Schmidt (`settings.me`), Minh Nguyen,
//!   Zsófia Kovács, Petr Novák (leaves 40 % into the year) and Emily Clarke (hired half
//!   way through, takes over Petr's accounts);
//! - the history covers [`DEMO_MONTHS`] calendar months: the anchor's month so far and
//!   the 12 before it, so the previous month, quarter and year always have data;
//! - customers: n/6 existing accounts (acquired before the history starts), plus one per
//!   converted lead; ~10 % of buyers churn, with a reason;
//! - leads: 11n/20 converted into a customer and a new-business deal, n/20 converted
//!   straight into a first order, 3n/10 disqualified (with a reason) or still open,
//!   n/10 recent ones still being worked; inbound, outbound and referral;
//! - n deals: new business from leads, then upsells, cross-sells and renewals with
//!   existing buyers; won, lost (with a reason) or open (expected to close after the
//!   anchor); some with a cost, a discount or their own probability;
//! - orders: one per won deal (with `deal_id`, on its close date), a first order per
//!   direct conversion, and 4n/5 repeat, upsell and cross-sell orders without a deal;
//! - 3n activities of every kind on working days (calls, emails, meetings, demos,
//!   visits, prospecting blocks), with minutes, linked to a live deal when one fits;
//! - expenses of every category every month (marketing, sales, tools, salaries per
//!   employed rep, commission of 5 % on last month's won revenue);
//! - n/2 feedback: CSAT and NPS answers and a few complaints, resolved or still open;
//! - `settings.monthly_target`: 1.2 × the best month's revenue, rounded up to 1,000 EUR;
//! - 8 goals for the anchor's week, month and quarter (see `demo_goals`): company,
//!   team and rep goals, a cascade, two recurring goals, two lower-is-better ones;
//! - a commission plan (tiered on won amount with a quota of 0.2 × the monthly
//!   target, a 1.5× accelerator, an upsell bonus, a cap) for every rep, and a revenue
//!   contest for the anchor's month (see `demo_team`).
//!
//! Whatever the seed, the anchor's month (up to the anchor) holds won deals (at least
//! [`DEMO_WON_THIS_MONTH`], one of them a quick inbound lead converted that month, one
//! with a cost and a discount), a lost deal, an upsell deal, repeat/upsell/cross-sell
//! orders, a customer who churns after buying in the previous month, quarter and year,
//! one activity of each kind, every expense category, CSAT and NPS answers, a complaint
//! resolved and one still open — so every KPI has something to show for the month,
//! quarter and year of the anchor.
//!
//! Conventions: nothing is dated after the anchor except open deals' expected close;
//! every `updated_at = now`; ids are UUID-v4-shaped, drawn from a splitmix64 stream
//! seeded by `seed`; amounts in EUR. Generation is linear in `size.deals`.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, NaiveDate, Utc, Weekday};

use crate::catalogue::KpiId;
use crate::goals::{cascade, CascadePart};
use crate::model::{
    default_stages, Accelerator, Activity, ActivityKind, BonusTrigger, CommissionBasis,
    CommissionPlan, Contest, Customer, Dataset, Deal, DealBonus, DealKind, DealStatus, Expense,
    ExpenseCategory, Feedback, Goal, Lead, Measure, Order, OrderKind, Owner, PlanKind, RecordId,
    Recurrence, Rep, Settings, Source, Target, Team, Tier,
};
use crate::money::{Currency, Money};
use crate::period::{shift, Period};

/// How many deals the default demo ([`demo_dataset`]) holds.
pub const DEMO_DEALS: usize = 300;
/// At least this many deals are won in the anchor's month, on or before the anchor.
pub const DEMO_WON_THIS_MONTH: usize = 3;
/// Calendar months of history: the anchor's month and the 12 before it.
pub const DEMO_MONTHS: usize = 13;
/// The smallest number of deals [`generate`] makes (room for the anchor month's cases).
pub const MIN_DEALS: usize = 20;

/// How much data [`generate`] makes: `deals` deals, the other collections in proportion
/// (see the module docs). At least [`MIN_DEALS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DemoSize {
    pub deals: usize,
}

impl Default for DemoSize {
    /// [`DEMO_DEALS`] deals: a year for five reps, well below 1 MB of JSON.
    fn default() -> Self {
        DemoSize { deals: DEMO_DEALS }
    }
}

/// The seed [`demo_dataset`] uses for `anchor`.
pub fn demo_seed(anchor: NaiveDate) -> u64 {
    u64::from(anchor.num_days_from_ce().unsigned_abs()) ^ 0x5A1E_5B0A_4D00_0001
}

/// The demo dataset for `anchor` ("today", passed in), with every `updated_at = now`:
/// [`generate`] with [`demo_seed`]`(anchor)` and the default size.
pub fn demo_dataset(anchor: NaiveDate, now: DateTime<Utc>) -> Dataset {
    generate(demo_seed(anchor), anchor, now, DemoSize::default())
}

/// A year of sales up to `anchor` (see the module docs), the same for the same inputs.
pub fn generate(seed: u64, anchor: NaiveDate, now: DateTime<Utc>, size: DemoSize) -> Dataset {
    let mut g = Generator::new(seed, anchor, now, size.deals.max(MIN_DEALS));
    g.people();
    g.existing_customers();
    g.new_business();
    g.direct_conversions();
    g.other_leads();
    g.expansion_deals();
    g.repeat_orders();
    g.activities();
    g.expenses();
    g.feedback();
    let mut data = g.finish();
    demo_goals(&mut data, anchor, now, seed);
    demo_team(&mut data, anchor, now, seed);
    data
}

/// The demo's commission plan and contest. Ids come from their own splitmix64 stream,
/// so the other records are the same as without them.
fn demo_team(data: &mut Dataset, anchor: NaiveDate, now: DateTime<Utc>, seed: u64) {
    let mut rng = SplitMix64(seed ^ 0x7EA3_C0DE);
    let monthly = data.settings.monthly_target.unwrap_or(Money(10_000_000));
    // Five reps share the target; each one's quota is a fifth of it.
    let quota = Money(monthly.minor() / 5);
    let tier = |from_attainment_bp, rate_bp| Tier {
        from_attainment_bp,
        rate_bp,
    };
    data.commission_plans.push(CommissionPlan {
        id: rng.uuid_v4(),
        updated_at: now,
        deleted_at: None,
        title: "Standard plan".into(),
        basis: CommissionBasis::WonAmount,
        monthly_quota: quota,
        kind: PlanKind::Tiered {
            tiers: vec![tier(0, 300), tier(8_000, 500), tier(10_000, 700)],
        },
        accelerator: Some(Accelerator::Multiplier {
            multiplier_bp: 15_000,
        }),
        goal_bonuses: vec![],
        deal_bonuses: vec![DealBonus {
            kind: DealKind::Upsell,
            amount: Money(20_000),
        }],
        cap: Some(Money(quota.minor() / 2)),
        rep_ids: vec![],
        created_on: shift(anchor, -365),
    });
    let month = Period::month_of(anchor);
    data.contests.push(Contest {
        id: rng.uuid_v4(),
        updated_at: now,
        deleted_at: None,
        title: "Revenue sprint".into(),
        measure: Measure::Kpi(KpiId::Revenue),
        period: month,
        participants: data.reps.iter().map(|r| r.id.clone()).collect(),
        reward: "Team dinner".into(),
        created_on: month.start,
    });
}

/// Gives every record a new id from `new_id` and points every reference (rep → team,
/// customer → owner, lead/deal/order/activity/feedback → customer, rep, deal, goal →
/// owner, parent, series, commission plan → reps and bonus goals, contest →
/// participants, and `settings.me`) at the renamed record: the app calls this on the demo so that two
/// reps who load it on the same day never share an id. Ids not in the dataset are
/// left as they are.
pub fn renew_ids(data: &mut Dataset, mut new_id: impl FnMut() -> RecordId) {
    let mut renamed: BTreeMap<RecordId, RecordId> = BTreeMap::new();
    macro_rules! rename {
        ($($field:ident),+) => {$(
            for record in &mut data.$field {
                let id = new_id();
                renamed.insert(std::mem::replace(&mut record.id, id.clone()), id);
            }
        )+};
    }
    rename!(
        teams,
        reps,
        customers,
        leads,
        deals,
        orders,
        activities,
        expenses,
        feedback,
        goals,
        commission_plans,
        contests
    );
    let fix = |id: &mut Option<RecordId>| {
        if let Some(new) = id.as_ref().and_then(|old| renamed.get(old)) {
            *id = Some(new.clone());
        }
    };
    data.reps.iter_mut().for_each(|r| fix(&mut r.team_id));
    data.customers.iter_mut().for_each(|c| fix(&mut c.owner_id));
    for lead in &mut data.leads {
        fix(&mut lead.owner_id);
        fix(&mut lead.customer_id);
        fix(&mut lead.deal_id);
    }
    for deal in &mut data.deals {
        fix(&mut deal.customer_id);
        fix(&mut deal.rep_id);
    }
    for order in &mut data.orders {
        fix(&mut order.customer_id);
        fix(&mut order.rep_id);
        fix(&mut order.deal_id);
    }
    for activity in &mut data.activities {
        fix(&mut activity.rep_id);
        fix(&mut activity.customer_id);
        fix(&mut activity.deal_id);
    }
    data.expenses.iter_mut().for_each(|e| fix(&mut e.rep_id));
    data.feedback
        .iter_mut()
        .for_each(|f| fix(&mut f.customer_id));
    for goal in &mut data.goals {
        match &mut goal.owner {
            Owner::Rep(id) | Owner::Team(id) => {
                let mut owner = Some(std::mem::take(id));
                fix(&mut owner);
                *id = owner.unwrap_or_default();
            }
            Owner::Company => {}
        }
        fix(&mut goal.parent_id);
        fix(&mut goal.series_id);
    }
    for plan in &mut data.commission_plans {
        for rep in &mut plan.rep_ids {
            if let Some(new) = renamed.get(rep) {
                *rep = new.clone();
            }
        }
        for bonus in &mut plan.goal_bonuses {
            if let BonusTrigger::Goal(id) = &mut bonus.trigger {
                if let Some(new) = renamed.get(id) {
                    *id = new.clone();
                }
            }
        }
    }
    for contest in &mut data.contests {
        for rep in &mut contest.participants {
            if let Some(new) = renamed.get(rep) {
                *rep = new.clone();
            }
        }
    }
    fix(&mut data.settings.me);
}

/// The demo's goals, all for the anchor's periods: the company's monthly revenue
/// target (recurring, cascaded to the two teams by weight 3 : 2), a rep's win rate for
/// the quarter, a team's CAC down 15 % against last quarter and the company's sales
/// cycle (both lower is better), an hour of prospecting per working day, and 20 visits
/// a week (recurring). Ids come from their own splitmix64 stream, so the other records
/// are the same as without goals.
fn demo_goals(data: &mut Dataset, anchor: NaiveDate, now: DateTime<Utc>, seed: u64) {
    let mut rng = SplitMix64(seed ^ 0x6F41_5A15);
    let (month, quarter, week) = (
        Period::month_of(anchor),
        Period::quarter_of(anchor),
        Period::week_of(anchor),
    );
    let rep = |i: usize| data.reps.get(i).map(|r| r.id.clone()).unwrap_or_default();
    let team = |i: usize| data.teams.get(i).map(|t| t.id.clone()).unwrap_or_default();
    let monthly = data.settings.monthly_target.unwrap_or(Money(10_000_000));
    let goal = |rng: &mut SplitMix64, title: &str, measure, target, period, owner| Goal {
        id: rng.uuid_v4(),
        updated_at: now,
        deleted_at: None,
        title: title.to_owned(),
        description: String::new(),
        measure,
        target,
        period,
        owner,
        parent_id: None,
        weight: None,
        recurrence: Recurrence::None,
        series_id: None,
        created_on: period.start,
    };
    let mut company = goal(
        &mut rng,
        "Monthly revenue",
        Measure::Kpi(KpiId::Revenue),
        Target::Amount { amount: monthly },
        month,
        Owner::Company,
    );
    company.description = "The company's sales target, split between the teams.".into();
    company.recurrence = Recurrence::EachPeriod;
    let parts: Vec<CascadePart> = [(0, 3), (1, 2)]
        .into_iter()
        .map(|(i, weight)| CascadePart {
            id: rng.uuid_v4(),
            owner: Owner::Team(team(i)),
            weight,
        })
        .collect();
    let teams = cascade(&company, &parts, now, month.start).unwrap_or_default();
    let mut win_rate = goal(
        &mut rng,
        "Win rate of 35 %",
        Measure::Kpi(KpiId::WinRate),
        Target::Value { value: 0.35 },
        quarter,
        Owner::Rep(rep(0)),
    );
    win_rate.description = "Qualify harder, close more of what is left.".into();
    let cac = goal(
        &mut rng,
        "CAC down 15 %",
        Measure::Kpi(KpiId::Cac),
        Target::Change { percent: -15.0 },
        quarter,
        Owner::Team(team(0)),
    );
    let cycle = goal(
        &mut rng,
        "Close within 45 days",
        Measure::Kpi(KpiId::AvgSalesCycle),
        Target::Value { value: 45.0 },
        quarter,
        Owner::Company,
    );
    let prospecting = goal(
        &mut rng,
        "An hour of prospecting every working day",
        Measure::Kpi(KpiId::ProspectingHours),
        Target::PerWorkingDay { value: 1.0 },
        month,
        Owner::Rep(rep(0)),
    );
    let mut visits = goal(
        &mut rng,
        "20 visits a week",
        Measure::Activities(ActivityKind::Visit),
        Target::Value { value: 20.0 },
        week,
        Owner::Rep(rep(1)),
    );
    visits.recurrence = Recurrence::EachPeriod;
    data.goals.push(company);
    data.goals.extend(teams);
    data.goals
        .extend([win_rate, cac, cycle, prospecting, visits]);
}

const TEAMS: [&str; 2] = ["Berlin", "Budapest"];

/// Name, team, monthly base salary in EUR, hired this many days before the anchor.
const REPS: [(&str, usize, i64, i64); 5] = [
    ("Anna Schmidt", 0, 4_600, 2_300),
    ("Minh Nguyen", 0, 4_200, 1_500),
    ("Zsófia Kovács", 1, 4_400, 1_900),
    ("Petr Novák", 1, 3_900, 1_100),
    ("Emily Clarke", 1, 4_000, 0), // hired half way through the history
];
const LEAVER: usize = 3;
const NEWCOMER: usize = 4;

const COMPANY_FIRST: [&str; 30] = [
    "Northwind",
    "Brightline",
    "Alpenblick",
    "Saigon",
    "Danube",
    "Vltava",
    "Kestrel",
    "Harbor & Vine",
    "Mekong",
    "Bluefield",
    "Pilsen",
    "Balaton",
    "Orchard Lane",
    "Steelbridge",
    "Lumen",
    "Rheintal",
    "Hanoi",
    "Tisza",
    "Morava",
    "Elbe",
    "Isar",
    "Hồng Hà",
    "Széchenyi",
    "Karlštejn",
    "Thames Valley",
    "Sonnenberg",
    "Lotus",
    "Mátra",
    "Krkonoše",
    "Kingsgate",
];

const COMPANY_KIND: [&str; 20] = [
    "Logistics",
    "Dental Group",
    "Hotels",
    "Fresh Foods",
    "Freight Services",
    "Engineering",
    "Manufacturing",
    "Retail",
    "Solar",
    "Insurance",
    "Precision Tools",
    "Wellness Resorts",
    "Clinics",
    "Construction",
    "Software Partners",
    "Pharma",
    "Textiles",
    "Print & Media",
    "Auto Parts",
    "Facility Services",
];

const SEGMENTS: [&str; 3] = ["SMB", "Mid-market", "Enterprise"];

const REGIONS: [&str; 10] = [
    "Bavaria",
    "Berlin",
    "Vienna",
    "Budapest",
    "Lake Balaton",
    "Prague",
    "Brno",
    "Hanoi",
    "Ho Chi Minh City",
    "London",
];

const NEW_OFFERS: [&str; 6] = [
    "CRM licences",
    "Fleet tracking rollout",
    "Data migration project",
    "Onboarding workshop",
    "Field sales app",
    "Customer portal",
];

const UPSELL_OFFERS: [&str; 3] = ["More seats", "Premium SLA upgrade", "Enterprise tier"];
const CROSS_SELL_OFFERS: [&str; 3] = ["Analytics add-on", "Team training", "Telephony module"];

const LOST_REASONS: [&str; 5] = [
    "Price too high",
    "Chose a competitor",
    "No budget this year",
    "Project postponed",
    "No access to the decision maker",
];

const DISQUALIFIED_REASONS: [&str; 6] = [
    "No budget",
    "Not the decision maker",
    "Too small for us",
    "Outside our region",
    "Duplicate of another lead",
    "No need right now",
];

const CHURN_REASONS: [&str; 6] = [
    "Switched to a competitor",
    "Budget cuts",
    "Acquired by another company",
    "Unhappy with support",
    "Moved the work in-house",
    "Closed the business",
];

const COMPLAINTS: [&str; 6] = [
    "Late delivery",
    "Invoice error",
    "Onboarding took too long",
    "Support did not call back",
    "Feature promised in the demo is missing",
    "Licence activation failed",
];

const NOTES: [&str; 8] = [
    "Follow-up on the proposal",
    "Asked for references",
    "Pricing questions",
    "Introduced the new product line",
    "Quarterly review",
    "Sent the contract draft",
    "Met the purchasing team",
    "Cold calls from the trade fair list",
];

/// What the generator needs to know about a customer beyond the record.
#[derive(Clone, Copy)]
struct Known {
    /// From when reps work with it (lead created, or before the history for existing
    /// accounts).
    since: NaiveDate,
    acquired: Option<NaiveDate>,
    churned: Option<NaiveDate>,
    /// Index of the owning rep.
    owner: usize,
}

/// A deal to add, before the details [`Generator::push_deal`] fills in.
struct Plan {
    customer: usize,
    rep: usize,
    kind: DealKind,
    created: NaiveDate,
    /// The close date of a closed deal, the expected close of an open one.
    close: NaiveDate,
    status: DealStatus,
    list_eur: i64,
    /// Force a cost and a discount (a won deal of the anchor's month).
    extras: bool,
}

struct Generator {
    rng: SplitMix64,
    anchor: NaiveDate,
    now: DateTime<Utc>,
    n: usize,
    /// The first day of the history.
    start: NaiveDate,
    /// The first day of the anchor's month.
    month_start: NaiveDate,
    months: Vec<Period>,
    working_days: Vec<NaiveDate>,
    customers: Vec<Known>,
    /// Customers who have bought (indices into `customers`).
    buyers: Vec<usize>,
    /// How many accounts existed before the history (the first customers).
    existing: usize,
    /// Per deal: its customer and rep (indices).
    deal_links: Vec<(usize, usize)>,
    /// Revenue in minor units per history month and rep (for commission and target).
    revenue: Vec<[i64; 5]>,
    /// The next company name to hand out.
    next_company: usize,
    /// Whether an open deal has its own probability yet (the first one always does).
    gave_probability: bool,
    data: Dataset,
}

impl Generator {
    fn new(seed: u64, anchor: NaiveDate, now: DateTime<Utc>, n: usize) -> Generator {
        let months = Period::trailing_months(anchor, DEMO_MONTHS);
        let start = months.first().map_or(anchor, |m| m.start);
        let month_start = Period::month_of(anchor).start;
        let working_days: Vec<NaiveDate> = start
            .iter_days()
            .take_while(|d| *d <= anchor)
            .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
            .collect();
        let mut data = Dataset {
            lineage: None,
            settings: Settings {
                currency: Currency::Eur,
                stages: default_stages(),
                me: None,
                monthly_target: None,
                updated_at: Some(now),
                follow_up_days: None,
            }
            .into(),
            ..Dataset::default()
        };
        // Room for everything up front: a million deals must not be copied on growth.
        data.customers.reserve(n / 6 + n * 3 / 5 + 4);
        data.leads.reserve(n);
        data.deals.reserve(n);
        data.orders.reserve(n * 3 / 2 + 6);
        data.activities.reserve(n * 3);
        data.expenses.reserve(months.len() * (16 + n / 120));
        data.feedback.reserve(n / 2);
        let mut rng = SplitMix64(seed);
        let next_company = rng.below(600) as usize;
        Generator {
            rng,
            anchor,
            now,
            n,
            start,
            month_start,
            revenue: vec![[0; 5]; months.len()],
            months,
            working_days,
            customers: Vec::with_capacity(n / 6 + n * 3 / 5 + 2),
            buyers: Vec::with_capacity(n / 2),
            existing: 0,
            deal_links: Vec::with_capacity(n),
            next_company,
            gave_probability: false,
            data,
        }
    }

    // ---- small helpers ----

    fn id(&mut self) -> RecordId {
        self.rng.uuid_v4()
    }

    /// True with `percent` % probability.
    fn chance(&mut self, percent: u64) -> bool {
        self.rng.below(100) < percent
    }

    /// Uniform in `low..=high` (`low` if `high < low`).
    fn between(&mut self, low: i64, high: i64) -> i64 {
        low + self.rng.below((high - low + 1).max(1) as u64) as i64
    }

    /// A day in `low..=high` (`low` if `high < low`).
    fn day(&mut self, low: NaiveDate, high: NaiveDate) -> NaiveDate {
        let span = (high - low).num_days().max(0);
        shift(low, self.between(0, span))
    }

    /// A day of the anchor's month, on or before the anchor.
    fn this_month(&mut self) -> NaiveDate {
        self.day(self.month_start, self.anchor)
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.rng.below(items.len() as u64) as usize]
    }

    /// Money from whole euros.
    fn eur(euros: i64) -> Money {
        Money(euros.saturating_mul(100))
    }

    fn employed(&self, rep: usize, day: NaiveDate) -> bool {
        self.data.reps[rep].employed_on(day)
    }

    /// A rep employed from `from` to `to` (the three who stay all year always are).
    fn rep_for(&mut self, from: NaiveDate, to: NaiveDate) -> usize {
        let mut candidates = [0; 5];
        let mut count = 0;
        for rep in 0..REPS.len() {
            if self.employed(rep, from) && self.employed(rep, to) {
                candidates[count] = rep;
                count += 1;
            }
        }
        if count == 0 {
            return 0;
        }
        candidates[self.rng.below(count as u64) as usize]
    }

    /// `preferred` if employed from `from` to `to`, else another rep who is.
    fn rep_or_other(&mut self, preferred: usize, from: NaiveDate, to: NaiveDate) -> usize {
        if self.employed(preferred, from) && self.employed(preferred, to) {
            preferred
        } else {
            self.rep_for(from, to)
        }
    }

    /// Who owns an account today: the rep, or the newcomer for the leaver's accounts.
    fn current_owner(&self, rep: usize) -> usize {
        if self.employed(rep, self.anchor) {
            rep
        } else {
            NEWCOMER
        }
    }

    fn rep_id(&self, rep: usize) -> Option<RecordId> {
        Some(self.data.reps[rep].id.clone())
    }

    fn customer_id(&self, customer: usize) -> Option<RecordId> {
        Some(self.data.customers[customer].id.clone())
    }

    fn company(&mut self) -> String {
        let combos = COMPANY_FIRST.len() * COMPANY_KIND.len();
        let k = self.next_company;
        self.next_company += 1;
        // 7 is coprime with the 600 combinations: consecutive names look unrelated.
        let combo = (k * 7) % combos;
        let name = format!(
            "{} {}",
            COMPANY_FIRST[combo / COMPANY_KIND.len()],
            COMPANY_KIND[combo % COMPANY_KIND.len()]
        );
        match k / combos {
            0 => name,
            round => format!("{name} {}", round + 1),
        }
    }

    fn month_index(&self, day: NaiveDate) -> Option<usize> {
        let months = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
        let index = months(day) - months(self.start);
        (0..self.months.len() as i64)
            .contains(&index)
            .then_some(index as usize)
    }

    /// Books a sale for commission and the target.
    /// An order not tied to a deal, booked for `rep`; four in five have a known cost
    /// of 35 % up to `max_cost_percent` of the amount.
    fn push_order(
        &mut self,
        customer: usize,
        rep: usize,
        date: NaiveDate,
        amount: Money,
        max_cost_percent: i64,
        kind: OrderKind,
    ) {
        let cost = self
            .chance(80)
            .then(|| Money(amount.minor() * self.between(35, max_cost_percent) / 100));
        self.book(date, rep, amount);
        let order = Order {
            id: self.id(),
            updated_at: self.now,
            deleted_at: None,
            customer_id: self.customer_id(customer),
            rep_id: self.rep_id(rep),
            deal_id: None,
            date,
            amount,
            cost,
            kind,
        };
        self.data.orders.push(order);
    }

    fn book(&mut self, day: NaiveDate, rep: usize, amount: Money) {
        if let Some(month) = self.month_index(day) {
            self.revenue[month][rep] = self.revenue[month][rep].saturating_add(amount.minor());
        }
    }

    /// The days a customer can be sold to again: after its first purchase, before it
    /// churned, within the history. `None` if there are none.
    fn buying_window(&self, customer: usize) -> Option<(NaiveDate, NaiveDate)> {
        let known = self.customers[customer];
        let low = shift(known.acquired?, 1).max(self.start);
        let high = known
            .churned
            .map_or(self.anchor, |c| shift(c, -1).min(self.anchor));
        (low <= high).then_some((low, high))
    }

    /// A random buyer and its buying window; the loyal account (customer 1) if the
    /// draws find none.
    fn some_buyer(&mut self) -> (usize, NaiveDate, NaiveDate) {
        for _ in 0..4 {
            let customer = self.buyers[self.rng.below(self.buyers.len() as u64) as usize];
            if let Some((low, high)) = self.buying_window(customer) {
                return (customer, low, high);
            }
        }
        (1, self.start, self.anchor)
    }

    // ---- the collections ----

    fn people(&mut self) {
        for name in TEAMS {
            let id = self.id();
            self.data.teams.push(Team {
                id,
                updated_at: self.now,
                deleted_at: None,
                name: name.to_owned(),
            });
        }
        let days = (self.anchor - self.start).num_days();
        let left_on = shift(self.start, days * 2 / 5);
        let mut hired_newcomer = shift(self.start, days / 2);
        while hired_newcomer.weekday() != Weekday::Mon {
            hired_newcomer = shift(hired_newcomer, 1);
        }
        for (index, (name, team, salary, tenure)) in REPS.into_iter().enumerate() {
            let id = self.id();
            let hired_on = if index == NEWCOMER {
                hired_newcomer.min(self.anchor)
            } else {
                shift(self.start, -tenure)
            };
            self.data.reps.push(Rep {
                id,
                updated_at: self.now,
                deleted_at: None,
                name: name.to_owned(),
                team_id: Some(self.data.teams[team].id.clone()),
                base_salary: Self::eur(salary),
                hired_on: Some(hired_on),
                left_on: (index == LEAVER).then_some(left_on),
            });
        }
        self.data.settings.me = self.rep_id(0);
    }

    fn push_customer(&mut self, known: Known, source: Source) -> usize {
        let id = self.id();
        let name = self.company();
        let segment = match self.rng.below(10) {
            0..=4 => SEGMENTS[0],
            5..=7 => SEGMENTS[1],
            _ => SEGMENTS[2],
        };
        let region = self.pick(&REGIONS);
        let churn_reason = known.churned.map(|_| self.pick(&CHURN_REASONS).to_owned());
        let owner_id = self.rep_id(known.owner);
        self.data.customers.push(Customer {
            id,
            updated_at: self.now,
            deleted_at: None,
            name,
            segment: segment.to_owned(),
            region: region.to_owned(),
            source,
            acquired_on: known.acquired,
            churned_on: known.churned,
            churn_reason,
            owner_id,
        });
        self.customers.push(known);
        if known.acquired.is_some() {
            self.buyers.push(self.customers.len() - 1);
        }
        self.customers.len() - 1
    }

    fn source(&mut self) -> Source {
        match self.rng.below(20) {
            0..=8 => Source::Inbound,
            9..=15 => Source::Outbound,
            _ => Source::Referral,
        }
    }

    /// Accounts won before the history starts. Customer 0 churns in the anchor's month
    /// (after buying in the previous month, quarter and year); customer 1 never churns.
    fn existing_customers(&mut self) {
        let count = (self.n / 6).max(4);
        self.existing = count;
        let owners: Vec<usize> = (0..REPS.len())
            .filter(|&r| self.employed(r, self.anchor))
            .collect();
        for index in 0..count {
            let acquired = shift(self.start, -self.between(60, 1_800));
            let churned = match index {
                0 if self.anchor > self.month_start => {
                    Some(self.day(shift(self.month_start, 1), self.anchor))
                }
                0 => Some(self.month_start),
                1 => None,
                _ => self
                    .chance(12)
                    .then(|| self.day(shift(self.start, 1), self.anchor)),
            };
            let owner = self.pick(&owners);
            let source = self.source();
            self.push_customer(
                Known {
                    since: acquired,
                    acquired: Some(acquired),
                    churned,
                    owner,
                },
                source,
            );
        }
    }

    /// Adds a deal (and its delivery order when won); returns its index.
    fn push_deal(&mut self, plan: Plan) -> usize {
        let stages = self.data.settings.stages.len() as i64;
        let stage = match plan.status {
            DealStatus::Won => stages - 1,
            DealStatus::Lost => [0, 0, 1, 1, 2, 2, 3, 3, 4][self.rng.below(9) as usize],
            DealStatus::Open => {
                let total = (plan.close - plan.created).num_days().max(1);
                let done = (self.anchor - plan.created).num_days();
                (done * stages / total).clamp(0, stages - 1)
            }
        } as usize;
        let discount_eur = if plan.extras || (plan.status != DealStatus::Lost && self.chance(30)) {
            let percent = self.between(5, 20);
            plan.list_eur * percent / 100 / 10 * 10
        } else {
            0
        };
        let amount_eur = plan.list_eur - discount_eur;
        let has_cost = plan.extras
            || match plan.status {
                DealStatus::Lost => self.chance(30),
                _ => self.chance(70),
            };
        let cost = has_cost.then(|| Self::eur(amount_eur * self.between(30, 65) / 100));
        let stage_probability = i64::from(self.data.settings.stages[stage].probability);
        let own_probability =
            plan.status == DealStatus::Open && (!self.gave_probability || self.chance(25));
        self.gave_probability |= own_probability;
        let probability =
            own_probability.then(|| (stage_probability + self.between(-10, 15)).clamp(5, 95) as u8);
        let (expected_close, closed_on) = match plan.status {
            DealStatus::Open => (plan.close, None),
            _ => (
                shift(plan.close, -self.between(0, 14)).max(plan.created),
                Some(plan.close),
            ),
        };
        let lost_reason =
            (plan.status == DealStatus::Lost).then(|| self.pick(&LOST_REASONS).to_owned());
        let offer = match plan.kind {
            DealKind::New => self.pick(&NEW_OFFERS).to_owned(),
            DealKind::Upsell => self.pick(&UPSELL_OFFERS).to_owned(),
            DealKind::CrossSell => self.pick(&CROSS_SELL_OFFERS).to_owned(),
            DealKind::Renewal => format!("Renewal {}", plan.close.year()),
        };
        let id = self.id();
        let deal = Deal {
            id: id.clone(),
            updated_at: self.now,
            deleted_at: None,
            title: format!("{offer} – {}", self.data.customers[plan.customer].name),
            customer_id: self.customer_id(plan.customer),
            rep_id: self.rep_id(plan.rep),
            stage: self.data.settings.stages[stage].id.clone(),
            status: plan.status,
            amount: Self::eur(amount_eur),
            cost,
            discount: (discount_eur > 0).then(|| Self::eur(discount_eur)),
            probability,
            kind: plan.kind,
            created_on: plan.created,
            expected_close: Some(expected_close),
            closed_on,
            lost_reason,
        };
        if plan.status == DealStatus::Won {
            self.book(plan.close, plan.rep, deal.amount);
            let kind = match plan.kind {
                DealKind::New => OrderKind::New,
                DealKind::Upsell => OrderKind::Upsell,
                DealKind::CrossSell => OrderKind::CrossSell,
                DealKind::Renewal => OrderKind::Repeat,
            };
            let order_id = self.id();
            self.data.orders.push(Order {
                id: order_id,
                updated_at: self.now,
                deleted_at: None,
                customer_id: deal.customer_id.clone(),
                rep_id: deal.rep_id.clone(),
                deal_id: Some(id),
                date: plan.close,
                amount: deal.amount,
                cost: deal.cost,
                kind,
            });
        }
        self.data.deals.push(deal);
        self.deal_links.push((plan.customer, plan.rep));
        self.data.deals.len() - 1
    }

    /// Leads converted into a customer and a new-business deal. The first is an inbound
    /// lead converted and won within the anchor's month; the next are won (one with a
    /// cost and a discount) and one lost in that month.
    fn new_business(&mut self) {
        let count = self.n * 11 / 20;
        for index in 0..count {
            let (created, close, status) = if index == 0 {
                let day = self.this_month();
                (day, day, DealStatus::Won)
            } else if index <= DEMO_WON_THIS_MONTH {
                let close = self.this_month();
                let status = if index < DEMO_WON_THIS_MONTH {
                    DealStatus::Won
                } else {
                    DealStatus::Lost
                };
                let created = shift(close, -self.between(7, 60)).max(self.start);
                (created, close, status)
            } else {
                // The last one is surely still open.
                let close = if index + 1 == count {
                    shift(self.anchor, self.between(5, 45))
                } else {
                    self.day(self.start, shift(self.anchor, 45))
                };
                let created = shift(close, -self.between(7, 120))
                    .max(self.start)
                    .min(self.anchor);
                let status = if close > self.anchor {
                    DealStatus::Open
                } else if self.chance(45) {
                    DealStatus::Won
                } else {
                    DealStatus::Lost
                };
                (created, close, status)
            };
            let lead_created = if index == 0 {
                created
            } else {
                shift(created, -self.between(0, 21)).max(self.start)
            };
            let qualified = self.day(lead_created, created);
            let rep = self.rep_for(lead_created, close.min(self.anchor));
            let source = if index == 0 {
                Source::Inbound
            } else {
                self.source()
            };
            let acquired = (status == DealStatus::Won).then_some(close);
            let churned = match acquired {
                Some(day) if index > DEMO_WON_THIS_MONTH && self.chance(9) => {
                    Some(shift(day, self.between(45, 300))).filter(|c| *c <= self.anchor)
                }
                _ => None,
            };
            let customer = self.push_customer(
                Known {
                    since: lead_created,
                    acquired,
                    churned,
                    owner: self.current_owner(rep),
                },
                source,
            );
            let spread = self.rng.below(1_160) + 1;
            let list_eur = 2_000 + 50 * self.rng.below(spread) as i64;
            let deal = self.push_deal(Plan {
                customer,
                rep,
                kind: DealKind::New,
                created,
                close,
                status,
                list_eur,
                extras: index == 1,
            });
            let lead = Lead {
                id: self.id(),
                updated_at: self.now,
                deleted_at: None,
                name: self.data.customers[customer].name.clone(),
                source,
                owner_id: self.rep_id(rep),
                created_on: lead_created,
                qualified_on: Some(qualified),
                converted_on: Some(created),
                customer_id: self.customer_id(customer),
                deal_id: Some(self.data.deals[deal].id.clone()),
                disqualified_on: None,
                disqualified_reason: None,
            };
            self.data.leads.push(lead);
        }
    }

    /// Leads that became customers with a first order and no deal (small web orders).
    fn direct_conversions(&mut self) {
        for _ in 0..self.n / 20 {
            let created = self.day(self.start, self.anchor);
            let converted = shift(created, self.between(0, 14)).min(self.anchor);
            let rep = self.rep_for(created, converted);
            let customer = self.push_customer(
                Known {
                    since: created,
                    acquired: Some(converted),
                    churned: None,
                    owner: self.current_owner(rep),
                },
                Source::Inbound,
            );
            let amount = Self::eur(self.between(50, 500) * 10);
            self.push_order(customer, rep, converted, amount, 60, OrderKind::New);
            let qualified = self.chance(50).then_some(converted);
            let lead = Lead {
                id: self.id(),
                updated_at: self.now,
                deleted_at: None,
                name: self.data.customers[customer].name.clone(),
                source: Source::Inbound,
                owner_id: self.rep_id(rep),
                created_on: created,
                qualified_on: qualified,
                converted_on: Some(converted),
                customer_id: self.customer_id(customer),
                deal_id: None,
                disqualified_on: None,
                disqualified_reason: None,
            };
            self.data.leads.push(lead);
        }
    }

    /// Leads that did not (yet) convert: disqualified ones, and recent ones in work.
    fn other_leads(&mut self) {
        let disqualified = self.n * 3 / 10;
        for index in 0..disqualified + self.n / 10 {
            let recent = index >= disqualified;
            let created = if recent {
                self.day(shift(self.anchor, -45).max(self.start), self.anchor)
            } else {
                self.day(self.start, self.anchor)
            };
            let dropped =
                Some(shift(created, self.between(1, 30))).filter(|d| !recent && *d <= self.anchor);
            let qualified = self.chance(if recent { 50 } else { 40 }).then(|| {
                let until = dropped.unwrap_or(self.anchor);
                self.day(created, until)
            });
            let owner = self.rep_for(created, dropped.unwrap_or(created));
            let lead = Lead {
                id: self.id(),
                updated_at: self.now,
                deleted_at: None,
                name: self.company(),
                source: self.source(),
                owner_id: self.rep_id(owner),
                created_on: created,
                qualified_on: qualified,
                converted_on: None,
                customer_id: None,
                deal_id: None,
                disqualified_on: dropped,
                disqualified_reason: dropped.map(|_| self.pick(&DISQUALIFIED_REASONS).to_owned()),
            };
            self.data.leads.push(lead);
        }
    }

    /// Upsells, cross-sells and renewals with buyers; the first is an upsell won in the
    /// anchor's month with the loyal account.
    fn expansion_deals(&mut self) {
        let count = self.n - self.n * 11 / 20;
        for index in 0..count {
            let (customer, created, close, status) = if index == 0 {
                let close = self.this_month();
                let created = shift(close, -self.between(7, 30)).max(self.start);
                (1, created, close, DealStatus::Won)
            } else {
                let (customer, low, high) = self.some_buyer();
                let latest = if self.customers[customer].churned.is_some() {
                    high
                } else {
                    shift(self.anchor, 45)
                };
                let close = self.day(low, latest);
                let created = shift(close, -self.between(5, 60)).max(low).min(self.anchor);
                let status = if close > self.anchor {
                    DealStatus::Open
                } else if self.chance(60) {
                    DealStatus::Won
                } else {
                    DealStatus::Lost
                };
                (customer, created, close, status)
            };
            let kind = match (index, self.rng.below(10)) {
                (0, _) => DealKind::Upsell,
                (1, _) => DealKind::CrossSell,
                (2, _) => DealKind::Renewal,
                (_, 0..=3) => DealKind::Upsell,
                (_, 4..=6) => DealKind::CrossSell,
                _ => DealKind::Renewal,
            };
            let owner = self.customers[customer].owner;
            let rep = self.rep_or_other(owner, created, close.min(self.anchor));
            let list_eur = 800 + 50 * self.rng.below(385) as i64;
            self.push_deal(Plan {
                customer,
                rep,
                kind,
                created,
                close,
                status,
                list_eur,
                extras: false,
            });
        }
    }

    /// Repeat, upsell and cross-sell orders without a deal. The first ones: the churning
    /// account's orders in the previous month, quarter and year, and the loyal account's
    /// repeat, upsell and cross-sell orders in the anchor's month.
    fn repeat_orders(&mut self) {
        let last = self.months.len() - 1;
        for index in 0..self.n * 4 / 5 {
            let (customer, date, kind) = match index {
                0..=2 => {
                    let back = [1, 3, 12][index];
                    let month = self.months[last - back];
                    (0, self.day(month.start, month.end), OrderKind::Repeat)
                }
                3..=5 => {
                    let kind =
                        [OrderKind::Repeat, OrderKind::Upsell, OrderKind::CrossSell][index - 3];
                    (1, self.this_month(), kind)
                }
                _ => {
                    let (customer, low, high) = self.some_buyer();
                    let kind = match self.rng.below(50) {
                        0..=29 => OrderKind::Repeat,
                        30..=40 => OrderKind::Upsell,
                        _ => OrderKind::CrossSell,
                    };
                    (customer, self.day(low, high), kind)
                }
            };
            let owner = self.customers[customer].owner;
            let rep = self.rep_or_other(owner, date, date);
            let amount = Self::eur(self.between(20, 600) * 10);
            self.push_order(customer, rep, date, amount, 70, kind);
        }
    }

    /// Calls, emails, meetings, demos, visits and prospecting blocks on working days;
    /// the first six (one of each kind) on the last working day of the anchor's month.
    /// Half of the others work a deal while it is open, the rest a customer while it is
    /// one; deals and customers are visited in order (cache-friendly at a million).
    fn activities(&mut self) {
        let forced_day = self
            .working_days
            .iter()
            .rev()
            .find(|d| **d >= self.month_start)
            .copied()
            .unwrap_or(self.anchor);
        let total = self.n * 3;
        for index in 0..total {
            let kind = if index < ActivityKind::ALL.len() {
                ActivityKind::ALL[index]
            } else {
                match self.rng.below(100) {
                    0..=31 => ActivityKind::Call,
                    32..=55 => ActivityKind::Email,
                    56..=67 => ActivityKind::Meeting,
                    68..=75 => ActivityKind::Demo,
                    76..=84 => ActivityKind::Visit,
                    _ => ActivityKind::Prospecting,
                }
            };
            let minutes = match kind {
                ActivityKind::Call => self.between(1, 6) * 5,
                ActivityKind::Email => self.between(1, 4) * 5,
                ActivityKind::Meeting => self.between(2, 6) * 15,
                ActivityKind::Demo => self.between(3, 8) * 15,
                ActivityKind::Visit => self.between(4, 16) * 15,
                ActivityKind::Prospecting => self.between(4, 12) * 15,
            } as u32;
            let (date, rep, customer, deal) = if index < ActivityKind::ALL.len() {
                let owner = self.customers[1].owner;
                let rep = self.rep_or_other(owner, forced_day, forced_day);
                let customer = (kind != ActivityKind::Prospecting).then_some(1);
                (forced_day, rep, customer, None)
            } else {
                let deal = index * self.deal_links.len() / total;
                let customer = index * self.customers.len() / total;
                let existing = index * self.existing / total;
                self.activity_links(kind, deal, customer, existing)
            };
            let note = if self.chance(25) {
                self.pick(&NOTES).to_owned()
            } else {
                String::new()
            };
            let activity = Activity {
                id: self.id(),
                updated_at: self.now,
                deleted_at: None,
                kind,
                date,
                minutes,
                rep_id: self.rep_id(rep),
                customer_id: customer.and_then(|c| self.customer_id(c)),
                deal_id: deal.map(|d: usize| self.data.deals[d].id.clone()),
                note,
            };
            self.data.activities.push(activity);
        }
    }

    /// A working day in `from..=to`, if there is one.
    fn working_day(&mut self, from: NaiveDate, to: NaiveDate) -> Option<NaiveDate> {
        let low = self.working_days.partition_point(|d| *d < from);
        let high = self.working_days.partition_point(|d| *d <= to);
        (low < high).then(|| self.working_days[low + self.rng.below((high - low) as u64) as usize])
    }

    /// When, by whom and with whom an activity was: the deal's (while it was open) for
    /// half of them, else any working day with `customer` if it was one then, else
    /// with the `existing` account (with the account's owner); nobody's for
    /// prospecting and some emails.
    fn activity_links(
        &mut self,
        kind: ActivityKind,
        deal: usize,
        customer: usize,
        existing: usize,
    ) -> (NaiveDate, usize, Option<usize>, Option<usize>) {
        let alone =
            kind == ActivityKind::Prospecting || (kind == ActivityKind::Email && self.chance(15));
        if !alone && self.chance(50) {
            let (customer, rep) = self.deal_links[deal];
            let record = &self.data.deals[deal];
            let (from, to) = (record.created_on, record.closed_on.unwrap_or(self.anchor));
            if let Some(date) = self.working_day(from, to) {
                return (date, rep, Some(customer), Some(deal));
            }
        }
        let date = self
            .working_day(self.start, self.anchor)
            .unwrap_or(self.anchor);
        let with = |known: Known| known.since <= date && known.churned.is_none_or(|c| c > date);
        let customer = if with(self.customers[customer]) {
            customer
        } else if with(self.customers[existing]) {
            existing
        } else {
            1
        };
        let owner = self.customers[customer].owner;
        let rep = self.rep_or_other(owner, date, date);
        if alone {
            (date, self.rep_for(date, date), None, None)
        } else {
            (date, rep, Some(customer), None)
        }
    }

    /// Every category every month: marketing, sales travel and tools on the 1st (plus
    /// campaigns during the month), salaries for the reps employed, commission on last
    /// month's won revenue (a contest bonus when there was none).
    fn expenses(&mut self) {
        let extra_campaigns = self.n / 120;
        for month in 0..self.months.len() {
            let first = self.months[month].start.max(self.start);
            let last = self.months[month].end.min(self.anchor);
            let add = |g: &mut Self, date, category, euros: i64, rep: Option<usize>, note: &str| {
                let expense = Expense {
                    id: g.id(),
                    updated_at: g.now,
                    deleted_at: None,
                    date,
                    category,
                    amount: Self::eur(euros),
                    rep_id: rep.and_then(|r| g.rep_id(r)),
                    note: note.to_owned(),
                };
                g.data.expenses.push(expense);
            };
            let euros = self.between(30, 120) * 50;
            add(
                self,
                first,
                ExpenseCategory::Marketing,
                euros,
                None,
                "Online ads",
            );
            for _ in 0..extra_campaigns {
                let date = self.day(first, last);
                let euros = self.between(10, 80) * 50;
                let note = self.pick(&["Trade fair booth", "Webinar series", "Direct mail"]);
                add(self, date, ExpenseCategory::Marketing, euros, None, note);
            }
            let euros = self.between(12, 50) * 50;
            add(
                self,
                first,
                ExpenseCategory::Sales,
                euros,
                None,
                "Travel and client visits",
            );
            add(
                self,
                first,
                ExpenseCategory::Tools,
                490,
                None,
                "CRM and telephony seats",
            );
            let mut commissions = 0;
            for (rep, &(_, _, salary, _)) in REPS.iter().enumerate() {
                let hired = self.data.reps[rep].hired_on.unwrap_or(first);
                if self.employed(rep, first) || (first < hired && hired <= last) {
                    add(
                        self,
                        first.max(hired),
                        ExpenseCategory::Salaries,
                        salary,
                        Some(rep),
                        "",
                    );
                }
                let earned = match month {
                    0 => i64::from(self.employed(rep, first)) * self.between(300, 900) * 100,
                    _ => self.revenue[month - 1][rep] * 5 / 100,
                };
                if earned >= 100 {
                    commissions += 1;
                    add(
                        self,
                        first,
                        ExpenseCategory::Commission,
                        earned / 100,
                        Some(rep),
                        "",
                    );
                }
            }
            if commissions == 0 {
                add(
                    self,
                    first,
                    ExpenseCategory::Commission,
                    500,
                    None,
                    "Team contest bonus",
                );
            }
        }
    }

    /// CSAT and NPS answers from buyers, a few complaints; the first three: answers, a
    /// complaint resolved and one still open in the anchor's month.
    fn feedback(&mut self) {
        for index in 0..self.n / 2 {
            let (customer, date, csat, nps, complaint, resolved) = match index {
                0 => (1, self.this_month(), Some(4), Some(9), None, None),
                1 => {
                    let resolved = self.this_month();
                    let date = shift(resolved, -self.between(1, 12)).max(self.start);
                    (1, date, Some(2), None, Some(0), Some(resolved))
                }
                2 => (1, self.this_month(), Some(1), None, Some(1), None),
                _ => {
                    let (customer, low, high) = self.some_buyer();
                    let date = self.day(low, high);
                    let complaint = self.chance(8).then(|| self.rng.below(6) as usize);
                    let resolved = complaint
                        .and_then(|_| self.chance(75).then(|| shift(date, self.between(1, 21))))
                        .filter(|d| *d <= self.anchor);
                    let (csat, nps) = match (complaint, self.rng.below(20)) {
                        (Some(_), _) => (Some(self.between(1, 2) as u8), None),
                        (None, 0..=8) => (Some(self.csat()), None),
                        (None, 9..=13) => (None, Some(self.nps())),
                        _ => (Some(self.csat()), Some(self.nps())),
                    };
                    (customer, date, csat, nps, complaint, resolved)
                }
            };
            let feedback = Feedback {
                id: self.id(),
                updated_at: self.now,
                deleted_at: None,
                customer_id: self.customer_id(customer),
                date,
                csat,
                nps,
                complaint: complaint.map(|c| COMPLAINTS[c].to_owned()),
                resolved_on: resolved,
            };
            self.data.feedback.push(feedback);
        }
    }

    fn csat(&mut self) -> u8 {
        match self.rng.below(20) {
            0 => 2,
            1..=2 => 3,
            3..=9 => 4,
            _ => 5,
        }
    }

    fn nps(&mut self) -> u8 {
        match self.rng.below(20) {
            0..=9 => 9 + self.rng.below(2) as u8,
            10..=14 => 7 + self.rng.below(2) as u8,
            _ => self.rng.below(7) as u8,
        }
    }

    /// The monthly target: 1.2 × the best month's revenue, rounded up to 1,000 EUR.
    fn finish(mut self) -> Dataset {
        let best = self
            .revenue
            .iter()
            .map(|reps| reps.iter().fold(0_i64, |sum, r| sum.saturating_add(*r)))
            .max()
            .unwrap_or(0);
        let step = 100_000; // 1,000 EUR
        let target = (best.saturating_mul(6) / 5 / step)
            .saturating_add(1)
            .saturating_mul(step);
        self.data.settings.monthly_target = Some(Money(target));
        self.data
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
        crate::model::uuid_from_bits(4, high, low)
    }
}
