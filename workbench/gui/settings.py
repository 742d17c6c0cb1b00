"""What the application remembers between runs (coder name, recent projects, layout, backups)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from workbench.core.storage.backups import DEFAULT_KEEP

MAX_RECENT = 8
MAX_KEEP_BACKUPS = 100


class Settings:
    """A thin, typed wrapper over QSettings; tests pass a temporary ini file."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            self._store = QSettings("Coding Workbench", "Coding Workbench")
            location = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.AppDataLocation
            )
            self.data_dir = Path(location or Path.home() / ".coding-workbench")
        else:
            self._store = QSettings(str(path), QSettings.Format.IniFormat)
            self.data_dir = Path(path).parent

    @property
    def coder_name(self) -> str:
        return str(self._store.value("coder/name", "") or "")

    @coder_name.setter
    def coder_name(self, name: str) -> None:
        self._store.setValue("coder/name", name)

    @property
    def keep_backups(self) -> int:
        """How many backups each project keeps (one taken on each open; 0: none)."""
        try:
            stored = self._store.value("backups/keep", DEFAULT_KEEP)
            if not isinstance(stored, (int, float, str)):
                return DEFAULT_KEEP
            return max(0, min(int(stored), MAX_KEEP_BACKUPS))
        except (TypeError, ValueError):
            return DEFAULT_KEEP

    @keep_backups.setter
    def keep_backups(self, count: int) -> None:
        self._store.setValue("backups/keep", int(count))

    @property
    def recent_projects(self) -> list[str]:
        value = self._store.value("projects/recent", []) or []
        return [str(item) for item in (value if isinstance(value, list) else [value])]

    def remember_project(self, path: Path) -> None:
        entry = str(Path(path).resolve())
        recent = [entry] + [p for p in self.recent_projects if p != entry]
        self._store.setValue("projects/recent", recent[:MAX_RECENT])
        self._store.setValue("projects/last", entry)

    @property
    def last_project(self) -> str:
        return str(self._store.value("projects/last", "") or "")

    def layout(self, key: str) -> QByteArray | None:
        value = self._store.value(f"layout/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_layout(self, key: str, value: QByteArray) -> None:
        self._store.setValue(f"layout/{key}", value)

    @property
    def theme(self) -> str:
        """'system', 'light' or 'dark' (Preferences)."""
        value = str(self._store.value("ui/theme", "system") or "system")
        return value if value in ("system", "light", "dark") else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self._store.setValue("ui/theme", value)

    @property
    def language(self) -> str:
        """'system', 'en' or 'nl' (Preferences); takes effect on the next start."""
        value = str(self._store.value("ui/language", "system") or "system")
        return value if value in ("system", "en", "nl") else "system"

    @language.setter
    def language(self, value: str) -> None:
        self._store.setValue("ui/language", value)

    def last_document(self, project: Path) -> int | None:
        """The document last read in this project (reopened when the project opens)."""
        value = self._store.value(f"documents/{_key(project)}")
        try:
            return int(value) if value is not None else None
        except (TypeError, ValueError):
            return None

    def set_last_document(self, project: Path, document_id: int) -> None:
        self._store.setValue(f"documents/{_key(project)}", int(document_id))

    def sync(self) -> None:
        self._store.sync()


def _key(project: Path) -> str:
    """A settings key for a project path (no slashes: QSettings would nest them)."""
    import hashlib

    return hashlib.sha1(str(Path(project).resolve()).encode("utf-8")).hexdigest()[:16]
