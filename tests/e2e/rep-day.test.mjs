// A rep's day on a 360 × 740 phone: quick log, the pipeline board, leads, complaints,
// churn. "Today" is pinned to 2026-11-15 by the harness.

import assert from "node:assert/strict";
import { appTest, clickNav, eventually, readFixture, storedEnvelope, VIEWPORTS } from "./harness.mjs";

const PHONE = { viewport: { width: 360, height: 740 } };
const team = () => readFixture("kpi-team.json");

async function assertTouchTarget(locator) {
  const box = await locator.boundingBox();
  assert.ok(box, "the target is visible");
  assert.ok(box.width >= 44 && box.height >= 44, `44 px touch target, got ${box.width}×${box.height}`);
}

appTest(
  "a visit is logged in two taps from any screen",
  async (page) => {
    const log = page.getByTestId("quick-log");
    await assertTouchTarget(log);
    // Tap 1: the sheet opens with a visit of 30 minutes for a customer.
    await log.click();
    const save = page.getByTestId("quick-log-save");
    await assertTouchTarget(save);
    assert.equal(await page.getByTestId("quick-log-kind").inputValue(), "visit");
    assert.equal(await page.getByTestId("quick-log-minutes").inputValue(), "30");
    const customer = await page.getByTestId("quick-log-customer").inputValue();
    assert.ok(customer.startsWith("cust-"), `a customer is preselected (${customer})`);
    // Tap 2: saved.
    await save.click();
    await page.getByTestId("quick-log-sheet").waitFor({ state: "detached" });
    await eventually(async () => {
      const activities = (await storedEnvelope(page))?.data?.activities ?? [];
      assert.equal(activities.length, 1);
      const [visit] = activities;
      assert.equal(visit.kind, "visit");
      assert.equal(visit.minutes, 30);
      assert.equal(visit.date, "2026-11-15");
      assert.equal(visit.customer_id, customer);
      assert.equal(visit.rep_id, "rep-anna", "logged for 'me'");
    });

    // The button is there on another screen too; a wrong duration is refused by field.
    await clickNav(page, "settings");
    await page.getByTestId("quick-log").click();
    await page.getByTestId("quick-log-minutes").fill("0");
    await page.getByTestId("quick-log-save").click();
    await page.getByTestId("field-error-minutes").waitFor();
    await page.getByTestId("quick-log-cancel").click();
    assert.equal((await storedEnvelope(page)).data.activities.length, 1);
  },
  { path: "/deals", seed: team(), context: PHONE },
);

const card = (page, id) => page.locator(`[data-testid="board-card"][data-deal-id="${id}"]`);
const column = (page, stage) => page.locator(`[data-testid="stage-column"][data-stage="${stage}"]`);
const stageOf = async (page, id) => (await storedEnvelope(page))?.data?.deals?.find((d) => d.id === id)?.stage;
const focusedDeal = (page) => page.evaluate(() => document.activeElement?.getAttribute("data-deal-id"));

