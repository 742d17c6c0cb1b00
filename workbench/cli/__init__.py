"""The ``workbench`` command: run the main jobs headless, for scripting."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from workbench.cli.output import SafeTerminal
from workbench.cli.parser import build_parser
from workbench.cli.usage import UsageError
from workbench.core.errors import WorkbenchError
from workbench.core.start_up import hold_collection, release_collection
from workbench.core.text import visible

EXIT_ERROR = 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; errors become one line on stderr and exit status 2, never a traceback."""
    if argv is None:  # this process is the command: no collector passes while it starts
        hold_collection()
    terminal = sys.stdout
    sys.stdout = SafeTerminal(terminal)
    try:
        return _main(sys.argv[1:] if argv is None else argv)
    finally:
        sys.stdout = terminal


def _main(argv: Sequence[str]) -> int:
    parser = build_parser(argv)
    try:
        arguments = parser.parse_args(argv)
        release_collection()  # the command's modules are in: what it makes may be collected
        if not hasattr(arguments, "run"):
            from workbench.cli.gui_commands import run_open

            return run_open(arguments)
        return int(arguments.run(arguments) or 0)
    except UsageError as error:
        return _fail(f"{error} (see 'workbench --help')")
    except WorkbenchError as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        return _fail("interrupted")
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`): stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as error:
        if os.environ.get("WORKBENCH_DEBUG"):
            raise
        from workbench.core.atomic_file import CONTROL_CHARACTER_REFUSAL, control_character_failure

        if control_character_failure(error):  # a Word or Excel writer refused a stored name
            return _fail(f"the file cannot be written: {CONTROL_CHARACTER_REFUSAL}")
        return _fail(
            f"unexpected {type(error).__name__}: {error} (set WORKBENCH_DEBUG=1 for details)"
        )


def _fail(message: str) -> int:
    print(f"workbench: error: {visible(' '.join(message.split()))}", file=sys.stderr)
    return EXIT_ERROR
