import logging
import threading
import time
import uuid
from datetime import datetime

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from sinmun.weather.parsing import KST

API_KEY = "Zq7TestKey-AbCdEf_0123"  # shaped like an API Hub authKey (22 URL-safe chars)
PATH = "/api/typ01/url/kma_sfctm2.php"
BACKFILL_PATH = "/api/typ01/url/kma_sfctm3.php"
# 14:00 KST on a late-November afternoon: the hour every service test observes.
HOUR = datetime(2026, 11, 27, 14, 0, tzinfo=KST)
NOW = datetime(2026, 11, 27, 14, 12, tzinfo=KST)


@pytest.fixture(autouse=True)
def _no_proxies(monkeypatch):
    # urllib honours *_proxy variables; the fake KMA must be reached directly.
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    monkeypatch.delenv("SINMUN_KMA_API_KEY", raising=False)


@pytest.fixture(autouse=True)
def _no_real_key(settings):
    # Whatever key the machine has, tests use the sample or the fake KMA, never the real one.
    settings.SINMUN_KMA_API_KEY = ""


@pytest.fixture(scope="session")
def _kma_http_server():
    # Threaded, so a hanging answer does not hold up the next test's requests.
    # The fake's access log prints request URLs, the test key included; that is KMA's
    # side of the wire, not ours, so it is kept out of the captured logs.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.clear()
    server.stop()


class FakeKma:
    """A local stand-in for apihub.kma.go.kr, serving real-format bodies.

    Each test gets its own path prefix, so a request still in flight from an earlier
    test (a released hang) can never be counted or answered as this test's.
    """

    def __init__(self, server: HTTPServer):
        self.server = server
        self.prefix = f"/{uuid.uuid4().hex[:8]}"
        self.release = threading.Event()
        self.hanging = threading.Event()
        self.in_flight = 0

    @property
    def url(self) -> str:
        return self.server.url_for(self.prefix + PATH)

    @property
    def backfill_url(self) -> str:
        return self.server.url_for(self.prefix + BACKFILL_PATH)

    def serve(
        self, body, *, status=200, content_type="text/plain; charset=EUC-KR", once=False
    ):
        expect = (
            self.server.expect_oneshot_request if once else self.server.expect_request
        )
        expect(self.prefix + PATH).respond_with_data(
            body, status=status, content_type=content_type
        )

    def serve_backfill(self, body):
        self.server.expect_request(self.prefix + BACKFILL_PATH).respond_with_data(
            body, content_type="text/plain; charset=EUC-KR"
        )

    def hang(self, seconds: float = 30.0, then: bytes = b""):
        """Accept requests and answer nothing for `seconds`, or until the test ends."""

        def handler(request: Request) -> Response:
            self.in_flight += 1
            self.hanging.set()
            try:
                self.release.wait(seconds)
                return Response(
                    then, status=200, content_type="text/plain; charset=EUC-KR"
                )
            finally:
                self.in_flight -= 1

        self.server.expect_request(self.prefix + PATH).respond_with_handler(handler)

    def echo_error(self):
        """Answer 403 with a body that repeats the request's query, key included."""

        def handler(request: Request) -> Response:
            query = request.query_string.decode()
            return Response(
                '{"result":{"status":403,"message":"bad request ' + query + '"}}',
                status=403,
                content_type="application/json",
            )

        self.server.expect_request(self.prefix + PATH).respond_with_handler(handler)

    @property
    def requests(self) -> list[Request]:
        return [
            request
            for request, _ in self.server.log
            if request.path.startswith(self.prefix)
        ]

    def finish(self):
        """Let hanging answers go and wait briefly for them to be sent."""
        self.release.set()
        deadline = time.monotonic() + 5
        while self.in_flight and time.monotonic() < deadline:
            time.sleep(0.01)


@pytest.fixture
def kma(_kma_http_server):
    fake = FakeKma(_kma_http_server)
    _kma_http_server.clear()
    yield fake
    fake.finish()
    _kma_http_server.clear()


@pytest.fixture
def kma_settings(settings, kma):
    """Point the job at the fake KMA with a key and short timeouts."""
    settings.SINMUN_KMA_API_KEY = API_KEY
    settings.SINMUN_KMA_API_URL = kma.url
    settings.SINMUN_KMA_BACKFILL_URL = kma.backfill_url
    settings.SINMUN_KMA_TIMEOUT_SECONDS = 0.5
    settings.SINMUN_KMA_RETRIES = 2
    settings.SINMUN_KMA_BACKOFF_SECONDS = 0.01
    settings.SINMUN_KMA_BREAKER_THRESHOLD = 3
    settings.SINMUN_KMA_BREAKER_COOLDOWN_SECONDS = 1800
    return settings
