// Phone, tablet and desktop layouts: the phone's bottom bar and its "More" menu, 44 px
// touch targets and no sideways scrolling at 360 px on every page (harness PAGES), the
// dark theme (system, or the Settings toggle remembered on the device, charts included)
// and the printed dashboard.

import assert from "node:assert/strict";
import {
  appTest, chartPixels, clickNav, eventually, loadDemo, open, openPage, PAGES, readFixture, reload, VIEWPORTS,
} from "./harness.mjs";

const phone = { context: { viewport: VIEWPORTS.phone } };
const CONTROLS = "a[href], button, input, select, textarea, summary, [tabindex='0']";

/** Controls on the page smaller than 44 × 44 CSS px (visible ones only), and the page's sideways overflow. */
function measureLayout(selector) {
  const small = [];
  for (const el of document.querySelectorAll(selector)) {
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || el.closest("[hidden], .visually-hidden")) continue;
    // A file input is 1 px and transparent: its label is the control.
    if (el.classList.contains("file-input")) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    // Parked off screen until focused (the skip link).
    if (box.right <= 0 || box.bottom <= 0) continue;
    if (box.width < 43.5 || box.height < 43.5) {
      const id = el.dataset.testid ?? el.id ?? "";
      small.push(`${el.tagName.toLowerCase()}${id ? `[${id}]` : ""} "${el.textContent.trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
  }
  return { small, overflow: document.documentElement.scrollWidth - window.innerWidth };
}

for (const data of ["empty", "demo"]) {
  appTest(`at 360 px no page scrolls sideways and every control is at least 44 × 44 px (${data})`, async (page) => {
    if (data === "demo") await loadDemo(page);
    const problems = [];
    for (const entry of PAGES) {
      await openPage(page, entry);
      const { small, overflow } = await page.evaluate(measureLayout, CONTROLS);
      if (overflow > 0) problems.push(`${entry.name}: the page is ${overflow} px wider than the screen`);
      for (const control of small) problems.push(`${entry.name}: ${control}`);
    }
    assert.deepEqual(problems, [], `layout problems at 360 px:\n  ${problems.join("\n  ")}`);
  }, { ...phone, timeout: 180_000 });
}

/** A customer name with no place to break: 150 letters. */
const UNBROKEN = "Aktiengesellschaftfürlogistikundsupplychainmanagement".repeat(3);
const customerWithUnbrokenName = (() => {
  const seed = readFixture("restore-basic.json");
  seed.data.deals[3].customer = UNBROKEN; // an open deal: Won, Lost, Edit and Delete in its row
  return seed;
})();

appTest("at 360 px a long unbroken customer name wraps: the deal's Delete button stays on the screen", async (page) => {
  const row = page.getByTestId("deal-row").filter({ hasText: UNBROKEN.slice(0, 40) });
  const [box, width] = await Promise.all([row.getByTestId("deal-delete").boundingBox(), page.evaluate(() => innerWidth)]);
  assert.ok(box.x >= 0 && box.x + box.width <= width, `Delete at ${Math.round(box.x)}–${Math.round(box.x + box.width)} px on a ${width} px screen`);
  const { overflow } = await page.evaluate(measureLayout, CONTROLS);
  assert.equal(overflow, 0, "the page does not scroll sideways");
}, { ...phone, path: "/deals", seed: customerWithUnbrokenName });

appTest("a phone has a bottom bar of four pages and More; More opens the rest, Escape closes it", async (page) => {
  const bar = await page.locator(".main-nav").boundingBox();
  assert.ok(bar && Math.abs(bar.y + bar.height - 740) < 1 && bar.width === 360, `the bar sits at the bottom: ${JSON.stringify(bar)}`);
  for (const name of ["dashboard", "today", "pipeline", "goals"]) assert.ok(await page.getByTestId(`nav-${name}`).isVisible(), name);
  assert.equal(await page.getByTestId("nav-deals").isVisible(), false, "Deals waits behind More");

  const more = page.getByTestId("nav-more");
  await more.click();
  assert.equal(await more.getAttribute("aria-expanded"), "true");
  await page.getByTestId("nav-settings").click();
  await page.waitForURL(/\/settings$/);
  assert.equal(await page.getByTestId("nav-deals").isVisible(), false, "choosing a page closes the menu");

  await more.focus();
  await page.keyboard.press("Enter");
  await page.getByTestId("nav-deals").waitFor();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Escape");
  await page.getByTestId("nav-deals").waitFor({ state: "hidden" });
  assert.equal(await page.evaluate(() => document.activeElement?.dataset?.testid), "nav-more", "the focus is back on More");

  await clickNav(page, "churn");
  await page.waitForURL(/\/churn$/);
  const fab = await page.getByTestId("quick-log").boundingBox();
  assert.ok(fab && fab.y + fab.height <= bar.y, "the quick-log button stays above the bar");
}, phone);

appTest("a desktop shows every page in the top bar and no More button", async (page) => {
  for (const name of ["dashboard", "today", "pipeline", "goals", "deals", "records", "customers", "leads", "complaints", "churn", "settings"]) {
    assert.ok(await page.getByTestId(`nav-${name}`).isVisible(), name);
  }
  assert.equal(await page.getByTestId("nav-more").isVisible(), false);
});

const rootBackground = (page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

appTest("the theme follows the system; Settings overrides it on this device, before the first paint", async (page) => {
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
  assert.equal(await rootBackground(page), "rgb(18, 22, 27)");
  await page.getByTestId("theme-select").selectOption("light");
  await eventually(async () => assert.equal(await rootBackground(page), "rgb(244, 246, 249)"));
  assert.equal(await page.evaluate(() => localStorage.getItem("salesboard.theme")), "light");

  // public/theme.js sets the theme before the app (or its CSS) is there: an app that
  // never loads still gets it.
  await page.route(/\.wasm$/, (route) => route.abort());
  await page.goto(page.url());
  await page.waitForLoadState("domcontentloaded");
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "light");
  await page.unroute(/\.wasm$/);

  await reload(page);
  assert.equal(await page.getByTestId("theme-select").inputValue(), "light");
  await page.getByTestId("theme-select").selectOption("system");
  await eventually(async () => assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark"));
  assert.equal(await page.evaluate(() => localStorage.getItem("salesboard.theme")), null);
}, { path: "/settings", context: { colorScheme: "dark" }, expectErrors: ["wasm", "WebAssembly", "Failed to load", "ERR_FAILED"] });

appTest("charts are drawn in the dark palette in the dark theme, and in the light one after a switch", async (page) => {
  await loadDemo(page);
  await open(page, "/churn");
  // Read from a copy: repeated reads of the chart's own canvas make Chromium warn.
  const corner = () =>
    page.getByTestId("churn-line-chart").evaluate((canvas) => {
      const copy = document.createElement("canvas");
      copy.width = copy.height = 4;
      const context = copy.getContext("2d");
      context.drawImage(canvas, 0, 0);
      return [...context.getImageData(1, 1, 1, 1).data].slice(0, 3).join(",");
    });
  await eventually(async () => assert.equal(await corner(), "28,33,40"));
  assert.ok((await chartPixels(page, "churn-line-chart")).inked > 500, "the line is drawn");
  // Printing: paper is light, so the chart is redrawn light, and dark again afterwards.
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await eventually(async () => assert.equal(await corner(), "255,255,255"));
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await eventually(async () => assert.equal(await corner(), "28,33,40"));
  await open(page, "/settings");
  await page.getByTestId("theme-select").selectOption("light");
  await open(page, "/churn");
  await eventually(async () => assert.equal(await corner(), "255,255,255"));
}, { context: { colorScheme: "dark" } });

appTest("the dashboard prints as a report: no navigation or buttons, KPIs, charts and their tables", async (page) => {
  await loadDemo(page);
  await open(page, "/");
  await page.getByTestId("daily-sales-table").waitFor({ state: "attached" });
  await page.emulateMedia({ media: "print" });
  for (const hidden of [".main-nav", "[data-testid=quick-log]", "[data-testid=nav-more]", ".skip-link"]) {
    assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
  }
  assert.equal(await page.locator("main button:visible").count(), 0, "no buttons on paper");
  assert.ok(await page.getByTestId("revenue-chart").isVisible(), "the chart is printed");
  assert.ok(await page.locator('[data-kpi="revenue"]').isVisible(), "the KPIs are printed");
  assert.ok(await page.getByTestId("daily-sales-table").locator("tr").nth(1).isVisible(), "the chart's table is printed though folded on screen");
  const breaks = await page.locator(".kpi-card").first().evaluate((card) => getComputedStyle(card).breakInside);
  assert.equal(breaks, "avoid", "a KPI card is not split across pages");
  await page.emulateMedia({ media: "screen" });
  assert.equal(await page.getByTestId("daily-sales-table").locator("tr").nth(1).isVisible(), false, "folded again on screen");
});

appTest("each KPI's formula is one tap away on a phone", async (page) => {
  await loadDemo(page);
  await open(page, "/");
  const card = page.locator('[data-kpi="revenue"]');
  const formula = card.locator(".kpi-formula");
  assert.equal(await formula.isVisible(), false);
  await card.getByTestId("kpi-formula-toggle").tap();
  await formula.waitFor({ state: "visible" });
  assert.equal(await card.getByTestId("kpi-formula-toggle").getAttribute("aria-expanded"), "true");
  await card.tap();
  await formula.waitFor({ state: "hidden" });
}, { context: { viewport: VIEWPORTS.phone, hasTouch: true, isMobile: true } });
