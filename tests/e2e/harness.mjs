// Shared harness for Salesboard's end-to-end tests: one Chromium per test
// file, a fresh context per test with "today" pinned, and any page error,
// console error or (not allow-listed) console warning fails the test, up to and
// including the page's close. Tests read only the testids of the UI contract.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, test } from "node:test";
import { launchChromium } from "./browser.mjs";

export const BASE_URL = (process.env.BASE_URL ?? "http://127.0.0.1:8080").replace(/\/$/, "");

/** "Today" in every test: mid-month and mid-day, so no month boundary or time-zone shift moves it. */
export const NOW = new Date("2026-11-15T12:00:00");

export const STORAGE_KEY = "salesboard.data";

/**
 * Screen sizes the tests use. E2E_VIEWPORT=phone runs every test at the phone's size
 * (`cargo xtask test` runs the main flows a second time that way).
 */
export const VIEWPORTS = {
  phone: { width: 360, height: 740 },
  desktop: { width: 1280, height: 900 },
};
export const VIEWPORT_NAME = process.env.E2E_VIEWPORT ?? "desktop";
if (!(VIEWPORT_NAME in VIEWPORTS)) throw new Error(`E2E_VIEWPORT must be one of ${Object.keys(VIEWPORTS).join(", ")}`);
export const PHONE = VIEWPORT_NAME === "phone";

/**
 * Every page of the app, for the checks that visit them all (axe, screenshots, layout):
 * a name and a path, or a function of the page giving the path (records that exist
 * only once data is loaded). A new route is one more line here.
 */
export const PAGES = [
  { name: "dashboard", path: "/" },
  { name: "goals", path: "/goals" },
  { name: "deals", path: "/deals" },
  ...["customers", "leads", "orders", "activities", "feedback", "expenses", "reps", "teams"].map((kind) => ({
    name: `records-${kind}`,
    path: `/records/${kind}`,
  })),
  { name: "today", path: "/today" },
  { name: "pipeline", path: "/pipeline" },
  { name: "customers", path: "/customers" },
  { name: "customer", path: async (page) => `/customers/${(await storedEnvelope(page))?.data?.customers?.[0]?.id ?? "none"}` },
  { name: "leads", path: "/leads" },
  { name: "complaints", path: "/complaints" },
  { name: "churn", path: "/churn" },
  { name: "commissions", path: "/commissions" },
  { name: "contests", path: "/contests" },
  { name: "team", path: "/team" },
  { name: "import", path: "/import" },
  { name: "settings", path: "/settings" },
  { name: "not-found", path: "/no-such-page" },
];

/**
 * Opens `entry` of PAGES and waits until its heading is there. Once the app is loaded
 * this is a client-side navigation (as a click on a link), which keeps visiting every
 * page quick.
 */
export async function openPage(page, entry) {
  const path = typeof entry.path === "function" ? await entry.path(page) : entry.path;
  if (page.url().startsWith(BASE_URL) && (await page.getByTestId("app-ready").count()) > 0) {
    await page.evaluate((path) => {
      history.pushState(null, "", path);
      window.dispatchEvent(new PopStateEvent("popstate"));
    }, path);
    await page.waitForURL(BASE_URL + path);
    // The route renders at once, its effects (charts, titles) on the next frames.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  } else {
    await open(page, path);
  }
  await page.locator("main h1").first().waitFor();
}

/** Loads the demo data from the settings (on an empty data set) and waits until it is in. */
export async function loadDemo(page) {
  await open(page, "/settings");
  await page.getByTestId("demo-load").click();
  await notice(page, "demo_loaded").waitFor();
}
export const KPI_IDS = ["revenue", "deals_won", "deals_lost", "win_rate", "avg_deal_size", "avg_sales_cycle"];

let browser;
function launchOnce() {
  browser ??= launchChromium();
  return browser;
}
after(async () => {
  if (browser) await (await browser).close();
});

/**
 * Declares a test that gets a page in a fresh browser context: clock pinned to
 * NOW (setFixedTime, so the app's timers keep running), English locale, the
 * app opened at `path` and ready. Options:
 *   path     where to start (default "/")
 *   context  extra Playwright context options (e.g. { deviceScaleFactor: 2 })
 *   seed     an envelope object put into localStorage before the app first loads
 *   blockStorage  make reading `localStorage` throw a SecurityError, as private
 *            modes and disabled storage do
 *   expectErrors  substrings of console errors this test provokes on purpose (e.g. a
 *            blocked script); any other error still fails it
 *   timeout  ms (default 90 s; the tests that visit every page need more)
 */
