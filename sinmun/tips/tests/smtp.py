"""A real SMTP server on 127.0.0.1 for the suite (aiosmtpd), catching what the desk is sent."""

import email
import email.policy
import socket

import pytest
from aiosmtpd.controller import Controller


class Catcher:
    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            email.message_from_bytes(
                envelope.original_content, policy=email.policy.default
            )
        )
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_catcher(settings):
    """Point Django's SMTP backend at a local aiosmtpd server; yield what it receives."""
    catcher = Catcher()
    controller = Controller(catcher, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.DEFAULT_FROM_EMAIL = "sinmun@garamilbo.example"
    try:
        yield catcher
    finally:
        controller.stop()
