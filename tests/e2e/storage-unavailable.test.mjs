// A browser that refuses storage (private mode, storage disabled: reading
// `localStorage` throws a SecurityError) still runs the app, in memory, with a warning
// that says the data is lost when the tab closes.

import assert from "node:assert/strict";
import { addDeal, appTest, dealRows, navigate, notice } from "./harness.mjs";

appTest("with storage refused the app runs in memory and says so", async (page) => {
  const banner = notice(page, "storage_unavailable");
  await banner.waitFor();
  assert.match(await banner.innerText(), /lost when the tab closes/);

  await navigate(page, "deals");
  await addDeal(page, { title: "Kept in memory", status: "open", amount: "12.00", created: "2026-11-10" });
  assert.equal(await dealRows(page).count(), 1, "work goes on");
  await navigate(page, "settings");
  assert.match(await page.getByTestId("storage-status").innerText(), /does not allow storage/);
}, { blockStorage: true });
