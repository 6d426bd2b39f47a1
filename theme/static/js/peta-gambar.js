// Draws a map once peta.js has loaded Leaflet: every place of /peta/'s
// GeoJSON, or the one place of a KIM or potensi page.
//
// Places that share a point are one marker: a KIM and the potensi of its
// desa often have the same coordinates (the centre of the desa), and
// markers drawn on top of each other hide all but the last (11 places
// showed as about 5 dots). A shared point is a round badge with the number
// of places, whose popup lists them all; a badge is a Leaflet marker, so it
// is also reachable with the keyboard. Grouping by the point rather than by
// distance (as a cluster plugin would) keeps every marker where its places
// are at every zoom and needs no extra library.
const ATTRIBUTION =
  '&copy; <a href="https://www.openstreetmap.org/copyright">kontributor OpenStreetMap</a>';
const COLOURS = { KIM: "#0b5d4b", Potensi: "#9a4a00" };
const CENTRE = [-2.6766, 111.6317]; // Pangkalan Bun, when there is nothing to show

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function note(props) {
  return props.jenis + (props.perkiraan ? " · lokasi perkiraan" : "") +
    (props.lokasi_kim ? " · memakai lokasi KIM" : "");
}

function placeLink(props) {
  const link = el("a", "", props.nama);
  link.href = props.url;
  return link;
}

function popup(props) {
  const box = el("div");
  box.append(placeLink(props), el("p", "", note(props)));
  return box;
}

function listPopup(places) {
  const box = el("div", "map-popup");
  box.append(el("p", "map-popup__title", `${places.length} tempat di titik ini:`));
  const list = el("ul", "map-popup__list");
  places.forEach((props) => {
    const item = el("li");
    item.append(placeLink(props), el("span", "map-popup__note", note(props)));
    list.append(item);
  });
  box.append(list);
  return box;
}

// One entry per distinct point (to about a metre), its places in the
// GeoJSON's order.
export function byPoint(features) {
  const points = new Map();
  features.forEach((feature) => {
    const [lon, lat] = feature.geometry.coordinates;
    const key = `${lat.toFixed(5)},${lon.toFixed(5)}`;
    if (!points.has(key)) points.set(key, { lat, lon, places: [] });
    points.get(key).places.push(feature.properties);
  });
  return [...points.values()];
}

function circle(L, lat, lon, props) {
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

function badge(L, { lat, lon, places }, width) {
  const approximate = places.every((props) => props.perkiraan);
  const label = el("span");
  label.append(el("span", "", String(places.length)),
    el("span", "visually-hidden", ` tempat: ${places.map((p) => p.nama).join(", ")}`));
  const icon = L.divIcon({
    className: "map-group" + (approximate ? " map-group--approx" : ""),
    html: label,
    iconSize: [34, 34],
  });
  return L.marker([lat, lon], { icon, riseOnHover: true })
    // Padding on the left keeps the list clear of the zoom buttons.
    .bindPopup(listPopup(places), {
      maxHeight: 260, minWidth: 160, maxWidth: width, autoPanPaddingTopLeft: [50, 10],
    });
}

function marker(L, point, popupWidth) {
  return point.places.length === 1
    ? circle(L, point.lat, point.lon, point.places[0])
    : badge(L, point, popupWidth);
}

export async function draw(L, box, canvas) {
  let features = null;
  if (box.dataset.geojson) {
    const response = await fetch(box.dataset.geojson);
    if (!response.ok) throw new Error(`GeoJSON ${response.status}`);
    features = (await response.json()).features;
  }
  const map = L.map(canvas, { scrollWheelZoom: false });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  // detectRetina asks phones with dense screens for the next zoom level, so
  // the 256 px tiles are not shown blurred at twice their size.
  L.tileLayer(box.dataset.tiles, {
    maxZoom: 18, detectRetina: true, attribution: ATTRIBUTION,
  }).addTo(map);
  if (features) {
    // A popup narrower than the map on a phone, so none of it is cut off.
    const width = Math.max(160, Math.min(300, canvas.clientWidth - 120));
    const layer = L.featureGroup(byPoint(features).map((point) => marker(L, point, width)));
    layer.addTo(map);
    if (features.length) map.fitBounds(layer.getBounds().pad(0.2), { maxZoom: 12 });
    else map.setView(CENTRE, 9);
  } else {
    const lat = Number(box.dataset.lat);
    const lon = Number(box.dataset.lon);
    circle(L, lat, lon, {
      jenis: box.dataset.jenis,
      nama: box.dataset.nama,
      perkiraan: box.dataset.perkiraan === "ya",
    }).addTo(map);
    map.setView([lat, lon], 12);
  }
  return map;
}
