"""Alphabetical order of KIM and potensi (domain/relations.by_title): by the
title's plain text, whatever markup typogrify added to it."""

from types import SimpleNamespace

from portal.domain.relations import by_title


def test_a_no_break_space_sorts_as_a_space():
    # typogrify joins a title's last two words with &nbsp; ("&" sorts after " ").
    titles = ["KIM Contoh&nbsp;Dua", "KIM Contoh Satu&nbsp;Baru",
              '<span class="caps">KIM</span> Abu']
    ordered = sorted((SimpleNamespace(title=title) for title in titles), key=by_title)
    assert [item.title for item in ordered] == [titles[2], titles[0], titles[1]]
