"""A team lead leaves a coder's autocodings out of the agreement figures in the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.gui.conftest import INTERVIEW
from tests.helpers import code_id
from workbench.core.autocode import SpeakerRule
from workbench.core.queries.listing import list_documents
from workbench.core.services.autocoding import autocode
from workbench.core.services.codings import apply_code
from workbench.gui.context import AppContext
from workbench.gui.dialogs.agreement_dialog import open_agreement_dialog
from workbench.gui.models.agreement_model import LABEL, ObjectRole


@pytest.mark.slow  # over half a second: agreement computed twice in the dialog
def test_leaving_autocodings_out_compares_hand_coding_only(qtbot, context: AppContext) -> None:
    socialisation = code_id(context.project, "Socialisation")
    with context.reading() as session:
        document = list_documents(session)[0].id
    start = INTERVIEW.index("We kookten")  # Youssef codes exactly what Lotte coded by hand
    apply_code(context.project, document, socialisation, start, INTERVIEW.index(" Niemand"),
               coder="Youssef")
    autocode(context.project, SpeakerRule(speakers=("Interviewer",)), socialisation, coder="Lotte")
    dialog = open_agreement_dialog(context)
    qtbot.addWidget(dialog)

    def percent() -> float:
        with qtbot.waitSignal(dialog.computed, timeout=20000):
            qtbot.mouseClick(dialog.compute_button, Qt.MouseButton.LeftButton)
        view = dialog.results_view.model()
        [row] = [view.index(n, LABEL).data(ObjectRole) for n in range(view.rowCount())
                 if view.index(n, LABEL).data().strip().startswith("Socialisation")]
        return row.percent.value

    assert percent() < 1.0
    dialog.hand_only_check.setChecked(True)
    assert percent() == 1.0
