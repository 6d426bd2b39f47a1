// Maps for /peta/ and for KIM and potensi pages. Each [data-module="peta"]
// box is laid out from the first render (no layout shift when the map
// appears); without script a <noscript> stylesheet removes it, and if
// Leaflet cannot start the box is hidden again. Either way the page keeps
// its list of places and OpenStreetMap links.
const ATTRIBUTION =
  '&copy; <a href="https://www.openstreetmap.org/copyright">kontributor OpenStreetMap</a>';
const COLOURS = { KIM: "#0b5d4b", Potensi: "#9a4a00" };

function loadStylesheet(href) {
  // Added from script so the map's CSS never delays the first render.
  if (document.querySelector(`link[href="${href}"]`)) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = href;
  document.head.append(link);
}

function popup(props) {
  const box = document.createElement("div");
  const link = document.createElement("a");
  link.href = props.url;
  link.textContent = props.nama;
  const note = document.createElement("p");
  note.textContent = props.jenis + (props.perkiraan ? " · lokasi perkiraan" : "") +
    (props.lokasi_kim ? " · memakai lokasi KIM" : "");
  box.append(link, note);
  return box;
}

function marker(L, lat, lon, props) {
  const approximate = Boolean(props.perkiraan);
  const point = L.circleMarker([lat, lon], {
    radius: approximate ? 10 : 8,
    color: COLOURS[props.jenis] || COLOURS.KIM,
    weight: 3,
    dashArray: approximate ? "4 4" : null,
    fillOpacity: approximate ? 0.15 : 0.7,
  });
  if (props.url) point.bindPopup(popup(props));
  return point;
}

async function start(element) {
  const L = window.L;
  if (!L) throw new Error("Leaflet tidak termuat");
  loadStylesheet(element.dataset.leafletCss);
  const map = L.map(element, { scrollWheelZoom: false });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  // detectRetina asks phones with dense screens for the next zoom level, so
  // the 256 px tiles are not shown blurred at twice their size.
  L.tileLayer(element.dataset.tiles, {
    maxZoom: 18, detectRetina: true, attribution: ATTRIBUTION,
  }).addTo(map);
  if (element.dataset.geojson) {
    const response = await fetch(element.dataset.geojson);
    const data = await response.json();
    const layer = L.featureGroup(data.features.map((f) =>
      marker(L, f.geometry.coordinates[1], f.geometry.coordinates[0], f.properties)));
    layer.addTo(map);
    if (data.features.length) map.fitBounds(layer.getBounds().pad(0.2), { maxZoom: 12 });
    else map.setView([-2.6766, 111.6317], 9);
  } else {
    const lat = Number(element.dataset.lat);
    const lon = Number(element.dataset.lon);
    marker(L, lat, lon, {
      jenis: element.dataset.jenis,
      nama: element.dataset.nama,
      perkiraan: element.dataset.perkiraan === "ya",
    }).addTo(map);
    map.setView([lat, lon], 12);
  }
}

document.querySelectorAll("[data-module='peta']").forEach((element) => {
  start(element).catch(() => {
    element.hidden = true;
  });
});
