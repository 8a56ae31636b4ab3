// Sync through a real CouchDB-compatible server (pouchdb-server, see couch.mjs) in
// real Chromium: a rep's two devices, offline edits, deletions, a reload while
// changes wait, the server going away mid-sync, a wrong password, a newer app's
// documents, and the server's refusals.

import assert from "node:assert/strict";
import {
  addDeal, appTest, dealRows, eventually, fillDeal, navigate, NOW, open, reload, storedDeals, VIEWPORTS, VIEWPORT_NAME,
} from "./harness.mjs";
import { asAdmin, connect, cuttableProxy, freshTeam, serverDocs } from "./couch.mjs";

/** What Chromium logs for a request that failed or was refused: provoked on purpose here. */
const NETWORK_ERRORS = ["Failed to load resource"];
const deal = (title, amount = "100.00") => ({ title, status: "open", amount, created: "2026-11-10" });
const status = (page) => page.getByTestId("sync-status");
const synced = (page, timeout = 20_000) => page.locator('[data-testid="sync-status"][data-state="synced"]').waitFor({ timeout });
const titles = async (page) => (await storedDeals(page)).filter((d) => !d.deleted_at).map((d) => d.title).sort();
/** The saved deals, comparable across devices (ids, stamps and content). */
const dealsById = async (page) => (await storedDeals(page)).slice().sort((a, b) => a.id.localeCompare(b.id));

/** A second device of the same user: a new browser context (its own storage and cookies). */
async function secondDevice(page) {
  const ctx = await page.context().browser().newContext({ locale: "en-US", viewport: VIEWPORTS[VIEWPORT_NAME] });
  ctx.setDefaultTimeout(10_000);
  const other = await ctx.newPage();
  const problems = [];
  other.on("pageerror", (err) => problems.push(err.message));
  await other.clock.setFixedTime(NOW);
  return { page: other, problems, close: () => ctx.close() };
}

/** To the deal list by the app's own navigation (works offline, no page load). */
async function goDeals(page) {
  if (!page.url().endsWith("/deals")) await navigate(page, "deals");
}

async function editAmount(page, title, amount) {
  await goDeals(page);
  const row = dealRows(page).filter({ hasText: title });
  await row.getByTestId("deal-edit").click();
  await fillDeal(page, { amount });
  await page.getByTestId("deal-save").click();
  await page.getByTestId("deal-form").waitFor({ state: "hidden" });
}

async function deleteDeal(page, title) {
  await goDeals(page);
  await dealRows(page).filter({ hasText: title }).getByTestId("deal-delete").click();
  await page.getByTestId("confirm-yes").click();
  await dealRows(page).filter({ hasText: title }).waitFor({ state: "detached" });
}

appTest("two devices of one rep edit offline, reconnect, and end with the same data and no server conflict", async (phone) => {
  const team = await freshTeam();
  const login = { url: team.server.url, user: team.user("anna"), password: team.password("anna") };
  await connect(phone, login);
  await open(phone, "/deals");
  await addDeal(phone, deal("Fleet tablets"));
  await addDeal(phone, deal("Service contract"));
  await eventually(async () => assert.equal((await serverDocs(team.repDb("anna"))).length >= 2, true), 15_000);

  const laptop = await secondDevice(phone);
  try {
    await connect(laptop.page, login);
    await eventually(async () => assert.deepEqual(await titles(laptop.page), ["Fleet tablets", "Service contract"]), 15_000);

    // Both offline: different records and the same record change on each.
    await phone.context().setOffline(true);
    await laptop.page.context().setOffline(true);
    await editAmount(phone, "Fleet tablets", "111.00");
    await addDeal(phone, deal("Phone only"));
    // The laptop's edits are minutes later (within the clock tolerance): they win.
    await laptop.page.clock.setFixedTime(new Date(NOW.getTime() + 5 * 60_000));
    await editAmount(laptop.page, "Service contract", "222.00");
    await editAmount(laptop.page, "Fleet tablets", "333.00");
    await addDeal(laptop.page, deal("Laptop only"));
    await eventually(async () => assert.match(await status(phone).innerText(), /Offline, 2 changes waiting/), 20_000);

    await phone.context().setOffline(false);
    await laptop.page.context().setOffline(false);
    const expected = ["Fleet tablets", "Laptop only", "Phone only", "Service contract"];
    await eventually(async () => {
      await phone.getByTestId("sync-now").click();
      await laptop.page.getByTestId("sync-now").click();
      assert.deepEqual(await titles(phone), expected);
      assert.deepEqual(await titles(laptop.page), expected);
      assert.deepEqual(await dealsById(phone), await dealsById(laptop.page), "the same data on both");
    }, 30_000);
    const fleet = (await storedDeals(phone)).find((d) => d.title === "Fleet tablets");
    assert.equal(fleet.amount, 33300, "the later edit of the same deal wins on both");
    const docs = await serverDocs(team.repDb("anna"));
    assert.deepEqual(docs.filter((d) => d._conflicts), [], "the server keeps no open conflict");
    assert.deepEqual(laptop.problems, []);
  } finally {
    await laptop.close();
  }
}, { path: "/settings", timeout: 150_000, expectErrors: NETWORK_ERRORS });

