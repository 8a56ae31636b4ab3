// The team view without a server: two reps' exported files imported through the Team
// import page into an empty app, then the leaderboard, the badges and the team revenue
// on the merged data; the same files again change nothing; a broken file is refused
// and nothing changes; an import is undone; a contest is made through its form; a rep
// is deactivated with a leave date.
//
// "today" = 2026-11-15, EUR. fixtures/team-anna.json (Anna's export):
//   team North; Anna (North); Mekong Solar (region Hanoi, changed 11-10 09:00 UTC)
//   d1 won 3,000.00 Anna, closed 2026-11-03
//   d2 won 1,500.00 Anna, closed 2026-11-09
//   d3 won 2,000.00 Anna, closed 2026-11-12 (changed 11-12 10:00)
//   contest "November revenue race": revenue, November 2026, everyone, "Team dinner"
// fixtures/team-minh.json (Minh's export):
//   team North and Anna: the very same versions as in Anna's file (merged as one)
//   Minh (North); Mekong Solar (region Ho Chi Minh City, changed 11-12: the newer edit)
//   d3 deleted 11-13 10:00 (newer than Anna's edit: the deletion wins)
//   d4 won 4,000.00 Minh, closed 2026-11-04
//   d5 won 2,500.50 Minh, closed 2026-11-10
//
// Hand-computed November revenue: Anna 3,000.00 + 1,500.00 = 4,500.00 (d3 is deleted);
// Minh 4,000.00 + 2,500.50 = 6,500.50; team North = everyone = 11,000.50.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  BASE_URL, appTest, eventually, fixturePath, navigate, notice, readFixture, readKpi, selectPeriod, storedEnvelope,
} from "./harness.mjs";

const ANNA = fixturePath("team-anna.json");
const MINH = fixturePath("team-minh.json");
/** A fixture as an upload, so it can be picked together with made-up files. */
const upload = (path, name = path.split("/").pop()) => ({ name, mimeType: "application/json", buffer: readFileSync(path) });
const id = (n) => `5b0c2f1e-0a11-4a8e-9a51-${n}`;
const REP_ANNA = id("000000000a01");
const REP_MINH = id("000000000a02");
const TEAM_NORTH = id("0000000000e1");

/** Opens a page of the nav that the harness does not know. */
async function go(page, name, path) {
  await page.getByTestId(`nav-${name}`).click();
  await page.waitForURL(BASE_URL + path);
}

async function pickFiles(page, files) {
  await go(page, "team", "/team");
  await page.getByTestId("team-import-input").setInputFiles(files);
  await page.getByTestId("team-import-preview").waitFor();
}

/** The per-file table: { name: [added, updated, unchanged, conflicts] }. */
async function fileCounts(page, panel) {
  const rows = page.getByTestId(panel).getByTestId("team-file");
  return rows.evaluateAll((trs) =>
    Object.fromEntries(trs.map((tr) => [tr.dataset.file, [...tr.querySelectorAll("td")].map((td) => Number(td.dataset.value))])),
  );
}

async function conflicts(page, panel) {
  return page
    .getByTestId(panel)
    .getByTestId("team-conflict")
    .evaluateAll((trs) =>
      trs.map((tr) => ({
        kind: tr.dataset.kind,
        id: tr.dataset.recordId,
        kept: tr.querySelector('[data-testid="team-conflict-kept"]').dataset.file,
        dropped: tr.querySelector('[data-testid="team-conflict-dropped"]').dataset.file,
        text: tr.textContent,
      })),
    );
}

async function leaderboard(page) {
  return page.getByTestId("leaderboard-row").evaluateAll((trs) =>
    trs.map((tr) => ({
      rank: tr.dataset.rank === undefined ? null : Number(tr.dataset.rank),
      rep: tr.dataset.repId,
      name: tr.querySelector("th").textContent,
      value: Number(tr.querySelector("td[data-value]")?.dataset.value),
    })),
  );
}

async function importBoth(page) {
  await pickFiles(page, [ANNA, MINH]);
  await page.getByTestId("team-import-commit").click();
  await page.getByTestId("team-import-done").waitFor();
  await notice(page, "team_imported").waitFor();
}

