"""Before Qt starts: can its platform plugin load at all?

On a fresh Linux machine Qt's xcb plugin may lack system libraries (libxcb-icccm4,
libxcb-keysyms1, ...). Qt then aborts the process (exit 134) with a message that names the
wrong library. This module looks first, without creating a QApplication: it asks the dynamic
linker (``ldd``) which libraries the plugin cannot find, and names the Debian/Ubuntu packages
that provide them, so ``workbench open`` can say so in one line.

No Qt class is used here, only the location of the installed PySide6 package.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from workbench.core.errors import WorkbenchError

# Library file names whose Debian package does not follow the usual naming rule.
PACKAGE_OF = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
}
# What a desktop needs for Qt's xcb plugin on Debian/Ubuntu (the README lists the same).
XCB_PACKAGES = ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0",
                "libxcb-render-util0", "libxcb-shape0", "libxcb-randr0", "libxcb-xinerama0",
                "libxcb-xkb1", "libxkbcommon-x11-0", "libegl1", "libfontconfig1", "libdbus-1-3")

Ldd = Callable[[Path], str]


class PlatformUnavailable(WorkbenchError):
    """The desktop window cannot start on this machine; the message says what to install."""


def debian_package(library: str) -> str:
    """The Debian package that usually ships a shared library (libxcb-icccm.so.4 ->
    libxcb-icccm4)."""
    if library in PACKAGE_OF:
        return PACKAGE_OF[library]
    match = re.fullmatch(r"(lib[\w.+-]+?)\.so\.(\d+)(?:\.\d+)*", library)
    if match is None:
        return library
    name, major = match.group(1).lower(), match.group(2)
    return f"{name}-{major}" if name[-1].isdigit() else f"{name}{major}"


def missing_libraries(ldd_output: str) -> list[str]:
    """The libraries ``ldd`` reports as 'not found', each once, in order."""
    found = re.findall(r"^\s*(\S+)\s+=>\s+not found", ldd_output, flags=re.MULTILINE)
    return list(dict.fromkeys(found))


def xcb_plugin() -> Path | None:
    """The xcb platform plugin of the installed PySide6, if it ships one."""
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    plugin = Path(list(spec.submodule_search_locations)[0]) / "Qt/plugins/platforms/libqxcb.so"
    return plugin if plugin.exists() else None


def run_ldd(library: Path) -> str:
    if shutil.which("ldd") is None:
        return ""
    try:
        done = subprocess.run(["ldd", str(library)], capture_output=True, text=True, timeout=20,
                              check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout


def uses_xcb(environ: Mapping[str, str], platform: str) -> bool:
    """Will Qt pick the xcb plugin? (Only on Linux, and only if nothing else is asked for.)"""
    if not platform.startswith("linux"):
        return False
    asked = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if asked:
        return asked == "xcb"
    return not (environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland")


def check_platform(environ: Mapping[str, str] | None = None, platform: str | None = None,
                   plugin: Path | None = None, ldd: Ldd | None = None) -> None:
    """Raise :class:`PlatformUnavailable` (one line) when the window cannot start here."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not uses_xcb(environ, platform):
        return
    plugin = plugin or xcb_plugin()
    if plugin is None:
        return
    missing = missing_libraries((ldd or run_ldd)(plugin))
    if missing:
        packages = list(dict.fromkeys(debian_package(name) for name in missing))
        raise PlatformUnavailable(
            f"the window cannot start: Qt's xcb platform plugin needs {', '.join(missing)}, "
            f"which this machine lacks; on Debian/Ubuntu install them with "
            f"'sudo apt-get install {' '.join(packages)}' (the command line works meanwhile)")
    if not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY"):
        raise PlatformUnavailable(
            "the window cannot start: there is no display (DISPLAY is not set); run it in a "
            "desktop session, or use the command line (workbench --help)")
