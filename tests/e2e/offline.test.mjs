// Offline: after the first visit the app opens and works with the network gone, deep
// links included; a new build is announced and only swapped in when the user asks.

import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { addDeal, appTest, BASE_URL, dealRows, eventually, navigate, readKpi } from "./harness.mjs";

/** Waits until the service worker controls the page (it claims it on first install). */
async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await eventually(async () => assert.ok(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))));
}

appTest("after the first visit the app opens offline, deep links included, and keeps working", async (page) => {
  await controlled(page);
  await navigate(page, "deals");
  await addDeal(page, { title: "Offline visit", status: "won", amount: "500", created: "2026-11-10", closed: "2026-11-14" });
  await dealRows(page).first().waitFor();

  await page.context().setOffline(true);
  try {
    await page.goto(`${BASE_URL}/deals`);
    await page.getByTestId("app-ready").waitFor();
    assert.equal(await dealRows(page).count(), 1, "a deep link opens from the cache with the data");
    await addDeal(page, { title: "Logged on the road", status: "won", amount: "250", created: "2026-11-15", closed: "2026-11-15" });
    await eventually(async () => assert.equal(await dealRows(page).count(), 2));
    await page.goto(`${BASE_URL}/records/customers`);
    await page.getByTestId("app-ready").waitFor();
    await navigate(page, "dashboard");
    await eventually(async () => assert.equal(await readKpi(page, "revenue"), 750));
  } finally {
    await page.context().setOffline(false);
  }
});

/** Serves a copy of dist/ (unknown paths → index.html) so a test can publish a "new build". */
function serveCopy() {
  const root = mkdtempSync(join(tmpdir(), "salesboard-dist-"));
  cpSync(new URL("../../dist/", import.meta.url), root, { recursive: true });
  const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css",
    ".svg": "image/svg+xml", ".png": "image/png", ".webmanifest": "application/manifest+json" };
  const server = createServer((request, response) => {
    const path = new URL(request.url, "http://x").pathname;
    const file = extname(path) ? join(root, path) : join(root, "index.html");
    try {
      const body = readFileSync(file);
      response.writeHead(200, { "Content-Type": types[extname(file)] ?? "application/octet-stream", "Cache-Control": "no-cache" });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({
    url: `http://127.0.0.1:${server.address().port}`,
    publishNewBuild: () => {
      const sw = join(root, "sw.js");
      writeFileSync(sw, readFileSync(sw, "utf8").replace(/const BUILD = "[^"]+"/, 'const BUILD = "a-newer-build"'));
    },
    close: () => { server.close(); rmSync(root, { recursive: true, force: true }); },
  })));
}

appTest("a new build is announced and swapped in only when the user reloads", async (page) => {
  const site = await serveCopy();
  try {
    await page.goto(`${site.url}/`);
    await page.getByTestId("app-ready").waitFor();
    await controlled(page);
    const cacheNames = () => page.evaluate(async () => (await caches.keys()).join(","));
    assert.doesNotMatch(await cacheNames(), /a-newer-build/);

    site.publishNewBuild();
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const notice = page.locator('[data-notice-id="update_ready"]');
    await notice.waitFor();
    // Still the old version until the user agrees: the new worker waits.
    assert.ok(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration()).waiting)));

    await Promise.all([page.waitForEvent("load"), page.getByTestId("update-reload").click()]);
    await page.getByTestId("app-ready").waitFor();
    await eventually(async () => assert.equal(await cacheNames(), "salesboard-a-newer-build", "the old cache is gone"));
  } finally {
    site.close();
  }
});
