// sw.js is Sayso's service worker: it keeps the app shell and the wasm in
// a cache so that, after one visit over HTTP(S), the app opens and works
// with the network gone. It only ever handles same-origin GET requests.
//
// internal/sitebuild replaces the BUILD line with the build's version (a
// hash of every file it lists) and the content-hashed files to precache.
// A new build means a new sw.js, hence a new cache; older caches are
// deleted when the new worker activates.
const BUILD = { version: "dev", assets: [] };

const PREFIX = "sayso-";
const CACHE = PREFIX + BUILD.version;
const SHELL = "./";
// How long a page load waits for the network before using the cached shell.
const NETWORK_TIMEOUT_MS = 4000;

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll([SHELL, ...BUILD.assets]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(PREFIX) && key !== CACHE) {
          await caches.delete(key);
        }
      }
      await self.clients.claim();
    })(),
  );
});

// Pages: network first (a new deploy shows up at once), the cached shell
// when the network fails or hangs. Hashed files never change: cache first.
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(page(request));
    return;
  }
  event.respondWith(asset(request));
});

async function page(request) {
  const network = fetch(request);
  network.catch(() => {}); // handled below, or not needed
  try {
    return await withTimeout(network, NETWORK_TIMEOUT_MS);
  } catch {
    const cache = await caches.open(CACHE);
    const cached = await cache.match(SHELL, { ignoreVary: true });
    // Without a cached shell, the network's own answer (or error) is all
    // there is, however long it takes.
    return cached || network;
  }
}

async function asset(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreVary: true, ignoreSearch: true });
  return cached || fetch(request);
}

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("network timeout")), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}
