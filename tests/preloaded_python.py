"""A Python process that has already imported the heavy modules and forks a child per command.

Tests that need a separate process (a simulated screen, a command killed half-way, an exit
status) but not a cold interpreter run ``python -m MODULE ARGS`` through
:class:`PreloadedPython`: a small server imports the given modules once (PySide6, SQLAlchemy,
pandas, the app: seconds of processor time a process), then forks a child for each command. The
child takes the command's environment, working folder and standard streams (pipes the test
holds, passed over a Unix socket) and runs the module as ``__main__``, as ``python -m`` would.
The server is a fresh single-threaded interpreter that never creates a Qt object or a database
connection, so forking it is safe; the pytest worker itself (it has Qt threads) is never forked.

One command runs at a time. Unlike a cold ``python -m``, the child's ``sys.path`` is the
server's: the test's own ``PYTHONPATH`` must already hold every folder the module needs.
"""

from __future__ import annotations

import contextlib
import json
import os
import runpy
import selectors
import signal
import socket
import subprocess
import sys
import time
import traceback
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import IO

REPO = Path(__file__).resolve().parents[1]
MESSAGE = 1 << 20  # requests carry an environment: a few kilobytes


class PreloadedPython:
    """Starts the server; :meth:`start` and :meth:`run` are its ``Popen`` and ``run``."""

    def __init__(self, modules: Sequence[str]) -> None:
        self._socket, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
        with theirs:
            self._server = subprocess.Popen(
                [sys.executable, "-c", "from tests.preloaded_python import serve; serve()",
                 str(theirs.fileno()), *modules], pass_fds=[theirs.fileno()],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                env=env, cwd=REPO)
        self._ready = False
        self.child: Child | None = None

    def start(self, module: str, args: Sequence[str], *, env: Mapping[str, str],
              cwd: str | os.PathLike[str] = ".", timeout: float = 300,
              code: str | None = None) -> Child:
        """``python -m module args`` with its standard streams on pipes (text, UTF-8); with
        ``code``, ``python -c code args`` instead (``module`` then only names it)."""
        deadline = time.monotonic() + timeout
        if self.child is not None and self.child.returncode is None:
            self.child.end()  # left running by a test that failed half-way
        if not self._ready:
            self._receive(deadline)  # the server has imported everything
            self._ready = True
        pipes = [os.pipe() for _ in range(3)]
        request = {"module": module, "code": code, "args": list(args), "env": dict(env),
                   "cwd": os.path.abspath(cwd)}
        theirs = [pipes[0][0], pipes[1][1], pipes[2][1]]
        try:
            socket.send_fds(self._socket, [json.dumps(request).encode()], theirs)
        finally:
            for fd in theirs:
                os.close(fd)
        command = [sys.executable, *(["-c", code] if code is not None else ["-m", module]),
                   *args]
        self.child = Child(self, self._receive(deadline)["pid"], command, pipes[0][1],
                           pipes[1][0], pipes[2][0])
        return self.child

    def run(self, module: str, args: Sequence[str], *, env: Mapping[str, str],
            cwd: str | os.PathLike[str] = ".", input: str | None = None,
            timeout: float = 300, code: str | None = None) -> subprocess.CompletedProcess[str]:
        """Like ``subprocess.run([python, "-m", module, *args], capture_output=True,
        text=True)``, or ``[python, "-c", code, *args]`` when ``code`` is given."""
        child = self.start(module, args, env=env, cwd=cwd, timeout=timeout, code=code)
        out, err = child.communicate(input, timeout=timeout)
        assert child.returncode is not None
        return subprocess.CompletedProcess(child.args, child.returncode, out, err)

    def _receive(self, deadline: float) -> dict:
        self._socket.settimeout(max(0.001, deadline - time.monotonic()))
        try:
            message = self._socket.recv(MESSAGE)
        except TimeoutError:
            raise subprocess.TimeoutExpired(self._server.args, 0) from None
        if not message:
            assert self._server.stderr is not None
            self._server.wait()
            raise RuntimeError("the preloaded Python stopped:\n"
                               + self._server.stderr.read().decode(errors="replace")[-3000:])
        return json.loads(message)

    def close(self) -> None:
        try:
            if self.child is not None and self.child.returncode is None:
                self.child.end()
        finally:
            self._socket.close()  # the server ends when its socket does
            try:
                self._server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self._server.kill()
                self._server.wait()
            if self._server.stderr is not None:
                self._server.stderr.close()

    def __enter__(self) -> PreloadedPython:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


