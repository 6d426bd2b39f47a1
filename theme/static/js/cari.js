// Search for /cari/: reads the form (q, jenis, kecamatan), asks the Pagefind
// index, and lists the results. Loaded only on this page, as a module, so
// every other page stays free of script. Without it the form and the links
// in [data-search-nojs] remain.
import { el, excerptNodes } from "./cuplikan.js";

const form = document.querySelector("[data-module='cari']");
const SHOWN = 20;

// What the hit is and where: the filters every indexed page carries
// (components/search_meta.html), so a reader tells a KIM from a potensi or
// a news article before opening it.
function kindNodes(filters) {
  const line = el("p", "search__kind");
  const jenis = (filters.jenis || [])[0];
  if (jenis) line.append(el("span", "search__type", jenis));
  const kecamatan = filters.kecamatan || [];
  if (kecamatan.length) line.append(` Kecamatan ${kecamatan.join(", ")}`);
  return line;
}

function fill(item, data) {
  const heading = el("h2", "search__title");
  const link = el("a", "", data.meta.title || data.url);
  link.href = data.url;
  heading.append(link);
  item.append(heading, kindNodes(data.filters || {}), excerptNodes(data));
}

// Pagefind's program and index, started as soon as the page runs: its
// WebAssembly and the index's entry file are asked for now (preloads that
// Pagefind's own requests then take) instead of after pagefind.js and its
// worker have arrived. On a slow connection this saves four round trips
// (docs/performance.md). The entry's cache tag is the time, as Pagefind's
// own, so a new index is seen at once.
function startLoading() {
  const cacheTag = String(Date.now());
  const bundle = new URL(form.dataset.pagefind, window.location.href);
  for (const file of [`wasm.${document.documentElement.lang}.pagefind`,
    `pagefind-entry.json?ts=${cacheTag}`]) {
    const hint = document.createElement("link");
    hint.rel = "preload";
    hint.as = "fetch";
    hint.crossOrigin = "anonymous";
    hint.href = new URL(file, bundle).href;
    document.head.append(hint);
  }
  return { cacheTag, pagefind: import(form.dataset.pagefind) };
}

async function run() {
  const params = new URLSearchParams(window.location.search);
  const query = (params.get("q") || "").trim();
  const loading = query ? startLoading() : null;
  const filters = {};
  for (const name of ["jenis", "kecamatan"]) {
    const value = params.get(name) || "";
    form.elements[name].value = value;
    if (value) filters[name] = value;
  }
  form.elements.q.value = query;
  document.querySelector("[data-search-nojs]").hidden = true;
  const status = document.querySelector("[data-search-status]");
  const list = document.querySelector("[data-search-results]");
  if (!query) {
    // Come from a phone's header button (a search without words): ready to type.
    status.textContent = "Tulis kata yang dicari, lalu tekan Cari.";
    form.elements.q.focus();
    return;
  }
  status.textContent = "Mencari…";
  const pagefind = await loading.pagefind;
  // In the page rather than a worker: the worker's script would be one more
  // round trip before the first result, and the preloads are the page's.
  await pagefind.options({ baseUrl: form.dataset.baseUrl, noWorker: true,
    metaCacheTag: loading.cacheTag });
  // A large site is indexed in parts (search.py); search them as one.
  for (const bundle of (form.dataset.merge || "").split(" ").filter(Boolean)) {
    await pagefind.mergeIndex(bundle, { baseUrl: form.dataset.baseUrl });
  }
  const search = await pagefind.search(query, { filters });
  const shown = search.results.slice(0, SHOWN);
  // Every result's text is asked for at once; each is shown as soon as it
  // and those above it have arrived, so the first appears without waiting
  // for the others and nothing already shown moves.
  const pending = shown.map((result) => result.data());
  const items = shown.map(() => el("li", "search__result"));
  list.replaceChildren();
  for (const [index, item] of items.entries()) {
    fill(item, await pending[index]);
    list.append(item);
  }
  const total = search.results.length;
  status.textContent = total
    ? `${total} hasil untuk “${query}”${total > SHOWN ? ` (${SHOWN} teratas ditampilkan)` : ""}.`
    : `Tidak ada hasil untuk “${query}”. Coba kata lain atau hapus saringan.`;
  offerArchive(query, filters, list);
}

// Older news of a large site are a separate index (search.py), searched
// only when the reader asks: each bundle's pagefind.js is its own module,
// so the archive is a second Pagefind beside the first. Its results follow
// the others under their own heading. Only news are there, so a search
// limited to another kind is not offered it.
const NEWS_KINDS = ["Berita", "Cek Fakta"];

function offerArchive(query, filters, list) {
  const offer = document.querySelector("[data-search-archive]");
  const bundles = (form.dataset.arsip || "").split(" ").filter(Boolean);
  if (!offer || !bundles.length || (filters.jenis && !NEWS_KINDS.includes(filters.jenis))) {
    return;
  }
  offer.hidden = false;
  const button = offer.querySelector("button");
  button.addEventListener("click", async () => {
    button.disabled = true;
    button.textContent = "Mencari di berita lama…";
    try {
      const archive = await import(`${bundles[0]}pagefind.js`);
      await archive.options({ baseUrl: form.dataset.baseUrl, noWorker: true });
      for (const bundle of bundles.slice(1)) {
        await archive.mergeIndex(bundle, { baseUrl: form.dataset.baseUrl });
      }
      const search = await archive.search(query, { filters });
      const shown = search.results.slice(0, SHOWN);
      const pending = shown.map((result) => result.data());
      const heading = el("li", "search__group");
      heading.append(el("h2", "", `Dari berita lama: ${search.results.length} hasil` +
        (search.results.length > SHOWN ? ` (${SHOWN} teratas ditampilkan)` : "")));
      list.append(heading);
      for (const data of pending) {
        const item = el("li", "search__result");
        fill(item, await data);
        list.append(item);
      }
      offer.hidden = true;
    } catch {
      button.disabled = false;
      button.textContent = "Coba lagi mencari di berita lama";
    }
  });
}

if (form) {
  run().catch(() => {
    document.querySelector("[data-search-nojs]").hidden = false;
    document.querySelector("[data-search-status]").textContent =
      "Pencarian tidak dapat dimuat. Silakan telusuri lewat tautan di atas.";
  });
}
