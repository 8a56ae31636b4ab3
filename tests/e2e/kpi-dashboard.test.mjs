// The KPI engine through the UI: a small team's file restored from a backup, then a
// dozen KPIs checked against hand-computed values in several scopes and periods.
//
// fixtures/kpi-team.json, "today" = 2026-11-15, EUR, monthly target 10,000.00:
//   teams North (Anna, Minh) and South (Petr)
//   deal-1 won  5,000.00 Anna  Northwind  upsell, cost 3,000, discount 500, 2026-10-01 → 2026-11-05 (35 days)
//   deal-2 won  3,000.00 Minh  Mekong     new,                             2026-10-20 → 2026-11-03 (14 days)
//   deal-3 lost 2,000.00 Petr  Vltava                                      closed 2026-11-08
//   deal-4 open 10,000.00 Anna Danube     proposal (60 %), created 2026-11-01
//   deal-5 won  1,000.00 Petr  Vltava     closed 2026-10-15 (October)
//   order-1      500.00 Anna  Northwind  repeat, cost 200, 2026-11-12
//   order-2    5,000.00 delivers deal-1 (not counted twice)
//   customers: Northwind (acquired 2026-03-10), Mekong (2026-11-03), Vltava (2026-01-20,
//   churned 2026-11-10), Danube (2026-10-05)

import assert from "node:assert/strict";
import { appTest, chooseBackup, eventually, fixturePath, navigate, notice, readKpi, selectPeriod } from "./harness.mjs";

async function restoreTeamFile(page) {
  await chooseBackup(page, fixturePath("kpi-team.json"));
  await page.getByTestId("confirm-dialog").waitFor();
  await page.getByTestId("confirm-yes").click();
  await notice(page, "restored").waitFor();
  await navigate(page, "dashboard");
}

async function expectValues(page, expected, where) {
  await eventually(async () => {
    const actual = {};
    for (const id of Object.keys(expected)) actual[id] = await readKpi(page, id);
    const close = (a, e) => (e === null ? a === null : a !== null && Math.abs(a - e) <= 1e-6 * Math.max(1, Math.abs(e)));
    const ok = Object.entries(expected).every(([id, e]) => close(actual[id], e));
    assert.ok(ok, `${where}\n  expected ${JSON.stringify(expected)}\n  actual   ${JSON.stringify(actual)}`);
  });
}

const EVERYONE_NOVEMBER = {
  revenue: 8500, // 5,000 + 3,000 + 500 (order-2 delivers deal-1: not counted again)
  revenue_growth: 7.5, // (8,500 − 1,000) ÷ 1,000
  avg_order_value: 2833.33, // 8,500 ÷ 3 sales, rounded to the cent
  avg_deal_size: 4000, // (5,000 + 3,000) ÷ 2
  deals_won: 2,
  deals_lost: 1,
  win_rate: 2 / 3,
  avg_sales_cycle: 24.5, // (35 + 14) ÷ 2
  median_sales_cycle: 24.5,
  profit_margin: (5500 - 3200) / 5500, // deal-1 and order-1 have a cost
  avg_discount: 500 / 8500, // 500 ÷ (5,000 + 500 + 3,000)
  discounted_share: 0.5,
  expansion_revenue: 5000, // deal-1 is an upsell
  expansion_share: 5000 / 8500,
  open_pipeline: 10000, // deal-4
  weighted_pipeline: 6000, // 10,000 × 60 %
  pipeline_coverage: 10000 / 1500, // 10,000 ÷ (10,000 target − 8,500 reached)
  new_customers: 1, // Mekong
  churn_rate: 1 / 3, // Vltava of {Northwind, Vltava, Danube} at the start
  repeat_customer_rate: 0.5, // of {Northwind, Mekong} buying, Northwind bought before
  existing_revenue_share: 5500 / 8500,
};

