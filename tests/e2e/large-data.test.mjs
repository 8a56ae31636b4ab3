// Past the localStorage budget (about 2 MB of text) the data moves to IndexedDB by
// itself: the copy there is read back before localStorage gives it up, a reload loads
// it from there, and 100k deals are held with no loss. Two tabs on IndexedDB hear of
// each other's saves on a BroadcastChannel and never lose an update.

import assert from "node:assert/strict";
import {
  appTest, BASE_URL, chooseBackup, dealRows, eventually, indexedText, navigate, notice, readFixture, readKpi, reload, STORAGE_KEY,
  storedEnvelope,
} from "./harness.mjs";

/** A backup file with `count` won deals of 10.00 each, closed in November 2026. */
function bigBackup(count) {
  const team = readFixture("kpi-team.json");
  const deals = Array.from({ length: count }, (_, i) => ({
    id: `bulk-${i}`,
    updated_at: "2026-11-05T10:00:00Z",
    title: `Bulk deal ${i} – a title of some ordinary length`,
    customer_id: "cust-northwind",
    rep_id: "rep-anna",
    stage: "negotiation",
    status: "won",
    amount: 1000,
    kind: "new",
    created_on: "2026-10-01",
    closed_on: "2026-11-05",
  }));
  const envelope = { ...team, data: { ...team.data, deals } };
  return { name: "big.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(envelope)) };
}

const localText = (page) => page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);

async function restore(page, file) {
  await navigate(page, "settings");
  await chooseBackup(page, file);
  await page.getByTestId("confirm-yes").click();
  await notice(page, "restored").waitFor({ timeout: 60_000 });
}

/** Waits until localStorage holds only the "moved" marker. */
async function movedToIndexedDb(page) {
  await eventually(async () => {
    const marker = JSON.parse(await localText(page));
    assert.equal(marker.moved_to, "indexeddb");
  }, 30_000);
}

appTest("past the localStorage budget the data moves to IndexedDB and stays complete", async (page) => {
  await restore(page, bigBackup(12_000));
  await movedToIndexedDb(page);
  assert.ok((await localText(page)).length < 200, "localStorage keeps a small marker only");
  assert.equal(await page.evaluate(() => localStorage.getItem("salesboard.last_good")), null);
  const stored = await storedEnvelope(page);
  assert.equal(stored.data.deals.length, 12_000);
  assert.match(await page.getByTestId("storage-status").innerText(), /IndexedDB/);

  // A long list renders in steps of 100: by the button, and by scrolling to its end.
  await navigate(page, "deals");
  assert.equal(await dealRows(page).count(), 100);
  await page.getByTestId("show-more").click();
  await eventually(async () => assert.equal(await dealRows(page).count(), 200));
  await page.getByTestId("show-more").scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 400);
  await eventually(async () => assert.equal(await dealRows(page).count(), 300));

  // A change is saved there, and a reload reads it back from there.
  await navigate(page, "records");
  await page.getByTestId("record-new").click();
  await page.getByTestId("record-name").fill("Added after the move");
  await page.getByTestId("record-save").click();
  await page.getByTestId("record-form").waitFor({ state: "detached" });
  await eventually(async () => {
    const names = (await storedEnvelope(page)).data.customers.map((c) => c.name);
    assert.ok(names.includes("Added after the move"));
  });
  await reload(page);
  await page.getByTestId("record-row").filter({ hasText: "Added after the move" }).waitFor();
  assert.match(await indexedText(page, "salesboard.last_good"), /Added after the move/, "a good load keeps its copy there too");
  await navigate(page, "dashboard");
  await eventually(async () => {
    assert.equal(await readKpi(page, "deals_won"), 12_000);
  });
}, { path: "/settings" });

appTest("100k deals are held with no loss", async (page) => {
  await restore(page, bigBackup(100_000));
  await movedToIndexedDb(page);
  await reload(page);
  const stored = await storedEnvelope(page);
  assert.equal(stored.data.deals.length, 100_000);
  assert.equal(new Set(stored.data.deals.map((d) => d.id)).size, 100_000, "every deal once");
}, { path: "/settings" });

appTest("two tabs on IndexedDB see each other's saves and lose none", async (first) => {
  await restore(first, bigBackup(12_000));
  await movedToIndexedDb(first);
  const second = await first.context().newPage();
  await second.clock.setFixedTime(new Date("2026-11-15T12:00:00"));
  await second.goto(`${BASE_URL}/records/customers`);
  await second.getByTestId("app-ready").waitFor();
  await second.getByTestId("record-row").first().waitFor();

  const add = async (page, name) => {
    await page.getByTestId("record-new").click();
    await page.getByTestId("record-name").fill(name);
    await page.getByTestId("record-save").click();
    await page.getByTestId("record-form").waitFor({ state: "detached" });
  };
  await navigate(first, "records");
  await add(first, "From the first tab");
  await second.getByTestId("record-row").filter({ hasText: "From the first tab" }).waitFor({ timeout: 15_000 });
  await add(second, "From the second tab");
  await first.getByTestId("record-row").filter({ hasText: "From the second tab" }).waitFor({ timeout: 15_000 });
  // Both at once: the revision check makes the later writer merge first.
  await Promise.all([add(first, "Both A"), add(second, "Both B")]);
  await second.close({ runBeforeUnload: true });
  await eventually(async () => {
    const names = (await storedEnvelope(first)).data.customers.map((c) => c.name);
    for (const name of ["From the first tab", "From the second tab", "Both A", "Both B"]) {
      assert.ok(names.includes(name), `${name} is stored`);
    }
  }, 15_000);
}, { path: "/settings" });
