"""Words that come from the core (or from module constants) and are translated where shown.

``tr(value)`` on a variable cannot be found by ``pyside6-lupdate``; listing the values here with
``QT_TR_NOOP`` puts them in the translation files. Keep this list in step with the constants it
names (a test checks the core's enum values are all here).
"""

from __future__ import annotations

from workbench.gui.i18n import QT_TR_NOOP

# Document kinds (DocumentKind values) and the matrix's row titles.
DOCUMENT_KINDS = (QT_TR_NOOP("interview"), QT_TR_NOOP("fieldnote"), QT_TR_NOOP("other"))
ROW_TITLES = (QT_TR_NOOP("Case"), QT_TR_NOOP("Code"), QT_TR_NOOP("Coder"))
# Matrix cell modes (core.analysis.spec.MODE_TITLES).
MODE_TITLES = (QT_TR_NOOP("Codings"), QT_TR_NOOP("Documents"), QT_TR_NOOP("Presence"),
               QT_TR_NOOP("Words coded"), QT_TR_NOOP("Share of words coded"),
               QT_TR_NOOP("Passages"), QT_TR_NOOP("Summaries"))
# Agreement table levels (core.analysis.agreement.formatting.KIND_NAMES) and headers.
AGREEMENT = (QT_TR_NOOP("Theme"), QT_TR_NOOP("Overall"), QT_TR_NOOP("Level"),
             QT_TR_NOOP("Code, theme or case"), QT_TR_NOOP("Characters"),
             QT_TR_NOOP("Agreement"), QT_TR_NOOP("Kappa"), QT_TR_NOOP("Kappa 95% CI"),
             QT_TR_NOOP("Alpha"), QT_TR_NOOP("Alpha 95% CI"))
# Merge preview: choices and differences (core.merge.codebook_plan) and its headers.
MERGE = (QT_TR_NOOP("keep ours"), QT_TR_NOOP("take theirs"), QT_TR_NOOP("keep both"),
         QT_TR_NOOP("pair with"), QT_TR_NOOP("same"), QT_TR_NOOP("only here"),
         QT_TR_NOOP("only there"), QT_TR_NOOP("renamed"), QT_TR_NOOP("moved"),
         QT_TR_NOOP("definition changed"), QT_TR_NOOP("colour changed"),
         QT_TR_NOOP("Their code"), QT_TR_NOOP("Our code"), QT_TR_NOOP("Difference"),
         QT_TR_NOOP("Choice"))
# Table headers of the passages and search lists.
HEADERS = (QT_TR_NOOP("Document"), QT_TR_NOOP("Hit in context"), QT_TR_NOOP("Reference"),
           QT_TR_NOOP("Passage"), QT_TR_NOOP("Memo"))
# Attribute types (attributes_panel.TYPE_LABELS); file filters; the matrix export buttons.
ATTRIBUTE_TYPES = (QT_TR_NOOP("Text"), QT_TR_NOOP("Number"), QT_TR_NOOP("Date"),
                   QT_TR_NOOP("Yes / no"), QT_TR_NOOP("Choice"))
FILE_FILTERS = (
    QT_TR_NOOP("REFI-QDA codebooks (*.qdc);;Projects and REFI-QDA projects (*.cwb *.qdpx);;"
               "All files (*)"),
    QT_TR_NOOP("Projects and REFI-QDA projects (*.cwb *.qdpx);;All files (*)"),
    QT_TR_NOOP("REFI-QDA projects (*.qdpx);;All files (*)"),
    QT_TR_NOOP("REFI-QDA projects (*.qdpx *.qde);;All files (*)"),
)
EXPORTS = (QT_TR_NOOP("Excel workbook (*.xlsx)"), QT_TR_NOOP("Word document (*.docx)"),
           QT_TR_NOOP("CSV, UTF-8 (*.csv)"), QT_TR_NOOP("Excel…"), QT_TR_NOOP("Word…"),
           QT_TR_NOOP("CSV…"))
