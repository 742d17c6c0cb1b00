"""The PySide6 desktop interface: a thin layer over ``workbench.core``.

The Qt-free modules the window needs are imported here, before any module of this package
imports PySide6: once PySide6 is loaded, it reads the source of every module imported after it
(to find its opt-in ``__feature__`` switches), about a millisecond each for the ~200 modules of
the database layer and the core (issue 9: the window usable in under 1.5 s). A module missing
from this list still works; it only pays that toll.
"""

from importlib import import_module

_BEFORE_QT = (
    "sqlalchemy.orm",
    "sqlalchemy.dialects.sqlite",
    "logging.handlers",
    "html",
    "workbench.core.storage",
    "workbench.core.storage.backups",
    "workbench.core.services.cases",
    "workbench.core.services.codings",
    "workbench.core.services.documents",
    "workbench.core.services.memos",
    "workbench.core.services.summaries",
    "workbench.core.services.history",
    "workbench.core.services.autocoding",
    "workbench.core.queries.listing",
    "workbench.core.queries.passages",
    "workbench.core.queries.document_view",
    "workbench.core.queries.memos",
    "workbench.core.autocode",
    "workbench.core.analysis.spec",
    "workbench.core.charts",
    "workbench.core.code_counts",
    "workbench.core.colours",
    "workbench.core.logs",
)

for _name in _BEFORE_QT:
    import_module(_name)
