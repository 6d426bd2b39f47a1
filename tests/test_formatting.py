"""Filters of plugins/portal/model/formatting.py whose rule a page alone
would not show broken."""

import re

from markupsafe import Markup

from portal.model.formatting import lentur


def test_a_title_in_a_narrow_box_may_wrap_between_its_last_two_words():
    # What typogrify's widont makes of a title: its last two words joined.
    title = Markup("Agrowisata dan Taman&nbsp;Kelinci")
    shown = lentur(title)
    assert shown == "Agrowisata dan Taman Kelinci"
    # Still markup: the card's template does not escape it a second time.
    assert isinstance(shown, Markup) and str(Markup("{}").format(shown)) == shown


def test_cards_drop_the_joining_space_and_the_page_heading_keeps_it(sample_site):
    """A card's title wraps anywhere between words; the article's own
    heading keeps typogrify's join (no word alone on the last line)."""
    listing = (sample_site / "index.html").read_text(encoding="utf-8")
    titles = re.findall(r'class="teaser__title">\s*<a [^>]*>(.*?)</a>', listing, re.S)
    assert titles and not [title for title in titles if "&nbsp;" in title]
    article = next((sample_site / "berita").glob("*/index.html")).read_text(encoding="utf-8")
    assert re.search(r"<h1[^>]*>[^<]*&nbsp;", article)
