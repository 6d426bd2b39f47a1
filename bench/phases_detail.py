"""bench/phases.py with the portal's own steps timed too: after phases.py's
table, each wrapped step's seconds in the main process, summed over its calls
(cards, posters, digests, relations, each generator's reading, validation).

    PORTAL_SITEURL=https://kim.contoh.test .venv/bin/python bench/phases_detail.py \
        CONTENT -s publishconf.py -o OUTPUT --fatal warnings -e CACHE_PATH='"CACHE"' \
        [INCREMENTAL_FROM='"PREVIOUS"']

Steps run on other cores inside a wrapped step (cards drawn on every core)
count in that step; the other rendering process shows as the wait for it.
"""
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pelican  # noqa: E402
import phases  # noqa: E402  (patches Pelican and the portal on import)
from pelican.generators import ArticlesGenerator, PagesGenerator, StaticGenerator  # noqa: E402

import portal  # noqa: E402
from portal.domain import digest  # noqa: E402
from portal.output import posters, previews  # noqa: E402
from portal.output.digest import DigestGenerator  # noqa: E402
from portal.output.feeds import FeedsGenerator  # noqa: E402
from portal.output.generator import PortalGenerator  # noqa: E402

for cls in (ArticlesGenerator, PagesGenerator, StaticGenerator, PortalGenerator,
            DigestGenerator, FeedsGenerator):
    phases.timed(cls, "generate_context", f"{cls.__name__}.generate_context")
phases.timed(portal, "link", "relations.link")
phases.timed(portal, "build_rapor", "rapor")
phases.timed(portal, "plan_pages", "plan_pages")
phases.timed(portal, "_prepare_carry", "prepare carry (body hashes, previous record)")
phases.timed(posters, "attach", "posters.attach")
phases.timed(previews.Previews, "attach", "previews.attach")
phases.timed(digest, "build", "digest.build")
phases.timed(portal.search, "indexed_pages", "search.indexed_pages")
phases.timed(portal, "_initialized", "initialized (validation, Markdown)")

if __name__ == "__main__":
    sys.argv[0] = "pelican"
    try:
        pelican.main(sys.argv[1:])
    finally:
        phases.mark("end")
        total = phases.marks[-1][1] - phases.marks[0][1]
        spent, opened = defaultdict(float), {}
        for name, t in phases.marks:
            if name.endswith(":start"):
                opened[name[:-6]] = t
            elif name.endswith(":end") and name[:-4] in opened:
                spent[name[:-4]] += t - opened.pop(name[:-4])
        print(phases.report(), file=sys.stderr)
        print("| step (main process) | seconds |\n|---|---:|", file=sys.stderr)
        for label, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
            print(f"| {label} | {seconds:.1f} |", file=sys.stderr)
        print(f"| all | {total:.1f} |", file=sys.stderr)
