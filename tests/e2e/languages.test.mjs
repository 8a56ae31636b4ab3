// The app speaks the browser's language (de, vi, hu, cs) from the first paint, writes
// amounts and dates the way that language does, switches live from the picker in
// Settings, remembers the choice on this device across a reload, and leaks no English.
// Fixture deals this month (restore-basic.json): won 2,000.00 and 1,000.50 EUR, so
// revenue 3,000.50; "Support renewal" (1,000.50) was created on 2026-11-02.

import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import {
  addDeal,
  appTest,
  eventually,
  expectKpis,
  navigate,
  readFixture,
  reload,
  storedDeals,
  storedEnvelope,
} from "./harness.mjs";

const seed = readFixture("restore-basic.json");
const SUPPORT_RENEWAL = "1c6d4a1f-7b63-4d2e-8a1b-4f2e3d5c6b72";

/** What each language shows; a space in amounts and dates stands for a no-break space. */
const LANGUAGES = {
  de: {
    browser: "de-DE",
    dashboard: "Übersicht",
    settings: "Einstellungen",
    revenueName: "Umsatz",
    revenue: "3.000,50 €",
    amount: "1.000,50 €",
    created: "Angelegt am 02.11.2026",
    period: "01.11.2026 – 30.11.2026",
    formula: "Summe der gewonnenen Deals",
    typed: "1.234,50",
  },
  vi: {
    browser: "vi-VN",
    dashboard: "Tổng quan",
    settings: "Cài đặt",
    revenueName: "Doanh thu",
    revenue: "3.000,50 €",
    amount: "1.000,50 €",
    created: "Tạo ngày 02/11/2026",
    period: "01/11/2026 – 30/11/2026",
    formula: "Tổng các giao dịch thành công",
    typed: "1.234,50",
  },
  hu: {
    browser: "hu-HU",
    dashboard: "Áttekintés",
    settings: "Beállítások",
    revenueName: "Bevétel",
    revenue: "3 000,50 €",
    amount: "1 000,50 €",
    created: "Létrehozva: 2026. 11. 02.",
    period: "2026. 11. 01. – 2026. 11. 30.",
    formula: "A megnyert üzletek",
    typed: "1 234,50",
  },
  cs: {
    browser: "cs-CZ",
    dashboard: "Přehled",
    settings: "Nastavení",
    revenueName: "Tržby",
    revenue: "3 000,50 €",
    amount: "1 000,50 €",
    created: "Vytvořeno 2. 11. 2026",
    period: "1. 11. 2026 – 30. 11. 2026",
    formula: "Součet vyhraných obchodů",
    typed: "1 234,50",
  },
};

/**
 * English words the translations replace everywhere; none may show in another
 * language (the fixture's own names — "Support renewal", "Acme Logistics" — avoid them).
 */
const ENGLISH_ONLY = [
  "Dashboard",
  "Settings",
  "Revenue",
  "This month",
  "Win rate",
  "Average",
  "How it is calculated",
  "Whose numbers",
  "Everyone",
  "Currency",
  "Download",
  "Erase",
  "Goals",
  "Today",
  "Complaints",
  "Customers",
  "Records",
  "Show as a table",
  "previous period",
  "Language",
  "Skip to content",
  "All deals",
  "Created",
  "Mark won",
  "Edit",
  "Delete",
];

/** Visible text with no-break spaces made plain, so expectations stay readable. */
async function visibleText(locator) {
  return (await locator.innerText()).replaceAll("\u00a0", " ");
}

/** Visible text, hidden tooltips and accessible names/titles of the page. */
async function allText(page) {
  const text = await page.evaluate(() => {
    const attrs = [...document.querySelectorAll("[aria-label],[title],[placeholder]")].flatMap((el) =>
      ["aria-label", "title", "placeholder"].map((name) => el.getAttribute(name) ?? ""),
    );
    return [document.body.innerText, document.title, ...attrs].join("\n");
  });
  return text.replaceAll("\u00a0", " ");
}

function assertNoEnglish(text, where) {
  const leaked = ENGLISH_ONLY.filter((word) => new RegExp(`\\b${word}\\b`).test(text));
  assert.deepEqual(leaked, [], `English left on ${where}`);
}

