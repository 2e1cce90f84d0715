"""Settings for `make bench`: the test settings on a throwaway SQLite file and media folder."""

import os

from sinmun.settings.test import *  # noqa: F403

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ["SINMUN_BENCH_DB"],
    }
}
DATABASES["default"]["OPTIONS"] = {  # the same pragmas as base.py
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
MEDIA_ROOT = os.environ["SINMUN_BENCH_MEDIA"]
