// The in-browser half of `cargo xtask bench`: times the bench build of the app
// (dist-bench/, `--features bench`, served at BASE_URL) in headless Chromium, then
// writes bench/bench.json and BENCHMARKS.md together with the native criterion
// figures and the bundle sizes that xtask measured (NATIVE_JSON, SIZES_JSON).
//
// Not a test file (no `.test.mjs`): the end-to-end run does not pick it up.

import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { launchChromium } from "./browser.mjs";
import { measureFirstVisit } from "./first-visit.mjs";

const BASE_URL = (process.env.BASE_URL ?? "http://127.0.0.1:8080").replace(/\/$/, "");
const ROOT = new URL("../../", import.meta.url).pathname;
// `node bench.mjs --report` only rewrites BENCHMARKS.md from bench/bench.json.
const REPORT_ONLY = process.argv.includes("--report");
const saved = REPORT_ONLY ? JSON.parse(readFileSync(`${ROOT}bench/bench.json`, "utf8")) : null;
const native = saved?.native_ms ?? JSON.parse(readFileSync(process.env.NATIVE_JSON, "utf8"));
const sizes = saved?.sizes ?? JSON.parse(readFileSync(process.env.SIZES_JSON, "utf8"));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? null : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const call = (page, name, ...args) =>
  page.evaluate(([name, args]) => Array.from(window.wasmBindings[name](...args)), [name, args]);

/**
 * Runs in the page: the sales family's core passes (revenue, won and lost, cycle,
 * margin, discount, the previous period's revenue) over the same four slices as the
 * wasm `sales_scan`, in plain JavaScript on the parsed envelope. Returns the ms of each repeat.
 */
function jsSalesScan(repeats) {
  const data = JSON.parse(window.wasmBindings.bench_envelope()).data;
  const day = (s) => (s ? Date.parse(s) / 86_400_000 : NaN);
  const deals = data.deals.filter((d) => !d.deleted_at).map((d) => ({ ...d, close: day(d.closed_on), open: day(d.created_on) }));
  const orders = data.orders.filter((o) => !o.deleted_at && !o.deal_id).map((o) => ({ ...o, when: day(o.date) }));
  const me = data.settings.me;
  const months = [[day("2026-11-01"), day("2026-11-30")], [day("2026-10-01"), day("2026-10-31")], [day("2026-09-01"), day("2026-09-30")]];
  const scan = (from, to, rep) => {
    let revenue = 0, won = 0, lost = 0, cycle = 0, cost = 0, discount = 0;
    for (const d of deals) {
      if (rep && d.rep_id !== rep) continue;
      if (!(d.close >= from && d.close <= to)) continue;
      if (d.status === "won") {
        revenue += d.amount; won += 1; cycle += d.close - d.open; cost += d.cost ?? 0; discount += d.discount ?? 0;
      } else if (d.status === "lost") lost += 1;
    }
    for (const o of orders) {
      if (rep && o.rep_id !== rep) continue;
      if (o.when >= from && o.when <= to) revenue += o.amount;
    }
    return { revenue, won, lost, winRate: won / (won + lost), avg: revenue / won, cycle: cycle / won, margin: (revenue - cost) / revenue, discount };
  };
  const times = [];
  let sink = 0;
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    for (const rep of [null, me]) {
      for (let m = 0; m < 2; m++) {
        const now = scan(months[m][0], months[m][1], rep);
        const before = scan(months[m + 1][0], months[m + 1][1], rep);
        sink += now.revenue - before.revenue;
      }
    }
    times.push(performance.now() - start);
  }
  window.__sink = sink;
  return times;
}

/**
 * Runs in the page: writes `text` to the app's IndexedDB store as the app does (one
 * transaction, waited for until committed) and reads it back, 5 times each; also leaves
 * it there with the "moved" marker in localStorage, so the next load reads it from there.
 */
async function indexedRoundTrip(text) {
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open("salesboard", 1);
    open.onupgradeneeded = () => open.result.createObjectStore("texts");
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const run = (mode, work) =>
    new Promise((resolve, reject) => {
      const tx = db.transaction("texts", mode);
      const request = work(tx.objectStore("texts"));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
    });
  const write = [], read = [];
  for (let i = 0; i < 5; i++) {
    let start = performance.now();
    await run("readwrite", (store) => store.put(text, "salesboard.data"));
    write.push(performance.now() - start);
    start = performance.now();
    const back = await run("readonly", (store) => store.get("salesboard.data"));
    read.push(performance.now() - start);
    if (back.length !== text.length) throw new Error("IndexedDB read back a different text");
  }
  db.close();
  localStorage.setItem("salesboard.data", '{"app":"salesboard","version":1000000,"moved_to":"indexeddb","revision":0}');
  return { write, read };
}

