// Demo data fills the dashboard, and the revenue chart is drawn sharp on HiDPI.

import assert from "node:assert/strict";
import { appTest, chartPixels, eventually, KPI_IDS, navigate, notice, readKpis, selectPeriod } from "./harness.mjs";

/** Waits until the chart has ink on it, then checks its pixel size against CSS size × devicePixelRatio. */
async function expectSharpChart(page, dpr) {
  const chart = await eventually(async () => {
    const pixels = await chartPixels(page);
    // A year of daily sales, axes and labels: well over 0.2 % of the canvas.
    const enough = Math.max(2_000, pixels.total * 0.002);
    assert.ok(pixels.inked >= enough, `chart looks blank: ${pixels.inked} of ${pixels.total} pixels drawn`);
    return pixels;
  });
  assert.equal(chart.dpr, dpr);
  assert.ok(Math.abs(chart.width - Math.round(chart.cssWidth * dpr)) <= 1, `width ${chart.width} = ${chart.cssWidth} × ${dpr}`);
  assert.ok(Math.abs(chart.height - Math.round(chart.cssHeight * dpr)) <= 1, `height ${chart.height} = ${chart.cssHeight} × ${dpr}`);
  const days = page.getByTestId("daily-sales-table").locator("tr:has(td)");
  assert.ok((await days.count()) >= 10, "the text alternative has a row per day with sales");
}

async function expectDataThisYear(page) {
  await selectPeriod(page, "this_year");
  await eventually(async () => {
    const kpis = await readKpis(page);
    for (const id of KPI_IDS) assert.ok(Number.isFinite(kpis[id]), `${id} has data: ${JSON.stringify(kpis)}`);
    assert.ok(kpis.revenue > 0 && kpis.deals_won > 0, JSON.stringify(kpis));
    assert.ok(kpis.win_rate > 0 && kpis.win_rate <= 1, JSON.stringify(kpis));
  });
}

appTest("demo data from the settings fills the dashboard with a sharp chart (devicePixelRatio 2)", async (page) => {
  await page.getByTestId("demo-load").click();
  await notice(page, "demo_loaded").waitFor();
  await navigate(page, "dashboard");
  await expectDataThisYear(page);
  await expectSharpChart(page, 2);
  await selectPeriod(page, "this_month");
  await eventually(async () => assert.ok((await readKpis(page)).revenue > 0, "the demo has won deals this month"));
}, { path: "/settings", context: { deviceScaleFactor: 2 } });

appTest("a first visit offers demo data on the empty dashboard", async (page) => {
  await page.getByTestId("dashboard-empty").waitFor();
  await page.getByTestId("empty-load-demo").click();
  await page.getByTestId("dashboard-empty").waitFor({ state: "detached" });
  await expectDataThisYear(page);
  await expectSharpChart(page, 1);
});
