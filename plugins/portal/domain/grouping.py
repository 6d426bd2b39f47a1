"""Article groups (tags, categories, authors, month archives) whose cost
stays linear in the number of articles.

Pelican (4.12) builds each group's date-ordered list by testing every
article of the site for membership in the group's plain list, which costs
articles × group size per group: for a month archive, a tag, a category and
the site's one author alike. At 5,000 articles that is about 2 s; at 20,000
it is about 33 s (measured, docs/performance.md), and every process that
renders pages pays the tag, category and author part again.

Two changes remove it without touching what is written:

- the groups' article lists become ``GroupList``: a list whose ``in`` looks
  the article up in a set instead of scanning;
- the month archives are grouped here, in one pass over the sorted dates.
  Pelican's own grouping is switched off (``MONTH_ARCHIVE_SAVE_AS = ""``);
  the portal's pattern is ``ARCHIVE_MONTH_SAVE_AS``, and Pelican writes the
  archives computed here as before (``period_archives`` in its context).
"""

import calendar
from itertools import groupby


class GroupList(list):
    """A list of articles with constant-time membership. Members are
    compared by identity, as a plain list compares Pelican's content objects
    (they define no equality). The set of members is built on first use and
    rebuilt if the list's length has changed."""

    __slots__ = ("_members",)

    def __contains__(self, item):
        members = getattr(self, "_members", None)
        if members is None or members[0] != len(self):
            members = self._members = (len(self), {id(member) for member in self})
        return id(item) in members[1]


def linear_groups(generator):
    """article_generator_finalized: swap the groups' lists for GroupLists and
    build the month archives."""
    for tag in generator.tags:
        generator.tags[tag] = GroupList(generator.tags[tag])
    generator.categories[:] = [(category, GroupList(articles))
                               for category, articles in generator.categories]
    generator.authors[:] = [(author, GroupList(articles))
                            for author, articles in generator.authors]
    generator.context["tags"] = list(generator.tags.items())
    month_save_as = generator.settings.get("ARCHIVE_MONTH_SAVE_AS")
    if month_save_as:
        generator.period_archives["month"] = month_archives(
            generator.dates, generator.articles, month_save_as,
            generator.settings["MONTH_ARCHIVE_URL"])


def month_archives(dates, articles, save_as, url):
    """One archive per month of `dates` (sorted by date), in the shape
    Pelican's period_archives template context expects; each archive's
    "articles" keeps the order of `articles`."""
    def month_of(article):
        return article.date.year, article.date.month

    in_order = {}
    for article in articles:
        in_order.setdefault(month_of(article), []).append(article)
    archives = []
    for (year, month), group in groupby(dates, key=month_of):
        in_month = GroupList(group)
        first_day = in_month[0].date
        archives.append({
            "dates": in_month,
            "articles": in_order.get((year, month), []),
            "save_as": save_as.format(date=first_day),
            "url": url.format(date=first_day),
            "period": (year, calendar.month_name[month]),
            "period_num": (year, month),
        })
    return archives


def newest_first(article):
    """The order of the article list (Pelican's ARTICLE_ORDER_BY): newest
    first, and articles of the same moment by their file. Pelican reads the
    files in the order of a set, which changes from run to run with Python's
    string hashing, and its own "reverse-date" keeps ties in that order: two
    builds of the same content linked same-time articles to different
    neighbours and listed them differently."""
    return (-article.date.timestamp(), article.source_path)
