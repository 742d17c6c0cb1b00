"""A throwaway PostgreSQL cluster for the team tests and benchmarks.

``initdb`` in a temporary folder, a free port on 127.0.0.1, started with ``pg_ctl`` as the
``postgres`` user when we are root (PostgreSQL refuses to run as root), a superuser password,
stopped and removed by :meth:`Cluster.remove`. Durability is switched off: these clusters hold
nothing worth a disk sync.
"""

from __future__ import annotations

import glob
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def find_bindir() -> Path | None:
    """Where initdb and pg_ctl are ($WORKBENCH_PG_BINDIR, pg_config, Debian's folders)."""
    chosen = os.environ.get("WORKBENCH_PG_BINDIR")
    if chosen:
        return Path(chosen)
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    if candidates:
        return Path(candidates[0]).parent
    if (pg_config := shutil.which("pg_config")) is not None:
        try:
            found = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True,
                                   check=True).stdout.strip()
        except subprocess.CalledProcessError:
            found = ""
        if found and (Path(found) / "initdb").exists():
            return Path(found)
    initdb = shutil.which("initdb")
    return Path(initdb).resolve().parent if initdb else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Cluster:
    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="workbench-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.password = secrets.token_hex(12)
        self._as_postgres = os.geteuid() == 0
        if self._as_postgres:
            entry = pwd.getpwnam("postgres")
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
        secret = self.root / "pw"
        secret.write_text(self.password)
        if self._as_postgres:
            os.chown(secret, pwd.getpwnam("postgres").pw_uid, -1)
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "scram-sha-256",
                  "--pwfile", str(secret), "-E", "UTF8", "--no-locale", "--no-sync")
        secret.unlink()
        self.start()

    def _run(self, program: str, *arguments: str) -> None:
        command = [str(self.bindir / program), *arguments]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60")
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.root / "log"),
                  "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def restart(self) -> None:
        self.stop("immediate")
        self.start()

    def url(self, database: str, user: str = "postgres", password: str | None = None) -> str:
        secret = self.password if user == "postgres" and password is None else password
        who = f"{user}:{secret}" if secret else user
        return f"postgresql://{who}@127.0.0.1:{self.port}/{database}"

    def remove(self) -> None:
        try:
            self.stop("immediate")
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.root, ignore_errors=True)
