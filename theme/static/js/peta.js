// Loads the maps of /peta/, KIM and potensi pages on demand. Leaflet is
// about 42 KB compressed plus its tiles, several times the page: on KIM and
// potensi pages the map loads only when the reader presses "Tampilkan
// peta", never by itself (an earlier version loaded it when the box was
// scrolled into view, so a reader passing by paid for it). Until then the
// page requests nothing for it: no Leaflet, no tile, no request to the tile
// server. /peta/ (data-load="now") is the map itself and loads at once.
// The placeholder stays if anything fails, with a message and a retry.
const boxes = document.querySelectorAll("[data-module='peta']");
let leaflet = null; // one load of Leaflet for every map of the page

function loaded(element) {
  return new Promise((resolve, reject) => {
    element.addEventListener("load", resolve, { once: true });
    element.addEventListener("error", reject, { once: true });
  });
}

function stylesheet(href) {
  const style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = href;
  return style;
}

// Script and stylesheets are added from here, not written in the page, so
// that nothing of Leaflet is fetched before it is wanted; all come from the
// site itself, which the page's CSP allows. The portal's own map styles
// (badges, popups) come after Leaflet's, so that they win over its defaults.
function loadLeaflet(box) {
  if (!leaflet) {
    const styles = [stylesheet(box.dataset.leafletCss), stylesheet(box.dataset.petaCss)];
    const script = document.createElement("script");
    script.src = box.dataset.leafletJs;
    const ready = Promise.all([...styles.map(loaded), loaded(script)]);
    document.head.append(...styles, script);
    leaflet = ready.then(() => {
      if (!window.L) throw new Error("Leaflet tidak termuat");
      return window.L;
    });
    leaflet.catch(() => {
      leaflet = null; // a later press tries again
      styles.forEach((style) => style.remove());
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

boxes.forEach((box) => {
  if (box.dataset.load === "now") {
    show(box, false);
    return;
  }
  const button = box.querySelector("[data-map-show]");
  const offer = box.querySelector("[data-map-offer]");
  button.hidden = false;
  if (offer) offer.hidden = false;
  button.addEventListener("click", () => {
    if (offer) offer.hidden = true;
    show(box, true);
  });
});