export function appTest(name, body, { path = "/", context = {}, seed, blockStorage = false, expectErrors = [], timeout = 90_000 } = {}) {
  test(name, { timeout }, async () => {
    const ctx = await (await launchOnce()).newContext({
      locale: "en-US",
      viewport: VIEWPORTS[VIEWPORT_NAME],
      ...context,
    });
    ctx.setDefaultTimeout(10_000);
    try {
      const page = await ctx.newPage();
      const problems = watchForErrors(page, expectErrors);
      let failure;
      try {
        await page.clock.setFixedTime(NOW);
        if (seed) await seedStorage(ctx, seed);
        if (blockStorage) await ctx.addInitScript(refuseStorage);
        await open(page, path);
        await body(page);
      } catch (err) {
        failure = err;
      }
      // Close first, look second: the app saves on pagehide, and what goes
      // wrong there is only reported while the page closes.
      await closePage(page, problems);
      if (problems.length > 0) {
        const also = failure ? `\n(the test also failed: ${failure.message})` : "";
        throw new Error(`the page reported problems:\n  ${problems.join("\n  ")}${also}`, { cause: failure });
      }
      if (failure) throw failure;
    } finally {
      await ctx.close();
    }
  });
}

/**
 * Console warnings that are not a problem, each matched by a precise substring.
 * Any other warning fails the test: the app warns, for one, when a chart is not
 * drawn ("chart not drawn: …").
 */
const ALLOWED_WARNINGS = [
  // Chromium, on every load, about the `integrity` attribute Trunk puts on its
  // <link rel="preload"> of the .wasm.
  "The `integrity` attribute is currently ignored for preload destinations that do not support subresource integrity",
];

/** Collects uncaught page errors, console errors, unexpected console warnings and crashes. */
function watchForErrors(page, expectErrors = []) {
  const problems = [];
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("console", (msg) => {
    const text = msg.text();
    if (msg.type() === "error") {
      if (!expectErrors.some((expected) => text.includes(expected))) problems.push(`console error: ${text}`);
    } else if (msg.type() === "warning" && !ALLOWED_WARNINGS.some((allowed) => text.includes(allowed))) {
      problems.push(`console warning: ${text}`);
    }
  });
  page.on("crash", () => problems.push("the page crashed"));
  return problems;
}

const CLOSE_TIMEOUT = 10_000;

/**
 * Closes the page the way a user closing the tab does (beforeunload, pagehide,
 * unload all run) and waits until it is gone, so that everything the page
 * logs on the way out has reached `problems`. A beforeunload prompt is
 * accepted; a page that does not close in time is a problem of its own.
 */
async function closePage(page, problems) {
  if (page.isClosed()) return;
  const closed = new Promise((resolve) => page.once("close", resolve));
  page.on("dialog", (dialog) => (dialog.type() === "beforeunload" ? dialog.accept() : dialog.dismiss()).catch(() => {}));
  let timer;
  const timedOut = new Promise((resolve) => {
    timer = setTimeout(() => resolve("timeout"), CLOSE_TIMEOUT);
  });
  // With runBeforeUnload, close() returns before the page is gone: wait for "close" too.
  const closing = page.close({ runBeforeUnload: true }).then(
    () => closed,
    (err) => `closing the page failed: ${err.message}`,
  );
  const outcome = await Promise.race([closing, timedOut]);
  clearTimeout(timer);
  if (outcome === "timeout") problems.push(`the page did not close within ${CLOSE_TIMEOUT} ms`);
  else if (typeof outcome === "string") problems.push(outcome);
}

/** Runs in the page: reading `localStorage` throws, as in a browser that refuses storage. */
function refuseStorage() {
  Object.defineProperty(window, "localStorage", {
    configurable: true,
    get() {
      throw new DOMException("The user denied permission to access the database.", "SecurityError");
    },
  });
}

/** Puts `envelope` into localStorage before the app's first load (once per tab, not on reloads). */
async function seedStorage(ctx, envelope) {
  await ctx.addInitScript(
    ({ key, text }) => {
      if (location.protocol !== "http:" || sessionStorage.getItem("e2e.seeded")) return;
      localStorage.setItem(key, text);
      sessionStorage.setItem("e2e.seeded", "1");
    },
    { key: STORAGE_KEY, text: JSON.stringify(envelope) },
  );
}

