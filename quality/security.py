"""Security rules for every page: a Content-Security-Policy without
'unsafe-inline', no inline script, style or event handler, no javascript:
URLs, and rel="noopener" on links to other sites."""

import re

from .pages import html_pages, is_same_site, naming_the_source

_EVENT_ATTRIBUTE = re.compile(r"^on[a-z]+$")


def check_security(output_dir, siteurl=""):
    problems = []
    for name, tree, _ in html_pages(output_dir):
        problems += page_security_problems(name, tree, siteurl)
    return problems


def page_security_problems(name, tree, siteurl=""):
    problems = []

    def report(rule, detail=""):
        problems.append(f"{name}: [{rule}] {detail}".rstrip())

    policy = tree.css_first('meta[http-equiv="Content-Security-Policy"]')
    if policy is None:
        report("csp", "tidak ada Content-Security-Policy")
    elif "unsafe-inline" in (policy.attributes.get("content") or ""):
        report("csp", "Content-Security-Policy memuat 'unsafe-inline'")
    for script in tree.css("script"):
        if not script.attributes.get("src") and script.attributes.get("type") != \
                "application/ld+json":
            report("inline-script", "skrip sisipan <script> tanpa src")
    if tree.css("style"):
        report("inline-style", "elemen <style>")
    for node in tree.css("*"):
        for attribute, value in node.attributes.items():
            if attribute == "style":
                report("inline-style", f"atribut style pada <{node.tag}>")
            elif _EVENT_ATTRIBUTE.match(attribute):
                report("event-handler", f"atribut {attribute} pada <{node.tag}>")
            elif attribute in ("href", "src", "action") and value and \
                    value.strip().lower().startswith("javascript:"):
                report("javascript-url", f"{attribute}={value!r}")
    for link in tree.css("a[href]"):
        href = link.attributes.get("href") or ""
        if href.startswith(("http://", "https://")) and not is_same_site(href, siteurl):
            rel = (link.attributes.get("rel") or "").split()
            if "noopener" not in rel and "noreferrer" not in rel:
                report("noopener", f"tautan ke {href} tanpa rel=\"noopener\"")
    return naming_the_source(problems, tree)
