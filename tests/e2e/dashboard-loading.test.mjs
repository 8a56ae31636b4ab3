// While a large data set is read from IndexedDB, the dashboard says it is loading — not
// "No deals yet" and zeros — and then shows the numbers (issue 22, item 15).

import assert from "node:assert/strict";
import {
  appTest, chooseBackup, eventually, navigate, notice, readFixture, readKpi, reload, STORAGE_KEY,
} from "./harness.mjs";

const DEALS = 12_000; // past the localStorage budget: the data moves to IndexedDB

/** The team file with DEALS won deals of 10.00 each, closed on 5 November 2026. */
function largeBackup() {
  const team = readFixture("kpi-team.json");
  const deals = Array.from({ length: DEALS }, (_, i) => ({
    id: `loading-${i}`, updated_at: "2026-11-05T10:00:00Z", title: `Large data deal ${i}`,
    customer_id: "cust-northwind", rep_id: "rep-anna", stage: "negotiation", status: "won",
    amount: 1000, kind: "new", created_on: "2026-10-01", closed_on: "2026-11-05",
  }));
  const envelope = { ...team, data: { ...team.data, deals } };
  return { name: "large.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(envelope)) };
}

/** Notes, from the first paint on, every dashboard state that appeared. */
function watchDashboardStates() {
  window.__dashboardStates = new Set();
  new MutationObserver(() => {
    for (const id of ["dashboard-empty", "dashboard-loading"]) {
      if (document.querySelector(`[data-testid="${id}"]`)) window.__dashboardStates.add(id);
    }
  }).observe(document, { childList: true, subtree: true });
}

appTest("the dashboard shows that a large data set is loading, never 'No deals yet'", async (page) => {
  await chooseBackup(page, largeBackup());
  await page.getByTestId("confirm-yes").click();
  await notice(page, "restored").waitFor({ timeout: 60_000 });
  await eventually(async () => {
    const marker = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY));
    assert.equal(marker.moved_to, "indexeddb");
  }, 30_000);
  await navigate(page, "dashboard");

  await page.addInitScript(watchDashboardStates);
  await reload(page);
  await eventually(async () => assert.equal(await readKpi(page, "deals_won"), DEALS), 30_000);
  const seen = await page.evaluate(() => [...window.__dashboardStates]);
  assert.ok(seen.includes("dashboard-loading"), `the loading state was shown (seen: ${seen})`);
  assert.ok(!seen.includes("dashboard-empty"), `"No deals yet" was never shown while loading (seen: ${seen})`);
  assert.equal(await page.getByTestId("dashboard-loading").count(), 0, "and it is gone once the data is in");
}, { path: "/settings", timeout: 180_000 });