/** The stored data, without what changes on every save. */
async function storedData(page) {
  return (await storedEnvelope(page))?.data ?? null;
}

appTest("two reps' files merge into one team view: report, leaderboard, badges and team revenue", async (page) => {
  await pickFiles(page, [ANNA, MINH]);
  // Before the commit: the report, and nothing changed yet.
  assert.deepEqual(await fileCounts(page, "team-import-preview"), {
    // added: team, Anna, d1, d2, the contest; conflicts: Mekong Solar and d3 lost to newer versions
    "team-anna.json": [5, 0, 0, 2],
    // added: Minh, Mekong Solar, d3's deletion, d4, d5; unchanged: team and Anna (already taken from Anna's file)
    "team-minh.json": [5, 0, 2, 0],
  });
  const before = await conflicts(page, "team-import-preview");
  assert.deepEqual(
    before.map(({ kind, id, kept, dropped }) => ({ kind, id, kept, dropped })),
    [
      { kind: "customers", id: id("0000000000c1"), kept: "team-minh.json", dropped: "team-anna.json" },
      { kind: "deals", id: id("0000000000d3"), kept: "team-minh.json", dropped: "team-anna.json" },
    ],
    "both versions of each conflict are shown, the newer kept",
  );
  assert.match(before[0].text, /Mekong Solar/);
  assert.match(before[1].text, /Inverter upgrade/);
  assert.match(before[1].text, /deleted/, "the kept version of d3 is its deletion");
  assert.match(await page.getByTestId("team-import-summary").textContent(), /adds 10 records and updates 0/);
  assert.equal((await storedData(page))?.deals?.length ?? 0, 0, "nothing is stored before the import");

  await page.getByTestId("team-import-commit").click();
  await page.getByTestId("team-import-done").waitFor();
  await notice(page, "team_imported").waitFor();
  assert.deepEqual(await fileCounts(page, "team-import-done"), {
    "team-anna.json": [5, 0, 0, 2],
    "team-minh.json": [5, 0, 2, 0],
  });
  await eventually(async () => {
    const data = await storedData(page);
    assert.equal(data.deals.length, 5, "d1–d5, d3 as a tombstone");
    assert.ok(data.deals.find((d) => d.id === id("0000000000d3")).deleted_at, "the deletion won over the older edit");
    assert.equal(data.customers.length, 1, "the customer in both files is one record");
    assert.equal(data.customers[0].region, "Ho Chi Minh City", "the newer edit is kept");
    assert.equal(data.reps.length, 2, "Anna, present in both files, is one record");
    assert.equal(data.teams.length, 1);
  });

  // The leaderboard of the imported contest, from the merged data.
  await go(page, "contests", "/contests");
  const race = readFixture("team-anna.json").data.contests[0];
  await page.locator(`[data-testid="contest-board"][data-contest-id="${race.id}"]`).waitFor();
  await eventually(async () =>
    assert.deepEqual(await leaderboard(page), [
      { rank: 1, rep: REP_MINH, name: "Minh Nguyen", value: 6500.5 }, // 4,000.00 + 2,500.50
      { rank: 2, rep: REP_ANNA, name: "Anna Schmidt", value: 4500 }, // 3,000.00 + 1,500.00 (d3 deleted)
    ]),
  );
  const pixels = await page.getByTestId("leaderboard-chart").evaluate((c) => c.width * c.height);
  assert.ok(pixels > 0, "the leaderboard is drawn on a sized canvas");
  assert.match(await page.getByTestId("contest-reward").textContent(), /Team dinner/);
  // November's top performer is Minh (neither rep sold anything in October: no "most improved").
  const badges = await page.getByTestId("badge").evaluateAll((lis) => lis.map((li) => [li.dataset.kind, li.dataset.repId]));
  assert.deepEqual(badges, [["top_performer", REP_MINH]]);

  // The dashboard on the merged data: everyone, the team and each rep.
  await navigate(page, "dashboard");
  await selectPeriod(page, "this_month");
  const scopes = [
    ["everyone", 11000.5],
    [`team:${TEAM_NORTH}`, 11000.5], // Anna 4,500.00 + Minh 6,500.50
    [`rep:${REP_ANNA}`, 4500],
    [`rep:${REP_MINH}`, 6500.5],
  ];
  for (const [scope, revenue] of scopes) {
    await page.getByTestId("scope-picker").selectOption(scope);
    await eventually(async () => assert.equal(await readKpi(page, "revenue"), revenue, scope));
  }

  // The same files again: nothing changes, and the page says so.
  const stored = JSON.stringify(await storedData(page));
  await pickFiles(page, [ANNA, MINH]);
  await page.getByTestId("team-import-nothing").waitFor();
  assert.equal(await page.getByTestId("team-import-commit").count(), 0, "nothing to commit");
  assert.deepEqual(await fileCounts(page, "team-import-preview"), {
    "team-anna.json": [0, 0, 5, 2], // its Mekong Solar and d3 still lose to the newer versions
    "team-minh.json": [0, 0, 7, 0],
  });
  assert.equal(JSON.stringify(await storedData(page)), stored, "the stored data did not change");
});

