"""The speed-ups must not change what is built: pages rendered on several
processes, Markdown taken from the render cache, and the one-pass output
checks give the same results as doing everything once, in order."""

import shutil

import pytest

from conftest import EXTRA_KIM, EXTRA_NEWS, ROOT, build, make_full_content, tree_digest
from quality import budgets, links, security
from quality.site import check_site


def stable(folder):
    return tree_digest(folder)  # search index included (search.steady)


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    return make_full_content(tmp_path_factory.mktemp("perf") / "content")


def test_pages_rendered_on_two_processes_match_one_process(content, tmp_path):
    one, two, tight = tmp_path / "satu", tmp_path / "dua", tmp_path / "sempit"
    logs = {}
    # The third asks for two processes within 1 MiB: a forked copy does not
    # fit, so one process writes every page (cores.within_memory).
    for output, workers, memory in ((one, 1, 0), (two, 2, 0), (tight, 2, 1)):
        result = build(content, output, overrides={
            "PORTAL_WORKERS": workers, "PORTAL_MEMORY_MB": memory,
            "CACHE_PATH": str(tmp_path / "cache")})
        assert result.returncode == 0, result.stderr
        logs[output] = result.stdout + result.stderr
    assert stable(two) == stable(one)
    assert stable(tight) == stable(one)
    assert "Halaman ditulis oleh 1 proses, bukan 2" in logs[tight]
    assert "Halaman ditulis oleh" not in logs[two]
    # Not two empty sites: each extra KIM, potensi and news item of the full
    # content has a page of its own, so there are at least that many.
    assert len([name for name in stable(one) if name.endswith(".html")]) >= \
        2 * EXTRA_KIM + EXTRA_NEWS


