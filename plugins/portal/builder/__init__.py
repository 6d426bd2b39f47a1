"""The machinery around one build of the site: what one step hands to the
next (state.py), pages carried over from the previous site (incremental.py),
writing on every core (parallel.py), a warm process for the live preview
(warm.py), building beside the live site and switching to it (swap.py,
site.py), the local server (server.py), the preview's reload (preview.py) and
CI's annotations (annotations.py)."""
