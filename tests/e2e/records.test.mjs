// Every record type has a plain form: a rep adds, edits and deletes records, wrong input
// is named by field and changes nothing, and what is saved counts on the dashboard.

import assert from "node:assert/strict";
import { appTest, eventually, navigate, readKpi, reload, storedEnvelope } from "./harness.mjs";

const rows = (page) => page.getByTestId("record-row");

async function openTab(page, kind) {
  await page.getByTestId(`records-tab-${kind}`).click();
  await page.waitForURL(`**/records/${kind}`);
}

async function newRecord(page, fields) {
  await page.getByTestId("record-new").click();
  await page.getByTestId("record-form").waitFor();
  for (const [field, value] of Object.entries(fields)) {
    const input = page.getByTestId(`record-${field}`);
    if ((await input.evaluate((el) => el.tagName)) === "SELECT") await input.selectOption({ label: value });
    else await input.fill(value);
  }
  await page.getByTestId("record-save").click();
}

appTest("a customer and an order are added through the forms and count on the dashboard", async (page) => {
  await navigate(page, "records");
  await page.getByTestId("records-empty").waitFor();

  // A nameless customer is refused, naming the field; nothing is stored.
  await newRecord(page, {});
  await page.getByTestId("field-error-name").waitFor();
  assert.equal(await rows(page).count(), 0);

  await page.getByTestId("record-name").fill("Northwind Logistics");
  await page.getByTestId("record-acquired_on").fill("2026-11-02");
  await page.getByTestId("record-save").click();
  await page.getByTestId("record-form").waitFor({ state: "detached" });
  assert.equal(await rows(page).count(), 1);
  assert.match(await rows(page).first().innerText(), /Northwind Logistics/);

  await openTab(page, "orders");
  await newRecord(page, { customer_id: "Northwind Logistics", date: "2026-11-10", amount: "abc" });
  await page.getByTestId("field-error-amount").waitFor();
  await page.getByTestId("record-amount").fill("1,250.00");
  await page.getByTestId("record-save").click();
  await page.getByTestId("record-form").waitFor({ state: "detached" });

  await reload(page);
  assert.equal(await rows(page).count(), 1, "the order survives a reload");
  const stored = await storedEnvelope(page);
  assert.equal(stored.data.orders[0].amount, 125000);
  assert.equal(stored.data.orders[0].customer_id, stored.data.customers[0].id);

  await navigate(page, "dashboard");
  await eventually(async () => {
    assert.equal(await readKpi(page, "revenue"), 1250);
    assert.equal(await readKpi(page, "new_customers"), 1);
    assert.equal(await readKpi(page, "avg_order_value"), 1250);
  });
});

appTest("a record is edited, deleted after confirmation, and brought back with undo", async (page) => {
  await navigate(page, "records");
  await openTab(page, "teams");
  await newRecord(page, { name: "North" });
  await rows(page).first().waitFor();

  await rows(page).first().getByTestId("record-edit").click();
  await page.getByTestId("record-name").fill("North & East");
  await page.getByTestId("record-save").click();
  await eventually(async () => assert.match(await rows(page).first().innerText(), /North & East/));

  await rows(page).first().getByTestId("record-delete").click();
  await page.getByTestId("confirm-yes").click();
  await page.getByTestId("records-empty").waitFor();
  await eventually(async () => {
    const teams = (await storedEnvelope(page))?.data?.teams ?? [];
    assert.ok(teams[0]?.deleted_at, "a tombstone is kept");
  });
  await page.getByTestId("undo").click();
  await eventually(async () => assert.equal(await rows(page).count(), 1));
  assert.match(await rows(page).first().innerText(), /North & East/);
});

appTest("a customer named only by a zero-width space, or acquired in year 1, is refused at the field", async (page) => {
  await navigate(page, "records");
  await newRecord(page, { name: "\u200B" });
  await page.getByTestId("field-error-name").waitFor();
  assert.equal(await page.getByTestId("field-error-name").innerText(), "This field is required.");

  await page.getByTestId("record-name").fill("Northwind Logistics");
  await page.getByTestId("record-acquired_on").fill("0001-01-01");
  await page.getByTestId("record-save").click();
  await page.getByTestId("field-error-acquired_on").waitFor();
  assert.equal(await page.getByTestId("field-error-acquired_on").innerText(), "Enter a date from 1970 up to ten years from today.");
  assert.equal(await rows(page).count(), 0, "nothing is saved");
  await page.waitForTimeout(600); // longer than the save debounce
  assert.deepEqual((await storedEnvelope(page))?.data?.customers ?? [], []);
});