appTest(
  "a deal is moved across the pipeline board with the keyboard",
  async (page) => {
    await clickNav(page, "pipeline");
    await page.waitForURL("**/pipeline");
    // kpi-team.json: the one open deal, deal-4 (10,000.00 at 60 %), is in Proposal.
    const proposal = column(page, "proposal");
    assert.equal(await proposal.getByTestId("stage-count").getAttribute("data-value"), "1");
    assert.equal(await proposal.getByTestId("stage-total").getAttribute("data-value"), "10000");
    assert.equal(await proposal.getByTestId("stage-weighted").getAttribute("data-value"), "6000");
    // Deals that reached Proposal: won deal-1, deal-2, deal-5, lost deal-3 (lost at
    // Proposal) and open deal-4 = 5; went on to Negotiation: the 3 won → drop-off 2/5.
    assert.equal(Number(await proposal.getByTestId("stage-drop-off").getAttribute("data-value")), 0.4);

    // Three steps left to the first stage, four right to the last: focus stays on the card.
    await card(page, "deal-4").focus();
    for (const stage of ["demo", "qualified", "prospecting"]) {
      await page.keyboard.press("ArrowLeft");
      await column(page, stage).locator('[data-deal-id="deal-4"]').waitFor();
      await eventually(async () => assert.equal(await focusedDeal(page), "deal-4"));
    }
    for (const stage of ["qualified", "demo", "proposal", "negotiation"]) {
      await page.keyboard.press("ArrowRight");
      await column(page, stage).locator('[data-deal-id="deal-4"]').waitFor();
      await eventually(async () => assert.equal(await focusedDeal(page), "deal-4"));
    }
    // Past the last stage nothing moves.
    await page.keyboard.press("ArrowRight");
    await eventually(async () => assert.equal(await stageOf(page, "deal-4"), "negotiation"));
    assert.equal(await column(page, "negotiation").getByTestId("stage-weighted").getAttribute("data-value"), "8000");

    // The buttons move it too, and they are touch-sized.
    const previous = card(page, "deal-4").getByTestId("card-previous");
    await assertTouchTarget(previous);
    await previous.click();
    await column(page, "proposal").locator('[data-deal-id="deal-4"]').waitFor();
    await eventually(async () => assert.equal(await stageOf(page, "deal-4"), "proposal"));
  },
  { seed: team(), context: PHONE },
);

appTest(
  "losing a deal on the board needs a reason, which then shows in the lost-reasons chart",
  async (page) => {
    await clickNav(page, "pipeline");
    await card(page, "deal-4").getByTestId("card-lose").click();
    await page.getByTestId("lose-dialog").waitFor();
    await page.getByTestId("lose-confirm").click();
    await page.getByTestId("field-error-lost_reason").waitFor();
    assert.equal((await storedEnvelope(page)).data.deals.find((d) => d.id === "deal-4").status, "open");

    await page.getByTestId("lost-reason-input").fill("Budget cut");
    await page.getByTestId("lose-confirm").click();
    await page.getByTestId("lose-dialog").waitFor({ state: "detached" });
    await card(page, "deal-4").waitFor({ state: "detached" });
    await eventually(async () => {
      const deal = (await storedEnvelope(page)).data.deals.find((d) => d.id === "deal-4");
      assert.equal(deal.status, "lost");
      assert.equal(deal.lost_reason, "Budget cut");
    });
    // This year's lost deals: deal-3 ("Price too high") and deal-4 ("Budget cut").
    const table = await page.getByTestId("lost-reasons-table").textContent();
    assert.match(table, /Budget cut/);
    assert.match(table, /Price too high/);
  },
  { seed: team(), context: PHONE },
);

const dayData = () => readFixture("rep-day.json");
const leadRow = (page, id) => page.locator(`[data-testid="lead-row"][data-lead-id="${id}"]`);

appTest(
  "a lead is converted into a customer and a deal in one step",
  async (page) => {
    await clickNav(page, "leads");
    await page.waitForURL("**/leads");
    await leadRow(page, "lead-baltic").getByTestId("lead-convert").click();
    await page.getByTestId("convert-dialog").waitFor();
    // Prefilled from the lead; the amount is required.
    assert.equal(await page.getByTestId("convert-customer").inputValue(), "Baltic Bakeries");
    assert.equal(await page.getByTestId("convert-deal-title").inputValue(), "Baltic Bakeries");
    await page.getByTestId("convert-confirm").click();
    await page.getByTestId("field-error-amount").waitFor();
    assert.equal((await storedEnvelope(page)).data.customers.length, 4, "nothing is half-applied");

    await page.getByTestId("convert-amount").fill("2,500.00");
    await page.getByTestId("convert-region").fill("Baltics");
    await page.getByTestId("convert-confirm").click();
    await page.getByTestId("convert-dialog").waitFor({ state: "detached" });
    await eventually(async () => assert.equal(await leadRow(page, "lead-baltic").getAttribute("data-status"), "converted"));
    await eventually(async () => {
      const { data } = await storedEnvelope(page);
      const lead = data.leads.find((l) => l.id === "lead-baltic");
      assert.equal(lead.converted_on, "2026-11-15");
      const customer = data.customers.find((c) => c.id === lead.customer_id);
      const deal = data.deals.find((d) => d.id === lead.deal_id);
      assert.equal(customer.name, "Baltic Bakeries");
      assert.equal(customer.region, "Baltics");
      assert.equal(customer.source, "inbound");
      assert.equal(deal.customer_id, customer.id, "the deal is the new customer's");
      assert.equal(deal.amount, 250000);
      assert.equal(deal.status, "open");
      assert.equal(deal.stage, "prospecting");
      assert.equal(deal.rep_id, "rep-anna");
    });

    // Disqualifying needs a reason.
    await leadRow(page, "lead-carpathian").getByTestId("lead-disqualify").click();
    await page.getByTestId("disqualify-confirm").click();
    await page.getByTestId("field-error-disqualified_reason").waitFor();
    await page.getByTestId("disqualify-reason").fill("No budget");
    await page.getByTestId("disqualify-confirm").click();
    await eventually(async () => assert.equal(await leadRow(page, "lead-carpathian").getAttribute("data-status"), "disqualified"));
  },
  { seed: dayData(), context: PHONE },
);

