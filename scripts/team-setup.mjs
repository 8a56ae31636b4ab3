// `cargo xtask team-setup`: sets a sales team up on a CouchDB-compatible server
// (CouchDB 3, pouchdb-server), idempotently. Node's own fetch only: no packages.
//
// What it makes (names are lower case, as CouchDB requires):
// - users: each rep (roles <team>-rep, <team>-member) and manager (<team>-manager,
//   <team>-member); a new user gets the given or a generated password, printed once;
//   an existing user is left as it is;
// - one database per rep, `<team>-rep-<name>`: members are that rep and the manager
//   role, so no other rep can read it;
// - the team database `<team>-team`: every member reads; its design document lets
//   managers write anything and a rep only their own published figures
//   (`figures:<name>`);
// - in every database a `validate_doc_update` refusing a document whose `owner` is
//   not the writer (managers and server admins excepted).
//
// The admin password comes from COUCH_ADMIN_PASSWORD or a prompt, never the command
// line (which shells log).

import { randomBytes } from "node:crypto";
import { createInterface } from "node:readline";

/// The validation of a rep's database: only its rep (or a manager) writes, and only
/// documents owned by the writer; a document's owner never changes.
const REP_VALIDATE = `function (newDoc, oldDoc, userCtx, secObj) {
  var roles = userCtx.roles || [];
  if (roles.indexOf('_admin') >= 0 || roles.indexOf(MANAGER) >= 0) return;
  if (newDoc._id.indexOf('_design/') === 0) throw({forbidden: 'Only a manager changes design documents.'});
  if (oldDoc && oldDoc.owner !== userCtx.name) throw({forbidden: 'This record belongs to ' + oldDoc.owner + '.'});
  if (!newDoc._deleted && newDoc.owner !== userCtx.name) throw({forbidden: 'A record you save must be yours (owner ' + userCtx.name + ').'});
}`;

/// The team database: managers write anything; a rep only `figures:<own name>`.
const TEAM_VALIDATE = `function (newDoc, oldDoc, userCtx, secObj) {
  var roles = userCtx.roles || [];
  if (roles.indexOf('_admin') >= 0 || roles.indexOf(MANAGER) >= 0) return;
  if (newDoc._id !== 'figures:' + userCtx.name) throw({forbidden: 'Only a manager changes team goals, plans and contests.'});
  if (oldDoc && oldDoc.owner !== userCtx.name) throw({forbidden: 'These figures belong to ' + oldDoc.owner + '.'});
  if (!newDoc._deleted && newDoc.owner !== userCtx.name) throw({forbidden: 'You publish only your own figures.'});
}`;

export const lower = (name) => name.toLowerCase();
export const repDb = (team, rep) => `${lower(team)}-rep-${lower(rep)}`;
export const teamDb = (team) => `${lower(team)}-team`;

