"""A Python process that has already imported the heavy modules and forks a child per run.

Tests that need a separate process (a simulated screen, a command line's exit status) but not a
cold interpreter run ``python -m MODULE ARGS`` through :class:`PreloadedPython`: a small server
imports the given modules once (PySide6, SQLAlchemy, pandas, the app: about 3 s of processor time
a process), then forks a child for each run. The child sets the run's environment and working
folder, sends its standard streams to files and runs the module as ``__main__``, as ``python -m``
would. The server is a fresh single-threaded interpreter that never creates a Qt object, so
forking it is safe; the pytest worker itself (which has Qt threads) is never forked.
"""

from __future__ import annotations

import json
import os
import runpy
import select
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType

REPO = Path(__file__).resolve().parents[1]


class PreloadedPython:
    """``run()`` behaves like ``subprocess.run([python, "-m", module, *args], text=True,
    capture_output=True)``; ``modules`` are imported once, before the first run."""

    def __init__(self, modules: Sequence[str]) -> None:
        self._scratch = Path(tempfile.mkdtemp(prefix="preloaded-python-"))
        self._log = self._scratch / "server.log"
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
        with open(self._log, "wb") as log:
            self._server = subprocess.Popen(
                [sys.executable, "-c", "from tests.preloaded_python import serve; serve()",
                 *modules], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log,
                env=env, cwd=REPO)
        self._ready = False
        self._runs = 0

    def run(self, module: str, args: Sequence[str], *, env: Mapping[str, str],
            cwd: str | os.PathLike[str], timeout: float = 300) -> subprocess.CompletedProcess[str]:
        deadline = time.monotonic() + timeout
        if not self._ready:
            self._reply(deadline)  # the server says it has imported everything
            self._ready = True
        self._runs += 1
        out, err = (self._scratch / f"{self._runs}.{name}" for name in ("out", "err"))
        request = {"module": module, "args": list(args), "env": dict(env), "cwd": str(cwd),
                   "stdout": str(out), "stderr": str(err)}
        assert self._server.stdin is not None
        self._server.stdin.write(json.dumps(request).encode() + b"\n")
        self._server.stdin.flush()
        child = self._reply(deadline)["pid"]
        try:
            status = self._reply(deadline)["status"]
        except subprocess.TimeoutExpired:
            os.kill(child, signal.SIGKILL)
            self.close()
            raise
        command = [sys.executable, "-m", module, *args]
        return subprocess.CompletedProcess(command, status, out.read_text(encoding="utf-8"),
                                           err.read_text(encoding="utf-8"))

    def _reply(self, deadline: float) -> dict:
        assert self._server.stdout is not None
        ready, _, _ = select.select([self._server.stdout], [], [],
                                    max(0.0, deadline - time.monotonic()))
        line = self._server.stdout.readline() if ready else b""
        if not ready:
            raise subprocess.TimeoutExpired(self._server.args, 0)
        if not line:
            raise RuntimeError("the preloaded Python stopped:\n"
                               + self._log.read_text(encoding="utf-8", errors="replace")[-3000:])
        return json.loads(line)

    def close(self) -> None:
        if self._server.poll() is None:
            assert self._server.stdin is not None
            self._server.stdin.close()
            try:
                self._server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._server.kill()
                self._server.wait()
        if self._server.stdout is not None:
            self._server.stdout.close()

    def __enter__(self) -> PreloadedPython:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


def serve() -> None:
    """The server: import the modules named on the command line, then fork a child for each
    request line read on standard input, answering with the child's id and then its status."""
    requests, replies = os.dup(0), os.dup(1)  # imports and children never touch these
    quiet = os.open(os.devnull, os.O_RDWR)
    os.dup2(quiet, 0)
    os.dup2(quiet, 1)  # a module that prints on import cannot garble the replies
    for name in sys.argv[1:]:
        __import__(name)
    _reply(replies, {"ready": True})
    pending = b""
    while True:
        while b"\n" not in pending:
            chunk = os.read(requests, 65536)
            if not chunk:
                return
            pending += chunk
        line, pending = pending.split(b"\n", 1)
        request = json.loads(line)
        sys.stdout.flush()
        sys.stderr.flush()
        child = os.fork()
        if child == 0:
            os.close(requests)
            os.close(replies)
            _run_child(request)
        _reply(replies, {"pid": child})
        _, status = os.waitpid(child, 0)
        _reply(replies, {"status": os.waitstatus_to_exitcode(status)})


def _reply(fd: int, message: dict) -> None:
    os.write(fd, json.dumps(message).encode() + b"\n")


def _run_child(request: dict) -> None:
    """Become ``python -m MODULE ARGS`` in the request's folder and environment; never returns."""
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    for fd, path, flags in ((0, os.devnull, os.O_RDONLY),
                            (1, request["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
                            (2, request["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC)):
        opened = os.open(path, flags, 0o600)
        os.dup2(opened, fd)
        os.close(opened)
    sys.argv = [request["module"], *request["args"]]
    status = 0
    try:
        runpy.run_module(request["module"], run_name="__main__", alter_sys=True)
    except SystemExit as done:
        if done.code is None or isinstance(done.code, int):
            status = done.code or 0
        else:
            print(done.code, file=sys.stderr)
            status = 1
    except BaseException:
        traceback.print_exc()
        status = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(status)
