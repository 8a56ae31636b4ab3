// CSV import from the CRMs reps already use ("today" = 2026-11-15): each CRM's export is
// recognised, mapped, previewed and added in one step that undo takes back whole; a file
// with problems is refused row by row and column by column and changes nothing; 100k
// rows import with a moving progress bar while the page keeps answering.

import assert from "node:assert/strict";
import { appTest, eventually, expectKpis, fixturePath, navigate, readKpi, STORAGE_KEY, storedEnvelope } from "./harness.mjs";

const importFixture = (name) => fixturePath(`import/${name}`);
const live = (records) => (records ?? []).filter((r) => !r.deleted_at);
const storedLive = async (page, kind) => live((await storedEnvelope(page))?.data?.[kind]);

/** Opens /import from Settings, picks the type and the file, waits for the review. */
async function importFile(page, file, kind = "deals") {
  await navigate(page, "settings");
  await page.getByTestId("import-link").click();
  await page.waitForURL("**/import");
  await page.getByTestId("import-kind").selectOption(kind);
  await page.getByTestId("import-file").setInputFiles(file);
  await page.getByTestId("import-review").waitFor({ timeout: 30_000 });
}

async function commit(page) {
  await page.getByTestId("import-commit").click();
  await page.getByTestId("import-done").waitFor();
}

const dealsByTitle = async (page) =>
  Object.fromEntries((await storedLive(page, "deals")).map((d) => [d.title, d]));

for (const { crm, file, won, lost, revenue, check } of [
  {
    crm: "hubspot",
    file: "hubspot-deals.csv",
    won: 1,
    lost: 1,
    revenue: 12500,
    check: (deals) => {
      assert.equal(deals["Northwind renewal"].amount, 1250000, "“12,500.00” in cents");
      assert.equal(deals["Northwind renewal"].closed_on, "2026-11-05", "“2026-11-05 17:00” is a date");
      assert.equal(deals["Contoso pilot"].status, "open");
      assert.equal(deals["Fabrikam rollout"].status, "lost");
    },
  },
  {
    crm: "pipedrive",
    file: "pipedrive-deals.csv",
    won: 2,
    lost: 1,
    revenue: 16234.5,
    check: (deals) => {
      assert.equal(deals["Acme website"].amount, 123450, "“1.234,50” in cents");
      assert.equal(deals["Globex CRM"].amount, 1500000, "“15.000” is fifteen thousand");
      assert.equal(deals["Initech support"].lost_reason, "Too expensive");
    },
  },
  {
    crm: "salesforce",
    file: "salesforce-opportunities.csv",
    won: 1,
    lost: 1,
    revenue: 8000,
    check: (deals) => {
      assert.equal(deals["Umbrella expansion"].closed_on, "2026-11-05", "“11/5/2026” is US order");
      assert.equal(deals["Wayne analytics"].status, "open");
      assert.equal(deals["Wayne analytics"].expected_close, "2026-12-28");
    },
  },
]) {
  appTest(`a ${crm} export is recognised, previewed, imported, counted on the dashboard and undone`, async (page) => {
    await importFile(page, importFixture(file));
    assert.equal(await page.getByTestId("import-source").getAttribute("data-crm"), crm);
    assert.equal(await page.getByTestId("import-preview-row").count(), 3, "every row in the preview");
    assert.equal(await page.getByTestId("import-problems").count(), 0);
    assert.equal(await storedLive(page, "deals").then((d) => d.length), 0, "nothing stored before the commit");
    await commit(page);
    await eventually(async () => assert.equal((await storedLive(page, "deals")).length, 3));
    check(await dealsByTitle(page));
    assert.equal((await storedLive(page, "customers")).length, 3, "a customer made for each company");

    await navigate(page, "dashboard");
    await expectKpis(page, { revenue, deals_won: won, deals_lost: lost });

    // The whole import is undone with Ctrl+Z (the last change), and that is saved.
    await page.keyboard.press("Control+z");
    await eventually(async () => {
      assert.equal((await storedLive(page, "deals")).length, 0);
      assert.equal((await storedLive(page, "customers")).length, 0);
    });
    await expectKpis(page, { deals_won: 0 });
  });
}

appTest("the Undo button on the import page takes the import back after the toast is gone", async (page) => {
  await importFile(page, importFixture("hubspot-deals.csv"));
  await commit(page);
  await eventually(async () => assert.equal((await storedLive(page, "deals")).length, 3));
  await page.getByTestId("import-undo").click();
  await eventually(async () => assert.equal((await storedLive(page, "deals")).length, 0));
  const deals = (await storedEnvelope(page)).data.deals;
  assert.equal(deals.length, 3, "the imported deals stay as tombstones");
  assert.ok(deals.every((d) => d.deleted_at));
});

