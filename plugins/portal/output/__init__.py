"""What the site publishes: the portal's pages, feeds, calendars, sitemap,
search index, link-preview cards, posters, the stylesheet, the files an entry
uses, and the filters templates use."""
