// Restoring a backup replaces the data; a bad file changes nothing; an export
// restores to the same numbers.
//
// fixtures/restore-basic.json, "today" = 2026-11-15 (amounts in EUR):
//   A won   2,000.00  created 2026-10-20  closed 2026-11-01  (cycle 12 days; first day of November)
//   B won   1,000.50  created 2026-11-02  closed 2026-11-10  (cycle  8 days)
//   C lost  3,000.00  created 2026-10-01  closed 2026-11-05
//   D open  5,000.00  created 2026-11-04                     (open deals never count)
//   E won   4,000.00  created 2026-09-15  closed 2026-10-31  (cycle 46 days = 15 in Sep + 31; last day of October)
//   F lost    800.00  created 2026-10-02  closed 2026-10-20
//   G won   9,999.00  closed 2026-10-15, deleted (tombstone: ignored everywhere)

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  appTest, chooseBackup, dealRows, eventually, expectKpis, fixturePath, navigate, notice, readFixture, selectPeriod, storedDeals,
} from "./harness.mjs";

const FIXTURE = "restore-basic.json";

const EXPECTED = {
  this_month: {
    revenue: 3000.5, // A 2,000.00 + B 1,000.50
    deals_won: 2, // A, B
    deals_lost: 1, // C
    win_rate: 2 / 3, // 2 won / (2 won + 1 lost)
    avg_deal_size: 1500.25, // 3,000.50 / 2
    avg_sales_cycle: 10, // (12 + 8) / 2
  },
  last_month: {
    revenue: 4000, // E (G is deleted)
    deals_won: 1, // E
    deals_lost: 1, // F
    win_rate: 0.5, // 1 / (1 + 1)
    avg_deal_size: 4000, // 4,000.00 / 1
    avg_sales_cycle: 46, // E: 2026-09-15 → 2026-10-31
  },
  this_year: {
    revenue: 7000.5, // 2,000.00 + 1,000.50 + 4,000.00
    deals_won: 3, // A, B, E
    deals_lost: 2, // C, F
    win_rate: 0.6, // 3 / (3 + 2)
    avg_deal_size: 2333.5, // 7,000.50 / 3
    avg_sales_cycle: 22, // (12 + 8 + 46) / 3
  },
  last_quarter: {
    // July–September 2026: nothing closed, so no data (never NaN) for the ratios.
    revenue: 0,
    deals_won: 0,
    deals_lost: 0,
    win_rate: null,
    avg_deal_size: null,
    avg_sales_cycle: null,
  },
};

/** Newest first by created date: D 11-04, B 11-02, A 10-20, F 10-02, C 10-01, E 09-15. */
const LIVE_IDS_NEWEST_FIRST = [3, 1, 0, 5, 2, 4].map((i) => readFixture(FIXTURE).data.deals[i].id);

async function expectFixtureDashboard(page) {
  await navigate(page, "dashboard");
  for (const [period, expected] of Object.entries(EXPECTED)) {
    await selectPeriod(page, period);
    await expectKpis(page, expected);
  }
}

async function restore(page, file) {
  await chooseBackup(page, file);
  await page.getByTestId("confirm-dialog").waitFor();
  await page.getByTestId("confirm-yes").click();
  await notice(page, "restored").waitFor();
}

appTest("restoring a backup replaces the data and the dashboard shows the hand-computed KPIs", async (page) => {
  await restore(page, fixturePath(FIXTURE));
  await navigate(page, "deals");
  const ids = await dealRows(page).evaluateAll((rows) => rows.map((row) => row.dataset.dealId));
  assert.deepEqual(ids, LIVE_IDS_NEWEST_FIRST, "live deals, newest first; the deleted one is not listed");
  await expectFixtureDashboard(page);
}, { path: "/settings" });

const BAD_FILES = [
  { name: "notes.json", mimeType: "application/json", buffer: Buffer.from("this is not JSON {") },
  {
    name: "from-the-future.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify({ ...readFixture(FIXTURE), version: 99 })),
    mentions: "99",
  },
];

appTest("a backup that cannot be read is refused with a message and changes nothing", async (page) => {
  const before = await storedDeals(page);
  for (const file of BAD_FILES) {
    await chooseBackup(page, file);
    const refused = notice(page, "restore_failed");
    await refused.waitFor();
    assert.equal(await refused.getAttribute("data-notice-kind"), "error");
    const message = await refused.innerText();
    assert.ok(message.trim().length > 0, "the notice says what is wrong");
    if (file.mentions) assert.ok(message.includes(file.mentions), `"${message}" names version ${file.mentions}`);
    assert.equal(await page.getByTestId("confirm-dialog").isVisible(), false, "no confirmation for a bad file");
    await refused.getByTestId("notice-dismiss").click();
    await refused.waitFor({ state: "detached" });
  }
  await page.waitForTimeout(600); // longer than the save debounce
  assert.deepEqual(await storedDeals(page), before);
  await expectFixtureDashboard(page);
}, { path: "/settings", seed: readFixture(FIXTURE) });

