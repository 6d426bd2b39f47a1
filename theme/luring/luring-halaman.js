// The offline page, /luring/ (theme/templates/luring.html): what this phone
// keeps of the portal, and search over it. The service worker also shows
// this page in place of a page the phone does not keep while there is no
// signal, and in place of /cari/, where it searches the kept pages.
import { el, tanya } from "./luring-alat.js";

const akar = document.querySelector("[data-luring-halaman]");
const status = akar.querySelector("[data-luring-status]");
const hasil = akar.querySelector("[data-luring-hasil]");
const form = akar.querySelector("[data-luring-cari]");
const jalur = (alamat) => new URL(alamat, location.href).pathname;
const pencarian = location.pathname === jalur(akar.dataset.cari);

function butir(isi, cuplikan) {
  const item = el("li");
  const tautan = el("a", "", isi.judul || isi.url);
  tautan.href = isi.url;
  item.append(tautan, ` — disimpan ${isi.waktu}`);
  if (cuplikan) item.append(el("br"), cuplikan);
  return item;
}

// A kept page's own text (its <main>), read from the worker's store.
async function teks(url) {
  const jawaban = await caches.match(url);
  if (!jawaban) return "";
  const halaman = new DOMParser().parseFromString(await jawaban.text(), "text/html");
  return (halaman.querySelector("main") || halaman.body).textContent.replace(/\s+/g, " ").trim();
}

// Every word, in the kept pages' titles and text.
async function cari(kata, halaman) {
  status.textContent = "Mencari…";
  const kataKata = kata.toLowerCase().split(/\s+/).filter(Boolean);
  const temuan = [];
  for (const isi of halaman) {
    const isiTeks = await teks(isi.url);
    const dalam = `${isi.judul} ${isiTeks}`.toLowerCase();
    if (kataKata.every((satu) => dalam.includes(satu))) {
      const mulai = Math.max(0, isiTeks.toLowerCase().indexOf(kataKata[0]) - 60);
      temuan.push(butir(isi, `${mulai ? "…" : ""}${isiTeks.slice(mulai, mulai + 180)}…`));
    }
  }
  hasil.replaceChildren(...temuan);
  status.textContent = `${temuan.length} hasil untuk “${kata}” di ${halaman.length} halaman ` +
    "yang tersimpan di ponsel ini." + (temuan.length ? "" : " Pencarian di seluruh portal " +
    "memerlukan sambungan internet.");
}

async function mulai() {
  // Shown by the worker in place of a page this phone does not keep.
  if (location.pathname !== jalur(akar.dataset.luring)) {
    akar.querySelector("[data-luring-judul]").textContent = "Anda sedang luring";
    akar.querySelector("[data-luring-keterangan]").textContent = pencarian
      ? "Pencarian di seluruh portal memerlukan sambungan internet. Tanpa sinyal, pencarian " +
        "hanya mencari di halaman yang tersimpan di ponsel ini."
      : "Halaman ini belum tersimpan di ponsel ini. Bukalah lagi saat ada sinyal; " +
        "sementara itu, halaman di bawah ini dapat dibaca.";
  }
  const jawab = await tanya({ jenis: "daftar" });
  const halaman = (jawab && jawab.halaman) || [];
  for (const [jenis, simpan] of [["simpan", true], ["buka", false]]) {
    const daftar = akar.querySelector(`[data-luring-daftar='${jenis}']`);
    const isi = halaman.filter((satu) => satu.simpan === simpan);
    daftar.replaceChildren(...(isi.length ? isi.map((satu) => butir(satu)) : [el("li", "",
      simpan ? "Belum ada. Tekan “Simpan untuk dibaca nanti” di halaman berita, KIM atau potensi."
        : "Belum ada.")]));
    daftar.closest("[data-luring-bagian]").hidden = false;
  }
  form.hidden = false;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const kata = form.elements.q.value.trim();
    if (kata) cari(kata, halaman);
  });
  const kata = (new URLSearchParams(location.search).get("q") || "").trim();
  if (pencarian && kata) {
    form.elements.q.value = kata;
    cari(kata, halaman);
  }
}

if ("serviceWorker" in navigator) mulai();