appTest("a restored team file shows hand-computed KPIs for everyone, a rep, a team and last month", async (page) => {
  await restoreTeamFile(page);
  await expectValues(page, EVERYONE_NOVEMBER, "everyone, this month");
  // The churn chart's text alternative: twelve months to November; October lost no one
  // of {Northwind, Vltava}, November lost Vltava of three.
  const churnCells = page.getByTestId("churn-table").locator("td");
  assert.equal(await churnCells.count(), 12);
  assert.equal(Number(await churnCells.nth(10).getAttribute("data-value")), 0);
  assert.ok(Math.abs(Number(await churnCells.nth(11).getAttribute("data-value")) - 1 / 3) < 1e-9);
  await page.getByTestId("churn-chart").waitFor();

  await page.getByTestId("scope-picker").selectOption("rep:rep-anna");
  await expectValues(page, {
    revenue: 5500, deals_won: 1, deals_lost: 0, win_rate: 1, open_pipeline: 10000, new_customers: 0,
  }, "Anna, this month");

  await page.getByTestId("scope-picker").selectOption("team:team-south");
  await expectValues(page, { revenue: 0, deals_won: 0, deals_lost: 1, win_rate: 0, churn_rate: 1 }, "team South, this month");

  await page.getByTestId("scope-picker").selectOption("everyone");
  await selectPeriod(page, "last_month");
  await expectValues(page, { revenue: 1000, deals_won: 1, avg_sales_cycle: 14, new_customers: 1, revenue_growth: null }, "everyone, October");

  // A custom range: 3 to 5 November holds deal-2 and deal-1.
  await selectPeriod(page, "custom");
  await page.getByTestId("period-from").fill("2026-11-03");
  await page.getByTestId("period-to").fill("2026-11-05");
  await expectValues(page, { revenue: 8000, deals_won: 2, deals_lost: 0 }, "everyone, 3–5 November");
}, { path: "/settings" });

appTest("an emptied or absurd custom date is named at its field, and the label says the last range is still shown", async (page) => {
  await restoreTeamFile(page);
  await selectPeriod(page, "custom");
  const [from, to, label, problem] = ["period-from", "period-to", "period-label", "period-invalid"].map((id) => page.getByTestId(id));
  await from.fill("2026-11-03");
  await to.fill("2026-11-05");
  await expectValues(page, { revenue: 8000 }, "3–5 November");
  const range = await label.innerText();
  assert.equal(await label.getAttribute("data-stale"), null);

  await to.fill("");
  await problem.waitFor();
  assert.equal(await problem.innerText(), "This field is required.");
  assert.equal(await to.getAttribute("aria-invalid"), "true");
  assert.equal(await from.getAttribute("aria-invalid"), null);
  assert.equal(await label.getAttribute("data-stale"), "true");
  assert.equal(await label.innerText(), `Still showing ${range}: correct the custom dates to change it.`);
  await expectValues(page, { revenue: 8000 }, "the last good range, as the label says");

  await to.fill("2026-11-15");
  await from.fill("0001-01-01");
  await eventually(async () => assert.equal(await problem.innerText(), "Enter a date from 1970 up to ten years from today."));
  assert.equal(await from.getAttribute("aria-invalid"), "true");
  assert.equal(await label.getAttribute("data-stale"), "true");

  await from.fill("2026-11-01");
  await problem.waitFor({ state: "detached" });
  assert.equal(await label.getAttribute("data-stale"), null);
  await expectValues(page, { revenue: 8500 }, "1–15 November");
}, { path: "/settings" });

