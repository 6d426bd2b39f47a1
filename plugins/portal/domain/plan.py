"""Which lists get a page of their own.

A KIM profile shows its latest news and a few potensi, and a kecamatan page
(and its section of /kim/) a few KIM, potensi and news; a list longer than that gets a
paginated page of its own. That decision is made here, once: the generator
writes the planned pages and the templates ask the plan whether a list has
a page (and where) to link to it, instead of comparing lengths again.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ListPage:
    # "kim_berita", "kim_potensi", "kecamatan_kim", "kecamatan_potensi",
    # "kecamatan_berita", "kecamatan_rapor"
    kind: str
    owner: object  # the Kim or KecamatanGroup whose list it is
    items: list
    url: str
    save_as: str
    template: str  # the template that shows it
    pagination: str  # its key in PAGINATED_TEMPLATES (the page size)
    paginated_name: str  # what the template calls the list ("articles", "items")


class PagePlan:
    def __init__(self, pages):
        self.pages = list(pages)
        self._by_owner = {(page.kind, id(page.owner)): page for page in self.pages}

    def own_page(self, kind, owner):
        """The ListPage of `owner`'s list `kind`, or None when the list is
        shown in full where it is."""
        return self._by_owner.get((kind, id(owner)))

    def __iter__(self):
        return iter(self.pages)


def plan_pages(portal, settings):
    """The list pages of this build, in writing order."""
    pages = []
    for kim in portal.kims:
        if len(kim.berita_list) > settings["KIM_LATEST_BERITA"]:
            pages.append(_page("kim_berita", kim, kim.berita_list, settings, "kim_berita",
                               "articles"))
        if len(kim.potensi_list) > settings["KIM_LATEST_POTENSI"]:
            pages.append(_page("kim_potensi", kim, kim.potensi_list, settings, "kim_potensi",
                               "items"))
    shown = {"kim": settings["KECAMATAN_PREVIEW"], "potensi": settings["KECAMATAN_PREVIEW"],
             "berita": settings["KECAMATAN_LATEST_BERITA"],
             "rapor": settings["KECAMATAN_PREVIEW"]}
    for group in portal.kecamatan:
        for name, items in (("kim", group.kims), ("potensi", group.potensi),
                            ("berita", group.berita), ("rapor", group.kims)):
            if len(items) > shown[name]:
                pages.append(_page(f"kecamatan_{name}", group, items, settings,
                                   "kecamatan_list", "items"))
    return PagePlan(pages)


def _page(kind, owner, items, settings, template, paginated_name):
    url = settings[f"{kind.upper()}_URL"].format(slug=owner.slug)
    save_as = settings[f"{kind.upper()}_SAVE_AS"].format(slug=owner.slug)
    return ListPage(kind, owner, items, url, save_as, template, kind, paginated_name)
