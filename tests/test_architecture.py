"""The shape of `tdkt/`: dependencies point one way (tdkt/architecture.py), and no module is over 450 lines.

The import check reads every module's imports (top-level and inside functions, relative ones resolved, and
string imports through import_module / import_string) and every template's {% load %}, {% include %} and
{% extends %}; an app that reaches one of its own layer or above is reported with the file and the line.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tdkt.architecture import LAYERS, PROJECT_MODULES, may_import

ROOT = Path(__file__).resolve().parents[1] / "tdkt"
APPS = {app for layer in LAYERS for app in layer}
MAX_LINES = 450
STRING_IMPORTERS = {"import_module", "import_string"}
TEMPLATE_TAG = re.compile(r"{%\s*(load|include|extends)\s+([^%]+?)\s*%}")


def _modules(root: Path):
    for path in sorted(root.rglob("*.py")):
        if "migrations" in path.relative_to(root).parts:
            continue
        yield path


def _app_of_path(root: Path, path: Path) -> str | None:
    parts = path.relative_to(root).parts
    if len(parts) == 1:
        return None  # a project module (settings, urls...)
    return parts[0]


def _app_of_module(name: str) -> str | None:
    parts = name.split(".")
    if parts[0] != "tdkt" or len(parts) < 2 or parts[1] not in APPS:
        return None
    return parts[1]


def _module_name(root: Path, path: Path) -> str:
    rel = path.relative_to(root.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(root: Path, path: Path):
    """(line, imported module name) of every import in the module, relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = _module_name(root, path)
    if path.name != "__init__.py":
        package = package.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            yield node.lineno, name
            for alias in node.names:  # `from tdkt import records`
                yield node.lineno, f"{name}.{alias.name}"
        elif isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            first = node.args[0] if node.args else None
            if called in STRING_IMPORTERS and isinstance(first, ast.Constant) and isinstance(first.value, str):
                yield node.lineno, first.value


def _template_libraries(root: Path) -> dict[str, str]:
    """{% load %} library name → the app that defines it."""
    out = {}
    for path in root.glob("*/templatetags/*.py"):
        if path.name != "__init__.py":
            out[path.stem] = path.relative_to(root).parts[0]
    return out


def back_imports(root: Path = ROOT) -> list[str]:
    """Every import (or template reference) of an app that reaches its own layer or one above."""
    problems = []
    for path in _modules(root):
        app = _app_of_path(root, path)
        if app is None:
            if path.stem not in PROJECT_MODULES:
                problems.append(f"{path.relative_to(root)}: a module outside the apps and the project modules")
            continue
        for line, name in _imports(root, path):
            other = _app_of_module(name)
            if other is not None and not may_import(app, other):
                problems.append(f"{path.relative_to(root)}:{line}: {app} imports {name} ({other})")
    libraries = _template_libraries(root)
    for path in sorted(root.glob("*/templates/**/*.html")):
        app = path.relative_to(root).parts[0]
        text = path.read_text(encoding="utf-8")
        for match in TEMPLATE_TAG.finditer(text):
            tag, arg = match.groups()
            line = text.count("\n", 0, match.start()) + 1
            if tag == "load":
                targets = [libraries[name] for name in arg.split() if name in libraries]
            else:
                name = arg.split()[0].strip("\"'")
                first = name.split("/")[0]
                targets = [first] if "/" in name and first in APPS else []
            for other in targets:
                if not may_import(app, other):
                    problems.append(f"{path.relative_to(root)}:{line}: {app} template uses {arg.split()[0]} ({other})")
    return problems


def test_dependencies_point_one_way():
    assert back_imports() == []


def test_every_app_has_a_layer():
    apps = {p.name for p in ROOT.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert apps == APPS


def test_the_check_finds_a_back_import(tmp_path):
    """A copy of the layout with one back-import planted in org (below records) and one in a template."""
    root = tmp_path / "tdkt"
    (root / "org" / "templates" / "org").mkdir(parents=True)
    (root / "records" / "templatetags").mkdir(parents=True)
    (root / "__init__.py").write_text("")
    (root / "org" / "__init__.py").write_text("")
    (root / "records" / "__init__.py").write_text("")
    (root / "records" / "templatetags" / "ledger_tags.py").write_text("")
    (root / "org" / "ok.py").write_text("from tdkt.core import audit\nfrom . import models\n")
    (root / "org" / "bad.py").write_text("def f():\n    from ..records import services\n")
    (root / "org" / "templates" / "org" / "page.html").write_text("{% load ledger_tags %}")
    found = back_imports(root)
    assert found == [
        "org/bad.py:2: org imports tdkt.records (records)",
        "org/bad.py:2: org imports tdkt.records.services (records)",
        "org/templates/org/page.html:1: org template uses ledger_tags (records)",
    ]


def test_no_module_is_over_450_lines():
    long = {str(p.relative_to(ROOT)): n for p in _modules(ROOT) if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}
