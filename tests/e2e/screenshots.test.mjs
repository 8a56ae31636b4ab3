// Screenshots of every page (harness PAGES) with the demo data, at phone (360 × 740) and
// desktop (1280 × 800) size, into tests/e2e/screenshots/ (git-ignored), to look at.

import assert from "node:assert/strict";
import { mkdirSync, statSync } from "node:fs";
import { appTest, loadDemo, openPage, PAGES } from "./harness.mjs";

const FOLDER = new URL("./screenshots/", import.meta.url).pathname;
const SIZES = { phone: { width: 360, height: 740 }, desktop: { width: 1280, height: 800 } };

for (const [size, viewport] of Object.entries(SIZES)) {
  appTest(`screenshots of every page at ${size} size (${viewport.width} × ${viewport.height})`, async (page) => {
    mkdirSync(FOLDER, { recursive: true });
    await loadDemo(page);
    for (const entry of PAGES) {
      await openPage(page, entry);
      // Charts draw in an effect after the first paint.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const path = `${FOLDER}${size}-${entry.name}.png`;
      await page.screenshot({ path, fullPage: true });
      assert.ok(statSync(path).size > 1_000, `${path} was written`);
    }
  }, { context: { viewport }, timeout: 180_000 });
}
