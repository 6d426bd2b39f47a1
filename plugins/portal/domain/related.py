"""'Baca juga': related articles for each article.

Two articles are related when they concern the same KIM or share tags; the
more they share, the closer they are, and among equals the nearer in time
wins. To stay linear at 100,000 articles, candidates for an article are
taken only from its neighbours in time within each KIM/tag list, never from
the whole list.
"""

from collections import defaultdict

NEIGHBOURS = 10  # candidates taken on each side in each shared list
LIMIT = 3


def _keys(article):
    keys = [("kim", slug) for slug in _as_list(getattr(article, "kim", None))]
    keys += [("tag", tag.slug) for tag in getattr(article, "tags", None) or []]
    return keys


def link_related(articles, limit=LIMIT):
    """Set ``article.related`` on every article (newest-first list)."""
    position = {id(article): index for index, article in enumerate(articles)}
    by_id = {id(article): article for article in articles}
    lists = defaultdict(list)
    for article in articles:
        for key in _keys(article):
            lists[key].append(article)  # stays newest first
    index_in = {key: {id(a): i for i, a in enumerate(items)} for key, items in lists.items()}
    for article in articles:
        scores = defaultdict(int)
        for key in _keys(article):
            items = lists[key]
            here = index_in[key][id(article)]
            for other in items[max(0, here - NEIGHBOURS): here + NEIGHBOURS + 1]:
                if other is not article:
                    scores[id(other)] += 2 if key[0] == "kim" else 1
        ranked = sorted(scores, key=lambda other: (
            -scores[other], abs(position[other] - position[id(article)]), position[other]))
        article.related = [by_id[other] for other in ranked[:limit]]


def _as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
