"""The import graph of a package, read from its source (no module is imported), and its cycles.

Every ``import``/``from ... import`` counts, including those inside functions: a lazy import
still ties the two modules together. Imports under ``if TYPE_CHECKING:`` do not: they are read by
the type checker only and never run.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path


def module_files(package_dir: Path) -> dict[str, Path]:
    """Dotted module name -> file, for every module under ``package_dir`` (a package folder)."""
    modules = {}
    for path in sorted(package_dir.rglob("*.py")):
        parts = list(path.relative_to(package_dir.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def module_graph(package_dir: Path) -> dict[str, set[str]]:
    """Module -> the modules of the same package it imports."""
    files = module_files(package_dir)
    stamps = tuple((str(path), path.stat().st_mtime_ns, path.stat().st_size)
                   for path in files.values())
    return {name: set(targets) for name, targets in _read_graph(package_dir, stamps).items()}


@functools.lru_cache(maxsize=4)
def _read_graph(package_dir: Path, _stamps: tuple[tuple[str, int, int], ...]
                ) -> dict[str, frozenset[str]]:
    """Parsing every module takes a second or more: the tests of one process share the result
    while no file changed (``_stamps``: each file's time and size)."""
    modules = module_files(package_dir)
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                graph[name].update(alias.name for alias in node.names if alias.name in modules)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = here.split(".")[: len(here.split(".")) - node.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                for alias in node.names:
                    target = f"{base}.{alias.name}"
                    if target in modules:
                        graph[name].add(target)
                    elif base in modules:
                        graph[name].add(base)
    return {name: frozenset(targets) for name, targets in graph.items()}


def _runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every statement of ``tree`` except what sits under ``if TYPE_CHECKING:``.

    Imports are statements, and expressions hold no statements, so only the statement lists of
    compound statements are walked (several times faster than every node).
    """
    nodes, todo = [], [tree]
    while todo:
        node = todo.pop()
        nodes.append(node)
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            todo.extend(node.orelse)
            continue
        for field in ("body", "orelse", "finalbody", "handlers", "cases"):
            block = getattr(node, field, None)
            if isinstance(block, list):
                todo.extend(child for child in block if isinstance(child, ast.AST))
    return nodes


def _is_type_checking(test: ast.expr) -> bool:
    return ((isinstance(test, ast.Name) and test.id == "TYPE_CHECKING")
            or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"))


def package_graph(package_dir: Path) -> dict[str, set[str]]:
    """Package -> the packages it imports; a package and its own sub-packages are not counted."""
    modules = module_files(package_dir)

    def package_of(module: str) -> str:
        return module if modules[module].name == "__init__.py" else module.rpartition(".")[0]

    graph: dict[str, set[str]] = {package_of(name): set() for name in modules}
    for source, targets in module_graph(package_dir).items():
        for target in targets:
            a, b = package_of(source), package_of(target)
            if not (a == b or b.startswith(a + ".") or a.startswith(b + ".")):
                graph[a].add(b)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one node (each one holds at least one cycle)."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's algorithm; the graphs are a few hundred nodes deep
        order[node] = low[node] = len(order)
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if target not in order:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], order[target])
        if low[node] == order[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in order:
            visit(node)
    return found