/** Runs in the page before the app: notes when the first KPI card shows a value. */
function watchForInteractive() {
  const tick = () => {
    // The KPI shows a value once the stored data is loaded (before that it says "no data").
    if (document.querySelector('[data-kpi="revenue"][data-value]:not([data-no-data])')) window.__interactive = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

async function browserFigures(browser) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 2 });
  const page = await ctx.newPage();
  await page.goto(`${BASE_URL}/settings`);
  await page.getByTestId("app-ready").waitFor();
  const out = {};
  for (const deals of [10_000, 100_000]) {
    await page.evaluate((n) => window.wasmBindings.bench_generate(n), deals);
    const repeats = deals > 50_000 ? 5 : 15;
    out[`recompute_wasm_${deals}`] = median(await call(page, "bench_recompute", repeats));
    out[`recompute_kept_wasm_${deals}`] = median(await call(page, "bench_recompute_kept", repeats));
    out[`recompute_after_edit_wasm_${deals}`] = median(await call(page, "bench_recompute_after_edit", repeats));
    out[`sales_scan_wasm_${deals}`] = median(await call(page, "bench_sales_scan", repeats));
    out[`sales_scan_js_${deals}`] = median(await page.evaluate(jsSalesScan, repeats));
  }
  await page.evaluate((n) => window.wasmBindings.bench_generate(n), 10_000);
  out.encode_10000 = median(await call(page, "bench_encode", 7));
  out.encode_after_edit_10000 = median(await call(page, "bench_encode_after_edit", 7));
  out.check_10000 = median(await call(page, "bench_check", 7));
  out.check_after_edit_10000 = median(await call(page, "bench_check_after_edit", 7));
  out.decode_10000 = median(await call(page, "bench_decode", 7));
  // The same saves and loads for 10k deals alone (with their customers and reps).
  await page.evaluate(() => window.wasmBindings.bench_deals_only());
  out.deals_only_encode_10000 = median(await call(page, "bench_encode", 7));
  out.deals_only_encode_after_edit_10000 = median(await call(page, "bench_encode_after_edit", 7));
  out.deals_only_check_10000 = median(await call(page, "bench_check", 7));
  out.deals_only_check_after_edit_10000 = median(await call(page, "bench_check_after_edit", 7));
  out.deals_only_decode_10000 = median(await call(page, "bench_decode", 7));
  out.deals_only_envelope_10000_bytes = await page.evaluate(() => window.wasmBindings.bench_envelope().length);
  await page.evaluate((n) => window.wasmBindings.bench_generate(n), 10_000);
  const envelope10k = await page.evaluate(() => window.wasmBindings.bench_envelope());
  out.envelope_10000_bytes = envelope10k.length;
  const io = await page.evaluate(indexedRoundTrip, envelope10k);
  out.indexeddb_write_10000 = median(io.write);
  out.indexeddb_read_10000 = median(io.read);
  await page.evaluate(() => {
    const canvas = Object.assign(document.createElement("canvas"), { id: "bench-canvas", width: 1600, height: 600 });
    canvas.style.cssText = "width:800px;height:300px";
    document.body.append(canvas);
  });
  out.chart_1000 = median(await call(page, "bench_chart", "bench-canvas", 1_000, 7));
  out.chart_100000 = median(await call(page, "bench_chart", "bench-canvas", 100_000, 3));
  await page.close();

  // Time to interactive with 10k deals stored (in IndexedDB, where the app keeps data
  // of that size: the round trip above left it there), then one edit to the next frame.
  await ctx.addInitScript(watchForInteractive);
  const app = await ctx.newPage();
  await app.goto(`${BASE_URL}/`);
  await app.waitForFunction(() => window.__interactive !== undefined, null, { timeout: 60_000 });
  out.interactive_10000 = await app.evaluate(() => window.__interactive);
  await app.getByTestId("nav-records").click();
  await app.getByTestId("record-row").first().waitFor();
  const edits = [];
  for (let i = 0; i < 5; i++) {
    await app.getByTestId("record-new").click();
    await app.getByTestId("record-name").fill(`Bench customer ${i}`);
    edits.push(
      await app.evaluate(
        () =>
          new Promise((resolve) => {
            const start = performance.now();
            document.querySelector('[data-testid="record-save"]').click();
            requestAnimationFrame(() => resolve(performance.now() - start));
          }),
      ),
    );
    await app.waitForTimeout(600); // let the debounced save finish off the measured path
  }
  out.edit_to_frame_10000 = median(edits);
  await ctx.close();
  return out;
}

