"""The argument parser: sub-commands register themselves from their modules.

Lazy imports, so that the command line starts at once (scripts loop over commands):

* ``COMMANDS`` maps each command name to the module (in ``workbench.cli``) whose ``register()``
  adds it. ``build_parser(argv)`` imports only the module of the command being run; only
  ``workbench --help`` and an unknown command import every module (a bare ``workbench``
  imports just the window's).
  A new command is one line in ``COMMANDS``.
* A command module imports at module level only what its ``register()`` needs: argparse,
  pathlib, ``workbench.cli.opening``/``output`` and light core modules (errors, storage,
  queries). pandas, numpy, openpyxl, python-docx, lxml and PySide6 are imported inside the
  ``run_*`` function that uses them. ``tests/cli/test_cli_imports.py`` checks ``info``.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence
from typing import NoReturn

from workbench import __version__
from workbench.cli.usage import UsageError

# command name -> module in workbench.cli that registers it (its help lists them in this order)
COMMANDS: dict[str, str] = {
    "new": "project_commands",
    "info": "project_commands",
    "case": "project_commands",
    "cases": "project_commands",
    "sample": "project_commands",
    "import": "document_commands",
    "documents": "document_commands",
    "code": "coding_commands",
    "codings": "coding_commands",
    "search": "coding_commands",
    "codebook": "codebook_commands",
    "export": "exchange_commands",
    "import-qdpx": "exchange_commands",
    "merge": "exchange_commands",
    "agreement": "agreement_commands",
    "matrix": "analysis_commands",
    "check": "maintenance_commands",
    "restore": "restore_commands",
    "autocode": "autocode_commands",
    "report": "report_commands",
    "history": "history_commands",
    "team": "team_commands",
    "open": "gui_commands",
}


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage mistake is reported as one line rather than a usage block."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")


def build_parser(argv: Sequence[str] | None = None) -> OneLineParser:
    """The parser for ``argv`` (every command when None): only the chosen command's module is
    imported."""
    parser = OneLineParser(
        prog="workbench",
        description="Coding Workbench: qualitative coding of interviews and fieldnotes. "
                    "Without a command, opens the desktop window.",
    )
    parser.add_argument("--version", action="version", version=f"Coding Workbench {__version__}")
    commands = parser.add_subparsers(
        title="commands", metavar="COMMAND", parser_class=OneLineParser
    )
    for module in _modules_for(argv):
        importlib.import_module(f"workbench.cli.{module}").register(commands)
    return parser


def _modules_for(argv: Sequence[str] | None) -> list[str]:
    if argv is not None:
        command = next((word for word in argv if not word.startswith("-")), None)
        if command in COMMANDS:
            return [COMMANDS[command]]
        if command is None and not {"-h", "--help"} & set(argv):
            return [COMMANDS["open"]]  # a bare `workbench` opens the window
    return list(dict.fromkeys(COMMANDS.values()))
