"""The web editor's own check before saving (theme/static/js/aturan-editor.js
with the rules of admin/aturan.json) refuses what `invoke check` refuses among
the rules Decap's form cannot express, with the same words: every broken
fixture that concerns one entry is run through both."""

import json
import shutil
import subprocess

import pytest

from conftest import FIXTURES, ROOT
from portal.intake import frontmatter
from portal.intake.validation import validate_content
from portal.model.schema import CONTENT_TYPES
from portal.output.cms import editor_rules

CHECKER = ROOT / "theme" / "static" / "js" / "aturan-editor.js"
# A title written after '#' is a YAML comment: a form field cannot produce it.
NOT_FROM_A_FORM = {"judul-diawali-pagar"}


def js_check(entries):
    """Problems of each (collection, data) pair, from the editor's checker in Node."""
    script = (f"const {{check}} = require({json.dumps(str(CHECKER))});"
              "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "process.stdout.write(JSON.stringify(input.entries.map("
              "([collection, data]) => check(input.rules[collection], data))));")
    result = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True,
                            input=json.dumps({"rules": editor_rules(), "entries": entries}))
    return json.loads(result.stdout)


def entries_of(content):
    """(collection, front matter, path) of every readable entry in `content`."""
    found = []
    for key in CONTENT_TYPES:
        for path in sorted((content / key).glob("*.md")):
            try:
                metadata = frontmatter.split(path.read_text(encoding="utf-8")).metadata
            except (frontmatter.FrontMatterError, UnicodeDecodeError):
                continue
            found.append((key, json.loads(json.dumps(metadata, default=str)), path))
    return found


def test_valid_entries_pass_the_editor_check():
    entries = entries_of(FIXTURES / "valid-minimal" / "content") + \
        entries_of(FIXTURES / "sample" / "content")
    assert js_check([[key, data] for key, data, _ in entries]) == [[] for _ in entries]


CASES = sorted(case.name for case in (FIXTURES / "invalid").iterdir()
               if any((case / "content").rglob("*.md")) and case.name not in NOT_FROM_A_FORM)


@pytest.mark.parametrize("case", CASES)
def test_the_editor_refuses_what_check_refuses_in_the_same_words(case, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "valid-minimal", site)
    shutil.copytree(FIXTURES / "invalid" / case / "content", site / "content",
                    dirs_exist_ok=True)
    _, problems = validate_content(site / "content", site)
    overlay = {p.relative_to(FIXTURES / "invalid" / case).as_posix()
               for p in (FIXTURES / "invalid" / case / "content").rglob("*.md")}
    entries = [entry for entry in entries_of(site / "content")
               if entry[2].relative_to(site).as_posix() in overlay]
    got = js_check([[key, data] for key, data, _ in entries])
    for (_, _, path), editor in zip(entries, got, strict=True):
        shown = path.relative_to(site).as_posix()
        expected = sorted(str(problem).split(": ", 1)[1] for problem in problems
                          if problem.path == shown and "wajib diisi" in problem.message)
        assert sorted(editor) == expected, shown


def test_every_fixture_kind_of_required_field_is_covered():
    """The cases above exercise required fields at the top, inside an
    optional group, in each item of a list and for one category."""
    kinds_seen = set()
    for rules in editor_rules().values():
        for rule in rules:
            kinds_seen.add("when" if "when" in rule else "repeated" if rule.get("repeated")
                           else "group" if "group" in rule else "top")
    assert kinds_seen == {"top", "group", "repeated", "when"}
