// A full disk: when the browser refuses to store more, the change stays in the tab, a
// banner says so and offers a backup, and nothing already saved is damaged.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { addDeal, appTest, dealRows, eventually, navigate, notice, STORAGE_KEY, storedDeals } from "./harness.mjs";

/** Fills this origin's localStorage until not even one more character fits. */
async function fillStorage(page) {
  return page.evaluate((key) => {
    let filled = 0;
    for (let size = 1 << 20, i = 0; size >= 1; ) {
      try {
        localStorage.setItem(`e2e.junk.${i++}`, "x".repeat(size));
        filled += size;
      } catch {
        size = Math.floor(size / 2);
      }
    }
    return { filled, kept: localStorage.getItem(key)?.length ?? 0 };
  }, STORAGE_KEY);
}

appTest("with storage full a change stays in the tab, a banner offers a backup, and the saved copy is intact", async (page) => {
  await navigate(page, "deals");
  await addDeal(page, { title: "Saved before the disk filled", status: "won", amount: "100", created: "2026-11-10", closed: "2026-11-12" });
  await eventually(async () => assert.equal((await storedDeals(page)).length, 1));
  const { filled } = await fillStorage(page);
  assert.ok(filled > 1_000_000, `filled ${filled} characters`);

  await addDeal(page, { title: "Typed on a full disk", status: "won", amount: "200", created: "2026-11-14", closed: "2026-11-14" });
  const banner = notice(page, "save_failed");
  await banner.waitFor();
  assert.equal(await banner.getAttribute("data-notice-kind"), "error");
  assert.match(await banner.innerText(), /still here in this tab/);
  assert.equal(await dealRows(page).count(), 2, "the change is kept in the tab");
  const saved = await storedDeals(page);
  assert.deepEqual(saved.map((d) => d.title), ["Saved before the disk filled"], "the saved copy is untouched");

  const [download] = await Promise.all([page.waitForEvent("download"), banner.getByTestId("notice-backup").click()]);
  const backup = JSON.parse(readFileSync(await download.path(), "utf8"));
  const titles = backup.data.deals.map((d) => d.title).sort();
  assert.deepEqual(titles, ["Saved before the disk filled", "Typed on a full disk"], "the backup holds both");

  // Space again: the next save goes through and the banner goes away.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("e2e.junk.")).forEach((k) => localStorage.removeItem(k)));
  await addDeal(page, { title: "After cleaning up", status: "open", amount: "50", created: "2026-11-15" });
  await eventually(async () => assert.equal((await storedDeals(page)).length, 3));
  await banner.waitFor({ state: "detached" });
});
