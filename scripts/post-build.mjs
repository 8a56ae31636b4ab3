// Trunk's post_build hook (see Trunk.toml), run in the staging folder before it becomes
// dist/:
// 1. a strict Content-Security-Policy is put into index.html: own origin only, wasm
//    allowed to compile, and Trunk's inline start-up script allowed by its hash (the
//    script names the hashed files, so its hash changes with every build);
// 2. the service worker's BUILD placeholder becomes a hash of the final index.html, so a
//    new build is a new worker with a new cache;
// 3. theme.js gets the frame's loading line in every language (`boot_loading` of
//    locales/*.json; a language without it fails the build, as the i18n crate does);
// 4. every text or wasm file gets precompressed copies beside it (NAME.br, NAME.gz) that
//    a static host sends with `Content-Encoding` to a browser that accepts them
//    (`cargo xtask serve` does; README, "Hosting"): the first visit on a slow phone
//    downloads ~4× less than the raw files.
// Fails the build if any of these cannot be done.

import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

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
  // Sync (Settings → Sync) talks to the CouchDB server the user names: any https
  // origin, or plain http on this machine only (the app refuses other http itself).
  "connect-src 'self' https: http://127.0.0.1:* http://localhost:*",
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

const localesDir = new URL("../locales/", import.meta.url);
const bootTexts = Object.fromEntries(
  readdirSync(localesDir)
    .filter((name) => name.endsWith(".json"))
    .map((name) => {
      const text = JSON.parse(readFileSync(new URL(name, localesDir), "utf8")).boot_loading;
      if (typeof text !== "string") throw new Error(`locales/${name} has no boot_loading text`);
      return [name.replace(/\.json$/, ""), text];
    }),
);
const themePath = join(staging, "theme.js");
const theme = readFileSync(themePath, "utf8");
if (!theme.includes("__SALESBOARD_BOOT_TEXTS__")) throw new Error("theme.js has no __SALESBOARD_BOOT_TEXTS__ placeholder");
writeFileSync(themePath, theme.replace("__SALESBOARD_BOOT_TEXTS__", JSON.stringify(bootTexts)));

/** Writes NAME.br and NAME.gz beside every compressible file under `dir`. */
function precompress(dir) {
  let count = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      count += precompress(path);
    } else if (/\.(html|js|mjs|wasm|css|svg|json|webmanifest)$/.test(name)) {
      const bytes = readFileSync(path);
      writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
      const brotli = {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      };
      writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: brotli }));
      count += 1;
    }
  }
  return count;
}
const compressed = precompress(staging);
console.log(
  `post-build: CSP with ${hashes.length} script hash(es); service worker build ${build}; ${compressed} files precompressed (.br, .gz)`,
);