appTest("each KPI card shows its change against the previous period and its formula on focus", async (page) => {
  await restoreTeamFile(page);
  const revenue = page.locator('[data-kpi="revenue"]');
  await eventually(async () => assert.equal(await revenue.getByTestId("kpi-trend").getAttribute("data-direction"), "up"));
  assert.match(await revenue.getByTestId("kpi-trend").getAttribute("class"), /good/);
  // Lost deals went up from 0 to 1: lower is better, so that is bad.
  const lost = page.locator('[data-kpi="deals_lost"]');
  assert.match(await lost.getByTestId("kpi-trend").getAttribute("class"), /bad/);
  // Reached with the keyboard (a click's focus does not show it; a second click hides it).
  await revenue.getByTestId("kpi-formula-toggle").focus();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Tab");
  const formula = revenue.locator(".kpi-formula");
  await formula.waitFor({ state: "visible" });
  assert.match(await formula.innerText(), /won deals/i);
}, { path: "/settings" });

appTest("with the demo loaded no KPI card shows an error, and each group has numbers", async (page) => {
  await page.getByTestId("empty-load-demo").click();
  await notice(page, "demo_loaded").waitFor();
  for (const period of ["this_month", "this_quarter", "this_year"]) {
    await selectPeriod(page, period);
    await eventually(async () => {
      const cards = await page.locator("[data-kpi]").evaluateAll((cards) =>
        cards.map((c) => ({ id: c.dataset.kpi, value: c.dataset.value, noData: c.dataset.noData, text: c.innerText })));
      assert.ok(cards.length >= 30, `${cards.length} cards`);
      for (const card of cards) {
        assert.doesNotMatch(card.text, /NaN|inf|error/i, `${card.id} in ${period}`);
        if (card.noData !== "true") assert.ok(Number.isFinite(Number(card.value)), `${card.id} = ${card.value}`);
      }
      const withNumbers = cards.filter((c) => c.noData !== "true").length;
      assert.ok(withNumbers >= cards.length - 3, `${period}: only ${withNumbers} of ${cards.length} cards have data`);
    });
  }
  // A rate's change is in percentage points ("▼ 5.3 pp"), never a percent of a percent.
  const rates = ["revenue_growth", "win_rate", "profit_margin", "churn_rate", "retention_rate"];
  const changes = await page.locator("[data-kpi]").evaluateAll(
    (cards, rates) => cards.filter((c) => rates.includes(c.dataset.kpi)).map((c) => c.querySelector('[data-testid="kpi-trend"][data-direction="up"], [data-testid="kpi-trend"][data-direction="down"]')?.textContent).filter(Boolean),
    rates,
  );
  assert.ok(changes.length >= 2, `rate cards with a change: ${JSON.stringify(changes)}`);
  for (const change of changes) assert.match(change, /^[▲▼] \d+(\.\d)? pp vs previous period$/);
});

appTest("the sales settings change 'me', the target and a stage's probability, and the KPIs follow", async (page) => {
  await restoreTeamFile(page);
  await navigate(page, "settings");
  // A probability above 100 is refused, naming the field; nothing changes.
  await page.getByTestId("stage-3-probability").fill("150");
  await page.getByTestId("settings-save").click();
  await page.locator(".stage-row").nth(3).locator(".field-error").filter({ hasText: /range/i }).waitFor();

  await page.getByTestId("stage-3-probability").fill("50"); // Proposal: 60 % → 50 %
  await page.getByTestId("settings-target").fill("12,000.00");
  await page.getByTestId("settings-me").selectOption({ label: "Minh Nguyen" });
  await page.getByTestId("settings-save").click();
  await notice(page, "settings_saved").waitFor();

  await navigate(page, "dashboard");
  await expectValues(page, {
    weighted_pipeline: 5000, // 10,000 × 50 %
    pipeline_coverage: 10000 / 3500, // 10,000 ÷ (12,000 − 8,500)
  }, "after the settings change");
  const first = page.getByTestId("scope-picker").locator("option").first();
  assert.equal(await first.innerText(), "Me (Minh Nguyen)");
  await page.getByTestId("scope-picker").selectOption("rep:rep-minh");
  await expectValues(page, { revenue: 3000, new_customers: 1 }, "Minh, this month");
}, { path: "/settings" });
