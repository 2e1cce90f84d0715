"""The old site itself, politely: fetch article pages and photos at a set rate, keep a cache.

Only the standard library: `urllib` for HTTP, `urllib.robotparser` for robots.txt. A page
once fetched is kept in the cache directory (its bytes and its Content-Type), so a re-run or
a resumed run reads the disk instead of the old server.
"""

import time
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from urllib import robotparser
from urllib.error import HTTPError, URLError
from urllib.parse import urljoin, urlsplit
from urllib.request import Request, urlopen

USER_AGENT = "sinmun-import/1.0 (archive migration; +https://github.com/sinmun)"
ARTICLE_PATH = "/news/articleView.html?idxno={idxno}"


class FetchError(Exception):
    """The old site did not give the page; the message says what it answered."""


@dataclass
class Fetched:
    url: str
    data: bytes
    charset: str  # from the Content-Type header, "" if none
    from_cache: bool = False


class OldSite:
    def __init__(
        self,
        base_url: str,
        *,
        rate: float = 2.0,
        cache: Path | None = None,
        timeout: float = 20.0,
        obey_robots: bool = True,
    ):
        self.base_url = base_url.rstrip("/")
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.cache = cache
        self.timeout = timeout
        self.requests = 0
        self._last = 0.0
        self._robots = None
        if obey_robots:
            try:
                robots = self._get(self.base_url + "/robots.txt", allow_missing=True)
            except FetchError:
                robots = None  # an old site that cannot say is asked page by page
            if robots is not None:
                self._robots = robotparser.RobotFileParser()
                self._robots.parse(robots.data.decode("utf-8", "replace").splitlines())

    def article_url(self, idxno: int) -> str:
        return self.base_url + ARTICLE_PATH.format(idxno=idxno)

    def article(self, idxno: int) -> Fetched:
        """Return an article page, from the cache when it holds it."""
        cached = self._cached(f"{idxno}.html")
        url = self.article_url(idxno)
        if cached is not None:
            data, charset = cached
            return Fetched(url, data, charset, from_cache=True)
        if self.cache is not None and (self.cache / f"{idxno}.missing").exists():
            raise FetchError("not on the old site (remembered from an earlier run)")
        if self._robots is not None and not self._robots.can_fetch(USER_AGENT, url):
            raise FetchError("robots.txt of the old site disallows it")
        try:
            fetched = self._get(url)
        except FetchError as error:
            if "404" in str(error) or "410" in str(error):
                self._store(f"{idxno}.missing", b"", "")
            raise
        self._store(f"{idxno}.html", fetched.data, fetched.charset)
        return fetched

    def file(self, url: str) -> bytes:
        """Return a photo or other file of the old site, from the cache when it holds it."""
        name = "files/" + (urlsplit(url).path.lstrip("/") or "index")
        cached = self._cached(name)
        if cached is not None:
            return cached[0]
        if not url.startswith(self.base_url):
            url = urljoin(self.base_url + "/", url)
        fetched = self._get(url)
        self._store(name, fetched.data, "")
        return fetched.data

    def _cached(self, name: str):
        if self.cache is None:
            return None
        path = self.cache / name
        if not path.is_file():
            return None
        type_file = path.with_name(path.name + ".type")
        charset = type_file.read_text() if type_file.is_file() else ""
        return path.read_bytes(), charset

    def _store(self, name: str, data: bytes, charset: str):
        if self.cache is None:
            return
        path = (self.cache / name).resolve()
        if not path.is_relative_to(self.cache.resolve()):
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        if charset:
            path.with_name(path.name + ".type").write_text(charset)

    def _wait(self):
        pause = self._last + self.interval - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        self._last = time.monotonic()

    def _get(self, url: str, *, allow_missing: bool = False) -> Fetched:
        for attempt in (1, 2):
            self._wait()
            self.requests += 1
            request = Request(url, headers={"User-Agent": USER_AGENT})
            try:
                with urlopen(request, timeout=self.timeout) as response:
                    data = response.read()
                    message = Message()
                    message["content-type"] = response.headers.get("Content-Type", "")
                    charset = message.get_param("charset") or ""
                    return Fetched(response.geturl(), data, str(charset))
            except HTTPError as error:
                if allow_missing and error.code in (401, 403, 404, 410):
                    return Fetched(url, b"", "")
                if error.code in (429, 500, 502, 503, 504) and attempt == 1:
                    # Back off as the server asks (at most a minute), then try once more.
                    retry = error.headers.get("Retry-After", "")
                    time.sleep(min(int(retry), 60) if retry.isdigit() else 5)
                    continue
                raise FetchError(f"the old site answered {error.code}") from error
            except (URLError, TimeoutError, OSError) as error:
                if attempt == 1:
                    time.sleep(2)
                    continue
                raise FetchError(f"the old site did not answer ({error})") from error
        raise FetchError("the old site did not answer")