appTest("a column is mapped by hand and the preview follows", async (page) => {
  await importFile(page, importFixture("hubspot-deals.csv"));
  const column = page.locator('[data-testid="import-column"][data-column="Deal Type"]');
  assert.equal(await column.getAttribute("data-field"), "kind");
  await column.getByTestId("import-column-field").selectOption("");
  await eventually(async () => assert.equal(await column.getAttribute("data-field"), ""));
  await page.getByTestId("import-review").waitFor();
  // The title column mapped away: the required field is named and the commit is off.
  const title = page.locator('[data-testid="import-column"][data-column="Deal Name"]');
  await title.getByTestId("import-column-field").selectOption("");
  await page.getByTestId("import-missing").waitFor();
  assert.ok(await page.getByTestId("import-commit").isDisabled());
  await page.locator('[data-testid="import-column"][data-column="Deal Name"]').getByTestId("import-column-field").selectOption("title");
  await eventually(async () => assert.ok(!(await page.getByTestId("import-commit").isDisabled())));
  assert.match(await page.getByTestId("import-preview").innerText(), /Northwind renewal/);
});

appTest("a malformed file is refused with row-and-column messages and the stored data is unchanged", async (page) => {
  // Something stored first, so "unchanged" means something.
  await importFile(page, importFixture("pipedrive-deals.csv"));
  await commit(page);
  await eventually(async () => assert.equal((await storedLive(page, "deals")).length, 3));
  await page.waitForTimeout(400);
  const before = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);

  await page.getByTestId("import-another").click();
  await page.getByTestId("import-file").setInputFiles(importFixture("malformed-deals.csv"));
  await page.getByTestId("import-problems").waitFor();
  const problems = page.getByTestId("import-problem");
  const amount = problems.and(page.locator('[data-row="3"][data-column="Amount"]'));
  const date = problems.and(page.locator('[data-row="4"][data-column="Close Date"]')).first();
  assert.match(await amount.innerText(), /Row 3, column “Amount”: “lots” is not a number/);
  assert.match(await date.innerText(), /Row 4, column “Close Date”/);
  assert.ok(await page.getByTestId("import-commit").isDisabled(), "nothing can be committed");
  await page.getByTestId("import-cancel").click();
  await page.waitForTimeout(400);
  const after = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
  assert.equal(after, before, "the stored data is byte-identical");
});

appTest("importing the same file again lists every row as a duplicate of what is stored", async (page) => {
  await importFile(page, importFixture("salesforce-opportunities.csv"));
  await commit(page);
  await page.getByTestId("import-another").click();
  await page.getByTestId("import-file").setInputFiles(importFixture("salesforce-opportunities.csv"));
  await page.getByTestId("import-duplicates").waitFor();
  assert.equal(await page.getByTestId("import-duplicate").count(), 3);
  assert.match(await page.getByTestId("import-duplicate").first().innerText(), /Row 2: “Umbrella expansion” is already in your data/);
});

/** A Salesboard-format deals file of `rows` rows, all won this month. */
function bigFile(rows) {
  const lines = ["title,customer,owner,stage,status,amount,kind,created_on,expected_close,closed_on"];
  for (let i = 0; i < rows; i++) {
    lines.push(`Deal ${i},Customer ${i % 500},Rep ${i % 20},Proposal,won,100.00,new,2026-10-01,,2026-11-0${1 + (i % 9)}`);
  }
  return Buffer.from(lines.join("\n"));
}

appTest("100k rows import with the progress bar moving and the page answering clicks", async (page) => {
  await page.getByTestId("nav-import").click();
  await page.waitForURL("**/import");
  const started = Date.now();
  await page.getByTestId("import-file").setInputFiles({ name: "big.csv", mimeType: "text/csv", buffer: bigFile(100_000) });
  const bar = page.getByTestId("import-progress");
  await bar.waitFor();
  const seen = new Set();
  let clicked = false;
  while ((await page.getByTestId("import-review").count()) === 0) {
    const value = await bar.getAttribute("data-value", { timeout: 1_000 }).catch(() => null);
    if (value !== null) seen.add(Number(value));
    if (!clicked && value !== null && Number(value) > 0.05) {
      // A click is handled while the file is being checked.
      await page.getByTestId("quick-log").click();
      await page.getByTestId("quick-log-sheet").waitFor({ timeout: 2_000 });
      await page.keyboard.press("Escape");
      await page.getByTestId("quick-log-sheet").waitFor({ state: "detached" });
      clicked = true;
    }
    await page.waitForTimeout(50);
  }
  const steps = [...seen].filter((v) => v > 0 && v < 1);
  assert.ok(steps.length >= 3, `the bar moved through several values: ${[...seen].join(", ")}`);
  assert.ok(clicked, "a click was handled during the import");
  assert.match(await page.getByTestId("import-summary").innerText(), /Ready to add 100000 records/);
  await page.getByTestId("import-commit").click();
  await page.getByTestId("import-done").waitFor({ timeout: 30_000 });
  await eventually(async () => assert.equal((await storedLive(page, "deals")).length, 100_000), 20_000);
  await navigate(page, "dashboard");
  assert.equal(await readKpi(page, "deals_won"), 100_000);
  assert.ok(Date.now() - started < 60_000, `took ${Date.now() - started} ms`);
});
