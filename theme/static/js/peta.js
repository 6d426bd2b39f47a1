// Loads the maps of /peta/, KIM and potensi pages on demand. Leaflet is
// about 42 KB compressed plus its tiles; on KIM and potensi pages the map
// sits below the fold, so it loads only when the reader scrolls it into
// view or presses "Tampilkan peta" (with Save-Data on, only on the press).
// Until then the page requests nothing for it: no Leaflet, no tile, no
// request to the tile server. /peta/ (data-load="now") loads at once.
// The placeholder (coordinates) stays if anything fails, with a message.
const boxes = document.querySelectorAll("[data-module='peta']");
let leaflet = null; // one load of Leaflet for every map of the page

function loaded(element) {
  return new Promise((resolve, reject) => {
    element.addEventListener("load", resolve, { once: true });
    element.addEventListener("error", reject, { once: true });
  });
}

// Script and stylesheet are added from here, not written in the page, so
// that nothing of Leaflet is fetched before it is wanted; both come from
// the site itself, which the page's CSP allows.
function loadLeaflet(box) {
  if (!leaflet) {
    const style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = box.dataset.leafletCss;
    const script = document.createElement("script");
    script.src = box.dataset.leafletJs;
    const ready = Promise.all([loaded(style), loaded(script)]);
    document.head.append(style, script);
    leaflet = ready.then(() => {
      if (!window.L) throw new Error("Leaflet tidak termuat");
      return window.L;
    });
    leaflet.catch(() => {
      leaflet = null; // a later press tries again
      style.remove();
      script.remove();
    });
  }
  return leaflet;
}

async function show(box, focus) {
  if (box.dataset.state) return;
  box.dataset.state = "memuat";
  const button = box.querySelector("[data-map-show]");
  const status = box.querySelector("[data-map-status]");
  button.hidden = true;
  status.textContent = "Memuat peta…";
  const canvas = document.createElement("div");
  canvas.className = "map__canvas";
  try {
    const [L, drawing] = await Promise.all([loadLeaflet(box), import("./peta-gambar.js")]);
    box.append(canvas);
    await drawing.draw(L, box, canvas);
    box.dataset.state = "siap";
    box.querySelector(".map__placeholder").hidden = true;
    status.textContent = "";
    if (focus) canvas.focus();
  } catch {
    canvas.remove();
    delete box.dataset.state;
    status.textContent = "Peta tidak dapat dimuat. Periksa sambungan internet, lalu coba lagi.";
    button.textContent = "Coba lagi";
    button.hidden = false;
  }
}

// "Scrolls into view": the reader scrolled and the box is (nearly) on the
// screen. A box already visible when the page opens waits for a scroll or
// the button, so opening a page never contacts the tile server by itself.
// A scroll that only follows the keyboard focus does not count: the map
// would put its controls in place of the button just ahead of a reader
// moving with Tab, who reaches "Tampilkan peta" on the way anyway.
const RECENT = 1000; // ms
let lastScroll = -Infinity;
let lastFocus = -Infinity;
const waiting = new Set();
addEventListener("focusin", () => { lastFocus = performance.now(); });
addEventListener("scroll", () => {
  const now = performance.now();
  if (now - lastFocus > RECENT) lastScroll = now;
  waiting.forEach((check) => check());
}, { passive: true });

function whenScrolledTo(box) {
  if (!("IntersectionObserver" in window)) return;
  let visible = false;
  const check = () => {
    if (visible && performance.now() - lastScroll < RECENT) {
      observer.disconnect();
      waiting.delete(check);
      show(box, false);
    }
  };
  const observer = new IntersectionObserver((entries) => {
    visible = entries.some((entry) => entry.isIntersecting);
    check();
  }, { rootMargin: "100px 0px" });
  observer.observe(box);
  waiting.add(check);
}

boxes.forEach((box) => {
  if (box.dataset.load === "now") {
    show(box, false);
    return;
  }
  const button = box.querySelector("[data-map-show]");
  button.hidden = false;
  button.addEventListener("click", () => show(box, true));
  if (!navigator.connection || !navigator.connection.saveData) whenScrolledTo(box);
});
