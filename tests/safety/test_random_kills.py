"""A randomised-delay kill loop over the main commands (issue 14, acceptance point 2).

Each round copies the project, starts one command of the command line as a user would run it
(``workbench.cli.main`` in a process of its own, forked from a preloaded server rather than a
cold interpreter: tests/safety/_forked.py), and SIGKILLs it after a random delay (seeded, so a
failure can be replayed). Whatever moment the kill lands on, the project must be sound and hold
the state before the command or after it (for an upgrade followed by a change: also the upgraded
state in between), and an export target must be absent or whole. The loop runs until it has
killed ``WORKBENCH_KILLS`` commands part-way (and for at least ``WORKBENCH_KILL_SECONDS``, to
run longer); it prints what it did.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import time
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import REPO
from tests.safety._forked import Forked, start_server
from tests.safety.conftest import Material
from tests.safety.state import Content, content
from workbench.cli import main
from workbench.core.integrity import check_project
from workbench.core.storage import Project
from workbench.core.storage.backups import backup_folder

SEED = int(os.environ.get("WORKBENCH_KILL_SEED", "14"))
# The loop used to run for 20 seconds of cold interpreters: 8 to 12 runs, 4 to 12 of them
# killed, in five runs on the loaded machine (about 12 kills when quiet, by their times). With
# forked children a count of kills bounds it instead, set above what those 20 seconds bought.
KILLS = int(os.environ.get("WORKBENCH_KILLS", "16"))
BUDGET = float(os.environ.get("WORKBENCH_KILL_SECONDS", "0"))
OLD = REPO / "tests" / "data" / "project-v1.cwb"


@dataclass(frozen=True)
class Command:
    name: str
    original: Path  # the project the command starts from (copied for each run)
    arguments: Callable[[Path, Path], list[str]]  # (project, output folder) -> argv
    output: str = ""  # a file the command writes (must be absent or whole)


def _first_case(path: Path) -> str:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return connection.execute("SELECT name FROM case_ ORDER BY id").fetchone()[0]
    finally:
        connection.close()


def _commands(material: Material) -> list[Command]:
    case = _first_case(material.base)
    return [
        Command("case add", material.base, lambda p, _o: ["case", "add", str(p), "Buurthuis"]),
        Command("import", material.base, lambda p, _o: [
            "import", str(p), "--case", case, str(material.transcripts[0])]),
        Command("merge", material.base, lambda p, _o: ["merge", str(p), str(material.other)]),
        Command("check --repair", material.base, lambda p, _o: ["check", str(p), "--repair"]),
        Command("restore", material.base, lambda p, _o: ["restore", str(p)]),
        Command("upgrade", OLD, lambda p, _o: ["case", "add", str(p), "Buurthuis"]),
        Command("export", material.base, lambda p, o: ["export", str(p), "-o", str(o / "x.qdpx")],
                output="x.qdpx"),
        Command("matrix", material.base, lambda p, o: [
            "matrix", str(p), "--cell", "count", "-o", str(o / "m.xlsx")], output="m.xlsx"),
    ]


def _prepare(command: Command, folder: Path, other: Path) -> Path:
    folder.mkdir()
    project = folder / "study.cwb"
    shutil.copyfile(command.original, project)
    if command.name == "restore":  # its newest backup is another coder's project
        backup_folder(project).mkdir()
        shutil.copyfile(other, backup_folder(project) / "study-20261201-120000.cwb")
    return project


def _run(command: Command, folder: Path, *, kill_after: float | None) -> tuple[Path, bool]:
    """Run (or kill after ``kill_after`` seconds); returns the project and whether it finished."""
    project = folder / "study.cwb"
    process = Forked(main, ["workbench", *command.arguments(project, folder)], printed=False)
    if kill_after is None:
        status = process.wait(timeout=120)
        assert status in (0, 1), process.errors()
        return project, True
    if process.wait(timeout=kill_after) is None:
        process.kill()
    status = process.wait(timeout=30)
    assert status in (0, 1, -signal.SIGKILL), process.errors()
    process.errors()
    return project, status != -signal.SIGKILL  # (it may have ended just before the kill)


def _states(command: Command, root: Path, other: Path) -> tuple[list[Content], float]:
    """The states a kill may leave: before, after (and for an upgrade, upgraded but unchanged);
    and how long the command takes when left to finish."""
    folder = root / f"reference-{command.name.replace(' ', '-')}"
    project = _prepare(command, folder, other)
    states = [content(project)]
    if command.name == "upgrade":
        between = root / "upgraded.cwb"
        shutil.copyfile(project, between)
        Project.open(between).close()
        states.append(content(between))
    began = time.monotonic()
    _run(command, folder, kill_after=None)
    took = time.monotonic() - began
    states.append(content(project))
    return states, took


def _assert_whole_output(path: Path) -> None:
    if path.exists():
        with zipfile.ZipFile(path) as archive:  # .qdpx and .xlsx are zips: whole or refused
            assert archive.testzip() is None


def test_random_kills_of_the_main_commands_leave_the_before_or_the_after_state(
        scratch: Material, capsys: pytest.CaptureFixture[str]) -> None:
    commands = _commands(scratch)
    start_server()  # so that the first command's time is its own
    measured = {c.name: _states(c, scratch.folder, scratch.other) for c in commands}
    states = {name: found for name, (found, _took) in measured.items()}
    rng = random.Random(SEED)
    started = time.monotonic()
    tally: Counter[tuple[str, str]] = Counter()
    rounds = kills = 0
    while rounds < len(commands) or kills < KILLS or time.monotonic() - started < BUDGET:
        # Each command once, then at random.
        command = commands[rounds] if rounds < len(commands) else rng.choice(commands)
        # Mostly late, where the command writes, commits and ends; now and then anywhere.
        took = measured[command.name][1]
        delay = rng.uniform(0.5 * took, 1.05 * took) if rng.random() < 0.8 else rng.uniform(0, took)
        folder = scratch.folder / f"run-{rounds}"
        _prepare(command, folder, scratch.other)
        project, finished = _run(command, folder, kill_after=delay)
        rounds += 1
        kills += not finished

        state = content(project)
        assert state in states[command.name], (
            f"round {rounds} (seed {SEED}): {command.name} killed after {delay:.2f} s left "
            "neither the before- nor the after-state")
        with Project.open(project) as reopened:
            assert check_project(reopened).clean, f"round {rounds}: {command.name}"
        if command.output:
            _assert_whole_output(folder / command.output)
        where = states[command.name].index(state)
        outcome = ("finished" if finished else
                   "killed: before" if where == 0 else
                   "killed: after" if where == len(states[command.name]) - 1 else
                   "killed: upgraded only")
        tally[(command.name, outcome)] += 1
        shutil.rmtree(folder)

    with capsys.disabled():
        print(f"\nrandomised kills (seed {SEED}): {rounds} runs, {kills} killed, in "
              f"{time.monotonic() - started:.0f} s; " + ", ".join(
                  f"{name} {outcome} x{count}" for (name, outcome), count in sorted(tally.items())))
    assert sum(count for (_n, outcome), count in tally.items() if outcome != "finished") >= KILLS
