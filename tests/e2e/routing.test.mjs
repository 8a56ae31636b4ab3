// Path routes: deep links, the nav, unknown pages; and the server's fallback.

import assert from "node:assert/strict";
import { test } from "node:test";
import { appTest, BASE_URL, navigate, open } from "./harness.mjs";

appTest("deep links open the deals and settings pages directly", async (page) => {
  await page.getByTestId("deal-new").waitFor();
  await open(page, "/settings");
  await page.getByTestId("backup-export").waitFor();
}, { path: "/deals" });

appTest("an unknown path shows the not-found page with a way home", async (page) => {
  const notFound = page.getByTestId("not-found");
  await notFound.waitFor();
  await notFound.locator('a[href="/"]').click();
  await page.waitForURL(`${BASE_URL}/`);
  await page.getByTestId("period-picker").or(page.getByTestId("dashboard-empty")).first().waitFor();
}, { path: "/no/such/page" });

appTest("an unknown record kind shows the not-found page, not the customers list", async (page) => {
  for (const path of ["/records/nonsense", "/records/deals"]) {
    await open(page, path);
    await page.getByTestId("not-found").waitFor();
    assert.equal(await page.getByTestId("record-new").count(), 0, `${path}: no records list`);
  }
  // A known kind still opens its list, also after a not-found one in the same tab.
  await open(page, "/records/leads");
  await page.getByTestId("record-new").waitFor();
  assert.equal(await page.getByTestId("not-found").count(), 0);
}, { path: "/records/nonsense" });

appTest("the nav links move between the pages", async (page) => {
  await navigate(page, "deals");
  await page.getByTestId("deal-new").waitFor();
  await navigate(page, "settings");
  await page.getByTestId("backup-export").waitFor();
  await navigate(page, "dashboard");
  await page.getByTestId("period-picker").or(page.getByTestId("dashboard-empty")).first().waitFor();
});

test("the server answers routes with the app and missing files with 404", async () => {
  for (const route of ["/deals", "/settings", "/no/such/page"]) {
    const response = await fetch(BASE_URL + route);
    assert.equal(response.status, 200, route);
    assert.match(response.headers.get("content-type"), /^text\/html/, route);
  }
  assert.equal((await fetch(`${BASE_URL}/no-such-file.js`)).status, 404);
});
