"""Split a Markdown file into its YAML front matter and its body.

The YAML loader is deliberately narrower than PyYAML's default so that
editors' values keep the meaning they typed:

* dates stay strings (validation parses them strictly and names the field);
* only ``true``/``false`` are booleans (``no``, ``off``, ``ya`` stay text);
* only plain decimal numbers are integers (``0532123`` is not an octal
  number, it stays text);
* a key written twice is an error instead of silently taking the last one.

A build parses the front matter of every file (7,001 at 5,000 articles,
0.44 s), so ``Parsed`` keeps each result in the cache folder by the file's
text: a rebuild parses only the files that changed.
"""

import hashlib
import pickle
import re
from pathlib import Path
from typing import NamedTuple

import yaml

from .rendering import RenderCache  # the same one-file cache, other values

FENCE = "---"


class FrontMatterError(Exception):
    """The front matter cannot be read. ``line`` is 1-based in the file."""

    def __init__(self, message, line=None):
        super().__init__(message)
        self.message = message
        self.line = line


class _PortalLoader(yaml.SafeLoader):
    """Pure-Python parser: slower, but its error marks and messages are the
    ones translated below."""


class _FastPortalLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """libyaml's C parser with the same resolvers and constructors: used
    first, since valid files are the common case."""


def _configure(loader):
    # Start from an empty resolver table and add back only what we want.
    loader.yaml_implicit_resolvers = {}
    _add_resolvers(loader)
    loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


# The only plain values read as something other than text: (YAML type, the
# pattern the value must match, the characters it can start with; "" lets an
# empty value be null). Everything else, dates included, stays a string.
_IMPLICIT_TYPES = (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("int", r"^[-+]?(?:0|[1-9][0-9]*)$", list("-+0123456789")),
    ("float", r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)$", list("-+0123456789.")),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
)


def _add_resolvers(loader):
    for name, pattern, first in _IMPLICIT_TYPES:
        loader.add_implicit_resolver(f"tag:yaml.org,2002:{name}", re.compile(pattern), first)


def _construct_mapping(loader, node, deep=False):
    seen = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if isinstance(key, (list, dict)):
            raise yaml.constructor.ConstructorError(
                None, None, "nama kolom harus berupa kata, bukan daftar", key_node.start_mark
            )
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"kolom '{key}' ditulis dua kali",
                key_node.start_mark,
            )
        seen[key] = True
    return yaml.SafeLoader.construct_mapping(loader, node, deep=True)


_configure(_PortalLoader)
_configure(_FastPortalLoader)


class FrontMatter(NamedTuple):
    metadata: dict
    body: str
    body_line: int  # 1-based line where the body starts, for messages about it
    lines: dict  # "field", "group.field", "list[1].field" -> 1-based line in the file


def split(text):
    """A Markdown file's front matter, body and the line of every key."""
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n")
    if not lines or lines[0].strip() != FENCE:
        raise FrontMatterError(
            "berkas tidak diawali kepala YAML. Perbaiki: tulis '---' di baris "
            "pertama, lalu kolom-kolomnya, lalu '---' lagi sebelum isi tulisan",
            line=1,
        )
    for index in range(1, len(lines)):
        if lines[index].strip() == FENCE:
            end = index
            break
    else:
        raise FrontMatterError(
            "kepala YAML tidak ditutup. Perbaiki: tambahkan baris '---' "
            "setelah kolom terakhir",
            line=1,
        )
    source = "\n".join(lines[1:end])
    data, key_lines = load(source, first_line=2)
    body = "\n".join(lines[end + 1 :])
    return FrontMatter(data, body, end + 2, key_lines)