appTest("a broken file is refused by name and nothing is imported", async (page) => {
  const broken = { name: "broken.json", mimeType: "application/json", buffer: Buffer.from('{"app": "salesboard", "version": 3, "data": ') };
  await pickFiles(page, [upload(ANNA), broken]);
  const refused = page.locator('[data-testid="team-refused-file"][data-file="broken.json"]');
  assert.match(await refused.textContent(), /broken\.json was refused: the saved data is not valid JSON/);
  await page.getByTestId("team-import-blocked").waitFor();
  assert.equal(await page.getByTestId("team-import-commit").count(), 0, "all or nothing: no import while a file is refused");
  // A file in another currency is refused too, with both currencies named.
  const usd = readFileSync(MINH, "utf8").replace('"currency": "EUR"', '"currency": "USD"');
  await page.getByTestId("team-import-input").setInputFiles([upload(ANNA), { name: "minh-usd.json", mimeType: "application/json", buffer: Buffer.from(usd) }]);
  await eventually(async () =>
    assert.match(
      await page.locator('[data-testid="team-refused-file"][data-file="minh-usd.json"]').textContent(),
      /minh-usd\.json was refused: its amounts are in USD, yours in EUR/,
    ),
  );
  assert.equal(await page.getByTestId("team-import-commit").count(), 0);
  assert.equal((await storedData(page))?.deals?.length ?? 0, 0, "nothing was imported");
  await go(page, "contests", "/contests");
  await page.getByTestId("contests-empty").waitFor();
});

appTest("an import is undone: the data is as it was before", async (page) => {
  await importBoth(page);
  await eventually(async () => assert.equal((await storedData(page)).deals.length, 5));
  await page.getByTestId("team-import-undo").click();
  await notice(page, "import_undone").waitFor();
  await eventually(async () => assert.equal((await storedData(page)).deals.length, 0, "the import's records are gone"));
  await navigate(page, "dashboard");
  await eventually(async () => assert.equal(await readKpi(page, "revenue"), 0));
});

