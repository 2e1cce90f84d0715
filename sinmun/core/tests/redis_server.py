"""A real redis-server on a spare port, for the fault tests: stop it, kill it, resume it."""

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from contextlib import closing

import pytest

# Long enough that no cooldown ends within one page render on a busy machine; the probe
# after a cooldown is tested with a clock (core/tests/test_cache_backends.py).
COOLDOWN = 1.0


def free_port(start: int = 6390) -> int:
    """Return the first port from `start` nothing listens on."""
    for port in range(start, start + 200):
        with closing(socket.socket()) as sock:
            if sock.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError("No free port for a spare redis-server from 6390 on.")


class RedisServer:
    """A throwaway redis-server on 127.0.0.1: no persistence, no other clients."""

    def __init__(self):
        self.port = free_port()
        self.dir = tempfile.mkdtemp(prefix="sinmun-redis-")
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> "RedisServer":
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                self.dir,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with closing(socket.socket()) as sock:
                if sock.connect_ex(("127.0.0.1", self.port)) == 0:
                    return self
            time.sleep(0.02)
        raise RuntimeError(f"redis-server did not listen on port {self.port}")

    def hang(self) -> None:
        """Freeze the server (SIGSTOP): connections open, nothing ever answers."""
        os.kill(self.process.pid, signal.SIGSTOP)

    def resume(self) -> None:
        os.kill(self.process.pid, signal.SIGCONT)

    def kill(self) -> None:
        """Kill the server (SIGKILL): connections are refused."""
        if self.process and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGCONT)
            self.process.kill()
            self.process.wait(timeout=10)

    def remove(self) -> None:
        """Kill the server and delete its directory."""
        self.kill()
        shutil.rmtree(self.dir, ignore_errors=True)

    def cache_settings(self) -> dict:
        return {
            "default": {
                "BACKEND": "sinmun.core.cache_backends.RedisCache",
                "LOCATION": self.url,
                "KEY_PREFIX": "sinmun-test",
                "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.3},
            }
        }


@pytest.fixture
def redis_server():
    """A spare redis-server, killed after the test."""
    server = RedisServer().start()
    yield server
    server.remove()


@pytest.fixture
def redis_cache(settings, redis_server):
    """Point the default cache at the spare server, with a short breaker cooldown."""
    from django.core.cache import cache

    from sinmun.core import cache_backends

    cache_backends._breakers.clear()  # a fresh process's breakers
    settings.CACHES = redis_server.cache_settings()
    settings.SINMUN_CACHE_BREAKER_COOLDOWN_SECONDS = COOLDOWN
    yield cache
    cache_backends._breakers.clear()