for (const [tag, lang] of Object.entries(LANGUAGES)) {
  appTest(
    `${tag}: the browser's language is used from the start, with its numbers and dates`,
    async (page) => {
      assert.equal(await page.locator("html").getAttribute("lang"), tag);
      assert.equal(await visibleText(page.getByTestId("nav-dashboard")), lang.dashboard);
      const revenue = page.locator('[data-kpi="revenue"]');
      await expectKpis(page, { revenue: 3000.5 });
      assert.equal(await visibleText(revenue.locator(".kpi-name")), lang.revenueName);
      assert.equal(await visibleText(revenue.locator(".kpi-value")), lang.revenue);
      const formula = (await revenue.locator(".kpi-formula").textContent()).replaceAll("\u00a0", " ");
      assert.ok(formula.includes(lang.formula), `the formula on hover is translated: ${formula}`);
      assert.equal(await visibleText(page.getByTestId("period-label")), lang.period);
      assertNoEnglish(await allText(page), "the dashboard");

      await navigate(page, "deals");
      const row = page.locator(`[data-testid="deal-row"][data-deal-id="${SUPPORT_RENEWAL}"]`);
      assert.equal(await visibleText(row.getByTestId("deal-row-amount")), lang.amount);
      assert.ok((await visibleText(row)).includes(lang.created), `the created date in ${tag}`);
      assertNoEnglish(await allText(page), "the deals page");

      await navigate(page, "settings");
      assert.equal(await visibleText(page.locator("h1")), lang.settings);
      assert.equal(await page.getByTestId("language-select").inputValue(), tag);
      assertNoEnglish(await allText(page), "the settings page");
      assert.equal(await page.title(), `${lang.settings} – Salesboard`);
    },
    { seed, context: { locale: lang.browser } },
  );
}

appTest(
  "an amount typed the German way is read the German way",
  async (page) => {
    await navigate(page, "deals");
    await addDeal(page, { title: "Tablets", customer: "Initech", amount: LANGUAGES.de.typed, created: "2026-11-03" });
    await eventually(async () => {
      const deal = (await storedDeals(page)).find((d) => d.title === "Tablets");
      assert.equal(deal?.amount, 123450, "1.234,50 is 1234.50 EUR, stored as 123450 cents");
    });
  },
  { seed, context: { locale: "de-DE" } },
);

appTest(
  "the picker switches the whole UI live, and the choice survives a reload",
  async (page) => {
    await navigate(page, "settings");
    assert.equal(await visibleText(page.locator("h1")), "Einstellungen");
    await page.getByTestId("language-select").selectOption("cs");
    // No reload: the page in front of the user and the navigation change at once.
    await eventually(async () => assert.equal(await visibleText(page.locator("h1")), "Nastavení"));
    assert.equal(await page.locator("html").getAttribute("lang"), "cs");
    assert.equal(await visibleText(page.getByTestId("nav-dashboard")), "Přehled");
    assert.equal(await page.title(), "Nastavení – Salesboard");
    assertNoEnglish(await allText(page), "the settings page after the switch");

    await reload(page);
    assert.equal(await page.locator("html").getAttribute("lang"), "cs", "remembered over the browser's German");
    assert.equal(await page.getByTestId("language-select").inputValue(), "cs");
    assert.equal(await page.evaluate(() => localStorage.getItem("salesboard.locale")), "cs");
    assert.ok(!JSON.stringify(await storedEnvelope(page)).includes("locale"), "the choice is not part of the data");

    await navigate(page, "dashboard");
    assert.equal(await visibleText(page.locator('[data-kpi="revenue"] .kpi-value')), "3 000,50 €");
    assert.equal(await visibleText(page.getByTestId("period-label")), LANGUAGES.cs.period);

    // And back to English, live.
    await navigate(page, "settings");
    await page.getByTestId("language-select").selectOption("en");
    await eventually(async () => assert.equal(await visibleText(page.locator("h1")), "Settings"));
    await navigate(page, "dashboard");
    assert.equal(await visibleText(page.locator('[data-kpi="revenue"] .kpi-value')), "€3,000.50");
    assert.equal(await visibleText(page.getByTestId("period-label")), "1 Nov 2026 – 30 Nov 2026");
  },
  { seed, context: { locale: "de-DE" } },
);

/** Screenshots of the longest language on a phone, to look at (git-ignored). */
const SHOTS = new URL("./screenshots/languages/", import.meta.url).pathname;

appTest(
  "German fits a 360 px phone: no page scrolls sideways",
  async (page) => {
    mkdirSync(SHOTS, { recursive: true });
    for (const name of ["dashboard", "deals", "settings"]) {
      if (name !== "dashboard") await navigate(page, name);
      await page.screenshot({ path: `${SHOTS}de-360-${name}.png`, fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${name} is ${overflow} px wider than the screen`);
    }
  },
  { seed, context: { locale: "de-DE", viewport: { width: 360, height: 740 } } },
);
