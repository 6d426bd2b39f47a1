"""Production settings: everything from pelicanconf.py, plus the public
address. The address comes from the environment so that the same files can
publish to any host (GitHub Pages sets it in CI)."""

import os
import runpy

# Every development setting, read from the file beside this one (Pelican
# loads settings files by path, so pelicanconf is not importable by name).
globals().update({name: value for name, value in runpy.run_path(
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "pelicanconf.py")).items()
    if name.isupper()})

SITEURL = os.environ.get("PORTAL_SITEURL", "http://localhost:8000").rstrip("/")
PUBLIC_URL = SITEURL
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
# Nothing of a draft is published: no page, and no file only a draft uses.
SHOW_DRAFTS = False
# The web editor saves through GitHub only; no local decap-server.
CMS_LOCAL_BACKEND = False
