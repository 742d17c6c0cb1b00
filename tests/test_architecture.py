"""The core never imports Qt (checked statically and at run time); no import cycles; arrows
point down."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.import_graph import cycles, module_graph, package_graph

REPO = Path(__file__).resolve().parent.parent

# Imports every module of workbench.core in a fresh interpreter, then lists any Qt module loaded;
# then imports Qt and lists again (the second line shows the listing would notice).
_PROBE = """
import importlib, pkgutil, sys
import workbench.core as core
for module in pkgutil.walk_packages(core.__path__, "workbench.core."):
    importlib.import_module(module.name)
def listing():
    loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "PyQt6"))
    print(len([m for m in sys.modules if m.startswith("workbench.core.")]), *loaded)
listing()
import PySide6.QtCore
listing()
"""


@pytest.fixture(scope="module")
def probe() -> list[list[str]]:
    """The probe's two lines: after importing the core, and after importing Qt as well."""
    completed = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True,
                               check=True, cwd=REPO)
    return [line.split() for line in completed.stdout.splitlines()]


@pytest.mark.slow
def test_importing_all_of_the_core_loads_no_qt(probe: list[list[str]]) -> None:
    count, *qt_modules = probe[0]
    assert int(count) > 30  # every core module was really imported
    assert qt_modules == []


@pytest.mark.slow
def test_the_runtime_probe_does_notice_qt(probe: list[list[str]]) -> None:
    _count, *qt_modules = probe[1]
    assert "PySide6.QtCore" in qt_modules


def test_import_linter_contract_holds() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    completed = subprocess.run([str(lint)], capture_output=True, text=True, cwd=REPO)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "The core never imports Qt KEPT" in completed.stdout


# -- no import cycles --------------------------------------------------------------------------

def test_no_module_imports_itself_back() -> None:
    assert cycles(module_graph(REPO / "workbench")) == []


def test_no_cycles_between_packages() -> None:
    assert cycles(package_graph(REPO / "workbench")) == []


# Arrows point down: a service is one user action and writes through the store; reading files
# (importers) and exchange formats sit above it and call the services, never the other way.
FORBIDDEN_PACKAGE_EDGES = {
    "workbench.core.services": {"workbench.core.importers", "workbench.core.exchange"},
    "workbench.core.store": {"workbench.core.services", "workbench.core.importers",
                             "workbench.core.exchange", "workbench.core.merge"},
}


def test_services_and_the_store_import_nothing_above_them() -> None:
    graph = package_graph(REPO / "workbench")
    # The graph sees these packages' arrows (the import job calls a service; services write
    # through the store), so an arrow back up would be seen too.
    assert "workbench.core.services" in graph["workbench.core.importers"]
    assert "workbench.core.store" in graph["workbench.core.services"]
    found = {(source, target) for source, targets in FORBIDDEN_PACKAGE_EDGES.items()
             for target in graph.get(source, set()) & targets}
    assert found == set()


def test_the_cycle_check_finds_a_cycle_through_a_lazy_import(tmp_path: Path) -> None:
    shop = tmp_path / "shop"
    for package in (shop, shop / "stock", shop / "till"):
        package.mkdir(exist_ok=True)
        (package / "__init__.py").write_text("")
    (shop / "stock" / "count.py").write_text("def total():\n    from shop.till import receipt\n")
    (shop / "till" / "receipt.py").write_text("from ..stock.count import total\n")
    (shop / "prices.py").write_text("import shop.stock.count\n")
    assert cycles(module_graph(shop)) == [["shop.stock.count", "shop.till.receipt"]]
    assert cycles(package_graph(shop)) == [["shop.stock", "shop.till"]]
    (shop / "stock" / "count.py").write_text("def total():\n    return 0\n")
    assert cycles(module_graph(shop)) == cycles(package_graph(shop)) == []
