"""The pure parts of quality.lighthouse: score extraction from a Lighthouse
JSON report, failing audits, the summary table and the failure list. A
small hand-made report stands in for Lighthouse; one test drives
run_audit with a fake `lighthouse` script (no browser)."""

import json
import stat
import sys

import pytest

from quality import lighthouse as lh
from quality.catalogue import audit_pages


def make_report(performance=0.97, accessibility=1, best_practices=0.96, seo=0.92):
    """A minimal Lighthouse 12 JSON report with one audit of each kind."""
    audits = {
        "first-contentful-paint": {"id": "first-contentful-paint",
                                   "title": "First Contentful Paint", "score": 0.91,
                                   "scoreDisplayMode": "numeric", "displayValue": "1.9 s"},
        "color-contrast": {"id": "color-contrast", "score": 1, "scoreDisplayMode": "binary",
                           "title": "Background and foreground colors have a sufficient "
                                    "contrast ratio"},
        "tap-targets": {"id": "tap-targets", "score": None,
                        "scoreDisplayMode": "notApplicable", "title": "Tap targets"},
        "errors-in-console": {
            "id": "errors-in-console", "score": 0, "scoreDisplayMode": "binary",
            "title": "Browser errors were logged to the console",
            "details": {"type": "table", "items": [{
                "source": "network",
                "description": "Failed to load resource: the server responded with a "
                               "status of 404 (File not found)",
                "sourceLocation": {"type": "source-location",
                                   "url": "http://127.0.0.1:8811/favicon.ico",
                                   "line": 0, "column": 0},
            }]},
        },
        "csp-xss": {"id": "csp-xss", "score": None, "scoreDisplayMode": "informative",
                    "title": "Ensure CSP is effective against XSS attacks"},
        "inspector-issues": {"id": "inspector-issues", "score": None,
                             "scoreDisplayMode": "error", "title": "Issues",
                             "errorMessage": "Protocol error"},
        "meta-description": {"id": "meta-description", "score": 0,
                             "scoreDisplayMode": "binary",
                             "title": "Document does not have a meta description"},
        "robots-txt": {
            "id": "robots-txt", "score": 0, "scoreDisplayMode": "binary",
            "title": "robots.txt is not valid", "displayValue": "1 error found",
            "details": {"type": "table", "items": [
                {"index": "1", "line": "Allow /", "message": "Syntax not understood"}]},
        },
        "structured-data": {"id": "structured-data", "score": None,
                            "scoreDisplayMode": "manual", "title": "Structured data is valid"},
        "is-crawlable": {"id": "is-crawlable", "score": 1, "scoreDisplayMode": "binary",
                         "title": "Page isn't blocked from indexing"},
        "document-latency-insight": {
            "id": "document-latency-insight", "score": 0.5,
            "scoreDisplayMode": "metricSavings", "title": "Document request latency",
            "details": {"type": "checklist", "items": {
                "noRedirects": {"label": "Avoids redirects", "value": True},
                "usesCompression": {"label": "No compression applied", "value": False}}},
        },
    }
    refs = {
        "performance": ["first-contentful-paint", "document-latency-insight"],
        "accessibility": ["color-contrast", "tap-targets"],
        "best-practices": ["errors-in-console", "csp-xss", "inspector-issues"],
        "seo": ["meta-description", "robots-txt", "structured-data", "is-crawlable"],
    }
    scores = {"performance": performance, "accessibility": accessibility,
              "best-practices": best_practices, "seo": seo}
    return {
        "lighthouseVersion": "12.8.2",
        "audits": audits,
        "categories": {cat: {"id": cat, "score": scores[cat],
                             "auditRefs": [{"id": i, "weight": 1} for i in refs[cat]]}
                       for cat in refs},
    }


def perfect_report():
    report = make_report(1, 1, 1, 1)
    for audit in report["audits"].values():
        if audit["score"] is not None:
            audit["score"] = 1
    return report


def test_scores_are_rounded_like_lighthouse_displays_them():
    report = make_report(performance=0.945, seo=0.925)
    assert lh.scores_from_report(report) == {
        "performance": 95, "accessibility": 100, "best-practices": 96, "seo": 93}
    assert lh.score_100(0.57) == 57
    assert lh.score_100(None) is None


def test_missing_or_null_category_scores_are_none():
    report = make_report()
    report["categories"]["performance"]["score"] = None
    del report["categories"]["seo"]
    scores = lh.scores_from_report(report)
    assert scores["performance"] is None and scores["seo"] is None
    assert lh.missed_targets(scores) == ["performance", "best-practices", "seo"]


def test_failing_audits_skip_unscored_and_passing_audits():
    failing = lh.failing_audits(make_report())
    assert [(a["category"], a["id"]) for a in failing] == [
        ("best-practices", "errors-in-console"),
        ("seo", "meta-description"),
        ("seo", "robots-txt"),
    ]
    console = failing[0]
    assert console["title"] == "Browser errors were logged to the console"
    assert "favicon.ico:1" in console["details"][0]
    assert "status of 404" in console["details"][0]
    robots = failing[2]
    assert robots["display_value"] == "1 error found"
    assert robots["details"] == ["line=Allow /; message=Syntax not understood"]


