"""The package is the pipeline: this test reads the imports of `src/nonpaper` with `ast` and guards its shape.

It fails on an import cycle between modules (imports inside functions count: hiding a cycle there does
not remove it), on a module over 600 lines, on an import of another package's `_private` name, and on a
package that imports one later in the pipeline (docs/architecture.md draws the same order).
"""
from __future__ import annotations

import ast
from functools import lru_cache
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
MAX_LINES = 600

# The stages in pipeline order: a module may import its own stage or an earlier one, never a later one.
LAYERS = (
    ("model", "lexicon", "schema"),
    ("text",),
    ("ingest",),
    ("actors",),
    ("quotes", "time"),
    ("events",),
    ("claims",),
    ("disputes",),
    ("pipeline", "components", ""),  # "" is the package itself: nonpaper.analyze() and __version__
    ("store",),
    ("corpus",),
    ("web",),
    ("cli", "__main__"),
)
RANK = {stage: rank for rank, stages in enumerate(LAYERS) for stage in stages}


@lru_cache(maxsize=1)
def modules() -> dict[str, Path]:
    """Dotted module name -> file, for every module of the package (a package is its __init__)."""
    out = {}
    for path in sorted((SRC / "nonpaper").rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _absolute(module: str, is_package: bool, level: int, name: str | None) -> str:
    base = module.split(".") if is_package else module.split(".")[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join(base + ([name] if name else []))


@lru_cache(maxsize=1)
def imports() -> dict[str, list[tuple[str, str]]]:
    """Module -> [(imported module, imported name or "")] for every import in it, at any depth."""
    known = modules()
    out: dict[str, list[tuple[str, str]]] = {}
    for module, path in known.items():
        found = []
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found += [(a.name, "") for a in node.names if a.name.split(".")[0] == "nonpaper"]
            elif isinstance(node, ast.ImportFrom):
                target = (_absolute(module, path.name == "__init__.py", node.level, node.module)
                          if node.level else node.module or "")
                if target.split(".")[0] != "nonpaper":
                    continue
                for alias in node.names:
                    # `from . import views` imports a module; `from .model import Quote` a name
                    submodule = f"{target}.{alias.name}"
                    found.append((submodule, "") if submodule in known else (target, alias.name))
        out[module] = found
    return out


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycle_between_modules():
    known = modules()
    graph = {m: {t for t, _ in edges if t in known and t != m} for m, edges in imports().items()}
    assert _cycles(graph) == []


@pytest.mark.parametrize("module", sorted(modules()))
def test_module_is_short(module):
    lines = modules()[module].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{module} has {lines} lines; split it along what it decides"


def test_no_private_name_imported_from_another_package():
    crossing = []
    for module, edges in imports().items():
        for target, name in edges:
            private = name.startswith("_") or target.rsplit(".", 1)[-1].startswith("_")
            if private and not name.startswith("__") and _stage(target) != _stage(module):
                crossing.append(f"{module} imports {name or target} from {target}")
    assert crossing == []


def test_every_stage_is_in_a_layer():
    assert {_stage(m) for m in modules()} <= set(RANK)


def test_no_stage_imports_a_later_one():
    upward = [f"{m} ({_stage(m) or 'nonpaper'}) imports {t} ({_stage(t) or 'nonpaper'})"
              for m, edges in imports().items() for t, _ in edges
              if RANK.get(_stage(t), -1) > RANK.get(_stage(m), -1)]
    assert upward == []


def test_the_guard_sees_a_cycle_and_an_import_inside_a_function():
    """The checks above would pass on a package they could not read; this one they must fail."""
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    tree = ast.parse("def f():\n    from .speakers import resolve_text\n")
    assert any(isinstance(n, ast.ImportFrom) for n in ast.walk(tree))
    assert _absolute("nonpaper.actors.roster", False, 1, "speakers") == "nonpaper.actors.speakers"
    assert _absolute("nonpaper.quotes", True, 2, "model") == "nonpaper.model"
