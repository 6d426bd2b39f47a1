"""Places on the map: a GeoJSON file of every KIM and potensi with a
location, written with the site, and the Leaflet files copied from the
pinned npm package so that the site serves them itself."""

import json
import shutil
from pathlib import Path

from ..model.formatting import plain_text


class LeafletMissing(RuntimeError):
    pass


def features(portal, siteurl):
    items = []
    for kim in portal.kims:
        if getattr(kim, "lokasi", None):
            items.append(_feature("KIM", kim, kim.lokasi, kim.kecamatan, siteurl, False))
    for item in portal.potensi:
        if item.lokasi_efektif:
            items.append(_feature("Potensi", item, item.lokasi_efektif,
                                  item.kecamatan, siteurl, item.lokasi_dari_kim))
    return items


def _feature(jenis, item, lokasi, kecamatan, siteurl, from_kim):
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lokasi["lon"], lokasi["lat"]]},
        "properties": {
            "jenis": jenis,
            "nama": plain_text(item.title),
            "url": f"{siteurl}/{item.url}",
            "kecamatan": kecamatan,
            "perkiraan": bool(lokasi.get("perkiraan")),
            "lokasi_kim": from_kim,
        },
    }


def write_geojson(path, feature_list):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    collection = {"type": "FeatureCollection", "features": feature_list}
    path.write_text(json.dumps(collection, ensure_ascii=False, sort_keys=True,
                               separators=(",", ":")), encoding="utf-8")


def copy_leaflet(source, target):
    source = Path(source)
    if not (source / "leaflet.js").is_file():
        raise LeafletMissing(
            f"Leaflet tidak ditemukan di {source}. Jalankan 'npm ci --omit=dev' di folder "
            "proyek untuk memasang paket peta, lalu bangun ulang situs.")
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    for name in ("leaflet.js", "leaflet.css"):
        shutil.copy2(source / name, target / name)
    shutil.copytree(source / "images", target / "images", dirs_exist_ok=True)
