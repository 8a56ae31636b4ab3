// A first visit on a slow phone, as issue 18 measures it: Chromium's emulation of
// Lighthouse's mobile profile (Slow 4G: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s
// up; CPU 4× slower; 360 × 740 at DPR 2), a new context each run (no cache, no service
// worker). Reports the medians of three runs:
//   frame_ms — the first contentful paint (index.html's top bar and loading line);
//   shell_ms — the app mounted and interactive (`app-ready`).
// Used by bench.mjs; `BASE_URL=… node first-visit.mjs` runs it on its own.
// Not a test file (no `.test.mjs`).

import { launchChromium } from "./browser.mjs";

const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const CPU_SLOWDOWN = 4;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function oneVisit(browser, baseUrl) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", SLOW_4G);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
    const start = Date.now();
    await page.goto(`${baseUrl}/`, { waitUntil: "commit" });
    await page.getByTestId("app-ready").waitFor({ timeout: 60_000 });
    const shell = Date.now() - start;
    const frame = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null);
    return { frame, shell };
  } finally {
    await context.close();
  }
}

/** Three first visits; the medians in ms. */
export async function measureFirstVisit(browser, baseUrl, runs = 3) {
  const visits = [];
  for (let i = 0; i < runs; i++) visits.push(await oneVisit(browser, baseUrl));
  return {
    first_visit_frame_ms: median(visits.map((v) => v.frame)),
    first_visit_shell_ms: median(visits.map((v) => v.shell)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const browser = await launchChromium();
  try {
    const baseUrl = (process.env.BASE_URL ?? "http://127.0.0.1:8080").replace(/\/$/, "");
    console.log(JSON.stringify(await measureFirstVisit(browser, baseUrl)));
  } finally {
    await browser.close();
  }
}