class Parsed:
    """``split`` by the text's hash, kept in one cache file per version of
    this module and of PyYAML (``rendering.RenderCache``), or not kept when
    there is no cache folder. A value is kept as pickled bytes: each build
    gets its own copy of the metadata, whatever later steps do to it."""

    def __init__(self, cache_path):
        self._cache = None
        if cache_path:
            version = hashlib.sha256(Path(__file__).read_bytes())
            version.update(yaml.__version__.encode())
            self._cache = RenderCache(Path(cache_path) / "kepala", version.hexdigest()[:20])

    def split(self, text):
        if self._cache is None:
            return split(text)
        key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        kept = self._cache.get(key)
        if kept is not None:
            metadata, body_line, lines = pickle.loads(kept)
            return FrontMatter(metadata, _body(text, body_line), body_line, lines)
        parsed = split(text)  # a FrontMatterError is not kept: raised every time
        self._cache.put(key, pickle.dumps((parsed.metadata, parsed.body_line, parsed.lines),
                                          protocol=pickle.HIGHEST_PROTOCOL))
        return parsed

    def save(self):
        if self._cache is not None:
            self._cache.save()


def _body(text, body_line):
    """The body of `text` whose front matter ends before `body_line` (split)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return "\n".join(text.split("\n")[body_line - 1:])


def load(source, first_line=1, what="kepala YAML"):
    """Parse a YAML mapping with the portal's loader: ``(data, lines)``, where
    `lines` maps every key's dotted path to its line in the file (the loader
    knows each key's position). ``first_line`` is the file line of the
    source's first line. An empty source is an empty mapping."""
    try:
        if "&" in source or "*" in source:
            _refuse_anchors(source, first_line, what)
        if _openers(source) > SAFE_OPENERS:
            _refuse_deep(source, first_line, what)
        try:
            data, node = _load_with_node(source, _FastPortalLoader)
        except yaml.YAMLError:
            # Parse again with the Python parser for a precise, translated message.
            data, node = _load_with_node(source, _PortalLoader)
    except RecursionError:
        raise FrontMatterError(
            f"{what} terlalu bertingkat. Perbaiki: periksa indentasi; kolom di portal paling "
            f"banyak bertingkat {MAX_DEPTH} lapis", line=first_line) from None
    except yaml.reader.ReaderError as error:
        line = source.count("\n", 0, max(error.position, 0)) + first_line
        raise FrontMatterError(
            f"ada karakter tak terlihat (kode #x{error.character:04x}) di {what}. "
            "Perbaiki: ketik ulang baris ini; karakter seperti ini sering ikut tersalin "
            "dari pengolah kata",
            line=line,
        ) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        if error.context_mark is not None and str(error.context).startswith(
            "while parsing a flow"
        ):
            # An unclosed '[' or '{' is reported where parsing stopped; the
            # editor needs the line where the bracket was opened.
            mark = error.context_mark
        line = mark.line + first_line if mark else None
        problem = error.problem or error.context or "penulisan tidak sah"
        if problem.startswith("kolom '"):
            fix = "hapus salah satunya"
        elif problem.startswith("nama kolom"):
            fix = "tulis nama kolom lalu titik dua, misalnya 'title: Judul'"
        elif problem.startswith("expected ',' or"):
            fix = "tutup daftar di baris yang sama, misalnya 'tags: [KIM, Desa]'"
        else:
            fix = (
                "periksa titik dua setelah nama kolom, indentasi dengan spasi "
                "(bukan tab), dan beri tanda kutip pada nilai yang memuat ':' atau '#'"
            )
        raise FrontMatterError(
            f"{what} tidak dapat dibaca ({_translate(problem)}). Perbaiki: {fix}",
            line=line,
        ) from None
    except yaml.YAMLError as error:
        raise FrontMatterError(f"{what} tidak dapat dibaca ({error})",
                               line=first_line) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError(
            f"{what} harus berisi pasangan 'nama_kolom: nilai'. Perbaiki: "
            "tulis satu kolom per baris, misalnya 'title: Judul Tulisan'",
            line=first_line,
        )
    lines = {}
    _key_lines(node, "", first_line, lines, what)
    return data, lines


# The content model nests three levels (pengurus -> an item -> nama); deeper
# YAML is a mistake, and very deep YAML would exhaust Python's recursion.
MAX_DEPTH = 8


# libyaml's composer recurses in C: some 30,000 nested levels overflow its
# stack and end the process (a segmentation fault, no message), before any
# depth check on the result could run. Each level needs one of these marks
# ("[", "{", "- " or a key's ":"), so a source with fewer is parsed as it is.
SAFE_OPENERS = 5000


def _openers(source):
    return (source.count("[") + source.count("{") + source.count("- ")
            + source.count(":"))


