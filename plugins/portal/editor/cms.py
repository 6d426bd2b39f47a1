"""The web editor at /admin/ (Decap CMS).

Its configuration (``admin/config.yml``) is generated from the same schema
objects that validation interprets (``schema.py``), so the editor's forms,
the allowed values and the validator cannot drift apart. The Decap bundle is
copied from the pinned npm package (``npm ci --omit=dev``) and served by the
site itself, like Leaflet.

What Decap cannot express is left to validation (``invoke check`` and the
build, locally or in CI):

* fields required only for one category (Cek Fakta: klaim, label, beredar,
  sumber) are optional in the form; their hint says when they are required;
* inside an optional group (gambar, lokasi, kontak, beredar, ...) Decap would
  demand the group's required sub-fields even when the whole group is left
  empty, so they are optional in the form and their hint says so;
* a price written as text ("mulai Rp10.000") has no Decap widget: the form
  offers the number + unit group only. Such a text is kept when the entry is
  saved, but opening the group on it breaks the group's inputs, so its hint
  tells editors to leave it closed and edit that price in the Markdown file;
* references, duplicate slugs and whether an image file exists are checked
  across files, which only validation can do.
"""

import json
import shutil
from pathlib import Path

import yaml

from ..model import kinds, schema
from ..model.schema import CONTENT_TYPES

COLLECTIONS = {
    # key: (label, label_singular, description, slug template)
    "berita": (
        "Berita", "Berita",
        "Berita, kegiatan, pengumuman dan cek fakta. Berkas: content/berita/"
        "TTTT-BB-HH-judul.md. Tanggal pada nama berkas diambil dari tanggal terbit.",
        # Decap's {{year}}/{{month}}/{{day}} are the UTC date of the entry
        # date, a day early before 07:00 WIB; the date filter formats the
        # wall-clock date the editor typed.
        "{{fields.date | date('YYYY-MM-DD')}}-{{slug}}",
    ),
    "kim": (
        "Profil KIM", "Profil KIM",
        "Satu profil untuk setiap KIM. Berkas: content/kim/<slug>.md.",
        "{{fields.slug}}",
    ),
    "potensi": (
        "Potensi", "Potensi",
        "Satu berkas untuk setiap potensi lokal. Berkas: content/potensi/<slug>.md. "
        "Harga berupa teks (misalnya 'mulai Rp10.000') ditulis langsung di berkas Markdown.",
        "{{fields.slug}}",
    ),
    "acara": (
        "Agenda", "Acara",
        "Kegiatan yang akan datang: pelatihan, rapat, festival, lomba. Berkas: "
        "content/acara/<slug>.md. Bila acara diundur, tulis tanggal barunya di 'Mulai'.",
        "{{fields.slug}}",
    ),
    "video": (
        "Video", "Video",
        "Video KIM di YouTube: profil KIM, liputan kegiatan. Berkas: content/video/<slug>.md. "
        "Videonya tetap di YouTube; portal menampilkannya setelah pembaca menekan Putar.",
        "{{fields.slug}}",
    ),
    "dokumen": (
        "Dokumen", "Dokumen",
        "SK, laporan, pengumuman dan berkas lain yang diterbitkan KIM atau pengelola portal. "
        "Berkas: content/dokumen/<slug>.md; berkasnya sendiri disimpan di content/berkas/.",
        "{{fields.slug}}",
    ),
    "galeri": (
        "Galeri", "Galeri",
        "Album foto satu kegiatan KIM, setiap foto dengan teks alternatif, keterangan dan "
        "kreditnya. Berkas: content/galeri/<slug>.md.",
        "{{fields.slug}}",
    ),
    "halaman": (
        "Halaman", "Halaman",
        "Halaman tetap seperti Tentang KIM dan Kirim Informasi. Berkas: "
        "content/halaman/<slug>.md.",
        "{{fields.slug}}",
    ),
}

# Collections listed by a date, newest first: the field with the date.
DATED = {"berita": "date", "acara": "mulai", "galeri": "date", "video": "date", "dokumen": "date"}

MEDIA_FOLDER = "content/images/uploads"
PUBLIC_FOLDER = "images/uploads"  # front-matter image paths are relative to content/
# The editor block that inserts a photo into the body (decap-portal.js).
BODY_IMAGE_COMPONENT = "foto"
BODY_BUTTONS = ["bold", "italic", "link", "heading-two", "heading-three", "quote",
                "bulleted-list", "numbered-list"]


class DecapMissing(RuntimeError):
    pass


# -- fields ------------------------------------------------------------------

def _example_text(example):
    if isinstance(example, bool) or example is None or isinstance(example, dict):
        return ""
    if isinstance(example, (list, tuple)):
        return ", ".join(str(item) for item in example)
    return str(example)