/** Sets the team up; returns the passwords of users it created (name → password). */
export async function teamSetup({ server, admin, adminPassword, team, managers, reps, passwords = {}, log = console.log }) {
  const base = server.replace(/\/+$/, "");
  const auth = "Basic " + Buffer.from(`${admin}:${adminPassword}`).toString("base64");
  const call = async (method, path, body) => {
    const response = await fetch(base + path, {
      method,
      headers: { authorization: auth, "content-type": "application/json", accept: "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : {} };
  };
  const must = async (method, path, body, okStatuses = [200, 201, 202]) => {
    const { status, json } = await call(method, path, body);
    if (!okStatuses.includes(status)) {
      throw new Error(`${method} ${path} answered ${status}: ${json.reason || json.error || "no reason"}`);
    }
    return json;
  };
  const teamName = lower(team);
  const manager = `${teamName}-manager`;
  const member = `${teamName}-member`;
  const created = {};

  await must("GET", "/_session");
  // The app reads its databases from the signed-in user's own document.
  const place = (name, role) => ({
    team: teamName,
    role,
    db: role === "rep" ? repDb(team, name) : teamDb(team),
    team_db: teamDb(team),
    rep_dbs: role === "manager" ? reps.map((r) => repDb(team, r)) : [],
  });
  for (const [name, roles, role] of [
    ...managers.map((m) => [lower(m), [manager, member], "manager"]),
    ...reps.map((r) => [lower(r), [`${teamName}-rep`, member], "rep"]),
  ]) {
    const id = `org.couchdb.user:${name}`;
    const existing = await call("GET", `/_users/${encodeURIComponent(id)}`);
    if (existing.status === 200) {
      const user = existing.json;
      const missing = roles.filter((r) => !(user.roles || []).includes(r));
      const salesboard = place(name, role);
      if (missing.length || JSON.stringify(user.salesboard) !== JSON.stringify(salesboard)) {
        await must("PUT", `/_users/${encodeURIComponent(id)}`, { ...user, roles: [...(user.roles || []), ...missing], salesboard });
      }
      log(`user ${name}: exists`);
      continue;
    }
    const password = passwords[name] ?? randomBytes(12).toString("base64url");
    await must("PUT", `/_users/${encodeURIComponent(id)}`, { _id: id, name, type: "user", roles, password, salesboard: place(name, role) });
    created[name] = password;
    log(`user ${name}: created, password ${password} (shown once: hand it over privately)`);
  }

  const database = async (db, security, validate) => {
    await must("PUT", `/${db}`, undefined, [201, 202, 412]);
    await must("PUT", `/${db}/_security`, security);
    const ddoc = { _id: "_design/salesboard", validate_doc_update: validate.replaceAll("MANAGER", JSON.stringify(manager)) };
    const old = await call("GET", `/${db}/_design/salesboard`);
    if (old.status === 200) {
      if (old.json.validate_doc_update === ddoc.validate_doc_update) return log(`database ${db}: up to date`);
      ddoc._rev = old.json._rev;
    }
    await must("PUT", `/${db}/_design/salesboard`, ddoc);
    log(`database ${db}: ready`);
  };
  for (const rep of reps) {
    await database(repDb(team, rep), { admins: { names: [], roles: [] }, members: { names: [lower(rep)], roles: [manager] } }, REP_VALIDATE);
  }
  await database(teamDb(team), { admins: { names: [], roles: [] }, members: { names: [], roles: [member] } }, TEAM_VALIDATE);
  return created;
}

/** Reads the admin password without echoing it. */
async function askPassword(prompt) {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  rl._writeToOutput = (text) => {
    if (text.includes(prompt)) process.stdout.write(text);
  };
  const answer = await new Promise((resolve) => rl.question(prompt, resolve));
  rl.close();
  process.stdout.write("\n");
  return answer;
}

function parse(args) {
  const options = { managers: [], reps: [] };
  for (let i = 0; i < args.length; i += 1) {
    const value = args[i + 1];
    const take = () => {
      if (value === undefined) throw new Error(`${args[i]} needs a value`);
      i += 1;
      return value;
    };
    switch (args[i]) {
      case "--server": options.server = take(); break;
      case "--admin": options.admin = take(); break;
      case "--team": options.team = take(); break;
      case "--manager": options.managers.push(take()); break;
      case "--rep": options.reps.push(take()); break;
      default: throw new Error(`unknown option ${args[i]}`);
    }
  }
  for (const required of ["server", "admin", "team"]) {
    if (!options[required]) throw new Error(`--${required} is required`);
  }
  if (!options.managers.length) throw new Error("name at least one --manager");
  const url = new URL(options.server);
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  if (url.protocol !== "https:" && !loopback) throw new Error(`${options.server}: use https (plain http only to this machine)`);
  return options;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const options = parse(process.argv.slice(2));
    const adminPassword = process.env.COUCH_ADMIN_PASSWORD || (await askPassword(`Password of ${options.admin}: `));
    await teamSetup({ ...options, adminPassword });
    console.log(`team ${lower(options.team)} is set up on ${options.server}`);
  } catch (error) {
    console.error(`team-setup: ${error.message}`);
    process.exit(1);
  }
}
