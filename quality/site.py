"""The checks a build must pass before it replaces the published site
(``invoke build`` and ``invoke publish``): links and anchors, security rules
and page budgets, in one pass that parses each page once, with the pages
shared out over every core."""

import multiprocessing
import os

from selectolax.lexbor import LexborHTMLParser

from .budgets import page_budget_problems
from .links import page_link_problems
from .pages import SiteFiles, is_reader_page
from .security import page_security_problems

_site = None
_siteurl = ""
_policy = None


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
    global _site, _siteurl, _policy
    _site, _siteurl, _policy = SiteFiles(output_dir), siteurl, policy
    names = _site.html_names()
    workers = min(workers or os.cpu_count() or 1, max(1, len(names) // 200))
    try:
        if workers == 1:
            return _check_pages(names)
        # Contiguous runs of pages, so that a page and the pages its anchors
        # point to are mostly parsed by the same process.
        size = -(-len(names) // (workers * 4))
        runs = [names[start:start + size] for start in range(0, len(names), size)]
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return [problem for problems in pool.map(_check_pages, runs)
                    for problem in problems]
    finally:
        _site = None
