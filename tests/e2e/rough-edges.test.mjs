// Rough edges a new user trips over (issue 19): the floating "Log" button never covers
// the undo toast on a phone, and a tapped KPI formula closes when another card is tapped.

import assert from "node:assert/strict";
import { appTest, notice, readFixture } from "./harness.mjs";

const PHONE = { viewport: { width: 360, height: 740 } };

const overlap = (a, b) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

appTest("on a phone the undo toast sits clear of the quick-log button", async (page) => {
  const row = page.locator('[data-testid="deal-row"][data-deal-id="deal-4"]');
  await row.getByTestId("deal-delete").click();
  await page.getByTestId("confirm-yes").click();
  const toast = await page.getByTestId("undo-toast").boundingBox();
  const log = await page.getByTestId("quick-log").boundingBox();
  assert.ok(toast && log, "both are on screen");
  assert.ok(!overlap(toast, log), `toast ${JSON.stringify(toast)} and Log button ${JSON.stringify(log)} overlap`);
  assert.ok(toast.y + toast.height <= 740 && toast.y >= 0, "the toast is within the screen");
}, { seed: readFixture("kpi-team.json"), path: "/deals", context: PHONE });

appTest("a tapped KPI formula closes when another card is tapped", async (page) => {
  await page.getByTestId("empty-load-demo").click();
  await notice(page, "demo_loaded").waitFor();
  const revenue = page.locator('[data-kpi="revenue"]');
  const winRate = page.locator('[data-kpi="win_rate"]');
  await revenue.locator(".kpi-value").click();
  await revenue.locator(".kpi-formula").waitFor({ state: "visible" });
  await winRate.locator(".kpi-value").click();
  await winRate.locator(".kpi-formula").waitFor({ state: "visible" });
  await revenue.locator(".kpi-formula").waitFor({ state: "hidden" });
  assert.equal(await revenue.getByTestId("kpi-formula-toggle").getAttribute("aria-expanded"), "false");
  // A second tap on the open card closes it (the mouse still hovers it here: read the state).
  await winRate.locator(".kpi-value").click();
  assert.equal(await winRate.getByTestId("kpi-formula-toggle").getAttribute("aria-expanded"), "false");
}, { context: PHONE });
