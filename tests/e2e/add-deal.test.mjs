// A rep adds a won deal, reloads at once, and finds it kept and counted.

import assert from "node:assert/strict";
import { addDeal, appTest, dealRows, expectKpis, navigate, reload, storedDeals } from "./harness.mjs";

appTest("a deal added through the form survives an immediate reload and fills the dashboard", async (page) => {
  await navigate(page, "deals");
  await addDeal(page, {
    title: "Fleet tracking rollout",
    customer: "Acme Logistics",
    owner: "Dana Novak",
    status: "won",
    amount: "1,234.50",
    created: "2026-11-02",
    closed: "2026-11-12",
  });
  await dealRows(page).first().waitFor();

  // Reload right away: the debounced save must be flushed on pagehide.
  await reload(page);
  const rows = dealRows(page);
  assert.equal(await rows.count(), 1);
  assert.equal(await rows.first().getAttribute("data-status"), "won");
  assert.match(await rows.first().getByTestId("deal-row-title").innerText(), /Fleet tracking rollout/);
  assert.match(await rows.first().getByTestId("deal-row-amount").innerText(), /1,234\.50/);

  const [deal, ...others] = await storedDeals(page);
  assert.equal(others.length, 0);
  assert.equal(deal.title, "Fleet tracking rollout");
  assert.equal(deal.status, "won");
  assert.equal(deal.amount, 123450, "money is stored in minor units");
  assert.equal(deal.created_on, "2026-11-02");
  assert.equal(deal.closed_on, "2026-11-12");

  await navigate(page, "dashboard");
  assert.equal(await page.getByTestId("period-picker").inputValue(), "this_month");
  await expectKpis(page, {
    revenue: 1234.5,
    deals_won: 1,
    deals_lost: 0,
    win_rate: 1, // 1 won / (1 won + 0 lost)
    avg_deal_size: 1234.5, // 1,234.50 / 1
    avg_sales_cycle: 10, // 2026-11-02 → 2026-11-12
  });
});