def _hint(field, ctype=None, inside_optional=None):
    """The Indonesian help line under a form field."""
    parts = []
    if field.kind.form_hint:
        hint = field.kind.form_hint
    elif field.kind is kinds.BOOLEAN and field.hint.startswith("true bila "):
        hint = "Nyalakan bila " + field.hint.removeprefix("true bila ")
    else:
        hint = field.hint
    if hint:
        parts.append(hint[0].upper() + hint[1:] + ("" if hint.endswith(".") else "."))
    example = _example_text(field.example)
    if example and "misalnya" not in hint and field.kind.example_in_form:
        parts.append(f"Contoh: {example}" + ("" if example.endswith(".") else "."))
    if field.max_length:
        parts.append(f"Paling banyak {field.max_length} karakter.")
    if ctype is not None:
        for category, names in ctype.conditional.items():
            if field.name in names:
                parts.append(f"Wajib untuk kategori {category}.")
    if inside_optional is not None and field.required:
        parts.append(f"Wajib bila {inside_optional.label} diisi.")
    return " ".join(parts)


def field_config(field, ctype=None, inside_optional=None):
    """The Decap field for a schema Field: its kind's widget (kinds.py).

    ``inside_optional`` is the optional group (OBJECT) the field belongs to:
    Decap cannot leave such a group empty while it has required sub-fields,
    so they are optional in the form (validation still requires them once
    the group is filled in). An item of a list exists only once the editor
    adds it, so its required sub-fields stay required.
    """
    config = {"name": field.name, "label": field.label[0].upper() + field.label[1:]}
    config["required"] = bool(field.required and inside_optional is None)
    hint = _hint(field, ctype, inside_optional)
    if hint:
        config["hint"] = hint
    config.update(field.kind.editor_widget(field))
    if field.fields:
        repeated = field.kind.shape == kinds.GROUPS
        if not repeated:
            config["collapsed"] = not field.required
        group = inside_optional if (repeated or field.required) else field
        config["fields"] = [field_config(sub, None, group) for sub in field.fields]
        if repeated:  # each item is listed by its first sub-field
            config["summary"] = "{{fields." + field.fields[0].name + "}}"
    return config


BODY_FIELD = {
    "name": "body",
    "label": "Isi tulisan",
    "widget": "markdown",
    "required": False,
    "hint": "Pakai tombol Subjudul (H2, H3), bukan Judul 1: judul halaman sudah ditulis "
            "dari kolom judul.",
    "buttons": BODY_BUTTONS,
    # Only the portal's own "Foto" block (theme/static/js/decap-portal.js): it
    # writes ![alt]({static}/images/...), the form validation requires for
    # body images; Decap's own image block writes a bare path, which would
    # break below /berita/<slug>/. (A field-level public_folder is not
    # passed on to blocks inside the body by this Decap version.)
    "editor_components": [BODY_IMAGE_COMPONENT],
    "sanitize_preview": True,
}


# -- collections and the whole configuration ----------------------------------

def collection_config(ctype):
    label, singular, description, slug = COLLECTIONS[ctype.key]
    fields = [field_config(field, ctype) for field in ctype.fields]
    collection = {
        "name": ctype.key,
        "label": label,
        "label_singular": singular,
        "description": description,
        "folder": f"content/{ctype.key}",
        "create": True,
        "delete": False,
        "extension": "md",
        "format": "yaml-frontmatter",
        "slug": slug,
        "identifier_field": "title",
        "summary": "{{title}}",
        "fields": [*fields, dict(BODY_FIELD)],
    }
    dated = ctype.field(DATED.get(ctype.key, ""))
    if dated is not None:  # newest first, the date before the title
        collection["summary"] = f"{{{{fields.{dated.name} | date('YYYY-MM-DD')}}}} · {{{{title}}}}"
        collection["sortable_fields"] = [
            {"field": dated.name, "label": _sentence(dated.label), "default_sort": "desc"},
            {"field": "title", "label": _sentence(ctype.field("title").label)}]
    else:
        collection["sortable_fields"] = [{"field": "title",
                                          "label": _sentence(ctype.field("title").label),
                                          "default_sort": "asc"}]
    if ctype.key == "berita":
        collection["view_filters"] = [
            {"label": category, "field": "category", "pattern": f"^{category}$"}
            for category in ctype.field("category").choices]
    elif ctype.key in ("kim", "potensi"):
        collection["view_groups"] = [{"label": "Kecamatan", "field": "kecamatan"}]
    elif ctype.key == "dokumen":
        collection["view_groups"] = [{"label": "Jenis", "field": "jenis"}]
    return collection


def _sentence(label):
    """A schema label as the start of a sentence ('nama KIM' -> 'Nama KIM')."""
    return label[:1].upper() + label[1:]


def situs_collection():
    """content/situs.yml as one form: who runs the portal and its contacts.
    Every field is optional (what is empty is not shown on the site)."""
    return {
        "name": schema.SITUS.key,
        "label": "Pengaturan situs",
        "description": "Pengelola portal, kontaknya, saluran laporan hoaks dan penulis "
                       "bawaan. Isi hanya data yang sudah pasti; yang kosong tidak "
                       "ditampilkan kepada pembaca.",
        "delete": False,
        "files": [{
            "name": schema.SITUS.key,
            "label": "Pengelola dan kontak portal",
            "file": f"content/{schema.SITUS_FILE}",
            "format": "yml",
            "fields": [field_config(field, schema.SITUS) for field in schema.SITUS.fields],
        }],
    }


