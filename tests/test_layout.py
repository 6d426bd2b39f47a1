"""The plugin's house (README, "Layout"): each folder is a layer, a module
imports only from its own layer and the ones before it, no modules import
each other in a loop, and the README names every module where it lives."""

import ast
import re

from conftest import ROOT

PLUGIN = ROOT / "plugins" / "portal"
# The layers, in order: a module may import from its own and earlier ones.
# cores.py (one way to use every core) is below them all; the plugin's
# __init__.py wires every layer to Pelican's signals, and the hub builds
# from whole portals, so both stand above them.
LAYERS = ["cores", "model", "intake", "domain", "editor", "output", "builder", "hub", "__init__"]


def module_name(path, plugin=PLUGIN):
    parts = path.relative_to(plugin.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(plugin=PLUGIN):
    """{module: the plugin's modules it imports}, anywhere in it (a
    function's imports too, relative ones resolved), as dotted names."""
    modules = {module_name(path, plugin): path for path in sorted(plugin.rglob("*.py"))}
    found = {}
    for name, path in modules.items():
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        names = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                parent = package[:len(package) - node.level + 1] if node.level else []
                base = ".".join(parent + ([node.module] if node.module else []))
                # `from . import x` imports the module x, `from .x import y` the
                # module x (the package itself only runs first, as for any import)
                submodules = {f"{base}.{alias.name}" for alias in node.names} & set(modules)
                names.update(submodules or {base})
        found[name] = {other for other in names if other in modules and other != name}
    return found


def layer(name):
    parts = name.split(".")
    return "__init__" if len(parts) == 1 else parts[1]


def climbing(plugin=PLUGIN):
    return [f"{name} -> {other}" for name, others in imports(plugin).items()
            for other in sorted(others) if LAYERS.index(layer(other)) > LAYERS.index(layer(name))]


def loops(plugin=PLUGIN):
    """Import loops between modules (a package and its own modules aside:
    its __init__ may import what it holds)."""
    edges = imports(plugin)
    found, done = [], set()

    def visit(name, path):
        for other in sorted(edges[name]):
            if other in path:
                loop = path[path.index(other):] + [other]
                if not any(other.startswith(step + ".") for step in loop):
                    found.append(" -> ".join(loop))
            elif other not in done:
                visit(other, path + [other])
        done.add(name)

    for name in sorted(edges):
        if name not in done:
            visit(name, [name])
    return found


def test_no_module_imports_from_a_layer_above_its_own():
    assert climbing() == []


def test_no_modules_import_each_other_in_a_loop():
    assert loops() == []


def test_the_checks_see_an_import_that_climbs_and_a_loop(tmp_path):
    """What the two tests above would catch, on a made-up plugin: a model
    module reaching into output/ inside a function, and two modules of
    one folder importing each other."""
    fake = tmp_path / "portal"
    for folder in ("model", "output"):
        (fake / folder).mkdir(parents=True)
        (fake / folder / "__init__.py").write_text("")
    (fake / "__init__.py").write_text("")
    (fake / "model" / "kinds.py").write_text("def f():\n    from ..output import feeds\n")
    (fake / "output" / "feeds.py").write_text("from . import sitemap\n")
    (fake / "output" / "sitemap.py").write_text("from .feeds import x\n")
    assert climbing(fake) == ["portal.model.kinds -> portal.output.feeds"]
    assert loops(fake) == ["portal.output.feeds -> portal.output.sitemap -> portal.output.feeds"]


def test_the_readme_layout_names_every_module_in_its_folder():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    layout = readme.split("## Layout", 1)[1].split("```")[1]
    folders = re.split(r"^  (\w+)/ ", layout, flags=re.M)
    described = dict(zip(folders[1::2], folders[2::2], strict=True))
    missing = []
    for folder in sorted(p for p in PLUGIN.iterdir() if (p / "__init__.py").is_file()):
        text = described.get(folder.name)
        if text is None:
            missing.append(f"{folder.name}/")
            continue
        text = text.split("\n  plugins", 1)[0]
        missing += [f"{folder.name}/{module.name}" for module in sorted(folder.glob("*.py"))
                    if module.name != "__init__.py" and module.stem not in text]
    assert missing == []
