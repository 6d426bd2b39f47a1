// "Simpan untuk dibaca nanti" (luring.js): the service worker keeps this
// page with its photos, listed under "Tersimpan" on /luring/.
import { el, kb, tanya } from "./luring-alat.js";

// The photos as this phone shows them: lazy ones are loaded first (in
// low-data mode the worker answers with its placeholder), so the address
// each one uses is known; the worker fetches the photos themselves.
async function foto() {
  const semua = [...document.images];
  await Promise.all(semua.filter((img) => !img.complete).map((img) => new Promise((selesai) => {
    img.addEventListener("load", selesai, { once: true });
    img.addEventListener("error", selesai, { once: true });
    setTimeout(selesai, 5000);
    img.loading = "eager";
  })));
  return semua.map((img) => img.currentSrc || img.src).filter(Boolean);
}

export async function simpan(kotak, alamatLuring) {
  const tombol = kotak.querySelector("button");
  let status = kotak.querySelector("[role='status']");
  if (!status) {
    status = el("span", "", "");
    status.setAttribute("role", "status");
    kotak.append(" ", status);
  }
  if (tombol.disabled) return;
  tombol.disabled = true;
  status.textContent = "Menyimpan…";
  if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(() => {});
  const jawab = await tanya({ jenis: "simpan", url: location.href, gambar: await foto() });
  tombol.disabled = false;
  if (jawab && jawab.tersimpan) {
    const tautan = el("a", "", "Lihat halaman tersimpan");
    tautan.href = alamatLuring;
    status.replaceChildren(`Tersimpan ${jawab.waktu} (${kb(jawab.bita)}), dapat dibaca tanpa ` +
      "sinyal. ", tautan);
  } else {
    status.textContent = jawab && jawab.terlaluBesar
      ? "Halaman ini terlalu besar untuk disimpan di ponsel ini."
      : "Belum dapat disimpan. Coba lagi saat ada sinyal.";
  }
}