def test_checklist_details_list_only_failed_checks():
    failing = lh.failing_audits(make_report(), categories=("performance",))
    latency = [a for a in failing if a["id"] == "document-latency-insight"][0]
    assert latency["details"] == ["check=No compression applied"]


def test_audit_errors_are_reported_separately():
    assert lh.audit_errors(make_report()) == [
        {"id": "inspector-issues", "message": "Protocol error"}]


def test_row_lists_performance_audits_only_when_performance_misses():
    row = lh.row_from_report("/", "http://x/", make_report(performance=0.97))
    assert {a["category"] for a in row["failing"]} == {"best-practices", "seo"}
    slow = lh.row_from_report("/", "http://x/", make_report(performance=0.80))
    assert "first-contentful-paint" in [a["id"] for a in slow["failing"]]


def test_failures_keep_only_pages_that_miss_a_target():
    good = lh.row_from_report("/", "http://x/", perfect_report())
    bad = lh.row_from_report("/kim/", "http://x/kim/", make_report())
    broken = lh.error_row("/arsip/", "http://x/arsip/", "Lighthouse timed out after 5 s")
    failed = lh.failures([good, bad, broken])
    assert [f["page"] for f in failed] == ["/kim/", "/arsip/"]
    assert failed[0]["missed"] == ["best-practices", "seo"]
    assert [a["id"] for a in failed[0]["audits"]] == [
        "errors-in-console", "meta-description", "robots-txt"]
    assert failed[1]["error"].startswith("Lighthouse timed out")
    assert lh.failures([good]) == []


def test_performance_at_target_passes():
    report = perfect_report()
    report["categories"]["performance"]["score"] = 0.95
    assert lh.failures([lh.row_from_report("/", "u", report)]) == []
    report["categories"]["performance"]["score"] = 0.94
    assert lh.failures([lh.row_from_report("/", "u", report)])[0]["missed"] == ["performance"]


def test_render_table():
    rows = [lh.row_from_report("/", "http://x/", perfect_report()),
            lh.row_from_report("/kim/", "http://x/kim/", make_report()),
            lh.error_row("/a|b/", "http://x/a|b/", "boom")]
    lines = lh.render_table(rows).splitlines()
    assert lines[0] == ("| Page | Performance | Accessibility | Best practices | SEO | "
                        "Failing audits (a11y, BP, SEO) |")
    assert lines[1] == "|---|---:|---:|---:|---:|---|"
    assert lines[2] == "| `/` | 100 | 100 | 100 | 100 |  |"
    assert lines[3] == ("| `/kim/` | 97 | 100 | 96 ✗ | 92 ✗ | "
                        "errors-in-console, meta-description, robots-txt |")
    assert lines[4] == r"| `/a\|b/` | – ✗ | – ✗ | – ✗ | – ✗ | ERROR: boom |"


def test_render_failures_and_summary():
    rows = [lh.row_from_report("/kim/", "http://x/kim/", make_report())]
    text = lh.render_failures(lh.failures(rows))
    assert "### `/kim/` — Best practices 96 < 100, SEO 92 < 100" in text
    assert "- [seo] `meta-description`: Document does not have a meta description" in text
    assert "- [seo] `robots-txt`: robots.txt is not valid (1 error found)" in text
    assert lh.render_failures([]) == "All pages meet the Lighthouse targets."
    summary = lh.render_summary(rows, {"Duration": "1.0 s"})
    assert "- Duration: 1.0 s" in summary and "| `/kim/` |" in summary
    assert "`inspector-issues`: Protocol error" in summary


def test_median_row_keeps_the_middle_performance_run():
    runs = []
    for score in (0.88, 0.97, 0.93):
        report = perfect_report()
        report["categories"]["performance"]["score"] = score
        runs.append(lh.row_from_report("/", "u", report))
    chosen = lh.median_row(runs)
    assert chosen["scores"]["performance"] == 93
    assert chosen["performance_runs"] == [88, 97, 93]
    assert "93 ✗ (runs 88/97/93)" in lh.render_table([chosen])


def test_slugs_and_urls(full_site):
    assert lh.slug_for("/") == "beranda"
    assert lh.slug_for("/arsip/2018/09/") == "arsip-2018-09"
    pages = audit_pages(full_site)
    assert len({lh.slug_for(p) for p in pages}) == len(pages) >= 15
    assert lh.page_url("http://127.0.0.1:8811/", "/kim/") == "http://127.0.0.1:8811/kim/"
    assert lh.page_url("https://h/portal", "/") == "https://h/portal/"


