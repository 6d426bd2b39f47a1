"""Writing the site: the portal's pages, feeds, sitemap, search index,
stylesheet, the web editor's configuration, and the filters templates use."""
