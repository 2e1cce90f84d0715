"""Benchmarks (`make bench`, `make bench-search`, `make bench-stack`, ...)."""

import os


def setup_scratch_sqlite(name: str) -> None:
    """Set Django up (test settings) on a new, empty SQLite file /tmp/sinmun-bench-<name>."""
    path = f"/tmp/sinmun-bench-{name}.sqlite3"
    if os.path.exists(path):
        os.remove(path)
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "sinmun.settings.test"
    import django

    django.setup()