const round = (x, digits = 2) => (x === null || x === undefined ? null : Number(x.toFixed(digits)));

function verdicts(b, nativeMs) {
  const nat10k = nativeMs["10000"], nat100k = nativeMs["100000"];
  const firstLoad = sizes.total_gzipped_kb;
  const rows = [
    ["first load, gzipped (.wasm + .js + .css + sw)", `${firstLoad} KB`, "≤ 150 KB", firstLoad <= 150],
    ["first visit on a slow phone: the frame painted (Slow 4G, 4× CPU)", `${round(b.first_visit_frame_ms, 0)} ms`, "–", true],
    ["first visit on a slow phone: the app shell interactive (Slow 4G, 4× CPU)", `${round(b.first_visit_shell_ms, 0)} ms`, "≤ 2500 ms", b.first_visit_shell_ms <= 2500],
    ["interactive with 10k deals stored", `${round(b.interactive_10000, 0)} ms`, "≤ 300 ms", b.interactive_10000 <= 300],
    ["recompute, 10k deals (wasm), facts kept (scope/period change)", `${round(b.recompute_kept_wasm_10000)} ms`, "≤ 1 ms", b.recompute_kept_wasm_10000 <= 1],
    ["recompute, 100k deals (wasm), facts kept (scope/period change)", `${round(b.recompute_kept_wasm_100000)} ms`, "≤ 10 ms", b.recompute_kept_wasm_100000 <= 10],
    ["recompute, 10k deals (wasm), after one deal edited (facts renewed)", `${round(b.recompute_after_edit_wasm_10000)} ms`, "≤ 1 ms", b.recompute_after_edit_wasm_10000 <= 1],
    ["recompute, 100k deals (wasm), after one deal edited (facts renewed)", `${round(b.recompute_after_edit_wasm_100000)} ms`, "≤ 10 ms", b.recompute_after_edit_wasm_100000 <= 10],
    ["recompute, 10k deals (wasm), all facts made anew (after loading)", `${round(b.recompute_wasm_10000)} ms`, "≤ 1 ms", b.recompute_wasm_10000 <= 1],
    ["recompute, 100k deals (wasm), all facts made anew (after loading)", `${round(b.recompute_wasm_100000)} ms`, "≤ 10 ms", b.recompute_wasm_100000 <= 10],
    ["wasm ÷ native recompute, 10k", `${round(b.recompute_wasm_10000 / nat10k)}×`, "≤ 1.5×", b.recompute_wasm_10000 / nat10k <= 1.5],
    ["wasm ÷ native recompute, 100k", `${round(b.recompute_wasm_100000 / nat100k)}×`, "≤ 1.5×", b.recompute_wasm_100000 / nat100k <= 1.5],
    ["wasm ÷ plain JS, sales scan, 10k", `${round(b.sales_scan_wasm_10000 / b.sales_scan_js_10000)}×`, "≤ 1×", b.sales_scan_wasm_10000 <= b.sales_scan_js_10000],
    ["wasm ÷ plain JS, sales scan, 100k", `${round(b.sales_scan_wasm_100000 / b.sales_scan_js_100000)}×`, "≤ 1×", b.sales_scan_wasm_100000 <= b.sales_scan_js_100000],
    ["chart redraw, 1k points (DPR 2)", `${round(b.chart_1000)} ms`, "≤ 8 ms", b.chart_1000 <= 8],
    ["chart redraw, 100k points (DPR 2)", `${round(b.chart_100000)} ms`, "≤ 8 ms", b.chart_100000 <= 8],
    ["edit → next frame, 10k deals", `${round(b.edit_to_frame_10000)} ms`, "≤ 50 ms", b.edit_to_frame_10000 <= 50],
    ["save 10k deals after an edit: check + encode (main thread)", `${round(b.check_after_edit_10000 + b.encode_after_edit_10000)} ms`, "≤ 25 ms", b.check_after_edit_10000 + b.encode_after_edit_10000 <= 25],
    ["save 10k deals, first save: check + encode (main thread)", `${round(b.check_10000 + b.encode_10000)} ms`, "≤ 25 ms", b.check_10000 + b.encode_10000 <= 25],
    ["save 10k deals alone after an edit: check + encode (main thread)", `${round(b.deals_only_check_after_edit_10000 + b.deals_only_encode_after_edit_10000)} ms`, "≤ 25 ms", b.deals_only_check_after_edit_10000 + b.deals_only_encode_after_edit_10000 <= 25],
    ["load 10k deals alone: decode + checks (main thread)", `${round(b.deals_only_decode_10000)} ms`, "≤ 25 ms", b.deals_only_decode_10000 <= 25],
    ["save 10k deals: IndexedDB write (async)", `${round(b.indexeddb_write_10000)} ms`, "≤ 25 ms", b.indexeddb_write_10000 <= 25],
    ["load 10k deals: decode + checks (main thread)", `${round(b.decode_10000)} ms`, "≤ 25 ms", b.decode_10000 <= 25],
    ["load 10k deals: IndexedDB read (async)", `${round(b.indexeddb_read_10000)} ms`, "≤ 25 ms", b.indexeddb_read_10000 <= 25],
  ];
  return rows.map(([what, measured, budget, met]) => ({ what, measured, budget, met }));
}

