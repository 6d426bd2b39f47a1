"""The theme's stylesheet, bundled at build time.

The CSS is written as one small file per concern in ``theme/css/`` (tokens
first, then base, layout and one file per component). Readers on weak
signal must get the first render from the HTML and a single stylesheet, so
the files are concatenated in name order into one file whose name carries
a hash of its content: it can be cached forever and changes when it changes.
"""

import hashlib
from pathlib import Path


def bundle(css_dir):
    """Return ``(filename, text)`` for the concatenated stylesheet."""
    parts = []
    for path in sorted(Path(css_dir).glob("*.css")):
        parts.append(f"/* {path.name} */\n" + path.read_text(encoding="utf-8").strip() + "\n")
    text = "\n".join(parts)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    return f"portal.{digest}.css", text
