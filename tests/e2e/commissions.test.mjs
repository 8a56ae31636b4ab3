// Commission plans made through the form, a rep's statement checked against figures
// worked by hand, the what-if of closing open deals, a refused rate, printing and a
// phone-sized screen. "Today" = 2026-11-15.
//
// fixtures/commissions.json (EUR), November 2026:
//   Anna (base salary 4,000.00): deal-a1 won 6,000.00 (upsell), deal-a2 won 4,000.00 (new)
//     → basis 10,000.00; open: deal-a3 5,000.00 (cross-sell), deal-a4 2,000.00;
//     October's deal-a0 (3,000.00) does not count in November.
//   Minh (base salary 3,800.00): deal-m1 won 2,000.00.

import assert from "node:assert/strict";
import { BASE_URL, appTest, eventually, readFixture, reload, storedEnvelope } from "./harness.mjs";

const FIXTURE = "commissions.json";

const PLAN_FLAT = {
  id: "plan-flat",
  updated_at: "2026-11-01T08:00:00Z",
  title: "Flat five",
  basis: "won_amount",
  monthly_quota: 1000000,
  kind: { type: "flat", rate_bp: 500 },
  accelerator: null,
  goal_bonuses: [],
  deal_bonuses: [],
  cap: null,
  rep_ids: [],
  created_on: "2026-11-01",
};

/** The fixture with these plans stored. */
function withPlans(plans) {
  const envelope = readFixture(FIXTURE);
  return { ...envelope, data: { ...envelope.data, commission_plans: plans } };
}

const storedPlans = async (page) => ((await storedEnvelope(page))?.data?.commission_plans ?? []).filter((p) => !p.deleted_at);

/** The statement as numbers: basis, base salary, [line kind, value]…, variable pay, total. */
async function readStatement(page) {
  const statement = page.getByTestId("statement");
  const value = async (id) => Number(await statement.getByTestId(id).getAttribute("data-value"));
  const lines = await statement
    .getByTestId("statement-line")
    .evaluateAll((rows) => rows.map((r) => [r.dataset.kind, Number(r.dataset.value)]));
  return {
    basis: await value("statement-basis"),
    attainment: await value("statement-attainment"),
    base_salary: await value("statement-base-salary"),
    lines,
    variable: await value("statement-variable"),
    total: await value("statement-total"),
  };
}

async function expectStatement(page, expected) {
  await eventually(async () => assert.deepEqual(await readStatement(page), expected));
}

async function addRow(page, list) {
  const before = await page.getByTestId(`plan-${list}-row`).count();
  await page.getByTestId(`plan-${list}-add`).click();
  await eventually(async () => assert.equal(await page.getByTestId(`plan-${list}-row`).count(), before + 1));
}

async function activeId(page) {
  return page.evaluate(() => document.activeElement?.id);
}

/**
 * Opens a new plan and types its title, monthly quota, kind and rate rows: `rows` are
 * [from, rate] texts, the first row's `from` is the fixed start (0) and is not typed.
 * `unit` picks a marginal plan's bracket unit. Nothing is saved.
 */
async function startPlan(page, { title, quota, kind, unit, rows }) {
  const list = kind === "tiered" ? "tier" : "bracket";
  await page.getByTestId("plan-new").click();
  await page.getByTestId("plan-form").waitFor();
  await page.getByTestId("plan-input-title").fill(title);
  await page.getByTestId("plan-input-monthly-quota").fill(quota);
  await page.getByTestId("plan-input-kind").selectOption(kind);
  if (unit) await page.getByTestId("plan-input-bracket-unit").selectOption(unit);
  for (const [at, [from, rate]] of rows.entries()) {
    if (at > 0) {
      await addRow(page, list);
      await page.getByTestId(`plan-input-${list}-from-${at}`).fill(from);
    }
    await page.getByTestId(`plan-input-${list}-rate-${at}`).fill(rate);
  }
}

