import shutil

import pytest
from django.conf import settings

from sinmun.tips.tests.smtp import smtp_catcher  # noqa: F401 - a fixture for the tests here


@pytest.fixture(autouse=True, scope="session")
def _test_private_root():
    yield
    shutil.rmtree(settings.SINMUN_PRIVATE_MEDIA_ROOT, ignore_errors=True)
