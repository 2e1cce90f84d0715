"""Logging in to the newsroom's admin, in one place for every test that walks it.

Test accounts have the password "pw-" + username (sinmun.desk.tests.factories.make_user).
A further login step (a second factor) belongs here, for the browser and for HTTP alike.
"""

import re

import requests

LOGIN = "/admin/login/"


def password_of(username: str) -> str:
    return "pw-" + username


def log_in_browser(page, base_url: str, username: str):
    """Log `page` (a Playwright page) in as `username`; it ends on the dashboard."""
    page.goto(base_url + LOGIN)
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password_of(username))
    page.locator("form button[type=submit]").click()
    page.wait_for_url(base_url + "/admin/")
    return page


def log_in_http(base_url: str, username: str) -> requests.Session:
    """A requests session logged in as `username`, as a browser's login form does it."""
    session = requests.Session()
    form = session.get(base_url + LOGIN, timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    response = session.post(
        base_url + LOGIN,
        data={
            "csrfmiddlewaretoken": token,
            "username": username,
            "password": password_of(username),
            "next": "/admin/",
        },
        headers={"Referer": base_url + LOGIN},
        timeout=30,
    )
    assert response.url == base_url + "/admin/", f"{username} could not log in"
    return session
