"""Database fixtures: a throwaway PostgreSQL server on loopback, and ``db_url`` over both backends.

The server is started once per session, only when a test asks for it. If PostgreSQL cannot be
found or started, the tests that need it fail with the reason; ``CLAIMWATCH_SKIP_POSTGRES=1``
skips them instead (with that reason shown). ``scripts/ensure-postgres.sh`` installs it.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from hypothesis import HealthCheck, settings

# Property tests check what a function returns, never how fast: on a loaded CI machine one
# example may take longer than Hypothesis's default 200 ms deadline, or generating data may
# trip the too_slow health check, and either fails the test by chance. (Speed is measured in
# benchmarks.) A test's own @settings still wins over the profile.
settings.register_profile("claimwatch", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("claimwatch")

# Proxy settings a CI machine may export: httpx and urllib would send the tests' loopback
# requests to the proxy, and the Slack SDK uses HTTPS_PROXY even for hosts NO_PROXY lists.
# The tests talk to loopback only, so none applies (child processes inherit the same).
PROXY_VARIABLES = tuple(
    name
    for base in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")
    for name in (base, base.lower())
)


@pytest.fixture(autouse=True, scope="session")
def _no_proxy_for_loopback() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        for name in PROXY_VARIABLES:
            patch.delenv(name, raising=False)
        yield


SKIP_ENV = "CLAIMWATCH_SKIP_POSTGRES"
TEST_DATABASE = "claimwatch_test"


@dataclass(frozen=True)
class PostgresServer:
    host: str
    port: int
    user: str = "postgres"

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{database}"

    def execute(self, sql: str) -> None:
        """Run one statement outside a transaction (CREATE/DROP DATABASE) on the admin db."""
        with psycopg.connect(
            host=self.host, port=self.port, user=self.user, dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(sql.encode())


def find_pg_bindir() -> Path | None:
    """The directory holding initdb and pg_ctl: pg_config, Debian's layout, then PATH."""
    candidates: list[Path] = []
    if pg_config := shutil.which("pg_config"):
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False)
        if out.returncode == 0 and out.stdout.strip():
            candidates.append(Path(out.stdout.strip()))
    debian = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"),
        key=lambda p: [int(x) if x.isdigit() else x for x in Path(p).parent.name.split(".")],
        reverse=True,
    )
    candidates += [Path(p) for p in debian]
    if initdb := shutil.which("initdb"):
        candidates.append(Path(initdb).resolve().parent)
    for directory in candidates:
        if (directory / "initdb").is_file() and (directory / "pg_ctl").is_file():
            return directory
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _as_server_user(argv: list[str]) -> list[str]:
    """initdb and postgres refuse to run as root: run them as the ``postgres`` user then."""
    if os.geteuid() != 0:
        return argv
    if runuser := shutil.which("runuser"):
        return [runuser, "-u", "postgres", "--", *argv]
    return ["su", "postgres", "-s", "/bin/sh", "-c", subprocess.list2cmdline(argv)]


def _run(argv: list[str], cwd: Path, what: str) -> None:
    done = subprocess.run(
        _as_server_user(argv), cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"{what} failed ({done.returncode}): {done.stderr or done.stdout}")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A PostgreSQL server on 127.0.0.1, fsync off, torn down at the end of the session."""
    if os.environ.get(SKIP_ENV) == "1":
        pytest.skip(f"PostgreSQL tests skipped: {SKIP_ENV}=1")
    bindir = find_pg_bindir()
    if bindir is None:
        pytest.fail(
            "PostgreSQL server binaries (initdb, pg_ctl) not found: run scripts/ensure-postgres.sh"
            f" or set {SKIP_ENV}=1 to skip these tests",
            pytrace=False,
        )
    # Not under pytest's tmp dir: that is private to root, and the server runs as postgres.
    root = Path(tempfile.mkdtemp(prefix="claimwatch-pg-"))
    data, log = root / "data", root / "server.log"
    started = False
    try:
        if os.geteuid() == 0:
            shutil.chown(root, user="postgres", group="postgres")
        _run(
            [str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E",
             "UTF8", "--no-locale", "--no-sync"],
            root,
            "initdb",
        )  # fmt: skip
        # The port is picked, released, then bound by the server: another process may take it
        # in between, and then the server does not start. A few tries, each on a new port.
        for attempt in range(1, 4):
            port = _free_port()
            options = (
                f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off"
                " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
            )
            start = [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", "60"]
            try:
                _run([*start, "-o", options, "start"], root, "pg_ctl start")
            except RuntimeError:
                in_use = log.exists() and "could not bind" in log.read_text(errors="replace")
                if attempt == 3 or not in_use:
                    raise
                continue
            break
        started = True
        server = PostgresServer("127.0.0.1", port)
        server.execute(f"CREATE DATABASE {TEST_DATABASE}")
    except (OSError, RuntimeError, subprocess.SubprocessError, psycopg.Error) as exc:
        tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        _stop(bindir, data, root, started)
        pytest.fail(f"could not start PostgreSQL from {bindir}: {exc}\n{tail}", pytrace=False)
    try:
        yield server
    finally:
        _stop(bindir, data, root, started)


def _stop(bindir: Path, data: Path, root: Path, started: bool) -> None:
    if started:
        subprocess.run(
            _as_server_user([str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
            cwd=root,
            capture_output=True,
            timeout=60,
            check=False,
        )
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_url(postgres_server: PostgresServer) -> str:
    """``postgresql+psycopg://postgres@127.0.0.1:PORT/claimwatch_test`` (shared by the session)."""
    return postgres_server.url(TEST_DATABASE)


@pytest.fixture
def fresh_postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """A database of its own for one test, dropped afterwards."""
    name = f"t_{uuid.uuid4().hex[:16]}"
    postgres_server.execute(f"CREATE DATABASE {name}")
    try:
        yield postgres_server.url(name)
    finally:
        postgres_server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A store URL: a real SQLite file in tmp_path, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'state' / 'claimwatch.db'}"
    url: str = request.getfixturevalue("fresh_postgres_url")
    return url


from tests.feedserver import feed_server  # noqa: E402, F401  (fixture)
from tests.telegram_fakes import fake_api, sender  # noqa: E402, F401  (fixtures)