/** Navigates to BASE_URL + path and waits for the app to be mounted. */
export async function open(page, path) {
  await page.goto(BASE_URL + path);
  await page.getByTestId("app-ready").waitFor();
}

/** Reloads and waits for the app to be mounted again. */
export async function reload(page) {
  await page.reload();
  await page.getByTestId("app-ready").waitFor();
}

const ROUTES = { dashboard: "/", goals: "/goals", deals: "/deals", records: "/records/customers", settings: "/settings" };

/** Clicks the nav link `nav-<name>`; on a phone through "More" when it is not in the bottom bar. */
export async function clickNav(page, name) {
  const link = page.getByTestId(`nav-${name}`);
  if (!(await link.isVisible())) await page.getByTestId("nav-more").click();
  await link.click();
}

/**
 * Clicks a nav link ("dashboard", "deals", "settings") and waits for its URL. On a phone
 * a link that is not in the bottom bar is behind "More".
 */
export async function navigate(page, name) {
  await clickNav(page, name);
  await page.waitForURL(BASE_URL + ROUTES[name]);
}

/** Retries `check` (an async assertion) until it passes or `timeout` ms have gone by. */
export async function eventually(check, timeout = 5_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** A KPI card's unrounded value: a number, or null when it shows "no data". */
export async function readKpi(page, id) {
  const card = page.locator(`[data-kpi="${id}"]`);
  const [value, noData] = await Promise.all([card.getAttribute("data-value"), card.getAttribute("data-no-data")]);
  if (noData === "true") return null;
  return value === null || value === "" ? Number.NaN : Number(value);
}

/** All six KPIs as { revenue: …, … }. */
export async function readKpis(page) {
  const values = await Promise.all(KPI_IDS.map((id) => readKpi(page, id)));
  return Object.fromEntries(KPI_IDS.map((id, i) => [id, values[i]]));
}

/** Waits until the KPI cards show `expected` (numbers compared to 1e-9, null = no data). */
export async function expectKpis(page, expected) {
  await eventually(async () => {
    const actual = await readKpis(page);
    const close = (a, e) => (e === null ? a === null : a !== null && Math.abs(a - e) <= 1e-9 * Math.max(1, Math.abs(e)));
    const matches = Object.entries(expected).every(([id, e]) => close(actual[id], e));
    assert.ok(matches, `KPIs\n  expected ${JSON.stringify(expected)}\n  actual   ${JSON.stringify(actual)}`);
  });
}

export async function selectPeriod(page, preset) {
  await page.getByTestId("period-picker").selectOption(preset);
}

/** The parsed envelope in localStorage (or in IndexedDB once it moved there), or null. */
export async function storedEnvelope(page) {
  const text = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
  if (text === null) return null;
  const envelope = JSON.parse(text);
  return envelope.moved_to === "indexeddb" ? JSON.parse(await indexedText(page, STORAGE_KEY)) : envelope;
}

/**
 * The text under `key` in the app's IndexedDB store, or null. A long text is stored
 * in parts (an index under `key`, the parts under `key#0`, `key#1`, …): joined here.
 */
export async function indexedText(page, key) {
  return page.evaluate(readStored, { key, where: "indexeddb" });
}

/**
 * What is saved, counted in the page (a text of 100 MB is not worth sending over):
 * `{ deals, distinctIds, titles }` with the deals' count, their distinct ids and the
 * titles of the first and last deal; null when nothing is saved.
 */
export async function storedSummary(page) {
  return page.evaluate(readStored, { key: STORAGE_KEY, where: "app", summary: true });
}

/**
 * Runs in the page: the saved text under `key` in IndexedDB (`where` "indexeddb"), or
 * wherever the app keeps it (`where` "app": localStorage unless it holds the "moved"
 * marker); with `summary`, a summary of its deals instead (see `storedSummary`).
 */
function readStored({ key, where, summary = false }) {
  const finish = (text) => {
    if (!summary || text === null) return text;
    const deals = JSON.parse(text).data?.deals ?? [];
    return { deals: deals.length, distinctIds: new Set(deals.map((d) => d.id)).size, titles: [deals[0]?.title, deals.at(-1)?.title] };
  };
  const local = where === "app" ? localStorage.getItem(key) : null;
  if (where === "app" && (local === null || !local.includes('"moved_to":"indexeddb"'))) return finish(local);
  return new Promise((resolve, reject) => {
    const open = indexedDB.open("salesboard");
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains("texts")) return resolve(null);
      const store = db.transaction("texts").objectStore("texts");
      const get = store.get(key);
      get.onerror = () => reject(get.error);
      get.onsuccess = () => {
        const text = get.result ?? null;
        if (text === null || !text.startsWith('{"app":"salesboard","version":1000000,"split":')) return resolve(finish(text));
        const { parts } = JSON.parse(text);
        const texts = new Array(parts.length);
        let left = parts.length;
        parts.forEach((_, i) => {
          const part = store.get(`${key}#${i}`);
          part.onerror = () => reject(part.error);
          part.onsuccess = () => {
            texts[i] = part.result;
            if (--left === 0) resolve(finish(texts.join("")));
          };
        });
      };
    };
  });
}