appTest(
  "a tiered plan made through the form pays Anna's statement as worked by hand, at exactly 100 % of quota, and the what-if adds an open deal",
  async (page) => {
    await page.getByTestId("nav-commissions").click();
    await page.waitForURL(`${BASE_URL}/commissions`);
    await page.getByTestId("plans-empty").waitFor();
    await page.getByTestId("statement-no-plan").waitFor();

    // Tiers: from 0 % 2 %, from 80 % 4.5 % (typed with a comma), from 100 % 6.5 %.
    await startPlan(page, {
      title: "Tiered 2026",
      quota: "10,000.00",
      kind: "tiered",
      rows: [["", "2"], ["80", "4,5"], ["100", "6.5 %"]],
    });
    await page.getByTestId("plan-input-accelerator").selectOption("multiplier");
    await page.getByTestId("plan-input-accelerator-value").fill("1,5");
    await addRow(page, "deal-bonus");
    await page.getByTestId("plan-input-deal-bonus-kind-0").selectOption("upsell");
    await page.getByTestId("plan-input-deal-bonus-amount-0").fill("100");
    await page.getByTestId("plan-rep-rep-anna").check();
    await page.getByTestId("plan-save").click();
    await page.getByTestId("plan-form").waitFor({ state: "detached" });

    const row = page.getByTestId("plan-row");
    await row.waitFor();
    assert.equal(await row.getAttribute("data-plan-kind"), "tiered");
    assert.match(await row.innerText(), /Anna Schmidt/);

    // Anna, November: basis 10,000.00 = exactly 100 % of 10,000.00 → the 100 % tier,
    // 6.5 % of 10,000.00 = 650.00; the accelerator pays only strictly above quota (no
    // line); one upsell won → 100.00. Variable 750.00 + base 4,000.00 = 4,750.00.
    assert.equal(await page.getByTestId("statement-rep").inputValue(), "rep-anna");
    await expectStatement(page, {
      basis: 10000,
      attainment: 1,
      base_salary: 4000,
      lines: [
        ["commission.tier", 650],
        ["commission.deal_bonus", 100],
      ],
      variable: 750,
      total: 4750,
    });
    assert.match(await page.getByTestId("statement").innerText(), /6\.5% on €10,000\.00/);

    // What-if: close deal-a3 (5,000.00, cross-sell). Basis 15,000.00 = 150 % → 6.5 %
    // of 15,000.00 = 975.00; accelerator 1.5×: the 5,000.00 above quota earned 325.00,
    // half again = 162.50; the upsell bonus stays 100.00 → 1,237.50, +487.50.
    const deals = await page.getByTestId("whatif-deal").evaluateAll((boxes) => boxes.map((b) => b.dataset.dealId));
    assert.deepEqual(deals, ["deal-a3", "deal-a4"], "Anna's open deals, soonest expected close first");
    await page.locator('[data-testid="whatif-deal"][data-deal-id="deal-a3"]').check();
    await eventually(async () => {
      const result = page.getByTestId("whatif-result");
      assert.equal(Number(await result.getAttribute("data-value")), 1237.5);
      assert.equal(Number(await result.getAttribute("data-total")), 5237.5);
      assert.equal(Number(await page.getByTestId("whatif-difference").getAttribute("data-value")), 487.5);
    });
    assert.match(await page.getByTestId("whatif-difference").innerText(), /\+€487\.50/);
    // The what-if changes nothing stored: the deal is still open.
    const stored = await storedEnvelope(page);
    assert.equal(stored.data.deals.find((d) => d.id === "deal-a3").status, "open");

    await eventually(async () => assert.equal((await storedPlans(page)).length, 1));
    const [plan] = await storedPlans(page);
    assert.deepEqual(plan.kind, {
      type: "tiered",
      tiers: [
        { from_attainment_bp: 0, rate_bp: 200 },
        { from_attainment_bp: 8000, rate_bp: 450 },
        { from_attainment_bp: 10000, rate_bp: 650 },
      ],
    });
    assert.deepEqual(plan.accelerator, { type: "multiplier", multiplier_bp: 15000 });
    assert.deepEqual(plan.deal_bonuses, [{ kind: "upsell", amount: 10000 }]);
    assert.equal(plan.monthly_quota, 1000000);
    assert.deepEqual(plan.rep_ids, ["rep-anna"]);

    // Kept after a reload.
    await reload(page);
    await expectStatement(page, {
      basis: 10000,
      attainment: 1,
      base_salary: 4000,
      lines: [
        ["commission.tier", 650],
        ["commission.deal_bonus", 100],
      ],
      variable: 750,
      total: 4750,
    });
  },
  { seed: readFixture(FIXTURE) },
);

appTest(
  "a marginal plan by amount pays each slice at its own rate on Minh's statement",
  async (page) => {
    await startPlan(page, {
      title: "Brackets",
      quota: "5000",
      kind: "marginal",
      unit: "amount",
      rows: [["", "3"], ["1,000", "5.5"]],
    });
    await page.getByTestId("plan-rep-rep-minh").check();
    await page.getByTestId("plan-save").click();
    await page.getByTestId("plan-form").waitFor({ state: "detached" });

    // The plan is Minh's only: Anna (me) has none.
    await page.getByTestId("statement-no-plan").waitFor();
    await page.getByTestId("statement-rep").selectOption("rep-minh");
    // Minh: basis 2,000.00 = 40 % of 5,000.00. 0–1,000.00 at 3 % = 30.00;
    // 1,000.00–2,000.00 at 5.5 % = 55.00. Variable 85.00 + base 3,800.00 = 3,885.00.
    await expectStatement(page, {
      basis: 2000,
      attainment: 0.4,
      base_salary: 3800,
      lines: [
        ["commission.bracket", 30],
        ["commission.bracket", 55],
      ],
      variable: 85,
      total: 3885,
    });
    await page.getByTestId("whatif-none").waitFor();

    await eventually(async () => assert.equal((await storedPlans(page)).length, 1));
    const [plan] = await storedPlans(page);
    assert.deepEqual(plan.kind, {
      type: "marginal",
      brackets: [
        { from: { type: "amount", amount: 0 }, rate_bp: 300 },
        { from: { type: "amount", amount: 100000 }, rate_bp: 550 },
      ],
    });
  },
  { path: "/commissions", seed: readFixture(FIXTURE) },
);

