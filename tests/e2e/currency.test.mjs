// Changing the dataset's currency asks first, keeps the numbers (it is not an exchange
// rate), rounds to whole units for a currency without cents, and can be cancelled.
// Fixture deals this month (restore-basic.json): won 2,000.00 and 1,000.50.

import assert from "node:assert/strict";
import { appTest, expectKpis, navigate, readFixture, reload, storedEnvelope } from "./harness.mjs";

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
