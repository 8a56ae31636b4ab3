// Changing the dataset's currency asks first, keeps the numbers (it is not an exchange
// rate), rounds to whole units for a currency without cents, and can be cancelled.
// Fixture deals this month (restore-basic.json): won 2,000.00 and 1,000.50.

import assert from "node:assert/strict";
import {
  addDeal, appTest, dealRows, eventually, expectKpis, navigate, readFixture, reload, storedEnvelope,
} from "./harness.mjs";

const options = { path: "/settings", seed: readFixture("restore-basic.json") };

appTest("cancelling a currency change keeps the currency and the picker", async (page) => {
  const picker = page.getByTestId("currency-select");
  await picker.selectOption("USD");
  await page.getByTestId("confirm-dialog").waitFor();
  await page.getByTestId("confirm-no").click();
  await page.getByTestId("confirm-dialog").waitFor({ state: "detached" });
  assert.equal(await picker.inputValue(), "EUR", "the picker shows the currency in use");
  assert.equal((await storedEnvelope(page)).data.settings.currency, "EUR");
}, options);

appTest("a currency without cents keeps the values, rounded to whole units", async (page) => {
  await page.getByTestId("currency-select").selectOption("VND");
  await page.getByTestId("confirm-yes").click();
  await navigate(page, "dashboard");
  // 2,000.00 → 2,000 ₫ and 1,000.50 → 1,001 ₫ (half away from zero): 3,001 in all.
  await expectKpis(page, { revenue: 3001, deals_won: 2 });
  await reload(page);
  await expectKpis(page, { revenue: 3001 });
  const stored = await storedEnvelope(page);
  assert.equal(stored.data.settings.currency, "VND");
  assert.ok(stored.data.deals.some((deal) => deal.amount === 1001), "VND has no minor units: 1,001 is stored as 1001");
}, options);

/** The fixture in forints with the given deals (amounts in stored minor units). */
function forintSeed(deals) {
  const seed = readFixture("restore-basic.json");
  seed.data.settings.currency = "HUF";
  seed.data.deals = deals;
  return seed;
}

const wonInNovember = (id, amount) => ({
  id, updated_at: "2026-11-10T10:00:00Z", title: `Spare part ${id}`, customer: "Acme Logistics", owner: "Dana Novak", stage: "negotiation",
  status: "won", amount, kind: "new", created_on: "2026-11-02", closed_on: "2026-11-10",
});

const rowAmounts = (page) => page.getByTestId("deal-row-amount").allInnerTexts();
const revenueText = (page) => page.locator('[data-kpi="revenue"]').first().innerText();

appTest("HUF amounts typed with fillér are stored in whole forints, so three rows of 1 Ft make 3 Ft", async (page) => {
  for (const n of [1, 2, 3]) {
    await addDeal(page, { title: `Spare part ${n}`, status: "won", amount: "0.70", created: "2026-11-02", closed: "2026-11-10" });
    await eventually(async () => assert.equal(await dealRows(page).count(), n));
  }
  assert.deepEqual(await rowAmounts(page), ["1\u00a0Ft", "1\u00a0Ft", "1\u00a0Ft"]);
  await eventually(async () => {
    const amounts = (await storedEnvelope(page)).data.deals.map((deal) => deal.amount);
    assert.deepEqual(amounts, [100, 100, 100], "0.70 Ft is stored as 1 Ft (100 fillér), rounded once at input");
  });
  await navigate(page, "dashboard");
  await expectKpis(page, { revenue: 3 });
  assert.match(await revenueText(page), /\b3\u00a0Ft\b/, "the total is the sum of the rows as shown");
}, { path: "/deals", seed: forintSeed([]) });

appTest("HUF amounts saved with fillér show them, so the rows add up to the total shown", async (page) => {
  assert.deepEqual(await rowAmounts(page), ["0.70\u00a0Ft", "0.70\u00a0Ft", "0.70\u00a0Ft"], "was: 1 Ft three times");
  await navigate(page, "dashboard");
  await expectKpis(page, { revenue: 2.1 });
  assert.match(await revenueText(page), /\b2\.10\u00a0Ft\b/, "was: 2 Ft");
}, { path: "/deals", seed: forintSeed([wonInNovember("a", 70), wonInNovember("b", 70), wonInNovember("c", 70)]) });
