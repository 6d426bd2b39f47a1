"""The corpus: every content file read, validated and rendered once, and let
go of once Pelican has read it (intake/corpus.py)."""

import pytest
from pelican.settings import read_settings

from conftest import ROOT, SAMPLE
from portal.intake import corpus, rendering


@pytest.fixture()
def loaded(tmp_path):
    content = SAMPLE
    options = rendering.take_over_typography(read_settings(str(ROOT / "pelicanconf.py")))
    found, problems = corpus.load(content, content.parent, options, tmp_path / "cache",
                                  workers=1)
    assert problems == []
    return found


def test_all_read_keeps_what_the_rest_of_the_build_asks(loaded):
    documents = [entry.document for entry in loaded]
    before = {doc.path: (doc.relpath, doc.ctype, doc.slug, doc.draft, set(doc.files))
              for doc in documents}
    assert any(doc.text and doc.body for doc in documents)
    assert any(entry.body_html for entry in loaded)
    loaded.all_read()
    after = [entry.document for entry in loaded]
    assert {doc.path: (doc.relpath, doc.ctype, doc.slug, doc.draft, set(doc.files))
            for doc in after} == before
    # The text, the Markdown, the lines and the HTML are gone.
    assert all(doc.text == "" and doc.body == "" and doc.lines == {} for doc in after)
    assert all(entry.body_html == "" and entry.summary_html is None for entry in loaded)


def test_an_entry_asked_for_after_all_read_is_an_error_not_an_empty_page(loaded):
    path = next(iter(loaded)).document.path
    assert loaded.entry(path).body_html
    loaded.all_read()
    with pytest.raises(RuntimeError, match="after all_read"):
        loaded.entry(path)
