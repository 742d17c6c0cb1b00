"""`workbench open` on a fresh Linux machine whose Qt xcb plugin cannot load: one line, no abort."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.cli.conftest import run_subprocess
from workbench.gui import platform_check
from workbench.gui.platform_check import check_platform, debian_package, missing_libraries

# What `ldd libqxcb.so` prints on a Debian machine without libxcb-icccm4 and libxcb-keysyms1.
LDD_MISSING = """\
\tlinux-vdso.so.1 (0x00007ffc8a1f0000)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f0d1c000000)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxkbcommon-x11.so.0 => not found
\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f0d1bf00000)
\tlibxcb-icccm.so.4 => not found
"""
LDD_COMPLETE = "\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f0d1bf00000)\n"
DESKTOP = {"DISPLAY": ":0"}


def _ldd(output: str):
    return lambda _plugin: output


@pytest.fixture
def plugin(tmp_path: Path) -> Path:
    path = tmp_path / "libqxcb.so"
    path.write_bytes(b"\x7fELF")
    return path


def test_library_names_become_debian_packages() -> None:
    assert debian_package("libxcb-icccm.so.4") == "libxcb-icccm4"
    assert debian_package("libxcb-cursor.so.0") == "libxcb-cursor0"
    assert debian_package("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert debian_package("libxcb-render-util.so.0") == "libxcb-render-util0"
    assert debian_package("libEGL.so.1") == "libegl1"
    assert missing_libraries(LDD_MISSING) == [
        "libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxkbcommon-x11.so.0"]


def test_the_missing_libraries_and_their_packages_are_named(plugin: Path) -> None:
    with pytest.raises(platform_check.PlatformUnavailable) as raised:
        check_platform(DESKTOP, "linux", plugin, _ldd(LDD_MISSING))
    message = str(raised.value)
    assert "\n" not in message
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1, libxkbcommon-x11.so.0" in message
    assert "apt-get install libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0" in message


def test_a_complete_system_or_another_platform_passes(plugin: Path) -> None:
    check_platform(DESKTOP, "linux", plugin, _ldd(LDD_COMPLETE))
    never = _ldd(LDD_MISSING)
    check_platform({"QT_QPA_PLATFORM": "offscreen"}, "linux", plugin, never)
    check_platform({"QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": "wayland-0"}, "linux",
                   plugin, never)
    check_platform(DESKTOP, "win32", plugin, never)
    check_platform(DESKTOP, "darwin", plugin, never)


def test_no_display_is_said_plainly(plugin: Path) -> None:
    with pytest.raises(platform_check.PlatformUnavailable, match="no display"):
        check_platform({}, "linux", plugin, _ldd(LDD_COMPLETE))


def test_workbench_open_says_so_in_one_line_with_exit_status_2(
        workbench, monkeypatch: pytest.MonkeyPatch, plugin: Path) -> None:
    monkeypatch.setattr(platform_check, "xcb_plugin", lambda: plugin)
    monkeypatch.setattr(platform_check, "run_ldd", _ldd(LDD_MISSING))
    monkeypatch.setattr(platform_check.sys, "platform", "linux")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    result = workbench("open")
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.err
    assert lines[0].startswith("workbench: error: the window cannot start")
    assert "libxcb-icccm4 libxcb-keysyms1" in lines[0]


@pytest.mark.slow  # a fresh process
def test_a_real_process_does_not_abort(tmp_path: Path, plugin: Path) -> None:
    """A fresh process with the xcb platform and a fake ldd that finds nothing: exit 2, not 134."""
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    ldd = fake_bin / "ldd"
    ldd.write_text("#!/bin/sh\ncat <<'EOF'\n" + LDD_MISSING + "EOF\n")
    ldd.chmod(0o755)
    env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    env.update(QT_QPA_PLATFORM="xcb", DISPLAY=":99", PATH=f"{fake_bin}{os.pathsep}{env['PATH']}")
    if platform_check.xcb_plugin() is None or not os.sys.platform.startswith("linux"):
        pytest.skip("only Linux wheels of PySide6 ship the xcb plugin")
    result = run_subprocess("open", env=env)
    assert result.code == 2, result.err
    assert "libxcb-icccm4" in result.err and len(result.err.strip().splitlines()) == 1