appTest(
  "a complaint is resolved and its time to resolve is shown",
  async (page) => {
    await clickNav(page, "complaints");
    await page.waitForURL("**/complaints");
    const late = page.locator('[data-testid="complaint-row"][data-feedback-id="fb-late"]');
    const done = page.locator('[data-testid="complaint-row"][data-feedback-id="fb-done"]');
    // Wrong invoice: 2026-11-01 → 2026-11-04 = 3 days. Late delivery: open since 11-05 = 10 days.
    assert.equal(await done.getByTestId("complaint-days-to-resolve").getAttribute("data-value"), "3");
    assert.equal(await late.getByTestId("complaint-days-open").getAttribute("data-value"), "10");
    const resolve = late.getByTestId("complaint-resolve");
    await assertTouchTarget(resolve);
    await resolve.click();
    // Resolved today, 2026-11-15: 10 days after it was made.
    await eventually(async () => assert.equal(await late.getAttribute("data-status"), "resolved"));
    assert.equal(await late.getByTestId("complaint-days-to-resolve").getAttribute("data-value"), "10");
    await eventually(async () => {
      const stored = (await storedEnvelope(page)).data.feedback.find((f) => f.id === "fb-late");
      assert.equal(stored.resolved_on, "2026-11-15");
    });
  },
  { seed: dayData(), context: PHONE },
);

appTest(
  "the churn line and the cohort heat map match a small fixture, with the same numbers as tables",
  async (page) => {
    await clickNav(page, "churn");
    await page.waitForURL("**/churn");
    // churn.json: A acquired 08-10 (active), B 08-20 churned 10-05, C 09-03 churned
    // 11-02, D 10-15 (active). Six months, June–November 2026.
    // Churn = churned in the month ÷ active at its start: Jun–Aug nobody at the start
    // (—); Sep 0/2 (A, B); Oct 1/3 (B of A, B, C); Nov 1/3 (C of A, C, D).
    const rates = await page
      .getByTestId("churn-rate-table")
      .locator("tbody td")
      .evaluateAll((cells) => cells.map((td) => td.getAttribute("data-value")));
    assert.deepEqual(rates.slice(0, 3), [null, null, null]);
    assert.equal(Number(rates[3]), 0);
    assert.ok(Math.abs(Number(rates[4]) - 1 / 3) < 1e-12);
    assert.ok(Math.abs(Number(rates[5]) - 1 / 3) < 1e-12);

    // Retention: share of a cohort still active at the end of each month since.
    // Aug {A, B}: 1, 1, ½ (B gone in Oct), ½; Sep {C}: 1, 1, 0; Oct {D}: 1, 1; later
    // months: no value.
    const rows = await page
      .getByTestId("cohort-row")
      .evaluateAll((trs) =>
        trs.map((tr) => ({
          month: tr.getAttribute("data-month"),
          size: Number(tr.querySelector('[data-testid="cohort-size"]').getAttribute("data-value")),
          cells: [...tr.querySelectorAll('[data-testid="cohort-cell"]')].map((td) => {
            const v = td.getAttribute("data-value");
            return v === null ? null : Number(v);
          }),
        })),
      );
    const none = null;
    assert.deepEqual(rows, [
      { month: "2026-06", size: 0, cells: [none, none, none, none, none, none] },
      { month: "2026-07", size: 0, cells: [none, none, none, none, none, none] },
      { month: "2026-08", size: 2, cells: [1, 1, 0.5, 0.5, none, none] },
      { month: "2026-09", size: 1, cells: [1, 1, 0, none, none, none] },
      { month: "2026-10", size: 1, cells: [1, 1, none, none, none, none] },
      { month: "2026-11", size: 0, cells: [none, none, none, none, none, none] },
    ]);

    // Both charts are drawn on their canvas, sized for the screen.
    for (const id of ["churn-line-chart", "cohort-heat-map"]) {
      const inked = await page.getByTestId(id).evaluate((canvas) => {
        const { width, height } = canvas;
        if (!width || !height) return 0;
        const data = canvas.getContext("2d").getImageData(0, 0, width, height).data;
        let n = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i] < 200 || data[i + 1] < 200) n++;
        return n;
      });
      assert.ok(inked > 100, `${id} is drawn (${inked} inked pixels)`);
    }
  },
  { seed: readFixture("churn.json"), context: PHONE },
);

