"""Field kinds (plugins/portal/model/kinds.py): every kind checks, reads,
presents and edits its values in one place. A new kind needs an entry in
SAMPLES below, or the first test fails."""

import re
from datetime import date, datetime

import pytest
from test_cms import DECAP_WIDGETS

from portal.model import kinds
from portal.model.schema import Field

# kind: (values validation accepts, values it rejects)
SAMPLES = {
    kinds.TEXT: (["Kelinci", "x" * 10], [["a"], {"a": 1}, True, "x" * 11]),
    kinds.SLUG: (["palae", "sari-rasa", "kim-2"], ["Palae", "sari rasa", "-x", "a--b", True]),
    kinds.DATE: (["2018-09-20", "2024-02-29"], ["2018-9-20", "2023-02-29", "20-09-2018",
                                                "2018-09-20 09:30"]),
    kinds.DATETIME: (["2018-09-20", "2018-09-20 09:30", "2018-09-20T09:30"],
                     ["2018-09-20 24:00", "2018-13-01", "kemarin"]),
    kinds.MONTH_OR_DATE: (["2018-09", "2018-09-19"], ["2018-13", "2018-9", "19-09-2018"]),
    kinds.INTEGER: ([0 + 1, 10000], [0, "10.000", 10.5, True]),
    kinds.BOOLEAN: ([True, False], ["ya", 1, "true"]),
    kinds.CHOICE: (["Kumai"], ["Kumay", ["Kumai"], True]),
    kinds.STATUS: (["draft"], ["terbit"]),
    kinds.CHOICES: ([["Kumai"], ["Kumai", "Arut Selatan"], "Kumai, Arut Selatan"],
                    [["Kumay"], ["Kumai", "Kumai"], [{"a": 1}], [""]]),
    kinds.TEXTS: ([["informasi desa"], "informasi desa, potensi lokal"],
                  [["a", "a"], [["x"]], [True]]),
    kinds.KIM_REF: (["palae"], ["KIM Palae", ["palae"]]),
    kinds.KIM_REFS: ([["palae", "sari-rasa"], "palae"], [["Palae"], ["palae", "palae"],
                                                          "palae, sari-rasa"]),
    kinds.IMAGE: (["images/a.jpg", "images/b.PNG", "images/c.webp", "images/d.gif"],
                  ["images/a.pdf", "images/logo.svg", "images/foto.heic", 5]),
    kinds.DOCUMENT: (["berkas/sk.pdf", "berkas/laporan-2025.PDF"],
                     ["berkas/sk.exe", "berkas/sk kim.pdf", "berkas/foto.jpg",
                      "berkas/laporan.docx", "berkas/data.xlsx", 5, ["x.pdf"]]),
    kinds.YOUTUBE: (["aaaaaaaaaaa", "https://www.youtube.com/watch?v=aaaaaaaaaaa",
                     "https://youtu.be/aaaaaaaaaaa"],
                    ["https://vimeo.com/1", "aaaa", "https://youtube.com/channel/x", True]),
    kinds.URL: (["https://contoh.id/a?b=c", "http://x.id"], ["contoh.id", "ftp://x.id",
                                                             "https:// x"]),
    kinds.EMAIL: (["kim@contoh.id", "a.b@desa.go.id"], ["kim@contoh", "kim contoh.id"]),
    kinds.WHATSAPP: (["0812-3456-7890", "+62 812 3456 7890", "6281234567890"],
                     ["0212345678", "0812", "+1 812 3456 7890"]),
    kinds.TELEPHONE: (["(0532) 21000", "0532-21000", "+62 532 21000"],
                      ["21", "0532 ext 5", "+62 532 21000 21000 21000", ["0532"]]),
    # Inside Kotawaringin Barat (model/region.py); a number in quotes counts.
    kinds.LATITUDE: ([-2.7398, "-2.7398", -1.5], [-90.5, 0, 2.7398, -6.2, "-2,7", True]),
    kinds.LONGITUDE: ([111.7197, "111.6"], [181, 0, 106.8, 11.17, "111,7"]),
    # Group kinds: the values that are not mappings (sub-fields are checked
    # as fields of their own kinds).
    kinds.PRICE: (["mulai Rp10.000"], [10000, ["a"]]),
    kinds.OBJECT: ([], []),
    kinds.OBJECTS: ([], []),
}


def spec(kind):
    return Field("kolom", kind, "kolom uji", choices=("Kumai", "Arut Selatan", "draft",
                                                      "published"),
                 max_length=10, minimum=1)


def test_every_kind_has_samples_and_an_editor_widget():
    assert set(SAMPLES) == set(kinds.ALL)
    for kind in kinds.ALL:
        assert kind.editor_widget(spec(kind))["widget"] in DECAP_WIDGETS, kind
        assert (kind.check is None) == (kind.shape == kinds.GROUP or
                                        kind.shape == kinds.GROUPS), kind


@pytest.mark.parametrize("kind", [k for k in kinds.ALL if k.check], ids=lambda k: k.name)
def test_each_kind_accepts_and_rejects_with_a_fix(kind):
    good, bad = SAMPLES[kind]
    field = spec(kind)
    for value in good:
        assert kind.check(field, value) is None, value
    for value in bad:
        message = kind.check(field, value)
        assert message and "Perbaiki:" in message, value


@pytest.mark.parametrize("kind", [k for k in kinds.ALL if k.pattern], ids=lambda k: k.name)
def test_the_web_editor_pattern_agrees_with_the_check(kind):
    regex, _ = kind.pattern
    assert kind.editor_widget(spec(kind))["pattern"] == list(kind.pattern)
    good, bad = SAMPLES[kind]
    for value in good:
        assert re.search(regex, str(value)), value
    for value in bad:
        if isinstance(value, str):
            assert not re.search(regex, value), value


def test_reading_checked_values():
    assert kinds.DATETIME.parse("2018-09-20 09:30") == datetime(2018, 9, 20, 9, 30)
    assert kinds.DATE.parse("2018-09-20") == date(2018, 9, 20)
    assert kinds.MONTH_OR_DATE.parse("2018-09") == (date(2018, 9, 1), False)
    assert kinds.WHATSAPP.parse("0812-3456-7890") == "6281234567890"
    assert kinds.has_time("2018-09-20 09:30") and not kinds.has_time("2018-09-20")


def test_presenting_values_the_indonesian_way():
    assert kinds.FILTERS["tanggal_bebas"]("2018-09") == "September 2018"
    assert kinds.FILTERS["tanggal_bebas"]("2018-09-05") == "5 September 2018"
    assert kinds.FILTERS["harga"]({"nilai": 10000, "satuan": "orang"}) == "Rp10.000 per orang"
    assert kinds.FILTERS["harga"]("mulai Rp5.000") == "mulai Rp5.000"
    assert kinds.FILTERS["wa_link"]("0812-3456-7890", "Halo KIM") == \
        "https://wa.me/6281234567890?text=Halo%20KIM"
    assert kinds.FILTERS["wa_link"]("021-555") == ""
    assert kinds.INTEGER.format(1234567) == "1.234.567"
    assert kinds.LATITUDE.normalise("-2.7398") == -2.7398
    assert kinds.TEXTS.normalise("informasi desa, potensi lokal") == [
        "informasi desa", "potensi lokal"]
    assert kinds.OBJECTS.normalise({"src": "a.jpg"}) == [{"src": "a.jpg"}]
    assert kinds.FILTERS["tel_link"]("(0532) 21000") == "tel:053221000"
