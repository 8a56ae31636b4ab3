// axe-core on every page (harness PAGES), empty and with the demo data, at desktop and
// phone size, in the light and the dark theme: no serious or critical violation, and
// every chart an image with a name and a table of its numbers.
// axe is evaluated into the page through the DevTools protocol (page.evaluate), so the
// app's CSP stays as strict as it ships.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { appTest, loadDemo, openPage, PAGES, VIEWPORTS } from "./harness.mjs";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const BLOCKING = new Set(["serious", "critical"]);

/** The serious and critical axe violations on the page as it is now, as readable lines. */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")} ${n.failureSummary?.split("\n").slice(1, 2).join("") ?? ""}`),
    }));
  });
  return violations
    .filter((v) => BLOCKING.has(v.impact))
    .map((v) => `${v.impact} ${v.id} (${v.help}):\n      ${v.targets.join("\n      ")}`);
}

/** Charts (canvases) that are not an image with a name, or have no table of their numbers. */
function chartsWithoutText(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("main canvas")].flatMap((canvas) => {
      const what = `chart ${canvas.dataset.testid}`;
      const problems = [];
      if (canvas.getAttribute("role") !== "img") problems.push(`${what} is not role="img"`);
      if (!canvas.getAttribute("aria-label")?.trim()) problems.push(`${what} has no name`);
      if (!canvas.closest(".chart-panel")?.querySelector("table")) problems.push(`${what} has no table of its numbers`);
      return problems;
    }),
  );
}

for (const size of ["desktop", "phone"]) {
  for (const scheme of ["light", "dark"]) {
    for (const data of ["empty", "demo"]) {
      appTest(`axe finds nothing serious on any page: ${size}, ${scheme}, ${data}`, async (page) => {
        if (data === "demo") await loadDemo(page);
        const problems = [];
        for (const entry of PAGES) {
          await openPage(page, entry);
          assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), scheme);
          for (const line of await axeViolations(page)) problems.push(`${entry.name}: ${line}`);
          for (const line of await chartsWithoutText(page)) problems.push(`${entry.name}: ${line}`);
        }
        assert.deepEqual(problems, [], `axe violations:\n  ${problems.join("\n  ")}`);
      }, { context: { viewport: VIEWPORTS[size], colorScheme: scheme }, timeout: 240_000 });
    }
  }
}
