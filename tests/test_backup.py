"""`make backup` / `make restore`: a round trip through bin/backup and bin/restore.

A scratch database of the suite's engine (PostgreSQL: its own database made with createdb
on the suite's server; SQLite: a file) is filled with a small paper by another process,
backed up, wiped with its media, and restored; every headline, body, revision count and
photo file must come back identical.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]


class Scratch:
    """A scratch database of the suite's engine, and the environment that points at it."""

    def __init__(self, tmp_path: Path):
        self.tmp = tmp_path
        self.media = tmp_path / "media"
        self.backups = tmp_path / "backups"
        self.engine = connection.vendor
        if self.engine == "postgresql":
            db = settings.DATABASES["default"]
            self.name = f"sinmun_backup_{os.getpid()}"
            self.pg = [
                "-h",
                db["HOST"] or "127.0.0.1",
                "-p",
                str(db["PORT"] or 5432),
                "-U",
                db["USER"] or "postgres",
            ]
            password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
            self.url = (
                f"postgres://{db['USER'] or 'postgres'}{password}@{self.pg[1]}:"
                f"{self.pg[3]}/{self.name}"
            )
        else:
            self.url = f"sqlite:///{tmp_path / 'paper.sqlite3'}"

    @property
    def env(self) -> dict:
        env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
        env.update(
            DATABASE_URL=self.url,
            SINMUN_MEDIA_ROOT=str(self.media),
            BACKUP_DIR=str(self.backups),
            PYTHON=sys.executable,
            DJANGO_SETTINGS_MODULE="sinmun.settings.base",
        )
        if self.engine == "postgresql":
            env["PGPASSWORD"] = settings.DATABASES["default"].get("PASSWORD") or ""
        return env

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(
            args,
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=600,
            check=check,
            stdin=subprocess.DEVNULL,
        )

    def create(self) -> None:
        if self.engine == "postgresql":
            self.run("createdb", *self.pg, self.name)

    def drop(self) -> None:
        if self.engine == "postgresql":
            self.run("dropdb", *self.pg, "--if-exists", "--force", self.name)
        else:
            for suffix in ("", "-wal", "-shm"):
                Path(self.url.removeprefix("sqlite://") + suffix).unlink(
                    missing_ok=True
                )

    def snapshot(self) -> dict:
        out = self.run(sys.executable, "-m", "tests.backup_paper", "snapshot").stdout
        return json.loads(out.strip().splitlines()[-1])


@pytest.fixture
def scratch(tmp_path):
    scratch = Scratch(tmp_path)
    scratch.drop()
    scratch.create()
    yield scratch
    scratch.drop()


def test_backup_then_restore_gives_back_every_story_and_photo(scratch):
    scratch.run(sys.executable, "-m", "tests.backup_paper", "seed")
    before = scratch.snapshot()
    assert len(before["articles"]) == 4
    assert max(a["revisions"] for a in before["articles"]) == 2
    assert len(before["photos"]) == 3
    assert len(before["renditions"]) == 3

    made = scratch.run("bin/backup")
    backup = Path(made.stdout.strip().splitlines()[-1])
    assert backup.parent == scratch.backups
    assert backup.name.startswith("sinmun-")
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["engine"] == scratch.engine
    assert (manifest["articles"], manifest["photos"]) == (4, 3)
    assert manifest["media_files"] == 6  # three originals, three renditions

    damaged = scratch.tmp / "damaged"
    shutil.copytree(backup, damaged)
    with (damaged / "media.tar").open("ab") as tar:
        tar.write(b"\0" * 512)
    refused = scratch.run("bin/restore", str(damaged), "--yes", check=False)
    assert refused.returncode != 0
    assert "checksums" in refused.stderr
    assert scratch.snapshot() == before  # refused before anything changed

    scratch.drop()  # lose everything
    shutil.rmtree(scratch.media)
    scratch.create()

    refused = scratch.run("bin/restore", str(backup), check=False)
    assert refused.returncode != 0
    assert "--yes" in refused.stderr
    assert not scratch.media.exists()  # nothing touched without confirmation

    scratch.run("bin/restore", str(backup), "--yes")
    assert scratch.snapshot() == before

    # Restoring again over a live database (pg_restore --clean) changes nothing, and the
    # media that was there is kept beside the restored copy.
    again = scratch.run("bin/restore", str(backup), "--yes")
    assert "kept in" in again.stdout
    assert scratch.snapshot() == before
