// The portal's service worker: readable without signal (issue 28).
// plugins/portal/output/offline.py writes it to the site's root (its scope
// is the whole site) with SETELAN above this text: the build's version (a
// hash of what it caches, never the time), the site's paths and the store's
// ceiling. Readers get it without comments and indentation.
//
// - Pages: network first; each page a reader opens is kept, and shown from
//   the store only when the network fails, with the line "Disimpan
//   <tanggal>; Anda sedang luring." so nothing is ever shown stale unsaid.
//   A page never opened gets the offline page, which lists the kept ones
//   (fetched with the reader's second page, with its scripts).
// - The theme's files: from the store of this version, else the network
//   (stylesheets carry a hash of their content in their names). A new
//   version keeps the stylesheets that kept pages link, so no kept page
//   loses its look, fetches the pictures again and drops the old store.
// - Photos: from the network, or the store if the reader saved the page
//   ("Simpan untuk dibaca nanti"). In low-data mode (the browser's
//   Save-Data, or the reader's "Hemat data") a flat placeholder instead,
//   and the page is told the photo's size (a HEAD request) to say what it
//   saved; a tap asks for the photo with ?muat=1.
// - The store keeps at most SETELAN.halamanMaks pages and SETELAN.bitaMaks
//   bytes (pages and the photos of saved pages); the oldest page that was
//   only opened goes first, then the oldest saved one.
const AWALAN = `luring:${SETELAN.akar}:`;
const ASET = `${AWALAN}aset:${SETELAN.versi}`;
// Kept pages and saved photos: across versions, the reader's own.
const HALAMAN = `${AWALAN}halaman:1`;
// What is kept (inside HALAMAN): pages, photos' sizes, the reader's choice.
const INDEKS = `${SETELAN.akar}luring/indeks.json`;
const MUAT = "muat";
// "12 Juni 2026 pukul 08.15", as the phone's clock says.
const TANGGAL = new Intl.DateTimeFormat("id-ID", { dateStyle: "long", timeStyle: "short" });

// -- installing a version ------------------------------------------------------

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(ASET).then((cache) => cache.addAll(SETELAN.aset))
    .then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const nama of await caches.keys()) {
      if (nama.startsWith(`${AWALAN}aset:`) && nama !== ASET) {
        await bawaAset(nama);
        await caches.delete(nama);
      }
    }
    await self.clients.claim();
    // The page that installed the worker is kept too (from the browser's
    // cache): a reader who came by a shared link can read it again offline.
    for (const klien of await self.clients.matchAll({ type: "window" })) {
      const alamat = new URL(klien.url);
      if (disimpan(alamat)) {
        const jawaban = await fetch(alamat.origin + alamat.pathname).catch(() => null);
        if (jawaban && jawaban.ok) await antre(() => simpanHalaman(halamanDari(klien.url), jawaban));
      }
    }
  })());
});

// What a reader had of an older version, in this version's store: the
// stylesheets the kept pages link (their names carry a hash of their
// content, so a kept page keeps its own look) and the pictures, as they
// are now when there is signal. Scripts are fetched when a page runs them.
async function bawaAset(nama) {
  const lama = await caches.open(nama);
  const baru = await caches.open(ASET);
  const perlu = new Set(Object.values((await bacaIndeks()).halaman).flatMap((isi) => isi.lembar));
  for (const permintaan of await lama.keys()) {
    const gambar = /\.(svg|png|webp|jpe?g|gif)$/.test(permintaan.url);
    if ((!gambar && !perlu.has(permintaan.url)) || await baru.match(permintaan)) continue;
    const kini = gambar && await fetch(permintaan).catch(() => null);
    await baru.put(permintaan, kini && kini.ok ? kini : await lama.match(permintaan));
  }
}

// -- requests ----------------------------------------------------------------------

self.addEventListener("fetch", (event) => {
  const permintaan = event.request;
  if (permintaan.method !== "GET") return;
  const alamat = new URL(permintaan.url);
  if (alamat.origin !== location.origin || !alamat.pathname.startsWith(SETELAN.akar) ||
      SETELAN.lewati.some((awal) => alamat.pathname.startsWith(awal))) return;
  if (permintaan.mode === "navigate") event.respondWith(halaman(event, alamat));
  else if (alamat.pathname.startsWith(SETELAN.tema)) event.respondWith(aset(permintaan));
  else if (permintaan.destination === "image") event.respondWith(foto(event, alamat));
});

// Pages kept as they are opened: not a search, not the offline page itself.
function disimpan(alamat) {
  return alamat.origin === location.origin && alamat.pathname.startsWith(SETELAN.akar) &&
    !alamat.search && alamat.pathname !== SETELAN.cari && alamat.pathname !== SETELAN.luring &&
    !SETELAN.lewati.some((awal) => alamat.pathname.startsWith(awal));
}

