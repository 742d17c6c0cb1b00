"""Connecting to the team server: address, credentials, and errors a researcher can read.

The project file keeps the server's address without a password, and the user. The password
comes from the address given on the command line (never stored), from the OS keyring through
the ``keyring`` package when it is installed, or from libpq's own password file (``~/.pgpass``
or ``$PGPASSFILE``), which libpq reads by itself. TLS is libpq's: ``?sslmode=verify-full`` (and
``sslrootcert=...``) in the address. Every statement sent is parameterised.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.pool import NullPool

from workbench.core.errors import WorkbenchError

KEYRING_SERVICE = "coding-workbench-team"


class TeamError(WorkbenchError):
    """The team server cannot be reached, refuses us, or is not a team project."""


class TeamLoginError(TeamError):
    """The server refused the login: a wrong password, none given where one is needed, or a
    user it does not know. Asking for the password again may help."""


class TeamOfflineError(TeamError):
    """The server cannot be reached (no network, stopped, restarting, or it went away during
    the call). Trying again later may help; the password is not in question."""


# Parts of libpq's and the server's messages (psycopg gives no SQLSTATE before the login is
# through, so the text is all there is). PostgreSQL says "password authentication failed" for
# a role it does not know too, so as not to tell who exists.
_LOGIN_MARKERS = ("password authentication failed", "no password supplied",
                  "authentication failed for user", "does not exist\u0000role")
_OFFLINE_MARKERS = ("connection refused", "could not translate host name",
                    "failed to resolve host", "timeout expired", "timed out",
                    "no route to host", "network is unreachable",
                    "server closed the connection unexpectedly", "the connection is lost",
                    "the database system is shutting down", "the database system is starting up",
                    "terminating connection due to administrator command",
                    "ssl syscall error", "connection reset by peer", "broken pipe")
# SQLSTATE classes and codes of a connection that failed or went away.
_OFFLINE_STATES = ("08", "57P01", "57P02", "57P03")


def parse_url(text: str) -> URL:
    try:
        url = make_url(text)
    except ArgumentError:
        raise TeamError(f"'{text}' is not a server address: write "
                        "postgresql://USER@HOST:PORT/DATABASE") from None
    if not url.drivername.startswith("postgresql") or not url.database:
        raise TeamError(f"'{text}' is not a PostgreSQL address with a database: write "
                        "postgresql://USER@HOST:PORT/DATABASE")
    return url.set(drivername="postgresql+psycopg")


def stored_form(url: URL) -> str:
    """The address as the project file keeps it: no password, no driver name."""
    bare = URL.create("postgresql", username=url.username, host=url.host, port=url.port,
                      database=url.database, query=url.query)
    return bare.render_as_string(hide_password=False)


def keyring_password(url: URL) -> str | None:
    if os.environ.get("WORKBENCH_NO_KEYRING"):
        return None
    try:
        import keyring  # type: ignore[import-not-found]  # optional, often not installed
    except ImportError:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, _key(url))
    except Exception:
        return None


def _key(url: URL) -> str:
    return f"{url.username}@{url.host}:{url.port or 5432}/{url.database}"


def where(url: URL) -> str:
    return f"{url.host or 'localhost'}:{url.port or 5432}/{url.database}"


def make_engine(url: URL) -> Engine:
    if url.password is None and (password := keyring_password(url)):
        url = url.set(password=password)
    return create_engine(url, poolclass=NullPool, connect_args={
        "connect_timeout": int(os.environ.get("WORKBENCH_TEAM_TIMEOUT", "10")),
        "application_name": "coding-workbench"})


def kind_of(error: BaseException) -> type[TeamError]:
    """Which :class:`TeamError` a driver error is: a refused login, an unreachable server, or
    anything else (a missing database, a refused statement)."""
    cause = getattr(error, "orig", None) or error
    detail = str(cause).lower()
    if any(marker in detail for marker in _LOGIN_MARKERS) or (
            'role "' in detail and "does not exist" in detail and "fatal" in detail):
        return TeamLoginError
    state = getattr(cause, "sqlstate", None) or ""
    if any(marker in detail for marker in _OFFLINE_MARKERS) or state.startswith(_OFFLINE_STATES):
        return TeamOfflineError
    return TeamError


def explain(error: BaseException, url: URL) -> str:
    """One line saying what went wrong with the server."""
    cause = getattr(error, "orig", None) or error
    detail = " ".join(str(cause).split()) or type(cause).__name__
    kind = kind_of(error)
    if kind is TeamLoginError:
        return (f"the team server {where(url)} refused user '{url.username}': wrong or "
                "missing password (give it in ~/.pgpass or the OS keyring)")
    if kind is TeamOfflineError:
        return f"cannot reach the team server {where(url)} (offline?): {detail}"
    return f"team server {where(url)}: {detail}"


@contextmanager
def server_errors(url: URL) -> Iterator[None]:
    """Turn a driver error into a :class:`TeamError` of one line: a :class:`TeamLoginError`
    when the login was refused, a :class:`TeamOfflineError` when the server was not there."""
    try:
        yield
    except DBAPIError as error:
        raise kind_of(error)(explain(error, url)) from None


def connect(engine: Engine, url: URL) -> Connection:
    with server_errors(url):
        return engine.connect()
