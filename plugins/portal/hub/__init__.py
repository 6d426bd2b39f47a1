"""The hub: one kabupaten or province portal joined from many portal sites.

Each kabupaten keeps its own repository, build and site; the hub reads what
those sites publish for machines and links back to them, without copying a
page:

- ``feeds/semua.json`` (newest items), ``feeds/kim.json`` and
  ``feeds/potensi.json`` (JSON Feed 1.1 with the portal's ``_portal``
  extension) for the home page and the KIM and potensi directories;
- the names of the portal's Pagefind bundles, from its search page
  (``cari/index.html``), so that the hub's search page merges each portal's
  own index in the reader's browser (Pagefind's ``mergeIndex``).

Modules, in the order a run uses them:

- ``settings.py``: the hub's settings file (``hub.yml``), checked like
  content, every problem with its line;
- ``fetch.py``: fetching a portal's files from its address (conditional
  requests against a cache, so a run downloads only what changed) or from a
  local folder;
- ``portals.py``: each portal's feeds read into items, KIM and potensi, and
  its search bundles; a portal that cannot be read is skipped with a message;
- ``build.py``: the hub's pages (templates in ``theme/templates/hub/``),
  checked with the portal's own output checks and switched into place as the
  portal's builds are (``builder/swap.py``).
"""
