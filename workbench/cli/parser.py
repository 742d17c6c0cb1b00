"""The argument parser: sub-commands register themselves from their modules."""

from __future__ import annotations

import argparse
from typing import NoReturn

from workbench import __version__


class UsageError(Exception):
    """The command line itself is wrong (unknown option, missing argument, ...)."""


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage mistake is reported as one line rather than a usage block."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")


def build_parser() -> OneLineParser:
    from workbench.cli import agreement_commands  # noqa: I001 - one line per feature, merges cleanly
    from workbench.cli import analysis_commands  # noqa: I001
    from workbench.cli import restore_commands  # noqa: I001
    from workbench.cli import report_commands  # noqa: I001
    from workbench.cli import (
        codebook_commands, coding_commands, document_commands, exchange_commands, gui_commands,
        maintenance_commands, project_commands,
    )

    parser = OneLineParser(
        prog="workbench",
        description="Coding Workbench: qualitative coding of interviews and fieldnotes. "
                    "Without a command, opens the desktop window.",
    )
    parser.add_argument("--version", action="version", version=f"Coding Workbench {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=OneLineParser)
    project_commands.register(commands)
    document_commands.register(commands)
    coding_commands.register(commands)
    codebook_commands.register(commands)
    exchange_commands.register(commands)
    agreement_commands.register(commands)
    analysis_commands.register(commands)
    maintenance_commands.register(commands)
    restore_commands.register(commands)
    report_commands.register(commands)
    gui_commands.register(commands)
    return parser
