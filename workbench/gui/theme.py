"""Light, dark, or the system's palette (Preferences > Theme).

The choice sets the application palette; widgets that paint their own colours (the document
view's highlights, speakers and stripes) read ``QApplication.palette()`` and listen for
``QEvent.PaletteChange`` / ``ApplicationPaletteChange``, so a switch takes effect at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from workbench.gui.qt_app import application

THEMES = ("system", "light", "dark")
Role, Group = QPalette.ColorRole, QPalette.ColorGroup

# Dark: near-black surfaces, light text, a blue accent readable on both (WCAG AA for text).
_DARK = {
    Role.Window: "#202124", Role.WindowText: "#e8eaed", Role.Base: "#17181a",
    Role.AlternateBase: "#26282b", Role.ToolTipBase: "#303134", Role.ToolTipText: "#e8eaed",
    Role.PlaceholderText: "#9aa0a6", Role.Text: "#e8eaed", Role.Button: "#2d2f33",
    Role.ButtonText: "#e8eaed", Role.BrightText: "#ffffff", Role.Light: "#3c4043",
    Role.Midlight: "#34373b", Role.Mid: "#2a2c30", Role.Dark: "#121314", Role.Shadow: "#000000",
    Role.Highlight: "#3d6fb4", Role.HighlightedText: "#ffffff", Role.Link: "#8ab4f8",
    Role.LinkVisited: "#c58af9",
}
_DARK_DISABLED = {Role.WindowText: "#80868b", Role.Text: "#80868b", Role.ButtonText: "#80868b"}
_LIGHT = {
    Role.Window: "#f3f3f3", Role.WindowText: "#1f1f1f", Role.Base: "#ffffff",
    Role.AlternateBase: "#f5f6f7", Role.ToolTipBase: "#ffffdc", Role.ToolTipText: "#1f1f1f",
    Role.PlaceholderText: "#6b6b6b", Role.Text: "#1f1f1f", Role.Button: "#ececec",
    Role.ButtonText: "#1f1f1f", Role.BrightText: "#ffffff", Role.Light: "#ffffff",
    Role.Midlight: "#e3e3e3", Role.Mid: "#b8b8b8", Role.Dark: "#9f9f9f", Role.Shadow: "#767676",
    Role.Highlight: "#2f65ca", Role.HighlightedText: "#ffffff", Role.Link: "#1a5bb8",
    Role.LinkVisited: "#6a3db8",
}
_LIGHT_DISABLED = {Role.WindowText: "#8a8a8a", Role.Text: "#8a8a8a", Role.ButtonText: "#8a8a8a"}


def build_palette(colours: dict[QPalette.ColorRole, str],
                  disabled: dict[QPalette.ColorRole, str]) -> QPalette:
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role, colour in disabled.items():
        palette.setColor(Group.Disabled, role, QColor(colour))
    return palette


def dark_palette() -> QPalette:
    return build_palette(_DARK, _DARK_DISABLED)


def light_palette() -> QPalette:
    return build_palette(_LIGHT, _LIGHT_DISABLED)


def system_is_dark() -> bool:
    """Does the desktop ask for dark (Qt's colour scheme hint, else the system palette)?"""
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hasattr(hints, "colorScheme") else Qt.ColorScheme.Unknown
    if scheme != Qt.ColorScheme.Unknown:
        return scheme == Qt.ColorScheme.Dark
    window = _system_palette(application()).color(Role.Window)
    return window.lightnessF() < 0.5


def is_dark(palette: QPalette | None = None) -> bool:
    """Is this (the application's) palette a dark one? Text lighter than its background."""
    palette = palette or QApplication.palette()
    return palette.color(Role.Base).lightnessF() < palette.color(Role.Text).lightnessF()


def _system_palette(app: QObject) -> QPalette:
    saved = app.property("workbenchSystemPalette")
    return saved if isinstance(saved, QPalette) else QApplication.palette()


def apply_theme(choice: str, app: QApplication | None = None) -> str:
    """Set the application palette for ``choice`` ('system', 'light', 'dark'); return which one
    ('light' or 'dark') is in force."""
    app = app or application()
    if not isinstance(app.property("workbenchSystemPalette"), QPalette):
        app.setProperty("workbenchSystemPalette", QApplication.palette())
    if choice == "dark" or (choice == "system" and system_is_dark()):
        if choice == "system" and is_dark(_system_palette(app)):
            QApplication.setPalette(_system_palette(app))  # the desktop's own dark palette
        else:
            QApplication.setPalette(dark_palette())
        return "dark"
    QApplication.setPalette(light_palette() if choice == "light" else _system_palette(app))
    return "light"


def follow_system_scheme(
    current_choice: Callable[[], str], app: QApplication | None = None
) -> None:
    """While the choice is 'system', switch when the desktop switches between light and dark."""
    app = app or application()
    hints = QGuiApplication.styleHints()
    if hasattr(hints, "colorSchemeChanged"):
        hints.colorSchemeChanged.connect(
            lambda _scheme: apply_theme("system", app) if current_choice() == "system" else None)
