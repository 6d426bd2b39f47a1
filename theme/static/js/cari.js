// Search for /cari/: reads the form (q, jenis, kecamatan), asks the Pagefind
// index, and lists the results. Loaded only on this page, as a module, so
// every other page stays free of script. Without it the form and the links
// in [data-search-nojs] remain.
const form = document.querySelector("[data-module='cari']");

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// Pagefind marks matches with <mark>; rebuild them as nodes instead of
// trusting the excerpt as HTML.
function excerptNodes(excerpt) {
  const paragraph = el("p", "search__excerpt");
  excerpt.split(/(<mark>.*?<\/mark>)/).forEach((part) => {
    const match = part.match(/^<mark>(.*)<\/mark>$/);
    const text = (match ? match[1] : part).replace(/<[^>]*>/g, "");
    paragraph.append(match ? el("mark", "", text) : document.createTextNode(text));
  });
  return paragraph;
}

async function run() {
  const params = new URLSearchParams(window.location.search);
  const query = (params.get("q") || "").trim();
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
    status.textContent = "Tulis kata yang dicari, lalu tekan Cari.";
    return;
  }
  status.textContent = "Mencari…";
  const pagefind = await import(form.dataset.pagefind);
  await pagefind.options({ baseUrl: form.dataset.baseUrl });
  // A large site is indexed in parts (search.py); search them as one.
  for (const bundle of (form.dataset.merge || "").split(" ").filter(Boolean)) {
    await pagefind.mergeIndex(bundle, { baseUrl: form.dataset.baseUrl });
  }
  const search = await pagefind.search(query, { filters });
  const results = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
  list.replaceChildren(...results.map((data) => {
    const item = el("li", "search__result");
    const heading = el("h2", "search__title");
    const link = el("a", "", data.meta.title || data.url);
    link.href = data.url;
    heading.append(link);
    item.append(heading, excerptNodes(data.excerpt || ""));
    return item;
  }));
  const total = search.results.length;
  status.textContent = total
    ? `${total} hasil untuk “${query}”${total > 20 ? " (20 teratas ditampilkan)" : ""}.`
    : `Tidak ada hasil untuk “${query}”. Coba kata lain atau hapus saringan.`;
}

if (form) {
  run().catch(() => {
    document.querySelector("[data-search-nojs]").hidden = false;
    document.querySelector("[data-search-status]").textContent =
      "Pencarian tidak dapat dimuat. Silakan telusuri lewat tautan di atas.";
  });
}
