"""Tests for the content validator (plugins/portal/intake/validation.py).

The fixtures are described in tests/fixtures/README.md: ``valid-minimal`` must
give zero problems, and each ``invalid/<case>`` overlays a few files on a copy
of it and lists in ``expected.txt`` substrings that the problems must contain.
"""

import shutil
from pathlib import Path

import pytest

from portal.intake.validation import validate_content
from portal.model.kinds import whatsapp_number

FIXTURES = Path(__file__).resolve().parent / "fixtures"
VALID = FIXTURES / "valid-minimal"
INVALID = FIXTURES / "invalid"
CASES = sorted(p.name for p in INVALID.iterdir() if p.is_dir())

# Cases that expose a bug in the validator. strict=True: once the plugin is
# fixed the test XPASSes and fails, so the entry must be removed here.
KNOWN_BUGS = {}

# English fragments of PyYAML messages that should not reach editors.
ENGLISH_YAML = ("expected", "but got", "but found", "while parsing", "while scanning",
                "unacceptable character", "<unicode string>")


def _param(case):
    if case in KNOWN_BUGS:
        return pytest.param(case, marks=pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[case]))
    return case


def build_site(tmp_path, *cases):
    """Copy valid-minimal to tmp_path/site and overlay the given cases."""
    site = tmp_path / "site"
    shutil.copytree(VALID, site)
    for case in cases:
        # A case may hold a symbolic link, which must stay one (tautan-simbolik).
        shutil.copytree((INVALID / case).joinpath("content"), site.joinpath("content"),
                        dirs_exist_ok=True, symlinks=True)
    return site


def run(site):
    documents, problems = validate_content(site.joinpath("content"), site)
    return documents, [str(problem) for problem in problems]


def expected_substrings(case):
    text = (INVALID / case / "expected.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip()]


def overlay_files(case):
    overlay = (INVALID / case).joinpath("content")
    return {p.relative_to(overlay).as_posix() for p in overlay.rglob("*")
            if p.is_file() or p.is_symlink()}


def assert_well_formed(lines, site):
    for line in lines:
        assert "\n" not in line, f"problem spans several lines: {line!r}"
        assert "Traceback" not in line, line
        assert "Perbaiki:" in line, f"problem without a fix: {line!r}"
        assert line.startswith('content/'), f"path not relative to the site: {line!r}"
        assert str(site) not in line, f"absolute path leaked: {line!r}"


# -- the valid fixture -------------------------------------------------------


def test_valid_minimal_has_no_problems(tmp_path):
    site = build_site(tmp_path)
    documents, lines = run(site)
    assert lines == []
    kinds = sorted(doc.ctype.key for doc in documents)
    assert kinds == ["acara", "acara", "acara", "berita", "berita", "dokumen", "galeri",
                     "halaman", "kim", "kim", "potensi", "video"]
    assert {doc.slug for doc in documents if doc.ctype.key == "kim"} == {
        "contoh-satu", "contoh-dua"}


def test_valid_minimal_in_place_without_display_root():
    # display_root defaults to the parent of the content folder.
    _, problems = validate_content(VALID.joinpath("content"))
    assert problems == []


def test_fixture_image_is_a_real_png():
    data = VALID.joinpath("content", "images", "contoh.png").read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert data[12:16] == b"IHDR"
    assert data.endswith(b"IEND\xaeB`\x82")


def test_there_are_enough_cases():
    assert len(CASES) >= 24
    for case in CASES:
        assert overlay_files(case), f"{case} has no files under content/"
        assert expected_substrings(case), f"{case} has an empty expected.txt"


# -- invalid cases -------------------------------------------------------------


@pytest.mark.parametrize("case", [_param(case) for case in CASES])
def test_invalid_case(case, tmp_path):
    site = build_site(tmp_path, case)
    _, lines = run(site)
    assert lines, "no problem reported"
    joined = "\n".join(lines)
    for expected in expected_substrings(case):
        assert expected in joined, f"{expected!r} not in:\n{joined}"
    assert_well_formed(lines, site)


# Cases touching pairwise different files, combined into one broken tree.
COMBINED = (
    "kecamatan-tidak-dikenal",       # kim/contoh-satu.md
    "bujur-bukan-angka",             # kim/contoh-dua.md
    "harga-angka-tanpa-satuan",      # potensi/contoh-potensi.md
    "tanggal-mustahil",              # berita/contoh-berita.md
    "klaim-terlalu-panjang",         # berita/contoh-cek-fakta.md
    "yaml-titik-dua-tanpa-kutip",    # halaman/tentang-contoh.md
    "pagar-penutup-hilang",          # berita/tanpa-penutup.md
    "slug-berita-ganda-dari-judul",  # berita/salinan-berita.md
    "berkas-di-luar-folder",         # lain/x.md
    "berkas-bukan-utf8",             # halaman/latin1.md
)


# An activity's end without a time of day is that whole day (the schema's
# hint: "tanggal saja untuk acara beberapa hari"), so a one-day activity that
# starts at 09:00 may end "2026-07-04"; an end with a time is compared as one.
ORDER_CASES = [
    ("2026-07-04 09:00", "2026-07-04", None),
    ("2026-07-04", "2026-07-04", None),
    ("2026-07-04", "2026-07-04 08:00", None),
    ("2026-07-04 09:00", "2026-07-04 09:00", None),
    ("2026-07-04 09:00", "2026-07-03", "selesai (2026-07-03) lebih awal daripada mulai"),
    ("2026-07-04 09:00", "2026-07-04 08:59",
     "selesai (2026-07-04 08:59) lebih awal daripada mulai"),
]


@pytest.mark.parametrize("mulai, selesai, refused", ORDER_CASES)
def test_an_end_without_a_time_is_the_whole_day(tmp_path, mulai, selesai, refused):
    site = build_site(tmp_path)
    path = site.joinpath("content", "acara", "rapat-anggota-contoh.md")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("mulai: 2026-07-04 09:00\nselesai: 2026-07-04 12:00\n",
                                 f"mulai: {mulai}\nselesai: {selesai}\n"), encoding="utf-8")
    assert f"selesai: {selesai}\n" in path.read_text(encoding="utf-8")
    _, lines = run(site)
    if refused is None:
        assert lines == []
    else:
        assert len(lines) == 1, lines
        assert lines[0].startswith("content/acara/rapat-anggota-contoh.md:5: kolom 'selesai': "
                                   f"{refused} ({mulai}). Perbaiki: "), lines