appTest(
  "customers are searched and filtered; a customer's page shows one timeline, the buyer kind, churn and win-back",
  async (page) => {
    await clickNav(page, "customers");
    await page.waitForURL("**/customers");
    const ids = () => page.getByTestId("customer-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-customer-id")));
    // Sorted by name.
    assert.deepEqual(await ids(), ["cust-danube", "cust-mekong", "cust-northwind", "cust-vltava"]);
    await page.getByTestId("customer-search").fill("north");
    await eventually(async () => assert.deepEqual(await ids(), ["cust-northwind"]));
    await page.getByTestId("customer-search").fill("");
    await page.getByTestId("customer-filter-segment").selectOption("Logistics");
    await eventually(async () => assert.deepEqual(await ids(), ["cust-danube", "cust-northwind"]));
    await page.getByTestId("customer-filter-region").selectOption("South");
    await eventually(async () => assert.deepEqual(await ids(), ["cust-danube"]));
    await page.getByTestId("customer-filter-segment").selectOption("");
    await page.getByTestId("customer-filter-region").selectOption("");
    await page.getByTestId("customer-filter-status").selectOption("churned");
    await eventually(async () => assert.deepEqual(await ids(), ["cust-vltava"]));
    await page.getByTestId("customer-filter-status").selectOption("");
    await page.getByTestId("customer-filter-owner").selectOption("rep-minh");
    await eventually(async () => assert.deepEqual(await ids(), ["cust-mekong"]));
    await page.getByTestId("customer-filter-owner").selectOption("");

    // Northwind: orders order-1 and order-2 (order-2 delivers the won deal-1, one
    // purchase) = two purchases → repeat buyer; Mekong: the won deal-2 only → first-time.
    const row = (id) => page.locator(`[data-testid="customer-row"][data-customer-id="${id}"]`);
    await eventually(async () => assert.equal(await row("cust-mekong").getAttribute("data-buyer"), "first_time"));
    assert.equal(await row("cust-northwind").getAttribute("data-buyer"), "repeat");
    await row("cust-northwind").getByTestId("customer-link").click();
    await page.waitForURL("**/customers/cust-northwind");
    assert.equal(await page.getByTestId("buyer-kind").getAttribute("data-value"), "repeat");
    // Newest first: order-1 (11-12), order-2 (11-06), deal-1 (closed 11-05), the complaint (11-05).
    const kinds = await page.getByTestId("timeline-entry").evaluateAll((li) => li.map((e) => e.getAttribute("data-record-id")));
    assert.deepEqual(kinds, ["order-1", "order-2", "deal-1", "fb-late"]);

    // Marking churned needs a reason; winning back clears it.
    await page.getByTestId("customer-churn").click();
    await page.getByTestId("churn-confirm").click();
    await page.getByTestId("field-error-churn_reason").waitFor();
    await page.getByTestId("churn-reason").fill("Moved to a competitor");
    await page.getByTestId("churn-confirm").click();
    await eventually(async () => assert.equal(await page.getByTestId("customer-status").getAttribute("data-value"), "churned"));
    let stored = (await storedEnvelope(page)).data.customers.find((c) => c.id === "cust-northwind");
    await eventually(async () => {
      stored = (await storedEnvelope(page)).data.customers.find((c) => c.id === "cust-northwind");
      assert.equal(stored.churned_on, "2026-11-15");
      assert.equal(stored.churn_reason, "Moved to a competitor");
    });
    await page.getByTestId("customer-win-back").click();
    await eventually(async () => assert.equal(await page.getByTestId("customer-status").getAttribute("data-value"), "active"));
    await eventually(async () => {
      stored = (await storedEnvelope(page)).data.customers.find((c) => c.id === "cust-northwind");
      assert.equal(stored.churned_on ?? null, null);
    });
  },
  { seed: dayData(), context: PHONE },
);