appTest("deleted on one device, edited earlier on the other: the deletion wins everywhere and does not come back", async (phone) => {
  const team = await freshTeam();
  const login = { url: team.server.url, user: team.user("anna"), password: team.password("anna") };
  await connect(phone, login);
  await open(phone, "/deals");
  await addDeal(phone, deal("Old quote"));
  const laptop = await secondDevice(phone);
  try {
    await connect(laptop.page, login);
    await eventually(async () => assert.deepEqual(await titles(laptop.page), ["Old quote"]), 15_000);
    await phone.context().setOffline(true);
    await laptop.page.context().setOffline(true);
    await editAmount(laptop.page, "Old quote", "150.00");
    await phone.clock.setFixedTime(new Date(NOW.getTime() + 5 * 60_000)); // later than the edit
    await deleteDeal(phone, "Old quote");
    await laptop.page.context().setOffline(false);
    await laptop.page.getByTestId("sync-now").click();
    await synced(laptop.page);
    await phone.context().setOffline(false);
    await eventually(async () => {
      await phone.getByTestId("sync-now").click();
      await laptop.page.getByTestId("sync-now").click();
      assert.deepEqual(await titles(phone), []);
      assert.deepEqual(await titles(laptop.page), [], "the deletion reached the laptop");
    }, 30_000);
    await reload(laptop.page);
    await synced(laptop.page);
    assert.deepEqual(await titles(laptop.page), [], "and it does not come back");
    const docs = await serverDocs(team.repDb("anna"));
    assert.ok(docs.every((d) => !d._conflicts));
    assert.ok(docs.find((d) => d.kind === "deals").record.deleted_at, "the server holds the tombstone");
  } finally {
    await laptop.close();
  }
}, { path: "/settings", timeout: 120_000, expectErrors: NETWORK_ERRORS });

appTest("changes made while the server is away survive a reload, show as waiting, and go out when it is back", async (page) => {
  const team = await freshTeam();
  const proxy = await cuttableProxy(team.server.url);
  await connect(page, { url: proxy.url, user: team.user("anna"), password: team.password("anna") });
  await open(page, "/deals");
  await addDeal(page, deal("Before the outage"));
  await eventually(async () => assert.equal((await serverDocs(team.repDb("anna"))).length, 1), 15_000);

  proxy.cut(); // the server goes away, mid long-poll
  await addDeal(page, deal("During the outage 1"));
  await addDeal(page, deal("During the outage 2"));
  await eventually(async () => assert.match(await status(page).innerText(), /Offline, 2 changes waiting/), 20_000);
  await reload(page);
  await eventually(async () => assert.match(await status(page).innerText(), /Offline, 2 changes waiting/), 20_000);
  assert.deepEqual(await titles(page), ["Before the outage", "During the outage 1", "During the outage 2"]);
  const before = proxy.requests.length;
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  assert.ok(proxy.requests.length - before <= 4, `backing off, not storming: ${proxy.requests.length - before} requests in 5 s`);

  proxy.resume(); // resumes by itself (next back-off retry)
  await synced(page, 30_000);
  const onServer = (await serverDocs(team.repDb("anna"))).filter((d) => d.kind === "deals").map((d) => d.record.title).sort();
  assert.deepEqual(onServer, ["Before the outage", "During the outage 1", "During the outage 2"]);
}, { path: "/settings", timeout: 120_000, expectErrors: NETWORK_ERRORS });

