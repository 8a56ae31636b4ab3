// Undo across the app: every delete and bulk change can be taken back from the toast or
// with Ctrl+Z, and what undo puts back is saved. The backup reminder shows once the
// rep's own changes are over a week past the last backup download ("today" = 2026-11-15).

import assert from "node:assert/strict";
import { appTest, eventually, readFixture, reload, storedEnvelope } from "./harness.mjs";

const team = () => readFixture("kpi-team.json");
const card = (page, id) => page.locator(`[data-testid="board-card"][data-deal-id="${id}"]`);
const column = (page, stage) => page.locator(`[data-testid="stage-column"][data-stage="${stage}"]`);
const storedDeal = async (page, id) => (await storedEnvelope(page))?.data?.deals?.find((d) => d.id === id);

appTest(
  "a pipeline move, a deal marked lost and a delete are each undone, and the undo is saved",
  async (page) => {
    await page.getByTestId("nav-pipeline").click();
    await page.waitForURL("**/pipeline");
    await card(page, "deal-4").getByTestId("card-previous").click();
    await column(page, "demo").locator('[data-deal-id="deal-4"]').waitFor();
    assert.match(await page.getByTestId("undo-text").innerText(), /Moved/);
    await page.getByTestId("undo").click();
    await column(page, "proposal").locator('[data-deal-id="deal-4"]').waitFor();
    await page.getByTestId("undo-toast").waitFor({ state: "detached" });
    await eventually(async () => assert.equal((await storedDeal(page, "deal-4")).stage, "proposal"));

    // Lost by mistake: Ctrl+Z (outside any text field) brings it back open.
    await card(page, "deal-4").getByTestId("card-lose").click();
    await page.getByTestId("lost-reason-input").fill("Budget cut");
    await page.getByTestId("lose-confirm").click();
    await card(page, "deal-4").waitFor({ state: "detached" });
    await page.getByTestId("undo-toast").waitFor();
    await page.keyboard.press("Control+z");
    await card(page, "deal-4").waitFor();
    await eventually(async () => {
      const deal = await storedDeal(page, "deal-4");
      assert.equal(deal.status, "open");
      assert.equal(deal.lost_reason, null);
    });

    // A delete from the deals list: focus goes to Undo, Enter undoes it.
    await page.getByTestId("nav-deals").click();
    const row = page.locator('[data-testid="deal-row"][data-deal-id="deal-4"]');
    await row.getByTestId("deal-delete").click();
    await page.getByTestId("confirm-yes").click();
    await row.waitFor({ state: "detached" });
    await page.waitForFunction(() => document.activeElement?.dataset?.testid === "undo");
    await page.keyboard.press("Enter");
    await row.waitFor();
    await reload(page);
    await row.waitFor();
    const deal = await storedDeal(page, "deal-4");
    assert.equal(deal.deleted_at, null, "the undone delete was saved");
  },
  { seed: team() },
);

appTest(
  "erasing everything and loading the demo are undone back to the rep's data",
  async (page) => {
    // What a rep sees of each record (the seed is stored without its default fields).
    const essence = (data) => ({
      deals: data.deals.filter((d) => !d.deleted_at).map((d) => [d.id, d.title, d.amount, d.stage, d.status]),
      customers: data.customers.filter((c) => !c.deleted_at).map((c) => [c.id, c.name]),
    });
    const before = essence((await storedEnvelope(page)).data);
    await page.getByTestId("nav-settings").click();
    await page.getByTestId("erase-all").click();
    await page.getByTestId("confirm-yes").click();
    await eventually(async () => assert.equal((await storedEnvelope(page)).data.deals.length, 0));
    assert.match(await page.getByTestId("undo-text").innerText(), /erased/);
    await page.getByTestId("undo").click();
    await eventually(async () => {
      assert.deepEqual(essence((await storedEnvelope(page)).data), before, "every deal and customer back");
    });

    await page.getByTestId("demo-load").click();
    await page.getByTestId("confirm-yes").click();
    await eventually(async () => assert.ok((await storedEnvelope(page)).data.deals.length > 20, "the demo is in"));
    await page.keyboard.press("Control+z");
    await eventually(async () => assert.deepEqual(essence((await storedEnvelope(page)).data), before));
  },
  { seed: team() },
);

/** kpi-team.json with the settings changed by the rep on `day` (a change of their own). */
function changedOn(day) {
  const envelope = team();
  envelope.data.settings.updated_at = `${day}T09:00:00Z`;
  return envelope;
}

/** Sets the date of the last backup download before the app's first load. */
async function backedUpOn(page, day) {
  await page.context().addInitScript((day) => localStorage.setItem("salesboard.last_backup", day), day);
  await reload(page);
}

appTest(
  "the backup reminder shows 8 days after the last backup, downloads one, and goes",
  async (page) => {
    await backedUpOn(page, "2026-11-07");
    const reminder = page.getByTestId("backup-reminder");
    await reminder.waitFor();
    assert.match(await reminder.innerText(), /2026-11-07/);
    const download = page.waitForEvent("download");
    await reminder.getByTestId("backup-reminder-download").click();
    assert.equal((await download).suggestedFilename(), "salesboard-backup-2026-11-15.json");
    await reminder.waitFor({ state: "detached" });
  },
  { seed: changedOn("2026-11-10") },
);

appTest(
  "7 days after the last backup there is no reminder, nor for demo data; a dismissed one stays away",
  async (page) => {
    await backedUpOn(page, "2026-11-08");
    await page.getByTestId("nav-deals").waitFor();
    // The app is up and has had time to render the banner if it were due.
    await page.getByTestId("deal-new").waitFor({ state: "attached" }).catch(() => {});
    assert.equal(await page.getByTestId("backup-reminder").count(), 0);

    await page.context().addInitScript(() => localStorage.setItem("salesboard.last_backup", "2026-11-01"));
    await reload(page);
    await page.getByTestId("backup-reminder").waitFor();
    await page.getByTestId("backup-reminder-dismiss").click();
    await page.getByTestId("backup-reminder").waitFor({ state: "detached" });
    await reload(page);
    await page.getByTestId("nav-settings").click();
    await page.getByTestId("demo-load").waitFor();
    assert.equal(await page.getByTestId("backup-reminder").count(), 0, "dismissed today");

    // The demo, as loaded, is in no danger: no reminder even long after a backup.
    await page.evaluate(() => localStorage.removeItem("salesboard.backup_reminder_dismissed"));
    await page.getByTestId("demo-load").click();
    await page.getByTestId("confirm-yes").click();
    await eventually(async () => assert.ok((await storedEnvelope(page)).data.deals.length > 20));
    await reload(page);
    await page.getByTestId("nav-settings").click();
    await page.getByTestId("demo-load").waitFor();
    assert.equal(await page.getByTestId("backup-reminder").count(), 0, "demo data only");
  },
  { seed: changedOn("2026-11-10") },
);