/** The fixture as a backup file, with `edit` applied to its deals. */
function editedBackup(name, edit) {
  const backup = readFixture(FIXTURE);
  edit(backup.data.deals);
  return { name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(backup)) };
}

/** Chooses a file that must be refused; returns the notice's detail and dismisses it. */
async function refusal(page, file) {
  await chooseBackup(page, file);
  const refused = notice(page, "restore_failed");
  await refused.waitFor();
  const detail = await refused.locator(".notice-detail").innerText();
  assert.equal(await page.getByTestId("confirm-dialog").isVisible(), false, "no confirmation for a bad file");
  await refused.getByTestId("notice-dismiss").click();
  await refused.waitFor({ state: "detached" });
  return detail;
}

const BAD_AMOUNT = editedBackup("bad-amount.json", (deals) => { deals[1].amount = "1.000,50"; });
const BAD_DATE = editedBackup("bad-date.json", (deals) => { deals[2].created_on = "2026-02-30"; });

appTest("a backup with a bad amount or date names the record and the field, not the parser's words", async (page) => {
  const before = await storedDeals(page);
  assert.equal(
    await refusal(page, BAD_AMOUNT),
    "Deals, record 2 (“Support renewal”), field “Amount”: “1.000,50” is not an amount.",
  );
  assert.equal(
    await refusal(page, BAD_DATE),
    "Deals, record 3 (“Warehouse scanners”), field “Created on”: “2026-02-30” is not a date (year-month-day, such as 2026-11-15).",
  );
  await page.waitForTimeout(600); // longer than the save debounce
  assert.deepEqual(await storedDeals(page), before, "nothing was changed");
}, { path: "/settings", seed: readFixture(FIXTURE) });

appTest("a file that is not a backup, or is from a newer version, is named so without the parser's words", async (page) => {
  assert.equal(await refusal(page, BAD_FILES[0]), "The file is not a Salesboard backup: it is not JSON text.");
  const notOurs = { name: "other.json", mimeType: "application/json", buffer: Buffer.from('{"app":"other","data":{}}') };
  assert.equal(await refusal(page, notOurs), "The file is JSON, but not a Salesboard backup.");
  assert.equal(
    await refusal(page, BAD_FILES[1]),
    "The backup was made by a newer Salesboard (data version 99); this one reads up to version 3. Update the app, then restore it.",
  );
}, { path: "/settings" });

appTest("a restore problem is named in the user's language", async (page) => {
  const detail = await refusal(page, BAD_AMOUNT);
  assert.equal(detail, "Deals, Eintrag 2 („Support renewal“), Feld „Betrag“: „1.000,50“ ist kein Betrag.");
  assert.doesNotMatch(detail, /expected|invalid type|out of range/);
}, { path: "/settings", seed: readFixture(FIXTURE), context: { locale: "de-DE" } });

appTest("an exported backup restores to the same numbers after erasing everything", async (page) => {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("backup-export").click()]);
  assert.equal(download.suggestedFilename(), "salesboard-backup-2026-11-15.json");
  const backupPath = await download.path();
  const backup = JSON.parse(readFileSync(backupPath, "utf8"));
  assert.equal(backup.app, "salesboard");
  assert.equal(backup.version, 3, "the v1 copy was migrated on load and is exported as the current version");
  const exported = backup.data.deals.filter((deal) => !deal.deleted_at).map((deal) => deal.id);
  assert.deepEqual(exported.sort(), [...LIVE_IDS_NEWEST_FIRST].sort());

  await page.getByTestId("erase-all").click();
  await page.getByTestId("confirm-yes").click();
  await notice(page, "erased").waitFor();
  await navigate(page, "dashboard");
  await page.getByTestId("dashboard-empty").waitFor();

  await navigate(page, "settings");
  await restore(page, backupPath);
  await expectFixtureDashboard(page);
}, { path: "/settings", seed: readFixture(FIXTURE) });

appTest("settings say whether the browser keeps the data, how much is used, and when the last backup was", async (page) => {
  await page.getByTestId("demo-load").click();
  await notice(page, "demo_loaded").waitFor();
  assert.match(await page.getByTestId("backup-last").innerText(), /No backup/);
  await eventually(async () => assert.match(await page.getByTestId("storage-usage").innerText(), /uses [\d.,]+ (KB|MB) of the [\d.,]+ (KB|MB|GB)/));
  assert.match(await page.getByTestId("storage-persistence").innerText(), /keeps this data|may clear|does not say/);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("backup-export").click()]);
  assert.ok(await download.path());
  await eventually(async () => assert.match(await page.getByTestId("backup-last").innerText(), /15\sNov\s2026/));
  await page.reload();
  await page.getByTestId("app-ready").waitFor();
  assert.match(await page.getByTestId("backup-last").innerText(), /15\sNov\s2026/, "remembered across a reload");
}, { path: "/settings" });
