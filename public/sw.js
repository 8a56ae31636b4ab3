// Salesboard's service worker: after the first visit the app opens and works with the
// network gone, deep links included.
//
// - One cache per build: BUILD is replaced at build time (Trunk's post_build hook in
//   Trunk.toml) by a hash of index.html, which names every hashed file. A new build
//   therefore changes this file's bytes, so the browser installs the new worker.
// - At install the worker reads index.html to learn Trunk's hashed file names and caches
//   them all. It then waits: a new version is never swapped in under the user. The page
//   is told (see sw-register.js) and asks for "skip-waiting" only when the user agrees.
// - Requests: navigations get this version's index.html (the app routes itself); files of
//   this origin come from the cache, else the network. Nothing of another origin is
//   touched.

const BUILD = "__SALESBOARD_BUILD__";
const CACHE = `salesboard-${BUILD}`;
const FIXED = ["/manifest.webmanifest", "/favicon.svg", "/icon-192.png", "/icon-512.png", "/sw-register.js", "/theme.js"];

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const response = await fetch("/index.html", { cache: "no-store" });
      if (!response.ok) throw new Error(`index.html: HTTP ${response.status}`);
      const html = await response.text();
      const files = new Set(FIXED);
      for (const [, path] of html.matchAll(/(?:href|src)="(\/[^"#?]+)"/g)) files.add(path);
      files.delete("/index.html");
      const cache = await caches.open(CACHE);
      await cache.addAll([...files].map((path) => new Request(path, { cache: "no-store" })));
      await cache.put("/index.html", new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } }));
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith("salesboard-") && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(
      caches.open(CACHE).then(async (cache) => (await cache.match("/index.html")) ?? fetch(request)),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then(async (cache) => (await cache.match(request, { ignoreSearch: true })) ?? fetch(request)),
  );
});