def test_command_line_has_the_required_options():
    command = lh.lighthouse_command("http://x/", "/r/beranda.json", "lighthouse")
    assert command[:2] == ["lighthouse", "http://x/"]
    assert "--only-categories=performance,accessibility,best-practices,seo" in command
    assert "--output=json" in command and "--quiet" in command
    assert "--output-path=/r/beranda.json" in command
    flags = [c for c in command if c.startswith("--chrome-flags=")][0]
    assert "--headless=new" in flags and "--no-sandbox" in flags
    assert not any(c.startswith(("--preset", "--form-factor")) for c in command)  # mobile


FAKE_LIGHTHOUSE = """#!{python}
import json, sys, time
args = sys.argv[1:]
url = args[0]
out = [a.split("=", 1)[1] for a in args if a.startswith("--output-path=")][0]
if url.endswith("/lambat/"):
    time.sleep(30)
if url.endswith("/rusak/"):
    sys.stderr.write("Runtime error encountered: boom\\n")
    sys.exit(1)
report = json.loads({report!r})
if url.endswith("/kim/"):
    report["categories"]["seo"]["score"] = 0.92
if url.endswith("/goyah/"):  # performance differs per run: 88, then 97, then 96
    runs = {{"goyah.json": 0.88, "goyah.run2.json": 0.97, "goyah.run3.json": 0.96}}
    report["categories"]["performance"]["score"] = runs[out.rsplit("/", 1)[1]]
with open(out, "w") as f:
    json.dump(report, f)
"""


@pytest.fixture
def fake_lighthouse(tmp_path):
    script = tmp_path / "lighthouse"
    script.write_text(FAKE_LIGHTHOUSE.format(python=sys.executable,
                                             report=json.dumps(perfect_report())))
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def test_run_audit_with_a_fake_lighthouse(tmp_path, fake_lighthouse):
    report_dir = tmp_path / "report"
    rows = lh.run_audit("http://127.0.0.1:1", report_dir, pages=("/", "/kim/", "/rusak/"),
                        lighthouse_bin=fake_lighthouse, timeout=20)
    assert [r["scores"]["seo"] for r in rows] == [100, 92, None]
    assert rows[0]["report"] == "beranda.json" and (report_dir / "beranda.json").is_file()
    assert "without a report" in rows[2]["error"] and "boom" in rows[2]["error"]
    summary = json.loads((report_dir / "summary.json").read_text(encoding="utf-8"))
    assert [f["page"] for f in summary["failures"]] == ["/kim/", "/rusak/"]
    assert "| `/kim/` | 100 | 100 | 100 | 92 ✗ |" in (report_dir / "summary.md").read_text(
        encoding="utf-8")


def test_run_audit_times_out_per_page(tmp_path, fake_lighthouse):
    rows = lh.run_audit("http://127.0.0.1:1", tmp_path, pages=("/lambat/",),
                        lighthouse_bin=fake_lighthouse, timeout=1)
    assert rows[0]["error"] == "Lighthouse timed out after 1 s"


def test_main_exit_status(tmp_path, fake_lighthouse, capsys):
    common = ["--lighthouse-bin", str(fake_lighthouse)]
    assert lh.main(["http://127.0.0.1:1", str(tmp_path / "a"), "--page", "/"] + common) == 0
    assert lh.main(["http://127.0.0.1:1", str(tmp_path / "b"), "--page", "/kim/"] + common) == 1
    out = capsys.readouterr().out
    assert "| `/kim/` |" in out and "SEO 92 < 100" in out
    assert lh.main(["http://x", str(tmp_path / "c"), "--page", "/", "--lighthouse-bin",
                    str(tmp_path / "missing")]) == 2
    # Without --page, the pages come from a built site: none there is an error too.
    assert lh.main(["http://x", str(tmp_path / "d"), "--site", str(tmp_path / "tidak-ada")]
                   + common) == 2


def test_render_failures_of_a_page_without_scores():
    text = lh.render_failures(lh.failures([lh.error_row("/", "u", "Lighthouse timed out")]))
    assert text.splitlines()[:2] == ["### `/`", "- ERROR: Lighthouse timed out"]
    report = perfect_report()
    report["categories"]["seo"]["score"] = None
    text = lh.render_failures(lh.failures([lh.row_from_report("/", "u", report)]))
    assert text.splitlines()[0] == "### `/` — some categories have no score"


def test_a_performance_miss_is_rerun_and_the_median_kept(tmp_path, fake_lighthouse):
    rows = lh.run_audit("http://127.0.0.1:1", tmp_path, pages=("/goyah/", "/"),
                        lighthouse_bin=fake_lighthouse, timeout=20)
    assert rows[0]["scores"]["performance"] == 96
    assert rows[0]["performance_runs"] == [88, 97, 96]
    assert rows[0]["report"] == "goyah.run3.json"
    assert "performance_runs" not in rows[1]  # a first run at target is not repeated
    assert lh.failures(rows) == []
    single = lh.run_audit("http://127.0.0.1:1", tmp_path, pages=("/goyah/",),
                          lighthouse_bin=fake_lighthouse, timeout=20, perf_runs=1)
    assert single[0]["scores"]["performance"] == 88
    assert not list(tmp_path.glob("*.run*.json"))  # stale extra runs are removed
