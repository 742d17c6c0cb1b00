from tests.gui.test_panel_refresh import window, INTERVIEW, TextSelection, code_id  # noqa
def test_dbg(qtbot, window, context):
    for p in (window.passages_panel, window.search_panel, window.matrix_panel):
        print(p.objectName() or type(p).__name__, p.visibleRegion().isEmpty())
    seen = []
    window.matrix_dock.visibilityChanged.connect(lambda v: seen.append(v))
    window.matrix_dock.raise_()
    qtbot.wait(10)
    print("after raise", seen, [p.visibleRegion().isEmpty() for p in (window.passages_panel, window.search_panel, window.matrix_panel)])
