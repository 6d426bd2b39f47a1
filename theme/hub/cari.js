// Search across the hub's portals (/cari/ of a hub: plugins/portal/hub/).
// The hub's own Pagefind bundle holds no pages; each chosen portal's
// bundles (its <option>'s data-bundel) are merged into it in the browser
// with Pagefind's mergeIndex, each with the portal's address as the base of
// its results' links, so every result opens on its own portal. A portal
// that does not answer is left out and named; the others are still
// searched. Without script the page lists each portal's own search.

// Published beside this script by the hub (plugins/portal/hub/build.py):
// the portal's own excerpts, so a result reads the same on the hub.
import { el, excerptNodes } from "./cuplikan.js";

const form = document.querySelector("[data-module='hub-cari']");
// Results shown at a time: each shown result downloads its text (a
// fragment of its portal's index), so the rest wait for a press.
const SHOWN = 10;

// The portal a result comes from: the longest address its link starts with.
function portalOf(url, portals) {
  return portals.filter((portal) => url.startsWith(`${portal.address}/`))
    .sort((a, b) => b.address.length - a.address.length)[0];
}

function fill(item, data, portals) {
  const heading = el("h2", "search__title");
  const link = el("a", "", data.meta.title || data.url);
  link.href = data.url;
  link.rel = "noopener";
  heading.append(link);
  const line = el("p", "search__kind");
  const jenis = ((data.filters || {}).jenis || [])[0];
  if (jenis) line.append(el("span", "search__type", jenis));
  const portal = portalOf(data.url, portals);
  if (portal) line.append(` ${portal.name}`);
  item.append(heading, line, excerptNodes(data));
}

// A portal's bundles are merged only once their entry file answers: a
// bundle Pagefind cannot load would make the whole search fail. Pagefind
// then asks for the same address (its cache tag is ours), which the
// browser can answer from its cache.
async function merge(pagefind, portal, cacheTag) {
  for (const bundle of portal.bundles) {
    const answer = await fetch(new URL(`pagefind-entry.json?ts=${cacheTag}`, bundle));
    if (!answer.ok) throw new Error(`${bundle}: ${answer.status}`);
  }
  for (const bundle of portal.bundles) {
    await pagefind.mergeIndex(bundle, { baseUrl: `${portal.address}/`, metaCacheTag: cacheTag });
  }
}

async function run() {
  const params = new URLSearchParams(window.location.search);
  const query = (params.get("q") || "").trim();
  const chosen = params.get("portal") || "";
  const filters = {};
  const jenis = params.get("jenis") || "";
  if (jenis) filters.jenis = jenis;
  form.elements.q.value = query;
  form.elements.portal.value = chosen;
  form.elements.jenis.value = jenis;
  document.querySelector("[data-search-nojs]").hidden = true;
  const status = document.querySelector("[data-search-status]");
  const list = document.querySelector("[data-search-results]");
  if (!query) {
    status.textContent = "Tulis kata yang dicari, lalu tekan Cari.";
    return;
  }
  const portals = [...form.elements.portal.options]
    .filter((option) => option.value && (!chosen || option.value === chosen))
    .map((option) => ({ name: option.textContent, address: option.dataset.alamat,
      bundles: option.dataset.bundel.split(" ").filter(Boolean) }));
  status.textContent = "Mencari…";
  const pagefind = await import(form.dataset.pagefind);
  await pagefind.options({ baseUrl: form.dataset.baseUrl, noWorker: true });
  const failed = [];
  const cacheTag = String(Date.now());
  await Promise.all(portals.map((portal) => merge(pagefind, portal, cacheTag)
    .catch(() => failed.push(portal.name))));
  const search = await pagefind.search(query, { filters });
  const searched = portals.length - failed.length;
  const total = search.results.length;
  const missing = failed.length
    ? ` ${failed.sort().join(", ")} tidak dapat dihubungi dan tidak ikut dicari.` : "";
  status.textContent = (total
    ? `${total} hasil untuk “${query}” dari ${searched} portal.`
    : `Tidak ada hasil untuk “${query}” di ${searched} portal. Coba kata lain atau hapus saringan.`)
    + missing;
  list.replaceChildren();
  const more = document.querySelector("[data-search-more]");
  let shown = 0;
  async function showNext() {
    const next = search.results.slice(shown, shown + SHOWN);
    shown += next.length;
    // Every result's text is asked for at once; each is shown in order.
    const pending = next.map((result) => result.data());
    for (const data of pending) {
      const item = el("li", "search__result");
      fill(item, await data, portals);
      list.append(item);
    }
    more.hidden = shown >= total;
  }
  more.querySelector("button").addEventListener("click", showNext);
  await showNext();
}

if (form) {
  run().catch(() => {
    document.querySelector("[data-search-nojs]").hidden = false;
    document.querySelector("[data-search-status]").textContent =
      "Pencarian tidak dapat dimuat. Silakan cari di portalnya masing-masing lewat tautan di atas.";
  });
}
