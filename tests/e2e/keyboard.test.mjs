// A rep on a keyboard: the form takes the focus where the work is, dialogs are modal,
// Escape backs out, and nothing destructive happens on a stray Enter.

import assert from "node:assert/strict";
import { appTest, dealRow, dealRows, readFixture } from "./harness.mjs";

const SEED = readFixture("restore-basic.json");
const options = { path: "/deals", seed: SEED };
const focusedTestId = (page) => page.evaluate(() => document.activeElement?.dataset?.testid ?? null);

appTest("a new deal form puts the focus on the title, and a wrong field gets it back", async (page) => {
  await page.getByTestId("deal-new").click();
  await page.getByTestId("deal-form").waitFor();
  await page.waitForFunction(() => document.activeElement?.dataset?.testid === "deal-title");

  await page.getByTestId("deal-title").fill("Warehouse scanners");
  await page.getByTestId("deal-amount").fill("abc");
  await page.getByTestId("deal-save").click();
  await page.getByTestId("field-error-amount").waitFor();
  await page.waitForFunction(() => document.activeElement?.dataset?.testid === "deal-amount");
}, options);

appTest("editing a deal far down the list brings the form into view", async (page) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const last = dealRows(page).last();
  await last.getByTestId("deal-edit").click();
  await page.waitForFunction(() => document.activeElement?.dataset?.testid === "deal-title");
  assert.ok(await page.getByTestId("deal-title").isVisible());
  const box = await page.getByTestId("deal-title").boundingBox();
  assert.ok(box && box.y >= 0 && box.y < 740, `the title field is on screen (y = ${box?.y})`);
}, options);

appTest("Escape closes the delete question, keeps the deal and returns the focus", async (page) => {
  const id = SEED.data.deals[1].id;
  const remove = dealRow(page, id).getByTestId("deal-delete");
  await remove.focus();
  await page.keyboard.press("Enter");
  await page.getByTestId("confirm-dialog").waitFor();
  assert.equal(await focusedTestId(page), "confirm-no", "the safe choice has the focus");

  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  const inside = await page.evaluate(() => !!document.activeElement?.closest("[data-testid=confirm-dialog]"));
  assert.ok(inside, "Tab stays inside the modal dialog");

  await page.keyboard.press("Escape");
  await page.getByTestId("confirm-dialog").waitFor({ state: "detached" });
  assert.equal(await dealRows(page).count(), 6, "nothing was deleted");
  assert.equal(await focusedTestId(page), "deal-delete", "focus is back on the button that asked");
}, options);

appTest("Enter in the lost reason marks the deal lost; Escape backs out", async (page) => {
  const open = dealRow(page, SEED.data.deals[3].id);
  await open.getByTestId("deal-lose").click();
  await page.getByTestId("lose-dialog").waitFor();
  await page.keyboard.press("Escape");
  await page.getByTestId("lose-dialog").waitFor({ state: "detached" });
  assert.equal(await open.getAttribute("data-status"), "open");

  await open.getByTestId("deal-lose").click();
  await page.getByTestId("lost-reason-input").fill("No budget this year");
  await page.keyboard.press("Enter");
  await page.getByTestId("lose-dialog").waitFor({ state: "detached" });
  await page.waitForFunction((id) => document.querySelector(`[data-deal-id="${id}"]`)?.dataset.status === "lost", SEED.data.deals[3].id);
}, options);

appTest("after a save, a delete or Escape the focus lands where the next step is", async (page) => {
  await page.getByTestId("deal-new").click();
  await page.waitForFunction(() => document.activeElement?.dataset?.testid === "deal-title");
  await page.keyboard.press("Escape");
  await page.getByTestId("deal-form").waitFor({ state: "detached" });
  await page.waitForFunction(() => document.activeElement?.dataset?.testid === "deal-new");

  await page.getByTestId("deal-new").click();
  await page.getByTestId("deal-title").fill("Forklift leasing");
  await page.getByTestId("deal-amount").fill("2,500.00");
  await page.keyboard.press("Enter");
  await page.getByTestId("deal-form").waitFor({ state: "detached" });
  await page.waitForFunction(() => document.activeElement?.dataset?.testid === "deal-new");

  await dealRow(page, SEED.data.deals[0].id).getByTestId("deal-delete").click();
  await page.getByTestId("confirm-yes").click();
  await page.waitForFunction(() => document.activeElement?.dataset?.testid === "undo");
  await page.keyboard.press("Enter");
  await dealRow(page, SEED.data.deals[0].id).waitFor();
}, options);
