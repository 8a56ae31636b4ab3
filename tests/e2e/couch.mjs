// The sync tests' server: the real pouchdb-server (from this package's lock file) that
// `cargo xtask test` starts and names in COUCH_URL / COUCH_ADMIN / COUCH_ADMIN_PASSWORD;
// run alone, a file starts its own on a free 127.0.0.1 port and stops it at the end.
// Also: team set-up through the product's own scripts/team-setup.mjs, and a loopback
// proxy that can cut every connection (the server "goes away" mid-sync) and counts
// requests.

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request as httpRequest } from "node:http";
import { createServer as netServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after } from "node:test";

import { BASE_URL } from "./harness.mjs";
import { teamSetup } from "../../scripts/team-setup.mjs";

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = netServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });

let started;
/** Every proxy made by this file's tests, closed when the file is done. */
const proxies = [];
/** Stops the server this file started, if any. */
let stopOwn = () => {};
// Registered at load time (file level): an `after` inside a test would run at that
// test's end, and a left-open server would keep the test file from exiting.
after(() => {
  for (const proxy of proxies) {
    proxy.closeAllConnections();
    proxy.close();
  }
  stopOwn();
});

/** { url, admin, password } of the test server (started once per file if need be). */
export function couchServer() {
  started ??= process.env.COUCH_URL
    ? ensureAdmin({ url: process.env.COUCH_URL, admin: process.env.COUCH_ADMIN, password: process.env.COUCH_ADMIN_PASSWORD })
    : startOwn();
  return started;
}

async function startOwn() {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "salesboard-couch-"));
  const config = join(dir, "config.json");
  writeFileSync(config, JSON.stringify({ httpd: { enable_cors: true }, cors: { origins: BASE_URL, credentials: true }, log: { file: join(dir, "log.txt") } }));
  const bin = new URL("./node_modules/pouchdb-server/bin/pouchdb-server", import.meta.url).pathname;
  const child = spawn(process.execPath, [bin, "--in-memory", "--host", "127.0.0.1", "--port", String(port), "--config", config, "--no-stdout-logs"], { cwd: dir, stdio: "ignore" });
  child.unref(); // the test run ends when its tests do; "exit" below stops the server
  // Stopped by the file-level `after` above, or at exit if the run is cut short.
  stopOwn = () => {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  };
  process.on("exit", stopOwn);
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries += 1) {
    try {
      await fetch(url);
      break;
    } catch (error) {
      if (tries > 150) throw new Error(`pouchdb-server did not start on ${url}: ${error.message}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return ensureAdmin({ url, admin: "admin", password: `own-${port}` });
}

/** Makes the admin while the server is in "admin party" (a second file finds it made). */
async function ensureAdmin(server) {
  await fetch(`${server.url}/_config/admins/${server.admin}`, { method: "PUT", body: JSON.stringify(server.password) });
  const check = await fetch(`${server.url}/_session`, { headers: adminHeaders(server) });
  const session = await check.json();
  if (!session.userCtx?.roles?.includes("_admin")) throw new Error(`cannot act as admin on ${server.url}`);
  return server;
}

const adminHeaders = (server) => ({
  authorization: "Basic " + Buffer.from(`${server.admin}:${server.password}`).toString("base64"),
  "content-type": "application/json",
});

/** An admin request: the parsed JSON and the status. */
export async function asAdmin(method, path, body) {
  const server = await couchServer();
  const response = await fetch(server.url + path, { method, headers: adminHeaders(server), body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, json: await response.json() };
}

/** A fresh team (unique name per call) with known passwords; returns its names. */
export async function freshTeam({ managers = ["lena"], reps = ["anna", "minh"] } = {}) {
  const server = await couchServer();
  const team = `t${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const user = (name) => `${team}-${name}`;
  const passwords = Object.fromEntries([...managers, ...reps].map((name) => [user(name), `pw-${name}-${team}`]));
  await teamSetup({
    server: server.url, admin: server.admin, adminPassword: server.password, team,
    managers: managers.map(user), reps: reps.map(user), passwords, log: () => {},
  });
  return { server, team, user, password: (name) => passwords[user(name)], repDb: (name) => `${team}-rep-${user(name)}` };
}

/** Every document of a database (admin view), with open conflicts. */
export async function serverDocs(db) {
  const { json } = await asAdmin("GET", `/${db}/_all_docs?include_docs=true&conflicts=true`);
  return json.rows.map((row) => row.doc).filter((doc) => !doc._id.startsWith("_design/"));
}

/**
 * A loopback proxy in front of the server. `cut()`: every open connection is dropped
 * and new ones are refused (as a server that went away); `resume()` lets them through
 * again. `requests` counts what reached it, by path.
 */
export async function cuttableProxy(target) {
  const sockets = new Set();
  let down = false;
  const requests = [];
  const proxy = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`); // counted even while down: retries show
    if (down) return req.socket.destroy();
    // No pooled sockets, and a request the browser gave up (a long poll cut short) is
    // dropped upstream too: nothing outlives the test.
    const upstream = httpRequest(target + req.url, { method: req.method, headers: req.headers, agent: false }, (answer) => {
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => req.socket.destroy());
    res.on("close", () => upstream.destroy());
    req.pipe(upstream);
  });
  proxy.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  proxies.push(proxy);
  return {
    url: `http://127.0.0.1:${proxy.address().port}`,
    requests,
    cut() {
      down = true;
      for (const socket of sockets) socket.destroy();
    },
    resume() {
      down = false;
    },
  };
}

/** Settings → Sync → Connect, then waits until the first round is done. */
export async function connect(page, { url, user, password, expect = "synced" }) {
  await page.goto(`${BASE_URL}/settings`);
  await page.getByTestId("app-ready").waitFor();
  await page.getByTestId("sync-server").fill(url);
  await page.getByTestId("sync-user").fill(user);
  await page.getByTestId("sync-password").fill(password);
  await page.getByTestId("sync-connect").click();
  if (expect) await page.locator(`[data-testid="sync-status"][data-state="${expect}"]`).waitFor({ timeout: 20_000 });
}

