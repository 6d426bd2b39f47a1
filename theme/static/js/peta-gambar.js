// Draws a map once peta.js has loaded Leaflet: every place of /peta/'s
// GeoJSON, or the one place of a KIM or potensi page.
//
// Places that share a point, or lie too close to tell apart at the zoom
// shown, are one marker: a KIM and the potensi of its desa often have the
// same coordinates (the centre of the desa), and markers drawn on top of
// each other hide all but the last (11 places showed as about 5 dots). Such
// a group is a round badge with the number of places, whose popup lists
// them all, so every place is one click and one link away at any zoom. A
// badge is a Leaflet marker: a button for the keyboard too. Groups are
// made again after each zoom, so zooming in separates nearby places; places
// at the very same point stay together. No cluster library is needed.
const ATTRIBUTION =
  '&copy; <a href="https://www.openstreetmap.org/copyright">kontributor OpenStreetMap</a>';
const COLOURS = { KIM: "#0b5d4b", Potensi: "#9a4a00" };
const CENTRE = [-2.6766, 111.6317]; // Pangkalan Bun, when there is nothing to show
const BADGE = 34; // px, the badge's diameter (45-map.css)
const APART = BADGE + 10; // px between markers: none covers another, each a full target

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

// The places of a badge; when they lie at different points, a button above
// the list zooms in until they part (a long list is easier read on the map).
function listPopup(places, onePoint, zoomIn) {
  const box = el("div", "map-popup");
  box.append(el("p", "map-popup__title",
    `${places.length} tempat ${onePoint ? "di titik ini" : "di sekitar sini"}:`));
  if (!onePoint) {
    const zoom = el("button", "map-popup__zoom", "Perbesar peta di sini");
    zoom.type = "button";
    zoom.addEventListener("click", zoomIn);
    box.append(zoom);
  }
  const list = el("ul", "map-popup__list");
  places.forEach(({ props }) => {
    const item = el("li");
    item.append(placeLink(props), el("span", "map-popup__note", note(props)));
    list.append(item);
  });
  box.append(list);
  return box;
}

// Places grouped so that no two markers are nearer than APART pixels
// across or down at the map's zoom (so not even the corners of their boxes
// touch: a marker is a full target, WCAG 2.5.8): each place joins the first
// group whose marker is that close, else starts one. Places in the GeoJSON's order (KIM before
// potensi), so a group's marker stands on its first place.
function groups(map, places) {
  const zoom = map.getZoom();
  const found = [];
  places.forEach((place) => {
    const at = map.project(place.latlng, zoom);
    const near = found.find((group) =>
      Math.abs(group.at.x - at.x) < APART && Math.abs(group.at.y - at.y) < APART);
    if (near) near.places.push(place);
    else found.push({ at, latlng: place.latlng, places: [place] });
  });
  return found;
}

function circle(L, latlng, props) {
  const approximate = Boolean(props.perkiraan);
  const point = L.circleMarker(latlng, {
    radius: approximate ? 10 : 8,
    color: COLOURS[props.jenis] || COLOURS.KIM,
    weight: 3,
    dashArray: approximate ? "4 4" : null,
    fillOpacity: approximate ? 0.15 : 0.7,
  });
  if (props.url) point.bindPopup(popup(props));
  return point;
}

function badge(L, map, { latlng, places }, popupWidth) {
  const approximate = places.every(({ props }) => props.perkiraan);
  const onePoint = places.every((place) => place.latlng.equals(latlng));
  const label = el("span");
  label.append(el("span", "", String(places.length)), el("span", "visually-hidden",
    ` tempat: ${places.map(({ props }) => props.nama).join(", ")}`));
  const icon = L.divIcon({
    className: "map-group" + (approximate ? " map-group--approx" : ""),
    html: label,
    iconSize: [BADGE, BADGE],
  });
  return L.marker(latlng, { icon, riseOnHover: true })
    // Padding on the left keeps the list clear of the zoom buttons.
    .bindPopup(listPopup(places, onePoint, () => {
      map.closePopup();
      map.fitBounds(L.latLngBounds(places.map((place) => place.latlng)), { padding: [50, 50] });
    }), {
      maxHeight: 260, minWidth: 160, maxWidth: popupWidth, autoPanPaddingTopLeft: [50, 10],
    });
}

function drawPlaces(L, map, features, canvas) {
  const places = features.map((feature) => ({
    latlng: L.latLng(feature.geometry.coordinates[1], feature.geometry.coordinates[0]),
    props: feature.properties,
  }));
  const layer = L.layerGroup().addTo(map);
  // A popup narrower than the map on a phone, so none of it is cut off.
  const popupWidth = Math.max(160, Math.min(300, canvas.clientWidth - 120));
  const regroup = () => {
    layer.clearLayers();
    groups(map, places).forEach((group) => layer.addLayer(group.places.length === 1
      ? circle(L, group.latlng, group.places[0].props)
      : badge(L, map, group, popupWidth)));
  };
  if (places.length) {
    map.fitBounds(L.latLngBounds(places.map((place) => place.latlng)).pad(0.2),
      { maxZoom: 12 });
  } else {
    map.setView(CENTRE, 9);
  }
  regroup();
  map.on("zoomend", regroup);
}

export async function draw(L, box, canvas) {
  let features = null;
  if (box.dataset.geojson) {
    const response = await fetch(box.dataset.geojson);
    if (!response.ok) throw new Error(`GeoJSON ${response.status}`);
    features = (await response.json()).features;
  }
  // Leaflet's controls speak English; these say it in Indonesian (its zoom
  // buttons' titles, and its popups' close button, named "Close popup").
  const map = L.map(canvas, { scrollWheelZoom: false, zoomControl: false });
  L.control.zoom({ zoomInTitle: "Perbesar", zoomOutTitle: "Perkecil" }).addTo(map);
  map.on("popupopen", (event) => {
    const close = event.popup.getElement().querySelector(".leaflet-popup-close-button");
    if (close) close.setAttribute("aria-label", "Tutup");
  });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  // detectRetina asks phones with dense screens for the next zoom level, so
  // the 256 px tiles are not shown blurred at twice their size.
  L.tileLayer(box.dataset.tiles, {
    maxZoom: 18, detectRetina: true, attribution: ATTRIBUTION,
  }).addTo(map);
  if (features) {
    drawPlaces(L, map, features, canvas);
  } else {
    const latlng = L.latLng(Number(box.dataset.lat), Number(box.dataset.lon));
    circle(L, latlng, {
      jenis: box.dataset.jenis,
      nama: box.dataset.nama,
      perkiraan: box.dataset.perkiraan === "ya",
    }).addTo(map);
    map.setView(latlng, 12);
  }
  return map;
}