class Child:
    """A forked command: the parts of ``subprocess.Popen`` the tests use."""

    def __init__(self, server: PreloadedPython, pid: int, args: list[str], stdin: int,
                 stdout: int, stderr: int) -> None:
        self._server = server
        self.pid = pid
        self.args = args
        self.returncode: int | None = None
        self.stdin: IO[str] = open(stdin, "w", encoding="utf-8")
        self.stdout: IO[str] = open(stdout, encoding="utf-8")
        self.stderr: IO[str] = open(stderr, encoding="utf-8")

    def send_signal(self, number: int) -> None:
        if self.returncode is None:
            with contextlib.suppress(ProcessLookupError):  # it ended; the server reaps it
                os.kill(self.pid, number)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def end(self) -> None:
        """Kill it, collect its status and close its pipes (after a test failed half-way)."""
        self.kill()
        try:
            self.communicate(timeout=30)
        finally:
            for stream in (self.stdin, self.stdout, self.stderr):
                with contextlib.suppress(OSError):
                    stream.close()

    def communicate(self, input: str | None = None, timeout: float = 300) -> tuple[str, str]:
        """Send ``input``, close standard input, read both outputs to their end and wait."""
        if self.returncode is not None:
            return "", ""
        deadline = time.monotonic() + timeout
        try:
            if input and not self.stdin.closed:
                self.stdin.write(input)
        except BrokenPipeError:
            pass  # it stopped reading (or was killed): as subprocess does
        finally:
            with contextlib.suppress(BrokenPipeError):
                self.stdin.close()
        chunks: dict[int, list[bytes]] = {self.stdout.fileno(): [], self.stderr.fileno(): []}
        with selectors.DefaultSelector() as waiting:
            for fd in chunks:
                waiting.register(fd, selectors.EVENT_READ)
            while waiting.get_map():
                ready = waiting.select(max(0.0, deadline - time.monotonic()))
                if not ready:
                    self.kill()
                    raise subprocess.TimeoutExpired(self.args, timeout)
                for key, _ in ready:
                    data = os.read(key.fd, 65536)
                    if data:
                        chunks[key.fd].append(data)
                    else:
                        waiting.unregister(key.fd)
        out, err = (b"".join(parts).decode() for parts in chunks.values())
        self.stdout.close()
        self.stderr.close()
        self.returncode = self._server._receive(deadline)["status"]
        return out, err

    def wait(self, timeout: float = 300) -> int:
        self.communicate(timeout=timeout)
        assert self.returncode is not None
        return self.returncode


def serve() -> None:
    """The server: import the modules named on the command line, then for each request fork a
    child, answer with its id and, when it ends, with its status."""
    channel = socket.socket(fileno=int(sys.argv[1]))
    for name in sys.argv[2:]:
        __import__(name)
    channel.send(json.dumps({"ready": True}).encode())
    while True:
        message, fds, _flags, _address = socket.recv_fds(channel, MESSAGE, 3)
        if not message:
            return
        sys.stdout.flush()
        sys.stderr.flush()
        child = os.fork()
        if child == 0:
            channel.close()
            _run_child(json.loads(message), fds)
        for fd in fds:
            os.close(fd)
        channel.send(json.dumps({"pid": child}).encode())
        _, status = os.waitpid(child, 0)
        channel.send(json.dumps({"status": os.waitstatus_to_exitcode(status)}).encode())


def _run_child(request: dict, fds: list[int]) -> None:
    """Become ``python -m MODULE ARGS`` (or ``python -c CODE ARGS``) in the request's folder and
    environment; never returns."""
    status = 1
    try:
        for target, fd in enumerate(fds):  # standard input, output and error
            os.dup2(fd, target)
            os.close(fd)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        status = 0
        if request["code"] is not None:
            sys.argv = ["-c", *request["args"]]
            exec(compile(request["code"], "<string>", "exec"), {"__name__": "__main__"})
        else:
            sys.argv = [request["module"], *request["args"]]
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
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(status)
