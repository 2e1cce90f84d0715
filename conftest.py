"""Fixtures shared by every app's tests: a small paper with sections and reporters."""

import shutil

import pytest
from django.conf import settings
from django.core.cache import cache

# redis_server and redis_cache: a spare redis-server for the cache fault tests.
pytest_plugins = ["sinmun.core.tests.redis_server"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True, scope="session")
def _test_media_root():
    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.fixture
def paper(db):
    """Return a small published paper: home page, settings, sections 정치/경제/사회(사건·사고)."""
    from sinmun.frontpage.tests.factories import make_paper

    return make_paper()


@pytest.fixture
def reporter(db):
    from sinmun.newsroom.tests.factories import ReporterFactory

    return ReporterFactory(
        name="박지훈", slug="park-jihoon", email="jihoon@garamilbo.example"
    )
