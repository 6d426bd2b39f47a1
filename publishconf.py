"""Production settings: everything from pelicanconf.py, plus the public
address. The address comes from the environment so that the same files can
publish to any host (GitHub Pages sets it in CI)."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("PORTAL_SITEURL", "http://localhost:8000").rstrip("/")
PUBLIC_URL = SITEURL
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
# The web editor saves through GitHub only; no local decap-server.
CMS_LOCAL_BACKEND = False
