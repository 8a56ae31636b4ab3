// Saved data that cannot be read (a corrupted blob planted in localStorage) is set
// aside with a timestamp, the last good copy is shown, and nothing is saved until the
// user chooses: keep the good copy, download the damaged text, or discard it.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { addDeal, appTest, dealRows, navigate, notice, readFixture, reload, STORAGE_KEY } from "./harness.mjs";

const CORRUPT = '{"app":"salesboard","version":2,"saved_at":"2026-11-15T10:00:00Z","data":{"deals":[{"id":';
const quarantined = (page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith("salesboard.quarantine."))
      .map((key) => [key, localStorage.getItem(key)]),
  );
const plant = (page, text) => page.evaluate(([key, text]) => localStorage.setItem(key, text), [STORAGE_KEY, text]);
const stored = (page, key) => page.evaluate((key) => localStorage.getItem(key), key);

appTest("a corrupted blob falls back to the last good copy until the user keeps it", async (page) => {
  // The good start kept a copy; then the saved data is damaged behind the app's back.
  assert.ok(await stored(page, "salesboard.last_good"), "a good load keeps a last good copy");
  await plant(page, CORRUPT);
  await reload(page);

  const banner = notice(page, "damaged");
  await banner.waitFor();
  assert.match(await banner.innerText(), /could not be read.*set aside under salesboard\.quarantine\.2026-11-15T/s);
  assert.match(await banner.innerText(), /not valid JSON/, "the reason is named");
  const [[key, copy]] = await quarantined(page);
  assert.equal(copy, CORRUPT, "the damaged text is set aside byte for byte");

  await navigate(page, "deals");
  assert.equal(await dealRows(page).count(), 5, "the last good copy is shown");

  // Saves wait for a choice: an edit is refused with a message and the form stays open.
  await page.getByTestId("deal-new").click();
  await page.getByTestId("deal-title").fill("Typed while paused");
  await page.getByTestId("deal-amount").fill("10.00");
  await page.getByTestId("deal-save").click();
  await notice(page, "saves_paused").waitFor();
  assert.equal(await page.getByTestId("deal-title").inputValue(), "Typed while paused", "nothing typed is lost");
  await page.getByTestId("deal-cancel").click();
  assert.equal(await stored(page, STORAGE_KEY), null, "nothing was written meanwhile");

  const [download] = await Promise.all([page.waitForEvent("download"), banner.getByTestId("damaged-download").click()]);
  assert.equal(download.suggestedFilename(), "salesboard-damaged-2026-11-15.json");
  assert.equal(readFileSync(await download.path(), "utf8"), CORRUPT);

  await banner.getByTestId("damaged-keep").click();
  await notice(page, "damaged_kept").waitFor();
  await addDeal(page, { title: "After the choice", status: "open", amount: "20.00", created: "2026-11-10" });
  await reload(page);
  assert.equal(await notice(page, "damaged").count(), 0, "decided once, not asked again");
  assert.equal(await dealRows(page).count(), 6);
  assert.equal(await stored(page, key), CORRUPT, "keeping the good copy keeps the damaged one aside too");

  // Settings lists what was set aside: it can be downloaded later, and deleted when asked.
  await navigate(page, "settings");
  const row = page.getByTestId("set-aside-row");
  assert.equal(await row.count(), 1);
  assert.equal(await row.getAttribute("data-key"), key);
  const [again] = await Promise.all([page.waitForEvent("download"), row.getByTestId("set-aside-download").click()]);
  assert.equal(readFileSync(await again.path(), "utf8"), CORRUPT);
  await row.getByTestId("set-aside-delete").click();
  await page.getByTestId("confirm-yes").click();
  await page.getByTestId("set-aside").waitFor({ state: "detached" });
  assert.equal(await stored(page, key), null, "deleted once confirmed");
}, { seed: readFixture("kpi-team.json"), path: "/" });

appTest("damaged data with no good copy can be discarded after a reload", async (page) => {
  await page.evaluate(() => localStorage.clear());
  await plant(page, "not json at all");
  await reload(page);
  await notice(page, "damaged_empty").waitFor();
  // Still undecided after a reload: asked again, the text is not copied twice.
  await reload(page);
  const banner = notice(page, "damaged_empty");
  await banner.waitFor();
  assert.equal((await quarantined(page)).length, 1);

  await banner.getByTestId("damaged-discard").click();
  await page.getByTestId("confirm-yes").click();
  await notice(page, "damaged_discarded").waitFor();
  assert.deepEqual(await quarantined(page), [], "the damaged copy is gone");
  await navigate(page, "deals");
  await addDeal(page, { title: "Fresh start", status: "open", amount: "5.00", created: "2026-11-10" });
  await reload(page);
  assert.equal(await dealRows(page).count(), 1);
});
