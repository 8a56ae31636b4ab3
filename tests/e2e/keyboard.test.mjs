// A rep on a keyboard: the form takes the focus where the work is, dialogs are modal,
// Escape backs out, and nothing destructive happens on a stray Enter.

import assert from "node:assert/strict";
import { appTest, dealRow, dealRows, eventually, loadDemo, open, PHONE, readFixture, storedDeals } from "./harness.mjs";

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

/** Presses Tab until the element with `testid` has the focus (at most `max` times). */
async function tabTo(page, testid, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if ((await focusedTestId(page)) === testid) return;
  }
  assert.fail(`${testid} was not reached in ${max} Tabs`);
}

appTest("the first Tab reaches a visible skip link, which moves the focus to the content", async (page) => {
  await page.keyboard.press("Tab");
  const skip = page.locator(".skip-link");
  assert.ok(await skip.evaluate((el) => el === document.activeElement), "the skip link is the first stop");
  const box = await skip.boundingBox();
  assert.ok(box && box.x >= 0 && box.y >= 0 && box.width >= 44 && box.height >= 44, `it shows: ${JSON.stringify(box)}`);
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "main");
  await page.keyboard.press("Tab");
  assert.ok(await page.evaluate(() => !!document.activeElement?.closest("main")), "the next stop is in the content");
});

/** In the page: the focused element's outline, and its contrast against the colour behind it. */
function focusRing() {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const rgb = (text) => (text.match(/[\d.]+/g) ?? []).map(Number);
  const luminance = ([r, g, b]) => {
    const lin = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  // The ring is drawn outside the element (outline-offset): what is behind it is the parent's background.
  let behind = el.parentElement;
  while (behind && (rgb(getComputedStyle(behind).backgroundColor)[3] === 0 || getComputedStyle(behind).backgroundColor === "transparent")) {
    behind = behind.parentElement;
  }
  const back = rgb(getComputedStyle(behind ?? document.documentElement).backgroundColor);
  const ring = rgb(style.outlineColor);
  const [hi, lo] = [luminance(ring), luminance(back)].sort((a, b) => b - a);
  return {
    what: `${el.tagName.toLowerCase()}[${el.dataset.testid ?? el.className ?? ""}]`,
    style: style.outlineStyle,
    width: parseFloat(style.outlineWidth),
    contrast: (hi + 0.05) / (lo + 0.05),
  };
}

for (const scheme of ["light", "dark"]) {
  appTest(`every keyboard stop shows a focus ring of 2 px or more at 3:1 or more (${scheme})`, async (page) => {
    await loadDemo(page);
    for (const path of ["/", "/deals", "/pipeline", "/settings"]) {
      await open(page, path);
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press("Tab");
        const ring = await page.evaluate(focusRing);
        if (ring.what.startsWith("body")) continue;
        assert.notEqual(ring.style, "none", `${path}: ${ring.what} shows no focus ring`);
        assert.ok(ring.width >= 2, `${path}: ${ring.what} ring ${ring.width} px`);
        assert.ok(ring.contrast >= 3, `${path}: ${ring.what} ring contrast ${ring.contrast.toFixed(2)}:1`);
      }
    }
  }, { context: { colorScheme: scheme }, timeout: 120_000 });
}

appTest("with the keyboard alone: from the navigation to a saved deal", async (page) => {
  if (PHONE) {
    // On a phone Deals is behind "More".
    await tabTo(page, "nav-more");
    await page.keyboard.press("Enter");
  }
  await tabTo(page, "nav-deals");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/deals$/);
  await tabTo(page, "deal-new");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.dataset?.testid === "deal-title");
  await page.keyboard.type("Keyboard deal");
  await tabTo(page, "deal-amount", 20);
  await page.keyboard.type("1200");
  await page.keyboard.press("Enter");
  await page.getByTestId("deal-form").waitFor({ state: "detached" });
  await page.waitForFunction(() => document.activeElement?.dataset?.testid === "deal-new");
  await eventually(async () => assert.deepEqual((await storedDeals(page)).map((d) => d.title), ["Keyboard deal"]));
}, { path: "/settings" });

appTest("with the keyboard alone: a KPI's formula shows on focus and stays open with Enter", async (page) => {
  await loadDemo(page);
  await open(page, "/");
  const card = page.locator('[data-kpi="revenue"]');
  await tabTo(page, "kpi-formula-toggle");
  assert.ok(await card.getByTestId("kpi-formula-toggle").evaluate((el) => el === document.activeElement), "the first KPI is revenue");
  await card.locator(".kpi-formula").waitFor({ state: "visible" });
  await page.keyboard.press("Enter");
  assert.equal(await card.getByTestId("kpi-formula-toggle").getAttribute("aria-expanded"), "true");
  await page.keyboard.press("Tab");
  assert.ok(await card.locator(".kpi-formula").isVisible(), "open until toggled again");
});

appTest("the quick-log sheet keeps the focus inside while open and gives it back on Escape", async (page) => {
  await page.getByTestId("quick-log").focus();
  await page.keyboard.press("Enter");
  await page.getByTestId("quick-log-sheet").waitFor();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("Tab");
    const inside = await page.evaluate(() => !!document.activeElement?.closest("[data-testid=quick-log-sheet]"));
    assert.ok(inside, `Tab ${i + 1} stays in the sheet`);
  }
  await page.keyboard.press("Escape");
  await page.getByTestId("quick-log-sheet").waitFor({ state: "detached" });
  assert.equal(await focusedTestId(page), "quick-log", "the focus is back on the button that opened it");
}, { seed: SEED, path: "/today" });