def test_a_page_that_fails_to_render_fails_the_build_on_any_process(content, tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    # Every KIM profile fails, so both processes meet the error.
    template = theme / "templates" / "kim.html"
    template.write_text(template.read_text().replace(
        "{% block content %}", "{% block content %}{{ kim.slug|length // 0 }}", 1))
    result = build(content, tmp_path / "out", overrides={"THEME": str(theme),
                                                         "PORTAL_WORKERS": 2})
    assert result.returncode != 0
    assert "ZeroDivisionError" in result.stdout + result.stderr


def _edit(content):
    article = content / "berita" / "2020-01-05-pengumuman-uji-5.md"
    text = article.read_text()
    assert "Pengumuman uji nomor 5" in text
    article.write_text(text.replace("Pengumuman uji nomor 5", "Kabar suntingan lima")
                       + "\nParagraf baru hasil suntingan editor.\n")


def test_rebuild_with_a_warm_cache_equals_a_cold_build_after_an_edit(content, tmp_path):
    edited = tmp_path / "konten"
    shutil.copytree(content, edited)
    cache = tmp_path / "cache"
    first = build(edited, tmp_path / "awal", overrides={"CACHE_PATH": str(cache)})
    assert first.returncode == 0, first.stderr
    _edit(edited)
    warm = build(edited, tmp_path / "hangat", overrides={"CACHE_PATH": str(cache)})
    cold = build(edited, tmp_path / "dingin", overrides={"CACHE_PATH": str(tmp_path / "baru")})
    assert warm.returncode == 0 and cold.returncode == 0, warm.stderr + cold.stderr
    assert stable(tmp_path / "hangat") == stable(tmp_path / "dingin")
    # The slug follows the new title.
    page = (tmp_path / "hangat" / "berita" / "kabar-suntingan-lima" / "index.html").read_text()
    assert ">Kabar suntingan&nbsp;lima</h1>" in page  # typogrify keeps the last words together
    assert "Paragraf baru hasil suntingan&nbsp;editor.</p>" in page
    assert not (tmp_path / "hangat" / "berita" / "pengumuman-uji-nomor-5").exists()
    # The old title is gone from every page, listings and feeds included.
    stale = [path for path in (tmp_path / "hangat").rglob("*.*ml")
             if "Pengumuman uji nomor 5<" in path.read_text(errors="replace")]
    assert stale == []


def test_a_settings_change_does_not_reuse_cached_html(content, tmp_path):
    cache = str(tmp_path / "cache")
    assert build(content, tmp_path / "a", overrides={"CACHE_PATH": cache}).returncode == 0
    plain = {"CACHE_PATH": cache, "TYPOGRIFY": False}
    assert build(content, tmp_path / "b", overrides=plain).returncode == 0
    fresh = {"CACHE_PATH": str(tmp_path / "kosong"), "TYPOGRIFY": False}
    assert build(content, tmp_path / "c", overrides=fresh).returncode == 0
    assert stable(tmp_path / "b") == stable(tmp_path / "c")
    assert stable(tmp_path / "b") != stable(tmp_path / "a")


def test_render_cache_namespace_follows_settings_and_code(monkeypatch, tmp_path):
    from portal.intake import rendering

    settings = {"MARKDOWN": {"extensions": []}, "TYPOGRIFY": True}
    base = rendering.namespace(settings)
    assert rendering.namespace({**settings, "TYPOGRIFY": False}) != base
    code = tmp_path / "portal"
    shutil.copytree(ROOT / "plugins" / "portal", code,
                    ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(rendering, "__file__", str(code / "intake" / "rendering.py"))
    assert rendering.namespace(settings) == base
    sanitize = code / "intake" / "sanitize.py"
    sanitize.write_text(sanitize.read_text() + "\n# changed\n")
    assert rendering.namespace(settings) != base


def test_one_pass_check_reports_what_the_separate_checks_report(full_site, tmp_path):
    site = tmp_path / "situs"
    shutil.copytree(full_site, site)
    page = site / "kim" / "palae" / "index.html"
    page.write_text(page.read_text().replace(
        "<main", '<main style="color:red"', 1).replace(
        "</main>", '<a href="/tidak-ada/">x</a><a href="#jangkar-hilang">y</a>'
        '<img src="/images/tidak-ada.png"></main>', 1))
    separate = [*links.check_links(site), *security.check_security(site),
                *budgets.check_budgets(site)]
    together = check_site(site, workers=2)
    assert sorted(together) == sorted(separate)
    for expected in ("kim/palae/index.html: tautan '/tidak-ada/' menuju halaman yang tidak ada",
                     "kim/palae/index.html: tautan '#jangkar-hilang' menuju jangkar",
                     "kim/palae/index.html: [inline-style] atribut style pada <main>",
                     "kim/palae/index.html: [image-alt]"):
        assert any(problem.startswith(expected) for problem in together), expected


def test_each_kind_of_page_is_shared_evenly_between_processes():
    """A KIM's page is followed by its poster: with one sequence of turns,
    every poster (the slowest page, its QR code drawn) went to one process."""
    from portal.builder.parallel import ShareWriter

    sequence = ["kim.html", "poster.html"] * 50 + ["_Text"] * 7
    taken = []
    for share in (0, 1):
        writer = object.__new__(ShareWriter)
        writer.workers, writer.share, writer._turns = 2, share, {}
        taken.append([kind for kind in sequence if writer.my_turn(kind)])
    # Every page once, by exactly one process ...
    assert sorted(taken[0] + taken[1]) == sorted(sequence)
    # ... and each process has its half of the posters.
    assert [mine.count("poster.html") for mine in taken] == [25, 25]
    assert [mine.count("_Text") for mine in taken] == [4, 3]


def test_front_matter_kept_by_an_earlier_build_reads_as_parsed_afresh(content, tmp_path):
    from portal.intake.validation import validate_content

    edited, cache = tmp_path / "konten", tmp_path / "cache"
    shutil.copytree(content, edited)

    def documents(cache_path):
        found, problems = validate_content(edited, cache_path=cache_path)
        assert problems == []
        return {doc.relpath: (doc.metadata, doc.body, doc.body_line, doc.lines) for doc in found}

    first = documents(cache)
    assert list((cache / "kepala").glob("*.pickle"))  # kept for the next build
    # What a later step does to a build's metadata is not kept.
    next(iter(first.values()))[0]["title"] = "diubah sesudah dibaca"
    _edit(edited)
    assert documents(cache) == documents(None)
    # A file made unreadable is reported, not served from the cache.
    article = next((edited / "berita").glob("*.md"))
    article.write_text(article.read_text().replace("title:", "title: [", 1))
    _, problems = validate_content(edited, cache_path=cache)
    assert [problem for problem in problems if article.name in problem.path]
