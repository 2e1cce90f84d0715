"""Real `manage.py run_scheduler` processes against the test database, for process tests.

On PostgreSQL a subprocess connects to the test database itself (the test must use
`transactional_db`, so what it wrote is committed). SQLite's test database lives in this
process's memory, so it is copied, as it is at that moment, into a file the subprocesses
share; the test then reads that file.
"""

import os
import socket
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection

MANAGE = Path(settings.BASE_DIR) / "manage.py"


@dataclass
class SharedDatabase:
    url: str
    path: Path | None = None

    @classmethod
    def of_test_database(cls, directory: Path) -> "SharedDatabase":
        """Share the test database (with what the test wrote so far) with subprocesses."""
        db = connection.settings_dict
        if connection.vendor == "sqlite":
            path = directory / "shared.sqlite3"
            connection.ensure_connection()
            target = sqlite3.connect(path)
            try:
                connection.connection.backup(target)
            finally:
                target.close()
            return cls(url=f"sqlite:///{path}", path=path)
        user = db["USER"] or "postgres"
        host, port = db["HOST"] or "127.0.0.1", db["PORT"] or "5432"
        return cls(url=f"postgres://{user}@{host}:{port}/{db['NAME']}")

    def rows(self, sql: str, params: tuple = ()) -> list[tuple]:
        """Run a SELECT on the shared database (`%s` placeholders) and return its rows."""
        if self.path is None:
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.fetchall()
        reader = sqlite3.connect(self.path, timeout=20)
        try:
            return reader.execute(sql.replace("%s", "?"), params).fetchall()
        finally:
            reader.close()

    def lease(self, name: str) -> dict | None:
        rows = self.rows(
            "SELECT holder, last_holder, last_started_at, last_finished_at, last_error "
            "FROM core_joblease WHERE name = %s",
            (name,),
        )
        if not rows:
            return None
        keys = ("holder", "last_holder", "started", "finished", "error")
        return dict(zip(keys, rows[0], strict=True))


def holder_of(process: subprocess.Popen) -> str:
    """The lease holder name a scheduler subprocess uses (scheduler.holder_name)."""
    return f"{socket.gethostname()}:{process.pid}"


def start_scheduler(
    database: SharedDatabase,
    *args: str,
    settings_module: str = "sinmun.core.tests.scheduler_settings",
    log: Path,
    **env: str,
) -> subprocess.Popen:
    """Start `manage.py run_scheduler *args` on `database`, its output going to `log`."""
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": settings_module,
        "DATABASE_URL": database.url,
        "no_proxy": "127.0.0.1,localhost",
        "PYTHONUNBUFFERED": "1",
        **env,
    }
    if os.environ.get("REDIS_URL"):
        environment["REDIS_URL"] = os.environ["REDIS_URL"]
    output = log.open("ab")
    try:
        return subprocess.Popen(
            [sys.executable, str(MANAGE), "run_scheduler", *args],
            stdout=output,
            stderr=subprocess.STDOUT,
            env=environment,
            cwd=settings.BASE_DIR,
        )
    finally:
        output.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_web_server(
    database: SharedDatabase,
    *,
    settings_module: str = "sinmun.settings.test",
    log: Path,
) -> tuple[subprocess.Popen, str]:
    """Serve the site from `database` with Django's threaded server on a free port.

    Returns the process and its base URL once it answers; requests are served in parallel,
    as an editor's two tabs or two editors are.
    """
    port = free_port()
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": settings_module,
        "DATABASE_URL": database.url,
        "no_proxy": "127.0.0.1,localhost",
        "PYTHONUNBUFFERED": "1",
    }
    if os.environ.get("REDIS_URL"):
        environment["REDIS_URL"] = os.environ["REDIS_URL"]
    output = log.open("ab")
    try:
        process = subprocess.Popen(
            [
                sys.executable,
                str(MANAGE),
                "runserver",
                "--noreload",
                f"127.0.0.1:{port}",
            ],
            stdout=output,
            stderr=subprocess.STDOUT,
            env=environment,
            cwd=settings.BASE_DIR,
        )
    finally:
        output.close()

    def answers():
        with socket.socket() as sock:
            return sock.connect_ex(("127.0.0.1", port)) == 0

    wait_for(answers, what=f"the web server on port {port}")
    return process, f"http://127.0.0.1:{port}"


def wait_for(condition, *, timeout: float = 60.0, what: str = "condition"):
    """Poll `condition` until it returns something truthy; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def stop(*processes: subprocess.Popen) -> None:
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