async function halaman(event, alamat) {
  const kunci = alamat.origin + alamat.pathname;
  const pencarian = alamat.pathname === SETELAN.cari;
  try {
    // Asked of the site even when the browser's cache holds it: a page
    // that comes without signal must be the kept one, with its line.
    const jawaban = await fetch(event.request, { cache: "no-cache" });
    const jenis = jawaban.headers.get("Content-Type") || "";
    if (jawaban.ok && jawaban.type === "basic" && disimpan(alamat) &&
        jenis.startsWith("text/html")) {
      event.waitUntil(antre(() => simpanHalaman(kunci, jawaban.clone())));
    }
    if (!lengkap) event.waitUntil(lengkapi().catch(() => {}));
    return jawaban;
  } catch (galat) {
    if (!pencarian) {
      const tersimpan = await caches.match(kunci, { cacheName: HALAMAN });
      if (tersimpan) return denganCatatan(tersimpan);
    }
    const luring = await caches.match(SETELAN.luring, { cacheName: ASET });
    if (luring) return luring;
    throw galat;
  }
}

// The offline page and its scripts, fetched with the reader's second page:
// a first visit costs only the worker (install takes what the page loaded).
let lengkap = false;
async function lengkapi() {
  const cache = await caches.open(ASET);
  for (const url of SETELAN.nanti) {
    if (!(await cache.match(url))) await cache.add(url);
  }
  lengkap = true;
}

// The kept page with the line that says it is a kept copy.
async function denganCatatan(jawaban) {
  const waktu = tanggal(Number(jawaban.headers.get("X-Luring-Disimpan")));
  const catatan = `<p class="notice luring-catatan" role="status">Disimpan ${waktu}; ` +
    "Anda sedang luring.</p>";
  const teks = await jawaban.text();
  const tempat = /<main\b[^>]*>/.test(teks) ? /<main\b[^>]*>/ : /<body\b[^>]*>/;
  return new Response(teks.replace(tempat, (tanda) => tanda + catatan),
    { headers: { "Content-Type": "text/html; charset=utf-8" } });
}

async function aset(permintaan) {
  const cache = await caches.open(ASET);
  const ada = await cache.match(permintaan);
  if (ada) return ada;
  const jawaban = await fetch(permintaan);
  if (jawaban.ok) await cache.put(permintaan, jawaban.clone());
  return jawaban;
}

async function foto(event, alamat) {
  if (alamat.searchParams.has(MUAT)) {
    alamat.searchParams.delete(MUAT);
    return fetch(alamat.href).catch(gambarPengganti);
  }
  const tersimpan = await caches.match(alamat.href, { cacheName: HALAMAN });
  if (tersimpan) return tersimpan;
  if (event.request.headers.get("Save-Data") === "on" || (await bacaIndeks()).hemat) {
    event.waitUntil(laporFotoDitunda(event.clientId, alamat.href));
    return gambarPengganti();
  }
  return fetch(event.request).catch(gambarPengganti);
}

// A flat box in the theme's border colour, faint on light and dark pages;
// the image's own width and height keep the layout.
function gambarPengganti() {
  return new Response('<svg xmlns="http://www.w3.org/2000/svg" width="320" height="240" ' +
    `preserveAspectRatio="none"><rect width="320" height="240" fill="${SETELAN.warna}" ` +
    'fill-opacity=".3"/></svg>', { headers: { "Content-Type": "image/svg+xml" } });
}

// The page says how much it saved: the photo's size, from its headers only.
async function laporFotoDitunda(klienId, href) {
  let bita = 0;
  try {
    bita = Number((await fetch(href, { method: "HEAD" })).headers.get("Content-Length")) || 0;
  } catch {
    // offline: counted without its size
  }
  const klien = klienId && await self.clients.get(klienId);
  if (klien) klien.postMessage({ jenis: "foto-ditunda", url: href, bita });
}

// -- the store ---------------------------------------------------------------------

// Changes to the index run one after the other (one worker, one queue).
let antrean = Promise.resolve();
function antre(tugas) {
  const hasil = antrean.then(tugas);
  antrean = hasil.catch(() => {});
  return hasil;
}

// Read once per start of the worker; one object that every change edits.
let indeks = null;
let indeksDibaca = null;
function bacaIndeks() {
  indeksDibaca = indeksDibaca || (async () => {
    const tersimpan = await caches.match(INDEKS, { cacheName: HALAMAN });
    indeks = tersimpan ? await tersimpan.json() : { halaman: {}, foto: {}, hemat: false };
    return indeks;
  })();
  return indeksDibaca;
}

async function tulisIndeks() {
  const cache = await caches.open(HALAMAN);
  await cache.put(INDEKS, new Response(JSON.stringify(indeks),
    { headers: { "Content-Type": "application/json" } }));
}