/** The deals in localStorage (none when nothing is stored yet). */
export async function storedDeals(page) {
  return (await storedEnvelope(page))?.data?.deals ?? [];
}

export const fixturePath = (name) => new URL(`./fixtures/${name}`, import.meta.url).pathname;
export const readFixture = (name) => JSON.parse(readFileSync(fixturePath(name), "utf8"));

export const dealRows = (page) => page.getByTestId("deal-row");
export const dealRow = (page, id) => page.locator(`[data-testid="deal-row"][data-deal-id="${id}"]`);
export const notice = (page, id) => page.locator(`[data-testid="notice"][data-notice-id="${id}"]`);

/** Form fields in the order a user fills them (status first reveals closed / lost reason). */
const DEAL_FIELDS = [
  ["title", "deal-title", "fill"],
  ["customer", "deal-customer", "fill"],
  ["owner", "deal-owner", "fill"],
  ["stage", "deal-stage", "select"],
  ["kind", "deal-kind", "select"],
  ["status", "deal-status", "select"],
  ["amount", "deal-amount", "fill"],
  ["created", "deal-created", "fill"],
  ["expectedClose", "deal-expected-close", "fill"],
  ["closed", "deal-closed", "fill"],
  ["lostReason", "deal-lost-reason", "fill"],
];

/** Fills the open deal form with the given fields (dates as yyyy-mm-dd). */
export async function fillDeal(page, fields) {
  for (const [key, testId, how] of DEAL_FIELDS) {
    if (!(key in fields)) continue;
    const input = page.getByTestId(testId);
    if (how === "select") await input.selectOption(fields[key]);
    else await input.fill(fields[key]);
  }
}

/** Opens the deal form, fills it and saves. */
export async function addDeal(page, fields) {
  await page.getByTestId("deal-new").click();
  await page.getByTestId("deal-form").waitFor();
  await fillDeal(page, fields);
  await page.getByTestId("deal-save").click();
}

/** Chooses a file for the restore input: a fixture path or { name, mimeType, buffer }. */
export async function chooseBackup(page, file) {
  await page.getByTestId("backup-restore-input").setInputFiles(file);
}

/**
 * Reads a chart's pixels in the page (the revenue chart, or the canvas of a test id
 * or locator given): its size (attribute and CSS),
 * the device pixel ratio, and how many pixels differ from the background (the
 * most common colour).
 */
export async function chartPixels(page, chart = "revenue-chart") {
  const canvasOf = typeof chart === "string" ? page.getByTestId(chart) : chart;
  return canvasOf.evaluate((canvas) => {
    const { width, height } = canvas;
    const rect = canvas.getBoundingClientRect();
    const base = { width, height, cssWidth: rect.width, cssHeight: rect.height, dpr: window.devicePixelRatio };
    if (width === 0 || height === 0) return { ...base, inked: 0, total: 0 };
    const data = canvas.getContext("2d").getImageData(0, 0, width, height).data;
    const pixels = new Uint32Array(data.buffer, data.byteOffset, data.length / 4);
    const counts = new Map();
    for (const p of pixels) counts.set(p, (counts.get(p) ?? 0) + 1);
    const background = [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
    const channels = (p) => [p & 255, (p >>> 8) & 255, (p >>> 16) & 255, p >>> 24];
    const bg = channels(background);
    let inked = 0;
    for (const p of pixels) {
      const c = channels(p);
      if (Math.abs(c[0] - bg[0]) + Math.abs(c[1] - bg[1]) + Math.abs(c[2] - bg[2]) + Math.abs(c[3] - bg[3]) > 48) inked++;
    }
    return { ...base, inked, total: pixels.length };
  });
}
