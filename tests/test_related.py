"""'Baca juga' picks articles about the same KIM or with the same tags."""

from types import SimpleNamespace

from portal.domain.related import link_related


def make(name, kim=(), tags=()):
    return SimpleNamespace(title=name, kim=list(kim),
                           tags=[SimpleNamespace(slug=t) for t in tags])


def test_shared_kim_outranks_shared_tag_and_unrelated_articles_are_left_out():
    a = make("a", kim=["palae"], tags=["kim"])
    b = make("b", tags=["kim"])
    c = make("c", kim=["palae"])
    d = make("d", kim=["pigaman"], tags=["lain"])
    link_related([a, b, c, d])
    assert a.related == [c, b]
    assert d.related == []
    assert c.related == [a]


def test_at_most_three_and_nearest_in_time_first():
    articles = [make(str(i), tags=["uji"]) for i in range(8)]
    link_related(articles)
    assert articles[4].related == [articles[3], articles[5], articles[2]]
    assert all(len(a.related) == 3 for a in articles)


def test_founding_article_has_related_reading(sample_site):
    from pathlib import Path

    html = (Path(sample_site) / "berita/enam-kim-resmi-dibentuk-di-kobar/index.html").read_text()
    assert 'id="baca-juga"' in html
