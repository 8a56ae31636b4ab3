// Security: a strict Content-Security-Policy is in force, the app talks to no other
// origin, and whatever a user types is shown as text, never run.

import assert from "node:assert/strict";
import { addDeal, appTest, BASE_URL, dealRows, eventually, navigate, notice } from "./harness.mjs";

const PAYLOADS = [
  `<img src=x onerror="window.__xss='img'">`,
  `<script>window.__xss='script'</script>`,
  `"><svg onload="window.__xss='svg'">`,
  `javascript:window.__xss='url'`,
];

appTest("the Content-Security-Policy forbids eval and foreign code, and the app still runs", async (page) => {
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  assert.match(policy, /default-src 'self'/);
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'/);
  // A script the page did not ship is refused, and the browser reports the violation.
  const violation = page.evaluate(
    () => new Promise((resolve) => document.addEventListener("securitypolicyviolation", (e) => resolve(e.violatedDirective), { once: true })),
  );
  await assert.rejects(page.addScriptTag({ content: "window.__injected = true" }));
  assert.match(await violation, /script-src/);
  assert.equal(await page.evaluate(() => window.__injected), undefined);
  await page.getByTestId("app-ready").waitFor();
}, { expectErrors: ["Content Security Policy"] });

appTest("the app requests nothing from another origin, demo and every page included", async (page) => {
  const foreign = [];
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(BASE_URL) && !url.startsWith("data:") && !url.startsWith("blob:")) foreign.push(url);
  });
  await page.getByTestId("empty-load-demo").click();
  await notice(page, "demo_loaded").waitFor();
  for (const name of ["deals", "records", "settings", "dashboard"]) await navigate(page, name);
  await page.reload();
  await page.getByTestId("app-ready").waitFor();
  assert.deepEqual(foreign, []);
});

appTest("text a user types is shown as text everywhere, never run as code", async (page) => {
  await navigate(page, "deals");
  for (const payload of PAYLOADS) {
    await addDeal(page, { title: payload, customer: payload, owner: payload, status: "open", amount: "1", created: "2026-11-10" });
  }
  await eventually(async () => assert.equal(await dealRows(page).count(), PAYLOADS.length));
  const titles = await page.getByTestId("deal-row-title").allInnerTexts();
  assert.deepEqual([...titles].sort(), [...PAYLOADS].sort(), "titles appear literally");

  await navigate(page, "records");
  await page.getByTestId("record-new").click();
  await page.getByTestId("record-name").fill(PAYLOADS[0]);
  await page.getByTestId("record-segment").fill(PAYLOADS[1]);
  await page.getByTestId("record-save").click();
  await eventually(async () => assert.match(await page.getByTestId("records-table").innerText(), /onerror/));

  await navigate(page, "dashboard");
  await page.getByTestId("scope-picker").locator("option").first().waitFor({ state: "attached" });
  assert.equal(await page.evaluate(() => window.__xss), undefined, "no payload ran");
  assert.equal(await page.locator("img[src='x'], svg[onload]").count(), 0, "no element was made from a payload");
});
