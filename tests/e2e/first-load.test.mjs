// The first visit (issue 18): the frame in index.html paints before the wasm arrives, in
// the user's theme and language, and the static server sends the build's precompressed
// copies (brotli, else gzip) with Content-Encoding.

import assert from "node:assert/strict";
import { appTest, BASE_URL } from "./harness.mjs";

appTest("the app's files arrive precompressed: brotli to a browser that accepts it", async (page) => {
  const encodings = {};
  page.on("response", (response) => {
    const path = new URL(response.url()).pathname;
    if (/\.(wasm|js|css)$/.test(path) || path === "/") encodings[path] = response.headers()["content-encoding"] ?? "none";
  });
  await page.reload();
  await page.getByTestId("app-ready").waitFor();
  const wasm = Object.keys(encodings).filter((path) => path.endsWith(".wasm"));
  assert.equal(wasm.length, 1, `one wasm module: ${JSON.stringify(encodings)}`);
  for (const [path, encoding] of Object.entries(encodings)) assert.equal(encoding, "br", `${path} is sent as brotli`);
  // A client that takes only gzip gets gzip; one that takes nothing gets the file itself.
  const gzip = await fetch(`${BASE_URL}${wasm[0]}`, { headers: { "accept-encoding": "gzip" } });
  assert.equal(gzip.headers.get("content-encoding"), "gzip");
  const bytes = new Uint8Array(await gzip.arrayBuffer()); // decoded by fetch
  assert.deepEqual([...bytes.slice(0, 4)], [0, 0x61, 0x73, 0x6d], "the decoded body is the wasm module");
  const plain = await fetch(`${BASE_URL}${wasm[0]}`, { headers: { "accept-encoding": "identity" } });
  assert.equal(plain.headers.get("content-encoding"), null);
  assert.equal((await plain.arrayBuffer()).byteLength, bytes.length, "the same module either way");
}, { context: { serviceWorkers: "block" } }); // what the network sends, not the worker's cache

appTest("before the wasm arrives the page shows the top bar and a loading line, in the user's theme and language", async (page) => {
  await page.evaluate(() => {
    localStorage.setItem("salesboard.theme", "dark");
    localStorage.setItem("salesboard.locale", "de");
  });
  // Hold the wasm back until the frame has been seen.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route("**/*.wasm", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${BASE_URL}/deals`);
  const loading = page.locator("#boot-loading");
  await loading.waitFor();
  assert.equal(await loading.textContent(), "Salesboard wird geladen…");
  assert.equal(await page.locator("#boot .brand").textContent(), "Salesboard");
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "de");
  const bar = await page.locator("#boot .top-bar").evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.notEqual(bar, "rgba(0, 0, 0, 0)", "the top bar is painted with the theme's colour");
  release();
  await page.getByTestId("app-ready").waitFor();
  assert.equal(await page.locator("#boot").count(), 0, "the frame is gone once the app is up");
  assert.equal(await page.locator(".top-bar").count(), 1, "one top bar: the app's");
}, { context: { serviceWorkers: "block" } }); // the route must see the network's wasm request
