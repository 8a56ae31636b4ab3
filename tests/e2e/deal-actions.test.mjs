// Everyday deal actions on the restored fixture (see backup-restore.test.mjs
// for its deals; "today" = 2026-11-15): delete + undo, lose with a reason,
// win, filter, edit.

import assert from "node:assert/strict";
import {
  appTest, dealRow, dealRows, eventually, expectKpis, fillDeal, navigate, readFixture, reload, storedDeals,
} from "./harness.mjs";

const SEED = readFixture("restore-basic.json");
/** The fixture's deals by letter: ID.B is "Support renewal", won 1,000.50; ID.D the open 5,000.00. */
const ID = Object.fromEntries(SEED.data.deals.map((deal, i) => ["ABCDEFG"[i], deal.id]));
const options = { path: "/deals", seed: SEED };

const statuses = (page) => dealRows(page).evaluateAll((rows) => rows.map((row) => row.dataset.status));

appTest("deleting a deal asks first, and undo brings it back", async (page) => {
  const row = dealRow(page, ID.B);
  await row.getByTestId("deal-delete").click();
  await page.getByTestId("confirm-dialog").waitFor();
  await page.getByTestId("confirm-no").click();
  await page.getByTestId("confirm-dialog").waitFor({ state: "hidden" });
  assert.equal(await dealRows(page).count(), 6, "saying no keeps the deal");

  await row.getByTestId("deal-delete").click();
  await page.getByTestId("confirm-yes").click();
  await row.waitFor({ state: "detached" });
  await page.getByTestId("undo").click();
  await row.waitFor();
  await reload(page);
  assert.equal(await dealRows(page).count(), 6, "the undo was saved");

  await row.getByTestId("deal-delete").click();
  await page.getByTestId("confirm-yes").click();
  await row.waitFor({ state: "detached" });
  await page.getByTestId("undo-toast").waitFor();
  await reload(page);
  assert.equal(await dealRows(page).count(), 5, "the delete was saved");
  const tombstone = (await storedDeals(page)).find((deal) => deal.id === ID.B);
  assert.ok(tombstone?.deleted_at, "a deleted deal is kept as a tombstone");
}, options);

appTest("marking a deal lost needs a reason", async (page) => {
  const row = dealRow(page, ID.D);
  await row.getByTestId("deal-lose").click();
  await page.getByTestId("lose-dialog").waitFor();
  await page.getByTestId("lose-confirm").click();
  await page.getByTestId("field-error-lost_reason").waitFor();
  assert.equal(await row.getAttribute("data-status"), "open", "no reason, no change");

  await page.getByTestId("lost-reason-input").fill("Went with a competitor");
  await page.getByTestId("lose-confirm").click();
  await page.getByTestId("lose-dialog").waitFor({ state: "hidden" });
  assert.equal(await row.getAttribute("data-status"), "lost");
  await reload(page);
  assert.equal(await row.getAttribute("data-status"), "lost");
  assert.equal((await storedDeals(page)).find((deal) => deal.id === ID.D).lost_reason, "Went with a competitor");

  await navigate(page, "dashboard");
  // November: lost C and now D (closed today); won A and B.
  await expectKpis(page, { deals_won: 2, deals_lost: 2, win_rate: 0.5 }); // 2 / (2 + 2)
}, options);

appTest("marking a deal won closes it today and counts it this month", async (page) => {
  const row = dealRow(page, ID.D);
  await row.getByTestId("deal-win").click();
  await eventually(async () => assert.equal(await row.getAttribute("data-status"), "won"));
  assert.equal(await row.getByTestId("deal-win").count(), 0, "win/lose only on open deals");
  await eventually(async () => {
    assert.equal((await storedDeals(page)).find((deal) => deal.id === ID.D).closed_on, "2026-11-15");
  });

  await navigate(page, "dashboard");
  await expectKpis(page, {
    revenue: 8000.5, // A 2,000.00 + B 1,000.50 + D 5,000.00
    deals_won: 3,
    deals_lost: 1, // C
    win_rate: 0.75, // 3 / (3 + 1)
    avg_deal_size: 2666.83, // 8,000.50 / 3 = 2,666.8333… → rounded to the cent
    avg_sales_cycle: 31 / 3, // (A 12 + B 8 + D 11 [11-04 → 11-15]) / 3
  });
}, options);

appTest("the status filter shows only matching deals", async (page) => {
  const filter = page.getByTestId("deal-filter");
  const expected = { won: 3, lost: 2, open: 1, all: 6 }; // won A B E, lost C F, open D
  for (const [status, count] of Object.entries(expected)) {
    await filter.selectOption(status);
    await eventually(async () => {
      const shown = await statuses(page);
      assert.equal(shown.length, count, `${status}: ${shown}`);
      if (status !== "all") assert.ok(shown.every((s) => s === status), `${status}: ${shown}`);
    });
  }
  await dealRow(page, ID.D).getByTestId("deal-win").click();
  await filter.selectOption("open");
  await page.getByTestId("deals-empty").waitFor();
}, options);

appTest("editing a deal's amount updates the list and the dashboard", async (page) => {
  const row = dealRow(page, ID.B);
  await row.getByTestId("deal-edit").click();
  const amount = page.getByTestId("deal-amount");
  assert.equal(Number((await amount.inputValue()).replace(/,/g, "")), 1000.5, "the form shows the current amount");
  await fillDeal(page, { amount: "1,500.00" });
  await page.getByTestId("deal-save").click();
  await eventually(async () => assert.match(await row.getByTestId("deal-row-amount").innerText(), /1,500\.00/));
  assert.equal(await dealRows(page).count(), 6, "an edit does not add a deal");

  await reload(page);
  assert.equal((await storedDeals(page)).find((deal) => deal.id === ID.B).amount, 150000);
  await navigate(page, "dashboard");
  await expectKpis(page, {
    revenue: 3500, // A 2,000.00 + B now 1,500.00
    deals_won: 2,
    avg_deal_size: 1750, // 3,500.00 / 2
  });
}, options);
