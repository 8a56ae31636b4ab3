// CSV export of every record type ("today" = 2026-11-15): one button per type in
// Settings, a file named salesboard-<type>-<date>.csv, and the deals file imports again
// into empty data as the same deals.

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { appTest, eventually, navigate, readFixture, storedEnvelope } from "./harness.mjs";

const KINDS = ["teams", "reps", "customers", "leads", "deals", "orders", "activities", "expenses", "feedback", "goals", "commission_plans", "contests"];

async function exportFile(page, kind) {
  // Headless Chromium drops one of a quick burst of a dozen downloads now and then (the
  // same button then works at once): one more click before giving up.
  for (let attempt = 1; ; attempt++) {
    const download = page.waitForEvent("download", { timeout: 5_000 });
    await page.getByTestId(`export-${kind}`).click();
    try {
      const file = await download;
      return { name: file.suggestedFilename(), path: await file.path() };
    } catch (error) {
      if (attempt === 2) throw error;
    }
  }
}

/** What a deal is, without what an import may renumber (ids, links, timestamps). */
const essence = (d) => [d.title, d.stage, d.status, d.amount, d.kind, d.created_on, d.expected_close, d.closed_on, d.lost_reason ?? null];

appTest(
  "every record type exports, and the deals file re-imported into empty data gives the same deals",
  async (page) => {
    await navigate(page, "settings");
    for (const kind of KINDS) {
      const { name } = await exportFile(page, kind);
      assert.equal(name, `salesboard-${kind}-2026-11-15.csv`);
    }
    const { path } = await exportFile(page, "deals");
    const csv = await readFile(path, "utf8");
    const original = (await storedEnvelope(page)).data.deals.filter((d) => !d.deleted_at);
    assert.equal(csv.trim().split(/\r?\n/).length, original.length + 1, "a header and a row per deal");

    await page.getByTestId("erase-all").click();
    await page.getByTestId("confirm-yes").click();
    await eventually(async () => assert.equal((await storedEnvelope(page)).data.deals.length, 0));

    await page.getByTestId("import-link").click();
    await page.getByTestId("import-file").setInputFiles(path);
    await page.getByTestId("import-review").waitFor();
    assert.equal(await page.getByTestId("import-source").getAttribute("data-crm"), "salesboard");
    await page.getByTestId("import-commit").click();
    await page.getByTestId("import-done").waitFor();
    await eventually(async () => {
      const again = (await storedEnvelope(page)).data.deals.filter((d) => !d.deleted_at);
      const sorted = (deals) => deals.map(essence).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
      assert.deepEqual(sorted(again), sorted(original));
    });
  },
  { seed: readFixture("kpi-team.json") },
);
