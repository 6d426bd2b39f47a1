"""Atom feeds that do not depend on when the site was built.

A feed's <updated> is its newest entry's date; for a feed with no entries
(a KIM that has not published yet) the feed library falls back to the
current time, which would make every build differ. Such a feed takes the
date of the newest article on the site instead.
"""

from datetime import UTC, datetime

# For a site without a single article.
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def steady_updated(feed, context):
    newest = max((article.date for article in context.get("articles") or ()), default=_EPOCH)
    latest = feed.latest_post_date
    feed.latest_post_date = lambda: latest() if feed.items else newest
    return feed
