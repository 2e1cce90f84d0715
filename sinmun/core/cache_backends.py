"""The Redis cache with a circuit breaker: a down or hung Redis costs one fast check per call.

django-redis with IGNORE_EXCEPTIONS already turns a failed call into a miss, but it still
tries every call: a page makes dozens, so a hung Redis (`kill -STOP`) cost a socket
timeout each and a dead one a refused connection and a traceback each (issue 22, item 7).
Here every round trip goes through a per-process breaker. After a failure it opens: for
SINMUN_CACHE_BREAKER_COOLDOWN_SECONDS no call reaches Redis (a miss, a no-op set), then one
call is let through as a probe; its answer closes the breaker again. The log gets one
warning a minute, not one traceback per call.

The breaker sits in the connection class (every connect and every command, pipelines
included, goes through it), so django-redis's own error handling turns its refusal into
the usual miss.
"""

import logging
import threading
import time
from collections.abc import Iterable
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django_redis.cache import RedisCache as DjangoRedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.connection import Connection
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ResponseError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# One line in the log a minute is enough to page someone and few enough to read.
WARNING_INTERVAL_SECONDS = 60

CLOSED, OPEN, HALF_OPEN = "closed", "open", "half-open"
FAILURES = (RedisConnectionError, RedisTimeoutError)


class CacheUnavailable(RedisConnectionError):
    """Raised instead of a round trip while the breaker is open."""


class CircuitBreaker:
    """Whether to try Redis at `name` now; shared by every thread of the process."""

    def __init__(self, name: str, clock=time.monotonic):
        self.name = name
        self._clock = clock
        self._lock = threading.Lock()
        self.state = CLOSED
        self._retry_at = 0.0
        self._probe_thread: int | None = None
        self._warned_at: float | None = None
        # Counters for /healthz and the tests: round trips tried, and refused by the breaker.
        self.attempts = 0
        self.skipped = 0
        self.failures = 0
        self.last_error = ""

    def allow(self) -> bool:
        """Return whether this thread may make a round trip now."""
        if self.state == CLOSED:
            return True
        me = threading.get_ident()
        with self._lock:
            if self.state == HALF_OPEN and self._probe_thread == me:
                return True
            if self._clock() >= self._retry_at:
                # Cooldown over (or a probe that never answered): this call is the probe.
                self.state = HALF_OPEN
                self._probe_thread = me
                self._retry_at = self._clock() + cooldown_seconds()
                return True
            return False

    def before_round_trip(self) -> None:
        """Count a round trip about to be made, or refuse it while the breaker is open."""
        if not self.allow():
            self.skipped += 1
            raise CacheUnavailable(f"Redis at {self.name}: circuit open")
        self.attempts += 1

    def failed(self, error: Exception) -> None:
        """Open the breaker after `error`; log a warning at most once a minute."""
        now = self._clock()
        with self._lock:
            self.state = OPEN
            self._probe_thread = None
            self._retry_at = now + cooldown_seconds()
            self.failures += 1
            self.last_error = str(error)
            warn = (
                self._warned_at is None
                or now - self._warned_at >= WARNING_INTERVAL_SECONDS
            )
            if warn:
                self._warned_at = now
        if warn:
            logger.warning(
                "Redis at %s is unreachable (%s); serving without the cache and "
                "trying again every %s s. (Logged at most once a minute.)",
                self.name,
                error,
                cooldown_seconds(),
            )

    def succeeded(self) -> None:
        """Close the breaker: Redis answered."""
        if self.state == CLOSED:
            return
        with self._lock:
            was = self.state
            self.state = CLOSED
            self._probe_thread = None
        if was != CLOSED:
            logger.info("Redis at %s answers again; the cache is back.", self.name)


def cooldown_seconds() -> float:
    return settings.SINMUN_CACHE_BREAKER_COOLDOWN_SECONDS


_breakers: dict[str, CircuitBreaker] = {}
_breakers_lock = threading.Lock()


def breaker_for(name: str) -> CircuitBreaker:
    """Return the process's breaker for the Redis server `name` ("host:port")."""
    breaker = _breakers.get(name)
    if breaker is None:
        with _breakers_lock:
            breaker = _breakers.setdefault(name, CircuitBreaker(name))
    return breaker


class BreakerConnection(Connection):
    """A redis-py connection whose connects and commands pass through the breaker."""

    @property
    def breaker(self) -> CircuitBreaker:
        return breaker_for(f"{self.host}:{self.port}")

    def connect_check_health(self, *args, **kwargs):
        if self._sock:  # already connected: no round trip
            return super().connect_check_health(*args, **kwargs)
        self.breaker.before_round_trip()
        # The connect, its handshake and the command it is for are one try, counted once.
        self._connecting = True
        try:
            connected = super().connect_check_health(*args, **kwargs)
        except CacheUnavailable:
            raise
        except FAILURES as error:
            self.breaker.failed(error)
            raise
        finally:
            self._connecting = False
        self._counted_by_connect = True
        return connected

    def send_packed_command(self, command, check_health=True):
        connecting = getattr(self, "_connecting", False)
        if connecting or not self._sock:
            pass  # a connect's handshake, or a connect to come: counted there
        elif getattr(self, "_counted_by_connect", False):
            self._counted_by_connect = False
        else:
            self.breaker.before_round_trip()
        try:
            return super().send_packed_command(command, check_health=check_health)
        except CacheUnavailable:
            raise
        except FAILURES as error:
            self.breaker.failed(error)
            raise
        finally:
            if not connecting:
                self._counted_by_connect = False

    def read_response(self, *args, **kwargs):
        try:
            response = super().read_response(*args, **kwargs)
        except FAILURES as error:
            self.breaker.failed(error)
            raise
        except ResponseError:
            self.breaker.succeeded()  # Redis answered, if only with an error
            raise
        self.breaker.succeeded()
        return response


