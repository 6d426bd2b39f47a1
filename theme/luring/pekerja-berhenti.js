// The service worker of a portal whose operator switched reading without
// signal off (OFFLINE = False in pelicanconf.py): published at the same
// address as pekerja-luring.js, so every phone that installed that one
// fetches this on its next visit. It takes over at once, deletes what the
// portal kept on the phone (only this site's stores: SETELAN.akar) and
// unregisters itself; pages are then the network's, as before.
"use strict";

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const nama of await caches.keys()) {
      if (nama.startsWith(`luring:${SETELAN.akar}:`)) await caches.delete(nama);
    }
    await self.registration.unregister();
  })());
});
