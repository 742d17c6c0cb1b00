"""The one error a command raises when the command line itself is wrong.

It lives apart from ``parser.py`` because the parser imports every command module to register
it; command modules importing the parser back would make an import cycle.
"""

from __future__ import annotations


class UsageError(Exception):
    """The command line itself is wrong (unknown option, missing argument, ...)."""
