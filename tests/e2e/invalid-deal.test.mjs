// Bad input gets a message at the field, and nothing is saved.

import assert from "node:assert/strict";
import { addDeal, appTest, dealRows, reload, storedDeals } from "./harness.mjs";

const VALID = { title: "Support renewal", status: "won", amount: "500.00", created: "2026-11-02", closed: "2026-11-12" };

const CASES = [
  { what: "an empty title", change: { title: "" }, field: "title", input: "deal-title" },
  { what: "a negative amount", change: { amount: "-5" }, field: "amount", input: "deal-amount" },
  { what: "a non-numeric amount", change: { amount: "abc" }, field: "amount", input: "deal-amount" },
  // Item 12 of issue 22: year 1 made an average sales cycle of 739,924 days.
  { what: "a created date of 0001-01-01", change: { created: "0001-01-01" }, field: "created_on", input: "deal-created" },
  { what: "a title that is only a zero-width space", change: { title: "\u200B" }, field: "title", input: "deal-title" },
  {
    what: "a close date before the created date",
    change: { created: "2026-11-10", closed: "2026-11-05" },
    field: "closed_on",
    input: "deal-closed",
  },
];

for (const { what, change, field, input } of CASES) {
  appTest(`a deal with ${what} shows field-error-${field} and saves nothing`, async (page) => {
    assert.deepEqual(await storedDeals(page), []);
    await addDeal(page, { ...VALID, ...change });

    await page.getByTestId(`field-error-${field}`).waitFor();
    assert.equal(await page.getByTestId(input).getAttribute("aria-invalid"), "true");
    assert.ok(await page.getByTestId("deal-form").isVisible(), "the form stays open");
    assert.equal(await dealRows(page).count(), 0);

    await page.waitForTimeout(600); // longer than the save debounce
    assert.deepEqual(await storedDeals(page), []);
    await reload(page);
    assert.equal(await dealRows(page).count(), 0);
    await page.getByTestId("deals-empty").waitFor();
  }, { path: "/deals" });
}
