// Readable without signal (plugins/portal/output/offline.py), on every
// page: registers the service worker once the page has loaded, offers the
// "Hemat data" switch (remembered on the phone) and "Simpan untuk dibaca
// nanti". The rest loads only when used: luring-simpan.js on a press,
// luring-hemat.js when the worker held a photo back, luring-halaman.js on
// /luring/. Without script every page is the plain page it always was.
// LURING (written above this by offline.py): the worker's and /luring/'s addresses.
const skrip = document.currentScript;
const HEMAT = "portal-hemat-data"; // localStorage: the reader's own choice
const saveData = Boolean(navigator.connection && navigator.connection.saveData);

function pilihan() {
  try {
    return localStorage.getItem(HEMAT) === "ya";
  } catch {
    return false;
  }
}

// Low-data mode: no map by itself; /peta/ waits for its button too (this
// runs before peta.js, which loads a map marked data-load="now" at once).
if (pilihan() || saveData) {
  document.querySelectorAll("[data-module='peta'][data-load='now']")
    .forEach((peta) => peta.removeAttribute("data-load"));
}

if ("serviceWorker" in navigator) {
  const pekerja = navigator.serviceWorker;
  const modul = (nama) => import(new URL(`${nama}.js`, skrip.src).href);
  pekerja.onmessage = (event) => modul("luring-hemat").then((hemat) => hemat.terima(event.data));
  addEventListener("load", () => {
    // Its scope is its folder, the site's root.
    pekerja.register(LURING.pekerja).catch(() => {});
  });

  // The manifest (what Chromium reads to offer installing) from the second
  // page on, once the worker controls the page: linked in every page, it
  // made the browser fetch the manifest and an icon on a first visit, half
  // of what the feature added to it (docs/performance.md).
  if (pekerja.controller) {
    const manifest = document.createElement("link");
    manifest.rel = "manifest";
    manifest.href = LURING.manifest;
    document.head.append(manifest);
  }

  // "Hemat data" and the kept pages, after the footer's links.
  const kaki = document.querySelector("footer nav");
  if (kaki) {
    const tempat = document.createElement("div");
    tempat.className = "luring";
    const kotak = document.createElement("input");
    kotak.type = "checkbox";
    kotak.checked = pilihan() || saveData;
    kotak.disabled = saveData;
    const label = document.createElement("label");
    label.append(kotak, " Hemat data: foto dan peta dimuat hanya bila diketuk");
    const keterangan = document.createElement("span");
    keterangan.setAttribute("role", "status");
    keterangan.textContent = saveData ? " (diminta oleh pengaturan peramban Anda)" : "";
    kotak.addEventListener("change", () => {
      try {
        if (kotak.checked) localStorage.setItem(HEMAT, "ya");
        else localStorage.removeItem(HEMAT);
      } catch {
        // storage refused: the worker still remembers it
      }
      pekerja.ready.then((daftar) => daftar.active.postMessage({ jenis: "hemat", nyala: kotak.checked }));
      keterangan.textContent = ` ${kotak.checked ? "Aktif" : "Mati"} mulai halaman berikutnya.`;
    });
    const tautan = document.createElement("a");
    tautan.href = LURING.halaman;
    tautan.textContent = "Halaman tersimpan untuk dibaca tanpa sinyal";
    const baris = [document.createElement("p"), document.createElement("p")];
    baris[0].append(label, keterangan);
    baris[1].append(tautan);
    tempat.append(...baris);
    kaki.after(tempat);
  }

  const simpan = document.querySelector("[data-simpan]");
  if (simpan) {
    const tombol = document.createElement("button");
    tombol.type = "button";
    tombol.className = "button";
    tombol.textContent = "Simpan untuk dibaca nanti";
    tombol.addEventListener("click", () => {
      modul("luring-simpan").then((modulSimpan) => modulSimpan.simpan(simpan, LURING.halaman));
    });
    simpan.append(tombol);
    simpan.hidden = false;
  }
}