appTest(
  "a rate that is not a valid percentage is named next to its field and focused, and nothing is saved",
  async (page) => {
    await startPlan(page, { title: "Bad rates", quota: "10000", kind: "tiered", rows: [["", "2"], ["80", "4,555"]] });
    await page.getByTestId("plan-save").click();

    const error = page.getByTestId("field-error-tier_rate_1");
    await error.waitFor();
    assert.match(await error.innerText(), /two decimals/);
    await eventually(async () => assert.equal(await activeId(page), "plan-input-tier-rate-1"));
    assert.equal(await page.getByTestId("plan-input-tier-rate-1").getAttribute("aria-invalid"), "true");
    assert.equal(await page.getByTestId("plan-input-tier-rate-1").inputValue(), "4,555", "what was typed stays");

    await page.getByTestId("plan-input-tier-rate-1").fill("abc");
    await page.getByTestId("plan-save").click();
    await eventually(async () => assert.match(await error.innerText(), /percentage such as 4\.5/));
    await page.getByTestId("plan-input-tier-rate-1").fill("150");
    await page.getByTestId("plan-save").click();
    await eventually(async () => assert.match(await error.innerText(), /at most 100/));

    await page.waitForTimeout(400); // past the save debounce
    assert.deepEqual(await storedPlans(page), [], "nothing saved");
    assert.equal(await page.getByTestId("plan-row").count(), 0);

    await page.getByTestId("plan-input-tier-rate-1").fill("4,5");
    await page.getByTestId("plan-save").click();
    await page.getByTestId("plan-form").waitFor({ state: "detached" });
    await eventually(async () => {
      const plans = await storedPlans(page);
      assert.equal(plans.length, 1);
      assert.deepEqual(plans[0].kind.tiers, [
        { from_attainment_bp: 0, rate_bp: 200 },
        { from_attainment_bp: 8000, rate_bp: 450 },
      ]);
    });
  },
  { path: "/commissions", seed: readFixture(FIXTURE) },
);

appTest(
  "the statement prints alone (no navigation, plans or what-if), and a plan is deleted after confirmation and brought back by undo",
  async (page) => {
    // Flat 5 % for everyone: Anna 5 % of 10,000.00 = 500.00 + 4,000.00 = 4,500.00.
    await expectStatement(page, {
      basis: 10000,
      attainment: 1,
      base_salary: 4000,
      lines: [["commission.flat", 500]],
      variable: 500,
      total: 4500,
    });
    await page.evaluate(() => {
      window.printed = 0;
      window.print = () => {
        window.printed += 1;
      };
    });
    await page.getByTestId("statement-print").click();
    assert.equal(await page.evaluate(() => window.printed), 1, "the print button opens the print dialog");

    await page.emulateMedia({ media: "print" });
    assert.equal(await page.getByTestId("nav-commissions").isVisible(), false, "navigation hidden");
    assert.equal(await page.getByTestId("plan-row").isVisible(), false, "plan list hidden");
    assert.equal(await page.getByTestId("whatif").isVisible(), false, "what-if hidden");
    assert.equal(await page.getByTestId("statement-rep").isVisible(), false, "pickers hidden");
    assert.equal(await page.getByTestId("statement-print").isVisible(), false, "print button hidden");
    assert.equal(await page.getByTestId("statement-total").isVisible(), true, "the statement prints");
    await page.emulateMedia({ media: "screen" });
    assert.equal(await page.getByTestId("nav-commissions").isVisible(), true);

    await page.getByTestId("plan-delete").click();
    await page.getByTestId("confirm-dialog").waitFor();
    await page.getByTestId("confirm-yes").click();
    await page.getByTestId("plans-empty").waitFor();
    await page.getByTestId("statement-no-plan").waitFor();
    await eventually(async () => assert.deepEqual(await storedPlans(page), []));
    await page.getByTestId("undo").click();
    await page.getByTestId("plan-row").waitFor();
    await page.getByTestId("statement").waitFor();
    await eventually(async () => assert.equal((await storedPlans(page)).length, 1));
  },
  { path: "/commissions", seed: withPlans([PLAN_FLAT]) },
);

appTest(
  "on a 360 px wide phone the statement fits the screen and the rep can be switched",
  async (page) => {
    await page.getByTestId("statement-total").waitFor();
    const fits = async () => {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 360, `the page does not scroll sideways (${width} px)`);
      for (const id of ["statement-total", "statement-basis", "statement-print"]) {
        const box = await page.getByTestId(id).boundingBox();
        assert.ok(box && box.x >= 0 && box.x + box.width <= 360, `${id} is on screen (${JSON.stringify(box)})`);
      }
    };
    await fits();
    await page.getByTestId("statement-rep").selectOption("rep-minh");
    // Minh: 5 % of 2,000.00 = 100.00 + 3,800.00.
    await expectStatement(page, {
      basis: 2000,
      attainment: 0.2,
      base_salary: 3800,
      lines: [["commission.flat", 100]],
      variable: 100,
      total: 3900,
    });
    await fits();
  },
  { path: "/commissions", seed: withPlans([PLAN_FLAT]), context: { viewport: { width: 360, height: 740 } } },
);