class BreakerCache(DjangoRedisCache):
    """django-redis's cache behind the breaker; failures are misses, never exceptions."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        options.setdefault("IGNORE_EXCEPTIONS", True)
        options["CONNECTION_POOL_KWARGS"] = {
            "connection_class": BreakerConnection,
            **options.get("CONNECTION_POOL_KWARGS", {}),
        }
        super().__init__(server, {**params, "OPTIONS": options})
        # The breaker logs once a minute; django-redis would log a traceback per call.
        self._log_ignored_exceptions = False
        self.logger = None

    def get_many(self, *args, **kwargs):
        # On a failure django-redis returns one shared {} (its decorator's default), which
        # a caller that fills in its misses would poison for every later failure.
        return dict(super().get_many(*args, **kwargs))

    @property
    def breaker(self) -> CircuitBreaker:
        """Return the breaker of the Redis server this cache writes to."""
        kwargs = self.client.get_client(write=True).connection_pool.connection_kwargs
        return breaker_for(
            f"{kwargs.get('host', 'localhost')}:{kwargs.get('port', 6379)}"
        )

    def ping(self) -> bool:
        """Return whether Redis answers now (False at once while the breaker is open)."""
        try:
            return bool(self.client.get_client(write=True).ping())
        except FAILURES:
            return False


# --- Read-ahead: the keys every page reads, in one round trip ----------------------------

_read_ahead: ContextVar[dict | None] = ContextVar(
    "sinmun_cache_read_ahead", default=None
)
_ABSENT = object()  # not in the memo: ask Redis
_ABSENT_READ = (
    object()
)  # read ahead, and Redis had nothing: a miss without a round trip


class RedisCache(BreakerCache):
    """The breaker cache, plus reading a page's site-wide keys in one round trip.

    Every page reads the same handful of keys (section tree, weather ticker, headline
    boxes, site settings, Wagtail's site root paths...), each a round trip of its own: on
    an article that was a quarter of the origin's time. Inside `reading_ahead(keys)` they
    come from one MGET made at the start; a key written or deleted meanwhile is read from
    Redis again, so a request sees its own writes. What a request reads is what Redis held
    when it began, as if it had started a moment earlier; nothing outlives the request.
    """

    @contextmanager
    def reading_ahead(self, entries: Iterable[str | tuple[str, int | None]]):
        """Read `entries` in one round trip; inside, reading them costs none."""
        token = _read_ahead.set({})
        try:
            self.read_more(entries)
            yield
        finally:
            _read_ahead.reset(token)

    def read_more(self, entries: Iterable[str | tuple[str, int | None]]) -> None:
        """Inside `reading_ahead`, read `entries` too, in one more round trip."""
        memo = _read_ahead.get()
        if memo is None:
            return
        keys = [key for key in map(self._full_key, entries) if key not in memo]
        if not keys:
            return
        try:
            values = self.client.get_client(write=False).mget(keys)
        except (*FAILURES, ConnectionInterrupted):
            return  # nothing read ahead: each key is read (or missed) when used
        for key, value in zip(keys, values, strict=True):
            memo[key] = _ABSENT_READ if value is None else self.client.decode(value)

    def _full_key(self, entry) -> str:
        key, version = (entry, None) if isinstance(entry, str) else entry
        return str(self.client.make_key(key, version=version))

    def _forget(self, keys, version=None) -> None:
        memo = _read_ahead.get()
        if memo:
            for key in keys:
                memo.pop(str(self.client.make_key(key, version=version)), None)

    def get(self, key, default=None, version=None, client=None):
        memo = _read_ahead.get()
        if memo:
            value = memo.get(str(self.client.make_key(key, version=version)), _ABSENT)
            if value is _ABSENT_READ:
                return default
            if value is not _ABSENT:
                return value
        return super().get(key, default=default, version=version, client=client)

    def get_many(self, keys, version=None, client=None):
        memo = _read_ahead.get()
        found, rest = {}, []
        for key in keys:
            value = (
                memo.get(str(self.client.make_key(key, version=version)), _ABSENT)
                if memo
                else _ABSENT
            )
            if value is _ABSENT:
                rest.append(key)
            elif value is not _ABSENT_READ:
                found[key] = value
        if rest:
            found.update(super().get_many(rest, version=version, client=client))
        return found

    def set(self, key, *args, version=None, **kwargs):
        self._forget([key], version)
        return super().set(key, *args, version=version, **kwargs)

    def add(self, key, *args, version=None, **kwargs):
        self._forget([key], version)
        return super().add(key, *args, version=version, **kwargs)

    def delete(self, key, *args, version=None, **kwargs):
        self._forget([key], version)
        return super().delete(key, *args, version=version, **kwargs)

    def touch(self, key, *args, version=None, **kwargs):
        self._forget([key], version)
        return super().touch(key, *args, version=version, **kwargs)

    def incr(self, key, *args, version=None, **kwargs):
        self._forget([key], version)
        return super().incr(key, *args, version=version, **kwargs)

    def decr(self, key, *args, version=None, **kwargs):
        self._forget([key], version)
        return super().decr(key, *args, version=version, **kwargs)

    def set_many(self, data, *args, version=None, **kwargs):
        self._forget(list(data), version)
        return super().set_many(data, *args, version=version, **kwargs)

    def delete_many(self, keys, *args, version=None, **kwargs):
        keys = list(keys)
        self._forget(keys, version)
        return super().delete_many(keys, *args, version=version, **kwargs)

    def clear(self):
        memo = _read_ahead.get()
        if memo:
            memo.clear()
        return super().clear()