appTest(
  "today's follow-ups link to where the rep acts",
  async (page) => {
    await clickNav(page, "today");
    await page.waitForURL("**/today");
    // Anna's customers: Danube (acquired 10-05, never contacted: 41 days ≥ 30) and the
    // open complaint "Late delivery" of Northwind (since 11-05).
    const entry = (kind, id) => page.locator(`[data-testid="follow-up"][data-kind="${kind}"][data-target-id="${id}"]`);
    await entry("not_contacted", "cust-danube").waitFor();
    await entry("open_complaint", "fb-late").getByTestId("follow-up-link").click();
    await page.waitForURL("**/complaints");
    await page.locator('[data-testid="complaint-row"][data-feedback-id="fb-late"]').waitFor();
    await page.goBack();
    await entry("not_contacted", "cust-danube").getByTestId("follow-up-link").click();
    await page.waitForURL("**/customers/cust-danube");
    assert.equal(await page.getByTestId("customer-name").textContent(), "Danube Freight");
  },
  { seed: dayData(), context: PHONE },
);

appTest(
  "a deal is dragged to another stage of the board",
  async (page) => {
    await clickNav(page, "pipeline");
    await page.waitForURL("**/pipeline");
    await card(page, "deal-4").dragTo(column(page, "qualified"));
    await column(page, "qualified").locator('[data-deal-id="deal-4"]').waitFor();
    await eventually(async () => assert.equal(await stageOf(page, "deal-4"), "qualified"));
    assert.equal(await column(page, "proposal").getByTestId("stage-count").getAttribute("data-value"), "0");
  },
  // Dragging is for a mouse: on a phone the cards' move buttons do it (tested above).
  { seed: team(), context: { viewport: VIEWPORTS.desktop } },
);

appTest(
  "the quick log remembers the last customer; a deal is marked won from the board",
  async (page) => {
    await page.getByTestId("quick-log").click();
    await page.getByTestId("quick-log-customer").selectOption("cust-vltava");
    await page.getByTestId("quick-log-kind").selectOption("call");
    await page.getByTestId("quick-log-note").fill("Asked about the renewal");
    await page.getByTestId("quick-log-save").click();
    await page.getByTestId("quick-log-sheet").waitFor({ state: "detached" });
    await page.getByTestId("quick-log").click();
    assert.equal(await page.getByTestId("quick-log-customer").inputValue(), "cust-vltava");
    assert.equal(await page.getByTestId("quick-log-kind").inputValue(), "visit", "the kind starts at visit again");
    await page.getByTestId("quick-log-cancel").click();
    await eventually(async () => {
      const [call] = (await storedEnvelope(page)).data.activities;
      assert.equal(call.kind, "call");
      assert.equal(call.note, "Asked about the renewal");
    });

    await clickNav(page, "pipeline");
    await card(page, "deal-4").getByTestId("card-win").click();
    await card(page, "deal-4").waitFor({ state: "detached" });
    await eventually(async () => {
      const deal = (await storedEnvelope(page)).data.deals.find((d) => d.id === "deal-4");
      assert.equal(deal.status, "won");
      assert.equal(deal.closed_on, "2026-11-15");
    });
  },
  { seed: team(), context: PHONE },
);