function markdown(result) {
  const m = result.machine;
  const lines = [
    "# Benchmarks",
    "",
    `Written by \`cargo xtask bench\` on ${result.date}. Machine: ${m.cpu} (${m.cores} cores), ${m.memory_gb} GB, ${m.os}; ${m.chromium}.`,
    "Timings are medians; the machine is shared and noisy, so compare ratios rather than single figures.",
    "",
    "## Budgets",
    "",
    "| what | measured | budget | met |",
    "|---|---|---|---|",
    ...result.budgets.map((b) => `| ${b.what} | ${b.measured} | ${b.budget} | ${b.met ? "yes" : "**no**"} |`),
    "",
    "## Native recompute (criterion, `cargo bench -p kpi --bench recompute`)",
    "",
    "A full dashboard recompute: every KPI for (everyone, me) × (this month, last month):",
    "with every part of the facts made anew (after loading), after one deal edited (the",
    "facts renewed: the parts that read deals made anew, the others kept), and from the",
    "facts already made (a change of scope or period).",
    "",
    "| deals | facts anew, ms | µs per deal | after a deal edit, ms | µs per deal | facts kept, ms | µs per deal |",
    "|---|---|---|---|---|---|---|",
    ...Object.entries(result.native_ms)
      .filter(([n]) => /^[0-9]+$/.test(n))
      .map(([n, ms]) => {
        const cell = (x) => (x === undefined ? "– | –" : `${round(x, 3)} | ${round((x * 1000) / Number(n), 3)}`);
        return `| ${Number(n).toLocaleString("en")} | ${cell(ms)} | ${cell(result.native_ms[`edit_${n}`])} | ${cell(result.native_ms[`kept_${n}`])} |`;
      }),
    "",
    "## In the browser (bench build of the app, headless Chromium)",
    "",
    "| measurement | ms |",
    "|---|---|",
    ...Object.entries(result.browser).filter(([k]) => !k.endsWith("bytes")).map(([k, v]) => `| ${k} | ${round(v, 3)} |`),
    "",
    `The 10k-deal envelope is ${(result.browser.envelope_10000_bytes / 1e6).toFixed(2)} MB of text; with the 10k deals alone (their customers, reps and teams, no orders, activities, leads, expenses or feedback) ${(result.browser.deals_only_envelope_10000_bytes / 1e6).toFixed(2)} MB.`,
    "",
    "## Bundle",
    "",
    "| file | raw KB | gzipped KB |",
    "|---|---|---|",
    ...sizes.assets.map((a) => `| ${a.name} | ${a.raw_kb} | ${a.gzipped_kb} |`),
    `| total | ${sizes.total_raw_kb} | ${sizes.total_gzipped_kb} |`,
    "",
    readFileSync(new URL("./bench-notes.md", import.meta.url), "utf8").trim(),
    "",
  ];
  return lines.join("\n");
}

if (REPORT_ONLY) {
  writeFileSync(`${ROOT}BENCHMARKS.md`, markdown(saved));
  process.exit(0);
}

const browser = await launchChromium();
try {
  const figures = { ...(await browserFigures(browser)), ...(await measureFirstVisit(browser, BASE_URL)) };
  const result = {
    date: new Date().toISOString().slice(0, 10),
    machine: {
      cpu: os.cpus()[0]?.model ?? "unknown",
      cores: os.cpus().length,
      memory_gb: Math.round(os.totalmem() / 2 ** 30),
      os: `${os.type()} ${os.release()}`,
      chromium: `Chromium ${browser.version()}`,
    },
    native_ms: native,
    browser: figures,
    sizes,
  };
  result.budgets = verdicts(figures, native);
  writeFileSync(`${ROOT}bench/bench.json`, JSON.stringify(result, null, 2) + "\n");
  writeFileSync(`${ROOT}BENCHMARKS.md`, markdown(result));
  console.log(JSON.stringify(result.budgets, null, 2));
} finally {
  await browser.close();
}
