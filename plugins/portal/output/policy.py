"""What a page may load: one policy for every kind of page.

Reader pages load everything from the site itself; no inline script or
style anywhere, so the Content-Security-Policy can forbid both. Two page
kinds need more: pages with a map load tiles from the tile server named in
MAP_TILES (the only other host a reader page may contact), and the search
page runs Pagefind's WebAssembly ('wasm-unsafe-eval'). The web editor at
/admin/ is not a reader page and has its own policy (``editor_csp``).

The templates (``base.html``, ``admin.html``) print these policies and the
quality gates (``quality/budgets.py``) check pages against the same hosts,
so the three cannot drift apart.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

GITHUB_API = "https://api.github.com"
GITHUB_AVATARS = "https://avatars.githubusercontent.com"
DEFAULT_LOCAL_BACKEND = "http://localhost:8081/api/v1"


def origin(url):
    """scheme://host[:port] of an absolute URL, or '' for a path on the site."""
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


@dataclass(frozen=True)
class PagePolicy:
    map_tiles: str = ""  # MAP_TILES, a URL template
    editor_local_backend: str = ""  # decap-server's API in development, or ''
    editor_status_api: str = GITHUB_API  # where the editor follows a save's build
    video_embed: str = ""  # YOUTUBE_EMBED_URL: the player a video page may frame

    @classmethod
    def from_settings(cls, settings):
        local = ""
        if settings.get("CMS_LOCAL_BACKEND"):
            local = settings.get("CMS_LOCAL_BACKEND_URL") or DEFAULT_LOCAL_BACKEND
        return cls(settings.get("MAP_TILES", ""), local,
                   settings.get("CMS_STATUS_API") or GITHUB_API,
                   settings.get("YOUTUBE_EMBED_URL", ""))

    @property
    def tile_origin(self):
        return origin(self.map_tiles)

    @property
    def third_party_origins(self):
        """The hosts other than the site's that a reader page may load from."""
        return tuple(filter(None, (self.tile_origin,)))

    def reader_csp(self, map=False, search=False, video=False):
        """The policy of a reader page; `map`: it shows a map, `search`: it
        runs the search, `video`: it may frame the video player (after the
        reader presses "Putar"; nothing is loaded from there before)."""
        images = "'self' data:" + (f" {self.tile_origin}" if map and self.tile_origin else "")
        scripts = "'self'" + (" 'wasm-unsafe-eval'" if search else "")
        frames = (f"frame-src {origin(self.video_embed)}; "
                  if video and origin(self.video_embed) else "")
        return (f"default-src 'self'; img-src {images}; style-src 'self'; script-src {scripts}; "
                f"{frames}object-src 'none'; base-uri 'self'; form-action 'self'")

    def editor_csp(self):
        """The policy of /admin/ only: what the Decap bundle needs, nothing more.

        Decap (React + emotion) injects <style> elements, so style-src needs
        'unsafe-inline'; its configuration check compiles JSON schemas with
        ajv, which needs 'unsafe-eval'. Scripts still come only from the site.
        The GitHub backend's optional check of www.githubstatus.com is left
        blocked (Decap carries on without it); avatars come from GitHub.
        blob: Decap reads a freshly uploaded photo back from its blob: URL to
        send it to the backend.
        """
        connect = ["'self'", "blob:", GITHUB_API]
        for extra in (self.editor_status_api, self.editor_local_backend):
            if extra and origin(extra) not in connect:
                connect.append(origin(extra))
        return "; ".join([
            "default-src 'self'",
            "script-src 'self' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            f"img-src 'self' data: blob: {GITHUB_AVATARS}",
            f"connect-src {' '.join(connect)}",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ])
