"""The editors' documentation stays true: every validation message quoted in
docs/pesan-pemeriksaan.md is produced, word for word, by a broken fixture."""

import re
import shutil

from conftest import FIXTURES, ROOT
from portal.intake.validation import validate_content

DOC = ROOT / "docs" / "pesan-pemeriksaan.md"


def all_fixture_messages(tmp_path):
    messages = set()
    for case in sorted((FIXTURES / "invalid").iterdir()):
        site = tmp_path / case.name
        shutil.copytree(FIXTURES / "valid-minimal", site)
        shutil.copytree(case.joinpath("content"), site.joinpath("content"), dirs_exist_ok=True,
                        symlinks=True)  # a case may hold a symbolic link
        _, problems = validate_content(site.joinpath("content"), site)
        messages.update(str(problem) for problem in problems)
    return messages


def test_every_quoted_message_is_real(tmp_path):
    quoted = [line for block in re.findall(r"```text\n(.*?)```", DOC.read_text(), re.S)
              for line in block.splitlines() if line.startswith('content/')]
    assert len(quoted) >= 30
    real = all_fixture_messages(tmp_path)
    missing = [line for line in quoted if line not in real]
    assert missing == [], "\n".join(missing)


def test_editor_guide_links_the_message_page():
    guide = (ROOT / "docs" / "panduan-editor.md").read_text()
    assert "pesan-pemeriksaan.md" in guide


GUIDE = ROOT / "docs" / "panduan-editor.md"


def test_the_guide_lists_every_section_content_folder_and_reserved_slug():
    from portal.model.schema import CONTENT_TYPES, RESERVED_PAGE_SLUGS

    guide = GUIDE.read_text()
    sections = re.findall(r"^## (\d+)\. ", guide, re.M)
    contents = re.findall(r"^(\d+)\. \[", guide.split("## Aturan dasar isi")[0], re.M)
    assert contents == sections and len(sections) >= 21
    table = guide.split("## 1. Susunan folder konten")[1].split("## 2.")[0]
    folders = set(re.findall(r"^\| `content/([\w.]+)/?`", table, re.M))
    assert set(CONTENT_TYPES) | {"images", "berkas", "situs.yml"} <= folders
    listed = re.search(r"tidak boleh dipakai\s+untuk halaman: (.*?)\.\n", guide, re.S).group(1)
    assert set(re.findall(r"`([\w-]+)`", listed)) == set(RESERVED_PAGE_SLUGS)


def test_dates_are_written_one_way():
    """The guide, the message catalogue and the README write a date as the
    messages do (kinds.DATE_FORMS): YYYY-MM-DD."""
    for path in (GUIDE, DOC, ROOT / "README.md"):
        assert not re.search(r"TTTT|tttt|DD-MM-YYYY", path.read_text()), path.name