appTest("a contest is made, edited and deleted through its form; a rep is deactivated", async (page) => {
  await importBoth(page);
  await go(page, "contests", "/contests");
  await page.getByTestId("contest-new").click();
  // Nothing typed: the title is named as missing, nothing is saved.
  await page.getByTestId("contest-input-title").fill("");
  await page.getByTestId("contest-save").click();
  await page.getByTestId("field-error-title").waitFor();
  assert.equal(await page.getByTestId("contest-row").count(), 1);

  await page.getByTestId("contest-input-title").fill("Most deals won");
  await page.getByTestId("contest-input-measure").selectOption("kpi:deals_won");
  await page.getByTestId("contest-input-period-kind").selectOption("month");
  await page.getByTestId("contest-input-start").fill("2026-11-01");
  await page.locator(`[data-testid="contest-participant"][data-rep-id="${REP_ANNA}"]`).check();
  await page.getByTestId("contest-input-reward").fill("A day off");
  await page.getByTestId("contest-save").click();
  await page.getByTestId("contest-form").waitFor({ state: "detached" });
  assert.equal(await page.getByTestId("contest-row").count(), 2);

  const stored = await eventually(async () => {
    const contest = (await storedData(page)).contests.find((c) => c.title === "Most deals won");
    assert.ok(contest, "the contest is stored");
    return contest;
  });
  assert.deepEqual(stored.measure, { type: "kpi", id: "deals_won" });
  assert.deepEqual(stored.period, { kind: "month", start: "2026-11-01", end: "2026-11-30" });
  assert.deepEqual(stored.participants, [REP_ANNA]);
  assert.equal(stored.reward, "A day off");
  // The saved contest is shown: Anna alone, 2 deals won in November (d1, d2).
  await eventually(async () =>
    assert.deepEqual(await leaderboard(page), [{ rank: 1, rep: REP_ANNA, name: "Anna Schmidt", value: 2 }]),
  );

  const row = page.locator(`[data-testid="contest-row"][data-contest-id="${stored.id}"]`);
  await row.getByTestId("contest-edit").click();
  await page.getByTestId("contest-input-title").fill("Most deals won, November");
  await page.getByTestId("contest-save").click();
  await eventually(async () => assert.match(await row.textContent(), /Most deals won, November/));

  await row.getByTestId("contest-delete").click();
  await page.getByTestId("confirm-yes").click();
  await eventually(async () => assert.equal(await page.getByTestId("contest-row").count(), 1));
  await eventually(async () =>
    assert.ok((await storedData(page)).contests.find((c) => c.id === stored.id).deleted_at, "a tombstone is kept"),
  );

  // Deactivating a rep: a leave date on the reps' form, shown in the list.
  await page.goto(BASE_URL + "/records/reps");
  await page.getByTestId("app-ready").waitFor();
  const anna = page.locator(`[data-testid="record-row"][data-record-id="${REP_ANNA}"]`);
  await anna.getByTestId("record-edit").click();
  assert.match(await page.locator('label[for="record-left_on"]').textContent(), /deactivates/);
  await page.getByTestId("record-left_on").fill("2026-11-30");
  await page.getByTestId("record-save").click();
  await eventually(async () => assert.match(await anna.textContent(), /2026-11-30/));
  await eventually(async () =>
    assert.equal((await storedData(page)).reps.find((r) => r.id === REP_ANNA).left_on, "2026-11-30"),
  );
});

appTest("a file from a device whose clock says 2099 does not overwrite real edits, and the manager is told", async (page) => {
  await pickFiles(page, [ANNA]);
  await page.getByTestId("team-import-commit").click();
  await page.getByTestId("team-import-done").waitFor();
  // The same rep's file again, from a device whose clock is wrong: d1 "edited" in 2099,
  // and a new deal d9 stamped 2099 too.
  const anna = readFixture("team-anna.json");
  const d1 = anna.data.deals.find((d) => d.id === id("0000000000d1"));
  const wrongClock = structuredClone(anna);
  const future = "2099-01-01T00:00:00Z";
  Object.assign(wrongClock.data.deals.find((d) => d.id === d1.id), { title: "Written by a wrong clock", updated_at: future });
  wrongClock.data.deals.push({ ...d1, id: id("0000000000d9"), title: "New on the wrong clock", updated_at: future });
  const file = { name: "anna-2099.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(wrongClock)) };
  await page.getByTestId("team-import-input").setInputFiles([file]);
  await page.getByTestId("team-import-preview").waitFor();
  assert.match(
    await page.locator('[data-testid="team-future-dated"][data-file="anna-2099.json"]').textContent(),
    /2 records are dated in the future/,
  );
  // [added, updated, unchanged, conflicts]: d9 added, d1's 2099 version lost to the real one.
  assert.deepEqual(await fileCounts(page, "team-import-preview"), { "anna-2099.json": [1, 0, 6, 1] });
  await page.getByTestId("team-import-commit").click();
  await page.getByTestId("team-import-done").waitFor();
  await eventually(async () => {
    const deals = (await storedData(page)).deals;
    const kept = deals.find((d) => d.id === d1.id);
    assert.equal(kept.title, d1.title, "the real version of d1 is kept");
    assert.equal(kept.updated_at, d1.updated_at);
    const added = deals.find((d) => d.id === id("0000000000d9"));
    assert.ok(added.updated_at.startsWith("2026-11-15"), `the new deal is dated at the import, not 2099: ${added.updated_at}`);
  });
});
