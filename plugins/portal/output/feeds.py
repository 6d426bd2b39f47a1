"""Atom feeds that do not depend on when the site was built, and that name
no author nobody configured.

A feed's <updated> is its newest entry's date; for a feed with no entries
(a KIM that has not published yet) the feed library falls back to the
current time, which would make every build differ. Such a feed takes the
date of the newest article on the site instead.

An entry's author is its `penulis` or the default author of situs.yml
(Pelican's AUTHOR). Without either Pelican passes an empty name, which the
feed library writes as an empty <author>; such entries get none, and the
feed names the site itself (Atom wants an author for every entry, from the
entry or the feed).
"""

from datetime import UTC, datetime

# For a site without a single article.
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def steady_updated(feed, context):
    newest = max((article.date for article in context.get("articles") or ()), default=_EPOCH)
    latest = feed.latest_post_date
    feed.latest_post_date = lambda: latest() if feed.items else newest
    return feed


def site_as_author(feed, sitename):
    add_item = feed.add_item

    def add(*args, author_name=None, **kwargs):
        return add_item(*args, author_name=str(author_name) if author_name else None, **kwargs)

    feed.add_item = add
    if not feed.feed.get("author_name"):
        feed.feed["author_name"] = sitename
    return feed