// Keeps a page (`foto`: the photos of a page the reader saved, with
// `ukuran` their sizes) and drops the oldest beyond the ceiling. In the queue.
async function simpanHalaman(kunci, jawaban, foto = null, ukuran = {}) {
  const badan = await jawaban.arrayBuffer();
  const sekarang = Date.now();
  const cache = await caches.open(HALAMAN);
  await cache.put(kunci, new Response(badan, { headers: {
    "Content-Type": "text/html; charset=utf-8", "X-Luring-Disimpan": String(sekarang) } }));
  const semua = await bacaIndeks();
  const lama = semua.halaman[kunci] || {};
  const teks = new TextDecoder().decode(badan);
  Object.assign(semua.foto, ukuran);
  semua.halaman[kunci] = { t: sekarang, b: badan.byteLength, judul: judul(teks),
    simpan: Boolean(lama.simpan || foto), gambar: foto || lama.gambar || [],
    // its stylesheets, kept while it is (bawaAset)
    lembar: [...teks.matchAll(/href="([^"]+\.css)"/g)].map((isi) => new URL(isi[1], kunci).href) };
  await batasi(semua, cache);
  await tulisIndeks();
}

function besar(semua) {
  const halaman = Object.values(semua.halaman);
  const foto = new Set(halaman.flatMap((isi) => isi.gambar));
  return halaman.reduce((jumlah, isi) => jumlah + isi.b, 0) +
    [...foto].reduce((jumlah, href) => jumlah + (semua.foto[href] || 0), 0);
}

async function batasi(semua, cache) {
  const urutan = Object.entries(semua.halaman)
    .sort(([, a], [, b]) => (a.simpan - b.simpan) || (a.t - b.t));
  for (const [kunci] of urutan) {
    if (Object.keys(semua.halaman).length <= SETELAN.halamanMaks &&
        besar(semua) <= SETELAN.bitaMaks) break;
    delete semua.halaman[kunci];
    await cache.delete(kunci);
    const dipakai = new Set(Object.values(semua.halaman).flatMap((isi) => isi.gambar));
    for (const href of Object.keys(semua.foto)) {
      if (!dipakai.has(href)) {
        delete semua.foto[href];
        await cache.delete(href);
      }
    }
  }
}

// -- what pages ask --------------------------------------------------------------

self.addEventListener("message", (event) => {
  const pesan = event.data || {};
  const tugas = TUGAS.get(pesan.jenis);
  const balas = (data) => { if (event.ports[0]) event.ports[0].postMessage(data); };
  if (tugas) event.waitUntil(tugas(pesan).then(balas, () => balas({ gagal: true })));
});

const TUGAS = new Map([
  ["hemat", (pesan) => antre(async () => {
    (await bacaIndeks()).hemat = Boolean(pesan.nyala);
    await tulisIndeks();
    return { hemat: indeks.hemat };
  })],
  ["simpan", simpanUntukNanti],
  ["daftar", async () => ({ halaman: await daftar() })],
]);

function halamanDari(url) {
  const alamat = new URL(url, location.href);
  return alamat.origin + alamat.pathname;
}

// "Simpan untuk dibaca nanti": the page as it is now, with its photos.
async function simpanUntukNanti(pesan) {
  const kunci = halamanDari(pesan.url);
  if (!kunci.startsWith(location.origin + SETELAN.akar)) return { gagal: true };
  let jawaban = await fetch(kunci).catch(() => null);
  if (!jawaban || !jawaban.ok) jawaban = await caches.match(kunci, { cacheName: HALAMAN });
  if (!jawaban) return { gagal: true };
  const cache = await caches.open(HALAMAN);
  const foto = [];
  const ukuran = {};
  for (const src of new Set(pesan.gambar || [])) {
    const alamat = new URL(src, kunci);
    alamat.searchParams.delete(MUAT);
    if (alamat.origin !== location.origin || alamat.pathname.startsWith(SETELAN.tema)) continue;
    const ada = await cache.match(alamat.href);
    const isi = ada ? null : await fetch(alamat.href).catch(() => null);
    if (isi && isi.ok) {
      const badan = await isi.arrayBuffer();
      await cache.put(alamat.href, new Response(badan, { headers: {
        "Content-Type": isi.headers.get("Content-Type") || "application/octet-stream" } }));
      ukuran[alamat.href] = badan.byteLength;
    }
    if (ada || (isi && isi.ok)) foto.push(alamat.href);
  }
  return antre(async () => {
    await simpanHalaman(kunci, jawaban, foto, ukuran);
    const isi = indeks.halaman[kunci];
    if (!isi) return { gagal: true, terlaluBesar: true };
    const bita = isi.b + isi.gambar.reduce((jumlah, href) => jumlah + (indeks.foto[href] || 0), 0);
    return { tersimpan: true, waktu: tanggal(isi.t), bita };
  });
}

async function daftar() {
  return Object.entries((await bacaIndeks()).halaman)
    .sort(([, a], [, b]) => b.t - a.t)
    .map(([url, isi]) => ({ url, judul: isi.judul, waktu: tanggal(isi.t), simpan: isi.simpan }));
}

// -- text ------------------------------------------------------------------------

// A page's title as its <title> says it (Jinja escapes these five).
function judul(html) {
  const isi = html.match(/<title>([\s\S]*?)<\/title>/);
  const tanda = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&#34;": "\"", "&#39;": "'" };
  return isi ? isi[1].replace(/&(amp|lt|gt|#34|#39);/g, (kode) => tanda[kode])
    .replace(` — ${SETELAN.situs}`, "").trim() : "";
}

function tanggal(waktu) {
  return TANGGAL.format(waktu);
}