appTest("a wrong password gets a clear message and no retry storm", async (page) => {
  const team = await freshTeam();
  const proxy = await cuttableProxy(team.server.url);
  await connect(page, { url: proxy.url, user: team.user("anna"), password: "not-the-password", expect: null });
  await eventually(async () => assert.match(await page.getByTestId("sync-message").innerText(), /did not accept this user name and password/), 10_000);
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  assert.deepEqual(proxy.requests.filter((r) => !r.startsWith("OPTIONS")), ["POST /_session"], "one attempt, no retries");
  assert.equal(await page.getByTestId("sync-password").inputValue(), "", "the password is not kept in the form");
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  assert.ok(!stored.includes("not-the-password"), "nor in storage");
}, { path: "/settings", expectErrors: NETWORK_ERRORS });

appTest("plain http to another machine is refused before anything is sent", async (page) => {
  const requests = [];
  page.on("request", (request) => requests.push(request.url()));
  await connect(page, { url: "http://couch.example.com", user: "anna", password: "secret", expect: null });
  await eventually(async () => assert.match(await page.getByTestId("sync-message").innerText(), /Plain http is refused/));
  assert.deepEqual(requests.filter((url) => url.includes("example.com")), []);
}, { path: "/settings", expectErrors: NETWORK_ERRORS });

appTest("a document from a newer app version is kept untouched, here and on the server", async (page) => {
  const team = await freshTeam();
  const db = team.repDb("anna");
  const future = {
    _id: "deals:future-1", kind: "deals", owner: team.user("anna"), schema: 99, updated_at: "2026-11-15T12:00:00Z",
    record: { id: "future-1", title: "From the future", new_field: { kept: true } },
  };
  const { json: put } = await asAdmin("PUT", `/${db}/deals:future-1`, future);
  await connect(page, { url: team.server.url, user: team.user("anna"), password: team.password("anna") });
  await page.getByTestId("sync-newer").filter({ hasText: "1 records on the server were saved by a newer version" }).waitFor();
  assert.deepEqual(await titles(page), [], "not merged into local data");
  await open(page, "/deals");
  await addDeal(page, deal("Today's deal"));
  await eventually(async () => assert.equal((await serverDocs(db)).length, 2), 15_000);
  const { json: after } = await asAdmin("GET", `/${db}/deals:future-1`);
  assert.equal(after._rev, put.rev, "never written over");
  assert.deepEqual(after.record, future.record);
}, { path: "/settings", timeout: 60_000, expectErrors: NETWORK_ERRORS });

appTest("a change the server refuses is named, rolled back to the server's version, and not retried", async (page) => {
  const team = await freshTeam();
  const db = team.repDb("anna");
  // The manager put a deal into anna's database: it stays the manager's.
  const managers = {
    _id: "deals:from-lena", kind: "deals", owner: team.user("lena"), schema: 3, updated_at: "2026-11-01T09:00:00Z",
    record: {
      id: "from-lena", updated_at: "2026-11-01T09:00:00Z", title: "Set by the manager", stage: "qualified", status: "open",
      amount: 50000, kind: "new", created_on: "2026-11-01",
    },
  };
  await asAdmin("PUT", `/${db}/deals:from-lena`, managers);
  const proxy = await cuttableProxy(team.server.url);
  await connect(page, { url: proxy.url, user: team.user("anna"), password: team.password("anna") });
  assert.deepEqual(await titles(page), ["Set by the manager"]);
  await editAmount(page, "Set by the manager", "999.00");
  // Named where the user is (the deal list), with the server's reason.
  await page.getByTestId("sync-refused-bar").filter({ hasText: "The server refused 1 change(s): This record belongs to" }).waitFor({ timeout: 15_000 });
  await eventually(async () => assert.equal((await storedDeals(page)).find((d) => d.id === "from-lena").amount, 50000), 10_000);
  const pushes = () => proxy.requests.filter((r) => r.startsWith("POST") && r.includes("_bulk_docs")).length;
  const seen = pushes();
  await page.getByTestId("sync-now").click();
  await synced(page);
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  assert.equal(pushes(), seen, "the refused change is not pushed again");
  // A rep cannot open another rep's database at all.
  const other = await page.evaluate(async (url) => (await fetch(url, { credentials: "include" })).status, `${team.server.url}/${team.repDb("minh")}/_all_docs`);
  assert.ok([401, 403].includes(other), `another rep's database is refused (${other})`);
}, { path: "/settings", timeout: 60_000, expectErrors: NETWORK_ERRORS });