def config(settings):
    """The Decap configuration for these Pelican settings, as a dict."""
    backend = {
        "name": "github",
        "repo": settings.get("CMS_REPO") or "",
        "branch": settings.get("CMS_BRANCH") or "main",
        "commit_messages": {
            "create": "Konten: tambah {{collection}} “{{slug}}”",
            "update": "Konten: ubah {{collection}} “{{slug}}”",
            "delete": "Konten: hapus {{collection}} “{{slug}}”",
            "uploadMedia": "Konten: unggah “{{path}}”",
            "deleteMedia": "Konten: hapus “{{path}}”",
        },
    }
    if settings.get("CMS_AUTH_URL"):
        backend["base_url"] = settings["CMS_AUTH_URL"].rstrip("/")
        backend["auth_endpoint"] = settings.get("CMS_AUTH_ENDPOINT") or "auth"
    if settings.get("CMS_AUTH_SITE_DOMAIN"):
        backend["site_domain"] = settings["CMS_AUTH_SITE_DOMAIN"]
    siteurl = settings.get("SITEURL", "")
    result = {"backend": backend}
    if settings.get("CMS_LOCAL_BACKEND"):
        url = settings.get("CMS_LOCAL_BACKEND_URL")
        result["local_backend"] = {"url": url} if url else True
    result.update({
        "locale": "id",
        "site_url": settings["PUBLIC_URL"],
        "display_url": settings["PUBLIC_URL"],
        "logo": {"src": f"{siteurl}/{settings['THEME_STATIC_DIR']}/favicon.svg",
                 "show_in_header": False},
        "show_preview_links": False,
        "publish_mode": "simple",
        "media_folder": MEDIA_FOLDER,
        "public_folder": PUBLIC_FOLDER,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [*(collection_config(CONTENT_TYPES[key])
                          for key in ("berita", "acara", "galeri", "video", "dokumen",
                                      "kim", "potensi", "halaman")),
                        situs_collection()],
    })
    return result


STATUS_FILE = "terbit.json"


def status_settings(settings):
    """What the editor needs to follow a save to the published page
    (theme/static/js/status-terbit.js): the API and repository, the jobs that
    check and publish, how often to ask, and the address of each
    collection's pages. Without a repository there is nothing to follow."""
    if not settings.get("CMS_REPO"):
        return {}
    return {
        "api": settings["CMS_STATUS_API"].rstrip("/"),
        "repo": settings["CMS_REPO"],
        "branch": settings.get("CMS_BRANCH") or "main",
        "pemeriksaan": list(settings["CMS_STATUS_CHECK_JOBS"]),
        "penerbitan": settings["CMS_STATUS_DEPLOY_JOB"],
        "jeda_detik": settings["CMS_STATUS_POLL_SECONDS"],
        "batas_menit": settings["CMS_STATUS_GIVE_UP_MINUTES"],
        "situs": settings["PUBLIC_URL"].rstrip("/") + "/",
        "alamat": {"berita": settings["ARTICLE_URL"], "kim": settings["KIM_URL"],
                   "potensi": settings["POTENSI_URL"], "halaman": settings["PAGE_URL"],
                   "acara": settings["ACARA_URL"], "video": settings["VIDEO_URL"],
                   "dokumen": settings["DOKUMEN_URL"], "galeri": settings["GALERI_URL"]},
        "folder": {key: f"content/{key}" for key in CONTENT_TYPES},
    }


def write_status_settings(path, settings):
    Path(path).write_text(json.dumps(status_settings(settings), ensure_ascii=False,
                                     sort_keys=True) + "\n", encoding="utf-8")


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True  # write repeated lists in full, not as &id001/*id001


def config_yaml(settings):
    return yaml.dump(config(settings), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=100)


def write_config(path, settings):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(config_yaml(settings), encoding="utf-8")


# -- the admin page ----------------------------------------------------------

BUNDLE = "decap-cms.js"


def bundle_files(source):
    """The files of the Decap bundle the browser may load: the main script,
    its lazily loaded chunks (CodeMirror modes, image codecs) and the
    licence notice; not the source maps or the second `cms.js` build."""
    source = Path(source)
    names = [BUNDLE, f"{BUNDLE}.LICENSE.txt"]
    names += sorted(p.name for p in source.glob(f"*.{BUNDLE}"))
    names += sorted(p.name for p in source.glob("*.wasm"))
    return names


def copy_bundle(source, target):
    source = Path(source)
    if not (source / BUNDLE).is_file():
        raise DecapMissing(
            f"Editor web (Decap CMS) tidak ditemukan di {source}. Jalankan 'npm ci --omit=dev' "
            "di folder proyek untuk memasang paketnya, lalu bangun ulang situs.")
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    for name in bundle_files(source):
        shutil.copy2(source / name, target / name)
