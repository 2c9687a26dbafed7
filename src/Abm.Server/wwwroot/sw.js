// ABM Engine's service worker: it makes the dashboard installable and shows an offline page when the server
// cannot be reached. It caches only that page and what it needs, never a page's data or an API answer: the
// dashboard is live, and a workspace's data must not outlive the session on a shared device.
const CACHE = "abm-offline-v1";
const OFFLINE_PAGE = "/offline.html";

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll([OFFLINE_PAGE, "/icons/icon-192.png"]))
      .then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()));
});

// Only page loads are answered here, from the network first; everything else goes straight to the server.
self.addEventListener("fetch", (event) => {
  if (event.request.mode !== "navigate") {
    return;
  }

  event.respondWith(fetch(event.request).catch(() => caches.match(OFFLINE_PAGE)));
});
