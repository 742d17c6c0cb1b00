"""The names of actions in the interface language.

The core names each action in English when it records it (``project.transaction("Delete
document")``): the name is stored in the project's undo history and audit log, which outlive the
interface language of whoever did the action. The window translates the name where it shows it
(Edit menu, History), so a Dutch interface reads "Document verwijderen" for an action a colleague
recorded in an English one. A name the list does not know (a newer version's action, a label from
a script) is shown as stored.
"""

from __future__ import annotations

from workbench.gui.i18n import QT_TR_NOOP, tr

# Every fixed label the core records (a test reads the core's sources and checks each is here).
ACTION_LABELS = (
    QT_TR_NOOP("Add coder"), QT_TR_NOOP("Add document"), QT_TR_NOOP("Change"),
    QT_TR_NOOP("Clear matrix summary"), QT_TR_NOOP("Code passage"),
    QT_TR_NOOP("Code passages"), QT_TR_NOOP("Create case"), QT_TR_NOOP("Create code"),
    QT_TR_NOOP("Define attribute"), QT_TR_NOOP("Delete case"), QT_TR_NOOP("Delete code"),
    QT_TR_NOOP("Delete document"), QT_TR_NOOP("Delete memo"),
    QT_TR_NOOP("Edit case description"), QT_TR_NOOP("Edit code"),
    QT_TR_NOOP("Edit coding memo"), QT_TR_NOOP("Edit document details"),
    QT_TR_NOOP("Edit memo"), QT_TR_NOOP("Edit project details"),
    QT_TR_NOOP("Import REFI-QDA project"), QT_TR_NOOP("Join a team project"),
    QT_TR_NOOP("Load codebook"), QT_TR_NOOP("Merge codebook"), QT_TR_NOOP("Merge codes"),
    QT_TR_NOOP("Merge project"), QT_TR_NOOP("Move code"), QT_TR_NOOP("Move document"),
    QT_TR_NOOP("Publish to a team server"), QT_TR_NOOP("Recode passage"),
    QT_TR_NOOP("Remove coding"), QT_TR_NOOP("Rename case"), QT_TR_NOOP("Rename code"),
    QT_TR_NOOP("Rename coder"), QT_TR_NOOP("Rename document"), QT_TR_NOOP("Repair project"),
    QT_TR_NOOP("Resize coding"), QT_TR_NOOP("Set attribute"), QT_TR_NOOP("Synchronise"),
    QT_TR_NOOP("Take the other value of a conflict"), QT_TR_NOOP("Write matrix summary"),
    QT_TR_NOOP("Write memo"),
)
_KNOWN = frozenset(ACTION_LABELS)
# Labels that carry what the researcher typed after a fixed prefix: (stored prefix, shown form).
PREFIXED = (("Autocode: ", QT_TR_NOOP("Autocode: {0}")),)


def shown_label(label: str) -> str:
    """``label`` as the core stored it, in the interface language."""
    if label in _KNOWN:
        return tr(label)
    for prefix, shown in PREFIXED:
        if label.startswith(prefix):
            return tr(shown).format(label[len(prefix):])
    return label
