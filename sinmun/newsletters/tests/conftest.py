from sinmun.tips.tests.smtp import smtp_catcher  # noqa: F401 - a real SMTP server on 127.0.0.1
