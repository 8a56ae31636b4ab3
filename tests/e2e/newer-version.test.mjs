// Data saved by a newer version of Salesboard opens read-only: it is shown as far as
// this version understands it, nothing can change it, and it is never written over.

import assert from "node:assert/strict";
import { appTest, dealRows, navigate, notice, readFixture, STORAGE_KEY } from "./harness.mjs";

const team = readFixture("kpi-team.json");
const NEWER = {
  ...team,
  version: 9,
  data: { ...team.data, goals: [{ id: "goal-1", title: "A collection this version does not know" }] },
};

appTest("a newer version's data is shown read-only and never written over", async (page) => {
  const before = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
  assert.equal(JSON.parse(before).version, 9);
  const banner = notice(page, "newer_version");
  await banner.waitFor();
  assert.match(await banner.innerText(), /read-only/);

  await navigate(page, "deals");
  assert.equal(await dealRows(page).count(), 5, "the deals this version can read are shown");

  // Any change is refused with a message; the stored text stays byte for byte.
  await page.getByTestId("deal-delete").first().click();
  await page.getByTestId("confirm-yes").click();
  await notice(page, "read_only").waitFor();
  assert.equal(await dealRows(page).count(), 5);
  await navigate(page, "settings");
  assert.match(await page.getByTestId("storage-status").innerText(), /Read-only/);
  await page.reload();
  await page.getByTestId("app-ready").waitFor();
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY), before);
}, { seed: NEWER });
