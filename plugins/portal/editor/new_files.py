"""New content files from the command line (`invoke new-kim`, `new-potensi`,
...): one table, ``NEW_FILES``, says for each content type which options
are asked, how the answers become front matter and where the file is
written. The text comes from the schema (model/scaffolds.py); a file is kept
only if it passes the checks of `invoke check`."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from ..intake import frontmatter
from ..intake.validation import format_report, plain_slug, validate_content
from ..model import schema, vocabulary
from ..model.scaffolds import scaffold

REQUIRED = object()  # an option without a default: the editor must give it


class Refused(Exception):
    """An answer the file cannot be made from, or a file that would not pass
    the checks: the message says what to do, for the editor."""


@dataclass(frozen=True)
class Option:
    name: str
    help: str
    default: object = REQUIRED


@dataclass(frozen=True)
class NewFile:
    """One `invoke new-…` task."""
    name: str  # the task's name, as Python writes it (new_kim)
    summary: str  # its line in `invoke --list`
    ctype: object  # the schema.ContentType of the file
    options: tuple  # of Option, required ones first
    values: Callable  # (Answers) -> the front matter's values
    path: Callable  # (the values) -> the file's path inside content/


class Answers:
    """The options an editor gave, with what turning them into front matter
    needs: choices matched to the vocabulary, KIM looked up in content/."""

    def __init__(self, given, content):
        self._given = given
        self.content = Path(content)

    def __getitem__(self, name):
        return self._given.get(name)

    def choice(self, name, allowed, value=None):
        """`value` (or the option `name`) as the vocabulary writes it."""
        value = str(self[name] if value is None else value)
        for candidate in allowed:
            if value.strip().lower() == candidate.lower():
                return candidate
        raise Refused(f"Pilihan --{name} '{value}' tidak dikenal. Pilih salah satu dari: "
                      + ", ".join(allowed))

    def slug(self, title):
        return self["slug"] or plain_slug(title)

    def kim_profile(self, slug):
        """The front matter of KIM `slug`, read from its profile alone (no
        need to validate the whole content tree for that; the new file is
        validated with everything else once written)."""
        folder = self.content / "kim"
        for path in sorted(folder.glob("*.md")):
            try:
                metadata = frontmatter.split(path.read_text(encoding="utf-8")).metadata
            except (frontmatter.FrontMatterError, UnicodeDecodeError):
                continue
            if str(metadata.get("slug")) == slug:
                return metadata
        known = sorted(path.stem for path in folder.glob("*.md"))
        hint = (f"yang ada: {', '.join(known[:8])}{' ...' if len(known) > 8 else ''}" if known
                else "belum ada profil KIM; buat dulu dengan 'invoke new-kim'")
        raise Refused(f"KIM '{slug}' tidak ada di content/kim/. Tulis slug salah satu profil "
                      f"KIM (nama berkasnya tanpa .md; {hint}).")

    def kim_slugs(self):
        """The KIM slugs of the comma-separated option --kim, each checked
        to exist."""
        slugs = [slug.strip() for slug in (self["kim"] or "").split(",") if slug.strip()]
        for slug in slugs:
            self.kim_profile(slug)
        return slugs

    def now(self, name, form="%Y-%m-%d %H:%M"):
        """The option `name`, or now in WIB written as `form`."""
        return self[name] or datetime.now(ZoneInfo("Asia/Jakarta")).strftime(form)


def _kecamatan(answers, value=None):
    return answers.choice("kecamatan", [k.name for k in vocabulary.KECAMATAN], value)


def _kim(answers):
    kecamatan = _kecamatan(answers)
    nama = answers["nama"]
    slug = answers["slug"] or plain_slug(nama.removeprefix("KIM ").removeprefix("kim "))
    return {"title": nama, "slug": slug, "desa_kelurahan": answers["desa"],
            "jenis_wilayah": answers.choice("jenis", vocabulary.JENIS_WILAYAH),
            "kecamatan": kecamatan}


def _potensi(answers):
    judul = answers["judul"]
    kategori = answers.choice("kategori", [k.name for k in vocabulary.KATEGORI_POTENSI])
    kim = answers["kim"]
    profile = answers.kim_profile(kim) if kim else {}
    desa = answers["desa"] or profile.get("desa_kelurahan")
    kecamatan = answers["kecamatan"] or profile.get("kecamatan")
    if not desa or not kecamatan:
        raise Refused("Potensi milik sebuah desa: tulis --desa dan --kecamatan, atau --kim bila "
                      "sumber menyebut KIM pengelolanya.")
    kecamatan = _kecamatan(answers, kecamatan)
    jenis = answers.choice("jenis", vocabulary.JENIS_WILAYAH,
                           answers["jenis"] or profile.get("jenis_wilayah") or "desa")
    return {"title": judul, "slug": answers.slug(judul), "desa_kelurahan": desa,
            "jenis_wilayah": jenis, "kecamatan": kecamatan, "kim": kim,
            "kategori": [kategori],
            "ringkasan": (answers["ringkasan"]
                          or f"{judul}, potensi {kategori.lower()} di {jenis} {desa}.")}


def _berita(answers):
    if str(answers["kategori"]).strip().lower() == vocabulary.CEK_FAKTA.lower():
        raise Refused("Cek Fakta memerlukan klaim, label, tempat beredar dan sumber: buat "
                      "dengan 'invoke new-cek-fakta' (invoke --help new-cek-fakta "
                      "menjelaskan pilihannya).")
    allowed = [k for k in vocabulary.KATEGORI_BERITA if k != vocabulary.CEK_FAKTA]
    kategori = answers.choice("kategori", allowed)
    slugs = answers.kim_slugs()
    return {"title": answers["judul"], "date": answers.now("tanggal"), "category": kategori,
            "slug": answers.slug(answers["judul"]), "kim": slugs}


def _cek_fakta(answers):
    label = answers.choice("label", [v.label for v in vocabulary.VERDICTS])
    slugs = answers.kim_slugs()
    return {"title": answers["judul"], "date": answers.now("tanggal"),
            "category": vocabulary.CEK_FAKTA, "slug": answers.slug(answers["judul"]),
            "kim": slugs, "klaim": answers["klaim"], "label": label,
            "beredar": {"tempat": answers["beredar_tempat"],
                        "tanggal": answers["beredar_tanggal"]},
            "sumber": [{"nama": answers["sumber"], "url": answers["sumber_url"]}]}


def _acara(answers):
    kecamatan = _kecamatan(answers)
    slugs = answers.kim_slugs()
    return {"title": answers["judul"], "slug": answers.slug(answers["judul"]),
            "mulai": answers["mulai"], "selesai": answers["selesai"], "keadaan": "terjadwal",
            "tempat": {"nama": answers["tempat"], "desa_kelurahan": answers["desa"],
                       "kecamatan": kecamatan},
            "kim": slugs}


def _video(answers):
    jenis = answers.choice("jenis", vocabulary.JENIS_VIDEO)
    slugs = answers.kim_slugs()
    return {"title": answers["judul"], "slug": answers.slug(answers["judul"]),
            "youtube": answers["youtube"], "date": answers.now("tanggal", "%Y-%m-%d"),
            "jenis": jenis, "kim": slugs}


def _dokumen(answers):
    jenis = answers.choice("jenis", vocabulary.JENIS_DOKUMEN)
    slugs = answers.kim_slugs()
    return {"title": answers["judul"], "slug": answers.slug(answers["judul"]),
            "berkas": answers["berkas"], "date": answers["tanggal"], "jenis": jenis,
            "kim": slugs}


def _galeri(answers):
    slugs = answers.kim_slugs()
    return {"title": answers["judul"], "slug": answers.slug(answers["judul"]),
            "date": answers["tanggal"], "kim": slugs,
            "foto": [{"src": answers["foto"], "alt": answers["alt"],
                      "kredit": answers["kredit"]}]}


def _in(folder):
    return lambda values: f"{folder}/{values['slug']}.md"


def _dated(values):
    return f"berita/{values['date'][:10]}-{values['slug']}.md"


SLUG = Option("slug", "alamat halaman (bawaan: dari judul)", None)
KIM_MANY = "pisahkan dengan koma bila lebih dari satu"
WHEN = "YYYY-MM-DD JJ:MM dalam WIB (bawaan: sekarang)"

NEW_FILES = (
    NewFile("new_kim", "Create a ready-to-edit KIM profile in content/kim/.", schema.KIM, (
        Option("nama", "nama KIM, misalnya \"KIM Nama Kelompok\""),
        Option("kecamatan", "salah satu dari enam kecamatan, misalnya Kumai"),
        Option("desa", "nama desa atau kelurahan, misalnya \"Sungai Kapitan\""),
        Option("jenis", "desa atau kelurahan (bawaan: desa)", "desa"),
        Option("slug", "alamat halaman (bawaan: dari nama, tanpa awalan 'KIM')", None),
    ), _kim, _in("kim")),
    NewFile("new_potensi", "Create a ready-to-edit potensi in content/potensi/.",
            schema.POTENSI, (
        Option("judul", "nama potensi, misalnya \"Amplang Ikan Pipih\""),
        Option("kategori", "kategori potensi, misalnya Kuliner"),
        Option("desa", "desa atau kelurahan tempat potensi, misalnya \"Sungai Kapitan\"", None),
        Option("kecamatan", "kecamatan tempat potensi, misalnya Kumai", None),
        Option("jenis", "desa atau kelurahan (bawaan: desa)", None),
        Option("kim", "slug KIM pengelola, hanya bila sumber menyebutnya; desa dan kecamatan "
                      "lalu diambil dari profilnya bila tidak ditulis", None),
        Option("ringkasan", "satu kalimat ringkasan (bawaan: dibuat dari judul dan desa)", None),
        SLUG,
    ), _potensi, _in("potensi")),
    NewFile("new_berita", "Create a ready-to-edit news article in content/berita/.",
            schema.BERITA, (
        Option("judul", "judul berita"),
        Option("kim", f"slug KIM terkait, {KIM_MANY}", ""),
        Option("kategori", "Berita, Kegiatan atau Pengumuman (bawaan: Berita)", "Berita"),
        Option("tanggal", WHEN, None),
        SLUG,
    ), _berita, _dated),
    NewFile("new_cek_fakta",
            "Create a ready-to-edit fact check in content/berita/ (category Cek Fakta).",
            schema.BERITA, (
        Option("judul", "judul tulisan, misalnya \"Cek Fakta: Pesan Berantai tentang Bantuan "
                        "Desa\""),
        Option("klaim", "klaim yang diperiksa, paling banyak 74 huruf"),
        Option("label", "hasil periksa: " + ", ".join(v.label for v in vocabulary.VERDICTS)),
        Option("beredar_tempat", "di mana klaim beredar, misalnya \"grup WhatsApp\""),
        Option("beredar_tanggal", "tanggal klaim beredar YYYY-MM-DD"),
        Option("sumber", "nama sumber yang membantah atau menguatkan, misalnya nama media "
                         "atau instansi"),
        Option("sumber_url", "alamat tulisan sumber, https://... (tidak wajib, tetapi "
                             "sebaiknya diisi)", None),
        Option("kim", f"slug KIM terkait, {KIM_MANY}", ""),
        Option("tanggal", WHEN, None),
        SLUG,
    ), _cek_fakta, _dated),
    NewFile("new_acara", "Create a ready-to-edit activity for the agenda in content/acara/.",
            schema.ACARA, (
        Option("judul", "nama acara, misalnya \"Pelatihan Menulis Berita Desa\""),
        Option("mulai", "YYYY-MM-DD JJ:MM dalam WIB, atau YYYY-MM-DD untuk acara sepanjang "
                        "hari"),
        Option("tempat", "nama tempat, misalnya \"Balai Desa Sungai Kapitan\""),
        Option("kecamatan", "kecamatan tempat acara, misalnya Kumai"),
        Option("desa", "desa atau kelurahan tempat acara (tidak wajib)", None),
        Option("selesai", "YYYY-MM-DD JJ:MM atau YYYY-MM-DD (tidak wajib)", None),
        Option("kim", f"slug KIM penyelenggara, {KIM_MANY}", ""),
        SLUG,
    ), _acara, _in("acara")),
    NewFile("new_video", "Create a ready-to-edit video page in content/video/.",
            schema.VIDEO, (
        Option("judul", "judul video, misalnya \"Profil KIM Desa Anda\""),
        Option("youtube", "alamat video di YouTube, misalnya "
                          "https://www.youtube.com/watch?v=..."),
        Option("kim", f"slug KIM pembuat, {KIM_MANY}", ""),
        Option("jenis", "profil KIM, liputan atau lainnya (bawaan: liputan)", "liputan"),
        Option("tanggal", "tanggal terbit YYYY-MM-DD (bawaan: hari ini)", None),
        SLUG,
    ), _video, _in("video")),
    NewFile("new_dokumen", "Create a ready-to-edit document page in content/dokumen/.",
            schema.DOKUMEN, (
        Option("judul", "judul dokumen, misalnya \"SK Pembentukan KIM Desa Anda\""),
        Option("berkas", "jalur berkasnya di dalam content/, misalnya "
                         "berkas/sk-pembentukan-kim.pdf"),
        Option("jenis", "SK, laporan, pengumuman, formulir atau lainnya"),
        Option("tanggal", "tanggal dokumen YYYY-MM-DD"),
        Option("kim", "slug KIM penerbit; kosongkan untuk dokumen pengelola portal", ""),
        SLUG,
    ), _dokumen, _in("dokumen")),
    NewFile("new_galeri", "Create a ready-to-edit photo album in content/galeri/ with its "
            "first photo; add the others below it (or in the web editor).", schema.GALERI, (
        Option("judul", "judul galeri, misalnya \"Pelatihan Menulis Berita Desa\""),
        Option("tanggal", "tanggal kegiatan YYYY-MM-DD"),
        Option("kim", f"slug KIM, {KIM_MANY}"),
        Option("foto", "foto pertama: jalurnya di dalam content/, misalnya "
                       "images/galeri/foto-1.jpg"),
        Option("alt", "teks alternatif foto pertama: gambarkan isinya"),
        Option("kredit", "siapa yang memotret (tidak wajib)", None),
        SLUG,
    ), _galeri, _in("galeri")),
)


def write(new_file, given, content, root):
    """Write the file `new_file` makes of the options `given` into the
    folder `content` of the project at `root`, keep it only if it passes
    the checks, and return its path."""
    values = new_file.values(Answers(given, content))
    path = Path(content) / new_file.path(values)
    shown = path.relative_to(root).as_posix()
    if path.exists():
        raise Refused(f"{shown} sudah ada. Pilih judul atau slug lain, atau sunting berkas itu.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(scaffold(new_file.ctype, values), encoding="utf-8")
    _, problems = validate_content(content, root)
    mine = [problem for problem in problems if problem.path == shown]
    if mine:
        path.unlink()
        raise Refused(format_report(mine) + "\nBerkas tidak dibuat.")
    return path
