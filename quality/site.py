"""The checks a build must pass before it replaces the published site
(``invoke build`` and ``invoke publish``): links and anchors, security rules
and page budgets, in one pass that parses each page once, with the pages
shared out over every core."""

from selectolax.lexbor import LexborHTMLParser

from portal import cores

from .budgets import page_budget_problems
from .links import page_link_problems
from .pages import SiteFiles, is_reader_page
from .security import page_security_problems

# What every process checks against, set once per process (_prepare).
_site = None
_siteurl = ""
_policy = None


def _prepare(site, siteurl, policy):
    global _site, _siteurl, _policy
    _site, _siteurl, _policy = site, siteurl, policy


def _check_pages(names):
    problems = []
    for name in names:
        text = _site.text(name)
        tree = LexborHTMLParser(text)
        problems += page_link_problems(_site, name, tree, _siteurl)
        if is_reader_page(name):
            problems += page_security_problems(name, tree, _siteurl)
            problems += page_budget_problems(_site, name, tree, text, _siteurl,
                                             policy=_policy)
    return problems


def check_site(output_dir, siteurl="", workers=None, policy=None):
    """Indonesian problem lines for the whole built site, page by page;
    `policy`: the PagePolicy the site was built with."""
    site = SiteFiles(output_dir)
    names = site.html_names()
    # A process pays off from about 200 pages.
    workers = min(cores.count(workers), max(1, len(names) // 200))
    # Contiguous runs of pages, so that a page and the pages its anchors
    # point to are mostly parsed by the same process.
    size = max(1, -(-len(names) // (workers * 4)))
    runs = [names[start:start + size] for start in range(0, len(names), size)]
    try:
        return [problem for problems in cores.map_items(
                    _check_pages, runs, workers, _prepare, (site, siteurl, policy),
                    chunks_per_worker=1)
                for problem in problems]
    finally:
        _prepare(None, "", None)


def checker(settings, siteurl=""):
    """The check of a site built with the settings file `settings` for the
    address `siteurl` (its page policy read from them): a built folder ->
    its problems, as `invoke build` and `publish` run it before a switch."""
    from pelican.settings import read_settings

    from portal.output.policy import PagePolicy

    policy = PagePolicy.from_settings(read_settings(str(settings)))
    return lambda folder: check_site(folder, siteurl, policy=policy)
