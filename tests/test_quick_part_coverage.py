"""The quick part (``pytest -m "not slow"``) keeps a test of every package of workbench/: marking
tests slow must never leave a package that only the whole suite checks. Read from the test files'
text (their imports, those of the test helpers they use, and their marks): a few regular
expressions over some two hundred files, not a collection."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests import conftest
from tests.conftest import SLOW_FILE_WORD, SLOW_FOLDERS

TESTS = Path(__file__).resolve().parent
PACKAGES = sorted(".".join(init.parent.relative_to(TESTS.parent).parts)
                  for init in (TESTS.parent / "workbench").rglob("__init__.py"))
# Packages no test names, since every test reaches them through another package's functions.
THROUGH_OTHERS = {
    "workbench": "the root: `python -m workbench` is the CLI, which the cli tests run",
    "workbench.core.store": "the row writers under the services; every service test runs them",
}

_IMPORT = re.compile(r"^\s*(?:from\s+([\w.]+)\s+import\s+(\([^)]*\)|[^\n]*)|import\s+([\w.]+))",
                     re.MULTILINE)
_TEST = re.compile(r"\s*(?:async\s+)?def\s+(test\w*)")
_SLOW_MODULE = re.compile(r"^pytestmark\s*=.*mark\.slow", re.MULTILINE)


def _package_of(module: str) -> str | None:
    """The innermost package of workbench/ holding ``module`` (itself, if it is one)."""
    holding = [package for package in PACKAGES
               if module == package or module.startswith(package + ".")]
    return max(holding, key=len) if holding else None


def quick_tests(source: str) -> list[str]:
    """The test functions of a file not marked slow (by a decorator or the whole module)."""
    if _SLOW_MODULE.search(source):
        return []
    found, decorators = [], ""
    for line in source.splitlines():
        if line.lstrip().startswith("@") or decorators.count("(") > decorators.count(")"):
            decorators += line
        else:
            if (test := _TEST.match(line)) and "mark.slow" not in decorators:
                found.append(test[1])
            decorators = ""
    return found


def imported(source: str) -> set[str]:
    """Every module a file imports, at the top or inside a function (``from a import b``
    counts ``a`` and ``a.b``, as ``b`` may be a module)."""
    names: set[str] = set()
    for module, what, plain in _IMPORT.findall(source):
        if plain:
            names.add(plain)
        elif module:
            names.add(module)
            names.update(f"{module}.{name}" for name in re.findall(r"\w+", re.sub(r"#.*", "", what))
                         if name != "as")
    return names


@cache
def _reached(module: str) -> frozenset[str]:
    """The workbench modules a test module imports, itself or through the tests' helpers."""
    path = TESTS.parent.joinpath(*module.split(".")).with_suffix(".py")
    if not path.exists():
        return frozenset()
    found: set[str] = set()
    for name in imported(path.read_text(encoding="utf-8")):
        if name.split(".")[0] == "workbench":
            found.add(name)
        elif name.split(".")[0] == "tests" and name != module:
            found |= _reached(name)
    return frozenset(found)


def _packages_tested() -> set[str]:
    """The packages that a file with a quick test imports (or its helpers do)."""
    quick: set[str] = set()
    for path in TESTS.rglob("test_*.py"):
        place = path.relative_to(TESTS)
        if place.parts[0] in SLOW_FOLDERS or SLOW_FILE_WORD in path.name \
                or not quick_tests(path.read_text(encoding="utf-8")):
            continue
        module = ".".join(("tests", *place.with_suffix("").parts))
        quick |= {package for name in _reached(module) if (package := _package_of(name))}
    return quick


def test_every_package_keeps_a_quick_test() -> None:
    tested = _packages_tested()
    assert [package for package in PACKAGES
            if package not in tested and package not in THROUGH_OTHERS] == []


def test_the_check_reads_marks_and_imports() -> None:
    source = ("import pytest\n"
              "from workbench.core.team import api\n"
              "from workbench.core import (\n    exporters,  # the Word report\n    sample)\n\n"
              "@pytest.mark.slow  # a cluster per round\n"
              "@pytest.mark.parametrize('n', [\n    1,\n    2])\n"
              "def test_sync(n): pass\n\n"
              "@pytest.mark.parametrize('n', [1])\n"
              "def test_other(n):\n"
              "    from workbench.gui.team.menu import TeamMenu\n")
    assert quick_tests(source) == ["test_other"]
    assert {_package_of(name) for name in imported(source) if name.startswith("workbench")} == {
        "workbench.core", "workbench.core.team", "workbench.gui.team",
        "workbench.core.exporters", "workbench.core.sample"}
    assert quick_tests("import pytest\npytestmark = pytest.mark.slow\ndef test_a(): pass\n") == []


def test_the_quick_part_runs_on_every_core_by_itself(pytestconfig: pytest.Config) -> None:
    """The hook in tests/conftest.py asks for ``-n auto`` for exactly ``-m "not slow"``, leaves an
    explicit ``-n`` (or ``--pdb``) alone, and runs before pytest-xdist reads the option."""
    def config(markexpr: str, numprocesses: object = None, pdb: bool = False) -> SimpleNamespace:
        return SimpleNamespace(option=SimpleNamespace(markexpr=markexpr,
                                                      numprocesses=numprocesses),
                               getoption=lambda name, default=None: pdb)

    for given, expected in ((config("not slow"), "auto"), (config(" not  slow "), "auto"),
                            (config("not slow", 0), 0), (config("not slow", 3), 3),
                            (config("slow"), None), (config(""), None),
                            (config("not slow", pdb=True), None)):
        conftest.pytest_cmdline_main(given)  # type: ignore[arg-type]
        assert given.option.numprocesses == expected, given.option.markexpr
    # pluggy calls a hook's implementations from the last of this list to the first.
    order = [impl.plugin_name for impl in
             pytestconfig.pluginmanager.hook.pytest_cmdline_main.get_hookimpls()]
    ours = next(i for i, name in enumerate(order) if name.endswith("tests/conftest.py"))
    assert ours > order.index("xdist"), order
