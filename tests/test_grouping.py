"""Article groups in linear time give exactly what Pelican's own grouping
gives (plugins/portal/domain/grouping.py)."""

from datetime import datetime
from operator import attrgetter
from types import SimpleNamespace

from pelican.generators import ArticlesGenerator

from portal.domain.grouping import GroupList, month_archives

SETTINGS = {
    "YEAR_ARCHIVE_SAVE_AS": "", "YEAR_ARCHIVE_URL": "",
    "MONTH_ARCHIVE_SAVE_AS": "arsip/{date:%Y}/{date:%m}/index.html",
    "MONTH_ARCHIVE_URL": "arsip/{date:%Y}/{date:%m}/",
    "DAY_ARCHIVE_SAVE_AS": "", "DAY_ARCHIVE_URL": "",
}


def _articles():
    # Out of order, several per month, two with the same date, across years.
    stamps = [(2024, 3, 5), (2023, 12, 31), (2024, 3, 1), (2024, 1, 9), (2024, 3, 5),
              (2023, 12, 1), (2022, 7, 14)]
    return [SimpleNamespace(slug=f"berita-{number}", date=datetime(*stamp))
            for number, stamp in enumerate(stamps)]


def test_month_archives_equal_pelicans_grouping():
    articles = _articles()
    dates = sorted(articles, key=attrgetter("date"), reverse=True)
    # _build_period_archives does not use its instance.
    expected = ArticlesGenerator._build_period_archives(None, dates, articles, SETTINGS)["month"]
    got = month_archives(dates, articles, SETTINGS["MONTH_ARCHIVE_SAVE_AS"],
                         SETTINGS["MONTH_ARCHIVE_URL"])
    assert got == expected
    assert [archive["period_num"] for archive in got] == [(2024, 3), (2024, 1), (2023, 12),
                                                          (2022, 7)]
    assert [a.slug for a in got[0]["articles"]] == ["berita-0", "berita-2", "berita-4"]


def test_group_list_membership_is_by_identity_and_follows_changes():
    first, twin = SimpleNamespace(slug="a"), SimpleNamespace(slug="a")
    group = GroupList([first])
    assert first in group
    assert twin not in group
    group.append(twin)
    assert twin in group
    assert [a for a in (twin, first, SimpleNamespace()) if a in group] == [twin, first]