def test_all_problems_reported_in_one_run(tmp_path):
    touched = [overlay_files(case) for case in COMBINED]
    all_files = set().union(*touched)
    assert len(all_files) == sum(map(len, touched)), "combined cases must not overlap"
    site = build_site(tmp_path, *COMBINED)
    _, lines = run(site)
    joined = "\n".join(lines)
    for case in COMBINED:
        for expected in expected_substrings(case):
            assert expected in joined, f"{case}: {expected!r} not in:\n{joined}"
    for relpath in all_files:
        assert any(line.startswith(f'content/{relpath}') for line in lines), relpath
    assert len(lines) >= len(all_files)
    assert_well_formed(lines, site)


def test_every_problem_of_one_file_is_reported(tmp_path):
    site = build_site(tmp_path)
    path = site.joinpath("content", "kim", "contoh-satu.md")
    text = path.read_text(encoding="utf-8")
    for old, new in (("kecamatan: Kumai", "kecamatan: Kumay"),
                     ("jumlah_anggota: 12", "jumlah_anggota: dua belas"),
                     ("  lat: -2.7398", "  lat: 200"),
                     ("  email: kim-contoh-satu@example.com", "  email: bukan-email")):
        assert old in text
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    _, lines = run(site)
    fields = [line.split(": kolom ")[1].split(":")[0] for line in lines]
    assert fields == ["'kecamatan'", "'jumlah_anggota'", "'kontak.email'", "'lokasi.lat'"]


# -- message quality ---------------------------------------------------------------


def test_unclosed_bracket_points_at_the_bracket(tmp_path):
    site = build_site(tmp_path, "yaml-kurung-tidak-seimbang")
    _, lines = run(site)
    assert len(lines) == 1
    assert lines[0].startswith('content/berita/contoh-berita.md:5: ')
    assert not any(fragment in lines[0] for fragment in ENGLISH_YAML), lines[0]


def test_unreadable_kim_does_not_make_references_fail(tmp_path):
    site = build_site(tmp_path)
    path = site.joinpath("content", "kim", "contoh-satu.md")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: KIM Contoh Satu", "title: KIM Contoh: Satu"),
                    encoding="utf-8")
    _, lines = run(site)
    assert any(line.startswith('content/kim/contoh-satu.md:2: kepala YAML') for line in lines)
    assert not any("KIM 'contoh-satu' tidak ada" in line for line in lines), lines


# -- whatsapp_number -------------------------------------------------------------


@pytest.mark.parametrize("value, expected", [
    ("081234567890", "6281234567890"),
    ("0812-3456-7890", "6281234567890"),
    ("0812 3456 7890", "6281234567890"),
    ("(0812) 3456.7890", "6281234567890"),
    ("+6281234567890", "6281234567890"),
    ("+62 812-3456-7890", "6281234567890"),
    ("+62 812 3456 7890", "6281234567890"),
    ("62-812-3456-7890", "6281234567890"),
    ("6281234567890", "6281234567890"),
    (6281234567890, "6281234567890"),  # YAML reads an unquoted 62... as a number
    ("0812345678", "62812345678"),  # shortest: 10 digits with the 0
    ("0812345678901", "62812345678901"),  # longest: 13 digits with the 0
    ("0852-0000-0001", "6285200000001"),
])
def test_whatsapp_number_accepts_mobile_numbers(value, expected):
    assert whatsapp_number(value) == expected


@pytest.mark.parametrize("value", [
    "0532-21234",  # Pangkalan Bun landline
    "(0532) 21234",
    "021-5551234",
    "+62 532 21234",
    "081234567",  # too short
    "08123456789012",  # too long
    "0812345",
    "12345",
    "",
    "nomor WA",
    "0812-3456-789a",
    "+1 812 3456 7890",
    "+62 0812 3456 7890",
])
def test_whatsapp_number_rejects_other_numbers(value):
    assert whatsapp_number(value) is None