def _refuse_deep(source, first_line, what):
    """Refuse nesting deeper than MAX_DEPTH from the parser's events, which
    libyaml yields one by one without recursing, before anything is
    composed from them."""
    depth = 0
    try:
        for event in yaml.parse(source, Loader=_FastPortalLoader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                # The document's own mapping is level 0 of _key_lines.
                if depth - 1 > MAX_DEPTH:
                    raise FrontMatterError(
                        f"{what} terlalu bertingkat. Perbaiki: periksa indentasi; kolom di "
                        f"portal paling banyak bertingkat {MAX_DEPTH} lapis",
                        line=event.start_mark.line + first_line)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return  # reported with its line by the load that follows


def _refuse_anchors(source, first_line, what):
    """Anchors (&a) and aliases (*a) let a few lines expand into gigabytes
    (a "billion laughs" file); editors never need them, so they are refused
    before anything is built from the file."""
    try:
        for event in yaml.parse(source, Loader=_FastPortalLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise FrontMatterError(
                    f"{what} memakai jangkar '&' atau alias '*' YAML, yang tidak dipakai di "
                    "portal. Perbaiki: tulis nilainya langsung; bila sebuah nilai diawali & "
                    "atau *, beri tanda kutip", line=event.start_mark.line + first_line)
    except yaml.YAMLError:
        return  # reported with its line by the load that follows


def _load_with_node(source, loader_class):
    loader = loader_class(source)
    try:
        node = loader.get_single_node()
        return (loader.construct_document(node) if node is not None else None), node
    finally:
        loader.dispose()


def _key_lines(node, prefix, first_line, lines, what="kepala YAML", depth=0):
    """Record the line of each key below `node`, named as validation names
    fields: ``kontak.whatsapp``, ``pengurus[2].nama``."""
    if depth > MAX_DEPTH and isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
        raise FrontMatterError(
            f"{what} terlalu bertingkat. Perbaiki: periksa indentasi; kolom di portal paling "
            f"banyak bertingkat {MAX_DEPTH} lapis", line=node.start_mark.line + first_line)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                continue
            name = f"{prefix}.{key_node.value}" if prefix else key_node.value
            lines.setdefault(name, key_node.start_mark.line + first_line)
            _key_lines(value_node, name, first_line, lines, what, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value, start=1):
            name = f"{prefix}[{index}]"
            lines.setdefault(name, item.start_mark.line + first_line)
            _key_lines(item, name, first_line, lines, what, depth + 1)


_TRANSLATIONS = {
    "mapping values are not allowed here": "ada titik dua yang tidak pada tempatnya",
    "could not find expected ':'": "titik dua setelah nama kolom tidak ditemukan",
    "found character '\\t' that cannot start any token": "ada karakter tab",
    "found unexpected end of stream": "berkas berakhir sebelum nilai selesai",
    "expected <block end>, but found '<block mapping start>'": "indentasi tidak rata",
    "found undefined alias": "ada alias '*' yang tidak dikenal",
    "expected ',' or ']'": "kurung siku '[' tidak ditutup dengan ']'",
    "expected ',' or '}'": "kurung kurawal '{' tidak ditutup dengan '}'",
    "found unknown escape character": "ada garis miring terbalik \\ yang tidak dikenal",
    "expected <block end>, but found '<scalar>'": "ada teks yang tidak pada tempatnya",
    "found undefined tag handle": "ada tanda ! yang tidak dikenal",
    "expected URI": "ada tanda ! yang tidak dikenal",
    "expected alphabetic or numeric character": "ada tanda & atau * yang tidak dikenal",
}


def _translate(problem):
    for english, indonesian in _TRANSLATIONS.items():
        if problem.startswith(english):
            return indonesian
    if problem.startswith(("kolom '", "nama kolom")):
        return problem
    # PyYAML's other messages are in English: say where, in Indonesian, and
    # name the character it stopped at.
    found = re.search(r"found (?:character )?'?([^']+?)'?(?: that|$)", problem)
    if found and len(found.group(1)) <= 3:
        return f"penulisan tidak sah di dekat '{found.group(1)}'"
    return "penulisan tidak sah"
