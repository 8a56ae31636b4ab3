// Trunk's post_build hook (see Trunk.toml), run in the staging folder before it becomes
// dist/:
// 1. a strict Content-Security-Policy is put into index.html: own origin only, wasm
//    allowed to compile, and Trunk's inline start-up script allowed by its hash (the
//    script names the hashed files, so its hash changes with every build);
// 2. the service worker's BUILD placeholder becomes a hash of the final index.html, so a
//    new build is a new worker with a new cache.
// Fails the build if either cannot be done.

import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("TRUNK_STAGING_DIR is not set: run this from Trunk's post_build hook");

const indexPath = join(staging, "index.html");
let html = readFileSync(indexPath, "utf8");

const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (inline.length === 0) throw new Error("no inline start-up script found in index.html");
const hashes = inline.map((code) => `'sha256-${createHash("sha256").update(code).digest("base64")}'`);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`,
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
if (!html.includes("<meta charset=\"utf-8\" />")) throw new Error("index.html lost its charset meta");
html = html.replace("<meta charset=\"utf-8\" />", `<meta charset="utf-8" />\n    ${meta}`);
writeFileSync(indexPath, html);

const build = createHash("sha256").update(html).digest("hex").slice(0, 16);
const swPath = join(staging, "sw.js");
const sw = readFileSync(swPath, "utf8");
if (!sw.includes("__SALESBOARD_BUILD__")) throw new Error("sw.js has no __SALESBOARD_BUILD__ placeholder");
writeFileSync(swPath, sw.replaceAll("__SALESBOARD_BUILD__", build));
console.log(`post-build: CSP with ${hashes.length} script hash(es); service worker build ${build}`);
