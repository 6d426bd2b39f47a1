// Low-data mode (luring.js): the service worker answered a photo with its
// placeholder and said how large the photo is; the page says what it saved,
// and a tap (or "Muat semua foto") loads the photo after all.
import { el, kb } from "./luring-alat.js";

const MUAT = "muat"; // the worker lets a photo asked for with ?muat=1 through
const ditunda = new Map(); // photo address -> its size in bytes (0: unknown)

function sumber(img) {
  return img.currentSrc || img.src;
}

function dengan(alamat) {
  const url = new URL(alamat, location.href);
  url.searchParams.set(MUAT, "1");
  return url.href;
}

function muat(img) {
  ditunda.delete(sumber(img));
  img.classList.remove("foto-tunda");
  if (img.srcset) {
    img.srcset = img.srcset.split(",").map((calon) => {
      const [alamat, ...lebar] = calon.trim().split(/\s+/);
      return [dengan(alamat), ...lebar].join(" ");
    }).join(", ");
  }
  img.src = dengan(img.getAttribute("src"));
  catatan();
}

function catatan() {
  let baris = document.querySelector(".luring-hemat");
  if (!baris) {
    baris = el("p", "notice luring-hemat");
    baris.setAttribute("role", "status");
    const tombol = el("button", "button", "Muat semua foto");
    tombol.type = "button";
    tombol.addEventListener("click", () => document.querySelectorAll("img.foto-tunda").forEach(muat));
    baris.append(el("span"), " ", tombol);
    (document.querySelector("main") || document.body).prepend(baris);
  }
  const bita = [...ditunda.values()].reduce((jumlah, satu) => jumlah + satu, 0);
  baris.hidden = ditunda.size === 0;
  baris.firstChild.textContent = `Hemat data: ${ditunda.size} foto belum dimuat` +
    (bita ? `, hemat ${kb(bita)}` : "") + ". Ketuk foto untuk memuatnya.";
}

export function terima(pesan) {
  if (!pesan || pesan.jenis !== "foto-ditunda") return;
  ditunda.set(pesan.url, pesan.bita || 0);
  for (const img of document.images) {
    if (sumber(img) === pesan.url) img.classList.add("foto-tunda");
  }
  catatan();
}

document.addEventListener("click", (event) => {
  const img = event.target.closest && event.target.closest("img.foto-tunda");
  if (!img) return;
  event.preventDefault(); // a photo in a card's link: the tap loads it
  muat(img);
}, true);
